"""Text statistics tables: concordance, sentiment arc, summaries, corpora and what the notebook shows."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib.figure import Figure

from research_utils import Corpus, article_from_text, load_article
from research_utils.analyses import textstats as ts
from research_utils.ingest import excluded_lines
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.plots import textstats as tsplots


def art(*paragraphs: str, name: str = ""):
    """A small article: a title line, then the paragraphs (no deck detection)."""
    return article_from_text("Test title\n\n" + "\n\n".join(paragraphs), meta={"deck": ""}, name=name)


CAT = "The cat sat on the mat. It was a happy cat."


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


# --------------------------------------------------------------------------- KWIC


def test_kwic_windows() -> None:
    a = art("One two three alpha four five six. Seven alpha eight.", "Alpha starts here.")
    k = ts.kwic(a, ["alpha"], window=2)
    assert k[["left", "match", "right"]].values.tolist() == [
        ["two three", "alpha", "four five"],
        # the context runs on across the sentence end inside the paragraph ...
        ["six. Seven", "alpha", "eight"],
        # ... but never across a paragraph
        ["", "Alpha", "starts here"],
    ]
    assert k["sentence_id"].tolist() == [0, 1, 2] and k["paragraph_id"].tolist() == [0, 0, 1]
    assert k["sentence"].tolist()[1] == "Seven alpha eight."
    k0 = ts.kwic(a, ["alpha"], window=0)
    assert k0["left"].tolist() == ["", "", ""] and k0["right"].tolist() == ["", "", ""]
    with pytest.raises(ValueError):
        ts.kwic(a, ["alpha"], window=-1)


def test_kwic_wildcard_case_and_voice() -> None:
    a = art("Neutrality is hard. “We stay neutral,” he said. The Neutrals met nato officials.")
    k = ts.kwic(a, ["neutral*", "NATO"], window=3)
    assert k["match"].tolist() == ["Neutrality", "neutral", "Neutrals", "nato"]
    assert k["term"].tolist() == ["neutral*", "neutral*", "neutral*", "NATO"]
    assert k["voice"].tolist() == ["author", "quoted", "author", "author"]
    assert ts.kwic(a, ["missing"]).empty
    assert list(ts.kwic(a, []).columns)[:4] == ["article", "term", "sentence_id", "paragraph_id"]


def test_kwic_term_minimal_pairs() -> None:
    """A term matches a word and its possessive, never a compound or a longer word."""
    found = ts.kwic(art("Kiev's mayor spoke."), ["Kiev"])
    assert found["match"].tolist() == ["Kiev"]
    assert ts.kwic(art("Kievan mayors spoke."), ["Kiev"]).empty
    assert ts.kwic(art("Pro-Kiev mayors spoke."), ["Kiev"]).empty


def test_kwic_match_listed_under_every_query_and_phrases() -> None:
    a = art("Security guarantees matter. The guarantee holds.")
    k = ts.kwic(a, ["guarantee*", "security guarantees"], window=1)
    # the phrase wins the overlap as the longer match; "guarantee*" does not cover the whole
    # phrase, so the phrase is listed once, under its own query
    assert k[["term", "match"]].values.tolist() == [
        ["security guarantees", "Security guarantees"],
        ["guarantee*", "guarantee"],
    ]
    both = ts.kwic(a, ["guarantee*", "guarantees"], window=0)
    assert both[["term", "match"]].values.tolist() == [
        ["guarantee*", "guarantees"],
        ["guarantees", "guarantees"],
        ["guarantee*", "guarantee"],
    ]
    counts = ts.kwic_counts(both)
    assert counts[["term", "author", "quoted", "total"]].values.tolist() == [
        ["guarantee*", 2, 0, 2],
        ["guarantees", 1, 0, 1],
    ]


# --------------------------------------------------------------------------- sentiment arc


def test_sentiment_arc() -> None:
    a = art("This is wonderful and great. This is terrible and awful. Nothing here.")
    arc = ts.sentiment_arc(a, window=3)
    assert arc["polarity"].tolist() == ["positive", "negative", "neutral"]
    assert arc["position"].tolist() == [0.0, 0.5, 1.0]
    # the scores are the document's own (VADER, computed once per document)
    assert arc["compound"].tolist() == a.sentiment["compound"].tolist()
    # centred rolling mean, shorter at the ends: row 1 = mean of rows 0-2
    assert arc["rolling_mean"].iloc[1] == pytest.approx(arc["compound"].mean(), abs=1e-4)
    assert arc["rolling_mean"].iloc[0] == pytest.approx(arc["compound"].iloc[:2].mean(), abs=1e-4)
    with pytest.raises(ValueError):
        ts.sentiment_arc(a, window=0)


def test_sentiment_minimal_pair() -> None:
    """One word changed from 'good' to 'bad' flips the sentence's polarity."""
    good = ts.sentiment_arc(art("The talks were good."))
    bad = ts.sentiment_arc(art("The talks were bad."))
    assert good["compound"].iloc[0] > 0.05 and bad["compound"].iloc[0] < -0.05


