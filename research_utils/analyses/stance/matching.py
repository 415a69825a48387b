"""Run a lexicon's :class:`~research_utils.lexicons.TermMatcher` over the sentences of a document.

The matcher finds the same hits in a sentence whatever is around it; what costs time is
the number of (sentence, term bucket) pairs it tries, most of which find nothing. Two
facts cut them without changing a hit:

* a term can only match in a sentence that holds its first word (the matcher's own
  rule: it is given the sentence's words and runs only the buckets of those words);
* a term can only match in a sentence that also holds each of its other plain words
  (``the West`` needs ``west``), so a first word whose terms all lack a word of the
  sentence is not handed to the matcher (``the`` is in nearly every sentence, ``the
  Kremlin`` in few).

The words of each sentence come from the document's tokens (one parse; each distinct
word form looked up once per matcher), not from a second tokenisation. A word counts as
"plain" only when the tokeniser keeps it whole wherever the term matches (ASCII letters
and digits, with inner hyphens or an apostrophe before letters); other words, and
terms with wildcards or regular expressions, are never used to skip a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from research_utils.ingest import Document
from research_utils.lexicons import Hit, TermMatcher

__all__ = ["present_words_by_sentence", "sentence_hits"]

_WORD_PARTS = re.compile(r"['‐‑-]")
_PLAIN = re.compile(r"[a-z0-9]+(?:'[a-z]+|-[a-z0-9]+)*")
_FOLD = str.maketrans({"‐": "-", "‑": "-", "’": "'"})


@dataclass(frozen=True)
class _Vocabulary:
    """The body tokens of a document as codes of distinct lower-cased forms.

    ``forms[c]`` is form ``c`` with the parts of a hyphenated word or contraction;
    ``by_part`` lists the forms holding each such part, and ``by_folded`` the same with
    hyphen variants and ``’`` folded to ``-`` and ``'``.
    """

    codes: np.ndarray
    sentence_of: np.ndarray
    forms: list[tuple[str, ...]]
    by_part: dict[str, list[int]]
    by_folded: dict[str, list[int]]


def _vocabulary(doc: Document) -> _Vocabulary:
    """The :class:`_Vocabulary` of ``doc``, kept with the document (no lexicon needed)."""

    def compute() -> _Vocabulary:
        p = doc.parsed
        raw_codes, raw = pd.factorize(np.asarray(p.token, dtype=object))
        lowered, lower_forms = pd.factorize(np.asarray([w.lower() for w in raw], dtype=object))
        codes = lowered[raw_codes] if len(raw_codes) else raw_codes
        forms = [(w, *_WORD_PARTS.split(w)) if _WORD_PARTS.search(w) else (w,) for w in lower_forms]
        by_part: dict[str, list[int]] = {}
        by_folded: dict[str, list[int]] = {}
        for code, parts in enumerate(forms):
            for part in set(parts):
                by_part.setdefault(part, []).append(code)
            for part in {w.translate(_FOLD) for w in parts}:
                by_folded.setdefault(part, []).append(code)
        return _Vocabulary(
            codes.astype(np.int64), p.token_sentence.astype(np.int64), forms, by_part, by_folded
        )

    return doc.memo(("stance.vocabulary",), compute)


def present_words_by_sentence(doc: Document) -> list[frozenset[str]]:
    """The lower-cased words of each body sentence and the parts of its hyphenated words and
    contractions: what :func:`research_utils.lexicons.present_words` gives for each sentence,
    from the document's tokens instead of a second tokenisation."""
    v = _vocabulary(doc)
    codes, forms, sentence_of = v.codes, v.forms, v.sentence_of
    out: list[set[str]] = [set() for _ in doc.parsed.sentence]
    for code, sid in zip(codes.tolist(), sentence_of.tolist(), strict=True):
        out[sid].update(forms[code])
    return [frozenset(x) for x in out]


