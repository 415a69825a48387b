"""Indirect speech: a reporting verb in the author's voice and the clause it reports.

:func:`indirect` reads the words after a reporting verb: "X said that ...", "X told
reporters (that) ...", "X told a meeting of his Security Council on Friday that ...",
"X said it would ...", "X insists on ...", "X urged ministers to ...", "X said: ...",
"according to X, ...", "As X said, ..."; with no clause after the verb, a frame placed
after its content (:func:`~.reporting_frames.post_frame`: "..., Foreign Minister Dmytro
Kuleba said on Tuesday."). The speaker is the phrase before the verb
(:func:`~.records.frame_speaker`) or after it ("according to X"). These are the
attribution patterns of rule-based quote extraction (Pouliquen, Steinberger & Best 2007).

The rules are the regular expressions and word lists below: what may follow a verb
without "that" (:func:`~.zero_that.zero_that_clause`), the hearer after a verb of telling
(:data:`_HEARER`), the object before "that" or before an infinitive, the directive verbs.
Known weaknesses: word order only; a passive ("it was said") and a first-person speaker
("We can say that ...") are not reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from research_utils.analyses.stance.attribution.antecedents import RELATIVE_BEFORE
from research_utils.analyses.stance.attribution.possessed import POSSESSIVE_BEFORE, is_speech_noun, possessed
from research_utils.analyses.stance.attribution.records import (
    OBJECT_THAT,
    THAT,
    WORDS_FRAME,
    Paragraph,
    clause_end,
    frame_speaker,
    record,
)
from research_utils.analyses.stance.attribution.reporting_frames import (
    SUBJECTLESS,
    post_frame,
    words_frame_speaker,
)
from research_utils.analyses.stance.attribution.speakers import is_evidence, speaker_after, valid_speaker
from research_utils.analyses.stance.attribution.zero_that import (
    AUX_WORDS,
    IRREGULAR_PAST,
    TIME_WORDS,
    TOKENS,
    zero_that_clause,
)
from research_utils.analyses.stance.lexicons import UNRESOLVED, StanceLexicons
from research_utils.analyses.stance.text import FIRST_PERSON, HEARER_VERBS
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["indirect"]

_NEGATED_VERB = re.compile(r"\b(?:no\s+longer|not|never|n['’]t)\s+(?:(?:be|been|being)\s+)?$", re.IGNORECASE)
"""A negation right before the reporting verb: no speech act is reported ("did not say that")."""
_OWNED_THAT = re.compile(r"['’]s\s+[a-z]+\s+that$")
"""A that-clause after a possessed noun ("agreed with Russia's demand that"): the noun's, not the verb's."""
_LONG_OBJECT_THAT = re.compile(r"\s+(?:[\w’'.-]+\s+){1,12}?that\b", re.IGNORECASE)
"""A longer hearer or adverbial before "that": "told a meeting of his Security Council on Friday that"."""

_DIRECTIVE_OBJECT = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}?to\s+[a-z]")
"""An object and an infinitive after a directive: "instructed the government to allocate"."""
_DIRECTIVE_LIST = re.compile(
    r"\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+(?:,\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+)+,?\s+(?:and|or)\s+"
    r"(?:[\w’'.-]+\s+){1,6}?to\s+[a-z]"
)
"""A list of addressees before the infinitive: "urged the World Bank, the IMF and the EU to step up"."""

_DIRECTIVES = frozenset(
    (
        "urge",
        "ask",
        "call for",
        "instruct",
        "order",
        "direct",
        "request",
        "appeal",
        "tell",
        "warn",
        "advise",
        "encourage",
        "press",
        "require",
    )
)
"""Verbs that report a demand as an object and an infinitive ("called on the world to ...")."""

_INFINITIVE_VERBS = frozenset(("promise", "pledge", "vow", "threaten", "hope", "propose", "offer"))
"""Verbs that report an intention as an infinitive ("promised to accept the result")."""
_GERUND_VERBS = frozenset(("admit", "deny", "acknowledge", "suggest", "propose", "recommend", "hint"))
"""Verbs that report a proposition as a gerund: "denied offering him a bribe", "suggested
discussing the issues", "hinted at dropping NATO aspirations"."""
_GERUND = re.compile(r"\s+(?:at\s+)?((?:not\s+)?[a-z]{3,}ing)\b")
_NOT_GERUNDS = frozenset("nothing something anything everything during according including".split())
_TO_INFINITIVE = re.compile(r"\s+(?:not\s+)?to\s+(?=[“\"‘]?[a-z])")  # also 'promised to “immediately” order'
_ADJECTIVE_BEFORE = frozenset(
    "anything something nothing everything very really too so more most less least quite rather "
    "the a an this that".split()
)
"""Words before an -ing form that make it an adjective ("anything really promising")."""

