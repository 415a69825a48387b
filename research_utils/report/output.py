"""Publishing a report without ever touching what the tool did not write.

* Every report folder holds a marker file, :data:`MARKER`, that lists the files the tool
  wrote into it. An existing folder is replaced only when it has the marker and holds
  nothing that the marker does not list; anything else is refused with one line.
* No output folder may contain or equal an input file (article, sidecar, lexicon).
* One build at a time writes into an output folder: :func:`lock` takes an exclusive
  lock on the folder itself, and a second build refuses at once with one line.
* A report is built in a hidden folder beside its final place and swapped in only when
  complete, so a published report is always from one run. The build folder carries a
  marker from the moment it is made, so that the leftover of a run killed outright
  (``kill -9``, a machine that went down) is recognised as ours and cleared by the next run.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = [
    "MARKER",
    "OutputError",
    "check_destination",
    "check_not_holding",
    "lock",
    "make_dir",
    "remove_ours",
    "start_build",
    "swap_into_place",
    "write_marker",
]

MARKER = ".research-report.json"
"""File inside every folder this tool writes; lists the files it wrote there."""

BUILDING = "build in progress"
"""Marker kind of a build folder until the finished report's marker replaces it."""


class OutputError(ValueError):
    """An output location that cannot be used; the message says why and what to do."""


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


def write_marker(folder: Path, kind: str = "article report") -> None:
    """Write :data:`MARKER` into ``folder`` listing every file now in it (sorted)."""
    files = sorted(_files(folder) - {MARKER})
    data = {"written_by": "research-report", "kind": kind, "files": files}
    (folder / MARKER).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def start_build(folder: Path) -> None:
    """Create the hidden build folder ``folder`` and mark it as ours before anything is
    written into it (the finished report's :func:`write_marker` replaces the mark)."""
    make_dir(folder)
    write_marker(folder, kind=BUILDING)


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
        listed = set(json.loads(marker.read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return False, f"its {MARKER} cannot be read"
    extra = sorted(_files(folder) - listed - {MARKER})
    if extra:
        shown = ", ".join(extra[:3]) + (" ..." if len(extra) > 3 else "")
        return False, f"it holds files research-report did not write ({shown})"
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


def remove_ours(folder: Path) -> None:
    """Remove a leftover build folder, but only if it is empty or one of ours (a finished
    report, or a build this tool started: :func:`start_build`)."""
    if not folder.exists():
        return
    ok, why = is_ours(folder)
    if ok or (folder.is_dir() and (not any(folder.iterdir()) or _marker_kind(folder) == BUILDING)):
        shutil.rmtree(folder, ignore_errors=True)
        return
    raise OutputError(f"{folder} is in the way and {why}; move it away or choose another --out.")


def swap_into_place(build: Path, final: Path) -> None:
    """Replace ``final`` with ``build`` so that a reader never sees a half-written folder.

    ``final`` must already have passed :func:`check_destination`.
    """
    try:
        os.chmod(build, 0o755)
        if final.exists():
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
