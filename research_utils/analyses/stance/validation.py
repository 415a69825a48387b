"""A hand-coding sheet of sampled sentences, and the figures of the last ``make validate``.

Dictionary methods agree poorly with human coders on claims (Boukes et al. 2020; van
Atteveldt, van der Velden & Boukes 2021); the standing advice for automated content
analysis is "validate, validate, validate" (Grimmer & Stewart 2013). :func:`coding_sheet`
draws a fixed-seed random sample of **sentences**, stratified by what the tool found in
them (a claim, reported speech only, nothing), so that both the tool's precision (how
often what it found is right) and its recall (how much of what people find it finds) can
be estimated and weighted back to the articles. Each sentence gets one row per measure
(``attribution``: who speaks; ``claim``: actor:issue:position), with the tool's code and
empty columns for coders. The format is declared in :mod:`research_utils.codingsheet`;
``research-report agreement SHEET`` scores a coded sheet (:mod:`research_utils.agreement`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from research_utils import codingsheet
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.export import Exporter
from research_utils.ingest import as_corpus
from research_utils.views import Note

__all__ = [
    "CODING_TABLE",
    "FIGURE_MEASURES",
    "allocate",
    "claims_validation_note",
    "coding_sheet",
    "sentence_codes",
    "validation_figures",
    "validation_note",
    "write_coding_sheet",
]

CODING_TABLE = "stance_coding_sheet"
"""Name of the sheet among the report's tables (``tables/stance_coding_sheet.csv``)."""


def _speaker(row: Any) -> str:
    """The speaker an attribution names: the resolved name, else the speaker as written, else unknown."""
    for value in (row.speaker_name, row.speaker):
        if isinstance(value, str) and value.strip() and not value.startswith("("):
            return value.strip()
    return codingsheet.UNKNOWN


def sentence_codes(corpus: Any, attributions_df: pd.DataFrame, claims_df: pd.DataFrame) -> pd.DataFrame:
    """Every sentence of the articles with the tool's codes and its stratum.

    An attribution codes every sentence its quotation spans (``sentence_ids``) with its
    speaker (the resolved name, else the speaker as written, else ``unknown``); a claim
    (``role`` claim) codes its sentence with ``actor:issue:position``.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``sentence``, ``attribution`` and ``claim`` (codes in
        the sheet's form, ``none`` when the tool found nothing) and ``stratum`` (``claim``,
        ``speech`` or ``nothing``), in article order.
    """
    speakers: dict[tuple[str, int], list[str]] = {}
    for row in attributions_df.itertuples(index=False):
        ids = (
            row.sentence_ids
            if isinstance(row.sentence_ids, (tuple, list)) and row.sentence_ids
            else (row.sentence_id,)
        )
        for sid in ids:
            speakers.setdefault((row.article, int(sid)), []).append(_speaker(row))
    found: dict[tuple[str, int], set[tuple[str, str, int]]] = {}
    for row in claims_df[claims_df["role"] == "claim"].itertuples(index=False):
        if pd.notna(row.position):
            found.setdefault((row.article, int(row.sentence_id)), set()).add(
                (str(row.actor), str(row.issue), int(row.position))
            )
    frames = [doc.sentences[["article", "sentence_id", "sentence"]] for doc in as_corpus(corpus).documents]
    table = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["article", "sentence_id", "sentence"])
    )
    keys = list(zip(table["article"], table["sentence_id"].astype(int), strict=True))
    table["attribution"] = [codingsheet.speakers_text(speakers.get(k, [])) for k in keys]
    table["claim"] = [codingsheet.claims_text(found.get(k, set())) for k in keys]
    table["stratum"] = ["claim" if k in found else "speech" if k in speakers else "nothing" for k in keys]
    return table


def allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Split ``n`` draws equally among strata of ``sizes`` sentences; a stratum smaller than
    its share gives all its sentences and the rest goes to the others."""
    left = {k: v for k, v in sizes.items() if v > 0}
    out = {k: 0 for k in sizes}
    budget = max(0, n)
    while left and budget > 0:
        share = budget // len(left)
        small = {k: v for k, v in left.items() if v <= share}
        if small:
            for k, v in small.items():
                out[k], budget = v, budget - v
                del left[k]
            continue
        extra = budget - share * len(left)
        for i, k in enumerate(left):  # the remainder to the strata in order
            out[k] = share + (1 if i < extra else 0)
        break
    return out


def coding_sheet(
    corpus: Any,
    attributions_df: pd.DataFrame,
    claims_df: pd.DataFrame,
    n: int,
    seed: int = 0,
    measures: tuple[str, ...] = tuple(codingsheet.MEASURES),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stratified random sample of ``n`` sentences, one row per sentence and measure.

    The sentences of the articles are split into strata by what the tool found in them
    (:func:`sentence_codes`); ``n`` is split equally among the strata (:func:`allocate`),
    and each stratum is sampled without replacement with NumPy's generator seeded with
    ``seed`` (reruns draw the same sentences). A sentence's weight is the number of
    sentences of its stratum over the number drawn from it: the weighted sample stands for
    every sentence of the articles.

    Returns
    -------
    (DataFrame, DataFrame)
        The sheet (columns :data:`research_utils.codingsheet.COLUMNS`, rows in article
        and sentence order, then by measure; empty coder and note columns) and the strata
        (``stratum``, ``sentences``, ``drawn``, ``weight``).
    """
    codes = sentence_codes(corpus, attributions_df, claims_df)
    strata_names = [s for s in codingsheet.STRATA if s != "claim" or "claim" in measures]
    if "claim" not in measures:
        codes.loc[codes["stratum"] == "claim", "stratum"] = "speech"
    sizes = {s: int((codes["stratum"] == s).sum()) for s in strata_names}
    drawn = allocate(sizes, n)
    rng = np.random.default_rng(seed)
    picked = []
    for s in strata_names:
        pool = codes.index[codes["stratum"] == s].to_numpy()
        if drawn[s]:
            picked.extend(rng.choice(pool, size=drawn[s], replace=False).tolist())
    strata = pd.DataFrame(
        [(s, sizes[s], drawn[s], round(sizes[s] / drawn[s], 6)) for s in strata_names if drawn[s]],
        columns=["stratum", "sentences", "drawn", "weight"],
    )
    sample = codes.loc[sorted(picked)]
    weight = dict(zip(strata["stratum"], strata["weight"], strict=True))
    rows = [
        {
            "measure": m,
            "article": r.article,
            "sentence_id": int(r.sentence_id),
            "sentence": r.sentence,
            "coder1": "",
            "coder2": "",
            "note": "",
            "stratum": r.stratum,
            "weight": weight[r.stratum],
            "tool": getattr(r, m),
        }
        for r in sample.itertuples(index=False)
        for m in measures
    ]
    return pd.DataFrame(rows, columns=list(codingsheet.COLUMNS)), strata


def write_coding_sheet(
    out: Exporter,
    corpus: Any,
    lex: StanceLexicons,
    attributions_df: pd.DataFrame,
    claims_df: pd.DataFrame,
    n: int,
    seed: int = 0,
) -> str:
    """Draw :func:`coding_sheet`, write it with its instruction rows, and say what was done.

    The claim measure is left out when the topic pack has no issues.

    Returns
    -------
    str
        One line for the reader: how many sentences were drawn from which strata and where
        the sheet is written (nowhere when the exporter writes nothing), or why no sheet was
        drawn (``n`` is 0, or the articles have no sentence).
    """
    if n <= 0:
        return "No coding sheet drawn: validation_sample is 0."
    measures = tuple(m for m in codingsheet.MEASURES if m != "claim" or lex.issues.entries)
    sheet, strata = coding_sheet(corpus, attributions_df, claims_df, n, seed, measures)
    if sheet.empty:
        return "No coding sheet drawn: the articles have no sentence."
    issues = [
        (str(e["id"]), str(e["label"]), str(e.get("positive", "supports it"))) for e in lex.issues.entries
    ]
    lines = codingsheet.preamble(
        strata, seed=seed, measures=measures, actors=[str(e["id"]) for e in lex.actors.entries], issues=issues
    )
    out.table(CODING_TABLE, sheet, preamble=lines)
    where = f"tables/{CODING_TABLE}.csv" if out.enabled else "not written: output_dir is empty"
    parts = ", ".join(f"{r.drawn} of {r.sentences} with {r.stratum}" for r in strata.itertuples())
    return (
        f"Coding sheet: {int(strata['drawn'].sum())} sentences drawn with seed {seed} ({parts}), "
        f"one row per measure ({', '.join(measures)}) ({where}). Code it, then run: "
        f"research-report agreement {CODING_TABLE}.csv"
    )


FIGURE_MEASURES: tuple[str, ...] = (
    "attribution precision",
    "attribution recall",
    "speaker resolution accuracy",
    "actor (side) accuracy",
    "claims precision",
    "claims recall",
)
"""The measures of :func:`validation_figures` that concern the stance analysis."""


