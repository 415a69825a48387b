"""How the corpus notebook shows a table or a figure, or says in one line that it does not apply."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from research_utils.analyses.framing.core import Note  # the one 'does not apply' line of the reports

__all__ = ["Note", "draw", "show", "validation_figures"]


def show(df: pd.DataFrame, empty: str, columns: list[str] | None = None) -> pd.DataFrame | Note:
    """``df`` (its ``columns`` when given), or the line ``empty`` when it has no rows."""
    if df is None or df.empty:
        return Note(empty)
    return df[columns] if columns else df


def draw(df: pd.DataFrame, plot: Callable[..., Any], *args: Any, when: str = "", **kwargs: Any) -> Any:
    """The figure ``plot(df, ...)``, or one line when there is nothing to draw.

    Parameters
    ----------
    when : str
        What the figure needs, for the line (``two or more groups``, ``dated articles``).
    """
    if df is None or df.empty:
        return Note(f"Nothing to draw{' (it needs ' + when + ')' if when else ''}.")
    return plot(df, *args, **kwargs)


def validation_figures() -> pd.DataFrame | Note:
    """The gold-set validation figures of ``make validate`` (measure, dev, test, all)."""
    from research_utils.validation_figures import load_figures

    table = load_figures()
    if table is None:
        return Note("No validation figures yet: run make validate.")
    return table
