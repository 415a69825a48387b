"""Sentences and quotations of a paragraph, without downloaded data.

:func:`split_sentences` is a rule-based splitter that knows English abbreviations
(titles, initials, dotted acronyms, Latin abbreviations, ``No. 5``), decimals, ellipses,
closing quotes and brackets, and a missing space after a sentence end; a sentence
longer than :data:`MAX_SENTENCE_WORDS` words is cut at white space. The test suite
compares it with NLTK's untrained Punkt and a plain regular expression on a set of
tricky cases (``tests/test_tokenize.py``).

:func:`quote_spans` finds the quotations of a paragraph: text inside double quotation
marks (“…”; straight quotes are made curly by the repairs) or inside paired single
quotes (‘…’, told apart from apostrophes by position) is *quoted*; everything else is the
author's voice. A quote not closed by the end of its paragraph runs to the end of the
paragraph (the news convention for a quote that continues in the next paragraph).
Known weakness: scare quotes (‘Marshall Plan’) and quoted terms (“neutrality”) are
counted as quoted voice, although the author chose to write them.
"""

from __future__ import annotations

import bisect
import re

__all__ = [
    "MAX_SENTENCE_WORDS",
    "quote_spans",
    "sentence_spans",
    "split_counting_cuts",
    "split_sentences",
    "voice_of_span",
]

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
    return split_counting_cuts(text, max_words)[0]


def split_counting_cuts(text: str, max_words: int = MAX_SENTENCE_WORDS) -> tuple[list[str], int]:
    """:func:`split_sentences`, and how many overlong sentences were cut into pieces."""
    out: list[str] = []
    cuts = 0

    def add(sentence: str) -> None:
        nonlocal cuts
        pieces = _cut_long(sentence, max_words)
        cuts += len(pieces) > 1
        out.extend(pieces)

    for line in text.split("\n"):
        start = 0
        for m in _MARK.finditer(line):
            nxt = _is_boundary(line, m)
            if nxt is None:
                continue
            sent = line[start : m.end()].strip()
            if sent:
                add(sent)
            start = nxt
        tail = line[start:].strip()
        if tail:
            add(tail)
    return out, cuts


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of :func:`split_sentences` in ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sent in split_sentences(text):
        start = text.index(sent, pos)
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return spans


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘")
_SINGLE_CLOSE = re.compile(r"’(?![^\W_])")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of quoted text, quotation marks included.

    Parameters
    ----------
    text : str
        One paragraph of repaired text.

    Returns
    -------
    list of tuple
        Non-overlapping spans in order.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        start = text.find("“", pos)
        if start < 0:
            break
        close = text.find("”", start + 1)
        reopen = text.find("“", start + 1)
        if close < 0:
            spans.append((start, n))
            break
        if 0 <= reopen < close:  # an unclosed quote followed by a new one
            spans.append((start, reopen))
            pos = reopen
            continue
        spans.append((start, close + 1))
        pos = close + 1
    if "‘" in text:
        double = list(spans)  # sorted and non-overlapping: a binary search finds the one around s
        starts = [a for a, _ in double]
        for m in _SINGLE_OPEN.finditer(text):
            s = m.start()
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and s < double[k][1]:
                continue  # inside a double quotation
            c = _SINGLE_CLOSE.search(text, s + 1, s + 202)
            if c:
                spans.append((s, c.end()))
    return sorted(spans)


def voice_of_span(spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> str:
    """``'quoted'`` if the middle of ``[start, end)`` lies in one of ``spans``, else ``'author'``."""
    mid = (start + end) / 2
    return "quoted" if any(a <= mid < b for a, b in spans) else "author"
