"""The blocks of one text and the roles given to them so far, shared by the role rules.

:mod:`research_utils.ingest.structure` gives the roles (title, deck, heading, body,
excluded) in passes; :mod:`research_utils.ingest.page` holds the passes that need the
neighbours of a line on real pages. Both work on one :class:`Roles`.
"""

from __future__ import annotations

from research_utils.ingest.furniture import LIST_ITEM
from research_utils.ingest.lines import ends_sentence, word_count

__all__ = ["Roles", "is_short_line"]


def is_short_line(text: str) -> bool:
    """A line of at most 15 words without final punctuation, not a quotation, list item or
    clause ending in a comma: the shape of headings, labels and most furniture."""
    # cheapest test first: a body paragraph ends in sentence punctuation
    return (
        not ends_sentence(text)
        and not text.endswith(",")
        and not text.startswith(("“", '"', "‘", "("))
        and not LIST_ITEM.match(text)
        and word_count(text) <= 15
    )


class Roles:
    """The blocks of one text and the roles given so far (``role == ''``: not decided)."""

    def __init__(self, blocks: list[str]) -> None:
        self.text = blocks
        self.role = [""] * len(blocks)
        self.reason = [""] * len(blocks)
        self.short = [is_short_line(b) for b in blocks]

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.text) and self.role[i] == ""

    def set(self, i: int, role: str, reason: str) -> None:
        self.role[i], self.reason[i] = role, reason

    def next_free(self, i: int) -> int | None:
        """The first undecided block after ``i``."""
        return next((j for j in range(i + 1, len(self.text)) if self.role[j] == ""), None)
