"""Seaborn figures for the framing analysis (notebook 03).

Every function takes a table from :mod:`research_utils.analyses.framing` and returns a
:class:`matplotlib.figure.Figure` that is not registered with pyplot, so a notebook
shows it once (as the cell's value) and nothing leaks between figures. When there is
nothing to draw (no hit, no comparison article) it returns a
:class:`~research_utils.analyses.framing.Note` instead: one line saying why, and no
empty figure.
"""

from __future__ import annotations

import itertools
import textwrap

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from seaborn.utils import relative_luminance

from research_utils.views import Note

__all__ = [
    "cooccurrence_heatmap",
    "distinctive_words_chart",
    "frame_profiles",
    "frame_salience",
    "naming_chart",
    "naming_profiles",
    "persuasion_chart",
    "trajectory_heatmap",
]

_PRESENT = "#1f5f8b"
_ABSENT = "#b9c6d2"
_SIDE_A = ("#0072b2", "#8fc1e3")  # author, quoted (distanced: white with the quoted colour as hatch)
_SIDE_B = ("#d55e00", "#f2b38a")


def _wrap(label: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


_SINGLE = "needs two or more articles: give comparison articles in compare_paths"


def _legend_below(fig: Figure, ax: Axes, n: int) -> None:
    """Move an axes legend below the figure, out of the way of the data."""
    if ax.get_legend() is None:
        return
    handles, labels = ax.get_legend_handles_labels()
    ax.get_legend().remove()
    fig.legend(handles, labels, loc="outside lower center", ncol=min(n, 3), frameon=False, title="article")


def _annotate_cells(ax: Axes, labels: np.ndarray) -> None:
    """Write ``labels`` into the cells of the heatmap on ``ax``, as ``sns.heatmap(annot=...)``
    does (dark text on light cells, white on dark), but only where the label is not empty:
    a sparse heatmap then carries a few text artists instead of one per cell."""
    mesh = ax.collections[0]
    mesh.update_scalarmappable()
    height, width = labels.shape
    xpos, ypos = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    cells = zip(xpos.flat, ypos.flat, mesh.get_array().flat, mesh.get_facecolors(), labels.flat, strict=False)
    for x, y, value, color, label in cells:
        if value is not np.ma.masked and label != "":
            colour = ".15" if relative_luminance(color) > 0.408 else "w"
            ax.text(x, y, label, color=colour, ha="center", va="center")


def frame_salience(scores: pd.DataFrame, *, min_cues: int = 3, title: str = "") -> Figure | Note:
    """Bars of cue hits per 1,000 words for each frame, one panel per scheme.

    Parameters
    ----------
    scores : DataFrame
        :func:`research_utils.analyses.framing.frame_scores` rows of one article (policy
        and/or generic scheme).
    min_cues : int
        The presence threshold, for the legend.
    title : str
        Figure title (default names the measure).
    """
    schemes = [s for s in ("policy", "generic") if s in set(scores["scheme"])]
    if not schemes or not scores["hits"].sum():
        return Note("Frame salience: no cue of any frame occurs in this text, so there is nothing to draw.")
    heights = [max(2, len(scores[scores["scheme"] == s])) for s in schemes]
    fig = Figure(figsize=(10, 0.42 * sum(heights) + 2.2), layout="constrained")
    axes = fig.subplots(len(schemes), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)[:, 0]
    names = {
        "policy": "Policy Frames Codebook (15 dimensions)",
        "generic": "Semetko & Valkenburg generic frames",
    }
    xmax = max(float(scores["per_1000_words"].max() or 0), 1.0) * 1.18
    for ax, scheme in zip(axes, schemes, strict=True):
        d = scores[scores["scheme"] == scheme].reset_index(drop=True)
        colors = [_PRESENT if p else _ABSENT for p in d["present"]]
        labels = [_wrap(f, 34) for f in d["frame"]]
        sns.barplot(
            x=d["per_1000_words"],
            y=labels,
            hue=labels,
            palette=colors,
            legend=False,
            ax=ax,
            orient="h",
            errorbar=None,
        )
        for i, (v, h, dom) in enumerate(zip(d["per_1000_words"], d["hits"], d["dominant"], strict=True)):
            ax.text(
                v + xmax * 0.01,
                i,
                f"{h} hit{'s' if h != 1 else ''}" + ("  ◀ dominant" if dom else ""),
                va="center",
                fontsize=9,
            )
        ax.set_xlim(0, xmax)
        ax.set_title(names[scheme], loc="left", fontsize=12)
        ax.set_xlabel("cue hits per 1,000 words")
        ax.set_ylabel("")
    axes[0].legend(
        handles=[
            Patch(color=_PRESENT, label=f"present (≥ {min_cues} cue tokens)"),
            Patch(color=_ABSENT, label="not present"),
        ],
        loc="lower right",
        fontsize=9,
    )
    fig.suptitle(title or "Frame salience: dictionary cue hits per 1,000 words", fontsize=13)
    return fig


MAX_TRAJECTORY_COLUMNS = 40
"""Paragraph columns drawn at most; a longer article is drawn in as many bins of paragraphs."""


def trajectory_heatmap(traj: pd.DataFrame, *, drop_empty: bool = True, title: str = "") -> Figure | Note:
    """Heatmap of frame cue hits per paragraph (frames x paragraphs).

    Parameters
    ----------
    traj : DataFrame
        :func:`research_utils.analyses.framing.frame_trajectory` rows of one article and
        scheme.
    drop_empty : bool
        Leave out frames with no hit anywhere.
    """
    frames = list(dict.fromkeys(traj["frame"]))
    wide = traj.pivot_table(index="frame", columns="paragraph_id", values="hits", aggfunc="sum").reindex(
        frames
    )
    xlabel = "body paragraph (0 = first)"
    if wide.shape[1] > MAX_TRAJECTORY_COLUMNS:  # a long text: bins of consecutive paragraphs
        edges = np.linspace(0, wide.shape[1], MAX_TRAJECTORY_COLUMNS + 1).round().astype(int)
        paras = wide.columns.to_numpy()
        binned = {
            f"{paras[a]}-{paras[b - 1]}": wide.iloc[:, a:b].sum(axis=1) for a, b in itertools.pairwise(edges)
        }
        wide = pd.DataFrame(binned)
        xlabel = f"body paragraphs, in {MAX_TRAJECTORY_COLUMNS} bins of consecutive paragraphs"
    if drop_empty:
        wide = wide[wide.sum(axis=1) > 0]
    if wide.empty or not wide.to_numpy().sum():
        return Note("Frame trajectory: no frame cue occurs in any paragraph, so there is nothing to draw.")
    fig = Figure(
        figsize=(min(max(4 + 0.42 * wide.shape[1], 8), 18), 1.6 + 0.5 * max(len(wide), 1)),
        layout="constrained",
    )
    ax = fig.subplots()
    cbar_kws = {"label": "cue hits", "ticks": MaxNLocator(integer=True)}
    sns.heatmap(wide, cmap="Blues", linewidths=0.5, linecolor="white", cbar_kws=cbar_kws, ax=ax)
    _annotate_cells(ax, wide.astype(int).astype(str).replace("0", "").to_numpy())  # zeros stay blank
    ax.grid(False)
    ax.set_yticklabels([_wrap(t.get_text(), 34) for t in ax.get_yticklabels()], rotation=0)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title or "Frame trajectory: cue hits paragraph by paragraph", loc="left")
    return fig


