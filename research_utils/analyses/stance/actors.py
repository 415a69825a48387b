"""Actor and issue mentions, each with its voice and the speaker it is attributed to.

The actors are collective political actors (states, blocs, an alliance) named by their
names and metonyms, the people who speak for them (the claimant coding of Koopmans &
Statham 1999) and their demonyms; spelling variants map to one entity (Pouliquen,
Steinberger & Best 2007). The issues are the negotiating agenda, each with cue phrases.
Both are YAML lexicons; a mention is a cue, not a reading.
"""

from __future__ import annotations

import pandas as pd

from research_utils.analyses.stance.core import analyse
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.named import SPEAKER_FORM, named_actors
from research_utils.analyses.stance.tables import concat_tables
from research_utils.analyses.stance.text import in_spans
from research_utils.ingest import CorpusLike, as_corpus, voice_of_span

__all__ = [
    "ISSUE_COLUMNS",
    "MENTION_COLUMNS",
    "actor_mentions",
    "issue_mentions",
    "pack_examples",
    "pack_notes",
]

MENTION_COLUMNS = [
    "article",
    "sentence_id",
    "paragraph_id",
    "actor",
    "label",
    "match",
    "form",
    "start",
    "end",
    "voice",
    "according_to",
    "in_issue",
    "sentence",
]
"""Columns of :func:`actor_mentions`."""

ISSUE_COLUMNS = ["article", "sentence_id", "issue", "label", "match", "start", "end", "voice", "sentence"]
"""Columns of :func:`issue_mentions`."""


