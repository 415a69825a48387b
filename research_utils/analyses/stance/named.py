"""Named speakers as actors: wherever the article names a person or organisation it quotes.

The actor lexicon of a topic pack knows the sides of its topic (states, blocs, the people
who speak for them). The speakers an article quotes are often outside it: a council
leader, a company, a judge, a scientist. The attribution table already gives each of them
an actor of their own, under their name (``actor_kind`` person or organisation). This
module makes them actors in the rest of the stance analysis too: every sentence that names
one (by the full name, or a person by the surname) is a mention of that actor, so the tone
of the sentences about them, the obligations put on them and the hedges around them are
measured as for the actors of the lexicon. With the ``generic`` pack, whose lexicon names
only states, a local story's actors are its named speakers.

The names come from the attribution table's ``actor`` column as it is (the fullest form of
the name in the text); this module does not change who said what. Matching is
case-sensitive (a surname such as *Rose* or *Young* is a name only when capitalised), and
where a speaker's name and a lexicon term overlap the longer match wins (*Bank of
England* is the bank, not England). The claims analysis keeps the lexicon's actors only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.ingest import Document
from research_utils.lexicons import Hit, TermGroup, TermMatcher

__all__ = ["SPEAKER_FORM", "NamedActors", "named_actors", "speaker_terms"]

SPEAKER_FORM = "speaker"
"""The ``form`` of a mention of a named speaker (lexicon mentions are name, person or adjective)."""

_NAME_KINDS = ("person", "organisation")


@dataclass(frozen=True)
class NamedActors:
    """The actor mentions of one document: the lexicon's and the named speakers'.

    Attributes
    ----------
    hits : list of sequences of Hit
        Per body sentence, in text order; a named speaker's hit has ``info`` ``"speaker"``.
    labels : dict
        Actor id -> label, for the lexicon's actors and the named speakers (id = label = name).
    kinds : dict
        Actor id -> kind (the lexicon's kind, or ``person`` / ``organisation``).
    """

    hits: list[Sequence[Hit]]
    labels: dict[str, str]
    kinds: dict[str, str]


def speaker_terms(name: str, kind: str) -> tuple[str, ...]:
    """The forms a named speaker is found by: the name, and for a person of two or more
    words the surname (its last word, when it is capitalised and longer than two letters)."""
    name = " ".join(name.split())
    terms = [name]
    parts = name.split(" ")
    if kind == "person" and len(parts) >= 2:
        surname = parts[-1]
        if len(surname) > 2 and surname[:1].isupper() and surname.rstrip(".") == surname:
            terms.append(surname)
    return tuple(dict.fromkeys(terms))


def _speakers(an: Analysis, lex: StanceLexicons) -> dict[str, str]:
    """``{actor id: kind}`` of the named speakers outside the lexicon, in order of first attribution."""
    out: dict[str, str] = {}
    for r in an.attributions:
        actor, kind = str(r.get("actor") or ""), str(r.get("actor_kind") or "")
        if actor and actor not in lex.actor_labels and actor not in (UNATTRIBUTED, UNRESOLVED):
            if kind in _NAME_KINDS:
                out.setdefault(actor, kind)
    return out


def _merge(lexicon: Sequence[Hit], speakers: Sequence[Hit]) -> list[Hit]:
    """Both lists of hits in text order; of two overlapping hits the longer stays (the
    lexicon's when they are as long)."""
    if not speakers:
        return list(lexicon)
    ranked = sorted(
        [(h, 0) for h in lexicon] + [(h, 1) for h in speakers],
        key=lambda x: (-(x[0].end - x[0].start), x[1], x[0].start),
    )
    kept: list[Hit] = []
    for h, _ in ranked:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end))


def _compute(doc: Document, lex: StanceLexicons) -> NamedActors:
    an = analyse(doc, lex)
    speakers = _speakers(an, lex)
    labels = dict(lex.actor_labels)
    kinds = dict(lex.actor_kinds)
    if not speakers:
        return NamedActors(list(an.actor_hits), labels, kinds)
    matcher = TermMatcher(
        [
            TermGroup(actor, speaker_terms(actor, kind), SPEAKER_FORM, case_sensitive=True)
            for actor, kind in speakers.items()
        ]
    )
    found = sentence_hits(doc, matcher)
    hits = [_merge(lexicon, found.get(sid, ())) for sid, lexicon in enumerate(an.actor_hits)]
    labels.update({a: a for a in speakers})
    kinds.update(speakers)
    return NamedActors(hits, labels, kinds)


def named_actors(doc: Document, lex: StanceLexicons) -> NamedActors:
    """The actor mentions of ``doc``, named speakers included (kept with the document: read-only)."""
    return doc.memo(("stance.named_actors", lex.fingerprint), lambda: _compute(doc, lex))
