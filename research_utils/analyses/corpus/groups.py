"""Compare groups of articles (outlets, months) from the per-article tables of a corpus.

Every function takes the per-article tables that :mod:`~research_utils.analyses.corpus.tables`
writes (one row per article, or per article and item) and returns one table per group.
Group figures are traceable: each table says how many articles it rests on, and the
article table lists every article with its values.

Measures
--------
* Distributions, not only means: :func:`describe_by_group` gives count, mean, standard
  deviation and the quartiles of each per-article measure.
* Naming index by group (:func:`naming_by_group`): the mean of the per-article author's-own
  naming indices (each article counts once, whatever its length), with a percentile
  bootstrap interval over articles (Efron & Tibshirani 1993). Articles that use no term of
  any naming set in the author's voice have no index and are left out (their number is
  given).
* Frame salience by group (:func:`frames_by_group`): cue hits per 1,000 words of the group's
  articles taken together.
* Who speaks by group (:func:`voice_by_group`): each speaker's share of the quoted words
  of the group.
* Distinctive words (:func:`distinctive_words`): weighted log-odds ratios with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22 and 24; the one
  implementation in :mod:`research_utils.analyses.textstats.logodds`), each group against
  all the other articles, the prior being the corpus's own word counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.logodds import LOG_ODDS_COLUMNS, weighted_log_odds

__all__ = [
    "ARTICLE_SHOWN",
    "article_table",
    "articles_per_group",
    "bootstrap_mean_ci",
    "describe_by_group",
    "distinctive_note",
    "distinctive_words",
    "failed_table",
    "frames_by_group",
    "month_of",
    "naming_by_group",
    "results_overview",
    "results_section",
    "shares_by_group",
    "trend",
    "voice_by_group",
]


def month_of(dates: pd.Series) -> pd.Series:
    """``YYYY-MM`` of ISO dates (``2022-04-07``, ``2022-04``); ``None`` where there is no month."""
    text = dates.astype("string")
    month = text.str.extract(r"^(\d{4}-\d{2})", expand=False)
    return month.astype(object).where(month.notna(), None)


def articles_per_group(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles and words per group.

    Parameters
    ----------
    articles : DataFrame
        One row per article with ``group`` and ``words``.

    Returns
    -------
    DataFrame
        ``group``, ``articles``, ``words`` (total), ``median_words``.
    """
    g = articles.groupby("group", sort=True, dropna=False)
    out = pd.DataFrame(
        {"articles": g.size(), "words": g["words"].sum(), "median_words": g["words"].median()}
    ).reset_index()
    out["words"] = out["words"].astype(int)
    return out


def describe_by_group(articles: pd.DataFrame, measures: list[str]) -> pd.DataFrame:
    """The distribution of each per-article measure in each group.

    Returns
    -------
    DataFrame
        ``group``, ``measure``, ``articles`` (with a value), ``mean``, ``std``, ``min``,
        ``q25``, ``median``, ``q75``, ``max``.
    """
    rows = []
    for group, g in articles.groupby("group", sort=True, dropna=False):
        for m in measures:
            v = pd.to_numeric(g[m], errors="coerce").dropna().to_numpy(dtype=float)
            if len(v) == 0:
                stats = [np.nan] * 7
            else:
                q = np.quantile(v, [0, 0.25, 0.5, 0.75, 1])
                stats = [v.mean(), v.std(ddof=1) if len(v) > 1 else np.nan, q[0], q[1], q[2], q[3], q[4]]
            rows.append([group, m, len(v), *stats])
    return pd.DataFrame(
        rows, columns=["group", "measure", "articles", "mean", "std", "min", "q25", "median", "q75", "max"]
    )


def bootstrap_mean_ci(
    values: np.ndarray, n_boot: int = 2000, level: float = 0.95, seed: int = 0
) -> tuple[float, float, float]:
    """Mean of ``values`` and its percentile bootstrap interval (resampling the values).

    Returns ``(mean, low, high)``; NaN for no values, and NaN bounds for one value (one
    article gives no interval: a resampled mean of one value is always that value, and an
    interval of "1.0 to 1.0" would claim a certainty that one article cannot give).
    """
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(v.mean())
    if len(v) == 1:
        return mean, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = v[rng.integers(0, len(v), size=(n_boot, len(v)))].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return mean, float(low), float(high)


