"""Figures for the stance comparison notebook.

Each function takes a table from :mod:`research_utils.analyses.stance` and returns a
``matplotlib.figure.Figure`` built without pyplot (nothing is drawn twice in a notebook
and no global figure state is left behind), or None when the table is empty: a section
with nothing to show draws no empty figure (the notebook says in one line why). With
several articles (the ``article`` column), each figure has one panel per article with
the same actors and scales, so the panels compare side by side; an article with nothing
to show keeps its (empty) panel. Call :func:`research_utils.plots.style` first.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure

from research_utils.analyses.stance.lexicons import VERB_CLASSES
from research_utils.plots import title_text

__all__ = [
    "claims_heatmap",
    "deontic_plot",
    "epistemic_plot",
    "sentiment_plot",
    "verb_class_plot",
    "voice_share_plot",
]

_PALETTE = sns.color_palette("colorblind", 10)
_BLUE, _ORANGE, _GREEN, _RED, _PURPLE = _PALETTE[0], _PALETTE[1], _PALETTE[2], _PALETTE[3], _PALETTE[4]
_VOICE_COLOURS = {"all": _PURPLE, "author": _BLUE, "quoted": _ORANGE}


def _panels(df: pd.DataFrame, articles: Sequence[str] | None = None) -> list[str]:
    """Panel order: the articles given (so that every article gets a panel), else those in ``df``."""
    if articles:
        return list(articles)
    return list(dict.fromkeys(df["article"])) if "article" in df.columns and len(df) else [""]


def _axes(fig: Figure, n: int, sharex: bool = True) -> list[Axes]:
    axes = fig.subplots(1, n, sharey=True, sharex=sharex, squeeze=False)[0]
    return list(axes)


def _short(slug: str, width: int = 40) -> str:
    return textwrap.shorten(slug, width, placeholder="…") if slug else ""


def _order(df: pd.DataFrame, value: str, label: str = "label") -> list[str]:
    """Actor labels ordered by the summed value, largest first."""
    return list(df.groupby(label, sort=False)[value].sum().sort_values(ascending=False).index)


def voice_share_plot(
    voice: pd.DataFrame,
    title: str = "Who speaks: direct quotes per actor",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Quoted words per actor (bars) with quote and indirect-speech counts as labels.

    Parameters
    ----------
    voice : DataFrame
        :func:`research_utils.analyses.stance.voice_share`.

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    if voice.empty:
        return None
    panels = _panels(voice, articles)
    labels = _order(voice, "attributions")
    fig = Figure(figsize=(4.8 * len(panels) + 1.8, 0.45 * max(len(labels), 2) + 1.6), layout="constrained")
    axes = _axes(fig, len(panels))
    xmax = max(float(voice["quoted_words"].max()), 1.0)
    for ax, art in zip(axes, panels, strict=True):
        sub = voice[voice["article"] == art].set_index("label").reindex(labels)
        y = np.arange(len(labels))
        ax.barh(y, sub["quoted_words"].fillna(0), color=_ORANGE, label="words in direct quotes")
        for yi, (w, q, i) in enumerate(
            zip(
                sub["quoted_words"].fillna(0), sub["quotes"].fillna(0), sub["indirect"].fillna(0), strict=True
            )
        ):
            ax.text(
                w, yi, f"  {int(q)} quote{'' if q == 1 else 's'}, {int(i)} indirect", va="center", fontsize=8
            )
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlim(0, xmax * 1.6)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("words in direct quotes")
        ax.set_title(_short(art))
    fig.suptitle(title)
    return fig


def sentiment_plot(
    sentiment: pd.DataFrame,
    title: str = "VADER sentiment of the sentences that mention each actor (mean, 95% bootstrap interval)",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Mean sentence sentiment per actor with its interval, one marker per voice.

    Parameters
    ----------
    sentiment : DataFrame
        :func:`research_utils.analyses.stance.actor_sentiment` (``voice``, ``sentiment_mean``,
        ``sentiment_low``, ``sentiment_high``, ``sentences``).

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    if sentiment.empty:
        return None
    panels = _panels(sentiment, articles)
    labels = _order(sentiment, "sentences")
    fig = Figure(figsize=(5.2 * len(panels) + 1.8, 0.55 * max(len(labels), 2) + 1.8), layout="constrained")
    axes = _axes(fig, len(panels))
    voices = list(dict.fromkeys(sentiment["voice"]))
    offsets = np.linspace(-0.18, 0.18, len(voices)) if len(voices) > 1 else [0.0]
    for ax, art in zip(axes, panels, strict=True):
        ax.axvspan(-0.05, 0.05, color="0.92", zorder=0)
        ax.axvline(0, color="0.5", linewidth=0.8, zorder=0)
        for off, voice in zip(offsets, voices, strict=True):
            sub = sentiment[(sentiment["article"] == art) & (sentiment["voice"] == voice)].set_index("label")
            sub = sub.reindex(labels)
            y = np.arange(len(labels)) + off
            m = sub["sentiment_mean"].to_numpy(dtype=float)
            lo = m - sub["sentiment_low"].to_numpy(dtype=float)
            hi = sub["sentiment_high"].to_numpy(dtype=float) - m
            ok = ~np.isnan(m)
            ax.errorbar(
                m[ok],
                y[ok],
                xerr=[lo[ok], hi[ok]],
                fmt="o",
                color=_VOICE_COLOURS.get(voice, _GREEN),
                capsize=3,
                label=f"{voice} voice" if voice != "all" else "whole sentence",
            )
            for yy, n in zip(y[ok], sub["sentences"].to_numpy()[ok], strict=True):
                ax.text(1.02, yy, f"n={int(n)}", va="center", fontsize=7, transform=ax.get_yaxis_transform())
        ax.set_yticks(np.arange(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlim(-1, 1)
        ax.set_title(_short(art))
    axes[0].legend(loc="lower left", fontsize=8, frameon=True)
    fig.supxlabel("VADER compound: −1 negative … +1 positive\n(grey band: neutral, ±0.05)")
    fig.suptitle(title_text(title, 60))
    return fig


def verb_class_plot(
    verb_classes: pd.DataFrame,
    classes: Sequence[str] = VERB_CLASSES,
    title: str = "How the author introduces each actor's words: reporting-verb classes",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Stacked bars: attributions per actor by reporting-verb class.

    Parameters
    ----------
    verb_classes : DataFrame
        :func:`research_utils.analyses.stance.verb_class_table`.
    classes : sequence of str
        Class order (and colours).

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    if verb_classes.empty:
        return None
    panels = _panels(verb_classes, articles)
    labels = _order(verb_classes, "attributions")
    fig = Figure(figsize=(4.8 * len(panels) + 3.2, 0.45 * max(len(labels), 2) + 1.8), layout="constrained")
    present = [c for c in classes if c in set(verb_classes["verb_class"])]
    present += [c for c in dict.fromkeys(verb_classes["verb_class"]) if c not in present]
    colours = dict(zip(present, sns.color_palette("colorblind", max(len(present), 3)), strict=False))
    axes = _axes(fig, len(panels))
    for ax, art in zip(axes, panels, strict=True):
        sub = verb_classes[verb_classes["article"] == art]
        table = sub.pivot_table(index="label", columns="verb_class", values="attributions", aggfunc="sum")
        table = table.reindex(index=labels, columns=present).fillna(0)
        left = np.zeros(len(labels))
        y = np.arange(len(labels))
        for cls in present:
            ax.barh(y, table[cls], left=left, color=colours[cls], label=cls)
            left += table[cls].to_numpy()
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel("attributions (direct and indirect)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(_short(art))
    axes[-1].legend(
        title="verb class", loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=8, frameon=False
    )
    fig.suptitle(title)
    return fig


SHRINK_CLAIMS = 2
"""Pseudo-claims without a side added to every cell of the claims heatmap's colour."""


