"""The six lexicons of the framing analysis: loading, validation, and their compiled matchers.

* ``policy_frames.yaml``: the 15 dimensions of the Policy Frames Codebook (Boydstun et
  al. 2014; Card et al. 2015), each with a definition and cue terms.
* ``generic_frames.yaml``: the five generic news frames of Semetko & Valkenburg (2000).
* ``sv_checklist.yaml``: Semetko & Valkenburg's 20 yes/no questions, each with a cue rule
  or marked for a human coder.
* ``naming_sets.yaml``: contrast sets that name one referent two ways (Kyiv/Kiev ...).
* ``persuasion_cues.yaml``: candidate cues for the 23 techniques of SemEval-2023 Task 3
  (Piskorski et al. 2023).
* ``entman_cues.yaml``: cues of Entman's (1993) four framing functions.

Every file can be replaced or extended by a user file (see
:func:`research_utils.lexicons.load_lexicon`); a malformed file raises
:class:`~research_utils.lexicons.LexiconError` naming the file and the line.
:class:`FramingLexicons` holds the six, with a :attr:`~FramingLexicons.fingerprint` of
their content and their compiled matchers (:class:`~.matching.CueIndex`), built the first
time they are needed and kept with the bundle.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.analyses.framing.matching import CueIndex
from research_utils.lexicons import (
    Lexicon,
    LexiconError,
    TermGroup,
    check_patterns,
    check_unique,
    load_lexicon,
)
from research_utils.lexicons.pack import DEFAULT_PACK, load_pack

__all__ = [
    "SCHEMES",
    "FramingLexicons",
    "bundled_lexicons",
    "frame_definitions",
    "lexicon_table",
    "load_checklist",
    "load_entman",
    "load_frames",
    "load_lexicons",
    "load_naming",
    "load_persuasion",
    "resolve_lexicons",
    "schemes_of",
]

SCHEMES: dict[str, str] = {"policy": "policy_frames", "generic": "generic_frames"}
"""Frame schemes and their bundled lexicons: ``policy`` = Policy Frames Codebook (15
dimensions), ``generic`` = Semetko & Valkenburg's five generic frames."""

_FRAME_SCHEMA: dict[str, Any] = {"frame": str, "definition": str, "cues": list}
_FRAME_OPTIONAL: dict[str, Any] = {"code": int, "note": str}
_CHECKLIST_SCHEMA: dict[str, Any] = {"number": int, "frame": str, "question": str}
_CHECKLIST_OPTIONAL: dict[str, Any] = {
    "cues": list,
    "with_cues": list,
    "patterns": list,
    "needs_human_coding": bool,
    "note": str,
    "min_sentences": int,
}
_NAMING_SCHEMA: dict[str, Any] = {"referent": str, "side_a": list, "side_b": list, "source": str}
_NAMING_OPTIONAL: dict[str, Any] = {"label_a": str, "label_b": str, "exclude": list, "note": str, "kind": str}
_PERSUASION_SCHEMA: dict[str, Any] = {"technique": str, "family": str, "definition": str}
_PERSUASION_OPTIONAL: dict[str, Any] = {
    "cues": list,
    "patterns": list,
    "computed": bool,
    "needs_human_coding": bool,
    "note": str,
}
_ENTMAN_SCHEMA: dict[str, Any] = {"function": str, "definition": str, "cues": list}
_ENTMAN_OPTIONAL: dict[str, Any] = {"patterns": list, "note": str}


def _error(lex: Lexicon, line: int, message: str) -> LexiconError:
    return LexiconError(f"{lex.path}, line {line or 1}: {message}")


def load_frames(scheme: str = "policy", user_path: str = "") -> Lexicon:
    """Load a frame lexicon (``policy`` or ``generic``), optionally replaced or extended.

    Parameters
    ----------
    scheme : str
        ``policy`` (Policy Frames Codebook) or ``generic`` (Semetko & Valkenburg).
    user_path : str
        A user YAML file in the same format ("" = the bundled lexicon only). With
        ``meta.mode: extend`` it adds frames or overrides frames with the same ``id``.

    Returns
    -------
    Lexicon
        Entries with ``frame``, ``definition`` and ``cues``.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem (a missing field, a frame name
        given twice).
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
    lex = load_lexicon(SCHEMES[scheme], schema=_FRAME_SCHEMA, optional=_FRAME_OPTIONAL, user_path=user_path)
    check_unique(lex, "frame")
    return lex


def load_checklist(user_path: str = "") -> Lexicon:
    """Load the Semetko & Valkenburg checklist (``sv_checklist.yaml``).

    Every item needs either ``cues`` (optionally ``with_cues`` and ``patterns``) or
    ``needs_human_coding: true``, not both.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon(
        "sv_checklist", schema=_CHECKLIST_SCHEMA, optional=_CHECKLIST_OPTIONAL, user_path=user_path
    )
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        automatic = bool(entry.get("cues") or entry.get("patterns"))
        if entry.get("needs_human_coding") and automatic:
            raise _error(
                lex, line, f"item '{entry['id']}' has cues and needs_human_coding: give one or the other."
            )
        if not automatic and not entry.get("needs_human_coding"):
            raise _error(
                lex, line, f"item '{entry['id']}' needs 'cues' (or 'patterns') or 'needs_human_coding: true'."
            )
    check_patterns(lex)
    return lex


