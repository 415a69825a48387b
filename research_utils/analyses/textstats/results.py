"""The headline numbers: the ``text_statistics`` section of ``results.json``, and articles side by side.

:func:`summary` gathers the counts, sentence lengths, readability and diversity of the
main article (each computed once per document and shared with the tables);
:func:`results_section` adds the lines set aside from the body, as ``results.json``
records them; :func:`compare` sets every article of a corpus beside the others.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from research_utils.analyses.textstats.diversity import DIVERSITY_KEYS, lexical_diversity_dict
from research_utils.analyses.textstats.formulas import readability_dict, readability_keys
from research_utils.analyses.textstats.size import count_values, length_summary
from research_utils.ingest import CorpusLike, as_corpus, excluded_lines

__all__ = ["COMPARE_COUNTS", "compare", "results_section", "summary", "summary_table"]

COMPARE_COUNTS: tuple[str, ...] = ("paragraphs", "sentences", "words", "types")
"""The counts :func:`compare` shows."""


def summary(x: CorpusLike, mattr_window: int = 50) -> dict[str, Any]:
    """Counts, sentence lengths, readability and diversity of the main (first) article.

    Returns
    -------
    dict
        ``counts`` (see :func:`~.size.counts`), ``sentence_length`` (see
        :func:`~.size.length_summary`), ``readability`` (:func:`~.formulas.readability_keys`;
        every value None when the article does not look like English, since the
        formulas do not apply), ``lexical_diversity`` (``ttr``, ``mattr``, ``mtld``,
        ``hdd``).
    """
    doc = as_corpus(x).main
    readability: dict[str, float | None] = dict(readability_dict(doc))
    if not doc.looks_english:
        readability = dict.fromkeys(readability_keys())
    return {
        "counts": count_values(doc),
        "sentence_length": length_summary(doc),
        "readability": readability,
        "lexical_diversity": lexical_diversity_dict(doc, mattr_window),
    }


def results_section(x: CorpusLike, mattr_window: int = 50) -> dict[str, Any]:
    """The ``text_statistics`` section of ``results.json`` for the main article.

    :func:`summary` and ``excluded_lines``: every line set aside from the body, as
    ``{text, reason}`` (see :func:`research_utils.ingest.excluded_lines`).
    """
    doc = as_corpus(x).main
    out = summary(doc, mattr_window)
    out["excluded_lines"] = excluded_lines(doc)[["text", "reason"]].to_dict("records")
    return out


def summary_table(results: dict[str, Any]) -> pd.DataFrame:
    """A :func:`summary` (or :func:`results_section`) as one table, to show what ``results.json`` holds.

    Returns
    -------
    DataFrame
        ``group`` (counts, readability, lexical_diversity), ``measure``, ``value``
        (floats rounded to 3 decimals; None where a measure does not apply).
    """
    rows = [
        (group, key, round(value, 3) if isinstance(value, float) else value)
        for group in ("counts", "readability", "lexical_diversity")
        for key, value in results[group].items()
    ]
    return pd.DataFrame(rows, columns=["group", "measure", "value"], dtype=object)


def compare(x: CorpusLike, mattr_window: int = 50) -> pd.DataFrame:
    """One row per article with its counts, readability and diversity, for comparison.

    Returns
    -------
    DataFrame
        ``article`` (slug), ``label``, ``paragraphs``, ``sentences``, ``words``,
        ``types``, ``mean_sentence_length``, the readability keys (NaN for an
        article that does not look like English) and ``ttr``, ``mattr``, ``mtld``,
        ``hdd``.
    """
    rows = []
    for doc in as_corpus(x):
        s = summary(doc, mattr_window)
        row: dict[str, Any] = {"article": doc.slug, "label": doc.label}
        row |= {k: s["counts"][k] for k in COMPARE_COUNTS}
        row["mean_sentence_length"] = s["sentence_length"]["mean"]
        row |= {k: math.nan if v is None else v for k, v in s["readability"].items()}
        row |= s["lexical_diversity"]
        rows.append(row)
    columns = [
        "article",
        "label",
        *COMPARE_COUNTS,
        "mean_sentence_length",
        *readability_keys(),
        *DIVERSITY_KEYS,
    ]
    return pd.DataFrame(rows, columns=columns)
