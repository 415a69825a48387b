"""Author voice and quoted voice: how much each article quotes, and whom.

:func:`voice_overview` splits each article's words into the author's voice and the
quoted voice (text inside quotation marks, from the document's segments);
:func:`voice_share` counts, per actor, its direct quotes and the words in them. Access
to direct quotation is a classic measure of whose definition of events a story
carries (the "primary definers" of Hall et al. 1978).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.stance.core import analyse
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons, default_lexicons
from research_utils.analyses.stance.tables import article_rank
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "BASIS_COLUMNS",
    "OVERVIEW_COLUMNS",
    "VOICE_COLUMNS",
    "attribution_basis",
    "segment_words",
    "voice_overview",
    "voice_share",
]

OVERVIEW_COLUMNS = [
    "article",
    "words",
    "author_words",
    "quoted_words",
    "quoted_share",
    "direct_quotes",
    "attributed_quotes",
    "indirect",
    "speakers",
]
"""Columns of :func:`voice_overview`."""

VOICE_COLUMNS = [
    "article",
    "actor",
    "label",
    "quotes",
    "quoted_words",
    "indirect",
    "paraphrased_words",
    "attributions",
    "share_quoted_words",
    "speakers",
    "actor_kind",
]
"""Columns of :func:`voice_share`."""


def segment_words(doc: Document) -> np.ndarray:
    """Word count of each row of ``doc.segments`` (its author or quoted stretch of a sentence).

    A word counts in the stretch where it starts. Word tokens never cross a quotation
    mark, so this equals tokenising each stretch on its own; here the tokens of the
    document's parse are counted by binary search on their offsets, without a second
    tokenisation.
    """
    p = doc.parsed
    seg = doc.segments
    if seg.empty:
        return np.zeros(0, dtype=np.int64)
    size = np.fromiter((len(s) + 1 for s in p.sentence), dtype=np.int64, count=len(p.sentence))
    base = np.cumsum(size) - size  # each sentence as one stretch of a line
    tokens = base[p.token_sentence] + p.token_start
    sid = seg["sentence_id"].to_numpy()
    lo = base[sid] + seg["start"].to_numpy()
    hi = base[sid] + seg["end"].to_numpy()
    return np.searchsorted(tokens, hi, side="left") - np.searchsorted(tokens, lo, side="left")


def voice_overview(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """How much of each article is the author's voice and how much is quoted.

    Text between double quotation marks (and paired single quotes) is quoted; a quote
    left open runs to the end of its paragraph. Indirect speech stays in the author's
    voice: the author chose its words. Known weakness: scare quotes and quoted terms
    (“neutrality”) count as quoted words, although the author chose them.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``words`` (body words), ``author_words``, ``quoted_words`` (inside
        quotation marks, scare quotes included), ``quoted_share``, ``direct_quotes``
        (attributed or unattributed reported speech), ``attributed_quotes``,
        ``indirect`` (indirect-speech attributions), ``speakers`` (distinct actors heard).
    """
    lex = default_lexicons(lexicons)
    rows = []
    for doc in as_corpus(x):
        n = segment_words(doc)
        quoted_mask = (doc.segments["voice"] == "quoted").to_numpy()
        quoted = int(n[quoted_mask].sum())
        author = int(n[~quoted_mask].sum())
        attr = analyse(doc, lex).attributions
        direct = [r for r in attr if r["kind"] == "direct"]
        rows.append(
            {
                "article": doc.slug,
                "words": author + quoted,
                "author_words": author,
                "quoted_words": quoted,
                "quoted_share": quoted / (author + quoted) if author + quoted else 0.0,
                "direct_quotes": len(direct),
                "attributed_quotes": sum(1 for r in direct if r["actor"] != UNATTRIBUTED),
                "indirect": sum(1 for r in attr if r["kind"] == "indirect"),
                "speakers": len({r["actor"] for r in attr if r["actor"] not in (UNATTRIBUTED, UNRESOLVED)}),
            }
        )
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def voice_share(attr: pd.DataFrame) -> pd.DataFrame:
    """Who gets to speak: quotes and quoted words per actor.

    Known weakness: one long quote outweighs many short ones, and an actor quoted at
    length may still be framed as not credible (see the verb classes).

    Parameters
    ----------
    attr : DataFrame
        :func:`~research_utils.analyses.stance.attribution.attributions`.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``quotes`` (direct quotes), ``quoted_words``
        (words inside them), ``indirect`` (indirect-speech attributions), ``paraphrased_words``
        (words of the reported clauses), ``attributions`` (all), ``share_quoted_words``
        (share of the article's directly quoted words), ``speakers`` (distinct speaker
        phrases), ``actor_kind`` (the lexicon's kind of the actor, or ``person`` /
        ``organisation`` for a named speaker the lexicon does not know: such a speaker is
        an actor of its own, labelled with the name). Sorted by quoted words.
    """
    if attr.empty:
        return pd.DataFrame(columns=VOICE_COLUMNS)
    groups: dict[tuple[str, str], list[Any]] = {}  # in order of first appearance
    kinds: dict[tuple[str, str], str] = {}
    actor_kinds = attr["actor_kind"].tolist() if "actor_kind" in attr.columns else [""] * len(attr)
    for art, actor, label, kind, n, speaker, actor_kind in zip(
        *(attr[c].tolist() for c in ("article", "actor", "label", "kind", "quote_words", "speaker")),
        actor_kinds,
        strict=True,
    ):
        g = groups.get((art, actor))
        if g is None:
            g = groups[art, actor] = [art, actor, label, 0, 0, 0, 0, 0, {}]
            kinds[art, actor] = str(actor_kind or "")
        if kind == "direct":
            g[3] += 1
            g[4] += int(n)
        elif kind == "indirect":
            g[5] += 1
            g[6] += int(n)
        g[7] += 1
        if speaker:
            g[8][speaker] = None
    quoted = Counter()  # type: Counter[str]
    for g in groups.values():
        quoted[g[0]] += g[4]
    rank = article_rank(attr["article"])
    rows = [
        (*g[:8], g[4] / quoted[g[0]] if quoted[g[0]] > 0 else 0.0, "; ".join(g[8]), kinds[g[0], g[1]])
        for g in sorted(groups.values(), key=lambda g: (rank[g[0]], -g[4], -g[7]))
    ]
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


BASIS_COLUMNS = [
    "article",
    "attributions",
    "direct_quotes",
    "quoted_words",
    "unattributed_words",
    "unattributed_share",
    "thin",
    "why",
]
"""Columns of :func:`attribution_basis`."""

MIN_ATTRIBUTIONS = 5
"""Fewer attributions than this make "who speaks" a thin basis: one error changes it."""
MAX_UNATTRIBUTED_SHARE = 0.30
"""More quoted words than this share left without a speaker make "who speaks" a thin basis."""


def attribution_basis(attr: pd.DataFrame, articles: list[str] | None = None) -> pd.DataFrame:
    """What the "who speaks" findings of each article rest on, and whether it is thin.

    Parameters
    ----------
    attr : DataFrame
        :func:`~research_utils.analyses.stance.attribution.attributions`.
    articles : list of str, optional
        Every article's slug (an article without any attribution gets a row too).

    Returns
    -------
    DataFrame
        ``article``, ``attributions`` (all speech acts found), ``direct_quotes``,
        ``quoted_words`` (words inside them), ``unattributed_words`` (of those, the words
        of quotes whose speaker was not found), ``unattributed_share``, ``thin`` (fewer
        than :data:`MIN_ATTRIBUTIONS` attributions, or more than
        :data:`MAX_UNATTRIBUTED_SHARE` of the quoted words without a speaker) and ``why``
        (the reason in words, "" when the basis is not thin). On real copy the tool finds
        about four in five attributions and gets about four in five of those right
        (``make validate``), so a share built on three attributions can be wrong entirely.
    """
    slugs = list(dict.fromkeys([*(articles or []), *attr.get("article", pd.Series(dtype=str)).tolist()]))
    rows = []
    for slug in slugs:
        a = attr[attr["article"] == slug] if len(attr) else attr
        direct = a[a["kind"] == "direct"] if len(a) else a
        words = int(direct["quote_words"].sum()) if len(direct) else 0
        lost = (
            int(direct.loc[direct["actor"].isin([UNATTRIBUTED, UNRESOLVED]), "quote_words"].sum())
            if len(direct)
            else 0
        )
        share = round(lost / words, 3) if words else 0.0
        why = []
        if len(a) < MIN_ATTRIBUTIONS:
            why.append(
                f"only {len(a)} attribution{'s' * (len(a) != 1)} found (fewer than {MIN_ATTRIBUTIONS})"
            )
        if share > MAX_UNATTRIBUTED_SHARE:
            why.append(f"{share:.0%} of the quoted words have no speaker the tool could find")
        rows.append([slug, len(a), len(direct), words, lost, share, bool(why), "; ".join(why)])
    return pd.DataFrame(rows, columns=BASIS_COLUMNS)
