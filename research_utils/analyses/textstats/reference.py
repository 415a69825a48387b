"""Keyness against general English: the words an article uses far more, or far less, than usual.

The reference is ``wordfreq`` (Speer 2022), read through
:func:`research_utils.ingest.vocabulary.reference_frequency`: each word's share of a large
multi-genre English corpus. wordfreq gives shares, not counts, so the test is the
**one-sample** log-likelihood (:func:`g2_one_sample`), the limit of Dunning's (1993)
two-corpus G2 when the reference corpus is much larger than the article; the effect size
is Hardie's (2014) **log ratio**.

Known weaknesses: general English is not news English (any news article over-uses names
and political vocabulary); wordfreq estimates a hyphenated compound from its parts,
which gives compounds a generous reference share; it cannot tell *US* from *us*. With
hundreds of words tested, read G2 as a ranking rather than as a test.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import per_document, token_forms
from research_utils.analyses.textstats.frequency import word_tally
from research_utils.ingest import CorpusLike, Document
from research_utils.ingest.vocabulary import REFERENCE_FLOOR, load_stopwords, reference_frequency

__all__ = ["KEYNESS_COLUMNS", "REFERENCE_FLOOR", "g2_one_sample", "key_words", "keyness"]

KEYNESS_COLUMNS: list[str] = [
    "word",
    "count",
    "per_1000",
    "ref_per_1000",
    "expected",
    "g2",
    "p_value",
    "log_ratio",
    "direction",
    "in_reference",
    "sentence_id",
    "sentence",
    "article",
]
"""Columns of :func:`keyness`."""


def g2_one_sample(a: np.ndarray | float, n: int, p: np.ndarray | float) -> np.ndarray:
    """One-sample log-likelihood G2: ``a`` of ``n`` tokens observed, share ``p`` expected.

    ``G2 = 2 [a ln(a/E) + (n - a) ln((n - a)/(n - E))]`` with ``E = n p`` and
    ``0 ln 0 = 0``; unsigned. This is Dunning's (1993) two-corpus G2 in the limit of an
    infinitely large reference corpus.
    """
    a = np.asarray(a, dtype=float)
    p = np.asarray(p, dtype=float)
    e = n * p
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e), 0.0)
        rest, rest_e = n - a, n - e
        t2 = np.where(rest > 0, rest * np.log(rest / rest_e), 0.0)
    return 2 * (t1 + t2)


def _chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-squared distribution with one degree of freedom: erfc(sqrt(x/2))."""
    return np.array([math.erfc(math.sqrt(max(v, 0.0) / 2)) for v in x.tolist()], dtype=float)


def _absent_words(present: set[str], n: int, exclude_stopwords: bool, stopwords_path: str) -> list[str]:
    """The ``n`` most common English words (wordfreq) that the article never uses."""
    import wordfreq

    stop = load_stopwords(stopwords_path)
    return [
        w
        for w in wordfreq.top_n_list("en", n)
        if w.isalpha() and w not in present and not (exclude_stopwords and w in stop)
    ]


def _keyness_of(
    doc: Document,
    min_count: int,
    floor: float,
    include_absent: int,
    strip_possessive: bool,
    exclude_stopwords: bool,
    stopwords_path: str,
) -> pd.DataFrame:
    """The keyness table of one document."""
    words, count, first, stop, total = word_tally(doc, strip_possessive, stopwords_path)
    if total == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    keep = count >= max(min_count, 1)
    if exclude_stopwords:
        keep &= ~stop
    tested, a_counts, firsts = words[keep], count[keep], first[keep]
    sids = token_forms(doc).sentence[firsts].tolist()
    if include_absent:
        present = {str(w).lower() for w in words}
        extra = _absent_words(present, include_absent, exclude_stopwords, stopwords_path)
        tested = np.concatenate([tested, np.asarray(extra, dtype=object)])
        a_counts = np.concatenate([a_counts, np.zeros(len(extra), dtype=np.int64)])
        sids += [None] * len(extra)
    if not len(tested):
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    ref = reference_frequency(tested, floored=False)
    p = np.where(ref > 0, ref, floor)
    a = a_counts.astype(float)
    g2 = g2_one_sample(a, total, p)
    expected = total * p
    over = a >= expected
    signed = (np.where(over, 1.0, -1.0) * g2).round(3)
    order = np.lexsort((np.asarray(tested, dtype=str), -np.abs(signed)))
    a, p, over, g2 = a[order], p[order], over[order], g2[order]
    sids = [sids[i] for i in order.tolist()]
    return pd.DataFrame(
        {
            "word": np.asarray(tested, dtype=object)[order],
            "count": a_counts[order],
            "per_1000": (1000 * a / total).round(3),
            "ref_per_1000": 1000 * p,
            "expected": (total * p).round(3),
            "g2": signed[order],
            "p_value": _chi2_sf_1df(g2),
            "log_ratio": np.log2(np.where(a > 0, a, 0.5) / total / p).round(3),
            "direction": np.where(over, "over", "under"),
            "in_reference": ref[order] > 0,
            "sentence_id": pd.array(sids, dtype="Int64"),
            "sentence": _evidence(doc, sids),
            "article": doc.slug,
        },
        columns=KEYNESS_COLUMNS,
    )


