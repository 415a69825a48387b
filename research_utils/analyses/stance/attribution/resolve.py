"""Who speaks: the named person or organisation behind every attribution, and its actor.

:func:`resolve_speakers` gives each attribution of a document a ``speaker_name``, an
``actor`` and an ``actor_kind``:

* A speaker phrase that names someone (:func:`~research_utils.analyses.stance.attribution.names.describe`)
  gives the fullest form of that name found in the text ("Lagarde" -> "Christine Lagarde").
* A pronoun (*he*, *she*, *him*, *her*, *they*) or a definite role noun (*the minister*,
  *the top diplomat*, *the spokeswoman*, *the statement*, *the ministry*) points to the
  nearest compatible person or organisation before it: sentence by sentence backwards,
  within a sentence the speakers of attributions first (the nearest first), then names
  outside reported content (the first first), then names inside reported content. A
  person is compatible when nothing known contradicts it: the gender of a pronoun or a
  gendered noun against the person's title (*Ms*, *spokeswoman*) or an earlier pronoun;
  the role noun against the person's known titles (*the president* is not someone
  introduced as prime minister; *the top diplomat* is a foreign minister, an ambassador
  or an envoy); a demonym against the person's side (*the Russian leader* is not a
  Ukrainian). A role noun with no compatible name before it takes one from the next two
  sentences ("the British prime minister declared ... Boris Johnson ..."). A definite
  role noun that points back to an unnamed source with the same noun ("A source said ...
  the source said") stays unnamed. These are the salience and agreement constraints of
  rule-based pronoun resolution (Hobbs 1978; Lappin & Leass 1994; the sieves of Lee et
  al. 2013), on word order only.
* A speech act without a subject of its own (", adding ...", "... and urged ...", a
  quote that continues the previous one) takes the speaker of the attribution it
  continues, or the first name of its sentence.
* The actor is the lexicon's when the speaker phrase or the person names one (a person
  of the lexicon, or the state an official's title names: "Russian Ambassador to
  Washington Anatoly Antonov" speaks for Russia); a named speaker whose side the lexicon
  does not know is an actor of its own (``actor`` = the name, ``actor_kind`` person or
  organisation). An expert's or a resident's title names no side. ``(unresolved)`` is
  left only where no name and no actor can be found (unnamed sources).

Known weaknesses: no syntax and no world knowledge beyond the actor lexicon: a pronoun
whose antecedent is a non-speaking person named after the last speaker, a role noun for
someone never introduced with that title, and spelling variants of one surname
("Zelensky"/"Zelenskyy") are resolved by position and form alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from research_utils.analyses.stance.attribution.entities import Cand, Entity, entity_key
from research_utils.analyses.stance.attribution.name_words import DEMONYMS
from research_utils.analyses.stance.attribution.names import (
    Described,
    describe,
    list_members,
    mentions_in,
    title_side,
    title_state,
)
from research_utils.analyses.stance.attribution.roles import (
    ANY_SPEAKER,
    ORG_ROLES,
    ROLE_TITLES,
    SPECIFIC_TITLES,
)
from research_utils.analyses.stance.attribution.speakers import NOT_SURNAMES, resolve_actor
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons
from research_utils.ingest import Document

__all__ = ["resolve_speakers"]

_PRONOUN_BACK = 8
"""Sentences searched back for a pronoun's antecedent."""
_ROLE_BACK = 20
"""Sentences searched back for a role noun's antecedent."""
_ROLE_AHEAD = 2
"""Sentences searched ahead for a role noun named only after it."""


