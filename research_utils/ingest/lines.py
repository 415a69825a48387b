"""The lines of a text file: blocks (paragraphs) and rough word counts.

Saved text usually has one paragraph per line (no blank lines), hand-made files have blank
lines between paragraphs, and some files are hard-wrapped at 60-80 characters.
:func:`blocks_from_text` makes one block per line and joins lines only on evidence of hard
wrapping. :func:`word_count` and :func:`has_words` count rough word tokens, the unit of
the role rules' length limits in :mod:`research_utils.ingest.structure`.
"""

from __future__ import annotations

import itertools
import re

from research_utils.ingest.furniture import LIST_ITEM, is_timestamp

__all__ = ["blocks_from_text", "ends_sentence", "has_words", "word_count", "word_tokens"]

_END_PUNCT = re.compile(r"[.!?:;…]['\"”’)\]]*$")
"""Sentence punctuation at the end of a line, perhaps before closing quotes or brackets."""


def ends_sentence(text: str) -> bool:
    """``_END_PUNCT.search(text)`` for a text without line breaks, without a regex scan:
    the last character that is not a closing quote or bracket is sentence punctuation."""
    core = text.rstrip("'\"”’)]")
    return bool(core) and core[-1] in ".!?:;…"


_WRAP_MAX = 100
"""Hard-wrapped text is cut at 60-80 characters, rarely more than 100."""


def _soft_breaks(lines: list[str]) -> list[bool]:
    """For each line but the last, whether it continues on the next line (hard wrapping).

    A chunk counts as hard-wrapped when at most a fifth of its lines exceed 100 characters,
    its wrap width (the longest line up to 100 characters) is at least 50, at least half of its
    line breaks are soft (the line is filled so that the next word would not have fitted, or it
    ends mid-sentence and the next line goes on in lower case) and most soft breaks fall
    mid-sentence. A date line (a timestamp under a title) is never joined to its neighbours.
    One-paragraph-per-line text fails these tests: its lines vary in length, many
    are long, and they end with sentence punctuation.
    """
    n = len(lines)
    none = [False] * (n - 1)
    lengths = [len(x) for x in lines]
    short = [x for x in lengths if x <= _WRAP_MAX]
    if n < 2 or (n - len(short)) * 5 > n or not short or max(short) < 50:
        return none
    width = max(short)
    soft: list[bool] = []
    mid_sentence = 0
    for a, b in itertools.pairwise(lines):
        if len(a) > _WRAP_MAX or LIST_ITEM.match(b) or is_timestamp(b) or is_timestamp(a):
            soft.append(False)  # a list item, or a page header's date line under a title
            continue
        open_end = not ends_sentence(a)
        # a line that ends a sentence before a capital must be full to the width to run on
        slack = 0.85 if open_end or not b[:1].isupper() else 1.0
        filled = len(a) + 1 + len(b.split(" ", 1)[0]) > slack * width
        soft.append(filled or (open_end and len(a) >= 0.6 * width and b[:1].islower()))
        mid_sentence += soft[-1] and open_end
    count = sum(soft)
    if count == 0 or count * 2 < n - 1 or mid_sentence * 2 < count:
        return none
    return soft


def blocks_from_text(text: str) -> list[str]:
    """Split text into blocks: one per line, except that hard-wrapped lines are joined."""
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        current = lines[0]
        for line, soft in zip(lines[1:], _soft_breaks(lines), strict=False):
            if soft:
                current += " " + line
            else:
                blocks.append(current)
                current = line
        blocks.append(current)
    return blocks


_WORD_COUNT = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
"""The one pattern of rough word counts (the role rules here, word overlap in
:mod:`research_utils.validation`)."""


def word_tokens(text: str) -> list[str]:
    """Rough word tokens of a line (letters and digits, inner apostrophes and hyphens): the
    unit of the role rules' length limits and of word overlap in the validation, cheaper
    than the full tokenizer."""
    return _WORD_COUNT.findall(text)


def word_count(text: str) -> int:
    """Number of :func:`word_tokens` in ``text``."""
    return len(_WORD_COUNT.findall(text))


def has_words(text: str, n: int) -> bool:
    """True when ``text`` has at least ``n`` :func:`word_tokens` (stops counting at ``n``:
    the role rules ask this of whole paragraphs)."""
    return n <= 0 or next(itertools.islice(_WORD_COUNT.finditer(text), n - 1, None), None) is not None
