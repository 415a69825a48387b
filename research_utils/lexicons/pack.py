"""Topic packs: the topic-specific lexicons, concordance terms and research questions.

Most lexicons serve any English news text (reporting verbs, hedges and boosters, position
cues, frame cues, persuasion cues). Three are about a topic: the **actors** (who the sides
are), the contested **issues**, and the **naming sets** (the contested names of the
topic). With them go the default concordance terms and the research question each report
opens with. A *topic pack* holds these together, in one folder::

    lexicons/packs/<name>/
        pack.yaml          # meta (name, description, method, sources), questions, kwic_terms
        actors.yaml        # optional: a lexicon in the usual format
        issues.yaml        # optional
        naming_sets.yaml   # optional

A pack that has no file for one of them leaves that analysis without a lexicon, and the
report says in one line that the analysis does not apply. The notebooks take the pack by
name (a bundled pack) or as a path to a folder of your own (see the README, "Writing a
topic pack"). Bundled packs:

* ``russia_ukraine_2022``: the 2022 Russia-Ukraine talks (the bundled article's topic).
* ``generic``: any news article. Its actors are the world's states with their capitals and
  demonyms, generated from the ``countryinfo`` data package by
  :mod:`research_utils.lexicons.countries`; named speakers become actors of their own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research_utils.paths import LEXICON_DIR

__all__ = [
    "DEFAULT_PACK",
    "PACK_DIR",
    "PACK_LEXICONS",
    "Pack",
    "PackError",
    "bundled_packs",
    "load_pack",
]

PACK_DIR: Path = LEXICON_DIR / "packs"
"""Folder of the bundled packs."""

DEFAULT_PACK: str = "russia_ukraine_2022"
"""The pack the notebooks use by default (the bundled article's topic)."""

PACK_LEXICONS: tuple[str, ...] = ("actors", "issues", "naming_sets")
"""Lexicons that belong to a topic pack rather than to every analysis."""

QUESTION_KEYS: tuple[str, ...] = ("text_statistics", "stance", "framing", "corpus")
"""Keys of ``questions`` in ``pack.yaml``: one research question per report."""

_MAX_PACK_BYTES = 200_000


class PackError(ValueError):
    """A pack that cannot be used; the message names the pack and what to do."""


@dataclass(frozen=True)
class Pack:
    """A loaded topic pack.

    Attributes
    ----------
    name : str
        ``meta.name`` (for a bundled pack, its folder name).
    path : Path
        The pack's folder.
    meta : dict
        The header block of ``pack.yaml`` (name, description, method, sources).
    questions : dict
        Research question per report (keys of :data:`QUESTION_KEYS`).
    kwic_terms : tuple of str
        Default concordance queries.
    lexicons : dict
        Pack lexicon name -> file in the pack (only those the pack has).
    """

    name: str
    path: Path
    meta: dict[str, Any]
    questions: dict[str, str] = field(default_factory=dict)
    kwic_terms: tuple[str, ...] = ()
    lexicons: dict[str, Path] = field(default_factory=dict)

    def lexicon_file(self, name: str) -> Path | None:
        """The pack's file for lexicon ``name``, or None when the pack has none."""
        return self.lexicons.get(name)

    def question(self, key: str) -> str:
        """The research question for report ``key`` ("" when the pack gives none)."""
        return self.questions.get(key, "")

    @property
    def shown_path(self) -> str:
        """The pack as a reader should see it: its name if bundled, else the folder name."""
        try:
            self.path.relative_to(PACK_DIR)
        except ValueError:
            return self.path.name
        return self.name

    @property
    def sha256(self) -> str:
        """SHA-256 of the pack's YAML files (names and bytes, read now): an edited pack has a
        new one."""
        import hashlib

        from research_utils.lexicons.errors import MAX_LEXICON_BYTES
        from research_utils.safeio import NotRegularFile, TooLarge, read_regular

        digest = hashlib.sha256()
        for f in sorted(self.path.glob("*.yaml")):
            try:  # never blocks on a FIFO or reads a device without end
                content = read_regular(f, MAX_LEXICON_BYTES)
            except (NotRegularFile, TooLarge, OSError) as exc:
                content = f"unreadable: {exc}".encode()
            digest.update(f.name.encode() + b"\0" + content)
        return digest.hexdigest()


def bundled_packs() -> list[str]:
    """Names of the packs that ship with the package."""
    return sorted(p.parent.name for p in PACK_DIR.glob("*/pack.yaml"))


def _folder(pack: str | Path) -> Path:
    text = str(pack).strip()
    if not text:
        text = DEFAULT_PACK
    if "/" not in text and "\\" not in text and (PACK_DIR / text / "pack.yaml").is_file():
        return PACK_DIR / text
    folder = Path(text).expanduser()
    if folder.is_file() and folder.name == "pack.yaml":
        folder = folder.parent
    if not (folder / "pack.yaml").is_file():
        raise PackError(
            f"unknown topic pack {text!r}: give one of {', '.join(bundled_packs())} "
            "or a folder that holds a pack.yaml (see the README, 'Writing a topic pack')."
        )
    return folder.resolve()


def load_pack(pack: str | Path = DEFAULT_PACK) -> Pack:
    """Load a topic pack by bundled name or folder path.

    Raises
    ------
    PackError
        For an unknown pack or a malformed ``pack.yaml`` (one line naming the file).
    """
    return _load(str(_folder(pack)))


@functools.lru_cache(maxsize=16)
def _load(folder_text: str) -> Pack:
    from research_utils.safeyaml import YamlError, load_yaml

    folder = Path(folder_text)
    path = folder / "pack.yaml"
    try:
        data = load_yaml(path, max_bytes=_MAX_PACK_BYTES, what="pack file")
    except YamlError as exc:
        raise PackError(str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise PackError(f"{path}: a pack.yaml needs a 'meta' block (name, description, method, sources).")
    meta = data["meta"]
    for key in ("name", "description", "method", "sources"):
        if not meta.get(key):
            raise PackError(f"{path}: 'meta' lacks '{key}'.")
    questions = data.get("questions") or {}
    if not isinstance(questions, dict) or not all(
        k in QUESTION_KEYS and isinstance(v, str) for k, v in questions.items()
    ):
        raise PackError(f"{path}: 'questions' maps {', '.join(QUESTION_KEYS)} to a text each.")
    kwic = data.get("kwic_terms") or []
    if not isinstance(kwic, list) or not all(isinstance(t, str) and t.strip() for t in kwic):
        raise PackError(f"{path}: 'kwic_terms' must be a list of texts.")
    unknown = set(data) - {"meta", "questions", "kwic_terms"}
    if unknown:
        raise PackError(f"{path}: unknown key(s) {', '.join(sorted(unknown))} (meta, questions, kwic_terms).")
    lexicons = {
        name: folder / f"{name}.yaml" for name in PACK_LEXICONS if (folder / f"{name}.yaml").is_file()
    }
    return Pack(
        name=str(meta["name"]),
        path=folder,
        meta=dict(meta),
        questions={k: " ".join(v.split()) for k, v in questions.items()},
        kwic_terms=tuple(kwic),
        lexicons=lexicons,
    )
