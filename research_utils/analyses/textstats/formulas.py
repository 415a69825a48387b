"""Readability formulas, each declared once beside its function.

Each formula is a plain function of counts (so a reader can recompute it by hand),
decorated with :func:`readability_formula`, which records everything else the package
says about it: its name, the formula as text, the calculation with the numbers put in,
the citation and how to read a value. The inputs are the function's parameters (names of
:func:`~.size.count_values`) and the ``results.json`` key is the function's name. The
registry :data:`READABILITY` is the one list of formulas: the keys
(:func:`readability_keys`), the values (:func:`readability_values`,
:func:`readability_dict`) and the table rows (:func:`readability`) are derived from it,
in declaration order. Adding a formula is one decorated function in this file.

The formulas were fitted on English school texts: when a document does not look like
English (:attr:`~research_utils.ingest.Document.looks_english`) they do not apply and
their values are NaN. The words behind the counts are listed by :mod:`.wordlists`.

Known weaknesses: the formulas measure surface features (sentence length, word length or
familiarity), not argument, background knowledge or layout; news about politics scores
"difficult" partly through names and institutional vocabulary.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from research_utils.analyses.textstats.core import per_document
from research_utils.analyses.textstats.size import count_values
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = [
    "NOT_ENGLISH_NOTE",
    "READABILITY",
    "READABILITY_COLUMNS",
    "READABILITY_KEYS",
    "Formula",
    "ari",
    "coleman_liau",
    "dale_chall",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "lix",
    "readability",
    "readability_dict",
    "readability_formula",
    "readability_keys",
    "readability_values",
    "smog",
]

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

NOT_ENGLISH_NOTE: str = (
    "not applicable: the text does not look like English, and the formula was fitted on English "
    "school texts (its syllable, word-list and sentence rules assume English)"
)
"""The interpretation given instead of a value when a document does not look like English."""

Counts = dict[str, int]
"""Counts as :func:`~.size.count_values` gives them (``words``, ``sentences``, ...)."""


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Formula:
    """One readability formula: everything the package says about it, declared once.

    Attributes
    ----------
    key : str
        The ``results.json`` key and the ``key`` column: the function's name.
    name : str
        The name shown (``measure`` column).
    function : callable
        The formula, a function of counts.
    inputs : tuple of str
        The counts it takes, in order: its parameter names.
    formula : str
        The formula as text.
    calculation : callable
        ``(counts, value) -> str``: the formula with the numbers put in.
    citation : str
    reading : callable
        ``(value, counts) -> str``: what the value means (its band, or a school grade).
    input_notes : dict
        A note shown after an input's count (``characters``: "letters and digits").
    """

    key: str
    name: str
    function: Callable[..., float]
    inputs: tuple[str, ...]
    formula: str
    calculation: Callable[[Counts, float], str]
    citation: str
    reading: Callable[[float, Counts], str]
    input_notes: dict[str, str] = field(default_factory=dict)

    def value(self, c: Counts) -> float:
        """The formula applied to counts ``c``."""
        return self.function(*(c[name] for name in self.inputs))

    def inputs_text(self, c: Counts) -> str:
        """The counts used, as ``words=2065; sentences=107; ...``."""
        notes = self.input_notes
        return "; ".join(f"{n}={c[n]}" + (f" ({notes[n]})" if n in notes else "") for n in self.inputs)


READABILITY: dict[str, Formula] = {}
"""Every readability formula by key, in display order (the order of declaration)."""


def readability_formula(
    *,
    name: str,
    formula: str,
    calculation: Callable[[Counts, float], str],
    citation: str,
    reading: Callable[[float, Counts], str],
    input_notes: dict[str, str] | None = None,
) -> Callable[[Callable[..., float]], Callable[..., float]]:
    """Declare the decorated function a readability formula: add its :class:`Formula` to
    :data:`READABILITY` (key = the function's name, inputs = its parameter names).

    Parameters
    ----------
    name, formula, citation : str
        See :class:`Formula`.
    calculation : callable
        ``(counts, value) -> str``.
    reading : callable
        ``(value, counts) -> str``; :func:`bands` and :func:`grade` make the usual ones.
    input_notes : dict, optional
        A note shown after an input's count.
    """

    def register(function: Callable[..., float]) -> Callable[..., float]:
        key = function.__name__
        READABILITY[key] = Formula(
            key=key,
            name=name,
            function=function,
            inputs=tuple(inspect.signature(function).parameters),
            formula=formula,
            calculation=calculation,
            citation=citation,
            reading=reading,
            input_notes=dict(input_notes or {}),
        )
        return function

    return register


def readability_keys() -> tuple[str, ...]:
    """The keys of the readability measures in ``results.json``, in display order."""
    return tuple(READABILITY)


# --------------------------------------------------------------------------- reading the values


def _div(a: float, b: float) -> float:
    """``a / b``, NaN when ``b`` is 0."""
    return a / b if b else math.nan


def _fmt(x: float, nd: int = 2) -> str:
    """``x`` with ``nd`` decimals, or ``NaN``."""
    return "NaN" if math.isnan(x) else f"{x:.{nd}f}"


def _wps(c: Counts) -> float:
    """Words per sentence."""
    return _div(c["words"], c["sentences"])


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


def grade(note: str = "") -> Callable[[float, Counts], str]:
    """The reading of a formula that gives a US school grade, followed by ``note``."""
    return lambda v, c: _grade_text(v) + note


def bands(table: tuple[tuple[float, str], ...], below: str, note: str = "") -> Callable[[float, Counts], str]:
    """The reading of a formula with named bands: the first band whose lower bound the value
    reaches (``below`` if none), followed by ``note``."""

    def reading(v: float, c: Counts) -> str:
        if math.isnan(v):
            return "not defined" + note
        return next((name for lo, name in table if v >= lo), below) + note

    return reading


# --------------------------------------------------------------------------- the formulas


@readability_formula(
    name="Flesch Reading Ease",
    formula="206.835 − 1.015 × words/sentences − 84.6 × syllables/words",
    calculation=lambda c, v: (
        f"206.835 − 1.015 × {_fmt(_wps(c))} − 84.6 × {_fmt(_div(c['syllables'], c['words']), 3)} = {_fmt(v)}"
    ),
    citation="Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3), 221-233.",
    reading=bands(
        (
            (90, "very easy (90-100) on Flesch's scale"),
            (80, "easy (80-89) on Flesch's scale"),
            (70, "fairly easy (70-79) on Flesch's scale"),
            (60, "standard (60-69) on Flesch's scale"),
            (50, "fairly difficult (50-59) on Flesch's scale"),
            (30, "difficult (30-49) on Flesch's scale"),
        ),
        below="very difficult (0-29) on Flesch's scale",
        note="; higher is easier",
    ),
)
def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948) Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    0-100 scale, higher is easier. NaN when there are no words or sentences.
    """
    return 206.835 - 1.015 * _div(words, sentences) - 84.6 * _div(syllables, words)


@readability_formula(
    name="Flesch-Kincaid grade",
    formula="0.39 × words/sentences + 11.8 × syllables/words − 15.59",
    calculation=lambda c, v: (
        f"0.39 × {_fmt(_wps(c))} + 11.8 × {_fmt(_div(c['syllables'], c['words']), 3)} − 15.59 = {_fmt(v)}"
    ),
    citation="Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
    "readability formulas for Navy enlisted personnel. Research Branch Report 8-75, US Navy.",
    reading=grade(),
)
def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid et al. (1975) grade: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59."""
    return 0.39 * _div(words, sentences) + 11.8 * _div(syllables, words) - 15.59


@readability_formula(
    name="Gunning Fog index",
    formula="0.4 × (words/sentences + 100 × complex words/words)",
    calculation=lambda c, v: f"0.4 × ({_fmt(_wps(c))} + 100 × {c['complex_words']}/{c['words']}) = {_fmt(v)}",
    citation="Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.",
    reading=grade(
        "; complex = 3+ syllables, excluding names, hyphenated compounds and words made 3-syllable by -es/-ed/-ing"
    ),
)
def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning (1952) Fog index: 0.4 (words/sentences + 100 complex_words/words)."""
    return 0.4 * (_div(words, sentences) + 100 * _div(complex_words, words))


@readability_formula(
    name="SMOG grade",
    formula="1.0430 × √(polysyllables × 30/sentences) + 3.1291",
    calculation=lambda c, v: f"1.0430 × √({c['polysyllables']} × 30/{c['sentences']}) + 3.1291 = {_fmt(v)}",
    citation="McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8), "
    "639-646.",
    reading=lambda v, c: (
        _grade_text(v)
        + (
            ""
            if c["sentences"] >= 30
            else f"; only {c['sentences']} sentences: SMOG is meant for samples of 30 or more"
        )
    ),
)
def smog(polysyllables: int, sentences: int) -> float:
    """McLaughlin (1969) SMOG grade: 1.0430 sqrt(polysyllables x 30/sentences) + 3.1291.

    Designed for samples of 30 sentences; shorter texts are scaled to 30.
    """
    return 1.0430 * math.sqrt(polysyllables * _div(30, sentences)) + 3.1291 if sentences else math.nan


@readability_formula(
    name="Coleman-Liau index",
    formula="0.0588 × L − 0.296 × S − 15.8 (L = letters per 100 words, S = sentences per 100 words)",
    calculation=lambda c, v: (
        f"0.0588 × {_fmt(100 * _div(c['letters'], c['words']))} − 0.296 × "
        f"{_fmt(100 * _div(c['sentences'], c['words']))} − 15.8 = {_fmt(v)}"
    ),
    citation="Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine scoring. "
    "Journal of Applied Psychology 60(2), 283-284.",
    reading=grade(),
)
def coleman_liau(letters: int, words: int, sentences: int) -> float:
    """Coleman & Liau (1975) index: 0.0588 L - 0.296 S - 15.8.

    L = letters per 100 words, S = sentences per 100 words.
    """
    return 0.0588 * 100 * _div(letters, words) - 0.296 * 100 * _div(sentences, words) - 15.8


@readability_formula(
    name="Automated Readability Index",
    formula="4.71 × characters/words + 0.5 × words/sentences − 21.43",
    calculation=lambda c, v: (
        f"4.71 × {_fmt(_div(c['characters'], c['words']), 3)} + 0.5 × {_fmt(_wps(c))} − 21.43 = {_fmt(v)}"
    ),
    citation="Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. AMRL-TR-66-220, "
    "Wright-Patterson Air Force Base.",
    reading=grade(),
    input_notes={"characters": "letters and digits"},
)
def ari(characters: int, words: int, sentences: int) -> float:
    """Senter & Smith (1967) Automated Readability Index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43."""
    return 4.71 * _div(characters, words) + 0.5 * _div(words, sentences) - 21.43


def _dale_chall_calculation(c: Counts, v: float) -> str:
    pct = 100 * _div(c["difficult_words"], c["words"])
    return f"0.1579 × {_fmt(pct)} + 0.0496 × {_fmt(_wps(c))}{' + 3.6365' if pct > 5 else ''} = {_fmt(v)}"


@readability_formula(
    name="New Dale-Chall score",
    formula="0.1579 × % difficult words + 0.0496 × words/sentences (+ 3.6365 if % difficult > 5)",
    calculation=_dale_chall_calculation,
    citation="Chall, J. S. & Dale, E. (1995). Readability Revisited: The New Dale-Chall Readability Formula. "
    "Brookline Books. (Coefficients from Dale & Chall 1948; familiar-word list: textstat's rendition.)",
    reading=bands(
        tuple(
            (lo, f"readable by an average reader in {name}")
            for lo, name in (
                (10, "college graduate"),
                (9, "US grades 13-15 (college)"),
                (8, "US grades 11-12"),
                (7, "US grades 9-10"),
                (6, "US grades 7-8"),
                (5, "US grades 5-6"),
            )
        ),
        below="readable by an average reader in US grade 4 or below",
    ),
)
def dale_chall(difficult_words: int, words: int, sentences: int) -> float:
    """New Dale-Chall score (Chall & Dale 1995): 0.1579 x % difficult words + 0.0496 x words/sentences.

    3.6365 is added when more than 5 % of the words are difficult.
    """
    pct = 100 * _div(difficult_words, words)
    score = 0.1579 * pct + 0.0496 * _div(words, sentences)
    return score + 3.6365 if pct > 5 else score


@readability_formula(
    name="LIX",
    formula="words/sentences + 100 × long words/words (long = more than 6 letters)",
    calculation=lambda c, v: f"{_fmt(_wps(c))} + 100 × {c['long_words']}/{c['words']} = {_fmt(v)}",
    citation="Björnsson, C. H. (1968). Läsbarhet. Stockholm: Liber.",
    reading=bands(
        (
            (60, "LIX over 60: specialist and research texts"),
            (50, "LIX 50-60: technical texts"),
            (40, "LIX 40-50: factual texts"),
            (30, "LIX 30-40: normal prose, fiction"),
            (25, "LIX 25-30: simple texts"),
        ),
        below="LIX below 25: children's books",
    ),
)
def lix(words: int, sentences: int, long_words: int) -> float:
    """Björnsson (1968) LIX: words/sentences + 100 x long_words/words (long = more than 6 letters)."""
    return _div(words, sentences) + 100 * _div(long_words, words)


READABILITY_KEYS: tuple[str, ...] = readability_keys()
"""Keys of the readability measures in ``results.json``, in display order (derived from
:data:`READABILITY` when the module is loaded; :func:`readability_keys` reads it anew)."""


def readability_values(c: Counts) -> dict[str, float]:
    """Every formula of :data:`READABILITY` applied to counts (as :func:`~.size.count_values`),
    keyed as in ``results.json``."""
    return {key: f.value(c) for key, f in READABILITY.items()}


def _readability_of(doc: Document) -> pd.DataFrame:
    """The readability table of one document: one row per formula of :data:`READABILITY`."""
    c = count_values(doc)
    formulas = list(READABILITY.values())
    values = [f.value(c) for f in formulas]
    english = doc.looks_english
    return pd.DataFrame(
        {
            "measure": [f.name for f in formulas],
            "key": [f.key for f in formulas],
            "value": [v if english else math.nan for v in values],
            "formula": [f.formula for f in formulas],
            "inputs": [f.inputs_text(c) for f in formulas],
            "calculation": [
                f.calculation(c, v) if english else "not computed (the text does not look like English)"
                for f, v in zip(formulas, values, strict=True)
            ],
            "citation": [f.citation for f in formulas],
            "interpretation": [
                f.reading(v, c) if english else NOT_ENGLISH_NOTE
                for f, v in zip(formulas, values, strict=True)
            ],
            "article": doc.slug,
        },
        columns=READABILITY_COLUMNS,
    )


def readability(x: CorpusLike) -> pd.DataFrame:
    """Every readability formula of :data:`READABILITY` with its inputs, so a reader can recompute it.

    Counts come from :func:`~.size.counts` (words include numbers; syllables follow
    :mod:`.syllabify`; sentences are the body sentences with at least one word). For a
    document that does not look like English the rows are kept (with their inputs) but
    ``value`` is NaN and the interpretation says the formulas do not apply.

    Returns
    -------
    DataFrame
        ``measure``, ``key`` (the results.json key), ``value``, ``formula``, ``inputs``
        (the counts used), ``calculation`` (the formula with the numbers put in),
        ``citation``, ``interpretation``, ``article``; one row per formula and article,
        in the order of :data:`READABILITY`.
    """
    return per_document(x, _readability_of, READABILITY_COLUMNS)


def readability_dict(x: CorpusLike | pd.DataFrame) -> dict[str, float]:
    """The readability values of the main (first) article, keyed as in ``results.json``.

    Given a document (or corpus), the values are computed from its counts by the same
    functions as :func:`readability`, without building the table; given a table from
    :func:`readability`, they are read from the rows of its first article. NaN when the
    document does not look like English.
    """
    if isinstance(x, pd.DataFrame):
        first = x[x["article"] == x["article"].iloc[0]] if len(x) else x
        values = dict(zip(first["key"], first["value"], strict=True))
        return {k: float(values.get(k, math.nan)) for k in READABILITY}
    doc = as_corpus(x).main
    if not doc.looks_english:
        return dict.fromkeys(READABILITY, math.nan)
    values = readability_values(count_values(doc))
    return {k: float(values[k]) for k in READABILITY}
