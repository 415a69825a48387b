"""What a report shows of a table: the rows a section needs, or one line saying why there are none.

A report never shows an empty table: when a section has nothing to show (no comparison
articles, no concordance match, no word above a threshold) it shows one line saying that
the analysis does not apply and why. :func:`show` is the one helper every notebook calls
for that, and :class:`Note` the one line (italic Markdown in a notebook, plain text
elsewhere), which figures return too when there is nothing to draw.

How a table looks on a report page is declared here too, once for every notebook:
:func:`table_html` writes a table for readers (its caption from ``report/tables.yaml``,
no pandas index, numbers rounded, missing values as "–", lists and mappings as text,
long tables folded into ``<details>``), and :func:`use_reader_tables` makes it the way a
kernel shows every DataFrame while ``research-report`` builds a report.

A leaf module: it imports no analysis, so every analysis, plot and notebook can use it.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = [
    "FOLD_ROWS",
    "MISSING",
    "Note",
    "cell_text",
    "show",
    "table_html",
    "use_reader_tables",
]

MISSING = "–"
"""How a missing value (None, NaN, <NA>) is written for readers."""

FOLD_ROWS = 12
"""A table of more rows is shown folded: its caption and its number of rows, opened by a click."""

MAX_CHARS = 320
"""Longer cells are cut with "…" on the page (the CSV file holds the whole text)."""


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
    caption: str | None = None,
    fold: bool | None = None,
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
    caption : str, optional
        The name of the table's line in ``report/tables.yaml`` (default: the CSV table it
        was written as).
    fold : bool, optional
        Show the table folded (True), open (False), or folded when it has more than
        :data:`FOLD_ROWS` rows (None).

    Returns
    -------
    DataFrame or Note
    """
    if table is None or len(table) < min_rows:
        return Note(note)
    out = table[list(columns)] if columns is not None else table
    out = out.head(rows) if rows is not None else out
    if caption is not None or fold is not None:
        out = out.copy()
        if caption is not None:
            out.attrs["table"] = caption
        if fold is not None:
            out.attrs["fold"] = fold
    return out


# ---------------------------------------------------------------------- the reader's table


def _decimals(values: Sequence[float]) -> int:
    """Decimals that show a column of floats: none for whole numbers, else 3, 2 or 1 by size."""
    finite = [abs(v) for v in values if isinstance(v, float) and math.isfinite(v)]
    if not finite or all(v == int(v) for v in finite):
        return 0
    largest = max(finite)
    return 3 if largest < 10 else 2 if largest < 1000 else 1


def cell_text(value: Any, decimals: int | None = None) -> str:
    """One value as a reader sees it: "–" for a missing value, "yes"/"no" for a truth value,
    numbers rounded (``decimals``; whole numbers without a decimal point), lists as
    "a, b", mappings as "a: 1; b: 2", text as it is."""
    if value is None or value is pd.NA or value is pd.NaT:
        return MISSING
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):  # numpy 1 and 2
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}" if abs(int(value)) >= 10_000 else str(int(value))
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f):
            return MISSING
        if math.isinf(f):
            return "∞" if f > 0 else "−∞"
        places = _decimals([f]) if decimals is None else decimals
        if f != 0 and abs(f) < 10 ** -max(places, 1) / 2 and places:
            return f"<{10**-places:.{places}f}" if f > 0 else f"> -{10**-places:.{places}f}"
        text = f"{f:,.{places}f}" if abs(f) >= 10_000 else f"{f:.{places}f}"
        return "0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {cell_text(v)}" for k, v in value.items()) or MISSING
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return ", ".join(cell_text(v) for v in items) or MISSING
    text = str(value)
    return text if text not in ("nan", "NaN", "None", "<NA>", "NaT") else MISSING


def _header(name: Any) -> str:
    """A column name as a header: escaped, with a line-break opportunity after each "_"."""
    if isinstance(name, tuple):
        name = " | ".join(str(n) for n in name if str(n))
    return html.escape(str(name)).replace("_", "_<wbr>")


