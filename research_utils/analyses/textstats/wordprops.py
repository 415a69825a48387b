"""The properties of each word that the readability formulas count, computed once per form.

Per distinct form (:func:`form_properties`, cached by the form's text): letters,
characters, syllables and where the count came from (:mod:`.syllabify`), whether it is
a number, capitalised or hyphenated, whether it reaches three syllables only through
*-es*, *-ed* or *-ing* (Gunning), and whether it is familiar by the Dale-Chall rule
(:func:`is_familiar`). Per token (:func:`word_props`, kept on the document): whether it
opens its sentence and whether it is a proper name, which depends on where the form is
used. :func:`tokens` is the document's token table with all of these as columns.

Definitions
-----------
* **Proper name**: a capitalised word inside a sentence, or a capitalised sentence-initial
  word whose form is also capitalised inside a sentence elsewhere in the document.
  Names are never complex (Gunning) nor difficult (Dale-Chall).
* **Polysyllable** (SMOG): 3 or more syllables, names included.
* **Complex word** (Gunning 1952): 3+ syllables, not a name, not hyphenated, not 3
  syllables only by *-es*/*-ed*/*-ing*, not a number.
* **Long word** (LIX, Björnsson 1968): more than 6 letters.
* **Difficult word** (Chall & Dale 1995): not familiar (:func:`is_familiar`); numbers
  and names count as familiar.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from research_utils.analyses.textstats.core import form_vocabulary, per_document, token_forms
from research_utils.analyses.textstats.syllabify import cmu_syllables, syllable_info
from research_utils.ingest import CorpusLike, Document, is_number

__all__ = [
    "TOKEN_COLUMNS",
    "WordProps",
    "easy_words",
    "form_properties",
    "is_familiar",
    "tokens",
    "word_props",
]

TOKEN_COLUMNS: list[str] = [
    "article",
    "sentence_id",
    "paragraph_id",
    "position",
    "start",
    "end",
    "token",
    "norm",
    "term",
    "is_number",
    "stopword",
    "sentence_initial",
    "capitalised",
    "hyphenated",
    "proper_name",
    "letters",
    "characters",
    "syllables",
    "syllable_source",
    "polysyllable",
    "long_word",
    "complex_word",
    "difficult",
    "voice",
]
"""Columns of :func:`tokens`."""


@functools.cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall familiar-word list as shipped by the ``textstat`` package.

    The file ``textstat/resources/en/easy_words.txt`` (about 2,950 words) is read
    directly; ``textstat`` itself is never imported, because importing it may try to
    download NLTK data. The list is textstat's rendition of the Chall & Dale (1995) list
    of words known to 80 % of fourth graders.

    Raises
    ------
    RuntimeError
        When the ``textstat`` package is not installed.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the Dale-Chall word list comes from the textstat package: pip install 'textstat>=0.7.4,<0.8'"
        )
    file = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    words_ = file.read_text(encoding="utf-8").split()
    return frozenset(w.strip().lower().replace("’", "'") for w in words_ if w.strip())


def _undouble(stem: str) -> list[str]:
    """``stem`` without a doubled final consonant (*bigg* -> *big*), if it has one."""
    return [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls" else []


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of a lower-case ``word`` after removing one regular ending.

    Plural and verb *-s*/*-es*/*-ies*, past *-ed*/*-d*/*-ied*, *-ing*, comparative and
    superlative *-er*/*-est*/*-ier*/*-iest*, adverb *-ly*/*-ily*; a dropped final *e*
    is restored and a doubled consonant undone (*making* -> *make*, *bigger* -> *big*).
    """
    w = word
    out: list[str] = []
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        out.append(w[:-1])
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 3:
        stem = w[:-2]
        out += [stem, w[:-1], *_undouble(stem)]
    if w.endswith("ing") and len(w) > 4:
        stem = w[:-3]
        out += [stem, stem + "e", *_undouble(stem)]
    for suffix in ("est", "er"):
        if w.endswith("i" + suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix) - 1] + "y")
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            out += [stem, stem + "e", *_undouble(stem)]
    if w.endswith("ily") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ly") and len(w) > 3:
        out.append(w[:-2])
    return out


