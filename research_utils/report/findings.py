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

__all__ = ["Finding", "find_anchor", "findings", "findings_html", "section_anchors"]


@dataclass(frozen=True)
class Finding:
    """One line of the summary and the page (and section) that backs it."""

    topic: str
    text: str
    page: str
    section: str = ""  # words of the section heading, e.g. "Readability"


_HEADING = re.compile(r'<h2[^>]*id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def section_anchors(page: Path) -> dict[str, str]:
    """``{heading text: anchor id}`` of the ``<h2>`` headings of a rendered report."""
    if not page.is_file():
        return {}
    out = {}
    for anchor, title in _HEADING.findall(page.read_text(encoding="utf-8")):
        plain = html.unescape(re.sub(r"<[^>]+>", "", title)).replace("\u00b6", "").strip()
        out[plain] = anchor
    return out


def find_anchor(anchors: dict[str, str], section: str) -> str:
    """The anchor of the first heading that contains ``section`` (case-insensitive), or ``""``.

    Sections are found by their words, not their numbers, so renumbering a notebook does
    not send a finding to the wrong section.
    """
    wanted = section.casefold()
    return next((a for title, a in anchors.items() if wanted and wanted in title.casefold()), "")


_ACRONYMS = {"nato", "eu", "us", "uk", "un", "osce", "ecb", "imf"}


def _label(identifier: str, capital: bool = True) -> str:
    """A lexicon id as a label: ``nato_membership`` -> ``NATO membership``, ``ukraine`` -> ``Ukraine``."""
    words = str(identifier).replace("_", " ").split()
    shown = [w.upper() if w in _ACRONYMS else w for w in words]
    if capital and shown and shown[0].islower():
        shown[0] = shown[0].capitalize()
    return " ".join(shown)


def _grade(value: float) -> str:
    if value < 9:
        return "up to lower secondary school"
    if value < 13:
        return "secondary school"
    if value < 17:
        return "college"
    return "graduate level"


def _naming_meaning(index: float, sides: dict[str, str]) -> str:
    """What an index says, in the words of the pack's naming lexicon (its side labels)."""
    if index >= 0.5:
        return f"mostly {sides['side_a']}"
    if index <= -0.5:
        return f"mostly {sides['side_b']}"
    return "a mix of both usages"


_DEFAULT_SIDES = {"side_a": "Ukrainian and international usage", "side_b": "Russian official usage"}
"""Side labels of results written before results.json kept them (the bundled pack's)."""


def _main(rows: list[dict[str, Any]], slug: str) -> list[dict[str, Any]]:
    return [r for r in rows or [] if r.get("article", slug) == slug]


def _basis_text(basis: dict[str, Any] | None) -> str:
    """What "who speaks" rests on, and a plain warning when that is thin (issue 17)."""
    if not basis:
        return ""
    n = int(basis.get("attributions") or 0)
    share = float(basis.get("unattributed_share") or 0.0)
    text = f" Basis: {n} attribution{'s' * (n != 1)} found"
    if int(basis.get("quoted_words") or 0):
        text += f"; {share:.0%} of the quoted words without a speaker the tool could find"
    text += "."
    if basis.get("thin"):
        text += (
            f" Thin basis ({basis.get('why')}): read the quotes and their speakers before you "
            "cite this line; one missed or wrong attribution can change it."
        )
    return text


def findings(results: dict[str, Any]) -> list[Finding]:
    """The summary lines of an article's results (see the module docstring)."""
    slug = results.get("article", {}).get("slug", "")
    out: list[Finding] = []
    ts = results.get("text_statistics")
    if ts:
        fk = (ts.get("readability") or {}).get("flesch_kincaid_grade")
        counts = ts.get("counts") or {}
        if fk is None:
            out.append(
                Finding(
                    "Readability",
                    "Readability does not apply: the text does not look like English.",
                    "01_text_statistics",
                    "Readability",
                )
            )
        else:
            out.append(
                Finding(
                    "Readability",
                    f"Flesch-Kincaid grade {fk:.1f} ({_grade(fk)}) over {counts.get('words', 0):,} words in "
                    f"{counts.get('sentences', 0):,} sentences.",
                    "01_text_statistics",
                    "Readability",
                )
            )
    fr = results.get("framing")
    if fr:
        dominant = _main(fr.get("dominant_frames"), slug)
        if dominant:
            shown = "; ".join(f"{d['frame']} ({d['scheme']}, {d['hits']} cue hits)" for d in dominant)
            out.append(
                Finding("Frames", f"Most salient frames: {shown}.", "03_framing_analysis", "Frame salience")
            )
        index = fr.get("naming_index_author", fr.get("naming_index"))
        sides = {**_DEFAULT_SIDES, **(fr.get("naming_sides") or {})}
        if index is None:
            out.append(
                Finding(
                    "Naming",
                    "No naming set occurs in the author's own words: the naming index does not apply.",
                    "03_framing_analysis",
                    "Naming",
                )
            )
        else:
            out.append(
                Finding(
                    "Naming",
                    f"Author's-own naming index {index:+.2f} on a scale from -1 ({sides['side_b']}) to +1 "
                    f"({sides['side_a']}): {_naming_meaning(index, sides)}.",
                    "03_framing_analysis",
                    "Naming",
                )
            )
    st = results.get("stance")
    if st:
        voice = [
            v
            for v in _main(st.get("voice"), slug)
            if not str(v.get("label", v.get("actor", ""))).startswith("(")
        ]
        quoted = [v for v in voice if int(v.get("quoted_words") or 0) > 0]
        reported = [v.get("label", v["actor"]) for v in voice if v not in quoted][:3]
        voice = sorted(quoted, key=lambda v: -int(v.get("quoted_words") or 0))[:3]
        basis = next(iter(_main(st.get("basis"), slug)), None)
        if voice or reported:
            shown = ", ".join(
                f"{v.get('label', v['actor'])} ({v.get('quoted_words', 0)} quoted words)" for v in voice
            )
            text = (
                f"Most quoted: {shown}."
                if voice
                else "No direct quotation has a speaker the tool could find."
            )
            if reported:  # an actor heard only in reported speech is no "most quoted" with 0 words
                text += f" Reported without direct quotation: {', '.join(reported)}."
            text += _basis_text(basis)
            out.append(Finding("Who speaks", text, "02_stance_comparison", "Who speaks"))
        else:
            out.append(
                Finding(
                    "Who speaks",
                    "No quotation is attributed to a named speaker or actor." + _basis_text(basis),
                    "02_stance_comparison",
                    "Who speaks",
                )
            )
        matrix = sorted(_main(st.get("claims_matrix"), slug), key=lambda m: -int(m.get("claims") or 0))
        shown_claims = []
        for m in matrix[:4]:
            support, oppose = int(m.get("support") or 0), int(m.get("oppose") or 0)
            if support and oppose:
                stance = f"mixed on {_label(m['issue'], capital=False)} ({support} for, {oppose} against)"
            elif support:
                stance = f"for {_label(m['issue'], capital=False)} ({support} claim{'s' * (support > 1)})"
            elif oppose:
                stance = f"against {_label(m['issue'], capital=False)} ({oppose} claim{'s' * (oppose > 1)})"
            else:
                continue
            shown_claims.append(f"{_label(m['actor'])} {stance}")
        if shown_claims:
            out.append(
                Finding(
                    "Claims",
                    "Main claims (pattern cues: check the evidence): "
                    + "; ".join(shown_claims)
                    + "."
                    + _claims_trust(),
                    "02_stance_comparison",
                    "Who wants what",
                )
            )
    return out


def _claims_trust() -> str:
    """How often claims found were right on real copy of unfamiliar outlets (last ``make
    validate``), in one sentence: the weakest measure gets its figures beside the finding."""
    from research_utils.validation_figures import figure

    precision, recall = figure("claims precision"), figure("claims recall")
    if precision is None or recall is None:
        return " Claims have not been validated on real articles yet."
    return (
        f" On real articles from outlets the rules were not written on, {precision:.0%} of the claims "
        f"found were right and {recall:.0%} of the claims in the text were found."
    )


def findings_html(items: list[Finding], folder: Path) -> str:
    """The findings as an HTML list, each linked to its report section (reader version)."""
    esc = html.escape
    anchors = {page: section_anchors(folder / f"{page}.reader.html") for page in {f.page for f in items}}
    rows = []
    for f in items:
        anchor = find_anchor(anchors.get(f.page, {}), f.section)
        href = f"{f.page}.reader.html" + (f"#{anchor}" if anchor else "")
        rows.append(
            f'<li><strong>{esc(f.topic)}.</strong> {esc(f.text)} <a href="{esc(href)}">Method and evidence</a></li>'
        )
    return "<ul>\n" + "\n".join(rows) + "\n</ul>"
