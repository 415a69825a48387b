"""Shared fixtures: full report builds through the real pipeline, made once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from research_utils import report
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report.control import skip_iri_format_checker
from research_utils.report.registry import stems

skip_iri_format_checker()  # as the command does (nothing imported above loads nbformat)

NOTEBOOKS = stems()

DATA = Path(__file__).parent / "data"
KERNEL_FIXTURES = {"bundled_report", "hostile_report", "compare_report", "corpus_report"}


KERNEL_TEST_TIMEOUT_S = 900
"""pytest-timeout limit of a test that starts kernels, a browser or a cluster (a stuck one
fails that test instead of hanging CI; the fast tests keep the 120 s of pyproject.toml)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that uses a fixture which builds real reports starts kernels: it must be marked.
    Marked tests get the longer time limit unless they set their own."""
    for item in items:
        if KERNEL_FIXTURES & set(getattr(item, "fixturenames", ())) and not (
            item.get_closest_marker("notebook") or item.get_closest_marker("browser")
        ):
            raise pytest.UsageError(f"{item.nodeid} builds real reports: mark it @pytest.mark.notebook")
        slow = any(item.get_closest_marker(m) for m in ("notebook", "browser", "cluster"))
        if slow and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(KERNEL_TEST_TIMEOUT_S))


@pytest.fixture(scope="session")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All notebooks on the bundled article, built once by the real runner."""
    out = tmp_path_factory.mktemp("reports")
    return report.build_report(DEFAULT_ARTICLE, out, stems=NOTEBOOKS)


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All notebooks on an article full of markup and script."""
    out = tmp_path_factory.mktemp("hostile")
    src = out / "hostile_article.txt"
    shutil.copy(DATA / "hostile_article.txt", src)
    return report.build_report(src, out / "reports", stems=NOTEBOOKS)


@pytest.fixture(scope="session")
def compare_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All notebooks on the bundled article compared with an off-topic one (--compare)."""
    out = tmp_path_factory.mktemp("compare")
    other = str(DATA / "offtopic" / "a_court.txt")
    params = {s: {"compare_paths": [other]} for s in NOTEBOOKS}
    return report.build_report(DEFAULT_ARTICLE, out, stems=NOTEBOOKS, params=params, slug="talks-vs-court")


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus report of the test corpus and the off-topic articles, grouped by outlet."""
    from research_utils.report.corpus import build_corpus_report

    out = tmp_path_factory.mktemp("corpus")
    folder, _ = build_corpus_report(
        [DATA / "corpus", DATA / "offtopic"], out, name="Wire vs state", scheduler="synchronous"
    )
    return folder


CELL_TIMEOUT_S = 300
"""Per-cell limit of a notebook a test runs itself (a stuck cell fails that test)."""


def _run_all(notebook: Path, output: Path, *, cwd: Path, parameters: dict | None = None) -> None:
    """Run ``notebook`` as JupyterLab's Run All does (no report build: the explorer runs too),
    in a kernel of its own: its sockets in a private folder (ipc), not TCP ports that a
    kernel another build starts at the same moment may take (a reply lost that way left a
    test waiting with an idle kernel), and a per-cell time limit."""
    import tempfile

    import papermill
    from jupyter_client.manager import AsyncKernelManager

    folder = Path(tempfile.mkdtemp(prefix="rr-test-kernel-"))
    km = AsyncKernelManager(
        kernel_name="python3",
        transport="ipc",
        ip=str(folder / "k"),
        connection_file=str(folder / "connection.json"),
    )
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters or {},
            kernel_name="python3",
            cwd=str(cwd),
            progress_bar=False,
            execution_timeout=CELL_TIMEOUT_S,
            km=km,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def run_all():
    """:func:`_run_all`: a notebook run as in JupyterLab, with its own sockets and a cell limit."""
    return _run_all
