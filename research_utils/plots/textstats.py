"""Figures for the text statistics notebook.

Each function takes a table from :mod:`research_utils.analyses.textstats` and returns a
``matplotlib.figure.Figure`` built without pyplot (so nothing is drawn twice in a
notebook and no global figure state is left behind). Call
:func:`research_utils.plots.style` first for the house look.

A report never shows an empty figure: when a table has nothing to draw, the function
prints one line saying why and returns None (a notebook cell then shows only that line).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from research_utils.plots import title_text

__all__ = [
    "diversity_curve_plot",
    "keyness_plot",
    "sentence_length_plot",
    "sentiment_arc_plot",
    "top_terms_plot",
]

_BLUE, _ORANGE, _GREEN, _RED, _PURPLE = sns.color_palette("colorblind", 5)[:5]


def _nothing(reason: str) -> None:
    """Print why a figure is not drawn (one line, instead of an empty figure)."""
    print(reason)


def sentence_length_plot(lengths: pd.DataFrame, title: str = "Sentence length") -> Figure | None:
    """Histogram of sentence lengths in words, with the mean and median marked.

    Parameters
    ----------
    lengths : DataFrame
        :func:`research_utils.analyses.textstats.sentence_lengths` (columns ``words``, ``voice``).

    Returns
    -------
    Figure or None
        None (after printing why) when there is no sentence.
    """
    if lengths.empty:
        return _nothing("No sentence with a word in the body: sentence lengths do not apply.")
    fig = Figure(figsize=(8, 4), layout="constrained")
    ax = fig.subplots()
    w = lengths["words"].astype(float)
    bins = np.arange(0, w.max() + 6, 5) if w.max() > 10 else "auto"
    hue = "voice" if lengths["voice"].nunique() > 1 else None
    sns.histplot(
        data=lengths,
        x="words",
        hue=hue,
        hue_order=["author", "quoted"] if hue else None,
        multiple="stack",
        bins=bins,
        ax=ax,
        palette={"author": _BLUE, "quoted": _ORANGE} if hue else None,
        color=_BLUE,
    )
    ax.axvline(w.mean(), color="black", linestyle="--", label=f"mean {w.mean():.1f}")
    ax.axvline(w.median(), color="0.4", linestyle=":", linewidth=2, label=f"median {w.median():.0f}")
    handles, labels = ax.get_legend_handles_labels()
    legend = ax.get_legend()
    if legend is not None:  # keep seaborn's voice legend and add the lines
        voice_handles = legend.legend_handles
        voice_labels = [t.get_text() for t in legend.get_texts()]
        legend.remove()
        handles, labels = voice_handles + handles, voice_labels + labels
    ax.legend(handles, labels, frameon=False)
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("sentences")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title_text(title))
    return fig


def top_terms_plot(
    tables: pd.DataFrame | dict[str, pd.DataFrame], column: str = "word", title: str = "Most frequent words"
) -> Figure | None:
    """Horizontal bars of the most frequent terms; several tables side by side.

    Parameters
    ----------
    tables : DataFrame or dict of {panel title: DataFrame}
        Tables from :func:`~research_utils.analyses.textstats.word_frequencies` or
        :func:`~research_utils.analyses.textstats.ngram_frequencies` (``count`` and ``column``).
    column : str
        Column holding the term (``word`` or ``ngram``).

    Returns
    -------
    Figure or None
        One panel per table that has rows; None (after printing why) when none has.
    """
    given = tables if isinstance(tables, dict) else {"": tables}
    panels = {name: df for name, df in given.items() if not df.empty}
    if not panels:
        return _nothing(f"Nothing to draw for {title.lower()}: no {column} reaches the listing threshold.")
    n_rows = max((len(t) for t in panels.values()), default=1)
    fig = Figure(figsize=(4.6 * len(panels) + 1, 0.28 * n_rows + 1.4), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(panels)))
    colours = [_BLUE, _GREEN, _PURPLE, _ORANGE]
    for i, (ax, (name, df)) in enumerate(zip(axes, panels.items(), strict=True)):
        sns.barplot(
            data=df, y=column, x="count", ax=ax, color=colours[i % len(colours)], orient="h", errorbar=None
        )
        ax.set_ylabel("")
        ax.set_xlabel("occurrences")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole numbers
        ax.set_title(name)
        for bar, c in zip(ax.patches, df["count"], strict=False):
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {c}", va="center", fontsize=8)
        ax.set_xlim(0, df["count"].max() * 1.15 + 0.5)  # room for the count labels
    fig.suptitle(title_text(title, 90))
    return fig


def keyness_plot(
    table: pd.DataFrame, top_n: int = 15, title: str = "Keyness against general English"
) -> Figure | None:
    """Signed log-likelihood G² of the strongest over- and under-used words, side by side.

    Bars show the measure the words are ranked by (signed G², Dunning 1993: how sure it is
    that the article's rate differs from general English); each bar's label gives the effect
    size, the log ratio (Hardie 2014), as a multiple ("×4.1" = four times as common).
    Under-used words are content words only: the function words an argumentative article
    uses less than English at large (*I, you, my*) say little about it.

    Parameters
    ----------
    table : DataFrame
        :func:`research_utils.analyses.textstats.keyness` (``word``, ``g2``, ``log_ratio``,
        ``direction``, ``count``).
    top_n : int
        Words per direction, chosen by |G²|.

    Returns
    -------
    Figure or None
        None (after printing why) when no word was tested.
    """
    from research_utils.ingest.vocabulary import load_stopwords

    if table.empty:
        return _nothing("No word reaches the minimum count for keyness: the keyness figure does not apply.")
    stop = load_stopwords()
    over = table[table["direction"] == "over"].nlargest(top_n, "g2")
    under = table[(table["direction"] == "under") & ~table["word"].str.lower().isin(stop)].nsmallest(
        top_n, "g2"
    )
    panels = [
        (over, "over-used: more common than in general English", _BLUE),
        (under, "under-used content words", _ORANGE),
    ]
    panels = [p for p in panels if not p[0].empty]
    n = max(len(p[0]) for p in panels)
    fig = Figure(figsize=(5.2 * len(panels), 0.3 * max(n, 3) + 1.8), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(panels)))
    for ax, (df, name, colour) in zip(axes, panels, strict=True):
        labels = [f"{w} ({c})" for w, c in zip(df["word"], df["count"], strict=True)]
        ax.barh(labels, df["g2"].abs(), color=colour)
        ax.invert_yaxis()
        for y, (g2, lr) in enumerate(zip(df["g2"].abs(), df["log_ratio"], strict=True)):
            ax.text(g2, y, f" ×{2**lr:.1f}" if lr >= 0 else f" ×{2**lr:.2f}", va="center", fontsize=8)
        ax.set_xlim(0, df["g2"].abs().max() * 1.25)
        ax.set_xlabel("log-likelihood G² (how sure the difference is)")
        ax.set_ylabel("word (count in article)")
        ax.set_title(name, fontsize=11)
    fig.suptitle(title_text(title + " (label: rate against general English)", 90))
    return fig


def sentiment_arc_plot(
    arc: pd.DataFrame, window: int = 5, title: str = "Sentiment arc (VADER)"
) -> Figure | None:
    """Compound score of each sentence along the article with its rolling mean.

    Dots are sentences (orange = mostly quoted), the line is the rolling mean, and
    dashed vertical lines mark paragraph starts.

    Parameters
    ----------
    arc : DataFrame
        :func:`research_utils.analyses.textstats.sentiment_arc`.
    window : int
        The rolling window used (for the legend).

    Returns
    -------
    Figure or None
        None (after printing why) when there is no sentence.
    """
    if arc.empty:
        return _nothing("No sentence with a word in the body: the sentiment arc does not apply.")
    fig = Figure(figsize=(10, 4), layout="constrained")
    ax = fig.subplots()
    x = np.arange(len(arc))
    starts = x[arc["paragraph_id"].ne(arc["paragraph_id"].shift()).to_numpy()]
    ax.grid(False, axis="x")
    for s in starts[1:]:
        ax.axvline(s - 0.5, color="0.6", linewidth=0.7, linestyle=(0, (2, 2)), zorder=0)
    ax.axhspan(-0.05, 0.05, color="0.93", zorder=0, label="neutral band (±0.05)")
    for voice, colour in (("author", _BLUE), ("quoted", _ORANGE)):
        sel = arc["voice"].to_numpy() == voice
        if sel.any():
            ax.scatter(
                x[sel],
                arc["compound"].to_numpy()[sel],
                s=14,
                color=colour,
                alpha=0.7,
                label=f"{voice} sentence",
            )
    sns.lineplot(
        x=x,
        y=arc["rolling_mean"].to_numpy(),
        ax=ax,
        color="black",
        label=f"rolling mean ({window} sentences)",
        errorbar=None,
    )
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-1, len(arc))
    ax.set_xlabel("sentence in article order (dashed lines: paragraph starts)")
    ax.set_ylabel("VADER compound (−1 … +1)")
    ax.set_title(title_text(title, 90) + "\nlexicon-based cue, not a reading of stance", fontsize=11)
    ax.legend(loc="lower left", fontsize=8, frameon=True, ncol=4)
    return fig


def diversity_curve_plot(
    curve: pd.DataFrame, window: int = 50, title: str = "Why TTR alone misleads"
) -> Figure | None:
    """TTR and MATTR of growing opening stretches of the text.

    Parameters
    ----------
    curve : DataFrame
        :func:`research_utils.analyses.textstats.diversity_curve` (``tokens``, ``ttr``, ``mattr``).
    window : int
        The MATTR window used (for the legend).

    Returns
    -------
    Figure or None
        None (after printing why) when the text has no vocabulary word.
    """
    if curve.empty:
        return _nothing(
            "No vocabulary word (numbers left out) in the body: the diversity curve does not apply."
        )
    fig = Figure(figsize=(7, 3.5), layout="constrained")
    ax = fig.subplots()
    long = curve.melt(id_vars="tokens", value_vars=["ttr", "mattr"], var_name="measure", value_name="value")
    long["measure"] = long["measure"].map({"ttr": "TTR", "mattr": f"MATTR (window {window})"})
    sns.lineplot(
        data=long,
        x="tokens",
        y="value",
        hue="measure",
        marker="o",
        ax=ax,
        palette=[_RED, _BLUE],
        errorbar=None,
    )
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("first N words of the article")
    ax.set_ylabel("ratio of distinct words")
    ax.set_title(title_text(title + ": the same text, measured on longer and longer openings", 70))
    ax.legend(title="", frameon=False)
    return fig