@functools.lru_cache(maxsize=200_000)
def is_familiar(word: str) -> bool:
    """Whether a word counts as familiar for the new Dale-Chall formula (Chall & Dale 1995).

    The rule, applied to the lower-cased word: it is familiar if it is on
    :func:`easy_words`; or, after a possessive ``'s``/``'`` is removed, if the rest is; or
    if removing **one** regular ending gives a listed word (plural and verb
    ``-s``/``-es``/``-ies``, past ``-ed``/``-d``/``-ied``, ``-ing``, comparative and
    superlative ``-er``/``-est``/``-ier``/``-iest``, adverb ``-ly``/``-ily``; a dropped
    final *e* is restored and a doubled consonant undone: *liked*, *making*, *bigger*); a
    hyphenated word is familiar when every part is. Irregular forms not on the list
    (*went* is listed, *fled* is not) are difficult, as in the Dale-Chall
    instructions. Numbers and proper names are handled by the caller. Cached by word.

    Parameters
    ----------
    word : str
        A word token (any case; ``'`` or ``’``).
    """
    easy = easy_words()
    w = word.lower().replace("’", "'").strip("'")
    if not w or w in easy:
        return True
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if w in easy:
        return True
    parts = [p for p in re.split(r"[-‐‑]", w) if p]
    if len(parts) > 1:
        return all(is_familiar(p) for p in parts)
    return any(b in easy for b in _base_forms(w))


def _suffix_only(word: str, syllables: int) -> bool:
    """True if ``word`` reaches 3 syllables only through -es, -ed or -ing (Gunning 1952).

    The word's base form (``-ing``: *creating* -> *create*/*creat*; ``-ed``: *decided* ->
    *decide*; ``-es``: *statuses* -> *status*; ``-ied``/``-ies`` -> *y*; doubled
    consonants undone) must be in CMUdict with fewer than 3 syllables. When no base form
    is found the word stays complex (a known weakness: a base CMUdict lacks keeps a
    suffixed name-like word complex).
    """
    if syllables < 3:
        return False
    w = word.lower().replace("’", "'")
    cands: list[str] = []
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        cands += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        cands += [stem, w[:-1]] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
        if w.endswith("ied"):
            cands.append(w[:-3] + "y")
    elif w.endswith("es") and len(w) > 4:
        cands += [w[:-2], w[:-1]]
        if w.endswith("ies"):
            cands.append(w[:-3] + "y")
    else:
        return False
    cmu = cmu_syllables()
    return any(c in cmu and cmu[c] < 3 for c in cands)


_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _letters(token: str) -> int:
    """Letters in a token (``str.isalpha`` characters)."""
    if token.isascii():
        return len(token) - len(token.translate(_ASCII_LETTERS))
    return sum(c.isalpha() for c in token)


def _alnum(token: str) -> int:
    """Letters and digits in a token (``str.isalnum`` characters)."""
    if token.isascii():
        return len(token) - len(token.translate(_ASCII_ALNUM))
    return sum(c.isalnum() for c in token)


@functools.lru_cache(maxsize=200_000)
def form_properties(form: str) -> tuple[bool, bool, bool, int, int, int, str, bool, bool]:
    """Everything the readability counts need to know about one word form (cached by form).

    Returns
    -------
    tuple
        ``(is_number, capitalised, hyphenated, letters, characters, syllables,
        syllable_source, suffix_only, familiar)``: *characters* are letters and digits;
        *suffix_only* means 3 syllables only through -es/-ed/-ing (:func:`_suffix_only`);
        numbers are familiar.
    """
    num = is_number(form)
    syl, source = syllable_info(form)
    return (
        num,
        form[:1].isupper(),
        "-" in form or "‐" in form or "‑" in form,
        _letters(form),
        _alnum(form),
        syl,
        source,
        (not num) and _suffix_only(form, syl),
        num or is_familiar(form),
    )


@dataclass(frozen=True)
class WordProps:
    """Readability properties of a document's forms and tokens (read-only).

    Per form (index as in :class:`~.core.TokenForms`): ``capitalised``, ``hyphenated``,
    ``letters``, ``characters``, ``syllables``, ``source``, ``suffix_only``,
    ``familiar``. Per token: ``sentence_initial``, ``proper_name``, and the four counted
    flags ``polysyllable``, ``long_word``, ``complex_word``, ``difficult``.
    """

    capitalised: np.ndarray
    hyphenated: np.ndarray
    letters: np.ndarray
    characters: np.ndarray
    syllables: np.ndarray
    source: np.ndarray
    suffix_only: np.ndarray
    familiar: np.ndarray
    sentence_initial: np.ndarray
    proper_name: np.ndarray
    polysyllable: np.ndarray
    long_word: np.ndarray
    complex_word: np.ndarray
    difficult: np.ndarray


