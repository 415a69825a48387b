"""Small pieces every framing table shares: picking rows, counting matched forms, notes.

* :func:`main_rows`, :func:`shown` and :func:`evidence_sample` pick what a report shows
  of a table that holds every compared article (the CSV files keep every row); the one
  line shown instead of an empty table is :class:`research_utils.views.Note`.
* :func:`top_forms` lists the most frequent matched forms of each frame, set or technique.
* :func:`evidence_columns` ties hits to their sentences and voice; :func:`stack` builds
  one table of the per-document columns every analysis keeps.
* :func:`article_overview` is the size of every analysed article (the denominators).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from research_utils.ingest import CorpusLike, Document, as_corpus
from research_utils.ingest.sentences import voice_of_span
from research_utils.ingest.vocabulary import norm
from research_utils.views import Note, show

__all__ = [
    "Columns",
    "article_overview",
    "concat",
    "evidence_columns",
    "evidence_sample",
    "filled",
    "form_key",
    "main_rows",
    "shown",
    "slug_of",
    "stack",
    "top_forms",
]


def slug_of(main: str | Document) -> str:
    """The slug of a document (a string is taken to be a slug)."""
    return main if isinstance(main, str) else main.slug


def main_rows(table: pd.DataFrame, main: str | Document, **equal: Any) -> pd.DataFrame:
    """The rows of one article, optionally only those where columns have given values.

    Parameters
    ----------
    table : DataFrame
        A table with an ``article`` column.
    main : str or Document
        The article (its slug).
    **equal
        ``column=value`` conditions, e.g. ``scheme="policy"``.

    Returns
    -------
    DataFrame
        A copy with a fresh index.
    """
    mask = table["article"].to_numpy() == slug_of(main)
    for column, value in equal.items():
        mask &= table[column].to_numpy() == value
    return table[mask].reset_index(drop=True)


def shown(
    table: pd.DataFrame,
    main: str | Document,
    *,
    columns: Sequence[str] | None = None,
    n: int | None = None,
    note: str = "",
    caption: str | None = None,
    fold: bool | None = None,
    **equal: Any,
) -> pd.DataFrame | Note:
    """What a report shows of a table: the rows of article ``main`` (first ``n``), or a
    :class:`~research_utils.views.Note` saying that there are none
    (:func:`research_utils.views.show` of the article's rows).

    Parameters
    ----------
    table : DataFrame
        A table with an ``article`` column.
    main : str or Document
        The article shown.
    columns : sequence of str, optional
        Columns shown (default: all but ``article``).
    n : int, optional
        Rows shown (default: all; the CSV file holds every row).
    note : str
        The line shown when no row is left (default: says that the table is empty).
    caption, fold
        As for :func:`research_utils.views.show` (default caption: the CSV table it was
        written as).
    **equal
        ``column=value`` conditions, e.g. ``scheme="policy"``.
    """
    rows = main_rows(table, main, **equal)
    return show(
        rows,
        note or f"Nothing to show for {slug_of(main)}: the table has no rows.",
        list(columns) if columns is not None else [c for c in rows.columns if c != "article"],
        rows=n,
        caption=caption,
        fold=fold,
    )


def evidence_sample(
    table: pd.DataFrame,
    main: str | Document,
    *,
    by: str | list[str],
    n: int,
    columns: Sequence[str],
    exclude: dict[str, Any] | None = None,
    note: str = "",
    caption: str | None = None,
    fold: bool | None = None,
    **equal: Any,
) -> pd.DataFrame | Note:
    """The first ``n`` evidence rows of each group of one article's rows (for display).

    Parameters
    ----------
    table : DataFrame
        An evidence table with an ``article`` column.
    main : str or Document
        The article shown.
    by : str or list of str
        Columns that define a group (e.g. ``technique``); groups keep their order.
    n : int
        Rows shown per group.
    columns : sequence of str
        Columns shown.
    exclude : dict, optional
        ``{column: value}``: rows with that value are left out.
    note : str
        The line shown when no row is left.
    caption, fold
        As for :func:`research_utils.views.show`.
    **equal
        ``column=value`` conditions on the rows shown.

    Returns
    -------
    DataFrame or Note
    """
    rows = main_rows(table, main, **equal)
    for column, value in (exclude or {}).items():
        rows = rows[rows[column].to_numpy() != value]
    if not len(rows):
        return Note(note or f"Nothing to show for {slug_of(main)}: no evidence rows.")
    sample = rows.groupby(by, sort=False).head(n)[list(columns)].reset_index(drop=True)
    return show(sample, "", caption=caption, fold=fold)


def concat(frames: list[pd.DataFrame], columns: Sequence[str]) -> pd.DataFrame:
    """Tables of several articles one under the other (an empty table with ``columns`` for none)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=list(columns))
    return pd.concat(frames, ignore_index=True)[list(columns)]


Columns = dict[str, np.ndarray]
"""A table as equal-length arrays by column name: how per-document results are kept
(building a DataFrame costs more than the analysis of a short article)."""


