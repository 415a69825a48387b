"""Helpers of the attribution family tests: an article of our own sentences, its table, one row."""

from __future__ import annotations

import pandas as pd

from research_utils.analyses import stance
from research_utils.ingest import article_from_text

CONFLICT = stance.load_stance_lexicons()
GENERIC = stance.load_stance_lexicons(pack="generic")


def attr(text: str, lex: stance.StanceLexicons = CONFLICT) -> pd.DataFrame:
    return stance.attributions(article_from_text(f"A headline for the test\n\n{text}"), lex)


def by_quote(table: pd.DataFrame, start: str) -> pd.Series:
    rows = table[table["quote"].str.lstrip("“").str.startswith(start)]
    assert len(rows) == 1, table[["speaker", "quote"]].to_string()
    return rows.iloc[0]
