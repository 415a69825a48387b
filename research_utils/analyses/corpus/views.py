"""How the corpus notebook draws a figure, or says in one line that it does not apply.

Tables are shown with the one :func:`research_utils.views.show`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from research_utils.views import Note, show

__all__ = ["draw", "validation_figures"]


def draw(
    df: pd.DataFrame, plot: Callable[..., Any], *args: Any, when: str = "", empty: str = "", **kwargs: Any
) -> Any:
    """The figure ``plot(df, ...)``, or one line when there is nothing to draw.

    Parameters
    ----------
    when : str
        What the figure needs, for the line (``two or more groups``, ``dated articles``).
    empty : str
        The whole line instead (it says why there is nothing to draw).
    """
    if df is None or df.empty:
        return Note(empty or f"Nothing to draw{' (it needs ' + when + ')' if when else ''}.")
    return plot(df, *args, **kwargs)


def validation_figures() -> pd.DataFrame | Note:
    """The validation figures of ``make validate`` (real copy of held-out outlets first),
    with the columns labelled for readers."""
    from research_utils.validation_figures import COLUMN_LABELS, load_figures

    figures = load_figures()
    return show(
        None if figures is None else figures.rename(columns=COLUMN_LABELS),
        "No validation figures yet: run make validate.",
        caption="validation_figures",
    )
