"""The figures of the last ``make validate``: where they are kept and how the reports read them.

:mod:`research_utils.validation` scores the pattern methods against two gold sets and
writes :data:`FIGURES_FILE`; the stance, framing and corpus reports quote it through
:func:`load_figures`. A leaf module (it imports no analysis), so that the analyses can
read the figures without importing the scorer that imports them.

Columns, in the order that matters: ``real_test`` (real published articles from outlets
held out while the rules were written: the honest estimate), ``real_dev`` (real articles
from the outlets the rules were tuned on), ``synthetic_test`` and ``synthetic_dev``
(passages written by the rule writers: a check of the rules, an upper bound).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.paths import PACKAGE_DIR

__all__ = ["COLUMNS", "COLUMN_LABELS", "FIGURES_FILE", "figure", "load_figures", "real_copy_summary"]

FIGURES_FILE: Path = PACKAGE_DIR / "validation.json"
"""Where ``make validate`` writes its figures (committed, quoted by the reports)."""

COLUMNS: list[str] = ["real_test", "real_dev", "synthetic_test", "synthetic_dev"]
"""The figure columns of :data:`FIGURES_FILE`, headline first."""

COLUMN_LABELS: dict[str, str] = {
    "real_test": "real copy, held-out outlets",
    "real_dev": "real copy, tuning outlets",
    "synthetic_test": "our passages, held out",
    "synthetic_dev": "our passages, tuning",
}
"""How a reader sees each column."""


def _data() -> dict[str, Any] | None:
    if not FIGURES_FILE.is_file():
        return None
    return json.loads(FIGURES_FILE.read_text(encoding="utf-8"))


def load_figures() -> pd.DataFrame | None:
    """The figures of the last ``make validate`` (None when it never ran).

    Returns
    -------
    DataFrame or None
        ``measure`` and :data:`COLUMNS`.
    """
    data = _data()
    if data is None:
        return None
    return pd.DataFrame(data["figures"]).reindex(columns=["measure", *COLUMNS])


def figure(measure: str, column: str = "real_test", figures: pd.DataFrame | None = None) -> float | None:
    """One figure (None when it is missing or was never measured)."""
    figures = load_figures() if figures is None else figures
    if figures is None or column not in figures.columns:
        return None
    rows = figures[figures["measure"] == measure]
    if rows.empty:
        return None
    value = rows.iloc[0][column]
    return None if value is None or pd.isna(value) else float(value)


def real_copy_summary() -> dict[str, Any]:
    """What the real-copy figures rest on: date measured and, per split, articles, outlets,
    attributions, claims and naming uses (empty when never measured)."""
    data = _data() or {}
    return dict(data.get("real_copy") or {})
