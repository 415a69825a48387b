"""The role step of a claim: who takes the position a cue gives on an issue.

:func:`claim_roles` decides, for one issue phrase and the cue step's result
(:class:`~research_utils.analyses.stance.positions.IssueCue`), which actor mentions of the
sentence are the subjects of the cue (the claimants), which are its addressees (of a
condition, a causative, a demand or an obligation), which actor before an outer cue takes
a composed position, and the modality of the claim. :mod:`~.claims` turns the roles into
claim and mention records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from research_utils.analyses.stance.claim_objects import objects
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.polarity import chained, cue_value
from research_utils.analyses.stance.positions import IssueCue
from research_utils.analyses.stance.text import FIRST_PERSON, PRONOUNS, gap_words
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["Roles", "claim_roles"]


def _directive_before(text: str, cues: list[Hit], s: Hit, floor: int) -> int | None:
    """Index of a cue right before actor ``s`` that makes it the addressee of a demand
    ("demands that Kyiv drop ...", "wants Ukraine to recognise ..."); not before a
    possessor ("backed Ukraine's bid", which is Ukraine's own bid)."""
    if text.startswith(("'s", "’s"), s.end) or not re.match(r"\s+(?:to\b|[a-z]+)", text[s.end :]):
        return None
    for j in range(len(cues) - 1, -1, -1):
        c = cues[j]
        if c.end <= s.start and c.start >= floor:
            between = [w.lower() for w in words(text[c.end : s.start])]
            return j if between in ([], ["that"]) and c.key == "support" else None
    return None


@dataclass
class Roles:
    """Who holds which role in the claim about one issue (the role step's result)."""

    subjects: list[Hit] = field(default_factory=list)
    addressees: list[Hit] = field(default_factory=list)
    outer: tuple[Hit, int, str] | None = None  # the actor before an outer cue, its value and cue
    value: int = 0  # the direction the subjects take (the cue's, composed with a directive)
    modality: str = ""


_CESSION = re.compile(
    r"(?:cede|cedes|ceded|ceding|give up|gives up|gave up|giving up|surrender|surrenders|hand over)\b"
)
_LAND = frozenset(("territory", "donbas", "crimea"))
"""Land issues: a demand that another cede land is the demander's claim to it (+1)."""


def claim_roles(
    text: str,
    cue: IssueCue,
    mentions: list[Hit],
    speaker_spans: list[tuple[int, int]],
    found: dict[str, list[Hit]],
    lex: StanceLexicons,
    issue: str = "",
    deal: bool = False,
) -> Roles:
    """The role step: the subject of the cue (the actor nearest before it; for a participle
    after a comma, ", demanding ...", the actor that opens the main clause), the addressees
    (of a condition, a causative, a demand or an obligation), an outer actor that takes a
    composed position, and the modality of the claim. A demand that the addressee cede a
    land ``issue`` is the demander's claim to that land (+1), not a renunciation. With
    ``deal`` (no speaker of the lexicon), "would have to" states a term the subject accepts."""
    cues, possib, conds, causes = (found[k] for k in ("cue", "possibility", "conditional", "causative"))
    floor, anchor, cond, k = cue.floor, cue.anchor, cue.condition, cue.index
    cession = k is not None and bool(_CESSION.match(cues[k].match)) and issue in _LAND
    out = Roles(value=cue.value)
    free = [m for m in mentions if not any(a <= m.start < b for a, b in speaker_spans)]
    if cue.after:
        # "NATO membership was ruled out by Kyiv": the agent of the passive claims; without
        # one, the speaker does ("Security guarantees must be implemented, Zelensky said").
        out.subjects = [cue.agent] if cue.agent is not None else []
    elif cue.threat and not cue.trailing and cond is not None:
        # "If Kyiv joins NATO, Moscow will respond": the subject of the main clause threatens,
        # the actor of the condition is its target (a mention).
        out.subjects = [m for m in free if m.start >= cue.cond_end][:1]
        out.addressees = [m for m in free if cond.start <= m.start < cue.cond_end]
    elif cue.start is not None:
        before = [m for m in free if m.end <= anchor and m.start >= cue.lower]
        obj = objects(text, before, anchor)
        subjects = [m for i, m in enumerate(before) if i not in obj]
        if cue.trailing and cue.inside_condition and cond is not None:
            # "Russia is ready to offer guarantees if Kiev renounces NATO": the condition is the
            # demand of the main clause's subject; the actor of the condition is a mention.
            out.addressees = [m for m in before if m.start >= cond.start]
            before = [m for m in before if m.end <= cond.start]
            out.subjects = [m for m in subjects if m.end <= cond.start][-1:]
        elif before and k is not None:
            # "Ukraine rejected Moscow's demand for neutrality": the actor before the outer
            # cue takes the composed position, the inner actor its own.
            j = chained(text, cues, k, floor, max_words=4)
            if j is not None and cues[j].end <= before[-1].start:
                earlier = [m for m in subjects if m.end <= cues[j].start]
                if earlier:
                    oval, _, ostart = cue_value(text, cues, j, floor, lex, mentions)
                    out.outer = (earlier[-1], oval * cue.value, " ".join(text[ostart : cues[k].end].split()))
        if before and not out.subjects:
            s = before[-1]
            cz = [c for c in causes if c.end <= s.start and gap_words(text, c.end, s.start) <= 1]
            directive = _directive_before(text, cues, s, floor)
            if cz:
                out.addressees = [s]
                earlier = [m for m in subjects if m.end <= cz[-1].start]
                out.subjects = earlier[-1:]
            elif directive is not None:
                # "Moscow demands that Kyiv drop its bid": the demander claims, Kyiv is asked.
                dval, _, _ = cue_value(text, cues, directive, floor, lex, mentions)
                out.addressees = [s]
                earlier = [m for m in subjects if m.end <= cues[directive].start]
                # "agreed with Russia's demand that Kyiv ...": the speaker nearest before the
                # demand makes it; an actor further back takes the outer position only
                said = [m for m in mentions if m not in free and m.end <= cues[directive].start]
                out.subjects = (
                    [] if said and (not earlier or said[-1].start > earlier[-1].start) else earlier[-1:]
                )
                out.value = dval * cue.value
                between = [
                    i
                    for i, c in enumerate(cues)
                    if earlier and said and earlier[-1].end <= c.start < said[-1].start
                ]
                if not out.subjects and between and out.outer is None:
                    # "Kyiv rejected Moscow's demand that Ukraine drop ...": Kyiv's own position
                    oval, _, ostart = cue_value(text, cues, between[-1], floor, lex, mentions)
                    out.outer = (earlier[-1], oval * out.value, " ".join(text[ostart : cues[k].end].split()))
                if cession and cue.value < 0:
                    out.value = dval  # "insisted that Ukraine cede the Donbas": a claim to the land
            elif (
                k is not None
                and cues[k].match.split()[0].lower().endswith(("ed", "en", "ept"))
                and cues[k].match.split()[0].lower() not in _ADJECTIVAL
                and _PASSIVE.search(text, s.end, cues[k].start)
            ):
                # "that Ukraine ... be permanently barred from joining": the patient, no claimant
                out.addressees = [s]
            elif k is not None and _free_adjunct(text, cues[k]):
                # "Russia attacked Ukraine, demanding its demilitarisation": the subject of the
                # main clause does what the participle says, not the object nearest to it
                out.subjects = _main_subject(text, before, cue.lower)
            else:
                # the nearest actor that is not an object ("Ukraine assured Russia that it ...")
                out.subjects = subjects[-1:]
    sub_start = out.subjects[0].start if out.subjects else floor
    modal_obl = cue.obligations
    post = (anchor, cue.start if cue.after and cue.start is not None else anchor)  # "must be", "could be"
    if any(floor <= c.start < anchor for c in conds):
        out.modality = "conditional"
    elif (
        any(sub_start <= d.start and d.end <= anchor for d in modal_obl)
        or (modal_obl and cue.text and modal_obl[-1].start == cue.start)
        or any(post[0] <= d.start and d.end <= post[1] for d in modal_obl)
    ):
        out.modality = "obligation"
    elif (
        any(sub_start <= q.start and q.end <= anchor for q in possib)
        or any(post[0] <= q.start and q.end <= post[1] for q in possib)
        or "consider" in cue.text.lower()  # "would consider declaring neutrality"
    ):
        out.modality = "possibility"
    terms = [d for d in modal_obl if d.start >= sub_start]  # "Ukraine would have to ...": a term it accepts
    if out.modality == "obligation" and deal and terms and all(_DEAL_TERM.fullmatch(d.match) for d in terms):
        out.modality = "conditional"
    elif out.modality == "obligation":
        out.addressees, out.subjects = out.addressees + out.subjects, []
    return out


_ADJUNCT = re.compile(r",\s*(?:[a-z]+ly\s+)?$")
_CLAUSE_PRONOUNS = PRONOUNS | FIRST_PERSON | frozenset("it you this that who which".split())
"""Words that open a main clause whose subject is no actor of the lexicon."""


def _free_adjunct(text: str, cue: Hit) -> bool:
    """Whether ``cue`` opens a participle clause after a comma (", demanding ...", ", calling for ...")."""
    return words(cue.match)[0].lower().endswith("ing") and bool(_ADJUNCT.search(text, 0, cue.start))


def _main_subject(text: str, before: list[Hit], lower: int) -> list[Hit]:
    """The actor that opens the main clause (with any actor joined to it by "and"), or none
    when the clause opens with a pronoun or another noun ("He projects Ukraine as the
    aggressor, calling for ...": Ukraine is the object, the claimant is not an actor)."""
    if not before:
        return []
    first = before[0]
    lead = [w.lower() for w in words(text[lower : first.start].rsplit(",", 1)[-1])]
    if len(lead) > 3 or any(w in _CLAUSE_PRONOUNS for w in lead):
        return []
    out = [first]
    for m in before[1:]:
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", text[out[-1].end : m.start]):
            break
        out.append(m)
    return out


_DEAL_TERM = re.compile(r"(?:would|will)\s+have\s+to", re.IGNORECASE)  # "Ukraine would have to renounce ..."


_ADJECTIVAL = frozenset("prepared determined committed inclined opposed interested".split())
"""Participles that are adjectives after "be": "Ukraine is prepared to declare neutrality" is
Ukraine's own position, not a patient's."""
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
"""A cue in the passive ("be barred from"): the actor before it undergoes it."""
