"""Group comparisons of a corpus against values worked out by hand on tiny tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from research_utils.analyses.corpus import groups

ARTICLES = pd.DataFrame(
    {
        "article": ["a1", "a2", "a3", "b1", "b2"],
        "group": ["RT", "RT", "RT", "Reuters", "Reuters"],
        "words": [1000, 2000, 1000, 500, 1500],
        "naming_index": [-1.0, -0.5, np.nan, 1.0, 0.5],
        "date": ["2022-04-07", "2022-04-20", "2022-05-01", "2022-04", None],
        "flesch_kincaid_grade": [10.0, 12.0, 14.0, 9.0, 11.0],
    }
)


def test_articles_per_group() -> None:
    got = groups.articles_per_group(ARTICLES).set_index("group")
    assert got.loc["RT", "articles"] == 3 and got.loc["RT", "words"] == 4000
    assert got.loc["Reuters", "median_words"] == 1000


def test_describe_by_group_gives_quartiles() -> None:
    got = groups.describe_by_group(ARTICLES, ["flesch_kincaid_grade"]).set_index("group")
    assert got.loc["RT", "median"] == 12.0 and got.loc["RT", "q25"] == 11.0 and got.loc["RT", "q75"] == 13.0
    assert got.loc["RT", "std"] == pytest.approx(2.0)


def test_naming_by_group_means_articles_and_bootstraps() -> None:
    got = groups.naming_by_group(ARTICLES, n_boot=500, seed=1).set_index("group")
    assert got.loc["RT", "with_index"] == 2 and got.loc["RT", "articles"] == 3
    assert got.loc["RT", "naming_index"] == pytest.approx(-0.75)
    assert got.loc["Reuters", "naming_index"] == pytest.approx(0.75)
    # two values: every resample mean is one of -1, -0.75, -0.5
    assert -1.0 <= got.loc["RT", "ci_low"] <= -0.75 <= got.loc["RT", "ci_high"] <= -0.5
    again = groups.naming_by_group(ARTICLES, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(again, groups.naming_by_group(ARTICLES, n_boot=500, seed=1))


def test_bootstrap_of_one_value_and_none() -> None:
    """One article gives no interval (issue 17: a group of one showed "1.0-1.0")."""
    mean, low, high = groups.bootstrap_mean_ci(np.array([0.2]))
    assert mean == 0.2 and math.isnan(low) and math.isnan(high)
    assert all(math.isnan(x) for x in groups.bootstrap_mean_ci(np.array([np.nan])))
    one = pd.DataFrame({"group": ["Solo", "Pair", "Pair", "None"], "naming_index": [1.0, 1.0, -1.0, np.nan]})
    got = groups.naming_by_group(one, n_boot=200).set_index("group")
    assert got.loc["Solo", "interval"] == "one article: no interval" and math.isnan(got.loc["Solo", "ci_low"])
    assert got.loc["None", "interval"] == "no article uses a naming term"
    assert got.loc["Pair", "interval"].startswith("[")


def test_frames_by_group_pools_words() -> None:
    frames = pd.DataFrame(
        {
            "article": ["a1", "a2", "b1", "b2"],
            "scheme": "policy",
            "frame": "security",
            "hits": [4, 6, 0, 3],
        }
    )
    got = groups.frames_by_group(frames, ARTICLES).set_index("group")
    assert got.loc["RT", "hits"] == 10 and got.loc["RT", "words"] == 4000
    assert got.loc["RT", "per_1000_words"] == pytest.approx(2.5)
    assert got.loc["Reuters", "per_1000_words"] == pytest.approx(1.5)
    assert got.loc["Reuters", "articles_with_hits"] == 1


def test_voice_shares() -> None:
    voice = pd.DataFrame(
        {
            "article": ["a1", "a1", "a2", "b1"],
            "actor": ["Russia", "Ukraine", "Russia", "Ukraine"],
            "quoted_words": [30, 10, 60, 5],
        }
    )
    got = groups.voice_by_group(voice, ARTICLES)
    rt = got[got["group"] == "RT"].set_index("actor")
    assert rt.loc["Russia", "quoted_words_share"] == 0.9 and rt.loc["Ukraine", "quoted_words_share"] == 0.1
    assert got[got["group"] == "Reuters"]["quoted_words_share"].tolist() == [1.0]


def test_distinctive_words_against_the_formula() -> None:
    terms = pd.DataFrame(
        {
            "article": ["a1", "a1", "b1", "b1"],
            "term": ["kiev", "talks", "kyiv", "talks"],
            "count": [10, 5, 10, 5],
        }
    )
    got = groups.distinctive_words(terms, ARTICLES, prior_strength=10.0, min_count=1, top_n=5)
    rt = got[got["group"] == "RT"].set_index("term")
    # by hand: pi = (kiev 10, talks 10, kyiv 10)/30, alpha = 10/3 each, a0 = 10
    a = 10 / 3
    delta = math.log((10 + a) / (15 + 10 - 10 - a)) - math.log((0 + a) / (15 + 10 - 0 - a))
    z = delta / math.sqrt(1 / (10 + a) + 1 / (0 + a))
    assert rt.loc["kiev", "log_odds"] == pytest.approx(delta, abs=1e-4)
    assert rt.loc["kiev", "z"] == pytest.approx(z, abs=1e-3)
    assert "talks" not in rt.index  # used as often in both groups: z = 0, not distinctive
    assert got[got["group"] == "Reuters"].iloc[0]["term"] == "kyiv"
    assert groups.distinctive_words(
        terms[terms.article == "a1"], ARTICLES
    ).empty  # one group: nothing to compare


def test_distinctive_words_one_log_odds_for_articles_and_groups() -> None:
    """The framing report (articles) and the corpus report (groups) call the one weighted
    log-odds: on the same counts they give the same numbers, word for word."""
    from research_utils.analyses import framing
    from research_utils.ingest import article_from_text

    a = article_from_text(
        "Title\n\nKiev talks stalled. Kiev wants guarantees, Kiev says. The talks go on and on.", path="a.txt"
    )
    b = article_from_text(
        "Title\n\nKyiv talks resumed. Kyiv wants guarantees. Moscow says talks go on, Kyiv agrees.",
        path="b.txt",
    )
    c = article_from_text("Title\n\nMoscow talks. Moscow says the war goes on. Talks, talks.", path="c.txt")
    docs = [a, b, c]
    by_article = framing.distinctive_words(docs, prior_strength=20.0, min_count=1, top_n=50)
    terms = pd.concat(
        [
            framing.term_counts(d).rename_axis("term").rename("count").reset_index().assign(article=d.slug)
            for d in docs
        ]
    )
    arts = pd.DataFrame({"article": [d.slug for d in docs], "group": [d.slug for d in docs]})
    by_group = groups.distinctive_words(
        terms, arts, prior_strength=20.0, min_count=1, top_n=50, min_z=-np.inf
    )
    numbers = ["term", "count", "per_1000_words", "other_count", "other_per_1000_words", "log_odds", "z"]
    assert len(by_article) > 3
    left = by_article.rename(columns={"article": "group"}).sort_values(["group", "term"])
    right = by_group.sort_values(["group", "term"])
    pd.testing.assert_frame_equal(
        left[["group", *numbers]].reset_index(drop=True), right[["group", *numbers]].reset_index(drop=True)
    )
    assert (by_group["z"] > 0).all()


def test_trend_by_month() -> None:
    got = groups.trend(ARTICLES)
    rt_april = got[(got["month"] == "2022-04") & (got["group"] == "RT")].iloc[0]
    assert rt_april["articles"] == 2 and rt_april["mean"] == pytest.approx(-0.75)
    assert set(got["month"]) == {"2022-04", "2022-05"}  # the undated article is left out


def test_batch_size_keeps_every_worker_busy_and_batches_bounded() -> None:
    from research_utils.analyses.corpus.run import BATCH_SIZE, batch_size

    assert BATCH_SIZE == 100
    assert batch_size(10_000, 2) == 100  # capped
    assert batch_size(200, 2) == 25  # ceil(200 / (4 * 2)): four batches a worker
    assert batch_size(10_000, 64) == 40  # ceil(10,000 / 256) on a large cluster
    assert batch_size(6, 2) == 5 and batch_size(0, 0) == 5  # never below 5