def actor_mentions(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every mention of an actor, with its voice: the actors of the lexicon and the speakers
    the article names (:mod:`~research_utils.analyses.stance.named`).

    Terms match whole words, case-insensitively (``case_sensitive`` terms only as
    written: *US*, not *us*); the longest term wins (*Ukrainian Parliament* is one
    mention); a hyphenated compound never matches a part (*Russia-Ukraine talks* names
    neither). Known weaknesses: metonyms are ambiguous (*Moscow* the city), and a
    person is mapped to one side for good.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``actor``, ``label``, ``match``
        (text matched), ``form`` (name / person / adjective of the lexicon; ``speaker`` for a
        named speaker outside it, :mod:`~research_utils.analyses.stance.named`), ``start``, ``end`` (offsets
        in the sentence), ``voice`` (author / quoted), ``according_to`` (actor of the
        quote or reported clause the mention sits in, "" if none), ``in_issue`` (inside
        an issue phrase such as "NATO membership"), ``sentence``.
    """
    lex = default_lexicons(lexicons)
    frames = []
    for doc in as_corpus(x):
        an = analyse(doc, lex)
        named = named_actors(doc, lex)
        p = doc.parsed
        rows = [
            (
                doc.slug,
                sid,
                p.paragraph_id[sid],
                h.key,
                named.labels[h.key],
                h.match,
                h.info,
                h.start,
                h.end,
                voice_of_span(p.quotes[sid], h.start, h.end),
                an.according_to(sid, h.start),
                in_spans(h, an.issue_hits[sid]),
                p.sentence[sid],
            )
            for sid, hits in enumerate(named.hits)
            for h in hits
        ]
        frames.append(pd.DataFrame(rows, columns=MENTION_COLUMNS))
    return concat_tables(frames, MENTION_COLUMNS)


def issue_mentions(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every issue cue in the text (lexicon ``issues``), with its voice.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``issue``, ``label``, ``match``, ``start``, ``end``
        (offsets in the sentence), ``voice``, ``sentence``.
    """
    lex = default_lexicons(lexicons)
    frames = []
    for doc in as_corpus(x):
        an = analyse(doc, lex)
        p = doc.parsed
        rows = [
            (
                doc.slug,
                sid,
                h.key,
                lex.issue_labels[h.key],
                h.match,
                h.start,
                h.end,
                voice_of_span(p.quotes[sid], h.start, h.end),
                p.sentence[sid],
            )
            for sid, hits in enumerate(an.issue_hits)
            for h in hits
        ]
        frames.append(pd.DataFrame(rows, columns=ISSUE_COLUMNS))
    return concat_tables(frames, ISSUE_COLUMNS)


def pack_notes(x: CorpusLike, lexicons: StanceLexicons | None = None) -> list[str]:
    """One line for each part of the stance report that the topic pack does not cover here.

    * the pack's actor lexicon names nobody in the articles: actor sections rest on named
      speakers only;
    * the pack has no issues, or none of its issues occurs: the claims analysis does not
      apply.

    An empty list means the pack's actors and issues both occur.
    """
    lex = default_lexicons(lexicons)
    pack = f"topic pack '{lex.pack}'"
    notes = []
    n_actors = len(lex.actors.entries)
    if not n_actors:
        notes.append(
            f"the {pack} has no actor lexicon: actors are the named speakers only, and the "
            "sections on how the article writes about each actor do not apply."
        )
    elif not any(any(analyse(doc, lex).actor_hits) for doc in as_corpus(x)):
        speakers = actor_mentions(x, lex)
        notes.append(
            f"none of the {n_actors} actors of the {pack} is named: the actors are the speakers the "
            "article names."
            if len(speakers)
            else f"none of the {n_actors} actors of the {pack} is named and no speaker is named: the "
            "sections on how the article writes about each actor do not apply."
        )
    n_issues = len(lex.issues.entries)
    if not n_issues:
        notes.append(
            f"the {pack} has no contested issues: the claims analysis (who wants what) does not apply."
        )
    elif issue_mentions(x, lex).empty:
        notes.append(
            f"none of the {n_issues} issues of the {pack} occurs: the claims analysis (who wants what) "
            "does not apply."
        )
    return notes


def _listed(values: object, n: int = 4) -> str:
    terms = [str(v) for v in (values or [])][:n]  # type: ignore[attr-defined]
    return ", ".join(f"*{t}*" for t in terms)


def pack_examples(x: CorpusLike, lexicons: StanceLexicons | None = None) -> str:
    """One Markdown line of examples for the method texts, taken from the topic pack and the
    articles: the pack's actor named most often (its names, people and adjectives), an issue
    with its cues, and the named speakers outside the lexicon."""
    lex = default_lexicons(lexicons)
    corpus = as_corpus(x)
    mentions = actor_mentions(corpus, lex)
    in_lexicon = mentions[mentions["actor"].isin(list(lex.actor_labels))]
    counts = in_lexicon["actor"].value_counts()
    entries = {e["id"]: e for e in lex.actors.entries}
    parts = []
    if entries:
        top = str(counts.index[0]) if len(counts) else next(iter(entries))
        e = entries[top]
        names = [*(e.get("terms") or []), *(e.get("case_sensitive") or [])]
        what = [f"names and metonyms {_listed(names)}"]
        if e.get("people"):
            what.append(f"people who speak for it {_listed(e['people'], 3)}")
        if e.get("adjectives"):
            what.append(f"adjectives {_listed(e['adjectives'], 2)}")
        if len(counts):
            parts.append(f"the actor *{e['label']}*: " + "; ".join(what))
        else:
            parts.append(
                f"none of the pack's {len(entries):,} actors is named in this article (one of them: "
                f"*{e['label']}*, {what[0]})"
            )
    if lex.issues.entries:
        issue = lex.issues.entries[0]
        parts.append(f"the issue *{issue['label']}*: cues {_listed(issue.get('terms'), 3)}")
    speakers = list(dict.fromkeys(mentions.loc[mentions["form"] == SPEAKER_FORM, "label"].astype(str)))
    if speakers:
        parts.append(f"speakers named in the article outside the lexicon: {_listed(speakers, 5)}")
    if not parts:
        return f"*The topic pack '{lex.pack}' has no actors and no issues, and the article names no speaker.*"
    text = "; ".join(parts)
    return f"**Examples from the topic pack '{lex.pack}' and this article.** {text[:1].upper()}{text[1:]}."