def _evidence(doc: Document, sids: list[int | None]) -> list[str]:
    """The sentence of each id (``""`` for None)."""
    sents = doc.parsed.sentence
    return [sents[i] if i is not None else "" for i in sids]


def keyness(
    x: CorpusLike,
    min_count: int = 3,
    floor: float = REFERENCE_FLOOR,
    include_absent: int = 0,
    strip_possessive: bool = True,
    exclude_stopwords: bool = False,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """Words each article uses more (or less) than general English, by wordfreq.

    A word seen ``a`` times in the article's ``N`` vocabulary tokens (numbers left out)
    is compared with the count expected from its share ``p`` of general English,
    ``E = N p``, by the one-sample log-likelihood

        G2 = 2 [a ln(a/E) + (N - a) ln((N - a)/(N - E))]

    (:func:`g2_one_sample`). G2 is shown with a sign: positive when the article
    over-uses the word (a >= E), negative when it under-uses it. G2 > 3.84 is p < 0.05,
    > 6.63 p < 0.01, > 10.83 p < 0.001 (chi-squared, 1 df). The effect size is Hardie's
    (2014) log ratio, log2((a/N) / p): +1 = twice as frequent as in general English, -1
    = half (a zero count is taken as 0.5, as Hardie suggests). Words wordfreq lacks get
    the reference share ``floor``.

    Parameters
    ----------
    x : CorpusLike
    min_count : int
        Only words seen at least this often in the article are tested.
    floor : float
        Reference share for words wordfreq does not list (:data:`REFERENCE_FLOOR`).
    include_absent : int
        Also test the ``include_absent`` most common English words (wordfreq's top list)
        that the article never uses (count 0, so always under-used).
    strip_possessive, exclude_stopwords, stopwords_path
        As in :func:`~.frequency.word_frequencies`.

    Returns
    -------
    DataFrame
        ``word``, ``count``, ``per_1000``, ``ref_per_1000``, ``expected``, ``g2``
        (signed), ``p_value``, ``log_ratio``, ``direction`` (over/under),
        ``in_reference`` (False when the floor was used), ``sentence_id`` and
        ``sentence`` (first occurrence; empty for absent words), ``article``; sorted by
        |G2|, largest first, then by word.
    """
    return per_document(
        x,
        lambda doc: _keyness_of(
            doc, min_count, floor, include_absent, strip_possessive, exclude_stopwords, stopwords_path
        ),
        KEYNESS_COLUMNS,
    )


def key_words(table: pd.DataFrame, direction: str = "over", n: int = 20) -> pd.DataFrame:
    """The ``n`` strongest over-used (or under-used) words of each article of a :func:`keyness` table.

    Parameters
    ----------
    table : DataFrame
        A :func:`keyness` table (sorted by |G2|).
    direction : str
        ``over`` (largest positive G2 first) or ``under`` (most negative first).
    n : int
        Words per article.

    Raises
    ------
    ValueError
        For another ``direction``.
    """
    if direction not in ("over", "under"):
        raise ValueError("direction must be 'over' or 'under'")
    chosen = np.flatnonzero(table["direction"].to_numpy() == direction)
    articles = table["article"].to_numpy()[chosen]
    keep = np.concatenate([chosen[articles == a][:n] for a in dict.fromkeys(articles)] or [chosen])
    return table.iloc[np.sort(keep)].reset_index(drop=True)