_ADVERBIAL_START = frozenset("in on at during after before from via through with".split())
_ADVERBS = frozenset("only simply merely just also again even still later earlier then once".split())


def _adverb(word: str) -> bool:
    """An adverb between a reporting verb and "that": "said only that", "said repeatedly that"."""
    w = word.lower()
    return word.islower() and (
        w in _ADVERBS or (w.endswith("ly") and len(w) > 4 and w not in ("family", "ally", "rally"))
    )


_WHEN_ASKED = re.compile(r"\s*(?:(?:When|If|After|Once)\s+)?", re.IGNORECASE)
"""Before a subjectless "asked" that opens its sentence: "When asked whether ...", "Asked if ..."."""
_ASKED_WH = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:(?:him|her|them|us|me|reporters|journalists|[A-Z][\w’'-]+|by\s+((?:the\s+)?[\w’'-]+))\s+)?"
    r"(?P<wh>whether|if|how|why|what|when|where|who|which)\b"
)
"""An indirect question after "asked": "asked rhetorically how ...", "asked him whether ..."."""
_COLON = re.compile(r"\s*:")

_COMMA = re.compile(r"\s*,")

_AS_START = re.compile(r"\s*As\s")

_HEARER = re.compile(
    r"\s+(?:me|him|her|us|them|reporters|journalists|lawmakers|legislators|delegates|supporters|"
    r"parliament|(?:the|a)\s+[\w-]+(?:\s+[A-Z][\w.’'-]*)*|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s"
)
"""The hearer after a verb of telling, before a clause without "that"."""
_SPACES = re.compile(r"\s{2,}")

_THIS_WAS = re.compile(r"\s*(?:This|That|It|These|Those)\s+(?:was|were|has\s+been|had\s+been|is)\s+")
_BY = re.compile(r"\s+by\s+")
"""A passive frame that points back: "This was stated by X": the sentence before is what X said."""
_RELATIVE_TAIL = re.compile(r"(?:which|who)\b", re.IGNORECASE)
"""A relative clause about the source after "according to X, which ...": still a stacked source."""
_NAME_THEN_BREAK = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*\s*[,.;]")


def _previous_word(text: str, pos: int) -> str:
    found = re.search(r"([\w’']+)\W*$", text[:pos])
    return found.group(1).lower() if found else ""