def _column_class(name: Any) -> str:
    """A CSS class naming the column (``c-left`` for the column ``left``), for styling one column."""
    text = "".join(ch if ch.isalnum() else "-" for ch in str(name).lower()).strip("-")
    return f"c-{text}" if text else "c"


def _with_index(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with a meaningful index as columns; a plain row number (0, 1, 2 ...) dropped."""
    index = df.index
    plain = isinstance(index, pd.RangeIndex) or (
        index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype)
    )
    return df.reset_index(drop=True) if plain else df.reset_index()


def caption_of(df: pd.DataFrame) -> str:
    """The caption of a shown table: its line in ``report/tables.yaml`` (``attrs["table"]``)."""
    from research_utils.captions import caption

    name = df.attrs.get("table")
    return caption(str(name)) if name else ""


def table_html(
    df: pd.DataFrame,
    *,
    caption: str | None = None,
    fold: bool | None = None,
    max_chars: int | None = None,
    style: bool = False,
) -> str:
    """``df`` as a table for readers (see the module docstring).

    Parameters
    ----------
    df : DataFrame
    caption : str, optional
        One line above the table (default: :func:`caption_of`).
    fold : bool, optional
        Folded into ``<details>`` (default: ``attrs["fold"]``, else when the table has more
        than :data:`FOLD_ROWS` rows).
    max_chars : int, optional
        Longer cells are cut with "…" (default: pandas' ``display.max_colwidth``, else
        :data:`MAX_CHARS`).
    style : bool
        Add a ``<style>`` block (for JupyterLab, where the report's stylesheet is absent).
    """
    caption = caption_of(df) if caption is None else caption
    if max_chars is None:
        max_chars = pd.get_option("display.max_colwidth") or MAX_CHARS
    fold = df.attrs.get("fold") if fold is None else fold
    data = _with_index(df)
    n = len(data)
    if fold is None:
        fold = n > FOLD_ROWS
    head = "".join(f'<th class="{_column_class(c)}">{_header(c)}</th>' for c in data.columns)
    columns = []
    for c in data.columns:
        values = data[c].tolist()
        floats = [v for v in values if isinstance(v, float)]
        places = _decimals(floats) if floats and len(floats) == sum(v is not None for v in values) else None
        columns.append([cell_text(v, places) for v in values])
    classes = [_column_class(c) for c in data.columns]
    body = []
    for i in range(n):
        cells = []
        for col, cls in zip(columns, classes, strict=True):
            text = col[i]
            if len(text) > max_chars:
                text = text[: max_chars - 1].rstrip() + "…"
            cells.append(f'<td class="{cls}">{html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = (
        f'<div class="rr-scroll"><table class="dataframe rr-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    rows = f"{n:,} row{'s' * (n != 1)}"
    cap = html.escape(caption) if caption else "Table"
    if fold:
        out = f'<details class="rr-fold"><summary>{cap} <span class="rr-rows">({rows})</span></summary>{table}</details>'
    else:
        out = f'<p class="rr-caption">{cap}</p>{table}' if caption else table
    css = (
        "<style>.rr-table td,.rr-table th{text-align:left!important;vertical-align:top;white-space:normal!important;"
        "max-width:48em;overflow-wrap:break-word}.rr-table td.c-left{text-align:right!important}"
        ".rr-table{width:100%;table-layout:auto!important}.rr-table .c-sentence{width:45%;min-width:20em}"
        ".rr-scroll{max-width:100%;overflow-x:auto}.rr-caption{font-weight:600;margin:.4em 0 .2em}</style>"
        if style
        else ""
    )
    return f'{css}<div class="rr-block">{out}</div>'


def use_reader_tables() -> None:
    """Make the running kernel show every DataFrame with :func:`table_html` (report builds)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every kernel
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, lambda df: table_html(df))
