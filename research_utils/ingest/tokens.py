"""Word tokens without downloaded data.

:func:`words` keeps hyphenated words, contractions and possessives whole and writes
apostrophes as ``'``; dotted abbreviations (``U.S.``) and numbers (``3.5``, ``1,000``,
``1990s``) are single tokens. :func:`tokenise_sentences` finds the tokens of many
sentences in one pass (the document's parse uses it).
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["is_number", "tokenise_sentences", "word_spans", "words"]

# A token is, tried in this order: a dotted abbreviation (U.S., e.g.), a number (3.5, 1,000,
# 1990s, 24th) or a word with its apostrophes and hyphens. Every token starts with a letter or
# digit, so the pattern starts with that one character (the regex engine then skips quickly
# from candidate to candidate) and look-behinds tell the three kinds apart; this matches
# exactly what ``abbreviation|number|word`` would. The word alternative ends the pattern, so
# it is never backtracked into and its quantifiers can be possessive.
_WORD = re.compile(
    r"[^\W_](?:"
    r"(?<=[^\W\d_])\.(?:[^\W\d_]\.)+(?![^\W_])"  # dotted abbreviations: U.S., e.g.
    r"|(?<=\d)\d*(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?(?![^\W_])"  # numbers: 3.5, 1,000, 1990s, 24th
    r"|[^\W_]*+(?:[’'][^\W\d_]+)*+(?:[-‐‑][^\W_]+(?:[’'][^\W\d_]+)*+)*+"  # words (possessive: see below)
    r")"
)
# The same pattern for a text of ASCII stand-ins (see _ascii_stand_in: no ’, ‐ or ‑ left, so
# [’'] is ' and [-‐‑] is -), with explicit ranges, the first character split by kind instead
# of look-behinds, and the token captured, for re.split. The word alternative ends the
# pattern, so nothing after it can fail and it is never backtracked into: its quantifiers
# can be possessive (the same match, less bookkeeping for the engine).
_ASCII_WORD_REST = r"[A-Za-z0-9]*+(?:'[A-Za-z]+)*+(?:-[A-Za-z0-9]+(?:'[A-Za-z]+)*+)*+"
_WORD_SPLIT_ASCII = re.compile(
    r"([A-Za-z](?:\.(?:[A-Za-z]\.)+(?![A-Za-z0-9])|" + _ASCII_WORD_REST + r")"
    r"|[0-9](?:[0-9]*(?:[.,:][0-9]+)*(?:%|st|nd|rd|th|s)?(?![A-Za-z0-9])|" + _ASCII_WORD_REST + r"))"
)
_ASCII_BYTES = bytes(range(128))


def _ascii_stand_in(char: str) -> str:
    """An ASCII character that :data:`_WORD` treats exactly as it treats ``char``.

    Only the classes the pattern uses matter: a decimal digit (``\\d``), another letter or
    digit (``[^\\W_]``, i.e. ``str.isalnum``), an apostrophe, a hyphen, or anything else.
    """
    if char in "‐‑":
        return "-"
    if char == "’":
        return "'"
    if char.isdecimal():
        return "0"
    if char.isalnum():
        return "x"
    return "#"


_NUMBER = re.compile(r"\d[\d.,:]*(?:%|st|nd|rd|th|s)?")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` with apostrophes normalised to ``'``.

    Hyphenated words (``non-aligned``), contractions (``didn't``), possessives
    (``Ukraine's``), dotted abbreviations (``U.S.``) and numbers (``3.5``, ``1,000``,
    ``1990s``) are single tokens; punctuation is dropped. Case is kept.
    """
    return [m.group(0).replace("’", "'") for m in _WORD.finditer(text)]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Like :func:`words`, with each token's ``(start, end)`` in ``text``."""
    return [(m.start(), m.end(), m.group(0).replace("’", "'")) for m in _WORD.finditer(text)]


def is_number(token: str) -> bool:
    """True for numeric tokens such as ``1991``, ``3.5``, ``24th``, ``1990s``."""
    return bool(_NUMBER.fullmatch(token))


def tokenise_sentences(sents: list[str]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Tokens of all sentences in one regex pass: ``(tokens, starts, ends, sentence index)``.

    A sentence never contains a line break and a token never crosses one (the token
    pattern has no look-behind and stops at a line break as at the end of the text), so
    the tokens of the sentences joined by line breaks are the tokens of each sentence in
    turn. ``’`` and ``'`` play the same part in the pattern, so the text is normalised
    first. Splitting with the pattern captured gives the gaps between tokens too, hence
    every token's offset, without a Python call per token. An ASCII form of the pattern
    (:data:`_WORD_SPLIT_ASCII`) runs on a copy of the text whose few other characters are
    replaced by ASCII stand-ins of the same class (:func:`_ascii_stand_in`): the same
    tokens at the same offsets, found faster; the tokens that hold a letter or digit
    outside ASCII are then copied from the text itself (punctuation outside ASCII is never
    part of a token).
    """
    joined = "\n".join(sents).replace("’", "'")
    # The characters outside ASCII: UTF-8 keeps ASCII as single bytes and writes every other
    # character with bytes >= 128 only, so deleting the ASCII bytes leaves exactly those.
    others = set(
        joined.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    )
    stand_ins = {char: _ascii_stand_in(char) for char in others}
    ascii_text = joined
    for char, stand_in in stand_ins.items():
        ascii_text = ascii_text.replace(char, stand_in)
    parts = _WORD_SPLIT_ASCII.split(ascii_text)
    tokens = parts[1::2]
    n = len(tokens)
    tok_len = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    gap_len = np.fromiter(map(len, parts[0:-1:2]), dtype=np.int64, count=n)
    before = np.cumsum(tok_len) - tok_len  # characters of the tokens before each token
    starts = np.cumsum(gap_len) + before  # offsets in the joined text
    ends = starts + tok_len
    in_tokens = "".join(sorted(c for c, stand_in in stand_ins.items() if stand_in != "#"))
    if in_tokens and n:  # a stand-in that can be part of a token: copy those tokens from the text
        chars = re.compile("[" + re.escape(in_tokens) + "]")
        where = np.fromiter((m.start() for m in chars.finditer(joined)), dtype=np.int64)
        k = np.searchsorted(starts, where, side="right") - 1
        hit = (k >= 0) & (where < ends[np.maximum(k, 0)])
        for j in np.unique(k[hit]).tolist():
            tokens[j] = joined[starts[j] : ends[j]]
    sent_len = np.fromiter(map(len, sents), dtype=np.int64, count=len(sents))
    offsets = np.cumsum(sent_len + 1) - (sent_len + 1)  # where each sentence starts in it
    index = np.searchsorted(offsets, starts, side="right") - 1
    rel = starts - offsets[index] if n else starts
    return tokens, rel, rel + tok_len, index