def _compatible(c: Cand, d: Described, lex: StanceLexicons) -> bool:
    """Whether candidate ``c`` can be what pronoun or role noun ``d`` points to."""
    e = c.entity
    if d.form == "pronoun":
        if d.gender == "n":  # "it": an organisation, a court, a document
            return (e is not None and e.kind == "organisation") or (e is None and c.head in ORG_ROLES)
        if d.plural:
            return (e is not None and e.kind in ("organisation", "group")) or (e is None and c.plural)
        if e is None:
            return not c.plural and c.head not in ORG_ROLES
        return e.kind == "person" and (not d.gender or not e.gender or d.gender == e.gender)
    head = d.head
    if head in ANY_SPEAKER:
        return c.speaker and e is not None
    if e is None:
        return c.head == head  # "the source" after "a source": the same unnamed source
    if head in ORG_ROLES:
        return e.kind == "organisation" and any(w in ORG_ROLES[head] for w in e.name.lower().split())
    if e.kind == "group":
        return d.plural  # "the three Baltic leaders" after three leaders named in one list
    if e.kind != "person" or d.plural:
        return False  # "the negotiators" is a group, never one person named before
    if d.gender and e.gender and d.gender != e.gender:
        return False
    titles = set(e.titles)
    wanted = ROLE_TITLES.get(head)
    if wanted is not None and titles & SPECIFIC_TITLES and not titles & wanted:
        return False  # introduced with another title
    if head == "minister" and "prime" in d.modifiers and titles and "prime" not in titles:
        return False
    for mod in d.modifiers:
        if mod in _REGIONAL:
            continue  # "the European diplomat" after a Ukrainian ambassador: a region, no side
        if mod in DEMONYMS or mod in lex.actor_words[2]:
            side = _demonym_side(mod, lex)
            if side and e.actor and e.actor in lex.actor_labels and e.actor != side:
                return False
            if not side and e.actor in lex.actor_labels:
                return False  # "the British prime minister" is no actor of the lexicon
            other = [t for t in titles if (t in DEMONYMS or t in lex.actor_words[2]) and t != mod]
            if other and mod not in titles:
                return False
    return True


_REGIONAL = frozenset("european western eastern asian african arab nordic baltic balkan".split())
"""Adjectives of a region that a role noun may carry for a person of any state in it."""


def _demonym_side(word: str, lex: StanceLexicons) -> str:
    hits = lex.actor_matcher.find(word[:1].upper() + word[1:])
    return hits[0].key if hits else ""


def _search(
    cands: dict[int, list[Cand]],
    sid: int,
    pos: tuple[int, int],
    d: Described,
    lex: StanceLexicons,
    back: int,
    ahead: int = 0,
) -> Cand | None:
    """The nearest compatible candidate before ``pos`` (speakers first in each sentence), else after it."""
    lo = max(0, sid - back)
    # "they" is never a state named inside a quotation: "“... expansionist Russia,” they said"
    for scoped_pass in (False,) if d.form == "pronoun" and d.plural else (False, True):
        for s in range(sid, lo - 1, -1):
            here = [c for c in cands.get(s, ()) if c.pos < pos]
            if scoped_pass:
                order = sorted(
                    (c for c in here if not c.speaker and c.scoped), key=lambda c: c.pos, reverse=True
                )
            else:
                speakers = sorted((c for c in here if c.speaker), key=lambda c: c.pos, reverse=True)
                others = sorted((c for c in here if not c.speaker and not c.scoped), key=lambda c: c.pos)
                order = speakers + others
            for c in order:
                if _compatible(c, d, lex):
                    return c
    for s in range(sid, sid + ahead + 1):
        for c in sorted(cands.get(s, ()), key=lambda c: c.pos):
            if c.pos > pos and c.entity is not None and _compatible(c, d, lex):
                return c
    return None


def _entity_actor(e: Entity, lex: StanceLexicons) -> str:
    """The side an entity speaks for. A person: the state their title names first ("Estonia's
    Prime Minister Kaja Kallas" speaks for Estonia, even when the lexicon lists her under
    the EU), as the pack's actor when it has one, else as the state's name (an actor of its
    own); then the side the lexicon lists the person under. An organisation: the actor its
    name names. "" when nothing is known."""
    hits = lex.actor_matcher.find(e.name)
    if e.kind == "group":  # a side only when every member is listed under the same one
        sides = [next((h.key for h in lex.actor_matcher.find(m)), "") for m in list_members(e.name)]
        return sides[0] if sides[0] and len(set(sides)) == 1 else ""
    if e.kind == "person":
        side = title_side(tuple(e.titles), lex)
        if side:
            return side
        listed = next((h.key for h in hits if h.info == "person"), "")
        if e.national_office(lex.actor_kinds.get(listed, "")):
            listed = ""  # "Prime Minister Kaja Kallas" (2022): a bloc has no prime minister
        state = title_state(tuple(e.titles))
        return state if state and not listed_state(listed, state, lex) else listed
    for form in ("person", "name"):
        for h in hits:
            if h.info == form and (form == "person" or e.kind == "organisation"):
                return h.key
    adj = [h.key for h in hits if h.info == "adjective"]
    return adj[0] if adj else ""


def listed_state(actor: str, state: str, lex: StanceLexicons) -> bool:
    """Whether the pack's ``actor`` is the state named ``state`` (its label)."""
    return bool(actor) and lex.actor_labels.get(actor, "").lower() == state.lower()


