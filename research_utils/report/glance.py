"""Findings at a glance: the few lines that open each report, computed from the analyses.

The index page's findings (:mod:`research_utils.report.findings`) are read from
``results.json`` after the build. A report cannot wait for that: its summary must come
first, before the sections that hold the method and the evidence. These functions compute
the same lines at the top of a notebook from the same analysis functions the sections
below call (the article is parsed once and the matches are kept with it, so the sections
reuse the work), and :func:`glance` shows them as a list, each linked to its section.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from research_utils.ingest import CorpusLike, as_corpus
from research_utils.report.findings import Finding, findings

__all__ = ["framing_findings", "glance", "section_link", "stance_findings", "text_statistics_findings"]


def _records(df: Any) -> list[dict[str, Any]]:
    return [] if df is None or len(df) == 0 else df.to_dict("records")


def text_statistics_findings(x: CorpusLike) -> list[Finding]:
    """Readability grade and size of the main article (as on the index page)."""
    from research_utils.analyses import textstats

    corpus = as_corpus(x)
    section = textstats.summary(corpus.main)
    return findings({"article": {"slug": corpus.main.slug}, "text_statistics": section})


def stance_findings(x: CorpusLike, lexicons: Any = None) -> list[Finding]:
    """Who speaks most and the main claims of the main article (as on the index page)."""
    from research_utils.analyses import stance

    corpus = as_corpus(x)
    lex = stance.default_lexicons(lexicons)
    attr = stance.attributions(corpus, lex)
    voice = stance.voice_share(attr)
    matrix = stance.claims_matrix(stance.claims(corpus, lex)) if lex.issues.entries else None
    basis = stance.attribution_basis(attr, corpus.slugs)
    section = {"voice": _records(voice), "claims_matrix": _records(matrix), "basis": _records(basis)}
    return findings({"article": {"slug": corpus.main.slug}, "stance": section})


def framing_findings(x: CorpusLike, lexicons: Any = None, min_cues: int = 3) -> list[Finding]:
    """Dominant frames and the author's-own naming index of the main article."""
    from research_utils.analyses import framing

    corpus = as_corpus(x)
    lex = lexicons if lexicons is not None else framing.bundled_lexicons()
    scores = framing.frame_scores(corpus, lex, "all", min_cues=min_cues)
    dominant = scores[scores["dominant"]][["article", "scheme", "frame", "hits"]] if len(scores) else None
    overall = framing.naming_overall(corpus, lex)
    own = overall[overall["article"] == corpus.main.slug]["index_author"] if len(overall) else []
    index = None if len(own) == 0 or own.isna().all() else float(own.iloc[0])
    section = {
        "dominant_frames": _records(dominant),
        "naming_index_author": index,
        "naming_sides": framing.naming_sides(lex),
    }
    out = findings({"article": {"slug": corpus.main.slug}, "framing": section})
    if framing.naming_applies(corpus, lex):  # said by framing.naming_applies, shown as a note
        out = [f for f in out if f.topic != "Naming"]
    return out


_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]", "", markdown).strip()


def section_link(stem: str, words: str) -> str:
    """The in-page link (``#anchor``) of the first heading of notebook ``stem`` that contains
    ``words`` (case-insensitive), made the way nbconvert makes heading ids; "" if none."""
    from research_utils.report.registry import notebook_path

    try:
        nb = json.loads(notebook_path(stem).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    wanted = words.casefold()
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for heading in _HEADING.findall("".join(cell.get("source", []))):
            text = _plain(heading)
            if wanted and wanted in text.casefold():
                return "#" + quote(text.replace(" ", "-"), safe="?/:@!$&'()*+,;=")
    return ""


def glance(stem: str, items: list[Finding], notes: list[str] | None = None) -> Any:
    """The findings of report ``stem`` as a Markdown list, each linked to its section here;
    ``notes`` (an analysis that does not apply) follow as lines of their own."""
    from IPython.display import Markdown

    lines = []
    for f in items:
        link = section_link(stem, f.section) if f.page == stem else ""
        more = f" [Method and evidence]({link})" if link else ""
        lines.append(f"* **{f.topic}.** {f.text}{more}")
    for note in notes or []:
        if note:
            lines.append(f"* *Does not apply:* {note}")
    if not lines:
        lines.append("* Nothing to summarise: see the sections below.")
    return Markdown("\n".join(lines))
