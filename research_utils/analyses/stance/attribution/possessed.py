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

__all__ = ["POSSESSIVE_BEFORE", "possessed"]

POSSESSIVE_BEFORE = re.compile(
    r"\b(?!(?:it|that|there|what|he|she|who|here|let)['’]s)\w[\w.-]*['’]s\s+$", re.IGNORECASE
)
"""A possessive right before a verb form ("Lavrov's remarks", "Moscow's demand"): the form is a noun."""
_OWNER = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w-]*)$"
)
"""The possessor before "'s": a name of up to four capitalised words or a definite noun."""
_NOUN_CONTENT = re.compile(r"\s*(?:that\b|to\s+[a-z]|:)")


def possessed(para: Paragraph, k: int, v: Hit, verb: Hit, lex: StanceLexicons) -> dict[str, Any] | None:
    """A speech-act noun after a possessive: the possessor's speech act when a content clause
    follows ("Moscow's demand that Ukraine be barred ...": Moscow), else no speech act at all
    ("an official transcript of Lavrov's remarks said ...": the remarks are a noun)."""
    text = para.sentences[k]
    m = _NOUN_CONTENT.match(text, v.end)
    if m is None:
        return None
    owner = _OWNER.search(text, 0, text.rfind("s", 0, v.start) - 1)  # the words before "'s"
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
