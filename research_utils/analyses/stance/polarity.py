"""The direction of a position cue: its polarity, negation, and cues chained before it.

A support cue (*accept, agree, want*) is +1, an oppose cue (*reject, abandon, give up*)
-1; a negator up to three words before the cue flips it (*did not accept* = -1,
*never renounced* = +1) and a cue chained right before it multiplies it (*willing to
abandon* = -1, *unwillingness to abandon* = +1). Lexicon ``position_cues``. Everything
here looks inside one sentence; :mod:`~.positions` uses it to give a claim its direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import gap_words
from research_utils.lexicons import Hit

__all__ = ["CHAIN_BREAK", "TOKEN", "chain", "chained", "cue_value", "negation", "negators", "not_only"]

TOKEN = re.compile(r"[\w’'-]+")
_NOT_ONLY = re.compile(r"\s+only\b", re.IGNORECASE)
_CONTRACTED_NEGATION = re.compile(r"\b\w*[a-z]n['’]t\b", re.IGNORECASE)
CHAIN_BREAK = re.compile(r"[,;:.]|\b(?:and|but|while|whereas|although|said|says|told)\b", re.IGNORECASE)
"""What ends a chain of cues: punctuation, a conjunction or a reporting verb ("thanked the US for its
support but said Ukraine needs ...": two positions)."""


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
    toks = [m.start() for m in TOKEN.finditer(text, floor, pos)]
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
    """Index of the cue right before cue ``idx`` (at most ``max_words`` words between, no
    punctuation, conjunction or reporting verb: :data:`CHAIN_BREAK`)."""
    c = cues[idx]
    for j in range(idx - 1, -1, -1):
        p = cues[j]
        if p.end <= c.start and p.start >= floor:
            if gap_words(text, p.end, c.start) <= max_words and not CHAIN_BREAK.search(text, p.end, c.start):
                return j
            return None
    return None


def chain(
    text: str,
    cues: list[Hit],
    idx: int,
    floor: int,
    lex: StanceLexicons,
    blockers: Sequence[Hit],
    depth: int = 0,
) -> tuple[int, bool, int, bool]:
    """The value of the chain of cues that ends at cue ``idx``, whether a negator flipped it,
    where it starts, and whether it ends in a refused neutral cue ("will not discuss")."""
    c = cues[idx]
    prev_idx = chained(text, cues, idx, floor) if depth < 3 else None
    if prev_idx is not None and any(cues[prev_idx].end <= m.start and m.end <= c.start for m in blockers):
        prev_idx = None
    neg_floor = cues[prev_idx].end if prev_idx is not None else floor
    neg_at = negation(text, neg_floor, c.start, lex)
    before, negated, start = (-1 if neg_at is not None else 1), neg_at is not None, c.start
    if neg_at is not None:
        start = neg_at
    if prev_idx is not None:
        pval, pneg, pstart, _ = chain(text, cues, prev_idx, floor, lex, blockers, depth + 1)
        before *= pval
        negated = negated or pneg
        start = min(start, pstart)
    if c.key == "neutral":  # takes no side, unless what comes before refuses it
        return (-1 if before < 0 else 0), negated, start, before < 0
    return before * (-1 if c.key == "oppose" else 1), negated, start, False


def cue_value(
    text: str,
    cues: list[Hit],
    idx: int,
    floor: int,
    lex: StanceLexicons,
    mentions: Sequence[Hit],
) -> tuple[int, bool, int]:
    """Signed value of cue ``idx``: its polarity, flipped by a negator, times a cue chained before it.

    A cue is chained to the one before it ("willing to abandon") only when no actor or
    issue phrase stands between them (``mentions``: "rejected Moscow's demand for" is two
    claims by two actors; "drop its NATO bid in exchange for" gives each issue its own
    cue); chains are followed at most three cues back. A neutral cue ("discuss",
    "consider") takes no side and makes the chain 0 ("ready to discuss", "considering
    abandoning"), unless what comes before it refuses it: "will not discuss" and
    "refused to discuss" are -1, a refusal to negotiate the issue. Returns the value,
    whether a negator flipped it, and where the cue phrase starts (the negator or the
    first chained cue), so that ``text[start:cue.end]`` is the evidence ("never
    renounced", "unwillingness to abandon").
    """
    val, negated, start, _ = chain(text, cues, idx, floor, lex, mentions)
    return val, negated, start
