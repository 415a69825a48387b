"""The ``stance`` section of ``results.json``.

The tables of the notebook as records (plain JSON values, NaN as null, floats rounded to
six decimals as :func:`research_utils.export.jsonable` does), each with the ``article``
it comes from, plus the method in one paragraph and the lexicon sources.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from research_utils.analyses.stance.lexicon_tables import lexicon_table
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.profile import PROFILE_COLUMNS
from research_utils.analyses.stance.voice import attribution_basis
from research_utils.export import jsonable

__all__ = ["METHOD", "records", "results_overview", "stance_results"]

METHOD = (
    "Dictionary and pattern cues: actor and issue lexicons, rule-based quote attribution "
    "(Pouliquen et al. 2007) with reporting-verb classes (Martin & White 2005; Recasens et al. "
    "2013), VADER sentence sentiment with bootstrap 95% intervals (Hutto & Gilbert 2014), "
    "deontic modals, hedges and boosters (Hyland 2005), and actor x issue claims with a "
    "position cue (Koopmans & Statham 1999). Speakers resolved to names (pronouns and role "
    "nouns to the nearest compatible name); a named speaker the actor lexicon does not know "
    "is an actor of its own. Claims are rows where the actor is the subject or speaker of a "
    "position cue; co-occurrences are mentions (CSV only). Cues, not readings: validate by hand."
)
"""The ``method`` paragraph of the section."""

_VOICE_KEYS = [
    "article",
    "actor",
    "label",
    "actor_kind",
    "quotes",
    "quoted_words",
    "indirect",
    "paraphrased_words",
    "attributions",
    "share_quoted_words",
]
_ATTRIBUTION_KEYS = [
    "article",
    "attribution_id",
    "kind",
    "speaker",
    "speaker_name",
    "actor",
    "actor_kind",
    "anonymous",
    "reporting_verb",
    "verb",
    "verb_class",
    "quote",
    "quote_words",
    "sentence_id",
    "note",
]
_PROFILE_KEYS = PROFILE_COLUMNS
_CLAIM_KEYS = [
    "article",
    "actor",
    "issue",
    "position",
    "role",
    "relation",
    "cue",
    "cue_position",
    "negated",
    "modality",
    "according_to",
    "voice",
    "sentence_id",
    "sentence",
]
_MATRIX_KEYS = [
    "article",
    "actor",
    "issue",
    "claims",
    "support",
    "oppose",
    "unclear",
    "net",
    "demanded_of",
    "sentence_ids",
]
_DEONTIC_KEYS = [
    "article",
    "actor",
    "modal",
    "match",
    "strength",
    "voice",
    "according_to",
    "sentence_id",
    "sentence",
]


def _float(v: float) -> float | None:
    return None if math.isnan(v) or math.isinf(v) else round(v, 6)


def _column(s: pd.Series) -> list[Any]:
    """One column as plain JSON values, the same as :func:`~research_utils.export.jsonable` per value."""
    kind = s.dtype.kind
    if kind == "f":
        return [_float(v) for v in s.to_numpy(dtype=float).tolist()]
    if kind in "iub":
        return s.to_numpy().tolist()  # type: ignore[no-any-return]
    values = s.tolist()
    if all(type(v) is str for v in values):
        return values
    return [jsonable(v) for v in values]


def records(df: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows of ``df`` as JSON-ready dicts with the ``columns`` present, in that order.

    The same values as :func:`research_utils.export.records` (numpy scalars as Python
    numbers, floats rounded to six decimals, NaN as None, tuples as lists), built a
    column at a time.
    """
    cols = [c for c in columns if c in df.columns]
    data = [_column(df[c]) for c in cols]
    return (
        [dict(zip(cols, row, strict=True)) for row in zip(*data, strict=True)]
        if cols
        else [{} for _ in range(len(df))]
    )


def stance_results(
    voice: pd.DataFrame,
    attributions: pd.DataFrame,
    actors: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    actors_by_voice: pd.DataFrame | None = None,
    claims_matrix: pd.DataFrame | None = None,
    deontic: pd.DataFrame | None = None,
    overview: pd.DataFrame | None = None,
    lexicons: StanceLexicons | None = None,
) -> dict[str, Any]:
    """The ``stance`` section of ``results.json``.

    Keys: ``method`` (one paragraph), ``lexicons`` (files and sources), ``overview``
    (words in author and quoted voice per article), ``voice`` (records: article, actor,
    quotes, quoted_words, indirect, ...), ``basis`` (what "who speaks" rests on per
    article: attributions, quoted words without a speaker, ``thin`` and ``why``; see
    :func:`~research_utils.analyses.stance.voice.attribution_basis`), ``attributions``
    (records: article, speaker,
    actor, reporting_verb, verb_class, quote, sentence_id, kind, ...), ``actors``
    (records: article, actor, mentions, sentiment_mean with interval, deontic, hedges,
    boosters, ...), ``actors_by_voice`` (the same for author and quoted voice),
    ``claims`` (the rows of role ``claim`` only: article, actor, issue, position, role,
    relation, cue, sentence_id, sentence, ...; the mentions stay in the CSV table),
    ``claims_matrix`` (article, actor, issue, support, oppose, unclear,
    net) and ``deontic`` (article, actor, modal, voice, sentence_id, sentence). Every
    record carries ``article`` (the article's slug). Optional tables left out are left
    out of the section.
    """
    out: dict[str, Any] = {
        "method": METHOD,
        "lexicons": records(lexicon_table(lexicons), ["lexicon", "name", "entries", "file", "sources"]),
    }
    if overview is not None:
        out["overview"] = records(overview, list(overview.columns))
    out["voice"] = records(voice, _VOICE_KEYS)
    basis = attribution_basis(
        attributions, list(dict.fromkeys(voice["article"].tolist())) if len(voice) else None
    )
    out["basis"] = records(basis, list(basis.columns))
    out["attributions"] = records(attributions, _ATTRIBUTION_KEYS)
    out["actors"] = records(actors, _PROFILE_KEYS)
    if actors_by_voice is not None:
        out["actors_by_voice"] = records(actors_by_voice, _PROFILE_KEYS)
    if "role" in claims.columns:
        claims = claims[claims["role"] == "claim"]
    out["claims"] = records(claims, _CLAIM_KEYS)
    if claims_matrix is not None:
        out["claims_matrix"] = records(claims_matrix, _MATRIX_KEYS)
    if deontic is not None:
        out["deontic"] = records(deontic, _DEONTIC_KEYS)
    return out


def results_overview(results: dict[str, Any]) -> pd.DataFrame:
    """What the section holds: ``key`` and ``records`` (the number of records; 1 for a value)."""
    rows = [{"key": k, "records": len(v) if isinstance(v, list) else 1} for k, v in results.items()]
    return pd.DataFrame(rows, columns=["key", "records"])
