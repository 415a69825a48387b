"""The per-article tables of a corpus, computed from one parse of each article.

:func:`article_tables` computes, for one document, only what the corpus report and its
``results.json`` use (no plots, no evidence tables beyond what groups need):

``articles``
    one row: ``article`` (slug), ``title``, ``outlet``, ``date``, ``author``,
    ``language``, ``words``, ``sentences``, ``paragraphs``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade``, ``mattr``, ``quoted_share`` (share of words in quotation
    marks), ``naming_index`` (author's own usage; NaN when the article uses no naming
    term in its own voice), ``naming_terms`` (author's-own naming terms), ``attributions``,
    ``warnings`` (count of doubts about the input).
``naming``
    ``article``, ``set``, ``side`` (a/b), ``voice`` (author/quoted/distanced), ``count``.
``frames``
    ``article``, ``scheme``, ``frame``, ``hits``.
``voice``
    ``article``, ``actor`` (the actor or named speaker), ``quotes``, ``quoted_words``.
``verbs``
    ``article``, ``verb_class``, ``count``.
``terms``
    ``article``, ``term``, ``count``: content words (no stop words, no numbers), the
    unit of distinctive words.

:func:`load_tables` reads them back from Parquet and :func:`with_groups` gives every
article its group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.corpus.groups import month_of
from research_utils.ingest import Document

__all__ = ["TABLES", "article_tables", "load_tables", "with_groups"]

TABLES: dict[str, list[str]] = {
    "articles": [
        "article",
        "title",
        "outlet",
        "date",
        "author",
        "language",
        "words",
        "sentences",
        "paragraphs",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "mattr",
        "quoted_share",
        "naming_index",
        "naming_terms",
        "attributions",
        "warnings",
    ],
    "naming": ["article", "set", "side", "voice", "count"],
    "frames": ["article", "scheme", "frame", "hits"],
    "voice": ["article", "actor", "quotes", "quoted_words"],
    "verbs": ["article", "verb_class", "count"],
    "terms": ["article", "term", "count"],
}
"""The tables and their columns."""

META_FIELDS = ("title", "outlet", "date", "author", "language")


def article_tables(doc: Document, options: dict[str, Any] | None = None) -> dict[str, pd.DataFrame]:
    """Every per-article table of ``doc`` (see the module docstring)."""
    raise NotImplementedError


def load_tables(data: str | Path) -> dict[str, pd.DataFrame]:
    """Read every table of an analysed corpus from ``data/<table>/*.parquet``, sorted by article.

    Raises
    ------
    FileNotFoundError
        With a one-line message when ``data`` holds no ``articles`` table.
    """
    data = Path(data)
    if not (data / "articles").is_dir():
        raise FileNotFoundError(
            f"{data} holds no analysed corpus (no articles table): run research-report --corpus."
        )
    out = {}
    for name, cols in TABLES.items():
        folder = data / name
        df = (
            pd.read_parquet(folder)
            if folder.is_dir() and any(folder.glob("*.parquet"))
            else pd.DataFrame(columns=cols)
        )
        keep = [c for c in df.columns if c in cols or name == "articles"]
        sort = [c for c in cols if c in df.columns and c not in ("count", "hits", "quotes", "quoted_words")]
        out[name] = df[keep].sort_values(sort, kind="stable").reset_index(drop=True)
    return out


def with_groups(articles: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """``articles`` with a ``group`` column from the sidecar field ``group_by``.

    ``date`` groups by month (``YYYY-MM``); an article without the field is in the group
    ``(no <field>)``.

    Raises
    ------
    ValueError
        When no article table has the field at all.
    """
    if group_by not in articles.columns:
        raise ValueError(
            f"--group-by {group_by}: not a field of the articles; choose one of {', '.join(META_FIELDS)}."
        )
    values = month_of(articles[group_by]) if group_by == "date" else articles[group_by]
    missing = f"(no {group_by})"
    group = values.astype(object).where(values.notna() & (values.astype(str) != ""), missing)
    return articles.assign(group=group.astype(str))


def _nan_to_none(value: Any) -> Any:
    return None if isinstance(value, float) and np.isnan(value) else value
