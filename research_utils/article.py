"""Load, repair and segment a news article.

A scraped article is more than its body: a title, a deck (standfirst), section
headings, and page furniture (inline "related article" headlines, "Related Articles",
"Back to top button"). :func:`load_article` reads a file, detects its encoding,
repairs scraping damage, and sorts every block into one of those roles, recording
*why* a block was set aside so that a reader can disagree. Body statistics use the
body paragraphs only.

The role rules are heuristics and are stated in :data:`ROLE_RULES`; a sidecar file
``<article>.meta.yaml`` can override them (``headings``, ``furniture``, ``deck``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "MAX_BYTES",
    "ROLE_RULES",
    "Article",
    "ArticleError",
    "Block",
    "article_from_text",
    "excluded_lines",
    "load_article",
    "repair_text",
    "structure_table",
]

MAX_BYTES: int = 10_000_000
"""Largest input accepted (10 MB, about 1.6 million words). Larger files are refused."""

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


_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)


class ArticleError(ValueError):
    """An input that cannot be analysed; the message says what is wrong and what to do."""


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


@dataclass(frozen=True, eq=False)
class Article:
    """A structured, repaired article.

    Attributes
    ----------
    title, deck : str
        Headline and standfirst ("" when there is none).
    headings : tuple of str
        Section headings in order.
    paragraphs : tuple of str
        Body paragraphs, the only text the statistics use.
    sections : tuple of str
        For each body paragraph, the heading it falls under ("" before the first).
    blocks : tuple of Block
        Every block of the file with its role and reason.
    path : str or None
        Source file, if the article came from one.
    sha256 : str
        SHA-256 of the raw input bytes (of the text when built from a string).
    encoding : str
        Encoding the file was decoded with.
    repairs : dict
        Count of each repair applied to the text.
    meta : dict
        Sidecar metadata (outlet, date, url, ...).
    warnings : tuple of str
        Doubts about the input that every report shows at the top (text that looks like
        HTML or like another language than English, sentences cut for length).
    """

    title: str
    deck: str
    headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    sections: tuple[str, ...]
    blocks: tuple[Block, ...]
    path: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    repairs: dict[str, int] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def looks_english(self) -> bool:
        """False when the body does not look like English (see :func:`english_share`)."""
        return not any(w.startswith(_NOT_ENGLISH) for w in self.warnings)

    @property
    def body(self) -> str:
        """Body paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @functools.cached_property
    def slug(self) -> str:
        """File-system-safe name for the report folder (computed once)."""
        base = Path(self.path).stem if self.path else (self.title or "article")
        return slugify(base)

    @property
    def label(self) -> str:
        """Short human label: the outlet and title when known."""
        outlet = self.meta.get("outlet")
        return f"{outlet}: {self.title}" if outlet else (self.title or self.slug)


_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it on with as was by he at be this from are have has
    had said not but or an they his her which were will their been we would its who i you
    she there if than after also more when about can into no could our over one what""".split()
)
_NOT_ENGLISH = "The body does not look like English"
ENGLISH_MIN_SHARE: float = 0.15
"""Share of common English function words below which a text is flagged as not English.
English news prose has 35-50 % (the list in this module); German, French or Russian text
has under 10 %."""


def english_share(text: str) -> tuple[float, int]:
    """Share of the words of ``text`` that are common English function words, and the word count."""
    tokens = _WORD_COUNT.findall(text[:200_000].lower())
    if not tokens:
        return 0.0, 0
    return sum(t in _ENGLISH_FUNCTION_WORDS for t in tokens) / len(tokens), len(tokens)


_HTML_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|h[1-6]|script|style|table|td|tr|img|meta|body|head)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def _input_warnings(body: str, raw_text: str, suffix: str) -> list[str]:
    """Doubts about an input that every report shows at its top."""
    warnings = []
    if suffix not in {".html", ".htm", ".xhtml"}:
        tags = len(_HTML_TAG.findall(raw_text[:1_000_000]))
        words = max(1, _word_count(raw_text[:1_000_000]))
        if tags >= 5 and tags * 20 >= words:
            warnings.append(
                f"The text holds {tags:,} HTML tags: it looks like a web page saved as text, so tag "
                "names may be counted as words. Save the page as .html to have its main text extracted."
            )
    share, n = english_share(body)
    if n >= 30 and share < ENGLISH_MIN_SHARE:
        warnings.append(
            f"{_NOT_ENGLISH}: {share:.0%} of its words are common English function words, against "
            "35-50 % in English news. The word lists, lexicons and readability formulas assume "
            "English, so readability does not apply and every dictionary measure is doubtful."
        )
    return warnings


def slugify(text: str) -> str:
    """Lower-case ASCII slug of ``text`` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "article"


