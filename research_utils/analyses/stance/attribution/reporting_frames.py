"""Reporting frames of news copy beyond "X said that ...": where the speaker stands.

Wire copy most often puts the frame after what was said, without quotation marks:
"Ukraine will not cede territory, Foreign Minister Dmytro Kuleba said on Tuesday." /
"..., said Dirk Schumacher, an economist at Natixis." / "A new offensive was weeks away,
he said, and ..." (:func:`post_frame`). A speech act may have no subject of its own
(", adding that ...", ", saying ...", "... and urged ...": :func:`subjectless`), its
speaker may stand before a passive frame ("X was quoted by TASS as saying":
:func:`quoted_as`), and a verbless frame may name the speaker ("In the diplomat's words",
"In the words of X": :func:`words_frames`). These are the attribution patterns of
newswire (Pouliquen, Steinberger & Best 2007; the "source - cue - content" triples of
Pareti 2016 and of the PARC corpus). Every function looks at one sentence.

Known weaknesses: word order only. A frame whose content spans several sentences before
it gets the last sentence only; "X, Y said, ..." with a one-word subject before the frame
joins the stretches before and after the frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from research_utils.analyses.stance.attribution.speakers import speaker_after, speaker_before, valid_speaker
from research_utils.analyses.stance.attribution.zero_that import AUX_WORDS, IRREGULAR_PAST
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import HEARER_VERBS
from research_utils.ingest import words
from research_utils.lexicons import Hit

__all__ = ["SUBJECTLESS", "is_headline", "post_frame", "quoted_as", "subjectless", "words_frames"]

SUBJECTLESS = (-1, -1)
"""The speaker span of a speech act without a subject of its own."""

_QUOTED_AS = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:also\s+)?quoted\b(?:\s+by\s+[^,.;:“”]{1,80}?)?\s+as\s*$",
    re.IGNORECASE,
)
_COMMA_BEFORE = re.compile(r",\s*[”\"]?\s*(?:[a-z]+ly\s+)?$")
"""A comma before a participle, also inside the closing quotation mark or with an adverb: "...,”
adding that", "..., reportedly telling News24 that"."""
_AND_BEFORE = re.compile(
    r"(?:,\s*|\s)(?:and|but)\s+(?:(?:later|also|then|has|have|had|will|would|since|repeatedly)\s+){0,2}$",
    re.IGNORECASE,
)
"""A second verb joined by "and" or "but" ("... but has said that ...", "and later told ...")."""
_ADVERBIAL_BEFORE = re.compile(r"(?:^|\s)(?:by|while|in|when|after|before|without)\s+$", re.IGNORECASE)
_WORDS_FRAME = re.compile(
    r"\bIn\s+(?:the\s+(?:words|view|opinion)\s+of\b|"
    r"((?:the|his|her|their)\s+[\w’' -]{1,60}?|[A-Z][\w’' .-]{1,60}?)['’]s?\s+(?:words|view|opinion)\b)"
)
_LEADING_ADVERBIAL = frozenset(
    """at in on after before during meanwhile however also then earlier later today yesterday now
    still moreover furthermore for with as since amid despite following separately nevertheless
    instead""".split()
)
_THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
_INVERTED = frozenset(
    (
        "say",
        "add",
        "ask",
        "write",
        "explain",
        "note",
        "reply",
        "answer",
        "warn",
        "insist",
        "argue",
        "claim",
        "stress",
        "state",
        "remark",
        "observe",
        "report",
        "continue",
        "recall",
        "according to",
    )
)
"""Verbs that stand before their speaker after the content ("..., said Dirk Schumacher"): news
copy inverts verbs of saying, not "declared partial results" or "offered a tale"."""


def quoted_as(text: str, v: Hit) -> int | None:
    """Where "was quoted (by ...) as" starts when reporting verb ``v`` is its "saying", else None."""
    if not v.match.lower().endswith("ing"):
        return None
    m = _QUOTED_AS.search(text, 0, v.start)
    return m.start() if m else None


def subjectless(text: str, v: Hit) -> bool:
    """A speech act without a subject of its own: a participle after a comma (", adding
    that ...", ", saying ...", ", telling supporters ..."), after *by*, *while*, *in*,
    *when*, *after* ("raised hopes by claiming that ...", "In confirming it plans ...,
    the union said ...") or a second verb joined by *and* or *but* ("said ... and urged
    ...")."""
    before = text[: v.start]
    if v.match.lower().endswith("ing"):
        return (
            bool(_COMMA_BEFORE.search(before))
            or bool(_AND_BEFORE.search(before))
            or bool(_ADVERBIAL_BEFORE.search(before))
        )
    return bool(_AND_BEFORE.search(before)) and not before.rstrip().endswith(",")


def words_frames(text: str) -> list[Hit]:
    """Verbless frames "In the words of X", "In X's words" and "In the diplomat's view"
    as reporting hits (key ``in the words of``, class neutral)."""
    return [
        Hit(m.start(), m.end(), "in the words of", m.group(0), "neutral") for m in _WORDS_FRAME.finditer(text)
    ]


def words_frame_speaker(text: str, v: Hit, limit: int) -> tuple[int, int]:
    """The speaker span of a verbless frame hit: the possessor of "In the diplomat's words",
    or the phrase after "In the words of"."""
    m = _WORDS_FRAME.match(text, v.start)
    if m is not None and m.group(1):
        return (m.start(1), m.end(1))
    return speaker_after(text, v.end, limit)


def is_headline(quote: str) -> bool:
    """A quoted headline or title: most of its longer words capitalised ("Kyiv Will Fall
    Within Days, Officials Fear")."""
    ws = [w for w in words(quote) if len(w) > 3 and w[:1].isalpha()]
    return len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.7 * len(ws)


