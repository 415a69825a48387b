"""The wheel holds the whole package, the notebooks and the bundled article, and runs from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from research_utils.paths import PACKAGE_DIR, PROJECT_ROOT
from research_utils.report.registry import stems

SHIPPED_SUFFIXES = {".py", ".yaml", ".txt", ".j2", ".js", ".json", ".ipynb"}


def _declared_packages() -> list[str]:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["packages"])


def test_every_folder_of_the_package_is_declared() -> None:
    """A new subpackage (or data folder) must be listed in pyproject.toml, or the wheel misses it."""
    found = set()
    for path in PACKAGE_DIR.rglob("*"):
        if path.is_file() and path.suffix in SHIPPED_SUFFIXES and "__pycache__" not in path.parts:
            rel = path.parent.relative_to(PACKAGE_DIR.parent)
            found.add(".".join(rel.parts))
    declared = set(_declared_packages())
    assert found - declared == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert {"research_utils.notebooks", "research_utils.data.articles"} <= declared


@pytest.mark.notebook
def test_installed_wheel_runs_from_another_folder(tmp_path: Path) -> None:
    """Built as a wheel (not editable), the command finds its notebooks from any folder."""
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(dist),
            ".",
        ],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("research_utils-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for stem in stems():
        assert f"research_utils/notebooks/{stem}.ipynb" in names
    assert "research_utils/data/articles/rt_2022-04_russia_ukraine_talks.txt" in names
    assert "research_utils/lexicons/reporting_verbs.yaml" in names
    for pack in ("generic", "russia_ukraine_2022"):
        assert f"research_utils/lexicons/packs/{pack}/pack.yaml" in names
        assert f"research_utils/lexicons/packs/{pack}/actors.yaml" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import research_utils, research_utils.paths as p; print(research_utils.__file__, p.SOURCE_CHECKOUT)",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target)) and where.stdout.split()[-1] == "False"
    proc = subprocess.run(
        [sys.executable, "-m", "research_utils.cli", "--notebooks", "01"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = elsewhere / "reports" / "rt-2022-04-russia-ukraine-talks"
    assert (report / "01_text_statistics.reader.html").is_file()
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert results["provenance"]["git_commit"] == "installed package"
    assert results["text_statistics"]["counts"]["paragraphs"] == 29
