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
from research_utils.analyses.stance.tables import concat_tables
from research_utils.analyses.stance.text import in_spans
from research_utils.ingest import CorpusLike, as_corpus, voice_of_span

__all__ = ["ISSUE_COLUMNS", "MENTION_COLUMNS", "actor_mentions", "issue_mentions", "pack_notes"]

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
    """Every mention of an actor, with its voice.

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
        (text matched), ``form`` (name / person / adjective), ``start``, ``end`` (offsets
        in the sentence), ``voice`` (author / quoted), ``according_to`` (actor of the
        quote or reported clause the mention sits in, "" if none), ``in_issue`` (inside
        an issue phrase such as "NATO membership"), ``sentence``.
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
                p.paragraph_id[sid],
                h.key,
                lex.actor_labels[h.key],
                h.match,
                h.info,
                h.start,
                h.end,
                voice_of_span(p.quotes[sid], h.start, h.end),
                an.according_to(sid, h.start),
                in_spans(h, an.issue_hits[sid]),
                p.sentence[sid],
            )
            for sid, hits in enumerate(an.actor_hits)
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
    elif actor_mentions(x, lex).empty:
        notes.append(
            f"none of the {n_actors} actors of the {pack} is named: actors are the named speakers "
            "only, and the sections on how the article writes about each actor do not apply."
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