def cooccurrence_heatmap(co: pd.DataFrame, frames: list[str], *, title: str = "") -> Figure | Note:
    """Symmetric heatmap of the number of sentences two frames share.

    Parameters
    ----------
    co : DataFrame
        :func:`research_utils.analyses.framing.frame_cooccurrence` rows of one article and
        scheme.
    frames : list of str
        Frames to show, in order (e.g. the frames with any hit).
    """
    if co.empty or len(frames) < 2:
        return Note("Frame co-occurrence: no two frames share a sentence, so there is nothing to draw.")
    fig = Figure(figsize=(2.5 + 0.65 * len(frames), 1.8 + 0.55 * len(frames)), layout="constrained")
    m = pd.DataFrame(0, index=frames, columns=frames)
    for r in co.itertuples(index=False):
        if r.frame_a in m.index and r.frame_b in m.index:
            m.loc[r.frame_a, r.frame_b] = r.sentences
            m.loc[r.frame_b, r.frame_a] = r.sentences
    m = m.iloc[1:, :-1]  # the lower triangle without the diagonal
    mask = np.triu(np.ones_like(m, dtype=bool), k=1)
    ax = fig.subplots()
    sns.heatmap(m, mask=mask, annot=True, fmt="d", cmap="Purples", cbar=False, linewidths=0.5, ax=ax)
    ax.grid(False)
    ax.set_yticklabels([_wrap(t.get_text(), 30) for t in ax.get_yticklabels()], rotation=0)
    ax.set_xticklabels([_wrap(t.get_text(), 18) for t in ax.get_xticklabels()], rotation=45, ha="right")
    ax.set_title(title or "Frame co-occurrence: sentences with cues of both frames", loc="left")
    return fig


