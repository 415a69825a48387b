"""Stance comparison: who speaks, how their words are framed, who wants what.

The measures, each a table with its evidence (``sentence_id``, ``sentence``, the matched
span, ``voice`` and ``article``):

* **Actor and issue mentions** (:func:`actor_mentions`, :func:`issue_mentions`) from the
  YAML lexicons ``actors`` and ``issues`` (names, metonyms, people mapped to their side,
  demonyms; issue cue phrases).
* **Attribution** (:func:`attributions`): direct quotes and indirect speech with a
  speaker as written, the named person or organisation behind it (pronouns and role
  nouns resolved), the actor it speaks for (a named speaker outside the actor lexicon is
  an actor of its own) and the reporting verb with its class (lexicon
  ``reporting_verbs``), after rule-based quote attribution (Pouliquen, Steinberger &
  Best 2007); :func:`verb_class_table` per actor.
* **Author and quoted voice** (:func:`voice_overview`, :func:`voice_share`): how much is
  quoted, and whom.
* **How the text writes about each actor** (:func:`actor_sentences`,
  :func:`actor_sentiment`, :func:`actor_profile`): VADER sentiment of the sentences
  naming the actor with a bootstrap interval, obligations (:func:`deontic_markers`),
  hedges and boosters (:func:`epistemic_markers`, Hyland 2005), in each voice.
* **Actor x issue claims** (:func:`claims`, :func:`claims_matrix`): political claims
  analysis after Koopmans & Statham (1999): each row is a ``claim`` (the actor is the
  subject or the speaker of a position cue about the issue) or a ``mention`` (a
  co-occurrence, without a position).
* **How good the patterns are** (:func:`validation_figures`): precision and recall
  against a hand-labelled gold set, from the last ``make validate``; and on your own
  articles, a sample of sentences to code by hand (:func:`write_coding_sheet`), scored by
  ``research-report agreement``.

All of these are dictionary and pattern methods: cues that point a reader to sentences,
not readings of them. Validate them by hand before reporting numbers (Grimmer & Stewart
2013; van Atteveldt, van der Velden & Boukes 2021).

Every public function takes a corpus (anything :func:`~research_utils.ingest.as_corpus`
accepts: a corpus, a document, a path, a text or a list of these) and returns one
DataFrame with an ``article`` column; functions named after a table (``voice_share``,
``claims_matrix`` ...) take that table. The matches of a document are computed once and
kept with it (:func:`~research_utils.analyses.stance.core.analyse`).

Modules, each one job: ``lexicons`` (the bundle), ``text`` (word-order helpers),
``matching`` (running a term matcher over the sentences of a document), the package
``attribution`` (the attribution engine behind :func:`attributions`: finding reported
speech and who the speaker is; its docstring is the floor plan), ``core`` (the
per-document matches), ``voice``, ``actors``, ``markers``, ``sentiment``, ``profile``,
``positions``, ``claims`` and ``matrix`` (the measures), ``validation``, ``compare``,
``tables`` and ``results`` (presentation).
"""

from research_utils.analyses.stance.actors import (
    ISSUE_COLUMNS,
    MENTION_COLUMNS,
    actor_mentions,
    issue_mentions,
    pack_examples,
    pack_notes,
)
from research_utils.analyses.stance.attribution import (
    ATTRIBUTION_COLUMNS,
    VERB_CLASS_COLUMNS,
    attributions,
    verb_class_table,
)
from research_utils.analyses.stance.claims import CLAIM_COLUMNS, claims
from research_utils.analyses.stance.compare import COMPARED_MEASURES, comparison_table, position_comparison
from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicon_tables import actor_table, issue_table, lexicon_table, verb_table
from research_utils.analyses.stance.lexicons import (
    EPISTEMIC_KINDS,
    POSITION_KINDS,
    ROLES,
    UNATTRIBUTED,
    UNRESOLVED,
    VERB_CLASSES,
    StanceLexicons,
    default_lexicons,
    load_stance_lexicons,
)
from research_utils.analyses.stance.markers import (
    DEONTIC_COLUMNS,
    EPISTEMIC_COLUMNS,
    deontic_markers,
    epistemic_markers,
    epistemic_with_actors,
    obligations_on_actors,
)
from research_utils.analyses.stance.matrix import (
    CLAIM_EVIDENCE_COLUMNS,
    DEMAND_EVIDENCE_COLUMNS,
    MATRIX_COLUMNS,
    claims_matrix,
    claims_with_position,
    demands,
)
from research_utils.analyses.stance.profile import (
    PROFILE_COLUMNS,
    PROFILE_SUMMARY,
    actor_profile,
    actor_profiles,
)
from research_utils.analyses.stance.results import results_overview, stance_results
from research_utils.analyses.stance.sentiment import (
    ACTOR_SENTENCE_COLUMNS,
    SENTIMENT_COLUMNS,
    VOICES,
    actor_sentences,
    actor_sentiment,
    bootstrap_mean,
    sentiment_extremes,
    voice_sentiment,
)
from research_utils.analyses.stance.tables import TableView, count_table
from research_utils.analyses.stance.validation import (
    CODING_TABLE,
    FIGURE_MEASURES,
    claims_validation_note,
    coding_sheet,
    sentence_codes,
    validation_figures,
    validation_note,
    write_coding_sheet,
)
from research_utils.analyses.stance.voice import (
    BASIS_COLUMNS,
    OVERVIEW_COLUMNS,
    VOICE_COLUMNS,
    attribution_basis,
    voice_overview,
    voice_share,
)

__all__ = [
    "ACTOR_SENTENCE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "BASIS_COLUMNS",
    "CLAIM_COLUMNS",
    "CLAIM_EVIDENCE_COLUMNS",
    "CODING_TABLE",
    "COMPARED_MEASURES",
    "DEMAND_EVIDENCE_COLUMNS",
    "DEONTIC_COLUMNS",
    "EPISTEMIC_COLUMNS",
    "EPISTEMIC_KINDS",
    "FIGURE_MEASURES",
    "ISSUE_COLUMNS",
    "MATRIX_COLUMNS",
    "MENTION_COLUMNS",
    "OVERVIEW_COLUMNS",
    "POSITION_KINDS",
    "PROFILE_COLUMNS",
    "PROFILE_SUMMARY",
    "ROLES",
    "SENTIMENT_COLUMNS",
    "UNATTRIBUTED",
    "UNRESOLVED",
    "VERB_CLASSES",
    "VERB_CLASS_COLUMNS",
    "VOICES",
    "VOICE_COLUMNS",
    "Analysis",
    "StanceLexicons",
    "TableView",
    "actor_mentions",
    "actor_profile",
    "actor_profiles",
    "actor_sentences",
    "actor_sentiment",
    "actor_table",
    "analyse",
    "attribution_basis",
    "attributions",
    "bootstrap_mean",
    "claims",
    "claims_matrix",
    "claims_validation_note",
    "claims_with_position",
    "coding_sheet",
    "comparison_table",
    "count_table",
    "default_lexicons",
    "demands",
    "deontic_markers",
    "epistemic_markers",
    "epistemic_with_actors",
    "issue_mentions",
    "issue_table",
    "lexicon_table",
    "load_stance_lexicons",
    "obligations_on_actors",
    "pack_examples",
    "pack_notes",
    "position_comparison",
    "results_overview",
    "sentence_codes",
    "sentiment_extremes",
    "stance_results",
    "validation_figures",
    "validation_note",
    "verb_class_table",
    "verb_table",
    "voice_overview",
    "voice_sentiment",
    "voice_share",
    "write_coding_sheet",
]