# --------------------------------------------------------------------------- reading


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes, returning (text, encoding); refuse binary data."""
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise ArticleError(
                f"{name} looks like {kind}, not text: save the article as a .txt or .html file."
            )
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, enc in boms:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError:
                raise ArticleError(
                    f"{name} starts with a {enc} byte-order mark but is not valid {enc}: re-save it as UTF-8."
                ) from None
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
        raise ArticleError(
            f"{name} contains NUL bytes, so it is a binary file, not text: "
            "save the article as plain text (.txt) or HTML."
        )
    try:
        text, enc = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = raw.decode("latin-1"), "latin-1"
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > max(8, len(sample) // 100):
        raise ArticleError(
            f"{name} is mostly control characters, so it looks like a binary file: "
            "save the article as plain text (.txt) or HTML."
        )
    return text, enc


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 text saved without a byte-order mark, if that is what ``raw`` is.

    ASCII-heavy text in UTF-16 has a zero byte in every other position: the odd ones for
    little-endian, the even ones for big-endian.
    """
    sample = raw[:65536]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.01 * len(other):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text:
                return text, enc
    return None


def _read(path: Path) -> tuple[bytes, str]:
    name = str(path)
    if not path.exists():
        raise ArticleError(f"{name} does not exist: check the path (it is read relative to {Path.cwd()}).")
    if path.is_dir():
        raise ArticleError(f"{name} is a directory: give the path of one article file in it.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(
            f"{name} is {size / 1e6:.1f} MB, above the {MAX_BYTES / 1e6:.0f} MB limit: "
            "split it into separate articles."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name} cannot be read ({exc.strerror}): check its permissions.") from None
    return raw, name


# --------------------------------------------------------------------------- repair

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


# --------------------------------------------------------------------------- segmenting


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


def _word_count(text: str) -> int:
    return len(_WORD_COUNT.findall(text))


