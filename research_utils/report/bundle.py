"""Files to send: the reports for readers in one zip, the notebooks and pages with code in another.

Every report folder also holds two archives:

* ``<slug>.zip`` for readers: the index page, the reports without code
  (``*.reader.html``), the CSV tables and Excel workbooks, the figures (SVG and PNG) and
  ``results.json``. Its index page is the reader's version (``index``): it links nothing
  that is not in the archive and says where the rest is.
* ``<slug>-code.zip``: the executed notebooks and the reports with code (``*.html``).

A corpus report leaves out its Parquet tables (``data``) and its article reports
(``articles``, each with its own two archives beside it): an archive never holds another
archive, and a corpus of a hundred articles stays a file one can send. The archives are
deterministic (sorted names, fixed timestamps), so two builds of the same inputs give the
same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from research_utils.report.output import MARKER

__all__ = ["code_files", "reader_files", "write_bundles"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def _is_code(rel: Path) -> bool:
    """A notebook, or a report page with code (``<stem>.html``, not ``.reader.html`` or the index)."""
    name = rel.name
    if len(rel.parts) != 1:
        return False
    return name.endswith(".ipynb") or (
        name.endswith(".html") and not name.endswith(".reader.html") and name != "index.html"
    )


def _files(folder: Path, skip: set[str]) -> list[Path]:
    return sorted(
        p.relative_to(folder)
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).parts[0] not in skip and not p.name.endswith(".zip")
    )


def reader_files(folder: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """The files of ``folder`` that go into the readers' archive (relative paths, sorted)."""
    return [p for p in _files(folder, {MARKER, *exclude}) if not _is_code(p)]


def code_files(folder: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """The notebooks and pages with code of ``folder`` (relative paths, sorted)."""
    return [p for p in _files(folder, {MARKER, *exclude}) if _is_code(p)]


def _write(target: Path, name: str, folder: Path, files: list[Path], replace: dict[str, str]) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for rel in files:
            info = zipfile.ZipInfo(f"{name}/{rel.as_posix()}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            text = replace.get(rel.as_posix())
            zf.writestr(info, text.encode("utf-8") if text is not None else (folder / rel).read_bytes())


def write_bundles(
    folder: Path, name: str, exclude: Iterable[str] = (), index: str | None = None
) -> tuple[Path, Path]:
    """Write ``folder/<name>.zip`` (for readers) and ``folder/<name>-code.zip`` (paths inside
    start with ``name/``).

    Parameters
    ----------
    folder : Path
        A finished report folder.
    name : str
        The archives' name and top folder.
    exclude : iterable of str
        Top-level entries left out of both (for a corpus: ``data`` and ``articles``).
    index : str, optional
        The index page of the readers' archive, in place of ``index.html``.

    Returns
    -------
    tuple of Path
        The readers' archive and the archive with code.
    """
    exclude = list(exclude)
    reader = folder / f"{name}.zip"
    code = folder / f"{name}-code.zip"
    replace = {"index.html": index} if index is not None else {}
    _write(reader, name, folder, reader_files(folder, exclude), replace)
    _write(code, name, folder, code_files(folder, exclude), {})
    return reader, code
