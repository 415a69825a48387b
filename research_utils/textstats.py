"""Text statistics of a news article: counts, readability, diversity, frequencies,
keyness, collocations, concordance and a sentiment arc.

Everything is measured on the article's **body paragraphs** only (the title, deck,
headings and the page furniture listed by :func:`research_utils.article.excluded_lines`
are left out), split by :func:`research_utils.tokenize.sentences` and
:func:`research_utils.tokenize.words`.

Tokens and types
----------------
* A **word** is a token of :func:`~research_utils.tokenize.words`: hyphenated words,
  contractions and possessives are one word; punctuation is not a word. Number tokens
  (``1991``, ``3.5``, ``24th``; :func:`~research_utils.tokenize.is_number`) count as
  words for the readability formulas (their syllables are counted as read aloud, see
  :mod:`research_utils.syllables`), but they are **left out** of frequencies, lexical
  diversity, n-grams, collocations and keyness, which are about vocabulary.
* A **type** is a distinct case-folded word form. Case folding keeps all-capital
  acronyms of two or more letters in capitals (``US``, ``EU``, ``NATO``), so the
  country "US" is not the pronoun "us"; everything else is lower-cased.
* Word **frequencies** and **keyness** also fold the possessive into its noun
  (``Ukraine's`` counts as ``ukraine``) unless ``strip_possessive=False``;
  contractions such as ``it's`` are left alone. Diversity measures count word forms
  without this folding.
* A **sentence** is a sentence of :func:`~research_utils.tokenize.sentences` that
  contains at least one word.

Performance: per-token properties are computed once per distinct word form and
broadcast with numpy; diversity windows are running counts. Every function is linear in
the length of the text.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from research_utils.paths import LEXICON_DIR
from research_utils.syllables import cmu_syllables, syllable_info
from research_utils.tokenize import _sentence_quotes, _Tokenised, _tokenised, is_number, sentences

if TYPE_CHECKING:
    from research_utils.article import Article

__all__ = [
    "DEFAULT_KWIC_TERMS",
    "READABILITY_KEYS",
    "REFERENCE_FLOOR",
    "ari",
    "coleman_liau",
    "collocations",
    "compare",
    "counts",
    "counts_table",
    "dale_chall",
    "difficult_word_list",
    "diversity_curve",
    "easy_words",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "g2_one_sample",
    "gunning_fog",
    "hdd",
    "is_familiar",
    "keyness",
    "kwic",
    "lexical_diversity",
    "lexical_diversity_dict",
    "lix",
    "load_stopwords",
    "longest_sentences",
    "mattr",
    "mtld",
    "ngram_frequencies",
    "readability",
    "readability_dict",
    "sentence_length_summary",
    "sentence_lengths",
    "sentiment_arc",
    "smog",
    "summary",
    "tokens",
    "ttr",
    "vocabulary",
    "word_frequencies",
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

REFERENCE_FLOOR: float = 1e-8
"""Reference proportion given to words that ``wordfreq`` does not list.

wordfreq's English list stops at about 1.02e-8 (one occurrence in a hundred million
words); a word it lacks is treated as slightly rarer than the rarest word it lists.
"""

DEFAULT_KWIC_TERMS: tuple[str, ...] = ("neutral*", "guarantee*", "NATO")
"""Example concordance queries (a trailing ``*`` matches any ending)."""

_NUM_PLACEHOLDER = "\x00num"  # stands in for numbers so n-grams do not bridge them


# --------------------------------------------------------------------------- word lists


@functools.lru_cache(maxsize=8)
def load_stopwords(path: str = "") -> frozenset[str]:
    """Read a stop-word list: one word a line, ``#`` starts a comment.

    Parameters
    ----------
    path : str
        A text file of your own; ``""`` reads the bundled
        ``research_utils/lexicons/stopwords_en.txt`` (English function words by
        grammatical class; its header says how it was built).

    Returns
    -------
    frozenset of str
        Lower-case words with apostrophes written ``'``.
    """
    file = Path(path) if path else LEXICON_DIR / "stopwords_en.txt"
    if not file.is_file():
        raise FileNotFoundError(f"stop-word file {file} does not exist: give a text file, one word a line.")
    out = set()
    for line in file.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower().replace("’", "'")
        if word:
            out.add(word)
    return frozenset(out)


@functools.cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall familiar-word list as shipped by the ``textstat`` package.

    The file ``textstat/resources/en/easy_words.txt`` (about 2,950 words) is read
    directly; ``textstat`` itself is never imported, because importing it may try to
    download NLTK data. The list is textstat's rendition of the Chall & Dale (1995)
    list of words known to 80 % of fourth graders.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the Dale-Chall word list comes from the textstat package: pip install 'textstat>=0.7.4,<0.8'"
        )
    file = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    words_ = file.read_text(encoding="utf-8").split()
    return frozenset(w.strip().lower().replace("’", "'") for w in words_ if w.strip())


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of ``word`` after removing one regular ending."""
    w = word
    out: list[str] = []

    def undouble(stem: str) -> list[str]:
        return [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls" else []

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
        out += [stem, w[:-1], *undouble(stem)]
    if w.endswith("ing") and len(w) > 4:
        stem = w[:-3]
        out += [stem, stem + "e", *undouble(stem)]
    for suffix in ("est", "er"):
        if w.endswith("i" + suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix) - 1] + "y")
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            out += [stem, stem + "e", *undouble(stem)]
    if w.endswith("ily") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ly") and len(w) > 3:
        out.append(w[:-2])
    return out


