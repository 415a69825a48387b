"""Reported speech in one document: direct quotes and indirect speech with their speakers.

:func:`find_attributions` walks the paragraphs once. A direct quote (text in quotation
marks) is attributed by the reporting verb right after it (“…,” said X / “…,” X said;
the next short sentence when the quote closes its sentence) or right before it in the
same sentence (X said: “…” / X said that … “…” / According to X, “…”); a quote with no
verb of its own continues the attribution of the quote before it in the paragraph, of
the quote after it, or of a quote left open at the end of the previous paragraph.
Indirect speech is a reporting verb in the author's voice followed by a clause ("X said
that ...", "X told reporters that ...", "X said it would ...", "X insists on ...",
"according to X", "As X said, ..."). These are the attribution patterns of rule-based
quote extraction (Pouliquen, Steinberger & Best 2007).

Every look-up of a sentence, a verb or a covered range is a binary search on offsets, and
every pattern runs on one sentence or on the stretch between a quote and its verb, so a
paragraph of any length costs time in proportion to its length (times a logarithm).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons
from research_utils.analyses.stance.speakers import (
    resolve_actor,
    speaker_after,
    speaker_before,
    trim_speaker,
    valid_speaker,
)
from research_utils.analyses.stance.text import (
    BE_FORMS,
    DETERMINERS,
    FIRST_PERSON,
    HEARER_VERBS,
    NOUN_DETERMINERS,
    PRONOUNS,
    gap_words,
    sentence_at,
    sentences_between,
)
from research_utils.ingest import Document, quote_spans, voice_of_span, words
from research_utils.lexicons import Hit

__all__ = ["find_attributions"]

_FINITE = (
    r"(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|had|have|did|does|do"
    r"|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|can['’]t|couldn['’]t|didn['’]t"
    r"|doesn['’]t|hasn['’]t|haven['’]t|hadn['’]t|shouldn['’]t|[a-z]+ed)"
)
_ZERO_THAT = re.compile(
    r"\s+(?:(?:it|he|she|they|we|i|you|there|this|these|those)\s+(?:[\w’'-]+\s+){0,2}?" + _FINITE + r"\b"
    r"|(?:the|a|an|his|her|their|its|our)\s+(?:[\w’'-]+\s+){0,3}?" + _FINITE + r"\b"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+" + _FINITE + r"\b)",
)
"""A clause right after the verb without "that": "said it would", "said the talks were"."""
_OBJECT_THAT = re.compile(r"\s+(?:to\s+)?(?:[\w’'.-]+\s+){1,3}?that\b", re.IGNORECASE)
"""A hearer and "that" after the verb: "told reporters that"."""
_LEAD = re.compile(r"[\s,;—–-]*")
_STOP_BEFORE_VERB = re.compile(r"[.!?;:“”\"]")
_STOP_AFTER_VERB = re.compile(r"[.!?;“”\"]")
_THAT = re.compile(r"\s*,?\s*that\b")
_COLON = re.compile(r"\s*:")
_COMMA = re.compile(r"\s*,")
_AS_START = re.compile(r"\s*As\s")
_ONLY_SPACE_COMMA = re.compile(r"[\s,]*")
_ONLY_SPACE_COMMA_COLON = re.compile(r"[\s,:]*")
_SHORT_OBJECT = re.compile(r"\s*(?:to\s+)?(?:[\w’'.-]+\s+){0,2}[\w’'.-]+\s*[,:]\s*")
_SPACES = re.compile(r"\s{2,}")
_CLOSING_QUOTES = '”’"'


@dataclass(frozen=True)
class _Paragraph:
    """One paragraph and its sentences (offsets in the paragraph, in order)."""

    pid: int
    text: str
    sids: range
    starts: list[int]
    ends: list[int]
    sentences: list[str]
    quotes: list[tuple[tuple[int, int], ...]]
    words: list[int]


def _record(
    kind: str,
    para: _Paragraph,
    verb: Hit | None,
    speaker_span: tuple[int, int] | None,
    scope: tuple[int, int],
    quote: str,
    lex: StanceLexicons,
) -> dict[str, Any]:
    """One attribution; keys starting with ``_`` hold paragraph offsets for later look-ups."""
    speaker = para.text[speaker_span[0] : speaker_span[1]] if speaker_span else ""
    actor, actor_match = resolve_actor(speaker, lex) if speaker else ("", "")
    k = sentence_at(para.starts, verb.start if verb is not None else scope[0])
    return {
        "kind": kind,
        "speaker": speaker,
        "actor": actor or (UNATTRIBUTED if not speaker else UNRESOLVED),
        "actor_match": actor_match,
        "reporting_verb": verb.key if verb is not None else "",
        "verb": verb.match if verb is not None else "",
        "verb_class": verb.info if verb is not None else "",
        "quote": quote,
        "quote_words": len(words(quote)),
        "paragraph_id": para.pid,
        "sentence_id": para.sids[k],
        "sentence_ids": _covered(para, scope),
        "sentence": para.sentences[k],
        "note": "",
        "_scope": (para.pid, scope[0], scope[1]),
        "_speaker": (para.pid, *speaker_span) if speaker_span else None,
        "_verb": (para.pid, verb.start, verb.end) if verb is not None else None,
    }


def _covered(para: _Paragraph, scope: tuple[int, int]) -> tuple[int, ...]:
    """Ids of the sentences a quote or clause ``scope`` (paragraph offsets) overlaps."""
    return tuple(para.sids[i] for i in sentences_between(para.starts, para.ends, *scope))


def _inherit(src: dict[str, Any], para: _Paragraph, scope: tuple[int, int], inner: str) -> dict[str, Any]:
    """A quote with no verb of its own, attributed like quote ``src`` ("A," X said. "B.")."""
    rec = dict(src)
    k = sentence_at(para.starts, scope[0])
    rec.update(
        {
            "quote": inner,
            "quote_words": len(words(inner)),
            "paragraph_id": para.pid,
            "sentence_id": para.sids[k],
            "sentence_ids": _covered(para, scope),
            "sentence": para.sentences[k],
            "note": f"continues the quote attributed in sentence {src['sentence_id']}",
            "_scope": (para.pid, scope[0], scope[1]),
        }
    )
    return rec


def _post_attribution(
    text: str, qe: int, limit: int, verbs: Sequence[Hit], verb_starts: Sequence[int], lex: StanceLexicons
) -> tuple[Hit, tuple[int, int]] | None:
    """Attribution right after a closing quote at ``qe``: '”, said X' or '” X said'.

    Only the first reporting verb after the quote (before ``limit``) is tried.
    """
    pos = _LEAD.match(text, qe, max(limit, qe)).end()
    for v in verbs[bisect.bisect_left(verb_starts, pos) :]:
        if v.start >= limit:
            return None
        if v.key == "according to":
            continue
        between = text[pos : v.start]
        if _STOP_BEFORE_VERB.search(between):
            return None
        if v.start == pos:
            span = speaker_after(text, v.end, limit)
        else:
            if gap_words(text, pos, v.start) > 10:
                return None
            prev = words(between)
            if prev and prev[-1].lower() in DETERMINERS:
                return None
            trimmed = trim_speaker(between)
            if not trimmed:
                return None
            s = text.index(trimmed, pos)
            span = (s, s + len(trimmed))
            # '” The Kremlin rejected the proposal' is a new clause, not an attribution: after the
            # verb only a hearer ('told reporters'), a prepositional phrase or the clause end may follow.
            nxt = words(text[v.end : limit])[:1]
            if nxt and nxt[0].lower() in NOUN_DETERMINERS and v.key not in HEARER_VERBS:
                return None
        if span[1] > span[0] and valid_speaker(text[span[0] : span[1]], lex):
            return v, span
        return None
    return None


def _pre_attribution(
    text: str,
    qs: int,
    floor: int,
    verbs: Sequence[Hit],
    verb_starts: Sequence[int],
    verb_ends: Sequence[int],
    lex: StanceLexicons,
) -> tuple[Hit, tuple[int, int]] | None:
    """Attribution before an opening quote at ``qs``: 'X said: “', 'X said that ... “', 'According to X, “'.

    The verbs tried lie between ``floor`` (the start of the quote's sentence or the end of
    the previous quote) and the quote, nearest first.
    """
    lo, hi = bisect.bisect_left(verb_starts, floor), bisect.bisect_right(verb_ends, qs)
    for v in reversed(verbs[lo:hi]):
        if v.key == "according to":
            span = speaker_after(text, v.end, qs)
            if (
                span[1] > span[0]
                and _ONLY_SPACE_COMMA.fullmatch(text, span[1], qs)
                and valid_speaker(text[span[0] : span[1]], lex)
            ):
                return v, span
            continue
        rest = text[v.end : qs]
        if _STOP_AFTER_VERB.search(rest) or gap_words(text, v.end, qs) > 15:
            continue
        if not (
            _ONLY_SPACE_COMMA_COLON.fullmatch(rest)
            or _THAT.match(rest)
            or _SHORT_OBJECT.fullmatch(rest)
            or _OBJECT_THAT.match(rest)
            or v.match.lower().endswith((" on", " for"))
        ):
            continue
        before = words(text[floor : v.start])
        if before and (before[-1].lower() in DETERMINERS or before[-1].lower() in BE_FORMS):
            continue
        span = speaker_before(text, v.start, floor)
        if span[1] > span[0] and valid_speaker(text[span[0] : span[1]], lex):
            return v, span
    return None


def _direct_quotes(
    para: _Paragraph,
    verbs: list[Hit],
    last_open: dict[str, Any] | None,
    used_verbs: set[tuple[int, int]],
    lex: StanceLexicons,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The direct quotes of a paragraph, and the attributed quote it leaves open, if any."""
    text = para.text
    spans = quote_spans(text) if ("“" in text or "‘" in text) else []
    if not spans:
        return [], None
    verb_starts = [v.start for v in verbs]
    verb_ends = [v.end for v in verbs]
    direct: list[dict[str, Any] | None] = []
    infos: list[tuple[int, int, str]] = []
    for i, (qs, qe) in enumerate(spans):
        inner_end = qe - 1 if text[qe - 1] in _CLOSING_QUOTES and qe - qs > 1 else qe
        inner = text[qs + 1 : inner_end].strip()
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        k = sentence_at(para.starts, max(qs, qe - 1))
        limit = min(nxt, para.ends[k])
        if para.ends[k] <= qe + 1 and limit == para.ends[k]:
            # The quote closes its sentence: '“... everything.” Zelensky said.'
            k2 = sentence_at(para.starts, qe - 1) + 1
            if k2 < len(para.sids) and para.words[k2] <= 8:
                limit = min(nxt, para.ends[k2])
        floor = para.starts[sentence_at(para.starts, qs)]
        prev_end = spans[i - 1][1] if i > 0 else 0
        found = _post_attribution(text, qe, limit, verbs, verb_starts, lex) or _pre_attribution(
            text, qs, max(floor, prev_end), verbs, verb_starts, verb_ends, lex
        )
        infos.append((qs, qe, inner))
        if found:
            verb, sp = found
            used_verbs.add((para.pid, verb.start))
            direct.append(_record("direct", para, verb, sp, (qs, qe), inner, lex))
        else:
            direct.append(None)
    # Quotes continuing an attributed one (“A,” X said. “B.”), forwards then backwards.
    for i in range(len(direct)):
        if direct[i] is None:
            qs, qe, inner = infos[i]
            src = None
            prev = direct[i - 1] if i > 0 else None
            if prev is not None:
                if not words(text[infos[i - 1][1] : qs]) or prev["_verb"][1] >= infos[i - 1][1]:
                    src = prev
            elif i == 0 and last_open is not None and qs == 0:
                src = last_open
            if src is not None:
                direct[i] = _inherit(src, para, (qs, qe), inner)
    for i in range(len(direct) - 2, -1, -1):
        nxt_rec = direct[i + 1]
        if direct[i] is None and nxt_rec is not None:
            qs, qe, inner = infos[i]
            if not words(text[qe : infos[i + 1][0]]):
                direct[i] = _inherit(nxt_rec, para, (qs, qe), inner)
    out = []
    still_open = None
    for rec, (qs, qe, inner) in zip(direct, infos, strict=True):
        if rec is None:
            if len(words(inner)) < 8 or text[qs] == "‘":
                continue  # a scare quote or a quoted term, not reported speech
            rec = _record("direct", para, None, None, (qs, qe), inner, lex)
        out.append(rec)
        if qe == len(text) and text[-1] not in _CLOSING_QUOTES and rec["actor"] != UNATTRIBUTED:
            still_open = rec
    return out, still_open


