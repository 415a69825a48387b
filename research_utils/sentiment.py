"""Lexicon-based sentiment with VADER (Hutto & Gilbert 2014), offline.

NLTK's ``SentimentIntensityAnalyzer`` is used with the lexicon file that the
``vaderSentiment`` package ships, so nothing is downloaded. NLTK >= 3.10 refuses a
lexicon outside ``nltk.data.path`` ("Unsafe resource path"), so the package folder is
added to that path first.

VADER scores words from a general-purpose lexicon tuned on social-media text, with rules
for negation, intensifiers, "but" and punctuation. It is a cue, not a reading: it knows
nothing of the topic (``war``, ``threat``, ``attack`` are negative whoever says them),
misses irony, and scores quoted and authorial text alike unless the caller splits them.

The compound score runs from -1 (most negative) to +1 (most positive); Hutto & Gilbert
suggest >= 0.05 positive, <= -0.05 negative, neutral in between.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = ["NEGATIVE", "POSITIVE", "polarity", "score_texts", "vader"]

POSITIVE: float = 0.05
"""Compound score at or above which a text counts as positive (Hutto & Gilbert 2014)."""
NEGATIVE: float = -0.05
"""Compound score at or below which a text counts as negative."""


@functools.lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser with the lexicon shipped by ``vaderSentiment`` (built once)."""
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(folder, "vader_lexicon.txt"))


def polarity(compound: float) -> str:
    """``positive``, ``negative`` or ``neutral`` by the ±0.05 thresholds."""
    if compound >= POSITIVE:
        return "positive"
    if compound <= NEGATIVE:
        return "negative"
    return "neutral"


def score_texts(texts: list[str] | pd.Series) -> pd.DataFrame:
    """VADER scores of each text.

    Parameters
    ----------
    texts : list of str or Series

    Returns
    -------
    DataFrame
        One row per text, in order: ``neg``, ``neu``, ``pos``, ``compound`` and
        ``polarity`` (positive / negative / neutral).
    """
    analyser = vader()
    rows = [analyser.polarity_scores(str(t)) for t in texts]
    df = pd.DataFrame(rows, columns=["neg", "neu", "pos", "compound"])
    df["polarity"] = df["compound"].map(polarity)
    return df
