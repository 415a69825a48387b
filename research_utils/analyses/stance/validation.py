"""A hand-coding sheet: claims drawn at random for two human coders.

Dictionary methods agree poorly with human coders on claims (Boukes et al. 2020; van
Atteveldt, van der Velden & Boukes 2021); the standing advice for automated content
analysis is "validate, validate, validate" (Grimmer & Stewart 2013). The sheet draws a
fixed-seed sample of :func:`~research_utils.analyses.stance.claims.claims` with empty
columns for two coders, to be compared with each other (Krippendorff's alpha;
Krippendorff 2004) and with the automatic ``position``.
"""

from __future__ import annotations

import pandas as pd

from research_utils.analyses.stance.tables import article_rank
from research_utils.export import Exporter
from research_utils.views import Note

__all__ = [
    "FIGURE_MEASURES",
    "VALIDATION_COLUMNS",
    "VALIDATION_TABLE",
    "validation_figures",
    "validation_note",
    "validation_sheet",
    "write_validation_sheet",
]

VALIDATION_COLUMNS = [
    "article",
    "sentence_id",
    "label",
    "issue_label",
    "role",
    "position",
    "sentence",
    "coder1_position",
    "coder2_position",
    "note",
]
"""Columns of :func:`validation_sheet`."""


def validation_sheet(claims_df: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """A random sample of claims for two human coders, with empty columns for their codes.

    Draws ``n`` claims (all when there are fewer) without replacement with pandas'
    seeded sampler (``random_state=seed``: reruns draw the same rows), sorted by
    article (in the order the articles were given) and sentence. Compare the coders
    with each other (Krippendorff's alpha; Krippendorff 2004) and with the automatic
    ``position`` before reporting numbers (Grimmer & Stewart 2013).

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``label``, ``issue_label``, ``role``, ``position``,
        ``sentence``, and empty ``coder1_position``, ``coder2_position``, ``note``.
        Empty when ``n`` is 0 or there are no claims.
    """
    if n <= 0 or claims_df.empty:
        return pd.DataFrame(columns=VALIDATION_COLUMNS)
    picked = claims_df.sample(n=min(n, len(claims_df)), random_state=seed)
    rank = article_rank(claims_df["article"])  # the order the articles were given, not the draw's
    keys = list(zip(picked["article"].map(rank).tolist(), picked["sentence_id"].tolist(), strict=True))
    order = sorted(range(len(keys)), key=keys.__getitem__)
    sheet = picked.iloc[order][VALIDATION_COLUMNS[:7]].reset_index(drop=True)
    return sheet.assign(coder1_position="", coder2_position="", note="")


VALIDATION_TABLE = "stance_claims_validation"
"""Name of the sheet among the report's tables (``tables/stance_claims_validation.csv``)."""


def write_validation_sheet(out: Exporter, claims_df: pd.DataFrame, n: int, seed: int = 0) -> str:
    """Draw :func:`validation_sheet`, write it as a table when it has rows, and say what was done.

    Returns
    -------
    str
        One line for the reader: how many claims were drawn and where they are written
        (nowhere when the exporter writes nothing), or why no sheet was drawn (``n`` is
        0, or there is no claim).
    """
    sheet = validation_sheet(claims_df, n, seed)
    if sheet.empty:
        reason = "validation_sample is 0" if n <= 0 else "no claim was found"
        return f"No validation sheet drawn: {reason}."
    out.table(VALIDATION_TABLE, sheet)
    where = f"tables/{VALIDATION_TABLE}.csv" if out.enabled else "not written: output_dir is empty"
    return f"Validation sheet: {len(sheet)} claims drawn with seed {seed} ({where})."


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
