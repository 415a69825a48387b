"""The figures of the last ``make validate``: where they are kept and how the reports read them.

:mod:`research_utils.validation` scores the pattern methods against the gold set and
writes :data:`FIGURES_FILE`; the stance, framing and corpus reports quote it through
:func:`load_figures`. A leaf module (it imports no analysis), so that the analyses can
read the figures without importing the scorer that imports them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from research_utils.paths import PACKAGE_DIR

__all__ = ["FIGURES_FILE", "load_figures"]

FIGURES_FILE: Path = PACKAGE_DIR / "validation.json"
"""Where ``make validate`` writes its figures (committed, quoted by the reports)."""


def load_figures() -> pd.DataFrame | None:
    """The figures of the last ``make validate`` (None when it never ran).

    Returns
    -------
    DataFrame or None
        ``measure``, ``dev``, ``test``, ``all``.
    """
    if not FIGURES_FILE.is_file():
        return None
    data = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))
    return pd.DataFrame(data["figures"])
