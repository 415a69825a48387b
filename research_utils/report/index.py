"""The index page of an article's reports: findings first, then the reports, then the tables.

The page opens with a short summary of findings (:mod:`~research_utils.report.findings`),
each linked to the report section that gives its method and evidence; then the doubts
about the input, the reports (without and with code), the files to send, and the CSV
tables grouped by report with one line each on what they hold (``tables.yaml``), with the
Excel workbook of each report. The readers' archive holds its own version of the page
(``packaged``), which links only what the archive holds.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from research_utils.captions import captions
from research_utils.ingest import Document
from research_utils.lexicons.pack import DEFAULT_PACK
from research_utils.report import registry
from research_utils.report.findings import findings, findings_html

__all__ = ["index_html", "sharing_html", "table_descriptions", "tables_html"]

_STYLE = """body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;line-height:1.5;padding:0 1rem}
dt{font-weight:600} code{background:#f3f3f3;padding:0 .2rem} .findings{background:#f4f7fb;padding:.6rem 1.2rem;border-radius:6px}
.warn{background:#fff5e6;padding:.4rem 1rem;border-radius:6px} td{vertical-align:top;padding:.15rem .6rem} .note{color:#555}"""


def _title(stem: str) -> str:
    try:
        return registry.analysis(stem).title
    except KeyError:
        return stem


def _summary(stem: str) -> str:
    try:
        return registry.analysis(stem).summary
    except KeyError:
        return ""


def table_descriptions() -> dict[str, str]:
    """``{table name: one line on what it holds}`` from ``tables.yaml`` (:mod:`research_utils.captions`)."""
    return captions()


def tables_html(tables: list[str], stems: list[str], folder: str = "tables") -> str:
    """The CSV tables grouped by the report that wrote them, each with a line on what it holds,
    and the report's Excel workbook (``<report>.xlsx``, one sheet per table) when there is one."""
    esc = html.escape
    known = table_descriptions()
    prefixes = {"corpus_": "04_corpus_comparison"} | {f"{a.section}_": a.stem for a in registry.ANALYSES}
    groups: dict[str, list[str]] = {}
    workbooks: dict[str, str] = {}
    for name in sorted(tables):
        stem = next((s for p, s in prefixes.items() if name.startswith(p)), "")
        if name.endswith(".xlsx"):
            workbooks[next((s for p, s in prefixes.items() if name == p[:-1] + ".xlsx"), "")] = name
            continue
        groups.setdefault(stem, []).append(name)
    parts = []
    for stem in [*stems, *(g for g in groups if g not in stems)]:
        names = groups.get(stem)
        if not names:
            continue
        rows = "".join(
            f'<tr><td><a href="{folder}/{esc(n)}">{esc(n)}</a></td><td>{esc(known.get(n.removesuffix(".csv"), ""))}</td></tr>'
            for n in names
        )
        book = workbooks.get(stem)
        note = (
            f'<p class="note">All of them in one Excel workbook, one sheet per table: '
            f'<a href="{folder}/{esc(book)}">{esc(book)}</a>.</p>'
            if book
            else ""
        )
        parts.append(f"<h3>{esc(_title(stem) if stem else 'Other')}</h3>{note}<table>{rows}</table>")
    return "\n".join(parts)


def _reports_note(packaged: bool, name: str) -> str:
    if packaged:
        return (
            "Each report is shown without code; the notebooks and the reports with code are in "
            f"<code>{html.escape(name)}-code.zip</code>, sent separately."
        )
    return 'Each report opens without code; "with code" shows every cell that produced it.'


def sharing_html(name: str, packaged: bool = False) -> str:
    """The files to send, and how to open them (extract first: the pages link to each other)."""
    esc = html.escape
    if packaged:
        return (
            '<p class="note">Opened from inside the zip file? Extract the archive first (right-click, '
            '"Extract all"): the pages link to each other, to the tables and to the figures. Headline numbers '
            'for scripts: <a href="results.json">results.json</a>; every figure as SVG and PNG (300 dpi) for '
            "papers: the folder <code>figures</code>.</p>"
        )
    return (
        f'<p>Files to send: <a href="{esc(name)}.zip">{esc(name)}.zip</a> for readers (this page, the '
        "reports without code, the tables as CSV and Excel, the figures, results.json) and "
        f'<a href="{esc(name)}-code.zip">{esc(name)}-code.zip</a> (the notebooks and the reports with '
        "code). The receiver should extract an archive before opening its pages. Headline numbers for "
        'scripts: <a href="results.json">results.json</a>; every figure as SVG and PNG (300 dpi) for '
        "papers: the folder <code>figures</code>.</p>"
    )


def index_html(
    article: Document,
    stems: list[str],
    tables: list[str],
    compared: list[Document] | None = None,
    bundle: str = "",
    results: dict[str, Any] | None = None,
    folder: Path | None = None,
    packaged: bool = False,
) -> str:
    """The index page of an article's reports (see the module docstring); ``packaged``: the
    version inside the readers' archive, without links to the pages with code."""
    esc = html.escape
    meta = article.meta
    date = meta.get("date", "")
    if date and meta.get("date_approximate"):
        date = f"about {date}"
    others = "".join(
        f"<li>{esc(d.label)} (<code>{esc(Path(d.path or '').name)}</code>, <code>{esc(d.slug)}</code>)</li>"
        for d in compared or []
    )
    found = findings(results or {})
    passed = (results or {}).get("parameters", {}).values()
    pack = (results or {}).get("framing", {}).get("pack") or next(
        (str(v["pack"]) for v in passed if isinstance(v, dict) and v.get("pack")), DEFAULT_PACK
    )
    summary = (
        f'<section class="findings"><h2>Findings</h2>{findings_html(found, folder or Path("."))}'
        '<p class="note">Dictionary and pattern measures are cues for a reader, not readings of meaning: '
        "follow the links to the method and the sentences behind each line.</p></section>"
        if found
        else ""
    )
    warnings = article.all_warnings
    doubts = (
        '<section class="warn"><h2>Read with care</h2><ul>'
        + "".join(f"<li>{esc(w)}</li>" for w in warnings)
        + "</ul></section>"
        if warnings
        else ""
    )
    name = bundle or article.slug
    code = "" if packaged else '(<a href="{s}.html">with code</a>, <a href="{s}.ipynb">notebook</a>)'
    rows = "\n".join(
        f'<li><a href="{esc(s)}.reader.html">{esc(_title(s))}</a> {code.format(s=esc(s))}: {esc(_summary(s))}</li>'
        for s in stems
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Reports: {esc(article.title or article.slug)}</title>
<style>{_STYLE}</style></head>
<body>
<h1>{esc(article.title or article.slug)}</h1>
<dl>
<dt>Outlet</dt><dd>{esc(str(meta.get("outlet", "not given")))}</dd>
<dt>Date</dt><dd>{esc(str(date or "not given"))}</dd>
<dt>File</dt><dd><code>{esc(Path(article.path or "").name)}</code>, SHA-256 <code>{esc(article.sha256)}</code></dd>
<dt>Topic pack</dt><dd><code>{esc(pack)}</code> (actors, issues and naming sets; parameter <code>pack</code>)</dd>
</dl>
{summary}
{doubts}
{f"<h2>Compared with</h2><ul>{others}</ul>" if others else ""}
<h2>Reports</h2>
<p>{_reports_note(packaged, name)} Tables of five rows or more can be searched, and every table
sorted by a click on a column; long tables and method texts are folded (click to open).</p>
<ul>
{rows}
</ul>
{sharing_html(name, packaged)}
<h2>Tables (CSV, UTF-8; open in a spreadsheet)</h2>
{tables_html(tables, stems)}
</body></html>
"""
