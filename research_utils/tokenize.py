"""Sentences and words without downloaded data.

:func:`split_sentences` is a rule-based splitter that knows English abbreviations
(titles, initials, dotted acronyms, Latin abbreviations, ``No. 5``), decimals, ellipses,
closing quotes and brackets, and a missing space after a sentence end. The test suite
compares it with NLTK's untrained Punkt and a plain regular expression on a set of
tricky cases (``tests/test_tokenize.py``).

:func:`words` keeps hyphenated words, contractions and possessives whole and writes
apostrophes as ``'``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from research_utils.article import Article

__all__ = [
    "is_number",
    "sentences",
    "split_sentences",
    "word_spans",
    "words",
]

# Abbreviations after which a period never ends a sentence (titles, Latin).
NEVER_END = frozenset(
    """mr mrs ms messrs dr prof st mt ft gen sen rep gov lt col sgt capt cpt maj adm cmdr
    rev hon pres supt det insp amb sec atty e.g i.e cf viz vs v approx dept est ca al
    fr""".split()
)
# Abbreviations that are followed by a number (No. 5, Jan. 24, p. 3).
BEFORE_NUMBER = frozenset(
    """no nos vol vols fig figs p pp art ch sec para jan feb mar apr jun jul aug sep sept
    oct nov dec ed eds""".split()
)
# Abbreviations that may also end a sentence: split only before a usual sentence opener.
MAY_END = frozenset("etc inc ltd co corp jr sr bros plc llc a.m p.m u.s u.k u.n e.u".split())
SENTENCE_OPENERS = frozenset(
    """the a an this that these those it its he she they we i you his her their our my
    there here but and or so yet however meanwhile moreover then in on at after before
    when while if as for with by from to of what who why how where which not no some
    many most all both each one two three""".split()
)

_CLOSERS = "”’\"')]}»"
_OPENERS = "“‘\"'([{«"
# A run of sentence marks (an ellipsis "..." is a run of periods) and any closing quotes or
# brackets; starting with a character class lets the regex engine skip to candidates quickly.
_MARK = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*")
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


def _prev_token(text: str, end: int) -> str:
    """The whitespace-delimited token that ends at ``end``, without opening quotes."""
    start = text.rfind(" ", 0, end) + 1
    token = text[start:end]
    if token and token.split() != [token]:  # other white space (tab, no-break space...) in it
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        token = text[start:end]
    return token.lstrip(_OPENERS)


_NEXT_WORD = re.compile(r"[" + re.escape(_OPENERS) + r"]*([^\W_][\w’'-]*)")
_LOWER_WORD = re.compile(r"[a-z]{2,}")
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_INITIAL = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match[str]) -> int | None:
    """Return the index where the next sentence starts, or None if ``m`` is no boundary."""
    end = m.end()
    n = len(text)
    if end >= n:
        return None
    glued = not text[end].isspace()
    nxt_pos = end
    while nxt_pos < n and text[nxt_pos].isspace():
        nxt_pos += 1
    if nxt_pos >= n:
        return None
    nxt_char = text[nxt_pos]
    if glued:
        # A missing space: "threat.Russia" or "now,”said" never reach here; accept only
        # a lower-case word of two or more letters before and a capitalised word after.
        prev = _prev_token(text, m.start())
        if not (_LOWER_WORD.fullmatch(prev) and _CAPITALISED.match(text, end)):
            return None
        return end
    word = _next_word(text, nxt_pos) if nxt_char in _OPENERS else None
    first = word[:1] if word is not None else nxt_char
    if first and first.islower():
        return None  # "e.g. the", "... and", "?” he asked"
    if not (first.isupper() or first.isdigit() or nxt_char in _OPENERS):
        return None
    mark = m.group(0)
    core = mark.rstrip(_CLOSERS)
    if core != ".":
        return nxt_pos  # ! ? ... … (ellipsis before a capital ends a sentence)
    prev = _prev_token(text, m.start())
    low = prev.lower().rstrip(".")
    if low in NEVER_END or _INITIAL.fullmatch(prev):
        return None  # Mr. Smith, J. R. R. Tolkien
    if low in BEFORE_NUMBER and first.isdigit():
        return None  # No. 5, Jan. 24
    if len(mark) > 1:
        return nxt_pos  # a closing quote or bracket follows the period
    if low in MAY_END or _DOTTED.fullmatch(low):
        if word is None:
            word = _next_word(text, nxt_pos)
        return nxt_pos if word.lower() in SENTENCE_OPENERS else None
    return nxt_pos


MAX_SENTENCE_WORDS: int = 150
"""Longest sentence kept whole, in white-space-separated words. A longer stretch (a list
without punctuation, a scraped page run together) is cut into pieces of at most this many
words at white space, so that no analysis of a sentence grows with the length of the text.
News sentences rarely pass 80 words; each cut is counted and reported."""

_NON_SPACE = re.compile(r"\S+")


def _cut_long(sentence: str, limit: int) -> list[str]:
    """``sentence`` cut at white space into pieces of at most ``limit`` words."""
    if sentence.count(" ") < limit and len(sentence) < limit * 40:
        return [sentence]
    starts = [m.start() for m in _NON_SPACE.finditer(sentence)]
    if len(starts) <= limit:
        if len(sentence) < limit * 40:
            return [sentence]
        # very long "words" (no spaces): cut by characters
        size = limit * 40
        return [sentence[i : i + size] for i in range(0, len(sentence), size)]
    pieces = []
    for k in range(0, len(starts), limit):
        end = starts[k + limit] if k + limit < len(starts) else len(sentence)
        pieces.extend(_cut_long(sentence[starts[k] : end].rstrip(), limit))
    return pieces


def split_sentences(text: str, max_words: int = MAX_SENTENCE_WORDS) -> list[str]:
    """Split text into sentences.

    Line breaks always end a sentence. Inside a line a sentence ends at ``.``, ``!``,
    ``?`` or an ellipsis, with any closing quotes or brackets, followed by white space
    and a capital letter, a digit or an opening quote, except after a title (Mr., Dr.,
    St.), an initial (J. R. R.), a Latin abbreviation (e.g., i.e.), a numbering
    abbreviation before a number (No. 5, Jan. 24), and after an abbreviation that may
    also end a sentence (U.S., etc., a.m., Inc.) unless the next word is a usual
    sentence opener (The, He, But...). A missing space ("threat.Russia") is a boundary
    when a lower-case word precedes it. A sentence longer than ``max_words`` words is
    cut at white space into pieces of at most ``max_words`` words
    (:data:`MAX_SENTENCE_WORDS`).

    Parameters
    ----------
    text : str
        Any text; straight or curly quotes.
    max_words : int
        Longest sentence kept whole.

    Returns
    -------
    list of str
        Sentences, stripped, in order; no empty strings.
    """
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _MARK.finditer(line):
            nxt = _is_boundary(line, m)
            if nxt is None:
                continue
            sent = line[start : m.end()].strip()
            if sent:
                out.extend(_cut_long(sent, max_words))
            start = nxt
        tail = line[start:].strip()
        if tail:
            out.extend(_cut_long(tail, max_words))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of :func:`split_sentences` in ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sent in split_sentences(text):
        start = text.index(sent, pos)
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return spans


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


@dataclass(frozen=True)
class _Tokenised:
    """The body sentences of an article and their word tokens, as plain lists and arrays.

    Sentence ``i`` (``sentence_id`` ``i``) spans ``start[i]:end[i]`` of its paragraph
    (its quotations: :func:`_sentence_quotes`). Token ``j`` is ``token[j]``
    (apostrophes written ``'``) at ``token_start[j]:token_end[j]`` of sentence
    ``token_sentence[j]``. Cached per article: read-only.
    """

    paragraph_id: list[int]
    section: list[str]
    sentence: list[str]
    start: list[int]
    end: list[int]
    words: np.ndarray
    token: list[str]
    token_start: np.ndarray
    token_end: np.ndarray
    token_sentence: np.ndarray


def _tokenise_joined(sents: list[str]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
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


@functools.lru_cache(maxsize=16)
def _tokenised(article: Article) -> _Tokenised:
    pids: list[int] = []
    sections: list[str] = []
    sents: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for pid, (para, section) in enumerate(zip(article.paragraphs, article.sections, strict=True)):
        for start, end in sentence_spans(para):
            pids.append(pid)
            sections.append(section)
            sents.append(para[start:end])
            starts.append(start)
            ends.append(end)
    if any("\n" in sent for sent in sents):  # not from split_sentences: tokenise one by one
        spans = [word_spans(sent) for sent in sents]
        tokens = [t for ws in spans for _, _, t in ws]
        tok_start = np.array([a for ws in spans for a, _, _ in ws], dtype=np.int64)
        tok_end = np.array([b for ws in spans for _, b, _ in ws], dtype=np.int64)
        index = np.repeat(np.arange(len(sents), dtype=np.int64), [len(ws) for ws in spans])
    else:
        tokens, tok_start, tok_end, index = _tokenise_joined(sents)
    return _Tokenised(
        paragraph_id=pids,
        section=sections,
        sentence=sents,
        start=starts,
        end=ends,
        words=np.bincount(index, minlength=len(sents)).astype(np.int64),
        token=tokens,
        token_start=tok_start,
        token_end=tok_end,
        token_sentence=index,
    )


@functools.lru_cache(maxsize=16)
def _sentence_quotes(article: Article) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each sentence, the ``(start, end)`` offsets in the sentence of the quotations
    (:func:`research_utils.quotes.quote_spans`) it overlaps (cached)."""
    from research_utils.quotes import quote_spans

    tk = _tokenised(article)
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    out = []
    for pid, start, end in zip(tk.paragraph_id, tk.start, tk.end, strict=True):
        quotes = by_paragraph.get(pid)
        if quotes is None:
            quotes = by_paragraph[pid] = quote_spans(article.paragraphs[pid])
        out.append(
            tuple(
                (max(qs, start) - start, min(qe, end) - start) for qs, qe in quotes if qs < end and qe > start
            )
            if quotes
            else ()
        )
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _sentences_cached(article: Article) -> pd.DataFrame:
    tk = _tokenised(article)
    return pd.DataFrame(
        {
            "sentence_id": list(range(len(tk.sentence))),
            "paragraph_id": tk.paragraph_id,
            "section": tk.section,
            "sentence": tk.sentence,
            "start": tk.start,
            "end": tk.end,
            "words": tk.words.tolist(),
            "quote_spans": list(_sentence_quotes(article)),
        },
        columns=[
            "sentence_id",
            "paragraph_id",
            "section",
            "sentence",
            "start",
            "end",
            "words",
            "quote_spans",
        ],
    )


def sentences(article: Article) -> pd.DataFrame:
    """The body sentences of an article, one row each.

    Returns
    -------
    DataFrame
        ``sentence_id`` (0-based, article order), ``paragraph_id`` (0-based body
        paragraph), ``section`` (heading above it, or ""), ``sentence``, ``start`` and
        ``end`` (character offsets in the paragraph), ``words`` (token count), and
        ``quote_spans`` (tuple of ``(start, end)`` offsets *in the sentence* of text
        inside quotation marks; quotes may span sentences).
    """
    return _sentences_cached(article).copy()
