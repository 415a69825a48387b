"""Eight readability formulas, with their inputs and the words behind the counts.

Each formula is a plain function of counts (so a reader can recompute it by hand);
:func:`readability` applies all eight to the counts of :mod:`.size` and shows every
input and calculation. The formulas were fitted on English school texts: when a
document does not look like English (:attr:`~research_utils.ingest.Document.looks_english`)
they do not apply and their values are NaN.

Known weaknesses: the formulas measure surface features (sentence length, word length or
familiarity), not argument, background knowledge or layout; news about politics scores
"difficult" partly through names and institutional vocabulary.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import (
    first_seen,
    form_vocabulary,
    per_document,
    sentence_texts,
    token_forms,
)
from research_utils.analyses.textstats.size import count_values
from research_utils.analyses.textstats.wordprops import word_props
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "NOT_ENGLISH_NOTE",
    "READABILITY_COLUMNS",
    "READABILITY_KEYS",
    "WORD_LIST_COLUMNS",
    "ari",
    "coleman_liau",
    "dale_chall",
    "difficult_word_list",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "lix",
    "readability",
    "readability_dict",
    "readability_values",
    "smog",
]

READABILITY_KEYS: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "ari",
    "dale_chall",
    "lix",
)
"""Keys of the readability measures in ``results.json``, in display order."""

READABILITY_COLUMNS: list[str] = [
    "measure",
    "key",
    "value",
    "formula",
    "inputs",
    "calculation",
    "citation",
    "interpretation",
    "article",
]
"""Columns of :func:`readability`."""

WORD_LIST_COLUMNS: list[str] = [
    "word",
    "count",
    "syllables",
    "syllable_source",
    "sentence_id",
    "sentence",
    "article",
]
"""Columns of :func:`difficult_word_list`."""

NOT_ENGLISH_NOTE: str = (
    "not applicable: the text does not look like English, and the formula was fitted on English "
    "school texts (its syllable, word-list and sentence rules assume English)"
)
"""The interpretation given instead of a value when a document does not look like English."""


# --------------------------------------------------------------------------- the formulas


def _div(a: float, b: float) -> float:
    """``a / b``, NaN when ``b`` is 0."""
    return a / b if b else math.nan


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948) Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    0-100 scale, higher is easier. NaN when there are no words or sentences.
    """
    return 206.835 - 1.015 * _div(words, sentences) - 84.6 * _div(syllables, words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid et al. (1975) grade: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59."""
    return 0.39 * _div(words, sentences) + 11.8 * _div(syllables, words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning (1952) Fog index: 0.4 (words/sentences + 100 complex_words/words)."""
    return 0.4 * (_div(words, sentences) + 100 * _div(complex_words, words))


def smog(polysyllables: int, sentences: int) -> float:
    """McLaughlin (1969) SMOG grade: 1.0430 sqrt(polysyllables x 30/sentences) + 3.1291.

    Designed for samples of 30 sentences; shorter texts are scaled to 30.
    """
    return 1.0430 * math.sqrt(polysyllables * _div(30, sentences)) + 3.1291 if sentences else math.nan


def coleman_liau(letters: int, words: int, sentences: int) -> float:
    """Coleman & Liau (1975) index: 0.0588 L - 0.296 S - 15.8.

    L = letters per 100 words, S = sentences per 100 words.
    """
    return 0.0588 * 100 * _div(letters, words) - 0.296 * 100 * _div(sentences, words) - 15.8


def ari(characters: int, words: int, sentences: int) -> float:
    """Senter & Smith (1967) Automated Readability Index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43."""
    return 4.71 * _div(characters, words) + 0.5 * _div(words, sentences) - 21.43


def dale_chall(difficult_words: int, words: int, sentences: int) -> float:
    """New Dale-Chall score (Chall & Dale 1995): 0.1579 x % difficult words + 0.0496 x words/sentences.

    3.6365 is added when more than 5 % of the words are difficult.
    """
    pct = 100 * _div(difficult_words, words)
    score = 0.1579 * pct + 0.0496 * _div(words, sentences)
    return score + 3.6365 if pct > 5 else score


def lix(words: int, sentences: int, long_words: int) -> float:
    """Björnsson (1968) LIX: words/sentences + 100 x long_words/words (long = more than 6 letters)."""
    return _div(words, sentences) + 100 * _div(long_words, words)


def readability_values(c: dict[str, int]) -> dict[str, float]:
    """The eight formulas applied to counts (as :func:`~.size.count_values`), keyed as in ``results.json``."""
    W, S, Y = c["words"], c["sentences"], c["syllables"]
    return {
        "flesch_reading_ease": flesch_reading_ease(W, S, Y),
        "flesch_kincaid_grade": flesch_kincaid_grade(W, S, Y),
        "gunning_fog": gunning_fog(W, S, c["complex_words"]),
        "smog": smog(c["polysyllables"], S),
        "coleman_liau": coleman_liau(c["letters"], W, S),
        "ari": ari(c["characters"], W, S),
        "dale_chall": dale_chall(c["difficult_words"], W, S),
        "lix": lix(W, S, c["long_words"]),
    }


# --------------------------------------------------------------------------- reading the values


def _band(value: float, bands: tuple[tuple[float, str], ...], below: str) -> str:
    """The name of the first band whose lower bound ``value`` reaches (``below`` if none)."""
    if math.isnan(value):
        return "not defined"
    return next((name for lo, name in bands if value >= lo), below)


def _grade_text(g: float) -> str:
    """A US school grade in words."""
    if math.isnan(g):
        return "not defined"
    r = round(g)
    if r < 1:
        return "below US grade 1"
    if r >= 17:
        return f"graduate level (US grade {r})"
    if r >= 13:
        return f"college level (US grade {r})"
    return f"US school grade {r} (age about {r + 5}-{r + 6})"


_FLESCH_BANDS = (
    (90, "very easy (90-100) on Flesch's scale"),
    (80, "easy (80-89) on Flesch's scale"),
    (70, "fairly easy (70-79) on Flesch's scale"),
    (60, "standard (60-69) on Flesch's scale"),
    (50, "fairly difficult (50-59) on Flesch's scale"),
    (30, "difficult (30-49) on Flesch's scale"),
)
_DALE_CHALL_BANDS = tuple(
    (lo, f"readable by an average reader in {name}")
    for lo, name in (
        (10, "college graduate"),
        (9, "US grades 13-15 (college)"),
        (8, "US grades 11-12"),
        (7, "US grades 9-10"),
        (6, "US grades 7-8"),
        (5, "US grades 5-6"),
    )
)
_LIX_BANDS = (
    (60, "LIX over 60: specialist and research texts"),
    (50, "LIX 50-60: technical texts"),
    (40, "LIX 40-50: factual texts"),
    (30, "LIX 30-40: normal prose, fiction"),
    (25, "LIX 25-30: simple texts"),
)


def _fmt(x: float, nd: int = 2) -> str:
    """``x`` with ``nd`` decimals, or ``NaN``."""
    return "NaN" if math.isnan(x) else f"{x:.{nd}f}"


def _rows(c: dict[str, int], v: dict[str, float]) -> list[tuple[str, str, str, str, str, str, str]]:
    """``(measure, key, formula, inputs, calculation, citation, interpretation)`` of each formula."""
    W, S, Y = c["words"], c["sentences"], c["syllables"]
    P, L, C, X = c["polysyllables"], c["letters"], c["characters"], c["complex_words"]
    D, LW = c["difficult_words"], c["long_words"]
    wps, spw, pct_d = _div(W, S), _div(Y, W), 100 * _div(D, W)
    smog_note = "" if S >= 30 else f"; only {S} sentences: SMOG is meant for samples of 30 or more"
    return [
        (
            "Flesch Reading Ease",
            "flesch_reading_ease",
            "206.835 − 1.015 × words/sentences − 84.6 × syllables/words",
            f"words={W}; sentences={S}; syllables={Y}",
            f"206.835 − 1.015 × {_fmt(wps)} − 84.6 × {_fmt(spw, 3)} = {_fmt(v['flesch_reading_ease'])}",
            "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3), 221-233.",
            _band(v["flesch_reading_ease"], _FLESCH_BANDS, "very difficult (0-29) on Flesch's scale")
            + "; higher is easier",
        ),
        (
            "Flesch-Kincaid grade",
            "flesch_kincaid_grade",
            "0.39 × words/sentences + 11.8 × syllables/words − 15.59",
            f"words={W}; sentences={S}; syllables={Y}",
            f"0.39 × {_fmt(wps)} + 11.8 × {_fmt(spw, 3)} − 15.59 = {_fmt(v['flesch_kincaid_grade'])}",
            "Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
            "readability formulas for Navy enlisted personnel. Research Branch Report 8-75, US Navy.",
            _grade_text(v["flesch_kincaid_grade"]),
        ),
        (
            "Gunning Fog index",
            "gunning_fog",
            "0.4 × (words/sentences + 100 × complex words/words)",
            f"words={W}; sentences={S}; complex_words={X}",
            f"0.4 × ({_fmt(wps)} + 100 × {X}/{W}) = {_fmt(v['gunning_fog'])}",
            "Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.",
            _grade_text(v["gunning_fog"]) + "; complex = 3+ syllables, excluding names, hyphenated compounds "
            "and words made 3-syllable by -es/-ed/-ing",
        ),
        (
            "SMOG grade",
            "smog",
            "1.0430 × √(polysyllables × 30/sentences) + 3.1291",
            f"polysyllables={P}; sentences={S}",
            f"1.0430 × √({P} × 30/{S}) + 3.1291 = {_fmt(v['smog'])}",
            "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8), "
            "639-646.",
            _grade_text(v["smog"]) + smog_note,
        ),
        (
            "Coleman-Liau index",
            "coleman_liau",
            "0.0588 × L − 0.296 × S − 15.8 (L = letters per 100 words, S = sentences per 100 words)",
            f"letters={L}; words={W}; sentences={S}",
            f"0.0588 × {_fmt(100 * _div(L, W))} − 0.296 × {_fmt(100 * _div(S, W))} − 15.8 = "
            f"{_fmt(v['coleman_liau'])}",
            "Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine scoring. "
            "Journal of Applied Psychology 60(2), 283-284.",
            _grade_text(v["coleman_liau"]),
        ),
        (
            "Automated Readability Index",
            "ari",
            "4.71 × characters/words + 0.5 × words/sentences − 21.43",
            f"characters={C} (letters and digits); words={W}; sentences={S}",
            f"4.71 × {_fmt(_div(C, W), 3)} + 0.5 × {_fmt(wps)} − 21.43 = {_fmt(v['ari'])}",
            "Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. AMRL-TR-66-220, "
            "Wright-Patterson Air Force Base.",
            _grade_text(v["ari"]),
        ),
        (
            "New Dale-Chall score",
            "dale_chall",
            "0.1579 × % difficult words + 0.0496 × words/sentences (+ 3.6365 if % difficult > 5)",
            f"difficult_words={D}; words={W}; sentences={S}",
            f"0.1579 × {_fmt(pct_d)} + 0.0496 × {_fmt(wps)}{' + 3.6365' if pct_d > 5 else ''} = "
            f"{_fmt(v['dale_chall'])}",
            "Chall, J. S. & Dale, E. (1995). Readability Revisited: The New Dale-Chall Readability Formula. "
            "Brookline Books. (Coefficients from Dale & Chall 1948; familiar-word list: textstat's rendition.)",
            _band(v["dale_chall"], _DALE_CHALL_BANDS, "readable by an average reader in US grade 4 or below"),
        ),
        (
            "LIX",
            "lix",
            "words/sentences + 100 × long words/words (long = more than 6 letters)",
            f"words={W}; sentences={S}; long_words={LW}",
            f"{_fmt(wps)} + 100 × {LW}/{W} = {_fmt(v['lix'])}",
            "Björnsson, C. H. (1968). Läsbarhet. Stockholm: Liber.",
            _band(v["lix"], _LIX_BANDS, "LIX below 25: children's books"),
        ),
    ]


def _readability_of(doc: Document) -> pd.DataFrame:
    """The readability table of one document."""
    c = count_values(doc)
    values = readability_values(c)
    rows = _rows(c, values)
    english = doc.looks_english
    return pd.DataFrame(
        {
            "measure": [r[0] for r in rows],
            "key": [r[1] for r in rows],
            "value": [values[r[1]] if english else math.nan for r in rows],
            "formula": [r[2] for r in rows],
            "inputs": [r[3] for r in rows],
            "calculation": [
                r[4] if english else "not computed (the text does not look like English)" for r in rows
            ],
            "citation": [r[5] for r in rows],
            "interpretation": [r[6] if english else NOT_ENGLISH_NOTE for r in rows],
            "article": doc.slug,
        },
        columns=READABILITY_COLUMNS,
    )


def readability(x: CorpusLike) -> pd.DataFrame:
    """Eight readability formulas with their inputs, so a reader can recompute them.

    Counts come from :func:`~.size.counts` (words include numbers; syllables follow
    :mod:`.syllabify`; sentences are the body sentences with at least one word). For a
    document that does not look like English the rows are kept (with their inputs) but
    ``value`` is NaN and the interpretation says the formulas do not apply.

    Returns
    -------
    DataFrame
        ``measure``, ``key`` (the results.json key), ``value``, ``formula``, ``inputs``
        (the counts used), ``calculation`` (the formula with the numbers put in),
        ``citation``, ``interpretation``, ``article``; eight rows per article in the
        order of :data:`READABILITY_KEYS`.
    """
    return per_document(x, _readability_of, READABILITY_COLUMNS)


def readability_dict(x: CorpusLike | pd.DataFrame) -> dict[str, float]:
    """The eight readability values of the main (first) article, keyed as in ``results.json``.

    Given a document (or corpus), the values are computed from its counts by the same
    functions as :func:`readability`, without building the table; given a table from
    :func:`readability`, they are read from the rows of its first article. NaN when the
    document does not look like English.
    """
    if isinstance(x, pd.DataFrame):
        first = x[x["article"] == x["article"].iloc[0]] if len(x) else x
        values = dict(zip(first["key"], first["value"], strict=True))
        return {k: float(values.get(k, math.nan)) for k in READABILITY_KEYS}
    doc = as_corpus(x).main
    if not doc.looks_english:
        return dict.fromkeys(READABILITY_KEYS, math.nan)
    values = readability_values(count_values(doc))
    return {k: float(values[k]) for k in READABILITY_KEYS}


# --------------------------------------------------------------------------- the words behind the counts

_KINDS = ("difficult", "complex_word", "polysyllable", "long_word")


def _word_list_of(doc: Document, kind: str) -> pd.DataFrame:
    """The word forms of ``doc`` counted as ``kind``, grouped by type."""
    tf, wp, v = token_forms(doc), word_props(doc), form_vocabulary(doc)
    chosen = np.flatnonzero(getattr(wp, kind))
    if not len(chosen):
        return pd.DataFrame(columns=WORD_LIST_COLUMNS)
    form = tf.codes[chosen]
    type_codes = pd.factorize(v.norm_id[form])[0]
    count = np.bincount(type_codes)
    first_at = chosen[first_seen(type_codes)]  # first chosen token of each type
    first_form = tf.codes[first_at]
    order = np.lexsort((v.norm[first_form].astype(str), -count))
    first_at, first_form, count = first_at[order], first_form[order], count[order]
    sids = tf.sentence[first_at]
    return pd.DataFrame(
        {
            "word": v.norm[first_form],
            "count": count,
            "syllables": wp.syllables[first_form],
            "syllable_source": wp.source[first_form],
            "sentence_id": sids,
            "sentence": sentence_texts(doc, sids),
            "article": doc.slug,
        },
        columns=WORD_LIST_COLUMNS,
    )


def difficult_word_list(x: CorpusLike, kind: str = "difficult") -> pd.DataFrame:
    """The words behind a readability count, so a reader can check them.

    Parameters
    ----------
    x : CorpusLike
    kind : str
        ``difficult`` (Dale-Chall), ``complex_word`` (Gunning Fog), ``polysyllable``
        (SMOG) or ``long_word`` (LIX).

    Returns
    -------
    DataFrame
        One row per type counted: ``word`` (case-folded), ``count``, ``syllables`` and
        ``syllable_source`` (of its first counted form), ``sentence_id`` and ``sentence``
        (first occurrence), ``article``; most frequent first, ties alphabetical.

    Raises
    ------
    ValueError
        For another ``kind``.
    """
    if kind not in _KINDS:
        raise ValueError("kind must be difficult, complex_word, polysyllable or long_word")
    return per_document(x, lambda doc: _word_list_of(doc, kind), WORD_LIST_COLUMNS)
