"""How well the tool agrees with people, and people with each other, on a coded sheet.

The formulas are small pure functions, tested against hand-computed values and the
published worked examples:

* :func:`wilson_interval`: the score interval of a proportion (Wilson 1927), here with
  the effective sample size of weighted units (:func:`kish_effective_n`, Kish 1965).
* :func:`cohen_kappa`: agreement of two coders beyond chance, with chance from each
  coder's own distribution of categories (Cohen 1960).
* :func:`krippendorff_alpha`: agreement of any number of coders beyond chance, with
  missing values, for nominal categories, from the coincidence matrix
  (:func:`coincidence_matrix`; Krippendorff 2004, 2011).

:func:`score` applies them to a coded sheet (:class:`research_utils.codingsheet.Sheet`)
and returns three tables: rows coded per coder, the tool's precision and recall against
each coder (weighted back to the articles by the sampling weights), and the coders'
agreement with each other. Speaker names are compared with
:func:`research_utils.validation.names_agree` (the rule ``make validate`` uses: equal,
the same surname, or one name inside the other, case-insensitive). Nothing here reads or
writes a file.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import pandas as pd

from research_utils.codingsheet import Sheet
from research_utils.validation import names_agree

__all__ = [
    "LEVELS",
    "MIN_ROWS",
    "TOO_FEW",
    "coded_counts",
    "coder_agreement",
    "cohen_kappa",
    "coincidence_matrix",
    "kish_effective_n",
    "krippendorff_alpha",
    "matched",
    "pairwise_agreement",
    "percent_agreement",
    "score",
    "tool_scores",
    "weighted_rate",
    "wilson_interval",
]

MIN_ROWS = 20
"""Fewer coded rows (or units) than this: the numbers are not computed ("too few coded rows to say")."""

TOO_FEW = "too few coded rows to say"

Z95 = 1.959963984540054
"""The standard normal quantile of a two-sided 95 % interval."""

LEVELS = {
    "attribution": (
        ("presence", "does the sentence report speech (any speaker, or none)"),
        (
            "speaker",
            "who speaks: each speaker named, matched by name (same surname, or one name inside the other)",
        ),
    ),
    "claim": (
        ("presence", "does the sentence hold a claim (any, or none)"),
        ("actor_issue_position", "each claim: the same actor, issue and position"),
    ),
}
"""The levels at which each measure is scored: presence (something or nothing) and the value."""


# ------------------------------------------------------------------------------ formulas


def wilson_interval(p: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson (1927) score interval of a proportion ``p`` observed on ``n`` trials.

    (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·sqrt(p(1−p)/n) it
    stays within 0 and 1 and is not of width 0 when p is 0 or 1. ``n`` may be an effective
    (non-integer) sample size. NaN for ``n`` of 0.
    """
    if n <= 0 or math.isnan(p):
        return (math.nan, math.nan)
    z2 = z * z
    centre = p + z2 / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (max(0.0, (centre - half) / (1 + z2 / n)), min(1.0, (centre + half) / (1 + z2 / n)))


def kish_effective_n(weights: Sequence[float]) -> float:
    """Kish's (1965) effective sample size of weighted units: (Σw)² / Σw²; n when all weights are equal."""
    total = float(sum(weights))
    squares = float(sum(w * w for w in weights))
    return total * total / squares if squares else 0.0


def weighted_rate(hits: Sequence[float], weights: Sequence[float]) -> dict[str, float]:
    """The weighted share of hits among units, with its Wilson interval on the effective n.

    Parameters
    ----------
    hits : sequence of 0/1
        One per unit.
    weights : sequence of float
        One per unit (the sampling weight of its sentence).

    Returns
    -------
    dict
        ``estimate`` (Σ w·hit / Σ w), ``low``, ``high`` (95 %), ``n`` (units), ``n_eff``.
    """
    total = float(sum(weights))
    if not len(hits) or total <= 0:
        return {"estimate": math.nan, "low": math.nan, "high": math.nan, "n": len(hits), "n_eff": 0.0}
    p = float(sum(h * w for h, w in zip(hits, weights, strict=True))) / total
    n_eff = kish_effective_n(weights)
    low, high = wilson_interval(p, n_eff)
    return {"estimate": p, "low": low, "high": high, "n": len(hits), "n_eff": n_eff}


