"""The record of one attribution, the paragraphs it is found in, and the passes over all records.

Shared by :mod:`~research_utils.analyses.stance.attribution.direct` (direct quotes) and
:mod:`~research_utils.analyses.stance.attribution.document` (indirect speech, the document pass):
:class:`Paragraph` (a body paragraph with its sentences), :func:`record` (one
attribution as a dict, with private paragraph offsets), :func:`inherit` (a quote that
continues another's attribution), :func:`frame_speaker` (the speaker phrase before a
reporting verb), and the passes that tidy the list of a document: partial quotations
inside a reported clause are part of it (:func:`without_inner_quotes`), a quotation
that makes up the sentence after an attribution continues it (:func:`continue_quotes`),
and a reported clause ends where a participle frame of its speaker begins
(:func:`trim_participles`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from research_utils.analyses.stance.attribution.antecedents import relative_antecedent
from research_utils.analyses.stance.attribution.reporting_frames import SUBJECTLESS, quoted_as, subjectless
from research_utils.analyses.stance.attribution.speakers import (
    resolve_actor,
    speaker_before,
    trim_speaker,
    valid_speaker,
)
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons
from research_utils.analyses.stance.text import (
    BE_FORMS,
    DATELINE_AGENCY,
    DATELINE_DATE,
    DETERMINERS,
    FIRST_PERSON,
    sentence_at,
    sentences_between,
)
from research_utils.ingest import Document, words
from research_utils.lexicons import Hit

__all__ = [
    "OBJECT_THAT",
    "ONLY_SPACE_COMMA",
    "THAT",
    "WORDS_FRAME",
    "Paragraph",
    "clause_end",
    "continue_quotes",
    "covered",
    "frame_speaker",
    "inherit",
    "paragraphs",
    "record",
    "split_coordinated",
    "trim_participles",
    "without_inner_quotes",
]

THAT = re.compile(r"\s*(?:,\s*[a-z]+(?:\s+[a-z]+)?\s*,)?\s*,?\s*that\b")
"""The complementiser after the verb, also after a comma-set adverb ("claimed, absurdly, that")."""

OBJECT_THAT = re.compile(r"\s+(?:to\s+)?(?:[\w’'.-]+\s+){1,3}?that\b", re.IGNORECASE)
"""A hearer and "that" after the verb: "told reporters that"."""

ONLY_SPACE_COMMA = re.compile(r"[\s,]*")

WORDS_FRAME = "in the words of"


_CLAUSE_END = re.compile(
    r"\s+(?:but|while|whereas)\s|[;:]|,\s+(?:but|while|whereas|and)\s|,\s+(?:he|she|they|it|we)\s+[a-z]+"
)


def clause_end(text: str, start: int) -> int:
    """Where a gerund's content ends: at "but", "while", a semicolon or the sentence end."""
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text.rstrip(" ."))


_TRAILING_JOIN = re.compile(r"(?:[\s,;]+(?:and|but)\b)?[\s,;]*$")
"""What joins a reported clause to the participle or verb that follows it: ", and"."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph and its sentences (offsets in the paragraph, in order)."""

    pid: int
    text: str
    sids: range
    starts: list[int]
    ends: list[int]
    sentences: list[str]
    quotes: list[tuple[tuple[int, int], ...]]
    words: list[int]


DATELINE = re.compile(
    rf"(?:[A-Z][A-Z.’'-]+\s+){{0,3}}[A-Z][A-Z.’'-]+(?:{DATELINE_DATE})?\s*(?:{DATELINE_AGENCY})?\s*[:—–-]\s+"
    rf"|(?:[A-Z][a-z’'-]+\s+){{0,2}}[A-Z][a-z’'-]+(?:{DATELINE_DATE}\s*|\s*{DATELINE_AGENCY}\s*)[—–-]\s+"
)
"""A dateline that opens a paragraph: "KYIV, March 3 — ", "NEW DELHI: ", "Kuala Lumpur, Feb 25 — ",
"Brussels (Reuters) - "."""


