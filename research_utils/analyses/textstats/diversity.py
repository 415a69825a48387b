"""Lexical diversity: TTR, MATTR, MTLD and HD-D, and why TTR alone misleads.

All four are measured on the document's **vocabulary tokens**: the types
(:func:`research_utils.ingest.vocabulary.norm`, case-folded, acronyms kept) of its words without
the number tokens. No lemmatisation: *guarantee* and *guarantees* are different words.

The measures on sequences (:func:`ttr`, :func:`mattr`, :func:`mtld`, :func:`hdd`) take
any sequence of tokens (or integer type ids); :func:`lexical_diversity` applies them to
each document, computing each once and keeping the result on the document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import first_seen, form_vocabulary, per_document, token_forms
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "DIVERSITY_COLUMNS",
    "DIVERSITY_KEYS",
    "diversity_curve",
    "hdd",
    "lexical_diversity",
    "lexical_diversity_dict",
    "mattr",
    "mtld",
    "ttr",
    "vocabulary_ids",
]

DIVERSITY_KEYS: tuple[str, ...] = ("ttr", "mattr", "mtld", "hdd")
"""Keys of the diversity measures in ``results.json``, in display order."""

DIVERSITY_COLUMNS: list[str] = ["measure", "key", "value", "parameters", "citation", "reading", "article"]
"""Columns of :func:`lexical_diversity`."""


def _ids(seq: Sequence[str] | np.ndarray) -> np.ndarray:
    """Integer type ids of a token sequence in first-seen order (an integer array is kept as it is)."""
    if isinstance(seq, np.ndarray) and seq.dtype.kind in "iu":
        return seq.astype(np.int64, copy=False)
    codes, _ = pd.factorize(np.asarray(list(seq) if not isinstance(seq, np.ndarray) else seq, dtype=object))
    return codes.astype(np.int64)


def vocabulary_ids(doc: Document) -> np.ndarray:
    """The vocabulary tokens of ``doc`` (numbers left out) as integer type ids, in text order."""
    tf, v = token_forms(doc), form_vocabulary(doc)
    ids = v.norm_id[tf.codes]
    return ids[~tf.is_number[tf.codes]]


def ttr(seq: Sequence[str] | np.ndarray) -> float:
    """Type-token ratio (Templin 1957): distinct items / items (NaN for an empty sequence)."""
    n = len(seq)
    if not n:
        return math.nan
    if isinstance(seq, np.ndarray):
        return len(np.unique(seq)) / n
    return len(set(seq)) / n


def _window_types(ids: np.ndarray, window: int) -> np.ndarray:
    """Distinct types in each window of ``window`` consecutive ids (``N - window + 1`` windows).

    The count is updated as the window moves: when it moves from ``[s, s+w-1]`` to
    ``[s+1, s+w]``, token ``s`` leaves (a type is lost unless it recurs before ``s+w``)
    and token ``s+w`` enters (a type is gained unless it occurs after ``s``). The
    previous and next occurrence of each token come from one stable sort of the ids, so
    the whole is O(N log N). Needs ``len(ids) >= window``.
    """
    n = len(ids)
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    same = sorted_ids[1:] == sorted_ids[:-1]
    prev = np.full(n, -1, dtype=np.int64)
    prev[order[1:][same]] = order[:-1][same]
    nxt = np.full(n, n, dtype=np.int64)
    nxt[order[:-1][same]] = order[1:][same]
    first_types = len(np.unique(ids[:window]))
    s = np.arange(0, n - window)
    e = s + window
    delta = (prev[e] <= s).astype(np.int64) - (nxt[s] > e - 1).astype(np.int64)
    return np.concatenate(([first_types], first_types + np.cumsum(delta)))


def mattr(seq: Sequence[str] | np.ndarray, window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The TTR of every window of ``window`` consecutive tokens (``N - window + 1``
    windows), averaged; the type count is carried from window to window
    (:func:`_window_types`). A text shorter than the window gives its plain TTR.

    Parameters
    ----------
    seq : sequence of str, or ndarray of int type ids
        Tokens (already case-folded).
    window : int
        Window length in tokens (50 is common; Covington & McFall used 500 for long texts).

    Raises
    ------
    ValueError
        If ``window`` is below 1.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    n = len(seq)
    if n == 0:
        return math.nan
    if n <= window:
        return ttr(seq)
    return float(_window_types(_ids(seq), window).mean() / window)


def _mtld_pass(ids: np.ndarray, threshold: float) -> float:
    """One MTLD pass: tokens / factors, reading ``ids`` in order.

    A type is "seen in this factor" when its last-seen mark equals the factor's number,
    so a factor restarts without clearing a set. A new type never lowers the running
    TTR, so the threshold is tested only on repeats.
    """
    last = [-1] * (int(ids.max()) + 1 if len(ids) else 0)
    factor = types = count = 0
    factors = 0.0
    for t in ids.tolist():
        count += 1
        if last[t] != factor:
            last[t] = factor
            types += 1
        elif types / count <= threshold:
            factors += 1.0
            factor += 1
            types = count = 0
    if count:
        factors += (1.0 - types / count) / (1.0 - threshold)
    return len(ids) / factors if factors > 0 else math.nan


def mtld(seq: Sequence[str] | np.ndarray, threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    Reading forward, the running TTR is computed token by token; when it falls to
    ``threshold`` or below, one *factor* is complete and the count restarts. The leftover
    stretch at the end adds a partial factor ``(1 - TTR) / (1 - threshold)``. MTLD =
    tokens / factors. The same is done backwards and the two are averaged. NaN when
    there are no factors at all (no word ever repeats). Linear time.

    Parameters
    ----------
    seq : sequence of str, or ndarray of int type ids
        Tokens (already case-folded).
    threshold : float
        TTR at which a factor is complete (0.72 in McCarthy & Jarvis 2010).

    Raises
    ------
    ValueError
        If ``threshold`` is not between 0 and 1.
    """
    if not 0 < threshold < 1:
        raise ValueError("threshold must be between 0 and 1")
    if len(seq) == 0:
        return math.nan
    ids = _ids(seq)
    fwd, bwd = _mtld_pass(ids, threshold), _mtld_pass(ids[::-1], threshold)
    if math.isnan(fwd) or math.isnan(bwd):
        return math.nan
    return (fwd + bwd) / 2


