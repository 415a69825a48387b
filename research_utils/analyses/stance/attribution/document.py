"""Reported speech in one document: direct quotes and indirect speech with their speakers.

:func:`reported_speech` is what the rest of the stance analysis reads: the reporting
verbs of every sentence and the attributions of the document, computed once and kept with
it. :func:`find_attributions` walks the paragraphs once. A direct quote (text in quotation
marks) is attributed by the reporting verb right after it (“…,” said X / “…,” X said;
the next short sentence when the quote closes its sentence) or right before it in the
same sentence (X said: “…” / X said that … “…” / According to X, “…”); a quote with no
verb of its own continues the attribution of the quote before it in the paragraph, of
the quote after it, or of a quote left open at the end of the previous paragraph; a
quotation that makes up a paragraph of its own continues the attribution of the
paragraph before, or, when that paragraph has none, is the person it opens with (a
titled or full name, or a speaker heard before: the news convention, a cue that the
report notes on the row).
Indirect speech is a reporting verb in the author's voice followed by a clause ("X said
that ...", "X told reporters that ...", "X said it would ...", "X insists on ...",
"according to X", "As X said, ...", "X urged ministers to ..."), or a frame placed after
its content ("..., Foreign Minister Dmytro Kuleba said on Tuesday."; see
:mod:`.reporting_frames`). Direct quotes are found by :mod:`.direct`; the speakers are
then resolved to names and actors by :mod:`.resolve`. These are the attribution patterns
of rule-based quote extraction (Pouliquen, Steinberger & Best 2007).

The indirect-speech patterns after a reporting verb are in :mod:`.indirect`. Every
look-up of a sentence, a verb or a covered range is a binary search on offsets, and
every pattern runs on one sentence or on the stretch between a quote and its verb, so a
paragraph of any length costs time in proportion to its length (times a logarithm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research_utils.analyses.stance.attribution.direct import direct_quotes, paragraph_subject
from research_utils.analyses.stance.attribution.indirect import indirect
from research_utils.analyses.stance.attribution.possessed import speech_nouns
from research_utils.analyses.stance.attribution.records import (
    Paragraph,
    continue_quotes,
    paragraphs,
    split_coordinated,
    trim_participles,
    without_inner_quotes,
)
from research_utils.analyses.stance.attribution.reporting_frames import words_frames
from research_utils.analyses.stance.attribution.resolve import resolve_speakers
from research_utils.analyses.stance.attribution.verb_forms import as_noun, in_name
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, StanceLexicons
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.ingest import Document, voice_of_span, words
from research_utils.lexicons import Hit

__all__ = ["ReportedSpeech", "find_attributions", "reported_speech"]

_LABEL = re.compile(r"^\s*[A-Z][a-z]+:\s*")
"""A label that opens a paragraph ("Details: According to ...")."""

_FRAME_WORDS = re.compile(r"\b(?:words|view|opinion)\b")


def _with_frames(hits: Sequence[Hit], sentence: str, lex: StanceLexicons) -> Sequence[Hit]:
    """The reporting verbs of a sentence with its verbless frames ("In the diplomat's words")
    and its possessed speech-act nouns ("Biden's statements that ...")."""
    if nouns := speech_nouns(sentence, lex):
        hits = sorted([*hits, *nouns], key=lambda h: h.start)
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
    open_before = False  # the paragraph before ended inside a quotation
    prev_subject: tuple[Paragraph, tuple[int, int]] | None = None  # the person the paragraph before is about
    heard: set[str] = set()  # the words of the speaker phrases so far (of records[:heard_upto])
    heard_upto = 0
    for para in paragraphs(doc):
        hits = {sid: _with_frames(verb_hits[sid], para.sentences[k], lex) for k, sid in enumerate(para.sids)}
        verbs = [
            Hit(h.start + start, h.end + start, h.key, h.match, h.info)
            for sid, start in zip(para.sids, para.starts, strict=True)
            for h in hits[sid]
        ]
        done = len(records)
        direct, last_open = direct_quotes(
            para, verbs, last_open, used_verbs, lex, last_record, open_before, prev_subject
        )
        open_before = _ends_open(para.text)
        records += direct
        quoted = [r["_scope"][1:] for r in direct]  # also a quotation opened in the paragraph before
        # Indirect speech, in author voice only.
        for k, sid in enumerate(para.sids):
            text = para.sentences[k]
            for v in hits[sid]:
                if (para.pid, para.starts[k] + v.start) in used_verbs:
                    continue
                if voice_of_span(para.quotes[k], v.start, v.end) == "quoted":
                    continue
                if any(a <= para.starts[k] + v.start < b for a, b in quoted):
                    continue  # a verb inside a direct quotation is the speaker's word
                if v.match[:1].isupper() and _LABEL.sub("", text[: v.start]).strip(" “‘\"'"):
                    continue  # a capitalised form mid-sentence is a name ("Declaration of State Sovereignty")
                rec = indirect(para, k, v, lex, hits[sid])
                if rec is not None and words(rec["quote"]):  # "According to R…" cut off: no content
                    used_verbs.add((para.pid, para.starts[k] + v.start))
                    records.append(rec)
        # the speaker a next paragraph of one quotation continues: the last attribution with
        # a subject of its own ("Peskov added that ... but denied ..." is Peskov's)
        own = [r for r in records[done:] if not r["_subjectless"]] or records[done:]
        last_record = max(own, key=lambda r: r["_scope"][1], default=last_record)
        prev_subject = None
        if len(records) == done:  # no attribution here: whom is the paragraph about?
            heard.update(w for r in records[heard_upto:] for w in words(r["speaker"]))
            heard_upto = len(records)
            span = paragraph_subject(para, lex, heard)
            prev_subject = (para, span) if span is not None else None
    records = without_nested_sources(without_inner_quotes(records))
    records.sort(key=lambda r: (r["paragraph_id"], r["_scope"][1]))
    close_open_quotes(records)
    continue_quotes(records)
    trim_participles(records)
    records = split_coordinated(records)
    resolve_speakers(records, doc, lex)
    for k, rec in enumerate(records):
        rec["attribution_id"] = k
    return records


_DEFINITE_OR_PRONOUN = re.compile(r"(?:(?i:it|he|she|they|we)|(?:[Tt]he|[Ii]ts)\s+[a-z][\w-]*)$")
"""A pronoun or a definite common noun ("the company"), no name: the holder of a belief
reported inside another's clause is that speaker's side, not a new source."""


def without_nested_sources(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop an "according to" inside another attribution's content ('ZESN said that according
    to data it collected, X was leading' is ZESN's speech; the data are its source, not a
    speaker of their own), and a belief of the same speaker inside it ('the Kremlin said it
    hopes that ...')."""
    scopes: dict[int, list[tuple[int, int, int]]] = {}
    for i, r in enumerate(records):
        scopes.setdefault(r["_scope"][0], []).append((r["_scope"][1], r["_scope"][2], i))
    out = []
    for i, r in enumerate(records):
        verb = r.get("_verb")
        if r.get("_stacked") is not None and verb is not None:
            for a, b, j in scopes.get(verb[0], ()):
                if j != i and a <= verb[1] < b:
                    _end_before(records[j], r["_stacked"])  # "X said ..., according to Interfax"
            out.append(r)
            continue
        inside = verb is not None and any(a <= verb[1] < b and j != i for a, b, j in scopes.get(verb[0], ()))
        nested = inside and (
            r["reporting_verb"] == "according to"
            or (
                r["verb_class"] == "tentative"
                and (r["_speaker"] is None or _DEFINITE_OR_PRONOUN.match(r["speaker"]) is not None)
            )
        )  # 'X said it hopes that ...', 'X said the company hopes to ...': X's hope is what X said
        if not nested:
            out.append(r)
    return out


