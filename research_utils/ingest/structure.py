"""Sort the lines of a repaired text into title, deck, headings, body and page furniture.

A saved article is more than its body: a title, a deck (standfirst), section headings,
and page furniture (bylines, timestamps, photo captions and credits, "ALSO READ" links,
related headlines, share buttons, feed disclaimers, wire trailers, author bios, appeals,
copyright lines). :func:`segment` gives every block one of those roles and records *why*
a block was set aside, one line per reason, so that a reader can disagree. The rules are
heuristics, stated in :data:`ROLE_RULES` and shown in the report; a sidecar file
``<article>.meta.yaml`` can override them (``title``, ``deck``, ``headings``,
``furniture``).

How. Text is split into blocks: saved text usually has one paragraph per line (no blank
lines), hand-made files have blank lines between paragraphs, and some files are
hard-wrapped at 60-80 characters. A group of lines is joined only on evidence of hard
wrapping (no line above 100 characters, lines filled to the wrap width, line ends that
fall mid-sentence); otherwise every line is a block. A "read more" link or a channel
appeal glued to a paragraph is cut off it first. Page furniture is recognised by the
phrases and shapes pages use (:mod:`research_utils.ingest.furniture`, and the controls and
notices of site templates in :mod:`research_utils.ingest.webpage`), then by position (the line
before a photo credit is its caption; the lines under "Read also" are other stories'
headlines; a bare name under the title is a byline; a bio at the end that names the author),
and by the context rules of real pages in :mod:`research_utils.ingest.page` (a repeated
headline, a caption printed again, a masthead, a page header's source line, a page-end
block, a truncated last line that stays body). Headings are
short lines (or short questions and labels ending in "?" or ":") between body paragraphs;
a short line counts as another story's headline only on specific evidence (a dash and a
source, a long "Why/How ..." line, a subject with a finite headline verb).

Weaknesses. The patterns are English and follow the layouts of the outlets read while
building them (wire services, TASS/RT, Kyiv Independent, Ukrainska Pravda, Ukrinform,
BBC/Guardian-style pages, and the development outlets of the real-copy gold set); a new
layout can leave furniture in the body. A rhetorical
one-line question between paragraphs reads as a heading; an inline related headline
written as a noun phrase reads as a heading; a caption whose credit is on a line of its
own is recognised only when it comes right before the credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from research_utils.ingest.errors import ArticleError
from research_utils.ingest.furniture import (
    BIO,
    BIO_ROLE,
    BYLINE_TAIL,
    DATELINE,
    LIST_ITEM,
    furniture_reason,
    headline_reason,
    is_name,
)
from research_utils.ingest.lines import blocks_from_text, has_words, word_count, word_tokens
from research_utils.ingest.lines import ends_sentence as _ends_sentence
from research_utils.ingest.page import (
    context_furniture,
    cut_trailers,
    dash_bylines,
    end_blocks,
    header_lines,
    is_masthead,
    repeated_lines,
    split_captions,
    truncated_last_line,
    views_box,
)
from research_utils.ingest.repair import repair_text
from research_utils.ingest.roles import Roles

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ROLE_RULES",
    "Block",
    "HasBlocks",
    "Structure",
    "excluded_lines",
    "segment",
    "structure_table",
]

ROLE_RULES: dict[str, str] = {
    "paragraphs": "every non-empty line is a block; lines are joined into one paragraph only when "
    "they are hard-wrapped (no line above 100 characters, lines filled to the wrap width, most "
    "breaks mid-sentence); list items (•, *, -, 1.) are paragraphs each",
    "title": "the first block when it is at most 30 words and neither a dateline paragraph nor a list "
    "item (or the sidecar's title); a breadcrumb, a short section label or the outlet's name (a "
    "masthead: 'The Daily Courier') before it is furniture; the headline printed again below is furniture",
    "deck": "the block right after the title when there is evidence that it is a standfirst: a "
    "byline or timestamp follows it (perhaps after a photo caption), a photo caption follows a short "
    "one-sentence line, it is a one-sentence line of at most 12 words under the byline before a "
    "paragraph twice as long, the next paragraph opens with a dateline, it is a statement followed by a teaser "
    "question, or it is an unpunctuated lead of 8-45 words (TASS); a short first paragraph alone is "
    "not a deck, and a caption under the headline is not one",
    "heading": "a line of at most 15 words without final punctuation, a question of at most 12 "
    "words, or a label of at most 8 words ending in ':' (not '… were:', '… said:'), standing between "
    "body paragraphs",
    "related headline": "a short line that reads as another story's headline: it is listed under "
    "'Read also' / 'Related', ends in a dash and a source ('… – ambassador'), is a long "
    "'Why/How …' line of 10+ words, or has 5+ words and a named subject right before a finite "
    "headline verb (reacts, warns, slams…); nouns such as 'plan' or 'calls' are not read as verbs",
    "furniture": "a line matching a page-furniture phrase or shape: share buttons, 'Related "
    "Articles', 'ALSO READ: …', bylines, timestamps, photo captions and credits, feed "
    "disclaimers and metadata, wire trailers, opinion disclaimers, author bios, appeals, "
    "copyright and 'report an error' lines",
    "photo caption": "a line ending in a photo credit ('… [AFP]', '… 2022. Agency/Name via AGENCY', "
    "'… PHOTO: AGENCY', '… Photo:' with the credit cut off), the line right before a credit line "
    "('Photo: Getty Images'), even when it is a full sentence, the caption printed again without its "
    "credit, and the first half of a caption broken before its credit",
    "byline": "'By' and a name, a name with a date, a source and a date set apart by '|', 'Written by "
    "… | Edited by …', a dash and a name ('- Name, Correspondent') that is not a list item, or a bare "
    "name among the first lines under the title",
    "author bio": "one of the last two paragraphs, '<Name> is a … fellow/journalist/…', when the "
    "name is the byline's or occurs nowhere else in the body; 'The author is …'",
    "list item": "short lines after a line ending in ':' are list items (body), not headings",
    "trailing line": "a short unpunctuated line after the last body paragraph; the last line of an "
    "excerpt cut off mid-sentence (3+ words, lower-case words, ending in a letter, digit or comma, "
    "right after a body paragraph) stays a body paragraph",
    "trailer": "a 'read more' link or an '(END)' mark after the last sentence of a paragraph, and a "
    "channel appeal as its first or last sentence, are cut off the paragraph (counted as repairs); "
    "the paragraph stays",
    "page template": "skip links, article age notices, audio players, share / copy-link / embed "
    "widgets, link bars, push-notification prompts, follow / channel and membership appeals, "
    "newsletter self-descriptions, appeal boxes ('A message from …:', 'Dear readers,') and the "
    "appeal under them, reader-views boxes, free-trial offers, media player notices, reader "
    "controls, hashtag lines, e-mail lines, 'more stories from …' blocks at the page end (also in "
    "other languages), a source line or the outlet's name under the title",
    "sidecar": "listed under 'furniture' or 'headings' in the article's .meta.yaml",
}
"""The rules that give each block its role, as shown in the report."""

_INTRO_WORDS = frozenset(
    """said says say read reads wrote writes added adds told stated explained declared noted follows
    following include includes included including are were is was be as these this those below""".split()
)
"""Last words of a line that introduces a quotation or a list ("The results were:"), not a heading."""
_CONTENT_LABEL = re.compile(r"^(source|details|quote|updated?|background|context|reminder)\s*:\s*\S", re.I)
"""Ukrainska Pravda's "Source: / Details: / Quote:" lines carry content: body, not headings."""
_BREADCRUMB = re.compile(r"\s(?:[>»›→|/·•]|::)\s")


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


