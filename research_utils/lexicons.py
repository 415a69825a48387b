"""Load and validate the YAML lexicons, and match their terms in text.

Every lexicon is a YAML file with two top-level keys::

    meta:
      name: Reporting verbs                  # required
      description: what the list is for      # required
      method: how it was built                # required
      sources:                                # required, at least one
        - Recasens et al. 2013, Linguistic models for analyzing and detecting biased language
      mode: replace                           # user files only: replace (default) or extend
    entries:
      - id: said                              # required, unique
        ...                                   # fields given by the caller's schema

Bundled lexicons live in ``research_utils/lexicons/``. A user file given to a notebook
parameter either replaces the bundled list (``mode: replace``) or adds to it and
overrides entries with the same ``id`` (``mode: extend``). A malformed file raises
:class:`LexiconError` naming the file and the line.

Terms are matched case-insensitively on word boundaries. A term may be a phrase
(``special military operation``), end in ``*`` for any ending (``neutral*``), and
apostrophes match either form (``'`` or ``’``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from research_utils.paths import LEXICON_DIR

__all__ = [
    "Lexicon",
    "LexiconError",
    "UserPattern",
    "check_pattern",
    "compile_terms",
    "find_terms",
    "lexicon_path",
    "load_lexicon",
    "term_body",
]

_META_REQUIRED = ("name", "description", "method", "sources")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A validated lexicon.

    Attributes
    ----------
    name : str
        ``meta.name``.
    path : str
        File it was read from (the user file when one was given).
    meta : dict
        The header block.
    entries : tuple of dict
        The entries, each with an ``id``.
    lines : tuple of int
        1-based line of each entry in its file (0 for entries from another file).
    """

    name: str
    path: str
    meta: dict[str, Any]
    entries: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]

    def by_id(self) -> dict[str, dict[str, Any]]:
        """Entries keyed by ``id``."""
        return {e["id"]: e for e in self.entries}


def lexicon_path(name: str) -> Path:
    """Path of a bundled lexicon given its name (``actors`` -> ``lexicons/actors.yaml``)."""
    return LEXICON_DIR / f"{name}.yaml"


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return t.__name__


MAX_LEXICON_BYTES: int = 5_000_000
"""Largest lexicon file accepted."""


def _read(path: Path) -> tuple[dict[str, Any], list[int]]:
    """Parse a lexicon file into (data, entry line numbers)."""
    from research_utils.safeyaml import YamlError, load_yaml

    try:
        data, node = load_yaml(path, max_bytes=MAX_LEXICON_BYTES, what="lexicon file", with_node=True)
    except YamlError as exc:
        raise LexiconError(str(exc)) from None
    if not isinstance(data, dict) or node is None:
        raise LexiconError(f"{path}, line 1: a lexicon must be a mapping with 'meta' and 'entries'.")
    lines: list[int] = []
    for key_node, value_node in node.value:
        if key_node.value == "entries" and isinstance(value_node, yaml.SequenceNode):
            lines = [item.start_mark.line + 1 for item in value_node.value]
    return data, lines