def _requirements(matcher: TermMatcher) -> dict[str, tuple[frozenset[str], ...]]:
    """For each first word of the matcher, the sets of plain other words its terms need.

    A first word with a term that needs nothing more (one word, or no plain other word)
    needs nothing: its entry is empty. Otherwise each distinct set once, smallest first.
    """
    sets: dict[str, set[frozenset[str]]] = {}
    for _, _, first, terms, _ in matcher.buckets:
        if first is None:
            continue
        for term in terms:
            rest = str(term).strip().lower().translate(_FOLD).split()[1:]
            sets.setdefault(first, set()).add(frozenset(w for w in rest if _PLAIN.fullmatch(w)))
    return {
        first: () if frozenset() in found else tuple(sorted(found, key=lambda s: (len(s), sorted(s))))
        for first, found in sets.items()
    }


def _candidates(doc: Document, matcher: TermMatcher) -> dict[int, frozenset[str]]:
    """For each sentence where one of the matcher's terms may match, the first words to hand it.

    A first word is handed over when the sentence holds it and, for at least one of its
    terms, every plain other word (:func:`_requirements`). Only the tokens that carry a
    first word or a required word are visited.
    """
    v = _vocabulary(doc)
    needs = _requirements(matcher)
    firsts: dict[int, list[str]] = {}  # form code -> the first words it holds
    for word in needs:
        for code in v.by_part.get(word, ()):
            firsts.setdefault(code, []).append(word)
    others: dict[int, list[str]] = {}  # form code -> the required other words it holds
    for word in {w for sets in needs.values() for s in sets for w in s}:
        for code in v.by_folded.get(word, ()):
            others.setdefault(code, []).append(word)
    carries = np.zeros(len(v.forms), dtype=bool)
    carries[list({*firsts, *others})] = True
    where = np.flatnonzero(carries[v.codes]) if len(v.codes) else v.codes
    n_forms = max(len(v.forms), 1)
    pairs = np.unique(v.sentence_of[where] * n_forms + v.codes[where])  # each (sentence, form) once
    out: dict[int, frozenset[str]] = {}
    first: set[str] = set()
    other: set[str] = set()
    current = -1
    # The pairs come sorted by sentence: gather one sentence's words, decide, move on.
    for sid, code in zip((pairs // n_forms).tolist(), (pairs % n_forms).tolist(), strict=True):
        if sid != current:
            _decide(current, first, other, needs, out)
            first.clear()
            other.clear()
            current = sid
        first.update(firsts.get(code, ()))
        other.update(others.get(code, ()))
    _decide(current, first, other, needs, out)
    return out


def _decide(
    sid: int,
    first: set[str],
    other: set[str],
    needs: dict[str, tuple[frozenset[str], ...]],
    out: dict[int, frozenset[str]],
) -> None:
    """Record in ``out`` the first words of sentence ``sid`` for which some term has all its plain words."""
    handed = frozenset(w for w in first if not needs[w] or any(s <= other for s in needs[w]))
    if handed:
        out[sid] = handed


def sentence_hits(
    doc: Document, matcher: TermMatcher, sentence_ids: Sequence[int] | None = None
) -> dict[int, list[Hit]]:
    """The matches of ``matcher`` in the body sentences of ``doc`` (offsets in the sentence).

    The same hits as ``matcher.find`` on each sentence, found by running the matcher only
    on the sentences where a term may match and only with the first words that may
    (:func:`_candidates`). A matcher with terms without a plain first word (such as
    ``neutral*``) or with regular expressions runs on every sentence with all its words.

    Parameters
    ----------
    doc : Document
    matcher : TermMatcher
    sentence_ids : sequence of int, optional
        Search only these sentences (default: all).

    Returns
    -------
    dict
        ``{sentence_id: hits}`` for the sentences with at least one hit, in order.
    """
    sentences = doc.parsed.sentence
    wanted = range(len(sentences)) if sentence_ids is None else sentence_ids
    if matcher.always or matcher.patterns:
        present = present_words_by_sentence(doc)
        todo = [(sid, present[sid]) for sid in wanted]
    else:
        candidates = _candidates(doc, matcher)
        todo = [(sid, candidates[sid]) for sid in wanted if sid in candidates]
    out: dict[int, list[Hit]] = {}
    for sid, words_here in todo:
        hits = matcher.find(sentences[sid], words_here)
        if hits:
            out[sid] = hits
    return out
