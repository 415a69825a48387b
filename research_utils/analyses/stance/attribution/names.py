"""Names in news copy: the person or organisation a speaker phrase names, and its title.

A speaker phrase of news copy is a name with its title ("Russian Foreign Minister Sergey
Lavrov", "Bank of England Governor Andrew Bailey", "medical director Dr Anil Mehta"), an
organisation ("the Russian Defence Ministry", "International Committee of the Red
Cross"), a pronoun, a definite role noun that points back to someone named before ("the
minister", "the top diplomat", "the statement"), or an unnamed source ("a diplomat
familiar with the talks", "their union"). :func:`describe` tells these apart by word
order and capitalisation alone: the name is the last run of capitalised words not
governed by a preposition ("a spokeswoman *for* Whitfield" names no speaker), read from
the right until a title word, an organisation noun, a demonym or an actor name stops it
(the stop words are the closed lists below: titles and offices of news copy, heads of
organisation names, demonyms). :func:`mentions_in` finds the same names anywhere in a
sentence, for :mod:`~research_utils.analyses.stance.attribution.resolve` to point pronouns and role
nouns at (the "proper name, title, role noun" chains of newswire coreference; Pouliquen,
Steinberger & Best 2007 on name variants; Lee et al. 2013 on sieve-style coreference).

Known weaknesses: capitalisation is the only cue, so a sentence-initial common noun
followed by a name ("Porter Tom Byrne") needs the noun in the title list; a name of more
than three words keeps only its last three (particles such as *von der* aside); a
demonym outside the list and lexicon below is read as part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from research_utils.analyses.stance.attribution.name_words import (
    AGENCIES,
    DEMONYMS,
    DOCUMENT_HEADS,
    EXPERTS,
    ORG_HEADS,
    PLACE_HEADS,
    PUBLICATION_HEADS,
    TITLES,
)
from research_utils.analyses.stance.attribution.speakers import DOTTED_ACRONYM, NOT_SURNAMES
from research_utils.analyses.stance.lexicons import StanceLexicons
from research_utils.analyses.stance.text import DATELINE_AGENCY, DATELINE_DATE, WEEKDAYS
from research_utils.ingest import word_spans

__all__ = ["Described", "NameMention", "describe", "list_members", "mentions_in", "title_side", "title_state"]


_OWNED_DOCUMENT = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+([a-z]+)")
_STATEMENT_HEADS = frozenset(
    """readout statement statements report ruling judgment judgement decision filing letter memo
    communique communiqué transcript remarks comments account data figures release announcement
    position positions stance view views proposal proposals""".split()
)
"""Documents, statements and stances whose speaker is the name that owns them ("the Kremlin's
readout", "according to Ukraine's position")."""

GENDER = {
    **dict.fromkeys(
        "mr sir lord king prince father spokesman chairman congressman brother son man".split(), "m"
    ),
    **dict.fromkeys(
        "ms mrs miss dame lady madam queen princess sister spokeswoman chairwoman congresswoman "
        "daughter woman mother wife".split(),
        "f",
    ),
}
"""Words that give a person's gender (titles and gendered nouns)."""

_CONNECTORS = frozenset("of the for to de on".split())
_PARTICLES = frozenset("von der de van den la le bin ibn al el da di du dos del".split())
_CALENDAR = frozenset(day.lower() for day in WEEKDAYS) | frozenset(
    """january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec""".split()
)
_NUMBERS = frozenset("one two three four five six seven eight nine ten dozens several some many".split())
_FUNCTION = frozenset(
    """the a an this that these those its his her their our my your in on at by for with from to of
    and or but as if when while after before since though although because so then however also
    meanwhile yet still nor not no i we you he she it they him them us me there here who what which
    where why how according earlier later speaking asked quote source details should would could
    will can may might must shall did does do is are was were has have had whether""".split()
)
_ACRONYM = re.compile(r"[A-Z]{2,6}|[A-Z]{1,2}[0-9]{1,2}")
"""An organisation written as its initials ("HSE", "INMO", "MDC", "PTI") or as a club of
states ("G7", "G20", "E3")."""
_INDEFINITE = frozenset("a an one some several two three another".split())
_MEDIA_NOUNS = frozenset(
    """newspaper daily paper tabloid weekly magazine agency broadcaster channel outlet website site portal
    publication journal network station radio television group company firm organisation organization
    party bank club""".split()
)
"""Common nouns before an organisation's name ("the newspaper Izvestia", "the firm Acme")."""
"""Determiners of an unnamed source: a name inside such a phrase is a modifier."""
_PREPOSITIONS = frozenset("for of in at with from to by on near about against under over into than".split())
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "them": "p",
    "it": "n",
    "its": "n",
    "their": "p",
}
"""Pronouns and what they refer to: m / f a person of that gender, p a plural (people or
an organisation), n an organisation, a court or a document ("It reiterated that ...")."""
_ABBREVIATED = frozenset("dr mr ms mrs st gen lt col sen rep gov prof rev sgt capt maj adm".split())
_BREAK = re.compile(r"[,;:()\[\]“”\"—–!?]|\.(?!\S)")
_CALL_SIGN = re.compile(
    r"\b(?:call ?sign|callsign|nom de guerre|nicknamed|named|identified (?:only )?as|"
    r"first name,?|gave (?:only )?(?:his|her) (?:first )?name as)\s+([A-Z][\w’'-]+)"
)
_PARENS = re.compile(r"\s*\([^()]*\)")
_APPOSITION = re.compile(r",\s*([a-z][^,;:.!?“”]{0,60}?)(?=,)")


