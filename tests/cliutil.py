"""The command line as the tests run it: a subprocess, and the one-line error it must give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from research_utils.paths import PROJECT_ROOT

CLI = [sys.executable, "-m", "research_utils.cli"]


def run_cli(*args: str, cwd: Path = PROJECT_ROOT, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """``research-report ARGS`` in a subprocess, its output captured (never raises on a failure)."""
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, check=False
    )


def one_line(proc: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The error of a run that must fail with exit ``code`` and one line, no traceback."""
    assert proc.returncode == code, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr
