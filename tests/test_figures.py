"""Every figure of the reports fits its canvas at the default size, even with a long title.

Each plot function is called with the tables of the bundled article and of an article
whose title runs to several lines; no text artist may reach outside the figure.
"""

from __future__ import annotations

import pytest

from research_utils.analyses import textstats as ts
from research_utils.ingest import article_from_text, load_article
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.plots import outside_canvas, style, title_text
from research_utils.plots import textstats as tp

style()
BUNDLED = load_article(DEFAULT_ARTICLE)
LONG_TITLE = "An unusually long headline " * 8
LONG = article_from_text(LONG_TITLE.strip() + "\n\n" + "\n\n".join(BUNDLED.paragraphs))


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


@pytest.mark.parametrize("doc", [BUNDLED, LONG], ids=["bundled", "long title"])
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