def resolve_speakers(records: list[dict[str, Any]], doc: Document, lex: StanceLexicons) -> None:
    """Fill ``speaker_name``, ``actor``, ``actor_match``, ``actor_kind``, ``anonymous`` and
    ``note`` of every attribution of ``doc`` in place (see the module docstring).

    Private keys read: ``_speaker``, ``_verb``, ``_scope`` (paragraph offsets),
    ``_subjectless`` (a participle or second verb without a subject) and ``_source`` (the
    attribution a continuing quote continues).
    """
    p = doc.parsed
    pids, starts = list(p.paragraph_id), list(p.start)
    entities: dict[str, Entity] = {}
    cands: dict[int, list[Cand]] = defaultdict(list)

    def entity(name: str, kind: str, titles: tuple[str, ...], gender: str) -> Entity:
        key = entity_key(name, kind)
        e = entities.get(key)
        if e is None:
            e = entities[key] = Entity(key, name, kind)
        e.add(name, titles, gender)
        return e

    speaker_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    scopes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    descs = [
        describe(r["speaker"], lex) if r["speaker"] and not r.get("_subjectless") else Described("")
        for r in records
    ]
    for r, d in zip(records, descs, strict=True):
        # a speaker phrase that names someone is that speaker; one that does not ("three
        # judges of the Court of Appeal") may still name an organisation to point back to
        if r.get("_speaker") and d.form == "name":
            speaker_spans[r["_speaker"][0]].append(r["_speaker"][1:])
        scopes[r["_scope"][0]].append(r["_scope"][1:])

    def scoped(pid: int, at: int) -> bool:
        return any(a <= at < b for a, b in scopes.get(pid, ()))

    for d in descs:
        if d.form == "name":
            entity(d.name, d.kind, d.title, d.gender)
    weak = []
    for sid, sentence in enumerate(p.sentence):
        pid = pids[sid]
        for m in mentions_in(sentence, starts[sid], lex):
            if any(a <= m.start and m.end <= b for a, b in speaker_spans.get(pid, ())):
                continue
            if m.weak:
                weak.append((sid, m))
                continue
            e = entity(m.name, m.kind, m.title, m.gender)
            cands[sid].append(Cand((pid, m.start), sid, e, False, scoped(pid, m.start)))
    for sid, m in weak:
        e = entities.get(entity_key(m.name, m.kind))
        if e is not None:
            cands[sid].append(Cand((pids[sid], m.start), sid, e, False, scoped(pids[sid], m.start)))
    _merge_given_names(entities, cands)
    for e in entities.values():
        e.actor = _entity_actor(e, lex)

    order = sorted(range(len(records)), key=lambda i: _anchor(records[i]))
    resolved: dict[int, Cand | None] = {}
    for i in order:
        d, pos, sid = descs[i], _anchor(records[i]), records[i]["sentence_id"]
        c: Cand | None = None
        if d.form == "name":
            c = Cand(pos, sid, entities[entity_key(d.name, d.kind)], True)
        elif d.form == "pronoun":
            c = _search(cands, sid, pos, d, lex, _PRONOUN_BACK)
            if c is not None and c.entity is not None and d.gender and not c.entity.gender:
                c.entity.gender = d.gender
        elif d.form == "role":
            c = _search(cands, sid, pos, d, lex, _ROLE_BACK, _ROLE_AHEAD)
        elif d.form == "anonymous":
            c = Cand(pos, sid, None, True, head=d.head, plural=d.plural)
        if d.form == "role" and c is None:  # an unnamed group or source: "the Ukrainian negotiators"
            c = Cand(pos, sid, None, True, head=d.head, plural=d.plural)
        if d.form:
            if c is not None and c.entity is None and not c.actor:
                c.actor = resolve_actor(records[i]["speaker"], lex)[0]
            resolved[i] = c
            if c is not None:
                cands[sid].append(
                    Cand(pos, sid, c.entity, True, head=c.head or d.head, plural=c.plural, actor=c.actor)
                )
    for i in order:
        if descs[i].form:
            _finish(records[i], descs[i], resolved[i], lex)
    index = {id(r): i for i, r in enumerate(records)}
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_sentence[r["sentence_id"]].append(i)
    for i in order:
        if not descs[i].form and not records[i].get("_unnamed"):  # an unnamed asker stays unnamed
            sid = records[i]["sentence_id"]
            subject = _surname_subject(p.sentence[sid], sid, (pids[sid], starts[sid]), lex)
            src, c = _inherited(records, i, resolved, cands, index, by_sentence, subject)
            if src is None and c is None:
                c = _sentence_subject(records[i], p, pids, starts, cands, lex, subject)
            resolved[i] = c
            _finish_inherited(records[i], src, c, lex)


