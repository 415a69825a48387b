"""Research notebooks for media and discourse analysis: the helper package.

Public entry points::

    from research_utils import load_article, split_sentences, words, sentences
"""

from research_utils.article import Article, ArticleError, article_from_text, load_article
from research_utils.tokenize import sentences, split_sentences, words

__all__ = [
    "Article",
    "ArticleError",
    "article_from_text",
    "load_article",
    "sentences",
    "split_sentences",
    "words",
]
__version__ = "0.1.0"
