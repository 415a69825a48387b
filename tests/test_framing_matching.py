"""The framing matcher finds exactly what the lexicons' own patterns find sentence by sentence.

research_utils.analyses.framing.matching tries each group's compiled pattern only where a
term can start, and patterns.sentences_to_search skips sentences where a lexicon regular
expression cannot match. Both are shortcuts: these tests compare them with the plain
definition (every pattern on every sentence) on the bundled article, on random texts built
from the lexicons' own terms with the spellings that make matching hard, and on chosen
edge cases.
"""

from __future__ import annotations

import random
import re

import pytest

from research_utils import article_from_text, load_article
from research_utils.analyses import framing as fr
from research_utils.analyses.framing import patterns
from research_utils.analyses.framing.matching import CueIndex
from research_utils.lexicons import TermGroup, UserPattern, compile_terms
from research_utils.lexicons.candidates import document_runs, term_start
from research_utils.paths import DEFAULT_ARTICLE


@pytest.fixture(scope="module")
def lex() -> fr.FramingLexicons:
    return fr.load_lexicons()


def _term_groups(lex: fr.FramingLexicons) -> dict[str, list[TermGroup]]:
    """The groups of every term index of the bundle, as TermGroups (the definition)."""

    def terms(e, field):
        return tuple(str(t) for t in e.get(field, []) or [])

    checklist = []
    for e in lex.checklist.entries:
        if not e.get("needs_human_coding"):
            checklist.append(TermGroup(e["id"], terms(e, "cues"), patterns=terms(e, "patterns")))
            checklist.append(TermGroup(f"{e['id']}|with", terms(e, "with_cues")))
    return {
        "policy": [TermGroup(e["id"], terms(e, "cues")) for e in lex.policy.entries],
        "generic": [TermGroup(e["id"], terms(e, "cues")) for e in lex.generic.entries],
        "checklist": checklist,
        "persuasion": [
            TermGroup(e["id"], terms(e, "cues"), patterns=terms(e, "patterns"))
            for e in lex.persuasion.entries
            if not e.get("computed") and (e.get("cues") or e.get("patterns"))
        ],
        "entman": [
            TermGroup(e["id"], terms(e, "cues"), patterns=terms(e, "patterns")) for e in lex.entman.entries
        ],
    }


def _reference(groups: list[TermGroup], sentences: list[str]) -> list[tuple]:
    """Every group's terms and patterns on every sentence, overlaps resolved as TermMatcher does."""
    out = []
    for g, group in enumerate(groups):
        terms = [t for t in group.terms if t.strip()]
        pattern = compile_terms(terms) if terms else None
        users = [UserPattern(p) for p in group.patterns]
        for s, text in enumerate(sentences):
            spans = [(m.start(), m.end(), m.group(0), 0) for m in pattern.finditer(text)] if pattern else []
            for up in users:
                spans += [(a, b, t, 1) for a, b, t in up.finditer(text)]
            spans.sort(key=lambda x: (x[0], x[0] - x[1], x[3]))
            last = -1
            for a, b, t, kind in spans:
                if a >= last:
                    out.append((g, s, a, b, t, kind))
                    last = b
    return out


def _found(index: CueIndex, doc) -> list[tuple]:
    h = index.find(doc)
    return list(
        zip(
            h.group.tolist(),
            h.sentence.tolist(),
            h.start.tolist(),
            h.end.tolist(),
            h.text.tolist(),
            h.kind.tolist(),
            strict=True,
        )
    )


def _naming_reference(lex: fr.FramingLexicons, sentences: list[str]) -> list[tuple]:
    from research_utils.analyses.framing.matching import _compound_exclude, compound_pattern

    out = []
    for g, e in enumerate(lex.naming.entries):
        pattern, tags = compound_pattern([(t, "A") for t in e["side_a"]] + [(t, "B") for t in e["side_b"]])
        exclude = _compound_exclude(e.get("exclude", []) or [])
        for s, text in enumerate(sentences):
            blocked = [(m.start(), m.end()) for m in exclude.finditer(text)] if exclude else []
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in blocked):
                    out.append((g, s, m.start(), m.end(), m.group(0), tags[m.lastgroup]))
    return out


def _naming_found(lex: fr.FramingLexicons, doc) -> list[tuple]:
    h = lex.naming_index.find(doc)
    return list(
        zip(
            h.group.tolist(),
            h.sentence.tolist(),
            h.start.tolist(),
            h.end.tolist(),
            h.text.tolist(),
            h.tag.tolist(),
            strict=True,
        )
    )


# --------------------------------------------------------------------------- random texts

FILLER = "the a of and on said officials talks week city new however because after more than".split()
WRAP = ["{}", "“{}”", "‘{}’", "({})", "{},", "{}.", "—{}—", '"{}"', "{}:"]
SUFFIX = ["", "", "", "'s", "’s", "s", "s'", "-based", "ity", "ed", "_x", "-", "’"]
PREFIX = ["", "", "", "", "non-", "pro-", "anti", "un", "'", "#", "x"]


