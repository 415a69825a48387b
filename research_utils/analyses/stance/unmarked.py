"""A speaker's claim with no position word: the issue named in the speaker's own words.

Blind coders of the real-copy gold set (``tests/gold/real``) code an actor whose quote or
reported clause names an issue, with no position cue, as supporting it in most cases: "The
only thing we confirm at this stage is a ceasefire ... and security guarantees," "One of the
clauses concerns neutrality, a demand from Moscow, he said." On the development outlets
about four such cases in five were coded +1; the rest take no side or report another
actor's position. :func:`raises_issue` says when such a clause counts as the speaker's
claim (+1, cue :data:`UNMARKED_CUE`), and when it does not:

* a negator anywhere in the clause after its start ("would not apply to Crimea"), or a cue
  word that was set aside as no position ("hostilities against Donetsk"): the sign is
  not clear from word order;
* a condition or a question ("if Kyiv was neutral", "whether");
* an issue that opens its clause and is only a topic ("NATO membership came up", "Crimea
  was part of the agenda");
* an issue phrase that names what the issue rules out ("foreign troops") or an act of
  taking told as background ("Crimea, which Russia annexed"): naming it takes no side;
* an issue named as a topic ("the question of Crimea", "the status of Donbas").

This is a default, not a cue: the stance report shows such claims with the cue
:data:`UNMARKED_CUE`, so a reader can set them apart.
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.polarity import negators, not_only
from research_utils.analyses.stance.positions import IssueCue
from research_utils.lexicons import Hit

__all__ = ["UNMARKED_CUE", "raises_issue"]

UNMARKED_CUE = "(none: the speaker names the issue)"
"""The ``cue`` of a claim that :func:`raises_issue` gives to the speaker."""

_TOPIC_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:(?:came|come|comes|coming)\s+up|(?:was|were|is|are|been)\s+"
    r"(?:also\s+)?(?:raised|mentioned|touched|(?:on|part\s+of)\s+(?:the\s+)?agenda))\b",
    re.IGNORECASE,
)
"""After an issue that opens its clause: a predicate that makes it only a topic."""
_TOPIC_BEFORE = re.compile(
    r"\b(?:issues?|questions?|status|fate|future|matter)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+)?$", re.IGNORECASE
)
"""Before the issue: a noun that makes it a topic ("the question of Crimea", "the status of Donbas")."""


def raises_issue(
    text: str, iss: Hit, cue: IssueCue, phrase: list[Hit], dropped: list[Hit], lex: StanceLexicons
) -> bool:
    """Whether the speaker of the clause holding issue ``iss`` raises it (+1) although the cue
    step found no direction (``cue.start is None``): see the module docstring. ``phrase`` are
    the cue words that are issue phrases, ``dropped`` the cue words set aside as no position."""
    if cue.start is not None or cue.question or cue.unowned or cue.condition is not None:
        return False
    if cue.opening and _TOPIC_AFTER.match(text, iss.end):
        return False
    if any(c.start == iss.start for c in phrase):
        return False  # "foreign troops" (what the issue rules out), "annexed" (an act told as background)
    if _TOPIC_BEFORE.search(text, cue.floor, iss.start):
        return False  # "the issues of Crimea and Donbass should be on the agenda"
    if any(cue.floor <= c.start < iss.start for c in dropped):
        return False
    return not any(not not_only(h, text[cue.floor + h.end :]) for h in negators(text[cue.floor :], lex))
