"""The direction of a position cue: its polarity, negation, and cues chained before it.

A support cue (*accept, agree, want*) is +1, an oppose cue (*reject, abandon, give up*)
-1; a negator up to three words before the cue flips it (*did not accept* = -1,
*never renounced* = +1) and a cue chained right before it multiplies it (*willing to
abandon* = -1, *unwillingness to abandon* = +1). Lexicon ``position_cues``. Everything
here looks inside one sentence.

:func:`issue_cue` is the cue step of a claim (:mod:`~.claims`): the cue that gives the
direction on one issue phrase (a position cue, else an obligation right before the issue,
else a negated issue phrase), and what limits it (a question, a condition, a position
noun that belongs to nobody).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import gap_words
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["IssueCue", "chained", "cue_value", "issue_cue", "negation", "negators", "not_only"]

_TOKEN = re.compile(r"[\w’'-]+")
_NOT_ONLY = re.compile(r"\s+only\b", re.IGNORECASE)
_CONTRACTED_NEGATION = re.compile(r"\b\w*[a-z]n['’]t\b", re.IGNORECASE)
_CHAIN_BREAK = re.compile(r"[,;:.]")


def negators(text: str, lex: StanceLexicons) -> list[Hit]:
    """The negators of ``text`` (``lex.negator_matcher.find``), without running the matcher on
    a text that holds none of their first words (most windows before a cue hold none)."""
    matcher = lex.negator_matcher
    if not (matcher.always or matcher.patterns):
        folded = text.lower().replace("’", "'")
        if not any(word in folded for word in matcher.by_word):
            return []
    return matcher.find(text)


def not_only(h: Hit, after: str) -> bool:
    """True when negator hit ``h`` is the "not" of "not only" (``after`` is the text after it): no negation."""
    return h.match.lower() == "not" and _NOT_ONLY.match(after) is not None


def negation(text: str, floor: int, pos: int, lex: StanceLexicons, max_words: int = 3) -> int | None:
    """Start of a negator within ``max_words`` words before offset ``pos`` (after ``floor``), else None.

    Negators come from the lexicon (*not, never, no longer, unable to ...*); "not only"
    is not a negation; contractions ("didn't", "won't") are.
    """
    toks = [m.start() for m in _TOKEN.finditer(text, floor, pos)]
    if not toks:
        return None
    window_start = toks[max(0, len(toks) - max_words)]
    window = text[window_start:pos]
    for h in negators(window, lex):
        if not_only(h, window[h.end :]):
            continue
        return window_start + h.start
    m = _CONTRACTED_NEGATION.search(window)
    return window_start + m.start() if m else None


def chained(text: str, cues: list[Hit], idx: int, floor: int, max_words: int = 3) -> int | None:
    """Index of the cue right before cue ``idx`` (at most ``max_words`` words between, no punctuation)."""
    c = cues[idx]
    for j in range(idx - 1, -1, -1):
        p = cues[j]
        if p.end <= c.start and p.start >= floor:
            if gap_words(text, p.end, c.start) <= max_words and not _CHAIN_BREAK.search(text, p.end, c.start):
                return j
            return None
    return None


def cue_value(
    text: str,
    cues: list[Hit],
    idx: int,
    floor: int,
    lex: StanceLexicons,
    mentions: list[Hit],
    depth: int = 0,
) -> tuple[int, bool, int]:
    """Signed value of cue ``idx``: its polarity, flipped by a negator, times a cue chained before it.

    A cue is chained to the one before it ("willing to abandon") only when no actor stands
    between them ("rejected Moscow's demand for" is two claims by two actors); chains
    are followed at most three cues back. Returns the value, whether a negator flipped
    it, and where the cue phrase starts (the negator or the first chained cue), so that
    ``text[start:cue.end]`` is the evidence ("never renounced", "unwillingness to abandon").
    """
    c = cues[idx]
    val = {"support": 1, "oppose": -1}.get(c.key, 0)  # a neutral cue ("discuss") takes no side
    start = c.start
    prev_idx = chained(text, cues, idx, floor) if depth < 3 else None
    if prev_idx is not None and any(cues[prev_idx].end <= m.start and m.end <= c.start for m in mentions):
        prev_idx = None
    neg_floor = cues[prev_idx].end if prev_idx is not None else floor
    neg_at = negation(text, neg_floor, c.start, lex)
    negated = neg_at is not None
    if neg_at is not None:
        val = -val
        start = neg_at
    if prev_idx is not None:
        pval, pneg, pstart = cue_value(text, cues, prev_idx, floor, lex, mentions, depth + 1)
        val *= pval
        negated = negated or pneg
        start = min(start, pstart)
    return val, negated, start


# --------------------------------------------------------------------------- the cue step of a claim

_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s")
_DEONTIC_GAP_OK = frozenset("be been now also then first fully immediately completely".split())
_NEGATED_MODAL = re.compile(r"\bnot\b|n['’]t\b", re.IGNORECASE)
_NOUN_CUES = frozenset(
    """demand demands call calls bid bids support commitment commitments willingness readiness pursuit
    push insistence intention proposal proposals refusal rejection opposition unwillingness reluctance
    abandonment renunciation objection objections aspiration aspirations ambition ambitions""".split()
)
"""First words of position nouns: "the demand for X" with no possessor is nobody's claim."""
_UNOWNED = frozenset("the a an any this that such".split())
_QUESTION = re.compile(r"\bwhether\b", re.IGNORECASE)
_NEGATED_ISSUE = frozenset("no not never".split())


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
        ``start``, or the issue's start when there is no cue.
    question : bool
        "whether" between ``floor`` and ``anchor``.
    condition : Hit or None
        A conditional ("if") between ``floor`` and ``anchor``.
    lower : int
        Where the subject may start (after a leading condition).
    inside_condition, trailing : bool
        The issue is inside the condition; the condition trails a main clause.
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