def _indirect(para: _Paragraph, k: int, v: Hit, lex: StanceLexicons) -> dict[str, Any] | None:
    """Indirect speech around reporting verb ``v`` of sentence ``k`` of the paragraph (offsets in the sentence)."""
    text = para.sentences[k]
    off = para.starts[k]
    verb = Hit(off + v.start, off + v.end, v.key, v.match, v.info)
    if v.key == "according to":
        span = speaker_after(text, v.end, len(text))
        if span[1] <= span[0] or not valid_speaker(text[span[0] : span[1]], lex):
            return None
        phrase_end = span[1]
        tail = _COMMA.match(text, phrase_end)
        if tail:
            phrase_end = tail.end()
        content = _SPACES.sub(" ", text[: v.start].rstrip(" ,") + " " + text[phrase_end:]).strip(" ,")
        scope = (off + phrase_end, off + len(text)) if not text[: v.start].strip() else (off, off + len(text))
        return _record("indirect", para, verb, (off + span[0], off + span[1]), scope, content, lex)
    rest = text[v.end :]
    as_start = _AS_START.match(text)
    starts_as = as_start is not None and _COMMA.match(rest) is not None
    comp: int | None = None
    if v.match.lower().endswith((" on", " for")):
        comp = v.end
    elif m := _THAT.match(rest):
        comp = v.end + m.end()
    elif m := _COLON.match(rest):
        comp = v.end + m.end()
    elif m := _OBJECT_THAT.match(rest):
        if not re.search(r"[,;:]", m.group(0)):
            comp = v.end + m.end()
    if comp is None and _ZERO_THAT.match(rest):
        comp = v.end + (len(rest) - len(rest.lstrip()))
    if comp is None and starts_as:
        comp = v.end + _COMMA.match(rest).end()  # type: ignore[union-attr]
    if comp is None:
        return None
    before = words(text[: v.start])
    if before and (before[-1].lower() in DETERMINERS or before[-1].lower() in BE_FORMS):
        return None  # a noun ("a state that") or a passive ("was said that")
    floor = as_start.end() if starts_as and as_start is not None else 0
    span = speaker_before(text, v.start, floor)
    if span[1] <= span[0]:
        return None
    speaker = text[span[0] : span[1]]
    if not valid_speaker(speaker, lex) or speaker.lower() in FIRST_PERSON:
        return None  # "We can say that ..." is the author's own voice
    scope = (off + comp, off + len(text))
    return _record("indirect", para, verb, (off + span[0], off + span[1]), scope, text[comp:].strip(), lex)