def naming_chart(
    naming: pd.DataFrame, *, side_a: str = "side A", side_b: str = "side B", title: str = ""
) -> Figure | Note:
    """Diverging bars per naming set: side B to the left, side A to the right, by voice.

    The author's own usage is the dark bar next to the axis (the headline index counts
    only it), quoted speakers' usage the light bar, distanced usage ("so-called", "what
    Moscow calls", scare quotes) the hatched bar at the end. Each row gives the set's
    author's-own index (``index_author``), and the index of all voices when it differs.

    Parameters
    ----------
    naming : DataFrame
        :func:`research_utils.analyses.framing.naming_table` rows of one article.
    side_a, side_b : str
        Whose usage each side is (the lexicon's ``meta.side_a`` / ``meta.side_b``).
    """
    d = naming[(naming["side_a_count"] + naming["side_b_count"]) > 0].reset_index(drop=True)
    if d.empty:
        return Note(
            "Naming choices: no term of any naming set appears in this text, so there is nothing to draw."
        )
    if "side_a_distanced" not in d:  # a table of an older version: no distanced column
        d = d.assign(side_a_distanced=0, side_b_distanced=0)
    fig = Figure(figsize=(11, 1.8 + 0.55 * max(len(d), 1)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(d))
    for sign, side, colours, who in ((-1, "b", _SIDE_B, side_b), (1, "a", _SIDE_A, side_a)):
        author, quoted, distanced = (d[f"side_{side}_{v}"] for v in ("author", "quoted", "distanced"))
        label = side.upper()
        ax.barh(y, sign * author, color=colours[0], label=f"{label} author's own: {who}")
        ax.barh(y, sign * quoted, left=sign * author, color=colours[1], label=f"{label} quoted")
        ax.barh(
            y,
            sign * distanced,
            left=sign * (author + quoted),
            color="white",
            edgecolor=colours[0],
            hatch="///",
            label=f"{label} distanced",
        )
    lim = max(int(d["side_a_count"].max()), int(d["side_b_count"].max()), 1) * 1.45
    ax.set_xlim(-lim, lim)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [f"{a}  |  {b}" for a, b in zip(d["side_a"], d["side_b"], strict=True)])
    ax.invert_yaxis()
    for i, r in d.iterrows():
        own = "author: none" if pd.isna(r["index_author"]) else f"author {r['index_author']:+.2f}"
        every = "" if r["index"] == r["index_author"] else f"  (all {r['index']:+.2f})"
        ax.text(lim * 0.98, i, own + every, va="center", ha="right", fontsize=9)
    ax.set_xlabel("← side B uses (count)      side A uses (count) →")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(v):.0f}")
    fig.legend(loc="outside lower center", fontsize=9, ncol=2, frameon=False)  # B column, A column
    ax.set_title(title or "Naming choices: which name the text uses for each referent", loc="left")
    return fig


def persuasion_chart(counts: pd.DataFrame, *, title: str = "") -> Figure | Note:
    """Candidate-cue counts per persuasion technique, coloured by family.

    Parameters
    ----------
    counts : DataFrame
        :func:`research_utils.analyses.framing.persuasion_counts` rows of one article.
    """
    d = counts.reset_index(drop=True)
    if d.empty or not d["count"].sum():
        return Note("Persuasion techniques: no candidate cue was found, so there is nothing to draw.")
    fig = Figure(figsize=(10, 1.8 + 0.33 * max(len(d), 1)), layout="constrained")
    ax = fig.subplots()
    labels = [
        t + (" (human coding)" if h else "")
        for t, h in zip(d["technique"], d["needs_human_coding"], strict=True)
    ]
    sns.barplot(x=d["count"], y=labels, hue=d["family"], dodge=False, ax=ax, orient="h", errorbar=None)
    top = max(int(d["count"].max()), 1)
    for i, v in enumerate(d["count"]):
        ax.text(v + top * 0.01, i, str(v), va="center", fontsize=9)
    ax.set_xlim(0, top * 1.1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("candidate cue spans (not detections)")
    ax.set_ylabel("")
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), title="family", fontsize=8, title_fontsize=9)
    ax.set_title(title or "Persuasion techniques: candidate cues per technique", loc="left")
    return fig


