"""The per-article tables of a corpus, computed from one parse of each article.

:func:`article_tables` computes, for one document, only what the corpus report and its
``results.json`` use (no plots, no evidence tables beyond what groups need):

``articles``
    one row: ``article`` (slug), ``title``, ``outlet``, ``date``, ``author``,
    ``language``, ``words``, ``sentences``, ``paragraphs``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade``, ``mattr``, ``quoted_share`` (share of words in quotation
    marks), ``naming_index`` (author's own usage; NaN when the article uses no naming
    term in its own voice), ``naming_terms`` (author's-own naming terms), ``attributions``,
    ``warnings`` (count of doubts about the input).
``naming``
    ``article``, ``set``, ``side`` (a/b), ``voice`` (author/quoted/distanced), ``count``.
``frames``
    ``article``, ``scheme``, ``frame``, ``hits``.
``voice``
    ``article``, ``actor`` (the actor or named speaker), ``quotes``, ``quoted_words``.
``verbs``
    ``article``, ``verb_class``, ``count``.
``terms``
    ``article``, ``term``, ``count``: content words (no stop words, no numbers), the
    unit of distinctive words.

:func:`load_tables` reads them back from Parquet and :func:`with_groups` gives every
article its group.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.corpus.groups import month_of
from research_utils.ingest import Document

__all__ = [
    "SCHEMA",
    "TABLES",
    "arrow_schema",
    "article_tables",
    "check_options",
    "load_tables",
    "typed",
    "with_groups",
]

SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        "article": "string",
        "title": "string",
        "outlet": "string",
        "date": "string",
        "author": "string",
        "language": "string",
        "words": "int64",
        "sentences": "int64",
        "paragraphs": "int64",
        "flesch_reading_ease": "float64",
        "flesch_kincaid_grade": "float64",
        "mattr": "float64",
        "quoted_share": "float64",
        "naming_index": "float64",
        "naming_terms": "int64",
        "attributions": "int64",
        "warnings": "int64",
        "sha256": "string",
        "path": "string",
        "key": "string",
    },
    "naming": {"article": "string", "set": "string", "side": "string", "voice": "string", "count": "int64"},
    "frames": {"article": "string", "scheme": "string", "frame": "string", "hits": "int64"},
    "voice": {"article": "string", "actor": "string", "quotes": "int64", "quoted_words": "int64"},
    "verbs": {"article": "string", "verb_class": "string", "count": "int64"},
    "terms": {"article": "string", "term": "string", "count": "int64"},
}
"""Every per-article table, its columns and their types: one fixed schema, written for every
Parquet part, empty or not (a batch in which no article uses a naming term still writes a
``naming`` part of strings and integers, so that every part of a table reads together).
``articles.path`` and ``articles.key`` are added by the corpus run (file and cache key)."""

TABLES: dict[str, list[str]] = {
    name: [c for c in cols if not (name == "articles" and c in ("path", "key"))]
    for name, cols in SCHEMA.items()
}
"""The tables and the columns :func:`article_tables` computes (derived from :data:`SCHEMA`)."""


def arrow_schema(name: str) -> Any:
    """The pyarrow schema of table ``name`` (from :data:`SCHEMA`)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(col, types[kind]) for col, kind in SCHEMA[name].items()])


def typed(name: str, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """``df`` (or no rows) with exactly the columns and types of table ``name``: missing
    columns are added empty, text stays text (None where missing), counts are integers."""
    df = pd.DataFrame() if df is None else df
    out = {}
    for col, kind in SCHEMA[name].items():
        values = df[col] if col in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)
        if kind == "string":
            out[col] = (
                values.astype(object).where(values.notna(), None).map(lambda v: v if v is None else str(v))
            )
        elif kind == "int64":
            out[col] = pd.to_numeric(values, errors="coerce").fillna(0).astype("int64")
        else:
            out[col] = pd.to_numeric(values, errors="coerce").astype("float64")
    return pd.DataFrame(out, index=df.index, columns=list(SCHEMA[name])).reset_index(drop=True)


META_FIELDS = ("title", "outlet", "date", "author", "language")


def _lexicons(options: dict[str, Any]) -> tuple[Any, Any]:
    """The stance and framing lexicons named in ``options`` (cached per process: a worker
    analyses many articles with the same lexicons)."""
    key = json.dumps(options.get("lexicons", {}), sort_keys=True)
    cached = _LEXICONS.get(key)
    if cached is None:
        from research_utils.analyses import framing, stance

        lex = options.get("lexicons", {})
        cached = _LEXICONS[key] = (
            stance.load_stance_lexicons(**lex.get("stance", {})),
            framing.load_lexicons(**lex.get("framing", {})),
        )
    return cached


_LEXICONS: dict[str, tuple[Any, Any]] = {}


def check_options(options: dict[str, Any]) -> None:
    """Load the lexicons ``options`` name, so that a broken lexicon of a topic pack is a
    one-line error before any article is analysed (raises ``LexiconError``)."""
    _lexicons(options)


