"""Naming and lexical choice: which of two names a text uses for the same referent.

A naming set contrasts side A (by default Ukrainian and international usage: *Kyiv*,
*invasion*, *Donbas*) with side B (Russian official usage: *Kiev*, *special military
operation*, *Donbass*); each set's ``source`` documents the split (AP Stylebook adopting
*Kyiv* in August 2019, Roskomnadzor's February 2022 order not to call the operation an
attack, invasion or war, and the Ukrainian-vs-Russian transliterations).

The naming index of a set is ``(A - B) / (A + B)``: +1 when only side A is used, -1 when
only side B, undefined (NaN) when neither appears. Every hit has a voice
(:mod:`~research_utils.analyses.framing.naming_voice`): the **author**'s own usage,
**quoted** (a speaker's words in quotation marks) or **distanced** (named as somebody
else's: "the so-called special military operation", "what Moscow calls a 'special
military operation'", scare quotes; Martin & White 2005, attribute-distance). Counts are
split by voice; the **headline index is the author's own usage** (``index_author``), since
only that is the author's naming choice; ``index`` pools every voice.

Only a set's referent counts: fixed phrases and other referents ("prisoners of war",
"Cold War", "chicken Kiev", the outlet "Kyiv Independent", "Odessa, Texas") are listed
under the set's ``exclude`` in ``naming_sets.yaml``, with the reason.

Known weaknesses: a spelling can come from a wire service or a house style; *war* and
*coup* also name other events than the excluded ones; the voice rules read one sentence
at a time (see :mod:`~research_utils.analyses.framing.naming_voice`).
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
from research_utils.analyses.framing.naming_voice import hit_voices
from research_utils.ingest import CorpusLike, Document, as_corpus
from research_utils.views import Note

__all__ = [
    "naming_applies",
    "naming_hits",
    "naming_index",
    "naming_overall",
    "naming_sides",
    "naming_table",
    "naming_title",
    "naming_validation_note",
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
    "voice_cue",
]
TABLE_COLUMNS = [
    "article",
    "set",
    "referent",
    "side_a",
    "side_a_count",
    "side_a_author",
    "side_a_quoted",
    "side_a_distanced",
    "side_b",
    "side_b_count",
    "side_b_author",
    "side_b_quoted",
    "side_b_distanced",
    "index",
    "index_author",
    "index_quoted",
    "index_distanced",
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
    "side_a_author",
    "side_b_author",
    "index_distanced",
]
VOICES = ("author", "quoted", "distanced")
"""The voices of a naming hit (:mod:`~research_utils.analyses.framing.naming_voice`)."""


def _label(entry: dict[str, Any], side: str) -> str:
    """A side's label: ``label_a``/``label_b``, else its first three terms."""
    key = "label_a" if side == "A" else "label_b"
    if entry.get(key):
        return str(entry[key])
    terms = [str(t) for t in entry["side_a" if side == "A" else "side_b"]]
    return ", ".join(terms[:3]) + (" ..." if len(terms) > 3 else "")


def _reported_clauses(doc: Document, pack: str) -> dict[int, list[tuple[int, int]]]:
    """The clauses of indirect speech of ``doc`` (paragraph offsets by paragraph id), from
    the stance analysis's attributions with the topic pack's lexicons: a term inside one
    reports the speaker's wording (:mod:`~research_utils.analyses.framing.naming_voice`)."""
    from research_utils.analyses.stance import load_stance_lexicons
    from research_utils.analyses.stance.attribution import reported_speech

    out: dict[int, list[tuple[int, int]]] = {}
    for r in reported_speech(doc, load_stance_lexicons(pack=pack)).attributions:
        if r["kind"] == "indirect" and r.get("_verb") is not None:
            pid, a, b = r["_scope"]
            out.setdefault(pid, []).append((a, b))
    return out


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
        evidence = evidence_columns(doc, found.sentence, found.start, found.end)
        spelling = np.asarray([e.get("kind") == "spelling" for e in entries], dtype=bool)
        evidence["voice"], cue = hit_voices(
            doc,
            lex.naming,
            found.sentence,
            found.start,
            found.end,
            found.tag,
            spelling[found.group],
            _reported_clauses(doc, lex.pack) if len(found.sentence) else {},
        )
        return {
            "article": filled(doc.slug, n),
            "set": np.asarray([e["id"] for e in entries], dtype=object)[found.group],
            "referent": np.asarray([e["referent"] for e in entries], dtype=object)[found.group],
            "side": found.tag,
            "label": np.asarray(
                [labels[(g, s)] for g, s in zip(found.group.tolist(), found.tag.tolist(), strict=True)],
                dtype=object,
            ),
            **evidence,
            "match": found.text,
            "start": found.start,
            "end": found.end,
            "voice_cue": cue,
            "group": found.group,
        }

    return doc.memo(("framing.naming", lex.naming.fingerprint), compute)


