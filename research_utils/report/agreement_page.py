"""The page and the JSON of ``research-report agreement``: what the numbers are and how to read them.

One self-contained HTML page (no script; the strict Content-Security-Policy of the index
pages) and one JSON file with the same tables. Every number is shown beside its counts,
and the page says what each coefficient means, how it is computed and whom to cite.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

import pandas as pd

from research_utils.agreement import LEVELS, MIN_ROWS, TOO_FEW
from research_utils.codingsheet import MEASURES, STRATA, Sheet
from research_utils.export import jsonable

__all__ = ["GENERATOR", "WRITTEN_BY", "alpha_band", "kappa_band", "page_html", "results", "results_text"]

WRITTEN_BY = "research-report agreement"
"""The ``written_by`` of agreement.json and the generator of agreement.html: how the command
recognises the files it may replace."""

GENERATOR = f'<meta name="generator" content="{WRITTEN_BY}">'

CSP = "default-src 'none'; style-src 'unsafe-inline'"
"""The Content-Security-Policy of the index pages: no script, no remote resource."""

_STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem} td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f3f3f3} .num{text-align:right;font-variant-numeric:tabular-nums} .few{color:#8a5a00}
.glance{background:#f4f7fb;padding:.6rem 1.2rem;border-radius:6px} .note{color:#555} code{background:#f3f3f3;padding:0 .2rem}
dt{font-weight:600}"""

REFERENCES = (
    "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological "
    "Measurement 20(1), 37-46.",
    "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), chapter 11. "
    "Thousand Oaks, CA: Sage.",
    "Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for "
    "Communication, University of Pennsylvania, departmental papers 43.",
    "Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical data. "
    "Biometrics 33(1), 159-174.",
    "Feinstein, A. R. & Cicchetti, D. V. (1990). High agreement but low kappa: I. The problems of two "
    "paradoxes. Journal of Clinical Epidemiology 43(6), 543-549.",
    "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. "
    "Journal of the American Statistical Association 22(158), 209-212.",
    "Kish, L. (1965). Survey Sampling. New York: Wiley.",
)

MEANING = {
    "precision": "Of what the tool found, the share the coder also found: how far you can trust a hit.",
    "recall": "Of what the coder found, the share the tool also found: how much the tool misses.",
    "agreement": "The share of sentences both coders coded the same: easy to read, but counts agreement by chance.",
    "kappa": "Cohen's kappa: agreement beyond what two coders would reach by chance, given how often each "
    "uses each category. 1 = perfect, 0 = chance level, below 0 = worse than chance.",
    "alpha": "Krippendorff's alpha: agreement beyond chance for any number of coders with missing codes; "
    "chance comes from all coders' codes pooled. 1 = perfect, 0 = chance level.",
}