def test_extreme_sentences() -> None:
    a = art("Great and wonderful. Terrible and awful. Bad. Good. Nothing here.")
    ext = ts.extreme_sentences(ts.sentiment_arc(a), 1)
    assert ext[["end", "sentence"]].values.tolist() == [
        ["most negative", "Terrible and awful."],
        ["most positive", "Great and wonderful."],
    ]
    both = ts.extreme_sentences(ts.sentiment_arc(a), 5)
    # neutral sentences are never listed; each scored sentence once
    assert sorted(both["sentence"]) == sorted(
        ["Great and wonderful.", "Terrible and awful.", "Bad.", "Good."]
    )
    assert ts.extreme_sentences(ts.sentiment_arc(art("Nothing here at all.")), 5).empty


# --------------------------------------------------------------------------- summaries and corpora


def test_summary_and_results_section(bundled) -> None:
    s = ts.summary(bundled)
    assert set(s) == {"counts", "sentence_length", "readability", "lexical_diversity"}
    assert s["counts"]["words"] == 2065 and s["sentence_length"]["sentences"] == 107
    assert round(s["readability"]["flesch_reading_ease"], 1) == 34.9
    r = ts.results_section(bundled)
    assert "Related Articles" in {x["text"] for x in r["excluded_lines"]}
    assert r["excluded_lines"] == excluded_lines(bundled)[["text", "reason"]].to_dict("records")
    assert all(set(x) == {"text", "reason"} and x["reason"] for x in r["excluded_lines"])
    table = ts.summary_table(r)
    assert table.columns.tolist() == ["group", "measure", "value"]
    assert len(table) == len(ts.COUNT_DEFINITIONS) + len(ts.READABILITY_KEYS) + len(ts.DIVERSITY_KEYS)
    row = table[(table["group"] == "readability") & (table["measure"] == "lix")]
    assert row["value"].iloc[0] == round(s["readability"]["lix"], 3)


def test_one_sentence_without_punctuation() -> None:
    a = art("just some words without any punctuation at all and it keeps going on and on without a stop")
    assert int(ts.counts(a)["sentences"].iloc[0]) == 1 and int(ts.counts(a)["words"].iloc[0]) == 18
    s = ts.summary(a)
    assert all(math.isfinite(v) for v in s["readability"].values())
    assert math.isnan(s["lexical_diversity"]["hdd"])  # fewer than 42 words
    assert s["lexical_diversity"]["mattr"] == s["lexical_diversity"]["ttr"]  # shorter than the window
    assert len(ts.sentiment_arc(a)) == 1
    assert ts.collocations(a).empty
    assert math.isnan(s["sentence_length"]["sd"])


def test_compare_two_articles(bundled) -> None:
    other = art(CAT, name="cat")
    df = ts.compare([bundled, other])
    assert df["article"].tolist() == [bundled.slug, "cat"]
    assert df.columns.tolist()[:7] == [
        "article",
        "label",
        "paragraphs",
        "sentences",
        "words",
        "types",
        "mean_sentence_length",
    ]
    assert df.loc[1, ["words", "types", "sentences"]].tolist() == [11, 9, 2]
    assert df.loc[1, "mean_sentence_length"] == 5.5
    assert df.loc[0, "lix"] == pytest.approx(ts.readability_dict(bundled)["lix"])


def test_every_table_takes_a_corpus_and_keeps_articles_apart() -> None:
    a, b = art("The cat sat. The cat ran.", name="a"), art("A dog barked at the dog.", name="b")
    corpus = Corpus.of([a, b])
    wf = ts.word_frequencies(corpus, 0, exclude_stopwords=True)
    assert wf[["article", "word", "count"]].values.tolist() == [
        ["a", "cat", 2],
        ["a", "ran", 1],
        ["a", "sat", 1],
        ["b", "dog", 2],
        ["b", "barked", 1],
    ]
    assert ts.counts(corpus)["words"].tolist() == [6, 6]
    n = len(ts.readability_keys())
    assert ts.readability(corpus)["article"].tolist() == ["a"] * n + ["b"] * n
    assert ts.lexical_diversity(corpus).groupby("article").size().to_dict() == {"a": 4, "b": 4}
    assert ts.sentiment_arc(corpus)["article"].tolist() == ["a", "a", "b"]
    assert ts.tokens(corpus)["article"].value_counts().to_dict() == {"a": 6, "b": 6}
    # the dict summaries are of the main (first) article
    assert ts.summary(corpus)["counts"]["types"] == 4  # the cat sat ran
    # a text, a list of texts and a path are corpora too
    assert ts.counts(CAT)["words"].tolist() == [11]
    assert ts.counts([CAT, CAT])["article"].nunique() == 2
    assert int(ts.counts(str(DEFAULT_ARTICLE))["words"].iloc[0]) == 2065


