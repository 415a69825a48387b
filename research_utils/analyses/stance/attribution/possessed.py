"""Speech-act nouns after a possessive ("Moscow's demand that ...", "Lavrov's remarks").

A reporting-verb form right after a possessive is a noun. With a content clause of its own
("that ...", "to ...", a colon) it is a speech act of the possessor, as the coding manual
of the real-copy gold set codes nominal speech acts (tests/gold/real/README.md); without
one it is no speech act ("a transcript of Lavrov's remarks said ...": the transcript speaks).
"""

from __future__ import annotations

import re
from typing import Any

from research_utils.analyses.stance.attribution.records import Paragraph, clause_end, record
from research_utils.analyses.stance.attribution.speakers import valid_speaker
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.lexicons import Hit

__all__ = ["POSSESSIVE_BEFORE", "is_speech_noun", "possessed", "speech_nouns"]

_POSSESSIVE = r"\b(?!(?:it|that|there|what|he|she|who|here|let)['’]s)\w[\w.-]*['’]s"
"""A possessive "'s" (not a contraction: "it's", "that's")."""
POSSESSIVE_BEFORE = re.compile(rf"{_POSSESSIVE}\s+$", re.IGNORECASE)
"""A possessive right before a verb form ("Lavrov's remarks", "Moscow's demand"): the form is a noun."""
_OWNER = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w-]*)$"
)
"""The possessor before "'s": a name of up to four capitalised words or a definite noun."""
_NOUN_CONTENT = re.compile(
    r"\s*(?:that\b|to\s+(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|reporters|journalists)\b)[a-z]|:)"
)
"""A content clause after a speech-act noun: "that ...", an infinitive ("to cut supplies", not "to the press"), a colon."""
_OWNED_NOUN = re.compile(rf"(?:{_POSSESSIVE}|\b(?:its|his|her|their))\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
"""Before a speech-act noun: a possessive, maybe with one adjective ("Biden's earlier statements", "its threat")."""
_PRONOUN_OWNER = re.compile(r"\b(its|his|her|their)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_ADJECTIVE_GAP = re.compile(r"['’]s(\s+[a-z]+)\s+$")


def possessed(para: Paragraph, k: int, v: Hit, verb: Hit, lex: StanceLexicons) -> dict[str, Any] | None:
    """A speech-act noun after a possessive: the possessor's speech act when a content clause
    follows ("Moscow's demand that Ukraine be barred ...": Moscow), else no speech act at all
    ("an official transcript of Lavrov's remarks said ...": the remarks are a noun)."""
    text = para.sentences[k]
    m = _NOUN_CONTENT.match(text, v.end)
    if m is None:
        return None
    pron = _PRONOUN_OWNER.search(text, 0, v.start)
    if pron is not None:
        span = pron.span(1)  # "its threat to cut supplies": the pronoun, resolved like "it"
    else:
        cut = _ADJECTIVE_GAP.search(text, 0, v.start)  # "Biden's earlier statements that"
        owner = _OWNER.search(text, 0, text.rfind("s", 0, cut.start() if cut else v.start) - 1)
        if owner is None or not valid_speaker(owner.group(1), lex):
            return None
        span = owner.span(1)
    start = m.end() if m.group(0).strip() in ("that", ":") else m.end() - 1
    start = start + len(text[start:]) - len(text[start:].lstrip())
    end = clause_end(text, start)
    off = para.starts[k]
    return record(
        "indirect",
        para,
        verb,
        (off + span[0], off + span[1]),
        (off + start, off + end),
        text[start:end].strip(),
        lex,
    )


def speech_nouns(sentence: str, lex: StanceLexicons) -> list[Hit]:
    """The speech-act nouns of ``sentence`` (``lex.noun_matcher``: "statement", "threat",
    "proposal") that a possessive precedes and a content clause follows ("Biden's statements
    that ...", "its threat to cut supplies"), as hits of their reporting verb."""
    return [
        h
        for h in lex.noun_matcher.find(sentence)
        if _OWNED_NOUN.search(sentence, 0, h.start) and _NOUN_CONTENT.match(sentence, h.end)
    ]


def is_speech_noun(v: Hit, lex: StanceLexicons) -> bool:
    """Whether hit ``v`` is a speech-act noun of :func:`speech_nouns` rather than a verb form."""
    return any(h.start == 0 and h.end == len(v.match) for h in lex.noun_matcher.find(v.match))
