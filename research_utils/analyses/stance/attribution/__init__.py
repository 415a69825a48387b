"""Who said what: the attribution engine of the stance analysis, behind one entry.

:func:`attributions` is the table of every direct quote and piece of indirect speech with
its speaker, the named person or organisation behind it, the actor it speaks for and the
reporting verb with its class; :func:`verb_class_table` counts the classes per actor. The
rest of the stance analysis reads the same records through :func:`reported_speech` (one
document, computed once and kept with it).

Floor plan, from the table down to the words (each module one job; the rules a reader may
want to change are the regular expressions and word lists at the top of each module):

* :mod:`.table`: :func:`attributions` and :func:`verb_class_table` (the DataFrames).
* :mod:`.document`: :func:`reported_speech` and the pass over a document's paragraphs
  (direct quotes first, then indirect speech in the author's voice, then the passes over
  all records and the resolution of speakers).
* :mod:`.direct`: direct quotes and their frames (“…,” said X / X said: “…” / a quote
  that continues another / scare quotes and headlines left out).
* :mod:`.indirect`: indirect speech after a reporting verb ("X said that ...", "X told
  reporters ...", "X urged ministers to ...", "according to X, ...").
* :mod:`.reporting_frames`: frames beyond "X said that": after the content ("..., X said
  on Tuesday."), without a subject (", adding that ..."), passive ("was quoted by TASS
  as saying"), verbless ("In the diplomat's words").
* :mod:`.records`: the record of one attribution, the paragraph it is found in, the
  speaker phrase before a verb, and the passes that tidy a document's records.
* :mod:`.speakers`: where a speaker phrase starts and ends, whether it is one, and the
  actor it names.
* :mod:`.names` and :mod:`.resolve`: the person or organisation a phrase names, and
  pronouns and role nouns resolved to them.

Below the engine: :mod:`~research_utils.analyses.stance.text` (word-order helpers),
:mod:`~research_utils.analyses.stance.matching` (lexicon terms in sentences) and
:mod:`~research_utils.analyses.stance.lexicons` (the reporting verbs and their classes).
"""

from research_utils.analyses.stance.attribution.document import ReportedSpeech, reported_speech
from research_utils.analyses.stance.attribution.table import (
    ATTRIBUTION_COLUMNS,
    VERB_CLASS_COLUMNS,
    attributions,
    verb_class_table,
)

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "VERB_CLASS_COLUMNS",
    "ReportedSpeech",
    "attributions",
    "reported_speech",
    "verb_class_table",
]
