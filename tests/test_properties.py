"""Property-based tests: ingestion and tokenisation never crash and stay consistent."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_utils.article import ArticleError, article_from_text, repair_text
from research_utils.tokenize import sentence_spans, sentences, split_sentences, words

# Text that looks like prose: words, sentence marks, quotes, abbreviations, digits, spaces.
PIECES = st.sampled_from(
    ["Russia", "Kyiv", "said", "the", "U.S.", "Mr.", "e.g.", "3.5", "No.", "“", "”", '"', "‘", "’", "(", ")",
     ".", "!", "?", "…", "...", ",", " ", " ", " ", "\n", "\u00a0", "-", "—", "non-aligned", "isn’t", "A", "J."]
)
PROSE = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=300)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(ANY_TEXT, PROSE))
def test_repair_and_split_never_crash(text: str) -> None:
    repaired, counts = repair_text(text)
    assert isinstance(repaired, str) and all(v > 0 for v in counts.values())
    for sent in split_sentences(repaired):
        assert sent and sent == sent.strip()


@FAST
@given(st.one_of(ANY_TEXT, PROSE))
def test_article_from_text_builds_or_says_why(text: str) -> None:
    try:
        a = article_from_text(text)
    except ArticleError as exc:
        assert "\n" not in str(exc)
        return
    assert a.paragraphs
    table = sentences(a)
    assert list(table.sentence_id) == list(range(len(table)))


@FAST
@given(PROSE)
def test_sentences_rejoin_to_the_paragraph(text: str) -> None:
    line = repair_text(text.replace("\n", " "))[0]
    sents = split_sentences(line)
    assert re.sub(r"\s+", "", "".join(sents)) == re.sub(r"\s+", "", line)
    for (start, end), sent in zip(sentence_spans(line), sents, strict=True):
        assert line[start:end] == sent


@FAST
@given(PROSE)
def test_word_counts_agree_across_functions(text: str) -> None:
    line = repair_text(text.replace("\n", " "))[0]
    assert sum(len(words(s)) for s in split_sentences(line)) == len(words(line))
