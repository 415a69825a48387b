"""Issue phrases in lists, and negated issue phrases.

A position cue governs the issue phrases of a list after it ("to recognise Russian
sovereignty over Crimea and the independence of the Donetsk and Luhansk republics");
a negation before an issue phrase refuses it ("no territorial concessions", "would not
join military alliances"), also over "or" ("... or host foreign bases").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from research_utils.analyses.stance.polarity import CHAIN_BREAK
from research_utils.analyses.stance.text import gap_words
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["NEGATION_GAP_OK", "coordinated_negation", "list_heads", "negated_issue"]

_NEGATED_ISSUE = frozenset("no not never".split())
_NEGATED_VERB = frozenset(
    "not never cannot can't won't wouldn't don't doesn't didn't couldn't shouldn't isn't aren't".split()
)
"""Negators that negate the verb right after them: "would not join military alliances"."""
_HAVING = frozenset(
    """join joins joining host hosts hosting allow allows allowing permit permits permitting deploy deploys
    deploying station stations stationing hold holds holding enter enters entering admit admits admitting""".split()
)
"""Verbs of joining, hosting or allowing whose negation refuses the issue phrase after them
("will not host foreign bases"); other verbs do not ("won't invade Crimea")."""
NEGATION_GAP_OK = _HAVING | frozenset("to be the a an any its their his her our".split())
"""Words that may stand between a negator and the issue it negates ("not to host any ...")."""


def _rfind(text: str, word: str, lo: int, hi: int) -> int:
    """Where ``word`` (as :func:`words` gives it, with a straight apostrophe) last starts in
    ``text[lo:hi]``, also when the text writes the apostrophe curly ("won’t")."""
    return max(text.rfind(word, lo, hi), text.rfind(word.replace("'", "’"), lo, hi))


def negated_issue(text: str, floor: int, pos: int) -> int | None:
    """Where a negation of the issue phrase at ``pos`` starts: "no territorial concessions",
    "no new guarantees", "not join military alliances", "won't host ... any foreign bases"."""
    prev = words(text[floor:pos])[-2:]
    if not prev:
        return None
    low = [w.lower() for w in prev]
    if low[-1] in _NEGATED_ISSUE or low[-1] in _NEGATED_VERB:  # "won't join NATO"
        return _rfind(text, prev[-1], floor, pos)
    if len(low) == 2 and (low[0] == "no" or (low[0] in _NEGATED_VERB and low[1] in _HAVING)):
        return _rfind(text, prev[0], floor, pos)
    if low[-1] == "any":  # "won't host on its territory any foreign military base"
        at = _rfind(text, prev[-1], floor, pos)
        window = words(text[floor:at])[-5:]
        if any(w.lower() in _NEGATED_VERB or w.lower() == "no" for w in window):
            neg = next(w for w in reversed(window) if w.lower() in _NEGATED_VERB or w.lower() == "no")
            return _rfind(text, neg, floor, at)
    return None


def coordinated_negation(text: str, iss: Hit, issues: Sequence[Hit], floor: int) -> int | None:
    """A negation carried over "or"/"nor" from the issue phrase before: "will not join military
    alliances or host foreign bases" negates both."""
    prev = [h for h in issues if h.end <= iss.start and h.start >= floor]
    if not prev:
        return None
    gap = words(text[prev[-1].end : iss.start])
    if (
        not gap
        or gap[0].lower() not in ("or", "nor")
        or len(gap) > 3
        or CHAIN_BREAK.search(text, prev[-1].end, iss.start)
    ):
        return None
    return negated_issue(text, floor, prev[-1].start)


_COORDINATOR = re.compile(r"\s*(?:(?:and|or|as\s+well\s+as)\s|,\s*(?:the\s+)?$)", re.IGNORECASE)
"""What joins two issue phrases of one list: "and", "or", "as well as", or a bare comma
right before the next phrase ("neutrality, the Donbas and Crimea"); ", and" may open a
new clause and joins nothing."""


def list_heads(text: str, iss: Hit, issues: Sequence[Hit], mentions: Sequence[Hit], floor: int) -> list[Hit]:
    """The issue phrases before ``iss`` in the same list, nearest first: "recognise Russian
    sovereignty over Crimea and the independence of the Donetsk and Luhansk republics"
    gives [Crimea] for Donetsk. Two phrases are in one list when "and", "or", "as well as"
    or a bare comma joins them, with at most six words between them, no actor and no
    clause break ("demanded neutrality, and talks on Crimea go on" is no list)."""
    heads: list[Hit] = []
    prev = [h for h in issues if h.end <= iss.start and h.start >= floor]
    while prev:
        p = prev.pop()
        gap = text[p.end : iss.start]
        joined = _COORDINATOR.match(gap)
        if (
            not joined
            or gap_words(text, p.end, iss.start) > 6
            or CHAIN_BREAK.search(gap, joined.end())
            or any(p.end <= m.start < iss.start for m in mentions)
        ):
            break
        heads.append(p)
        iss = p
    return heads