def _f(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def _interval(est: Any, low: Any, high: Any) -> str:
    if est is None or (isinstance(est, float) and math.isnan(est)):
        return "–"
    return f"{est:.3f} [{low:.3f}, {high:.3f}]"


def kappa_band(kappa: float) -> str:
    """The Landis & Koch (1977) label of a kappa (a rough guide only)."""
    if kappa is None or math.isnan(kappa):
        return ""
    if kappa < 0:
        return "poor"
    for top, label in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= top:
            return label
    return "almost perfect"


def alpha_band(alpha: float) -> str:
    """Krippendorff's (2004) reading of alpha: >= .800 reliable, >= .667 tentative conclusions only."""
    if alpha is None or math.isnan(alpha):
        return ""
    if alpha >= 0.8:
        return "reliable (≥ .800)"
    if alpha >= 0.667:
        return "tentative conclusions only (.667-.800)"
    return "not reliable (< .667)"


def results(
    sheet: Sheet, tables: dict[str, pd.DataFrame], file: str, sha256: str, provenance: dict[str, Any]
) -> dict[str, Any]:
    """The content of agreement.json (plain JSON types; NaN as null)."""
    articles = list(dict.fromkeys(sheet.rows["article"]))
    sentences = sheet.rows[["article", "sentence_id"]].drop_duplicates()
    return jsonable(
        {
            "schema_version": 1,
            "written_by": WRITTEN_BY,
            "sheet": {
                "file": file,
                "sha256": sha256,
                "read_as": sheet.how_read,
                "rows": len(sheet.rows),
                "sentences": len(sentences),
                "articles": articles,
                "coders": list(sheet.coders),
                "measures": list(sheet.measures),
                "weights_from": sheet.weights_from,
            },
            "sample": sheet.strata,
            "min_rows": MIN_ROWS,
            "coded": tables["coded"],
            "tool": tables["tool"],
            "coders": tables["coders"],
            "provenance": provenance,
        }
    )


def results_text(data: dict[str, Any]) -> str:
    """agreement.json as written: indented, keys in order, UTF-8, one final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _table(head: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    esc = html.escape
    numeric = numeric or set()
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{c}</td>' if j in numeric else f"<td>{c}</td>" for j, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _glance(tables: dict[str, pd.DataFrame], measures: tuple[str, ...]) -> str:
    esc = html.escape
    items = []
    for m in measures:
        value_level = LEVELS[m][1][0]
        for r in tables["tool"][
            (tables["tool"]["measure"] == m) & (tables["tool"]["level"] == value_level)
        ].itertuples():
            if r.verdict:
                items.append(
                    f"<li><b>{esc(m)}</b> against {esc(r.coder)}: {r.rows} coded rows, {TOO_FEW}.</li>"
                )
            else:
                items.append(
                    f"<li><b>{esc(m)}</b> ({esc(value_level)}) against {esc(r.coder)}: precision "
                    f"{_interval(r.precision, r.precision_low, r.precision_high)}, recall "
                    f"{_interval(r.recall, r.recall_low, r.recall_high)} ({r.rows} coded rows).</li>"
                )
        coders = tables["coders"]
        for r in coders[(coders["measure"] == m) & (coders["level"] == "presence")].itertuples():
            alpha = f"Krippendorff's alpha {_f(r.alpha)}" if not r.verdict else TOO_FEW
            who = r.coders if r.coders == "all coders" else f"coders {r.coders}"
            items.append(f"<li><b>{esc(m)}</b>, {esc(who)} on presence: {alpha} ({r.units} sentences).</li>")
    return f'<section class="glance"><h2>At a glance</h2><ul>{"".join(items)}</ul></section>'


def _few(flag: object) -> str:
    """The too-few-rows mark of a table row, or nothing."""
    return f'<span class="few">{TOO_FEW}</span>' if flag else ""


def _measure(m: str, tables: dict[str, pd.DataFrame], n_coders: int) -> str:
    esc = html.escape
    coded = tables["coded"][tables["coded"]["measure"] == m]
    coded_rows = [
        [
            esc(r.coder),
            str(r.coded),
            str(r.rows),
            str(r.found),
            _few(not (r.enough or r.coder == "tool")),
        ]
        for r in coded.itertuples()
    ]
    tool = tables["tool"][tables["tool"]["measure"] == m]
    tool_rows = [
        [
            esc(r.level),
            esc(r.coder),
            _interval(r.precision, r.precision_low, r.precision_high),
            _interval(r.recall, r.recall_low, r.recall_high),
            str(r.tool_found),
            str(r.coder_found),
            str(r.matched),
            str(r.rows),
            _few(r.verdict),
        ]
        for r in tool.itertuples()
    ]
    levels = "".join(f"<li><b>{esc(name)}</b>: {esc(what)}</li>" for name, what in LEVELS[m])
    parts = [
        f'<h2 id="{esc(m)}">{esc(m)}: {esc(MEASURES[m])}</h2>',
        f"<p>Scored at two levels:</p><ul>{levels}</ul>",
        "<h3>Rows coded</h3>",
        _table(["coder", "coded", "of rows", "found something", ""], coded_rows, {1, 2, 3}),
        "<h3>The tool against each coder</h3>",
        "<p>Precision and recall are weighted back to the articles by the sampling weights, with a 95 % "
        "interval; the counts behind them are unweighted (units: sentences at the presence level, codes "
        "at the other).</p>",
        _table(
            [
                "level",
                "coder",
                "precision [95 %]",
                "recall [95 %]",
                "tool found",
                "coder found",
                "matched",
                "rows",
                "",
            ],
            tool_rows,
            {4, 5, 6, 7},
        ),
    ]
    if n_coders >= 2:
        agree = tables["coders"][tables["coders"]["measure"] == m]
        agree_rows = [
            [
                esc(r.level),
                esc(r.coders),
                str(r.units),
                _f(r.agreement),
                _f(r.kappa) + (f" ({kappa_band(r.kappa)})" if kappa_band(r.kappa) else ""),
                _f(r.alpha) + (f" ({alpha_band(r.alpha)})" if alpha_band(r.alpha) else ""),
                _few(r.verdict),
            ]
            for r in agree.itertuples()
        ]
        parts += [
            "<h3>The coders with each other</h3>",
            "<p>Over the sentences both coders coded (at the value level: those in which both found "
            "something). Unweighted: agreement describes the coding of the sentences drawn.</p>",
            _table(
                ["level", "coders", "sentences", "agreement", "Cohen's kappa", "Krippendorff's alpha", ""],
                agree_rows,
                {2, 3},
            ),
        ]
    else:
        parts.append("<p>One coder: agreement between coders needs a second coder column (coder2).</p>")
    return "\n".join(parts)


_METHOD = f"""<h2 id="method">What the numbers mean and how they are computed</h2>
<dl>
<dt>The sample</dt><dd>The stance report drew sentences at random (a fixed seed) separately from three strata:
sentences in which the tool found a claim, reported speech only, or nothing. A sentence's weight is the number of
sentences in its stratum divided by the number drawn from it, so the weighted sample stands for every sentence of
the articles. Without the stratum of sentences where the tool found nothing, recall could not be estimated at all:
a sample of the tool's findings only shows what it found, never what it missed.</dd>
<dt>Precision</dt><dd>{MEANING["precision"]} Σ w·matched / Σ w·(tool's codes), over the rows the coder coded.</dd>
<dt>Recall</dt><dd>{MEANING["recall"]} Σ w·matched / Σ w·(coder's codes).</dd>
<dt>Matching</dt><dd>Claims match when actor, issue and position are all the same. Speakers match when the names
agree as in <code>make validate</code>: equal, the same last word (surname), or one name inside the other, ignoring
case; each name of the coder is matched once. At the presence level a sentence matches when both found something.</dd>
<dt>95 % interval</dt><dd>The Wilson (1927) score interval, which stays between 0 and 1 and is not of width 0
when every unit is right. With weights, it is computed on Kish's (1965) effective sample size (Σw)²/Σw², which is
smaller than the number of units when weights differ. The interval covers sampling error only, not the coder's
own errors.</dd>
<dt>Percent agreement</dt><dd>{MEANING["agreement"]}</dd>
<dt>Cohen's kappa (Cohen 1960)</dt><dd>{MEANING["kappa"]} κ = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>),
p<sub>e</sub> = Σ<sub>k</sub> p<sub>1</sub>(k)·p<sub>2</sub>(k). Two coders only; with more, every pair is shown.</dd>
<dt>Krippendorff's alpha (Krippendorff 2004, 2011)</dt><dd>{MEANING["alpha"]} α = 1 − D<sub>o</sub>/D<sub>e</sub> =
1 − (n − 1)·Σ<sub>c≠k</sub> o<sub>ck</sub> / Σ<sub>c≠k</sub> n<sub>c</sub>n<sub>k</sub>, from the coincidence matrix
o of the nominal codes, n<sub>c</sub> its row sums, n the number of pairable codes (sentences with at least two
codes). Krippendorff (2004) suggests relying on variables with α ≥ .800 and drawing only tentative conclusions
from .667 ≤ α &lt; .800.</dd>
<dt>Value level</dt><dd>For who speaks and which claims, the coders' codes of a sentence form one category (codes
that match share it), and sentences a coder coded <code>none</code> are left out, so this level measures
agreement on who and what among the sentences both found something in; presence measures the rest.</dd>
<dt>Bands</dt><dd>The labels beside kappa (Landis &amp; Koch 1977: slight, fair, moderate, substantial, almost
perfect) are a rough guide only: the authors chose the cut-offs without evidence, and kappa depends on how common
a category is, so two coders who agree on almost every sentence can have a low kappa when one category is rare
(Feinstein &amp; Cicchetti 1990). Read kappa beside percent agreement and the counts.</dd>
<dt>Too few</dt><dd>With fewer than {MIN_ROWS} coded rows of a measure (for a coder), or {MIN_ROWS} sentences coded
by both coders, no estimate is given: only the counts and "{TOO_FEW}". Even at {MIN_ROWS} the intervals are wide.</dd>
</dl>"""


def page_html(data: dict[str, Any], tables: dict[str, pd.DataFrame], sheet: Sheet) -> str:
    """agreement.html: self-contained, no script, the strict CSP of the index pages."""
    esc = html.escape
    info = data["sheet"]
    strata_rows = [
        [
            esc(str(r.stratum)),
            esc(STRATA.get(str(r.stratum), "")),
            str(r.sentences),
            str(r.drawn),
            _f(r.weight, 4),
        ]
        for r in sheet.strata.itertuples()
    ]
    strata = (
        _table(["stratum", "holds", "sentences", "drawn", "weight"], strata_rows, {2, 3, 4})
        if strata_rows
        else "<p>The sheet has no <code># stratum</code> rows: the weights were read from its weight column.</p>"
    )
    measures = "\n".join(_measure(m, tables, len(sheet.coders)) for m in sheet.measures)
    version = data.get("provenance", {}).get("packages", {}).get("research-utils", "")
    cite = (
        f"The stance analysis of research-report {esc(version)} was checked against {len(sheet.coders)} human "
        f"coder(s) on {info['sentences']} sentences drawn at random (stratified by what the tool found; seed and "
        "strata in the sheet) from the articles analysed; we report precision and recall weighted back to the "
        "articles with 95 % Wilson intervals, and the coders' agreement as Cohen's kappa (Cohen 1960) and "
        "Krippendorff's alpha (nominal; Krippendorff 2004, 2011)."
    )
    refs = "".join(f"<li>{esc(r)}</li>" for r in REFERENCES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
{GENERATOR}
<title>Agreement: {esc(info["file"])}</title>
<style>{_STYLE}</style></head>
<body>
<h1>How well the tool agrees with your coders</h1>
<p>The stance analysis against people who coded a random sample of your sentences by hand, and the coders
against each other. <a href="#method">What each number means</a>.</p>
<dl>
<dt>Sheet</dt><dd><code>{esc(info["file"])}</code>, SHA-256 <code>{esc(info["sha256"])}</code>, read as {esc(info["read_as"])}</dd>
<dt>Rows</dt><dd>{info["rows"]} ({info["sentences"]} sentences of {len(info["articles"])} article(s): {esc(", ".join(info["articles"]))})</dd>
<dt>Coders</dt><dd>{esc(", ".join(info["coders"]))}</dd>
<dt>Weights</dt><dd>from the sheet's {esc(info["weights_from"])}</dd>
</dl>
{_glance(tables, sheet.measures)}
<h2>The sample</h2>
{strata}
{measures}
{_METHOD}
<h2 id="cite">How to cite it</h2>
<p>Report the numbers with their intervals and counts, and the method, e.g.:</p>
<blockquote>{cite}</blockquote>
<p>Keep the coded sheet and <code>agreement.json</code> with your data: they hold every code behind these numbers.</p>
<h2>References</h2>
<ul>{refs}</ul>
</body></html>
"""
