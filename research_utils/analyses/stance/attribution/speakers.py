"""The speaker of reported speech: where its phrase is, whether it is one, which actor it is.

The speaker is the noun phrase next to a reporting verb: before it ("Russia's Foreign
Minister Sergey Lavrov said"), cut at the last clause boundary and trimmed of fillers
and auxiliaries, or after it ("said Sergey Lavrov", "according to Dmytro Kuleba"). A
phrase is accepted as a speaker when it names an actor, is capitalised, is a pronoun, or
holds a speaker noun (*official*, *spokesman*, *analyst*), in the manner of rule-based
quote attribution (Pouliquen, Steinberger & Best 2007). Every function looks at one
sentence or the stretch between a quote and its verb, so its cost is bounded.

Known weaknesses: word order, not syntax; speakers named in another sentence and
pronouns beyond the previous speaker are missed.
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import (
    DETERMINERS,
    FIRST_PERSON,
    PRONOUNS,
    WEEKDAYS,
    WEEKDAYS_PATTERN,
)

__all__ = [
    "DANGLING",
    "DOTTED_ACRONYM",
    "SPEAKER_NOUNS",
    "WORD",
    "is_evidence",
    "is_proper_name",
    "mask_abbreviations",
    "resolve_actor",
    "speaker_after",
    "speaker_before",
    "trim_speaker",
    "valid_speaker",
]

_SUBORDINATORS = frozenset(
    "when while after before because since although though if as that which who whom whose where "
    "but so unless until whereas".split()
)
_LEADING_ADVERBIALS = frozenset(
    """during in on at after before for with meanwhile however also then speaking earlier later today
    yesterday last this moreover still now here there since following amid despite as when while""".split()
)
_LEADING_FILLERS = frozenset("even also and but then now meanwhile however so only yet still".split())
_TRAILING = frozenset(
    """has have had is was are were also already repeatedly reportedly again never tire tired of keeps
    keep kept continue continues continued to no longer not did does do would will could might may
    publicly recently later earlier then once further openly firmly explicitly clearly strongly
    previously first quickly solemnly can cannot shall should must just only even still often always
    allegedly reportedly officially privately since""".split()
)
SPEAKER_NOUNS = frozenset(
    """official officials minister ministers spokesman spokeswoman spokesperson president diplomat
    diplomats analyst analysts expert experts source sources leader leaders envoy ambassador negotiator
    negotiators delegation government ministry side authorities chancellor secretary adviser advisor
    aide aides ally allies lawmaker lawmakers commander general spokesmen journalist journalists union unions
    council committee agency company club league police army military bank party campaign group
    organisation organization office board trust hospital court commission authority statement
    residents resident witness witnesses governor mayor manager coach economist economists
    director executive chief head heads chairman chairwoman representative representatives member
    members soldier soldiers officer officers commanders ombudsman prosecutor prosecutors
    intelligence staff administration embassy mission secretariat person persons people insider
    insiders observer observers participant participants premier deputy deputies senator senators
    congressman congresswoman councillor councillors judge lawyer lawyers attorney captain player
    players owner founder professor researcher researchers scientist scientists historian
    commentator editor correspondent reporter reporters author king queen prince monarch
    ministry's bench justices tribunal panel jury ruling judgment judgement filing complaint
    lawsuit petition indictment verdict decision report document letter memo data figures
    results survey poll study tally findings spokespeople judges investigators inspectors auditors
    regulators critics campaigners activists doctors nurses media outlets sites websites newspaper
    newspapers broadcaster broadcasters newswire newswires wire paper daily tabloid magazine""".split()
)
NOT_SURNAMES = (
    SPEAKER_NOUNS
    | _LEADING_FILLERS
    | frozenset("police everyone everybody nobody somebody someone anyone management".split())
)
"""Capitalised words that open a sentence as its subject but name nobody ("Police said")."""
_EVIDENTIAL = frozenset("suggest indicate signal imply show demonstrate underline".split())
"""Verbs whose subject may be evidence rather than a source ("troop movements suggested ...",
"the tacit support of X underscores ...")."""


def is_evidence(speaker: str, verb_key: str) -> bool:
    """Whether the subject of an evidential verb is a thing, not a source: a common noun
    phrase whose head is no speaker noun ("Russian troop movements suggested ...", "the
    advances in the east indicate ..."), unlike "analysts suggested" or "the report shows"."""
    if verb_key not in _EVIDENTIAL:
        return False
    toks = WORD.findall(speaker)
    head_i = next((i for i, t in enumerate(toks) if i > 0 and t.lower() in DANGLING), len(toks)) - 1
    if head_i < 0:
        return False
    head = toks[head_i]
    return head.islower() and head.lower() not in SPEAKER_NOUNS and head.lower() not in PRONOUNS


_OBJECT_PRONOUNS = frozenset("him her them".split())
"""Pronouns after "according to" ("According to him, ...")."""
DANGLING = frozenset("of in to for with on at by from and or".split())
_SUBORDINATE_END = _SUBORDINATORS - frozenset("as that which who whom whose where but so whereas".split())
"""Words that end no speaker phrase: the verb after them has no subject of its own."""
_PARTICLES = frozenset("von der de van den la le bin al da di du".split())
_NOT_SPEAKERS = frozenset("it this that which what there these those here".split())

_ABBREVIATED = frozenset(
    "sen rep gov gen lt col sgt capt maj adm cmdr dr mr mrs ms prof rev st jr sr mt amb pres no".split()
)
"""Abbreviated titles whose full stop ends no phrase ("Sen. Dick Durbin")."""
_HARD_BREAK = re.compile(r"[;:!?“”\"(\[\]—–]|\.(?=\s)")


_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–.;:“”\"]{3,200}?\s[—–]\s*$")
"""An aside between two dashes right before the verb: the speaker stands before it."""


