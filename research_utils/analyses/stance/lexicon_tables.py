"""The stance lexicons as tables for the report: actors, issues, reporting verbs, and the
list of lexicons with their sources (section 2 of the stance report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons

__all__ = ["actor_table", "issue_table", "lexicon_table", "verb_table"]


def _join(values: Any) -> str:
    return ", ".join(str(v) for v in (values or []))


def _flat(text: Any) -> str:
    return " ".join(str(text or "").split())


def actor_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """The actor lexicon as a table.

    Returns
    -------
    DataFrame
        ``actor``, ``label``, ``kind``, ``terms`` (names, including the case-sensitive
        ones), ``people``, ``adjectives``, ``notes``.
    """
    lex = default_lexicons(lexicons)
    rows = [
        {
            "actor": e["id"],
            "label": e["label"],
            "kind": e.get("kind", ""),
            "terms": _join([*(e.get("terms") or []), *(e.get("case_sensitive") or [])]),
            "people": _join(e.get("people")),
            "adjectives": _join([*(e.get("adjectives") or []), *(e.get("case_sensitive_adjectives") or [])]),
            "notes": _flat(e.get("notes")),
        }
        for e in lex.actors.entries
    ]
    return pd.DataFrame(rows, columns=["actor", "label", "kind", "terms", "people", "adjectives", "notes"])


def issue_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """The issue lexicon as a table.

    Returns
    -------
    DataFrame
        ``issue``, ``label``, ``positive`` (what a +1 position means), ``terms``, ``notes``.
    """
    lex = default_lexicons(lexicons)
    rows = [
        {
            "issue": e["id"],
            "label": e["label"],
            "positive": e.get("positive", ""),
            "terms": _join(e["terms"]),
            "notes": _flat(e.get("notes")),
        }
        for e in lex.issues.entries
    ]
    return pd.DataFrame(rows, columns=["issue", "label", "positive", "terms", "notes"])


def verb_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Reporting-verb classes with their definitions and verbs.

    Returns
    -------
    DataFrame
        ``verb_class``, ``definition`` (from the lexicon header), ``verbs`` (lemmas).
    """
    lex = default_lexicons(lexicons)
    defs = lex.reporting_verbs.meta.get("classes") or {}
    rows = []
    for cls in lex.verb_classes:
        lemmas = [e["id"] for e in lex.reporting_verbs.entries if e["verb_class"] == cls]
        rows.append({"verb_class": cls, "definition": str(defs.get(cls, "")), "verbs": _join(lemmas)})
    return pd.DataFrame(rows, columns=["verb_class", "definition", "verbs"])


def lexicon_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every lexicon used and where it comes from.

    Returns
    -------
    DataFrame
        ``lexicon``, ``name``, ``entries``, ``file`` (file name; both files when a user
        file extends the bundled one), ``sources``.
    """
    lex = default_lexicons(lexicons)
    rows = [
        {
            "lexicon": role,
            "name": x.name,
            "entries": len(x.entries),
            "file": Path(x.path).name if " + " not in x.path else x.path,
            "sources": "; ".join(str(s) for s in x.meta.get("sources", [])),
        }
        for role, x in lex.all().items()
    ]
    return pd.DataFrame(rows, columns=["lexicon", "name", "entries", "file", "sources"])
