"""The cue step of a claim: which position cue gives the direction on an issue phrase.

The direction of one cue (its polarity, negation and the cues chained before it) is
:mod:`~.polarity`'s. :func:`issue_cue` is the cue step of a claim (:mod:`~.claims`): the cue that gives the
direction on one issue phrase (a position cue, else an obligation right before the issue,
else a negated issue phrase, else a position stated after an issue that opens its
clause), and what limits or turns it (a question, a condition, a threat, a position noun
that belongs to nobody, an issue phrase that names what the issue rules out).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from research_utils.analyses.stance.issue_lists import (
    NEGATION_GAP_OK,
    coordinated_negation,
    list_heads,
    negated_issue,
)
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.polarity import CHAIN_BREAK, TOKEN, chain, chained, negators, not_only
from research_utils.analyses.stance.text import gap_words
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["IssueCue", "issue_cue"]

# --------------------------------------------------------------------------- the cue step of a claim

_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s")
_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas|which|who|meaning|although|though|as|after|before|when|because|since|so)\b",
    re.IGNORECASE,
)
"""A comma that opens a new clause: a cue before it governs nothing after it."""
_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_NAME_LIST_END = re.compile(rf"\s*{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+(?:and|or)\s+{_NAME})?\s*[.!]?\s*$")
"""A dash or colon that opens a list of names ending the sentence names what comes before
it ("annexed four regions — Donetsk, Luhansk, Kherson and Zaporizhzhia"): no clause break."""
_LISTING = re.compile(
    r"\s*,\s*(?:(?:which|that)\s+(?:include|includes|included|are|were)|including|namely|such\s+as)\s"
    r"(?:[^,;:.]*,\s*)?[^,;:.]*$",
    re.IGNORECASE,
)
"""After a position noun, a comma that opens the list of its contents ("demands, which include
X", "conditions, including X"): the noun still governs the issues of the list."""
_DEONTIC_GAP_OK = frozenset("be been now also then first fully immediately completely".split())
_NEGATED_MODAL = re.compile(r"\bnot\b|n['’]t\b", re.IGNORECASE)
_NOUN_CUES = frozenset(
    """demand demands call calls bid bids support commitment commitments willingness readiness pursuit
    push insistence intention proposal proposals refusal rejection opposition unwillingness reluctance
    abandonment renunciation objection objections aspiration aspirations ambition ambitions goal goals
    priority priorities requirement requirements precondition preconditions""".split()
)
"""First words of position nouns: "the demand for X" with no possessor is nobody's claim."""
_UNOWNED = frozenset("the a an any this that such".split())
_QUESTION = re.compile(r"\bwhether\b", re.IGNORECASE)
_HELD = re.compile(r"\b(?:status|fate|future)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
"""Refusing to discuss "the status of X" keeps X as it is: a position for it (+1)."""
_AUX = frozenset(
    """must should shall will would can could may might has have had to need needs ought be been being is are
    was were remain remains remained stay stays stayed also still now immediately fully first always already
    firmly clearly not never cannot can't won't wouldn't isn't aren't wasn't weren't mustn't shouldn't""".split()
)
"""Auxiliaries, negators and adverbs that may stand between an issue and a cue after it."""
_BE = frozenset("be been being is are was were remain remains remained stay stays stayed".split())
_AFTER_PREPOSITIONS = frozenset("for of to with in on".split())
_RESUMPTIVE = re.compile(r"\s*(?:,|\s[—–])\s*(?:it|which)\b", re.IGNORECASE)
_PART_OF = re.compile(
    r"\b(?:an?\s+)?(?:(?:integral|inalienable|inseparable|legitimate|historic)\s+)?part\s+of\s+",
    re.IGNORECASE,
)
"""A territorial claim stated after the issue: "Crimea is part of Russia" (the actor follows)."""
_OWNED_END = re.compile(
    r"(?![’']s\b)(?:\s+(?:land|soil|territory))?\s*(?:[,.;:!?”\"’']|\s[—–]|$)", re.IGNORECASE
)
"""After "is Ukrainian" / "is Russian land": the end of the predicate."""
_THE = re.compile(r"(?:the\s+)?", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_THREAT = re.compile(
    r"\b(?:threat\w*|warn\w*\s+of|retaliat\w*|respond|responds|response|consequences|punish\w*"
    r"|counter-?measures|military-technical|decisive\s+(?:action|actions|measures|steps|response)"
    r"|strike\s+back|hit\s+back)\b",
    re.IGNORECASE,
)
"""A threat in the main clause of a condition: "promised decisive actions if Ukraine did not
abandon its NATO goals" demands the opposite of the condition."""


@dataclass(frozen=True)
class IssueCue:
    """What the cue step found for one issue phrase of a sentence (offsets in the sentence).

    Attributes
    ----------
    floor : int
        Where the issue's clause starts (after the last ``;``, ``:`` or dash before it).
    index : int or None
        The position cue (an index into the sentence's cue hits), if one gave the direction.
    value : int
        The direction: +1, -1, or 0 (none, or a neutral cue).
    negated : bool
    text : str
        The words that gave the direction ("" for none).
    start : int or None
        Where those words start; None when nothing gave a direction.
    obligations : list of Hit
        The deontic modals between ``floor`` and the cue (or the issue).
    unowned : bool
        A position noun with no possessor ("the demand for X is a pretext").
    anchor : int
        ``start``, or the issue's start when there is no cue before it.
    question : bool
        "whether" between ``floor`` and ``anchor``.
    condition : Hit or None
        A conditional ("if") between ``floor`` and ``anchor``.
    lower : int
        Where the subject may start (after a leading condition).
    inside_condition, trailing : bool
        The issue is inside the condition; the condition trails a main clause.
    after : bool
        The direction is stated after the issue, which is the subject of its clause
        ("Security guarantees must be implemented", "Crimea is part of Russia"): the
        claimant is the speaker, or the agent of a passive (``agent``).
    agent : Hit or None
        The actor after "by" of a passive cue after the issue ("was rejected by Kyiv").
    threat : bool
        The issue is inside a condition whose main clause threatens ("promised decisive
        actions if Ukraine did not abandon ..."): the value is the threatener's, the
        opposite of the condition's.
    cond_end : int
        Where the condition ends (the main clause of a leading condition starts there).
    opening : bool
        The issue opens its clause (it is what the clause is about: "Crimea was part of
        the agenda"), so only a predicate after it could give a position.
    """

    floor: int
    index: int | None
    value: int
    negated: bool
    text: str
    start: int | None
    obligations: list[Hit]
    unowned: bool
    anchor: int
    question: bool
    condition: Hit | None
    lower: int
    inside_condition: bool
    trailing: bool
    after: bool = False
    agent: Hit | None = None
    threat: bool = False
    cond_end: int = 0
    opening: bool = False


def _cue_before(
    text: str, cues: list[Hit], floor: int, pos: int, mentions: Sequence[Hit] = (), max_words: int = 8
) -> int | None:
    """Index of the last cue that ends before ``pos``, starts after ``floor`` and has at most
    ``max_words`` words between it and ``pos`` (None if there is none).

    Searched from the nearest cue back, stopping at the first one before ``floor``. A cue
    followed by a comma, or before a comma that opens a new clause, governs nothing after it
    ("is off the table, and neutrality ...", "agreed to talks ..., and neutrality ...");
    a noun cue with "of" governs the actor's thing right after it, not an issue after that
    ("demanded the withdrawal of Russian troops from the occupied territories": the
    demand, not the withdrawal, is about the territories); a possessor is no such thing
    ("the restoration of Ukraine's territorial integrity").
    """
    for j in range(bisect.bisect_right([c.end for c in cues], pos) - 1, -1, -1):
        c = cues[j]
        if c.start < floor:
            return None
        if gap_words(text, c.end, pos) > max_words:
            continue
        if c.match.lower().endswith(" of") and any(
            c.end <= m.start and m.end <= pos and not text.startswith(("'s", "’s"), m.end) for m in mentions
        ):
            continue  # ... but "the restoration of Ukraine's territorial integrity" is about the issue
        between = text[c.end : pos]
        if _LISTING.match(between) and words(c.match)[0].lower() in _NOUN_CUES:
            return j  # "Russia's core demands, which include the demilitarisation of ..."
        return None if between.lstrip().startswith(",") or _NEW_CLAUSE.search(between) else j
    return None


def _opening(text: str, floor: int, pos: int, starts: Sequence[int], comma: bool = True) -> bool:
    """True when the issue at ``pos`` opens its clause: at most three words after the clause
    start, the start of a reported clause (``starts``), a "that" or (with ``comma``) a comma,
    none of them an auxiliary."""
    heads = [floor, *(x for x in starts if floor <= x <= pos)]
    breaks = r"\bthat\b|," if comma else r"\bthat\b"
    heads += [floor + m.end() for m in re.finditer(breaks, text[floor:pos], re.IGNORECASE)]
    lead = words(text[max(heads) : pos])
    return len(lead) <= 3 and not any(w.lower() in _AUX for w in lead)


def _cue_after(
    text: str,
    iss: Hit,
    cues: list[Hit],
    mentions: Sequence[Hit],
) -> tuple[int, bool, int, int, Hit | None] | None:
    """A position stated after the issue, its subject: "Security guarantees for Ukraine must be
    implemented", "NATO membership was ruled out by Kyiv", "Crimea is part of Russia",
    "Crimea, it is part of the Russian Federation". Returns the value, whether it is negated,
    where the cue starts and ends, and the agent of a passive; None when there is none.

    Between the issue and the cue: an optional prepositional phrase of up to four words
    ("for Ukraine"), then at least one auxiliary or form of *be* ("must be", "was",
    "remained"), with negators and a few adverbs.
    """
    pos = iss.end
    res = _RESUMPTIVE.match(text, pos)
    if res:
        pos = res.end()
    toks = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in TOKEN.finditer(text, pos)]
    i = 0
    if not res and toks and toks[0][2] in _AFTER_PREPOSITIONS:
        i = 1
        while i < len(toks) and i <= 4 and toks[i][2] not in _AUX:
            i += 1
    if i and (i >= len(toks) or CHAIN_BREAK.search(text, pos, toks[i][0])):
        return None
    aux = negated = False
    while i < len(toks) and toks[i][2] in _AUX and not CHAIN_BREAK.search(text, pos, toks[i][0]):
        aux = aux or toks[i][2] not in ("not", "never", "also", "still", "now", "first", "always", "already")
        negated = negated != (toks[i][2] in ("not", "never", "cannot") or toks[i][2].endswith("n't"))
        i += 1
    if not aux or i >= len(toks) or CHAIN_BREAK.search(text, pos, toks[i][0]):
        return None
    at = toks[i][0]
    be_before = any(t[2] in _BE for t in toks[:i])
    part = _PART_OF.match(text, at)
    if part and be_before:
        owner = [m for m in mentions if _THE.fullmatch(text, part.end(), m.start)]
        if owner:
            return (-1 if negated else 1), negated, at, part.end(), None
        return None
    owner = next((m for m in mentions if m.start == at), None)
    if owner is not None and be_before and _OWNED_END.match(text, owner.end):
        # "Crimea is Ukraine", "Donbas will always be Russian land": a territorial claim.
        return (-1 if negated else 1), negated, at, owner.end, None
    cue = next((c for c in cues if c.start == at), None)
    possessor = None
    if cue is None and be_before and not res:
        # "is a key requirement", "remains Kyiv's strategic goal": a position noun as predicate
        ahead = [c for c in cues if c.start > at and words(c.match)[0].lower() in _NOUN_CUES]
        if (
            ahead
            and gap_words(text, at, ahead[0].start) <= 3
            and not CHAIN_BREAK.search(text, at, ahead[0].start)
        ):
            cue = ahead[0]
            owners = [m for m in mentions if at <= m.start and m.end <= cue.start]
            possessor = next((m for m in owners if text.startswith(("'s", "’s"), m.end)), None)
    if cue is None or res:
        return None
    val = {"support": 1, "oppose": -1}.get(cue.key, 0)
    val = -val if negated else val
    agent = possessor
    if be_before and agent is None:
        after_cue = [
            m for m in mentions if m.start >= cue.end and _BY_AGENT.fullmatch(text, cue.end, m.start)
        ]
        agent = after_cue[0] if after_cue else None
    return val, negated, cue.start, cue.end, agent


_NOT_ONLY_BUT = re.compile(
    r"\bnot\s+only\b[^;:.?!]*?,?\s+but\s+also\s+(?:(?:its|their|his|her|the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
"""The second member of "not only X, but also Y": it takes the cue before "not only"."""
_BACKGROUND = re.compile(r"\b(?:which|that|whom)\s+(?:[\w’'-]+\s+){0,8}$", re.IGNORECASE)
_STAY_OUT = re.compile(r"(?:stay|stays|stayed|staying|keep|keeps|kept|keeping)\s+out\b", re.IGNORECASE)
"""An issue phrase that is itself the act of staying out ("stay out of NATO"): -1 with no cue."""


_ONLY_BEFORE = re.compile(r"\bonly\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
"""'only' before a condition ("only possible if", "only if", "only be signed if"): a demand."""


def _main_act(text: str, floor: int, iss: Hit) -> bool:
    """Whether an issue phrase that names an act ("annexed") is the verb of its clause, not a
    background description: "Crimea, which Russia annexed in 2014", "the peninsula annexed
    by Russia" describe the past; the coders code "Russia annexed four regions" as a claim."""
    return not (re.match(r"\s+by\b", text[iss.end :]) or _BACKGROUND.search(text, floor, iss.start))


def issue_cue(
    text: str,
    iss: Hit,
    found: dict[str, list[Hit]],
    deontic: list[Hit] | tuple[Hit, ...],
    lex: StanceLexicons,
    mentions: list[Hit],
    issues: Sequence[Hit] = (),
    starts: Sequence[int] = (),
) -> IssueCue:
    """The cue step of a claim: what gives the direction on issue ``iss`` of sentence ``text``.

    The nearest position cue before the issue in its clause (at most eight words before
    it, :func:`cue_value`; a negator between cue and issue flips it: "pledge to not join
    NATO"; a phrase further away takes the cue of the list it ends, :func:`list_heads`);
    with none, an obligation right before the issue ("must be demilitarized",
    +1); with none, a negated issue phrase ("no territorial concessions", "would not join
    military alliances", -1, also over "or": "... or host foreign bases"); with none, a
    position stated after the issue when the issue opens its clause (:func:`_cue_after`).
    An issue phrase that is itself an oppose cue (``found["phrase"]``: "foreign troops",
    "military alliances", which name what the issue rules out) turns the direction round:
    "rejected foreign troops" is +1 on demilitarisation. A refusal to discuss "the status
    of X" keeps X (+1). In a condition after a threat ("promised decisive actions if Ukraine
    did not abandon its NATO goals"), the direction is the opposite of the condition's: the
    threatener's demand.

    Parameters
    ----------
    text : str
        The sentence.
    iss : Hit
        The issue phrase.
    found : dict
        The sentence's ``cue``, ``possibility``, ``conditional`` and ``causative`` hits, and
        ``phrase``: oppose or support cues that are the words of an issue phrase.
    deontic : sequence of Hit
        The sentence's deontic modals.
    lex : StanceLexicons
    mentions : list of Hit
        The actor mentions of the sentence (outside issue phrases).
    issues : sequence of Hit
        Every issue phrase of the sentence (a chain of cues does not run across one).
    starts : sequence of int
        Where reported clauses start in the sentence ("said [the guarantees must ...]").
    """
    cues, conds = found["cue"], found["conditional"]
    breaks = [
        m.end() for m in _CLAUSE_BREAK.finditer(text, 0, iss.start) if not _NAME_LIST_END.match(text, m.end())
    ]
    floor = breaks[-1] if breaks else 0
    blockers = sorted([*mentions, *issues], key=lambda h: h.start)
    cue_val, negated, cue_text = 0, False, ""
    cue_start = None
    k = _cue_before(text, cues, floor, iss.start, mentions)
    if k is None and (both := _NOT_ONLY_BUT.search(text, floor, iss.start)):
        k = _cue_before(text, cues, floor, both.start(), mentions)  # "demands not only X but also Y"
    for head in list_heads(text, iss, issues, mentions, floor) if k is None else ():
        # "to recognise Russian sovereignty over Crimea and the independence of the Donetsk
        # and Luhansk republics": a phrase too far from any cue takes the cue of its list
        k = _cue_before(text, cues, floor, head.start, mentions)
        if k is not None:
            break
    if k is not None:
        cue_val, negated, phrase_start, refused = chain(text, cues, k, floor, lex, blockers)
        cue_start = cues[k].start
        cue_text = " ".join(text[phrase_start : cues[k].end].split())
        gap = text[cues[k].end : iss.start]  # a negator between cue and issue: "pledge to not join NATO"
        for h in negators(gap, lex):
            # ... but not of another verb: "offered not to resolve the Crimea issue by force"
            rest = {w.lower() for w in words(gap[h.end :])}
            if not not_only(h, gap[h.end :]) and rest <= NEGATION_GAP_OK:
                cue_val, negated = -cue_val, True
                cue_text = " ".join(text[phrase_start : cues[k].end + h.end].split())
                break
        if refused and _HELD.search(text, floor, iss.start):
            cue_val = 1  # "will not discuss the status of Crimea": it stays as it is
    modal_obl = [
        d
        for d in deontic
        if floor <= d.start and d.end <= (cue_start if cue_start is not None else iss.start)
    ]
    if cue_start is None:
        # "must be demilitarized": an obligation right before the issue is a demand for it.
        near = [
            d
            for d in deontic
            if d.end <= iss.start
            and d.start >= floor
            and all(w.lower() in _DEONTIC_GAP_OK for w in words(text[d.end : iss.start]))
        ]
        if near:
            d = near[-1]
            cue_start, cue_text = d.start, d.match
            cue_val = -1 if _NEGATED_MODAL.search(d.match) else 1
            modal_obl = [d]
    if cue_start is None:
        # "will make no territorial concessions": a negated issue phrase is a refusal of it.
        at = negated_issue(text, floor, iss.start)
        if at is None:
            at = coordinated_negation(text, iss, issues, floor)
        if at is not None:
            cue_start, cue_text, cue_val, negated = at, " ".join(text[at : iss.start].split()), -1, True
    after, agent = False, None
    if cue_start is None and (_opening(text, floor, iss.start, starts) or _RESUMPTIVE.match(text, iss.end)):
        post = _cue_after(text, iss, cues, mentions)
        if post is not None:
            cue_val, negated, cue_start, post_end, agent = post
            cue_text, after = " ".join(text[iss.end : post_end].split()).lstrip(", "), True
    own = next((c for c in found.get("phrase", ()) if (c.start, c.end) == (iss.start, iss.end)), None)
    if own is not None and own.key == "oppose":
        cue_val = -cue_val  # "rejected foreign troops": against what the issue rules out
    if own is not None and own.key == "support" and cue_start is None and _main_act(text, floor, iss):
        cue_start, cue_val, cue_text = iss.start, 1, own.match  # "Russia annexed ...": an act of taking
    elif own is not None and cue_start is None and _STAY_OUT.match(own.match):
        cue_start, cue_val, cue_text = iss.start, -1, own.match  # "Ukraine will stay out of NATO"
    unowned = False
    if k is not None and cue_start == cues[k].start:
        first = words(cues[k].match)[:1]
        before_cue = words(text[floor : cues[k].start])[-1:]
        unowned = (
            bool(first)
            and first[0].lower() in _NOUN_CUES
            and bool(before_cue)
            and before_cue[0].lower() in _UNOWNED
            and chained(text, cues, k, floor) is None
        )  # "the demand for denazification is a pretext": nobody's claim
    anchor = cue_start if cue_start is not None and not after else iss.start
    question = bool(_QUESTION.search(text, floor, anchor))
    cond = next((c for c in conds if floor <= c.start < anchor), None)
    lower, inside_condition, trailing, threat, cond_end = floor, False, False, False, 0
    if cond is not None:
        comma = text.find(",", cond.end)
        cond_end = comma if comma >= 0 else len(text)
        inside_condition = iss.start < cond_end
        trailing = len(words(text[floor : cond.start])) > 2
        if not trailing:
            lower = cond_end  # "If the West provides guarantees, Ukraine could ...": the subject follows
        main = (floor, cond.start) if trailing else (cond_end, len(text))
        if trailing and iss.start > cond.start and _ONLY_BEFORE.search(text, floor, cond.start):
            # "a settlement is only possible if Kyiv is neutral, ... and if it recognises Crimea":
            # every issue after "only ... if" is a condition the main clause's claimant demands.
            inside_condition = True
            if cue_start is None:
                cue_start, cue_val, anchor = iss.start, 1, iss.start
            cue_text = " ".join(f"only {cond.match} {cue_text}".split())
        menace = _THREAT.search(text, *main)
        if inside_condition and menace and cond.match.lower() in ("if", "in case"):
            # "threatened retaliation if Kyiv joins NATO", "promised decisive actions if Ukraine
            # did not abandon its NATO goals": the threatener wants the opposite of the condition.
            threat = True
            if cue_start is None:
                cue_start, cue_val, anchor = iss.start, 1, iss.start
            cue_text = " ".join(f"{menace.group(0)} {cond.match} {cue_text}".split())
            cue_val = -cue_val
    return IssueCue(
        floor=floor,
        index=k,
        value=cue_val,
        negated=negated,
        text=cue_text,
        start=cue_start,
        obligations=modal_obl,
        unowned=unowned,
        anchor=anchor,
        question=question,
        condition=cond,
        lower=lower,
        inside_condition=inside_condition,
        trailing=trailing,
        after=after,
        agent=agent,
        threat=threat,
        cond_end=cond_end,
        opening=_opening(text, floor, iss.start, starts, comma=False),
    )
