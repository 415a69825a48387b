"""Sentence splitting and word tokens, with a tricky set compared against two baselines."""

from __future__ import annotations

import re

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from research_utils.ingest import is_number, split_sentences, word_spans, words

# (text, expected sentences). Each case is one known way to get sentence splitting wrong.
TRICKY: list[tuple[str, list[str]]] = [
    (
        "The U.S. and the U.K. signed it. Talks resumed.",
        ["The U.S. and the U.K. signed it.", "Talks resumed."],
    ),
    ("Sanctions hit the U.S. The EU followed.", ["Sanctions hit the U.S.", "The EU followed."]),
    (
        "Mr. Smith met Dr. Jones at St. Paul's. They talked.",
        ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."],
    ),
    (
        "Some terms, e.g. neutrality, are vague. Others, i.e. the rest, are not.",
        ["Some terms, e.g. neutrality, are vague.", "Others, i.e. the rest, are not."],
    ),
    ("Bring maps, flags, etc. and water. Then leave.", ["Bring maps, flags, etc. and water.", "Then leave."]),
    (
        "The talks began at 10 a.m. and ended late. Nobody spoke.",
        ["The talks began at 10 a.m. and ended late.", "Nobody spoke."],
    ),
    (
        "It is resolution No. 5 of the council. It passed.",
        ["It is resolution No. 5 of the council.", "It passed."],
    ),
    ("The book is by J. R. R. Tolkien. It is long.", ["The book is by J. R. R. Tolkien.", "It is long."]),
    (
        "Growth was 3.5 percent. Inflation was 2.1 percent.",
        ["Growth was 3.5 percent.", "Inflation was 2.1 percent."],
    ),
    (
        "He paused... and went on. Then he stopped… Everyone left.",
        ["He paused... and went on.", "Then he stopped…", "Everyone left."],
    ),
    (
        "“We will not retreat.” The minister left the room.",
        ["“We will not retreat.”", "The minister left the room."],
    ),
    ("“Will you sign?” he asked. She nodded.", ["“Will you sign?” he asked.", "She nodded."]),
    ("The offer stands (for now.) Kyiv is silent.", ["The offer stands (for now.)", "Kyiv is silent."]),
    ("It is a clear threat.”When asked, he left.", ["It is a clear threat.”", "When asked, he left."]),
    ("The deal collapsed.Russia blamed Kyiv.", ["The deal collapsed.", "Russia blamed Kyiv."]),
    ("Really? Yes! It happened.", ["Really?", "Yes!", "It happened."]),
    (
        "Gen. Milley spoke on Jan. 24 in Washington. Reporters listened.",
        ["Gen. Milley spoke on Jan. 24 in Washington.", "Reporters listened."],
    ),
    (
        "“Ukraine must be demilitarized (…), these issues are pressing.” Lavrov said so.",
        ["“Ukraine must be demilitarized (…), these issues are pressing.”", "Lavrov said so."],
    ),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
    ("Prices rose 5%. Wages did not.", ["Prices rose 5%.", "Wages did not."]),
]


def _regex_split(text: str) -> list[str]:
    """The plain baseline: split after . ! ? followed by white space."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s.strip()]


def _punkt_split(text: str) -> list[str]:
    """NLTK's Punkt with no training (the only Punkt available without downloads)."""
    tok = PunktSentenceTokenizer()
    return [s for line in text.split("\n") for s in tok.tokenize(line)]


@pytest.mark.parametrize(("text", "expected"), TRICKY, ids=[t[:30] for t, _ in TRICKY])
def test_tricky_case(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_beats_punkt_and_regex_on_the_tricky_set() -> None:
    ours = sum(split_sentences(t) == e for t, e in TRICKY)
    punkt = sum(_punkt_split(t) == e for t, e in TRICKY)
    regex = sum(_regex_split(t) == e for t, e in TRICKY)
    assert ours == len(TRICKY)
    assert punkt < ours and regex < ours
    # The baselines are not strawmen: each gets some of the easy cases right.
    assert punkt > 0 and regex > 0


def test_no_punctuation_is_one_sentence() -> None:
    text = "a text with no sentence punctuation at all " * 10
    assert split_sentences(text) == [text.strip()]


def test_overlong_sentence_is_cut_at_white_space() -> None:
    text = "a text with no sentence punctuation at all " * 50  # 400 words
    pieces = split_sentences(text, max_words=150)
    assert [len(p.split()) for p in pieces] == [150, 150, 100]
    assert " ".join(pieces) == text.strip()
    glued = "x" * 20_000  # no white space at all: cut by characters
    assert all(len(p) <= 150 * 40 for p in split_sentences(glued, max_words=150))
    assert "".join(split_sentences(glued, max_words=150)) == glued


def test_sentences_rejoin_to_the_line() -> None:
    text = "One. Two? “Three!” Four… Five (six.) Seven"
    assert " ".join(split_sentences(text)) == text


def test_words_keep_hyphens_contractions_and_normalise_apostrophes() -> None:
    assert words("Russia’s non-aligned status isn’t new; it's 3.5% of 1,000 in the 1990s.") == [
        "Russia's",
        "non-aligned",
        "status",
        "isn't",
        "new",
        "it's",
        "3.5%",
        "of",
        "1,000",
        "in",
        "the",
        "1990s",
    ]


def test_words_keep_dotted_abbreviations() -> None:
    assert words("The U.S. and e.g. NATO.") == ["The", "U.S.", "and", "e.g.", "NATO"]


def test_word_spans_point_into_the_text() -> None:
    text = "Kyiv’s “neutrality” — a claim."
    for start, end, tok in word_spans(text):
        assert text[start:end].replace("’", "'") == tok


@pytest.mark.parametrize(
    ("tok", "expected"),
    [("1991", True), ("3.5", True), ("24th", True), ("1990s", True), ("G7", False), ("NATO", False)],
)
def test_is_number(tok: str, expected: bool) -> None:
    assert is_number(tok) is expected
