"""Sort the blocks of a repaired text into title, deck, headings, body and page furniture.

A scraped article is more than its body: a title, a deck (standfirst), section headings,
and page furniture (inline "related article" headlines, "Related Articles", "Back to top
button"). :func:`segment` gives every block one of those roles and records *why* a block
was set aside, so that a reader can disagree. The rules are heuristics, stated in
:data:`ROLE_RULES`; a sidecar file ``<article>.meta.yaml`` can override them
(``headings``, ``furniture``, ``deck``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from research_utils.ingest.errors import ArticleError
from research_utils.ingest.repair import repair_text

if TYPE_CHECKING:
    from research_utils.ingest.document import Document

__all__ = [
    "ROLE_RULES",
    "Block",
    "Structure",
    "excluded_lines",
    "segment",
    "structure_table",
    "word_count",
    "word_tokens",
]

ROLE_RULES: dict[str, str] = {
    "title": "the first block, when it is at most 30 words long (or the sidecar's title)",
    "deck": "the second block, when it is at most 45 words, ends in sentence punctuation, "
    "and is a question or is shorter than half the median body paragraph",
    "heading": "a line of at most 15 words without final sentence punctuation that does "
    "not read as a headline of another story",
    "related headline": "a short unpunctuated line that reads as a headline of another "
    "story: it ends in a dash and a source ('… – ambassador'), opens with a question word "
    "(Why/How/What…), or contains a headline verb (reacts, warns, might, will…)",
    "furniture": "a line that matches a known page-furniture phrase (Related Articles, "
    "Back to top button, Read more, Share this…)",
    "trailing line": "a short unpunctuated line after the last body paragraph",
    "sidecar": "listed under 'furniture' or 'headings' in the article's .meta.yaml",
}
"""The rules that give each block its role, as shown in the report."""

_FURNITURE = re.compile(
    r"^(related( articles?| stories| news| content)?|read (more|also|next)( on this topic)?"
    r"|back to top( button)?|advertisement|sponsored( content)?|share( this)?( article| story)?"
    r"|you can share this story on social media:?|subscribe( now)?|sign up.*newsletter.*"
    r"|follow us on .*|click here.*|comments?( \(\d+\))?|print|e-?mail|tags?:.*|topics?:.*"
    r"|(copyright|©).*|all rights reserved\.?|more (from|on) .*|recommended|most read"
    r"|trending( now)?|you may also like|see also)$",
    re.IGNORECASE,
)

_QUESTION_WORDS = ("why", "how", "what", "who", "when", "where", "which")
_HEADLINE_VERBS = frozenset(
    """will would might may could can should must won't can't says say said warns warn
    reacts react slams slam urges urge calls call claims claim vows vow rejects reject
    accepts accept drops drop blames blame denies deny threatens threaten announces
    announce reveals reveal admits admit explains explain responds respond hits hit
    launches launch plans plan seeks seek fails failed fail wants want demands demand
    agrees agree refuses refuse offers offer signs sign backs back condemns condemn
    accuses accuse insists insist confirms confirm lashes dismisses dismiss""".split()
)
_DASH_ATTRIBUTION = re.compile(r"\s[–—-]\s*[\w.’' ]{2,40}$")
_END_PUNCT = re.compile(r"[.!?:;…]['\"”’)\]]*$")
"""Sentence punctuation at the end of a line, perhaps before closing quotes or brackets."""


def _ends_sentence(text: str) -> bool:
    """``_END_PUNCT.search(text)`` for a text without line breaks, without a regex scan:
    the last character that is not a closing quote or bracket is sentence punctuation."""
    core = text.rstrip("'\"”’)]")
    return bool(core) and core[-1] in ".!?:;…"


@dataclass(frozen=True)
class Block:
    """One block of the source text and the role it was given.

    Attributes
    ----------
    index : int
        Position of the block in the file (0-based).
    role : str
        ``title``, ``deck``, ``heading``, ``body`` or ``excluded``.
    text : str
        The repaired text of the block.
    reason : str
        Why the block got its role (empty for body paragraphs).
    """

    index: int
    role: str
    text: str
    reason: str = ""


def _blocks_from_text(text: str) -> list[str]:
    """Split text into blocks: blank-line blocks, joined when hard-wrapped."""
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) > 1:
            lengths = sorted(len(ln) for ln in lines)
            median = lengths[len(lengths) // 2]
            unpunctuated = sum(1 for ln in lines[:-1] if not _ends_sentence(ln))
            if median >= 40 and unpunctuated >= (len(lines) - 1) / 2:
                blocks.append(" ".join(lines))  # hard-wrapped paragraph
                continue
        blocks.extend(lines)
    return blocks


_WORD_COUNT = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


def word_tokens(text: str) -> list[str]:
    """Rough word tokens of a line (letters and digits, inner apostrophes and hyphens): the
    unit of the role rules' length limits, cheaper than the full tokenizer."""
    return _WORD_COUNT.findall(text)


