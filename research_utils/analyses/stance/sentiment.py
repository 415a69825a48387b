"""The tone of the sentences that name each actor, by voice, with a bootstrap interval.

VADER (Hutto & Gilbert 2014; :mod:`research_utils.sentiment`) scores every sentence
once (:attr:`~research_utils.ingest.Document.sentiment`, shared with the other
analyses); the author-voice and quoted-voice parts of the sentences that name an actor
in that voice and hold a quotation are scored once more (:func:`voice_sentiment`).
:func:`actor_sentences` lists, per actor, the sentences that name it with their scores;
:func:`actor_sentiment` averages them with a percentile bootstrap interval (Efron &
Tibshirani 1993). The document keeps both tables
(:meth:`~research_utils.ingest.Document.memo`, keyed on the lexicons' fingerprint and, for
the interval, the voice, the number of resamples and the seed), so that the profile
(:mod:`~research_utils.analyses.stance.profile`) reuses them.

The score belongs to the sentence, not to the actor: "Russia attacked Ukraine" is
equally negative for both, and sentiment is not stance (Mohammad et al. 2016). VADER's
lexicon was built for social media: *war*, *threat*, *attack* are negative whoever is
described.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.named import named_actors
from research_utils.analyses.stance.tables import article_rank, concat_tables
from research_utils.analyses.stance.text import QUOTE_CHARS
from research_utils.ingest import CorpusLike, Document, as_corpus, voice_of_span, words
from research_utils.sentiment import NEGATIVE, POSITIVE, polarity, score_texts

__all__ = [
    "ACTOR_SENTENCE_COLUMNS",
    "SENTIMENT_COLUMNS",
    "VOICES",
    "actor_sentence_frame",
    "actor_sentences",
    "actor_sentiment",
    "bootstrap_mean",
    "sentiment_by_voice",
    "sentiment_extremes",
    "voice_groups",
    "voice_sentiment",
    "voice_text",
]

VOICES: tuple[str, ...] = ("all", "author", "quoted")
"""The voices a per-actor measure can be computed in: whole sentences, author's, quoted."""

_BOOTSTRAP_BLOCK = 500_000
"""Indices drawn at a time by :func:`bootstrap_mean` (int64: about 4 MB)."""


