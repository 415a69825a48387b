"""Who speaks and how their words are introduced: the attribution table and verb classes.

:func:`attributions` lists every direct quote and piece of indirect speech with its
speaker, the actor the speaker resolves to, and the reporting verb with its class
(lexicon ``reporting_verbs``: neutral, endorsing, distancing, ...; Martin & White 2005;
Recasens, Danescu-Niculescu-Mizil & Jurafsky 2013). :func:`verb_class_table` counts the
classes per actor: does one side *state* while the other *claims*?
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from research_utils.analyses.stance.core import analyse
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.tables import article_rank, concat_tables
from research_utils.ingest import CorpusLike, as_corpus

__all__ = ["ATTRIBUTION_COLUMNS", "VERB_CLASS_COLUMNS", "attributions", "verb_class_table"]

ATTRIBUTION_COLUMNS = [
    "article",
    "attribution_id",
    "kind",
    "speaker",
    "actor",
    "label",
    "actor_match",
    "reporting_verb",
    "verb",
    "verb_class",
    "quote",
    "quote_words",
    "sentence_id",
    "sentence_ids",
    "paragraph_id",
    "note",
    "sentence",
]
"""Columns of :func:`attributions`."""

VERB_CLASS_COLUMNS = ["article", "actor", "label", "verb_class", "attributions", "share", "verbs"]
"""Columns of :func:`verb_class_table`."""


def attributions(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Reported speech: direct quotes and indirect speech, with speaker and reporting verb.

    Direct quotes are text in double quotation marks (straight quotes are made curly when
    the article is loaded), or longer single-quoted text. A quote is attributed by the
    reporting verb right after it (“…,” said X / “…,” X said; the next short sentence
    when the quote ends its sentence) or right before it in the same sentence (X said:
    “…” / X said that … “…” / According to X, “…”). An unattributed quote continues the
    attribution of the quote before it in the paragraph (“A,” X said. “B.”), of the quote
    after it (“A.” “B,” X said.), or of a quote left open at the end of the previous
    paragraph. Unattributed quotes of fewer than 8 words are taken as quoted terms or
    scare quotes and left out. Indirect speech (author voice only) is a reporting verb
    with a clause after it ("X said that ...", "X told reporters that ...", "X said it
    would ...", "X insists on ...", "X said: ..."), "according to X", or "As X said, ...";
    passives ("it was said") and nouns ("a state that") are skipped. The speaker is the
    phrase before the verb (after the last clause boundary) or after it; a pronoun
    speaker takes the previous speaker within two paragraphs. These are the patterns of
    rule-based quote attribution (Pouliquen, Steinberger & Best 2007).

    Known weaknesses: speakers named only in another sentence, quotes introduced by a
    noun ("in a statement, X ...") and pronouns beyond the previous speaker are missed.

    Parameters
    ----------
    x : CorpusLike
        A corpus, a document, a path or a text (see :func:`~research_utils.ingest.as_corpus`).
    lexicons : StanceLexicons, optional
        Defaults to the bundled lexicons.

    Returns
    -------
    DataFrame
        ``article``, ``attribution_id``, ``kind`` (direct/indirect), ``speaker`` (the text
        span), ``actor`` (actor id; "(unresolved)" when the speaker matches no actor,
        "(unattributed)" for a quote without a speaker), ``label``, ``actor_match`` (term
        that resolved it), ``reporting_verb`` (lemma), ``verb`` (form in the text),
        ``verb_class``, ``quote`` (the quoted words; for indirect speech the reported
        clause), ``quote_words``, ``sentence_id`` (sentence of the reporting verb),
        ``sentence_ids`` (all sentences the quote spans), ``paragraph_id``, ``note``,
        ``sentence``.
    """
    lex = default_lexicons(lexicons)
    frames = []
    inner = [c for c in ATTRIBUTION_COLUMNS if c not in ("article", "label")]
    for doc in as_corpus(x):
        an = analyse(doc, lex)
        df = pd.DataFrame([{k: r[k] for k in inner} for r in an.attributions], columns=inner)
        df.insert(0, "article", doc.slug)
        df.insert(5, "label", df["actor"].map(lambda a: lex.actor_labels.get(a, a)))
        frames.append(df)
    return concat_tables(frames, ATTRIBUTION_COLUMNS)


def verb_class_table(attr: pd.DataFrame) -> pd.DataFrame:
    """Reporting-verb classes per actor.

    Parameters
    ----------
    attr : DataFrame
        :func:`attributions`.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``verb_class``, ``attributions`` (count),
        ``share`` (of the actor's attributed speech), ``verbs`` (the verb forms used,
        lower-cased, in order of first use). Unattributed quotes (no verb) are left out.
        With a handful of attributions per actor one verb changes the picture.
    """
    if attr.empty:
        return pd.DataFrame(columns=VERB_CLASS_COLUMNS)
    groups: dict[tuple[str, str, str, str], list[Any]] = {}  # in order of first appearance
    totals: Counter[tuple[str, str]] = Counter()
    for art, actor, label, cls, verb in zip(
        *(attr[c].tolist() for c in ("article", "actor", "label", "verb_class", "verb")), strict=True
    ):
        if not isinstance(cls, str) or not cls:
            continue  # an unattributed quote has no verb
        g = groups.setdefault((art, actor, label, cls), [0, {}])
        g[0] += 1
        g[1][str(verb).lower()] = None
        totals[art, actor] += 1
    rank = article_rank(attr["article"])
    rows = [
        (art, actor, label, cls, n, n / totals[art, actor], ", ".join(verbs))
        for (art, actor, label, cls), (n, verbs) in groups.items()
    ]
    rows.sort(key=lambda r: (rank[r[0]], r[1], -r[4]))
    return pd.DataFrame(rows, columns=VERB_CLASS_COLUMNS)
