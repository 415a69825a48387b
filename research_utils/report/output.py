"""Publishing a report without ever touching what the tool did not write.

* Every report folder holds a marker file, :data:`MARKER`, that lists the files and
  folders the tool wrote into it, with each file's SHA-256. An existing folder is replaced
  only when it has the marker, holds nothing that the marker does not list, and no listed
  file was changed since (a coding sheet filled in where it was written); anything else
  is refused with one line.
* No output folder may contain or equal an input file (article, sidecar, lexicon).
* One build at a time writes into an output folder: :func:`lock` takes an exclusive
  lock on the folder itself, and a second build refuses at once with one line.
* A report is built in a new hidden folder beside its final place (made by ``mkdtemp``:
  never a folder or link someone put there) and swapped in only when complete, so a
  published report is always from one run. The build folder carries a marker from the
  moment it is made, so that the leftover of a run killed outright (``kill -9``, a machine
  that went down) is recognised as ours and cleared by the next run.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from research_utils.paths import OUTPUT_MARKER

__all__ = [
    "MARKER",
    "OutputError",
    "check_destination",
    "check_not_holding",
    "clear_stale_builds",
    "discard_build",
    "lock",
    "make_dir",
    "new_build",
    "swap_into_place",
    "write_marker",
]

MARKER = OUTPUT_MARKER
"""File inside every folder this tool writes; lists the files it wrote there."""

BUILDING = "build in progress"
"""Marker kind of a build folder until the finished report's marker replaces it."""

BUILD_HOLDER = "build folder"
"""Marker kind of the hidden folder that holds a build (see :func:`new_build`)."""

BUILD_PREFIX = ".build-"
"""Name prefix of the hidden build folders inside an output folder."""


class OutputError(ValueError):
    """An output location that cannot be used; the message says why and what to do."""


def _entries(folder: Path) -> tuple[set[str], set[str], set[str]]:
    """Every entry under ``folder`` as relative POSIX paths: (files, folders, symbolic
    links). Links are never followed; a link to a folder is a link, not a folder."""
    files: set[str] = set()
    dirs: set[str] = set()
    links: set[str] = set()
    for root, dnames, fnames in os.walk(folder):  # followlinks=False: a linked folder is not entered
        base = Path(root)
        for name in dnames:
            rel = (base / name).relative_to(folder).as_posix()
            (links if (base / name).is_symlink() else dirs).add(rel)
        for name in fnames:
            rel = (base / name).relative_to(folder).as_posix()
            (links if (base / name).is_symlink() else files).add(rel)
    return files, dirs, links


def _files(folder: Path) -> set[str]:
    return _entries(folder)[0]


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_marker(folder: Path, kind: str = "article report") -> None:
    """Write :data:`MARKER` into ``folder`` listing every file and folder now in it (sorted),
    with each file's SHA-256: a file the user changed afterwards (a coding sheet filled in
    where it was written) is then not theirs to lose in the next build."""
    files, dirs, _links = _entries(folder)
    listed = sorted(files - {MARKER})
    _write_json(
        folder / MARKER,
        {
            "written_by": "research-report",
            "kind": kind,
            "files": listed,
            "folders": sorted(dirs),
            "sha256": {name: _digest(folder / name) for name in listed} if kind != BUILDING else {},
        },
    )