def _spell(term: str, rnd: random.Random) -> str:
    """One way a text may write a lexicon term (or something close that must not match)."""
    t = term.rstrip("*") + (
        rnd.choice(["", "s", "ity", "-minded", "'s", "ist’s"]) if term.endswith("*") else ""
    )
    t = rnd.choice([t, t.lower(), t.upper(), t.title(), t.capitalize()])
    t = t.replace("'", rnd.choice(["'", "’"])).replace("-", rnd.choice(["-", "‐", "‑", "-"]))
    t = t.replace(" ", rnd.choice([" ", " ", "  ", " \u00a0", ", "]))
    return rnd.choice(PREFIX) + t + rnd.choice(SUFFIX)


def _random_document(terms: list[str], seed: int, paragraphs: int = 12):
    rnd = random.Random(seed)
    paras = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rnd.randint(1, 5)):
            words = []
            for _ in range(rnd.randint(3, 18)):
                word = _spell(rnd.choice(terms), rnd) if rnd.random() < 0.45 else rnd.choice(FILLER)
                words.append(rnd.choice(WRAP).format(word) if rnd.random() < 0.2 else word)
            sentences.append(" ".join(words).capitalize() + rnd.choice([".", ".", "?", "!", "…"]))
        paras.append(" ".join(sentences))
    return article_from_text("A headline for the test\n\n" + "\n\n".join(paras))


def _all_terms(lex: fr.FramingLexicons) -> list[str]:
    terms = []
    for groups in _term_groups(lex).values():
        for g in groups:
            terms += list(g.terms)
    for e in lex.naming.entries:
        terms += [*e["side_a"], *e["side_b"], *(e.get("exclude", []) or [])]
    return sorted(set(terms))


# --------------------------------------------------------------------------- equivalence


@pytest.mark.parametrize("name", ["policy", "generic", "checklist", "persuasion", "entman"])
def test_term_indexes_find_what_the_patterns_find_in_the_bundled_article(lex, name):
    doc = load_article(DEFAULT_ARTICLE)
    groups = _term_groups(lex)[name]
    index = {
        "policy": lex.policy_index,
        "generic": lex.generic_index,
        "checklist": lex.checklist_index,
        "persuasion": lex.persuasion_index,
        "entman": lex.entman_index,
    }[name]
    assert index.keys == [g.key for g in groups]
    expected = _reference(groups, doc.parsed.sentence)
    assert expected, "the bundled article holds cues of every lexicon"
    assert _found(index, doc) == expected


@pytest.mark.parametrize("seed", range(4))
def test_term_indexes_find_what_the_patterns_find_in_random_spellings(lex, seed):
    doc = _random_document(_all_terms(lex), seed)
    sentences = doc.parsed.sentence
    for name, groups in _term_groups(lex).items():
        index = getattr(lex, f"{name}_index")
        assert _found(index, doc) == _reference(groups, sentences), name


@pytest.mark.parametrize("seed", range(4))
def test_naming_index_finds_what_the_naming_patterns_find(lex, seed):
    doc = _random_document(_all_terms(lex), 100 + seed)
    assert _naming_found(lex, doc) == _naming_reference(lex, doc.parsed.sentence)
    bundled = load_article(DEFAULT_ARTICLE)
    assert _naming_found(lex, bundled) == _naming_reference(lex, bundled.parsed.sentence)


def test_hard_spellings_by_hand():
    groups = [
        TermGroup("a", ("neutral*", "non-aligned", "cease-fire")),
        TermGroup("b", ("people's republic", "U.S.", "of course", "G7")),
        TermGroup("c", ("kiev",)),
    ]
    index = CueIndex.of_terms(groups)
    text = (
        "Headline\n\n"
        "Neutrality and neutral‐minded states, non‑aligned and aligned, a CEASE‑FIRE. "
        "The People’s  Republic of course, U.S. troops, the G7 and g7s, of the course. "
        "Kiev's mayor, pro-Kiev groups, Kievan Rus, kiev_x and “Kiev”."
    )
    doc = article_from_text(text)
    found = [(index.keys[g], t) for g, _, _, _, t, _ in _found(index, doc)]
    assert found == _found_reference(groups, doc)
    assert found == [
        ("a", "Neutrality"),
        ("a", "neutral"),  # the wildcard stops at a U+2010 hyphen, as the pattern does
        ("a", "non‑aligned"),
        ("a", "CEASE‑FIRE"),
        ("b", "People’s Republic"),  # the repaired text has one space
        ("b", "of course"),
        ("b", "U.S."),
        ("b", "G7"),
        ("c", "Kiev"),  # possessive
        ("c", "Kiev"),  # in quotation marks; not in pro-Kiev, Kievan, kiev_x
    ]


def _found_reference(groups, doc):
    return [(groups[g].key, t) for g, _, _, _, t, _ in _reference(groups, doc.parsed.sentence)]


def test_term_start():
    assert term_start("neutral*") == ("neutral", True, None)
    assert term_start("self-determin*") == ("self", False, None)
    assert term_start("people's republic") == ("people", False, "s")
    assert term_start("U.S.") == ("u", False, "s")
    assert term_start("Kiev") == ("kiev", False, None)
    assert term_start("human right*") == ("human", False, None)
    assert term_start("$ billion") == ("", False, None)