def record(
    kind: str,
    para: Paragraph,
    verb: Hit | None,
    speaker_span: tuple[int, int] | None,
    scope: tuple[int, int],
    quote: str,
    lex: StanceLexicons,
) -> dict[str, Any]:
    """One attribution; keys starting with ``_`` hold paragraph offsets for later look-ups."""
    lacks_subject = speaker_span == SUBJECTLESS
    if lacks_subject:
        speaker_span = None
    if scope[0] == 0 and kind == "indirect" and (d := DATELINE.match(quote)):
        # "KUALA LUMPUR, Feb 25 — Malaysia should ..., the ambassador said": not the content
        quote, scope = quote[d.end() :], (scope[0] + d.end(), scope[1])
    speaker = para.text[speaker_span[0] : speaker_span[1]] if speaker_span else ""
    actor, actor_match = resolve_actor(speaker, lex) if speaker else ("", "")
    k = sentence_at(para.starts, verb.start if verb is not None else scope[0])
    return {
        "kind": kind,
        "speaker": speaker,
        "speaker_name": "",
        "actor": actor or (UNATTRIBUTED if not speaker else UNRESOLVED),
        "actor_kind": "",
        "anonymous": False,
        "actor_match": actor_match,
        "reporting_verb": verb.key if verb is not None else "",
        "verb": verb.match if verb is not None else "",
        "verb_class": verb.info if verb is not None else "",
        "quote": quote,
        "quote_words": len(words(quote)),
        "paragraph_id": para.pid,
        "sentence_id": para.sids[k],
        "sentence_ids": covered(para, scope),
        "sentence": para.sentences[k],
        "note": "",
        "_sentence_start": para.starts[k],
        "_scope": (para.pid, scope[0], scope[1]),
        "_speaker": (para.pid, *speaker_span) if speaker_span else None,
        "_verb": (para.pid, verb.start, verb.end) if verb is not None else None,
        "_subjectless": lacks_subject,
    }


def covered(para: Paragraph, scope: tuple[int, int]) -> tuple[int, ...]:
    """Ids of the sentences a quote or clause ``scope`` (paragraph offsets) overlaps."""
    return tuple(para.sids[i] for i in sentences_between(para.starts, para.ends, *scope))


def inherit(src: dict[str, Any], para: Paragraph, scope: tuple[int, int], inner: str) -> dict[str, Any]:
    """A quote with no verb of its own, attributed like quote ``src`` ("A," X said. "B.")."""
    rec = dict(src)
    k = sentence_at(para.starts, scope[0])
    rec.update(
        {
            "speaker": "",
            "_speaker": None,
            "_source": src,
            "quote": inner,
            "quote_words": len(words(inner)),
            "paragraph_id": para.pid,
            "sentence_id": para.sids[k],
            "sentence_ids": covered(para, scope),
            "sentence": para.sentences[k],
            "note": f"continues the quote attributed in sentence {src['sentence_id']}",
            "_sentence_start": para.starts[k],
            "_scope": (para.pid, scope[0], scope[1]),
        }
    )
    return rec


def _noun_head(phrase: str, m: re.Match[str]) -> bool:
    """Whether the verb form ``m`` ends ``phrase`` after an article or a lowercase modifier:
    a noun that heads the speaker phrase ("A published report", "the statement"), not a
    verb ("Stamm said"); a possessed noun heads it too ("a transcript of Lavrov's remarks said")."""
    if phrase[m.end() :].strip():
        return False
    before = words(phrase[: m.start()])
    return bool(before) and (
        before[-1].lower() in DETERMINERS
        or before[-1].islower()
        or (len(before) >= 2 and before[-2].lower() == "of" and before[-1].endswith(("'s", "’s")))
    )  # "a transcript of Lavrov's remarks said"; not "Putin's remarks reveal ..." (no speaker)


_CLAUSE_BEFORE_PARTICIPLE = re.compile(
    r"((?:The\s+|the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:has|have|had|is|are|was|were)\s+"
    r"(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\b"
)
"""A clause whose participle reports speech without a comma ("The US has backed the
opposition saying ..."): its subject, a name of up to four capitalised words, is the speaker."""


