"""What notebook 01 shows of a table: the rows a section needs, or one line saying why there are none.

A report never shows an empty table or an empty figure: when a section has nothing to
show (no comparison articles, no concordance match, no word above a threshold),
:func:`show` prints one line saying that the analysis does not apply and why.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["show"]


def show(
    table: pd.DataFrame, reason: str, columns: Sequence[str] | None = None, min_rows: int = 1
) -> pd.DataFrame | None:
    """``table`` (its ``columns`` only, if given) for display, or None after printing ``reason``.

    Parameters
    ----------
    table : DataFrame
    reason : str
        One line saying why there is nothing to show, printed when ``table`` has fewer
        than ``min_rows`` rows.
    columns : sequence of str, optional
        The columns to show.
    min_rows : int
        Fewer rows than this count as nothing to show (2 for a comparison of articles).
    """
    if len(table) < min_rows:
        print(reason)
        return None
    return table[list(columns)] if columns is not None else table