def load_naming(user_path: str = "", pack: str | Path = DEFAULT_PACK) -> Lexicon:
    """Load the naming contrast sets (``naming_sets.yaml`` of the topic pack ``pack``).

    A pack without naming sets gives an empty lexicon: the naming analysis does not apply.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem (a set with an empty side, a
        term on both sides).
    """
    lex = load_lexicon(
        "naming_sets", schema=_NAMING_SCHEMA, optional=_NAMING_OPTIONAL, user_path=user_path, pack=pack
    )
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        for side in ("side_a", "side_b"):
            if not [t for t in entry[side] if str(t).strip()]:
                raise _error(
                    lex,
                    line,
                    f"set '{entry['id']}' has no terms in '{side}'; a contrast set needs at least one term "
                    "on each side.",
                )
        both = {str(t).strip().lower() for t in entry["side_a"]} & {
            str(t).strip().lower() for t in entry["side_b"]
        }
        if both:
            raise _error(lex, line, f"set '{entry['id']}' lists {sorted(both)} on both sides.")
    return lex


def load_persuasion(user_path: str = "") -> Lexicon:
    """Load the persuasion technique cues (``persuasion_cues.yaml``).

    Every technique needs ``cues``, ``patterns``, ``computed: true`` (repetition) or
    ``needs_human_coding: true``.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon(
        "persuasion_cues", schema=_PERSUASION_SCHEMA, optional=_PERSUASION_OPTIONAL, user_path=user_path
    )
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if not any(entry.get(k) for k in ("cues", "patterns", "computed", "needs_human_coding")):
            raise _error(
                lex,
                line,
                f"technique '{entry['id']}' needs 'cues', 'patterns', 'computed: true' or "
                "'needs_human_coding: true'.",
            )
    check_patterns(lex)
    return lex


def load_entman(user_path: str = "") -> Lexicon:
    """Load the Entman function cues (``entman_cues.yaml``).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon("entman_cues", schema=_ENTMAN_SCHEMA, optional=_ENTMAN_OPTIONAL, user_path=user_path)
    check_patterns(lex)
    return lex


def _terms(entry: dict[str, Any], field: str) -> tuple[str, ...]:
    return tuple(str(t) for t in entry.get(field, []) or [] if str(t).strip())


@dataclass(frozen=True, eq=False)
class FramingLexicons:
    """All lexicons of the framing analysis, loaded once, with their compiled matchers.

    Attributes
    ----------
    policy, generic, checklist, naming, persuasion, entman : Lexicon

    The matchers (``*_index``) are compiled the first time they are used and kept with
    the bundle; the per-document hits they find are kept with each document, keyed on the
    :attr:`Lexicon.fingerprint` of the lexicon they come from.
    """

    policy: Lexicon
    generic: Lexicon
    checklist: Lexicon
    naming: Lexicon
    persuasion: Lexicon
    entman: Lexicon
    pack: str = DEFAULT_PACK

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the six lexicons' fingerprints: equal for equal content."""
        joined = "|".join(lex.fingerprint for lex in self.all().values())
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()

    def frames(self, scheme: str) -> Lexicon:
        """The frame lexicon of ``scheme`` (``policy`` or ``generic``)."""
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
        return self.policy if scheme == "policy" else self.generic

    def all(self) -> dict[str, Lexicon]:
        """``{role: Lexicon}`` in a fixed order."""
        return {
            "policy frames": self.policy,
            "generic frames": self.generic,
            "S&V checklist": self.checklist,
            "naming sets": self.naming,
            "persuasion cues": self.persuasion,
            "Entman cues": self.entman,
        }

    # ------------------------------------------------------------------ compiled matchers

    def frame_index(self, scheme: str) -> CueIndex:
        """The matcher of ``scheme``'s frames: one group per frame (key = entry id)."""
        return self.policy_index if self.frames(scheme) is self.policy else self.generic_index

    @functools.cached_property
    def policy_index(self) -> CueIndex:
        """Policy frame cues, one group per frame."""
        return _frame_index(self.policy)

    @functools.cached_property
    def generic_index(self) -> CueIndex:
        """Generic frame cues, one group per frame."""
        return _frame_index(self.generic)

    @functools.cached_property
    def checklist_index(self) -> CueIndex:
        """Two groups per automatic checklist item: ``<id>`` (cues and patterns) and
        ``<id>|with`` (the cues that must occur in the same sentence)."""
        groups = []
        for e in self.checklist.entries:
            if e.get("needs_human_coding"):
                continue
            groups.append(TermGroup(e["id"], _terms(e, "cues"), patterns=_terms(e, "patterns")))
            groups.append(TermGroup(f"{e['id']}|with", _terms(e, "with_cues")))
        return CueIndex.of_terms(groups)

    @functools.cached_property
    def naming_index(self) -> CueIndex:
        """One group per naming set (key = set id), each term tagged with its side ``A`` or
        ``B``; a set's ``exclude`` terms hide the matches they overlap."""
        return CueIndex.of_compounds(
            (
                e["id"],
                [(t, "A") for t in _terms(e, "side_a")] + [(t, "B") for t in _terms(e, "side_b")],
                _terms(e, "exclude"),
            )
            for e in self.naming.entries
        )

    @functools.cached_property
    def persuasion_index(self) -> CueIndex:
        """One group per technique with cues or patterns (key = entry id)."""
        return CueIndex.of_terms(
            TermGroup(e["id"], _terms(e, "cues"), patterns=_terms(e, "patterns"))
            for e in self.persuasion.entries
            if not e.get("computed") and (e.get("cues") or e.get("patterns"))
        )

    @functools.cached_property
    def entman_index(self) -> CueIndex:
        """One group per function (key = entry id)."""
        return CueIndex.of_terms(
            TermGroup(e["id"], _terms(e, "cues"), patterns=_terms(e, "patterns")) for e in self.entman.entries
        )