def naming_hits(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Every use of a term of a naming contrast set, with its side and voice.

    Terms match case-insensitively as whole words, also inside hyphenated compounds and
    before an apostrophe: "Kiev" is found in "Kiev's", "pro-Kiev" and "Kiev-based" but not
    in "Kievan" (:func:`~research_utils.analyses.framing.matching.compound_pattern`).
    Within a set the longest term wins ("Maidan coup" is one match); phrases listed under
    ``exclude`` ("Cold War", "Kyiv Independent") hide the matches inside them.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side`` (``A`` or ``B``), ``label`` (the
        side's label), ``sentence_id``, ``paragraph_id``, ``sentence``, ``match``,
        ``start``, ``end``, ``voice`` (``author``, ``quoted`` or ``distanced``) and
        ``voice_cue`` (what decided the voice: the distancing frame such as "what Moscow
        calls a" or "so-called", "scare quotes (no speech reported)", "reported speech",
        "endorsing: ...", or "" for plain author usage).
    """
    lex = resolve_lexicons(lexicons)
    return stack([_doc_hits(doc, lex) for doc in as_corpus(corpus)], HIT_COLUMNS)


def _index(a: float, b: float) -> float:
    """``(a - b) / (a + b)``, NaN when both are 0."""
    return (a - b) / (a + b) if (a + b) > 0 else float("nan")


def naming_table(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Counts per naming set and side, split by voice, with the naming indices.

    ``index`` = (A - B) / (A + B) over every voice: +1 when only side A is used (meta
    ``side_a``, by default Ukrainian and international usage), -1 when only side B
    (Russian official usage), NaN when neither appears. ``index_author`` counts the
    author's own usage only (the headline: quotations and distanced usage left out);
    ``index_quoted`` and ``index_distanced`` the other two voices. Indices are rounded to
    three decimals.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side_a``, ``side_a_count`` (all voices),
        ``side_a_author``, ``side_a_quoted``, ``side_a_distanced``, the same four for
        ``side_b``, ``index``, ``index_author``, ``index_quoted``, ``index_distanced``,
        ``forms`` (matched forms and counts), ``source``. One row per set, in lexicon
        order.
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
            c = {(s, v): counts[(entry["id"], s, v)] for s in "AB" for v in VOICES}
            a = sum(c[("A", v)] for v in VOICES)
            b = sum(c[("B", v)] for v in VOICES)
            row: dict[str, Any] = {"article": doc.slug, "set": entry["id"], "referent": entry["referent"]}
            for side, total in (("A", a), ("B", b)):
                key = f"side_{side.lower()}"
                row[key] = _label(entry, side)
                row[f"{key}_count"] = total
                row.update({f"{key}_{v}": c[(side, v)] for v in VOICES})
            row["index"] = round(_index(a, b), 3)
            row.update({f"index_{v}": round(_index(c[("A", v)], c[("B", v)]), 3) for v in VOICES})
            row["forms"] = forms.get(entry["id"], "")
            row["source"] = " ".join(str(entry["source"]).split())
            out.append(row)
    return pd.DataFrame(out, columns=TABLE_COLUMNS)


def naming_index(table: pd.DataFrame, voice: str = "all") -> float:
    """The overall naming index of a :func:`naming_table`: (A - B) / (A + B) over pooled counts.

    Parameters
    ----------
    table : DataFrame
        Rows of :func:`naming_table` (of one article, or pooled over several).
    voice : str
        ``all`` (every voice), ``author`` (the author's own usage: the headline index),
        ``quoted`` or ``distanced``.

    Returns
    -------
    float
        In [-1, +1]; NaN when no term of any set appears in that voice. Pooling weighs
        frequent sets more (see ``mean_set_index`` of :func:`naming_overall` for every set
        once).
    """
    if voice not in ("all", *VOICES):
        raise ValueError("voice must be all, author, quoted or distanced")
    suffix = "count" if voice == "all" else voice
    return _index(float(table[f"side_a_{suffix}"].sum()), float(table[f"side_b_{suffix}"].sum()))


def naming_overall(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """One row per article: pooled counts and the overall naming indices.

    Returns
    -------
    DataFrame
        ``article``, ``side_a_count``, ``side_b_count`` (all voices), ``index`` (pooled
        over all sets and voices, so frequent sets weigh more), ``index_author`` (the
        author's own usage: the headline index), ``index_quoted``, ``sets_used`` (sets
        with any hit), ``mean_set_index`` (the unweighted mean of the per-set indices of
        all voices, each used set counting once), ``side_a_author``, ``side_b_author``
        (the author's own counts) and ``index_distanced``.
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
                "side_a_author": int(g["side_a_author"].sum()),
                "side_b_author": int(g["side_b_author"].sum()),
                "index_distanced": round(naming_index(g, "distanced"), 3),
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
    """Title of the naming chart of article ``main``: its headline index, the author's own usage.

    ``"Naming choices (author's own usage: index +0.60)"``; when the author uses no term
    of any set, ``"... (author's own usage: no term of any set; all voices -1.00)"`` or
    ``"... (no term of any set)"``.
    """
    rows = main_rows(overall, main)
    own = rows["index_author"].iloc[0] if len(rows) else float("nan")
    every = rows["index"].iloc[0] if len(rows) else float("nan")
    if not pd.isna(own):
        return f"Naming choices (author's own usage: index {float(own):+.2f})"
    if not pd.isna(every):
        return f"Naming choices (author's own usage: no term of any set; all voices {float(every):+.2f})"
    return "Naming choices (no term of any set)"


VALIDATION_MEASURES = ("naming precision", "naming recall", "naming index sign accuracy")
"""The naming rows of :func:`research_utils.validation.figures_table`."""


def naming_validation_note(figures: pd.DataFrame | None = None) -> Note:
    """How well the naming analysis agrees with hand-coded articles, in one line.

    Parameters
    ----------
    figures : DataFrame, optional
        ``measure`` and the columns of :data:`research_utils.validation_figures.COLUMNS`,
        as :func:`research_utils.validation_figures.load_figures` returns it (default: the
        figures of the last ``make validate``).

    Returns
    -------
    Note
        Precision and recall of the (set, side, voice) counts and the share of articles
        whose author's-own index has the labelled sign, on real articles from held-out
        outlets (on the passages written for the project in brackets); or a line saying
        that no figures are available.
    """
    if figures is None:
        from research_utils.validation_figures import load_figures

        figures = load_figures()
    rows = {} if figures is None else {str(r["measure"]): r for r in figures.to_dict("records")}
    if not all(m in rows for m in VALIDATION_MEASURES):
        return Note(
            "Naming validation: no figures available (run `make validate` to score the naming "
            "analysis against the hand-coded gold sets in tests/gold)."
        )

    def fmt(row: dict[str, Any], column: str) -> str:
        value = row.get(column)
        return "n/a" if value is None or pd.isna(value) else f"{float(value):.2f}"

    p, r, s = (rows[m] for m in VALIDATION_MEASURES)
    return Note(
        "Naming validation (`make validate`): on real articles from outlets held out while the "
        f"rules were written, precision {fmt(p, 'real_test')} and recall {fmt(r, 'real_test')} of "
        f"the counts per set, side and voice, and the author's-own index has the labelled sign in "
        f"a share of {fmt(s, 'real_test')} of the articles (on passages written for the project: "
        f"{fmt(p, 'synthetic_test')}, {fmt(r, 'synthetic_test')}, {fmt(s, 'synthetic_test')}). "
        "Outlets and styles unlike these may do worse."
    )


def naming_applies(x: CorpusLike, lexicons: FramingLexicons | None = None) -> str:
    """ "" when a naming set of the topic pack occurs in the articles, else one line saying why
    the naming analysis does not apply (the pack has no sets, or none of them occurs)."""
    lex = resolve_lexicons(lexicons)
    n = len(lex.naming.entries)
    if not n:
        return f"the topic pack '{lex.pack}' has no naming sets: the naming analysis does not apply."
    if naming_hits(x, lex).empty:
        return f"none of the {n} naming sets of the topic pack '{lex.pack}' occurs: the naming analysis does not apply."
    return ""
