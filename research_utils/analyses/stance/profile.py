"""All per-actor measures side by side, in one voice: the actor profile.

:func:`actor_profile` joins, per article and actor, the mentions, the sentiment of the
sentences naming the actor with its interval (:func:`~.sentiment.actor_sentiment`), the
obligations put on it (:func:`~.markers.deontic_markers`), the hedges and boosters in
those sentences, and its own direct quotes (as :func:`~.voice.voice_share` counts them).
Each document keeps its profile per voice, seed and number of resamples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from research_utils.analyses.stance.core import analyse
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.markers import deontic_frame
from research_utils.analyses.stance.sentiment import (
    VOICES,
    actor_sentence_frame,
    sentiment_by_voice,
    voice_groups,
)
from research_utils.analyses.stance.tables import concat_tables
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = ["PROFILE_COLUMNS", "PROFILE_SUMMARY", "actor_profile", "actor_profiles"]

PROFILE_COLUMNS = [
    "article",
    "actor",
    "label",
    "voice",
    "mentions",
    "sentences",
    "sentiment_mean",
    "sentiment_low",
    "sentiment_high",
    "share_negative",
    "share_positive",
    "deontic",
    "hedges",
    "boosters",
    "hedges_per_sentence",
    "boosters_per_sentence",
    "quotes",
    "quoted_words",
]
"""Columns of :func:`actor_profile`."""

PROFILE_SUMMARY = [
    "article",
    "label",
    "voice",
    "mentions",
    "sentences",
    "sentiment_mean",
    "sentiment_low",
    "sentiment_high",
    "share_negative",
    "share_positive",
    "deontic",
    "hedges_per_sentence",
    "boosters_per_sentence",
    "quoted_words",
]
"""The columns of :func:`actor_profile` a reader compares across actors (rates, not raw counts)."""

_SUFFIX = {"all": "", "author": "_author", "quoted": "_quoted"}
_SENTIMENT = ["sentiment_mean", "sentiment_low", "sentiment_high", "share_negative", "share_positive"]


def _profile_frame(doc: Document, lex: StanceLexicons, voice: str, n_boot: int, seed: int) -> pd.DataFrame:
    """:func:`actor_profile` of one document in one voice."""
    sentences = actor_sentence_frame(doc, lex)
    sfx = _SUFFIX[voice]
    mentions = sentences[f"mentions{sfx}"].to_numpy()
    hedges = sentences[f"hedges{sfx}"].to_numpy()
    boosters = sentences[f"boosters{sfx}"].to_numpy()
    labels = sentences["label"].tolist()
    senti = sentiment_by_voice(doc, lex, voice, n_boot, seed)
    tone = dict(
        zip(senti["actor"].tolist(), senti[_SENTIMENT].itertuples(index=False, name=None), strict=True)
    )
    deon = deontic_frame(doc, lex)
    on = [
        a
        for a, v in zip(deon["actor"].tolist(), deon["voice"].tolist(), strict=True)
        if a and voice in ("all", v)
    ]
    obligations = Counter(on)
    quotes: Counter[str] = Counter()
    quoted_words: Counter[str] = Counter()
    for r in analyse(doc, lex).attributions:
        if r["kind"] == "direct":
            quotes[r["actor"]] += 1
            quoted_words[r["actor"]] += r["quote_words"]
    rows = []
    for (art, actor), idx in voice_groups(sentences, voice).items():
        n = len(idx)
        h, b = int(hedges[idx].sum()), int(boosters[idx].sum())
        rows.append(
            (
                art,
                actor,
                labels[idx[0]],
                voice,
                int(mentions[idx].sum()),
                n,
                *tone.get(actor, (np.nan,) * len(_SENTIMENT)),
                obligations[actor],
                h,
                b,
                h / n,
                b / n,
                quotes[actor],
                quoted_words[actor],
            )
        )
    rows.sort(key=lambda r: -r[4])  # most mentioned first; stable: first mention breaks ties
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def actor_profile(
    x: CorpusLike,
    lexicons: StanceLexicons | None = None,
    voice: str = "all",
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """How the text writes about each actor, in one voice.

    Counts grow with the number of mentions: compare the per-sentence rates and the
    sentiment intervals across actors, not the raw counts.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional
    voice : {"all", "author", "quoted"}
        "author" counts mentions, sentences, obligations, hedges and boosters in the
        author's voice only (quoted stretches removed); "quoted" only inside quotes.
    n_boot, seed : int
        Bootstrap resamples and seed of the sentiment interval.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``voice``, ``mentions``, ``sentences``
        (sentences naming the actor in that voice), ``sentiment_mean``,
        ``sentiment_low``, ``sentiment_high``, ``share_negative``, ``share_positive``
        (see :func:`~research_utils.analyses.stance.sentiment.actor_sentiment`),
        ``deontic`` (obligations put on the actor,
        :func:`~research_utils.analyses.stance.markers.deontic_markers`), ``hedges``,
        ``boosters`` (in those sentences, in that voice), ``hedges_per_sentence``,
        ``boosters_per_sentence``, ``quotes`` and ``quoted_words`` (the actor's own
        direct quotes). Actors never mentioned in that voice are left out; sorted by
        mentions within each article.
    """
    if voice not in VOICES:
        raise ValueError(f"voice must be 'all', 'author' or 'quoted', not {voice!r}")
    lex = default_lexicons(lexicons)
    frames = [
        doc.memo(
            ("stance.profile", lex.fingerprint, voice, int(n_boot), int(seed)),
            lambda doc=doc: _profile_frame(doc, lex, voice, n_boot, seed),
        ).copy()
        for doc in as_corpus(x)
    ]
    return concat_tables(frames, PROFILE_COLUMNS)


def actor_profiles(
    x: CorpusLike,
    lexicons: StanceLexicons | None = None,
    voices: Sequence[str] = ("author", "quoted"),
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`actor_profile` in each of ``voices``, one table under the other (voices in order)."""
    corpus = as_corpus(x)
    lex = default_lexicons(lexicons)
    return concat_tables(
        [actor_profile(corpus, lex, voice=v, n_boot=n_boot, seed=seed) for v in voices], PROFILE_COLUMNS
    )
