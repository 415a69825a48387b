"""Collocations: adjacent word pairs that occur together more often than chance.

The counts and scores are NLTK's (``nltk.collocations.BigramCollocationFinder`` with
``BigramAssocMeasures``), computed with numpy for all pairs at once:

* the words are every token's type, numbers included as one placeholder (so ``N``, the
  number of words, counts them), and a pair is two adjacent tokens of one sentence, as
  ``BigramCollocationFinder.from_documents`` counts them with one sentence a document;
* pairs holding a number or a stop word are dropped, then pairs seen fewer than
  ``min_freq`` times;
* **log-likelihood** (Dunning 1993; ``likelihood_ratio``): ``2 Σ o ln(o / (e + 1e-20) +
  1e-20)`` over the four cells of the pair's 2x2 table, with expected counts from the
  margins; **PMI** (Church & Hanks 1990; ``pmi``): ``log2(n_ii N) - log2(n_i n_j)``.

PMI overrates rare pairs (a pair seen twice in a short text can top the list): hence the
frequency floor. A test checks the scores against NLTK counting the sentences itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import (
    first_seen,
    form_vocabulary,
    per_document,
    sentence_texts,
    token_forms,
)
from research_utils.ingest import CorpusLike, Document

__all__ = ["COLLOCATION_COLUMNS", "MEASURES", "ScoredPairs", "collocations", "scored_pairs"]

MEASURES: tuple[str, ...] = ("log_likelihood", "pmi")
"""The association measures of :func:`collocations`."""

COLLOCATION_COLUMNS: list[str] = [
    "rank",
    "bigram",
    "w1",
    "w2",
    "count",
    "log_likelihood",
    "pmi",
    "sentence_id",
    "sentence",
    "article",
]
"""Columns of :func:`collocations`."""

_SMALL = 1e-20  # NLTK's guard against log(0) and division by 0


def _log_likelihood(n_ii: np.ndarray, n_ix: np.ndarray, n_xi: np.ndarray, n_xx: int) -> np.ndarray:
    """NLTK's ``BigramAssocMeasures.likelihood_ratio`` for many pairs, in NLTK's order of operations.

    The 2x2 table is ``(n_ii, n_oi, n_io, n_oo)`` with ``n_oi = n_xi - n_ii``,
    ``n_io = n_ix - n_ii`` and ``n_oo = N - n_ii - n_oi - n_io``; the expected count of
    cell ``i`` is ``(c[i] + c[i ^ 1]) (c[i] + c[i ^ 2]) / N``.
    """
    n_oi = n_xi - n_ii
    n_io = n_ix - n_ii
    cont = [n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io]
    total = sum(cont)
    out = np.zeros(len(n_ii), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(4):
            exp = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / total
            obs = cont[i].astype(float)
            out = out + obs * np.log(obs / (exp + _SMALL) + _SMALL)
    return 2 * out


@dataclass(frozen=True)
class ScoredPairs:
    """The candidate pairs of a document with their counts and both scores (read-only).

    Parallel arrays, in order of first occurrence: ``w1``, ``w2`` (types), ``count``,
    ``log_likelihood``, ``pmi`` (unrounded) and ``first`` (index of the first token of
    the pair's first occurrence).
    """

    w1: np.ndarray
    w2: np.ndarray
    count: np.ndarray
    log_likelihood: np.ndarray
    pmi: np.ndarray
    first: np.ndarray


_NO_PAIRS = ScoredPairs(*(np.zeros(0, dtype=t) for t in (object, object, np.int64, float, float, np.int64)))


def _scored_pairs(doc: Document, min_freq: int, stopwords_path: str) -> ScoredPairs:
    """Every candidate pair of ``doc`` with its count and both scores (see the module docstring)."""
    tf, v = token_forms(doc), form_vocabulary(doc, stopwords_path)
    n = len(tf.codes)
    if n < 2:
        return _NO_PAIRS
    word = v.norm_id[tf.codes]
    # N and the word margins count every token (NLTK's word_fd); numbers share a placeholder,
    # but a pair with a number is dropped, so only N needs them.
    margin = np.bincount(word[~tf.is_number[tf.codes]], minlength=int(v.norm_id.max()) + 1)
    barred = (tf.is_number | v.stopword)[tf.codes]
    starts = np.flatnonzero((tf.sentence[1:] == tf.sentence[:-1]) & ~barred[:-1] & ~barred[1:])
    if not len(starts):
        return _NO_PAIRS
    w1, w2 = word[starts], word[starts + 1]
    code = pd.factorize(w1 * (int(w2.max()) + 1) + w2)[0]
    count = np.bincount(code)
    first = starts[first_seen(code)]
    keep = count >= min_freq
    if not keep.any():
        return _NO_PAIRS
    count, first = count[keep].astype(np.int64), first[keep]
    n_ix, n_xi = margin[word[first]].astype(np.int64), margin[word[first + 1]].astype(np.int64)
    with np.errstate(divide="ignore"):
        pmi = np.log2((count * n).astype(float)) - np.log2((n_ix * n_xi).astype(float))
    return ScoredPairs(
        w1=v.norm[tf.codes[first]],
        w2=v.norm[tf.codes[first + 1]],
        count=count,
        log_likelihood=_log_likelihood(count, n_ix, n_xi, n),
        pmi=pmi,
        first=first,
    )


def scored_pairs(doc: Document, min_freq: int = 2, stopwords_path: str = "") -> ScoredPairs:
    """:class:`ScoredPairs` of ``doc`` for a frequency floor and stop-word list (kept on the document)."""
    return doc.memo(
        ("textstats.scored_pairs", min_freq, stopwords_path),
        lambda: _scored_pairs(doc, min_freq, stopwords_path),
    )


def _collocations_of(
    doc: Document, measure: str, min_freq: int, top_n: int, stopwords_path: str
) -> pd.DataFrame:
    """The collocation table of one document: pairs by ``measure``, then count, then alphabetically."""
    sp = scored_pairs(doc, min_freq, stopwords_path)
    if not len(sp.count):
        return pd.DataFrame(columns=COLLOCATION_COLUMNS)
    score = getattr(sp, measure)
    rows = np.arange(len(score))
    if top_n and len(score) > top_n:  # sort only the pairs that can reach the table
        rows = rows[score >= np.partition(score, len(score) - top_n)[len(score) - top_n]]
    bigram = np.array([f"{x} {y}" for x, y in zip(sp.w1[rows], sp.w2[rows], strict=True)], dtype=object)
    order = np.lexsort((bigram.astype(str), -sp.count[rows], -score[rows]))
    if top_n:
        order = order[:top_n]
    bigram, order = bigram[order], rows[order]
    sids = token_forms(doc).sentence[sp.first[order]]
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(order) + 1),
            "bigram": bigram,
            "w1": sp.w1[order],
            "w2": sp.w2[order],
            "count": sp.count[order],
            "log_likelihood": sp.log_likelihood[order].round(3),
            "pmi": sp.pmi[order].round(3),
            "sentence_id": pd.array(sids, dtype="Int64"),
            "sentence": sentence_texts(doc, sids),
            "article": doc.slug,
        },
        columns=COLLOCATION_COLUMNS,
    )


def collocations(
    x: CorpusLike,
    measure: str = "log_likelihood",
    min_freq: int = 2,
    top_n: int = 20,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """Word pairs of each article that occur together more often than chance.

    See the module docstring for the counts and the two measures (NLTK's). Both scores
    are computed once per document, stop-word list and ``min_freq``, and kept.

    Parameters
    ----------
    x : CorpusLike
    measure : str
        ``log_likelihood`` or ``pmi``: the column the table is sorted by (then count,
        then the pair alphabetically).
    min_freq : int
        Minimum count of the pair.
    top_n : int
        Rows per article (``0`` = all).
    stopwords_path : str
        Your own stop-word file (``""`` = bundled).

    Returns
    -------
    DataFrame
        ``rank``, ``bigram``, ``w1``, ``w2``, ``count``, ``log_likelihood``, ``pmi``
        (both rounded to 3 decimals), ``sentence_id`` and ``sentence`` (first
        occurrence), ``article``.

    Raises
    ------
    ValueError
        For another ``measure``.
    """
    if measure not in MEASURES:
        raise ValueError("measure must be 'log_likelihood' or 'pmi'")
    return per_document(
        x, lambda doc: _collocations_of(doc, measure, min_freq, top_n, stopwords_path), COLLOCATION_COLUMNS
    )
