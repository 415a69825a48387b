"""The one place that knows where things are.

Notebooks, the report runner and the tests ask this module for paths instead of
building them from ``__file__`` or the working directory.

In a source checkout (an editable install) the notebooks and the bundled article are the
top-level ``notebooks/`` and ``data/`` folders; after ``pip install .`` they are copies
inside the package (``research_utils/notebooks``, ``research_utils/data``), so the same
relative default ``../data/articles/...`` resolves from either notebooks folder.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
"""The installed ``research_utils`` package (lexicons live below it)."""

LEXICON_DIR: Path = PACKAGE_DIR / "lexicons"
"""Bundled lexicons (YAML with a header naming their sources)."""

PROJECT_ROOT: Path = PACKAGE_DIR.parent
"""The repository root in a source checkout (else the folder that holds the package)."""

SOURCE_CHECKOUT: bool = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "notebooks").is_dir()
"""True when running from the repository (editable install), False from an installed wheel."""

_HOME: Path = PROJECT_ROOT if SOURCE_CHECKOUT else PACKAGE_DIR

DATA_DIR: Path = _HOME / "data"
ARTICLES_DIR: Path = DATA_DIR / "articles"
NOTEBOOKS_DIR: Path = _HOME / "notebooks"
REPORTS_DIR: Path = PROJECT_ROOT / "reports" if SOURCE_CHECKOUT else Path.cwd() / "reports"
"""Default output folder: the project's ``reports/``, or ``./reports`` for an installed package."""

DEFAULT_ARTICLE: Path = ARTICLES_DIR / "rt_2022-04_russia_ukraine_talks.txt"
"""The bundled article every notebook runs on by default."""


def notebook_path(stem: str) -> Path:
    """Return the path of a bundled notebook given its stem (no ``.ipynb``)."""
    return NOTEBOOKS_DIR / f"{stem}.ipynb"


OUTPUT_MARKER: str = ".research-report.json"
"""File inside every folder ``research-report`` writes, listing the files it wrote there:
an existing folder is replaced only when the marker lists everything in it, and corpus
mode does not read such folders as articles."""

REAL_COPY_ENV: str = "RESEARCH_UTILS_REAL_COPY"
"""Environment variable naming the local cache of real articles (texts never committed)."""


def real_copy_dir() -> Path:
    """The local cache of real published articles that ``make validate`` scores.

    ``$RESEARCH_UTILS_REAL_COPY`` when set, else ``$XDG_CACHE_HOME/research-utils/real-copy``
    (``~/.cache/research-utils/real-copy``). The texts live there as ``texts/<id>.txt``;
    the repository holds only facts about them (``tests/gold/real/``).
    """
    import os

    given = os.environ.get(REAL_COPY_ENV)
    if given:
        return Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "research-utils" / "real-copy"