def _first_word(sentence: str) -> str:
    words = sentence.lstrip(" -•*–—").split()
    return words[0] if words else ""


def _opens_with_pronoun(sentence: str) -> bool:
    return _first_word(sentence).lower() in ("he", "she", "they", "it")


def _role_subject(sentence: str) -> str:
    """A definite role noun that opens the sentence as its subject ("The prime minister",
    "The Russian president"), or ""."""
    toks = sentence.lstrip(" -•*–—").split()[:5]
    if not toks or toks[0] != "The":
        return ""
    for n in range(2, len(toks) + 1):
        if toks[n - 1].lower() in ROLE_TITLES:
            return " ".join(toks[:n])
        if not toks[n - 1].isalpha():
            break
    return ""


def _sentence_subject(
    r: dict[str, Any],
    p: Any,
    pids: list[int],
    starts: list[int],
    cands: dict[int, list[Cand]],
    lex: StanceLexicons,
    surname: Cand | None,
) -> Cand | None:
    """The speaker of a participle whose sentence opens with a pronoun or a role noun and has
    no other attribution ("He described the meeting as difficult, accusing his counterpart
    of ..."): the pronoun or role resolved as if it were the speaker; otherwise ``surname``, the
    sentence's surname subject (:func:`_surname_subject`, found once by the caller)."""
    sid = r["sentence_id"]
    role = _role_subject(p.sentence[sid])
    if role:  # "The prime minister also ... focused on Mariupol, stating that ..."
        return _search(
            cands, sid, (pids[sid], starts[sid]), describe(role, lex), lex, _ROLE_BACK, _ROLE_AHEAD
        )
    if not _opens_with_pronoun(p.sentence[sid]):
        return surname
    d = describe(_first_word(p.sentence[sid]), lex)
    return _search(cands, sid, (pids[sid], starts[sid]), d, lex, _PRONOUN_BACK)


_SURNAME_SUBJECT = re.compile(r"(?:[^,;:“”\"]{1,60},\s+)?([A-Z][a-z’'-]{2,})\s+(?=[a-z])")
"""A lone capitalised word in subject position, after at most a short opening phrase ("On
Thursday, Mugabe expressed readiness ... and promised to ...")."""


def _surname_subject(sentence: str, sid: int, pos: tuple[int, int], lex: StanceLexicons) -> Cand | None:
    """The speaker of a participle or second verb whose sentence's subject is a surname given
    nowhere in full: the surname, unless the word is a common noun of news copy (a title, a
    speaker noun, a function word, a demonym or a name of the lexicon)."""
    m = _SURNAME_SUBJECT.match(sentence.lstrip(" -•*–—"))
    if m is None:
        return None
    word = m.group(1)
    d = describe(word, lex)
    if d.form != "name" or d.kind != "person" or word.lower() in NOT_SURNAMES:
        return None
    e = Entity(entity_key(d.name, "person"), d.name, "person")
    e.actor = _entity_actor(e, lex)
    return Cand(pos, sid, e, False)


def _merge_given_names(entities: dict[str, Entity], cands: dict[int, list[Cand]]) -> None:
    """A one-word name that is the first word of exactly one longer name of a person is that
    person: "Zhao" after "Zhao Lijian", "Wang" after "Wang Wenbin" (family name first)."""
    full = [e for e in entities.values() if e.kind == "person" and len(e.name.split()) >= 2]
    for key, e in list(entities.items()):
        if e.kind != "person" or len(e.name.split()) != 1:
            continue
        word = e.name.lower()
        owners = [f for f in full if f.name.split()[0].lower() == word and f is not e]
        if len(owners) != 1:
            continue
        target = owners[0]
        target.add(target.name, tuple(e.titles), e.gender)
        entities[key] = target
        for cs in cands.values():
            for c in cs:
                if c.entity is e:
                    c.entity = target


def _anchor(r: dict[str, Any]) -> tuple[int, int]:
    """Where an attribution's speaker stands (its verb, or its content when it has neither)."""
    if r.get("_speaker"):
        return (r["_speaker"][0], r["_speaker"][1])
    if r.get("_verb"):
        return (r["_verb"][0], r["_verb"][1])
    return (r["_scope"][0], r["_scope"][1])


