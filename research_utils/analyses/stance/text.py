"""Small word-order helpers and closed word lists shared by attribution, markers and claims.

Everything here works inside one sentence (or one paragraph for quotes), so its cost is
bounded by the longest sentence (:data:`~research_utils.ingest.sentences.MAX_SENTENCE_WORDS`)
and never grows with the length of the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = [
    "BE_FORMS",
    "DATELINE_AGENCY",
    "DATELINE_DATE",
    "DETERMINERS",
    "FIRST_PERSON",
    "HEARER_VERBS",
    "NOUN_DETERMINERS",
    "PRONOUNS",
    "QUOTE_CHARS",
    "WEEKDAYS",
    "WEEKDAYS_PATTERN",
    "gap_words",
    "in_spans",
    "previous_word",
    "sentence_at",
    "sentences_between",
]

DETERMINERS = frozenset("a an the this that these those its his her their our my your some any".split())
"""Words that make the next word a noun ("a state that", "the need to")."""
NOUN_DETERMINERS = frozenset("a an the its his her their our my your no".split())
"""Determiners before a modal that make it a noun ("the need to sign")."""
BE_FORMS = frozenset("is are was were be been being".split())
"""Forms of *be*: before a reporting verb they make a passive ("it was said that")."""
PRONOUNS = frozenset("he she they".split())
"""Pronoun speakers that take the previous speaker."""
FIRST_PERSON = frozenset("we i".split())
"""First-person speakers: in author voice they are the author ("We can say that ...")."""
HEARER_VERBS = frozenset("tell ask remind warn urge assure inform".split())
"""Reporting verbs followed by the hearer ("told reporters")."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days news copy dates speech by ("said on Tuesday", "The Kremlin on Wednesday said")."""
WEEKDAYS_PATTERN = "|".join(WEEKDAYS)
"""The weekdays as a regular-expression alternation (capitalised, as news copy writes them)."""
DATELINE_DATE = r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
"""The date part of a dateline, after its place: ", March 3", ", Feb. 25"."""
DATELINE_AGENCY = r"\([A-Z][\w ]+\)"
"""The agency part of a dateline, after its place: "(Reuters)", "(AP)"."""

QUOTE_CHARS = "“”‘’\"'"
"""Quotation marks stripped from the ends of author or quoted text."""


def gap_words(text: str, a: int, b: int) -> int:
    """Number of words in ``text[a:b]`` (0 when ``b <= a``)."""
    return len(words(text[a:b])) if b > a else 0


def previous_word(text: str, pos: int) -> str:
    """The lower-cased word right before offset ``pos`` of ``text`` ("" at the start)."""
    ws = words(text[:pos])
    return ws[-1].lower() if ws else ""


def in_spans(h: Hit, spans: Sequence[Hit]) -> bool:
    """True when hit ``h`` lies inside one of ``spans`` ("NATO" inside "NATO membership")."""
    return any(s.start <= h.start and h.end <= s.end for s in spans)


def sentence_at(starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding offset ``pos``: the last whose start is at or before it.

    ``starts`` are the sentences' start offsets in their paragraph, in order; a position
    before the first sentence gives 0. Binary search: O(log n) in the paragraph's sentences.
    """
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def sentences_between(
    starts: Sequence[int], ends: Sequence[int], a: int, b: int, lo: int = 0, hi: int | None = None
) -> range:
    """Indices of the sentences that overlap ``[a, b)`` (sentences sorted, not overlapping).

    ``lo`` and ``hi`` bound the search to ``starts[lo:hi]`` (one paragraph of a longer
    list). Binary search on both ends: O(log n), then the range itself.
    """
    hi = len(starts) if hi is None else hi
    return range(bisect.bisect_right(ends, a, lo, hi), bisect.bisect_left(starts, b, lo, hi))
