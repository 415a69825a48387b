"""The error every lexicon step raises for a file it cannot use (a leaf: the loader, the
matcher and the analyses' lexicon bundles all raise it)."""

from __future__ import annotations

__all__ = ["LexiconError"]


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the line."""
