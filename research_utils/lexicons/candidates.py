"""Where the terms of a lexicon may start in a document: the one sentence-candidate index.

Both the stance analysis (a :class:`~research_utils.lexicons.TermMatcher` run over the
sentences of a document) and the framing analysis (a ``CueIndex`` of keyed cue groups)
try a lexicon's patterns only where a term may match, and decide where with this index:

* A term starts where a run of letters and digits starts (its pattern's look-behind
  forbids a letter, digit, apostrophe or hyphen before it), and the maximal run of
  letters and digits at that place, lower-cased, equals the term's own first run (or
  begins with it, for a term that is one run and a ``*``); for a term of several runs,
  the next run of the sentence is the term's second run (:func:`term_start`). The runs
  of a document come from its tokens (:func:`document_runs`, kept with the document).
* :class:`StartIndex` holds the starts of keyed groups of terms and gives, for a
  document, every (group, sentence, position) where a term of a group may start
  (:meth:`StartIndex.candidates`). A term cannot match anywhere else, so running a
  group's pattern only there finds exactly what a scan of every sentence finds.

A term that does not start with a letter or digit (``$ billion``) has no start here:
its group is searched in every sentence. Known limit: candidates are chosen by
``str.lower``, the regular expressions by Python's case-insensitive matching; the two
differ for a handful of letters (the long s ``ſ``, the Kelvin sign, Turkish dotted I),
where a term could be missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from research_utils.ingest import Document

__all__ = ["Runs", "StartIndex", "TermStart", "document_runs", "term_start"]

TermStart = tuple[str, bool, str | None]
"""Where a term can start: ``(first run, prefix, second run)`` (see :func:`term_start`)."""

_RUN = re.compile(r"[^\W_]+")
"""A run of letters and digits (what ``[^\\W_]`` matches in the tokenizer and the term patterns)."""


def term_start(term: str) -> tuple[str, bool, str | None]:
    """Where a term can start, as runs of letters and digits (lower-cased).

    Returns ``(first, prefix, second)``: the term's first run; whether a text run only has
    to *begin* with it (a term that is one run and a ``*``, like ``neutral*``); and the run
    that must come next in the text (``None`` when any may: a one-run term, or a second
    run that ends in ``*``). Between two runs a term holds only spaces, hyphens,
    apostrophes or dots, which the term's pattern matches only with characters that are
    not letters or digits, so the next run of the text is the term's second run.
    ``("", False, None)`` for a term that does not start with a letter or digit: such a
    term is searched in every sentence.
    """
    text = term.strip().replace("’", "'")
    runs = list(_RUN.finditer(text))
    if not runs or runs[0].start() != 0:
        return "", False, None
    first = runs[0].group(0).lower()
    if text[runs[0].end() :] == "*":
        return first, True, None
    if len(runs) < 2 or (len(runs) == 2 and text[runs[1].end() :] == "*"):
        return first, False, None
    return first, False, runs[1].group(0).lower()


@dataclass(frozen=True)
class Runs:
    """The maximal runs of letters and digits of a document's sentences, in text order.

    Run ``i`` starts at offset ``start[i]`` of sentence ``sentence[i]`` and reads
    ``keys[code[i]]`` in lower case; ``following[i]`` is the code of the next run of the
    same sentence (``len(keys)`` for the last run of a sentence). ``order`` sorts the runs
    by ``code`` and ``pair_order`` by ``pair`` (= ``code * (len(keys) + 1) + following``),
    so that the runs of any word, or of any two words in a row, are found by bisection.
    Read-only (shared through :meth:`Document.memo`).
    """

    sentence: np.ndarray
    start: np.ndarray
    code: np.ndarray
    keys: list[str]
    following: np.ndarray
    order: np.ndarray
    pair: np.ndarray
    pair_order: np.ndarray

    @classmethod
    def of(cls, sentence: np.ndarray, start: np.ndarray, code: np.ndarray, keys: list[str]) -> Runs:
        """Runs with their sort orders."""
        n = len(keys)
        same = np.append(sentence[1:] == sentence[:-1], False) if len(code) else np.zeros(0, dtype=bool)
        following = np.where(same, np.append(code[1:], 0), n) if len(code) else code
        pair = code * (n + 1) + following
        return cls(
            sentence=sentence,
            start=start,
            code=code,
            keys=keys,
            following=following,
            order=np.argsort(code, kind="stable"),
            pair=pair,
            pair_order=np.argsort(pair, kind="stable"),
        )


def document_runs(doc: Document) -> Runs:
    """The :class:`Runs` of ``doc``, computed once and kept with the document.

    Every letter or digit of a sentence belongs to a token, and a token never ends right
    before a letter or digit, so the runs inside the tokens are the runs of the text. Each
    distinct token form is split once; the runs of the token occurrences are then laid
    out with array operations.
    """
    return doc.memo(("lexicons.runs",), lambda: _runs(doc))


def _runs(doc: Document) -> Runs:
    """See :func:`document_runs`."""
    p = doc.parsed
    n_tok = len(p.token)
    if not n_tok:
        empty = np.zeros(0, dtype=np.int64)
        return Runs.of(empty, empty, empty, [])
    codes, forms = pd.factorize(np.asarray(p.token, dtype=object))
    key_ids: dict[str, int] = {}
    offsets: list[int] = []
    keys: list[int] = []
    per_form = np.empty(len(forms), dtype=np.int64)
    for i, form in enumerate(forms.tolist()):
        if form.isalnum():  # most forms are one run: the whole word
            offsets.append(0)
            keys.append(key_ids.setdefault(form.lower(), len(key_ids)))
            per_form[i] = 1
            continue
        found = [(m.start(), m.group(0).lower()) for m in _RUN.finditer(form)]
        for off, key in found:
            offsets.append(off)
            keys.append(key_ids.setdefault(key, len(key_ids)))
        per_form[i] = len(found)
    first = np.cumsum(per_form) - per_form  # where each form's runs begin in offsets/keys
    per_token = per_form[codes]
    token_of_run = np.repeat(np.arange(n_tok, dtype=np.int64), per_token)
    within = np.arange(len(token_of_run), dtype=np.int64) - np.repeat(
        np.cumsum(per_token) - per_token, per_token
    )
    flat = first[codes][token_of_run] + within
    return Runs.of(
        sentence=p.token_sentence[token_of_run].astype(np.int64, copy=False),
        start=p.token_start[token_of_run] + np.asarray(offsets, dtype=np.int64)[flat],
        code=np.asarray(keys, dtype=np.int64)[flat],
        keys=list(key_ids),
    )


# --------------------------------------------------------------------------- the index


class StartIndex:
    """Where the terms of keyed groups may start in the sentences of a document.

    Parameters
    ----------
    starts : sequence
        One entry per group: the :func:`term_start` of each of its terms, or None for a
        group that must be searched in every sentence (it never has a candidate here).
    """

    def __init__(self, starts: Sequence[Iterable[TermStart] | None]) -> None:
        # first run -> [(group, second run or None)]; prefix runs (``neutral*``) apart
        self._exact: dict[str, list[tuple[int, str | None]]] = {}
        self._prefix: dict[str, list[tuple[int, str | None]]] = {}
        for i, group in enumerate(starts):
            if group is None:
                continue
            for first, is_prefix, second in set(group):
                target = self._prefix if is_prefix else self._exact
                target.setdefault(first, []).append((i, second))
        self._prefix_lengths = sorted({len(k) for k in self._prefix})

    def candidates(self, runs: Runs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(group, sentence, start) of every run where a term of a group may start, sorted.

        A run is a candidate for a group when its text is the first run of one of the
        group's terms and, for a term of several runs, the next run of the sentence is the
        term's second run (so that "of" in "of course" is tried only before "course").
        """
        n_keys = len(runs.keys)
        key_id = {k: u for u, k in enumerate(runs.keys)}
        single: set[tuple[int, int]] = set()  # (run key, group): any next run
        double: set[tuple[int, int, int]] = set()  # (run key, next run key, group)
        for u, key in enumerate(runs.keys):
            found = self._exact.get(key, [])
            for length in self._prefix_lengths:
                if length > len(key):
                    break
                found = found + self._prefix.get(key[:length], [])
            for g, second in found:
                if second is None:
                    single.add((u, g))
                elif second in key_id:
                    double.add((u, key_id[second], g))
        double = {(u, v, g) for u, v, g in double if (u, g) not in single}
        if not single and not double:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        pairs = sorted(single)
        idx_single, group_single = _occurrences(
            runs.code, runs.order, [u for u, _ in pairs], [g for _, g in pairs]
        )
        triples = sorted(double)
        idx_double, group_double = _occurrences(
            runs.pair,
            runs.pair_order,
            [u * (n_keys + 1) + v for u, v, _ in triples],
            [g for _, _, g in triples],
        )
        idx = np.concatenate([idx_single, idx_double])
        group = np.concatenate([group_single, group_double])
        sentence, start = runs.sentence[idx], runs.start[idx]
        o = np.lexsort((start, sentence, group))
        return group[o], sentence[o], start[o]


def _occurrences(
    values: np.ndarray, order: np.ndarray, wanted: list[int], groups: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``i`` with ``values[i] == wanted[k]``, each paired with ``groups[k]``
    (``order`` sorts ``values``)."""
    if not wanted:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    ordered = values[order]
    target = np.asarray(wanted, dtype=np.int64)
    lo = np.searchsorted(ordered, target, side="left")
    hi = np.searchsorted(ordered, target, side="right")
    idx = np.concatenate([order[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
    return idx, np.repeat(np.asarray(groups, dtype=np.int64), hi - lo)
