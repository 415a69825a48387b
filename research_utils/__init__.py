"""Research notebooks for media and discourse analysis: the helper package.

Public entry points::

    from research_utils import load_article, as_corpus, sentences, split_sentences, words
"""

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