@dataclass
class NameMention:
    """A person or organisation named in a sentence (offsets in the paragraph).

    ``weak`` marks a lone capitalised word that is a name only if a longer name in the
    text ends with it ("Lagarde" after "Christine Lagarde").
    """

    name: str
    kind: str
    start: int
    end: int
    title: tuple[str, ...] = ()
    gender: str = ""
    weak: bool = False


@dataclass
class Described:
    """What a speaker phrase is: ``form`` ``name`` (a person or organisation is named),
    ``pronoun``, ``role`` (a definite role noun to resolve), ``anonymous`` (an unnamed
    source), or ``""`` (no speaker)."""

    form: str
    name: str = ""
    kind: str = ""
    title: tuple[str, ...] = ()
    gender: str = ""
    head: str = ""
    plural: bool = False
    modifiers: tuple[str, ...] = field(default_factory=tuple)


def _lex_words(lex: StanceLexicons) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased actor name terms, person terms and adjectives of the lexicon."""
    return lex.actor_words


_DOTTED_ACRONYM = re.compile(DOTTED_ACRONYM)
_LONE_DOTTED = re.compile(rf"(?:[Tt]he\s+)?{DOTTED_ACRONYM}")


def _stop(word: str, names: frozenset[str], adjectives: frozenset[str]) -> bool:
    lw = word.lower().rstrip(".")
    return (
        lw in TITLES
        or lw in ORG_HEADS
        or lw in _CONNECTORS
        or lw in _FUNCTION
        or lw in _CALENDAR
        or lw in _NUMBERS
        or lw in DEMONYMS
        or lw in adjectives
        or lw in names
        or word.endswith(("'s", "’s", "s'"))
        or (
            word.isupper() and len(word) > 1 and "." not in word
        )  # acronyms (UN, SBU), datelines (KUALA LUMPUR)
        or bool(_DOTTED_ACRONYM.fullmatch(word))  # "U.S.", "U.N.": no initial of a name
    )


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words in ``text`` (particles and "of the" inside a run allowed)."""
    toks = word_spans(text)
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    prev_end = 0
    for s, e, w in toks:
        gap = text[prev_end:s]
        prev_end = e
        broken = bool(_BREAK.search(gap)) and not (
            gap.strip() == "."
            and cur
            and (cur[-1][2].lower() in _ABBREVIATED or (len(cur[-1][2]) == 1 and cur[-1][2].isupper()))
        )  # "Sen. Dick Durbin", "George W. Bush": the full stop of a title or an initial
        if broken:
            if cur:
                runs.append(cur)
            cur, pending = [], []
        cap = w[:1].isupper()
        lw = w.lower()
        if cap:
            cur += [*pending, (s, e, w)]
            pending = []
        elif cur and (lw in _CONNECTORS or lw in _PARTICLES) and len(pending) < 2:
            pending.append((s, e, w))
        elif lw in _PARTICLES and not cur:
            pending = [(s, e, w)]
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], []
    if cur:
        runs.append(cur)
    return runs


def _person(run: list[tuple[int, int, str]], names: frozenset[str], adjectives: frozenset[str]) -> int:
    """Index in ``run`` where a person's name starts (``len(run)`` when there is none)."""
    i = len(run)
    core = 0
    while i > 0:
        w = run[i - 1][2]
        if w.lower() in _PARTICLES and core:
            i -= 1
            continue
        if _stop(w, names, adjectives) or core == 3:
            break
        core += 1
        i -= 1
    if core == 3 and i > 0 and run[i - 1][2].lower() in _CONNECTORS:
        i += 1  # "Minister of Infrastructure Serhii Derkach": the first word is the title's
    while i < len(run) and run[i][2].lower() in _PARTICLES:
        i += 1
    return i


