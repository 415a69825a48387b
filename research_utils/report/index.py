"""The index page that links every report, notebook and table of an article."""

from __future__ import annotations

import html
from pathlib import Path

from research_utils.ingest import Document
from research_utils.report import registry

__all__ = ["index_html"]


def _title(stem: str) -> str:
    try:
        return registry.analysis(stem).title
    except KeyError:
        return stem


def index_html(
    article: Document,
    stems: list[str],
    tables: list[str],
    compared: list[Document] | None = None,
    bundle: str = "",
) -> str:
    """The index page of an article's reports: metadata, the compared articles, links to
    each report and table."""
    esc = html.escape
    others = "".join(
        f"<li>{esc(d.label)} (<code>{esc(Path(d.path or '').name)}</code>, <code>{esc(d.slug)}</code>)</li>"
        for d in compared or []
    )
    meta = article.meta
    date = meta.get("date", "")
    if date and meta.get("date_approximate"):
        date = f"about {date}"
    rows = "\n".join(
        f'<li><a href="{esc(s)}.reader.html">{esc(_title(s))}</a> '
        f'(<a href="{esc(s)}.html">with code</a>, <a href="{esc(s)}.ipynb">notebook</a>)</li>'
        for s in stems
    )
    table_rows = "\n".join(f'<li><a href="tables/{esc(t)}">{esc(t)}</a></li>' for t in tables)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Reports: {esc(article.title or article.slug)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5;padding:0 1rem}}
dt{{font-weight:600}} code{{background:#f3f3f3;padding:0 .2rem}}</style></head>
<body>
<h1>{esc(article.title or article.slug)}</h1>
<dl>
<dt>Outlet</dt><dd>{esc(str(meta.get("outlet", "not given")))}</dd>
<dt>Date</dt><dd>{esc(str(date or "not given"))}</dd>
<dt>File</dt><dd><code>{esc(Path(article.path or "").name)}</code>, SHA-256 <code>{esc(article.sha256)}</code></dd>
</dl>
{f"<h2>Compared with</h2><ul>{others}</ul>" if others else ""}
<h2>Reports</h2>
<p>Each report opens without code; "with code" shows every cell that produced it.</p>
<ul>
{rows}
</ul>
<p>Headline numbers for scripts: <a href="results.json">results.json</a>.
Everything in one file to send: <a href="{esc(bundle or article.slug)}.zip">{esc(bundle or article.slug)}.zip</a>.</p>
<h2>Tables (CSV)</h2>
<ul>
{table_rows}
</ul>
</body></html>
"""
