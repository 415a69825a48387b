"""Which reporting-verb hits are verbs: a form can be a noun ("the report", "member states",
"major demands by Putin") or a word of a name ("Secretary of State Antony Blinken").

The verb lexicon matches word forms; these checks look at the words around a hit, so that a
form used as a noun or inside a name starts no attribution. Word order only, like the rest of
the attribution rules.
"""

from __future__ import annotations

import re

from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["as_noun", "in_name"]

_WORD_BEFORE = re.compile(r"([\w’'.]+)\s+$")


_NOUN_BEFORE = frozenset(
    """the a an this these those its his her their our my your any no every each of against for from
    with by in on at under without about into over""".split()
)
"""Words after which a reporting-verb form is a noun or a modifier: "against state court
clerks", "the report", "in reply" (a gerund after a preposition stays a verb: "after saying")."""


_NOUN_AFTER = re.compile(r"\s+(?:by|from|of)\b")
"""A plural form before "by", "from" or "of" is a noun: "major demands by Putin", "claims of fraud"."""
_THAT_OR_COLON = re.compile(r"\s*(?:that\b|:)")


_STATES_BEFORE = frozenset(
    """member other all neighbouring neighboring several many some both these those the two three four
    five six seven eight nine ten sovereign independent island nation""".split()
)


def _states_of(before: str) -> bool:
    """Whether the words before "states" make it a noun: "member states", "the three Baltic states"."""
    toks = words(before)[-2:]
    if not toks:
        return False
    if toks[-1].lower() in _STATES_BEFORE:
        return True
    return toks[-1][:1].isupper() and len(toks) == 2 and toks[0].lower() in _STATES_BEFORE


def as_noun(sentence: str, hit: Hit) -> bool:
    """Whether a reporting-verb form is used as a noun: after :data:`_NOUN_BEFORE`; an -s form
    before "by", "from" or "of"; "states" without "that" or a colon ("the Baltic states")."""
    low = hit.match.lower()
    if low.endswith("ing") or hit.key == "according to":
        return False
    if low == "states" and (not _THAT_OR_COLON.match(sentence, hit.end) or _states_of(sentence[: hit.start])):
        return True  # "member states", "the three Baltic states that border Russia"
    if low.endswith("s") and " " not in low and _NOUN_AFTER.match(sentence, hit.end):
        return True
    before = _WORD_BEFORE.search(sentence[: hit.start])
    return before is not None and before.group(1).lower() in _NOUN_BEFORE


def in_name(sentence: str, hit: Hit) -> bool:
    """Whether a capitalised verb form is part of a name ("Secretary of State Antony Blinken",
    "the U.S. State Department", "Court of Appeal"): after "of", "the" or another capitalised
    word, in a sentence that is not written in title case ("Moscow Says Lviv Hit")."""
    if not hit.match[:1].isupper():
        return False
    before = _WORD_BEFORE.search(sentence[: hit.start])
    if before is None:
        return False
    prev = before.group(1)
    if not (prev in ("of", "the", "The") or prev[:1].isupper()):
        return False
    toks = words(sentence)
    return sum(t[:1].isupper() for t in toks) <= 0.6 * len(toks)