def _cue_before(text: str, cues: list[Hit], floor: int, pos: int, max_words: int = 8) -> int | None:
    """Index of the last cue that ends before ``pos``, starts after ``floor`` and has at most
    ``max_words`` words between it and ``pos`` (None if there is none).

    Searched from the nearest cue back, stopping at the first one before ``floor``.
    """
    for j in range(bisect.bisect_right([c.end for c in cues], pos) - 1, -1, -1):
        if cues[j].start < floor:
            return None
        if gap_words(text, cues[j].end, pos) <= max_words:
            return j
    return None


def issue_cue(
    text: str,
    iss: Hit,
    found: dict[str, list[Hit]],
    deontic: list[Hit] | tuple[Hit, ...],
    lex: StanceLexicons,
    mentions: list[Hit],
) -> IssueCue:
    """The cue step of a claim: what gives the direction on issue ``iss`` of sentence ``text``.

    The nearest position cue before the issue in its clause (at most eight words before
    it, :func:`cue_value`; a negator between cue and issue flips it: "pledge to not join
    NATO"); with none, an obligation right before the issue ("must be demilitarized",
    +1); with none, a negated issue phrase ("no territorial concessions", -1).

    Parameters
    ----------
    text : str
        The sentence.
    iss : Hit
        The issue phrase.
    found : dict
        The sentence's ``cue``, ``possibility``, ``conditional`` and ``causative`` hits.
    deontic : sequence of Hit
        The sentence's deontic modals.
    lex : StanceLexicons
    mentions : list of Hit
        The actor mentions of the sentence (outside issue phrases).
    """
    cues, conds = found["cue"], found["conditional"]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, iss.start)]
    floor = breaks[-1] if breaks else 0
    cue_val, negated, cue_text = 0, False, ""
    cue_start = None
    k = _cue_before(text, cues, floor, iss.start)
    if k is not None:
        cue_val, negated, phrase_start = cue_value(text, cues, k, floor, lex, mentions)
        cue_start = cues[k].start
        cue_text = " ".join(text[phrase_start : cues[k].end].split())
        gap = text[cues[k].end : iss.start]  # a negator between cue and issue: "pledge to not join NATO"
        for h in negators(gap, lex):
            if not not_only(h, gap[h.end :]):
                cue_val, negated = -cue_val, True
                cue_text = " ".join(text[phrase_start : cues[k].end + h.end].split())
                break
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
        prev = words(text[floor : iss.start])[-2:]
        if prev and (prev[-1].lower() in _NEGATED_ISSUE or (len(prev) == 2 and prev[0].lower() == "no")):
            at = text.rfind(prev[-1] if prev[-1].lower() in _NEGATED_ISSUE else prev[0], floor, iss.start)
            cue_start, cue_text, cue_val, negated = at, text[at : iss.start].strip(), -1, True
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
    anchor = cue_start if cue_start is not None else iss.start
    question = bool(_QUESTION.search(text, floor, anchor))
    cond = next((c for c in conds if floor <= c.start < anchor), None)
    lower, inside_condition, trailing = floor, False, False
    if cond is not None:
        comma = text.find(",", cond.end)
        cond_end = comma if comma >= 0 else len(text)
        inside_condition = iss.start < cond_end
        trailing = len(words(text[floor : cond.start])) > 2
        if not trailing:
            lower = cond_end  # "If the West provides guarantees, Ukraine could ...": the subject follows
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
    )