def _paragraphs(doc: Document) -> list[_Paragraph]:
    """The body paragraphs that hold a sentence, each with its sentences (from the parse)."""
    p = doc.parsed
    out = []
    for pid, text in enumerate(doc.paragraphs):
        lo = bisect.bisect_left(p.paragraph_id, pid)
        hi = bisect.bisect_right(p.paragraph_id, pid)
        if lo == hi:
            continue
        out.append(
            _Paragraph(
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


def find_attributions(
    doc: Document, lex: StanceLexicons, verb_hits: Sequence[Sequence[Hit]]
) -> list[dict[str, Any]]:
    """Every direct quote and piece of indirect speech of ``doc``, in text order.

    Parameters
    ----------
    doc : Document
    lex : StanceLexicons
    verb_hits : sequence of sequences of Hit
        Reporting verbs of each body sentence (offsets in the sentence), as found by
        ``lex.verb_matcher``.

    Returns
    -------
    list of dict
        One record per attribution with ``kind``, ``speaker``, ``actor``,
        ``actor_match``, ``reporting_verb``, ``verb``, ``verb_class``, ``quote``,
        ``quote_words``, ``paragraph_id``, ``sentence_id``, ``sentence_ids``,
        ``sentence``, ``note``, ``attribution_id``, and private paragraph offsets
        ``_scope`` (the quote or reported clause), ``_speaker`` and ``_verb``
        (``(paragraph_id, start, end)``). A pronoun speaker (*he*, *she*, *they*) takes
        the previous resolved speaker within two paragraphs.
    """
    records: list[dict[str, Any]] = []
    used_verbs: set[tuple[int, int]] = set()
    last_open: dict[str, Any] | None = None  # an attributed quote left open at a paragraph end
    for para in _paragraphs(doc):
        verbs = [
            Hit(h.start + start, h.end + start, h.key, h.match, h.info)
            for sid, start in zip(para.sids, para.starts, strict=True)
            for h in verb_hits[sid]
        ]
        direct, last_open = _direct_quotes(para, verbs, last_open, used_verbs, lex)
        records += direct
        # Indirect speech, in author voice only.
        for k, sid in enumerate(para.sids):
            text = para.sentences[k]
            for v in verb_hits[sid]:
                if (para.pid, para.starts[k] + v.start) in used_verbs:
                    continue
                if voice_of_span(para.quotes[k], v.start, v.end) == "quoted":
                    continue
                if v.match[:1].isupper() and text[: v.start].strip(" “‘\"'"):
                    continue  # a capitalised form mid-sentence is a name ("Declaration of State Sovereignty")
                rec = _indirect(para, k, v, lex)
                if rec is not None:
                    used_verbs.add((para.pid, para.starts[k] + v.start))
                    records.append(rec)
    records.sort(key=lambda r: (r["paragraph_id"], r["_scope"][1]))
    prev: dict[str, Any] | None = None
    for rec in records:
        if rec["speaker"].lower() in PRONOUNS and rec["actor"] == UNRESOLVED:
            if prev is not None and rec["paragraph_id"] - prev["paragraph_id"] <= 2:
                rec["actor"] = prev["actor"]
                rec["actor_match"] = prev["actor_match"]
                rec["note"] = f"pronoun: the previous speaker ({prev['speaker']})"
        if rec["actor"] not in (UNRESOLVED, UNATTRIBUTED):
            prev = rec
    for k, rec in enumerate(records):
        rec["attribution_id"] = k
    return records
