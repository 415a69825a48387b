"""Word and n-gram frequencies, with and without stop words.

Counts are of **terms** (:func:`research_utils.ingest.vocabulary.term`: case-folded, acronyms
kept, possessive folded into its noun) or, with ``strip_possessive=False``, of types;
number tokens are left out, and frequencies per 1,000 are per 1,000 vocabulary tokens
(stop words included in the base). N-grams are sequences of types inside a sentence
that never cross a number token. The stop words are the bundled list or the user's
(``stopwords_path``).

Known weaknesses: frequency is not importance (see :mod:`.reference`); a short article
gives small counts, so ranks below the top few are mostly ties (broken alphabetically).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import (
    first_seen,
    form_vocabulary,
    per_document,
    rank_order,
    sentence_texts,
    tally,
    token_forms,
)
from research_utils.ingest import CorpusLike, Document

__all__ = ["NGRAM_COLUMNS", "WORD_COLUMNS", "ngram_frequencies", "word_frequencies", "word_tally"]

WORD_COLUMNS: list[str] = ["rank", "word", "count", "per_1000", "sentence_id", "sentence", "article"]
"""Columns of :func:`word_frequencies`."""
NGRAM_COLUMNS: list[str] = ["rank", "ngram", "count", "per_1000", "sentence_id", "sentence", "article"]
"""Columns of :func:`ngram_frequencies`."""


def word_tally(
    doc: Document, strip_possessive: bool = True, stopwords_path: str = ""
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """Every vocabulary word of ``doc`` with its count, first token and stop-word flag.

    Sums the counts of the word forms (numbers left out) that share a term (or a type,
    without ``strip_possessive``).

    Returns
    -------
    tuple
        ``(words, counts, first token index, stop word, vocabulary tokens)``; words in
        order of first use; a word is a stop word when its first form's type is one.
    """
    tf, v = token_forms(doc), form_vocabulary(doc, stopwords_path)
    keep = np.flatnonzero(~tf.is_number)
    keys = (v.term if strip_possessive else v.norm)[keep]
    words, count, first = tally(keys, tf.count[keep], tf.first[keep])
    first_form = tf.codes[first] if len(first) else np.zeros(0, dtype=np.int64)
    return words, count, first, v.stopword[first_form], int(tf.count[keep].sum())


def _ranked(
    doc: Document, label: str, keys: np.ndarray, count: np.ndarray, first: np.ndarray, total: int, top_n: int
) -> pd.DataFrame:
    """A ranked table of ``keys`` with their counts, share per 1,000 and first sentence."""
    order = rank_order(count, keys, top_n)
    sids = token_forms(doc).sentence[first[order]]
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(order) + 1),
            label: keys[order],
            "count": count[order],
            "per_1000": (1000 * count[order] / total).round(2) if total else np.nan,
            "sentence_id": sids,
            "sentence": sentence_texts(doc, sids),
            "article": doc.slug,
        }
    )


def _words_of(
    doc: Document, top_n: int, exclude_stopwords: bool, strip_possessive: bool, stopwords_path: str
) -> pd.DataFrame:
    """The word-frequency table of one document."""
    words, count, first, stop, total = word_tally(doc, strip_possessive, stopwords_path)
    if exclude_stopwords:
        keep = ~stop
        words, count, first = words[keep], count[keep], first[keep]
    if not len(words):
        return pd.DataFrame(columns=WORD_COLUMNS)
    return _ranked(doc, "word", words, count, first, total, top_n)


def word_frequencies(
    x: CorpusLike,
    top_n: int = 20,
    exclude_stopwords: bool = False,
    strip_possessive: bool = True,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """The most frequent words of each article's body (numbers left out).

    Parameters
    ----------
    x : CorpusLike
    top_n : int
        Rows per article (``0`` = all).
    exclude_stopwords : bool
        Leave out the stop words.
    strip_possessive : bool
        Count ``Ukraine's`` as ``ukraine`` (terms); otherwise count types.
    stopwords_path : str
        Your own stop-word file (``""`` = bundled).

    Returns
    -------
    DataFrame
        ``rank``, ``word``, ``count``, ``per_1000`` (per 1,000 vocabulary tokens, stop
        words included in the base), ``sentence_id`` and ``sentence`` (first
        occurrence), ``article``. Ties are broken alphabetically, ignoring case.
    """
    return per_document(
        x,
        lambda doc: _words_of(doc, top_n, exclude_stopwords, strip_possessive, stopwords_path),
        WORD_COLUMNS,
    )


def _ngram_starts(doc: Document, n: int, stopwords_path: str, exclude_stopwords: bool) -> np.ndarray:
    """Token indices where an n-gram starts: ``n`` tokens of one sentence, none a number.

    With ``exclude_stopwords``, the first and last word must not be stop words.
    """
    tf, v = token_forms(doc), form_vocabulary(doc, stopwords_path)
    m = len(tf.codes) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.int64)
    num = tf.is_number[tf.codes]
    sid = tf.sentence
    ok = ~num[:m]
    for k in range(1, n):
        ok &= ~num[k : k + m] & (sid[k : k + m] == sid[:m])
    if exclude_stopwords:
        stop = v.stopword[tf.codes]
        ok &= ~stop[:m] & ~stop[n - 1 : n - 1 + m]
    return np.flatnonzero(ok)


def _ngrams_of(
    doc: Document, n: int, top_n: int, exclude_stopwords: bool, stopwords_path: str, min_count: int
) -> pd.DataFrame:
    """The n-gram table of one document.

    Each n-gram is coded by combining the integer type ids of its words pairwise
    (``id_1 * V + id_2``, re-coded after each step so that codes stay small), counted
    with one ``bincount``; only the n-grams that can reach the table are spelled out.
    """
    tf, v = token_forms(doc), form_vocabulary(doc, stopwords_path)
    starts = _ngram_starts(doc, n, stopwords_path, exclude_stopwords)
    if not len(starts):
        return pd.DataFrame(columns=NGRAM_COLUMNS)
    type_id = v.norm_id[tf.codes]
    code = pd.factorize(type_id[starts])[0].astype(np.int64)
    for k in range(1, n):
        following = type_id[starts + k]
        code = pd.factorize(code * (int(following.max()) + 1) + following)[0].astype(np.int64)
    count = np.bincount(code)
    first = starts[first_seen(code)]
    keep = np.flatnonzero(count >= min_count)
    if not len(keep):
        return pd.DataFrame(columns=NGRAM_COLUMNS)
    count, first = count[keep], first[keep]
    if top_n and len(count) > top_n:  # spell out only the n-grams that can reach the table
        cand = np.flatnonzero(count >= np.partition(count, len(count) - top_n)[len(count) - top_n])
        count, first = count[cand], first[cand]
    words = [v.norm[tf.codes[first + k]] for k in range(n)]
    grams = np.array([" ".join(w) for w in zip(*words, strict=True)], dtype=object)
    total = int(tf.count[~tf.is_number].sum())
    return _ranked(doc, "ngram", grams, count, first, total, top_n)


def ngram_frequencies(
    x: CorpusLike,
    n: int = 2,
    top_n: int = 20,
    exclude_stopwords: bool = True,
    stopwords_path: str = "",
    min_count: int = 1,
) -> pd.DataFrame:
    """The most frequent sequences of ``n`` words inside a sentence, per article.

    N-grams never cross a sentence boundary or a number token.

    Parameters
    ----------
    x : CorpusLike
    n : int
        2 for bigrams, 3 for trigrams.
    top_n : int
        Rows per article (``0`` = all).
    exclude_stopwords : bool
        Drop n-grams whose first or last word is a stop word (*of the*, *the country*),
        keeping inner ones (*Declaration of State*).
    stopwords_path : str
        Your own stop-word file (``""`` = bundled).
    min_count : int
        Leave out sequences seen fewer times.

    Returns
    -------
    DataFrame
        ``rank``, ``ngram`` (types joined by spaces), ``count``, ``per_1000`` (per 1,000
        vocabulary tokens), ``sentence_id`` and ``sentence`` (first occurrence),
        ``article``. Ties are broken alphabetically, ignoring case.

    Raises
    ------
    ValueError
        If ``n`` is below 1.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    return per_document(
        x,
        lambda doc: _ngrams_of(doc, n, top_n, exclude_stopwords, stopwords_path, min_count),
        NGRAM_COLUMNS,
    )
