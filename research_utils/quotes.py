"""TEMPORARY shim while the analyses move to research_utils.ingest (removed at the end of the refactor)."""

from research_utils.ingest.sentences import quote_spans, voice_of_span  # noqa: F401


def segments(article):
    return article.segments.drop(columns=["article"])
