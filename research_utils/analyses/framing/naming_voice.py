"""Whose usage a naming term is: the author's own, a quoted speaker's, or held at a distance.

A naming term can be the author's own choice ("Russia's invasion"), a speaker's words
that the author reports in quotation marks ("'Ukrainian nationalists' attacked", the
ministry said), or a name the author mentions as somebody else's: "the so-called special
military operation", "what Moscow calls a 'special military operation'", "the 'Kiev
regime', as the Kremlin terms it", "the word 'war'". Martin & White (2005, ch. 3) call the
last *attribute-distance*: the author attributes the wording to another voice and keeps
it at arm's length; scare quotes and *so-called* are its typical signs. Only the
author's own usage is the author's naming choice, so the headline naming index counts it
alone (:mod:`~research_utils.analyses.framing.naming`).

How a hit's voice is decided (:func:`hit_voices`):

1. **Outside quotation marks** a hit is *distanced* when a distancing frame touches it:
   a distancing modifier before it ("so-called", "self-proclaimed", up to two capitalised
   words between: "the self-proclaimed Donetsk People's Republic"); a relative naming
   frame ("what Moscow calls a", "that the Kremlin terms"); a naming participle ("dubbed
   a"); the term named as a word ("the word", "the Kremlin's euphemism, the", "in
   Kremlin parlance, the"); a possessive of the side-B voice before a side-B term ("the
   Kremlin's special military operation"); or a naming frame after it (", as the Kremlin
   terms it", ", in Moscow's words", ", to use the Kremlin's euphemism"). An endorsing
   frame (", as it is more accurately called") keeps the author's voice.
2. **Inside quotation marks** (the document's quotations, and straight single quotes,
   which British copy uses and the parse does not read as quotations) a hit is
   *distanced* when the same frames, or a verb of naming or mentioning, stand before the
   quotation ("calls the war a '...'", "speak of the '...'"); else *quoted* when the
   quotation reports speech: longer than ``term_quote_words`` words, continuing from or
   into another sentence, or a short quotation in a sentence that reports speech (a
   reporting verb of ``reporting_verbs.yaml`` before it, or ", X said" after it); else
   *distanced* (scare quotes: short quotation marks with no speech reported). A term
   inside a speaker's quotation is quoted even when the speaker distances it.
3. **Reported speech without quotation marks**: a term of a set that names a thing
   (not a spelling set, ``kind: spelling``) in the main clause of a piece of indirect
   speech that the stance analysis attributes (from the clause's start to the term, no
   comma, dash or subordinating word) is *quoted*: "Putin told Xi that Russia's military
   operation was necessary" reports Putin's word, not the author's (the coders of real
   copy read it so: tests/gold/real), while "said there was no progress, 14 days after
   Russia invaded" keeps the author's background. A place-name spelling ("Kyiv"/"Kiev")
   stays the author's: the outlet spells names in its own style whoever it reports.
4. Otherwise the hit is the **author**'s, including unquoted complements of *call* ("slow
   to call the invasion an invasion"), which in news copy are the writer's own words.

The cue words are data: lists in the naming lexicon's ``meta`` (``distancing_modifiers``,
``naming_verbs``, ``naming_participles``, ``describing_verbs``, ``mention_verbs``,
``mention_nouns``, ``label_nouns``, ``register_nouns``, ``endorsing_adverbs``, ``distancing_possessors_b``,
``term_quote_words``); a user lexicon that leaves a list out uses the bundled one.

Known weaknesses: frames are read within the sentence only, so "Moscow calls it by
another name. The 'special military operation' ..." depends on the quotation rule; a
speaker named only in the previous sentence does not make a short quotation *quoted*;
"what he called" before a long quoted speech makes the whole quotation distanced; an
apostrophe after a plural ("the separatists' 'republic'") can open a straight single
quotation in the wrong place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from research_utils.ingest import Document
from research_utils.lexicons import Lexicon, term_body

__all__ = ["DistanceCues", "distance_cues", "hit_voices", "reporting_forms"]

_META_LISTS = (
    "distancing_modifiers",
    "naming_verbs",
    "naming_participles",
    "describing_verbs",
    "mention_verbs",
    "mention_nouns",
    "label_nouns",
    "register_nouns",
    "endorsing_adverbs",
    "distancing_possessors_b",
)
_WORD = r"[\w'’.-]+"
_DET = r"(?:a|an|the|its|their|his|her)"
_OPENING = "“‘\"'«"
_CLOSING = "”’\"'»"
_STRAIGHT_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=\S)([^'\n]{1,200}?)(?<=\S)'(?![^\W_])")


def _alt(terms: Sequence[Any]) -> str:
    """An alternation of lexicon phrases (spelling as :func:`term_body`), longest first."""
    bodies = sorted({term_body(str(t)) for t in terms if str(t).strip()}, key=len, reverse=True)
    return "(?:" + "|".join(bodies) + ")" if bodies else "(?!)"


@functools.cache
def reporting_forms() -> tuple[str, ...]:
    """Every form of the bundled reporting verbs (``reporting_verbs.yaml``: "said",
    "told", "according to" ...), read once."""
    from research_utils.paths import LEXICON_DIR
    from research_utils.safeyaml import load_yaml

    data = load_yaml(LEXICON_DIR / "reporting_verbs.yaml", max_bytes=5_000_000, what="lexicon file")
    forms = {str(f) for e in data.get("entries") or [] if isinstance(e, dict) for f in e.get("forms") or []}
    return tuple(sorted(forms))


@dataclass(frozen=True)
class DistanceCues:
    """Compiled frames of distanced usage (see the module docstring).

    ``before_any`` end where a hit (or its quotation) starts; ``before_quoted`` apply only
    before a quotation; ``before_b`` only before side-B terms; ``after`` start where the
    hit (or its quotation) ends; ``guarded`` are the frames whose term may instead be the
    object of the verb ("which calls the invasion a crime", "dubbed the invasion a ..."):
    they do not count when a complement follows the term.
    """

    before_any: tuple[re.Pattern[str], ...]
    before_quoted: tuple[re.Pattern[str], ...]
    before_b: re.Pattern[str]
    after: tuple[re.Pattern[str], ...]
    guarded: tuple[re.Pattern[str], ...]
    endorsing: re.Pattern[str]
    reporting_before: re.Pattern[str]
    reporting_after: re.Pattern[str]
    term_quote_words: int


def _compile(meta: dict[str, Any], forms: Sequence[str]) -> DistanceCues:
    m = {k: _alt(meta.get(k) or []) for k in _META_LISTS}
    verbs, described = m["naming_verbs"], m["describing_verbs"]
    flags = re.IGNORECASE
    claimed = r"(?:said|says|claimed|claims|insisted|insists|argued|argues)\s+(?:was|is|were|are|would\s+be)"
    relative = re.compile(
        rf"\b(?:what|which|that|whom)\s+(?:{_WORD}\s+){{1,5}}?(?:{verbs}(?:\s+as)?|{described}\s+as|{claimed})"
        rf"\s+(?:{_DET}\s+)?(?:[\w-]+\s+)?$",
        flags,
    )
    participle = re.compile(rf"(?<![\w-]){m['naming_participles']}\s+(?:(?:a|an|the|its)\s+)?$", flags)
    described_as = re.compile(rf"\b{described}\s+as\s+(?:(?:a|an|the|its)\s+)?$", flags)
    label = r"(?:term|phrase|label|name|expression|formula)"
    register = rf"in\s+(?!other\s)(?:the\s+)?(?:{_WORD}\s+){{0,2}}?{m['register_nouns']}(?![\w-])"
    of_clause = rf"(?:\s+(?:of|for)\s+(?:{_WORD}\s+){{0,4}}?{_WORD})?"
    before_any = (
        re.compile(rf"(?<![\w-]){m['distancing_modifiers']}\s+(?:(?-i:[A-Z])[\w'’-]*\s+){{0,2}}$", flags),
        relative,
        participle,
        described_as,
        re.compile(
            rf"\b(?:the|a|an|its|their|this|that|\w+['’]s)\s+(?:[\w-]+\s+)?{m['mention_nouns']}\s+$", flags
        ),
        re.compile(rf"{m['label_nouns']}{of_clause}\s*[,:—–]\s*(?:(?:a|an|the)\s+)?$", flags),
        re.compile(rf"{m['label_nouns']}\s+of\s+(?:(?:a|an|the)\s+)?$", flags),
        re.compile(rf"\b{register}\s+(?:(?:a|an|the)\s+)?$", flags),
        re.compile(
            rf"(?:\w+['’]s|preferred|official|favou?red|chosen|own)\s+{label}{of_clause}\s*[,:—–]\s*(?:(?:a|an|the)\s+)?$",
            flags,
        ),
    )
    before_quoted = (
        re.compile(rf"\b{verbs}\s+(?:it|them|this|these|that|those)\s+(?:(?:a|an|the|its)\s+)?$", flags),
        re.compile(
            rf"\b{verbs}\s+(?:the|its|their|his|her|this|that|these|those|\w+['’]s)\s+(?:{_WORD}\s+){{0,4}}?(?:a|an)\s+$",
            flags,
        ),
        re.compile(rf"\b{described}\s+(?:{_WORD}\s+){{0,5}}?as\s+(?:(?:a|an|the|its)\s+)?$", flags),
        re.compile(rf"\b{m['mention_verbs']}\s+(?:(?:a|an|the|its|their)\s+)?$", flags),
    )
    lead = r"^[\s”’\"'»]*"
    after = (
        re.compile(
            rf"{lead}[,—–(]?\s*(?:as|what)\s+(?:{_WORD}\s+){{0,5}}?(?:{verbs}|{described}|puts\s+it|put\s+it|has\s+it)"
            r"(?=\s+(?:it|them|in|by|on|at|among|across|within|inside|throughout|there|here|now|today)\b|\s*[,.;:)—–]|\s*$)",
            flags,
        ),
        re.compile(
            rf"{lead}[,—–(]\s*{register}(?=\s*(?:[,.;:)—–]|$))",
            flags,
        ),
        re.compile(
            rf"{lead}[,—–(]\s*(?:to\s+use|to\s+borrow|to\s+quote|using)\s+(?:(?:the|a)\s+)?(?:{_WORD}\s+){{0,2}}?"
            r"(?:phrase|term|words?|euphemism|expression|formula|language)\b",
            flags,
        ),
    )
    report = _alt(forms)
    return DistanceCues(
        before_any=before_any,
        before_quoted=before_quoted,
        before_b=re.compile(
            rf"(?<![\w-]){m['distancing_possessors_b']}\s+(?:(?:so-called|own|euphemistic)\s+)?$", flags
        ),
        after=after,
        guarded=(relative, participle, described_as),
        endorsing=re.compile(rf"\b{m['endorsing_adverbs']}\b", flags),
        reporting_before=re.compile(rf"(?<![\w-]){report}(?![\w-])", flags),
        reporting_after=re.compile(rf",\s*(?:{_WORD},?\s+){{0,12}}?{report}(?![\w-])", flags),
        term_quote_words=int(meta.get("term_quote_words") or 6),
    )


_CUES: dict[str, DistanceCues] = {}


def distance_cues(naming: Lexicon) -> DistanceCues:
    """The compiled distance frames of a naming lexicon (its ``meta`` lists; a list it
    leaves out is taken from the bundled lexicon). Kept per lexicon fingerprint."""
    key = naming.fingerprint
    if key not in _CUES:
        meta = dict(naming.meta)
        missing = [k for k in (*_META_LISTS, "term_quote_words") if k not in meta]
        if missing:
            from research_utils.analyses.framing.lexicons import bundled_lexicons

            bundled = bundled_lexicons().naming.meta
            meta.update({k: bundled.get(k) for k in missing})
        _CUES[key] = _compile(meta, reporting_forms())
    return _CUES[key]


def _span_around(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    mid = (start + end) / 2
    return next(((a, b) for a, b in spans if a <= mid < b), None)


def _straight_single(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The straight single quotation ('...') around a hit, if any."""
    if "'" not in sentence:
        return None
    mid = (start + end) / 2
    return next(
        ((m.start(), m.end()) for m in _STRAIGHT_SINGLE.finditer(sentence) if m.start() <= mid < m.end()),
        None,
    )


