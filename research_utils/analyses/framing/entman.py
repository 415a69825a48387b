"""Entman's four framing functions: sentences that may define a problem, diagnose a cause,
judge morally or recommend a remedy.

Entman (1993, p. 52): frames "define problems", "diagnose causes", "make moral
judgments" and "suggest remedies". A sentence is flagged for a function when it holds one
of the function's cues: problem words (*problem, crisis, threat*), causal connectives and
verbs of blame (*because, due to, led to, blame*), words of moral judgement (*wrong,
illegitimate, reckless*), deontic and proposal language (*should, must, call for,
propose*). One sentence can serve several functions.

Known weaknesses: the cues are broad (*after* marks sequence more often than cause, and
*must* appears in reported demands as well as in the author's recommendations); the flags
point to sentences worth reading, they do not reconstruct the frame.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import Columns, evidence_columns, filled, stack
from research_utils.analyses.framing.lexicons import FramingLexicons, resolve_lexicons
from research_utils.ingest import CorpusLike, Document, as_corpus

__all__ = ["entman_functions", "entman_summary"]

FUNCTION_COLUMNS = [
    "article",
    "function",
    "sentence_id",
    "paragraph_id",
    "sentence",
    "match",
    "cues",
    "voice",
]
SUMMARY_COLUMNS = [
    "article",
    "function",
    "sentences",
    "sentence_share",
    "author_sentences",
    "example_sentence_id",
    "example_sentence",
    "example_match",
]


def _doc_functions(doc: Document, lex: FramingLexicons) -> Columns:
    """The flagged sentences of one document as columns (:data:`FUNCTION_COLUMNS`),
    function by function in lexicon order, sentences in text order (read-only)."""

    def compute() -> Columns:
        index = lex.entman_index
        found = index.find(doc)  # sorted by group (function), sentence, start
        voice = evidence_columns(doc, found.sentence, found.start, found.end)["voice"].tolist()
        function_of = {e["id"]: e["function"] for e in lex.entman.entries}
        names = [function_of[k] for k in index.keys]
        rows: list[list[Any]] = []  # function, sentence, matches, voices
        last = (-1, -1)
        for g, s, m, v in zip(
            found.group.tolist(), found.sentence.tolist(), found.text.tolist(), voice, strict=True
        ):
            if (g, s) != last:
                rows.append([names[g], s, [m], {v}])
                last = (g, s)
            else:
                rows[-1][2].append(m)
                rows[-1][3].add(v)
        p = doc.parsed
        sid = np.asarray([r[1] for r in rows], dtype=np.int64)
        return {
            "article": filled(doc.slug, len(rows)),
            "function": np.asarray([r[0] for r in rows], dtype=object),
            "sentence_id": sid,
            "paragraph_id": np.asarray(p.paragraph_id, dtype=np.int64)[sid],
            "sentence": np.asarray(p.sentence, dtype=object)[sid],
            "match": np.asarray(["; ".join(r[2]) for r in rows], dtype=object),
            "cues": np.asarray([len(r[2]) for r in rows], dtype=np.int64),
            "voice": np.asarray([next(iter(r[3])) if len(r[3]) == 1 else "both" for r in rows], dtype=object),
        }

    return doc.memo(("framing.entman", lex.entman.fingerprint), compute)


def entman_functions(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Sentences flagged for Entman's four framing functions by cue words and patterns.

    Returns
    -------
    DataFrame
        ``article``, ``function``, ``sentence_id``, ``paragraph_id``, ``sentence``,
        ``match`` (the cues found, joined by "; "), ``cues`` (how many), ``voice``
        (``author``, ``quoted`` or ``both``: the voice of the cues). Functions in lexicon
        order, sentences in text order.
    """
    lex = resolve_lexicons(lexicons)
    return stack([_doc_functions(doc, lex) for doc in as_corpus(corpus)], FUNCTION_COLUMNS)


def entman_summary(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Per function: how many sentences are flagged, and the strongest example.

    ``sentence_share`` = flagged sentences / all sentences; the example is the sentence
    with most cues (the first of those).

    Returns
    -------
    DataFrame
        ``article``, ``function``, ``sentences``, ``sentence_share``,
        ``author_sentences`` (flagged by a cue in the author's voice: ``author`` or
        ``both``), ``example_sentence_id``, ``example_sentence``, ``example_match``.
    """
    lex = resolve_lexicons(lexicons)
    rows = []
    for doc in as_corpus(corpus):
        flagged = _doc_functions(doc, lex)
        n = len(doc.parsed.sentence)
        tally: dict[str, list[int]] = {}  # function -> [sentences, author sentences, best row]
        for i, (f, v, k) in enumerate(
            zip(
                flagged["function"].tolist(), flagged["voice"].tolist(), flagged["cues"].tolist(), strict=True
            )
        ):
            t = tally.setdefault(f, [0, 0, i])
            t[0] += 1
            t[1] += v != "quoted"
            if k > flagged["cues"][t[2]]:  # most cues; the first of those (rows are in text order)
                t[2] = i
        for entry in lex.entman.entries:
            f = entry["function"]
            k, author, best = tally.get(f, [0, 0, -1])
            rows.append(
                {
                    "article": doc.slug,
                    "function": f,
                    "sentences": k,
                    "sentence_share": round(k / n, 3) if n else float("nan"),
                    "author_sentences": author,
                    "example_sentence_id": int(flagged["sentence_id"][best]) if k else None,
                    "example_sentence": flagged["sentence"][best] if k else "",
                    "example_match": flagged["match"][best] if k else "",
                }
            )
    df = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    df["example_sentence_id"] = df["example_sentence_id"].astype("Int64")
    return df
