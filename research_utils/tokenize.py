"""TEMPORARY shim while the analyses move to research_utils.ingest (removed at the end of the refactor)."""

from research_utils.ingest.document import Parsed as _Tokenised  # noqa: F401
from research_utils.ingest.sentences import MAX_SENTENCE_WORDS, sentence_spans, split_sentences  # noqa: F401
from research_utils.ingest.tokens import is_number, word_spans, words  # noqa: F401


def _tokenised(article):
    return article.parsed


def _sentence_quotes(article):
    return tuple(article.parsed.quotes)


def sentences(article):
    return article.sentences.drop(columns=["article", "quoted_share", "voice"])
