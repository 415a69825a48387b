"""One article, parsed once: :class:`Document`, and how to load one.

A :class:`Document` holds the structure of an article (title, deck, headings, body
paragraphs, every block with its role) and, computed the first time they are asked for
and kept on the object, its parse: body sentences with their quotations and voice, word
tokens with their vocabulary (type, term, stop word), and VADER scores per sentence.
Every analysis reads these; none parses the text again. Analyses that derive more from a
document (matches of a lexicon, per-token syllables) keep it with :meth:`Document.memo`,
keyed on what it depends on, so it lives and dies with the document.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from research_utils.ingest import read
from research_utils.ingest.checks import HTML_DOCUMENT, NOT_ENGLISH, input_warnings
from research_utils.ingest.errors import ArticleError
from research_utils.ingest.parse import Parsed, parse, quoted_tokens
from research_utils.ingest.structure import Block, segment

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Document", "Parsed", "article_from_text", "load_article", "slugify"]

T = TypeVar("T")

SENTENCE_COLUMNS = [
    "article",
    "sentence_id",
    "paragraph_id",
    "section",
    "sentence",
    "start",
    "end",
    "words",
    "quote_spans",
    "quoted_share",
    "voice",
]
TOKEN_COLUMNS = [
    "article",
    "sentence_id",
    "paragraph_id",
    "position",
    "start",
    "end",
    "token",
    "norm",
    "term",
    "is_number",
    "stopword",
    "voice",
]
SEGMENT_COLUMNS = ["article", "sentence_id", "paragraph_id", "segment", "voice", "text", "start", "end"]
_HAS_WORD = re.compile(r"[^\W_]")
SENTIMENT_COLUMNS = ["article", "sentence_id", "neg", "neu", "pos", "compound", "polarity"]


def slugify(text: str) -> str:
    """Lower-case ASCII slug of ``text`` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "article"


_VOICES = np.array(["author", "quoted"], dtype=object)