def naming_by_group(articles: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean author's-own naming index of each group with a bootstrap interval over articles.

    Parameters
    ----------
    articles : DataFrame
        One row per article with ``group`` and ``naming_index`` (NaN where the article uses
        no naming term in the author's voice).
    n_boot, seed : int
        Bootstrap resamples and random seed (fixed: reruns agree).

    Returns
    -------
    DataFrame
        ``group``, ``articles`` (in the group), ``with_index`` (articles that have one),
        ``naming_index``, ``ci_low``, ``ci_high`` (NaN for a group of one article) and
        ``interval`` (the interval in words: "one article: no interval"). The index runs from -1 (only side B, the
        Russian official usage) to +1 (only side A, the Ukrainian/international usage).
    """
    rows = []
    for group, g in articles.groupby("group", sort=True, dropna=False):
        v = pd.to_numeric(g["naming_index"], errors="coerce").to_numpy(dtype=float)
        mean, low, high = bootstrap_mean_ci(v, n_boot=n_boot, seed=seed)
        n = int((~np.isnan(v)).sum())
        rows.append([group, len(g), n, mean, low, high, interval_note(n, low, high)])
    return pd.DataFrame(
        rows, columns=["group", "articles", "with_index", "naming_index", "ci_low", "ci_high", "interval"]
    )


def interval_note(n: int, low: float, high: float) -> str:
    """The interval of a group's mean as a reader sees it: "[-0.40, +0.20]", "one article:
    no interval", or "no article uses a naming term"."""
    if n == 0:
        return "no article uses a naming term"
    if n == 1 or low != low:
        return "one article: no interval"
    return f"[{low:+.2f}, {high:+.2f}]"


def frames_by_group(frames: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Frame cue hits per 1,000 words of each group's articles taken together.

    Parameters
    ----------
    frames : DataFrame
        ``article``, ``scheme``, ``frame``, ``hits``.
    articles : DataFrame
        ``article``, ``group``, ``words``.

    Returns
    -------
    DataFrame
        ``group``, ``scheme``, ``frame``, ``hits``, ``words``, ``per_1000_words``,
        ``articles_with_hits``.
    """
    words = articles.groupby("group", dropna=False)["words"].sum()
    f = frames.merge(articles[["article", "group"]], on="article", how="inner")
    g = f.groupby(["group", "scheme", "frame"], sort=True, dropna=False)
    out = pd.DataFrame(
        {"hits": g["hits"].sum(), "articles_with_hits": g["hits"].apply(lambda h: int((h > 0).sum()))}
    )
    out = out.reset_index()
    out["words"] = out["group"].map(words).astype(int)
    out["per_1000_words"] = (1000 * out["hits"] / out["words"].where(out["words"] > 0)).round(3)
    return out[["group", "scheme", "frame", "hits", "words", "per_1000_words", "articles_with_hits"]]


def shares_by_group(
    table: pd.DataFrame, articles: pd.DataFrame, item: str, value: str, share_name: str
) -> pd.DataFrame:
    """Each ``item``'s share of the ``value`` summed over each group's articles.

    Returns
    -------
    DataFrame
        ``group``, ``item``, ``value`` (summed), ``share_name`` (0-1), ``articles`` (with the item).
    """
    t = table.merge(articles[["article", "group"]], on="article", how="inner")
    g = t.groupby(["group", item], sort=True, dropna=False)
    out = pd.DataFrame({value: g[value].sum(), "articles": g["article"].nunique()}).reset_index()
    totals = out.groupby("group", dropna=False)[value].transform("sum")
    out[share_name] = (out[value] / totals.where(totals > 0)).round(4)
    return out.sort_values(["group", share_name], ascending=[True, False]).reset_index(drop=True)


def voice_by_group(voice: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's (actor's) share of the quoted words of each group.

    Parameters
    ----------
    voice : DataFrame
        ``article``, ``actor``, ``quoted_words``.
    """
    return shares_by_group(voice, articles, "actor", "quoted_words", "quoted_words_share")


def distinctive_words(
    terms: pd.DataFrame,
    articles: pd.DataFrame,
    prior_strength: float = 500.0,
    min_count: int = 5,
    top_n: int = 20,
    min_z: float = 1.96,
) -> pd.DataFrame:
    """Words that set each group apart from all other articles (Monroe, Colaresi & Quinn 2008).

    The weighted log-odds ratio of :func:`research_utils.analyses.textstats.weighted_log_odds`
    (the one implementation, shared with the framing report), each group against all the
    other articles, the prior being the corpus's own word counts.

    Parameters
    ----------
    terms : DataFrame
        ``article``, ``term``, ``count`` (content words: no stop words, no numbers).
    articles : DataFrame
        ``article``, ``group``.
    prior_strength : float
        :math:`\\alpha_0` in pseudo-words.
    min_count : int
        Words used fewer times in the group are not listed.
    top_n : int
        Words listed per group (largest z first).
    min_z : float
        Only words whose z-score reaches this are listed (1.96: the conventional two-sided
        5 % level); a group whose words all fall short lists none, so that a word the
        groups share (*said* at z = 0.2) is never shown as what sets a group apart.

    Returns
    -------
    DataFrame
        ``group``, ``term``, ``count``, ``per_1000_words``, ``other_count``,
        ``other_per_1000_words``, ``log_odds``, ``z``, ``articles`` (of the group using it).

    Notes
    -----
    With one group there is nothing to compare against: the table is empty. A |z| above
    about 2 is conventionally read as distinctive; the z-scores are not corrected for the
    many words tested.
    """
    cols = [*LOG_ODDS_COLUMNS, "articles"]
    t = terms.merge(articles[["article", "group"]], on="article", how="inner")
    groups = sorted(t["group"].dropna().unique().tolist()) if len(t) else []
    if len(groups) < 2:
        return pd.DataFrame(columns=cols)
    by = t.groupby(["group", "term"], sort=False)["count"].sum().unstack("group", fill_value=0)
    used = t.groupby(["group", "term"], sort=False)["article"].nunique().unstack("group", fill_value=0)
    out = weighted_log_odds(by[groups], prior_strength=prior_strength, min_count=min_count, top_n=top_n)
    out = out[out["z"].to_numpy() >= min_z].reset_index(drop=True)
    out["articles"] = [
        int(used.loc[term, group]) if term in used.index else 0
        for group, term in zip(out["group"].tolist(), out["term"].tolist(), strict=True)
    ]
    return out[cols]


def distinctive_note(articles: pd.DataFrame, min_count: int = 5, min_z: float = 1.96) -> str:
    """The line shown instead of the distinctive-words figure when no word is listed."""
    if articles["group"].nunique() < 2:
        return "Only one group: there is nothing to compare, so no word can set a group apart."
    return (
        f"No word stands out: no word is used {min_count} times or more in a group with a z-score of "
        f"{min_z:g} or more against the other groups (weighted log-odds)."
    )


def trend(articles: pd.DataFrame, measure: str = "naming_index") -> pd.DataFrame:
    """Articles and the mean of ``measure`` per month and group, where dates exist.

    Returns
    -------
    DataFrame
        ``month``, ``group``, ``articles``, ``with_value``, ``mean`` (empty when no article
        has a date).
    """
    cols = ["month", "group", "articles", "with_value", "mean"]
    a = articles.assign(month=month_of(articles["date"])).dropna(subset=["month"])
    if a.empty:
        return pd.DataFrame(columns=cols)
    g = a.groupby(["month", "group"], sort=True, dropna=False)
    values = pd.to_numeric(a[measure], errors="coerce")
    out = pd.DataFrame(
        {
            "articles": g.size(),
            "with_value": values.notna().groupby([a["month"], a["group"]]).sum(),
            "mean": values.groupby([a["month"], a["group"]]).mean(),
        }
    ).reset_index()
    out["with_value"] = out["with_value"].astype(int)
    return out[cols]


ARTICLE_TABLE_COLUMNS = [
    "article",
    "group",
    "title",
    "outlet",
    "date",
    "path",
    "words",
    "flesch_kincaid_grade",
    "mattr",
    "quoted_share",
    "naming_index",
    "naming_terms",
    "attributions",
    "warnings",
    "key",
]


ARTICLE_SHOWN = [
    "title",
    "group",
    "date",
    "words",
    "flesch_kincaid_grade",
    "mattr",
    "quoted_share",
    "naming_index",
    "naming_terms",
    "attributions",
    "warnings",
    "article",
]
"""The columns of :func:`article_table` a report shows (the CSV holds the path and cache key too)."""


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Every article with its group and its own values, sorted by group and slug."""
    cols = [c for c in ARTICLE_TABLE_COLUMNS if c in articles.columns]
    return articles[cols].sort_values(["group", "article"], kind="stable").reset_index(drop=True)


def failed_table(failed: list[dict[str, str]]) -> pd.DataFrame:
    """The files that could not be read, with the reason (an empty table says none failed)."""
    return pd.DataFrame(failed, columns=["path", "reason"])


def results_section(
    naming: pd.DataFrame,
    frames: pd.DataFrame,
    voice: pd.DataFrame,
    distinctive: pd.DataFrame | None = None,
    per_group: pd.DataFrame | None = None,
    sides: dict[str, str] | None = None,
) -> dict[str, object]:
    """The ``by_group`` section of a corpus's results.json.

    Returns
    -------
    dict
        ``naming`` [{group, articles, with_index, naming_index, ci_low, ci_high, interval}], ``frames`` [{group,
        scheme, frame, per_1000_words}], ``voice`` [{group, actor, quoted_words_share}],
        ``distinctive`` [{group, term, count, z}], ``articles`` [{group, articles, words}],
        ``naming_sides`` {side_a, side_b}: whose usage the naming index's +1 and -1 are.
    """
    from research_utils.export import records

    out: dict[str, object] = {
        "naming": records(
            naming[["group", "articles", "with_index", "naming_index", "ci_low", "ci_high", "interval"]]
        ),
        "frames": records(frames[["group", "scheme", "frame", "per_1000_words"]]),
        "voice": records(voice[["group", "actor", "quoted_words_share"]]),
    }
    if distinctive is not None:
        out["distinctive"] = records(distinctive[["group", "term", "count", "z"]])
    if per_group is not None:
        out["articles"] = records(per_group[["group", "articles", "words"]])
    if sides is not None:
        out["naming_sides"] = dict(sides)
    return out


def results_overview(results: dict[str, object]) -> pd.DataFrame:
    """What the ``by_group`` section of results.json holds: each key and its number of records."""
    out = pd.DataFrame(
        {"key": list(results), "records": [len(v) if isinstance(v, list) else 1 for v in results.values()]}
    )
    out.attrs["table"] = "results_overview"
    return out
