"""Direct quotes of one paragraph and their speakers.

A direct quote (text in quotation marks) is attributed by the reporting verb right after
it (“…,” said X / “…,” X said; the next short sentence when the quote closes its
sentence), right before it in the same sentence (X said: “…” / X said that … “…” /
According to X, “…” / In the diplomat's words, “…” / ..., adding: “…”), or by the
subject of a sentence that introduces it with a colon ("Lagarde was blunt: “…”"). A quote
with no frame of its own continues the attribution of the quote before it in the
paragraph, of the quote after it, of a quote left open at the end of the previous
paragraph, or of the attribution before a "Quote:" line (Ukrainska Pravda's layout).
Unattributed quotes of fewer than eight words, single-quoted words and quoted headlines
(most words capitalised) are scare quotes, terms or titles, not speech. These are the
attribution patterns of rule-based quote extraction (Pouliquen, Steinberger & Best 2007).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import Any

from research_utils.analyses.stance.attribution.names import describe
from research_utils.analyses.stance.attribution.records import (
    OBJECT_THAT,
    ONLY_SPACE_COMMA,
    THAT,
    WORDS_FRAME,
    Paragraph,
    frame_speaker,
    inherit,
    record,
)
from research_utils.analyses.stance.attribution.reporting_frames import is_headline, words_frame_speaker
from research_utils.analyses.stance.attribution.speakers import (
    mask_abbreviations,
    resolve_actor,
    speaker_after,
    trim_speaker,
    valid_speaker,
)
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons
from research_utils.analyses.stance.text import (
    DETERMINERS,
    FIRST_PERSON,
    HEARER_VERBS,
    NOUN_DETERMINERS,
    gap_words,
    sentence_at,
)
from research_utils.ingest import quote_spans, words
from research_utils.lexicons import Hit

__all__ = ["direct_quotes", "paragraph_subject"]

_QUOTE_LABEL = re.compile(r"\s*(?:Quote|Quotes)\s*:\s*$")

_NAMED = re.compile(
    r"\b(?:titled|entitled|headlined|dubbed|called|named|labell?ed|branded|termed|reading|read|"
    r"word|term|phrase|slogan|so-called|motto|banner|headline)\s*[,:]?\s*$",
    re.IGNORECASE,
)
"""Words before a quotation that make it a title, a name or a slogan, not speech."""
_NAMING_VERB = re.compile(
    r"\b(?:call|calls|called|calling|dub|dubs|dubbed|label|labels|labell?ed|brand|brands|branded|"
    r"term|terms|termed|describe|describes|described|describing)\b[^.;:!?“”\"]{0,50}?"
    r"\b(?:a|an|the|as|it|its|this|them)\s*$",
    re.IGNORECASE,
)
"""A naming verb and its object before a quotation: "call the plan a “...”" is naming."""
_LEAD = re.compile(r"[\s,;—–-]*")

_STOP_BEFORE_VERB = re.compile(r"[.!?;:“”\"]")
_SHORT_PARENS = re.compile(r"\([^()“”\"]{1,30}\)")
"""A short parenthesis in a frame: a party and state ("(D-N.Y.)"), an age, an acronym."""


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


_POSSESSIVE_BEFORE = re.compile(r"\w[’']s?\s*$")
"""A possessive right before a quotation: "CNBC's “Squawk Box”", "the minister's “plan”":
a name, title or term, not speech."""

_GOES_ON = frozenset(
    """towards toward to for in on at with from of by into onto than as and or but nor about against
    between among over under after before during within without because since although though
    if unless whereas""".split()
)
"""First words after a closing quote that continue the sentence ('“a turning point” towards
peace, the minister said'): what follows is no frame of that quote."""
_STOP_AFTER_VERB = re.compile(r"[.!?;“”\"]")

_ONLY_SPACE_COMMA_COLON = re.compile(r"[\s,:]*")

_BARE_OBJECT = re.compile(r"\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2}\s*")
_ADJUNCT_BEFORE_QUOTE = re.compile(
    r"\s+(?:(?:to\s+)?[\w’'-]+\s+)?(?:at|in|on|during|after|via|through|before|from)\s+[^,;:.!?“”\"]{1,70}[,:]\s*"
)
"""An adjunct between a saying verb and its quote: 'said at a news conference, “...”',
'said in a statement on Monday: “...”', 'told reporters in Kyiv: “...”' (neutral verbs only)."""
_SHORT_OBJECT = re.compile(r"\s*(?:to\s+)?(?:[\w’'.-]+\s+){0,2}[\w’'.-]+\s*[,:]\s*")

_NAME_THEN_APPOSITION = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),\s+[^“”\"]{1,200},\s*")
"""A name and a long apposition set off by commas between a quote and its verb."""

