"""The headline measures side by side, one column per article.

Articles differ in length and topic: compare shares and rates, and read differences
against the intervals and the evidence of the per-article tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["COMPARED_MEASURES", "comparison_table", "position_comparison"]

COMPARED_MEASURES: tuple[str, ...] = ("mentions", "sentences", "deontic", "quoted_words", "sentiment_author")
"""The measures of :func:`comparison_table`, in column order."""


def _articles(*tables: pd.DataFrame) -> list[str]:
    """Articles in order of first appearance over ``tables`` (the main article first)."""
    return list(dict.fromkeys(a for t in tables if "article" in t.columns for a in t["article"]))


def comparison_table(profile: pd.DataFrame, sentiment: pd.DataFrame) -> pd.DataFrame:
    """Mentions, sentences, obligations, quoted words and author-voice sentiment per actor and article.

    Parameters
    ----------
    profile : DataFrame
        :func:`~research_utils.analyses.stance.profile.actor_profile` (voice "all").
    sentiment : DataFrame
        :func:`~research_utils.analyses.stance.sentiment.actor_sentiment`; its
        ``author`` rows give ``sentiment_author`` (the mean; NaN without author-voice
        sentences).

    Returns
    -------
    DataFrame
        ``label``, then one column ``"<measure> | <article>"`` per measure of
        :data:`COMPARED_MEASURES` and article (articles in order of first appearance);
        one row per actor label, sorted by label. NaN where an actor is absent from an
        article.
    """
    if profile.empty:
        return pd.DataFrame(columns=["label"])
    values: dict[str, dict[tuple[str, str], float]] = {}
    cols = ("label", "article", *COMPARED_MEASURES[:-1])
    for label, art, *measures in zip(*(profile[c].tolist() for c in cols), strict=True):
        cells = values.setdefault(label, {})
        cells.update({(m, art): v for m, v in zip(COMPARED_MEASURES, measures, strict=False)})
    author = sentiment[sentiment["voice"] == "author"]
    for label, art, mean in zip(
        *(author[c].tolist() for c in ("label", "article", "sentiment_mean")), strict=True
    ):
        if label in values and ("mentions", art) in values[label]:
            values[label]["sentiment_author", art] = mean
    columns = [(m, a) for m in COMPARED_MEASURES for a in _articles(profile)]
    rows = [(label, *(values[label].get(c, np.nan) for c in columns)) for label in sorted(values)]
    return pd.DataFrame(rows, columns=["label", *(f"{m} | {a}" for m, a in columns)])


def position_comparison(matrix: pd.DataFrame) -> pd.DataFrame:
    """The net position of each actor on each issue, one column per article.

    Parameters
    ----------
    matrix : DataFrame
        :func:`~research_utils.analyses.stance.matrix.claims_matrix`.

    Returns
    -------
    DataFrame
        ``label``, ``issue_label``, then ``"net | <article>"`` per article (in order of
        first appearance): ``(support - oppose) / claims`` (the mean when two actors share
        a label), NaN where the actor and the issue never meet in that article. Sorted by
        label and issue.
    """
    if matrix.empty:
        return pd.DataFrame(columns=["label", "issue_label"])
    cells: dict[tuple[str, str], dict[str, list[float]]] = {}
    for label, issue, art, net in zip(
        *(matrix[c].tolist() for c in ("label", "issue_label", "article", "net")), strict=True
    ):
        cells.setdefault((label, issue), {}).setdefault(art, []).append(net)
    articles = _articles(matrix)
    rows = [
        (*key, *(float(np.mean(cells[key][a])) if a in cells[key] else np.nan for a in articles))
        for key in sorted(cells)
    ]
    return pd.DataFrame(rows, columns=["label", "issue_label", *(f"net | {a}" for a in articles)])
