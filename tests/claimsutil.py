"""Helpers of the claims tests: the claims table of a text of our own sentences, one row of it."""

from __future__ import annotations

import pandas as pd

from research_utils import article_from_text
from research_utils.analyses import stance as st


def claims(text: str) -> pd.DataFrame:
    return st.claims(article_from_text(f"A headline for the test\n\n{text}"))


def row(text: str, actor: str, issue: str) -> pd.Series:
    c = claims(text)
    sel = c[(c["actor"] == actor) & (c["issue"] == issue)]
    assert len(sel) == 1, c[["actor", "issue", "role", "position"]]
    return sel.iloc[0]


def claim_of(text: str, actor: str, issue: str) -> tuple[str, float]:
    """(role, position) of the actor's row on the issue; position NaN for a mention."""
    r = row(text, actor, issue)
    return str(r["role"]), float(r["position"])