def _hard_breaks(seg: str) -> list[re.Match[str]]:
    """The breaks of a speaker phrase, except the full stop of an abbreviated title or an
    initial ("Sen. Dick Durbin", "George W. Bush")."""
    out = []
    for m in _HARD_BREAK.finditer(seg):
        if m.group(0) == ".":
            before = re.search(r"(\w+)$", seg[: m.start()])
            word = before.group(1) if before else ""
            if word.lower() in _ABBREVIATED or (len(word) == 1 and word.isupper()):
                continue
        out.append(m)
    return out


DOTTED_ACRONYM = r"(?:[A-Z]\.){2,}"
"""A dotted abbreviation: "U.S.", "U.N."."""
_TITLE_ABBREVIATIONS = "Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Dr|Mr|Mrs|Ms|Prof|Rev|St|Amb"
"""Abbreviated titles written with a full stop before a name ("Sen. Dick Durbin")."""
_DOTTED = re.compile(rf"\b{DOTTED_ACRONYM}|\b(?:{_TITLE_ABBREVIATIONS}|Jr|Sr)\.(?=\s+[A-Z])")
"""Full stops that end no phrase: dotted abbreviations ("U.S.", "U.N.") and abbreviated titles."""


def mask_abbreviations(text: str) -> str:
    """``text`` with the full stops of dotted abbreviations and abbreviated titles blanked
    (same length), so a check for a sentence break does not stop at "U.S. Ambassador"."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", " "), text)


_COMMA_PART = re.compile(r"[^,]+")
WORD = re.compile(r"[\w’']+")
_TOKEN = (
    rf"(?:{DOTTED_ACRONYM}(?=\s+\w)"  # a dotted abbreviation before a word: "U.S. officials"
    rf"|(?:{_TITLE_ABBREVIATIONS}|[A-Z])\.(?=\s+[A-Z])"
    r"|[^,.;:!?()“”\"—–\s]+(?:\.(?=[A-Z]))?)"
)
_AFTER_VERB = re.compile(
    rf"\s*({_TOKEN}(?:\s+{_TOKEN})*?)"
    r"(?=\s*[,.;:!?()“”\"—–]|\s*$|\s+(?:in|on|at|to|during|after|before|while|when|who|which|that|from|"
    r"as|for|with|last|this|earlier|later|yesterday|today)\b)"
)
_APPOSITION = re.compile(r",\s*((?:a|an|the)\s+[a-z][^,;:.!?“”]*?)(?=,)")
_TIME_PART = re.compile(rf"(?:(?:on\s+)?(?:{WEEKDAYS_PATTERN})|today|yesterday|earlier|later)", re.IGNORECASE)
_PARENTHETICAL = re.compile(
    r"(?:in|on|at|via|through|during|after|before|with|speaking|writing|commenting|talking|posting|"
    r"who|whose|which|whom|where|when|citing|quoting|according|interviewed|asked|aged|\d)\b",
    re.IGNORECASE,
)
"""First words of a comma-set parenthetical between a speaker and its verb: "X, in a
statement, said", "X, speaking on condition of anonymity, said", "X, who led ..., told",
"X, 67, said"."""
_PERFECT = frozenset("has have had".split())
_PAREN_GROUP = re.compile(r"\([^()]{0,40}\)")
"""A short parenthesis inside a speaker phrase ("the Security Service of Ukraine (SBU)")."""


_CLAUSE_WORDS = frozenset(
    """is are was were will would can could may might must should shall has have had did does do
    not never""".split()
)


_CONTRACTIONS = frozenset("there's it's that's he's she's what's here's let's who's where's".split())
"""Words ending in 's that are no possessive ("There's still a long way to go")."""


