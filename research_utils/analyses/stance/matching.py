"""Run a lexicon's :class:`~research_utils.lexicons.TermMatcher` over the sentences of a document.

The matcher finds the same hits in a sentence whatever is around it; what costs time is
the number of (sentence, term bucket) pairs it tries, most of which find nothing. The
package's one sentence-candidate index
(:class:`research_utils.lexicons.candidates.StartIndex`, which the framing analysis uses
too) says where a term may start: a run of letters and digits equal to its first run, and
followed by its second run (``the West`` needs ``west`` right after ``the``). A sentence
is handed to the matcher only with the first words whose terms may start in it
(:meth:`~research_utils.lexicons.TermMatcher.start_index`), so the hits are exactly those
of ``matcher.find`` on every sentence. The runs come from the document's tokens (one
parse), not from a second tokenisation. A matcher with terms without a plain first word
(such as ``neutral*``) or with regular expressions runs on every sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from research_utils.ingest import Document
from research_utils.lexicons import Hit, TermMatcher
from research_utils.lexicons.candidates import document_runs

__all__ = ["first_words_by_sentence", "sentence_hits"]


def first_words_by_sentence(doc: Document, matcher: TermMatcher) -> dict[int, frozenset[str]]:
    """For each body sentence where a term of ``matcher`` with a plain first word may start,
    those first words (the keys of the matcher's buckets to run there)."""
    index, words, everywhere = matcher.start_index()
    group, sentence, _ = index.candidates(document_runs(doc))
    out: dict[int, set[str]] = {}
    if len(group):
        pairs = np.unique(sentence * max(len(words), 1) + group)  # each (sentence, first word) once
        for sid, g in zip((pairs // len(words)).tolist(), (pairs % len(words)).tolist(), strict=True):
            out.setdefault(sid, set()).add(words[g])
    if everywhere:
        for sid in range(len(doc.parsed.sentence)):
            out.setdefault(sid, set()).update(everywhere)
    return {sid: frozenset(found) for sid, found in out.items()}


def sentence_hits(
    doc: Document, matcher: TermMatcher, sentence_ids: Sequence[int] | None = None
) -> dict[int, list[Hit]]:
    """The matches of ``matcher`` in the body sentences of ``doc`` (offsets in the sentence).

    The same hits as ``matcher.find`` on each sentence, found by running the matcher only
    on the sentences where a term may start and only with the first words that may
    (:func:`first_words_by_sentence`). A matcher with terms without a plain first word
    (such as ``neutral*``) or with regular expressions runs on every sentence.

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
    firsts = first_words_by_sentence(doc, matcher) if matcher.by_word else {}
    if matcher.always or matcher.patterns:
        todo = [(sid, firsts.get(sid, frozenset())) for sid in wanted]
    else:
        todo = [(sid, firsts[sid]) for sid in wanted if sid in firsts]
    out: dict[int, list[Hit]] = {}
    for sid, words_here in todo:
        hits = matcher.find(sentences[sid], words_here)
        if hits:
            out[sid] = hits
    return out
