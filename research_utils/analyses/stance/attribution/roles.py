"""Role nouns and what they may point back to: the compatibility tables of speaker resolution.

A definite role noun (*the minister*, *the ministry*, *the statement*) points back to the
nearest person or organisation it fits (:mod:`~.resolve`). These tables say what fits:
the title words a person must have been introduced with (*the top diplomat* is a foreign
minister, an ambassador or an envoy; *the president* is not someone introduced as prime
minister) and the words an organisation's name must hold (*the court* for "the Supreme
Court", *the company* for "Acme Ltd"). Written by hand after the role nouns of wire,
state-media and court copy (tests/gold, tests/gold/real); the agreement constraints of
rule-based reference resolution (Lee et al. 2013, the sieves' attribute agreement).
"""

from __future__ import annotations

__all__ = ["ANY_SPEAKER", "GENERIC_TITLES", "ORG_ROLES", "ROLE_TITLES", "SPECIFIC_TITLES"]

ROLE_TITLES: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "president": "president",
        "leader": "president prime premier chancellor leader king queen chairman head",
        "minister": "minister",
        "diplomat": "foreign diplomat ambassador envoy representative secretary-general",
        "ambassador": "ambassador envoy",
        "envoy": "envoy ambassador representative",
        "spokesman": "spokesman spokesperson press",
        "spokeswoman": "spokeswoman spokesperson press",
        "spokesperson": "spokesman spokeswoman spokesperson press",
        "governor": "governor",
        "mayor": "mayor",
        "chancellor": "chancellor",
        "premier": "premier prime",
        "commander": "commander general chief commander-in-chief admiral",
        "general": "general commander",
        "secretary": "secretary secretary-general",
        "negotiator": "negotiator delegation head",
        "ombudsman": "ombudsman commissioner",
        "manager": "manager coach boss",
        "coach": "coach manager boss",
        "chairman": "chairman chair chairperson head",
        "chairwoman": "chairwoman chair chairperson head",
        "senator": "senator sen",
        "economist": "economist analyst",
        "prosecutor": "prosecutor attorney",
    }.items()
}
"""Role nouns and the title words a person introduced before must have for the role noun
to point to them (when the person's title is known at all)."""

GENERIC_TITLES = frozenset("head chief leader senior top official director".split())
SPECIFIC_TITLES = frozenset().union(*ROLE_TITLES.values()) - GENERIC_TITLES
"""Title words that rule out a role noun they do not fit ("prime minister" is not "the
president"); "head of ..." or "chief" could be any of them."""

ORG_ROLES: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "ministry": "ministry",
        "agency": "agency intelligence service bureau",
        "committee": "committee",
        "service": "service intelligence",
        "office": "office",
        "government": "government cabinet kremlin house",
        "army": "army forces force staff military",
        "military": "army forces force staff military ministry",
        "bank": "bank",
        "company": "company corporation group inc ltd plc",
        "club": "club fc",
        "union": "union",
        "council": "council",
        "party": "party",
        "department": "department",
        "commission": "commission",
        "court": "court",
        "judgment": "court tribunal bench",
        "judgement": "court tribunal bench",
        "ruling": "court tribunal bench",
        "verdict": "court tribunal jury",
        "embassy": "embassy",
        "police": "police",
        "administration": "administration house",
        "board": "board",
        "trust": "trust hospital",
        "league": "league",
        "federation": "federation",
        "association": "association",
        "organisation": "organisation organization",
        "organization": "organisation organization",
        "kremlin": "kremlin",
        "staff": "staff",
        "force": "force forces",
    }.items()
}
"""Organisation role nouns and the words an organisation's name must hold for them."""

ANY_SPEAKER = frozenset("statement announcement report post message letter".split())
"""Role nouns that stand for the last named speaker ("the statement said")."""
