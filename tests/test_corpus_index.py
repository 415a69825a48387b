"""The corpus index opens with findings as an article's does; distinctive words only when they stand out."""

from __future__ import annotations

import pandas as pd

from research_utils.analyses.corpus import groups as cg
from research_utils.report.corpus_index import corpus_findings, corpus_index_html

RESULTS = {
    "corpus": {
        "name": "Wire vs state",
        "group_by": "outlet",
        "articles": [
            {
                "slug": "corpus-wire-w1",
                "title": "Shelling continues near Kyiv",
                "outlet": "Northern Wire",
                "date": "2022-03-28",
            },
            {
                "slug": "corpus-state-s1",
                "title": "Operation going to plan",
                "outlet": "State Channel",
                "date": "2022-03-29",
            },
        ],
        "failed": [],
    },
    "by_group": {
        "articles": [
            {"group": "Northern Wire", "articles": 3, "words": 183},
            {"group": "State Channel", "articles": 3, "words": 139},
        ],
        "naming": [
            {
                "group": "Northern Wire",
                "articles": 3,
                "with_index": 3,
                "naming_index": 1.0,
                "ci_low": 1.0,
                "ci_high": 1.0,
            },
            {
                "group": "State Channel",
                "articles": 3,
                "with_index": 2,
                "naming_index": -1.0,
                "ci_low": -1.0,
                "ci_high": -0.5,
            },
        ],
        "voice": [
            {"group": "Northern Wire", "actor": "Ukraine", "quoted_words_share": 0.68},
            {"group": "Northern Wire", "actor": "(unattributed)", "quoted_words_share": 0.9},
            {"group": "State Channel", "actor": "Russia", "quoted_words_share": 0.56},
        ],
        "frames": [],
        "distinctive": [],
    },
    "parameters": {"04_corpus_comparison": {"pack": "russia_ukraine_2022"}},
}


def test_findings_name_groups_naming_speakers_and_say_when_no_word_stands_out() -> None:
    found = {topic: text for topic, text, _ in corpus_findings(RESULTS)}
    assert found["Groups"].startswith("2 groups by outlet: Northern Wire (3 articles, 183 words)")
    assert "State Channel -1.00 (95 % interval -1.00 to -0.50, 2 articles)" in found["Naming"]
    assert "Northern Wire: Ukraine (68% of the quoted words)" in found["Who speaks"]  # not "(unattributed)"
    assert found["Distinctive words"].startswith("No word stands out")


def test_the_index_links_titles_and_the_readers_version_links_nothing_it_lacks() -> None:
    tables = ["corpus_articles.csv", "corpus.xlsx"]
    page = corpus_index_html(
        "Wire vs state", "outlet", RESULTS, tables, ["corpus-wire-w1", "corpus-state-s1"]
    )
    assert page.index("Findings") < page.index("Article reports")
    assert '<a href="articles/corpus-wire-w1/index.html">Shelling continues near Kyiv' in page
    assert "corpus.xlsx" in page and "wire-vs-state-code.zip" in page
    packaged = corpus_index_html(
        "Wire vs state", "outlet", RESULTS, tables, ["corpus-wire-w1"], packaged=True
    )
    assert "articles/corpus-wire-w1" not in packaged and "04_corpus_comparison.html" not in packaged
    assert "Extract the archive first" in packaged


def test_distinctive_words_list_only_what_passes_the_threshold() -> None:
    articles = pd.DataFrame({"article": ["a", "b", "c", "d"], "group": ["x", "x", "y", "y"]})
    terms = pd.DataFrame(
        {
            "article": ["a", "b", "c", "d"] * 2,
            "term": ["said"] * 4 + ["kyiv", "kyiv", "kiev", "kiev"],
            "count": [7, 6, 6, 7, 30, 30, 30, 30],
        }
    )
    words = cg.distinctive_words(terms, articles, min_count=5)
    assert set(words["term"]) == {"kyiv", "kiev"} and (words["z"] >= 1.96).all()
    assert cg.distinctive_words(terms, articles, min_count=5, min_z=50).empty
    assert cg.distinctive_note(articles).startswith("No word stands out")
    assert cg.distinctive_note(articles.assign(group="x")).startswith("Only one group")
