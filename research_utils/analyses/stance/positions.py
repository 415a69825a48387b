"""The direction of a position cue: its polarity, negation, and cues chained before it.

A support cue (*accept, agree, want*) is +1, an oppose cue (*reject, abandon, give up*)
-1; a negator up to three words before the cue flips it (*did not accept* = -1,
*never renounced* = +1) and a cue chained right before it multiplies it (*willing to
abandon* = -1, *unwillingness to abandon* = +1). Lexicon ``position_cues``. Everything
here looks inside one sentence.
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import gap_words
from research_utils.lexicons import Hit

__all__ = ["chained", "cue_value", "negation", "negators", "not_only"]

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
