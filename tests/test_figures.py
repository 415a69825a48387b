"""Every figure of the reports fits its canvas at the default size, even with a long title.

Each plot function is called with the tables of the bundled article and of an article
whose title runs to several lines (for the corpus figures: groups with long names); no
text artist may reach outside the figure. The analysis tables are made once per module,
the way the notebooks make them (02 stance, 03 framing, 04 corpus, the latter without a
Dask cluster).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from research_utils.analyses import framing as fr
from research_utils.analyses import stance
from research_utils.analyses import textstats as ts
from research_utils.analyses.corpus import groups as cg
from research_utils.analyses.corpus import tables as ct
from research_utils.ingest import Corpus, article_from_text, load_article
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.plots import corpus as cp
from research_utils.plots import framing as fp
from research_utils.plots import outside_canvas, style, title_text
from research_utils.plots import stance as sp
from research_utils.plots import textstats as tp
from research_utils.views import Note

style()
BUNDLED = load_article(DEFAULT_ARTICLE)
LONG_TITLE = "An unusually long headline " * 8
# A first line this long is not taken for a headline, so the long title comes from a
# sidecar-like ``meta``: title, label and slug all run long.
# The bundled text and one paragraph more, so that the two articles have distinctive words
# (two identical texts have none: no word is used more in one than in the other).
TITLED = article_from_text(
    "\n\n".join([*BUNDLED.paragraphs, "Fishing quotas for mackerel were agreed in Oslo on the same day."]),
    meta={"title": LONG_TITLE.strip()},
)
assert TITLED.title == LONG_TITLE.strip() and len(TITLED.slug) > 40, (
    "the long-title case must have a long title"
)


def textstats_figures(doc):
    label = doc.label
    yield (
        "sentence lengths",
        tp.sentence_length_plot(ts.sentence_lengths(doc), title=f"Sentence length: {label}"),
    )
    yield "diversity", tp.diversity_curve_plot(ts.diversity_curve(doc), window=50)
    yield (
        "top words",
        tp.top_terms_plot(
            {
                "all words": ts.word_frequencies(doc, 20),
                "without stop words": ts.word_frequencies(doc, 20, exclude_stopwords=True),
            },
            title=f"Most frequent words: {label}",
        ),
    )
    yield (
        "ngrams",
        tp.top_terms_plot(
            {
                "bigrams": ts.ngram_frequencies(doc, 2, 15, min_count=2),
                "trigrams": ts.ngram_frequencies(doc, 3, 15, min_count=2),
            },
            column="ngram",
            title="Most frequent word sequences",
        ),
    )
    yield (
        "keyness",
        tp.keyness_plot(ts.keyness(doc, min_count=3, include_absent=100), title=f"Keyness: {label}"),
    )
    yield (
        "arc",
        tp.sentiment_arc_plot(ts.sentiment_arc(doc, window=5), title=f"Sentiment arc (VADER): {label}"),
    )


@pytest.mark.parametrize("doc", [BUNDLED, TITLED], ids=["bundled", "long title"])
def test_text_statistics_figures_fit(doc) -> None:
    for name, fig in textstats_figures(doc):
        assert fig is not None, name
        assert outside_canvas(fig) == [], name


def test_title_text_wraps_and_cuts() -> None:
    got = title_text("word " * 60, width=20, lines=2)
    assert got.count("\n") == 1 and got.endswith("…") and all(len(line) <= 21 for line in got.split("\n"))


def test_count_axes_have_whole_number_ticks() -> None:
    fig = tp.top_terms_plot({"trigrams": ts.ngram_frequencies(BUNDLED, 3, 15, min_count=2)}, column="ngram")
    ticks = fig.axes[0].get_xticks()
    assert all(float(t).is_integer() for t in ticks)


def test_keyness_bars_show_g2_and_under_used_words_are_content_words() -> None:
    table = ts.keyness(BUNDLED, min_count=3, include_absent=100)
    fig = tp.keyness_plot(table, top_n=10)
    over, under = fig.axes[0], fig.axes[1]
    assert "G²" in over.get_xlabel()
    widths = sorted(p.get_width() for p in over.patches)
    assert widths[-1] == pytest.approx(table[table["direction"] == "over"]["g2"].max())
    labels = [t.get_text().split(" (")[0] for t in under.get_yticklabels()]
    assert labels and not {"i", "my", "you", "your", "me"} & set(labels)


def test_the_check_catches_text_outside_the_canvas() -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    ax = fig.subplots()
    ax.set_title("a title far too long for so small a figure " * 3)
    assert any("title far too long" in problem for problem in outside_canvas(fig))


# Stance (notebook 02) and framing (notebook 03) figures.

CORPORA = {"bundled": (BUNDLED,), "long title": (TITLED, BUNDLED)}
"""The bundled article alone (the notebooks' default), and the long-titled article compared
with the bundled one: every stance figure then has two panels, and the framing comparison
figures (which need two articles) are drawn too."""


@functools.cache
def analysed(case: str) -> dict[str, Any]:
    """The stance and framing tables of ``CORPORA[case]``, made as notebooks 02 and 03 make them."""
    corpus = Corpus.of(CORPORA[case])
    slex, flex = stance.load_stance_lexicons(), fr.load_lexicons()
    attr = stance.attributions(corpus, slex)
    return {
        "corpus": corpus,
        "stance_lexicons": slex,
        "framing_lexicons": flex,
        "voice": stance.voice_share(attr),
        "verb_classes": stance.verb_class_table(attr),
        "sentiment": stance.actor_sentiment(corpus, slex, voices=stance.VOICES, n_boot=200, seed=0),
        "deontic": stance.deontic_markers(corpus, slex),
        "profile": stance.actor_profile(corpus, slex, voice="all", n_boot=200, seed=0),
        "matrix": stance.claims_matrix(stance.claims(corpus, slex)),
        "scores": fr.frame_scores(corpus, flex, "all", min_cues=3),
        "trajectory": fr.frame_trajectory(corpus, flex, "all"),
        "cooccurrence": fr.frame_cooccurrence(corpus, flex, "all"),
        "naming": fr.naming_table(corpus, flex),
        "naming_overall": fr.naming_overall(corpus, flex),
        "persuasion": fr.persuasion_counts(corpus, flex, repetition_min=3),
        "distinctive": fr.distinctive_words(
            corpus, prior="pooled", prior_strength=500.0, min_count=2, top_n=15
        ),
    }


def drawn(plot: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, Any]:
    return plot.__name__, plot(*args, **kwargs)


def outside(fig: Any) -> list[str]:
    """What of ``fig`` leaves its canvas; a plot that drew no figure is a problem too."""
    return outside_canvas(fig) if isinstance(fig, Figure) else [f"no figure: {fig!r}"]


def stance_figures(t: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    slugs = t["corpus"].slugs
    yield drawn(sp.voice_share_plot, t["voice"], articles=slugs)
    yield drawn(
        sp.verb_class_plot, t["verb_classes"], classes=t["stance_lexicons"].verb_classes, articles=slugs
    )
    yield drawn(sp.sentiment_plot, t["sentiment"], articles=slugs)
    yield drawn(sp.deontic_plot, t["deontic"], articles=slugs)
    yield drawn(sp.epistemic_plot, t["profile"], articles=slugs)
    yield drawn(sp.claims_heatmap, t["matrix"], articles=slugs)


COMPARISON_FIGURES = {"distinctive_words_chart", "frame_profiles", "naming_profiles"}
"""The framing figures of two or more articles (the others show one article)."""


def framing_figures(t: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Notebook 03's figures: those of the main article for one article; for several, the
    comparison figures only. A figure of one article shows nothing of its title or slug, so
    the long-titled article (whose text is the bundled one) would draw the same figures again."""
    corpus, lex, scores, naming = t["corpus"], t["framing_lexicons"], t["scores"], t["naming"]
    if len(corpus) > 1:
        yield drawn(fp.distinctive_words_chart, t["distinctive"], top_n=15)
        yield drawn(fp.frame_profiles, scores)
        yield drawn(fp.naming_profiles, naming)
        return
    main = corpus.main
    yield drawn(fp.frame_salience, fr.main_rows(scores, main), min_cues=3)
    yield drawn(fp.trajectory_heatmap, fr.main_rows(t["trajectory"], main, scheme="policy"))
    yield drawn(
        fp.cooccurrence_heatmap,
        fr.main_rows(t["cooccurrence"], main, scheme="policy"),
        fr.frames_with_hits(scores, main, "policy"),
    )
    yield drawn(
        fp.naming_chart,
        fr.main_rows(naming, main),
        **fr.naming_sides(lex),
        title=fr.naming_title(t["naming_overall"], main),
    )
    yield drawn(fp.persuasion_chart, fr.main_rows(t["persuasion"], main))


@pytest.mark.parametrize("case", list(CORPORA))
def test_stance_figures_fit(case: str) -> None:
    drawn_figures = list(stance_figures(analysed(case)))
    assert [(name, problems) for name, fig in drawn_figures if (problems := outside(fig))] == []
    assert {name for name, _ in drawn_figures} == set(sp.__all__)  # every public figure function is drawn


@pytest.mark.parametrize("case", list(CORPORA))
def test_framing_figures_fit(case: str) -> None:
    drawn_figures = list(framing_figures(analysed(case)))
    assert [(name, problems) for name, fig in drawn_figures if (problems := outside(fig))] == []
    single = set(fp.__all__) - COMPARISON_FIGURES
    assert {name for name, _ in drawn_figures} == (COMPARISON_FIGURES if len(CORPORA[case]) > 1 else single)


# Corpus (notebook 04) figures, from the per-article tables of a small corpus.

MEASURES = {
    "words": "words",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "mattr": "MATTR (50)",
    "quoted_share": "share of words in quotes",
}
LONG_OUTLET = "Reuters (a long outlet name: international edition, opinion and analysis)"
"""The outlet of two articles: groups named RT, this long name and "(no outlet)"."""


@functools.cache
def grouped() -> dict[str, pd.DataFrame]:
    """The group tables of notebook 04 (groups by outlet) for the per-article tables of four
    articles (RT, two halves of the bundled text from a long-named outlet, one without an
    outlet), made in-process as a corpus run makes them."""
    paras = BUNDLED.paragraphs
    half = len(paras) // 2
    docs = [
        BUNDLED,
        TITLED,
        article_from_text(
            "\n\n".join(paras[:half]),
            meta={"title": "Talks go on", "outlet": LONG_OUTLET, "date": "2022-05-10"},
        ),
        article_from_text(
            "\n\n".join(paras[half:]),
            meta={"title": "Europe waits", "outlet": LONG_OUTLET, "date": "2022-05-20"},
        ),
    ]
    per_article = [ct.article_tables(doc) for doc in docs]
    tables = {name: pd.concat([t[name] for t in per_article], ignore_index=True) for name in ct.TABLES}
    articles = ct.with_groups(tables["articles"], "outlet")
    return {
        "articles": articles,
        "naming": cg.naming_by_group(articles, n_boot=200, seed=0),
        "frames": cg.frames_by_group(tables["frames"], articles),
        "voice": cg.voice_by_group(tables["voice"], articles),
        "distinctive": cg.distinctive_words(tables["terms"], articles, min_count=5, top_n=15),
        "trend": cg.trend(articles),
    }


def corpus_figures() -> Iterator[tuple[str, Any]]:
    g = grouped()
    yield drawn(
        cp.distributions, g["articles"], MEASURES, title="Per-article measures by group (each dot an article)"
    )
    yield drawn(
        cp.naming_by_group_chart,
        g["naming"].dropna(subset=["naming_index"]),
        title=f"Naming index by outlet: {LONG_TITLE}",  # the corpus name, long
    )
    yield drawn(cp.frames_heatmap, g["frames"], scheme="policy")
    yield drawn(cp.voice_chart, g["voice"])
    yield drawn(cp.distinctive_words_chart, g["distinctive"], top_n=15)
    yield drawn(cp.trend_chart, g["trend"])


def test_corpus_figures_fit() -> None:
    assert set(grouped()["articles"]["group"]) == {"RT", LONG_OUTLET, "(no outlet)"}
    drawn_figures = list(corpus_figures())
    assert [(name, problems) for name, fig in drawn_figures if (problems := outside(fig))] == []
    assert {name for name, _ in drawn_figures} == set(cp.__all__)  # every public figure function is drawn


# The claims heatmap's colour weighs the evidence.

CLAIMS_MATRIX = pd.DataFrame(
    [
        ["a", "russia", "Russia", "talks", "peace talks", 1, 1, 0, 0, 1.0, 0, "3"],
        ["a", "ukraine", "Ukraine", "talks", "peace talks", 4, 4, 0, 0, 1.0, 0, "1, 2, 5, 8"],
    ],
    columns=stance.MATRIX_COLUMNS,
)
"""Two cells with the same net position (+1): one claim, and four claims, all in support."""


def test_claims_heatmap_colour_reflects_evidence() -> None:
    fig = sp.claims_heatmap(CLAIMS_MATRIX)
    ax = fig.axes[0]
    actors = [t.get_text() for t in ax.get_yticklabels()]
    shown = dict(
        zip(actors, np.ma.asarray(ax.collections[0].get_array()).reshape(len(actors), -1)[:, 0], strict=True)
    )
    # (support - oppose) / (claims + 2) by hand
    assert shown["Russia"] == pytest.approx((1 - 0) / (1 + 2))  # 1/3: one sentence stays pale
    assert shown["Ukraine"] == pytest.approx((4 - 0) / (4 + 2))  # 4/6: four sentences, darker


# Count axes show whole numbers (a count of 0.5 does not exist), even with tiny counts.


def one_row(key: str, **values: Any) -> pd.DataFrame:
    """The first row of a table of the bundled article, with ``values`` set."""
    return analysed("bundled")[key].head(1).assign(**values)


LONGEST_FRAMES = ["legality, constitutionality and jurisprudence", "policy prescription and evaluation"]
TINY_TRAJECTORY = pd.DataFrame(
    {
        "frame": [LONGEST_FRAMES[0]] * 2 + [LONGEST_FRAMES[1]] * 2,
        "paragraph_id": [0, 1, 0, 1],
        "hits": [2, 0, 1, 1],
    }
)
NO_SIDE_B = dict.fromkeys(["side_b_count", "side_b_author", "side_b_quoted", "side_b_distanced"], 0)
ONE_SIDE_A = {"side_a_count": 1, "side_a_author": 1, "side_a_quoted": 0, "side_a_distanced": 0}

TINY_FIGURES: dict[str, Callable[[], Figure]] = {
    "voice_share_plot": lambda: sp.voice_share_plot(one_row("voice", quoted_words=1, quotes=1, indirect=0)),
    "verb_class_plot": lambda: sp.verb_class_plot(one_row("verb_classes", attributions=1)),
    "deontic_plot": lambda: sp.deontic_plot(analysed("bundled")["deontic"].query("actor != ''").head(1)),
    "naming_chart": lambda: fp.naming_chart(
        one_row("naming", **ONE_SIDE_A, **NO_SIDE_B, index=1.0, index_author=1.0)
    ),
    "persuasion_chart": lambda: fp.persuasion_chart(one_row("persuasion", count=1)),
    "trajectory_heatmap": lambda: fp.trajectory_heatmap(TINY_TRAJECTORY),
    "claims_heatmap": lambda: sp.claims_heatmap(CLAIMS_MATRIX),
}
"""The smallest figures: of one-row tables with a count of 1 (or 2), and of one issue."""


@functools.cache
def tiny_figure(name: str) -> Figure:
    return TINY_FIGURES[name]()


COUNT_AXES = [name for name in TINY_FIGURES if name != "claims_heatmap"]


@pytest.mark.parametrize("name", COUNT_AXES)
def test_stance_and_framing_count_axes_have_whole_number_ticks(name: str) -> None:
    fig = tiny_figure(name)
    axis = fig.axes[-1].yaxis if name == "trajectory_heatmap" else fig.axes[0].xaxis  # colour bar: cue hits
    ticks = axis.get_ticklocs()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks


@pytest.mark.parametrize("name", list(TINY_FIGURES))
def test_figures_of_tiny_tables_fit(name: str) -> None:
    assert outside_canvas(tiny_figure(name)) == []


# An empty table draws no figure (None, or a note saying why), or a figure that fits: never an error.


def empty(key: str) -> pd.DataFrame:
    return analysed("bundled")[key].iloc[:0]


def empty_group(key: str) -> pd.DataFrame:
    return grouped()[key].iloc[:0]


EMPTY: dict[str, Callable[[], Any]] = {
    "stance.voice_share_plot": lambda: sp.voice_share_plot(empty("voice")),
    "stance.verb_class_plot": lambda: sp.verb_class_plot(empty("verb_classes")),
    "stance.sentiment_plot": lambda: sp.sentiment_plot(empty("sentiment")),
    "stance.deontic_plot": lambda: sp.deontic_plot(empty("deontic")),
    "stance.epistemic_plot": lambda: sp.epistemic_plot(empty("profile")),
    "stance.claims_heatmap": lambda: sp.claims_heatmap(empty("matrix")),
    "framing.frame_salience": lambda: fp.frame_salience(empty("scores")),
    "framing.trajectory_heatmap": lambda: fp.trajectory_heatmap(empty("trajectory")),
    "framing.cooccurrence_heatmap": lambda: fp.cooccurrence_heatmap(empty("cooccurrence"), []),
    "framing.naming_chart": lambda: fp.naming_chart(empty("naming")),
    "framing.persuasion_chart": lambda: fp.persuasion_chart(empty("persuasion")),
    "framing.frame_profiles": lambda: fp.frame_profiles(empty("scores")),
    "framing.naming_profiles": lambda: fp.naming_profiles(empty("naming")),
    "framing.distinctive_words_chart": lambda: fp.distinctive_words_chart(empty("distinctive")),
    "corpus.distributions": lambda: cp.distributions(empty_group("articles"), MEASURES),
    "corpus.naming_by_group_chart": lambda: cp.naming_by_group_chart(empty_group("naming")),
    "corpus.frames_heatmap": lambda: cp.frames_heatmap(empty_group("frames")),
    "corpus.voice_chart": lambda: cp.voice_chart(empty_group("voice")),
    "corpus.distinctive_words_chart": lambda: cp.distinctive_words_chart(empty_group("distinctive")),
    "corpus.trend_chart": lambda: cp.trend_chart(empty_group("trend")),
}


def test_every_plot_function_has_an_empty_table_case() -> None:
    every = {f"{m.__name__.rsplit('.', 1)[-1]}.{name}" for m in (sp, fp, cp) for name in m.__all__}
    assert set(EMPTY) == every


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_table_draws_nothing_or_a_figure_that_fits(name: str) -> None:
    got = EMPTY[name]()
    if isinstance(got, Figure):
        assert outside_canvas(got) == []
    else:  # nothing drawn (framing plots return a note saying why in one line)
        assert got is None or (isinstance(got, Note) and got.text)
