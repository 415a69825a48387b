"""Role rules that need a line's neighbours on real published pages.

What. The shapes that real pages give their furniture only in context:

* **other stories' headlines** under "Read also" / "Related" (one under "In video"), and the
  **caption** on the line before a photo credit;
* a **repeated line**: the headline printed again under the title, a caption printed twice;
* a **caption printed again with its credit** (the line is the start of the credited caption
  right after it), and a caption broken over two lines before its credit;
* a **masthead**: the outlet's name above the headline ("The Daily Courier");
* a **source line** under the title ("Source: Agency"), in the page header only;
* a **dash byline** ("- Name", "- NAME, Health Correspondent") that is not a list item;
* a **reader-views box**: the question between "Your views" and "Send us your views";
* **end-of-page blocks**: everything under a "More stories from …" marker (in any of the
  languages of :data:`~research_utils.ingest.furniture.MORE_FROM`) when what follows reads as
  other stories, and the body of an appeal under "A message from …:" / "Dear readers,";
* a **truncated last line** of an excerpt, which stays a body paragraph;
* **trailers glued to a paragraph** ("… the next round. read more", a channel appeal as the last or
  first sentence), which are cut off the paragraph instead of dropping it (:func:`cut_trailers`).

How. Each rule is a pass over :class:`~research_utils.ingest.roles.Roles`, called by
:func:`research_utils.ingest.structure.segment` at the point where its evidence is known
(the title for repeated headlines and the header; the first furniture pass for captions).
Each gives a one-line reason.

Weaknesses. A body paragraph identical to a line set aside above it is set aside too; a
three-word paper name used as a title ("The Daily Courier" as the headline of a story about
the paper) is read as a masthead when a headline-like line follows.
"""

from __future__ import annotations

import re

from research_utils.ingest.furniture import (
    CREDIT,
    LIST_ITEM,
    MORE_FROM,
    RELATED_MARKER,
    VIDEO_MARKER,
    is_name,
)
from research_utils.ingest.lines import ends_sentence, has_words, word_count
from research_utils.ingest.roles import Roles
from research_utils.ingest.webpage import WEB_KINDS

__all__ = [
    "context_furniture",
    "cut_trailers",
    "dash_bylines",
    "end_blocks",
    "header_lines",
    "is_masthead",
    "repeated_lines",
    "split_captions",
    "truncated_last_line",
    "views_box",
]

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _is_caption(reason: str) -> bool:
    return reason.startswith("photo caption")


def context_furniture(r: Roles) -> None:
    """Furniture known by its neighbours: headlines under 'Read also', a credit's caption."""
    n = len(r.text)
    for i, line in enumerate(r.text):
        if r.role[i] != "excluded" or len(line) > 120:
            continue
        marker = line.strip(" .:|")
        if RELATED_MARKER.match(marker):
            j = i + 1
            # a video or gallery marker heads one story; a quotation or a sentence ends the list
            last = i + 2 if VIDEO_MARKER.match(marker) else min(n, i + 11)
            while j < last and r.free(j):
                nxt = r.text[j]
                if (
                    word_count(nxt) > 20
                    or ends_sentence(nxt)
                    or nxt.startswith(("“", '"'))
                    or LIST_ITEM.match(nxt)
                ):
                    break
                r.set(j, "excluded", f"related link: listed under '{marker}'")
                j += 1
        elif CREDIT.match(line) and r.free(i - 1) and i - 1 != r.next_free(-1):  # not the title
            prev = r.text[i - 1]
            if word_count(prev) <= 30 and not prev.endswith(":") and not LIST_ITEM.match(prev):
                r.set(i - 1, "excluded", "photo caption: the line right before a photo credit")


