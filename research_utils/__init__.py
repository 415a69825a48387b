"""Research notebooks for media and discourse analysis: the helper package.

Public entry points::

    from research_utils import load_article, as_corpus, sentences, split_sentences, words
    from research_utils import textstats, stance, framing   # = research_utils.analyses.*
"""

import importlib
from typing import Any

from research_utils.ingest import (
    ArticleError,
    Corpus,
    Document,
    article_from_text,
    as_corpus,
    load_article,
    sentences,
    split_sentences,
    words,
)

Article = Document
"""The former name of :class:`Document`."""

__all__ = [
    "Article",
    "ArticleError",
    "Corpus",
    "Document",
    "article_from_text",
    "as_corpus",
    "load_article",
    "sentences",
    "split_sentences",
    "words",
]
__version__ = "0.1.0"

_ANALYSES = ("textstats", "stance", "framing", "corpus")


def __getattr__(name: str) -> Any:
    """``research_utils.textstats`` and the other analyses, imported when first used."""
    if name in _ANALYSES:
        return importlib.import_module(f"research_utils.analyses.{name}")
    raise AttributeError(f"module 'research_utils' has no attribute {name!r}")
