"""The fast VADER analyser scores exactly as NLTK's on the same lexicon."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from research_utils.ingest import load_article
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.sentiment import nltk_vader, polarity, score_texts, vader

REFERENCE = nltk_vader()
PIECES = st.one_of(
    st.sampled_from(
        [
            "good",
            "bad",
            "not",
            "very",
            "kind",
            "of",
            "but",
            "GREAT",
            "terrible",
            "war",
            "peace",
            "no",
            "never",
            ":)",
            "lol",
        ]
    ),
    st.sampled_from(
        ["!", "?", ",", ".", "!!", "!?!", "'", '"', "-", "...", ":", ";", "“", "”", "’s", "(", ")"]
    ),
    st.text(alphabet="abcdefgh!?.,'", min_size=1, max_size=6),
)


def test_scores_equal_nltk_on_the_bundled_article() -> None:
    sentences = load_article(DEFAULT_ARTICLE).parsed.sentence
    assert [vader().polarity_scores(s) for s in sentences] == [
        REFERENCE.polarity_scores(s) for s in sentences
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25).map(lambda parts: " ".join(parts)), st.booleans())
def test_scores_equal_nltk_on_punctuation_heavy_text(text: str, glue: bool) -> None:
    if glue:  # marks glued to words, as in "good!" and "!bad"
        text = text.replace(" !", "!").replace("? ", "?")
    assert vader().polarity_scores(text) == REFERENCE.polarity_scores(text)


def test_polarity_thresholds_and_table() -> None:
    assert [polarity(x) for x in (0.05, 0.049, -0.05, -0.049)] == [
        "positive",
        "neutral",
        "negative",
        "neutral",
    ]
    df = score_texts(["This is good.", "This is terrible."])
    assert df["polarity"].tolist() == ["positive", "negative"]
