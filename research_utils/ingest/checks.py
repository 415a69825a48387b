"""Doubts about an input that every report shows at its top.

A text that looks like a web page saved as ``.txt`` (tag names would be counted as
words), or like another language than English (the word lists, lexicons and readability
formulas all assume English).
"""

from __future__ import annotations

import re

from research_utils.ingest.lines import word_count

__all__ = ["ENGLISH_MIN_SHARE", "HTML_DOCUMENT", "NOT_ENGLISH", "english_share", "input_warnings"]

_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it on with as was by he at be this from are have has
    had said not but or an they his her which were will their been we would its who i you
    she there if than after also more when about can into no could our over one what""".split()
)
NOT_ENGLISH = "The body does not look like English"
ENGLISH_MIN_SHARE: float = 0.15
"""Share of common English function words below which a text is flagged as not English.
English news prose has 35-50 % (the list in this module); German, French or Russian text
has under 10 %."""


_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?—–-…«»"


def english_share(text: str) -> tuple[float, int]:
    """Share of the words of ``text`` that are common English function words, and the
    number of words looked at: the first 1,000 words, split at white space, with the
    punctuation at their edges stripped (enough to tell the language of a text)."""
    words = text[:10_000].lower().split()[:1000]
    stripped = [w.strip(_EDGE_PUNCTUATION) for w in words]
    hits = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, stripped))
    n = len(stripped) - stripped.count("")
    return (hits / n if n else 0.0), n


HTML_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|h[1-6]|script|style|table|td|tr|img|meta|body|head)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def input_warnings(body: str, raw_text: str, suffix: str) -> list[str]:
    """Doubts about an input that every report shows at its top."""
    warnings = []
    if suffix not in {".html", ".htm", ".xhtml"} and "<" in raw_text:
        tags = len(_HTML_TAG.findall(raw_text[:1_000_000]))
        words = max(1, word_count(raw_text[:1_000_000]))
        if tags >= 5 and tags * 20 >= words:
            warnings.append(
                f"The text holds {tags:,} HTML tags: it looks like a web page saved as text, so tag "
                "names may be counted as words. Save the page as .html to have its main text extracted."
            )
    share, n = english_share(body)
    if n >= 30 and share < ENGLISH_MIN_SHARE:
        warnings.append(
            f"{NOT_ENGLISH}: {share:.0%} of its words are common English function words, against "
            "35-50 % in English news. The word lists, lexicons and readability formulas assume "
            "English, so readability does not apply and every dictionary measure is doubtful."
        )
    return warnings
