"""Run one notebook in a kernel that cannot hang the runner or outlive it.

* The kernel manager is asynchronous: with nbclient's synchronous one the per-cell
  timeout is silently ignored and a dead kernel is never noticed.
* The kernel starts in the notebook's folder (``cwd`` of the kernel process only: the
  runner's own working directory never changes, so notebooks can run in parallel
  threads), talks over Unix sockets in a private temporary folder that also holds its
  connection file, and that folder is removed when the notebook ends.
* On Linux the kernel asks to be killed when the runner's thread that started it ends
  (``PR_SET_PDEATHSIG``), so even a kernel stuck in C code dies with a killed runner;
  ipykernel's own parent poller covers other systems.
* :func:`kill_all` ends every running kernel at once (used on a wall-clock limit or
  Ctrl-C); nbclient then reports the dead kernel and the worker threads finish.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import nbformat

__all__ = [
    "CellTimeout",
    "KernelDied",
    "NotebookFailed",
    "clear_stale_folders",
    "execute",
    "kill_all",
    "running_folders",
]

BUILD_ENV = "RESEARCH_REPORT_BUILD"
"""Set in the environment of every kernel the runner starts."""

_LOCK = threading.Lock()
_RUNNING: dict[int, tuple[int, Path]] = {}
"""Kernel process id -> (process group, its temporary folder), for every running kernel."""
_KILLED = threading.Event()

_PDEATHSIG = (
    "import ctypes, os, signal, sys\n"
    "try:\n"
    "    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG\n"
    "except Exception:\n"
    "    pass\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])\n"
)


class NotebookFailed(RuntimeError):
    """A cell raised an error; the message names the notebook, the cell and the error."""


class CellTimeout(RuntimeError):
    """A cell ran longer than the per-cell timeout."""


class KernelDied(RuntimeError):
    """The kernel ended while a notebook ran (killed, out of memory, or stopped by the runner)."""


def preload() -> None:
    """Import the execution engines in the calling (main) thread.

    The notebook threads and the template thread would otherwise import papermill,
    nbclient, jupyter_client and nbconvert at the same moment, and Python's import of one
    module from two threads can fail with "partially initialized module" (seen once in a
    fresh-clone test run of two concurrent builds).
    """
    import jupyter_client.manager  # noqa: F401
    import nbclient.exceptions  # noqa: F401
    import papermill
    import papermill.exceptions  # noqa: F401


def _manager_class() -> type:
    from jupyter_client.manager import AsyncKernelManager

    class GuardedKernelManager(AsyncKernelManager):  # type: ignore[misc]
        """Starts the kernel in a given folder, wrapped to die with its parent thread."""

        workdir: str = ""

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            if self.workdir:
                kw["cwd"] = self.workdir
            env = dict(kw.get("env") or os.environ)
            env[BUILD_ENV] = "1"  # notebooks draw static tables and no widgets in a report build
            kw["env"] = env
            if (
                sys.platform.startswith("linux")
                and kernel_cmd
                and Path(kernel_cmd[0]).name.startswith("python")
            ):
                kernel_cmd = [kernel_cmd[0], "-c", _PDEATHSIG, *kernel_cmd[1:]]
            await super()._async_launch_kernel(kernel_cmd, **kw)
            pid = getattr(self.provisioner, "pid", None)
            pgid = getattr(self.provisioner, "pgid", None) or pid
            if pid:
                with _LOCK:
                    _RUNNING[int(pid)] = (int(pgid), Path(self.connection_file).parent)
                if _KILLED.is_set():  # the build was abandoned while this kernel started
                    _kill(int(pgid))

    return GuardedKernelManager


def _kill(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_all() -> None:
    """Kill every kernel started by :func:`execute` that is still running, and refuse new ones."""
    _KILLED.set()
    with _LOCK:
        for pgid, _ in list(_RUNNING.values()):
            _kill(pgid)


def reset() -> None:
    """Allow kernels to start again after :func:`kill_all` (a new build)."""
    _KILLED.clear()


def running_folders() -> list[Path]:
    """Temporary folders of the kernels still running (removed when they end)."""
    with _LOCK:
        return [folder for _, folder in _RUNNING.values()]


def execute(
    notebook: Path,
    output: Path,
    parameters: dict[str, Any],
    *,
    name: str,
    timeout: int,
) -> nbformat.NotebookNode:
    """Execute ``notebook`` with ``parameters`` into ``output``; return the executed notebook.

    Parameters
    ----------
    notebook : Path
        The source notebook; its folder is the kernel's working directory.
    output : Path
        Where the executed notebook is written.
    parameters : dict
        Values injected after the ``parameters`` cell.
    name : str
        How to name the notebook in messages.
    timeout : int
        Per-cell timeout in seconds.

    Raises
    ------
    NotebookFailed, CellTimeout, KernelDied
        With a one-line message naming the notebook.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if _KILLED.is_set():
        raise KernelDied(f"{name}: not started, the build was stopped.")
    clear_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    _write_owner(folder)
    km = _manager_class()(
        kernel_name="python3",
        transport="ipc",
        ip=str(folder / "k"),
        connection_file=str(folder / "connection.json"),
    )
    km.workdir = str(notebook.parent)
    try:
        nb = papermill.execute_notebook(
            _literal_path(notebook),
            _literal_path(output),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            km=km,
        )
    except PapermillExecutionError as exc:
        raise NotebookFailed(
            f"{name} failed in cell {exc.exec_count or exc.cell_index}: {exc.ename}: {exc.evalue}"
        ) from None
    except CellTimeoutError:
        raise CellTimeout(
            f"{name}: a cell ran longer than the per-cell limit of {timeout} s (--timeout); "
            "raise the limit or give a shorter article."
        ) from None
    except DeadKernelError:
        if _KILLED.is_set():
            raise KernelDied(f"{name}: stopped with the build.") from None
        raise KernelDied(
            f"{name}: the kernel died while it ran (killed, or out of memory); the report was not written."
        ) from None
    finally:
        pid = getattr(km.provisioner, "pid", None) if km.provisioner else None
        _shutdown(km)
        if pid:
            with _LOCK:
                _RUNNING.pop(int(pid), None)
        shutil.rmtree(folder, ignore_errors=True)
    return nb


