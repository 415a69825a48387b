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

from research_utils.analyses.stance.attribution.document import reported_speech
from research_utils.analyses.stance.lexicons import StanceLexicons, default_lexicons
from research_utils.analyses.stance.tables import article_rank, concat_tables
from research_utils.ingest import CorpusLike, as_corpus

__all__ = ["ATTRIBUTION_COLUMNS", "VERB_CLASS_COLUMNS", "attributions", "verb_class_table"]

ATTRIBUTION_COLUMNS = [
    "article",
    "attribution_id",
    "kind",
    "speaker",
    "speaker_name",
    "actor",
    "label",
    "actor_kind",
    "anonymous",
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
    """Reported speech: direct quotes and indirect speech, with speaker, name, actor and verb.

    Direct quotes are text in double quotation marks (straight quotes are made curly when
    the article is loaded), or longer single-quoted text. A quote is attributed by the
    reporting verb right after it (“…,” said X / “…,” X said; the next short sentence
    when the quote ends its sentence), right before it in the same sentence (X said: “…” /
    X said that … “…” / According to X, “…” / In the diplomat's words, “…” / …, adding:
    “…”), or by the subject of a sentence that introduces it with a colon ("Lagarde was
    blunt: “…”"). A quote with no frame of its own continues the attribution of the quote
    before or after it in the paragraph, of a quote left open at the end of the previous
    paragraph, or of the sentence before it. Unattributed quotes of fewer than 8 words,
    single-quoted words and quoted headlines are scare quotes, terms or titles and are
    left out. Indirect speech (author voice only) is a reporting verb with a clause after
    it ("X said that ...", "X told a meeting ... that ...", "X said it would ...",
    "X urged ministers to ...", "X insists on ...", "X said: ..."), "according to X",
    "As X said, ...", or the frame of wire copy placed after its content without
    quotation marks ("..., Foreign Minister Dmytro Kuleba said on Tuesday." / "...,
    said Dirk Schumacher, an economist" / "A new offensive was weeks away, he said, and
    ..."). A speech act without a subject of its own (", adding that ...", ", saying ...",
    "and urged ...") takes the speaker of its sentence; "X was quoted by TASS as saying"
    is X's. Passives ("it was said") and nouns ("a state that") are skipped. These are the
    patterns of rule-based quote attribution (Pouliquen, Steinberger & Best 2007; Pareti
    2016).

    The speaker (the span as written) is then resolved to a name
    (:mod:`~research_utils.analyses.stance.attribution.resolve`): a name with its title gives the
    fullest form of the name in the text; a pronoun or a definite role noun (*the
    minister*, *the top diplomat*, *the statement*) the nearest compatible name before it
    (gender, title and nationality must not contradict); an unnamed source ("a diplomat
    familiar with the talks") none. The actor is the side of the actor lexicon the
    speaker speaks for; a named speaker whose side the lexicon does not know is an actor
    of its own, labelled with the name.

    Known weaknesses: word order and capitalisation, no syntax: a content of several
    sentences before a frame gets its last sentence only; pronouns whose antecedent is
    not the last compatible name, role nouns for a title never written, spelling
    variants of one name ("Zelensky"/"Zelenskyy") and a speaker's side not written near
    the name are missed. Measured against a hand-labelled gold set (``make validate``;
    :func:`~research_utils.analyses.stance.validation.validation_figures`).

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
        span as written; "" for a quote that continues another or a speech act without a
        subject of its own), ``speaker_name`` (the named person or organisation after
        resolving pronouns and role nouns; "" for an unnamed source), ``actor`` (actor id
        of the lexicon; the name for a named speaker the lexicon does not know;
        "(unresolved)" when no name and no actor can be found, "(unattributed)" for a
        quote without a speaker), ``label``, ``actor_kind`` (the lexicon's kind, or
        ``person`` / ``organisation``), ``anonymous`` (the source is never named),
        ``actor_match`` (term or name that resolved it), ``reporting_verb`` (lemma),
        ``verb`` (form in the text), ``verb_class``, ``quote`` (the quoted words; for
        indirect speech the reported clause), ``quote_words``, ``sentence_id`` (sentence
        of the reporting verb), ``sentence_ids`` (all sentences the quote spans),
        ``paragraph_id``, ``note`` (how the speaker was found), ``sentence``.
    """
    lex = default_lexicons(lexicons)
    frames = []
    inner = [c for c in ATTRIBUTION_COLUMNS if c not in ("article", "label")]
    for doc in as_corpus(x):
        records = reported_speech(doc, lex).attributions
        df = pd.DataFrame([{k: r[k] for k in inner} for r in records], columns=inner)
        df.insert(0, "article", doc.slug)
        df.insert(
            ATTRIBUTION_COLUMNS.index("label"), "label", df["actor"].map(lambda a: lex.actor_labels.get(a, a))
        )
        df["anonymous"] = df["anonymous"].astype(bool)
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
