"""The claims table aggregated and filtered: the actor x issue matrix and the evidence tables.

:func:`claims_matrix` counts the claims (role ``claim``) of each actor on each issue, the
table behind the heatmap; mentions never enter it. :func:`claims_with_position` and
:func:`demands` are the evidence a reader checks the matrix against.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from research_utils.analyses.stance.tables import article_rank

__all__ = [
    "CLAIM_EVIDENCE_COLUMNS",
    "DEMAND_EVIDENCE_COLUMNS",
    "MATRIX_COLUMNS",
    "claims_matrix",
    "claims_with_position",
    "demands",
]

MATRIX_COLUMNS = [
    "article",
    "actor",
    "label",
    "issue",
    "issue_label",
    "claims",
    "support",
    "oppose",
    "unclear",
    "net",
    "demanded_of",
    "sentence_ids",
]
"""Columns of :func:`claims_matrix`."""


def claims_matrix(claims_df: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the claims of :func:`~research_utils.analyses.stance.claims.claims` into an
    actor x issue table (rows of role ``claim`` only: a co-occurrence is no position).

    Parameters
    ----------
    claims_df : DataFrame
        :func:`~research_utils.analyses.stance.claims.claims` (claims and mentions).

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``issue``, ``issue_label``, ``claims``
        (sentences where the actor claims a position on the issue), ``support`` (+1),
        ``oppose`` (-1), ``unclear`` (0: takes the issue up without a side), ``net``
        (``(support - oppose) / claims``, from -1 to +1), ``demanded_of`` (obligations and
        demands on the actor on the issue: the sum of ``cue_position`` over its addressee
        mentions), ``sentence_ids``. An actor and issue with mentions only have no row.
    """
    if claims_df.empty:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    demanded: dict[tuple[str, str, str], int] = {}
    if "relation" in claims_df.columns:
        for art, actor, issue, rel, cue_pos in zip(
            *(claims_df[c].tolist() for c in ("article", "actor", "issue", "relation", "cue_position")),
            strict=True,
        ):
            if rel == "addressee":
                demanded[art, actor, issue] = demanded.get((art, actor, issue), 0) + int(cue_pos)
        claims_df = claims_df[claims_df["role"] == "claim"]
        if claims_df.empty:
            return pd.DataFrame(columns=MATRIX_COLUMNS)
    groups: dict[tuple[str, str, str], list[Any]] = {}  # in order of first appearance
    cols = (
        "article",
        "actor",
        "issue",
        "label",
        "issue_label",
        "position",
        "role",
        "cue_position",
        "sentence_id",
    )
    for art, actor, issue, label, issue_label, pos, role, cue_pos, sid in zip(
        *(claims_df[c].tolist() for c in cols), strict=True
    ):
        g = groups.get((art, actor, issue))
        if g is None:
            g = groups[art, actor, issue] = [label, issue_label, 0, 0, 0, 0, []]
        g[2] += 1
        g[3] += pos > 0
        g[4] += pos < 0
        g[5] = (
            demanded.get((art, actor, issue), 0)
            if demanded
            else g[5] + (int(cue_pos) if role == "addressee" else 0)
        )
        g[6].append(int(sid))
    rank = article_rank(claims_df["article"])
    rows = [
        (
            art,
            actor,
            label,
            issue,
            issue_label,
            n,
            sup,
            opp,
            n - sup - opp,
            (sup - opp) / n,
            demanded,
            tuple(sids),
        )
        for (art, actor, issue), (label, issue_label, n, sup, opp, demanded, sids) in groups.items()
    ]
    rows.sort(key=lambda r: (rank[r[0]], r[1], r[3]))
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


CLAIM_EVIDENCE_COLUMNS = [
    "article",
    "sentence_id",
    "label",
    "issue_label",
    "position",
    "relation",
    "cue",
    "modality",
    "according_to",
    "sentence",
]
"""Columns a reader needs to judge a claim (:func:`claims_with_position`)."""

DEMAND_EVIDENCE_COLUMNS = [*CLAIM_EVIDENCE_COLUMNS[:6], "cue_position", *CLAIM_EVIDENCE_COLUMNS[6:]]
"""Columns a reader needs to judge a demand (:func:`demands`): with the demanded direction."""


def claims_with_position(claims_df: pd.DataFrame) -> pd.DataFrame:
    """The claims (role ``claim``) with a position (+1 or -1): the evidence for the heatmap's colours."""
    keep = claims_df["position"].notna() & (claims_df["position"] != 0)
    if "role" in claims_df.columns:
        keep &= claims_df["role"] == "claim"
    return claims_df[keep].reset_index(drop=True)


def demands(claims_df: pd.DataFrame) -> pd.DataFrame:
    """Obligations and demands put on an actor (relation ``addressee``: "Ukraine must give up
    ..."), and speakers who report another actor's position: mentions with a cue, not mere
    co-occurrences. The demanded direction is in ``cue_position``."""
    if "relation" not in claims_df.columns:
        return claims_df[(claims_df["position"] == 0) & (claims_df["role"] != "mentioned")].reset_index(
            drop=True
        )
    keep = (claims_df["role"] == "mention") & claims_df["relation"].isin(["addressee", "speaker"])
    keep &= claims_df["cue"].astype(str) != ""
    return claims_df[keep].reset_index(drop=True)
