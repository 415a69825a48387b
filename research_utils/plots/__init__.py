"""Seaborn figures shared by the notebooks, one submodule per analysis.

Every function takes a DataFrame produced by ``research_utils`` and returns a
``matplotlib.figure.Figure``; the notebook displays it. :func:`style` sets one look.
"""

from __future__ import annotations

import seaborn as sns

__all__ = ["outside_canvas", "style", "title_text"]


def style() -> None:
    """Apply the house style (white grid, colour-blind palette, readable font sizes, no
    mathtext: a ``$`` in a title or label is drawn as it is).

    In a Jupyter kernel it also has figures shown as PNG without ``bbox_inches="tight"``:
    every figure here lays itself out (``layout="constrained"``), and the inline
    backend's default tight crop draws each figure a second time only to measure it.
    """
    # Titles, outlets and words come from articles: "$" (prices, cashtags) is text, never
    # matplotlib's mathtext, which would fail on "$5bn ... $AAPL" or draw it in italics.
    # Figures are also written as SVG for papers (research_utils.export.Exporter.figure): text stays text,
    # and the ids are salted with a constant so that two builds give the same file.
    sns.set_theme(
        style="whitegrid",
        palette="colorblind",
        context="notebook",
        rc={
            "text.parse_math": False,
            "svg.fonttype": "none",
            "svg.hashsalt": "research-utils",
            "savefig.facecolor": "white",
        },
    )
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", bbox_inches=None)


def title_text(text: str, width: int = 70, lines: int = 2) -> str:
    """A figure title that fits: wrapped at ``width`` characters, at most ``lines`` lines,
    cut with an ellipsis beyond (long article titles would otherwise leave the canvas)."""
    import textwrap

    wrapped = textwrap.wrap(str(text), width) or [str(text)]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: max(width - 1, 1)].rstrip() + "…"
    return "\n".join(wrapped)


def outside_canvas(fig: object, tolerance: float = 1.0) -> list[str]:
    """What of ``fig`` reaches outside its canvas once drawn (empty when everything fits).

    The figure is drawn on the Agg renderer at its own size; every axes (with its tick
    labels, axis labels and title, as matplotlib draws them), every legend and every text of
    the figure itself (suptitle, notes) is measured, and any that extends more than
    ``tolerance`` pixels past an edge is listed with its pixel box.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)  # type: ignore[arg-type]
    canvas.draw()
    renderer = canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height  # type: ignore[attr-defined]
    parts: list[tuple[str, object]] = []
    for ax in fig.axes:  # type: ignore[attr-defined]
        name = ax.get_title() or ax.get_xlabel() or ax.get_ylabel() or "axes"
        parts.append((f"axes {name!r}", ax.get_tightbbox(renderer)))
    for legend in fig.legends:  # type: ignore[attr-defined]
        parts.append(("figure legend", legend.get_window_extent(renderer)))
    for text in fig.texts:  # type: ignore[attr-defined]
        if text.get_visible() and text.get_text().strip():
            parts.append((f"text {text.get_text()!r}", text.get_window_extent(renderer)))
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        parts.append((f"title {suptitle.get_text()!r}", suptitle.get_window_extent(renderer)))
    out = []
    for name, box in parts:
        if box is None:
            continue
        x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1  # type: ignore[attr-defined]
        if x0 < -tolerance or y0 < -tolerance or x1 > width + tolerance or y1 > height + tolerance:
            out.append(
                f"{name} ({x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f}) on a {width:.0f} x {height:.0f} canvas"
            )
    return out
