"""Score stance, naming, claims and structure against hand-labelled gold sets (``make validate``).

Two gold sets, and which to read:

* **Real published copy** (``tests/gold/real``, :mod:`~research_utils.validation.realcopy`):
  real articles from outlets the rules were not written on, coded by hand before the tool
  ran on them, split by outlet. The held-out column is the headline figure.
* **Synthetic passages** (``tests/gold/*.yaml``, :mod:`~research_utils.validation.synthetic`):
  written by the rule writers; they check that the rules do what they were written to do.

:mod:`~research_utils.validation.scoring` says what counts as right;
:mod:`~research_utils.validation.run` prints the figures and writes
``research_utils/validation.json``, from which the reports quote them
(:func:`research_utils.validation_figures.load_figures`).
"""

from research_utils.validation.realcopy import RealCopy, load_real
from research_utils.validation.run import MEASURES, TARGETS, figures_table, main, validate
from research_utils.validation.scoring import (
    gold_document,
    names_agree,
    score_attribution,
    score_claims,
    score_naming,
    score_structure,
)
from research_utils.validation.synthetic import load_synthetic

__all__ = [
    "MEASURES",
    "TARGETS",
    "RealCopy",
    "figures_table",
    "gold_document",
    "load_real",
    "load_synthetic",
    "main",
    "names_agree",
    "score_attribution",
    "score_claims",
    "score_naming",
    "score_structure",
    "validate",
]