def split_captions(r: Roles) -> None:
    """Captions printed again or broken before their credit.

    A free line that is the start of the credited caption right after it ("Crowds gather in the
    square." before "Crowds gather in the square. Photograph: Name/Agency") is the same caption
    without its credit; a free line without final punctuation right before a credited caption
    line that runs on in lower case ("Crowds gather outside the" / "polling station [AGENCY]") is
    the first half of that caption.
    """
    for i in range(len(r.text) - 1):
        if not r.free(i) or r.role[i + 1] != "excluded" or not _is_caption(r.reason[i + 1]):
            continue
        line, nxt = r.text[i], r.text[i + 1]
        if len(line) >= 20 and nxt.startswith(line) and len(nxt) > len(line):
            r.set(i, "excluded", "photo caption: the caption again, right before it with its credit")
        elif r.short[i] and nxt[:1].islower() and word_count(line) + word_count(nxt) <= 40:
            r.set(i, "excluded", "photo caption: the first line of a caption broken before its credit")


def repeated_lines(r: Roles, title_at: int | None) -> None:
    """The headline printed again, and a line printed again after it was set aside."""
    title = _key(r.text[title_at]) if title_at is not None and r.role[title_at] == "title" else ""
    seen = {_key(t) for i, t in enumerate(r.text) if r.role[i] == "excluded" and len(t) >= 20}
    # repaired lines have single spaces: the same key has the same length (a cheap gate)
    lengths = {len(k) for k in seen} | {len(title)}
    for i, line in enumerate(r.text):
        if len(line) not in lengths or len(line) < 20 or not r.free(i):
            continue
        key = _key(line)
        if title and key == title and title_at is not None and i > title_at:
            r.set(i, "excluded", "repeated headline: the title printed again")
        elif key in seen:
            r.set(i, "excluded", "repeated line: the same line as one set aside above")


_PAPER_WORDS = frozenset(
    """times news post journal herald guardian telegraph independent tribune gazette daily express mail
    standard observer chronicle review press today insider wire courier star sun mirror record
    globe monitor report dispatch bulletin examiner inquirer register sentinel leader
    telegram mercury nation english international online agency""".split()
)
"""Last words of newspaper names: "The Example Times", "Daily Courier", "Evening Post"."""


def is_masthead(line: str) -> bool:
    """Whether a short line above the headline is the outlet's name (a masthead).

    Two to four capitalised words, perhaps after "The", ending in a word that ends newspaper
    names (Times, News, Post, Herald ...), without punctuation.
    """
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if any(not w.replace("’", "").replace("'", "").isalpha() for w in words):
        return False
    return words[-1].lower() in _PAPER_WORDS


_SOURCE_LINE = re.compile(r"^[Ss]ource\s*:\s*(?P<who>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})$")


def header_lines(r: Roles, title_at: int | None) -> None:
    """Lines of the page header, between the title and the first body paragraph.

    "Source: Agency" (one to three capitalised words), an outlet's name ("Daily Courier") or
    an agency's acronym alone ("XNA") there name where the story comes from; lower in the body,
    "Source: the governor, on Telegram" lines are content and stay.
    """
    if title_at is None or r.role[title_at] != "title":
        return
    j = r.next_free(title_at)
    for _ in range(8):  # a page header is a few lines
        if j is None or (ends_sentence(r.text[j]) and has_words(r.text[j], 15)):
            break
        line = r.text[j]
        if line[:1] in "Ss" and _SOURCE_LINE.match(line):
            r.set(j, "excluded", "source line: the agency or outlet the story comes from, under the title")
        elif is_masthead(line) or (len(line) <= 12 and line.isupper() and " " not in line):
            r.set(
                j,
                "excluded",
                "source line: the outlet's or agency's name on a line of its own, under the title",
            )
        j = r.next_free(j)


_DASH_NAME = re.compile(r"^[-–—]\s*(?P<name>[^,;:]{3,60}?)(?:,\s*(?P<role>[A-Za-z ]{3,40}))?$")


