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
from typing import TYPE_CHECKING

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
_MARK = re.compile(r"(?:\.\.\.|[.!?…])+[" + re.escape(_CLOSERS) + r"]*")
_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])"  # dotted abbreviations: U.S., e.g.
    r"|\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?(?![^\W_])"  # numbers: 3.5, 1,000, 1990s, 24th
    r"|[^\W_]+(?:[’'][^\W\d_]+)*(?:[-‐‑][^\W_]+(?:[’'][^\W\d_]+)*)*"  # words
)
_NUMBER = re.compile(r"\d[\d.,:]*(?:%|st|nd|rd|th|s)?")


def _prev_token(text: str, end: int) -> str:
    """The whitespace-delimited token that ends at ``end``, without opening quotes."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"[" + re.escape(_OPENERS) + r"]*([^\W_][\w’'-]*)", text[pos:])
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match[str]) -> int | None:
    """Return the index where the next sentence starts, or None if ``m`` is no boundary."""
    end = m.end()
    mark = m.group(0)
    rest = text[end:]
    if not rest:
        return None
    glued = not rest[0].isspace()
    nxt_pos = end + (len(rest) - len(rest.lstrip()))
    if nxt_pos >= len(text):
        return None
    nxt_char = text[nxt_pos]
    word = _next_word(text, nxt_pos)
    prev = _prev_token(text, m.start())
    if glued:
        # A missing space: "threat.Russia" or "now,”said" never reach here; accept only
        # a lower-case word of two or more letters before and a capitalised word after.
        if not (re.fullmatch(r"[a-z]{2,}", prev) and re.match(r"[A-Z][a-z]", rest)):
            return None
        return end
    if nxt_char in _OPENERS:
        first = word[:1]
    else:
        first = nxt_char
    if first and first.islower():
        return None  # "e.g. the", "... and", "?” he asked"
    if not (first.isupper() or first.isdigit() or nxt_char in _OPENERS):
        return None
    core = mark.rstrip(_CLOSERS)
    if core != ".":
        return nxt_pos  # ! ? ... … (ellipsis before a capital ends a sentence)
    low = prev.lower().rstrip(".")
    if low in NEVER_END or re.fullmatch(r"[A-Z]", prev):
        return None  # Mr. Smith, J. R. R. Tolkien
    if low in BEFORE_NUMBER and first.isdigit():
        return None  # No. 5, Jan. 24
    if len(mark) > 1:
        return nxt_pos  # a closing quote or bracket follows the period
    if low in MAY_END or re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
        return nxt_pos if word.lower() in SENTENCE_OPENERS else None
    return nxt_pos


def split_sentences(text: str) -> list[str]:
    """Split text into sentences.

    Line breaks always end a sentence. Inside a line a sentence ends at ``.``, ``!``,
    ``?`` or an ellipsis, with any closing quotes or brackets, followed by white space
    and a capital letter, a digit or an opening quote, except after a title (Mr., Dr.,
    St.), an initial (J. R. R.), a Latin abbreviation (e.g., i.e.), a numbering
    abbreviation before a number (No. 5, Jan. 24), and after an abbreviation that may
    also end a sentence (U.S., etc., a.m., Inc.) unless the next word is a usual
    sentence opener (The, He, But...). A missing space ("threat.Russia") is a boundary
    when a lower-case word precedes it.

    Parameters
    ----------
    text : str
        Any text; straight or curly quotes.

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
                out.append(sent)
            start = nxt
        tail = line[start:].strip()
        if tail:
            out.append(tail)
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


@functools.lru_cache(maxsize=16)
def _sentences_cached(article: Article) -> pd.DataFrame:
    from research_utils.quotes import quote_spans

    rows = []
    sid = 0
    for pid, (para, section) in enumerate(zip(article.paragraphs, article.sections, strict=True)):
        quotes = quote_spans(para)
        for start, end in sentence_spans(para):
            inside = [
                (max(qs, start) - start, min(qe, end) - start) for qs, qe in quotes if qs < end and qe > start
            ]
            sent = para[start:end]
            rows.append(
                {
                    "sentence_id": sid,
                    "paragraph_id": pid,
                    "section": section,
                    "sentence": sent,
                    "start": start,
                    "end": end,
                    "words": len(_WORD.findall(sent)),
                    "quote_spans": tuple(inside),
                }
            )
            sid += 1
    return pd.DataFrame(
        rows,
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