def _gender(words: list[str]) -> str:
    for w in words:
        g = GENDER.get(w.lower().rstrip("."))
        if g:
            return g
    return ""


def _parse_run(
    run: list[tuple[int, int, str]], lex: StanceLexicons, *, alone: bool
) -> tuple[str, str, int, int, tuple[str, ...], bool]:
    """``(name, kind, start, end, title, weak)`` of one capitalised run ("" kind when it names nobody)."""
    names, people, adjectives = _lex_words(lex)
    while run and run[0][2].lower() in _FUNCTION:
        run = run[1:]  # a sentence-initial "The", "In", "But"
    if not run:
        return "", "", 0, 0, (), False
    if run[-1][2].lower() in PLACE_HEADS or run[-1][2].lower() in DOCUMENT_HEADS:
        return "", "", 0, 0, (), False  # "the Black Sea", "the Glackin Report": no person
    if run[-1][2].lower() in PUBLICATION_HEADS:  # "The New York Times" (not "York Times"), "the Times"
        return " ".join(w for _, _, w in run), "organisation", run[0][0], run[-1][1], (), False
    k = _person(run, names, adjectives)
    if 2 <= k < len(run) and run[k - 1][2].lower() == "of" and run[k - 2][2].lower() in ORG_HEADS:
        k = len(run)  # "Court of Appeal", "Bank of England": an organisation, not a person "Appeal"
    title = tuple(w.lower().rstrip(".") for _, _, w in run[:k])
    if k < len(run):
        tokens = [w for _, _, w in run[k:]]
        core = [w for w in tokens if w.lower() not in _PARTICLES]
        text = " ".join(tokens)
        weak = len(core) < 2 and text.lower() not in people and not title and not alone
        return text, "person", run[k][0], run[-1][1], title, weak
    lowered = [w.lower().rstrip(".") for _, _, w in run]
    joined = " ".join(lowered)
    if len(run) == 1 and _ACRONYM.fullmatch(run[0][2]) and lowered[0] not in DEMONYMS:
        return run[0][2], "organisation", run[0][0], run[0][1], (), False  # "the HSE", "MDC", "INMO"
    org = any(w in ORG_HEADS or w in AGENCIES for w in lowered) or joined in names
    if org and not (lowered[-1] in TITLES and "of" not in lowered):
        return " ".join(w for _, _, w in run), "organisation", run[0][0], run[-1][1], (), False
    return "", "", 0, 0, (), False


