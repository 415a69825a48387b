"""Keyword in context (concordance): every occurrence of query terms with the words around it.

Terms are matched by the project's one term matcher
(:func:`research_utils.lexicons.compile_terms`): case-insensitively, on word
boundaries, a trailing ``*`` for any ending, phrases allowed. The context is taken from
the running text of the paragraph, so it may cross a sentence end but never a paragraph.

Known weaknesses: matching is on spelling (*Kiev* and *Kyiv* are different terms; query
both), and a term inside a longer name (*NATO summit*) is found like any other
occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import per_document
from research_utils.ingest import CorpusLike, Document
from research_utils.lexicons import compile_terms

__all__ = ["DEFAULT_KWIC_TERMS", "KWIC_COLUMNS", "concordance_terms", "kwic", "kwic_counts"]

DEFAULT_KWIC_TERMS: tuple[str, ...] = ("neutral*", "guarantee*", "NATO")
"""Example concordance queries (a trailing ``*`` matches any ending)."""

KWIC_COLUMNS: list[str] = [
    "article",
    "term",
    "sentence_id",
    "paragraph_id",
    "left",
    "match",
    "right",
    "voice",
    "sentence",
]
"""Columns of :func:`kwic`."""

_BREAK = "\x00"
"""Joins paragraphs into one text: no term can match across it (it is neither a word
character nor white space, so neither a phrase's space nor a wildcard ending takes it)."""


def _kwic_of(doc: Document, terms: list[str], window: int) -> pd.DataFrame:
    """The concordance of one document.

    The paragraphs are searched as one text (joined by :data:`_BREAK`) in one pass of
    the combined pattern of all terms; each match is then listed under every query it
    satisfies. Words, sentences and paragraphs are located with binary searches over
    the parse's offsets in that text, so the whole is O(N log N).
    """
    p = doc.parsed
    paragraphs = doc.paragraphs
    text = _BREAK.join(paragraphs)
    matches = [(m.start(), m.end(), m.group(0)) for m in compile_terms(terms).finditer(text)]
    if not matches:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    singles = [(term, compile_terms([term])) for term in terms]
    para_len = np.fromiter(map(len, paragraphs), dtype=np.int64, count=len(paragraphs))
    para_start = np.cumsum(para_len + 1) - (para_len + 1)  # offset of each paragraph in ``text``
    sent_start = para_start[np.asarray(p.paragraph_id, dtype=np.int64)] + np.asarray(p.start, dtype=np.int64)
    sid = p.token_sentence
    word_start = sent_start[sid] + p.token_start
    word_end = sent_start[sid] + p.token_end
    word_para = np.asarray(p.paragraph_id, dtype=np.int64)[sid]
    # Each paragraph's tokens are the slice [para_lo, para_hi) of the token arrays.
    para_lo = np.searchsorted(word_para, np.arange(len(paragraphs)), side="left")
    para_hi = np.searchsorted(word_para, np.arange(len(paragraphs)), side="right")
    starts = np.array([m[0] for m in matches], dtype=np.int64)
    ends = np.array([m[1] for m in matches], dtype=np.int64)
    pid = np.searchsorted(para_start, starts, side="right") - 1
    first_word = np.searchsorted(word_end, starts, side="right")  # first word ending after the start
    after_words = np.searchsorted(word_start, ends, side="left")  # first word starting at/after the end
    lo = np.maximum(para_lo[pid], first_word - window)
    hi = np.minimum(para_hi[pid], after_words + window)
    # The sentence of a match: the last sentence of its paragraph starting at or before it
    # (the paragraph's first sentence if none does).
    sent_para = np.asarray(p.paragraph_id, dtype=np.int64)
    first_sentence = np.searchsorted(sent_para, pid, side="left")
    k = np.maximum(np.searchsorted(sent_start, starts, side="right") - 1, first_sentence)
    k = np.minimum(k, len(p.sentence) - 1)
    # Plain ints from here on: Python slices and compares them faster than numpy scalars.
    left_from = np.where(first_word > lo, word_start[np.minimum(lo, len(word_start) - 1)], -1).tolist()
    right_to = np.where(hi > after_words, word_end[np.maximum(hi - 1, 0)], -1).tolist()
    mid2 = (starts + ends - 2 * sent_start[k]).tolist()  # twice the middle, in its sentence
    queries: dict[str, list[str]] = {}  # the queries each distinct match text satisfies
    rows = []
    for (start, end, match), a, b, s, m2, j in zip(
        matches, left_from, right_to, k.tolist(), mid2, pid.tolist(), strict=True
    ):
        left = text[a:start].strip() if window and a >= 0 else ""
        right = text[end:b].strip() if window and b >= 0 else ""
        voice = "quoted" if any(2 * qa <= m2 < 2 * qb for qa, qb in p.quotes[s]) else "author"
        listed = queries.get(match)
        if listed is None:  # a match is listed under every query it satisfies
            listed = queries[match] = [term for term, pattern in singles if pattern.fullmatch(match)]
        rows += [(doc.slug, term, s, j, left, match, right, voice, p.sentence[s]) for term in listed]
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def kwic(x: CorpusLike, terms: Iterable[str] = DEFAULT_KWIC_TERMS, window: int = 6) -> pd.DataFrame:
    """Keyword in context: every occurrence of the query terms with the words around it.

    Parameters
    ----------
    x : CorpusLike
    terms : iterable of str
        Query terms (case-insensitive; a trailing ``*`` matches any ending: ``neutral*``
        finds *neutral*, *neutrality*; phrases allowed).
    window : int
        Words of context on each side, within the paragraph.

    Returns
    -------
    DataFrame
        ``article``, ``term`` (the query), ``sentence_id``, ``paragraph_id``, ``left``,
        ``match``, ``right``, ``voice`` (``quoted`` when the middle of the match is inside
        quotation marks, else ``author``), ``sentence``; in article order, a match
        satisfying several queries once under each, in query order.

    Raises
    ------
    ValueError
        If ``window`` is negative.
    """
    if window < 0:
        raise ValueError("window must be 0 or more")
    queries = [str(t) for t in terms if str(t).strip()]
    if not queries:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    return per_document(x, lambda doc: _kwic_of(doc, queries, window), KWIC_COLUMNS)


def concordance_terms(
    given: Iterable[str], pack_terms: Iterable[str], keyness_table: pd.DataFrame, n: int = 3
) -> tuple[list[str], str]:
    """The concordance queries of a report, and one line saying where they come from.

    ``given`` (the ``kwic_terms`` parameter) wins; else the topic pack's terms; else the
    ``n`` content words (not stop words) the article over-uses most against general English
    (the first such rows of a :func:`~research_utils.analyses.textstats.keyness` table).
    """
    terms = [str(t) for t in given if str(t).strip()]
    if terms:
        return terms, f"Queries (the kwic_terms parameter): {', '.join(terms)}."
    terms = [str(t) for t in pack_terms if str(t).strip()]
    if terms:
        return terms, f"Queries (the topic pack's defaults; set kwic_terms to choose): {', '.join(terms)}."
    from research_utils.ingest.vocabulary import load_stopwords

    stop = load_stopwords()
    over = keyness_table
    if len(over) and "direction" in over.columns:
        over = over[(over["direction"] == "over") & ~over["word"].astype(str).str.lower().isin(stop)]
    terms = [str(w) for w in over["word"].head(n)] if len(over) else []
    if terms:
        return terms, (
            "Queries (the article's strongest key words, as the topic pack names none; "
            f"set kwic_terms to choose): {', '.join(terms)}."
        )
    return [], "No queries: kwic_terms is empty, the topic pack names none and no word is key."


def kwic_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Matches of each query in the author's voice and in quotations, from a :func:`kwic` table.

    Returns
    -------
    DataFrame
        One row per article and query that has matches (``article``, ``term``) with the
        columns ``author``, ``quoted`` and ``total``; in the order the table first has them.
    """
    counts: dict[tuple[str, str], list[int]] = {}
    for article, term, voice in zip(table["article"], table["term"], table["voice"], strict=True):
        row = counts.setdefault((article, term), [0, 0])
        row[voice == "quoted"] += 1
    return pd.DataFrame(
        [(a, t, au, q, au + q) for (a, t), (au, q) in counts.items()],
        columns=["article", "term", "author", "quoted", "total"],
    )
