"""The antecedent of a relative clause that reports speech: who speaks in "a ruling that
said ...", "Vladimir Medinsky, the Russian negotiator, who suggested ..." and "Beijing,
which says ...".
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.attribution.speakers import DANGLING, SPEAKER_NOUNS, WORD, trim_speaker
from research_utils.analyses.stance.text import WEEKDAYS_PATTERN

__all__ = ["relative_antecedent"]

_RELATIVE_BEFORE = re.compile(
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
    m = _RELATIVE_BEFORE.search(text, 0, verb_start)
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
        dets = list(_DETERMINED.finditer(before, max(0, len(before) - 60)))
        for d in reversed(dets):
            phrase = before[d.start() :]
            if not re.search(r"[,;:“”\"‘’]", phrase) and _headed_by_speaker_noun(phrase):
                trimmed = trim_speaker(phrase)
                at = text.find(trimmed, d.start()) if trimmed else -1
                return (at, at + len(trimmed)) if at >= 0 else None
        return None
    end = m.start()
    dets = list(_DETERMINED.finditer(text, max(0, end - 120), end))
    named = _NAME_AT_END.search(text, 0, end) if m.group(1) == "which" else None
    fallback = named.span(1) if named is not None else None  # "Beijing, which says it is neutral"
    for n in range(len(dets) - 1, -1, -1):
        phrase = text[dets[n].start() : end]
        if re.search(r"[;:“”\"]", phrase):
            return fallback
        if _headed_by_speaker_noun(phrase):
            start = dets[n].start()
            while n > 0 and _OWNER_OF.fullmatch(text, dets[n - 1].start(), start):
                n, start = n - 1, dets[n - 1].start()  # "a similar ruling at the district court"
            trimmed = trim_speaker(text[start:end])
            at = text.find(trimmed, start)
            return (at, at + len(trimmed)) if trimmed and at >= 0 else None
    return fallback


_OWNER_OF = re.compile(
    rf"\S+\s+(?:[\w’'-]+\s+){{0,2}}(?:{'|'.join(sorted(SPEAKER_NOUNS))})\s+(?:at|of|from|by|in)\s+"
)
"""A speaker noun phrase that owns the next one: "a ruling at" the court, "a statement by" the ministry."""


def _headed_by_speaker_noun(phrase: str) -> bool:
    toks = WORD.findall(phrase)
    head_i = next((i for i, t in enumerate(toks) if i > 1 and t.lower() in DANGLING), len(toks)) - 1
    return head_i >= 1 and toks[head_i].lower() in SPEAKER_NOUNS
