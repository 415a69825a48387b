"""The index page of a corpus report: findings first, as an article's index page opens.

The findings are read from the corpus's ``results.json``: the groups and their articles,
the author's-own naming index of each group with its 95 % interval, who is quoted most in
each group, and the words that set each group apart (or a line saying that no word stands
out). Each links to the section of the corpus report that gives its method and the
articles behind it. Then come the files that could not be read, the report, the article
reports (by title), the tables and the files to send.

This module knows nothing of linguistics: it writes numbers it is given.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from research_utils.report.findings import find_anchor, section_anchors
from research_utils.report.index import sharing_html, tables_html

__all__ = ["CORPUS_STEM", "corpus_findings", "corpus_index_html"]

CORPUS_STEM = "04_corpus_comparison"
"""The notebook of a corpus report."""

_STYLE = """body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;line-height:1.5;padding:0 1rem}
code{background:#f3f3f3;padding:0 .2rem} .findings{background:#f4f7fb;padding:.6rem 1.2rem;border-radius:6px}
.warn{background:#fff5e6;padding:.4rem 1rem;border-radius:6px} td{vertical-align:top;padding:.15rem .6rem}
.note{color:#555} dt{font-weight:600}"""


def _signed(value: Any) -> str:
    return "–" if value is None else f"{float(value):+.2f}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def corpus_findings(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The findings of a corpus: ``(topic, text, words of the report section it links to)``."""
    corpus = results.get("corpus", {})
    by = results.get("by_group", {})
    group_by = corpus.get("group_by", "group")
    out: list[tuple[str, str, str]] = []
    per_group = by.get("articles") or []
    if per_group:
        shown = "; ".join(
            f"{g['group']} ({_plural(int(g['articles']), 'article')}, {int(g['words']):,} words)"
            for g in per_group[:12]
        )
        more = f" and {len(per_group) - 12} more" if len(per_group) > 12 else ""
        out.append(
            (
                "Groups",
                f"{_plural(len(per_group), 'group')} by {group_by}: {shown}{more}.",
                "Articles per group",
            )
        )
    naming = [n for n in by.get("naming") or [] if n.get("naming_index") is not None]
    sides = {"side_a": "side A", "side_b": "side B", **(by.get("naming_sides") or {})}
    if naming:
        shown = "; ".join(
            f"{n['group']} {_signed(n['naming_index'])} (95 % interval {_signed(n.get('ci_low'))} to "
            f"{_signed(n.get('ci_high'))}, {_plural(int(n.get('with_index') or n.get('articles') or 0), 'article')})"
            for n in naming[:12]
        )
        out.append(
            (
                "Naming",
                f"Author's-own naming index by {group_by}, from -1 (only {sides['side_b']}) to +1 (only "
                f"{sides['side_a']}): {shown}.",
                "Naming index by group",
            )
        )
    elif by.get("naming") is not None:
        out.append(
            (
                "Naming",
                "No article uses a naming term in its own voice: the naming index does not apply.",
                "Naming",
            )
        )
    voice = [
        v
        for v in by.get("voice") or []
        if not str(v.get("actor", "")).startswith("(") and float(v.get("quoted_words_share") or 0) > 0
    ]  # an actor heard only in reported speech is nobody's "most quoted"
    top: dict[str, dict[str, Any]] = {}
    for v in voice:
        best = top.get(v["group"])
        if best is None or float(v.get("quoted_words_share") or 0) > float(
            best.get("quoted_words_share") or 0
        ):
            top[v["group"]] = v
    if top:
        shown = "; ".join(
            f"{g}: {v['actor']} ({float(v.get('quoted_words_share') or 0):.0%} of the quoted words)"
            for g, v in list(top.items())[:12]
        )
        out.append(("Who speaks", f"Most quoted in each group: {shown}.", "Who speaks"))
    if "distinctive" in by:
        words: dict[str, list[str]] = {}
        for d in by["distinctive"]:
            words.setdefault(d["group"], []).append(f"{d['term']} (z {float(d['z']):.1f})")
        if words:
            shown = "; ".join(f"{g}: {', '.join(w[:5])}" for g, w in list(words.items())[:12])
            text = f"Words that set a group apart (weighted log-odds, z of 1.96 or more): {shown}."
        else:
            text = "No word stands out: no word sets a group apart at a z-score of 1.96 or more."
        out.append(("Distinctive words", text, "Distinctive words"))
    return out


def corpus_index_html(
    name: str,
    group_by: str,
    results: dict[str, Any],
    tables: list[str],
    article_reports: list[str],
    folder: Path | None = None,
    packaged: bool = False,
) -> str:
    """The index page of a corpus report (see the module docstring).

    Parameters
    ----------
    article_reports : list of str
        Slugs of the articles whose reports were built (``articles/<slug>/``).
    folder : Path, optional
        The report folder (its reader page gives the section anchors of the links).
    packaged : bool
        The version inside the readers' archive: no links to the pages with code or to the
        article reports, which are not in it.
    """
    esc = html.escape
    corpus = results["corpus"]
    failed = corpus["failed"]
    anchors = section_anchors((folder or Path(".")) / f"{CORPUS_STEM}.reader.html")
    items = []
    for topic, text, section in corpus_findings(results):
        anchor = find_anchor(anchors, section)
        link = f"{CORPUS_STEM}.reader.html{'#' + anchor if anchor else ''}"
        items.append(
            f'<li><strong>{esc(topic)}.</strong> {esc(text)} <a href="{esc(link)}">Method and evidence</a></li>'
        )
    findings = (
        '<section class="findings"><h2>Findings</h2><ul>'
        + "".join(items)
        + '</ul><p class="note">Dictionary and pattern measures are cues for a reader, not readings of '
        "meaning; groups of few articles give wide intervals. Follow the links to the method and the "
        "articles behind each line.</p></section>"
        if items
        else ""
    )
    titles = {a["slug"]: a for a in corpus["articles"]}
    reports = []
    for slug in article_reports:
        a = titles.get(slug, {})
        what = ", ".join(str(a[k]) for k in ("outlet", "date") if a.get(k))
        label = esc(str(a.get("title") or slug)) + (
            f" <span class='note'>({esc(what)})</span>" if what else ""
        )
        reports.append(
            f"<li>{label}</li>"
            if packaged
            else f'<li><a href="articles/{esc(slug)}/index.html">{label}</a></li>'
        )
    article_part = ""
    if reports:
        where = (
            "<p class='note'>The article reports are not in this archive (it would grow with every article): "
            "each is in the report folder, <code>articles/&lt;name&gt;/</code>, with a zip of its own.</p>"
            if packaged
            else "<p class='note'>Each article's three reports; each folder also holds its own zip files.</p>"
        )
        article_part = f"<h2>Article reports</h2>{where}<ul>{''.join(reports)}</ul>"
    failed_rows = "".join(f"<li><code>{esc(f['path'])}</code>: {esc(f['reason'])}</li>" for f in failed[:200])
    code = (
        ""
        if packaged
        else f' (<a href="{CORPUS_STEM}.html">with code</a>, <a href="{CORPUS_STEM}.ipynb">notebook</a>)'
    )
    pack = (results.get("parameters", {}).get(CORPUS_STEM) or {}).get("pack") or "russia_ukraine_2022"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Corpus: {esc(name)}</title>
<style>{_STYLE}</style></head>
<body>
<h1>Corpus: {esc(name)}</h1>
<dl>
<dt>Articles</dt><dd>{len(corpus["articles"]):,}, grouped by <code>{esc(group_by)}</code></dd>
<dt>Files that could not be read</dt><dd>{len(failed):,}</dd>
<dt>Topic pack</dt><dd><code>{esc(str(pack))}</code></dd>
</dl>
{findings}
{f'<section class="warn"><h2>Files that could not be read</h2><ul>{failed_rows}</ul></section>' if failed else ""}
<h2>Report</h2>
<ul><li><a href="{CORPUS_STEM}.reader.html">Corpus comparison</a>{code}: articles per group, text
statistics, naming index, frames, who speaks, reporting verbs, distinctive words and the trend, by group</li></ul>
{sharing_html(slug_name(name, results), packaged)}
<p class="note">Per-article tables for scripts: <code>data/</code> (Parquet; not in the zip files).</p>
{article_part}
<h2>Tables (CSV, UTF-8; open in a spreadsheet)</h2>
{tables_html(tables, [CORPUS_STEM])}
</body></html>
"""


def slug_name(name: str, results: dict[str, Any]) -> str:
    """The archives' name of a corpus report (the folder name)."""
    from research_utils.ingest import slugify

    return str(results.get("corpus", {}).get("slug") or slugify(name))