def claims_heatmap(
    matrix: pd.DataFrame,
    title: str = "Who wants what: net position of each actor on each issue",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Heatmap of each actor's position on each issue, coloured by position *and* evidence.

    Only claims count (rows of role ``claim``: the actor is the subject or the speaker of
    a position cue about the issue); mere co-occurrences are left out. The colour is the
    net position shrunk toward zero by the number of claims behind it,
    ``(support − oppose) / (claims + 2)`` (two pseudo-claims without a side, as in an
    add-two estimate), so a cell backed by one sentence is pale (at most ±1/3) and only a
    position repeated in several sentences is dark. Blue leans to support, red to
    opposition; grey cells mean no claim. Each cell reads ``+support −oppose`` and
    ``n = claims``.

    Parameters
    ----------
    matrix : DataFrame
        :func:`research_utils.analyses.stance.claims_matrix`.

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    if matrix.empty:
        return None
    panels = _panels(matrix, articles)
    actors = _order(matrix, "claims")
    issues = list(
        matrix.groupby("issue_label", sort=False)["claims"].sum().sort_values(ascending=False).index
    )
    fig = Figure(
        figsize=(0.95 * max(len(issues), 3) + 3.2, (0.55 * max(len(actors), 2) + 0.7) * len(panels) + 2.2),
        layout="constrained",
    )
    axes = list(fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0])  # one row per article
    norm = TwoSlopeNorm(vmin=-1, vcenter=0, vmax=1)
    mappable = None
    for ax, art in zip(axes, panels, strict=True):
        sub = matrix[matrix["article"] == art]
        shrunk = sub.assign(shown=(sub["support"] - sub["oppose"]) / (sub["claims"] + SHRINK_CLAIMS))
        net = shrunk.pivot_table(index="label", columns="issue_label", values="shown").reindex(
            index=actors, columns=issues
        )
        sup = sub.pivot_table(index="label", columns="issue_label", values="support").reindex(
            index=actors, columns=issues
        )
        opp = sub.pivot_table(index="label", columns="issue_label", values="oppose").reindex(
            index=actors, columns=issues
        )
        n = sub.pivot_table(index="label", columns="issue_label", values="claims").reindex(
            index=actors, columns=issues
        )
        annot = np.full(net.shape, "", dtype=object)
        for i in range(net.shape[0]):
            for j in range(net.shape[1]):
                if not np.isnan(n.iat[i, j]):
                    annot[i, j] = f"+{int(sup.iat[i, j])} −{int(opp.iat[i, j])}\nn={int(n.iat[i, j])}"
        with warnings.catch_warnings():  # an article without claims is an all-grey panel, not a warning
            warnings.simplefilter("ignore", RuntimeWarning)
            sns.heatmap(
                net.astype(float),
                ax=ax,
                cmap="RdBu",
                norm=norm,
                annot=annot,
                fmt="",
                annot_kws={"fontsize": 8},
                linewidths=0.5,
                linecolor="white",
                cbar=False,
            )
        ax.set_facecolor("0.93")
        ax.grid(False)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticklabels(
            [textwrap.fill(t.get_text(), 14, break_long_words=False) for t in ax.get_xticklabels()],
            rotation=45,
            ha="right",
            fontsize=8,
        )
        ax.set_title(_short(art))
        mappable = ax.collections[0] if ax.collections else mappable
    if mappable is not None:
        fig.colorbar(
            mappable, ax=axes, shrink=0.7, label="(support − oppose) / (claims + 2):\npale = little evidence"
        )
    fig.suptitle(title_text(title + " (cell: +support −oppose, n = claims; grey: no claim)", 50, lines=3))
    return fig