def _literal_path(path: Path) -> str:
    """A path as papermill takes it: papermill fills ``{name}`` in paths with parameter
    values (``str.format``), so braces in a folder name (``drafts {v2}``) are doubled."""
    return str(path).replace("{", "{{").replace("}", "}}")


FOLDER_PREFIX = "rr-kernel-"
"""Name prefix of each kernel's private temporary folder (sockets and connection file)."""

OWNER_FILE = "runner"
"""File in each kernel folder naming the runner process: its id and start time."""

STALE_UNOWNED_S = 600
"""A kernel folder without an owner file older than this is a leftover (the file is
written right after the folder is made)."""

_CLEARED = threading.Event()
_CLEARING = threading.Lock()


def _start_time(pid: int) -> str:
    """The start time of process ``pid`` (clock ticks since boot on Linux; "" elsewhere or
    when it does not exist): with the id it names one process, even after ids are reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    return stat.rsplit(")", 1)[-1].split()[19]


def _owner(pid: int) -> str:
    return f"{pid} {_start_time(pid)}\n"


def _write_owner(folder: Path) -> None:
    """Write the owner file whole or not at all (a name swap), so that a run clearing
    stale folders at the same moment never reads it empty and takes a live folder for a
    dead one."""
    part = folder / f".{OWNER_FILE}.part"
    part.write_text(_owner(os.getpid()), encoding="utf-8")
    os.replace(part, folder / OWNER_FILE)


def _alive(owner: str) -> bool:
    """Whether the runner named in an owner file still runs."""
    parts = owner.split()
    if not parts or not parts[0].isdigit():
        return False
    pid = int(parts[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: not ours to judge
    return len(parts) < 2 or not parts[1] or _start_time(pid) == parts[1]


def clear_stale_folders(tmp: Path | None = None) -> list[str]:
    """Remove the kernel folders (``rr-kernel-*`` with their connection files) that runs
    killed outright left in the temporary folder: those whose runner no longer exists,
    and those without an owner file (or with an empty one) older than
    :data:`STALE_UNOWNED_S`. Runs once per
    process unless ``tmp`` is given. Returns the names removed."""
    if tmp is None:
        # The other threads of this build wait here until the first has cleared, so none
        # makes its own folder while the first is still looking at the folder's neighbours.
        with _CLEARING:
            if _CLEARED.is_set():
                return []
            removed = _clear(Path(tempfile.gettempdir()))
            _CLEARED.set()
            return removed
    return _clear(tmp)


def _clear(base: Path) -> list[str]:
    import time

    removed: list[str] = []
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(FOLDER_PREFIX)]
    except OSError:
        return removed
    for folder in candidates:
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
                continue
            owner_file = folder / OWNER_FILE
            owner = owner_file.read_text(encoding="utf-8", errors="replace") if owner_file.is_file() else ""
            if owner.strip():
                stale = not _alive(owner)
            else:  # no owner named (yet): only an old folder is a leftover
                stale = time.time() - info.st_mtime > STALE_UNOWNED_S
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def _shutdown(km: Any) -> None:
    """Stop the kernel of ``km`` if it still runs (it is ours: we passed it in)."""
    from jupyter_core.utils import run_sync

    try:
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # already gone, or the loop is closing: kill it outright
        pgid = getattr(km.provisioner, "pgid", None) if km.provisioner else None
        if pgid:
            _kill(int(pgid))
