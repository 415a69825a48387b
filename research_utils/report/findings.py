"""The short summary of findings that opens an article's index page.

:func:`findings` reads an article's ``results.json`` and returns a few sentences, each
linked to the report section that holds its method and evidence: the readability grade,
the dominant frames, the author's-own naming index and what it means, who speaks most,
and the main claims. A finding whose analysis did not run or does not apply is left out
or says so; nothing is invented from missing data.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Finding", "findings", "findings_html", "section_anchors"]


@dataclass(frozen=True)
class Finding:
    """One line of the summary and the page (and section) that backs it."""

    topic: str
    text: str
    page: str
    section: str = ""


_HEADING = re.compile(r'<h2[^>]*id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def section_anchors(page: Path) -> dict[str, str]:
    """``{section number: anchor id}`` of the numbered ``<h2>`` headings of a rendered report."""
    if not page.is_file():
        return {}
    out = {}
    for anchor, title in _HEADING.findall(page.read_text(encoding="utf-8")):
        plain = re.sub(r"<[^>]+>", "", title).strip()
        number = plain.split(".", 1)[0]
        if number.isdigit():
            out[number] = anchor
    return out


def _grade(value: float) -> str:
    if value < 9:
        return "up to lower secondary school"
    if value < 13:
        return "secondary school"
    if value < 17:
        return "college"
    return "graduate level"


def _naming_meaning(index: float) -> str:
    if index >= 0.5:
        return "mostly the Ukrainian and international usage (Kyiv, invasion, Donbas ...)"
    if index <= -0.5:
        return "mostly the Russian official usage (Kiev, special military operation, Donbass ...)"
    return "a mix of both usages"


def _main(rows: list[dict[str, Any]], slug: str) -> list[dict[str, Any]]:
    return [r for r in rows or [] if r.get("article", slug) == slug]


def findings(results: dict[str, Any]) -> list[Finding]:
    """The summary lines of an article's results (see the module docstring)."""
    slug = results.get("article", {}).get("slug", "")
    out: list[Finding] = []
    ts = results.get("text_statistics")
    if ts:
        fk = (ts.get("readability") or {}).get("flesch_kincaid_grade")
        counts = ts.get("counts") or {}
        if fk is None:
            out.append(Finding("Readability", "Readability does not apply: the text does not look like English.", "01_text_statistics", "4"))
        else:
            out.append(
                Finding(
                    "Readability",
                    f"Flesch-Kincaid grade {fk:.1f} ({_grade(fk)}) over {counts.get('words', 0):,} words in "
                    f"{counts.get('sentences', 0):,} sentences.",
                    "01_text_statistics",
                    "4",
                )
            )
    fr = results.get("framing")
    if fr:
        dominant = _main(fr.get("dominant_frames"), slug)
        if dominant:
            shown = "; ".join(f"{d['frame']} ({d['scheme']}, {d['hits']} cue hits)" for d in dominant)
            out.append(Finding("Frames", f"Most salient frames: {shown}.", "03_framing_analysis", "2"))
        index = fr.get("naming_index_author", fr.get("naming_index"))
        if index is None:
            out.append(Finding("Naming", "No naming set occurs in the author's own words: the naming index does not apply.", "03_framing_analysis", "6"))
        else:
            out.append(
                Finding(
                    "Naming",
                    f"Author's-own naming index {index:+.2f} on a scale from -1 (Russian official usage) to +1 "
                    f"(Ukrainian and international usage): {_naming_meaning(index)}.",
                    "03_framing_analysis",
                    "6",
                )
            )
    st = results.get("stance")
    if st:
        voice = [v for v in _main(st.get("voice"), slug) if not str(v.get("label", v.get("actor", ""))).startswith("(")]
        voice = sorted(voice, key=lambda v: -int(v.get("quoted_words") or 0))[:3]
        if voice:
            shown = ", ".join(f"{v.get('label', v['actor'])} ({v.get('quoted_words', 0)} quoted words)" for v in voice)
            out.append(Finding("Who speaks", f"Most quoted: {shown}.", "02_stance_comparison", "3"))
        else:
            out.append(Finding("Who speaks", "No quotation is attributed to a named speaker or actor.", "02_stance_comparison", "3"))
        claims = [c for c in _main(st.get("claims"), slug) if c.get("position") not in (None, 0)]
        if claims:
            seen: dict[tuple[str, str], int] = {}
            for c in claims:
                seen[(str(c["actor"]), str(c["issue"]))] = int(c["position"])
            shown = "; ".join(
                f"{actor} {'for' if pos > 0 else 'against'} {issue.replace('_', ' ')}" for (actor, issue), pos in list(seen.items())[:4]
            )
            out.append(Finding("Claims", f"Main claims (pattern cues, check the evidence): {shown}.", "02_stance_comparison", "8"))
    return out


def findings_html(items: list[Finding], folder: Path) -> str:
    """The findings as an HTML list, each linked to its report section (reader version)."""
    esc = html.escape
    anchors = {page: section_anchors(folder / f"{page}.reader.html") for page in {f.page for f in items}}
    rows = []
    for f in items:
        anchor = anchors.get(f.page, {}).get(f.section, "")
        href = f"{f.page}.reader.html" + (f"#{anchor}" if anchor else "")
        rows.append(f'<li><strong>{esc(f.topic)}.</strong> {esc(f.text)} <a href="{esc(href)}">Method and evidence</a></li>')
    return "<ul>\n" + "\n".join(rows) + "\n</ul>"