_ADJUNCT_START = frozenset("ahead during after before at in on amid following since while from".split())


def _closing(rest: str) -> bool:
    """What follows a frame placed after its content: only a hearer or adverbials up to the
    next comma or the end ("told reporters in Kyiv.", "said on Tuesday, adding ...")."""
    chunk = re.split(r"[,;:—–]", rest, maxsplit=1)[0]
    first = words(chunk)[:1]
    adjunct = bool(first) and first[0].lower() in _ADJUNCT_START  # "said ahead of a new round of talks ..."
    if _THAT_WORD.search(chunk) or len(words(chunk)) > (20 if adjunct else 12):
        return False
    if first and first[0].lower() in ("and", "or", "of", "nor"):
        return False  # "the Baltic states and allies": a noun, not a frame
    return not re.search(r"\b(?:to\s+[a-z]+\b.*\bto\b)", chunk)


_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing")
"""A participle that opens a sentence ("Referring to ..., the president said")."""


def _finite(head: str) -> bool:
    """Whether ``head`` holds a finite verb form (an auxiliary, an irregular past or an -ed form)."""
    return any(
        w in AUX_WORDS or w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4)
        for w in (t.lower() for t in words(head))
    )


_SUBJECT_HEAD = re.compile(
    r"(?:(?:The|A|An|This|These|Such|Any)\s+)?(?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*s", re.IGNORECASE
)
"""A short plural subject before a frame set off by commas: "Negotiations, he said, could ..."."""
_OBJECT_AFTER = re.compile(
    r"\s+an?\s+(?!(?:day|week|month|year|few|couple|short|long|little|press|news|statement|"
    r"briefing|interview|meeting|call|conference|speech|video|post|letter|message|televised)\b)",
    re.IGNORECASE,
)
"""An indefinite object right after the verb ("proposed a new agreement"); not a time ("said a
day later") or a medium ("said in a statement" has its preposition; "told a briefing")."""
_ZERO_RELATIVE = re.compile(r"(?:an?|the)\s+([a-z][\w’'-]*)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}$")
"""A noun and the subject of a relative clause without "that": "..., a contention Ukraine
rejects" describes the content; it does not frame it."""
_PROPOSITION_NOUNS = frozenset(
    """contention claim claims charge charges accusation accusations allegation allegations assertion
    argument view position assessment narrative idea notion suggestion characterisation
    characterization description interpretation version account premise demand demands""".split()
)
"""Nouns of a proposition, the heads of such a relative clause ("a claim Moscow denies");
a speaker noun or a title before a name ("the spokesman Dmitry Peskov", "the daily
Kommersant") is an apposition and frames."""


def post_frame(
    text: str, v: Hit, lex: StanceLexicons, verbs: Sequence[Hit]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A frame after its content, in one sentence: ``(speaker span, content span)``, or None.

    "CONTENT, X said [on Tuesday]." / "CONTENT, said X, who ..." / "CONTENT, X told
    reporters." / "CONTENT, he said, and ..." (content before the frame). When what stands
    before the frame is only an adverbial ("At the same time, he stressed, Russia would
    ..."), the content is what follows the frame. The content has at least four words.
    """
    before = text[: v.start]
    inverted = _COMMA_BEFORE.search(before)
    span = (0, 0)
    if inverted and v.key in _INVERTED:  # "..., said Dirk Schumacher, an economist"
        span = speaker_after(text, v.end, len(text))
        content_end, rest_start = inverted.start(), span[1]
    if span[1] <= span[0] or not valid_speaker(text[span[0] : span[1]], lex):
        span = speaker_before(text, v.start, 0)  # "..., Foreign Minister Dmytro Kuleba said"
        if span[1] <= span[0]:
            return None
        pre = _COMMA_BEFORE.search(text, 0, span[0])
        if pre is None:
            return None
        content_end, rest_start = pre.start(), v.end
    if not valid_speaker(text[span[0] : span[1]], lex):
        return None
    zero = _ZERO_RELATIVE.match(text, span[0], span[1])
    if zero and zero.group(1).lower() in _PROPOSITION_NOUNS:  # not "the spokesman Dmitry Peskov"
        return None
    if any(span[0] <= h.start < span[1] and not h.match[:1].isupper() for h in verbs if h is not v):
        return None  # another verb inside the speaker phrase: not a speaker ("Court of Appeal" is a name)
    if not _closing(text[rest_start:]):
        return None
    if v.key not in HEARER_VERBS and _OBJECT_AFTER.match(text, v.end):
        return None  # "..., Ukraine proposed a new agreement": an object, no frame after content
    head = text[:content_end].strip()
    first = words(head)[:1]
    opener = bool(first) and (
        first[0].lower() in _LEADING_ADVERBIAL or _PARTICIPLE.fullmatch(first[0]) is not None
    )
    # "At last month's summit in Vilnius, the G7 pledged ...": a long phrase with no verb is no content
    adverbial = opener and (len(words(head)) <= 5 or not _finite(head))
    after = ""
    m = re.match(r"[^,;:—–]*[,—–]\s*", text[rest_start:])
    if m:
        after_start = rest_start + m.end()
        after = text[after_start:].strip()
    opens = bool(after) and words(after)[0].lower() not in ("and", "but", "adding", "saying")
    if adverbial:
        if len(words(after)) < 4 or not opens:
            return None
        return span, (after_start, len(text.rstrip(" .")))
    if len(words(head)) < 4:
        if m and opens and len(words(after)) >= 3 and _SUBJECT_HEAD.fullmatch(head):
            # "Negotiations, he has said, could continue for months": a frame inside its clause
            return span, (after_start, len(text.rstrip(" .")))
        return None
    start = len(text) - len(text.lstrip())
    return span, (start, content_end)