def article_tables(doc: Document, options: dict[str, Any] | None = None) -> dict[str, pd.DataFrame]:
    """Every per-article table of ``doc`` (see the module docstring), from one parse.

    Parameters
    ----------
    doc : Document
    options : dict, optional
        ``lexicons``: ``{"stance": {...}, "framing": {...}}`` keyword arguments of
        :func:`~research_utils.analyses.stance.load_stance_lexicons` and
        :func:`~research_utils.analyses.framing.load_lexicons` (user lexicon paths).
    """
    from research_utils.analyses import framing, stance, textstats

    options = options or {}
    slex, flex = _lexicons(options)
    slug = doc.slug
    summary = textstats.summary(doc)
    counts, read, div = summary["counts"], summary["readability"], summary["lexical_diversity"]
    hits = framing.naming_hits(doc, flex)
    naming = (
        hits.groupby(["set", "side", "voice"], sort=True).size().rename("count").reset_index()
        if len(hits)
        else pd.DataFrame(columns=["set", "side", "voice", "count"])
    )
    naming.insert(0, "article", slug)
    naming["side"] = naming["side"].astype(str).str.lower()
    own = naming[naming["voice"] == "author"]
    a_own = int(own.loc[own["side"] == "a", "count"].sum())
    b_own = int(own.loc[own["side"] == "b", "count"].sum())
    scores = framing.frame_scores(doc, flex, "all")
    frames = scores[["article", "scheme", "frame", "hits"]].reset_index(drop=True)
    attr = stance.attributions(doc, slex)
    share = stance.voice_share(attr)
    voice = pd.DataFrame(
        {
            "article": slug,
            "actor": share["label"].astype(str) if len(share) else pd.Series(dtype=str),
            "quotes": share["quotes"].astype(int) if len(share) else pd.Series(dtype=int),
            "quoted_words": share["quoted_words"].astype(int) if len(share) else pd.Series(dtype=int),
        }
    )
    verbs = (
        attr[attr["verb_class"].astype(str) != ""].groupby("verb_class").size().rename("count").reset_index()
        if len(attr)
        else pd.DataFrame(columns=["verb_class", "count"])
    )
    verbs.insert(0, "article", slug)
    t = doc.tokens
    content = t.loc[~t["stopword"] & ~t["is_number"], "term"]
    terms = content.value_counts().rename_axis("term").rename("count").reset_index()
    terms.insert(0, "article", slug)
    meta = {f: doc.meta.get(f) for f in META_FIELDS}
    meta["title"] = doc.title or meta["title"]
    words = int(counts["words"])
    quoted = int(t["voice"].eq("quoted").sum())
    articles = pd.DataFrame(
        [
            {
                "article": slug,
                **{k: (None if v is None else str(v)) for k, v in meta.items()},
                "words": words,
                "sentences": int(counts["sentences"]),
                "paragraphs": int(counts["paragraphs"]),
                "flesch_reading_ease": _nan_to_none(read.get("flesch_reading_ease")),
                "flesch_kincaid_grade": _nan_to_none(read.get("flesch_kincaid_grade")),
                "mattr": _nan_to_none(div.get("mattr")),
                "quoted_share": round(quoted / words, 4) if words else None,
                "naming_index": (a_own - b_own) / (a_own + b_own) if a_own + b_own else float("nan"),
                "naming_terms": a_own + b_own,
                "attributions": len(attr),
                "warnings": len(doc.all_warnings),
                "sha256": doc.sha256,
            }
        ],
        columns=TABLES["articles"],
    )
    return {
        "articles": articles,
        "naming": naming[TABLES["naming"]],
        "frames": frames[TABLES["frames"]],
        "voice": voice[TABLES["voice"]],
        "verbs": verbs[TABLES["verbs"]],
        "terms": terms[TABLES["terms"]],
    }


def load_tables(data: str | Path) -> dict[str, pd.DataFrame]:
    """Read every table of an analysed corpus from ``data/<table>/*.parquet``, sorted by article.

    Raises
    ------
    FileNotFoundError
        With a one-line message when ``data`` holds no ``articles`` table.
    """
    data = Path(data)
    if not (data / "articles").is_dir():
        raise FileNotFoundError(
            f"{data} holds no analysed corpus (no articles table): run research-report --corpus."
        )
    out = {}
    for name, cols in TABLES.items():
        folder = data / name
        df = (
            pd.read_parquet(folder)
            if folder.is_dir() and any(folder.glob("*.parquet"))
            else pd.DataFrame(columns=cols)
        )
        keep = [c for c in df.columns if c in cols or name == "articles"]
        sort = [c for c in cols if c in df.columns and c not in ("count", "hits", "quotes", "quoted_words")]
        out[name] = df[keep].sort_values(sort, kind="stable").reset_index(drop=True)
    return out


def with_groups(articles: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """``articles`` with a ``group`` column from the sidecar field ``group_by``.

    ``date`` groups by month (``YYYY-MM``); an article without the field is in the group
    ``(no <field>)``.

    Raises
    ------
    ValueError
        When no article table has the field at all.
    """
    if group_by not in articles.columns:
        raise ValueError(
            f"--group-by {group_by}: not a field of the articles; choose one of {', '.join(META_FIELDS)}."
        )
    values = month_of(articles[group_by]) if group_by == "date" else articles[group_by]
    missing = f"(no {group_by})"
    group = values.astype(object).where(values.notna() & (values.astype(str) != ""), missing)
    return articles.assign(group=group.astype(str))


def _nan_to_none(value: Any) -> Any:
    return None if isinstance(value, float) and np.isnan(value) else value