def validation_figures(measures: tuple[str, ...] | None = FIGURE_MEASURES) -> pd.DataFrame | None:
    """The figures of the last ``make validate``, real published copy first.

    ``make validate`` scores the pattern methods of this package against two gold sets
    and keeps the figures in ``research_utils/validation.json``
    (:func:`research_utils.validation_figures.load_figures`): real articles from outlets
    nobody read while writing the rules (**real copy, held-out outlets**: the honest
    estimate for news from outlets the package has never seen), real articles from the
    outlets the rules were tuned on, and passages the rule writers wrote themselves (an
    upper bound: they show the rules do what they were written to do).

    Parameters
    ----------
    measures : tuple of str, optional
        The measures to keep (default: attribution, speaker resolution, actor and claims);
        None keeps every measure.

    Returns
    -------
    DataFrame or None
        ``measure`` and one column per gold set and split, labelled for readers; None
        when ``make validate`` never ran.
    """
    from research_utils.validation_figures import COLUMN_LABELS, load_figures

    figures = load_figures()
    if figures is None:
        return None
    if measures is not None:
        figures = figures[figures["measure"].isin(measures)].reset_index(drop=True)
    return figures.rename(columns=COLUMN_LABELS)


def validation_note() -> Note:
    """The stance analysis's error on real news, in one plain sentence for the Limits text.

    Quotes the real-copy figures of the last ``make validate``: on real articles from
    outlets held out while the rules were written, the share of the attributions found
    that were right (precision), the share of the hand-coded ones that were found (recall),
    the share whose side was right, and the same for claims, with the number of articles,
    outlets and hand-coded items they rest on.
    """
    from research_utils.validation_figures import figure, real_copy_summary

    held = real_copy_summary().get("test") or {}

    def pct(measure: str) -> str:
        value = figure(measure)
        return "n/a" if value is None else f"{value:.0%}"

    if figure("attribution precision") is None or not held:
        return Note(
            "No validation on real articles yet: run `make validate` with the real-copy cache "
            "(tests/gold/real/README.md)."
        )
    return Note(
        f"How far to trust this section: on {held.get('articles')} real articles from "
        f"{len(held.get('outlets') or [])} outlets whose texts were not read while the rules were "
        f"written ({held.get('attributions')} hand-coded attributions, "
        f"{held.get('claims')} claims), {pct('attribution precision')} of the attributions found "
        f"were right and {pct('attribution recall')} of those in the text were found; the side "
        f"(actor) was right for {pct('actor (side) accuracy')}; {pct('claims precision')} of the "
        f"claims found were right and {pct('claims recall')} of the hand-coded claims were found. "
        "Findings that rest on a few attributions can change with one error."
    )


def claims_validation_note(claims_df: pd.DataFrame | None = None) -> Note:
    """How far to trust the claims heatmap, in one sentence beside it: the claims precision
    and recall of the last ``make validate`` on real articles of held-out outlets; with the
    claims table (:func:`~.claims.claims`), also how many of its claims rest on no position
    word (a speaker who names an issue, +1 by default: :mod:`~.unmarked`)."""
    from research_utils.analyses.stance.unmarked import UNMARKED_CUE
    from research_utils.validation_figures import figure, real_copy_summary

    unmarked = ""
    if claims_df is not None and not claims_df.empty and {"role", "cue"} <= set(claims_df.columns):
        found = claims_df[claims_df["role"] == "claim"]
        n = int((found["cue"] == UNMARKED_CUE).sum())
        if n:
            unmarked = (
                f" {n} of the {len(found)} claims here have no position word: a speaker names the issue "
                f'and +1 is a default (cue "{UNMARKED_CUE}"); read those sentences first.'
            )
    held = real_copy_summary().get("test") or {}
    precision, recall = figure("claims precision"), figure("claims recall")
    if precision is None or recall is None or not held:
        return Note(
            "Claims have not been validated on real articles yet (`make validate` with the real-copy "
            "cache): treat every cell as a pointer to sentences to read." + unmarked
        )
    return Note(
        f"How far to trust the claims: on {held.get('articles')} real articles from "
        f"{len(held.get('outlets') or [])} outlets not read while the rules were written "
        f"({held.get('claims')} hand-coded claims), {precision:.0%} of the claims found were right and "
        f"{recall:.0%} of the claims in the text were found. An empty cell is no evidence that an "
        "actor has no position, and a coloured one needs its sentences read (table below)." + unmarked
    )