def _is_short_line(text: str) -> bool:
    # cheapest test first: a body paragraph ends in sentence punctuation
    return (
        not _ends_sentence(text)
        and not text.startswith(("“", '"', "‘", "(", "-", "•", "*"))
        and _word_count(text) <= 15
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


def article_from_text(
    text: str,
    *,
    meta: dict[str, Any] | None = None,
    path: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
) -> Article:
    """Build an :class:`Article` from decoded text.

    Parameters
    ----------
    text : str
        The article as plain text (paragraphs separated by line breaks).
    meta : dict, optional
        Sidecar metadata; ``title``, ``deck``, ``headings`` and ``furniture`` override
        the role heuristics.
    path, sha256, encoding : optional
        Provenance recorded on the article.
    warnings : tuple of str, optional
        Doubts found while reading the file, shown with the article's own.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        If the text holds no body paragraph.
    """
    meta = dict(meta or {})
    suffix = Path(path).suffix.lower() if path else ".txt"
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    repaired, repairs = repair_text(text)
    raw_blocks = _blocks_from_text(repaired)
    name = path or "the text"
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
        elif not title and _word_count(raw_blocks[first]) <= 30 and len(raw_blocks) > 1:
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
            rest = sorted(_word_count(raw_blocks[i]) for i in body_idx[1:])
            return rest[len(rest) // 2]

        wc = _word_count(text_c)
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
    return Article(
        title=title,
        deck=deck,
        headings=tuple(b.text for b in blocks if b.role == "heading"),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        blocks=blocks,
        path=path,
        sha256=sha256,
        encoding=encoding,
        repairs=repairs,
        meta=meta,
        warnings=tuple([*warnings, *_input_warnings("\n\n".join(paragraphs), text, suffix)]),
    )


# --------------------------------------------------------------------------- sidecar

_META_KEYS: dict[str, type] = {
    "outlet": str,
    "title": str,
    "date": str,
    "date_approximate": bool,
    "date_note": str,
    "url": str,
    "author": str,
    "language": str,
    "source_file": str,
    "notes": str,
    "deck": str,
    "headings": list,
    "furniture": list,
}
MAX_SIDECAR_BYTES: int = 65_536
"""Largest sidecar accepted."""
_MAX_FIELD_CHARS = {"notes": 10_000, "date_note": 2_000, "deck": 2_000}
"""Longest text of a sidecar field (others: :data:`_MAX_TEXT_CHARS`)."""
_MAX_TEXT_CHARS = 500
_MAX_LIST_ITEMS = 500
_DATE = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


def sidecar_path(path: Path) -> Path:
    """Return ``<stem>.meta.yaml`` beside ``path``."""
    return path.with_name(path.stem + ".meta.yaml")


def _check_meta(data: dict[Any, Any], side: Path) -> dict[str, Any]:
    """Type-check sidecar fields, naming the field and the form that works."""
    import datetime

    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _META_KEYS:
            raise ArticleError(
                f"{side}: unknown key '{key}'; allowed keys are {', '.join(sorted(_META_KEYS))}."
            )
        want = _META_KEYS[key]
        if key == "date":
            if isinstance(value, (datetime.date, datetime.datetime)):
                value = value.isoformat()
            if (
                not isinstance(value, (str, int))
                or isinstance(value, bool)
                or not _DATE.fullmatch(str(value))
            ):
                raise ArticleError(
                    f"{side}: 'date' must be a date such as 2022-04-07 (or 2022-04, or 2022), got {value!r}."
                )
            value = str(value)
        elif want is str:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
                value = str(value)  # numbers parsed by YAML
            if not isinstance(value, str):
                raise ArticleError(f"{side}: '{key}' must be text, got {type(value).__name__}.")
            limit = _MAX_FIELD_CHARS.get(key, _MAX_TEXT_CHARS)
            if len(value) > limit:
                raise ArticleError(
                    f"{side}: '{key}' is {len(value):,} characters, above the limit of {limit:,}."
                )
        elif want is bool:
            if not isinstance(value, bool):
                raise ArticleError(f"{side}: '{key}' must be true or false, got {value!r}.")
        else:  # list of lines
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ArticleError(f"{side}: '{key}' must be a list of lines of text.")
            if len(value) > _MAX_LIST_ITEMS or any(len(v) > 2_000 for v in value):
                raise ArticleError(f"{side}: '{key}' lists too many or too long lines (limit 500 of 2,000).")
        out[str(key)] = value
    return out


def _load_sidecar(path: Path) -> dict[str, Any]:
    from research_utils.safeyaml import YamlError, load_yaml

    side = sidecar_path(path)
    if not side.exists() and not side.is_symlink():
        return {}
    try:
        data = load_yaml(side, max_bytes=MAX_SIDECAR_BYTES, what="sidecar")
    except YamlError as exc:
        raise ArticleError(str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(f"{side} must be a mapping of keys such as outlet, date, url, title.")
    return _check_meta(data, side)


def _html_to_text(raw_text: str, name: str) -> tuple[str, dict[str, Any]]:
    """Extract the main text and metadata of a saved web page with trafilatura."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a declared dependency
        raise ArticleError(
            f"{name} is HTML, and reading HTML needs trafilatura: pip install trafilatura."
        ) from None
    extracted = trafilatura.extract(
        raw_text,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        deduplicate=True,
    )
    if not extracted or not extracted.strip():
        raise ArticleError(
            f"{name} is HTML with no article text that could be extracted: "
            "save the article text as .txt instead."
        )
    meta: dict[str, Any] = {}
    doc = trafilatura.extract_metadata(raw_text)
    if doc is not None:
        for key in ("title", "date", "url", "author"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = str(value)
        outlet = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
        if outlet:
            meta["outlet"] = str(outlet)
    title = meta.get("title")
    text = f"{title}\n\n{extracted}" if title else extracted
    return text, meta


def load_article(path: str | Path) -> Article:
    """Read, repair and segment an article file.

    Parameters
    ----------
    path : str or Path
        A ``.txt`` file (UTF-8 with or without BOM, UTF-16/32 with BOM, or a legacy
        single-byte file: cp1252, else latin-1) or a saved web page (``.html``/``.htm``,
        main text extracted with trafilatura). An optional ``<stem>.meta.yaml`` beside it
        supplies outlet, date, url, title and role overrides.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        For a missing path, a directory, a binary or empty file, a file above
        :data:`MAX_BYTES`, or a malformed sidecar. The message is one sentence.
    """
    p = Path(path)
    raw, name = _read(p)
    if not raw.strip():
        raise ArticleError(f"{name} is empty: give a file with the article text.")
    text, encoding = _decode(raw, name)
    if not text.strip():
        raise ArticleError(f"{name} holds only white space: give a file with the article text.")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if encoding in ("utf-16-le", "utf-16-be"):
        warnings.append(f"The file is {encoding.upper()} without a byte-order mark; it was read as such.")
    if p.suffix.lower() in {".html", ".htm", ".xhtml"}:
        text, meta = _html_to_text(text, name)
    elif _HTML_DOCUMENT.match(text[:2000]):
        text, meta = _html_to_text(text, name)
        warnings.append(
            f"{p.name} is a web page saved with a text extension: its main text was extracted as from an .html file."
        )
    meta.update(_load_sidecar(p))
    return article_from_text(
        text,
        meta=meta,
        path=str(p),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------- tables


def structure_table(article: Article) -> pd.DataFrame:
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
                "words": _word_count(b.text),
                "text": b.text,
                "reason": b.reason,
            }
            for b in article.blocks
        ],
        columns=["block", "role", "words", "text", "reason"],
    )


def excluded_lines(article: Article) -> pd.DataFrame:
    """Lines set aside from the body as page furniture, with the reason.

    Returns
    -------
    DataFrame
        Columns ``block``, ``text``, ``reason``.
    """
    rows = [
        {"block": b.index, "text": b.text, "reason": b.reason} for b in article.blocks if b.role == "excluded"
    ]
    return pd.DataFrame(rows, columns=["block", "text", "reason"])
