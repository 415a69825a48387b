"""Seaborn figures for the corpus comparison (notebook 04).

Every function takes a table from :mod:`research_utils.analyses.corpus.groups` and returns
a :class:`matplotlib.figure.Figure` not registered with pyplot (shown once, as the cell's
value). Titles and labels are wrapped so that no text leaves the canvas.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

__all__ = [
    "distinctive_words_chart",
    "distributions",
    "frames_heatmap",
    "naming_by_group_chart",
    "trend_chart",
    "voice_chart",
]

_SIDE_A = "#0072b2"
_SIDE_B = "#d55e00"


def _wrap(text: str, width: int = 60) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def naming_by_group_chart(
    naming: pd.DataFrame,
    title: str = "Naming index by group",
    side_a: str = "Ukrainian and international usage",
    side_b: str = "Russian official usage",
) -> Figure:
    """Each group's mean author's-own naming index with its 95 % bootstrap interval.

    The axis runs from -1 (only side B's usage) to +1 (only side A's); ``side_a`` and
    ``side_b`` name them as the topic pack's naming lexicon does
    (:func:`research_utils.analyses.framing.naming_sides`; the defaults are the bundled
    pack's). The number of articles behind each point is written beside it.
    """
    d = naming.dropna(subset=["naming_index"]).sort_values("naming_index")
    fig = Figure(figsize=(8, 1.2 + 0.55 * max(len(d), 1)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(d))
    colours = [_SIDE_A if v >= 0 else _SIDE_B for v in d["naming_index"]]
    ax.axvspan(-1, 0, color=_SIDE_B, alpha=0.06)
    ax.axvspan(0, 1, color=_SIDE_A, alpha=0.06)
    ax.hlines(y, d["ci_low"], d["ci_high"], color=colours, linewidth=3, alpha=0.6)  # NaN: no line
    ax.scatter(d["naming_index"], y, color=colours, s=60, zorder=3)
    for yi, (_, r) in zip(y, d.iterrows(), strict=True):
        one = r["ci_high"] != r["ci_high"]  # a group of one article: no interval
        ax.annotate(
            f"{r['naming_index']:+.2f}  (n={int(r['with_index'])} of {int(r['articles'])}"
            + ("; one article: no interval)" if one else ")"),
            (r["naming_index"] if one else r["ci_high"], yi),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(y, [_wrap(g, 24) for g in d["group"]])
    ax.set_xlim(-1.05, 1.6)
    ax.set_xticks(
        [-1, -0.5, 0, 0.5, 1], [f"-1\n{_wrap(side_b, 22)}", "-0.5", "0", "+0.5", f"+1\n{_wrap(side_a, 22)}"]
    )
    ax.axvline(0, color="0.5", linewidth=0.8)
    ax.set_xlabel(_wrap("author's-own naming index (mean over articles, 95% bootstrap interval)", 50))
    ax.set_title(_wrap(title))
    return fig


def distributions(articles: pd.DataFrame, measures: dict[str, str], title: str = "") -> Figure:
    """Box plots of per-article measures by group, every article a dot.

    Parameters
    ----------
    articles : DataFrame
        One row per article with ``group`` and the measure columns.
    measures : dict
        ``{column: axis label}``.
    """
    n = len(measures)
    fig = Figure(figsize=(4.2 * n, 3.6), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, n))
    for ax, (col, label) in zip(axes, measures.items(), strict=True):
        d = articles[["group", col]].dropna()
        if d.empty:
            ax.axis("off")
            ax.text(0.5, 0.5, _wrap(f"{label}: no values", 30), ha="center", va="center")
            continue
        sns.boxplot(data=d, x="group", y=col, ax=ax, color="#d9e3ec", fliersize=0)
        sns.stripplot(data=d, x="group", y=col, ax=ax, color="#1f5f8b", size=3, alpha=0.6)
        ax.set_xlabel("")
        ax.set_ylabel(_wrap(label, 30))
        ax.set_xticks(ax.get_xticks(), [_wrap(t.get_text(), 20) for t in ax.get_xticklabels()])
        ax.tick_params(axis="x", labelrotation=30)
    if title:
        fig.suptitle(_wrap(title, 90))
    return fig


def frames_heatmap(frames: pd.DataFrame, scheme: str = "policy", title: str = "") -> Figure | None:
    """Frame cue hits per 1,000 words, groups by frames (darker = more salient); None when
    there is nothing to draw."""
    d = frames[frames["scheme"] == scheme].pivot_table(
        index="frame", columns="group", values="per_1000_words", aggfunc="first"
    )
    if d.empty:
        return None
    width = max(7.5, 4.5 + 1.1 * d.shape[1])
    fig = Figure(figsize=(width, 1.6 + 0.38 * max(d.shape[0], 1)), layout="constrained")
    ax = fig.subplots()
    sns.heatmap(d, ax=ax, cmap="Blues", annot=True, fmt=".1f", cbar_kws={"label": "cue hits per 1,000 words"})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks(ax.get_xticks(), [_wrap(t.get_text(), 14) for t in ax.get_xticklabels()], rotation=0)
    ax.set_yticks(ax.get_yticks(), [_wrap(t.get_text(), 34) for t in ax.get_yticklabels()], rotation=0)
    ax.set_title(_wrap(title or f"Frame salience by group ({scheme} frames)"))
    return fig


def voice_chart(
    voice: pd.DataFrame, top: int = 8, title: str = "Who speaks: share of quoted words"
) -> Figure:
    """Stacked bars: each group's quoted words split by speaker (the ``top`` speakers, the rest as other)."""
    totals = voice.groupby("actor")["quoted_words"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    d = voice.assign(actor=voice["actor"].where(voice["actor"].isin(keep), "other"))
    wide = d.pivot_table(
        index="group", columns="actor", values="quoted_words_share", aggfunc="sum", fill_value=0
    )
    wide = wide[[c for c in [*keep, "other"] if c in wide.columns]]
    fig = Figure(figsize=(8, 1.4 + 0.5 * max(len(wide), 1)), layout="constrained")
    ax = fig.subplots()
    left = np.zeros(len(wide))
    palette = sns.color_palette("colorblind", n_colors=max(len(wide.columns), 1))
    for colour, col in zip(palette, wide.columns, strict=False):
        ax.barh([_wrap(g, 24) for g in wide.index], wide[col], left=left, color=colour, label=_wrap(col, 20))
        left += wide[col].to_numpy()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the group's quoted words")
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=4, frameon=False, fontsize=8)
    ax.set_title(_wrap(title))
    return fig


def distinctive_words_chart(
    words: pd.DataFrame, top_n: int = 12, title: str = "Distinctive words by group"
) -> Figure:
    """Bars of the z-scores of each group's most distinctive words (Monroe et al. 2008)."""
    groups = list(dict.fromkeys(words["group"]))
    fig = Figure(figsize=(4.2 * max(len(groups), 1), 1.5 + 0.32 * top_n), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, max(len(groups), 1)))
    for ax, group in zip(axes, groups, strict=False):
        d = words[words["group"] == group].head(top_n)
        ax.barh(d["term"][::-1], d["z"][::-1], color="#1f5f8b")
        ax.set_title(_wrap(str(group), 28))
        ax.set_xlabel("z (weighted log-odds)")
    fig.suptitle(_wrap(title, 90))
    return fig


def trend_chart(trend: pd.DataFrame, title: str = "Naming index by month") -> Figure | None:
    """Lines of a per-month mean by group, with the number of articles per month as bars below;
    None when there is nothing to draw."""
    if trend.empty:
        return None
    fig = Figure(figsize=(8, 5), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[2, 1])
    months = sorted(trend["month"].unique())
    x = {m: i for i, m in enumerate(months)}
    for group, g in trend.groupby("group", sort=True):
        top.plot([x[m] for m in g["month"]], g["mean"], marker="o", label=_wrap(str(group), 20))
    top.axhline(0, color="0.6", linewidth=0.8)
    top.set_ylim(-1.05, 1.05)
    top.set_ylabel("mean naming index")
    top.legend(frameon=False, fontsize=8)
    counts = trend.pivot_table(index="month", columns="group", values="articles", aggfunc="sum", fill_value=0)
    counts.reindex(months).plot.bar(ax=bottom, stacked=True, legend=False, width=0.8)
    bottom.set_ylabel("articles")
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xticks(range(len(months)), months, rotation=45)
    top.set_title(_wrap(title))
    return fig