def dash_bylines(r: Roles) -> None:
    """A dash and a name ("- Name Surname", "- NAME SURNAME, Health Correspondent") on a line
    of its own is a byline, unless it is one item of a list (after a line ending in ':', or
    beside another dash line)."""
    n = len(r.text)
    for i, line in enumerate(r.text):
        if not r.free(i) or line[:1] not in "-–—" or len(line) > 80:
            continue
        m = _DASH_NAME.match(line)
        if not m or not is_name(m["name"].strip()) or (m["role"] and word_count(m["role"]) > 4):
            continue
        prev = r.text[i - 1] if i else ""
        nxt = r.text[i + 1] if i + 1 < n else ""
        if prev.endswith(":") or LIST_ITEM.match(prev) or LIST_ITEM.match(nxt):
            continue
        r.set(i, "excluded", "dash byline: a dash and the author's name")


def views_box(r: Roles) -> None:
    """The question of a reader-views box: a short question or label between "Your views" and
    "Send us your views" (or right under the first when it is a question)."""
    for i, reason in enumerate(r.reason):
        if not reason.startswith("reader-views"):
            continue
        for j in range(i + 1, min(i + 4, len(r.text))):
            if not r.free(j):
                break
            line = r.text[j]
            closes = j + 1 < len(r.text) and r.reason[j + 1].startswith("reader-views")
            if word_count(line) > 20 or not (line.endswith("?") or closes):
                break
            r.set(j, "excluded", "reader-views box: the question put to readers")


_END_MARKER = re.compile(
    r"^(?:" + MORE_FROM + r"|you (?:may|might) also like|recommended(?: for you)?)$", re.I
)
_APPEAL_WORDS = (
    *("support", "donat", "subscri", "journalis", "independen", "contribut", "reader", "member"),
    *("censor", "free press", "media", "pay", "funding", "continue"),
)


def end_blocks(r: Roles) -> None:
    """Blocks at the end of a page that are not the article.

    Under a "More stories from …" / "You may also like" marker: every following line, when
    none of them is a long paragraph (40+ words) and at most half end a sentence (other
    stories' headlines, teasers, dates, reading times). Under the head of an appeal ("A message
    from …:", "Dear readers,"): the following lines when they run to the end of the page and
    each is a word or two or speaks of support, subscriptions, journalism or readers.
    """
    n = len(r.text)
    heads = [
        i
        for i in range(n)
        if r.role[i] == "excluded"
        and (
            r.reason[i].startswith("appeal box")
            or (
                r.text[i][:1].isalpha()
                and len(r.text[i]) <= 60
                and _END_MARKER.match(r.text[i].strip(" .:|"))
            )
        )
    ]
    if not heads:
        return
    # one pass from the end: what follows each line (the rules then cost O(n) in all)
    free_after = [0] * (n + 1)
    sentences_after = [0] * (n + 1)
    long_after = [False] * (n + 1)
    other_after = [False] * (n + 1)  # a free line after that is not part of an appeal
    for j in range(n - 1, -1, -1):
        free_after[j], sentences_after[j] = free_after[j + 1], sentences_after[j + 1]
        long_after[j], other_after[j] = long_after[j + 1], other_after[j + 1]
        if r.free(j):
            line = r.text[j]
            free_after[j] += 1
            sentences_after[j] += ends_sentence(line)
            long_after[j] = long_after[j] or has_words(line, 40)
            other_after[j] = other_after[j] or not _appeal_line(line)
    for i in heads:
        if not free_after[i + 1]:
            continue
        line = r.text[i]
        if not r.reason[i].startswith("appeal box"):
            if not long_after[i + 1] and sentences_after[i + 1] * 2 <= free_after[i + 1]:
                why = f"other stories: under '{line.strip(' .:|')[:40]}' at the page end"
                break
        elif r.reason[i].startswith("appeal box") and not other_after[i + 1]:
            why = "appeal: the outlet's message to its readers, to the end of the page"
            break
    else:
        return
    for j in range(i + 1, n):
        if r.free(j):
            r.set(j, "excluded", why)


