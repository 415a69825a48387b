"""Semetko & Valkenburg's 20 frame questions, answered from cue rules where defensible.

Semetko & Valkenburg (2000, p. 100) measured five generic news frames (responsibility,
human interest, conflict, morality, economic consequences) with 20 yes/no questions
answered by human coders. Where a cue rule is a defensible answer (a verb of reproach for
*does one party reproach another?*) the question is answered here from the text: **yes**
when at least ``min_sentences`` sentences (default 1) satisfy the rule. A rule is a list
of cues (and regular expressions), optionally with ``with_cues`` that must occur in the
same sentence. Questions about a moral message, a human face, personal lives or pictures
are left to a human coder.

Known weaknesses: one cue makes a yes, and the evidence sentence may not bear it out;
the frame score is partial (only automatic items are scored).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import Columns, stack
from research_utils.analyses.framing.lexicons import FramingLexicons, resolve_lexicons
from research_utils.ingest import CorpusLike, Document, as_corpus
from research_utils.ingest.sentences import voice_of_span

__all__ = ["sv_checklist", "sv_checklist_evidence", "sv_frame_scores"]

EVIDENCE_COLUMNS = ["article", "number", "frame", "sentence_id", "paragraph_id", "sentence", "match", "voice"]
CHECKLIST_COLUMNS = [
    "article",
    "number",
    "frame",
    "question",
    "answer",
    "method",
    "evidence_sentences",
    "sentence_id",
    "sentence",
    "match",
    "voice",
    "rule",
    "note",
]
SCORE_COLUMNS = ["article", "frame", "items", "automatic_items", "yes", "needs_human_coding", "score"]


def _doc_evidence(doc: Document, lex: FramingLexicons) -> Columns:
    """Evidence sentences of every automatic item of one document (kept with it: read-only).

    A sentence is evidence for an item when it holds a cue (or pattern match) of the item
    and, if the item has ``with_cues``, one of those too. ``match`` joins the first cue and
    the first co-occurring cue (in text order), or the first three cues of a one-part rule,
    with " … "; ``voice`` is the voice of the first of them.
    """

    def compute() -> Columns:
        index = lex.checklist_index
        found = index.find(doc)
        spans: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        for g, s, a, b, t in zip(
            found.group.tolist(),
            found.sentence.tolist(),
            found.start.tolist(),
            found.end.tolist(),
            found.text.tolist(),
            strict=True,
        ):
            spans.setdefault((index.keys[g], s), []).append((a, b, t))
        sentences: dict[str, list[int]] = {}
        for key, s in spans:  # hits come sorted by group, then sentence
            sentences.setdefault(key, []).append(s)
        p = doc.parsed
        rows = []
        for item in sorted(lex.checklist.entries, key=lambda e: e["number"]):
            if item.get("needs_human_coding"):
                continue
            needs_second = any(str(t).strip() for t in item.get("with_cues", []) or [])
            for s in sentences.get(item["id"], []):
                first = spans[(item["id"], s)]
                if needs_second:
                    second = spans.get((f"{item['id']}|with", s))
                    if not second:
                        continue
                    first = sorted(first[:1] + second[:1])
                shown = first[:3]
                rows.append(
                    (
                        doc.slug,
                        int(item["number"]),
                        item["frame"],
                        s,
                        p.paragraph_id[s],
                        p.sentence[s],
                        " … ".join(t for _, _, t in shown),
                        voice_of_span(p.quotes[s], shown[0][0], shown[0][1]),
                    )
                )
        cols = list(zip(*rows, strict=True)) if rows else [()] * len(EVIDENCE_COLUMNS)
        return {
            name: np.asarray(
                col, dtype=np.int64 if name in ("number", "sentence_id", "paragraph_id") else object
            )
            for name, col in zip(EVIDENCE_COLUMNS, cols, strict=True)
        }

    return doc.memo(("framing.checklist", lex.checklist.fingerprint), compute)


def sv_checklist_evidence(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """The evidence sentences behind every automatic checklist answer.

    Returns
    -------
    DataFrame
        ``article``, ``number``, ``frame``, ``sentence_id``, ``paragraph_id``,
        ``sentence``, ``match`` (the cue, and the co-occurring cue for two-part rules),
        ``voice`` (of the first cue), by article, item number and sentence.
    """
    lex = resolve_lexicons(lexicons)
    return stack([_doc_evidence(doc, lex) for doc in as_corpus(corpus)], EVIDENCE_COLUMNS)


def _rule_text(item: dict[str, Any]) -> str:
    """A checklist item's cue rule in words."""
    if item.get("needs_human_coding"):
        return "needs a human coder"
    cues = [str(c) for c in item.get("cues", []) or []]
    text = "a sentence with " + (", ".join(cues[:6]) + (" ..." if len(cues) > 6 else "") if cues else "")
    if item.get("patterns"):
        text += (" or " if cues else "") + "a pattern match"
    if item.get("with_cues"):
        w = [str(c) for c in item["with_cues"]]
        text += " AND " + ", ".join(w[:6]) + (" ..." if len(w) > 6 else "")
    return text


