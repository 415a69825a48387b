"""The one place that knows where things are.

Notebooks, the report runner and the tests ask this module for paths instead of
building them from ``__file__`` or the working directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
"""The installed ``research_utils`` package (lexicons live below it)."""

LEXICON_DIR: Path = PACKAGE_DIR / "lexicons"
"""Bundled lexicons (YAML with a header naming their sources)."""

PROJECT_ROOT: Path = PACKAGE_DIR.parent
"""The repository root when the package is installed in editable mode."""

DATA_DIR: Path = PROJECT_ROOT / "data"
ARTICLES_DIR: Path = DATA_DIR / "articles"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
REPORTS_DIR: Path = PROJECT_ROOT / "reports"

DEFAULT_ARTICLE: Path = ARTICLES_DIR / "rt_2022-04_russia_ukraine_talks.txt"
"""The bundled article every notebook runs on by default."""

NOTEBOOKS: tuple[str, ...] = (
    "01_text_statistics",
    "02_stance_comparison",
    "03_framing_analysis",
)
"""Notebook stems, in the order the report index lists them."""


def notebook_path(stem: str) -> Path:
    """Return the path of a bundled notebook given its stem (no ``.ipynb``)."""
    return NOTEBOOKS_DIR / f"{stem}.ipynb"
