"""A position held in a relative clause on the issue phrase, or by the possessor of a wish.

"... on Donetsk and Luhansk, which Russia wants recognised as independent states": the
issue phrase is the antecedent of a relative clause whose subject is an actor of the
lexicon and whose verb is one of wanting or refusing. The actor holds that position on
the issue, whatever the main clause says about it (here Zelensky's openness to
compromise). Acts told as background in such a clause ("Crimea, which Russia annexed in
2014") are no positions: only the verbs of :data:`RELATIVE_VERBS` count.

An issue phrase that names a wish ("NATO aspirations", "NATO bid") is held by its
possessor: "Ukraine's NATO aspirations were among the reasons for the war" is Ukraine's
+1 (:func:`held_by_possessor`), as the blind coders of the real copy code it; the speaker
who names another actor's wish does not raise it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.polarity import cue_value
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["RELATIVE_VERBS", "held_by_possessor", "held_by_relative"]

_RELATIVE_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,4},\s+(which|that|whom)\s+")
"""After the issue phrase: up to four more words of its noun phrase, a comma and a relative pronoun."""
RELATIVE_VERBS = frozenset(
    "want wants wanted demand demands demanded seek seeks sought reject rejects rejected refuse refuses refused "
    "oppose opposes opposed".split()
)
"""Verbs of wanting or refusing whose relative clause states its subject's position."""


def held_by_relative(
    text: str, iss: Hit, cues: list[Hit], mentions: Sequence[Hit], lex: StanceLexicons
) -> tuple[Hit, int, str] | None:
    """The actor of a relative clause on issue phrase ``iss`` that wants or refuses it, with
    the value (+1 or -1, a negator flips it) and the words from the relative pronoun to the
    cue; None when the clause after the phrase is no such clause."""
    rel = _RELATIVE_AFTER.match(text, iss.end)
    if rel is None:
        return None
    agent = next((m for m in mentions if m.start == rel.end()), None)
    if agent is None:
        return None
    j = next((i for i, c in enumerate(cues) if c.start >= agent.end), None)
    if (
        j is None
        or len(words(text[agent.end : cues[j].start])) > 2
        or cues[j].key not in ("support", "oppose")
    ):
        return None
    if words(cues[j].match)[0].lower() not in RELATIVE_VERBS:
        return None
    value, _, _ = cue_value(text, cues, j, agent.start, lex, mentions)
    return agent, value, " ".join(text[rel.start(1) : cues[j].end].split())


_DESIRE = frozenset("aspirations aspiration ambitions ambition bid bids goal goals course hopes".split())
"""Nouns of an issue phrase that name a wish ("NATO aspirations", "NATO bid", "Euro-Atlantic course")."""
_POSSESSIVE = re.compile(r"(?:['’]s)?\s+$")


def held_by_possessor(text: str, iss: Hit, mentions: Sequence[Hit]) -> tuple[Hit, int, str] | None:
    """The actor right before an issue phrase that names a wish, as its possessor ("Ukraine's
    NATO aspirations", "Kyiv's NATO bid", "Ukrainian NATO ambitions"): it holds the wish
    (+1); None for any other phrase or when no actor stands right before it."""
    if not _DESIRE.intersection(w.lower() for w in words(iss.match)):
        return None
    for m in mentions:
        if m.end <= iss.start and _POSSESSIVE.fullmatch(text, m.end, iss.start):
            if m.info == "adjective" or text.startswith(("'s", "’s"), m.end):
                return m, 1, " ".join(text[m.start : iss.end].split())
    return None