def indirect(
    para: Paragraph, k: int, v: Hit, lex: StanceLexicons, verbs: Sequence[Hit] = ()
) -> dict[str, Any] | None:
    """Indirect speech around reporting verb ``v`` of sentence ``k`` of the paragraph (offsets in the sentence).

    The content follows the verb ("X said that ...", "X told a meeting ... that ...",
    "X urged ministers to ...", "according to X, ..."), or precedes a frame placed after
    it (:func:`~.reporting_frames.post_frame`). ``verbs`` are the reporting verbs of the
    sentence.
    """
    text = para.sentences[k]
    off = para.starts[k]
    verb = Hit(off + v.start, off + v.end, v.key, v.match, v.info)
    complement = lex.verb_complements.get(v.key, "clause")
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
        after = text[phrase_end:] if text[phrase_end:].strip(" .") else ""  # not a lone full stop
        if text[: v.start].strip() and _SOURCE_TAIL.match(after):
            after = ""  # "..., according to the FT, citing four people ...": the tail is about the source
        content = _SPACES.sub(" ", text[: v.start].rstrip(" ,") + " " + after).strip(" ,")
        scope = (off + phrase_end, off + len(text)) if not text[: v.start].strip() else (off, off + len(text))
        tail = text[phrase_end:].strip(" .,;")
        stacked = (not tail or _RELATIVE_TAIL.match(tail)) and any(
            h.key != v.key and h.end <= v.start for h in verbs
        )
        if stacked:  # "X said ..., according to Interfax[, which ...]": a second source of X's speech
            content = text[: v.start].rstrip(" ,")
            scope = (off, off + len(content))
        rec = record("indirect", para, verb, (off + span[0], off + span[1]), scope, content, lex)
        if stacked:
            rec["_stacked"] = off + len(content)
        return rec
    if complement == "none":
        return None  # "officials believe ...": a belief, not a speech act (a quotation it frames stays)
    if v.key == "ask" and _WHEN_ASKED.fullmatch(text, 0, v.start) and (q := _ASKED_WH.match(text, v.end)):
        # "When asked whether ..., the spokesperson said": the question of an unnamed asker
        start = q.start("wh")
        comma = text.find(",", start)
        if comma > start:
            asker = (off + q.start(1), off + q.end(1)) if q.group(1) else None  # "asked by the moderator"
            rec = record(
                "indirect", para, verb, asker, (off + start, off + comma), text[start:comma].strip(), lex
            )
            return {
                **rec,
                "actor": UNRESOLVED,
                "anonymous": True,
                "note": "an unnamed asker",
                "_unnamed": True,
            }
    if _NEGATED_VERB.search(text, 0, v.start):
        return None  # "the Pentagon is no longer insisting that ...": a speech act that is not made
    if k > 0 and _THIS_WAS.fullmatch(text, 0, v.start) and (by := _BY.match(text, v.end)):
        span = speaker_after(text, by.end(), len(text))  # "... This was stated by Paul Grod, ..."
        if span[1] > span[0] and valid_speaker(text[span[0] : span[1]], lex):
            prev = para.sentences[k - 1]
            start = para.starts[k - 1]
            return record(
                "indirect",
                para,
                verb,
                (off + span[0], off + span[1]),
                (start, start + len(prev)),
                prev.strip(),
                lex,
            )
    rest = text[v.end :]
    if POSSESSIVE_BEFORE.search(text, 0, v.start) or is_speech_noun(v, lex):
        return possessed(para, k, v, verb, lex)
    if v.match.lower().endswith("ing") and _previous_word(text, v.start) in _ADJECTIVE_BEFORE:
        return None  # "anything really promising", "the ruling": an adjective or a noun
    if (
        v.key in _INFINITIVE_VERBS
        and (m := _TO_INFINITIVE.match(rest))
        and (span := frame_speaker(text, v, 0, lex))
    ):
        if span != SUBJECTLESS:  # "promised to accept the result", "offered to accept neutral status"
            span = (off + span[0], off + span[1])
        start = v.end + m.end()
        return record("indirect", para, verb, span, (off + start, off + len(text)), text[start:].strip(), lex)
    if (
        v.key in _GERUND_VERBS
        and (m := _GERUND.match(rest))
        and m.group(1).lower() not in _NOT_GERUNDS
        and (span := frame_speaker(text, v, 0, lex))
    ):
        if span != SUBJECTLESS:  # "admitted talking to Nayyem but denied offering him a bribe"
            span = (off + span[0], off + span[1])
        start = v.end + m.start(1)
        end = clause_end(text, start)
        return record("indirect", para, verb, span, (off + start, off + end), text[start:end].strip(), lex)
    if complement == "object":
        return _accusation(para, k, v, verb, lex) if v.key == "accuse" else None
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
    elif (m := OBJECT_THAT.match(rest)) and not _OWNED_THAT.search(m.group(0)):
        first_word = words(m.group(0))[:1]
        adverbial = bool(first_word) and (
            first_word[0].lower() in _ADVERBIAL_START or first_word[0].lower() in TIME_WORDS
        )
        adverbial = adverbial or bool(_TO_HEARER.match(m.group(0)))  # "confirmed to Reuters that"
        adverbial = adverbial or all(_adverb(w) for w in words(m.group(0))[:-1])  # "said only that"
        if not re.search(r"[,;:]", m.group(0)) and (v.key in HEARER_VERBS or adverbial):
            comp = (
                v.end + m.end()
            )  # "told reporters that", "said on Monday that"; not "revealed some frustration that"
    clause = complement == "clause"
    if (
        comp is None
        and clause
        and v.key in HEARER_VERBS
        and (h := _HEARER.match(rest))
        and zero_that_clause(rest[h.end() :], lex.verb_forms)
    ):
        comp = v.end + h.end()  # "told reporters the administration would ..."
    # "..., said Sergey Lavrov, who was in Istanbul": the name after the verb is its speaker
    inverted = text[: v.start].rstrip().endswith(",") and bool(_NAME_THEN_BREAK.match(rest))
    if (
        comp is None
        and clause
        and v.key not in HEARER_VERBS
        and v.info != "directive"  # "ordered the deployment of troops ...": an object, no clause
        and (not inverted and zero_that_clause(rest, lex.verb_forms))
    ):
        comp = v.end + lead
    if (
        comp is None
        and (m := _LONG_OBJECT_THAT.match(rest))
        and not re.search(r"[,;:“”]", m.group(0))
        and not _OWNED_THAT.search(m.group(0))
    ):
        first = words(m.group(0))[:1]
        if v.key in HEARER_VERBS or (first and first[0].lower() in _ADVERBIAL_START):
            comp = v.end + m.end()  # "told a meeting of his Security Council on Friday that"
    if (
        comp is None
        and clause
        and v.info in ("neutral", "distancing")
        and (rel := _relative_record(para, k, v, verb, lex)) is not None
    ):
        return rel  # "a children's hospital that Kyiv says killed three people"
    if comp is None and clause and v.key == "ask" and (m := _ASKED_WH.match(rest)):
        comp = v.end + m.start("wh")  # "asked rhetorically how Canadians would feel ...": the question
    if comp is None and clause and v.key in _DIRECTIVES and (m := _DIRECTIVE_OBJECT.match(rest)):
        if not re.search(r"[,;:“”]", m.group(0)):
            comp = v.end + lead  # "instructed the government to allocate ..."
    if comp is None and clause and v.key in _DIRECTIVES and _DIRECTIVE_LIST.match(rest):
        comp = v.end + lead  # "urged the World Bank, the IMF and above all the EU to step up"
    if comp is None and starts_as:
        comp = v.end + _COMMA.match(rest).end()  # type: ignore[union-attr]
    if comp is None:
        if v.match.lower().endswith("ing") or complement == "object":
            return None
        if complement == "that" and words(rest.strip(" .")):
            return None  # "..., three judges have found." closes the sentence; "... can hold out" does not
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
        if is_evidence(text[span[0] : span[1]], v.key):
            return None  # "Russian troop movements suggested ...": evidence, not a source
        span = (off + span[0], off + span[1])
    end = _relative_clause_end(text, v.start, comp)
    scope = (off + comp, off + end)
    return record("indirect", para, verb, span, scope, text[comp:end].strip(), lex)