def _frame_before(text: str, following: str, patterns: Sequence[re.Pattern[str]], cues: DistanceCues) -> str:
    """The text of the first pattern that ends ``text`` ("" when none); a guarded frame
    does not count when ``following`` starts a complement ("which calls the invasion a
    crime": the term is the verb's object)."""
    for pat in patterns:
        m = pat.search(text)
        if m is None:
            continue
        if pat in cues.guarded and re.match(r"\s+(?:a|an)\s", following, re.IGNORECASE):
            continue
        return " ".join(m.group(0).split())
    return ""


def _frame_after(text: str, cues: DistanceCues) -> tuple[str, bool]:
    """(frame text, endorsing) of the first after-frame that starts ``text``."""
    for pat in cues.after:
        m = pat.match(text)
        if m is not None:
            frame = " ".join(m.group(0).strip(" ,—–(”’\"'»").split())
            return frame, bool(cues.endorsing.search(frame))
    return "", False


def _distanced(
    sentence: str, start: int, end: int, side_b: bool, quoted: bool, cues: DistanceCues
) -> tuple[str, bool]:
    """(cue, endorsing) of a distancing frame around ``sentence[start:end]`` (a hit, or
    the whole quotation around it when ``quoted``); ("", False) when there is none."""
    before, after = sentence[:start], sentence[end:]
    frame, endorsing = _frame_after(after, cues)
    if frame:
        return frame, endorsing
    patterns = cues.before_any + (cues.before_quoted if quoted else ()) + ((cues.before_b,) if side_b else ())
    return _frame_before(before, after, patterns, cues), False