def _pairs(a: pd.Series, b: pd.Series) -> pd.DataFrame:
    both = pd.DataFrame({"a": a.to_numpy(dtype=object), "b": b.to_numpy(dtype=object)})
    return both[both["a"].notna() & both["b"].notna()]


def percent_agreement(a: pd.Series, b: pd.Series) -> float:
    """The share of units, of those both coders coded, that they put in the same category."""
    both = _pairs(a, b)
    return float((both["a"] == both["b"]).mean()) if len(both) else math.nan


def cohen_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's (1960) kappa of two coders over the units both coded (None/NaN = not coded).

    κ = (p_o − p_e) / (1 − p_e): p_o is the share of units in the same category, p_e the
    share expected by chance, Σ_k p_a(k)·p_b(k), from each coder's own shares of each
    category k. NaN when chance agreement is 1 (both coders used one and the same category).
    """
    both = _pairs(a, b)
    if not len(both):
        return math.nan
    p_o = float((both["a"] == both["b"]).mean())
    pa, pb = both["a"].value_counts(normalize=True), both["b"].value_counts(normalize=True)
    p_e = float(sum(pa.get(k, 0.0) * pb.get(k, 0.0) for k in set(pa.index) | set(pb.index)))
    return (p_o - p_e) / (1 - p_e) if p_e < 1 else math.nan


def coincidence_matrix(codes: pd.DataFrame) -> pd.DataFrame:
    """Krippendorff's coincidence matrix of nominal codes (rows = units, columns = coders).

    Each unit with m ≥ 2 values adds, for every ordered pair of its values from different
    coders, 1/(m − 1) to the cell (c, k); units with fewer than two values are not pairable
    and add nothing. The matrix is symmetric and its total is the number of pairable values n.
    """
    cells: dict[tuple[Hashable, Hashable], float] = {}
    for row in codes.itertuples(index=False):
        values = [v for v in row if v is not None and not (isinstance(v, float) and math.isnan(v))]
        m = len(values)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            key = (values[i], values[j])
            cells[key] = cells.get(key, 0.0) + 1.0 / (m - 1)
    cats = sorted({c for c, _ in cells}, key=str)
    return pd.DataFrame([[cells.get((c, k), 0.0) for k in cats] for c in cats], index=cats, columns=cats)


def krippendorff_alpha(codes: pd.DataFrame) -> float:
    """Krippendorff's alpha for nominal codes, any number of coders, missing values allowed.

    α = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, with o the coincidence
    matrix (:func:`coincidence_matrix`), n_c its row sums and n its total (Krippendorff 2011,
    section C). 1 is perfect agreement, 0 agreement at chance level. NaN with fewer than two
    pairable values, or when every pairable value is the same category (no variation).
    """
    o = coincidence_matrix(codes)
    n = float(o.to_numpy().sum()) if len(o) else 0.0
    if n < 2:
        return math.nan
    n_c = o.sum(axis=1).to_numpy()
    observed = n - float(o.to_numpy().trace())
    expected = float(n_c.sum() ** 2 - (n_c**2).sum())
    return 1 - (n - 1) * observed / expected if expected > 0 else math.nan


def pairwise_agreement(codes: pd.DataFrame) -> pd.DataFrame:
    """Percent agreement, Cohen's kappa and Krippendorff's alpha for every pair of coders.

    Returns
    -------
    DataFrame
        ``coders`` ("coder1 & coder2"), ``units`` (coded by both), ``agreement``, ``kappa``,
        ``alpha``; with more than two coders, a last row ``all coders`` with alpha over
        every coder (``units``: those with two values or more; ``agreement``: the share of
        agreeing pairs of values, 1 − D_o; kappa is for two coders only: NaN).
    """
    rows = []
    for a, b in itertools.combinations(codes.columns, 2):
        pair = codes[[a, b]]
        rows.append(
            {
                "coders": f"{a} & {b}",
                "units": len(_pairs(pair[a], pair[b])),
                "agreement": percent_agreement(pair[a], pair[b]),
                "kappa": cohen_kappa(pair[a], pair[b]),
                "alpha": krippendorff_alpha(pair),
            }
        )
    if codes.shape[1] > 2:
        o = coincidence_matrix(codes)
        n = float(o.to_numpy().sum()) if len(o) else 0.0
        pairable = int(codes.notna().sum(axis=1).ge(2).sum())
        rows.append(
            {
                "coders": "all coders",
                "units": pairable,
                "agreement": float(o.to_numpy().trace()) / n if n else math.nan,
                "kappa": math.nan,
                "alpha": krippendorff_alpha(codes),
            }
        )
    return pd.DataFrame(rows, columns=["coders", "units", "agreement", "kappa", "alpha"])


# ------------------------------------------------------------------------------ codes


def matched(tool: Sequence[Any] | frozenset[Any], coder: Sequence[Any] | frozenset[Any], measure: str) -> int:
    """How many of the tool's codes of a sentence the coder's codes match, one to one.

    Claims match when actor, issue and position are the same; speakers when
    :func:`~research_utils.validation.names_agree` (each coder name used once, in order).
    """
    if measure == "claim":
        return len(set(tool) & set(coder))
    free = list(coder)
    hits = 0
    for name in tool:
        for i, other in enumerate(free):
            if names_agree(name, other):
                hits += 1
                del free[i]
                break
    return hits


def _same(a: tuple[Any, ...], b: tuple[Any, ...], measure: str) -> bool:
    return len(a) == len(b) and matched(a, b, measure) == len(a)


def _categories(values: list[Any], measure: str) -> Callable[[Any], Any]:
    """A nominal category for every code: codes that match (:func:`matched`) share one."""
    reps: list[tuple[Any, ...]] = []
    label: dict[tuple[Any, ...], str] = {}
    for v in sorted(
        {tuple(sorted(v, key=str)) for v in values}, key=lambda t: (len(t), [str(x).lower() for x in t])
    ):
        rep = next((r for r in reps if _same(v, r, measure)), None)
        if rep is None:
            reps.append(v)
            rep = v
        label[v] = "; ".join(map(str, rep))
    return lambda v: label[tuple(sorted(v, key=str))]


# ------------------------------------------------------------------------------ a sheet


def coded_counts(sheet: Sheet) -> pd.DataFrame:
    """Rows per measure and coder: ``rows``, ``coded``, ``found`` (coded with something, not none), ``enough``."""
    out = []
    for m in sheet.measures:
        part = sheet.rows[sheet.rows["measure"] == m]
        for c in ("tool", *sheet.coders):
            values = part[c].dropna()
            out.append(
                {
                    "measure": m,
                    "coder": c,
                    "rows": len(part),
                    "coded": len(values),
                    "found": int(sum(1 for v in values if len(v))),
                    "enough": len(values) >= MIN_ROWS,
                }
            )
    return pd.DataFrame(out, columns=["measure", "coder", "rows", "coded", "found", "enough"])


_TOOL_COLUMNS = [
    "measure", "level", "coder", "rows", "tool_found", "coder_found", "matched",
    "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high",
    "precision_n_eff", "recall_n_eff", "verdict",
]  # fmt: skip


def tool_scores(sheet: Sheet) -> pd.DataFrame:
    """The tool's precision and recall against each coder, per measure and level.

    Over the rows the coder coded: at the ``presence`` level a unit is a sentence (the tool
    found something / the coder did); at the value level (``speaker``, ``claim``) a unit is
    one code of a sentence, matched one to one (:func:`matched`). Precision = matched tool
    units / tool units, recall = matched coder units / coder units, each unit weighted by
    its sentence's sampling weight, with a 95 % Wilson interval on Kish's effective n
    (:func:`weighted_rate`). With fewer than :data:`MIN_ROWS` coded rows the estimates are
    left empty and ``verdict`` says so; the counts (unweighted) are always given.
    """
    out = []
    for m in sheet.measures:
        part = sheet.rows[sheet.rows["measure"] == m]
        for coder in sheet.coders:
            coded = part[part[coder].notna()]
            for level, _ in LEVELS[m]:
                p_hits: list[float] = []
                p_w: list[float] = []
                r_hits: list[float] = []
                r_w: list[float] = []
                tool_found = coder_found = hits = 0
                for tool, code, w in zip(coded["tool"], coded[coder], coded["weight"], strict=True):
                    if level == "presence":
                        t, c = (1 if len(tool) else 0), (1 if len(code) else 0)
                        k = t * c
                    else:
                        t, c, k = len(tool), len(code), matched(tool, code, m)
                    tool_found, coder_found, hits = tool_found + t, coder_found + c, hits + k
                    p_hits += [1.0] * k + [0.0] * (t - k)
                    p_w += [w] * t
                    r_hits += [1.0] * k + [0.0] * (c - k)
                    r_w += [w] * c
                enough = len(coded) >= MIN_ROWS
                prec = weighted_rate(p_hits, p_w)
                rec = weighted_rate(r_hits, r_w)
                nan = math.nan
                out.append(
                    {
                        "measure": m,
                        "level": level,
                        "coder": coder,
                        "rows": len(coded),
                        "tool_found": tool_found,
                        "coder_found": coder_found,
                        "matched": hits,
                        "precision": prec["estimate"] if enough else nan,
                        "precision_low": prec["low"] if enough else nan,
                        "precision_high": prec["high"] if enough else nan,
                        "recall": rec["estimate"] if enough else nan,
                        "recall_low": rec["low"] if enough else nan,
                        "recall_high": rec["high"] if enough else nan,
                        "precision_n_eff": prec["n_eff"],
                        "recall_n_eff": rec["n_eff"],
                        "verdict": "" if enough else TOO_FEW,
                    }
                )
    return pd.DataFrame(out, columns=_TOOL_COLUMNS)


def _nominal(sheet: Sheet, measure: str, level: str) -> pd.DataFrame:
    """The coders' codes of a measure as nominal categories (rows = sentences, None = missing).

    Presence: ``yes``/``no``. Value levels: the codes of a sentence as one category (codes that
    match share a category), missing where the coder coded none, so that this level measures
    agreement on who speaks or which claims among the sentences both found something in.
    """
    part = sheet.rows[sheet.rows["measure"] == measure]
    coders = list(sheet.coders)
    if level == "presence":
        return pd.DataFrame(
            {c: [None if v is None else ("yes" if len(v) else "no") for v in part[c]] for c in coders}
        )
    values = [v for c in coders for v in part[c] if v is not None and len(v)]
    category = _categories(values, measure)
    return pd.DataFrame(
        {c: [category(v) if v is not None and len(v) else None for v in part[c]] for c in coders}
    )


def coder_agreement(sheet: Sheet) -> pd.DataFrame:
    """The coders' agreement with each other, per measure and level (:func:`pairwise_agreement`).

    Unweighted: agreement is a property of the coding, computed on the sentences as drawn.
    With fewer than :data:`MIN_ROWS` units coded by both (or, for ``all coders``, by two or
    more), the coefficients are left empty and ``verdict`` says so. Empty with one coder.
    """
    cols = ["measure", "level", "coders", "units", "agreement", "kappa", "alpha", "verdict"]
    if len(sheet.coders) < 2:
        return pd.DataFrame(columns=cols)
    frames = []
    for m in sheet.measures:
        for level, _ in LEVELS[m]:
            table = pairwise_agreement(_nominal(sheet, m, level))
            few = table["units"] < MIN_ROWS
            table.loc[few, ["agreement", "kappa", "alpha"]] = math.nan
            table["verdict"] = ["" if not f else TOO_FEW for f in few]
            frames.append(table.assign(measure=m, level=level))
    return pd.concat(frames, ignore_index=True)[cols]


def score(sheet: Sheet) -> dict[str, pd.DataFrame]:
    """All three tables of a coded sheet: ``coded`` (:func:`coded_counts`), ``tool``
    (:func:`tool_scores`) and ``coders`` (:func:`coder_agreement`)."""
    return {"coded": coded_counts(sheet), "tool": tool_scores(sheet), "coders": coder_agreement(sheet)}
