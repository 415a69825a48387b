"""Quotation spans and the author/quoted voice of every stretch of text.

A news article speaks in two voices: the author's, and the words it quotes. A quoted
"must be demilitarized" is not the author's demand, so every stance and framing measure
can be split by voice. Text inside double quotation marks (“…”; straight quotes are made
curly by :func:`research_utils.article.repair_text`) or inside paired single quotes
(‘…’, told apart from apostrophes by position) is ``quoted``; everything else is
``author``. A quote that is not closed by the end of its paragraph runs to the end of
the paragraph (the news convention for a quote that continues in the next paragraph).

Known weakness: scare quotes (‘Marshall Plan’) and quoted terms (“neutrality”) are
counted as quoted voice, although the author chose to write them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from research_utils.article import Article

__all__ = ["quote_spans", "segments", "voice_of_span"]

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
    for m in _SINGLE_OPEN.finditer(text) if "‘" in text else ():
        s = m.start()
        if any(a <= s < b for a, b in spans):
            continue
        c = _SINGLE_CLOSE.search(text, s + 1)
        if c and c.start() - s <= 200:
            spans.append((s, c.end()))
    return sorted(spans)


def voice_of_span(spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> str:
    """``'quoted'`` if the middle of ``[start, end)`` lies in one of ``spans``, else ``'author'``."""
    mid = (start + end) / 2
    return "quoted" if any(a <= mid < b for a, b in spans) else "author"


def segments(article: Article) -> pd.DataFrame:
    """Cut every body sentence into author and quoted stretches.

    Returns
    -------
    DataFrame
        ``sentence_id``, ``paragraph_id``, ``segment`` (0-based within the sentence),
        ``voice`` (``author`` or ``quoted``), ``text``, ``start`` and ``end`` (offsets in
        the sentence). Stretches that are only punctuation or space are dropped.
    """
    from research_utils.tokenize import sentences

    rows = []
    for row in sentences(article).itertuples(index=False):
        cuts = []
        pos = 0
        for a, b in row.quote_spans:
            if a > pos:
                cuts.append(("author", pos, a))
            cuts.append(("quoted", a, b))
            pos = b
        if pos < len(row.sentence):
            cuts.append(("author", pos, len(row.sentence)))
        k = 0
        for voice, a, b in cuts:
            piece = row.sentence[a:b]
            if not re.search(r"[^\W_]", piece):
                continue
            rows.append(
                {
                    "sentence_id": row.sentence_id,
                    "paragraph_id": row.paragraph_id,
                    "segment": k,
                    "voice": voice,
                    "text": piece.strip(),
                    "start": a,
                    "end": b,
                }
            )
            k += 1
    return pd.DataFrame(
        rows, columns=["sentence_id", "paragraph_id", "segment", "voice", "text", "start", "end"]
    )
