"""Persuasion techniques: candidate cues, and the repeated phrases behind "repetition".

SemEval-2023 Task 3 (Piskorski et al. 2023) annotates 23 persuasion techniques in six
families (attack on reputation, justification, distraction, simplification, call,
manipulative wording). Here each technique has cue words and phrases and a few regular
expressions (``even <Name> ... said`` for appeal to authority); *repetition* is computed
from the text: every use of a content phrase of two to four words that occurs at least
``repetition_min`` times.

These are **candidate cues, never detections**: the shared task's systems are trained
classifiers reading context, while a word list cannot tell a loaded word used to persuade
from the same word used to describe, or a repeated topic phrase from a slogan.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import Columns, concat, evidence_columns, filled, stack, top_forms
from research_utils.analyses.framing.lexicons import FramingLexicons, resolve_lexicons
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = ["persuasion_counts", "persuasion_cues", "repeated_phrases"]

MAX_PHRASE_WORDS = 4
"""Longest repeated phrase looked for (in words)."""

PHRASE_COLUMNS = ["article", "phrase", "words", "count", "sentence_ids", "example_sentence"]
CUE_COLUMNS = [
    "article",
    "technique",
    "family",
    "cue_type",
    "sentence_id",
    "paragraph_id",
    "sentence",
    "match",
    "start",
    "end",
    "voice",
]
COUNT_COLUMNS = [
    "article",
    "technique",
    "family",
    "count",
    "author",
    "quoted",
    "sentences",
    "needs_human_coding",
    "examples",
    "example_sentence_id",
    "example_sentence",
]


# --------------------------------------------------------------------------- repetition


def _phrases(doc: Document, min_count: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Maximal repeated content phrases of one document and every use of them (read-only).

    Returns ``(phrases, uses)``: ``phrases`` has ``phrase``, ``words``, ``count``,
    ``sentence_ids``, ``example_sentence`` in report order; ``uses`` is an array of rows
    ``(sentence_id, start, end)`` (offsets in the sentence) of every use of a listed phrase.
    """
    return doc.memo(("framing.phrases", min_count, MAX_PHRASE_WORDS), lambda: _find_phrases(doc, min_count))


