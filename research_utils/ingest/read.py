"""Read an article file: size limit, encoding, binary refusal, saved web pages, sidecar.

Every refusal is an :class:`~research_utils.ingest.errors.ArticleError` whose one-line
message names the file, what is wrong and what to do.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from research_utils.ingest.errors import ArticleError
from research_utils.safeio import BYTE_ORDER_MARKS

__all__ = [
    "MAX_BYTES",
    "MAX_SIDECAR_BYTES",
    "check_meta",
    "decode",
    "html_to_text",
    "load_sidecar",
    "read_bytes",
    "sidecar_path",
]

MAX_BYTES: int = 2_000_000
"""Largest input accepted: 2 MB, about 330,000 words (a long news article has 10,000). A
larger file is refused with a message; a folder of many articles goes to ``--corpus``. At
this size the whole report build stays under 2 minutes and 1 GB of memory on a 2-core
machine (``make bench`` measures it)."""

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


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes, returning (text, encoding); refuse binary data."""
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise ArticleError(
                f"{name} looks like {kind}, not text: save the article as a .txt or .html file."
            )
    for bom, enc in BYTE_ORDER_MARKS:
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
        text, enc = _mixed_or_legacy(raw)
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > max(8, len(sample) // 100):
        raise ArticleError(
            f"{name} is mostly control characters, so it looks like a binary file: "
            "save the article as plain text (.txt) or HTML."
        )
    return text, enc


MIXED_UTF8 = "utf-8 with cp1252 bytes"
"""Encoding name of a UTF-8 file with a few bytes of a legacy encoding pasted in."""


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY = re.compile("[\udc80-\udcff]")


def _legacy_byte(match: re.Match[str]) -> str:
    """A byte that was not UTF-8 (kept by ``surrogateescape``) read as cp1252, or as
    latin-1 where cp1252 leaves it undefined."""
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _mixed_or_legacy(raw: bytes) -> tuple[str, str]:
    """Text that is not valid UTF-8: UTF-8 with a few legacy bytes when its valid UTF-8
    sequences outnumber the stray bytes (an "é" typed in Windows into a UTF-8 file), else
    a legacy single-byte file (cp1252, else latin-1)."""
    text = raw.decode("utf-8", errors="surrogateescape")
    strays = len(_STRAY.findall(text))
    if len(_UTF8_MULTIBYTE.findall(raw)) >= strays:
        return _STRAY.sub(_legacy_byte, text), f"{MIXED_UTF8} ({strays:,} byte{'s' * (strays != 1)})"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


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


def read_bytes(path: Path) -> tuple[bytes, str]:
    """The bytes of an article file, refused with one line when it cannot be an article."""
    from research_utils.safeio import NotRegularFile, TooLarge, read_regular

    name = str(path)
    if not path.exists():
        raise ArticleError(f"{name} does not exist: check the path (it is read relative to {Path.cwd()}).")
    if path.is_dir():
        raise ArticleError(f"{name} is a directory: give the path of one article file in it.")
    try:
        raw = read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        raise ArticleError(
            f"{name} is {exc.kind}, not a regular file: give the path of an article file."
        ) from None
    except TooLarge as exc:
        raise ArticleError(
            f"{name} is {exc.size / 1e6:.1f} MB, above the {MAX_BYTES / 1e6:.0f} MB limit for one article: "
            "split it into separate articles, or analyse a folder of them with --corpus."
        ) from None
    except OSError as exc:
        raise ArticleError(f"{name} cannot be read ({exc.strerror}): check its permissions.") from None
    return raw, name


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


def check_meta(data: dict[Any, Any], side: Path | str) -> dict[str, Any]:
    """Type-check sidecar fields, naming the field and the form that works.

    ``side`` names where the fields come from in messages (the sidecar file, or ``--meta``).
    """
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


def load_sidecar(path: Path) -> dict[str, Any]:
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
    return check_meta(data, side)


def html_to_text(raw_text: str, name: str) -> tuple[str, dict[str, Any]]:
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
