"""What a report shows of a table: the rows a section needs, or one line saying why there are none.

A report never shows an empty table: when a section has nothing to show (no comparison
articles, no concordance match, no word above a threshold) it shows one line saying that
the analysis does not apply and why. :func:`show` is the one helper every notebook calls
for that, and :class:`Note` the one line (italic Markdown in a notebook, plain text
elsewhere), which figures return too when there is nothing to draw.

A leaf module: it imports no analysis, so every analysis, plot and notebook can use it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["Note", "show"]


class Note:
    """One line shown in place of a table or figure that would be empty, saying why.

    Displays as italic Markdown in a notebook and as plain text elsewhere.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return f"*{self.text}*"

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Note) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def show(
    table: pd.DataFrame | None,
    note: str,
    columns: Sequence[str] | None = None,
    *,
    rows: int | None = None,
    min_rows: int = 1,
) -> pd.DataFrame | Note:
    """``table`` as a report shows it, or a :class:`Note` saying why there is nothing to show.

    Parameters
    ----------
    table : DataFrame or None
        None for a table that could not be had (such as validation figures never computed).
    note : str
        One line saying why there is nothing to show, shown when ``table`` has fewer than
        ``min_rows`` rows.
    columns : sequence of str, optional
        The columns shown (default: all).
    rows : int, optional
        The first rows shown (default: all; the CSV file holds every row).
    min_rows : int
        Fewer rows than this count as nothing to show (2 for a comparison of articles).

    Returns
    -------
    DataFrame or Note
    """
    if table is None or len(table) < min_rows:
        return Note(note)
    out = table[list(columns)] if columns is not None else table
    return out.head(rows) if rows is not None else out
