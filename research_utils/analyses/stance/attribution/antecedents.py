"""The antecedent of a relative clause that reports speech: who speaks in "a ruling that
said ...", "Vladimir Medinsky, the Russian negotiator, who suggested ..." and "Beijing,
which says ...".
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.attribution.speakers import DANGLING, SPEAKER_NOUNS, WORD, trim_speaker
from research_utils.analyses.stance.text import WEEKDAYS_PATTERN

__all__ = ["RELATIVE_BEFORE", "relative_antecedent"]

RELATIVE_BEFORE = re.compile(
    r"(?:,\s*(which|who)|\s(that|which|who))\s+(?:(?:also|earlier|later|then|reportedly|had|has|have)\s+)?$"
)
_DETERMINED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s")
_NAME_AT_END = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)"
    rf"(?:\s+(?:on\s+|last\s+|this\s+)?(?:{WEEKDAYS_PATTERN}|week|month|year|today|yesterday))?\s*$"
)
"""A name (and a time adjunct) that ends the text before ", who"."""


def relative_antecedent(text: str, verb_start: int) -> tuple[int, int] | None:
    """The speaker of a reporting verb in a relative clause, its antecedent: a noun phrase
    headed by a speaker noun before "that"/"which" ("a ruling that said ...", "a similar
    ruling at the district court, which said that ...": the last determiner phrase with a
    speaker noun as its head), or the name before ", who" ("Vladimir Medinsky, the Russian
    negotiator, who suggested ..."), or else the name before ", which" ("Beijing, which says
    ..."). None when there is no relative pronoun before the verb or no such antecedent
    within the sentence."""
    m = RELATIVE_BEFORE.search(text, 0, verb_start)
    if m is None:
        return None
    if (m.group(1) or m.group(2)) == "who":
        before = text[: m.start()]
        named = _NAME_AT_END.search(before)  # "Pete Hegseth, who said"
        if named is None and "," in before[-122:]:  # "Vladimir Medinsky, the Russian negotiator, who"
            named = _NAME_AT_END.search(before, 0, before.rfind(","))
        if named is not None:
            return named.span(1)
        # "..., admitted the Ukrainian president, who added that ...": a role noun before ", who"
        return _speaker_noun_phrase(text, m.start(), 60, r"[,;:“”\"‘’]")
    named = _NAME_AT_END.search(text, 0, m.start()) if m.group(1) == "which" else None
    found = _speaker_noun_phrase(text, m.start(), 120, r"[;:“”\"]")
    if found is None and named is not None:
        return named.span(1)  # "Beijing, which says it is neutral"
    return found


def _speaker_noun_phrase(text: str, end: int, reach: int, breaks: str) -> tuple[int, int] | None:
    """The last determiner phrase headed by a speaker noun that ends at ``end`` and starts
    within ``reach`` characters before it, with a phrase that owns it ("a similar ruling at
    the district court"), trimmed; None when a break (``breaks``) comes first or there is none."""
    dets = list(_DETERMINED.finditer(text, max(0, end - reach), end))
    for n in range(len(dets) - 1, -1, -1):
        phrase = text[dets[n].start() : end]
        if re.search(breaks, phrase):
            return None
        if _headed_by_speaker_noun(phrase):
            start = dets[n].start()
            while n > 0 and _OWNER_OF.fullmatch(text, dets[n - 1].start(), start):
                n, start = n - 1, dets[n - 1].start()  # "a similar ruling at the district court"
            trimmed = trim_speaker(text[start:end])
            at = text.find(trimmed, start)
            return (at, at + len(trimmed)) if trimmed and at >= 0 else None
    return None


_OWNER_OF = re.compile(
    rf"\S+\s+(?:[\w’'-]+\s+){{0,2}}(?:{'|'.join(sorted(SPEAKER_NOUNS))})\s+(?:at|of|from|by|in)\s+"
)
"""A speaker noun phrase that owns the next one: "a ruling at" the court, "a statement by" the ministry."""


def _headed_by_speaker_noun(phrase: str) -> bool:
    toks = WORD.findall(phrase)
    head_i = next((i for i, t in enumerate(toks) if i > 1 and t.lower() in DANGLING), len(toks)) - 1
    return head_i >= 1 and toks[head_i].lower() in SPEAKER_NOUNS
