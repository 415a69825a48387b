"""Seaborn figures shared by the notebooks, one submodule per analysis.

Every function takes a DataFrame produced by ``research_utils`` and returns a
``matplotlib.figure.Figure``; the notebook displays it. :func:`style` sets one look.
"""

from __future__ import annotations

import seaborn as sns

__all__ = ["style"]


def style() -> None:
    """Apply the house style (white grid, colour-blind palette, readable font sizes)."""
    sns.set_theme(style="whitegrid", palette="colorblind", context="notebook")
