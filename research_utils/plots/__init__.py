"""Seaborn figures shared by the notebooks, one submodule per analysis.

Every function takes a DataFrame produced by ``research_utils`` and returns a
``matplotlib.figure.Figure``; the notebook displays it. :func:`style` sets one look.
"""

from __future__ import annotations

import seaborn as sns

__all__ = ["style"]


def style() -> None:
    """Apply the house style (white grid, colour-blind palette, readable font sizes).

    In a Jupyter kernel it also has figures shown as PNG without ``bbox_inches="tight"``:
    every figure here lays itself out (``layout="constrained"``), and the inline
    backend's default tight crop draws each figure a second time only to measure it.
    """
    sns.set_theme(style="whitegrid", palette="colorblind", context="notebook")
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", bbox_inches=None)
