"""Naming and lexical choice: which of two names a text uses for the same referent.

A naming set contrasts side A (by default Ukrainian and international usage: *Kyiv*,
*invasion*, *Donbas*) with side B (Russian official usage: *Kiev*, *special military
operation*, *Donbass*); each set's ``source`` documents the split (AP Stylebook adopting
*Kyiv* in August 2019, Roskomnadzor's February 2022 order not to call the operation an
attack, invasion or war, and the Ukrainian-vs-Russian transliterations).

The naming index of a set is ``(A - B) / (A + B)``: +1 when only side A is used, -1 when
only side B, undefined (NaN) when neither appears. Counts are split by voice (author /
quoted), so that a term the author only quotes can be told apart.

Known weaknesses: a spelling can come from a wire service or a house style; *war* and
*coup* also name other events; a term in scare quotes counts as quoted voice.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import (
    Columns,
    evidence_columns,
    filled,
    main_rows,
    stack,
    top_forms,
)
from research_utils.analyses.framing.lexicons import FramingLexicons, resolve_lexicons
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "naming_hits",
    "naming_index",
    "naming_overall",
    "naming_sides",
    "naming_table",
    "naming_title",
]

HIT_COLUMNS = [
    "article",
    "set",
    "referent",
    "side",
    "label",
    "sentence_id",
    "paragraph_id",
    "sentence",
    "match",
    "start",
    "end",
    "voice",
]
TABLE_COLUMNS = [
    "article",
    "set",
    "referent",
    "side_a",
    "side_a_count",
    "side_a_author",
    "side_a_quoted",
    "side_b",
    "side_b_count",
    "side_b_author",
    "side_b_quoted",
    "index",
    "index_author",
    "forms",
    "source",
]
OVERALL_COLUMNS = [
    "article",
    "side_a_count",
    "side_b_count",
    "index",
    "index_author",
    "index_quoted",
    "sets_used",
    "mean_set_index",
]


def _label(entry: dict[str, Any], side: str) -> str:
    """A side's label: ``label_a``/``label_b``, else its first three terms."""
    key = "label_a" if side == "A" else "label_b"
    if entry.get(key):
        return str(entry[key])
    terms = [str(t) for t in entry["side_a" if side == "A" else "side_b"]]
    return ", ".join(terms[:3]) + (" ..." if len(terms) > 3 else "")


def _doc_hits(doc: Document, lex: FramingLexicons) -> Columns:
    """The naming hits of one document as columns (:data:`HIT_COLUMNS` and ``group``, the
    set's position in the lexicon), in sentence order, sets in lexicon order. Kept with the
    document: read-only."""

    def compute() -> Columns:
        found = lex.naming_index.find(doc)
        found = found.take(np.lexsort((found.start, found.group, found.sentence)))
        entries = lex.naming.entries
        labels = {(i, s): _label(e, s) for i, e in enumerate(entries) for s in "AB"}
        n = len(found)
        return {
            "article": filled(doc.slug, n),
            "set": np.asarray([e["id"] for e in entries], dtype=object)[found.group],
            "referent": np.asarray([e["referent"] for e in entries], dtype=object)[found.group],
            "side": found.tag,
            "label": np.asarray(
                [labels[(g, s)] for g, s in zip(found.group.tolist(), found.tag.tolist(), strict=True)],
                dtype=object,
            ),
            **evidence_columns(doc, found.sentence, found.start, found.end),
            "match": found.text,
            "start": found.start,
            "end": found.end,
            "group": found.group,
        }

    return doc.memo(("framing.naming", lex.naming.fingerprint), compute)


