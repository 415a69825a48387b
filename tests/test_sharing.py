"""What a report shares: no folder of the analyst's machine, one file to send, CSVs for Excel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from research_utils.paths import DEFAULT_ARTICLE, PACKAGE_DIR, PROJECT_ROOT

pytestmark = pytest.mark.notebook


def test_no_absolute_path_in_any_shared_output(tmp_path: Path) -> None:
    work = tmp_path / "analyst-home" / "project"
    (work / "articles").mkdir(parents=True)
    shutil.copy(DEFAULT_ARTICLE, work / "articles" / "talks.txt")
    shutil.copy(
        DEFAULT_ARTICLE.with_name(DEFAULT_ARTICLE.stem + ".meta.yaml"), work / "articles" / "talks.meta.yaml"
    )
    # a topic pack of one's own, given as a folder: its path must not travel either
    shutil.copytree(PACKAGE_DIR / "lexicons" / "packs" / "russia_ukraine_2022", work / "my_pack")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "research_utils.cli",
            "articles/talks.txt",
            "--out",
            "out",
            "-p",
            "pack",
            "my_pack",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = work / "out" / "talks"
    forbidden = [str(tmp_path), str(PROJECT_ROOT), str(Path.home())]
    bundle = report / "talks.zip"
    assert bundle.is_file()
    shared = {
        p.relative_to(report).as_posix(): p.read_bytes()
        for p in report.rglob("*")
        if p.is_file() and p != bundle
    }
    with zipfile.ZipFile(bundle) as zf:
        inside = {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist()}
    assert set(inside) == set(shared) - {".research-report.json"}
    for name, data in {**shared, **{f"zip:{k}": v for k, v in inside.items()}}.items():
        text = data.decode("utf-8", errors="replace")
        for path in forbidden:
            assert path not in text, f"{name} names {path}"
    csv = (report / "tables" / "text_statistics_counts.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf"), "CSV files start with a UTF-8 byte-order mark (Excel)"