def _key_line(path: Path, key: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def _validate(
    path: Path,
    data: dict[str, Any],
    lines: list[int],
    schema: dict[str, type | tuple[type, ...]],
    optional: dict[str, type | tuple[type, ...]],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise LexiconError(f"{path}, line 1: missing 'meta' block (name, description, method, sources).")
    for key in _META_REQUIRED:
        if not meta.get(key):
            raise LexiconError(f"{path}, line {_key_line(path, 'meta')}: 'meta' lacks '{key}'.")
    if not isinstance(meta["sources"], list) or not all(isinstance(x, str) for x in meta["sources"]):
        raise LexiconError(f"{path}, line {_key_line(path, 'meta')}: 'meta.sources' must be a list of texts.")
    scalar = (str, int, float, bool, type(None))
    for key, value in meta.items():
        flat = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        if not all(isinstance(v, scalar) for v in flat):
            raise LexiconError(
                f"{path}, line {_key_line(path, 'meta')}: 'meta.{key}' must hold plain values, not nested lists."
            )
    if meta.get("mode", "replace") not in ("replace", "extend"):
        raise LexiconError(f"{path}, line {_key_line(path, 'meta')}: 'meta.mode' must be replace or extend.")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{path}, line {_key_line(path, 'entries')}: 'entries' must be a non-empty list.")
    seen: dict[str, int] = {}
    allowed = {"id", *schema, *optional}
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 1
        if not isinstance(entry, dict):
            raise LexiconError(f"{path}, line {line}: entry {i + 1} must be a mapping with an 'id'.")
        eid = entry.get("id")
        if not isinstance(eid, str) or not eid.strip():
            raise LexiconError(f"{path}, line {line}: entry {i + 1} lacks a text 'id'.")
        if eid in seen:
            raise LexiconError(f"{path}, line {line}: id '{eid}' repeats the entry at line {seen[eid]}.")
        seen[eid] = line
        for key in schema:
            if key not in entry:
                raise LexiconError(f"{path}, line {line}: entry '{eid}' lacks '{key}'.")
        for key, value in entry.items():
            if key not in allowed:
                raise LexiconError(
                    f"{path}, line {line}: entry '{eid}' has unknown field '{key}' "
                    f"(allowed: {', '.join(sorted(allowed))})."
                )
            want = schema.get(key) or optional.get(key) or str
            if not isinstance(value, want):
                raise LexiconError(
                    f"{path}, line {line}: entry '{eid}' field '{key}' must be {_type_name(want)}."
                )
            if isinstance(value, list) and not all(isinstance(x, (str, int, float)) for x in value):
                raise LexiconError(
                    f"{path}, line {line}: entry '{eid}' field '{key}' must list plain values."
                )
    return meta, entries


def load_lexicon(
    name: str,
    *,
    schema: dict[str, type | tuple[type, ...]],
    optional: dict[str, type | tuple[type, ...]] | None = None,
    user_path: str | Path | None = None,
) -> Lexicon:
    """Load a bundled lexicon, optionally replaced or extended by a user file.

    Parameters
    ----------
    name : str
        Bundled lexicon name (file stem in ``research_utils/lexicons``).
    schema : dict
        Required entry fields and their types (``id`` is always required).
    optional : dict, optional
        Optional entry fields and their types.
    user_path : str or Path, optional
        A user lexicon in the same format; "" or None uses the bundled one only.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem.
    """
    optional = optional or {}
    base_path = lexicon_path(name)
    data, lines = _read(base_path)
    meta, entries = _validate(base_path, data, lines, schema, optional)
    if not user_path:
        return Lexicon(str(meta["name"]), str(base_path), meta, tuple(entries), tuple(lines))
    upath = Path(user_path)
    udata, ulines = _read(upath)
    umeta, uentries = _validate(upath, udata, ulines, schema, optional)
    if umeta.get("mode", "replace") == "replace":
        return Lexicon(str(umeta["name"]), str(upath), umeta, tuple(uentries), tuple(ulines))
    merged: dict[str, tuple[dict[str, Any], int]] = {
        e["id"]: (e, ln) for e, ln in zip(entries, lines, strict=False)
    }
    for e, ln in zip(uentries, ulines, strict=False):
        merged[e["id"]] = (e, ln)
    meta_out = {**meta, "extended_by": str(upath), "sources": [*meta["sources"], *umeta["sources"]]}
    return Lexicon(
        str(meta["name"]),
        f"{base_path} + {upath}",
        meta_out,
        tuple(e for e, _ in merged.values()),
        tuple(ln for _, ln in merged.values()),
    )


_TERM_BEFORE = r"(?<![\w'’-])"
"""A term starts a word: no letter, digit, apostrophe or hyphen right before it."""
_TERM_AFTER = r"(?![\w-]|['’](?![sS]\b)\w)"
"""A term ends a word: no letter, digit or hyphen after it, and no apostrophe that goes on
as a contraction (``won't``); a possessive ``'s`` may follow."""


def term_body(term: str, wildcard_tail: str = r"[\w'’-]*") -> str:
    """A lexicon term as a regular expression, without word-boundary checks around it.

    Apostrophes match ``'`` and ``’``, a space matches any run of white space, a hyphen
    matches hyphen variants; a trailing ``*`` becomes ``wildcard_tail`` (by default the
    rest of the word, hyphens and apostrophes included).
    """
    term = term.strip().replace("’", "'")
    wildcard = term.endswith("*")
    if wildcard:
        term = term[:-1]
    parts = []
    for ch in term:
        if ch == "'":
            parts.append("['’]")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"[-‐‑]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts) + (wildcard_tail if wildcard else "")


def _term_regex(term: str) -> str:
    """One term as a regular expression that matches whole words only."""
    return _TERM_BEFORE + term_body(term) + _TERM_AFTER


def compile_terms(terms: list[str] | tuple[str, ...], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """Compile terms into one case-insensitive pattern (longest terms tried first).

    A trailing ``*`` matches any word ending; spaces match any white space; an
    apostrophe matches ``'`` or ``’``; hyphens match hyphen variants. Terms never match
    inside a longer word, a hyphenated compound (``non-aligned`` is not ``aligned``) or a
    contraction (``won't`` is not ``won``); a possessive ``'s`` is not such a word, so
    ``Kiev`` matches ``Kiev's``.

    ``case_sensitive=True`` gives the same pattern without case folding.

    The word-boundary checks are written once around the alternation of the terms
    (``before(?:term1|term2|...)after``), which matches exactly what one check per
    term would (``before term1 after|before term2 after|...``) but rejects most
    positions of a text with one test. When every term starts with an ASCII letter or
    digit, the terms are grouped by that first character (``a(?:bc|x)|k(?:...)``, in
    their order within each group): terms with different first characters never match
    at the same place, so the matches are the same, and the engine tries one group
    instead of every term. Compiled patterns are cached.
    """
    # Longest first (so "NATO membership" wins over "NATO"), then alphabetical: the same
    # pattern in every process, whatever the order of the set.
    cleaned = sorted({str(t).strip() for t in terms if str(t).strip()}, key=lambda t: (-len(t), t))
    return _compile_terms(tuple(cleaned), case_sensitive)


@functools.lru_cache(maxsize=4096)
def _compile_terms(cleaned: tuple[str, ...], case_sensitive: bool = False) -> re.Pattern[str]:
    if not cleaned:
        return re.compile(r"(?!x)x")
    if all(t[0].isascii() and t[0].isalnum() for t in cleaned):
        groups: dict[str, list[str]] = {}
        for t in cleaned:  # the body of t starts with t[0] itself (re.escape keeps it)
            groups.setdefault(t[0] if case_sensitive else t[0].lower(), []).append(term_body(t)[1:])
        body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    else:
        body = "|".join(term_body(t) for t in cleaned)
    return re.compile(f"{_TERM_BEFORE}(?:{body}){_TERM_AFTER}", 0 if case_sensitive else re.IGNORECASE)


PATTERN_TIMEOUT_S: float = 0.5
"""Longest time one lexicon regular expression may take on one sentence."""


class UserPattern:
    """A regular expression from a lexicon's ``patterns`` field, run with a time bound.

    Patterns run in the ``regex`` engine, which avoids most catastrophic backtracking and
    stops a match that takes longer than :data:`PATTERN_TIMEOUT_S`: the build then ends
    with a :class:`LexiconError` naming the pattern instead of hanging (sentences are at
    most :data:`research_utils.tokenize.MAX_SENTENCE_WORDS` words, so the work per pattern
    is bounded by the number of sentences).
    """

    def __init__(self, pattern: str) -> None:
        import regex

        self.text = str(pattern)
        self.pattern = regex.compile(self.text, regex.IGNORECASE | regex.VERSION0)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """Non-empty matches as ``(start, end, matched text)``.

        Raises
        ------
        LexiconError
            When the pattern exceeds its time bound.
        """
        try:
            found = [
                (m.start(), m.end(), m.group(0))
                for m in self.pattern.finditer(text, timeout=PATTERN_TIMEOUT_S)
                if m.end() > m.start()
            ]
        except TimeoutError:
            raise LexiconError(
                f"the lexicon pattern {self.text!r} took more than {PATTERN_TIMEOUT_S} s on one sentence; "
                "simplify it (nested repetition such as (\\w+\\s?)* can backtrack without end)."
            ) from None
        return found


def check_pattern(pattern: str) -> str | None:
    """The reason ``pattern`` is not a valid regular expression, or None if it is."""
    import regex

    try:
        regex.compile(str(pattern), regex.IGNORECASE | regex.VERSION0)
    except (regex.error, re.error) as exc:
        return str(exc)
    return None


def find_terms(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """All non-overlapping matches of ``pattern`` in ``text`` as ``(start, end, matched text)``."""
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
