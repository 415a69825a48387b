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

Terms are matched by :mod:`research_utils.lexicons.matcher`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from research_utils.lexicons.errors import MAX_LEXICON_BYTES, LexiconError
from research_utils.lexicons.matcher import check_pattern
from research_utils.paths import LEXICON_DIR

__all__ = [
    "MAX_LEXICON_BYTES",
    "Lexicon",
    "check_nonempty",
    "check_patterns",
    "check_unique",
    "check_values",
    "entry_line",
    "lexicon_path",
    "load_lexicon",
]

_META_REQUIRED = ("name", "description", "method", "sources")


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

    @property
    def shown_path(self) -> str:
        """The lexicon's file(s) as shared reports show them: file names only, the bundled
        ones marked (``bundled actors.yaml``, ``bundled actors.yaml + my_actors.yaml``)."""
        shown = []
        for part in self.path.split(" + "):
            p = Path(part)
            shown.append(f"bundled {p.name}" if p.parent == LEXICON_DIR else p.name)
        return " + ".join(shown)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the entries and the header: equal for equal content (a memo key)."""
        cached = self.__dict__.get("_fingerprint")
        if cached is None:
            payload = json.dumps([self.name, self.meta, self.entries], sort_keys=True, default=str)
            cached = hashlib.sha256(payload.encode("utf-8")).hexdigest()
            object.__setattr__(self, "_fingerprint", cached)
        return cached


def lexicon_path(name: str, pack: str | Path | None = None) -> Path | None:
    """Path of a bundled lexicon given its name (``reporting_verbs`` -> ``lexicons/reporting_verbs.yaml``).

    A topic lexicon (actors, issues, naming_sets) is the file of the topic pack ``pack``
    (None or "" = the default pack), or None when that pack has none.
    """
    from research_utils.lexicons.pack import PACK_LEXICONS, load_pack

    if name in PACK_LEXICONS:
        return load_pack(pack or "").lexicon_file(name)
    return LEXICON_DIR / f"{name}.yaml"


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return t.__name__


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
    pack: str | Path | None = None,
) -> Lexicon:
    """Load a bundled lexicon, optionally replaced or extended by a user file.

    The topic lexicons (actors, issues, naming sets) come from a topic pack
    (:mod:`research_utils.lexicons.pack`); a pack without one gives an empty lexicon
    (``entries == ()``), and the analysis then says it does not apply.

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
    pack : str or Path, optional
        Topic pack (bundled name or folder) for the topic lexicons; None = the default pack.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem.
    """
    optional = optional or {}
    base_path = lexicon_path(name, pack)
    base = _from_file(base_path, schema, optional) if base_path is not None else None
    user = _from_file(Path(user_path), schema, optional) if user_path else None
    if user is not None and (base is None or user.meta.get("mode", "replace") == "replace"):
        return user  # a user file replaces the bundled list (or stands alone where a pack has none)
    if base is None:  # a topic lexicon the pack does not have
        from research_utils.lexicons.pack import load_pack

        chosen = load_pack(pack or "")
        meta = {
            "name": name.replace("_", " ").capitalize(),
            "description": f"The topic pack '{chosen.name}' has no {name.replace('_', ' ')} lexicon.",
            "method": "none",
            "sources": [f"topic pack {chosen.name}"],
        }
        return Lexicon(meta["name"], "", meta, (), ())
    if user is None:
        return base
    merged: dict[str, tuple[dict[str, Any], int]] = {
        e["id"]: (e, ln) for e, ln in zip(base.entries, base.lines, strict=False)
    }
    for e, ln in zip(user.entries, user.lines, strict=False):
        merged[e["id"]] = (e, ln)
    meta_out = {
        **base.meta,
        "extended_by": user.path,
        "sources": [*base.meta["sources"], *user.meta["sources"]],
    }
    return Lexicon(
        base.name,
        f"{base.path} + {user.path}",
        meta_out,
        tuple(e for e, _ in merged.values()),
        tuple(ln for _, ln in merged.values()),
    )


def _from_file(
    path: Path, schema: dict[str, type | tuple[type, ...]], optional: dict[str, type | tuple[type, ...]]
) -> Lexicon:
    """One lexicon file, read and validated."""
    data, lines = _read(path)
    meta, entries = _validate(path, data, lines, schema, optional)
    return Lexicon(str(meta["name"]), str(path), meta, tuple(entries), tuple(lines))


def entry_line(lex: Lexicon, eid: str) -> int:
    """1-based line of entry ``eid`` in its file (1 when unknown)."""
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if entry["id"] == eid:
            return line or 1
    return 1


def check_values(lex: Lexicon, field: str, allowed: Sequence[str]) -> None:
    """Every entry's ``field`` is one of ``allowed``; else a :class:`LexiconError` naming the line."""
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        value = entry.get(field)
        if value not in allowed:
            raise LexiconError(
                f"{lex.path}, line {line or 1}: entry '{entry['id']}' has {field} '{value}'; "
                f"use one of: {', '.join(allowed)}."
            )


def check_nonempty(lex: Lexicon, fields: Sequence[str]) -> None:
    """Every entry lists something under at least one of ``fields``."""
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if not any(entry.get(f) for f in fields):
            raise LexiconError(
                f"{lex.path}, line {line or 1}: entry '{entry['id']}' lists no terms (give at least one of "
                f"{', '.join(fields)})."
            )


def check_unique(lex: Lexicon, field: str) -> None:
    """No two entries share a value of ``field`` (case-insensitive)."""
    seen: dict[str, str] = {}
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        key = str(entry[field]).strip().lower()
        if key in seen:
            raise LexiconError(
                f"{lex.path}, line {line or 1}: entry '{entry['id']}' repeats the {field} "
                f"'{entry[field]}' of entry '{seen[key]}'; give each {field} once."
            )
        seen[key] = entry["id"]


def check_patterns(lex: Lexicon, fields: tuple[str, ...] = ("patterns",)) -> None:
    """Compile every regular expression of a lexicon; a bad one names file and line."""
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        for field in fields:
            for pat in entry.get(field, []) or []:
                problem = check_pattern(str(pat))
                if problem is not None:
                    raise LexiconError(
                        f"{lex.path}, line {line or 1}: entry '{entry['id']}' has an invalid regular "
                        f"expression in '{field}': {pat!r} ({problem}); fix or remove it."
                    )