@dataclass(frozen=True, eq=False)
class Document:
    """A structured, repaired article, parsed once.

    Attributes
    ----------
    title, deck : str
        Headline and standfirst ("" when there is none).
    headings : tuple of str
        Section headings in order.
    paragraphs : tuple of str
        Body paragraphs, the only text the analyses measure.
    sections : tuple of str
        For each body paragraph, the heading it falls under ("" before the first).
    blocks : tuple of Block
        Every block of the file with its role and reason.
    path : str or None
        Source file, if the document came from one.
    sha256 : str
        SHA-256 of the raw input bytes (of the text when built from a string).
    encoding : str
        Encoding the file was decoded with.
    repairs : dict
        Count of each repair applied to the text.
    meta : dict
        Sidecar metadata (outlet, date, url, ...).
    warnings : tuple of str
        Doubts about the input that every report shows at its top (see
        :attr:`all_warnings`, which adds those found by the parse).
    name : str
        Overrides the slug (a corpus gives documents with the same slug distinct names).
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
    name: str = ""

    # ------------------------------------------------------------------ identity

    @functools.cached_property
    def slug(self) -> str:
        """File-system-safe name: :attr:`name`, else from the file name or the title."""
        if self.name:
            return self.name
        base = Path(self.path).stem if self.path else (self.title or "article")
        return slugify(base)

    @property
    def label(self) -> str:
        """Short human label: the outlet and title when known."""
        outlet = self.meta.get("outlet")
        return f"{outlet}: {self.title}" if outlet else (self.title or self.slug)

    @property
    def body(self) -> str:
        """Body paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def looks_english(self) -> bool:
        """False when the body does not look like English (see :mod:`~research_utils.ingest.checks`)."""
        return not any(w.startswith(NOT_ENGLISH) for w in self.warnings)

    @property
    def all_warnings(self) -> tuple[str, ...]:
        """:attr:`warnings` and the doubts the parse found (sentences cut for length)."""
        extra = []
        if self.parsed.cut:
            from research_utils.ingest.sentences import MAX_SENTENCE_WORDS

            extra.append(
                f"{self.parsed.cut:,} stretch(es) of text ran longer than {MAX_SENTENCE_WORDS} words "
                "without a sentence end and were cut into sentences of at most that length."
            )
        return (*self.warnings, *extra)

    # ------------------------------------------------------------------ the parse

    @functools.cached_property
    def parsed(self) -> Parsed:
        """Sentences, their quotations and word tokens as lists and arrays (read-only)."""
        return parse(self.paragraphs, self.sections)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        """The body sentences, one row each (shared: do not modify; copy first).

        Columns: ``article`` (slug), ``sentence_id`` (0-based, article order),
        ``paragraph_id`` (0-based body paragraph), ``section`` (heading above it, or
        ""), ``sentence``, ``start`` and ``end`` (character offsets in the paragraph),
        ``words`` (token count), ``quote_spans`` (tuple of ``(start, end)`` offsets *in
        the sentence* of text inside quotation marks; quotes may span sentences),
        ``quoted_share`` (share of its characters inside quotation marks) and ``voice``
        (``quoted`` when that share is at least one half, else ``author``).
        """
        import pandas as pd

        p = self.parsed
        lengths = np.fromiter(map(len, p.sentence), dtype=np.int64, count=len(p.sentence))
        quoted = np.array(
            [
                sum(min(b, n) - max(a, 0) for a, b in spans)
                for spans, n in zip(p.quotes, lengths, strict=True)
            ],
            dtype=float,
        )
        share = np.divide(quoted, lengths, out=np.zeros_like(quoted), where=lengths > 0)
        return pd.DataFrame(
            {
                "article": self.slug,
                "sentence_id": np.arange(len(p.sentence), dtype=np.int64),
                "paragraph_id": p.paragraph_id,
                "section": p.section,
                "sentence": p.sentence,
                "start": p.start,
                "end": p.end,
                "words": p.words,
                "quote_spans": p.quotes,
                "quoted_share": share.round(3),
                "voice": np.where(share >= 0.5, "quoted", "author"),
            },
            columns=SENTENCE_COLUMNS,
        )

    @functools.cached_property
    def tokens(self) -> pd.DataFrame:
        """Every word token of the body with its vocabulary (shared: do not modify).

        Columns: ``article``, ``sentence_id``, ``paragraph_id``, ``position`` (0 = first
        word of its sentence), ``start`` and ``end`` (offsets in the paragraph),
        ``token`` (as written, apostrophes ``'``), ``norm`` (its type:
        :func:`research_utils.ingest.vocabulary.norm`), ``term`` (``norm`` with a possessive
        folded: the unit of frequencies, keyness and distinctive words), ``is_number``,
        ``stopword`` (bundled list), ``voice`` (author/quoted).
        """
        import pandas as pd

        from research_utils.ingest import vocabulary

        p = self.parsed
        n_tok = len(p.token)
        sid = p.token_sentence.astype(np.int64, copy=False)
        first = np.cumsum(p.words) - p.words
        codes, uniques = pd.factorize(np.array(p.token, dtype=object))
        forms = vocabulary.forms(list(uniques))
        return pd.DataFrame(
            {
                "article": self.slug,
                "sentence_id": sid,
                "paragraph_id": np.asarray(p.paragraph_id, dtype=np.int64)[sid] if n_tok else sid,
                "position": np.arange(n_tok, dtype=np.int64) - first[sid] if n_tok else sid,
                "start": (np.asarray(p.start, dtype=np.int64)[sid] if n_tok else sid) + p.token_start,
                "end": (np.asarray(p.start, dtype=np.int64)[sid] if n_tok else sid) + p.token_end,
                "token": pd.Series(p.token, dtype=object),
                "norm": pd.Series(forms.norm[codes], dtype=object),
                "term": pd.Series(forms.term[codes], dtype=object),
                "is_number": forms.is_number[codes],
                "stopword": forms.stopword[codes],
                "voice": pd.Series(_VOICES[quoted_tokens(p).view(np.uint8)], dtype=object),
            },
            columns=TOKEN_COLUMNS,
        )

    @functools.cached_property
    def segments(self) -> pd.DataFrame:
        """Every body sentence cut into author and quoted stretches (shared: do not modify).

        Columns: ``article``, ``sentence_id``, ``paragraph_id``, ``segment`` (0-based within
        the sentence), ``voice`` (``author`` or ``quoted``), ``text``, ``start`` and ``end``
        (offsets in the sentence). Stretches that are only punctuation or space are dropped.
        """
        import pandas as pd

        rows = []
        p = self.parsed
        for sid, (sent, spans, pid) in enumerate(zip(p.sentence, p.quotes, p.paragraph_id, strict=True)):
            cuts = []
            pos = 0
            for a, b in spans:
                if a > pos:
                    cuts.append(("author", pos, a))
                cuts.append(("quoted", a, b))
                pos = b
            if pos < len(sent):
                cuts.append(("author", pos, len(sent)))
            k = 0
            for voice, a, b in cuts:
                piece = sent[a:b]
                if not _HAS_WORD.search(piece):
                    continue
                rows.append((self.slug, sid, pid, k, voice, piece.strip(), a, b))
                k += 1
        return pd.DataFrame(rows, columns=SEGMENT_COLUMNS)

    @functools.cached_property
    def sentiment(self) -> pd.DataFrame:
        """VADER scores of every body sentence (shared: do not modify).

        Columns: ``article``, ``sentence_id``, ``neg``, ``neu``, ``pos``, ``compound``,
        ``polarity`` (see :mod:`research_utils.sentiment`).
        """
        from research_utils.sentiment import score_texts

        scores = score_texts(self.parsed.sentence)
        scores.insert(0, "sentence_id", np.arange(len(scores), dtype=np.int64))
        scores.insert(0, "article", self.slug)
        return scores[SENTIMENT_COLUMNS]

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Compute a value derived from this document once, and keep it with the document.

        ``key`` must name everything the value depends on besides the document (the
        function and the fingerprint of any lexicon it uses). The value is shared:
        treat it as read-only.
        """
        store = self.__dict__.setdefault("_memo", {})
        lock = self.__dict__.setdefault("_memo_lock", threading.Lock())
        with lock:
            if key in store:
                return store[key]  # type: ignore[no-any-return]
        value = compute()
        with lock:
            return store.setdefault(key, value)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- loading


def article_from_text(
    text: str,
    *,
    meta: dict[str, Any] | None = None,
    path: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    name: str = "",
) -> Document:
    """Build a :class:`Document` from decoded text.

    Parameters
    ----------
    text : str
        The article as plain text (paragraphs separated by line breaks).
    meta : dict, optional
        Sidecar metadata; ``title``, ``deck``, ``headings`` and ``furniture`` override
        the role heuristics.
    path, sha256, encoding : optional
        Provenance recorded on the document.
    warnings : tuple of str, optional
        Doubts found while reading the file, shown with the document's own.
    name : str, optional
        The document's slug (default: from the file name or title).

    Raises
    ------
    ArticleError
        If the text holds no body paragraph.
    """
    meta = dict(meta or {})
    suffix = Path(path).suffix.lower() if path else ".txt"
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    st = segment(text, meta, path or "the text")
    return Document(
        title=st.title,
        deck=st.deck,
        headings=st.headings,
        paragraphs=st.paragraphs,
        sections=st.sections,
        blocks=st.blocks,
        path=path,
        sha256=sha256,
        encoding=encoding,
        repairs=st.repairs,
        meta=meta,
        warnings=(*warnings, *input_warnings("\n\n".join(st.paragraphs), text, suffix)),
        name=name,
    )


def load_article(path: str | Path, *, name: str = "", meta: dict[str, Any] | None = None) -> Document:
    """Read, repair, segment an article file (the parse itself happens when first needed).

    Parameters
    ----------
    path : str or Path
        A ``.txt`` file (UTF-8 with or without BOM, UTF-16/32 with BOM or UTF-16
        without, or a legacy single-byte file: cp1252, else latin-1) or a saved web page
        (``.html``/``.htm``, main text extracted with trafilatura). An optional
        ``<stem>.meta.yaml`` beside it supplies outlet, date, url, title and role
        overrides.
    name : str, optional
        The document's slug (default: from the file name).
    meta : dict, optional
        Sidecar fields given without a sidecar (``research-report --meta outlet=...``),
        checked as a sidecar's are; they win over the sidecar's.

    Raises
    ------
    ArticleError
        For a missing path, a directory, a binary or empty file, a file above
        :data:`~research_utils.ingest.read.MAX_BYTES`, or a malformed sidecar. The
        message is one sentence.
    """
    given = read.check_meta(dict(meta), "--meta") if meta else {}
    p = Path(path)
    raw, fname = read.read_bytes(p)
    if not raw.strip():
        raise ArticleError(f"{fname} is empty: give a file with the article text.")
    text, encoding = read.decode(raw, fname)
    if not text.strip():
        raise ArticleError(f"{fname} holds only white space: give a file with the article text.")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if encoding in ("utf-16-le", "utf-16-be"):
        warnings.append(f"The file is {encoding.upper()} without a byte-order mark; it was read as such.")
    if encoding.startswith(read.MIXED_UTF8):
        n = encoding.removeprefix(read.MIXED_UTF8).strip(" ()").split()[0]
        one = n == "1"
        warnings.append(
            f"The file is UTF-8 but {n} byte{'' if one else 's'} in it {'is' if one else 'are'} not: "
            f"{'it was' if one else 'they were'} read as Windows (cp1252) characters; check accented "
            "letters and quotation marks in the sentence tables."
        )
    if p.suffix.lower() in {".html", ".htm", ".xhtml"}:
        text, meta = read.html_to_text(text, fname)
    elif HTML_DOCUMENT.match(text[:2000]):
        text, meta = read.html_to_text(text, fname)
        warnings.append(
            f"{p.name} is a web page saved with a text extension: its main text was extracted as from "
            "an .html file."
        )
    meta.update(read.load_sidecar(p))
    meta.update(given)
    return article_from_text(
        text,
        meta=meta,
        path=str(p),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        warnings=tuple(warnings),
        name=name,
    )