def test_tables_carry_evidence_and_article(bundled) -> None:
    for df in (
        ts.word_frequencies(bundled, 5),
        ts.ngram_frequencies(bundled, 2, 5),
        ts.collocations(bundled),
        ts.keyness(bundled),
        ts.kwic(bundled),
        ts.sentence_lengths(bundled),
        ts.sentiment_arc(bundled),
        ts.difficult_word_list(bundled),
    ):
        assert {"sentence_id", "sentence", "article"} <= set(df.columns)
        assert (df["article"] == bundled.slug).all()
        # the evidence sentence is the document's sentence of that id
        sents = bundled.sentences.set_index("sentence_id")["sentence"]
        known = df.dropna(subset=["sentence_id"])
        known = known[known["sentence"] != ""]
        assert (known["sentence_id"].astype(int).map(sents) == known["sentence"]).all()


def test_derived_data_is_kept_on_the_document_not_in_a_cache() -> None:
    a = art(CAT)
    ts.counts(a)
    kept = {k[0] for k in a.__dict__.get("_memo", {})}
    assert {"textstats.token_forms", "textstats.word_props", "textstats.counts"} <= kept
    # a new document of the same text computes its own (nothing keyed on the text elsewhere)
    b = art(CAT)
    assert "_memo" not in b.__dict__
    assert ts.counts(b)["words"].tolist() == ts.counts(a)["words"].tolist()


def test_long_paragraph_without_punctuation_is_cut_and_counted() -> None:
    words = ("talks " * 2500).strip()
    a = art(words)
    c = ts.counts(a).iloc[0]
    assert c["words"] == 2500 and c["sentences"] > 1  # cut into sentences of bounded length
    assert ts.word_frequencies(a, 1)[["word", "count"]].values.tolist() == [["talks", 2500]]
    assert ts.ngram_frequencies(a, 2, 1)["count"].iloc[0] == 2500 - int(c["sentences"])
    assert ts.lexical_diversity_dict(a)["ttr"] == 1 / 2500


# --------------------------------------------------------------------------- what the notebook shows


def test_show_gives_one_line_instead_of_an_empty_table() -> None:
    """The one show() of every notebook: a table (its columns, its first rows) or a Note."""
    from research_utils.views import Note, show

    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    assert show(table, "nothing") is table
    assert show(table, "nothing", ["b"]).columns.tolist() == ["b"]
    assert show(table, "nothing", rows=1)["a"].tolist() == [1]
    assert show(table.iloc[:0], "no rows: does not apply") == Note("no rows: does not apply")
    assert show(table.iloc[:1], "one article only", min_rows=2) == Note("one article only")
    assert show(None, "never computed")._repr_markdown_() == "*never computed*"


def test_figures_are_drawn_only_when_there_is_something_to_draw(bundled, capsys) -> None:
    figs = [
        tsplots.sentence_length_plot(ts.sentence_lengths(bundled)),
        tsplots.top_terms_plot(
            {"all": ts.word_frequencies(bundled, 5), "none": ts.word_frequencies(art("1991, 2004."), 5)}
        ),
        tsplots.keyness_plot(ts.keyness(bundled)),
        tsplots.sentiment_arc_plot(ts.sentiment_arc(bundled)),
        tsplots.diversity_curve_plot(ts.diversity_curve(bundled)),
    ]
    assert all(isinstance(f, Figure) for f in figs)
    assert len(figs[1].axes) == 1  # the empty table gets no panel
    numbers = article_from_text("Title line\n\n1991, 2004, 2014.")
    assert tsplots.top_terms_plot(ts.word_frequencies(numbers, 5)) is None
    assert tsplots.keyness_plot(ts.keyness(numbers)) is None
    assert tsplots.diversity_curve_plot(ts.diversity_curve(numbers)) is None
    assert len(capsys.readouterr().out.splitlines()) == 3