def _ngram_ids(grams: np.ndarray, n_types: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(grams, axis=0, return_inverse=True, return_counts=True)``, through one
    integer per row when the codes fit in 62 bits (a much faster sort)."""
    n = grams.shape[1]
    if n_types**n < 2**62:
        key = np.zeros(len(grams), dtype=np.int64)
        for k in range(n):
            key = key * n_types + grams[:, k]
        _, first, inverse, counts = np.unique(key, return_index=True, return_inverse=True, return_counts=True)
        return grams[first], inverse.reshape(-1), counts
    rows, inverse, counts = np.unique(grams, axis=0, return_inverse=True, return_counts=True)
    return rows, inverse.reshape(-1), counts


def _find_phrases(doc: Document, min_count: int) -> tuple[pd.DataFrame, np.ndarray]:
    """See :func:`repeated_phrases` for the method.

    Every word is coded by its type; the n-grams of each length are rows of codes, counted
    with one sort; the uses of the phrases used ``min_count`` times or more are grouped
    with a second sort. Only those phrases are handled one by one.
    """
    tok = doc.tokens
    p = doc.parsed
    codes, uniques = pd.factorize(tok["norm"])
    types: list[str] = uniques.tolist()
    has_letter = np.fromiter((any(ch.isalpha() for ch in t) for t in types), dtype=bool, count=len(types))
    content = has_letter[codes] & ~tok["stopword"].to_numpy() & ~tok["is_number"].to_numpy()
    sid = p.token_sentence
    numbers = np.concatenate([[0], np.cumsum(tok["is_number"].to_numpy())])
    n_tok = len(codes)
    found: list[tuple[tuple[str, ...], int, tuple[int, int, int], np.ndarray]] = []
    for n in range(2, MAX_PHRASE_WORDS + 1):
        i = np.arange(max(n_tok - n + 1, 0))
        ok = (sid[i] == sid[i + n - 1]) & content[i] & content[i + n - 1] & (numbers[i + n] == numbers[i])
        starts = i[ok]
        if not len(starts):
            continue
        rows, inverse, counts = _ngram_ids(
            np.stack([codes[starts + k] for k in range(n)], axis=1), len(types)
        )
        repeated = counts[inverse] >= min_count
        where, which = starts[repeated], inverse[repeated]
        order = np.argsort(which, kind="stable")  # the uses of each phrase together, in text order
        where, which = where[order], which[order]
        bounds = [0, *(np.flatnonzero(np.diff(which)) + 1).tolist(), len(where)] if len(where) else [0]
        for lo, hi in itertools.pairwise(bounds):
            use = where[lo:hi]
            key = tuple(types[c] for c in rows[which[lo]].tolist())
            found.append((key, hi - lo, (int(sid[use[0]]), n, int(use[0])), use))
    kept = {key: count for key, count, _, _ in found}
    covered = set()  # a phrase inside a longer kept phrase used as often is dropped
    for key, count in kept.items():
        for n in range(2, len(key)):
            for i in range(len(key) - n + 1):
                sub = key[i : i + n]
                if sub in kept and count >= kept[sub]:
                    covered.add(sub)
    found = sorted((f for f in found if f[0] not in covered), key=lambda f: (-f[1], -len(f[0]), f[2]))
    text = p.sentence
    phrases, uses = [], []
    for key, count, _, where in found:
        sids = sid[where]
        phrases.append(
            (" ".join(key), len(key), count, ", ".join(map(str, np.unique(sids).tolist())), text[sids[0]])
        )
        last = where + len(key) - 1
        uses.append(np.stack([sids, p.token_start[where], p.token_end[last]], axis=1))
    return (
        pd.DataFrame(phrases, columns=PHRASE_COLUMNS[1:]),
        np.concatenate(uses) if uses else np.zeros((0, 3), dtype=np.int64),
    )


def repeated_phrases(corpus: CorpusLike, min_count: int = 3) -> pd.DataFrame:
    """Content phrases (2-4 words) used at least ``min_count`` times in an article.

    Words are compared by type (:func:`research_utils.ingest.vocabulary.norm`: case folded,
    acronyms kept). A phrase starts and ends with a content word (not a stop word of the
    shared list, :func:`research_utils.ingest.vocabulary.load_stopwords`, and not a number),
    holds no number, and stays inside one sentence; a phrase inside a longer repeated
    phrase used as often is dropped. The raw material of the *repetition* candidate cue.

    Returns
    -------
    DataFrame
        ``article``, ``phrase``, ``words``, ``count``, ``sentence_ids`` (where it occurs),
        ``example_sentence`` (the first use); most used first, then longest, then in order
        of first use.
    """
    if min_count < 2:
        raise ValueError("min_count must be at least 2")
    out = []
    for doc in as_corpus(corpus):
        phrases, _ = _phrases(doc, min_count)
        out.append(phrases.assign(article=doc.slug))
    return concat(out, PHRASE_COLUMNS)


def _repetition_spans(doc: Document, min_count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Uses of repeated phrases as arrays ``(sentence_id, start, end)``, in text order; of
    uses that overlap, the first (then the longest) is kept.

    A use that starts after every earlier use of its sentence has ended is kept whatever
    happened before; only sentences with other uses are resolved one use at a time.
    """
    _, uses = _phrases(doc, min_count)
    uses = uses[np.lexsort((-uses[:, 2], uses[:, 1], uses[:, 0]))]
    s, a, b = uses[:, 0], uses[:, 1], uses[:, 2]
    if not len(s):
        return s, a, b
    first = np.append(True, s[1:] != s[:-1])
    span = int(b.max()) + 1
    reach = np.maximum.accumulate(s * span + b) - s * span  # furthest end so far in the sentence
    free = first | (a >= np.append(0, reach[:-1]))
    keep = free.copy()
    contested = np.isin(s, s[~free])
    last_s = last_end = -1
    for i, si, ai, bi in zip(
        np.flatnonzero(contested).tolist(),
        s[contested].tolist(),
        a[contested].tolist(),
        b[contested].tolist(),
        strict=True,
    ):
        keep[i] = not (si == last_s and ai < last_end)
        if keep[i]:
            last_s, last_end = si, bi
    return s[keep], a[keep], b[keep]


# --------------------------------------------------------------------------- cues


def _doc_cues(doc: Document, lex: FramingLexicons, repetition_min: int) -> Columns:
    """Candidate spans of one document as columns (:data:`CUE_COLUMNS`), by sentence and
    offset, techniques in lexicon order where spans start together (read-only)."""

    def compute() -> Columns:
        index = lex.persuasion_index
        found = index.find(doc)
        group_of = {key: g for g, key in enumerate(index.keys)}
        text = doc.parsed.sentence
        tech: list[np.ndarray] = []
        family: list[np.ndarray] = []
        kind: list[np.ndarray] = []
        sid: list[np.ndarray] = []
        start: list[np.ndarray] = []
        end: list[np.ndarray] = []
        match: list[np.ndarray] = []
        for entry in lex.persuasion.entries:
            if entry.get("computed"):
                s, a, b = _repetition_spans(doc, repetition_min)
                k = filled("computed", len(s))
                m = np.asarray(
                    [text[i][x:y] for i, x, y in zip(s.tolist(), a.tolist(), b.tolist(), strict=True)],
                    dtype=object,
                )
            elif entry["id"] in group_of:
                h = found.take(found.group == group_of[entry["id"]])
                s, a, b, m = h.sentence, h.start, h.end, h.text
                k = np.where(h.kind == 0, "cue", "pattern").astype(object)
            else:
                continue
            tech.append(filled(entry["technique"], len(s)))
            family.append(filled(entry["family"], len(s)))
            kind.append(k)
            sid.append(s)
            start.append(a)
            end.append(b)
            match.append(m)
        if not sid:
            return {c: np.zeros(0, dtype=object) for c in CUE_COLUMNS}
        s, a, b = np.concatenate(sid), np.concatenate(start), np.concatenate(end)
        order = np.lexsort((a, s))  # stable: techniques in lexicon order where spans start together
        s, a, b = s[order], a[order], b[order]
        return {
            "article": filled(doc.slug, len(s)),
            "technique": np.concatenate(tech)[order],
            "family": np.concatenate(family)[order],
            "cue_type": np.concatenate(kind)[order],
            **evidence_columns(doc, s, a, b),
            "match": np.concatenate(match)[order],
            "start": a,
            "end": b,
        }

    return doc.memo(("framing.persuasion", lex.persuasion.fingerprint, repetition_min), compute)


def persuasion_cues(
    corpus: CorpusLike, lexicons: FramingLexicons | None = None, *, repetition_min: int = 3
) -> pd.DataFrame:
    """Candidate spans for the persuasion techniques of SemEval-2023 Task 3.

    These are candidate cues, never detections: a loaded word, a pattern such as "even ...
    said", or a repeated phrase marks a span a reader should look at. Within one
    technique, overlapping candidates are merged (the first, then the longest, is kept).

    Parameters
    ----------
    corpus : Corpus, Document, path, text or list of these
    lexicons : FramingLexicons, optional
    repetition_min : int
        A content phrase is a repetition candidate when used at least this often.

    Returns
    -------
    DataFrame
        ``article``, ``technique``, ``family``, ``cue_type`` (``cue``, ``pattern`` or
        ``computed``), ``sentence_id``, ``paragraph_id``, ``sentence``, ``match``,
        ``start``, ``end``, ``voice``; by article, sentence and offset (techniques in
        lexicon order where spans start together).
    """
    if repetition_min < 2:
        raise ValueError("repetition_min must be at least 2")
    lex = resolve_lexicons(lexicons)
    return stack([_doc_cues(doc, lex, repetition_min) for doc in as_corpus(corpus)], CUE_COLUMNS)


def persuasion_counts(
    corpus: CorpusLike, lexicons: FramingLexicons | None = None, *, repetition_min: int = 3
) -> pd.DataFrame:
    """Candidate-cue counts per persuasion technique (all techniques, zeros included).

    Returns
    -------
    DataFrame
        ``article``, ``technique``, ``family``, ``count`` (candidate spans), ``author``,
        ``quoted`` (by voice), ``sentences`` (sentences with a candidate),
        ``needs_human_coding`` (no cue list: the count is always 0), ``examples`` (most
        frequent matched forms), ``example_sentence_id``, ``example_sentence`` (of the
        first candidate). One row per technique, in lexicon order.
    """
    lex = resolve_lexicons(lexicons)
    rows = []
    for doc in as_corpus(corpus):
        cues = _doc_cues(doc, lex, repetition_min)
        tally: dict[str, list[Any]] = {}  # technique -> [count, author, sentences, first row]
        for i, (t, v, s) in enumerate(
            zip(cues["technique"].tolist(), cues["voice"].tolist(), cues["sentence_id"].tolist(), strict=True)
        ):
            c = tally.setdefault(t, [0, 0, set(), i])
            c[0] += 1
            c[1] += v == "author"
            c[2].add(s)
        examples = top_forms(cues["technique"].tolist(), cues["match"].tolist(), n=5)
        for entry in lex.persuasion.entries:
            t = entry["technique"]
            n, author, sentences, first = tally.get(t, [0, 0, set(), -1])
            rows.append(
                {
                    "article": doc.slug,
                    "technique": t,
                    "family": entry["family"],
                    "count": n,
                    "author": author,
                    "quoted": n - author,
                    "sentences": len(sentences),
                    "needs_human_coding": bool(entry.get("needs_human_coding", False)),
                    "examples": examples.get(t, ""),
                    "example_sentence_id": int(cues["sentence_id"][first]) if n else None,
                    "example_sentence": cues["sentence"][first] if n else "",
                }
            )
    df = pd.DataFrame(rows, columns=COUNT_COLUMNS)
    df["example_sentence_id"] = df["example_sentence_id"].astype("Int64")
    return df
