"""The parse of a document's body: sentences, their quotations, word tokens and voice.

:func:`parse` turns body paragraphs into plain lists and arrays (:class:`Parsed`) in
one pass; :func:`quoted_tokens` says which tokens lie inside quotation marks. The
:class:`~research_utils.ingest.document.Document` keeps the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from research_utils.ingest.sentences import quote_spans, split_counting_cuts
from research_utils.ingest.tokens import tokenise_sentences, word_spans

__all__ = ["Parsed", "parse", "quoted_tokens"]


@dataclass(frozen=True)
class Parsed:
    """The body sentences of a document and their word tokens, as plain lists and arrays.

    Sentence ``i`` (``sentence_id`` ``i``) spans ``start[i]:end[i]`` of paragraph
    ``paragraph_id[i]``; ``quotes[i]`` are the ``(start, end)`` offsets *in the sentence*
    of the quotations it overlaps. Token ``j`` is ``token[j]`` (apostrophes written
    ``'``) at ``token_start[j]:token_end[j]`` of sentence ``token_sentence[j]``.
    ``cut`` counts the overlong sentences that were cut into pieces. Read-only.
    """

    paragraph_id: list[int]
    section: list[str]
    sentence: list[str]
    start: list[int]
    end: list[int]
    quotes: list[tuple[tuple[int, int], ...]]
    words: np.ndarray
    token: list[str]
    token_start: np.ndarray
    token_end: np.ndarray
    token_sentence: np.ndarray
    cut: int


def parse(paragraphs: tuple[str, ...], sections: tuple[str, ...]) -> Parsed:
    """Split each paragraph into sentences (cutting overlong ones), find its quotations
    and tokenise every sentence, in article order."""
    pids: list[int] = []
    secs: list[str] = []
    sents: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    quotes: list[tuple[tuple[int, int], ...]] = []
    cut = 0
    for pid, (para, section) in enumerate(zip(paragraphs, sections, strict=True)):
        pieces, n_cut = split_counting_cuts(para)
        cut += n_cut
        spans = quote_spans(para) if ("“" in para or "‘" in para) else []
        pos = 0
        for sent in pieces:
            start = para.index(sent, pos)
            end = start + len(sent)
            pos = end
            pids.append(pid)
            secs.append(section)
            sents.append(sent)
            starts.append(start)
            ends.append(end)
            quotes.append(
                tuple((max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start)
            )
    if any("\n" in sent for sent in sents):  # not from split_sentences: tokenise one by one
        per = [word_spans(sent) for sent in sents]
        tokens = [t for ws in per for _, _, t in ws]
        tok_start = np.array([a for ws in per for a, _, _ in ws], dtype=np.int64)
        tok_end = np.array([b for ws in per for _, b, _ in ws], dtype=np.int64)
        index = np.repeat(np.arange(len(sents), dtype=np.int64), [len(ws) for ws in per])
    else:
        tokens, tok_start, tok_end, index = tokenise_sentences(sents)
    return Parsed(
        paragraph_id=pids,
        section=secs,
        sentence=sents,
        start=starts,
        end=ends,
        quotes=quotes,
        words=np.bincount(index, minlength=len(sents)).astype(np.int64),
        token=tokens,
        token_start=tok_start,
        token_end=tok_end,
        token_sentence=index,
        cut=cut,
    )


def quoted_tokens(p: Parsed) -> np.ndarray:
    """Whether the middle of each token lies inside a quotation of its sentence."""
    n_tok = len(p.token)
    quoted = np.zeros(n_tok, dtype=bool)
    with_quotes = [i for i, spans in enumerate(p.quotes) if spans]
    if not n_tok or not with_quotes:
        return quoted
    # Sentence i as one stretch of a line: offsets of different sentences never overlap.
    size = np.asarray([len(t) + 1 for t in p.sentence], dtype=np.int64)
    base = np.cumsum(size) - size
    # Doubled coordinates keep a token's middle, (start + end) / 2, an integer.
    spans = sorted((2 * (base[i] + a), 2 * (base[i] + b)) for i in with_quotes for a, b in p.quotes[i])
    merged: list[list[int]] = []
    for a, b in spans:  # the union of the quotations (they may overlap)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([int(a), int(b)])
    lo = np.asarray([a for a, _ in merged], dtype=np.int64)
    hi = np.asarray([b for _, b in merged], dtype=np.int64)
    mid2 = 2 * base[p.token_sentence] + p.token_start + p.token_end
    k = np.searchsorted(lo, mid2, side="right") - 1
    return (k >= 0) & (mid2 < hi[np.maximum(k, 0)])