def bootstrap_mean(
    values: Sequence[float] | np.ndarray, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """Mean and percentile bootstrap 95% interval of ``values``.

    Resamples the values with replacement ``n_boot`` times with a fixed-seed numpy
    generator and takes the 2.5th and 97.5th percentiles of the resampled means (Efron &
    Tibshirani 1993). With one value the interval is that value; with none, NaN. With
    fewer than about ten values the interval is rough. The cost is ``n_boot`` times the
    number of values, drawn in blocks of about 4 MB so memory stays flat.

    Returns
    -------
    tuple of float
        ``(mean, low, high)``.
    """
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return (float("nan"), float("nan"), float("nan"))
    mean = float(x.mean())
    if x.size == 1 or n_boot <= 0:
        return (mean, mean, mean)
    rng = np.random.default_rng(seed)
    # Blocks of rows give the same numbers as one (n_boot, size) draw; each resample's
    # mean is computed alone, so the result does not depend on the block size.
    rows = max(1, _BOOTSTRAP_BLOCK // x.size)
    means = np.concatenate(
        [
            x[rng.integers(0, x.size, size=(min(rows, int(n_boot) - done), x.size))].mean(axis=1)
            for done in range(0, int(n_boot), rows)
        ]
    )
    low, high = np.percentile(means, [2.5, 97.5])
    return (mean, float(low), float(high))


def voice_text(sentence: str, spans: Sequence[tuple[int, int]], voice: str) -> str:
    """The author-voice or quoted-voice text of a sentence (``voice`` "all" gives the sentence).

    The stretches of that voice joined by single spaces, without quotation marks at the
    ends. Punctuation between stretches is kept (VADER reads "!").
    """
    if voice == "all":
        return sentence
    keep = []
    quoted = []
    pos = 0
    for a, b in spans:
        keep.append(sentence[pos:a])
        quoted.append(sentence[a:b])
        pos = b
    keep.append(sentence[pos:])
    parts = keep if voice == "author" else quoted
    return " ".join(p.strip() for p in parts if p.strip()).strip(QUOTE_CHARS + " ")


def voice_sentiment(doc: Document, voice: str, sentence_ids: Iterable[int]) -> dict[int, tuple[str, float]]:
    """The author-voice or quoted-voice text of some body sentences and its VADER compound.

    A text that is the whole sentence takes the sentence's score from
    :attr:`~research_utils.ingest.Document.sentiment`; the others (sentences with a
    quotation) are scored here, all in one call.

    Returns
    -------
    dict
        ``{sentence_id: (text, compound)}`` for the sentences whose text in that voice
        has a word (the others are left out).
    """
    p = doc.parsed
    whole = doc.sentiment["compound"].to_numpy(dtype=float)
    out: dict[int, tuple[str, float]] = {}
    todo: dict[int, str] = {}
    for sid in sentence_ids:
        text = voice_text(p.sentence[sid], p.quotes[sid], voice)
        if text == p.sentence[sid]:
            if p.words[sid]:
                out[sid] = (text, float(whole[sid]))
        elif text and words(text):
            todo[sid] = text
    if todo:
        scores = score_texts(list(todo.values()))["compound"].tolist()
        out.update((sid, (text, score)) for (sid, text), score in zip(todo.items(), scores, strict=True))
    return dict(sorted(out.items()))


ACTOR_SENTENCE_COLUMNS = [
    "article",
    "actor",
    "label",
    "sentence_id",
    "mentions",
    "mentions_author",
    "mentions_quoted",
    "matches",
    "compound",
    "polarity",
    "author_text",
    "author_compound",
    "quoted_compound",
    "hedges",
    "boosters",
    "hedges_author",
    "boosters_author",
    "hedges_quoted",
    "boosters_quoted",
    "sentence",
]
"""Columns of :func:`actor_sentences`."""


def _actor_sentence_frame(an: Analysis, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`actor_sentences` of one document."""
    doc = an.doc
    p = doc.parsed
    whole = doc.sentiment["compound"].to_numpy(dtype=float)
    # Per sentence naming an actor: its mentions (match, voice) by actor, in order of first mention.
    actors_here = named_actors(doc, lex)
    named: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for sid, hits in enumerate(actors_here.hits):
        for h in hits:
            named.setdefault(sid, {}).setdefault(h.key, []).append(
                (h.match, voice_of_span(p.quotes[sid], h.start, h.end))
            )
    in_voice = {
        voice: [
            sid for sid, actors in named.items() if any(v == voice for hs in actors.values() for _, v in hs)
        ]
        for voice in ("author", "quoted")
    }
    author = voice_sentiment(doc, "author", in_voice["author"])
    quoted = voice_sentiment(doc, "quoted", in_voice["quoted"])
    rows = []
    for sid, actors in named.items():
        spans = p.quotes[sid]
        epi = Counter(
            (h.info.partition("|")[0], voice_of_span(spans, h.start, h.end)) for h in an.epistemic_hits[sid]
        )
        compound = float(whole[sid])
        for actor, hs in actors.items():
            n_author = sum(1 for _, v in hs if v == "author")
            author_text, author_score = author.get(sid, ("", np.nan)) if n_author else ("", np.nan)
            rows.append(
                (
                    doc.slug,
                    actor,
                    actors_here.labels[actor],
                    sid,
                    len(hs),
                    n_author,
                    len(hs) - n_author,
                    ", ".join(dict.fromkeys(m for m, _ in hs)),
                    compound,
                    polarity(compound),
                    author_text,
                    author_score,
                    quoted.get(sid, ("", np.nan))[1] if len(hs) > n_author else np.nan,
                    epi["hedge", "author"] + epi["hedge", "quoted"],
                    epi["booster", "author"] + epi["booster", "quoted"],
                    epi["hedge", "author"],
                    epi["booster", "author"],
                    epi["hedge", "quoted"],
                    epi["booster", "quoted"],
                    p.sentence[sid],
                )
            )
    return pd.DataFrame(rows, columns=ACTOR_SENTENCE_COLUMNS)


def actor_sentence_frame(doc: Document, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`actor_sentences` of one document, kept with the document (shared: do not modify)."""
    return doc.memo(
        ("stance.actor_sentences", lex.fingerprint), lambda: _actor_sentence_frame(analyse(doc, lex), lex)
    )


def actor_sentences(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """One row per actor and sentence that mentions it: the evidence behind the profile.

    VADER (Hutto & Gilbert 2014) scores the whole sentence (``compound``), its author-voice
    text with quoted stretches removed (``author_compound``, NaN when the actor is named
    only inside a quote or nothing is left) and its quoted text (``quoted_compound``, NaN
    when the actor is not named inside a quote). The score belongs to the sentence, not
    to the actor: "Russia attacked Ukraine" is equally negative for both.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``sentence_id``, ``mentions``,
        ``mentions_author``, ``mentions_quoted``, ``matches`` (terms found), ``compound``,
        ``polarity``, ``author_text``, ``author_compound``, ``quoted_compound``,
        ``hedges``, ``boosters`` (in the sentence), ``hedges_author``,
        ``boosters_author``, ``hedges_quoted``, ``boosters_quoted`` (by voice),
        ``sentence``.
    """
    lex = default_lexicons(lexicons)
    return concat_tables(
        [actor_sentence_frame(doc, lex).copy() for doc in as_corpus(x)], ACTOR_SENTENCE_COLUMNS
    )


SENTIMENT_COLUMNS = [
    "article",
    "actor",
    "label",
    "voice",
    "sentences",
    "sentiment_mean",
    "sentiment_low",
    "sentiment_high",
    "share_negative",
    "share_positive",
]
"""Columns of :func:`actor_sentiment`."""


_SCORE_COLUMN = {"all": "compound", "author": "author_compound", "quoted": "quoted_compound"}
_MENTION_COLUMN = {"all": "mentions", "author": "mentions_author", "quoted": "mentions_quoted"}


def voice_groups(sentences: pd.DataFrame, voice: str) -> dict[tuple[str, str], list[int]]:
    """Row positions of :func:`actor_sentences` per article and actor, keeping the rows that
    name the actor in ``voice``; groups in order of first appearance."""
    if voice not in VOICES:
        raise ValueError(f"voice must be 'all', 'author' or 'quoted', not {voice!r}")
    named = sentences[_MENTION_COLUMN[voice]].to_numpy() > 0
    groups: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(sentences["article"].tolist(), sentences["actor"].tolist(), strict=True)):
        if named[i]:
            groups.setdefault(key, []).append(i)
    return groups


def _sentiment_frame(sentences: pd.DataFrame, voice: str, n_boot: int, seed: int) -> pd.DataFrame:
    """:func:`actor_sentiment` in one voice of one document's actor sentences."""
    scores = sentences[_SCORE_COLUMN[voice]].to_numpy(dtype=float)
    labels = sentences["label"].tolist()
    rows = []
    for (art, actor), idx in voice_groups(sentences, voice).items():
        vals = scores[idx]
        vals = vals[~np.isnan(vals)]
        if not len(vals):
            continue
        mean, low, high = bootstrap_mean(vals, n_boot=n_boot, seed=seed)
        rows.append(
            (
                art,
                actor,
                labels[idx[0]],
                voice,
                len(vals),
                mean,
                low,
                high,
                float(np.mean(vals <= NEGATIVE)),
                float(np.mean(vals >= POSITIVE)),
            )
        )
    return pd.DataFrame(rows, columns=SENTIMENT_COLUMNS)


def sentiment_by_voice(
    doc: Document, lex: StanceLexicons, voice: str, n_boot: int, seed: int
) -> pd.DataFrame:
    """:func:`actor_sentiment` of one document in one voice, kept with the document (do not modify)."""
    key = ("stance.actor_sentiment", lex.fingerprint, voice, int(n_boot), int(seed))
    return doc.memo(key, lambda: _sentiment_frame(actor_sentence_frame(doc, lex), voice, n_boot, seed))


def actor_sentiment(
    x: CorpusLike,
    lexicons: StanceLexicons | None = None,
    voices: Sequence[str] = ("all", "author"),
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """VADER sentiment of the sentences mentioning each actor, with a bootstrap 95% interval.

    For ``voice="all"`` the whole sentence is scored; for ``"author"`` only sentences that
    name the actor in the author's voice, scored without their quoted stretches; for
    ``"quoted"`` only the quoted text of sentences that name the actor inside a quote.
    The mean is over sentences; the interval is :func:`bootstrap_mean` (fixed ``seed``,
    so reruns agree). Shares use the ±0.05 thresholds of Hutto & Gilbert (2014). With
    fewer than about ten sentences the interval is rough; overlapping intervals mean the
    difference may be chance. Each document keeps its result per voice, seed and number
    of resamples (:meth:`~research_utils.ingest.Document.memo`).

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``voice``, ``sentences``, ``sentiment_mean``,
        ``sentiment_low``, ``sentiment_high`` (bootstrap percentile interval),
        ``share_negative``, ``share_positive``; voices in the order given, then
        articles, then actors in order of first mention.
    """
    lex = default_lexicons(lexicons)
    docs = list(as_corpus(x))
    for voice in voices:
        if voice not in VOICES:
            raise ValueError(f"voice must be 'all', 'author' or 'quoted', not {voice!r}")
    frames = [sentiment_by_voice(doc, lex, voice, n_boot, seed) for voice in voices for doc in docs]
    return concat_tables(frames, SENTIMENT_COLUMNS)


def sentiment_extremes(sentences: pd.DataFrame) -> pd.DataFrame:
    """For each article and actor, its most negative and its most positive sentence.

    Parameters
    ----------
    sentences : DataFrame
        :func:`actor_sentences`.

    Returns
    -------
    DataFrame
        The rows of ``sentences`` with the lowest and the highest whole-sentence
        ``compound`` per article and actor (the first such sentence on a tie), with a
        column ``which`` ("most negative" / "most positive"); sorted by article (in
        order of appearance), label and ``which``. An actor named in one sentence has
        the same sentence twice.
    """
    if sentences.empty:
        return pd.DataFrame(columns=[*sentences.columns, "which"])
    scores = sentences["compound"].to_numpy(dtype=float)
    low: dict[tuple[str, str], int] = {}
    high: dict[tuple[str, str], int] = {}
    for i, key in enumerate(zip(sentences["article"].tolist(), sentences["actor"].tolist(), strict=True)):
        if np.isnan(scores[i]):
            continue
        if key not in low or scores[i] < scores[low[key]]:
            low[key] = i
        if key not in high or scores[i] > scores[high[key]]:
            high[key] = i
    rank = article_rank(sentences["article"])
    labels = sentences["label"].tolist()
    picks = [(i, "most negative") for i in low.values()] + [(i, "most positive") for i in high.values()]
    picks.sort(key=lambda p: (rank[sentences["article"].iat[p[0]]], labels[p[0]], p[1]))
    out = sentences.iloc[[i for i, _ in picks]].reset_index(drop=True)
    out["which"] = [w for _, w in picks]
    return out
