"""Repair scraping damage in decoded text, counting every repair.

Unicode normalisation, line endings, non-breaking and invisible characters, quote
variants made curly, primes used as apostrophes, spaced hyphens as dashes, closing
quotes glued to the next word, repeated spaces. Each repair is counted so that the
report can say what was changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["repair_text"]

_REPAIRS: tuple[tuple[str, re.Pattern[str], str, tuple[str, ...]], ...] = (
    # (name, pattern, replacement, triggers): the pattern can only match a text that
    # contains one of the trigger strings, so texts without any are not scanned. Look-behinds
    # come after the first character, which lets the regex engine skip to candidates quickly.
    (
        "non-breaking or special space",
        re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]"),
        " ",
        ("\u00a0", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000"),
    ),
    (
        "invisible character removed",
        re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]"),
        "",
        ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"),
    ),
    ("low or guillemet quote made curly", re.compile(r"[„«]"), "“", ("„", "«")),
    ("guillemet closing quote made curly", re.compile(r"»"), "”", ("»",)),
    ("reversed quote made curly", re.compile(r"‟"), "“", ("‟",)),
    ("prime or grave used as apostrophe", re.compile(r"[`´′](?<=\w[`´′])(?=\w)"), "’", ("`", "´", "′")),
    (
        "spaced hyphen made a dash",
        re.compile(r" (?=[-‒–—―])(?<=\S )(?:-{1,2}|[‒–—―]) (?=\S)"),
        " — ",
        ("-", "‒", "–", "—", "―"),
    ),
    ("double hyphen made a dash", re.compile(r"--(?<=\w--)(?=\w)"), "—", ("--",)),
    ("closing quote glued to next word", re.compile(r"”(?=[^\W\d_])"), "” ", ("”",)),
    ("straight closing quote glued to next word", re.compile(r'"(?<=[.,!?]")(?=[^\W\d_])'), '" ', ('"',)),
    ("repeated spaces", re.compile(r"[ \t]{2,}"), " ", ("  ", "\t")),
)


def _straight_quotes(text: str) -> tuple[str, int]:
    """Turn straight double quotes into curly ones by position, line by line.

    A quote after white space, an opening bracket or a dash opens; a quote before white
    space or punctuation closes; otherwise it alternates with the previous quote.
    """
    count = 0
    out_lines = []
    for line in text.split("\n"):
        if '"' not in line:
            out_lines.append(line)
            continue
        chars = list(line)
        opened = False
        for i, ch in enumerate(chars):
            if ch != '"':
                continue
            prev = chars[i - 1] if i else " "
            nxt = chars[i + 1] if i + 1 < len(chars) else " "
            if prev.isspace() or prev in "([{—–/":
                opening = True
            elif nxt.isspace() or nxt in ".,;:!?)]}—–":
                opening = False
            else:
                opening = not opened
            chars[i] = "“" if opening else "”"
            opened = opening
            count += 1
        out_lines.append("".join(chars))
    return "\n".join(out_lines), count


def repair_text(text: str) -> tuple[str, dict[str, int]]:
    """Repair common scraping damage and return the text and a count per repair.

    Repairs: Unicode NFC normalisation, line endings, non-breaking and special spaces,
    invisible characters, quote variants (low, guillemet, reversed and straight quotes
    become curly “ ”), primes used as apostrophes, spaced hyphens as dashes, a closing
    quote glued to the next word (``,”When`` becomes ``,” When``), repeated spaces.
    Apostrophes stay typographic (’) in the text; the word tokenizer normalises them.

    Parameters
    ----------
    text : str
        Raw decoded text.

    Returns
    -------
    tuple of (str, dict)
        The repaired text and ``{repair name: number of places changed}``.
    """
    counts: Counter[str] = Counter()
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        counts["Unicode normalised (NFC)"] += 1
    text = nfc
    crlf = text.count("\r")
    if crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        counts["Windows or old Mac line ending"] += crlf
    text, n = _straight_quotes(text)
    if n:
        counts["straight double quote made curly"] += n
    for name, pattern, repl, triggers in _REPAIRS:
        if not any(t in text for t in triggers):
            continue  # nothing to repair: the pattern cannot match
        text, n = pattern.subn(repl, text)
        if n:
            counts[name] += n
    text = "\n".join(line.strip() for line in text.split("\n"))
    return text, dict(counts)