@functools.lru_cache(maxsize=200_000)
def is_familiar(word: str) -> bool:
    """Whether a word counts as familiar for the new Dale-Chall formula.

    The rule, applied to the lower-cased word: it is familiar if it is on
    :func:`easy_words`; or, after a possessive ``'s``/``'`` is removed, if the rest
    is; or if removing **one** regular ending gives a listed word (plural and verb
    ``-s``/``-es``/``-ies``, past ``-ed``/``-d``/``-ied``, ``-ing``, comparative and
    superlative ``-er``/``-est``/``-ier``/``-iest``, adverb ``-ly``/``-ily``; a
    dropped final *e* is restored and a doubled consonant undone: *liked*, *making*,
    *bigger*); a hyphenated word is familiar when every part is. Irregular forms not
    on the list (*went* is listed, *fought* is not) are difficult, as in the Dale-Chall
    instructions. Numbers and proper names are handled by the caller.

    Parameters
    ----------
    word : str
        A word token (any case; ``'`` or ``’``).
    """
    easy = easy_words()
    w = word.lower().replace("’", "'").strip("'")
    if not w:
        return True
    if w in easy:
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
    """True if ``word`` reaches 3 syllables only through -es, -ed or -ing (Gunning).

    The word's base form (``-ing``: *creating* -> *create*/*creat*; ``-ed``:
    *decided* -> *decide*; ``-es``: *statuses* -> *status*; ``-ied``/``-ies`` -> *y*;
    doubled consonants undone) must be in CMUdict with fewer than 3 syllables. When no
    base form is found the word stays complex.
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


# --------------------------------------------------------------------------- tokens


def _norm(token: str) -> str:
    """Case-fold a token, keeping all-capital acronyms of 2+ letters (US, NATO)."""
    if token.isascii():  # the letters are A-Z and a-z: the same test, without a loop
        return token if _ascii_letters(token) >= 2 and token.isupper() else token.lower()
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return token
    return token.lower()


_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _ascii_letters(token: str) -> int:
    return len(token) - len(token.translate(_ASCII_LETTERS))


def _letters(token: str) -> int:
    """Letters in a token (``str.isalpha`` characters)."""
    if token.isascii():
        return _ascii_letters(token)
    return sum(c.isalpha() for c in token)


def _alnum(token: str) -> int:
    """Letters and digits in a token (``str.isalnum`` characters)."""
    if token.isascii():
        return len(token) - len(token.translate(_ASCII_ALNUM))
    return sum(c.isalnum() for c in token)


def _strip_possessive(norm: str, stop: frozenset[str]) -> str:
    if norm in stop:
        return norm  # it's, that's, let's: contractions, not possessives
    if norm.endswith("'s") and len(norm) > 2:
        return norm[:-2]
    if norm.endswith("s'") and len(norm) > 2:
        return norm[:-1]
    return norm


_TOKEN_COLUMNS = [
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


@functools.lru_cache(maxsize=200_000)
def _word_properties(token: str) -> tuple[tuple[int, ...], str, str]:
    """The stop-word-independent properties of one token form (cached, like its syllables).

    Returns ``(numbers, norm, syllable source)``, where ``numbers`` holds eight integers:
    is a number, capitalised, hyphenated, letters, characters, syllables, reaches 3
    syllables only by a suffix (Gunning), familiar (Dale-Chall).
    """
    num = is_number(token)
    syl, source = syllable_info(token)
    numbers = (
        int(num),
        int(token[:1].isupper()),
        int("-" in token or "‐" in token or "‑" in token),
        _letters(token),
        _alnum(token),
        syl,
        int((not num) and _suffix_only(token, syl)),
        int(num or is_familiar(token)),
    )
    return numbers, _norm(token), source


def _terms_and_stops(norms: list[str], stopwords_path: str) -> list[tuple[str, bool]]:
    """The term (possessive folded) of each case-folded word form, and whether it is a stop
    word (the list is read even for no words: a missing file is an error for any text)."""
    stop = load_stopwords(stopwords_path)
    return [(_strip_possessive(norm, stop), norm in stop) for norm in norms]


_VOICES = np.array(["author", "quoted"], dtype=object)


def _quoted_tokens(tk: _Tokenised, quotes: tuple[tuple[tuple[int, int], ...], ...]) -> np.ndarray:
    """Whether the middle of each token lies inside a quotation (``quotes``, per sentence)
    of its sentence."""
    n_tok = len(tk.token)
    quoted = np.zeros(n_tok, dtype=bool)
    with_quotes = [i for i, spans in enumerate(quotes) if spans]
    if not n_tok or not with_quotes:
        return quoted
    # Sentence i as one stretch of a line: offsets of different sentences never overlap.
    size = np.asarray([len(t) + 1 for t in tk.sentence], dtype=np.int64)
    base = np.cumsum(size) - size
    # Doubled coordinates keep a token's middle, (start + end) / 2, an integer.
    spans = sorted((2 * (base[i] + a), 2 * (base[i] + b)) for i in with_quotes for a, b in quotes[i])
    merged: list[list[int]] = []
    for a, b in spans:  # the union of the quotations (they may overlap)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([int(a), int(b)])
    lo = np.asarray([a for a, _ in merged], dtype=np.int64)
    hi = np.asarray([b for _, b in merged], dtype=np.int64)
    mid2 = 2 * base[tk.token_sentence] + tk.token_start + tk.token_end
    k = np.searchsorted(lo, mid2, side="right") - 1
    return (k >= 0) & (mid2 < hi[np.maximum(k, 0)])


@functools.lru_cache(maxsize=16)
def _token_arrays(article: Article) -> dict[str, Any]:
    """Every token's properties that do not depend on a stop-word list, as arrays,
    computed once per distinct word form (cached: do not modify)."""
    tk = _tokenised(article)
    tok_list = tk.token
    n_tok = len(tok_list)
    sid_arr = tk.token_sentence.astype(np.int64, copy=False)
    lens_arr = tk.words
    first_row = np.cumsum(lens_arr) - lens_arr
    pos_arr = np.arange(n_tok, dtype=np.int64) - first_row[sid_arr]
    pid_arr = np.asarray(tk.paragraph_id, dtype=np.int64)[sid_arr]
    off_arr = np.asarray(tk.start, dtype=np.int64)[sid_arr]

    codes, uniques = pd.factorize(np.array(tok_list, dtype=object))
    uniq = list(uniques)
    # Per distinct token form (each form's properties are cached across articles).
    props = [_word_properties(t) for t in uniq]
    numbers = np.array([p[0] for p in props], dtype=np.int64).reshape(len(props), 8)
    u_num, u_cap, u_hyph = numbers[:, 0] > 0, numbers[:, 1] > 0, numbers[:, 2] > 0
    u_letters, u_chars, u_syl = numbers[:, 3], numbers[:, 4], numbers[:, 5]
    u_suffix, u_familiar = numbers[:, 6] > 0, numbers[:, 7] > 0
    u_norm = [p[1] for p in props]
    u_src = [p[2] for p in props]

    pos = pos_arr
    initial = pos == 0
    cap = u_cap[codes]
    # A name: a capitalised word inside a sentence, or a sentence-initial capitalised
    # word whose form also occurs capitalised inside a sentence somewhere in the text.
    inside = cap & ~initial
    capitalised_inside = np.zeros(len(uniq), dtype=bool)  # forms capitalised inside a sentence
    capitalised_inside[codes[inside]] = True
    proper = inside | (cap & capitalised_inside[codes])
    num = u_num[codes]
    syl = u_syl[codes]
    hyph = u_hyph[codes]
    return {
        "codes": codes,
        "uniques": uniq,
        "u_norm": u_norm,
        "u_src": u_src,
        "sentence_id": sid_arr,
        "paragraph_id": pid_arr,
        "position": pos,
        "start": off_arr + tk.token_start,
        "end": off_arr + tk.token_end,
        "is_number": num,
        "sentence_initial": initial,
        "capitalised": cap,
        "hyphenated": hyph,
        "proper_name": proper,
        "letters": u_letters[codes],
        "characters": u_chars[codes],
        "syllables": syl,
        "polysyllable": syl >= 3,
        "long_word": u_letters[codes] > 6,
        "complex_word": (syl >= 3) & ~proper & ~hyph & ~u_suffix[codes] & ~num,
        "difficult": ~(u_familiar[codes] | proper),
    }


@functools.lru_cache(maxsize=16)
def _token_frame(article: Article, stopwords_path: str) -> pd.DataFrame:
    """:func:`tokens` (cached: do not modify)."""
    t = _token_arrays(article)
    codes = t["codes"]
    term_stop = _terms_and_stops(t["u_norm"], stopwords_path)
    u_term = [term for term, _ in term_stop]
    u_stop = np.array([stop for _, stop in term_stop], dtype=bool)  # "US" is not "us"
    df = pd.DataFrame(
        {
            "article": article.slug,
            "sentence_id": t["sentence_id"],
            "paragraph_id": t["paragraph_id"],
            "position": t["position"],
            "start": t["start"],
            "end": t["end"],
            "token": pd.Series(_tokenised(article).token, dtype=object),
            "norm": pd.Series(np.asarray(t["u_norm"], dtype=object)[codes], dtype=object),
            "term": pd.Series(np.asarray(u_term, dtype=object)[codes], dtype=object),
            "is_number": t["is_number"],
            "stopword": u_stop[codes],
            "sentence_initial": t["sentence_initial"],
            "capitalised": t["capitalised"],
            "hyphenated": t["hyphenated"],
            "proper_name": t["proper_name"],
            "letters": t["letters"],
            "characters": t["characters"],
            "syllables": t["syllables"],
            "syllable_source": pd.Series(np.asarray(t["u_src"], dtype=object)[codes], dtype=object),
            "polysyllable": t["polysyllable"],
            "long_word": t["long_word"],
            "complex_word": t["complex_word"],
            "difficult": t["difficult"],
            "voice": pd.Series(
                _VOICES[_quoted_tokens(_tokenised(article), _sentence_quotes(article)).view(np.uint8)],
                dtype=object,
            ),
        },
        columns=_TOKEN_COLUMNS,
    )
    return df


def tokens(article: Article, stopwords_path: str = "") -> pd.DataFrame:
    """Every word token of the body with the properties the statistics count.

    Parameters
    ----------
    article : Article
    stopwords_path : str
        Stop-word file (``""`` = bundled list).

    Returns
    -------
    DataFrame
        One row per token, in article order: ``article`` (slug), ``sentence_id``,
        ``paragraph_id``, ``position`` (0 = first word of its sentence), ``start`` and
        ``end`` (character offsets in the paragraph), ``token`` (as
        written, apostrophes ``'``), ``norm`` (case-folded type, acronyms kept),
        ``term`` (``norm`` with a possessive folded: the unit of frequencies and
        keyness), ``is_number``, ``stopword``, ``sentence_initial``, ``capitalised``,
        ``hyphenated``, ``proper_name`` (capitalised inside a sentence, or at its start
        when the same form is capitalised inside a sentence elsewhere in the article),
        ``letters`` (letter count), ``characters`` (letters and
        digits), ``syllables``, ``syllable_source`` (cmudict / cmudict parts / number /
        letters / rule), ``polysyllable`` (3+ syllables, SMOG), ``long_word`` (more than
        6 letters, LIX), ``complex_word`` (Gunning's complex word: 3+ syllables, not a
        proper name, not hyphenated, not 3 syllables only by -es/-ed/-ing, not a
        number), ``difficult`` (not familiar by the Dale-Chall rule of
        :func:`is_familiar`; numbers and proper names count as familiar), ``voice``
        (author/quoted).
    """
    return _token_frame(article, stopwords_path).copy()


@functools.lru_cache(maxsize=16)
def _sentence_frame(article: Article) -> pd.DataFrame:
    """Sentences that contain at least one word, with their voice (cached: do not modify)."""
    s = sentences(article)
    s = s[s["words"] > 0].reset_index(drop=True)
    lengths = s["sentence"].str.len().to_numpy()
    quoted = np.array(
        [
            sum(min(b, n) - max(a, 0) for a, b in spans)
            for spans, n in zip(s["quote_spans"], lengths, strict=True)
        ],
        dtype=float,
    )
    share = np.divide(quoted, lengths, out=np.zeros_like(quoted), where=lengths > 0)
    s["quoted_share"] = share.round(3)
    s["voice"] = np.where(share >= 0.5, "quoted", "author")
    s["article"] = article.slug
    return s


# --------------------------------------------------------------------------- counts


def counts(article: Article) -> dict[str, int]:
    """Basic counts of the body.

    Returns
    -------
    dict
        ``paragraphs``, ``sentences`` (with at least one word), ``words`` (all tokens,
        numbers included), ``types`` (distinct case-folded word forms, numbers
        included), ``characters`` (letters and digits inside words),
        ``characters_with_spaces`` (every character of the body paragraphs, spaces and
        punctuation included, paragraph breaks not), ``letters``, ``syllables``,
        ``polysyllables`` (3+ syllables), ``long_words`` (more than 6 letters),
        ``complex_words`` (Gunning), ``difficult_words`` (Dale-Chall),
        ``number_tokens``, ``vocabulary_tokens`` (words without numbers, the base of
        frequencies and diversity).
    """
    return dict(_counts(article))


@functools.lru_cache(maxsize=16)
def _counts(article: Article) -> dict[str, int]:
    """Cached :func:`counts`, from the token arrays (no table is built)."""
    t = _token_arrays(article)
    n = len(t["codes"])
    return {
        "paragraphs": len(article.paragraphs),
        "sentences": int((_tokenised(article).words > 0).sum()),
        "words": n,
        "types": len(set(t["u_norm"])),
        "characters": int(t["characters"].sum()),
        "characters_with_spaces": int(sum(len(p) for p in article.paragraphs)),
        "letters": int(t["letters"].sum()),
        "syllables": int(t["syllables"].sum()),
        "polysyllables": int(t["polysyllable"].sum()),
        "long_words": int(t["long_word"].sum()),
        "complex_words": int(t["complex_word"].sum()),
        "difficult_words": int(t["difficult"].sum()),
        "number_tokens": int(t["is_number"].sum()),
        "vocabulary_tokens": n - int(t["is_number"].sum()),
    }


_COUNT_DEFINITIONS = {
    "paragraphs": "body paragraphs (title, deck, headings and furniture left out)",
    "sentences": "body sentences with at least one word",
    "words": "word tokens, numbers included (hyphenated words and contractions are one word)",
    "types": "distinct word forms, case-folded (acronyms such as US and NATO kept in capitals)",
    "characters": "letters and digits inside words (no spaces or punctuation)",
    "characters_with_spaces": "every character of the body paragraphs, spaces and punctuation included",
    "letters": "letters inside words",
    "syllables": "syllables of all words (CMUdict; rule for unknown words; numbers as read aloud)",
    "polysyllables": "words of 3 or more syllables (SMOG)",
    "long_words": "words of more than 6 letters (LIX)",
    "complex_words": "Gunning's complex words: 3+ syllables, not names, compounds or -es/-ed/-ing forms",
    "difficult_words": "words not on the Dale-Chall familiar list (after its inflection rule)",
    "number_tokens": "number tokens (1991, 3.5, 24th): words for readability, left out of vocabulary measures",
    "vocabulary_tokens": "words without numbers: the base of frequencies, diversity and keyness",
}


def counts_table(article: Article) -> pd.DataFrame:
    """:func:`counts` as a table.

    Returns
    -------
    DataFrame
        Columns ``measure``, ``value``, ``definition``, ``article``.
    """
    c = counts(article)
    rows = [{"measure": k, "value": v, "definition": _COUNT_DEFINITIONS[k]} for k, v in c.items()]
    df = pd.DataFrame(rows, columns=["measure", "value", "definition"])
    df["article"] = article.slug
    return df


def sentence_lengths(article: Article) -> pd.DataFrame:
    """Length in words of every body sentence.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``section``, ``words``,
        ``voice`` (``quoted`` when at least half the sentence is inside quotation
        marks), ``quoted_share``, ``sentence``.
    """
    s = _sentence_frame(article)
    return s[
        ["article", "sentence_id", "paragraph_id", "section", "words", "voice", "quoted_share", "sentence"]
    ]


def sentence_length_summary(article: Article) -> dict[str, float]:
    """Mean, median, standard deviation (n - 1), minimum and maximum sentence length in words.

    Returns
    -------
    dict
        ``sentences``, ``mean``, ``median``, ``sd``, ``min``, ``max`` (NaN where undefined).
    """
    w = _sentence_frame(article)["words"].astype(float)
    return {
        "sentences": len(w),
        "mean": float(w.mean()) if len(w) else math.nan,
        "median": float(w.median()) if len(w) else math.nan,
        "sd": float(w.std(ddof=1)) if len(w) > 1 else math.nan,
        "min": float(w.min()) if len(w) else math.nan,
        "max": float(w.max()) if len(w) else math.nan,
    }


def longest_sentences(article: Article, n: int = 5) -> pd.DataFrame:
    """The ``n`` longest sentences (ties in article order); columns as :func:`sentence_lengths`."""
    s = sentence_lengths(article)
    return s.sort_values(["words", "sentence_id"], ascending=[False, True], kind="stable").head(n)


# --------------------------------------------------------------------------- readability


def _div(a: float, b: float) -> float:
    return a / b if b else math.nan


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948) Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    0-100 scale, higher is easier. NaN when there are no words or sentences.
    """
    wps, spw = _div(words, sentences), _div(syllables, words)
    return 206.835 - 1.015 * wps - 84.6 * spw


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
    """New Dale-Chall score: 0.1579 x percent difficult words + 0.0496 x words/sentences.

    3.6365 is added when more than 5 % of the words are difficult.
    """
    pct = 100 * _div(difficult_words, words)
    score = 0.1579 * pct + 0.0496 * _div(words, sentences)
    return score + 3.6365 if pct > 5 else score


def lix(words: int, sentences: int, long_words: int) -> float:
    """Björnsson (1968) LIX: words/sentences + 100 x long_words/words (long = more than 6 letters)."""
    return _div(words, sentences) + 100 * _div(long_words, words)


def _grade_text(g: float) -> str:
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


def _flesch_text(v: float) -> str:
    if math.isnan(v):
        return "not defined"
    bands = (
        (90, "very easy (90-100)"),
        (80, "easy (80-89)"),
        (70, "fairly easy (70-79)"),
        (60, "standard (60-69)"),
        (50, "fairly difficult (50-59)"),
        (30, "difficult (30-49)"),
    )
    for lo, name in bands:
        if v >= lo:
            return f"{name} on Flesch's scale"
    return "very difficult (0-29) on Flesch's scale"


def _dale_chall_text(v: float) -> str:
    if math.isnan(v):
        return "not defined"
    bands = (
        (10, "college graduate"),
        (9, "US grades 13-15 (college)"),
        (8, "US grades 11-12"),
        (7, "US grades 9-10"),
        (6, "US grades 7-8"),
        (5, "US grades 5-6"),
    )
    for lo, name in bands:
        if v >= lo:
            return f"readable by an average reader in {name}"
    return "readable by an average reader in US grade 4 or below"


def _lix_text(v: float) -> str:
    if math.isnan(v):
        return "not defined"
    bands = (
        (60, "over 60: specialist and research texts"),
        (50, "50-60: technical texts"),
        (40, "40-50: factual texts"),
        (30, "30-40: normal prose, fiction"),
        (25, "25-30: simple texts"),
    )
    for lo, name in bands:
        if v >= lo:
            return f"LIX {name}"
    return "LIX below 25: children's books"


def _fmt(x: float, nd: int = 2) -> str:
    return "NaN" if math.isnan(x) else f"{x:.{nd}f}"


def _readability_values(c: dict[str, int]) -> dict[str, float]:
    """The eight formulas applied to :func:`counts`, keyed as in ``results.json``."""
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


def readability(article: Article) -> pd.DataFrame:
    """Eight readability formulas with their inputs, so a reader can recompute them.

    Counts come from :func:`tokens` (see :func:`counts` for the definitions): words
    include numbers; syllables follow :mod:`research_utils.syllables`; sentences are
    the body sentences with at least one word.

    Returns
    -------
    DataFrame
        ``measure``, ``key`` (the results.json key), ``value``, ``formula``, ``inputs``
        (the counts used), ``calculation`` (the formula with the numbers put in),
        ``citation``, ``interpretation``, ``article``.
    """
    c = counts(article)
    W, S, Y = c["words"], c["sentences"], c["syllables"]
    P, L, C, X = c["polysyllables"], c["letters"], c["characters"], c["complex_words"]
    D, LW = c["difficult_words"], c["long_words"]
    wps, spw = _div(W, S), _div(Y, W)
    pct_d = 100 * _div(D, W)
    values = _readability_values(c)
    rows: list[dict[str, Any]] = []

    def add(
        measure: str,
        key: str,
        value: float,
        formula: str,
        inputs: str,
        calc: str,
        citation: str,
        interp: str,
    ) -> None:
        rows.append(
            {
                "measure": measure,
                "key": key,
                "value": value,
                "formula": formula,
                "inputs": inputs,
                "calculation": calc,
                "citation": citation,
                "interpretation": interp,
            }
        )

    v = values["flesch_reading_ease"]
    add(
        "Flesch Reading Ease",
        "flesch_reading_ease",
        v,
        "206.835 − 1.015 × words/sentences − 84.6 × syllables/words",
        f"words={W}; sentences={S}; syllables={Y}",
        f"206.835 − 1.015 × {_fmt(wps)} − 84.6 × {_fmt(spw, 3)} = {_fmt(v)}",
        "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3), 221-233.",
        _flesch_text(v) + "; higher is easier",
    )
    v = values["flesch_kincaid_grade"]
    add(
        "Flesch-Kincaid grade",
        "flesch_kincaid_grade",
        v,
        "0.39 × words/sentences + 11.8 × syllables/words − 15.59",
        f"words={W}; sentences={S}; syllables={Y}",
        f"0.39 × {_fmt(wps)} + 11.8 × {_fmt(spw, 3)} − 15.59 = {_fmt(v)}",
        "Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
        "readability formulas for Navy enlisted personnel. Research Branch Report 8-75, US Navy.",
        _grade_text(v),
    )
    v = values["gunning_fog"]
    add(
        "Gunning Fog index",
        "gunning_fog",
        v,
        "0.4 × (words/sentences + 100 × complex words/words)",
        f"words={W}; sentences={S}; complex_words={X}",
        f"0.4 × ({_fmt(wps)} + 100 × {X}/{W}) = {_fmt(v)}",
        "Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.",
        _grade_text(v) + "; complex = 3+ syllables, excluding names, hyphenated compounds "
        "and words made 3-syllable by -es/-ed/-ing",
    )
    v = values["smog"]
    add(
        "SMOG grade",
        "smog",
        v,
        "1.0430 × √(polysyllables × 30/sentences) + 3.1291",
        f"polysyllables={P}; sentences={S}",
        f"1.0430 × √({P} × 30/{S}) + 3.1291 = {_fmt(v)}",
        "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8), 639-646.",
        _grade_text(v)
        + ("" if S >= 30 else f"; only {S} sentences: SMOG is meant for samples of 30 or more"),
    )
    v = values["coleman_liau"]
    add(
        "Coleman-Liau index",
        "coleman_liau",
        v,
        "0.0588 × L − 0.296 × S − 15.8 (L = letters per 100 words, S = sentences per 100 words)",
        f"letters={L}; words={W}; sentences={S}",
        f"0.0588 × {_fmt(100 * _div(L, W))} − 0.296 × {_fmt(100 * _div(S, W))} − 15.8 = {_fmt(v)}",
        "Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine scoring. "
        "Journal of Applied Psychology 60(2), 283-284.",
        _grade_text(v),
    )
    v = values["ari"]
    add(
        "Automated Readability Index",
        "ari",
        v,
        "4.71 × characters/words + 0.5 × words/sentences − 21.43",
        f"characters={C} (letters and digits); words={W}; sentences={S}",
        f"4.71 × {_fmt(_div(C, W), 3)} + 0.5 × {_fmt(wps)} − 21.43 = {_fmt(v)}",
        "Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. AMRL-TR-66-220, "
        "Wright-Patterson Air Force Base.",
        _grade_text(v),
    )
    v = values["dale_chall"]
    add(
        "New Dale-Chall score",
        "dale_chall",
        v,
        "0.1579 × % difficult words + 0.0496 × words/sentences (+ 3.6365 if % difficult > 5)",
        f"difficult_words={D}; words={W}; sentences={S}",
        f"0.1579 × {_fmt(pct_d)} + 0.0496 × {_fmt(wps)}{' + 3.6365' if pct_d > 5 else ''} = {_fmt(v)}",
        "Chall, J. S. & Dale, E. (1995). Readability Revisited: The New Dale-Chall Readability Formula. "
        "Brookline Books. (Coefficients from Dale & Chall 1948; familiar-word list: textstat's rendition.)",
        _dale_chall_text(v),
    )
    v = values["lix"]
    add(
        "LIX",
        "lix",
        v,
        "words/sentences + 100 × long words/words (long = more than 6 letters)",
        f"words={W}; sentences={S}; long_words={LW}",
        f"{_fmt(wps)} + 100 × {LW}/{W} = {_fmt(v)}",
        "Björnsson, C. H. (1968). Läsbarhet. Stockholm: Liber.",
        _lix_text(v),
    )
    df = pd.DataFrame(rows)
    df["article"] = article.slug
    return df


def readability_dict(article_or_table: Article | pd.DataFrame) -> dict[str, float]:
    """The eight readability values keyed as in ``results.json`` (:data:`READABILITY_KEYS`).

    Given an article, the values are computed from :func:`counts` by the same functions
    as :func:`readability`, without building its table.
    """
    if not isinstance(article_or_table, pd.DataFrame):
        values = _readability_values(counts(article_or_table))
        return {k: float(values[k]) for k in READABILITY_KEYS}
    df = article_or_table
    values = dict(zip(df["key"], df["value"], strict=True))
    return {k: float(values[k]) for k in READABILITY_KEYS}


def difficult_word_list(article: Article, kind: str = "difficult") -> pd.DataFrame:
    """The words behind a readability count, so a reader can check them.

    Parameters
    ----------
    article : Article
    kind : str
        ``difficult`` (Dale-Chall), ``complex_word`` (Gunning Fog), ``polysyllable``
        (SMOG) or ``long_word`` (LIX).

    Returns
    -------
    DataFrame
        One row per word form counted: ``word`` (case-folded), ``count``,
        ``syllables``, ``syllable_source``, ``sentence_id`` (first occurrence),
        ``sentence``, ``article``; most frequent first.
    """
    if kind not in {"difficult", "complex_word", "polysyllable", "long_word"}:
        raise ValueError("kind must be difficult, complex_word, polysyllable or long_word")
    t = _token_frame(article, "")
    sel = t[t[kind]]
    cols = ["word", "count", "syllables", "syllable_source", "sentence_id", "sentence", "article"]
    if sel.empty:
        return pd.DataFrame(columns=cols)
    g = sel.groupby("norm", sort=False).agg(
        count=("token", "size"),
        syllables=("syllables", "first"),
        syllable_source=("syllable_source", "first"),
        sentence_id=("sentence_id", "first"),
    )
    g = g.reset_index().rename(columns={"norm": "word"})
    g = _attach_sentences(g, article)
    return g.sort_values(["count", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)[
        cols
    ]


def _count_first(df: pd.DataFrame, col: str) -> pd.DataFrame:
    """``col``, its ``count`` and the ``sentence_id`` of its first occurrence, in first-seen order."""
    first = df.drop_duplicates(col)[[col, "sentence_id"]]
    vc = df[col].value_counts(sort=False)
    first.insert(1, "count", first[col].map(vc).to_numpy())
    return first.reset_index(drop=True)


def _casefold_key(col: pd.Series) -> pd.Series:
    """Sort key: text compared without case (so ties read alphabetically), numbers as they are."""
    return col.str.lower() if col.dtype == object or pd.api.types.is_string_dtype(col) else col


@functools.lru_cache(maxsize=16)
def _sentence_texts(article: Article) -> pd.Series:
    return sentences(article).set_index("sentence_id")["sentence"]


def _attach_sentences(df: pd.DataFrame, article: Article) -> pd.DataFrame:
    s = _sentence_texts(article)
    df = df.copy()
    df["sentence"] = df["sentence_id"].map(s)
    df["article"] = article.slug
    return df


# --------------------------------------------------------------------------- diversity


def _ids(seq: Sequence[str] | np.ndarray) -> np.ndarray:
    """Integer type ids of a token sequence (an integer array is taken as ids already)."""
    if isinstance(seq, np.ndarray) and seq.dtype.kind in "iu":
        return seq.astype(np.int64, copy=False)
    codes, _ = pd.factorize(pd.Series(list(seq) if not isinstance(seq, np.ndarray) else seq, dtype=object))
    return codes.astype(np.int64)


def ttr(seq: Sequence[str]) -> float:
    """Type-token ratio: distinct items / items (NaN for an empty sequence)."""
    n = len(seq)
    if isinstance(seq, np.ndarray):
        return len(np.unique(seq)) / n if n else math.nan
    return len(set(seq)) / n if n else math.nan


def mattr(seq: Sequence[str], window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The TTR of every window of ``window`` consecutive tokens (``N - window + 1``
    windows), averaged. The number of types per window is updated as the window moves
    (one token enters, one leaves), in linear time. A text shorter than the window
    gives its plain TTR.

    Parameters
    ----------
    seq : sequence of str
        Tokens (already case-folded).
    window : int
        Window length in tokens (50 is common; Covington & McFall used 500 for long texts).
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    n = len(seq)
    if n == 0:
        return math.nan
    if n <= window:
        return ttr(seq)
    ids = _ids(seq)
    # prev[i]: previous position of the same type, or -1; nxt[i]: next position, or n.
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    same = sorted_ids[1:] == sorted_ids[:-1]
    prev = np.full(n, -1, dtype=np.int64)
    prev[order[1:][same]] = order[:-1][same]
    nxt = np.full(n, n, dtype=np.int64)
    nxt[order[:-1][same]] = order[1:][same]
    first_types = len(np.unique(ids[:window]))
    # Moving from window [s, s+w-1] to [s+1, s+w]: token s leaves (a type is lost unless
    # it recurs inside the window), token s+w enters (a type is gained unless it already
    # occurs in the new window).
    s = np.arange(0, n - window)
    e = s + window
    lost = nxt[s] > e - 1
    gained = prev[e] <= s
    delta = gained.astype(np.int64) - lost.astype(np.int64)
    types = np.concatenate(([first_types], first_types + np.cumsum(delta)))
    return float(types.mean() / window)


def _mtld_pass(ids: np.ndarray, threshold: float) -> float:
    factors = 0.0
    seen: set[int] = set()
    count = 0
    for t in ids.tolist():
        count += 1
        seen.add(t)
        if len(seen) / count <= threshold:
            factors += 1.0
            seen = set()
            count = 0
    if count:
        factors += (1.0 - len(seen) / count) / (1.0 - threshold)
    return len(ids) / factors if factors > 0 else math.nan


def mtld(seq: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    Reading forward, the running TTR is computed token by token; when it falls to
    ``threshold`` or below, one *factor* is complete and the count restarts. The
    leftover stretch at the end adds a partial factor ``(1 - TTR) / (1 - threshold)``.
    MTLD = tokens / factors. The same is done backwards and the two are averaged.
    NaN when there are no factors at all (no word ever repeats).

    Parameters
    ----------
    seq : sequence of str
        Tokens (already case-folded).
    threshold : float
        TTR at which a factor is complete (0.72 in McCarthy & Jarvis 2010).
    """
    if not 0 < threshold < 1:
        raise ValueError("threshold must be between 0 and 1")
    if len(seq) == 0:
        return math.nan
    ids = _ids(seq)
    fwd, bwd = _mtld_pass(ids, threshold), _mtld_pass(ids[::-1], threshold)
    if math.isnan(fwd) or math.isnan(bwd):
        return math.nan
    return (fwd + bwd) / 2


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def hdd(seq: Sequence[str], sample: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2010): the expected TTR of a random ``sample``-token draw.

    For each type occurring ``c`` times among ``N`` tokens, the hypergeometric
    probability that a draw of ``sample`` tokens without replacement contains it at
    least once is ``1 - C(N - c, sample) / C(N, sample)`` (computed with
    :func:`math.lgamma`); HD-D is the sum of these probabilities divided by ``sample``.
    NaN when the text has fewer than ``sample`` tokens.
    """
    n = len(seq)
    if sample < 1:
        raise ValueError("sample must be at least 1")
    if n < sample:
        return math.nan
    freq = pd.Series(_ids(seq)).value_counts()
    by_count = freq.value_counts()  # how many types occur c times
    denom = _log_comb(n, sample)
    total = 0.0
    for c, n_types in by_count.items():
        c = int(c)
        p_absent = 0.0 if n - c < sample else math.exp(_log_comb(n - c, sample) - denom)
        total += int(n_types) * (1.0 - p_absent)
    return total / sample


def vocabulary(article: Article) -> list[str]:
    """Case-folded word forms of the body without number tokens (the base of diversity)."""
    t = _token_frame(article, "")
    return t.loc[~t["is_number"], "norm"].tolist()


def lexical_diversity(
    article: Article, mattr_window: int = 50, mtld_threshold: float = 0.72, hdd_sample: int = 42
) -> pd.DataFrame:
    """TTR, MATTR, MTLD and HD-D of the body vocabulary (numbers left out, case-folded).

    Returns
    -------
    DataFrame
        ``measure``, ``key``, ``value``, ``parameters``, ``citation``, ``reading``
        (what the number means), ``article``.
    """
    v = _ids(vocabulary(article))  # type ids, factorised once for all four measures
    n, types = len(v), len(np.unique(v))
    rows = [
        {
            "measure": "Type-token ratio (TTR)",
            "key": "ttr",
            "value": ttr(v),
            "parameters": f"types={types}; tokens={n}",
            "citation": "Templin, M. (1957). Certain Language Skills in Children. University of Minnesota Press.",
            "reading": "share of distinct words; falls as a text gets longer, so compare only texts of equal length",
        },
        {
            "measure": "Moving-average TTR (MATTR)",
            "key": "mattr",
            "value": mattr(v, mattr_window),
            "parameters": f"window={mattr_window} tokens"
            + ("" if n > mattr_window else "; text shorter than the window: equals TTR"),
            "citation": "Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average "
            "type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), 94-100.",
            "reading": "average share of distinct words in every stretch of the window length; "
            "independent of text length",
        },
        {
            "measure": "Measure of textual lexical diversity (MTLD)",
            "key": "mtld",
            "value": mtld(v, mtld_threshold),
            "parameters": f"threshold={mtld_threshold}; forward and backward passes averaged",
            "citation": "McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of "
            "sophisticated approaches to lexical diversity assessment. Behavior Research Methods 42(2), 381-392.",
            "reading": "average number of words before the running TTR falls to the threshold; "
            "higher = more varied (typical prose 70-120)",
        },
        {
            "measure": "HD-D",
            "key": "hdd",
            "value": hdd(v, hdd_sample),
            "parameters": f"sample={hdd_sample} tokens (hypergeometric)"
            + ("" if n >= hdd_sample else "; text shorter than the sample: not defined"),
            "citation": "McCarthy, P. M. & Jarvis, S. (2010). Behavior Research Methods 42(2), 381-392.",
            "reading": f"expected TTR of a random draw of {hdd_sample} words; 0-1, higher = more varied",
        },
    ]
    df = pd.DataFrame(rows)
    df["article"] = article.slug
    return df


def lexical_diversity_dict(
    article_or_table: Article | pd.DataFrame, mattr_window: int = 50
) -> dict[str, float]:
    """``{ttr, mattr, mtld, hdd}`` for ``results.json``."""
    df = (
        article_or_table
        if isinstance(article_or_table, pd.DataFrame)
        else lexical_diversity(article_or_table, mattr_window)
    )
    values = dict(zip(df["key"], df["value"], strict=True))
    return {k: float(values[k]) for k in ("ttr", "mattr", "mtld", "hdd")}


def diversity_curve(article: Article, mattr_window: int = 50, points: int = 10) -> pd.DataFrame:
    """TTR and MATTR of growing first stretches of the text: why TTR alone misleads.

    Returns
    -------
    DataFrame
        ``tokens`` (length of the opening stretch), ``ttr``, ``mattr``, ``article``.
        TTR falls as the stretch grows although the writing does not change; MATTR
        stays level.
    """
    ids = _ids(vocabulary(article))
    n = len(ids)
    if n == 0:
        return pd.DataFrame(columns=["tokens", "ttr", "mattr", "article"])
    first = np.zeros(n, dtype=np.int64)
    _, idx = np.unique(ids, return_index=True)
    first[idx] = 1
    cum_types = np.cumsum(first)
    lengths = sorted({max(1, round(n * k / points)) for k in range(1, points + 1)})
    rows = [
        {"tokens": m, "ttr": cum_types[m - 1] / m, "mattr": mattr(ids[:m], mattr_window)} for m in lengths
    ]
    df = pd.DataFrame(rows, columns=["tokens", "ttr", "mattr"])
    df["article"] = article.slug
    return df


# --------------------------------------------------------------------------- frequencies


def _vocab_frame(article: Article, stopwords_path: str) -> pd.DataFrame:
    t = _token_frame(article, stopwords_path)
    return t[~t["is_number"]]


def word_frequencies(
    article: Article,
    top_n: int = 20,
    exclude_stopwords: bool = False,
    strip_possessive: bool = True,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """The most frequent words of the body (numbers left out).

    Parameters
    ----------
    article : Article
    top_n : int
        Rows to return (``0`` = all).
    exclude_stopwords : bool
        Leave out the function words of :func:`load_stopwords`.
    strip_possessive : bool
        Count ``Ukraine's`` as ``ukraine``.
    stopwords_path : str
        Your own stop-word file (``""`` = bundled).

    Returns
    -------
    DataFrame
        ``rank``, ``word``, ``count``, ``per_1000`` (per 1,000 vocabulary tokens, stop
        words included in the base), ``sentence_id`` and ``sentence`` (first
        occurrence), ``article``. Ties are broken alphabetically.
    """
    v = _vocab_frame(article, stopwords_path)
    total = len(v)
    col = "term" if strip_possessive else "norm"
    if exclude_stopwords:
        v = v[~v["stopword"]]
    cols = ["rank", "word", "count", "per_1000", "sentence_id", "sentence", "article"]
    if v.empty:
        return pd.DataFrame(columns=cols)
    g = _count_first(v, col).rename(columns={col: "word"})
    g = g.sort_values(["count", "word"], ascending=[False, True], kind="stable", key=_casefold_key)
    if top_n:
        g = g.head(top_n)
    g["per_1000"] = (1000 * g["count"] / total).round(2)
    g["rank"] = np.arange(1, len(g) + 1)
    return _attach_sentences(g, article).reset_index(drop=True)[cols]


def _ngram_arrays(article: Article, n: int, stopwords_path: str) -> tuple[np.ndarray, list[np.ndarray]]:
    """Start positions and word arrays of all n-grams inside sentences, not crossing numbers."""
    t = _token_frame(article, stopwords_path)
    words_ = t["norm"].to_numpy(dtype=object)
    sid = t["sentence_id"].to_numpy()
    num = t["is_number"].to_numpy()
    m = len(t) - n + 1
    if m <= 0:
        return np.array([], dtype=np.int64), []
    ok = np.ones(m, dtype=bool)
    for k in range(n):
        ok &= ~num[k : k + m]
        if k:
            ok &= sid[k : k + m] == sid[:m]
    starts = np.flatnonzero(ok)
    return starts, [words_[starts + k] for k in range(n)]


def ngram_frequencies(
    article: Article,
    n: int = 2,
    top_n: int = 20,
    exclude_stopwords: bool = True,
    stopwords_path: str = "",
    min_count: int = 1,
) -> pd.DataFrame:
    """The most frequent sequences of ``n`` words inside a sentence.

    N-grams never cross a sentence boundary or a number token.

    Parameters
    ----------
    n : int
        2 for bigrams, 3 for trigrams.
    exclude_stopwords : bool
        Drop n-grams whose first or last word is a stop word (*of the*, *the country*),
        keeping inner ones (*Declaration of State*).
    min_count : int
        Leave out sequences seen fewer times.

    Returns
    -------
    DataFrame
        ``rank``, ``ngram`` (words joined by spaces), ``count``, ``per_1000`` (per 1,000
        vocabulary tokens), ``sentence_id`` and ``sentence`` (first occurrence),
        ``article``.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    starts, parts = _ngram_arrays(article, n, stopwords_path)
    cols = ["rank", "ngram", "count", "per_1000", "sentence_id", "sentence", "article"]
    if not len(starts):
        return pd.DataFrame(columns=cols)
    t = _token_frame(article, stopwords_path)
    if exclude_stopwords:
        stop_arr = t["stopword"].to_numpy()
        keep = ~stop_arr[starts] & ~stop_arr[starts + n - 1]
        starts = starts[keep]
        parts = [p[keep] for p in parts]
    if not len(starts):
        return pd.DataFrame(columns=cols)
    grams = pd.Series(parts[0], dtype=object)
    for p in parts[1:]:
        grams = grams + " " + pd.Series(p, dtype=object)
    df = pd.DataFrame({"ngram": grams, "sentence_id": t["sentence_id"].to_numpy()[starts]})
    g = _count_first(df, "ngram")
    g = g[g["count"] >= min_count]
    g = g.sort_values(["count", "ngram"], ascending=[False, True], kind="stable", key=_casefold_key)
    if top_n:
        g = g.head(top_n)
    total = int((~t["is_number"]).sum())
    g["per_1000"] = (1000 * g["count"] / total).round(2) if total else np.nan
    g["rank"] = np.arange(1, len(g) + 1)
    return _attach_sentences(g, article).reset_index(drop=True)[cols]


@functools.lru_cache(maxsize=16)
def _scored_pairs(
    article: Article, min_freq: int, stopwords_path: str
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The candidate word pairs with both association scores, and the first sentence of
    every adjacent pair; None when no pair qualifies (cached: both measures of
    :func:`collocations` share one count; do not modify)."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    t = _token_frame(article, stopwords_path)
    stop = load_stopwords(stopwords_path)
    if not len(t):
        return None
    # The counts BigramCollocationFinder.from_documents would make (every word; every
    # adjacent pair inside a sentence), computed with pandas and handed to the finder.
    words_ = pd.Series(
        np.where(t["is_number"].to_numpy(), _NUM_PLACEHOLDER, t["norm"].to_numpy(dtype=object)), dtype=object
    )
    sid = t["sentence_id"].to_numpy()
    same = np.flatnonzero(sid[1:] == sid[:-1])
    pairs = pd.DataFrame({"w1": words_.to_numpy()[same], "w2": words_.to_numpy()[same + 1]})
    word_fd = FreqDist(words_.value_counts(sort=False).to_dict())
    bigram_fd = FreqDist(pairs.value_counts(sort=False).to_dict())
    finder = BigramCollocationFinder(word_fd, bigram_fd)
    finder.apply_word_filter(lambda w: w == _NUM_PLACEHOLDER or w in stop)
    finder.apply_freq_filter(min_freq)
    bam = BigramAssocMeasures()
    llr = dict(finder.score_ngrams(bam.likelihood_ratio))
    if not llr:
        return None
    pmi = dict(finder.score_ngrams(bam.pmi))
    df = pd.DataFrame(
        [
            {
                "w1": a,
                "w2": b,
                "bigram": f"{a} {b}",
                "count": finder.ngram_fd[(a, b)],
                "log_likelihood": llr[(a, b)],
                "pmi": pmi[(a, b)],
            }
            for a, b in llr
        ]
    )
    pairs["sentence_id"] = sid[same]
    return df, pairs.drop_duplicates(["w1", "w2"])


def collocations(
    article: Article,
    measure: str = "log_likelihood",
    min_freq: int = 2,
    top_n: int = 20,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance, with NLTK's association measures.

    Words and adjacent word pairs inside sentences are counted exactly as
    ``BigramCollocationFinder.from_documents`` counts them (numbers are placeholders, so
    no pair bridges a number), with pandas for speed, and handed to
    ``nltk.collocations.BigramCollocationFinder``; pairs with a stop word or a number
    are removed, and pairs seen fewer than ``min_freq`` times are dropped before
    scoring. ``BigramAssocMeasures.likelihood_ratio`` is Dunning's (1993) G2
    for the 2x2 table of the pair; ``BigramAssocMeasures.pmi`` is pointwise mutual
    information, log2(P(w1 w2) / (P(w1) P(w2))) (Church & Hanks 1990), which overrates
    rare pairs: hence the frequency floor.

    Parameters
    ----------
    measure : str
        ``log_likelihood`` or ``pmi``: the column the table is sorted by.
    min_freq : int
        Minimum count of the pair.

    Returns
    -------
    DataFrame
        ``rank``, ``bigram``, ``w1``, ``w2``, ``count``, ``log_likelihood``, ``pmi``,
        ``sentence_id`` and ``sentence`` (first occurrence), ``article``.
    """
    if measure not in {"log_likelihood", "pmi"}:
        raise ValueError("measure must be 'log_likelihood' or 'pmi'")
    cols = [
        "rank",
        "bigram",
        "w1",
        "w2",
        "count",
        "log_likelihood",
        "pmi",
        "sentence_id",
        "sentence",
        "article",
    ]
    scored = _scored_pairs(article, min_freq, stopwords_path)
    if scored is None:
        return pd.DataFrame(columns=cols)
    df, firsts = scored
    df = df.sort_values([measure, "count", "bigram"], ascending=[False, False, True], kind="stable")
    if top_n:
        df = df.head(top_n)
    df = df.merge(firsts, on=["w1", "w2"], how="left", sort=False)  # first sentence with each pair
    df["sentence_id"] = df["sentence_id"].astype("Int64")
    df["log_likelihood"] = df["log_likelihood"].round(3)
    df["pmi"] = df["pmi"].round(3)
    df["rank"] = np.arange(1, len(df) + 1)
    return _attach_sentences(df, article).reset_index(drop=True)[cols]


# --------------------------------------------------------------------------- keyness


def g2_one_sample(a: np.ndarray | float, n: int, p: np.ndarray | float) -> np.ndarray:
    """One-sample log-likelihood G2: ``a`` of ``n`` tokens observed, share ``p`` expected.

    ``G2 = 2 [a ln(a/E) + (n - a) ln((n - a)/(n - E))]`` with ``E = n p`` and
    ``0 ln 0 = 0``; unsigned. This is Dunning's (1993) two-corpus G2 in the limit of
    an infinitely large reference corpus.
    """
    a = np.asarray(a, dtype=float)
    p = np.asarray(p, dtype=float)
    e = n * p
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e), 0.0)
        rest, rest_e = n - a, n - e
        t2 = np.where(rest > 0, rest * np.log(rest / rest_e), 0.0)
    return 2 * (t1 + t2)


def _chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    return np.array([math.erfc(math.sqrt(max(v, 0.0) / 2)) for v in x], dtype=float)


def keyness(
    article: Article,
    min_count: int = 3,
    floor: float = REFERENCE_FLOOR,
    include_absent: int = 0,
    strip_possessive: bool = True,
    exclude_stopwords: bool = False,
    stopwords_path: str = "",
) -> pd.DataFrame:
    """Words the article uses more (or less) than general English, by wordfreq.

    Reference: ``wordfreq.word_frequency(word, "en")``, the share of a word in a
    large multi-genre English corpus (Speer 2022). wordfreq gives proportions, not
    counts, so the test is the **one-sample** log-likelihood: a word seen ``a`` times
    in the article's ``N`` vocabulary tokens is compared with the expected ``E = N p``,

        G2 = 2 [a ln(a/E) + (N - a) ln((N - a)/(N - E))],

    which is the limit of Dunning's (1993) two-corpus G2 when the reference corpus is
    much larger than the article. G2 is shown with a sign: positive when the article
    over-uses the word (a > E), negative when it under-uses it. G2 > 3.84 is p < 0.05,
    > 6.63 p < 0.01, > 10.83 p < 0.001 (chi-squared, 1 df); with hundreds of words
    tested, read it as a ranking rather than a test. The effect size is Hardie's
    (2014) **log ratio**, log2((a/N) / p): +1 = twice as frequent as in general
    English, -1 = half (a zero count is taken as 0.5, as Hardie suggests).

    Words wordfreq lacks get the reference share ``floor`` (:data:`REFERENCE_FLOOR`).
    wordfreq splits hyphenated words and estimates a compound from its parts, which
    gives compounds a generous reference share; ``US``/``us`` are one word to it.

    Parameters
    ----------
    min_count : int
        Only words seen at least this often in the article are tested.
    floor : float
        Reference share for words wordfreq does not list.
    include_absent : int
        Also test the ``include_absent`` most common English words (wordfreq's top
        list) that the article never uses (count 0, so always under-used).
    strip_possessive, exclude_stopwords, stopwords_path
        As in :func:`word_frequencies`.

    Returns
    -------
    DataFrame
        ``word``, ``count``, ``per_1000``, ``ref_per_1000``, ``expected``, ``g2``
        (signed), ``p_value``, ``log_ratio``, ``direction`` (over/under), ``in_reference``
        (False when the floor was used), ``sentence_id`` and ``sentence`` (first
        occurrence; empty for absent words), ``article``; sorted by |G2|, largest first.
    """
    import wordfreq

    v = _vocab_frame(article, stopwords_path)
    total = len(v)
    cols = [
        "word",
        "count",
        "per_1000",
        "ref_per_1000",
        "expected",
        "g2",
        "p_value",
        "log_ratio",
        "direction",
        "in_reference",
        "sentence_id",
        "sentence",
        "article",
    ]
    if total == 0:
        return pd.DataFrame(columns=cols)
    col = "term" if strip_possessive else "norm"
    g = _count_first(v, col)
    g["stopword"] = g[col].map(v.drop_duplicates(col).set_index(col)["stopword"])
    g = g.rename(columns={col: "word"})
    g = g[g["count"] >= max(min_count, 1)]
    if exclude_stopwords:
        g = g[~g["stopword"]]
    g = g.drop(columns="stopword")
    if include_absent:
        present = set(v[col].str.lower())
        stop = load_stopwords(stopwords_path)
        extra = [
            w
            for w in wordfreq.top_n_list("en", include_absent)
            if w.isalpha() and w not in present and not (exclude_stopwords and w in stop)
        ]
        g = pd.concat([g, pd.DataFrame({"word": extra, "count": 0, "sentence_id": pd.NA})], ignore_index=True)
    if g.empty:
        return pd.DataFrame(columns=cols)
    ref = np.array([wordfreq.word_frequency(w, "en") for w in g["word"]], dtype=float)
    g["in_reference"] = ref > 0
    p = np.where(ref > 0, ref, floor)
    a = g["count"].to_numpy(dtype=float)
    g2 = g2_one_sample(a, total, p)
    expected = total * p
    sign = np.where(a >= expected, 1.0, -1.0)
    g["g2"] = (sign * g2).round(3)
    g["p_value"] = _chi2_sf_1df(g2)
    g["log_ratio"] = np.log2(np.where(a > 0, a, 0.5) / total / p).round(3)
    g["direction"] = np.where(a >= expected, "over", "under")
    g["per_1000"] = (1000 * a / total).round(3)
    g["ref_per_1000"] = 1000 * p
    g["expected"] = expected.round(3)
    g["sentence_id"] = g["sentence_id"].astype("Int64")
    g["_abs"] = np.abs(g["g2"])
    g = g.sort_values(["_abs", "word"], ascending=[False, True], kind="stable").drop(columns="_abs")
    g = _attach_sentences(g, article)
    g["sentence"] = g["sentence"].where(g["count"] > 0, "")  # absent words have no evidence sentence
    return g.reset_index(drop=True)[cols]


# --------------------------------------------------------------------------- concordance


def kwic(article: Article, terms: Iterable[str] = DEFAULT_KWIC_TERMS, window: int = 6) -> pd.DataFrame:
    """Keyword in context: every occurrence of the query terms with the words around it.

    Terms are matched case-insensitively on word boundaries by
    :func:`research_utils.lexicons.compile_terms` (a trailing ``*`` matches any
    ending: ``neutral*`` finds *neutral*, *neutrality*; phrases are allowed). The
    context is taken from the running text of the paragraph, so it can cross a
    sentence boundary but never a paragraph boundary.

    Parameters
    ----------
    terms : iterable of str
        Query terms.
    window : int
        Words of context on each side.

    Returns
    -------
    DataFrame
        ``article``, ``term`` (the query), ``sentence_id``, ``paragraph_id``, ``left``,
        ``match``, ``right``, ``voice`` (author/quoted), ``sentence``; in article order.
    """
    from research_utils.lexicons import compile_terms, find_terms
    from research_utils.quotes import quote_spans

    cols = ["article", "term", "sentence_id", "paragraph_id", "left", "match", "right", "voice", "sentence"]
    terms = [str(t) for t in terms if str(t).strip()]
    if window < 0:
        raise ValueError("window must be 0 or more")
    s = sentences(article)
    t = _token_frame(article, "")
    t_pid = t["paragraph_id"].to_numpy()
    t_start_all = t["start"].to_numpy()
    t_end_all = t["end"].to_numpy()
    s_pid = s["paragraph_id"].to_numpy()
    s_start_all = s["start"].to_numpy()
    s_id_all = s["sentence_id"].to_numpy()
    s_text_all = s["sentence"].tolist()
    rows: list[dict[str, Any]] = []
    slug = article.slug
    combined = compile_terms(terms)  # one pass over the text for all terms
    singles = [(i, term, compile_terms([term])) for i, term in enumerate(terms)]
    for pid, para in enumerate(article.paragraphs):
        found = [
            (i, term, m)
            for m in find_terms(para, combined)
            for i, term, pat in singles
            if pat.fullmatch(m[2])  # a match is listed under every query it satisfies
        ]
        if not found:
            continue
        lo_t, hi_t = np.searchsorted(t_pid, pid, side="left"), np.searchsorted(t_pid, pid, side="right")
        w_starts, w_ends = t_start_all[lo_t:hi_t], t_end_all[lo_t:hi_t]
        n_words = len(w_starts)
        lo_s, hi_s = np.searchsorted(s_pid, pid, side="left"), np.searchsorted(s_pid, pid, side="right")
        s_starts, s_ids, s_texts = s_start_all[lo_s:hi_s], s_id_all[lo_s:hi_s], s_text_all[lo_s:hi_s]
        qspans = quote_spans(para)
        for order, term, (start, end, match) in found:
            i_first = int(np.searchsorted(w_ends, start, side="right"))  # first word ending after start
            i_last = int(np.searchsorted(w_starts, end, side="left"))  # first word starting at/after end
            lo = max(0, i_first - window)
            hi = min(n_words, i_last + window)
            left = para[w_starts[lo] : start].strip() if window and i_first > lo else ""
            right = para[end : w_ends[hi - 1]].strip() if window and hi > i_last else ""
            k = max(int(np.searchsorted(s_starts, start, side="right")) - 1, 0)
            rows.append(
                {
                    "article": slug,
                    "term": term,
                    "sentence_id": int(s_ids[k]),
                    "paragraph_id": pid,
                    "left": left,
                    "match": match,
                    "right": right,
                    "voice": "quoted" if any(a <= (start + end) / 2 < b for a, b in qspans) else "author",
                    "sentence": s_texts[k],
                    "_pos": start,
                    "_order": order,
                }
            )
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows).sort_values(["paragraph_id", "_pos", "_order"], kind="stable")
    return df[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- sentiment


def sentiment_arc(article: Article, window: int = 5) -> pd.DataFrame:
    """VADER compound score of every body sentence, with a rolling mean.

    Lexicon-based (Hutto & Gilbert 2014; see :mod:`research_utils.sentiment`): it
    scores words, not stances; *war*, *threat* and *attack* are negative whoever says
    them, irony is missed, and quoted and authorial sentences are scored alike (the
    ``voice`` column tells them apart).

    Parameters
    ----------
    window : int
        Sentences in the centred rolling mean (shorter at the ends).

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``section``, ``position``
        (0-1, place in the article), ``compound`` (-1..1), ``polarity``,
        ``rolling_mean``, ``voice``, ``sentence``.
    """
    from research_utils.sentiment import score_texts

    if window < 1:
        raise ValueError("window must be at least 1")
    s = _sentence_frame(article).copy()
    cols = [
        "article",
        "sentence_id",
        "paragraph_id",
        "section",
        "position",
        "compound",
        "polarity",
        "rolling_mean",
        "voice",
        "sentence",
    ]
    if s.empty:
        return pd.DataFrame(columns=cols)
    sc = score_texts(s["sentence"].tolist())
    s["compound"] = sc["compound"].to_numpy()
    s["polarity"] = sc["polarity"].to_numpy()
    s["rolling_mean"] = s["compound"].rolling(window, center=True, min_periods=1).mean().round(4)
    s["position"] = (np.arange(len(s)) / max(len(s) - 1, 1)).round(4)
    return s[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- summaries


def summary(article: Article, mattr_window: int = 50) -> dict[str, Any]:
    """Counts, sentence lengths, readability and diversity in one ``results.json``-ready dict.

    Returns
    -------
    dict
        ``counts`` (see :func:`counts`), ``sentence_length`` (see
        :func:`sentence_length_summary`), ``readability`` (:data:`READABILITY_KEYS`),
        ``lexical_diversity`` (``ttr``, ``mattr``, ``mtld``, ``hdd``).
    """
    return {
        "counts": counts(article),
        "sentence_length": sentence_length_summary(article),
        "readability": readability_dict(article),
        "lexical_diversity": lexical_diversity_dict(article, mattr_window),
    }


def compare(articles: Sequence[Article], mattr_window: int = 50) -> pd.DataFrame:
    """One row per article with its counts, readability and diversity, for comparison.

    Returns
    -------
    DataFrame
        ``article`` (slug), ``label``, ``paragraphs``, ``sentences``, ``words``,
        ``types``, ``mean_sentence_length``, the eight readability keys and ``ttr``,
        ``mattr``, ``mtld``, ``hdd``.
    """
    rows = []
    for a in articles:
        s = summary(a, mattr_window)
        c = s["counts"]
        row = {"article": a.slug, "label": a.label}
        row |= {k: c[k] for k in ("paragraphs", "sentences", "words", "types")}
        row["mean_sentence_length"] = s["sentence_length"]["mean"]
        row |= s["readability"]
        row |= s["lexical_diversity"]
        rows.append(row)
    return pd.DataFrame(rows)
