"""The words behind the readability counts, so a reader can check them.

:func:`difficult_word_list` lists the words counted as difficult (Dale-Chall), complex
(Gunning Fog), polysyllables (SMOG) or long (LIX) by the formulas of :mod:`.formulas`,
with their syllables and the first sentence that uses them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import (
    first_seen,
    form_vocabulary,
    per_document,
    sentence_texts,
    token_forms,
)
from research_utils.analyses.textstats.wordprops import word_props
from research_utils.ingest import CorpusLike, Document

__all__ = ["WORD_LIST_COLUMNS", "difficult_word_list"]

WORD_LIST_COLUMNS: list[str] = [
    "word",
    "count",
    "syllables",
    "syllable_source",
    "sentence_id",
    "sentence",
    "article",
]
"""Columns of :func:`difficult_word_list`."""

_KINDS = ("difficult", "complex_word", "polysyllable", "long_word")


def _word_list_of(doc: Document, kind: str) -> pd.DataFrame:
    """The word forms of ``doc`` counted as ``kind``, grouped by type."""
    tf, wp, v = token_forms(doc), word_props(doc), form_vocabulary(doc)
    chosen = np.flatnonzero(getattr(wp, kind))
    if not len(chosen):
        return pd.DataFrame(columns=WORD_LIST_COLUMNS)
    form = tf.codes[chosen]
    type_codes = pd.factorize(v.norm_id[form])[0]
    count = np.bincount(type_codes)
    first_at = chosen[first_seen(type_codes)]  # first chosen token of each type
    first_form = tf.codes[first_at]
    order = np.lexsort((v.norm[first_form].astype(str), -count))
    first_at, first_form, count = first_at[order], first_form[order], count[order]
    sids = tf.sentence[first_at]
    return pd.DataFrame(
        {
            "word": v.norm[first_form],
            "count": count,
            "syllables": wp.syllables[first_form],
            "syllable_source": wp.source[first_form],
            "sentence_id": sids,
            "sentence": sentence_texts(doc, sids),
            "article": doc.slug,
        },
        columns=WORD_LIST_COLUMNS,
    )


def difficult_word_list(x: CorpusLike, kind: str = "difficult") -> pd.DataFrame:
    """The words behind a readability count, so a reader can check them.

    Parameters
    ----------
    x : CorpusLike
    kind : str
        ``difficult`` (Dale-Chall), ``complex_word`` (Gunning Fog), ``polysyllable``
        (SMOG) or ``long_word`` (LIX).

    Returns
    -------
    DataFrame
        One row per type counted: ``word`` (case-folded), ``count``, ``syllables`` and
        ``syllable_source`` (of its first counted form), ``sentence_id`` and ``sentence``
        (first occurrence), ``article``; most frequent first, ties alphabetical.

    Raises
    ------
    ValueError
        For another ``kind``.
    """
    if kind not in _KINDS:
        raise ValueError("kind must be difficult, complex_word, polysyllable or long_word")
    return per_document(x, lambda doc: _word_list_of(doc, kind), WORD_LIST_COLUMNS)