def _inherited(
    records: list[dict[str, Any]],
    i: int,
    resolved: dict[int, Cand | None],
    cands: dict[int, list[Cand]],
    index: dict[int, int],
    by_sentence: dict[int, list[int]],
    subject: Cand | None = None,
) -> tuple[dict[str, Any] | None, Cand | None]:
    """The attribution a speech act without a subject continues, and its speaker: the quote
    it continues, else the previous attribution of its sentence, else the name that is the
    sentence's subject (``subject``: "..., Turkey continues its efforts to end the Ukraine
    conflict, urging ..."), else the first name of its sentence (no attribution)."""
    r = records[i]
    src = r.get("_source")
    if src is not None:
        j = index.get(id(src))
        return (src, resolved.get(j)) if j is not None else (src, None)
    pos = _anchor(r)
    prev = [
        j
        for j in by_sentence.get(r["sentence_id"], ())
        if j != i and _anchor(records[j]) < pos and j in resolved
    ]
    if prev:
        j = max(prev, key=lambda j: _anchor(records[j]))
        return records[j], resolved[j]
    here = sorted(
        (c for c in cands.get(r["sentence_id"], ()) if c.pos < pos and c.entity), key=lambda c: c.pos
    )
    # With a pronoun subject the names after it are objects ("He hailed ties with Russia, saying").
    if subject is not None and subject.pos < pos:
        return None, subject
    if here and not _opens_with_pronoun(r.get("sentence", "")):
        return None, here[0]
    later = [
        j
        for j in by_sentence.get(r["sentence_id"], ())
        if j != i and _anchor(records[j]) > pos and resolved.get(j) is not None
    ]
    if later:  # "In confirming it plans ..., the union says ...": the frame after the participle
        j = min(later, key=lambda j: _anchor(records[j]))
        return records[j], resolved[j]
    return None, None


def _finish(r: dict[str, Any], d: Described, c: Cand | None, lex: StanceLexicons) -> None:
    """Write the resolved name and actor into attribution ``r`` (it has a speaker phrase)."""
    e = c.entity if c is not None else None
    hits = lex.actor_matcher.find(r["speaker"])
    lex_actor, lex_match = resolve_actor(r["speaker"], lex)
    person = next((h for h in hits if h.info == "person"), None)
    if e is not None and e.kind == "group":  # a list of several: one side only if all share it
        actor, match = (e.actor, e.actor) if e.actor else (e.name, e.name)
    elif e is not None and e.kind == "person" and e.actor:  # a title's state comes before a listed side
        actor, match = e.actor, (person.match if person is not None and person.key == e.actor else e.name)
    elif person is not None and not (
        e is not None and e.national_office(lex.actor_kinds.get(person.key, ""))
    ):
        actor, match = person.key, person.match
    elif e is not None and e.actor:
        actor, match = e.actor, (lex_match if lex_actor == e.actor else e.name)
    elif e is not None and (e.kind == "person" or not lex_actor):
        actor, match = (lex_actor, lex_match) if d.form == "role" and lex_actor else (e.name, e.name)
    elif lex_actor:
        actor, match = lex_actor, lex_match
    elif c is not None and c.actor:  # "they" after "the Ukrainian negotiators": their side
        actor, match = c.actor, ""
    else:
        actor, match = UNRESOLVED, ""
    _write(r, e, actor, match, lex)
    if d.form in ("pronoun", "role") and e is not None and not r["note"]:
        r["note"] = f"{d.form} resolved to {e.name}"


def _finish_inherited(
    r: dict[str, Any], src: dict[str, Any] | None, c: Cand | None, lex: StanceLexicons
) -> None:
    """Write the speaker of a speech act without a subject of its own."""
    e = c.entity if c is not None else None
    if src is not None:
        actor, match = src["actor"], src.get("actor_match", "")
        if not r["note"]:
            r["note"] = f"no subject of its own: continues the attribution in sentence {src['sentence_id']}"
    elif e is not None:
        actor, match = e.actor or e.name, e.name
        if not r["note"]:
            r["note"] = f"no subject of its own: the first name of its sentence ({e.name})"
    else:
        actor, match = UNATTRIBUTED, ""
    _write(r, e, actor, match, lex)


def _write(r: dict[str, Any], e: Entity | None, actor: str, match: str, lex: StanceLexicons) -> None:
    r["speaker_name"] = e.name if e is not None else ""
    r["actor"] = actor
    r["actor_match"] = match
    if actor in lex.actor_labels:
        r["actor_kind"] = lex.actor_kinds.get(actor, "")
    elif e is not None and actor == e.name:
        r["actor_kind"] = e.kind
    else:
        r["actor_kind"] = ""
    r["anonymous"] = e is None and actor != UNATTRIBUTED
