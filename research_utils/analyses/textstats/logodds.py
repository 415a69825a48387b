"""Distinctive words: the weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008, eq. 22 and 24). For word :math:`w`, the counts :math:`y_w`
of one group (total :math:`n`), the counts :math:`y'_w` of all the others together (total
:math:`n'`) and a prior :math:`\\alpha_w = \\alpha_0 \\pi_w`::

    delta_w = log((y_w + a_w) / (n + a_0 - y_w - a_w)) - log((y'_w + a_w) / (n' + a_0 - y'_w - a_w))
    z_w     = delta_w / sqrt(1 / (y_w + a_w) + 1 / (y'_w + a_w))

The prior shrinks the log-odds of rare words towards zero, so a word seen twice is not
"distinctive" by chance; ``z`` accounts for the remaining uncertainty (|z| > 1.96 is the
conventional threshold; the z-scores are not corrected for the many words tested).

This is the one implementation: the framing report compares articles with it
(:func:`research_utils.analyses.framing.distinctive_words`), the corpus report groups of
articles (:func:`research_utils.analyses.corpus.groups.distinctive_words`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["LOG_ODDS_COLUMNS", "weighted_log_odds"]

LOG_ODDS_COLUMNS: list[str] = [
    "group",
    "term",
    "count",
    "per_1000_words",
    "other_count",
    "other_per_1000_words",
    "log_odds",
    "z",
]
"""Columns of :func:`weighted_log_odds`."""


def weighted_log_odds(
    counts: pd.DataFrame,
    *,
    prior: np.ndarray | None = None,
    prior_strength: float = 500.0,
    min_count: int = 1,
    top_n: int | None = None,
) -> pd.DataFrame:
    """The words that set each group apart from all the others (Monroe, Colaresi & Quinn 2008).

    Parameters
    ----------
    counts : DataFrame
        One row per term (the index, in the order ties are listed: sorted), one column per
        group (an article, or a group of articles), holding how often the group uses it.
    prior : array, optional
        Prior weights :math:`\\pi_w` of the terms (any positive numbers, normalised here),
        e.g. their frequency in general English. Default: the terms' share of all the
        groups together (the pooled prior of Monroe et al.).
    prior_strength : float
        :math:`\\alpha_0`, the prior's weight in pseudo-words; smaller trusts the counts more.
    min_count : int
        Words the group uses fewer times are not listed.
    top_n : int, optional
        Words listed per group (default: all).

    Returns
    -------
    DataFrame
        ``group``, ``term``, ``count``, ``per_1000_words``, ``other_count`` (in the other
        groups), ``other_per_1000_words``, ``log_odds`` (delta, 4 decimals), ``z`` (3
        decimals). Per group (in column order) the words with z > 0 (used more in the
        group than elsewhere), largest z first, ties in the order of the terms. Empty for
        fewer than two groups.

    Raises
    ------
    ValueError
        For a prior strength that is not positive.
    """
    if prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    if counts.shape[1] < 2 or counts.empty:
        return pd.DataFrame(columns=LOG_ODDS_COLUMNS)
    terms = counts.index
    y = counts.to_numpy(dtype=float)
    total = y.sum(axis=1)
    weights = total if prior is None else np.asarray(prior, dtype=float)
    pi = weights / weights.sum()
    alpha = prior_strength * pi
    a0 = prior_strength
    rows = []
    for j, group in enumerate(counts.columns):
        yi = y[:, j]
        yj = total - yi
        ni, nj = yi.sum(), yj.sum()
        delta = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha))
        z = delta / np.sqrt(1 / (yi + alpha) + 1 / (yj + alpha))
        order = np.argsort(-z, kind="stable")
        order = order[(z[order] > 0) & (yi[order] >= min_count)][:top_n]
        for idx in order.tolist():
            rows.append(
                [
                    group,
                    terms[idx],
                    int(yi[idx]),
                    round(1000 * yi[idx] / ni, 3),
                    int(yj[idx]),
                    round(1000 * yj[idx] / nj, 3) if nj else float("nan"),
                    round(float(delta[idx]), 4),
                    round(float(z[idx]), 3),
                ]
            )
    return pd.DataFrame(rows, columns=LOG_ODDS_COLUMNS)