def word_count(text: str) -> int:
    """Number of :func:`word_tokens` in ``text``."""
    return len(_WORD_COUNT.findall(text))


def _is_short_line(text: str) -> bool:
    # cheapest test first: a body paragraph ends in sentence punctuation
    return (
        not _ends_sentence(text)
        and not text.startswith(("“", '"', "‘", "(", "-", "•", "*"))
        and word_count(text) <= 15
    )


def _headline_reason(text: str) -> str:
    """Return why a short line reads as another story's headline ('' if it does not)."""
    if _DASH_ATTRIBUTION.search(text):
        return "related headline: ends with a dash and a source"
    words = re.findall(r"[^\W_]+(?:[’'][^\W_]+)?", text.lower())
    if len(words) >= 4 and words[0] in _QUESTION_WORDS:
        return f"related headline: opens with the question word '{words[0]}'"
    for word in words[1:]:
        if word.replace("’", "'") in _HEADLINE_VERBS:
            return f"related headline: reads as a clause (headline verb '{word}')"
    return ""


def _norm_line(text: str, *, repair: bool = False) -> str:
    """Case-folded line with white space collapsed; ``repair`` applies the text repairs
    first (for lines typed in a sidecar, which the article text has been repaired against)."""
    text = repair_text(str(text))[0] if repair else text
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class Structure:
    """The roles given to the blocks of one text (see :func:`segment`)."""

    title: str
    deck: str
    blocks: tuple[Block, ...]
    paragraphs: tuple[str, ...]
    sections: tuple[str, ...]
    repairs: dict[str, int]

    @property
    def headings(self) -> tuple[str, ...]:
        """Section headings in order."""
        return tuple(b.text for b in self.blocks if b.role == "heading")