_RELATIVE_END = re.compile(r"\b(?:who|which|that)\s+(?:\w+ly\s+)?$")
"""A verb in a relative clause after a quote is no frame of it."""

_CLOSING_QUOTES = '”’"'

_PREPOSITION_START = re.compile(r"(?:on|in|at|to|via|from|during|after|before|through|with)\s", re.IGNORECASE)
"""A phrase after the verb that opens with a preposition is an adjunct, never the speaker."""


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
        if _RELATIVE_END.search(between):
            continue  # '” Hana, one of those who asked to be named ..., said': not the frame
        if _STOP_BEFORE_VERB.search(_SHORT_PARENS.sub(_blank, mask_abbreviations(between))):
            return None  # "(D-N.Y.)" after a senator's name stops nothing
        after = speaker_after(text, v.end, limit)
        inverted = (
            between.rstrip().endswith(",")
            and v.key not in HEARER_VERBS  # '”, X, ..., told Vox's Jen Kirby': the hearer follows "told"
            and after[1] > after[0]
            and not _PREPOSITION_START.match(text, after[0])  # "X, who ..., said on CBS News'"
        )
        if v.start == pos or (inverted and valid_speaker(text[after[0] : after[1]], lex)):
            span = after  # '”, said X' / '” after ..., warned the Cop26 president, Alok Sharma'
        else:
            if (m := _NAME_THEN_APPOSITION.fullmatch(text, pos, v.start)) and valid_speaker(m.group(1), lex):
                return v, m.span(1)  # '”, Takashi, one of the plaintiffs who ... privacy, said'
            if gap_words(text, pos, v.start) > 15:
                return None
            prev = words(between)
            if prev and prev[-1].lower() in DETERMINERS:
                return None
            if prev and prev[0] in _GOES_ON:
                return None  # '“important step” towards peace, the minister said': the sentence goes on
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
        spoken = text[span[0] : span[1]]
        if span[1] > span[0] and (valid_speaker(spoken, lex) or (spoken == "it" and v.start > span[1])):
            return v, span  # '”, it added': an organisation or a document after its quote
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
        if v.key in ("according to", WORDS_FRAME):
            span = (
                speaker_after(text, v.end, qs)
                if v.key == "according to"
                else words_frame_speaker(text, v, qs)
            )
            if v.key == WORDS_FRAME and span[1] > span[0] and span[1] <= v.end:
                if ONLY_SPACE_COMMA.fullmatch(text, v.end, qs):
                    return v, span
                continue
            if (
                span[1] > span[0]
                and ONLY_SPACE_COMMA.fullmatch(text, span[1], qs)
                and valid_speaker(text[span[0] : span[1]], lex)
            ):
                return v, span
            continue
        rest = text[v.end : qs]
        if (t := THAT.match(rest)) and rest[t.end() :].strip():
            return None  # 'said that the plan was “dead”': a partial quote inside that verb's clause
        if _STOP_AFTER_VERB.search(mask_abbreviations(rest)) or gap_words(text, v.end, qs) > 15:
            continue
        if not (
            _ONLY_SPACE_COMMA_COLON.fullmatch(rest)
            or THAT.match(rest)
            or _SHORT_OBJECT.fullmatch(rest)
            or OBJECT_THAT.match(rest)
            or v.match.lower().endswith((" on", " for"))
            or (v.info == "neutral" and _ADJUNCT_BEFORE_QUOTE.fullmatch(rest))
            or (v.info in ("emotive", "directive") and _BARE_OBJECT.fullmatch(rest))
        ):
            continue  # "applauded Congress “for sending ...”", "urged restraint “despite ...”"
        span = frame_speaker(text, v, floor, lex)
        if span is not None:
            return v, span
    return None


_SUBJECT = re.compile(
    r"\s*(?:(?:He|She|They)\b|(?:(?:The|the)\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|von|der|de|al|of|the))*)"
)