def frame_speaker(text: str, v: Hit, floor: int, lex: StanceLexicons) -> tuple[int, int] | None:
    """The speaker span of reporting verb ``v`` whose phrase stands before it (after ``floor``):
    :data:`~.reporting_frames.SUBJECTLESS` for a participle or second
    verb without a subject, the subject of "was quoted ... as saying", else the phrase
    right before the verb; None when there is no valid speaker (a noun "a state that" or a
    passive "it was said")."""
    if subjectless(text, v):
        return SUBJECTLESS
    q = quoted_as(text, v)
    end = q if q is not None and q > floor else v.start
    before = words(text[floor:end])
    if before and before[-1].lower() in ("that", "which"):
        return relative_antecedent(text, v.start)  # "a ruling that said ..."; "a state that ..." is none
    if before and (before[-1].lower() in DETERMINERS or before[-1].lower() in BE_FORMS):
        return None
    span = speaker_before(text, end, floor)
    if v.match.lower().endswith("ing") and (m := _CLAUSE_BEFORE_PARTICIPLE.match(text, span[0], span[1])):
        span = (span[0], span[0] + len(m.group(1)))  # "The US has backed the opposition saying ...": the US
    inner = [
        m
        for m in re.finditer(r"[\w’']+", text[span[0] : span[1]])
        if m.group(0).lower() in lex.verb_forms
        and not m.group(0).lower().endswith("ing")
        and not (m.start() > 0 and m.group(0)[:1].isupper())  # "The U.S. State Department": a name
        and not _noun_head(text[span[0] : span[1]], m)  # "A published report said": the noun heads the phrase
    ]
    if inner and span[1] > span[0]:  # "Stamm said the company hopes ...": the company, not "said the company"
        cut = span[0] + inner[-1].end()
        rest = text[cut : span[1]]
        span = (cut + len(rest) - len(rest.lstrip()), span[1])
        trimmed = trim_speaker(text[span[0] : span[1]])  # "said Friday it hopes": "it"
        at = text.find(trimmed, span[0], span[1]) if trimmed else -1
        if at >= 0:
            span = (at, at + len(trimmed))
    if span[1] > span[0] and valid_speaker(text[span[0] : span[1]], lex):
        if text[span[0] : span[1]].lower() in FIRST_PERSON:
            return None  # "I told him: ..." is the author's own speech act
        return span
    return relative_antecedent(text, v.start)  # "a ruling that said ...", "X, who suggested ..."