def _owned_role(text: str) -> bool:
    """A role owned by a named organisation ("Al Jazeera's correspondent reporting from
    Harare", "Ukraine's chief negotiator"): a possessive in its first three words and a
    speaker noun after it."""
    toks = WORD.findall(text)
    own = next((i for i, t in enumerate(toks[:3]) if t.endswith(("'s", "’s"))), None)
    return own is not None and any(t.lower() in SPEAKER_NOUNS for t in toks[own + 1 :])


_NAME_ITEM = r"(?!(?:In|On|At|From|After|Before|During|For|With|By|As|But|And|Meanwhile|However|The|Then|Now)\b)(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*(?:\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*)?"
_NAME_LIST_ITEM = re.compile(_NAME_ITEM)
"""A name in a list, with the state it is of: "Krisjanis Karins of Latvia"."""
_NAME_LIST_END = re.compile(rf"{_NAME_ITEM}\s+and\s+{_NAME_ITEM}")
"""The last two names of a list: "Krisjanis Karins of Latvia and Kaja Kallas of Estonia"."""


def _unclosed_apposition(seg: str, parts: list[tuple[int, int]], last: str, prev: str) -> bool:
    """A role after a name whose closing comma the writer left out, after a quoted or
    reported content: "..., Alexander Chaly, a member of the Ukrainian delegation said".
    The name is set off by a comma before it, has two to four words and no preposition,
    and the role is a determiner phrase with a speaker noun."""
    toks = prev.split()
    return (
        len(parts) >= 3
        and 2 <= len(toks) <= 4
        and not any(t.lower() in DANGLING or t.lower() in _LEADING_FILLERS for t in toks)
        and _description(last)
        and any(t.lower().strip(",") in SPEAKER_NOUNS for t in last.split())
    )


def _description(text: str) -> bool:
    """A description before a name set off by commas ("the city's mayor, Ihor Terekhov,"):
    a noun phrase that starts with a determiner or a possessive and holds no verb."""
    toks = [t.lower() for t in WORD.findall(text)]
    if not toks or len(toks) > 14:
        return False
    possessive = toks[0].endswith(("'s", "’s")) and toks[0].replace("’", "'") not in _CONTRACTIONS
    if not (toks[0] in ("the", "a", "an") or possessive):
        return False
    return not any(t in _CLAUSE_WORDS or (t.endswith("ed") and len(t) > 4) for t in toks)