def _end_before(rec: dict[str, Any], end: int) -> None:
    """Cut the content of ``rec`` at paragraph offset ``end`` (where a stacked source's
    "according to" begins), when it runs past it."""
    pid, start, stop = rec["_scope"]
    if not start < end < stop:
        return
    cut = rec["quote"].lower().rfind(", according to")
    if cut < 0:
        return
    rec["quote"] = rec["quote"][:cut]
    rec["quote_words"] = len(words(rec["quote"]))
    rec["_scope"] = (pid, start, end)


def _ends_open(text: str) -> bool:
    """Whether a paragraph ends inside a quotation (more opening than closing marks after
    its last closing one): the next paragraph may go on quoting."""
    return text.rfind("“") > text.rfind("”")


def close_open_quotes(records: list[dict[str, Any]]) -> None:
    """A quotation that runs over paragraphs and is attributed only where it closes ('“A.
    ¶ B,” the court said.') gives its speaker to the unattributed paragraph before it."""
    for i in range(len(records) - 1, 0, -1):
        r = records[i]
        if not r.get("_continues_open") or r["actor"] == UNATTRIBUTED:
            continue
        prev = records[i - 1]
        if (
            prev["paragraph_id"] == r["paragraph_id"] - 1
            and prev["kind"] == "direct"
            and prev["_verb"] is None
            and prev.get("_source") is None
        ):
            prev["_source"] = r
            prev["note"] = f"a quotation that closes in sentence {r['sentence_id']}, where it is attributed"


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
        sentences = doc.parsed.sentence
        verb_hits = [
            [h for h in found.get(i, _NO_HITS) if not (in_name(sentences[i], h) or as_noun(sentences[i], h))]
            for i in range(len(sentences))
        ]
        return ReportedSpeech(verb_hits, find_attributions(doc, lex, verb_hits))

    return doc.memo(("stance.attribution", lex.fingerprint), compute)