def sv_checklist(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Semetko & Valkenburg's 20 frame questions, answered from cue rules where defensible.

    An item with a cue rule is answered ``yes`` when at least ``min_sentences`` (default
    1) sentences satisfy it, otherwise ``no``; an item marked ``needs_human_coding`` is
    answered ``needs human coding``. Automatic answers are cues for a coder to check, not
    coding decisions.

    Returns
    -------
    DataFrame
        ``article``, ``number``, ``frame``, ``question``, ``answer``, ``method`` (``cue
        rule`` or ``human coder``), ``evidence_sentences`` (count), ``sentence_id``,
        ``sentence``, ``match`` and ``voice`` of the first evidence sentence, ``rule``
        (the cue rule in words), ``note``. Items in number order.
    """
    lex = resolve_lexicons(lexicons)
    items = sorted(lex.checklist.entries, key=lambda e: e["number"])
    rows = []
    for doc in as_corpus(corpus):
        ev = _doc_evidence(doc, lex)
        count: dict[int, int] = {}
        first: dict[int, int] = {}
        for i, number in enumerate(ev["number"].tolist()):
            count[number] = count.get(number, 0) + 1
            first.setdefault(number, i)
        for item in items:
            number = int(item["number"])
            human = bool(item.get("needs_human_coding"))
            n = count.get(number, 0)
            row = (
                {c: ev[c][first[number]] for c in ("sentence_id", "sentence", "match", "voice")}
                if n
                else None
            )
            rows.append(
                {
                    "article": doc.slug,
                    "number": number,
                    "frame": item["frame"],
                    "question": item["question"],
                    "answer": "needs human coding"
                    if human
                    else ("yes" if n >= int(item.get("min_sentences", 1) or 1) else "no"),
                    "method": "human coder" if human else "cue rule",
                    "evidence_sentences": n,
                    "sentence_id": None if row is None else int(row["sentence_id"]),
                    "sentence": "" if row is None else row["sentence"],
                    "match": "" if row is None else row["match"],
                    "voice": "" if row is None else row["voice"],
                    "rule": _rule_text(item),
                    "note": " ".join(str(item.get("note", "")).split()),
                }
            )
    df = pd.DataFrame(rows, columns=CHECKLIST_COLUMNS)
    df["sentence_id"] = df["sentence_id"].astype("Int64")
    return df


def sv_frame_scores(corpus: CorpusLike, lexicons: FramingLexicons | None = None) -> pd.DataFrame:
    """Per generic frame: how many checklist items the cue rules answer ``yes``.

    Semetko & Valkenburg scored a frame as the mean of its yes/no items. Only the items
    with a cue rule can be scored here, so ``score`` = ``yes`` / ``automatic_items`` is a
    partial score; the items left for a human coder are counted beside it.

    Returns
    -------
    DataFrame
        ``article``, ``frame``, ``items``, ``automatic_items``, ``yes``,
        ``needs_human_coding``, ``score`` (NaN when no item is automatic).
    """
    chk = sv_checklist(corpus, lexicons)
    tally: dict[tuple[str, str], list[int]] = {}  # (article, frame) -> [items, automatic, yes, human]
    for slug, frame, method, answer in zip(
        chk["article"].tolist(),
        chk["frame"].tolist(),
        chk["method"].tolist(),
        chk["answer"].tolist(),
        strict=True,
    ):
        t = tally.setdefault((slug, frame), [0, 0, 0, 0])
        t[0] += 1
        t[1] += method == "cue rule"
        t[2] += answer == "yes"
        t[3] += method == "human coder"
    rows = [
        {
            "article": slug,
            "frame": frame,
            "items": items,
            "automatic_items": auto,
            "yes": yes,
            "needs_human_coding": human,
            "score": round(yes / auto, 3) if auto else float("nan"),
        }
        for (slug, frame), (items, auto, yes, human) in tally.items()
    ]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)