def naming_hits(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Every use of a term of a naming contrast set, with its side and voice.

    Terms match case-insensitively as whole words, also inside hyphenated compounds and
    before an apostrophe: "Kiev" is found in "Kiev's", "pro-Kiev" and "Kiev-based" but not
    in "Kievan" (:func:`~research_utils.analyses.framing.matching.compound_pattern`).
    Within a set the longest term wins ("Maidan coup" is one match); phrases listed under
    ``exclude`` ("Cold War") hide the matches inside them.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side`` (``A`` or ``B``), ``label`` (the
        side's label), ``sentence_id``, ``paragraph_id``, ``sentence``, ``match``,
        ``start``, ``end``, ``voice``.
    """
    lex = resolve_lexicons(lexicons)
    return stack([_doc_hits(doc, lex) for doc in as_corpus(corpus)], HIT_COLUMNS)


def _index(a: float, b: float) -> float:
    """``(a - b) / (a + b)``, NaN when both are 0."""
    return (a - b) / (a + b) if (a + b) > 0 else float("nan")


def naming_table(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Counts per naming set and side, split by voice, with the naming index.

    ``index`` = (A - B) / (A + B): +1 when only side A is used (meta ``side_a``, by default
    Ukrainian and international usage), -1 when only side B (Russian official usage),
    NaN when neither appears. ``index_author`` uses the author's voice only (quotations
    left out). Indices are rounded to three decimals.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side_a``, ``side_a_count``,
        ``side_a_author``, ``side_a_quoted``, ``side_b``, ``side_b_count``,
        ``side_b_author``, ``side_b_quoted``, ``index``, ``index_author``, ``forms``
        (matched forms and counts), ``source``. One row per set, in lexicon order.
    """
    lex = resolve_lexicons(lexicons)
    entries = lex.naming.entries
    out = []
    for doc in as_corpus(corpus):
        hits = _doc_hits(doc, lex)
        counts = Counter(
            zip(hits["set"].tolist(), hits["side"].tolist(), hits["voice"].tolist(), strict=True)
        )
        forms = top_forms(hits["set"].tolist(), hits["match"].tolist(), n=8)
        for entry in entries:
            c = {(s, v): counts[(entry["id"], s, v)] for s in "AB" for v in ("author", "quoted")}
            a = c[("A", "author")] + c[("A", "quoted")]
            b = c[("B", "author")] + c[("B", "quoted")]
            out.append(
                {
                    "article": doc.slug,
                    "set": entry["id"],
                    "referent": entry["referent"],
                    "side_a": _label(entry, "A"),
                    "side_a_count": a,
                    "side_a_author": c[("A", "author")],
                    "side_a_quoted": c[("A", "quoted")],
                    "side_b": _label(entry, "B"),
                    "side_b_count": b,
                    "side_b_author": c[("B", "author")],
                    "side_b_quoted": c[("B", "quoted")],
                    "index": round(_index(a, b), 3),
                    "index_author": round(_index(c[("A", "author")], c[("B", "author")]), 3),
                    "forms": forms.get(entry["id"], ""),
                    "source": " ".join(str(entry["source"]).split()),
                }
            )
    return pd.DataFrame(out, columns=TABLE_COLUMNS)


def naming_index(table: pd.DataFrame, voice: str = "all") -> float:
    """The overall naming index of a :func:`naming_table`: (A - B) / (A + B) over pooled counts.

    Parameters
    ----------
    table : DataFrame
        Rows of :func:`naming_table` (of one article, or pooled over several).
    voice : str
        ``all``, ``author`` or ``quoted``.

    Returns
    -------
    float
        In [-1, +1]; NaN when no term of any set appears. Pooling weighs frequent sets
        more (see ``mean_set_index`` of :func:`naming_overall` for every set once).
    """
    if voice not in ("all", "author", "quoted"):
        raise ValueError("voice must be all, author or quoted")
    suffix = "count" if voice == "all" else voice
    return _index(float(table[f"side_a_{suffix}"].sum()), float(table[f"side_b_{suffix}"].sum()))


def naming_overall(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """One row per article: pooled counts and the overall naming index.

    Returns
    -------
    DataFrame
        ``article``, ``side_a_count``, ``side_b_count``, ``index`` (pooled over all sets,
        so frequent sets weigh more), ``index_author`` (author voice only),
        ``index_quoted``, ``sets_used`` (sets with any hit), ``mean_set_index`` (the
        unweighted mean of the per-set indices, each used set counting once).
    """
    tab = naming_table(corpus, lexicons)
    rows = []
    for slug in dict.fromkeys(tab["article"].tolist()):
        g = tab[tab["article"].to_numpy() == slug]
        used = (g["side_a_count"] + g["side_b_count"]).to_numpy() > 0
        rows.append(
            {
                "article": slug,
                "side_a_count": int(g["side_a_count"].sum()),
                "side_b_count": int(g["side_b_count"].sum()),
                "index": round(naming_index(g), 3),
                "index_author": round(naming_index(g, "author"), 3),
                "index_quoted": round(naming_index(g, "quoted"), 3),
                "sets_used": int(used.sum()),
                "mean_set_index": round(float(g["index"].to_numpy()[used].mean()), 3)
                if used.any()
                else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=OVERALL_COLUMNS)


def naming_sides(lexicons: FramingLexicons | None = None) -> dict[str, str]:
    """Whose usage each side is, from the naming lexicon's header (``meta.side_a``/``side_b``).

    Returns
    -------
    dict
        ``{"side_a": ..., "side_b": ...}`` ("side A"/"side B" when the header does not say).
    """
    meta = resolve_lexicons(lexicons).naming.meta
    return {"side_a": str(meta.get("side_a", "side A")), "side_b": str(meta.get("side_b", "side B"))}


def naming_title(overall: pd.DataFrame, main: str | Document) -> str:
    """Title of the naming chart of article ``main``, with its overall index.

    ``"Naming choices (overall index -0.87)"``, or ``"... (no term of any set)"`` when the
    index is undefined.
    """
    rows = main_rows(overall, main)
    value = rows["index"].iloc[0] if len(rows) else float("nan")
    if pd.isna(value):
        return "Naming choices (overall index: no term of any set)"
    return f"Naming choices (overall index {float(value):+.2f})"
