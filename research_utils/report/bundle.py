"""One file to send: the report folder as a zip.

Every report folder also holds ``<slug>.zip`` with the reports (with and without code),
the notebooks, the CSV tables and ``results.json``: one attachment that opens anywhere.
The archive is deterministic (sorted names, fixed timestamps), so two builds of the same
inputs give the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from research_utils.report.output import MARKER

__all__ = ["write_bundle"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_bundle(folder: Path, name: str, exclude: Iterable[str] = ()) -> Path:
    """Zip the files of ``folder`` into ``folder/<name>.zip`` (paths inside start with ``name/``).

    Parameters
    ----------
    folder : Path
        A finished report folder.
    name : str
        The archive's name and top folder.
    exclude : iterable of str
        Top-level entries left out (for a corpus: ``data``, the Parquet tables).
    """
    target = folder / f"{name}.zip"
    skip = {target.name, MARKER, *exclude}
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[0] not in skip)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{name}/{path.relative_to(folder).as_posix()}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return target
