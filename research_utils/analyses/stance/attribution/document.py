"""Reported speech in one document: direct quotes and indirect speech with their speakers.

:func:`reported_speech` is what the rest of the stance analysis reads: the reporting
verbs of every sentence and the attributions of the document, computed once and kept with
it. :func:`find_attributions` walks the paragraphs once. A direct quote (text in quotation
marks) is attributed by the reporting verb right after it (“…,” said X / “…,” X said;
the next short sentence when the quote closes its sentence) or right before it in the
same sentence (X said: “…” / X said that … “…” / According to X, “…”); a quote with no
verb of its own continues the attribution of the quote before it in the paragraph, of
the quote after it, or of a quote left open at the end of the previous paragraph.
Indirect speech is a reporting verb in the author's voice followed by a clause ("X said
that ...", "X told reporters that ...", "X said it would ...", "X insists on ...",
"according to X", "As X said, ...", "X urged ministers to ..."), or a frame placed after
its content ("..., Foreign Minister Dmytro Kuleba said on Tuesday."; see
:mod:`.reporting_frames`). Direct quotes are found by :mod:`.direct`; the speakers are
then resolved to names and actors by :mod:`.resolve`. These are the attribution patterns
of rule-based quote extraction (Pouliquen, Steinberger & Best 2007).

Every look-up of a sentence, a verb or a covered range is a binary search on offsets, and
every pattern runs on one sentence or on the stretch between a quote and its verb, so a
paragraph of any length costs time in proportion to its length (times a logarithm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research_utils.analyses.stance.attribution.direct import direct_quotes
from research_utils.analyses.stance.attribution.records import (
    OBJECT_THAT,
    THAT,
    WORDS_FRAME,
    Paragraph,
    continue_quotes,
    frame_speaker,
    paragraphs,
    record,
    trim_participles,
    without_inner_quotes,
)
from research_utils.analyses.stance.attribution.reporting_frames import (
    SUBJECTLESS,
    post_frame,
    words_frame_speaker,
    words_frames,
)
from research_utils.analyses.stance.attribution.resolve import resolve_speakers
from research_utils.analyses.stance.attribution.speakers import speaker_after, valid_speaker
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.analyses.stance.text import FIRST_PERSON, HEARER_VERBS
from research_utils.ingest import Document, voice_of_span, words
from research_utils.lexicons import Hit

__all__ = ["ReportedSpeech", "find_attributions", "reported_speech"]

_FINITE = (
    r"(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|had|have|did|does|do"
    r"|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|can['’]t|couldn['’]t|didn['’]t"
    r"|doesn['’]t|hasn['’]t|haven['’]t|hadn['’]t|shouldn['’]t|[a-z]+ed)"
)

_AUX = (
    r"(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|had|have"
    r"|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|can['’]t|couldn['’]t|hadn['’]t)"
)
"""Auxiliaries that open a clause after a bare noun phrase: "said policymakers had"."""

_ZERO_THAT = re.compile(
    r"\s+(?:(?:it|he|she|they|we|i|you|there|this|these|those)\s+(?:[\w’'-]+\s+){0,2}?" + _FINITE + r"\b"
    r"|(?:the|a|an|his|her|their|its|our)\s+(?:[\w’'-]+\s+){0,3}?" + _FINITE + r"\b"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+" + _FINITE + r"\b"
    r"|(?:[a-z][\w’'-]*\s+){1,3}?" + _AUX + r"\b)",
)
"""A clause right after the verb without "that": "said it would", "said the talks were"."""

_LONG_OBJECT_THAT = re.compile(r"\s+(?:[\w’'.-]+\s+){1,12}?that\b", re.IGNORECASE)
"""A longer hearer or adverbial before "that": "told a meeting of his Security Council on Friday that"."""

_DIRECTIVE_OBJECT = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}?to\s+[a-z]")
"""An object and an infinitive after a directive: "instructed the government to allocate"."""

_DIRECTIVES = frozenset("urge ask call for instruct order request appeal tell warn advise encourage".split())

_ADVERBIAL_START = frozenset("in on at during after before from via through with".split())

_LABEL = re.compile(r"^\s*[A-Z][a-z]+:\s*")
"""A label that opens a paragraph ("Details: According to ...")."""

_COLON = re.compile(r"\s*:")

_COMMA = re.compile(r"\s*,")

_AS_START = re.compile(r"\s*As\s")

_HEARER = re.compile(
    r"\s+(?:me|him|her|us|them|reporters|journalists|lawmakers|legislators|delegates|supporters|"
    r"parliament|(?:the|a)\s+[\w-]+|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s"
)
"""The hearer after a verb of telling, before a clause without "that"."""
_FRAME_WORDS = re.compile(r"\b(?:words|view|opinion)\b")
_SPACES = re.compile(r"\s{2,}")


def _indirect(
    para: Paragraph, k: int, v: Hit, lex: StanceLexicons, verbs: Sequence[Hit] = ()
) -> dict[str, Any] | None:
    """Indirect speech around reporting verb ``v`` of sentence ``k`` of the paragraph (offsets in the sentence).

    The content follows the verb ("X said that ...", "X told a meeting ... that ...",
    "X urged ministers to ...", "according to X, ..."), or precedes a frame placed after
    it (:func:`~research_utils.analyses.stance.attribution.reporting_frames.post_frame`). ``verbs`` are the
    reporting verbs of the sentence.
    """
    text = para.sentences[k]
    off = para.starts[k]
    verb = Hit(off + v.start, off + v.end, v.key, v.match, v.info)
    if v.key in ("according to", WORDS_FRAME):
        span = (
            speaker_after(text, v.end, len(text))
            if v.key == "according to"
            else words_frame_speaker(text, v, len(text))
        )
        if span[1] <= span[0] or not valid_speaker(text[span[0] : span[1]], lex):
            return None
        phrase_end = max(span[1], v.end)
        tail = _COMMA.match(text, phrase_end)
        if tail:
            phrase_end = tail.end()
        content = _SPACES.sub(" ", text[: v.start].rstrip(" ,") + " " + text[phrase_end:]).strip(" ,")
        scope = (off + phrase_end, off + len(text)) if not text[: v.start].strip() else (off, off + len(text))
        return record("indirect", para, verb, (off + span[0], off + span[1]), scope, content, lex)
    rest = text[v.end :]
    as_start = _AS_START.match(text)
    starts_as = as_start is not None and _COMMA.match(rest) is not None
    comp: int | None = None
    lead = len(rest) - len(rest.lstrip())
    if v.match.lower().endswith((" on", " for")):
        comp = v.end
    elif m := THAT.match(rest):
        comp = v.end + m.end()
    elif m := _COLON.match(rest):
        comp = v.end + m.end()
    elif m := OBJECT_THAT.match(rest):
        if not re.search(r"[,;:]", m.group(0)):
            comp = v.end + m.end()
    if (
        comp is None
        and v.key in HEARER_VERBS
        and (h := _HEARER.match(rest))
        and _ZERO_THAT.match(rest, h.end() - 1)
    ):
        comp = v.end + h.end()  # "told reporters the administration would ..."
    if comp is None and _ZERO_THAT.match(rest):
        comp = v.end + lead
    if comp is None and (m := _LONG_OBJECT_THAT.match(rest)) and not re.search(r"[,;:“”]", m.group(0)):
        first = words(m.group(0))[:1]
        if v.key in HEARER_VERBS or (first and first[0].lower() in _ADVERBIAL_START):
            comp = v.end + m.end()  # "told a meeting of his Security Council on Friday that"
    if comp is None and v.key in _DIRECTIVES and (m := _DIRECTIVE_OBJECT.match(rest)):
        if not re.search(r"[,;:“”]", m.group(0)):
            comp = v.end + lead  # "instructed the government to allocate ..."
    if comp is None and starts_as:
        comp = v.end + _COMMA.match(rest).end()  # type: ignore[union-attr]
    if comp is None:
        if v.match.lower().endswith("ing"):
            return None
        framed = post_frame(text, v, lex, verbs)
        if framed is None:
            return None
        (s0, s1), (c0, c1) = framed
        if text[s0:s1].lower() in FIRST_PERSON:
            return None
        content = text[c0:c1].strip().rstrip(",")
        return record("indirect", para, verb, (off + s0, off + s1), (off + c0, off + c1), content, lex)
    floor = as_start.end() if starts_as and as_start is not None else 0
    span = frame_speaker(text, v, floor, lex)
    if span is None:
        return None
    if span != SUBJECTLESS:
        if text[span[0] : span[1]].lower() in FIRST_PERSON:
            return None  # "We can say that ..." is the author's own voice
        span = (off + span[0], off + span[1])
    scope = (off + comp, off + len(text))
    return record("indirect", para, verb, span, scope, text[comp:].strip(), lex)


def _with_frames(hits: Sequence[Hit], sentence: str) -> Sequence[Hit]:
    """The reporting verbs of a sentence with its verbless frames ("In the diplomat's words")."""
    if not _FRAME_WORDS.search(sentence):
        return hits
    frames = words_frames(sentence)
    if not frames:
        return hits
    kept = [h for h in hits if not any(f.start <= h.start < f.end for f in frames)]
    return sorted([*kept, *frames], key=lambda h: h.start)


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
    last_record: dict[str, Any] | None = None  # the last attribution of the paragraphs before
    for para in paragraphs(doc):
        hits = {sid: _with_frames(verb_hits[sid], para.sentences[k]) for k, sid in enumerate(para.sids)}
        verbs = [
            Hit(h.start + start, h.end + start, h.key, h.match, h.info)
            for sid, start in zip(para.sids, para.starts, strict=True)
            for h in hits[sid]
        ]
        done = len(records)
        direct, last_open = direct_quotes(para, verbs, last_open, used_verbs, lex, last_record)
        records += direct
        # Indirect speech, in author voice only.
        for k, sid in enumerate(para.sids):
            text = para.sentences[k]
            for v in hits[sid]:
                if (para.pid, para.starts[k] + v.start) in used_verbs:
                    continue
                if voice_of_span(para.quotes[k], v.start, v.end) == "quoted":
                    continue
                if v.match[:1].isupper() and _LABEL.sub("", text[: v.start]).strip(" “‘\"'"):
                    continue  # a capitalised form mid-sentence is a name ("Declaration of State Sovereignty")
                rec = _indirect(para, k, v, lex, hits[sid])
                if rec is not None:
                    used_verbs.add((para.pid, para.starts[k] + v.start))
                    records.append(rec)
        last_record = max(records[done:], key=lambda r: r["_scope"][1], default=last_record)
    records = without_inner_quotes(records)
    records.sort(key=lambda r: (r["paragraph_id"], r["_scope"][1]))
    continue_quotes(records)
    trim_participles(records)
    resolve_speakers(records, doc, lex)
    for k, rec in enumerate(records):
        rec["attribution_id"] = k
    return records


@dataclass(frozen=True)
class ReportedSpeech:
    """The reported speech of one document (shared: read-only).

    Attributes
    ----------
    verb_hits : list of sequences of Hit
        The reporting verbs of each body sentence (index = ``sentence_id``, offsets in
        the sentence), as ``lex.verb_matcher`` finds them.
    attributions : list of dict
        :func:`find_attributions`.
    """

    verb_hits: list[Sequence[Hit]]
    attributions: list[dict[str, Any]]


_NO_HITS: tuple[Hit, ...] = ()


def reported_speech(doc: Document, lex: StanceLexicons) -> ReportedSpeech:
    """The reporting verbs and attributions of ``doc``, computed once per document and
    lexicon bundle (kept with :meth:`~research_utils.ingest.Document.memo` under
    ``("stance.attribution", lex.fingerprint)``)."""

    def compute() -> ReportedSpeech:
        found = sentence_hits(doc, lex.verb_matcher)
        verb_hits = [found.get(i, _NO_HITS) for i in range(len(doc.parsed.sentence))]
        return ReportedSpeech(verb_hits, find_attributions(doc, lex, verb_hits))

    return doc.memo(("stance.attribution", lex.fingerprint), compute)