def is_proper_name(text: str) -> bool:
    """True for a short capitalised name ("Josep Borrell", "Ursula von der Leyen")."""
    toks = text.split()
    if not toks or len(toks) > 5:
        return False
    return all(t[:1].isupper() or t.lower() in _PARTICLES for t in toks) and toks[0][:1].isupper()


_TIME_LEAD = frozenset(day.lower() for day in WEEKDAYS) | {"yesterday", "today"}
"""A time word left before a subject by a clause cut ("said Friday it hopes ...")."""
_TRAILING_CATENATIVE = re.compile(
    r"\s+(?:(?:went|goes|go|going)\s+on|(?:was|were|is|are)\s+(?:quick|keen|careful|eager|at\s+pains)"
    r"|(?:sought|tried|wanted|decided|chose|hastened|rushed|moved))(?:\s+to)?$"
)
"""A verb before an infinitive reporting verb: "Lavrov went on to say", "was quick to add"."""
_TRAILING_TIME = re.compile(
    rf"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:{WEEKDAYS_PATTERN})"
    r"|\s+(?:last|this|next)\s+(?:week|month|year|night|weekend|spring|summer|autumn|fall|winter)"
    r"|\s+(?:yesterday|today|tonight|overnight))$"
)
"""A time adjunct at the end of a speaker phrase ("The Kremlin on Wednesday said")."""


_QUOTED_PERSON_AS = re.compile(r"\b(?:quoted|cited)\s+((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+as$")
"""The person a medium quotes, at the end of a speaker phrase: "TASS quoted the minister as"
(the passive "was quoted as" is :func:`~.reporting_frames.quoted_as`)."""


_LY_NOUNS = frozenset("family assembly rally monopoly supply reply anomaly".split())


def _manner_adverb(tok: str) -> bool:
    """A lower-case adverb in -ly right before the verb: "he frankly admitted", "Moscow
    flatly rejected" (not "ally" or "family", nouns that can head a speaker)."""
    w = tok.strip(",")
    return len(w) > 4 and w.islower() and w.endswith("ly") and w not in _LY_NOUNS


def trim_speaker(text: str) -> str:
    """A speaker phrase without leading fillers, trailing auxiliaries, adverbs and time
    adjuncts ("on Wednesday", "last week"), or punctuation."""
    toks = text.strip(" ,;:—–-\t").split()
    while toks and (
        toks[0].lower().strip(",") in _LEADING_FILLERS or toks[0].lower().strip(",") in _TIME_LEAD
    ):
        toks = toks[1:]
    while True:
        while toks and (toks[-1].lower().strip(",") in _TRAILING or _manner_adverb(toks[-1])):
            toks = toks[:-1]
        joined = " ".join(toks)
        cut = _TRAILING_TIME.sub("", _TRAILING_CATENATIVE.sub("", joined))
        if cut == joined or not cut.strip():
            break
        toks = cut.split()
    out = " ".join(toks).strip(" ,;:—–-")
    if m := _QUOTED_PERSON_AS.search(out):  # "Interfax quoted Peskov as saying": Peskov speaks
        return m.group(1)
    return out