def _frame_index(lex: Lexicon) -> CueIndex:
    return CueIndex.of_terms(TermGroup(e["id"], _terms(e, "cues")) for e in lex.entries)


def load_lexicons(
    *,
    policy: str = "",
    generic: str = "",
    checklist: str = "",
    naming: str = "",
    persuasion: str = "",
    entman: str = "",
    pack: str | Path = DEFAULT_PACK,
) -> FramingLexicons:
    """Load every framing lexicon; each argument is an optional user file ("" = bundled).

    ``pack`` is the topic pack of the naming sets (:mod:`research_utils.lexicons.pack`).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    PackError
        For an unknown pack.
    """
    chosen = load_pack(pack)
    return FramingLexicons(
        pack=chosen.name,
        policy=load_frames("policy", policy),
        generic=load_frames("generic", generic),
        checklist=load_checklist(checklist),
        naming=load_naming(naming, chosen.path),
        persuasion=load_persuasion(persuasion),
        entman=load_entman(entman),
    )


@functools.lru_cache(maxsize=1)
def bundled_lexicons() -> FramingLexicons:
    """The bundled lexicons, loaded once per process (the default of every analysis)."""
    return load_lexicons()


def resolve_lexicons(lexicons: FramingLexicons | None) -> FramingLexicons:
    """``lexicons``, or the bundled ones for ``None``.

    Raises
    ------
    TypeError
        For a single :class:`Lexicon` (the analyses take the whole bundle: load a user
        file with ``load_lexicons(policy=path)``).
    """
    if lexicons is None:
        return bundled_lexicons()
    if not isinstance(lexicons, FramingLexicons):
        raise TypeError(
            f"expected FramingLexicons, not {type(lexicons).__name__}: load them with load_lexicons() "
            "(give your own file as load_lexicons(policy=path, ...))"
        )
    return lexicons


def schemes_of(scheme: str) -> list[str]:
    """The schemes ``scheme`` names: ``policy``, ``generic``, or ``all`` (policy, then generic)."""
    if scheme == "all":
        return list(SCHEMES)
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {[*SCHEMES, 'all']}, not {scheme!r}")
    return [scheme]


def lexicon_table(lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """What each lexicon is and where it comes from.

    Returns
    -------
    DataFrame
        ``lexicon``, ``name``, ``entries``, ``file``, ``method``, ``sources``.
    """
    lex = resolve_lexicons(lexicons)
    rows = [
        {
            "lexicon": role,
            "name": one.name,
            "entries": len(one.entries),
            "file": one.shown_path,
            "method": " ".join(str(one.meta.get("method", "")).split()),
            "sources": " | ".join(str(s) for s in one.meta.get("sources", [])),
        }
        for role, one in lex.all().items()
    ]
    return pd.DataFrame(rows, columns=["lexicon", "name", "entries", "file", "method", "sources"])


def frame_definitions(lexicons: FramingLexicons | None = None, scheme: str = "all") -> pd.DataFrame:
    """The frames of a scheme (or both) with their definitions and cue counts.

    Parameters
    ----------
    lexicons : FramingLexicons, optional
        Default: the bundled lexicons.
    scheme : str
        ``policy``, ``generic`` or ``all`` (policy frames, then generic ones).

    Returns
    -------
    DataFrame
        ``scheme``, ``frame``, ``definition``, ``cues`` (number of cue terms),
        ``example_cues`` (the first ten).
    """
    lex = resolve_lexicons(lexicons)
    rows = []
    for s in schemes_of(scheme):
        for entry in lex.frames(s).entries:
            cues = [str(c) for c in entry["cues"]]
            rows.append(
                {
                    "scheme": s,
                    "frame": entry["frame"],
                    "definition": " ".join(str(entry["definition"]).split()),
                    "cues": len(cues),
                    "example_cues": ", ".join(cues[:10]) + (" ..." if len(cues) > 10 else ""),
                }
            )
    return pd.DataFrame(rows, columns=["scheme", "frame", "definition", "cues", "example_cues"])