def _headline_like(text: str) -> bool:
    """One unpunctuated phrase or clause, as a headline is (not a quotation, not sentences)."""
    return not (
        (_ends_sentence(text) and not text.endswith("?"))
        or text.startswith(("“", '"', "‘", "("))
        or re.search(r"[.!?]['\"”’]?\s", text)
        or DATELINE.match(text)
    )


def _title(r: Roles, meta: dict[str, Any]) -> tuple[str, int | None]:
    """Give the title role (and set aside a breadcrumb or section label above it)."""
    title = str(meta.get("title") or "")
    first = r.next_free(-1)
    if first is None:
        return title, None
    if title:
        if _norm_line(r.text[first]) == _norm_line(title, repair=True):
            r.set(first, "title", "title: matches the sidecar title")
        return title, first
    line = r.text[first]
    nxt = r.next_free(first)
    if nxt is not None and not _ends_sentence(line):
        wc, wn = word_count(line), word_count(r.text[nxt])
        parts = _BREADCRUMB.split(line)
        if len(parts) >= 2 and wc <= 12 and all(1 <= word_count(p) <= 4 for p in parts):
            r.set(first, "excluded", "breadcrumb: site navigation above the title")
            first, nxt = nxt, r.next_free(nxt)
        elif (wc <= 2 or is_masthead(line)) and wc + 3 <= wn <= 30 and _headline_like(r.text[nxt]):
            what = "masthead: the outlet's name" if wc > 2 else "section label: a short label"
            r.set(first, "excluded", f"{what} above the title")
            first, nxt = nxt, r.next_free(nxt)
    line = r.text[first]
    too_long = word_count(line) > 30 or (line.endswith(".") and word_count(line) > 20)
    if nxt is not None and not too_long and not DATELINE.match(line) and not LIST_ITEM.match(line):
        r.set(first, "title", "title: the first line, at most 30 words")
        return line, first
    return "", first


