"""`make lab` starts JupyterLab on notebooks/, also for root (which JupyterLab refuses
without --allow-root; the Makefile adds the flag only when the user id is 0). An ordinary
user's start is not tested here: the checkout and its .venv belong to root on these
machines."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from research_utils.paths import PROJECT_ROOT, SOURCE_CHECKOUT

pytestmark = [
    pytest.mark.notebook,
    pytest.mark.skipif(
        not SOURCE_CHECKOUT or shutil.which("make") is None, reason="needs the source checkout"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_lab(tmp_path: Path, prefix: list[str]) -> tuple[int, str]:
    """Run `make lab` until the server says it runs (or 90 s); return (code or -1, its log)."""
    port = _free_port()
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "LAB_ARGS": f"--no-browser --port={port} --ServerApp.port_retries=0 --ServerApp.token=test",
    }
    log = tmp_path / "lab.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*prefix, "make", "-s", "lab"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and proc.poll() is None:
                if "is running at" in log.read_text(errors="replace"):
                    return -1, log.read_text(errors="replace")
                time.sleep(0.5)
            return (proc.poll() if proc.poll() is not None else -2), log.read_text(errors="replace")
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)


def test_make_lab_starts_for_this_user(tmp_path: Path) -> None:
    code, log = _start_lab(tmp_path, [])
    assert code == -1, f"JupyterLab did not start (exit {code}):\n{log[-2000:]}"
    assert f"Serving notebooks from local directory: {PROJECT_ROOT / 'notebooks'}" in log
