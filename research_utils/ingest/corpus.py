"""Many documents at once: :class:`Corpus`, and :func:`as_corpus` for whatever a caller has.

A corpus is an ordered set of :class:`~research_utils.ingest.document.Document` objects
with unique slugs. The first is the *main* document of a report and the rest are its
*comparisons*; a corpus of many articles has no main one in particular. Every analysis
takes a corpus (or anything :func:`as_corpus` accepts) and returns one table with an
``article`` column holding each row's slug.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from research_utils.ingest.document import Document, article_from_text, load_article

__all__ = ["Corpus", "CorpusLike", "as_corpus"]


@dataclass(frozen=True, eq=False)
class Corpus:
    """Documents with unique slugs, in order; the first is the main one.

    Build one with :meth:`of` (which renames repeated slugs ``a``, ``a-2`` ...) or
    :func:`as_corpus`.
    """

    documents: tuple[Document, ...]

    def __post_init__(self) -> None:
        slugs = [d.slug for d in self.documents]
        if len(set(slugs)) != len(slugs):
            raise ValueError("documents of a corpus need unique slugs: build it with Corpus.of(...)")
        if not self.documents:
            raise ValueError("a corpus needs at least one document")

    @classmethod
    def of(cls, documents: Iterable[Document]) -> Corpus:
        """A corpus of ``documents``, giving repeated slugs a numbered suffix."""
        out: list[Document] = []
        taken: set[str] = set()
        for doc in documents:
            slug = doc.slug
            if slug in taken:
                n = 2
                while f"{slug}-{n}" in taken:
                    n += 1
                doc = dataclasses.replace(doc, name=f"{slug}-{n}")
            taken.add(doc.slug)
            out.append(doc)
        return cls(tuple(out))

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> Corpus:
        """Load every file of ``paths`` (see :func:`~research_utils.ingest.document.load_article`)."""
        return cls.of(load_article(p) for p in paths)

    @property
    def main(self) -> Document:
        """The first document: the one a report is about."""
        return self.documents[0]

    @property
    def comparisons(self) -> tuple[Document, ...]:
        """Every document but the first."""
        return self.documents[1:]

    @property
    def slugs(self) -> list[str]:
        """Slugs in order."""
        return [d.slug for d in self.documents]

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, str):
            for d in self.documents:
                if d.slug == key:
                    return d
            raise KeyError(key)
        return self.documents[key]


CorpusLike = Corpus | Document | str | Path | Sequence[Document | str | Path]
"""Anything :func:`as_corpus` accepts."""


def _document(item: Document | str | Path) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Path):
        return load_article(item)
    if isinstance(item, str):
        try:
            is_file = "\n" not in item and len(item) < 4096 and Path(item).is_file()
        except (OSError, ValueError):  # too long for a file name, or a NUL byte: it is a text
            is_file = False
        return load_article(item) if is_file else article_from_text(item)
    raise TypeError(f"cannot make a document of {type(item).__name__}: give a Document, a path or a text")


def as_corpus(x: CorpusLike) -> Corpus:
    """A :class:`Corpus` of ``x``: a corpus, a document, a path, a text, or a list of these.

    A string is read as a path when it names an existing file (and holds no line
    break), otherwise as the text of an article.
    """
    if isinstance(x, Corpus):
        return x
    if isinstance(x, (Document, str, Path)):
        return Corpus((_document(x),))
    return Corpus.of(_document(item) for item in x)