def new_build(out_dir: Path, slug: str) -> Path:
    """A new, empty build folder for the report ``slug``, inside ``out_dir``.

    The caller holds :func:`lock` on ``out_dir``, so any build folder found there is the
    leftover of a run that was killed: those of ours are cleared first
    (:func:`clear_stale_builds`). The new one is ``out_dir/.build-<slug>-XXXXXXXX/<slug>``:
    the hidden holder is made by :func:`tempfile.mkdtemp` (a new folder that nothing else
    can have put there, so no symbolic link is ever followed), and the report folder inside
    it has the report's own name, so the paths injected into the notebooks, and so the
    reports, are the same from one build to the next. Both are marked as ours at once.
    """
    clear_stale_builds(out_dir)
    try:
        holder = Path(tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{slug}-", dir=out_dir))
    except OSError as exc:
        raise OutputError(
            f"cannot create a build folder in {out_dir} ({exc.strerror}); choose another --out."
        ) from None
    _write_json(holder / MARKER, {"written_by": "research-report", "kind": BUILD_HOLDER, "files": []})
    build = holder / slug
    build.mkdir()
    write_marker(build, kind=BUILDING)
    return build


def discard_build(build: Path) -> None:
    """Remove a build folder made by :func:`new_build` (and its holder); nothing else."""
    holder = build.parent
    if (
        holder.name.startswith(BUILD_PREFIX)
        and not holder.is_symlink()
        and _marker_kind(holder) == BUILD_HOLDER
    ):
        shutil.rmtree(holder, ignore_errors=True)


def clear_stale_builds(out_dir: Path) -> list[str]:
    """Remove the build folders of killed runs from ``out_dir`` (call with :func:`lock` held).

    Only real folders (never a symbolic link, never followed) named ``.build-*`` that carry
    our build marker, or are a finished report of ours, are removed; anything else of that
    name is left where it is. Returns the names removed.
    """
    removed = []
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(BUILD_PREFIX) or entry.is_symlink() or not entry.is_dir():
            continue
        if _stale_build(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    return removed


def _stale_build(folder: Path) -> bool:
    """Whether ``folder`` is a build of ours: a build folder marked as in progress (what is in
    it, the build wrote), a finished report of ours, or a holder of :func:`new_build` that
    holds nothing but its marker and one such folder."""
    kind = _marker_kind(folder)
    if kind == BUILDING or (kind != BUILD_HOLDER and is_ours(folder)[0]):
        return True
    if kind != BUILD_HOLDER:
        return False
    inside = [p for p in folder.iterdir() if p.name != MARKER]
    return all(p.is_dir() and not p.is_symlink() and _stale_build(p) for p in inside) and len(inside) <= 1


def _write_json(path: Path, data: dict[str, object]) -> None:
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def _marker_kind(folder: Path) -> str:
    try:
        return str(json.loads((folder / MARKER).read_text(encoding="utf-8")).get("kind", ""))
    except (OSError, ValueError, AttributeError):
        return ""


def is_ours(folder: Path) -> tuple[bool, str]:
    """Whether ``folder`` is a report this tool wrote and holds nothing else.

    Returns
    -------
    tuple of (bool, str)
        The verdict and, when it is False, the reason in a few words.
    """
    marker = folder / MARKER
    if not folder.is_dir():
        return False, "it is not a folder"
    if not marker.is_file():
        return False, "it was not written by research-report"
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        listed = set(data["files"])
        folders = set(data.get("folders", []))  # markers before folders were listed have none
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False, f"its {MARKER} cannot be read"
    files, dirs, links = _entries(folder)
    holding = folders | {p.rsplit("/", i)[0] for p in listed for i in range(1, p.count("/") + 1)}
    extra = sorted((files - listed - {MARKER}) | (dirs - holding) | links)
    if extra:
        shown = ", ".join(extra[:3]) + (" ..." if len(extra) > 3 else "")
        return False, f"it holds files or folders research-report did not write ({shown})"
    digests = data.get("sha256") or {}  # markers before digests were kept have none
    changed = sorted(n for n, d in digests.items() if n in files and _digest(folder / n) != d)
    if changed:
        shown = ", ".join(changed[:3]) + (" ..." if len(changed) > 3 else "")
        return False, f"files in it were changed since research-report wrote them ({shown})"
    return True, ""


def check_destination(final: Path, inputs: Iterable[Path]) -> None:
    """Refuse a report folder that would replace something that is not ours.

    Raises
    ------
    OutputError
        If ``final`` (or its build folder) contains or equals an input, exists without
        being one of our reports, or lies under a file.
    """
    final = final.absolute()
    check_not_holding(final, inputs)
    for parent in [final.parent, *final.parent.parents]:
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"--out: {parent} is a file, not a folder; choose a folder with --out.")
    if final.exists() or final.is_symlink():
        if final.is_symlink():
            raise OutputError(f"{final} is a symbolic link; move it away or choose another --out.")
        ok, why = is_ours(final)
        if not ok:
            raise OutputError(f"{final} already exists and {why}; move it away or choose another --out.")


def check_not_holding(folder: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output ``folder`` that contains or equals one of ``inputs``."""
    folder = folder.absolute()
    for inp in inputs:
        inp = inp.absolute()
        if inp == folder or folder in inp.parents:
            raise OutputError(f"the report folder {folder} would hold the input {inp}; choose another --out.")


def make_dir(path: Path) -> None:
    """Create ``path`` (and its parents), turning file-system errors into one line."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"--out: {path} is a file, not a folder; choose a folder with --out.") from None
    except NotADirectoryError:
        raise OutputError(f"--out: {path} lies under a file; choose a folder with --out.") from None
    except OSError as exc:
        raise OutputError(
            f"cannot create {path} ({exc.strerror}); choose a folder you can write to with --out."
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into {path} (permission denied); choose another --out.")


@contextlib.contextmanager
def lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` while the block runs.

    Raises
    ------
    OutputError
        At once, if another build holds the lock.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"another research-report is writing into {folder}; wait for it to finish "
                "or choose another --out."
            ) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def swap_into_place(build: Path, final: Path) -> None:
    """Replace ``final`` with ``build`` (from :func:`new_build`) so that a reader never
    sees a half-written folder; the build's hidden holder is removed afterwards.

    ``final`` must already have passed :func:`check_destination`.
    """
    try:
        os.chmod(build, 0o755)
        if final.exists() or final.is_symlink():
            if final.is_symlink() or not final.is_dir():
                raise OutputError(
                    f"{final} is not a folder of ours any more; move it away or choose another --out."
                )
            old = Path(tempfile.mkdtemp(prefix=f".old-{final.name}-", dir=final.parent))
            old.rmdir()
            final.rename(old)
            try:
                build.rename(final)
            except BaseException:
                old.rename(final)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            build.rename(final)
    except OSError as exc:
        raise OutputError(
            f"cannot move the finished report into {final} ({exc.strerror}); "
            "the previous report, if any, is unchanged."
        ) from None
    discard_build(build)
