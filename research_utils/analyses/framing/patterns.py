"""Lexicon regular expressions in many sentences: which sentences need to be searched.

A lexicon's ``patterns`` are regular expressions run on each sentence on its own, through
:class:`research_utils.lexicons.UserPattern` (the ``regex`` engine, with a time bound per
call). A call per sentence is what a long text cannot afford (ten thousand sentences and
a dozen expressions are a hundred thousand calls), so :func:`sentences_to_search` first
finds, with a few searches over sentences joined by line breaks, the sentences where an
expression may match; only those are then searched one by one. The result is the same as
searching every sentence (see :func:`sentences_to_search` for why), for every expression
that :func:`is_local` accepts; the others are searched in every sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np

from research_utils.ingest import Document
from research_utils.lexicons import PATTERN_TIMEOUT_S, UserPattern

__all__ = ["SEARCH_CHUNK", "Chunk", "document_chunks", "is_local", "sentences_to_search"]

_FLAG_GROUP = re.compile(r"\(\?([a-zA-Z0-9-]+)[:)]")
_LOCAL_FLAGS = frozenset("isauLV01-")
"""Inline flags that change nothing at a sentence's ends: case, dot-all, ASCII/Unicode/locale, version."""


def is_local(pattern: str) -> bool:
    """Whether a regular expression matches in a sentence alone exactly where it matches at
    the same place in the sentence among others (joined by line breaks).

    False when the expression holds what looks past a sentence's ends or depends on where
    the search started: ``^`` or ``$`` outside a character class, ``\\A``, ``\\Z``, ``\\z``,
    ``\\G``, ``\\K``, a negative look-around, a backtracking verb ``(*...)``, an atomic group
    or a possessive quantifier (which may stop a match that a sentence alone allows), fuzzy
    matching, or an inline flag other than case, dot-all, character set and version.
    Word boundaries and positive look-arounds read the same characters either way (a line
    break is not a word character, as the text's start is not).
    """
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if pattern[i + 1 : i + 2] in ("A", "Z", "z", "G", "K"):
                return False
            i += 2
            continue
        if c == "[":  # skip the class: [^...] is a negation, a ] right after [ or [^ is literal
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if c in "^$":
            return False
        if c in "*+?}" and pattern[i + 1 : i + 2] == "+":  # possessive quantifier
            return False
        if c == "{" and pattern[i + 1 : i + 2] in ("e", "i", "d", "s"):  # fuzzy matching
            return False
        if c == "(":
            if pattern.startswith(("(?!", "(?<!", "(*", "(?>"), i):
                return False
            flags = _FLAG_GROUP.match(pattern, i)
            if flags is not None and set(flags.group(1)) - _LOCAL_FLAGS:
                return False
        i += 1
    return True


SEARCH_CHUNK = 256
"""Sentences searched together when a regular expression is looked for (see
:func:`sentences_to_search`)."""


@dataclass(frozen=True)
class Chunk:
    """Consecutive sentences ``first, first + 1, ...`` joined by line breaks; sentence ``k``
    of the chunk starts at ``starts[k]`` of ``text`` (``starts[-1]`` is past the end)."""

    first: int
    text: str
    starts: list[int]


def document_chunks(doc: Document) -> list[Chunk] | None:
    """The body sentences of ``doc`` in chunks of :data:`SEARCH_CHUNK` (kept with the
    document); None when a sentence holds a line break (the chunks would be ambiguous)."""

    def compute() -> list[Chunk] | None:
        sents = doc.parsed.sentence
        if any("\n" in s for s in sents):
            return None
        out = []
        for lo in range(0, len(sents), SEARCH_CHUNK):
            chunk = sents[lo : lo + SEARCH_CHUNK]
            starts = np.cumsum([0, *(len(s) + 1 for s in chunk)]).tolist()
            out.append(Chunk(lo, "\n".join(chunk), starts))
        return out

    return doc.memo(("framing.chunks", SEARCH_CHUNK), compute)


def sentences_to_search(
    pattern: UserPattern, sents: list[str], chunks: list[Chunk] | None
) -> list[int] | range:
    """The sentences in which ``pattern`` may match: a superset, found with few searches.

    A lexicon regular expression is run on every sentence on its own (its matches never
    cross a sentence end). Running it on each of thousands of sentences costs a call per
    sentence, so the sentences are first searched joined by line breaks
    (:func:`document_chunks`): from the start of a chunk, the first match anywhere marks
    the sentence it starts in, and the next search starts at the sentence after. For an
    expression without anchors, negative look-arounds and the like (:func:`is_local`), a
    match inside a sentence alone is also a match at the same place in the joined text
    (the characters it reads and the word boundaries it tests are the same), so every
    sentence that holds a match is marked: the first match found from any earlier start
    lies at or before it, and a search never starts after it unless it was marked. Other
    expressions (and ``chunks=None``) get every sentence; so do the sentences of a chunk
    not yet decided when a search exceeds the time bound.
    """
    if chunks is None or not is_local(pattern.text):
        return range(len(sents))
    out: list[int] = []
    for chunk in chunks:
        starts = chunk.starts
        k, pos = 0, 0
        try:
            while pos <= len(chunk.text):
                m = pattern.pattern.search(chunk.text, pos, timeout=PATTERN_TIMEOUT_S)
                if m is None:
                    break
                k = bisect.bisect_right(starts, m.start()) - 1  # a line break goes with the sentence before
                out.append(chunk.first + k)
                pos = starts[k + 1]
                k += 1
        except TimeoutError:
            out += range(chunk.first + k, chunk.first + len(starts) - 1)  # not decided yet: one by one
    return out