def _appeal_line(line: str) -> bool:
    """A line of an appeal to readers: a word or two, or one that speaks of support,
    subscriptions, journalism or readers (and is not a quotation)."""
    if word_count(line) <= 2:
        return True
    low = line.lower()
    return not line.startswith(("“", '"')) and any(w in low for w in _APPEAL_WORDS)


def truncated_last_line(r: Roles, i: int) -> bool:
    """Whether block ``i`` is the last line of an excerpt cut off mid-sentence: the file's last
    block, right after a body paragraph, three or more words with lower-case words, ending in a
    letter, a digit or a comma ("… said on Tuesday that it", "… and the bank wou"). It stays a body
    paragraph."""
    if i != len(r.text) - 1 or i == 0 or r.role[i - 1] not in ("",) or r.short[i - 1]:
        return False
    line = r.text[i]
    return (
        (line[-1:].isalnum() or line[-1:] in ",-–—“‘(")
        and word_count(line) >= 3
        and any(w.islower() for w in line.split()[1:])
    )


_TRAILER = re.compile(
    r"(?<=[.!?…\"”’)])\s*(?:(?<=\s)(?:read more|continue reading|full story|read the full (?:story|article))"
    r"\s*[:.»›>→…]*|\((?:end|ends|more)\))$",
    re.I,
)
"""A "read more" link, or a wire's "(END)" mark, glued to the end of a paragraph after its last
sentence."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?P<q>[\"”’]?)\s+(?=[\"“‘]?[A-Z])")
"""A break between sentences (a closing quotation mark stays with the sentence before)."""
_APPEAL_KIND = next(k for k in WEB_KINDS if k.reason.startswith("channel appeal"))


def _has_hint(text: str) -> bool:
    """Whether ``text`` holds part of a channel appeal's trigger words, in either case: plain
    substring tests, the cheapest gate on every paragraph."""
    return (
        "ollow" in text
        or "oin u" in text
        or "oin o" in text
        or "ubscribe to" in text
        or "oogle" in text
        or "hannel" in text
    )


_EDGE = 240
"""An appeal sentence has at most 25 words: only this many characters at either end are read."""


def _appeal_sentence(sentence: str) -> bool:
    low = sentence.lower()
    return (
        any(t in low for t in _APPEAL_KIND.triggers)
        and word_count(sentence) <= 25
        and bool(_APPEAL_KIND.pattern.search(sentence))
    )


def _cut_appeal(text: str) -> str:
    """``text`` without a channel appeal as its last or first sentence ('' when there is none)."""
    tail = text[-_EDGE:]
    if _has_hint(tail):
        breaks = list(_SENTENCE_BREAK.finditer(tail))
        if breaks:
            at = len(text) - len(tail)
            if _appeal_sentence(text[at + breaks[-1].end() :]):
                return text[: at + breaks[-1].start() + len(breaks[-1]["q"])]
    head = text[:_EDGE]
    if _has_hint(head):
        first = _SENTENCE_BREAK.search(head)
        if first and _appeal_sentence(text[: first.start() + len(first["q"])]):
            return text[first.end() :]
    return ""


def cut_trailers(text: str) -> tuple[str, str]:
    """``text`` without a link or appeal glued to it, and what was cut ('' when nothing).

    A "read more" link after the last sentence ("… the next round. read more"), and a
    channel appeal as the last or first sentence of a paragraph of other sentences ("… .
    Follow our channel on WhatsApp for updates."), are cut off; the paragraph stays.
    """
    tail = text[-24:].lower()
    if ("more" in tail or "reading" in tail or "story" in tail or "article" in tail or "(end" in tail) and (
        _TRAILER.search(text)
    ):
        return _TRAILER.sub("", text).rstrip(), "'read more' link or end mark"
    if len(text) < 60 or not _has_hint(text):
        return text, ""
    kept = _cut_appeal(text)
    # what stays must be a paragraph of its own, not the rest of a short appeal
    return (kept, "channel appeal") if kept and has_words(kept, 15) else (text, "")
