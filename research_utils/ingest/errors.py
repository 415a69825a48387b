"""The error every ingest step raises for an input it cannot use."""

from __future__ import annotations

__all__ = ["ArticleError"]


class ArticleError(ValueError):
    """An input that cannot be analysed; the message says what is wrong and what to do."""