def _word_props(doc: Document) -> WordProps:
    """Look up each form once (:func:`form_properties`), then derive the per-token flags."""
    tf = token_forms(doc)
    props = [form_properties(f) for f in tf.forms]
    k = len(props)
    columns = list(zip(*props, strict=True)) if props else [()] * 9  # one tuple per property, in C

    def col(i: int, dtype: type) -> np.ndarray:
        return np.array(columns[i], dtype=dtype) if k else np.zeros(0, dtype=dtype)

    number, capitalised, hyphenated = col(0, bool), col(1, bool), col(2, bool)
    letters, characters, syllables = col(3, np.int64), col(4, np.int64), col(5, np.int64)
    source = np.array(columns[6], dtype=object) if k else np.zeros(0, dtype=object)
    suffix_only, familiar = col(7, bool), col(8, bool)
    codes = tf.codes
    words = doc.parsed.words
    initial = np.zeros(len(codes), dtype=bool)
    initial[(np.cumsum(words) - words)[words > 0]] = True
    cap = capitalised[codes]
    # A name: capitalised inside a sentence, or sentence-initial and capitalised inside a
    # sentence somewhere else in the document.
    inside = cap & ~initial
    capitalised_inside = np.zeros(k, dtype=bool)
    capitalised_inside[codes[inside]] = True
    proper = inside | (cap & capitalised_inside[codes])
    poly_form = syllables >= 3
    complex_form = poly_form & ~hyphenated & ~suffix_only & ~number
    return WordProps(
        capitalised=capitalised,
        hyphenated=hyphenated,
        letters=letters,
        characters=characters,
        syllables=syllables,
        source=source,
        suffix_only=suffix_only,
        familiar=familiar,
        sentence_initial=initial,
        proper_name=proper,
        polysyllable=poly_form[codes],
        long_word=(letters > 6)[codes],
        complex_word=complex_form[codes] & ~proper,
        difficult=~(familiar[codes] | proper),
    )


def word_props(doc: Document) -> WordProps:
    """:class:`WordProps` of ``doc``, computed once and kept on the document."""
    return doc.memo(("textstats.word_props",), lambda: _word_props(doc))


def _tokens_of(doc: Document, stopwords_path: str) -> pd.DataFrame:
    """The token table of one document (see :func:`tokens`)."""
    tf, wp = token_forms(doc), word_props(doc)
    codes = tf.codes
    df = doc.tokens.copy()
    if stopwords_path:
        v = form_vocabulary(doc, stopwords_path)
        df["term"] = pd.Series(v.term[codes], dtype=object)
        df["stopword"] = v.stopword[codes]
    df["sentence_initial"] = wp.sentence_initial
    df["capitalised"] = wp.capitalised[codes]
    df["hyphenated"] = wp.hyphenated[codes]
    df["proper_name"] = wp.proper_name
    df["letters"] = wp.letters[codes]
    df["characters"] = wp.characters[codes]
    df["syllables"] = wp.syllables[codes]
    df["syllable_source"] = pd.Series(wp.source[codes], dtype=object)
    df["polysyllable"] = wp.polysyllable
    df["long_word"] = wp.long_word
    df["complex_word"] = wp.complex_word
    df["difficult"] = wp.difficult
    return df[TOKEN_COLUMNS]


def tokens(x: CorpusLike, stopwords_path: str = "") -> pd.DataFrame:
    """Every word token of the body with the properties the statistics count.

    The document's token table (:attr:`~research_utils.ingest.Document.tokens`) joined
    with the readability properties of each token (see the module docstring).

    Parameters
    ----------
    x : CorpusLike
        A corpus, document, path or text (see :func:`~research_utils.ingest.as_corpus`).
    stopwords_path : str
        Stop-word file for the ``stopword`` and ``term`` columns (``""`` = bundled list).

    Returns
    -------
    DataFrame
        One row per token, in article order: ``article`` (slug), ``sentence_id``,
        ``paragraph_id``, ``position`` (0 = first word of its sentence), ``start`` and
        ``end`` (character offsets in the paragraph), ``token`` (as written, apostrophes
        ``'``), ``norm`` (type), ``term`` (type with a possessive folded), ``is_number``,
        ``stopword``, ``sentence_initial``, ``capitalised``, ``hyphenated``,
        ``proper_name``, ``letters``, ``characters`` (letters and digits),
        ``syllables``, ``syllable_source`` (cmudict / cmudict parts / number / letters /
        rule), ``polysyllable``, ``long_word``, ``complex_word``, ``difficult``,
        ``voice`` (author/quoted).
    """
    return per_document(x, lambda doc: _tokens_of(doc, stopwords_path), TOKEN_COLUMNS)
