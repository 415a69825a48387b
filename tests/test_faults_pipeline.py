"""Issue 18 through the real pipeline: kernels, papermill and Dask clusters as users run them.

A mixed-topic corpus on every scheduler, every notebook with the generic pack on an
off-topic article run as JupyterLab's "Run All" does (the explorer cell included), and a
report folder whose name holds braces.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from research_utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from research_utils.report import registry

pytestmark = pytest.mark.notebook

CLI = [sys.executable, "-m", "research_utils.cli"]
DATA = Path(__file__).parent / "data"


def run_cli(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=800, check=False)


@pytest.mark.cluster
@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_a_mixed_topic_corpus_on_every_scheduler(tmp_path: Path, scheduler: str) -> None:
    """Off-topic articles sorted first, so the first Parquet part of `naming` has no rows:
    the case that crashed notebook 04 in 3 of 4 runs before the fix."""
    shutil.copytree(DATA / "offtopic", tmp_path / "a_offtopic")
    shutil.copytree(DATA / "corpus", tmp_path / "b_corpus")
    proc = run_cli(
        str(tmp_path / "a_offtopic"),
        str(tmp_path / "b_corpus"),
        "--corpus",
        "mixed",
        "--scheduler",
        scheduler,
        "--workers",
        "2",
        "--out",
        str(tmp_path / "out"),
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads((tmp_path / "out" / "mixed" / "results.json").read_text(encoding="utf-8"))
    assert len(results["corpus"]["articles"]) == 11 and results["corpus"]["failed"] == []
    naming = {row["group"]: row for row in results["by_group"]["naming"]}
    assert naming["Valley Courier"]["naming_index"] is None  # no naming term: no index, no crash
    assert naming["Northern Wire"]["naming_index"] == 1.0 and naming["State Channel"]["naming_index"] == -1.0


@pytest.mark.parametrize("stem", registry.stems())
def test_run_all_with_the_generic_pack_on_an_off_topic_article(tmp_path: Path, stem: str, run_all) -> None:
    """As JupyterLab's Run All: no report build, so the explorer cell runs too."""
    out = tmp_path / f"{stem}.ipynb"
    run_all(
        NOTEBOOKS_DIR / f"{stem}.ipynb",
        out,
        cwd=NOTEBOOKS_DIR,
        parameters={"article_path": str(DATA / "offtopic_central_bank.txt"), "pack": "generic"},
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


def test_a_report_folder_with_braces_in_its_name(tmp_path: Path) -> None:
    """papermill fills {name} in output paths with parameter values: `drafts {v2}` failed."""
    out = tmp_path / "drafts {v2}"
    proc = run_cli(str(DATA / "offtopic" / "b_rail.txt"), "--notebooks", "01", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "b-rail" / "01_text_statistics.reader.html").is_file()
