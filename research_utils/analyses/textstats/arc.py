"""The sentiment arc: the VADER score of every sentence through the article, and its rolling mean.

The scores are the document's own (:attr:`~research_utils.ingest.Document.sentiment`,
VADER, Hutto & Gilbert 2014, computed once per document and shared with the other
analyses); nothing is scored again here.

Known weaknesses: VADER is lexicon-based and was tuned on social-media text; it scores
words, not stances (*war*, *threat* and *attack* are negative whoever says them), misses
irony and understatement, and scores quoted and authorial sentences alike (the ``voice``
column tells them apart). A cue for close reading, not a reading.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import per_document
from research_utils.ingest import CorpusLike, Document

__all__ = ["ARC_COLUMNS", "extreme_sentences", "sentiment_arc"]

ARC_COLUMNS: list[str] = [
    "article",
    "sentence_id",
    "paragraph_id",
    "section",
    "position",
    "compound",
    "polarity",
    "rolling_mean",
    "voice",
    "sentence",
]
"""Columns of :func:`sentiment_arc`."""


def _arc_of(doc: Document, window: int) -> pd.DataFrame:
    """The arc of one document: its sentences with at least one word, scored.

    The text columns are taken from the document's tables as they are (no round trip
    through Python objects), and rows are dropped only when a sentence has no word.
    """
    s = doc.sentences
    keep = s["words"].to_numpy() > 0
    if not keep.any():
        return pd.DataFrame(columns=ARC_COLUMNS)
    scores = doc.sentiment[["compound", "polarity"]]
    df = s[["article", "sentence_id", "paragraph_id", "section", "voice", "sentence"]]
    if not keep.all():
        df, scores = df[keep], scores[keep]
    n = len(df)
    compound = scores["compound"].to_numpy()
    return df.assign(
        position=(np.arange(n) / max(n - 1, 1)).round(4),
        compound=compound,
        polarity=scores["polarity"],  # same index as df: aligned, not copied through Python
        rolling_mean=pd.Series(compound)
        .rolling(window, center=True, min_periods=1)
        .mean()
        .round(4)
        .to_numpy(),
    )[ARC_COLUMNS].reset_index(drop=True)


def sentiment_arc(x: CorpusLike, window: int = 5) -> pd.DataFrame:
    """VADER compound score of every body sentence, with a centred rolling mean.

    Parameters
    ----------
    x : CorpusLike
    window : int
        Sentences in the centred rolling mean (shorter at the ends).

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``section``, ``position`` (0-1,
        place in the article), ``compound`` (-1..1), ``polarity`` (positive >= 0.05,
        negative <= -0.05, else neutral), ``rolling_mean``, ``voice``, ``sentence``;
        sentences without a word are left out.

    Raises
    ------
    ValueError
        If ``window`` is below 1.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    return per_document(x, lambda doc: _arc_of(doc, window), ARC_COLUMNS)


def extreme_sentences(arc: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` most negative and the ``n`` most positive sentences of each article of an arc.

    Only sentences VADER calls negative (compound <= -0.05) can be among the most
    negative, and only positive ones (>= 0.05) among the most positive, so no sentence
    is listed twice and a neutral sentence never is.

    Parameters
    ----------
    arc : DataFrame
        A :func:`sentiment_arc` table.
    n : int
        Sentences at each end.

    Returns
    -------
    DataFrame
        A column ``end`` (``most negative`` / ``most positive``), then the columns of
        ``arc``; per article the most negative first (lowest score first), then the most
        positive (highest first); ties in article order.
    """
    cols = ["end", *arc.columns]
    compound = arc["compound"].to_numpy(dtype=float)
    polarity = arc["polarity"].to_numpy(dtype=object)
    articles = arc["article"].to_numpy(dtype=object)
    rows: list[int] = []
    ends: list[str] = []
    for article in dict.fromkeys(articles.tolist()):
        mine = articles == article
        for label, sign, side in (("most negative", 1.0, "negative"), ("most positive", -1.0, "positive")):
            idx = np.flatnonzero(mine & (polarity == side))
            chosen = idx[np.argsort(sign * compound[idx], kind="stable")[:n]]
            rows += chosen.tolist()
            ends += [label] * len(chosen)
    if not rows:
        return pd.DataFrame(columns=cols)
    out = arc.iloc[rows].reset_index(drop=True)
    out.insert(0, "end", ends)
    return out[cols]
