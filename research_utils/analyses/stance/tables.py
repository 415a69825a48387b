"""Table plumbing shared by the stance tables, and how the notebook shows them.

:func:`concat_tables` and :func:`sort_articles` keep several articles apart and in the
order they were given; :func:`count_table` turns an evidence table into counts;
:class:`TableView` is what the notebook calls to show a table: the columns a reader
needs, actor labels instead of ids, the ``article`` column only when articles are
compared, at most a number of evidence rows, and one line instead of an empty table
(the one :func:`research_utils.views.show`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from research_utils.views import Note, show

__all__ = ["TableView", "article_rank", "concat_tables", "count_table", "sort_articles"]


def concat_tables(frames: Sequence[pd.DataFrame], columns: Sequence[str]) -> pd.DataFrame:
    """The non-empty ``frames`` one under the other, with ``columns`` (an empty frame when all are empty)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=list(columns))
    return pd.concat(frames, ignore_index=True)[list(columns)]


def sort_articles(
    df: pd.DataFrame, by: Sequence[str], ascending: Sequence[bool] | bool = True
) -> pd.DataFrame:
    """Sort by ``by`` (stable), with ``article`` in order of first appearance, not alphabetical.

    The first article of a table is the main one of a report; sorting by name would
    put a comparison article first.
    """
    if df.empty:
        return df.reset_index(drop=True)
    order = article_rank(df["article"])
    asc = list(ascending) if not isinstance(ascending, bool) else [ascending] * len(by)
    keyed = df.assign(_article_rank=df["article"].map(order))
    cols = ["_article_rank" if c == "article" else c for c in by]
    return (
        keyed.sort_values(cols, ascending=asc, kind="stable")
        .drop(columns="_article_rank")
        .reset_index(drop=True)
    )


def article_rank(articles: Iterable[str]) -> dict[str, int]:
    """Each article's position in order of first appearance (the order the articles were given)."""
    return {a: i for i, a in enumerate(dict.fromkeys(articles))}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def count_table(df: pd.DataFrame, index: list[str], columns: list[str]) -> pd.DataFrame:
    """Count rows of an evidence table by ``index`` (rows) and ``columns`` (flat column names).

    For example ``count_table(actor_mentions(corpus), ["article", "label"], ["form", "voice"])``
    gives one row per actor and a column per form and voice ("name | author", ...), in
    alphabetical order, ready for display and CSV export. Rows come in order of first
    appearance, or, when ``article`` is in the index, sorted by article (in order of
    first appearance) and the other index values; rows with a missing key are left out. An empty table gives an empty
    frame with the index columns.
    """
    if df.empty:
        return pd.DataFrame(columns=index)
    counts: dict[tuple[Any, ...], Counter[str]] = {}
    names: set[str] = set()
    for row in zip(*(df[c].tolist() for c in index + columns), strict=True):
        if any(_missing(v) for v in row):
            continue
        name = " | ".join(str(v) for v in row[len(index) :]) if len(columns) > 1 else str(row[-1])
        counts.setdefault(row[: len(index)], Counter())[name] += 1
        names.add(name)
    cols = sorted(names)
    keys = list(counts)  # in order of first appearance
    if "article" in index:
        rank = article_rank(df["article"])
        at = index.index("article")
        keys.sort(key=lambda k: (rank[k[at]], *k[1:]))
    rows = [(*k, *(counts[k][c] for c in cols)) for k in keys]
    return pd.DataFrame(rows, columns=[*index, *cols])


@dataclass(frozen=True)
class TableView:
    """How the notebook shows a table.

    Parameters
    ----------
    compared : bool
        Several articles are analysed: keep the ``article`` column.
    evidence_rows : int
        Rows shown of an evidence table (the CSV files hold all of them).
    """

    compared: bool = False
    evidence_rows: int = 40

    def table(
        self, df: pd.DataFrame, columns: Sequence[str] | None = None, *, evidence: bool = False
    ) -> pd.DataFrame:
        """The table as shown: ``columns`` (those present), without ``article`` unless
        articles are compared, without the ids ``actor`` and ``issue`` when their labels
        are there, numbers rounded to 3 decimals, and at most :attr:`evidence_rows` rows
        for evidence."""
        out = df[[c for c in columns if c in df.columns]] if columns is not None else df
        drop = [] if self.compared else ["article"]
        drop += [
            ident for ident, label in (("actor", "label"), ("issue", "issue_label")) if label in out.columns
        ]
        out = out.drop(columns=[c for c in drop if c in out.columns]).round(3)
        return out.head(self.evidence_rows) if evidence else out

    def __call__(
        self,
        df: pd.DataFrame | None,
        columns: Sequence[str] | None = None,
        *,
        evidence: bool = False,
        empty: str = "Nothing to show: no match in the text.",
        caption: str | None = None,
        fold: bool | None = None,
    ) -> None:
        """Display :meth:`table`, or ``empty`` (one line saying why) when ``df`` has no rows
        or is None (a table that could not be had, such as validation figures never computed).

        ``caption`` names the table's line in ``report/tables.yaml`` (default: the CSV table
        it was written as); ``fold`` shows it folded (True), open (False) or folded when long
        (None), as :func:`research_utils.views.show` does."""
        from IPython.display import display

        shown = None if df is None else self.table(df, columns, evidence=evidence)
        display(show(shown, empty, caption=caption, fold=fold))

    def across(self, *tables: pd.DataFrame, empty: str = "Nothing to compare.") -> None:
        """Display tables that compare articles side by side, or say in one line why not.

        With one article there is nothing to compare: one line says how to add articles
        (the tables are still exported). An empty table shows ``empty`` instead.
        """
        if not self.compared:
            from IPython.display import display

            display(
                Note(
                    "One article analysed: nothing to compare. List further articles in the parameter "
                    "compare_paths (a list: pass it with -f params.yaml or research-report --compare)."
                )
            )
            return
        for df in tables:
            self(df, empty=empty)