def _leading_subject(text: str, start: int, end: int, lex: StanceLexicons) -> tuple[int, int] | None:
    """The name or pronoun that opens a sentence whose quote follows a colon ("Lagarde was
    blunt: “...”", "He put it plainly: “...”"): the subject of the frame."""
    m = _SUBJECT.match(text, start, end)
    if m is None:
        return None
    span = trim_speaker(m.group(0))
    if not span or not valid_speaker(span, lex) or span.lower() in FIRST_PERSON:
        return None
    s = text.index(span, start)
    return (s, s + len(span))


_CONNECTIVE = re.compile(r"\s*(?:(?:However|Meanwhile|Instead|Still|Also|Later|Earlier),\s+|(?:But|And)\s+)")
_AFTER_SUBJECT = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,;:“”\"]{1,80},\s*)?(?:also\s+|later\s+)?[a-z]")
"""After a subject: a short parenthesis ("(Ky.)"), an apposition (", an appointee of ...,")
and the lowercase verb of the sentence."""


def paragraph_subject(
    para: Paragraph, lex: StanceLexicons, heard: Collection[str] = ()
) -> tuple[int, int] | None:
    """The named person a paragraph without an attribution is about: the subject that opens
    its first sentence ("Senate Republican Leader Mitch McConnell (Ky.) also hailed the vote
    ...", "However, Hamilton, an appointee of ..., stopped short ..."), when the phrase names
    a person with a title or full name, or a surname already heard as a speaker (``heard``:
    the words of the speaker phrases before). A quotation standing alone in the next paragraph is that
    person's, by the news convention; None when the paragraph opens otherwise."""
    text = para.sentences[0]
    lead = _CONNECTIVE.match(text)
    start = lead.end() if lead else 0
    m = _SUBJECT.match(text, start)
    if m is None or not _AFTER_SUBJECT.match(text, m.end()):
        return None
    span = trim_speaker(m.group(0))
    if not span or span.split()[0] in ("He", "She", "They", "The", "the") or not valid_speaker(span, lex):
        return None
    d = describe(span, lex)
    if d.form != "name" or d.kind != "person":
        return None
    surname = d.name.split()[-1]
    if not (d.title or len(d.name.split()) >= 2 or surname in heard):
        return None
    s = text.index(span, start)
    return (para.starts[0] + s, para.starts[0] + s + len(span))


