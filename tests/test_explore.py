"""The explorer: its tables and filters, and the widget driven as a user would."""

from __future__ import annotations

import pytest

from research_utils.explore import ALL, choices, concordance, explore, filter_sentences, sentence_table
from research_utils.ingest import article_from_text
from research_utils.paths import DEFAULT_ARTICLE

TEXT = """Talks resume

NATO will not send troops, a spokesman said. “Ukraine must stay neutral,” Lavrov said.

Kyiv rejected neutrality without guarantees."""


@pytest.fixture(scope="module")
def table():
    return sentence_table(article_from_text(TEXT))


def test_every_sentence_with_voice_section_and_matches(table) -> None:
    assert list(table["sentence_id"]) == [0, 1, 2]
    assert table.loc[1, "voice"] == "quoted" and table.loc[0, "voice"] == "author"
    assert "NATO" in table.loc[0, "actors"].split("; ")
    assert "Ukraine" in table.loc[1, "actors"].split("; ")


def test_filters_combine(table) -> None:
    assert filter_sentences(table, actor="NATO")["sentence_id"].tolist() == [0]
    assert filter_sentences(table, voice="quoted")["sentence_id"].tolist() == [1]
    assert filter_sentences(table, text="REJECTED neutrality")["sentence_id"].tolist() == [2]
    assert filter_sentences(table, actor="NATO", voice="quoted").empty
    assert choices(table, "actors")[0] == ALL


def test_concordance_with_wildcards_and_voice() -> None:
    doc = article_from_text(TEXT)
    got = concordance(doc, "neutral*", window=3)
    assert got["match"].tolist() == ["neutral", "neutrality"]
    assert concordance(doc, "neutral*", voice="quoted")["match"].tolist() == ["neutral"]
    assert concordance(doc, " , ").empty


def test_the_widget_on_the_bundled_article() -> None:
    """Open it, search a term, filter by an actor: as a user would in JupyterLab."""
    tabs = explore(DEFAULT_ARTICLE)
    tabs.controls["terms"].value = "neutral*"
    kwic = tabs.results["concordance"]
    assert len(kwic) >= 5 and kwic["match"].str.lower().str.startswith("neutral").all()
    tabs.controls["actor"].value = "NATO"
    sentences = tabs.results["sentences"]
    assert len(sentences) >= 10
    assert sentences["actors"].str.contains("NATO").all()
    assert set(sentences["voice"]) <= {"author", "quoted"} and "section" in sentences.columns