_TO_HEARER = re.compile(
    r"\s+to\s+(?:[A-Z]|(?:the\s+)[A-Z]|(?:reporters|journalists|lawmakers|him|her|them|me|us)\b)"
)
"""A hearer after "to" ("explained to Bret Baier that", "confirmed to the BBC that"); not "agreed
to a deal that", whose "that" opens a relative clause."""
_SOURCE_TAIL = re.compile(r"\s*(?:which|who|whose|[a-z]+ing)\b")
_NEXT_WORD = re.compile(r",\s+([a-z]+)\b")


def _relative_clause_end(text: str, verb_start: int, comp: int) -> int:
    """Where the content of a verb in a relative clause set off by commas ends: at the
    comma before the main clause's verb ("Beijing, which says it is neutral, announced
    ..."); the sentence's end otherwise."""
    rel = RELATIVE_BEFORE.search(text, 0, verb_start)
    if rel is None or rel.group(1) is None:  # only ", which" / ", who": a clause set off by commas
        return len(text)
    for m in _NEXT_WORD.finditer(text, comp):
        w = m.group(1)
        if w in AUX_WORDS or w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4):
            return m.start()
    return len(text)


_ACCUSED_OF = re.compile(r"\s+((?:[\w’'.-]+\s+){1,6}?of\s+[a-z])")


def _accusation(para: Paragraph, k: int, v: Hit, verb: Hit, lex: StanceLexicons) -> dict[str, Any] | None:
    """ "X accused Y of ...": the accused and the charge are the reported content."""
    text = para.sentences[k]
    m = _ACCUSED_OF.match(text, v.end)
    if m is None or re.search(r"[,;:“”]", m.group(1)):
        return None
    span = frame_speaker(text, v, 0, lex)
    if span is None:
        return None
    off = para.starts[k]
    if span != SUBJECTLESS:
        span = (off + span[0], off + span[1])
    comp = m.start(1)
    return record("indirect", para, verb, span, (off + comp, off + len(text)), text[comp:].strip(), lex)


_GAP_VERBS = frozenset("say claim allege insist contend assert maintain argue".split())
"""Verbs whose clause may lose its subject to a relative clause without "that" ("the hospital
Kyiv says killed three people"); after another verb the noun is its object."""
_RELATIVE_SUBJECT = re.compile(
    r"(?:\b(?:that|which|who|whom)\s+|(?<=[a-z]\s))"
    r"((?:it|he|she|they|(?:the|its|his|her|their)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?"
    r"|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))\s+$"
)


def _relative_record(
    para: Paragraph, k: int, v: Hit, verb: Hit, lex: StanceLexicons
) -> dict[str, Any] | None:
    text = para.sentences[k]
    rest = text[v.end :]
    toks = TOKENS.findall(rest[:80])
    first = toks[0].lower() if toks else ""
    if not (first in AUX_WORDS or first in IRREGULAR_PAST or (first.endswith("ed") and len(first) > 4)):
        return None
    m = _RELATIVE_SUBJECT.search(text, 0, v.start)
    if m is None or not valid_speaker(m.group(1), lex):
        return None
    relative = re.search(r"\b(?:that|which|who|whom)\s+(?:the\s+)?$", text[: m.start(1)], re.IGNORECASE)
    if relative is None and v.key not in _GAP_VERBS:
        return None  # "The peace talks Peskov mentioned are set to ...": the talks are its object
    lead = len(rest) - len(rest.lstrip())
    start = v.end + lead
    end = text.find(",", start)
    end = len(text.rstrip(" .")) if end < 0 else end
    if len(words(text[start:end])) < 2:
        return None
    off = para.starts[k]
    return record(
        "indirect",
        para,
        verb,
        (off + m.start(1), off + m.end(1)),
        (off + start, off + end),
        text[start:end].strip(),
        lex,
    )