def deontic_plot(
    deontic: pd.DataFrame,
    title: str = "Deontic load: obligations put on each actor",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Stacked bars: obligations ("X must / should / has to ...") per actor by voice.

    Parameters
    ----------
    deontic : DataFrame
        :func:`research_utils.analyses.stance.deontic_markers` (rows with an ``actor``).

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    d = deontic[deontic["actor"].astype(str) != ""] if len(deontic) else deontic
    if d.empty:
        return None
    panels = _panels(d, articles)
    labels = list(d["label"].value_counts().index)
    fig = Figure(figsize=(4.2 * len(panels) + 1.8, 0.45 * max(len(labels), 2) + 1.6), layout="constrained")
    axes = _axes(fig, len(panels))
    for ax, art in zip(axes, panels, strict=True):
        sub = d[d["article"] == art]
        table = (
            pd.crosstab(sub["label"], sub["voice"])
            .reindex(index=labels, columns=["author", "quoted"])
            .fillna(0)
        )
        y = np.arange(len(labels))
        left = np.zeros(len(labels))
        for voice in ("author", "quoted"):
            ax.barh(y, table[voice], left=left, color=_VOICE_COLOURS[voice], label=f"{voice} voice")
            left += table[voice].to_numpy()
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("obligations (must, has to, should, needs to ...)")
        ax.set_title(_short(art))
    axes[0].legend(loc="lower right", fontsize=8)
    fig.suptitle(title)
    return fig


def epistemic_plot(
    profile: pd.DataFrame,
    title: str = "Certainty around each actor: hedges and boosters per sentence",
    articles: Sequence[str] | None = None,
) -> Figure | None:
    """Grouped bars: hedges and boosters per sentence mentioning each actor.

    Parameters
    ----------
    profile : DataFrame
        :func:`research_utils.analyses.stance.actor_profile`.

    Returns
    -------
    Figure or None
        None when there is nothing to draw.
    """
    if profile.empty:
        return None
    panels = _panels(profile, articles)
    labels = _order(profile, "sentences")
    fig = Figure(figsize=(4.2 * len(panels) + 1.8, 0.5 * max(len(labels), 2) + 1.6), layout="constrained")
    axes = _axes(fig, len(panels))
    for ax, art in zip(axes, panels, strict=True):
        sub = profile[profile["article"] == art].set_index("label").reindex(labels)
        y = np.arange(len(labels))
        ax.barh(y - 0.2, sub["hedges_per_sentence"].fillna(0), height=0.4, color=_GREEN, label="hedges")
        ax.barh(y + 0.2, sub["boosters_per_sentence"].fillna(0), height=0.4, color=_RED, label="boosters")
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel("markers per sentence mentioning the actor")
        ax.set_title(_short(art))
    axes[0].legend(loc="lower right", fontsize=8)
    fig.suptitle(title_text(title, 50))
    return fig
