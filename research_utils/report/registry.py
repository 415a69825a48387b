"""The one list of analyses: which notebooks exist, their titles and results sections.

The runner, the index page and the command line read this list. Adding a notebook is one
``.ipynb`` in ``notebooks/`` and one :class:`Analysis` entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from research_utils.paths import NOTEBOOKS_DIR

__all__ = ["ANALYSES", "Analysis", "analysis", "notebook_path", "stems"]


@dataclass(frozen=True)
class Analysis:
    """One analysis notebook.

    Attributes
    ----------
    stem : str
        Notebook file name without ``.ipynb`` (``01_text_statistics``).
    title : str
        Human title, used on the index page.
    section : str
        Top-level key its results take in ``results.json``.
    summary : str
        One line on what the report shows.
    kind : str
        ``article`` (runs on one article, with comparisons) or ``corpus`` (runs on the
        Parquet tables of an analysed corpus).
    """

    stem: str
    title: str
    section: str
    summary: str
    kind: str = "article"


ANALYSES: tuple[Analysis, ...] = (
    Analysis(
        "01_text_statistics",
        "Text statistics",
        "text_statistics",
        "structure, counts, readability, lexical diversity, frequencies, keyness, concordance, sentiment arc",
    ),
    Analysis(
        "02_stance_comparison",
        "Stance comparison",
        "stance",
        "who speaks, how their words are introduced, how each actor is written about, who wants what",
    ),
    Analysis(
        "03_framing_analysis",
        "Framing analysis",
        "framing",
        "frame salience, naming choices, persuasion cues, Entman's framing functions",
    ),
    Analysis(
        "04_corpus_comparison",
        "Corpus comparison",
        "corpus_comparison",
        "groups of articles side by side: naming index, frames, who speaks, distinctive words, trend",
        kind="corpus",
    ),
)
"""Every analysis, in the order the index lists them."""


def stems(kind: str = "article") -> tuple[str, ...]:
    """The notebook stems of the analyses of ``kind`` (``article``, ``corpus`` or ``all``), in order."""
    return tuple(a.stem for a in ANALYSES if kind in ("all", a.kind))


def analysis(stem: str) -> Analysis:
    """The :class:`Analysis` of a stem (``KeyError`` if there is none)."""
    for a in ANALYSES:
        if a.stem == stem:
            return a
    raise KeyError(stem)


def notebook_path(stem: str) -> Path:
    """Path of the notebook of ``stem``."""
    return NOTEBOOKS_DIR / f"{stem}.ipynb"
