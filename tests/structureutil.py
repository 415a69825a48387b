"""The reader's structure as the structure tests look at it: a pasted page, and the role and
reason the reader gives each of its lines."""

from __future__ import annotations

from research_utils.ingest import article_from_text
from research_utils.ingest.document import Document


def doc(*lines: str) -> Document:
    """An article read from ``lines`` (one line each)."""
    return article_from_text("\n".join(lines))


def role(d: Document, text: str) -> str:
    """The role of the line ``text`` (title, deck, body, excluded ...)."""
    return next(b.role for b in d.blocks if b.text == text)


def reason(d: Document, text: str) -> str:
    """Why the line ``text`` has its role."""
    return next(b.reason for b in d.blocks if b.text == text)