def speaker_before(text: str, verb_start: int, floor: int = 0) -> tuple[int, int]:
    """Span of the speaker phrase that ends right before a reporting verb at ``verb_start``.

    The phrase starts after the last hard break (``;:!?``, quotation marks, brackets,
    dashes, a full stop) after ``floor`` and after the last comma, except that a name
    after a description ("the EU's High Representative ..., Josep Borrell, said") or a
    description after a name ("Peskov, the Kremlin spokesman, said") keeps both; it is
    cut after the last subordinating word ("... was made when Ukraine said") and trimmed
    (:func:`trim_speaker`). An empty span ``(verb_start, verb_start)`` when nothing is left.
    """
    aside = _DASH_ASIDE.search(text, floor, verb_start)
    if aside is not None:  # "the G7 — Canada, France, ... and the US — said": the G7
        verb_start = aside.start()
    seg = _PAREN_GROUP.sub(lambda m: " " * len(m.group(0)), text[floor:verb_start])
    hard = _hard_breaks(seg)
    base = floor + (hard[-1].end() if hard else 0)
    seg = text[base:verb_start]
    parts = [(m.start(), m.end()) for m in _COMMA_PART.finditer(seg) if m.group(0).strip()]
    if len(parts) >= 2 and _TIME_PART.fullmatch(seg[parts[-1][0] : parts[-1][1]].strip()):
        seg = seg[
            : parts[-1][0]
        ]  # "Russia, which launched ..., on Tuesday announced": as if "..., announced"
        parts = parts[:-1]
    while len(parts) >= 2 and (
        not trim_speaker(seg[parts[-1][0] : parts[-1][1]])
        or (
            seg[parts[-1][1] :].strip() == ","
            and _PARENTHETICAL.match(seg[parts[-1][0] : parts[-1][1]].strip())
        )
    ):
        parts = parts[:-1]  # "Rui Costa, in a statement on the club's website, said"; "X, has said"
    if not parts:
        return (verb_start, verb_start)
    start = parts[-1][0]
    if _NAME_LIST_END.fullmatch(seg[parts[-1][0] : parts[-1][1]].strip()):
        # "Ingrida Simonyte of Lithuania, Krisjanis Karins of Latvia and Kaja Kallas of Estonia said"
        n = len(parts) - 1
        while n > 0 and _NAME_LIST_ITEM.fullmatch(seg[parts[n - 1][0] : parts[n - 1][1]].strip()):
            n -= 1
        start = parts[n][0]
    if len(parts) >= 2:
        last = seg[parts[-1][0] : parts[-1][1]].strip()
        prev = seg[parts[-2][0] : parts[-2][1]].strip()
        last_first = last.split()[0] if last.split() else ""
        if is_proper_name(last) and _description(prev):
            start = parts[-2][0]  # "the EU's High Representative ..., Josep Borrell, said"
        elif (
            (last_first in ("a", "an", "the") or last_first.islower() or _owned_role(last))
            and is_proper_name(prev)
            and (
                seg[parts[-1][1] :]
                .lstrip()
                .startswith(",")  # set off on both sides, not "... GMT, the bank said"
                or _unclosed_apposition(seg, parts, last, prev)
            )
        ):
            # "Peskov, the Kremlin spokesman, said"; "X, Al Jazeera's correspondent, has said"
            start = parts[-2][0]
    end = base + parts[-1][1]
    span = seg[start : parts[-1][1]]
    if m := _QUOTED_PERSON_AS.search(span.rstrip()):  # before "as" is cut as a subordinator
        return (base + start + m.start(1), base + start + m.end(1))
    cut = 0
    prev_word = ""
    for m in WORD.finditer(span):
        w = m.group(0)
        if w.lower() in _SUBORDINATORS and (w.islower() or m.start() == 0):
            if not (w.lower() == "since" and prev_word in _PERFECT):  # "has since acknowledged"
                cut = m.end()
        prev_word = w.lower()
    span_start = base + start + cut
    end = span_start + _adjunct_cut(text[span_start:end])
    trimmed = trim_speaker(text[span_start:end])
    if not trimmed:
        return (verb_start, verb_start)
    s = text.index(trimmed, span_start)
    return (s, s + len(trimmed))


_ADJUNCT = re.compile(r"\s(?:in|at|during|after|with|from|while)\s")


