"""Which actors of a sentence cannot claim: objects, list members, private people.

The role step of :mod:`~research_utils.analyses.stance.claims` takes the actor nearest
before a position cue as its subject; the functions here set aside the actor mentions that
word order shows are not subjects (objects of prepositions and of verbs of telling, members
of lists, actors after "of", possessors of allies) and the nationality adjectives of
private people ("independent Russian journalists"), which are no actor at all.
"""

from __future__ import annotations

import re

from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["objects", "private_people"]

_PREPOSITIONS = frozenset(
    """for from with against to towards toward about into onto upon between among amid amidst without than
    like including over under near across via despite on at in within beyond""".split()
)
"""Words after which an actor is the object of a preposition, not the subject of a cue
("under pressure from Moscow, Kyiv agreed", "guarantees for Ukraine must ...")."""
_HEARER_FORMS = frozenset(
    """tell tells told telling assure assures assured assuring promise promises promised promising remind
    reminds reminded inform informs informed warn warns warned warning ask asks asked asking""".split()
)
"""Forms of verbs whose object is the hearer ("Ukraine assured Russia that it would ...")."""
_SKIPPED = frozenset("the a an".split())
_AS_THAT = re.compile(r"\bas\s+(?:[\w'’-]+\s+){0,3}?(?:that|which|who)\b", re.IGNORECASE)
"""An object complement with a relative clause: "identified NATO members as countries that could
provide guarantees": the countries provide, not the actor named before."""
_SUCH_AS = re.compile(r"\bsuch\s+as\s+$", re.IGNORECASE)
_LISTS = frozenset("including between among like".split())
_OTHERS = frozenset(
    """ally allies partner partners backer backers supporter supporters critic critics opponent opponents
    enemy enemies adversary adversaries neighbour neighbours neighbor neighbors""".split()
)
"""Nouns after a possessor that name other actors ("Ukraine's allies"): no claim of the possessor."""
_ABSOLUTE = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]{2,}ing\b")
"""After "with", "despite" or "in addition to" and an actor, a participle: "with Kyiv having to
accept neutrality", "in addition to Ukraine giving up its NATO bid" (the actor is its subject)."""
_OF_PEOPLE = frozenset(
    """president prime minister ministry ministries member members leader leaders head heads government
    representative representatives delegation delegations official officials spokesman spokeswoman
    spokesperson ambassador envoy parliament side people""".split()
)
"""Nouns of people or bodies before "of" that make the actor after it the subject ("the
President of Ukraine", "members of the Ukrainian delegation"); after any other noun the
actor is an object ("Russia's invasion of Ukraine", "the withdrawal of Russian troops")."""


_PRIVATE_PEOPLE = frozenset(
    """journalists journalist reporters reporter media press citizens citizen people nationals
    students student writers writer artists artist bloggers blogger businessmen businessman
    oligarchs oligarch tourists tourist fans fan athletes athlete scientists scientist
    historians historian economists economist analysts analyst experts expert voters voter
    residents resident refugees refugee families family speakers""".split()
)
"""People named by their nationality who are not the state: "independent Russian
journalists", "Ukrainian refugees" (no claim or mention of Russia or Ukraine)."""


def private_people(text: str, m: Hit) -> bool:
    """Whether actor mention ``m`` is a nationality adjective of private people ("Russian journalists")."""
    if m.info != "adjective":
        return False
    nxt = words(text[m.end : m.end + 40])[:1]
    return bool(nxt) and nxt[0].lower() in _PRIVATE_PEOPLE


def objects(text: str, mentions: list[Hit], anchor: int) -> set[int]:
    """Indices of the actor mentions before ``anchor`` that cannot be the subject of the cue
    at ``anchor``: objects of a preposition or of a verb of telling ("assured Russia
    that"); members of a list ("including the US and NATO", "such as NATO", "between
    Russia and Ukraine"); actors before an object complement ("named NATO as the body
    that would ..."); an actor after "of" unless a noun of people or bodies comes before
    it ("the invasion of Ukraine", "the withdrawal of Russian troops"; "members of the
    Ukrainian delegation" stays); and a possessor of allies, partners, critics ...
    ("Ukraine's allies"). Any other possessor stays ("for Ukraine's bid"), and so does an
    actor after "with" that a participle follows ("with Kyiv having to accept ..."). Only a list
    carries over "and": in "refused assurances to Russia and the Kremlin began", the
    Kremlin is a subject."""
    out: set[int] = set()
    lists: set[int] = set()
    for i, m in enumerate(mentions):
        if m.end > anchor:
            continue
        if text.startswith(("'s", "’s"), m.end):
            nxt = words(text[m.end + 2 :])[:1]
            if nxt and nxt[0].lower() in _OTHERS:
                out.add(i)  # "Ukraine's allies have pledged ...": the allies claim, not Ukraine
            continue
        prev = [w.lower() for w in words(text[: m.start])]
        while prev and prev[-1] in _SKIPPED:
            prev.pop()
        last = prev[-1] if prev else ""
        between = text[mentions[i - 1].end : m.start] if i else ""
        listed = last in _LISTS or _SUCH_AS.search(text, 0, m.start) is not None
        if i - 1 in lists and re.fullmatch(r",?\s+(?:and|or)\s+(?:the\s+)?", between):
            listed = True
        if listed:
            lists.add(i)
        head = prev[-2] if len(prev) > 1 else ""
        of_thing = last == "of" and (m.info == "adjective" or head not in _OF_PEOPLE)  # "invasion of Ukraine"
        if (last in ("with", "despite") or (last, head) == ("to", "addition")) and _ABSOLUTE.match(
            text, m.end
        ):
            last = ""  # "with Kyiv having to accept neutrality": the subject of the participle
        if (
            listed
            or of_thing
            or last in _PREPOSITIONS
            or last in _HEARER_FORMS
            or _AS_THAT.search(text, m.end, anchor)
        ):
            out.add(i)
    return out
