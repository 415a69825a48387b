"""The error every lexicon step raises for a file it cannot use, and the size limit of a
lexicon file (a leaf: the loader, the matcher, the packs and the analyses' lexicon bundles
all use them)."""

from __future__ import annotations

__all__ = ["MAX_LEXICON_BYTES", "LexiconError"]

MAX_LEXICON_BYTES: int = 5_000_000
"""Largest lexicon file accepted (the bundled ones are under 200 KB)."""


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the line."""