def _is_term_quote(sentence: str, a: int, b: int, max_words: int) -> bool:
    """Whether ``sentence[a:b]`` is a short quotation that opens and closes in the sentence
    and holds no sentence of its own."""
    text = sentence[a:b]
    if len(text) < 2 or text[0] not in _OPENING or text[-1] not in _CLOSING:
        return False
    inner = text[1:-1].strip().rstrip(",.;:!?")
    return len(inner.split()) <= max_words and not re.search(r"[.!?;]\s", inner)


def _reports_speech(sentence: str, a: int, b: int, cues: DistanceCues) -> bool:
    """Whether the sentence reports speech around the quotation ``[a, b)``: a reporting
    verb before it, or ", X said" after it (also after a quotation that ends with its own
    comma, "?" or "!")."""
    if cues.reporting_before.search(sentence[:a]):
        return True
    after = sentence[b:]
    if sentence[a:b][:-1].rstrip().endswith((",", "?", "!")):
        after = "," + after
    return bool(cues.reporting_after.search(after))


def _voice(
    sentence: str,
    spans: Sequence[tuple[int, int]],
    start: int,
    end: int,
    side_b: bool,
    cues: DistanceCues,
    spelling: bool = False,
    in_clause: bool = False,
) -> tuple[str, str]:
    """(voice, cue) of one hit (``in_clause``: the hit stands in the main clause of a piece
    of indirect speech)."""
    span = _span_around(spans, start, end) or _straight_single(sentence, start, end)
    if span is None:
        frame, endorsing = _distanced(sentence, start, end, side_b, False, cues)
        if endorsing:
            return "author", f"endorsing: {frame}"
        if frame:
            return "distanced", frame
        if not spelling and in_clause:
            return "quoted", "reported speech (no quotation marks)"
        return "author", ""
    a, b = span
    frame, endorsing = ("", False)
    if sentence[a : a + 1] in _OPENING:
        frame, endorsing = _distanced(sentence, a, b, side_b, True, cues)
    if frame and not endorsing:
        return "distanced", frame
    if not _is_term_quote(sentence, a, b, cues.term_quote_words) or _reports_speech(sentence, a, b, cues):
        return "quoted", "reported speech"
    return "distanced", "scare quotes (no speech reported)"