def _adjunct_cut(phrase: str) -> int:
    """Where an adjunct after a full name ends the speaker phrase: "Ukrainian Foreign
    Minister Dmytro Kuleba in a meeting with Sergey Lavrov said" is Kuleba's. Only after
    two or more capitalised words that end in a name, not a title ("US Ambassador in Kyiv
    Bridget Brink" keeps its name)."""
    for m in _ADJUNCT.finditer(phrase):
        head = phrase[: m.start()].split()
        caps = [w for w in head if w[:1].isupper()]
        last = head[-1].lower().strip(",") if head else ""
        if (
            len(caps) >= 2
            and head[-1][:1].isupper()
            and last not in SPEAKER_NOUNS
            and last not in _TITLE_ENDS
        ):
            return m.start()
    return len(phrase)


_TITLE_ENDS = frozenset(
    """president minister ambassador envoy secretary spokesman spokeswoman spokesperson governor mayor
    chancellor premier commander general chief head director leader chairman chairwoman adviser
    advisor aide representative delegate negotiator prosecutor judge justice senator""".split()
)


def speaker_after(text: str, start: int, limit: int) -> tuple[int, int]:
    """Span of the speaker phrase that follows a reporting verb ("said Sergey Lavrov").

    The phrase runs from ``start`` to the next punctuation or a preposition, time word or
    relative pronoun, within ``limit``; an apposition after a name is kept ("David
    Arakhamia, a member of the delegation, ..."). Empty ``(start, start)`` when none.
    """
    m = _AFTER_VERB.match(text[start:limit])
    if not m:
        return (start, start)
    s, e = start + m.start(1), start + m.end(1)
    app = _APPOSITION.match(text[e:limit])
    if app and is_proper_name(text[s:e].strip()):
        e = e + app.end(1)
    trimmed = trim_speaker(text[s:e])
    if not trimmed:
        return (start, start)
    s2 = text.index(trimmed, s)
    return (s2, s2 + len(trimmed))


def valid_speaker(speaker: str, lex: StanceLexicons) -> bool:
    """Whether a phrase can be a speaker.

    Not when it starts with a pronoun such as *it*, *this*, *which*, ends in a
    determiner, a dangling preposition or a subordinator ("after"), or runs past 25 words. Yes when it is a lone
    personal pronoun, names an actor, holds a capitalised word (a name or title), or
    holds a speaker noun (*official*, *spokesman*, *analyst*, ...).
    """
    toks = speaker.split()
    if not toks or len(toks) > 25:
        return False
    first = toks[0].lower()
    last = toks[-1].lower().strip(",")
    if speaker == "It":
        return True  # a sentence-initial "It said ..." of an organisation or a court
    if first in _NOT_SPEAKERS:
        return False
    if last in DETERMINERS or last in DANGLING or last in _SUBORDINATE_END:
        return False  # "... hurling scorn at the West after [accusing]": no subject
    if (first in PRONOUNS or first in FIRST_PERSON or first in _OBJECT_PRONOUNS) and len(toks) == 1:
        return True
    if lex.actor_matcher.find(speaker):
        return True
    if any(t[:1].isupper() for t in toks[1:]) or (toks[0][:1].isupper() and first not in DETERMINERS):
        return True
    return any(t.lower().strip(",").removesuffix("'s").removesuffix("’s") in SPEAKER_NOUNS for t in toks)


_OTHERS = frozenset(
    """allies ally partners partner neighbours neighbors neighbour neighbor enemies enemy adversaries
    adversary critics critic opponents opponent supporters backers friends rivals rival""".split()
)
"""Heads after an actor's possessive that name others, not the actor ("Ukraine's allies")."""


def resolve_actor(speaker: str, lex: StanceLexicons) -> tuple[str, str]:
    """Actor id and matched term of a speaker phrase: people first, then names, then adjectives.

    ``("", "")`` when the phrase names no actor, or names it only as the owner of others
    ("Ukraine's allies", "Russia's critics").
    """
    if (m := re.search(r"['’]s?\s+([\w-]+)\s*$", speaker)) and m.group(1).lower() in _OTHERS:
        return "", ""
    hits = lex.actor_matcher.find(speaker)
    for form in ("person", "name", "adjective"):
        for h in hits:
            if h.info == form:
                return h.key, h.match
    return "", ""
