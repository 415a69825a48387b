"""Contrast across articles: distinctive words, and profiles side by side.

* :func:`distinctive_words`: the log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008), each article against all the others pooled
  (:func:`research_utils.analyses.textstats.weighted_log_odds`).
* :func:`profile_table`: one column per article of any per-article measure (frame rates,
  naming indices).
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.logodds import LOG_ODDS_COLUMNS, weighted_log_odds
from research_utils.ingest import CorpusLike, Document, as_corpus
from research_utils.ingest.vocabulary import reference_frequency
from research_utils.views import Note

__all__ = ["distinctive_words", "if_compared", "profile_table", "term_counts"]

T = TypeVar("T")

DISTINCTIVE_COLUMNS = ["article", *LOG_ODDS_COLUMNS[1:], "prior"]
"""Columns of :func:`distinctive_words`: the weighted log-odds table per article, and its prior."""


def term_counts(doc: Document) -> pd.Series:
    """How often each term (:func:`research_utils.ingest.vocabulary.term`: case folded, acronyms
    kept, possessive folded) is used in the body; numbers and tokens without a letter are
    left out, stop words are kept (the prior shrinks frequent words). Kept with the
    document: read-only."""

    def compute() -> pd.Series:
        tok = doc.tokens
        terms = tok.loc[~tok["is_number"].to_numpy(), "term"]
        counts = terms.value_counts(sort=False)
        letter = np.fromiter(
            (any(ch.isalpha() for ch in t) for t in counts.index), dtype=bool, count=len(counts)
        )
        return counts[letter]

    return doc.memo(("framing.term_counts",), compute)


def distinctive_words(
    corpus: CorpusLike,
    *,
    prior: str = "pooled",
    prior_strength: float = 500.0,
    min_count: int = 2,
    top_n: int = 15,
) -> pd.DataFrame:
    """Words that distinguish each article from the others (Monroe, Colaresi & Quinn 2008).

    For article *i* against all the other articles pooled (*j*), with counts :math:`y`,
    totals :math:`n` and an informative Dirichlet prior :math:`\\alpha_w = \\alpha_0 \\pi_w`::

        delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
        var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    computed by :func:`research_utils.analyses.textstats.weighted_log_odds` (the one
    implementation, shared with the corpus report). The prior shrinks the log-odds of rare
    words towards zero, so a word seen twice is not "distinctive" by chance, and ``z``
    accounts for the remaining uncertainty (|z| > 1.96 is the conventional threshold).
    Words are terms of the shared vocabulary (:func:`term_counts`). Known weaknesses:
    short articles give few counts; topic words dominate; a distinctive word is a
    difference in use, not in framing by itself.

    Parameters
    ----------
    corpus : Corpus or list of documents
        Two or more articles.
    prior : str
        ``pooled`` (default, as in Monroe et al.: :math:`\\pi_w` is the word's share of all
        the compared articles together) or ``wordfreq`` (:math:`\\pi_w` is the word's
        frequency in general English, :func:`research_utils.ingest.vocabulary.reference_frequency`,
        renormalised over the words of these articles; use it when comparing only two
        short texts, so that the prior does not come from the same data).
    prior_strength : float
        :math:`\\alpha_0`, the prior's weight in pseudo-words (default 500, about a quarter
        of a long news article); smaller values trust the counts more.
    min_count : int
        Words used fewer times in the article are not listed.
    top_n : int
        Words listed per article (highest ``z``; only words with z > 0, used more in the
        article than in the others).

    Returns
    -------
    DataFrame
        ``article``, ``term``, ``count``, ``per_1000_words``, ``other_count`` (in the
        other articles), ``other_per_1000_words``, ``log_odds`` (delta), ``z``, ``prior``.
        Empty when fewer than two articles are given.
    """
    if prior not in ("pooled", "wordfreq"):
        raise ValueError("prior must be 'pooled' or 'wordfreq'")
    if prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    docs = list(as_corpus(corpus))
    if len(docs) < 2:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    counts = [term_counts(d) for d in docs]
    vocab = np.asarray(sorted(set().union(*(c.index for c in counts))), dtype=object)
    table = pd.DataFrame(
        np.stack([c.reindex(vocab, fill_value=0).to_numpy(dtype=float) for c in counts], axis=1),
        index=vocab,
        columns=[d.slug for d in docs],
    )
    out = weighted_log_odds(
        table,
        prior=reference_frequency(vocab) if prior == "wordfreq" else None,
        prior_strength=prior_strength,
        min_count=min_count,
        top_n=top_n,
    )
    out = out.rename(columns={"group": "article"})
    out["prior"] = prior
    return out[DISTINCTIVE_COLUMNS]


def profile_table(table: pd.DataFrame, index: str | list[str], value: str) -> pd.DataFrame:
    """Articles side by side: one column per article, one row per ``index`` value.

    Parameters
    ----------
    table : DataFrame
        A multi-article table with an ``article`` column (e.g. ``frame_scores``,
        ``naming_table``).
    index : str or list of str
        Row key(s), e.g. ``["scheme", "frame"]`` or ``"set"``.
    value : str
        The column to spread, e.g. ``per_1000_words`` or ``index``.

    Returns
    -------
    DataFrame
        The ``index`` column(s) then one column per article, in first-seen order.
    """
    keys = [index] if isinstance(index, str) else list(index)
    articles = table["article"].tolist()
    key_columns = [table[k].tolist() for k in keys]
    values = table[value].tolist()
    cells: dict[tuple[object, ...], dict[str, object]] = {}
    for i, article in enumerate(articles):
        cells.setdefault(tuple(col[i] for col in key_columns), {}).setdefault(article, values[i])
    data: dict[str, list[object]] = {k: [key[j] for key in cells] for j, k in enumerate(keys)}
    for article in dict.fromkeys(articles):
        data[article] = [row.get(article, float("nan")) for row in cells.values()]
    return pd.DataFrame(data)


def if_compared(shown: T, corpus: CorpusLike, what: str = "") -> T | Note | None:
    """``shown`` (a table or a figure) when ``corpus`` holds two or more articles.

    With a single article: a :class:`Note` saying that ``what`` does not apply, or
    ``None`` (nothing shown) when ``what`` is empty, for the parts of a section whose
    first part already said so.
    """
    if len(as_corpus(corpus)) >= 2:
        return shown
    if not what:
        return None
    return Note(f"{what} does not apply to a single article: give comparison articles in compare_paths.")