def _log_comb(n: int, k: int) -> float:
    """ln C(n, k) by :func:`math.lgamma`."""
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def hdd(seq: Sequence[str] | np.ndarray, sample: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2010): the expected TTR of a random ``sample``-token draw.

    For each type occurring ``c`` times among ``N`` tokens, the hypergeometric
    probability that a draw of ``sample`` tokens without replacement contains it at
    least once is ``1 - C(N - c, sample) / C(N, sample)`` (computed with
    :func:`math.lgamma`); HD-D is the sum of these probabilities divided by ``sample``.
    NaN when the text has fewer than ``sample`` tokens.

    Raises
    ------
    ValueError
        If ``sample`` is below 1.
    """
    n = len(seq)
    if sample < 1:
        raise ValueError("sample must be at least 1")
    if n < sample:
        return math.nan
    per_type = np.bincount(_ids(seq))
    by_count = np.bincount(per_type[per_type > 0])  # how many types occur c times
    denom = _log_comb(n, sample)
    total = 0.0
    for c in np.flatnonzero(by_count).tolist():
        p_absent = 0.0 if n - c < sample else math.exp(_log_comb(n - c, sample) - denom)
        total += int(by_count[c]) * (1.0 - p_absent)
    return total / sample


_CITATIONS = {
    "ttr": "Templin, M. (1957). Certain Language Skills in Children. University of Minnesota Press.",
    "mattr": "Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average "
    "type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), 94-100.",
    "mtld": "McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of "
    "sophisticated approaches to lexical diversity assessment. Behavior Research Methods 42(2), 381-392.",
    "hdd": "McCarthy, P. M. & Jarvis, S. (2010). Behavior Research Methods 42(2), 381-392.",
}


def _diversity(doc: Document, window: int, threshold: float, sample: int) -> dict[str, Any]:
    """The four measures of one document with the sizes behind them (kept on the document)."""

    def compute() -> dict[str, Any]:
        v = vocabulary_ids(doc)
        return {
            "tokens": len(v),
            "types": len(first_seen(v)) if len(v) else 0,  # ids are numbered in first-seen order
            "ttr": ttr(v),
            "mattr": mattr(v, window),
            "mtld": mtld(v, threshold),
            "hdd": hdd(v, sample),
        }

    if window < 1:
        raise ValueError("window must be at least 1")
    return doc.memo(("textstats.diversity", window, threshold, sample), compute)


def _diversity_of(doc: Document, window: int, threshold: float, sample: int) -> pd.DataFrame:
    """The diversity table of one document."""
    d = _diversity(doc, window, threshold, sample)
    n = d["tokens"]
    rows = [
        (
            "Type-token ratio (TTR)",
            "ttr",
            f"types={d['types']}; tokens={n}",
            "share of distinct words; falls as a text gets longer, so compare only texts of equal length",
        ),
        (
            "Moving-average TTR (MATTR)",
            "mattr",
            f"window={window} tokens" + ("" if n > window else "; text shorter than the window: equals TTR"),
            "average share of distinct words in every stretch of the window length; independent of text length",
        ),
        (
            "Measure of textual lexical diversity (MTLD)",
            "mtld",
            f"threshold={threshold}; forward and backward passes averaged",
            "average number of words before the running TTR falls to the threshold; "
            "higher = more varied (typical prose 70-120)",
        ),
        (
            "HD-D",
            "hdd",
            f"sample={sample} tokens (hypergeometric)"
            + ("" if n >= sample else "; text shorter than the sample: not defined"),
            f"expected TTR of a random draw of {sample} words; 0-1, higher = more varied",
        ),
    ]
    return pd.DataFrame(
        [(m, k, d[k], p, _CITATIONS[k], r, doc.slug) for m, k, p, r in rows], columns=DIVERSITY_COLUMNS
    )


def lexical_diversity(
    x: CorpusLike, mattr_window: int = 50, mtld_threshold: float = 0.72, hdd_sample: int = 42
) -> pd.DataFrame:
    """TTR, MATTR, MTLD and HD-D of each article's vocabulary (numbers left out, case-folded).

    Parameters
    ----------
    x : CorpusLike
    mattr_window, mtld_threshold, hdd_sample
        See :func:`mattr`, :func:`mtld`, :func:`hdd`.

    Returns
    -------
    DataFrame
        ``measure``, ``key``, ``value``, ``parameters``, ``citation``, ``reading`` (what
        the number means), ``article``; four rows per article.
    """
    return per_document(
        x, lambda doc: _diversity_of(doc, mattr_window, mtld_threshold, hdd_sample), DIVERSITY_COLUMNS
    )


def lexical_diversity_dict(x: CorpusLike | pd.DataFrame, mattr_window: int = 50) -> dict[str, float]:
    """``{ttr, mattr, mtld, hdd}`` of the main (first) article, for ``results.json``.

    Given a table from :func:`lexical_diversity`, the values of its first article.
    """
    if isinstance(x, pd.DataFrame):
        first = x[x["article"] == x["article"].iloc[0]] if len(x) else x
        values = dict(zip(first["key"], first["value"], strict=True))
        return {k: float(values.get(k, math.nan)) for k in DIVERSITY_KEYS}
    d = _diversity(as_corpus(x).main, mattr_window, 0.72, 42)
    return {k: float(d[k]) for k in DIVERSITY_KEYS}


def _curve_of(doc: Document, window: int, points: int) -> pd.DataFrame:
    """TTR and MATTR of ``points`` growing openings of one document, from one pass.

    The type count of an opening of ``m`` tokens is the number of first occurrences
    among them; MATTR of an opening longer than the window averages the window counts
    of the windows inside it, which are the first ``m - window + 1`` windows of the
    whole text (:func:`_window_types`, computed once).
    """
    ids = vocabulary_ids(doc)
    n = len(ids)
    if n == 0:
        return pd.DataFrame(columns=["tokens", "ttr", "mattr", "article"])
    new = np.zeros(n, dtype=np.int64)
    new[first_seen(ids)] = 1
    cum_types = np.cumsum(new)
    cum_windows = np.cumsum(_window_types(ids, window)) if n > window else np.zeros(0)
    lengths = sorted({max(1, round(n * k / points)) for k in range(1, points + 1)})
    rows = []
    for m in lengths:
        t = cum_types[m - 1] / m
        rows.append(
            (m, t, cum_windows[m - window] / (m - window + 1) / window if m > window else t, doc.slug)
        )
    return pd.DataFrame(rows, columns=["tokens", "ttr", "mattr", "article"])


def diversity_curve(x: CorpusLike, mattr_window: int = 50, points: int = 10) -> pd.DataFrame:
    """TTR and MATTR of growing first stretches of each text: why TTR alone misleads.

    Returns
    -------
    DataFrame
        ``tokens`` (length of the opening stretch), ``ttr``, ``mattr``, ``article``. TTR
        falls as the stretch grows although the writing does not change; MATTR stays
        level.

    Raises
    ------
    ValueError
        If ``mattr_window`` is below 1.
    """
    if mattr_window < 1:
        raise ValueError("window must be at least 1")
    return per_document(
        x, lambda doc: _curve_of(doc, mattr_window, points), ["tokens", "ttr", "mattr", "article"]
    )
