"""Frame salience: cue hits, scores, trajectory and co-occurrence of frames.

To frame is "to select some aspects of a perceived reality and make them more salient in
a communicating text" (Entman 1993, p. 52). Salience is measured here with cue
dictionaries for the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014;
Card et al. 2015) and the five generic frames of Semetko & Valkenburg (2000): hits per
1,000 words, share of sentences with a cue, presence at ``min_cues`` cue tokens (Field et
al. 2018 use three), dominant frames, the trajectory through the article, and which
frames share sentences.

Known weaknesses: a dictionary counts words, not meanings ("security" in *Security
Council* counts for security and defense); a frame carried without its cue words is
missed; longer texts collect more hits (compare rates, not counts).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import (
    Columns,
    evidence_columns,
    filled,
    main_rows,
    slug_of,
    stack,
    top_forms,
)
from research_utils.analyses.framing.lexicons import FramingLexicons, resolve_lexicons, schemes_of
from research_utils.ingest import CorpusLike, Document, as_corpus
from research_utils.views import Note

__all__ = [
    "dominant_evidence",
    "frame_cooccurrence",
    "frame_examples",
    "frame_hits",
    "frame_scores",
    "frame_trajectory",
    "frames_with_hits",
]

HIT_COLUMNS = [
    "article",
    "scheme",
    "frame",
    "sentence_id",
    "paragraph_id",
    "sentence",
    "match",
    "start",
    "end",
    "voice",
]
SCORE_COLUMNS = [
    "article",
    "scheme",
    "frame",
    "hits",
    "per_1000_words",
    "sentences",
    "sentence_share",
    "present",
    "rank",
    "dominant",
    "author_hits",
    "quoted_hits",
    "top_cues",
    "example_sentence_id",
    "example_sentence",
]
TRAJECTORY_COLUMNS = [
    "article",
    "scheme",
    "paragraph_id",
    "section",
    "frame",
    "hits",
    "words",
    "per_1000_words",
    "first_sentence_id",
]
COOCCURRENCE_COLUMNS = [
    "article",
    "scheme",
    "frame_a",
    "frame_b",
    "sentences",
    "jaccard",
    "example_sentence_id",
    "example_sentence",
    "example_matches",
]


def _round(values: np.ndarray, digits: int) -> list[float]:
    """Python's ``round`` of each value (numpy's rounding can differ in the last digit)."""
    return [round(v, digits) for v in np.asarray(values, dtype=float).tolist()]


def _doc_hits(doc: Document, lex: FramingLexicons, scheme: str) -> Columns:
    """The frame cue hits of one document as columns (:data:`HIT_COLUMNS` and ``group``,
    the frame's position in the lexicon), by sentence, offset and frame name. Kept with
    the document: read-only."""
    frames = lex.frames(scheme)

    def compute() -> Columns:
        found = lex.frame_index(scheme).find(doc)
        names = [e["frame"] for e in frames.entries]
        rank = np.argsort(np.argsort(np.asarray(names, dtype=object), kind="stable"), kind="stable")
        order = np.lexsort((rank[found.group], found.start, found.sentence))
        found = found.take(order)
        n = len(found)
        return {
            "article": filled(doc.slug, n),
            "scheme": filled(scheme, n),
            "frame": np.asarray(names, dtype=object)[found.group],
            **evidence_columns(doc, found.sentence, found.start, found.end),
            "match": found.text,
            "start": found.start,
            "end": found.end,
            "group": found.group,
        }

    return doc.memo(("framing.frame_hits", frames.fingerprint, scheme), compute)


def frame_hits(
    corpus: CorpusLike, lexicons: FramingLexicons | None = None, scheme: str = "policy"
) -> pd.DataFrame:
    """Every frame cue found in the body sentences.

    A cue is a word or phrase of a frame's list, matched as a whole word
    (:func:`research_utils.lexicons.compile_terms`). Cues of one frame never overlap (the
    longest wins); one word can be a cue of several frames.

    Parameters
    ----------
    corpus : Corpus, Document, path, text or list of these
        The article(s).
    lexicons : FramingLexicons, optional
        From :func:`load_lexicons` (default: the bundled lexicons).
    scheme : str
        ``policy``, ``generic`` or ``all`` (both, policy first).

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame``, ``sentence_id``, ``paragraph_id``,
        ``sentence``, ``match`` (the text matched), ``start``/``end`` (offsets in the
        sentence), ``voice`` (``author`` or ``quoted``); by scheme, article, sentence,
        offset and frame.
    """
    lex = resolve_lexicons(lexicons)
    return stack(
        [_doc_hits(doc, lex, s) for s in schemes_of(scheme) for doc in as_corpus(corpus)], HIT_COLUMNS
    )


def _scores(doc: Document, lex: FramingLexicons, scheme: str, min_cues: int) -> Columns:
    """:func:`frame_scores` of one document and scheme."""
    hits = _doc_hits(doc, lex, scheme)
    names = [e["frame"] for e in lex.frames(scheme).entries]
    g_count = len(names)
    n_words = int(doc.parsed.words.sum())
    n_sents = len(doc.parsed.sentence)
    group, sid = hits["group"], hits["sentence_id"]
    n = np.bincount(group, minlength=g_count)
    pairs, per_pair = np.unique(group * max(n_sents, 1) + sid, return_counts=True)
    pair_group, pair_sid = pairs // max(n_sents, 1), pairs % max(n_sents, 1)
    sentences = np.bincount(pair_group, minlength=g_count)
    best = np.lexsort((pair_sid, -per_pair, pair_group))  # most cues first, then earliest
    first = np.unique(pair_group[best], return_index=True)
    example = np.full(g_count, -1, dtype=np.int64)
    example[first[0]] = pair_sid[best][first[1]]
    author = np.bincount(group[hits["voice"] == "author"], minlength=g_count)
    forms = top_forms(group.tolist(), hits["match"].tolist())
    text = doc.parsed.sentence
    present = n >= min_cues
    top = n[present].max() if present.any() else None
    ranked = pd.Series(np.where(n > 0, n, np.nan)).rank(method="min", ascending=False)
    return {
        "article": filled(doc.slug, g_count),
        "scheme": filled(scheme, g_count),
        "frame": np.asarray(names, dtype=object),
        "hits": n,
        "per_1000_words": np.asarray(_round(1000 * n / n_words, 2) if n_words else [np.nan] * g_count),
        "sentences": sentences,
        "sentence_share": np.asarray(_round(sentences / n_sents, 3) if n_sents else [np.nan] * g_count),
        "present": present,
        "rank": ranked.to_numpy(),
        "dominant": present & (n == top) if top is not None else np.zeros(g_count, dtype=bool),
        "author_hits": author,
        "quoted_hits": n - author,
        "top_cues": np.asarray([forms.get(g, "") for g in range(g_count)], dtype=object),
        "example_sentence_id": np.where(example >= 0, example, np.nan),
        "example_sentence": np.asarray([text[s] if s >= 0 else "" for s in example.tolist()], dtype=object),
    }


def frame_scores(
    corpus: CorpusLike,
    lexicons: FramingLexicons | None = None,
    scheme: str = "policy",
    *,
    min_cues: int = 3,
) -> pd.DataFrame:
    """Salience of each frame: cue hits, rate, sentence share, presence and dominance.

    ``per_1000_words`` = 1000 x hits / body words; ``sentence_share`` = sentences with a
    cue of the frame / all sentences. A frame is ``present`` when its cues occur at least
    ``min_cues`` times (Field et al. 2018 use 3). The ``dominant`` frames are the present
    frames with the most hits (ties are all dominant), within each article and scheme;
    ``rank`` orders the frames with at least one hit.

    Parameters
    ----------
    corpus : Corpus, Document, path, text or list of these
    lexicons : FramingLexicons, optional
        From :func:`load_lexicons` (default: the bundled lexicons).
    scheme : str
        ``policy``, ``generic`` or ``all`` (both schemes, policy first).
    min_cues : int
        Cue tokens needed for a frame to count as present.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame``, ``hits``, ``per_1000_words``, ``sentences``
        (sentences with a cue), ``sentence_share``, ``present``, ``rank``, ``dominant``,
        ``author_hits``, ``quoted_hits``, ``top_cues`` (most frequent matched forms),
        ``example_sentence_id`` and ``example_sentence`` (the sentence with most cues of
        the frame, the first of those). One row per frame of the lexicon, in lexicon order.
    """
    if min_cues < 1:
        raise ValueError("min_cues must be at least 1")
    lex = resolve_lexicons(lexicons)
    parts = [_scores(doc, lex, s, min_cues) for s in schemes_of(scheme) for doc in as_corpus(corpus)]
    df = stack(parts, SCORE_COLUMNS)
    return df.astype({"rank": "Int64", "example_sentence_id": "Int64", "present": bool, "dominant": bool})


def _trajectory(doc: Document, lex: FramingLexicons, scheme: str) -> Columns:
    """:func:`frame_trajectory` of one document and scheme: a paragraphs x frames grid of
    hit counts (``np.add.at`` over the hits), laid out row by row."""
    hits = _doc_hits(doc, lex, scheme)
    names = [e["frame"] for e in lex.frames(scheme).entries]
    p = doc.parsed
    pid = np.asarray(p.paragraph_id, dtype=np.int64)
    paras, first_sid = np.unique(pid, return_index=True)
    words = np.bincount(pid, weights=p.words, minlength=int(pid.max()) + 1 if len(pid) else 0)[paras]
    grid = np.zeros((len(paras), len(names)), dtype=np.int64)
    if len(hits["group"]):
        np.add.at(grid, (np.searchsorted(paras, hits["paragraph_id"]), hits["group"]), 1)
    counts = grid.ravel()
    words_rep = np.repeat(words, len(names))
    rate = _round(1000 * counts / np.where(words_rep > 0, words_rep, 1), 1)
    n = grid.size
    return {
        "article": filled(doc.slug, n),
        "scheme": filled(scheme, n),
        "paragraph_id": np.repeat(paras, len(names)),
        "section": np.repeat(np.asarray(p.section, dtype=object)[first_sid], len(names)),
        "frame": np.tile(np.asarray(names, dtype=object), len(paras)),
        "hits": counts,
        "words": words_rep.astype(np.int64),
        "per_1000_words": np.asarray(rate, dtype=float),
        "first_sentence_id": np.repeat(first_sid.astype(np.int64), len(names)),
    }


def frame_trajectory(
    corpus: CorpusLike, lexicons: FramingLexicons | None = None, scheme: str = "policy"
) -> pd.DataFrame:
    """Frame cues paragraph by paragraph: how the framing moves through the article.

    Parameters
    ----------
    corpus : Corpus, Document, path, text or list of these
    lexicons : FramingLexicons, optional
    scheme : str
        ``policy``, ``generic`` or ``all``.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``paragraph_id``, ``section`` (heading above the
        paragraph), ``frame``, ``hits``, ``words`` (paragraph length), ``per_1000_words``
        (1000 x hits / paragraph words, 0 for a paragraph without words),
        ``first_sentence_id``. One row per paragraph and frame, zeros included, so it
        pivots straight into a heatmap.
    """
    lex = resolve_lexicons(lexicons)
    out = [_trajectory(doc, lex, s) for s in schemes_of(scheme) for doc in as_corpus(corpus)]
    return stack(out, TRAJECTORY_COLUMNS)


def _cooccurrence(doc: Document, lex: FramingLexicons, scheme: str) -> list[dict[str, object]]:
    """:func:`frame_cooccurrence` rows of one document and scheme, from the sets of
    sentences with a cue of each frame (pairs in lexicon order)."""
    hits = _doc_hits(doc, lex, scheme)
    order = {e["frame"]: i for i, e in enumerate(lex.frames(scheme).entries)}
    by_frame: dict[str, set[int]] = {}
    matches: dict[tuple[str, int], list[str]] = {}
    for f, s, m in zip(
        hits["frame"].tolist(), hits["sentence_id"].tolist(), hits["match"].tolist(), strict=True
    ):
        by_frame.setdefault(f, set()).add(s)
        matches.setdefault((f, s), []).append(m)
    frames = sorted(by_frame, key=lambda f: order.get(f, len(order)))
    text = doc.parsed.sentence
    rows: list[dict[str, object]] = []
    for i, fa in enumerate(frames):
        for fb in frames[i + 1 :]:
            shared = by_frame[fa] & by_frame[fb]
            if not shared:
                continue
            sid = min(shared)
            rows.append(
                {
                    "article": doc.slug,
                    "scheme": scheme,
                    "frame_a": fa,
                    "frame_b": fb,
                    "sentences": len(shared),
                    "jaccard": round(len(shared) / len(by_frame[fa] | by_frame[fb]), 3),
                    "example_sentence_id": int(sid),
                    "example_sentence": text[sid],
                    "example_matches": " | ".join(", ".join(matches[(f, sid)]) for f in (fa, fb)),
                }
            )
    return rows


def frame_cooccurrence(
    corpus: CorpusLike, lexicons: FramingLexicons | None = None, scheme: str = "policy"
) -> pd.DataFrame:
    """Pairs of frames whose cues share sentences.

    For frames *a* and *b* with cue sentences :math:`S_a` and :math:`S_b`:
    ``sentences`` = :math:`|S_a \\cap S_b|`, ``jaccard`` =
    :math:`|S_a \\cap S_b| / |S_a \\cup S_b|`. Co-occurrence is association, not argument
    structure; common words inflate the pairs of large frames.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame_a``, ``frame_b``, ``sentences``, ``jaccard``,
        ``example_sentence_id``, ``example_sentence`` (the first shared sentence) and
        ``example_matches`` (its cues: those of ``frame_a`` | those of ``frame_b``). Only
        pairs sharing a sentence, most shared first within each scheme and article (schemes
        and articles in their order).
    """
    lex = resolve_lexicons(lexicons)
    rows = []
    for block, (s, doc) in enumerate((s, doc) for s in schemes_of(scheme) for doc in as_corpus(corpus)):
        rows += [{**r, "_block": block} for r in _cooccurrence(doc, lex, s)]
    df = pd.DataFrame(rows, columns=[*COOCCURRENCE_COLUMNS, "_block"])
    df = df.sort_values(["_block", "sentences", "jaccard"], ascending=[True, False, False], kind="stable")
    return df.drop(columns="_block").reset_index(drop=True)


def frames_with_hits(scores: pd.DataFrame, main: str | Document, scheme: str) -> list[str]:
    """The frames of ``scheme`` with at least one hit in article ``main``, in lexicon order."""
    rows = main_rows(scores, main, scheme=scheme)
    return rows.loc[rows["hits"] > 0, "frame"].tolist()


def frame_examples(scores: pd.DataFrame, main: str | Document) -> pd.DataFrame | Note:
    """For each frame of article ``main`` with a hit, the sentence with most of its cues.

    Returns
    -------
    DataFrame or Note
        ``scheme``, ``frame``, ``hits``, ``example_sentence_id``, ``example_sentence``; a
        :class:`Note` when no frame has a cue.
    """
    rows = main_rows(scores, main)
    rows = rows[rows["hits"].to_numpy() > 0]
    if rows.empty:
        return Note(f"No cue of any frame occurs in {slug_of(main)}: there is no example to show.")
    out = rows[["scheme", "frame", "hits", "example_sentence_id", "example_sentence"]].reset_index(drop=True)
    out.attrs["table"] = "framing_frame_examples"  # its caption (report/tables.yaml)
    return out


def dominant_evidence(
    scores: pd.DataFrame, hits: pd.DataFrame, main: str | Document, n: int = 12
) -> pd.DataFrame | Note:
    """The first ``n`` cue hits of each dominant frame of article ``main``.

    Parameters
    ----------
    scores, hits : DataFrame
        :func:`frame_scores` and :func:`frame_hits` (any schemes, any articles).
    main : str or Document
    n : int
        Hits shown per dominant frame.

    Returns
    -------
    DataFrame or Note
        ``scheme``, ``frame``, ``frame_hits`` and ``frame_sentences`` (totals of the
        frame), ``sentence_id``, ``match``, ``voice``, ``sentence``; a :class:`Note` when
        no frame is present.
    """
    dom = main_rows(scores, main, dominant=True)
    if dom.empty:
        return Note(
            f"No frame of {slug_of(main)} reaches the presence threshold, so there is no dominant frame "
            "and no evidence to show."
        )
    slug = slug_of(main)
    mine = hits["article"].to_numpy() == slug
    scheme, frame, sid = hits["scheme"].to_numpy(), hits["frame"].to_numpy(), hits["sentence_id"].to_numpy()
    columns = [
        "scheme",
        "frame",
        "frame_hits",
        "frame_sentences",
        "sentence_id",
        "match",
        "voice",
        "sentence",
    ]
    data: dict[str, list[Any]] = {c: [] for c in columns}
    for s, f in zip(dom["scheme"].tolist(), dom["frame"].tolist(), strict=True):
        idx = np.flatnonzero(mine & (scheme == s) & (frame == f))
        shown = idx[:n]
        data["scheme"] += [s] * len(shown)
        data["frame"] += [f] * len(shown)
        data["frame_hits"] += [len(idx)] * len(shown)
        data["frame_sentences"] += [len(np.unique(sid[idx]))] * len(shown)
        for c in ("sentence_id", "match", "voice", "sentence"):
            data[c] += hits[c].to_numpy()[shown].tolist()
    out = pd.DataFrame(data, columns=columns)
    out.attrs["table"] = "framing_dominant_evidence"  # its caption (report/tables.yaml)
    return out