def _continued_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The end of a quotation opened in the paragraph before, when this paragraph goes on
    without an opening mark: the text up to the first closing mark that comes before any
    opening one ('We find no hesitation ...,” the court said.')."""
    close = text.find("”")
    if close < 0 or (spans and spans[0][0] < close):
        return None
    if not words(text[:close]):
        return None
    return (0, close + 1)


def direct_quotes(
    para: Paragraph,
    verbs: list[Hit],
    last_open: dict[str, Any] | None,
    used_verbs: set[tuple[int, int]],
    lex: StanceLexicons,
    last_record: dict[str, Any] | None = None,
    open_before: bool = False,
    prev_subject: tuple[Paragraph, tuple[int, int]] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The direct quotes of a paragraph, and the attributed quote it leaves open, if any.

    ``open_before`` says that the paragraph before ended inside a quotation: then the
    text of this paragraph up to a closing mark without an opening one is the end of that
    quotation (marked ``_continues_open``). A paragraph that is one quotation and nothing
    else, right after a paragraph with an attribution (``last_record``), continues that
    speaker (a quote standing in its own paragraph); right after a paragraph without one
    that opens with a named person (``prev_subject``: that paragraph and the span, from
    :func:`paragraph_subject`), it is that person's.
    """
    text = para.text
    spans = quote_spans(text) if ("“" in text or "‘" in text) else []
    continued = _continued_span(text, spans) if open_before and "”" in text else None
    if continued is not None:
        spans = [continued, *spans]
    if not spans:
        return [], None
    verb_starts = [v.start for v in verbs]
    verb_ends = [v.end for v in verbs]
    direct: list[dict[str, Any] | None] = []
    infos: list[tuple[int, int, str]] = []
    named: set[int] = set()  # quotations that are names or titles, never speech
    for i, (qs, qe) in enumerate(spans):
        inner_end = qe - 1 if text[qe - 1] in _CLOSING_QUOTES and qe - qs > 1 else qe
        opened = 0 if continued is not None and (qs, qe) == continued else 1  # no opening mark to skip
        inner = text[qs + opened : inner_end].strip()
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
        if (_POSSESSIVE_BEFORE.search(text, 0, qs) or _NAMED.search(text, 0, qs)) and len(words(inner)) < 8:
            infos.append((qs, qe, inner))
            direct.append(None)  # "told CNBC's “Squawk Box”": a name, not speech
            named.add(i)
            continue
        found = _post_attribution(text, qe, limit, verbs, verb_starts, lex) or _pre_attribution(
            text, qs, max(floor, prev_end), verbs, verb_starts, verb_ends, lex
        )
        infos.append((qs, qe, inner))
        if found:
            verb, sp = found
            used_verbs.add((para.pid, verb.start))
            direct.append(record("direct", para, verb, sp, (qs, qe), inner, lex))
        else:
            direct.append(None)
    # Quotes continuing an attributed one (“A,” X said. “B.”), forwards then backwards.
    for i in range(len(direct)):
        if direct[i] is None and i not in named:
            qs, qe, inner = infos[i]
            src = None
            prev = direct[i - 1] if i > 0 else None
            if prev is not None:
                if not words(text[infos[i - 1][1] : qs]) or prev["_verb"][1] >= infos[i - 1][1]:
                    src = prev
            elif i == 0 and last_open is not None and qs == 0:
                src = last_open
            if src is not None:
                direct[i] = inherit(src, para, (qs, qe), inner)
    for i in range(len(direct) - 2, -1, -1):
        nxt_rec = direct[i + 1]
        if direct[i] is None and nxt_rec is not None and i not in named:
            qs, qe, inner = infos[i]
            if not words(text[qe : infos[i + 1][0]]):
                direct[i] = inherit(nxt_rec, para, (qs, qe), inner)
    out = []
    still_open = None
    for i, (rec, (qs, qe, inner)) in enumerate(zip(direct, infos, strict=True)):
        if i in named:
            continue
        if rec is None:
            lead = text[para.starts[sentence_at(para.starts, qs)] : qs].rstrip()
            colon = lead.endswith(":") and not _QUOTE_LABEL.fullmatch(text, 0, qs) and bool(words(lead))
            subject = (
                _leading_subject(text, para.starts[sentence_at(para.starts, qs)], qs, lex) if colon else None
            )
            if (
                (len(words(inner)) < 8 and subject is None)
                or text[qs] == "‘"
                or is_headline(inner)
                or _NAMED.search(text, 0, qs)
                or _NAMING_VERB.search(text, max(0, qs - 80), qs)
            ):
                continue  # a scare quote, a quoted term or a headline, not reported speech
            rec = record("direct", para, None, subject, (qs, qe), inner, lex)
            if _QUOTE_LABEL.fullmatch(text, 0, qs) and last_record is not None:
                rec = inherit(last_record, para, (qs, qe), inner)  # Ukrainska Pravda's "Quote:" line
            elif subject is None and len(spans) == 1 and not words(text[:qs]) and not words(text[qe:]):
                if (
                    last_record is not None
                    and last_record["paragraph_id"] == para.pid - 1
                    and last_record["actor"] != UNATTRIBUTED
                ):
                    rec = inherit(last_record, para, (qs, qe), inner)  # a quote in a paragraph of its own
                elif prev_subject is not None and prev_subject[0].pid == para.pid - 1:
                    rec = _subject_record(rec, *prev_subject, lex)
        if continued is not None and (qs, qe) == continued:
            rec["_continues_open"] = True
        elif open_before and i == 0 and not words(text[:qs]):
            rec["_continues_open"] = True  # '... “A. ¶ “B,” she said.': a new mark opens the next paragraph
        out.append(rec)
        if (
            qe == len(text)
            and text[-1] not in _CLOSING_QUOTES
            and (rec["actor"] != UNATTRIBUTED or rec["_verb"] is not None)
        ):
            still_open = rec  # also a participle's quote whose speaker is found later ("..., saying “A.")
    return out, still_open


def _subject_record(
    rec: dict[str, Any], prev: Paragraph, span: tuple[int, int], lex: StanceLexicons
) -> dict[str, Any]:
    """Quote record ``rec`` given the person the paragraph before is about (``span`` in ``prev``)."""
    speaker = prev.text[span[0] : span[1]]
    actor, match = resolve_actor(speaker, lex)
    k = sentence_at(prev.starts, span[0])
    return {
        **rec,
        "speaker": speaker,
        "actor": actor or UNRESOLVED,
        "actor_match": match,
        "_speaker": (prev.pid, *span),
        "note": f"a quote in a paragraph of its own, after a paragraph about its subject (sentence {prev.sids[k]})",
    }