def _bylines_and_bios(r: Roles, title_at: int | None) -> None:
    """A bare author name under the title is a byline; an author bio at the end is furniture."""
    if title_at is not None and r.role[title_at] == "title":
        j = r.next_free(title_at)
        for _ in range(3):  # the header: deck, byline, timestamp, caption come before the story
            if j is None:
                break
            bare = BYLINE_TAIL.sub("", r.text[j])
            if r.short[j] and is_name(bare):
                r.set(j, "excluded", "byline: an author's name under the title")
            j = r.next_free(j)
    names = {
        w
        for i, reason in enumerate(r.reason)
        if reason.startswith("byline")
        for w in re.findall(r"[A-Z][\w'’-]{2,}", r.text[i])
        if w.lower() not in ("by", "and")
    }
    body = [i for i in range(len(r.text)) if r.free(i) and not r.short[i]]
    for i in reversed(body[-2:]):
        line = r.text[i]
        m = BIO.match(line)
        if not m or word_count(line) > 60:
            continue
        if m["name"].lower() in ("the author", "the writer"):
            r.set(i, "excluded", "author bio: who the author is, at the end of the article")
            continue
        if not is_name(m["name"]):
            continue
        surname = m["name"].split()[-1]
        elsewhere = any(surname in r.text[j] for j in body if j != i)
        if surname in names or (BIO_ROLE.search(line) and not elsewhere):
            r.set(i, "excluded", "author bio: who the author is, at the end of the article")


def _deck(r: Roles, title_at: int | None) -> str:
    """Give the deck role to the block after the title when the evidence says it is one."""
    if title_at is None or r.role[title_at] != "title":
        return ""
    cand = r.next_free(title_at)
    if cand is None:
        return ""
    text = r.text[cand]
    wc = word_count(text)
    nxt = r.next_free(cand)
    if nxt is None or not 5 <= wc <= 45 or LIST_ITEM.match(text) or DATELINE.match(text):
        return ""
    after = [r.reason[j] for j in range(cand + 1, nxt)]  # the lines set aside before the next paragraph
    before = [r.reason[j] for j in range(title_at + 1, cand)]
    sentences = len(re.findall(r"[.!?…]+(?:['\"”’)\]]*)(?=\s+[\"“‘(]*[A-Z])", text)) + 1
    evidence = ""
    if any(a.startswith(("byline", "timestamp")) for a in after):
        evidence = "a byline or timestamp follows it"
    elif after and after[0].startswith("photo caption") and wc <= 16 and sentences == 1:
        evidence = "a short sentence with a photo caption right after it, before the first paragraph"
    elif (
        any(b.startswith("byline") for b in before)
        and wc <= 12
        and sentences == 1
        and _ends_sentence(text)
        and has_words(r.text[nxt], 2 * wc + 5)
    ):
        evidence = "a one-sentence standfirst under the byline, before a longer first paragraph"
    elif DATELINE.match(r.text[nxt]):
        evidence = "the next paragraph opens with a dateline"
    elif text.rstrip("”’\"' ").endswith("?") and sentences >= 2:
        evidence = "a statement followed by a teaser question"
    elif (
        not _ends_sentence(text) and wc >= 8 and _ends_sentence(r.text[nxt]) and word_count(r.text[nxt]) > 15
    ):
        evidence = "an unpunctuated lead line before the first paragraph"
    if evidence:
        r.set(cand, "deck", f"deck: right after the title, and {evidence}")
        return text
    return ""