def frame_profiles(scores: pd.DataFrame, *, title: str = "") -> Figure | Note:
    """Frame salience of several articles side by side (one panel per scheme), the frames
    with a cue in any of the articles (the table holds every frame).

    Parameters
    ----------
    scores : DataFrame
        :func:`research_utils.analyses.framing.frame_scores` rows of several articles.
    """
    n_art = scores["article"].nunique()
    used = scores.groupby(["scheme", "frame"], sort=False)["per_1000_words"].transform("max") > 0
    scores = scores[used]
    schemes = [s for s in ("policy", "generic") if s in set(scores["scheme"])]
    if n_art < 2:
        return Note(f"Frame profiles side by side {_SINGLE}.")
    if not schemes:
        return Note("No frame has a cue in any of the articles: there is no profile to compare.")
    heights = [max(2, scores.loc[scores["scheme"] == s, "frame"].nunique()) for s in schemes]
    fig = Figure(figsize=(11, 0.24 * n_art * sum(heights) + 2.5), layout="constrained")
    axes = fig.subplots(len(schemes), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)[:, 0]
    for k, (ax, scheme) in enumerate(zip(axes, schemes, strict=True)):
        d = scores[scores["scheme"] == scheme].assign(frame=lambda x: x["frame"].map(lambda f: _wrap(f, 34)))
        sns.barplot(
            data=d,
            x="per_1000_words",
            y="frame",
            hue="article",
            ax=ax,
            orient="h",
            legend=k == 0,
            errorbar=None,
        )
        ax.set_title(scheme + " frames", loc="left")
        ax.set_xlabel("cue hits per 1,000 words")
        ax.set_ylabel("")
    _legend_below(fig, axes[0], n_art)
    fig.suptitle(title or "Frame profiles across articles", fontsize=13)
    return fig


def naming_profiles(naming: pd.DataFrame, *, title: str = "") -> Figure | Note:
    """Author's-own naming index per set for several articles (dots), sets used by any article.

    Each dot is a set's ``index_author`` in one article: the author's own usage, quotations
    and distanced usage left out (``index`` of all voices for a table without it).

    Parameters
    ----------
    naming : DataFrame
        :func:`research_utils.analyses.framing.naming_table` rows of several articles.
    """
    column = "index_author" if "index_author" in naming else "index"
    own = ["side_a_author", "side_b_author"] if column == "index_author" else ["side_a_count", "side_b_count"]
    used = naming.groupby("set")[own].sum().sum(axis=1)
    sets = [s for s in dict.fromkeys(naming["set"]) if used.get(s, 0) > 0]
    d = naming[naming["set"].isin(sets)].dropna(subset=[column])
    if naming["article"].nunique() < 2:
        return Note(f"Naming profiles side by side {_SINGLE}.")
    if d.empty:
        return Note(
            "Naming profiles: no article uses a term of any naming set in its own voice, so there is "
            "nothing to draw."
        )
    fig = Figure(figsize=(10, 1.8 + 0.5 * max(len(sets), 1)), layout="constrained")
    ax = fig.subplots()
    labels = {
        s: f"{a}  |  {b}" for s, a, b in zip(naming["set"], naming["side_a"], naming["side_b"], strict=True)
    }
    d = d.assign(pair=d["set"].map(labels))
    order = [labels[s] for s in sets]
    sns.stripplot(data=d, x=column, y="pair", hue="article", order=order, size=10, jitter=0.15, ax=ax)
    _legend_below(fig, ax, d["article"].nunique())
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlim(-1.1, 1.1)
    ax.set_xlabel(
        "author's-own naming index: −1 only side B … +1 only side A\n"
        "(each row: side A's terms | side B's terms)"
    )
    ax.set_ylabel("")
    ax.set_title(title or "Naming profiles across articles", loc="left")
    return fig


def distinctive_words_chart(dw: pd.DataFrame, *, top_n: int = 12, title: str = "") -> Figure | Note:
    """Top distinctive words of each article by z-score (one panel per article).

    Parameters
    ----------
    dw : DataFrame
        :func:`research_utils.analyses.framing.distinctive_words` output.
    """
    arts = list(dict.fromkeys(dw["article"]))
    if dw.empty:
        return Note(f"Distinctive words {_SINGLE}.")
    fig = Figure(figsize=(5.2 * max(len(arts), 1), 1.5 + 0.32 * top_n), layout="constrained")
    axes = fig.subplots(1, len(arts), squeeze=False)[0]
    for ax, art in zip(axes, arts, strict=True):
        d = dw[dw["article"] == art].head(top_n)
        sns.barplot(data=d, x="z", y="term", color=_PRESENT, ax=ax, orient="h", errorbar=None)
        ax.axvline(1.96, color="grey", linestyle="--", linewidth=0.8)
        ax.set_title(_wrap(art, 40), loc="left", fontsize=10)
        ax.set_xlabel("z (log-odds, informative Dirichlet prior)")
        ax.set_ylabel("")
    fig.suptitle(
        title or "Distinctive words (Monroe, Colaresi & Quinn 2008); dashed line z = 1.96", fontsize=12
    )
    return fig