_SUBORDINATE = re.compile(
    r"[,;—–(]|\b(?:after|since|before|when|while|as|because|amid|which|who|whom|where|although|though|until|"
    r"following|during|despite)\b",
    re.IGNORECASE,
)
"""What ends the main clause of reported speech before a term: a term after it belongs to
the author's background ("said ... 14 days after Russia invaded")."""


def _in_main_clause(paragraph: str, at: int, clauses: Sequence[tuple[int, int]]) -> bool:
    """Whether paragraph offset ``at`` lies in the main clause of a piece of indirect
    speech: inside a reported clause, with no comma, dash or subordinating word between
    the clause's start and the term."""
    for a, b in clauses:
        if a <= at < b and not _SUBORDINATE.search(paragraph, a, at):
            return True
    return False


def hit_voices(
    doc: Document,
    naming: Lexicon,
    sentence: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    side: np.ndarray,
    spelling: np.ndarray | None = None,
    reported: dict[int, list[tuple[int, int]]] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The voice (``author``, ``quoted`` or ``distanced``) and the cue that decided it of
    every naming hit of ``doc`` (sentence ids, offsets in the sentence and sides ``A``/``B``).

    Returns
    -------
    (voice, cue) : object arrays
        ``cue`` is the frame text ("what Moscow calls a", "so-called"), "scare quotes (no
        speech reported)", "reported speech", "endorsing: ..." or "" (plain author usage).
    """
    cues = distance_cues(naming)
    sents, quotes = doc.parsed.sentence, doc.parsed.quotes
    n = len(sentence)
    voice = np.empty(n, dtype=object)
    cue = np.empty(n, dtype=object)
    spelled = spelling.tolist() if spelling is not None else [False] * n
    pids, sstarts = doc.parsed.paragraph_id, doc.parsed.start
    rows = list(zip(sentence.tolist(), start.tolist(), end.tolist(), side.tolist(), strict=True))
    for i, (s, a, b, sd) in enumerate(rows):
        clause = _in_main_clause(doc.paragraphs[pids[s]], sstarts[s] + a, (reported or {}).get(pids[s], ()))
        voice[i], cue[i] = _voice(sents[s], quotes[s], a, b, sd == "B", cues, spelled[i], clause)
    # A term inside a longer term of another set that starts before it ("Luhansk" in
    # "so-called Luhansk People's Republic") has the voice of the longer term: a frame
    # before the longer term is about the whole name.
    by_sentence: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        by_sentence.setdefault(r[0], []).append(i)
    for same in (g for g in by_sentence.values() if len(g) > 1):
        for i in same:
            a, b = rows[i][1], rows[i][2]
            outer = [j for j in same if rows[j][1] < a and b <= rows[j][2]]
            if outer:
                j = max(outer, key=lambda k: rows[k][2] - rows[k][1])
                voice[i], cue[i] = voice[j], cue[j]
    return voice, cue
