"""One vocabulary for every analysis: word, type, term, stop word, reference frequency.

* A **word** is a token of :func:`research_utils.ingest.tokens.words`: hyphenated
  words, contractions and possessives are one word; punctuation is not a word. Number
  tokens (``1991``, ``3.5``, ``24th``) are words for counts and readability but are left
  out of vocabulary measures (frequencies, diversity, keyness, distinctive words).
* A **type** (:func:`norm`) is a case-folded word form. Case folding keeps all-capital
  acronyms of two or more letters in capitals (``US``, ``EU``, ``NATO``), so the country
  "US" is not the pronoun "us"; everything else is lower-cased.
* A **term** (:func:`term`) is a type with a possessive folded into its noun
  (``Ukraine's`` counts as ``ukraine``); contractions such as ``it's`` are left alone.
  Terms are the unit of frequencies, keyness and distinctive words.
* A **stop word** is a type on the stop-word list (:func:`load_stopwords`: the bundled
  ``lexicons/stopwords_en.txt`` of English function words, or a file of your own).
  "US" is not a stop word; "us" is.
* The **reference frequency** of a term (:func:`reference_frequency`) is its share of
  general English in ``wordfreq`` (Speer 2022), never below :data:`REFERENCE_FLOOR`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from research_utils.ingest.tokens import is_number
from research_utils.paths import LEXICON_DIR

__all__ = [
    "REFERENCE_FLOOR",
    "Forms",
    "forms",
    "load_stopwords",
    "norm",
    "reference_frequency",
    "term",
]

REFERENCE_FLOOR: float = 1e-8
"""Reference proportion given to words that ``wordfreq`` does not list.

wordfreq's English list stops at about 1.02e-8 (one occurrence in a hundred million
words); a word it lacks is treated as slightly rarer than the rarest word it lists.
"""

STOPWORDS_FILE: Path = LEXICON_DIR / "stopwords_en.txt"
"""The bundled stop-word list."""

_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def norm(token: str) -> str:
    """The type of a token: case-folded, keeping all-capital acronyms of 2+ letters (US, NATO).

    A possessive of an acronym keeps the acronym (``NATO's`` -> ``NATO's``, whose term is
    ``NATO``); a contraction in capitals stays a contraction (``IT'S`` -> ``it's``).
    """
    if (
        len(token) > 3
        and token[-2:] in ("'s", "'S")
        and token[-3].isupper()
        and token.lower() not in load_stopwords()
    ):
        base = _norm(token[:-2])
        return base + "'s" if base == token[:-2] else token.lower()
    return _norm(token)


def _norm(token: str) -> str:
    if token.isascii():  # the letters are A-Z and a-z: the same test, without a loop
        letters = len(token) - len(token.translate(_ASCII_LETTERS))
        return token if letters >= 2 and token.isupper() else token.lower()
    letters_ = [c for c in token if c.isalpha()]
    if len(letters_) >= 2 and all(c.isupper() for c in letters_):
        return token
    return token.lower()


def term(type_: str, stopwords: frozenset[str] | None = None) -> str:
    """A type with its possessive folded (``ukraine's`` -> ``ukraine``, ``allies'`` -> ``allies``).

    Stop words (``it's``, ``that's``, ``let's``) are contractions, not possessives, and
    stay as they are.
    """
    stop = load_stopwords() if stopwords is None else stopwords
    if type_ in stop:
        return type_
    if type_.endswith("'s") and len(type_) > 2:
        return type_[:-2]
    if type_.endswith("s'") and len(type_) > 2:
        return type_[:-1]
    return type_


@functools.lru_cache(maxsize=8)
def load_stopwords(path: str = "") -> frozenset[str]:
    """Read a stop-word list: one word a line, ``#`` starts a comment.

    Parameters
    ----------
    path : str
        A text file of your own; ``""`` reads the bundled ``lexicons/stopwords_en.txt``
        (English function words by grammatical class; its header says how it was built).

    Returns
    -------
    frozenset of str
        Lower-case words with apostrophes written ``'``.

    Raises
    ------
    FileNotFoundError
        With a one-line message, when the file does not exist.
    """
    file = Path(path) if path else STOPWORDS_FILE
    if not file.is_file():
        raise FileNotFoundError(f"stop-word file {file} does not exist: give a text file, one word a line.")
    out = set()
    for line in file.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower().replace("’", "'")
        if word:
            out.add(word)
    return frozenset(out)


@dataclass(frozen=True)
class Forms:
    """Vocabulary of a list of distinct token forms, as parallel arrays."""

    norm: np.ndarray
    term: np.ndarray
    is_number: np.ndarray
    stopword: np.ndarray


@functools.lru_cache(maxsize=200_000)
def _form(token: str) -> tuple[str, str, bool, bool]:
    """Type, term, number and stop-word flags of one token form with the bundled stop list
    (kept for the forms seen before: a word's vocabulary does not depend on its article)."""
    stop = load_stopwords()
    type_ = norm(token)
    return type_, term(type_, stop), is_number(token), type_ in stop


def forms(tokens: list[str], stopwords_path: str = "") -> Forms:
    """Type, term, number and stop-word flags of each distinct token form in ``tokens``."""
    if stopwords_path:
        stop = load_stopwords(stopwords_path)
        rows = [(n, term(n, stop), is_number(t), n in stop) for t, n in ((t, norm(t)) for t in tokens)]
    else:
        rows = [_form(t) for t in tokens]
    n = len(rows)
    return Forms(
        norm=np.asarray([r[0] for r in rows], dtype=object),
        term=np.asarray([r[1] for r in rows], dtype=object),
        is_number=np.fromiter((r[2] for r in rows), dtype=bool, count=n),
        stopword=np.fromiter((r[3] for r in rows), dtype=bool, count=n),
    )


def reference_frequency(terms: list[str] | np.ndarray, *, floored: bool = True) -> np.ndarray:
    """Share of each term in general English (``wordfreq``).

    Acronyms kept in capitals (``NATO``) are looked up in lower case, as wordfreq lists
    them. With ``floored`` (the default) a term wordfreq does not list gets
    :data:`REFERENCE_FLOOR`; without, 0 (so that callers can say which terms were listed).
    """
    from wordfreq import word_frequency

    freq = np.fromiter((word_frequency(str(t).lower(), "en") for t in terms), dtype=float, count=len(terms))
    return np.maximum(freq, REFERENCE_FLOOR) if floored else freq
