"""From a file to a parsed document: read, repair, structure, sentences, tokens, quotes.

* :mod:`~research_utils.ingest.read`: bytes, encodings, saved web pages, sidecars.
* :mod:`~research_utils.ingest.repair`: scraping damage repaired and counted.
* :mod:`~research_utils.ingest.structure`: title, deck, headings, body, furniture.
* :mod:`~research_utils.ingest.checks`: doubts about the input (HTML, not English).
* :mod:`~research_utils.ingest.sentences`: sentence splitting and quotations.
* :mod:`~research_utils.ingest.tokens`: word tokens.
* :mod:`~research_utils.ingest.vocabulary`: word, type, term, stop word, reference frequency.
* :mod:`~research_utils.ingest.document`: :class:`Document`, one article parsed once.
* :mod:`~research_utils.ingest.corpus`: :class:`Corpus`, many documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from research_utils.ingest.corpus import Corpus, CorpusLike, as_corpus
from research_utils.ingest.document import Document, article_from_text, load_article, slugify
from research_utils.ingest.errors import ArticleError
from research_utils.ingest.read import MAX_BYTES, sidecar_path
from research_utils.ingest.sentences import quote_spans, split_sentences, voice_of_span
from research_utils.ingest.structure import excluded_lines, structure_table
from research_utils.ingest.tokens import is_number, word_spans, words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_BYTES",
    "ArticleError",
    "Corpus",
    "CorpusLike",
    "Document",
    "article_from_text",
    "as_corpus",
    "excluded_lines",
    "is_number",
    "load_article",
    "quote_spans",
    "sentences",
    "sidecar_path",
    "slugify",
    "split_sentences",
    "structure_table",
    "voice_of_span",
    "word_spans",
    "words",
]


def sentences(x: CorpusLike) -> pd.DataFrame:
    """The body sentences of every document of ``x`` (a copy; see :attr:`Document.sentences`)."""
    import pandas as pd

    corpus = as_corpus(x)
    return pd.concat([d.sentences for d in corpus], ignore_index=True)
