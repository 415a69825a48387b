"""What every text statistic reads: the distinct word forms of a document, and table helpers.

A document's tokens (:attr:`~research_utils.ingest.Document.parsed`) are counted once per
distinct *form* (the token as written): :func:`token_forms` gives each token the code of
its form, and each form its count, its first token and whether it is a number.
:func:`form_vocabulary` adds each form's type, term and stop-word flag from
:mod:`research_utils.ingest.vocabulary` (for the bundled or a user stop-word list). A statistic
then works on a few thousand forms instead of every token: a frequency is a sum over
forms, a first occurrence a minimum over them. Both are kept on the document with
:meth:`~research_utils.ingest.Document.memo`.

The rest are the helpers the tables share: one table per document joined into one
(:func:`per_document`), counts of keys with their first occurrence (:func:`tally`), the
evidence sentence of a row (:func:`sentence_texts`) and the sort order of ranked tables
(:func:`rank_order`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from research_utils.ingest import CorpusLike, Document, as_corpus, vocabulary

__all__ = [
    "FormVocabulary",
    "TokenForms",
    "first_seen",
    "form_vocabulary",
    "per_document",
    "rank_order",
    "sentence_texts",
    "tally",
    "token_forms",
]


def first_seen(codes: np.ndarray) -> np.ndarray:
    """Positions where each code of a first-seen coding appears first, in code order.

    ``pandas.factorize`` numbers values in the order they first appear, so a code is new
    exactly where it exceeds every code before it; the positions of the new codes, in
    order, are the first occurrences of the codes in increasing order (linear time, no
    sort).

    Parameters
    ----------
    codes : ndarray of int
        A first-seen coding: each code first appears after every smaller code that
        appears at all (gaps allowed, as after dropping some values of a coding).
    """
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    running = np.maximum.accumulate(codes)
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    np.greater(codes[1:], running[:-1], out=new[1:])
    return np.flatnonzero(new)


@dataclass(frozen=True)
class TokenForms:
    """The tokens of a document coded by their distinct form (read-only).

    Attributes
    ----------
    forms : list of str
        Distinct token forms as written (apostrophes ``'``), in order of first use.
    codes : ndarray of int
        For each token, the index of its form in ``forms``.
    count : ndarray of int
        Tokens of each form.
    first : ndarray of int
        Index of the first token of each form.
    is_number : ndarray of bool
        Whether each form is a number token (``1991``, ``3.5``, ``24th``).
    sentence : ndarray of int
        For each token, its ``sentence_id``.
    """

    forms: list[str]
    codes: np.ndarray
    count: np.ndarray
    first: np.ndarray
    is_number: np.ndarray
    sentence: np.ndarray


def _token_forms(doc: Document) -> TokenForms:
    """Code the tokens of ``doc`` by form (one hash pass) and count each form."""
    p = doc.parsed
    codes, uniques = pd.factorize(np.array(p.token, dtype=object))
    codes = codes.astype(np.int64, copy=False)
    forms = [str(u) for u in uniques]
    return TokenForms(
        forms=forms,
        codes=codes,
        count=np.bincount(codes, minlength=len(forms)).astype(np.int64),
        first=first_seen(codes),
        is_number=vocabulary.forms(forms).is_number,
        sentence=p.token_sentence.astype(np.int64, copy=False),
    )


def token_forms(doc: Document) -> TokenForms:
    """:class:`TokenForms` of ``doc``, computed once and kept on the document."""
    return doc.memo(("textstats.token_forms",), lambda: _token_forms(doc))


@dataclass(frozen=True)
class FormVocabulary:
    """Type, term and stop-word flag of each form of :class:`TokenForms` (read-only).

    Attributes
    ----------
    norm, term : ndarray of str (object)
        :func:`research_utils.ingest.vocabulary.norm` and :func:`~research_utils.ingest.vocabulary.term`
        of each form.
    stopword : ndarray of bool
        Whether the form's type is on the stop-word list.
    norm_id : ndarray of int
        For each form, the index of its type among the distinct types (first-seen order).
    """

    norm: np.ndarray
    term: np.ndarray
    stopword: np.ndarray
    norm_id: np.ndarray


def form_vocabulary(doc: Document, stopwords_path: str = "") -> FormVocabulary:
    """:class:`FormVocabulary` of ``doc`` for a stop-word list (``""`` = bundled), kept on the document.

    Raises
    ------
    FileNotFoundError
        When ``stopwords_path`` names no file (for any text, even one without words).
    """

    def compute() -> FormVocabulary:
        tf = token_forms(doc)
        v = vocabulary.forms(tf.forms, stopwords_path)
        norm_id, _ = pd.factorize(v.norm) if len(tf.forms) else (np.zeros(0, dtype=np.int64), None)
        return FormVocabulary(
            norm=v.norm, term=v.term, stopword=v.stopword, norm_id=np.asarray(norm_id, dtype=np.int64)
        )

    vocabulary.load_stopwords(stopwords_path)  # a missing file is an error before the memo
    return doc.memo(("textstats.form_vocabulary", stopwords_path), compute)


def tally(
    keys: np.ndarray, count: np.ndarray, first: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge rows that share a key: ``(distinct keys, summed counts, earliest first)``.

    Parameters
    ----------
    keys : ndarray
        A key per row (e.g. the term of each form).
    count : ndarray of int
        A count per row.
    first : ndarray of int
        A first position per row.

    Returns
    -------
    tuple of ndarray
        Keys in order of their first row, their total counts and their smallest ``first``.
    """
    if not len(keys):
        return np.asarray(keys, dtype=object), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes, uniques = pd.factorize(keys)
    total = np.bincount(codes, weights=count, minlength=len(uniques)).astype(np.int64)
    earliest = np.full(len(uniques), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, codes, first)
    return np.asarray(uniques, dtype=object), total, earliest


def rank_order(count: np.ndarray, keys: np.ndarray, top_n: int = 0) -> np.ndarray:
    """Row order of a ranked table: most frequent first, ties alphabetical ignoring case.

    Rows equal on both stay in their given order (first use). With ``top_n``, only the
    first ``top_n`` rows are returned; only the rows that can reach them (a count at
    least the ``top_n``-th largest) are sorted.
    """
    idx = np.arange(len(count))
    if top_n and len(count) > top_n:
        floor = np.partition(count, len(count) - top_n)[len(count) - top_n]
        idx = idx[count >= floor]
    folded = np.array([str(k).lower() for k in keys[idx]], dtype=str) if len(idx) else np.zeros(0, dtype=str)
    order = idx[np.lexsort((folded, -count[idx]))]
    return order[:top_n] if top_n else order


def sentence_texts(doc: Document, sentence_ids: np.ndarray) -> list[str]:
    """The text of each sentence id of ``doc`` (evidence for a table row)."""
    sents = doc.parsed.sentence
    return [sents[int(i)] for i in sentence_ids]


def per_document(
    x: CorpusLike, table: Callable[[Document], pd.DataFrame], columns: list[str]
) -> pd.DataFrame:
    """``table`` of every document of ``x``, one after the other (article order).

    Parameters
    ----------
    x : CorpusLike
        Anything :func:`~research_utils.ingest.as_corpus` accepts.
    table : callable
        Builds the table of one document (with its ``article`` column).
    columns : list of str
        The columns of the table, for an empty result.
    """
    frames = [f for f in (table(doc) for doc in as_corpus(x)) if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)
