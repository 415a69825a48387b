"""The synthetic gold set (``tests/gold/*.yaml``): passages written by the project team.

They were written by the people who write the rules, in the styles of the outlets they
read: they show that the rules do what they were written to do (unit-level checks, read
the held-out ``test`` split), not how the rules fare on copy from other outlets; the
real-copy set (:mod:`research_utils.validation.realcopy`) measures that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from research_utils.safeyaml import load_yaml

__all__ = ["SyntheticGold", "load_synthetic", "split"]

MAX_GOLD_BYTES = 5_000_000


class SyntheticGold(dict):  # type: ignore[type-arg]
    """``{"attribution": [...], "naming": [...], "claims": [...], "structure": [...]}`` and the
    folder of the structure files (``folder``)."""

    folder: Path


def load_synthetic(gold: str | Path) -> SyntheticGold:
    """The four synthetic gold files of the folder ``gold``."""
    gold = Path(gold)
    out = SyntheticGold()
    for name, key in (
        ("attribution", "items"),
        ("naming", "items"),
        ("claims", "items"),
        ("structure", "files"),
    ):
        out[name] = load_yaml(gold / f"{name}.yaml", max_bytes=MAX_GOLD_BYTES, what="gold file")[key]
    out.folder = gold / "structure"
    return out


def split(items: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The items of ``which`` (``dev``, ``test``, or ``all``)."""
    return [it for it in items if which == "all" or it.get("split") == which]
