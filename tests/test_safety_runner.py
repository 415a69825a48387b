"""Kernels that cannot hang the runner, builds that cannot mix, paths that cannot scatter.

Every test here starts real kernels through the real runner (marked ``notebook``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from research_utils import report
from research_utils.paths import DEFAULT_ARTICLE, PROJECT_ROOT
from research_utils.report import kernels, registry

pytestmark = pytest.mark.notebook

CLI = [sys.executable, "-m", "research_utils.cli"]
PARAMS = 'article_path: str = ""  # article\noutput_dir: str = ""  # output\n'


def _notebook(path: Path, body: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A test notebook"),
        nbformat.v4.new_code_cell(PARAMS, metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_sleep.ipynb", "import time\ntime.sleep(60)")
    _notebook(folder / "02_quick.ipynb", "x = 1")
    monkeypatch.setattr(registry, "notebook_path", lambda stem: folder / f"{stem}.ipynb")
    return folder


def test_per_cell_timeout_applies(tiny: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(
        report.ReportError, match=r"01_sleep: a cell ran longer than the per-cell limit of 2 s"
    ):
        report.build_report(DEFAULT_ARTICLE, tmp_path / "out", stems=["01_sleep"], timeout=2)
    assert time.monotonic() - started < 30
    assert not any((tmp_path / "out").iterdir())


def test_build_wall_clock_limit(tiny: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(report.ReportError, match=r"took longer than its limit of 3 s"):
        report.build_report(
            DEFAULT_ARTICLE, tmp_path / "out", stems=["01_sleep", "02_quick"], timeout=100, build_timeout=3
        )
    assert time.monotonic() - started < 30
    assert not any((tmp_path / "out").iterdir()) and kernels.running_folders() == []


def test_a_kernel_killed_mid_build_is_noticed(tiny: Path, tmp_path: Path) -> None:
    """Fault injection: the kernel is killed from outside while its cell runs."""
    import threading

    def killer() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with kernels._LOCK:
                running = list(kernels._RUNNING)
            if running:
                time.sleep(3)  # let the cell start
                os.kill(running[0], signal.SIGKILL)
                return
            time.sleep(0.1)

    threading.Thread(target=killer, daemon=True).start()
    started = time.monotonic()
    with pytest.raises(report.ReportError, match=r"01_sleep: the kernel died while it ran"):
        report.build_report(DEFAULT_ARTICLE, tmp_path / "out", stems=["01_sleep"], timeout=100)
    assert time.monotonic() - started < 40
    assert not any((tmp_path / "out").iterdir())


RUNNER = """
import sys
from pathlib import Path
from research_utils import report
from research_utils.report import registry
registry.notebook_path = lambda stem: Path(sys.argv[1]) / f"{stem}.ipynb"
report.build_report(sys.argv[2], sys.argv[3], stems=["01_stuck"], timeout=600)
"""


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_a_stuck_kernel_dies_with_a_killed_runner(tmp_path: Path) -> None:
    folder = tmp_path / "nb"
    folder.mkdir()
    # A regular expression that backtracks for hours inside C code, holding the GIL.
    _notebook(folder / "01_stuck.ipynb", "import re\nre.match(r'(a+)+$', 'a' * 60 + 'b')")
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(folder), str(DEFAULT_ARTICLE), str(tmp_path / "out")]
    )
    deadline = time.monotonic() + 60
    kernel_pids: list[int] = []
    while time.monotonic() < deadline and not kernel_pids:
        kernel_pids = [
            p for p in _children(proc.pid) if "ipykernel" in Path(f"/proc/{p}/cmdline").read_text()
        ]
        time.sleep(0.2)
    assert kernel_pids, "the kernel did not start"
    time.sleep(3)  # the cell is running now
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in kernel_pids):
        time.sleep(0.2)
    assert not any(_alive(p) for p in kernel_pids), "the kernel outlived its runner"


# ------------------------------------------------------------------ the real command


def run_cli(*args: str, cwd: Path = PROJECT_ROOT, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=600, check=False, **kw
    )


def test_two_concurrent_builds_into_one_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = subprocess.Popen(
        [*CLI, str(DEFAULT_ARTICLE), "--out", str(out), "--notebooks", "01", "-p", "top_n", "7"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob(".build-*")):
        time.sleep(0.1)
    second = run_cli(str(DEFAULT_ARTICLE), "--out", str(out), "--notebooks", "01", "-p", "top_n", "5")
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 2 and "another research-report is writing into" in second.stderr
    assert second.stderr.count("\n") == 1
    folder = out / "rt-2022-04-russia-ukraine-talks"
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert results["parameters"]["01_text_statistics"]["top_n"] == 7
    assert len(pd.read_csv(folder / "tables" / "text_statistics_top_words.csv")) == 7


def test_relative_out_from_another_folder_and_same_slugs(tmp_path: Path) -> None:
    (tmp_path / "s1").mkdir()
    (tmp_path / "s2").mkdir()
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    (tmp_path / "s1" / "same slug.txt").write_text(text, encoding="utf-8")
    (tmp_path / "s2" / "Same-Slug.txt").write_text(text.replace("NATO", "the alliance"), encoding="utf-8")
    proc = run_cli(
        "s1/same slug.txt", "s2/Same-Slug.txt", "--out", "reports", "--notebooks", "01", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    reports = tmp_path / "reports"
    assert sorted(p.name for p in reports.iterdir()) == ["same-slug", "same-slug-2"]
    for name in ("same-slug", "same-slug-2"):
        assert (reports / name / "index.html").is_file() and (
            reports / name / "01_text_statistics.html"
        ).is_file()
    a = json.loads((reports / "same-slug" / "results.json").read_text(encoding="utf-8"))
    b = json.loads((reports / "same-slug-2" / "results.json").read_text(encoding="utf-8"))
    assert a["article"]["sha256"] != b["article"]["sha256"]
    assert f"{reports / 'same-slug-2'}" in proc.stdout  # the last line names a folder that exists
    assert not (PROJECT_ROOT / "notebooks" / "reports").exists()


def test_interrupt_leaves_no_kernel_files(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*CLI, "--out", str(out), "--notebooks", "01,03"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(tmp.glob("rr-kernel-*/connection.json")):
        time.sleep(0.2)
    time.sleep(2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err
    assert list(out.iterdir()) == []
    assert list(tmp.glob("rr-kernel-*")) == [], "kernel connection files left behind"


def test_report_folder_that_cannot_be_replaced(tmp_path: Path) -> None:
    """A report folder of ours that another file has appeared in is kept, with one line."""
    out = tmp_path / "out"
    ok = run_cli(str(DEFAULT_ARTICLE), "--out", str(out), "--notebooks", "01")
    assert ok.returncode == 0, ok.stderr
    folder = out / "rt-2022-04-russia-ukraine-talks"
    (folder / "tables" / "my_analysis.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    again = run_cli(str(DEFAULT_ARTICLE), "--out", str(out), "--notebooks", "01")
    assert again.returncode == 2 and "tables/my_analysis.csv" in again.stderr
    assert (folder / "tables" / "my_analysis.csv").is_file()


def test_no_kernel_files_after_a_build(tmp_path: Path) -> None:
    """Kernel folders are removed after a normal build too."""
    out = tmp_path / "out"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    ok = run_cli(
        str(DEFAULT_ARTICLE), "--out", str(out), "--notebooks", "02", env={**os.environ, "TMPDIR": str(tmp)}
    )
    assert ok.returncode == 0, ok.stderr
    assert list(tmp.glob("rr-kernel-*")) == []
