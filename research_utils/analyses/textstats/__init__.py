"""Text statistics of news articles: counts, readability, diversity, frequencies, keyness,
collocations, concordance and a sentiment arc (notebook ``01_text_statistics``).

Every table function takes a corpus, a document, a path or a text (anything
:func:`~research_utils.ingest.as_corpus` accepts) and returns a DataFrame with an
``article`` column and its evidence (``sentence_id``, ``sentence``, the matched words,
``voice``). Everything is measured on the body paragraphs, from the document's one
parse, with the vocabulary of :mod:`research_utils.ingest.vocabulary` (word, type, term, stop
word, reference frequency). Derived data (word forms, readability properties, counts,
diversity, scored word pairs) is computed once per document and kept on it.

Modules, each one job:

* :mod:`.syllabify`: syllables of a word (CMUdict, numbers read aloud, a spelling rule).
* :mod:`.core`: the distinct word forms of a document and the helpers tables share.
* :mod:`.wordprops`: per-word readability properties; :func:`tokens`.
* :mod:`.size`: counts, sentence lengths, repairs.
* :mod:`.formulas`: the readability formulas, each declared once beside its function
  (the registry :data:`READABILITY`). :mod:`.wordlists`: the words behind their counts.
* :mod:`.diversity`: TTR, MATTR, MTLD, HD-D.
* :mod:`.frequency`: word and n-gram frequencies. :mod:`.association`: log-likelihood, PMI.
* :mod:`.reference`: against general English (wordfreq; G2, log ratio).
* :mod:`.logodds`: distinctive words of one text or group against others (weighted log-odds).
* :mod:`.concordance`: concordance. :mod:`.arc`: VADER sentiment arc.
* :mod:`.results`: results.json section and comparison (the notebook shows tables with
  :func:`research_utils.views.show`).

Module names differ from the names of the functions they hold (:func:`kwic` lives in
:mod:`.concordance`, :func:`readability` in :mod:`.formulas`), so that an attribute of this
package is always the function and never a module it shadows.
"""

from research_utils.analyses.textstats.arc import ARC_COLUMNS, extreme_sentences, sentiment_arc
from research_utils.analyses.textstats.association import COLLOCATION_COLUMNS, collocations
from research_utils.analyses.textstats.concordance import (
    DEFAULT_KWIC_TERMS,
    concordance_terms,
    kwic,
    kwic_counts,
)
from research_utils.analyses.textstats.diversity import (
    DIVERSITY_KEYS,
    diversity_curve,
    hdd,
    lexical_diversity,
    lexical_diversity_dict,
    mattr,
    mtld,
    ttr,
)
from research_utils.analyses.textstats.formulas import (
    READABILITY,
    READABILITY_KEYS,
    Formula,
    ari,
    coleman_liau,
    dale_chall,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    lix,
    readability,
    readability_dict,
    readability_formula,
    readability_keys,
    smog,
)
from research_utils.analyses.textstats.frequency import ngram_frequencies, word_frequencies
from research_utils.analyses.textstats.logodds import LOG_ODDS_COLUMNS, weighted_log_odds
from research_utils.analyses.textstats.reference import g2_one_sample, key_words, keyness
from research_utils.analyses.textstats.results import compare, results_section, summary, summary_table
from research_utils.analyses.textstats.size import (
    COUNT_DEFINITIONS,
    counts,
    counts_table,
    longest_sentences,
    repairs_table,
    sentence_length_summary,
    sentence_lengths,
)
from research_utils.analyses.textstats.syllabify import number_words, rule_syllables, syllable_info, syllables
from research_utils.analyses.textstats.wordlists import difficult_word_list
from research_utils.analyses.textstats.wordprops import easy_words, is_familiar, tokens
from research_utils.ingest.vocabulary import REFERENCE_FLOOR, load_stopwords

__all__ = [
    "ARC_COLUMNS",
    "COLLOCATION_COLUMNS",
    "COUNT_DEFINITIONS",
    "DEFAULT_KWIC_TERMS",
    "DIVERSITY_KEYS",
    "LOG_ODDS_COLUMNS",
    "READABILITY",
    "READABILITY_KEYS",
    "REFERENCE_FLOOR",
    "Formula",
    "ari",
    "coleman_liau",
    "collocations",
    "compare",
    "concordance_terms",
    "counts",
    "counts_table",
    "dale_chall",
    "difficult_word_list",
    "diversity_curve",
    "easy_words",
    "extreme_sentences",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "g2_one_sample",
    "gunning_fog",
    "hdd",
    "is_familiar",
    "key_words",
    "keyness",
    "kwic",
    "kwic_counts",
    "lexical_diversity",
    "lexical_diversity_dict",
    "lix",
    "load_stopwords",
    "longest_sentences",
    "mattr",
    "mtld",
    "ngram_frequencies",
    "number_words",
    "readability",
    "readability_dict",
    "readability_formula",
    "readability_keys",
    "repairs_table",
    "results_section",
    "rule_syllables",
    "sentence_length_summary",
    "sentence_lengths",
    "sentiment_arc",
    "smog",
    "summary",
    "summary_table",
    "syllable_info",
    "syllables",
    "tokens",
    "ttr",
    "weighted_log_odds",
    "word_frequencies",
]
