"""Framing analysis: frame cues and scores, naming choices, persuasion cues, Entman functions.

To frame is "to select some aspects of a perceived reality and make them more salient in
a communicating text" (Entman 1993, p. 52). This package measures the *cues* of framing in
news texts with dictionaries that are YAML data files (``research_utils/lexicons``), and
keeps the evidence for every number:

* :mod:`~.lexicons`: the six lexicons (:class:`FramingLexicons`, :func:`load_lexicons`).
* :mod:`~.matching`: cues found in whole documents at once, with their evidence.
* :mod:`~.frames`: frame salience (Policy Frames Codebook, Boydstun et al. 2014, Card et
  al. 2015; generic frames, Semetko & Valkenburg 2000; presence at three cues, Field et
  al. 2018), trajectory, co-occurrence.
* :mod:`~.checklist`: Semetko & Valkenburg's 20 questions, from cue rules where defensible.
* :mod:`~.naming`: naming contrast sets (Kyiv/Kiev ...) and the naming index.
* :mod:`~.persuasion`: candidate cues of the SemEval-2023 Task 3 techniques (Piskorski et
  al. 2023) and repeated phrases.
* :mod:`~.entman`: Entman's four framing functions.
* :mod:`~.contrast`: distinctive words (Monroe, Colaresi & Quinn 2008) and profiles.
* :mod:`~.results`: the ``framing`` section of ``results.json``.
* :mod:`~.core`: picking rows for display, matched forms, notes for empty sections.

Every analysis takes a :class:`~research_utils.ingest.Corpus` (or a document, a path, a
text, a list of these) and optional :class:`FramingLexicons` (default: the bundled ones),
and returns a DataFrame with an ``article`` column and its evidence (``sentence_id``,
``sentence``, ``match``, ``voice``). Every method here is a dictionary of cues: a cue
shows where a frame *may* be at work, not that it is.
"""

from research_utils.analyses.framing.checklist import sv_checklist, sv_checklist_evidence, sv_frame_scores
from research_utils.analyses.framing.contrast import (
    distinctive_words,
    if_compared,
    profile_table,
    term_counts,
)
from research_utils.analyses.framing.core import (
    article_overview,
    evidence_sample,
    main_rows,
    shown,
    top_forms,
)
from research_utils.analyses.framing.entman import entman_functions, entman_summary
from research_utils.analyses.framing.frames import (
    dominant_evidence,
    frame_cooccurrence,
    frame_examples,
    frame_hits,
    frame_scores,
    frame_trajectory,
    frames_with_hits,
)
from research_utils.analyses.framing.lexicons import (
    SCHEMES,
    FramingLexicons,
    bundled_lexicons,
    frame_definitions,
    lexicon_table,
    load_checklist,
    load_entman,
    load_frames,
    load_lexicons,
    load_naming,
    load_persuasion,
)
from research_utils.analyses.framing.naming import (
    naming_applies,
    naming_hits,
    naming_index,
    naming_overall,
    naming_sides,
    naming_table,
    naming_title,
    naming_validation_note,
)
from research_utils.analyses.framing.persuasion import persuasion_counts, persuasion_cues, repeated_phrases
from research_utils.analyses.framing.results import headline_table, results_summary

__all__ = [
    "SCHEMES",
    "FramingLexicons",
    "article_overview",
    "bundled_lexicons",
    "distinctive_words",
    "dominant_evidence",
    "entman_functions",
    "entman_summary",
    "evidence_sample",
    "frame_cooccurrence",
    "frame_definitions",
    "frame_examples",
    "frame_hits",
    "frame_scores",
    "frame_trajectory",
    "frames_with_hits",
    "headline_table",
    "if_compared",
    "lexicon_table",
    "load_checklist",
    "load_entman",
    "load_frames",
    "load_lexicons",
    "load_naming",
    "load_persuasion",
    "main_rows",
    "naming_applies",
    "naming_hits",
    "naming_index",
    "naming_overall",
    "naming_sides",
    "naming_table",
    "naming_title",
    "naming_validation_note",
    "persuasion_counts",
    "persuasion_cues",
    "profile_table",
    "repeated_phrases",
    "results_summary",
    "shown",
    "sv_checklist",
    "sv_checklist_evidence",
    "sv_frame_scores",
    "term_counts",
    "top_forms",
]