def segment(text: str, meta: dict[str, Any], name: str = "the text") -> Structure:
    """Repair ``text`` and give each of its blocks a role.

    Parameters
    ----------
    text : str
        Decoded text, paragraphs separated by line breaks.
    meta : dict
        Sidecar metadata; ``title``, ``deck``, ``headings`` and ``furniture`` override
        the role heuristics.
    name : str
        How to name the text in an error.

    Raises
    ------
    ArticleError
        If the text holds no body paragraph.
    """
    repaired, repairs = repair_text(text)
    raw_blocks = _blocks_from_text(repaired)
    if not raw_blocks:
        raise ArticleError(f"{name} is empty or holds only white space: give a file with the article text.")

    forced_furniture = {_norm_line(x, repair=True) for x in meta.get("furniture", []) or []}
    forced_headings = {_norm_line(x, repair=True) for x in meta.get("headings", []) or []}
    roles: list[tuple[str, str]] = [("", "")] * len(raw_blocks)

    for i, block in enumerate(raw_blocks):
        key = _norm_line(block) if forced_furniture or forced_headings else ""
        if key in forced_furniture:
            roles[i] = ("excluded", "sidecar: listed under 'furniture'")
        elif key in forced_headings:
            roles[i] = ("heading", "sidecar: listed under 'headings'")
        elif _FURNITURE.match(block.strip(" .:|")):
            roles[i] = ("excluded", "furniture: matches a known page-furniture phrase")

    def free(i: int) -> bool:
        return 0 <= i < len(raw_blocks) and roles[i][0] == ""

    # Title: the sidecar's, else the first short block.
    title = str(meta.get("title") or "")
    first = next((i for i in range(len(raw_blocks)) if free(i)), None)
    if first is not None:
        if title and _norm_line(raw_blocks[first]) == _norm_line(title, repair=True):
            roles[first] = ("title", "title: matches the sidecar title")
        elif not title and word_count(raw_blocks[first]) <= 30 and len(raw_blocks) > 1:
            roles[first] = ("title", "title: the first block, at most 30 words")
            title = raw_blocks[first]

    # Short unpunctuated lines: headings, related headlines, trailing furniture.
    short = {i: _is_short_line(raw_blocks[i]) for i in range(len(raw_blocks)) if free(i)}
    long_idx = [i for i, is_short in short.items() if not is_short]
    last_long = max(long_idx) if long_idx else -1
    for i in range(len(raw_blocks)):
        if not free(i) or not short[i]:
            continue
        block = raw_blocks[i]
        if i > last_long:
            roles[i] = ("excluded", "trailing line: short line after the last body paragraph")
            continue
        reason = _headline_reason(block)
        roles[i] = (
            ("excluded", reason) if reason else ("heading", "heading: short line without final punctuation")
        )

    # Deck: the block after the title, if it is short and sentence-like.
    deck = str(meta.get("deck") or "")
    body_idx = [i for i in range(len(raw_blocks)) if free(i)]
    if "deck" in meta:
        for i in body_idx:
            if deck and _norm_line(raw_blocks[i]) == _norm_line(deck, repair=True):
                roles[i] = ("deck", "deck: matches the sidecar deck")
    elif len(body_idx) >= 3 and first is not None and roles[first][0] == "title":
        cand = body_idx[0]
        text_c = raw_blocks[cand]

        def median_words() -> int:  # counted only when the rule needs it
            rest = sorted(word_count(raw_blocks[i]) for i in body_idx[1:])
            return rest[len(rest) // 2]

        wc = word_count(text_c)
        if (
            cand == first + 1
            and wc <= 45
            and _ends_sentence(text_c)
            and (text_c.rstrip("”’\"' ").endswith("?") or wc < median_words() / 2)
        ):
            roles[cand] = ("deck", "deck: short block right after the title")
            deck = text_c

    for i in range(len(raw_blocks)):
        if free(i):
            roles[i] = ("body", "")

    blocks = tuple(Block(i, role, raw_blocks[i], reason) for i, (role, reason) in enumerate(roles))
    paragraphs: list[str] = []
    sections: list[str] = []
    current = ""
    for b in blocks:
        if b.role == "heading":
            current = b.text
        elif b.role == "body":
            paragraphs.append(b.text)
            sections.append(current)
    if not paragraphs:
        raise ArticleError(
            f"{name} has no body paragraph (every line was read as a title, heading or "
            "page furniture): give the full article text."
        )
    return Structure(title, deck, blocks, tuple(paragraphs), tuple(sections), repairs)


def structure_table(doc: Document) -> pd.DataFrame:
    """Every block of the article with its role and the rule that gave it.

    Returns
    -------
    DataFrame
        Columns ``block`` (position in the file), ``role``, ``words``, ``text``, ``reason``.
    """
    return pd.DataFrame(
        [
            {
                "block": b.index,
                "role": b.role,
                "words": word_count(b.text),
                "text": b.text,
                "reason": b.reason,
            }
            for b in doc.blocks
        ],
        columns=["block", "role", "words", "text", "reason"],
    )


def excluded_lines(doc: Document) -> pd.DataFrame:
    """Lines set aside from the body as page furniture, with the reason.

    Returns
    -------
    DataFrame
        Columns ``block``, ``text``, ``reason``.
    """
    rows = [
        {"block": b.index, "text": b.text, "reason": b.reason} for b in doc.blocks if b.role == "excluded"
    ]
    return pd.DataFrame(rows, columns=["block", "text", "reason"])