def test_a_phrase_is_tried_only_before_its_second_word():
    index = CueIndex.of_terms([TermGroup("k", ("of course",))])
    many = article_from_text("Headline\n\n" + " ".join(["the end of the war"] * 50) + " of course.")
    group, _, _ = index.starts.candidates(document_runs(many))
    assert len(group) == 1  # 51 "of", one followed by "course"
    assert [t for *_, t, _ in _found(index, many)] == ["of course"]


def test_terms_that_do_not_start_with_a_letter_are_searched_everywhere():
    groups = [TermGroup("money", ("$ billion", "dollar*"))]
    index = CueIndex.of_terms(groups)
    doc = article_from_text("Headline\n\nIt cost $ billion. Dollars too. Not $billion.")
    assert _found(index, doc) == _reference(groups, doc.parsed.sentence)
    assert [t for *_, t, _ in _found(index, doc)] == ["$ billion", "Dollars"]


# --------------------------------------------------------------------------- regular expressions


@pytest.mark.parametrize(
    ("pattern", "local"),
    [
        (r"\b(must|need to)\b[^.]{0,40}\bnow\b", True),
        (r"[$€£₽]\s?\d", True),  # $ in a class is a character
        (r"\beven\s+(?:the\s+)?(?-i:[A-Z])[^.]{0,150}?\bsaid\b", True),
        (r"(?<=the )war", True),
        (r"war(?=\s)", True),
        (r"^\W*(?:\S+\s+){0,4}\S+!\W*$", False),
        (r"(?<!not )war", False),
        (r"war(?!s)", False),
        (r"(?>a+)b", False),
        (r"a++b", False),
        (r"(?m)x", False),
        (r"\Ax", False),
        (r"a\\$", False),
    ],
)
def test_which_patterns_may_be_searched_in_joined_sentences(pattern, local):
    assert patterns.is_local(pattern) is local


SEARCHED = [
    r"\b(must|need to)\b[^.]{0,40}\bnow\b",
    r"[^.]{0,60}\bwar\b",
    r"\bwar\b.{0,200}peace",
    r"(?<=the )war",
    r"war(?=\s)",
    r"\beither\b[^.;]{1,80}\bor\b",
    r"\b\w+ing\b",
    r"\s",
    r"[$€£₽]\s?\d",
]


@pytest.mark.parametrize("pattern", SEARCHED)
def test_sentences_to_search_hold_every_sentence_with_a_match(monkeypatch, pattern):
    monkeypatch.setattr(patterns, "SEARCH_CHUNK", 7)  # many chunk ends
    rnd = random.Random(pattern)
    words = "war peace must now need to either or the going € 5 $9 said ing".split()
    paras = [
        " ".join(
            " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) + rnd.choice([".", "!", ""])
            for _ in range(4)
        )
        for _ in range(30)
    ]
    doc = article_from_text("Headline\n\n" + "\n\n".join(paras))
    sents = doc.parsed.sentence
    up = UserPattern(pattern)
    with_match = {s for s, text in enumerate(sents) if up.finditer(text)}
    searched = set(patterns.sentences_to_search(up, sents, patterns.document_chunks(doc)))
    assert with_match <= searched
    assert len(searched) < len(sents) or len(with_match) == len(sents)


def test_a_pattern_that_is_not_local_is_searched_in_every_sentence():
    doc = article_from_text("Headline\n\nStop! Go now. Wait!")
    up = UserPattern(r"^\W*(?:\S+\s+){0,4}\S+!\W*$")
    assert list(patterns.sentences_to_search(up, doc.parsed.sentence, patterns.document_chunks(doc))) == [
        0,
        1,
        2,
    ]


def test_the_joined_search_does_not_change_what_a_lexicon_finds(lex):
    text = "Headline\n\n" + " ".join(
        [
            "Even the Pope said it was wrong.",
            "They must act now, and either we talk or we fight.",
            "It cost $5 billion.",
            "War!",
            "It is necessary to talk.",
        ]
        * 40
    )
    doc = article_from_text(text)
    for name in ("checklist", "persuasion", "entman"):
        assert _found(getattr(lex, f"{name}_index"), doc) == _reference(
            _term_groups(lex)[name], doc.parsed.sentence
        )


def test_runs_follow_the_tokens():
    doc = article_from_text("Headline\n\nKiev’s U.S.-backed non-aligned 3.5 G7.")
    runs = document_runs(doc)
    assert [runs.keys[c] for c in runs.code.tolist()] == [
        "kiev",
        "s",
        "u",
        "s",
        "backed",
        "non",
        "aligned",
        "3",
        "5",
        "g7",
    ]
    text = doc.parsed.sentence[0]
    assert [text[a] for a in runs.start.tolist()] == ["K", "s", "U", "S", "b", "n", "a", "3", "5", "G"]
    assert re.findall(r"[^\W_]+", text) == [
        text[a : a + len(runs.keys[c])] for a, c in zip(runs.start.tolist(), runs.code.tolist(), strict=True)
    ]
