"""The size of the body: counts of paragraphs, sentences, words and the units the formulas use,
sentence lengths, and the repairs made to the text before counting.

Everything is measured on the body paragraphs only (title, deck, headings and page
furniture are left out). A **sentence** here is a body sentence with at least one word;
a **word** is a token of :func:`research_utils.ingest.words`, numbers included (see
:mod:`research_utils.ingest.vocabulary`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import form_vocabulary, per_document, token_forms
from research_utils.analyses.textstats.wordprops import word_props
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "COUNT_DEFINITIONS",
    "LENGTH_COLUMNS",
    "count_values",
    "counts",
    "counts_table",
    "length_summary",
    "longest_sentences",
    "repairs_table",
    "sentence_length_summary",
    "sentence_lengths",
]

COUNT_DEFINITIONS: dict[str, str] = {
    "paragraphs": "body paragraphs (title, deck, headings and furniture left out)",
    "sentences": "body sentences with at least one word",
    "words": "word tokens, numbers included (hyphenated words and contractions are one word)",
    "types": "distinct word forms, case-folded (acronyms such as US and NATO kept in capitals)",
    "characters": "letters and digits inside words (no spaces or punctuation)",
    "characters_with_spaces": "every character of the body paragraphs, spaces and punctuation included",
    "letters": "letters inside words",
    "syllables": "syllables of all words (CMUdict; rule for unknown words; numbers as read aloud)",
    "polysyllables": "words of 3 or more syllables (SMOG)",
    "long_words": "words of more than 6 letters (LIX)",
    "complex_words": "Gunning's complex words: 3+ syllables, not names, compounds or -es/-ed/-ing forms",
    "difficult_words": "words not on the Dale-Chall familiar list (after its inflection rule)",
    "number_tokens": "number tokens (1991, 3.5, 24th): words for readability, left out of vocabulary measures",
    "vocabulary_tokens": "words without numbers: the base of frequencies, diversity and keyness",
}
"""What each count of :func:`counts` means, in its order."""

LENGTH_COLUMNS: list[str] = [
    "article",
    "sentence_id",
    "paragraph_id",
    "section",
    "words",
    "voice",
    "quoted_share",
    "sentence",
]
"""Columns of :func:`sentence_lengths`."""


def _count_values(doc: Document) -> dict[str, int]:
    """The counts of one document: sums over its forms weighted by their counts."""
    tf, wp = token_forms(doc), word_props(doc)
    n = len(tf.codes)
    numbers = int(tf.count[tf.is_number].sum())
    return {
        "paragraphs": len(doc.paragraphs),
        "sentences": int((doc.parsed.words > 0).sum()),
        "words": n,
        "types": len(set(form_vocabulary(doc).norm.tolist())),
        "characters": int(tf.count @ wp.characters),
        "characters_with_spaces": sum(len(p) for p in doc.paragraphs),
        "letters": int(tf.count @ wp.letters),
        "syllables": int(tf.count @ wp.syllables),
        "polysyllables": int(wp.polysyllable.sum()),
        "long_words": int(wp.long_word.sum()),
        "complex_words": int(wp.complex_word.sum()),
        "difficult_words": int(wp.difficult.sum()),
        "number_tokens": numbers,
        "vocabulary_tokens": n - numbers,
    }


def count_values(doc: Document) -> dict[str, int]:
    """The counts of :func:`counts` for one document as a dict (kept on the document; a copy)."""
    return dict(doc.memo(("textstats.counts",), lambda: _count_values(doc)))


def counts(x: CorpusLike) -> pd.DataFrame:
    """Basic counts of the body, one row per article.

    Returns
    -------
    DataFrame
        ``article`` and, in this order, ``paragraphs``, ``sentences`` (with at least one
        word), ``words`` (all tokens, numbers included), ``types`` (distinct
        case-folded word forms, numbers included), ``characters`` (letters and digits
        inside words), ``characters_with_spaces`` (every character of the body
        paragraphs, paragraph breaks not), ``letters``, ``syllables``,
        ``polysyllables`` (3+ syllables), ``long_words`` (more than 6 letters),
        ``complex_words`` (Gunning), ``difficult_words`` (Dale-Chall),
        ``number_tokens``, ``vocabulary_tokens`` (words without numbers, the base of
        frequencies and diversity). See :data:`COUNT_DEFINITIONS`.
    """
    rows = [{"article": doc.slug, **count_values(doc)} for doc in as_corpus(x)]
    return pd.DataFrame(rows, columns=["article", *COUNT_DEFINITIONS])


def counts_table(x: CorpusLike) -> pd.DataFrame:
    """:func:`counts` as a long table with the definition of each count.

    Returns
    -------
    DataFrame
        ``article``, ``measure``, ``value``, ``definition``; per article in the order of
        :data:`COUNT_DEFINITIONS`.
    """
    rows = [
        (doc.slug, key, value, COUNT_DEFINITIONS[key])
        for doc in as_corpus(x)
        for key, value in count_values(doc).items()
    ]
    return pd.DataFrame(rows, columns=["article", "measure", "value", "definition"])


def _lengths_of(doc: Document) -> pd.DataFrame:
    """The sentences of ``doc`` with at least one word, with their length and voice."""
    s = doc.sentences
    return s.loc[s["words"].to_numpy() > 0, LENGTH_COLUMNS]


def sentence_lengths(x: CorpusLike) -> pd.DataFrame:
    """Length in words of every body sentence (sentences without a word left out).

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``section``, ``words``,
        ``voice`` (``quoted`` when at least half the sentence is inside quotation
        marks), ``quoted_share``, ``sentence``; in article order.
    """
    return per_document(x, _lengths_of, LENGTH_COLUMNS)


def length_summary(doc: Document) -> dict[str, float]:
    """Mean, median, standard deviation (n - 1), minimum and maximum sentence length of ``doc``.

    Returns
    -------
    dict
        ``sentences``, ``mean``, ``median``, ``sd``, ``min``, ``max`` (NaN where undefined:
        no sentence, or ``sd`` of a single sentence).
    """
    w = doc.parsed.words
    w = w[w > 0].astype(float)
    n = len(w)
    return {
        "sentences": n,
        "mean": float(w.mean()) if n else math.nan,
        "median": float(np.median(w)) if n else math.nan,
        "sd": float(w.std(ddof=1)) if n > 1 else math.nan,
        "min": float(w.min()) if n else math.nan,
        "max": float(w.max()) if n else math.nan,
    }


def sentence_length_summary(x: CorpusLike) -> pd.DataFrame:
    """:func:`length_summary` of every article, one row each.

    Returns
    -------
    DataFrame
        ``article``, ``sentences``, ``mean``, ``median``, ``sd``, ``min``, ``max``
        (words per sentence).
    """
    rows = [{"article": doc.slug, **length_summary(doc)} for doc in as_corpus(x)]
    return pd.DataFrame(rows, columns=["article", "sentences", "mean", "median", "sd", "min", "max"])


def longest_sentences(x: CorpusLike, n: int = 5) -> pd.DataFrame:
    """The ``n`` longest sentences of each article (ties in article order).

    Returns
    -------
    DataFrame
        Columns as :func:`sentence_lengths`, longest first within each article.
    """

    def top(doc: Document) -> pd.DataFrame:
        s = _lengths_of(doc)
        order = np.lexsort((s["sentence_id"].to_numpy(), -s["words"].to_numpy()))[:n]
        return s.iloc[order]

    return per_document(x, top, LENGTH_COLUMNS)


def repairs_table(x: CorpusLike) -> pd.DataFrame:
    """The repairs made to each article's text before counting, and how often.

    Scraped text carries damage (non-breaking spaces, quotation marks glued to the next
    word, quote variants) that :mod:`research_utils.ingest.repair` undoes on reading.

    Returns
    -------
    DataFrame
        ``article``, ``repair``, ``places``; repairs in alphabetical order.
    """
    rows = [(doc.slug, name, places) for doc in as_corpus(x) for name, places in sorted(doc.repairs.items())]
    return pd.DataFrame(rows, columns=["article", "repair", "places"])