def _person_before_affiliation(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run cut before "of" / "for" when a person's name stands before it: "Tom Becker of
    Lyle Securities" is Tom Becker (of an organisation), while "Minister of Defence" and
    "Bank of England" stay whole."""
    for i, (_, _, w) in enumerate(run):
        if w.lower() not in ("of", "for", "at") or i < 2:
            continue
        before = [t for _, _, t in run[:i]]
        names = [t for t in before if t.lower().rstrip(".") not in TITLES and t.lower() not in ORG_HEADS]
        if len(names) >= 2 and before[-1] in names and before[-2] in names and before[-1][:1].isupper():
            return run[:i]
        return run
    return run


def _governed(text: str, start: int) -> bool:
    """Whether the word before ``start`` (determiners skipped) is a preposition ("for Whitfield")."""
    before = [w.lower() for _, _, w in word_spans(text[:start])]
    while before and before[-1] in ("the", "a", "an", "his", "her", "their", "its"):
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def list_members(phrase: str) -> list[str]:
    """The pieces of a list ("A of Lithuania, B of Latvia and C" -> three pieces)."""
    return [p for p in _LIST_SPLIT.split(phrase) if p.strip()]


def _group(phrase: str, lex: StanceLexicons) -> Described | None:
    """Two or more people or organisations named in one list ("Prime Ministers Ingrida Simonyte
    of Lithuania, Krisjanis Karins of Latvia and Kaja Kallas of Estonia", "Moscow, Beijing and
    Tehran"): one group speaker, whom a later "they" points back to. None unless every piece
    is a name."""
    if " and " not in phrase:
        return None
    pieces = list_members(phrase)
    if len(pieces) < 2:
        return None
    people = [describe(p, lex) for p in pieces]
    if not all(d.form == "name" and d.kind in ("person", "organisation") for d in people):
        return None
    names = [d.name for d in people]
    title = people[0].title
    title = title[: title.index("of")] if "of" in title else title  # "prime ministers", not "of lithuania"
    return Described("name", ", ".join(names[:-1]) + " and " + names[-1], "group", title, plural=True)


def describe(speaker: str, lex: StanceLexicons) -> Described:
    """What a speaker phrase names.

    Examples: "Russian Foreign Minister Sergey Lavrov" -> name (person "Sergey Lavrov",
    title russian foreign minister); "the Russian Defence Ministry" -> name (organisation);
    "he" -> pronoun; "the top diplomat" -> role (head "diplomat"); "a diplomat familiar with
    the talks", "their union" -> anonymous; "a soldier ... with the call sign Kholodnyi" ->
    name (the call sign).
    """
    phrase = _PARENS.sub("", speaker).strip()
    group = _group(phrase, lex)
    if group is not None:
        return group
    if _LONE_DOTTED.fullmatch(phrase):  # "The U.S." is read as "The US", never as a role noun
        phrase = phrase.replace(".", "")
    if not phrase:
        return Described("")
    low = phrase.lower()
    if low in _PRONOUNS:
        g = _PRONOUNS[low]
        return Described("pronoun", gender="" if g == "p" else g, plural=g == "p", head=low)
    owned = _OWNED_DOCUMENT.fullmatch(phrase)
    if owned and owned.group(2).lower() in _STATEMENT_HEADS:
        d = describe(owned.group(1), lex)  # "the Kremlin's readout", "Putin's statement": its owner
        if d.form == "name":
            return Described("name", d.name, d.kind, (*d.title, owned.group(2).lower()), d.gender)
    m = _CALL_SIGN.search(phrase)
    if m:
        return Described("name", m.group(1), "person", tuple(w.lower() for w in phrase[: m.start()].split()))
    runs = _runs(phrase)
    first_word = phrase.split()[0].lower()
    if first_word in _INDEFINITE and runs and runs[-1][-1][1] < len(phrase.rstrip()):
        runs = [r for r in runs if r[-1][1] >= len(phrase.rstrip())]  # "a Biden administration official"
    runs = [_person_before_affiliation(run) for run in runs]
    for run in reversed(runs):
        alone = len(runs) == 1 and run[0][0] == len(phrase) - len(phrase.lstrip())
        if alone and len(run) == 1 and re.match(r"\s+[a-z]", phrase[run[0][1] :]):
            continue  # "Federal prosecutors", "Local health providers": a capital of sentence case
        if alone and len(run) == 1 and run[0][2].lower() in NOT_SURNAMES:
            continue  # "Analysts said", "Diplomats said": a common noun that opens the sentence
        name, kind, s, e, title, weak = _parse_run(run, lex, alone=alone)
        if _governed(phrase, run[0][0]) and not (kind == "person" and any(w in ORG_HEADS for w in title)):
            continue  # "a spokeswoman for Whitfield"; not "the speaker of the Parliament Ruslan Stefanchuk"
        if kind and not (kind == "person" and weak and not alone):
            rest = (phrase[:s] + " " + phrase[e:]).lower()
            words_ = [w.lower() for _, _, w in word_spans(rest)]
            full_title = tuple(dict.fromkeys([*title, *words_]))
            return Described("name", name, kind, full_title, _gender(list(full_title)))
    toks = [w.lower() for _, _, w in word_spans(phrase)]
    if not toks:
        return Described("")
    head_i = len(toks) - 1
    for i, w in enumerate(toks):
        if i > 0 and (w in _PREPOSITIONS or w in ("who", "which", "that", "familiar", "close", "speaking")):
            head_i = i - 1
            break
    head = toks[head_i].removesuffix("'s")
    mods = tuple(toks[1:head_i]) if toks[0] in _FUNCTION else tuple(toks[:head_i])
    plural = head.endswith("s") and not head.endswith(("ss", "'s")) and head not in ("news", "his")
    definite = toks[0] in ("the", "this", "that") or (
        toks[0].endswith("'s") and toks[0] not in ("his's",) and len(toks) > 1
    )
    indefinite = toks[0] in ("a", "an", "one", "some", "another", "other", "several", "two", "three")
    form = "role" if definite and not indefinite else "anonymous"
    written = [w for _, _, w in word_spans(phrase)]
    if (
        form == "role"
        and head_i >= 2
        and written[head_i][:1].isupper()
        and not written[head_i - 1][:1].isupper()
    ):
        # "the newspaper Izvestia", "the daily Kommersant": a name after its common noun
        kind = "organisation" if any(m in _MEDIA_NOUNS or m in ORG_HEADS for m in mods) else "person"
        return Described("name", written[head_i], kind, tuple(mods), _gender(toks))
    return Described(form, head=head, plural=plural, modifiers=mods, gender=_gender(toks), title=tuple(toks))


def _title_text(title: tuple[str, ...]) -> tuple[str, str]:
    """A title as lower-case words and with capitals restored ("estonia's prime minister" ->
    "Estonia's Prime Minister"): lexicons such as the generic pack's states match names only
    as written."""
    low = " ".join(title)
    return low, " ".join(w[:1].upper() + w[1:] for w in title)


def title_side(title: tuple[str, ...], lex: StanceLexicons) -> str:
    """The actor a title places its holder on ("russian ambassador to washington" -> russia,
    "german climate secretary" -> deu with the generic pack): the first actor the title
    names, unless the title is an expert's or a resident's."""
    if not title or any(w in EXPERTS for w in title):
        return ""
    for text in _title_text(title):
        hits = lex.actor_matcher.find(text)
        if hits:
            return hits[0].key
    return ""


def title_state(title: tuple[str, ...]) -> str:
    """The state a title names, from the world's states of the generic pack ("estonia's
    prime minister" -> "Estonia"), as its label; "" when none (or an expert's title). Used
    when the topic pack has no actor for that state: the holder speaks for it, not for a
    bloc the state belongs to or a side the person's name is listed under."""
    if not title or any(w in EXPERTS for w in title):
        return ""
    from research_utils.analyses.stance.lexicons import world_states

    states = world_states()
    hits = states.actor_matcher.find(_title_text(title)[1])
    return states.actor_labels.get(hits[0].key, "") if hits else ""


def _lower_words_before(sentence: str, s: int) -> list[str]:
    """Up to three lower-case words right before a name, with no punctuation or capitalised
    word between ("medical director Dr Anil Mehta"): never another name's words ("Mr Putin
    told Mr Trump" gives Trump no title "putin")."""
    out: list[str] = []
    end = s
    for ws, we, w in reversed(word_spans(sentence[max(0, s - 60) : s])):
        ws, we = ws + max(0, s - 60), we + max(0, s - 60)
        if len(out) == 3 or not w.islower() or sentence[we:end].strip():
            break
        out.insert(0, w)
        end = ws
    return [w for w in out if w not in _FUNCTION]


_DATELINE_END = re.compile(rf"\s*(?::|{DATELINE_DATE}\s*[—–-]|\s*{DATELINE_AGENCY}\s*[—–-])")
"""What follows the place of a dateline at the start of a paragraph: "New Delhi:", "KYIV,
March 3 —", "BRUSSELS (Reuters) -"."""


def mentions_in(sentence: str, offset: int, lex: StanceLexicons) -> list[NameMention]:
    """The people and organisations named in a sentence, in order (offsets + ``offset``).

    A person's title is the rest of its capitalised run plus up to three lower-case words
    before it ("medical director Dr Anil Mehta") and an apposition after it ("Rafael
    Grossi, head of the agency,"); the gender comes from a title word or from the first
    personal pronoun after the name in the sentence ("Olena Kovalchuk, 67, as she waited").
    """
    out: list[NameMention] = []
    for run in _runs(sentence):
        name, kind, s, e, title, weak = _parse_run(run, lex, alone=False)
        if not kind or (not sentence[: run[0][0]].strip() and _DATELINE_END.match(sentence, run[-1][1])):
            continue  # "New Delhi: India abstained ...", "KYIV, March 3 —": a dateline names no one
        if kind == "person":
            before = _lower_words_before(sentence, run[0][0])  # before the run: its capitals are the title
            app = _APPOSITION.match(sentence, e)
            extra = [w.lower() for _, _, w in word_spans(app.group(1))] if app else []
            if extra and extra[0] not in ("a", "an", "the") and extra[0] not in TITLES:
                extra = []
            title = tuple(dict.fromkeys([*before, *title, *extra]))
        gender = _gender(list(title)) if kind == "person" else ""
        out.append(NameMention(name, kind, offset + s, offset + e, title, gender, weak))
    for i, m in enumerate(out):
        if m.kind != "person" or m.gender:
            continue
        stop = out[i + 1].start - offset if i + 1 < len(out) else len(sentence)
        pron = re.search(r"\b(he|his|him|she|her)\b", sentence[m.end - offset : stop], re.IGNORECASE)
        if pron:
            m.gender = _PRONOUNS[pron.group(1).lower()]
    return out