def stack(parts: list[Columns], columns: Sequence[str]) -> pd.DataFrame:
    """One new DataFrame of the tables ``parts``, one under the other, with ``columns``."""
    parts = [p for p in parts if len(p[columns[0]])]
    if not parts:  # no rows: object columns, so that text operations on them still work
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns}, columns=list(columns))
    data = {c: parts[0][c] if len(parts) == 1 else np.concatenate([p[c] for p in parts]) for c in columns}
    return pd.DataFrame(data, columns=list(columns))


def filled(value: Any, n: int) -> np.ndarray:
    """An object array of ``n`` copies of ``value`` (a constant column)."""
    out = np.empty(n, dtype=object)
    out[:] = [value] * n if isinstance(value, (tuple, list)) else value
    return out


def form_key(text: str) -> str:
    """How matched forms are counted together: white space collapsed, each word's type
    (:func:`research_utils.ingest.vocabulary.norm`: case folded, acronyms such as "US" kept)."""
    return " ".join(norm(w) for w in text.replace("’", "'").split())


def top_forms(
    keys: Sequence[Hashable] | np.ndarray, matches: Sequence[str] | np.ndarray, n: int = 6
) -> dict[Any, str]:
    """The most frequent matched forms of each key, with their counts.

    Forms are counted by :func:`form_key` and shown as first written (white space
    collapsed); ties keep the order of first use. ``{key: "Kiev (3), Kiev's (1)"}`` for
    every key with a match. Each distinct match is normalised once; the counting is one
    sort of (key, form) codes.
    """
    if not len(matches):
        return {}
    key_codes, key_values = pd.factorize(np.asarray(keys, dtype=object))
    match_codes, match_values = pd.factorize(np.asarray(matches, dtype=object))
    form_of_match, _ = pd.factorize(np.asarray([form_key(m) for m in match_values], dtype=object))
    pair = key_codes.astype(np.int64) * (int(form_of_match.max()) + 1) + form_of_match[match_codes]
    _, first, count = np.unique(pair, return_index=True, return_counts=True)
    order = np.lexsort((first, -count, key_codes[first]))  # by key, most used first, then first used
    out: dict[Any, list[str]] = {}
    for i in order.tolist():
        shown = out.setdefault(key_values[key_codes[first[i]]], [])
        if len(shown) < n:
            shown.append(f"{' '.join(str(matches[first[i]]).split())} ({count[i]})")
    return {k: ", ".join(v) for k, v in out.items()}


def article_overview(corpus: CorpusLike) -> pd.DataFrame:
    """Size of every article: the denominators of the rates in the report.

    Returns
    -------
    DataFrame
        ``article``, ``role`` (``main`` or ``comparison``), ``label``, ``paragraphs``
        (body), ``sentences``, ``words``.
    """
    c = as_corpus(corpus)
    return pd.DataFrame(
        {
            "article": [d.slug for d in c],
            "role": ["main"] + ["comparison"] * (len(c) - 1),
            "label": [d.label for d in c],
            "paragraphs": [len(d.paragraphs) for d in c],
            "sentences": [len(d.parsed.sentence) for d in c],
            "words": [int(d.parsed.words.sum()) for d in c],
        }
    )


def _sentence_arrays(doc: Document) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sentences, their paragraphs and whether they hold a quotation, as arrays (kept
    with the document)."""

    def compute() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        p = doc.parsed
        return (
            np.asarray(p.sentence, dtype=object).reshape(-1),
            np.asarray(p.paragraph_id, dtype=np.int64).reshape(-1),
            np.fromiter(map(bool, p.quotes), dtype=bool, count=len(p.quotes)),
        )

    return doc.memo(("framing.sentence_arrays",), compute)


def evidence_columns(
    doc: Document, sentence: np.ndarray, start: np.ndarray, end: np.ndarray
) -> dict[str, Any]:
    """The columns that tie hits to their sentences: where, which sentence, whose voice.

    Parameters
    ----------
    doc : Document
    sentence, start, end : arrays
        Sentence ids and offsets of the hits in their sentences.

    Returns
    -------
    dict
        ``sentence_id``, ``paragraph_id``, ``sentence`` and ``voice`` (``quoted`` when
        the middle of the span lies inside a quotation,
        :func:`~research_utils.ingest.voice_of_span`; else ``author``), as arrays.
    """
    text, paragraph, quoted = _sentence_arrays(doc)
    sid = np.asarray(sentence, dtype=np.int64).reshape(-1)
    voice = np.full(len(sid), "author", dtype=object)
    quotes = doc.parsed.quotes
    for i in np.flatnonzero(quoted[sid]).tolist():
        voice[i] = voice_of_span(quotes[sid[i]], int(start[i]), int(end[i]))
    return {"sentence_id": sid, "paragraph_id": paragraph[sid], "sentence": text[sid], "voice": voice}
