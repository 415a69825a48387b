"""Hedges, boosters and obligations: how certain the text is, and what it demands of whom.

* :func:`epistemic_markers`: hedges withhold full commitment (*may, perhaps, likely*),
  boosters close down alternatives (*clearly, in fact, never*); Hyland (2005).
* :func:`deontic_markers`: deontic modals (*must, has to, should, needs to*; Palmer
  2001; graded high/median after Halliday & Matthiessen 2014) and the actor the
  obligation is put on.

Both are word lists matched as whole words and phrases: cues, not readings.
"""

from __future__ import annotations

import re

import pandas as pd

from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.named import named_actors
from research_utils.analyses.stance.tables import concat_tables
from research_utils.analyses.stance.text import in_spans
from research_utils.ingest import CorpusLike, Document, as_corpus, voice_of_span, words
from research_utils.lexicons import Hit

__all__ = [
    "DEONTIC_COLUMNS",
    "EPISTEMIC_COLUMNS",
    "deontic_frame",
    "deontic_markers",
    "epistemic_markers",
    "epistemic_with_actors",
    "obligations_on_actors",
    "subjects_before",
]

EPISTEMIC_COLUMNS = [
    "article",
    "sentence_id",
    "kind",
    "category",
    "marker",
    "match",
    "start",
    "end",
    "voice",
    "actors",
    "sentence",
]
"""Columns of :func:`epistemic_markers`."""

DEONTIC_COLUMNS = [
    "article",
    "sentence_id",
    "actor",
    "label",
    "actor_match",
    "modal",
    "match",
    "strength",
    "voice",
    "according_to",
    "sentence",
]
"""Columns of :func:`deontic_markers`."""

_SUBJECT_BLOCK = frozenset(
    "that which who whom whose when if because while and but or where than as since although".split()
)
_SUBJECT_BREAK = re.compile(r"[,;:()“”\"—–]")
_COORDINATION = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")


def epistemic_markers(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Hedges and boosters (Hyland 2005), with the actors mentioned in their sentence.

    Known weaknesses: *would* and *could* are often conditional or reported future rather
    than hedges, *never* and *always* can be plain frequency; the ``category`` column
    lets a reader drop a category.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``kind`` (hedge / booster), ``category`` (modal
        verb, adverb, ...), ``marker`` (lexicon entry), ``match``, ``start``, ``end``,
        ``voice``, ``actors`` (actor ids mentioned in the sentence, comma-separated),
        ``sentence``.
    """
    lex = default_lexicons(lexicons)
    frames = []
    for doc in as_corpus(x):
        an = analyse(doc, lex)
        named = named_actors(doc, lex)
        p = doc.parsed
        rows = []
        for sid, hits in enumerate(an.epistemic_hits):
            if not hits:
                continue
            actors = ", ".join(dict.fromkeys(h.key for h in named.hits[sid]))
            for h in hits:
                kind, _, category = h.info.partition("|")
                rows.append(
                    (
                        doc.slug,
                        sid,
                        kind,
                        category,
                        h.key,
                        h.match,
                        h.start,
                        h.end,
                        voice_of_span(p.quotes[sid], h.start, h.end),
                        actors,
                        p.sentence[sid],
                    )
                )
        frames.append(pd.DataFrame(rows, columns=EPISTEMIC_COLUMNS))
    return concat_tables(frames, EPISTEMIC_COLUMNS)


def subjects_before(text: str, pos: int, mentions: list[Hit], max_gap: int = 4) -> list[Hit]:
    """Actor mentions that form the subject right before offset ``pos`` ("NATO and Russia need to").

    The nearest mention before ``pos`` is the subject when at most ``max_gap`` words,
    and no comma, bracket, dash, relative pronoun or conjunction, stand between;
    mentions coordinated with it ("X and Y", "X, Y and Z") share the role.
    """
    before = [m for m in mentions if m.end <= pos]
    if not before:
        return []
    m = before[-1]
    gap = text[m.end : pos]
    gw = [w.lower() for w in words(gap)]
    if len(gw) > max_gap or _SUBJECT_BREAK.search(gap) or any(w in _SUBJECT_BLOCK for w in gw):
        return []
    out = [m]
    k = len(before) - 1
    while k > 0:
        prev = before[k - 1]
        if _COORDINATION.fullmatch(text, prev.end, before[k].start):
            out.insert(0, prev)
            k -= 1
        else:
            break
    return out


def _deontic_frame(an: Analysis, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`deontic_markers` of one document."""
    p = an.doc.parsed
    named = named_actors(an.doc, lex)
    rows = []
    for sid, modals in enumerate(an.deontic_hits):
        if not modals:
            continue
        text = p.sentence[sid]
        issues_here = an.issue_hits[sid]
        mentions = [h for h in named.hits[sid] if not in_spans(h, issues_here)]
        for d in modals:
            subs = subjects_before(text, d.start, mentions)
            base = (
                an.slug,
                sid,
                d.key,
                d.match,
                d.info,
                voice_of_span(p.quotes[sid], d.start, d.end),
                an.according_to(sid, d.start),
                text,
            )
            for s in subs or [None]:
                actor = (s.key, named.labels[s.key], s.match) if s is not None else ("", "", "")
                rows.append(base[:2] + actor + base[2:])
    return pd.DataFrame(rows, columns=DEONTIC_COLUMNS)


def deontic_frame(doc: Document, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`deontic_markers` of one document, kept with the document (shared: do not modify)."""
    return doc.memo(("stance.deontic", lex.fingerprint), lambda: _deontic_frame(analyse(doc, lex), lex))


def deontic_markers(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Obligations and the actor they are put on ("Ukraine must ...", "the West should ...").

    The actor is the actor mention right before the modal (at most four words between,
    no comma, no relative pronoun or conjunction: "Ukraine must now give up", "the
    Ukrainian legal system should"); coordinated actors share it ("NATO and Russia need
    to"). A modal with no such actor is listed with ``actor`` "" (an obligation put on
    someone else, or on no one). Actor mentions inside issue phrases are not subjects.
    Known weaknesses: word order, not syntax; an obligation on a pronoun (*it must*) is
    not attributed; *must* can be epistemic (*it must be true*).

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``actor``, ``label``, ``actor_match``, ``modal``
        (lexicon entry), ``match``, ``strength`` (high / median), ``voice`` (of the modal),
        ``according_to`` (actor of the quote or reported clause it sits in), ``sentence``.
    """
    lex = default_lexicons(lexicons)
    return concat_tables([deontic_frame(doc, lex).copy() for doc in as_corpus(x)], DEONTIC_COLUMNS)


def epistemic_with_actors(epistemic: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`epistemic_markers` whose sentence names an actor: the evidence for the profile."""
    return epistemic[epistemic["actors"].astype(str) != ""].reset_index(drop=True)


def obligations_on_actors(deontic: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`deontic_markers` that put the obligation on a named actor."""
    return deontic[deontic["actor"].astype(str) != ""].reset_index(drop=True)