def without_inner_quotes(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop quotes without a frame of their own that lie inside a reported clause: the
    partial quotation of 'X said the offer was accepted "with sadness ..."' is part of
    that clause, not another speech act. (Quotes with a frame of their own stay: dropping
    those inside a clause lost more right attributions than wrong ones on the development
    outlets of the real-copy gold set.)"""
    clauses: dict[int, list[tuple[int, int]]] = {}
    for r in records:
        if r["kind"] == "indirect":
            clauses.setdefault(r["_scope"][0], []).append(r["_scope"][1:])
    return [
        r
        for r in records
        if not (
            r["kind"] == "direct"
            and (r["_verb"] is None or r.get("_source") is not None)  # no frame of its own
            and any(
                a <= r["_scope"][1] and r["_scope"][2] <= b + 1 for a, b in clauses.get(r["_scope"][0], ())
            )
        )
    ]


def continue_quotes(records: list[dict[str, Any]]) -> None:
    """A quotation that makes up a sentence of its own right after a sentence with an
    attribution, in the same paragraph, continues that attribution ('Lavrov said the talks
    had failed. "Nobody wants to listen."'): the news convention for a quote that goes on."""
    by_sentence: dict[int, dict[str, Any]] = {}
    for r in records:
        if r["_verb"] is not None or r.get("_source") is not None or r.get("_subjectless"):
            by_sentence[r["sentence_id"]] = r
    for r in records:
        if (
            r["kind"] != "direct"
            or r["_verb"] is not None
            or r.get("_source") is not None
            or r.get("_subjectless")
        ):
            continue
        prev = by_sentence.get(r["sentence_ids"][0] - 1) if r["sentence_ids"] else None
        if prev is None or prev["paragraph_id"] != r["paragraph_id"]:
            continue
        if r["sentence"].lstrip(" “‘\"'")[:12] != r["quote"][:12].lstrip(" “‘\"'")[:12].rstrip() and not r[
            "sentence"
        ].lstrip().startswith(("“", '"')):
            continue
        r["_source"] = prev
        r["note"] = f"continues the attribution in sentence {prev['sentence_id']}"
        by_sentence[r["sentence_id"]] = r


def trim_participles(records: list[dict[str, Any]]) -> None:
    """End a reported clause where a participle frame of its own speaker begins:
    "X said that A, adding that B" reports A, then B."""
    frames: dict[int, list[int]] = {}
    for o in records:
        if o.get("_subjectless") and o["_verb"]:
            frames.setdefault(o["_verb"][0], []).append(o["_verb"][1])
    for r in records:
        if r["kind"] != "indirect":
            continue
        pid, a, b = r["_scope"]
        cut = min((at for at in frames.get(pid, ()) if a < at < b), default=None)
        if cut is None:
            continue
        para_text = r["sentence"]
        sent_start = r.get("_sentence_start", b - len(para_text))  # a frame after its content ends before b
        local = cut - sent_start
        if 0 < local <= len(para_text):
            head = _TRAILING_JOIN.sub("", para_text[:local])
            start_local = max(a - sent_start, 0)
            r["quote"] = head[start_local:].strip()
            r["quote_words"] = len(words(r["quote"]))
            r["_scope"] = (pid, a, sent_start + len(head))


def paragraphs(doc: Document) -> list[Paragraph]:
    """The body paragraphs that hold a sentence, each with its sentences (from the parse)."""
    p = doc.parsed
    out = []
    for pid, text in enumerate(doc.paragraphs):
        lo = bisect.bisect_left(p.paragraph_id, pid)
        hi = bisect.bisect_right(p.paragraph_id, pid)
        if lo == hi:
            continue
        out.append(
            Paragraph(
                pid,
                text,
                range(lo, hi),
                p.start[lo:hi],
                p.end[lo:hi],
                p.sentence[lo:hi],
                p.quotes[lo:hi],
                p.words[lo:hi].tolist(),
            )
        )
    return out


_COORDINATED_THAT = re.compile(r"(?:,\s*|\s+)(?:[—–]\s*)?(?:and|but)\s+(?:also\s+)?that\s+")


def split_coordinated(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split a reported clause at "... and that ..." / "... — but that ...": two clauses of one
    speech act, each an attribution ('claimed that A and that B'); the second has no
    subject of its own and continues the first. A split inside quotation marks is left."""
    out: list[dict[str, Any]] = []
    for r in records:
        parts = [r]
        if r["kind"] == "indirect" and " that " in r["quote"]:
            cur = r
            while True:
                m = next(
                    (
                        m
                        for m in _COORDINATED_THAT.finditer(cur["quote"])
                        if cur["quote"][: m.start()].count("“") == cur["quote"][: m.start()].count("”")
                    ),
                    None,
                )
                if m is None or len(words(cur["quote"][: m.start()])) < 3:
                    break
                head, tail = cur["quote"][: m.start()].rstrip(" ,"), cur["quote"][m.end() :]
                pid, a, b = cur["_scope"]
                cut = b - len(cur["quote"]) + m.start() if len(cur["quote"]) <= b - a else a + m.start()
                second = dict(cur)
                second.update(
                    {
                        "speaker": "",
                        "_speaker": None,
                        "_verb": None,
                        "_source": cur,
                        "quote": tail,
                        "quote_words": len(words(tail)),
                        "_scope": (pid, b - len(tail), b),
                        "note": "a second clause of the same speech act",
                    }
                )
                cur.update({"quote": head, "quote_words": len(words(head)), "_scope": (pid, a, max(a, cut))})
                parts.append(second)
                cur = second
        out += parts
    return out