def _headings(r: Roles) -> None:
    """Short lines: headings, list items, other stories' headlines, trailing furniture."""
    n = len(r.text)
    short = {i: r.short[i] for i in range(n) if r.free(i)}
    long_idx = [i for i, is_short in short.items() if not is_short]
    last_long = max(long_idx) if long_idx else -1
    in_list = False
    for i in sorted(short):
        line = r.text[i]
        nxt = r.next_free(i)
        nxt_line = r.text[nxt] if nxt is not None else ""
        body_follows = _ends_sentence(nxt_line) and has_words(nxt_line, 8) and not LIST_ITEM.match(nxt_line)
        if not short[i] and not line.endswith(("?", ":")):  # no heading rule applies
            in_list = False
            continue
        if not short[i]:
            lower_words = word_tokens(line.lower()) or [""]
            wc = len(lower_words)
            quoted = any(q in line for q in '“”"')
            if line.endswith("?") and wc <= 12 and not quoted and line[:1].isupper() and body_follows:
                r.set(i, "heading", "heading: a short question between paragraphs")
            elif (
                line.endswith(":")
                and wc <= 8
                and line.count(":") == 1
                and lower_words[-1] not in _INTRO_WORDS
                and line[:1].isupper()
                and body_follows
                and not nxt_line.startswith(("“", '"'))
                and line[:-1].strip().lower() not in ("source", "details", "quote", "updated", "update")
            ):
                r.set(i, "heading", "heading: a short label ending in ':' before a paragraph")
            else:
                in_list = line.endswith(":")
            continue
        if i > last_long:
            if not truncated_last_line(r, i):
                r.set(i, "excluded", "trailing line: short line after the last body paragraph")
            continue
        if nxt_line[:1].islower() and not nxt_line[1:2].isupper():  # not "iPhone sales ..."
            continue  # the line runs on into the next one: "Oct 30 Example Corp has" / "agreed to buy ..."
        if in_list or _CONTENT_LABEL.match(line):
            continue  # a list item after 'The results were:', or 'Source: the governor, on Telegram'
        reason = headline_reason(line)
        if reason:
            r.set(i, "excluded", reason)
        else:
            r.set(i, "heading", "heading: short line without final punctuation")


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
    raw_blocks = blocks_from_text(repaired)
    for i, block in enumerate(raw_blocks):
        kept, cut = cut_trailers(block)
        if cut and kept:
            raw_blocks[i] = kept
            key = f"{cut} cut from a paragraph"
            repairs[key] = repairs.get(key, 0) + 1
    if not raw_blocks:
        raise ArticleError(f"{name} is empty or holds only white space: give a file with the article text.")

    forced_furniture = {_norm_line(x, repair=True) for x in meta.get("furniture", []) or []}
    forced_headings = {_norm_line(x, repair=True) for x in meta.get("headings", []) or []}
    r = Roles(raw_blocks)
    for i, block in enumerate(raw_blocks):
        key = _norm_line(block) if forced_furniture or forced_headings else ""
        if key in forced_furniture:
            r.set(i, "excluded", "sidecar: listed under 'furniture'")
        elif key in forced_headings:
            r.set(i, "heading", "sidecar: listed under 'headings'")
        else:
            reason = furniture_reason(block)
            if reason:
                r.set(i, "excluded", reason)
    context_furniture(r)
    split_captions(r)
    views_box(r)
    end_blocks(r)
    dash_bylines(r)
    title, title_at = _title(r, meta)
    repeated_lines(r, title_at)
    header_lines(r, title_at)
    _bylines_and_bios(r, title_at)

    deck = str(meta.get("deck") or "")
    if "deck" in meta:
        for i in range(len(raw_blocks)):
            if r.free(i) and deck and _norm_line(raw_blocks[i]) == _norm_line(deck, repair=True):
                r.set(i, "deck", "deck: matches the sidecar deck")
    elif sum(map(r.free, range(len(raw_blocks)))) >= 3:
        deck = _deck(r, title_at)
    _headings(r)

    blocks = tuple(
        Block(i, r.role[i] or "body", raw_blocks[i], r.reason[i] if r.role[i] else "")
        for i in range(len(raw_blocks))
    )
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


class HasBlocks(Protocol):
    """What the tables of this module read: the blocks of a :class:`~research_utils.ingest.Document`
    (or of a :class:`Structure`), so that this module needs no import of the document's."""

    @property
    def blocks(self) -> Sequence[Block]: ...


def structure_table(doc: HasBlocks) -> pd.DataFrame:
    """Every block of the article with its role and the rule that gave it.

    Returns
    -------
    DataFrame
        Columns ``block`` (position in the file), ``role``, ``words``, ``text``, ``reason``.
    """
    import pandas as pd

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


def excluded_lines(doc: HasBlocks) -> pd.DataFrame:
    """Lines set aside from the body as page furniture, with the reason.

    Returns
    -------
    DataFrame
        Columns ``block``, ``text``, ``reason``.
    """
    import pandas as pd

    rows = [
        {"block": b.index, "text": b.text, "reason": b.reason} for b in doc.blocks if b.role == "excluded"
    ]
    return pd.DataFrame(rows, columns=["block", "text", "reason"])
