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

Speed: NLTK's analyser spends most of its time building, for every sentence, a
dictionary of every word joined with every punctuation mark of its list, only to strip
leading or trailing punctuation from tokens. :class:`FastAnalyser` does that stripping
directly and is otherwise NLTK's code path; a test checks that its scores equal NLTK's
on the bundled article and on random punctuation-heavy text.
"""

from __future__ import annotations

import functools
import os
import string
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = ["NEGATIVE", "POSITIVE", "polarity", "score_texts", "vader"]

_ASCII_PUNCTUATION = string.punctuation

POSITIVE: float = 0.05
"""Compound score at or above which a text counts as positive (Hutto & Gilbert 2014)."""
NEGATIVE: float = -0.05
"""Compound score at or below which a text counts as negative."""


def _fast_classes() -> tuple[type, type]:
    """NLTK's VADER classes with the punctuation stripping of tokens done directly."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

    class FastSentiText(SentiText):  # type: ignore[misc]
        """NLTK's ``SentiText`` whose tokens lose leading or trailing punctuation directly.

        NLTK replaces a token that is a word (of two or more characters, without ASCII
        punctuation) with one of its punctuation marks (``PUNC_LIST``) before or after it
        by the word alone, through a dictionary of every such combination. A word never
        holds ASCII punctuation and a mark is nothing else, so the split of a token into
        word and mark is unique: stripping the ASCII punctuation at its end (else its
        start) and checking both parts gives the same tokens.
        """

        def _words_and_emoticons(self) -> list[str]:
            words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            marks = frozenset(self.PUNC_LIST)
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                core = we.rstrip(_ASCII_PUNCTUATION)
                if len(core) < len(we) and we[len(core) :] in marks and core in words_only:
                    out.append(core)
                    continue
                core = we.lstrip(_ASCII_PUNCTUATION)
                if len(core) < len(we) and we[: len(we) - len(core)] in marks and core in words_only:
                    out.append(core)
                    continue
                out.append(we)
            return out

    class FastAnalyser(SentimentIntensityAnalyzer):  # type: ignore[misc]
        """NLTK's VADER analyser using :class:`FastSentiText`; the scoring steps are NLTK's."""

        def polarity_scores(self, text: str) -> dict[str, float]:
            sentitext = FastSentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
            words = sentitext.words_and_emoticons
            first_index: dict[str, int] = {}
            for idx, token in enumerate(words):
                first_index.setdefault(token, idx)
            sentiments: list[float] = []
            for item in words:
                i = first_index[item]
                if (
                    i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
                ) or item.lower() in self.constants.BOOSTER_DICT:
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)  # type: ignore[no-any-return]

    return FastSentiText, FastAnalyser


def _lexicon_file() -> str:
    import nltk
    import vaderSentiment

    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return "file:" + os.path.join(folder, "vader_lexicon.txt")


@functools.lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser with the lexicon shipped by ``vaderSentiment`` (built once)."""
    return _fast_classes()[1](lexicon_file=_lexicon_file())


def nltk_vader() -> SentimentIntensityAnalyzer:
    """NLTK's own analyser on the same lexicon (the reference :func:`vader` is tested against)."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer(lexicon_file=_lexicon_file())


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
