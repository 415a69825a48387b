"""Issue phrases are listed in every form of their verb, and "declined to" refuses (issue 17, item 3).

The matcher finds terms as written, with no stemming, so a verb phrase listed as "cede
territory" never matched "ceding territory to Russia" (a development miss). These tests
check the topic packs' issue lexicons for whole verb paradigms and try the new forms in
sentences of our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from claimsutil import claim_of

import research_utils

PACKS = Path(research_utils.__file__).parent / "lexicons" / "packs"

_IRREGULAR = {
    "seek": ("seeks", "sought", "seeking"),
    "choose": ("chooses", "chose", "choosing"),
    "uphold": ("upholds", "upheld", "upholding"),
    "retake": ("retakes", "retook", "retaking"),
    "win": ("wins", "won", "winning"),
    "fight": ("fights", "fought", "fighting"),
    "strive": ("strives", "strove", "striving"),
    "give": ("gives", "gave", "giving"),
    "put": ("puts", "put", "putting"),
    "lay": ("lays", "laid", "laying"),
    "keep": ("keeps", "kept", "keeping"),
    "set": ("sets", "set", "setting"),
    "forgo": ("forgoes", "forwent", "forgoing"),
    "withdraw": ("withdraws", "withdrew", "withdrawing"),
    "bar": ("bars", "barred", "barring"),
    "ban": ("bans", "banned", "banning"),
    "scrap": ("scraps", "scrapped", "scrapping"),
    "drop": ("drops", "dropped", "dropping"),
    "commit": ("commits", "committed", "committing"),
    "prefer": ("prefers", "preferred", "preferring"),
    "submit": ("submits", "submitted", "submitting"),
    "plan": ("plans", "planned", "planning"),
    "sidestep": ("sidesteps", "sidestepped", "sidestepping"),
    "veto": ("vetoes", "vetoed", "vetoing"),
    "become": ("becomes", "became", "becoming"),
}


def _verb_forms(verb: str) -> tuple[str, ...]:
    """Base, third person, past and -ing form of an English verb (regular rules and the
    irregular verbs of the cue lists)."""
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb])
    if verb.endswith("ee"):
        return verb, verb + "s", verb + "d", verb + "ing"
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


def _missing_forms(terms: list[str]) -> list[str]:
    """Forms missing for each verb cue listed in its base form and its past or -ing form (a
    noun cue, "discussion of" / "discussions of", has neither)."""
    listed = set(terms)
    missing: list[str] = []
    for term in terms:
        first, _, rest = term.partition(" ")
        forms = [f"{f} {rest}".strip() for f in _verb_forms(first)]
        if term == forms[0] and any(f in listed for f in forms[2:]):
            missing += [f for f in forms if f not in listed]
    return sorted(set(missing))


def _issue_files() -> list[Path]:
    return sorted(PACKS.glob("*/issues.yaml"))


def test_the_packs_have_issue_lexicons() -> None:
    assert _issue_files(), PACKS


@pytest.mark.parametrize("path", _issue_files(), ids=lambda p: p.parent.name)
def test_every_verb_phrase_of_an_issue_is_listed_in_all_its_forms(path: Path) -> None:
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
        # a phrase of several words that opens with a verb ("cede territory", "join NATO")
        assert _missing_forms([str(t) for t in entry["terms"] if " " in str(t)]) == [], entry["id"]


def test_the_form_check_finds_a_missing_form() -> None:
    assert _missing_forms(["cede territory", "ceded territory"]) == ["cedes territory", "ceding territory"]


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Moscow insists on Ukraine ceding territory in the east.", "russia", "territory", 1.0),
        ("Brussels backs Ukraine's admission to NATO.", "eu", "nato_membership", 1.0),
        ("The Kremlin opposes Kyiv's admission into the alliance.", "russia", "nato_membership", -1.0),
        ("Kyiv wants to see that Ukraine joins the EU by 2030.", "ukraine", "eu_accession", 1.0),
        ("Moscow rejects NATO expanding eastward.", "russia", "nato_membership", -1.0),
    ],
    ids=["ceding", "admission-to", "admission-into", "joins-eu", "expanding"],
)
def test_the_other_forms_of_an_issue_phrase_name_the_issue(
    text: str, actor: str, issue: str, position: float
) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


@pytest.mark.parametrize(
    ("verb", "position"),
    [("declined to", -1.0), ("declines to", -1.0), ("agreed to", 1.0), ("refused to", -1.0)],
)
def test_declining_to_support_is_a_refusal(verb: str, position: float) -> None:
    text = f"Washington {verb} support NATO membership for Ukraine."
    assert claim_of(text, "us", "nato_membership") == ("claim", position)


def test_an_adverb_inside_a_declined_support_keeps_the_refusal() -> None:
    text = "The United States has so far declined to publicly support NATO membership for Ukraine."
    assert claim_of(text, "us", "nato_membership") == ("claim", -1.0)


# ------------------------------------------------------ the verb cues, in all their forms


def test_every_verb_cue_is_listed_in_all_its_forms() -> None:
    cues = yaml.safe_load((PACKS.parent / "position_cues.yaml").read_text(encoding="utf-8"))
    for entry in cues["entries"]:
        if entry["id"].endswith("_verbs") or entry["id"] == "support_adjectives":
            assert _missing_forms([str(t) for t in entry["terms"]]) == [], entry["id"]


def test_the_cue_form_check_finds_a_missing_form() -> None:
    terms = ["deny", "denies", "denied", "call for", "called for", "discussion of", "discussions of"]
    assert _missing_forms(terms) == ["calling for", "calls for", "denying"]


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Washington insisted on providing security guarantees.", "us", "security_guarantees", 1.0),
        ("Ukraine is hoping to join NATO.", "ukraine", "nato_membership", 1.0),
        ("The Kremlin is denying Ukraine NATO membership.", "russia", "nato_membership", -1.0),
        ("Kyiv is walking away from neutrality.", "ukraine", "neutrality", -1.0),
    ],
    ids=["providing", "hoping-to", "denying", "walking-away-from"],
)
def test_the_other_forms_of_a_cue_give_its_direction(
    text: str, actor: str, issue: str, position: float
) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


# ---------------------------------------------- a participle after a comma: the main subject


@pytest.mark.parametrize(
    ("text", "claimant", "mention"),
    [
        ("Russia attacked Ukraine, demanding its demilitarisation.", "russia", "ukraine"),
        ("Putin projects Ukraine as the aggressor, calling for its demilitarisation.", "russia", "ukraine"),
        (
            "In a speech on Tuesday, Putin attacked Ukraine, demanding its demilitarisation.",
            "russia",
            "ukraine",
        ),
        ("The EU met Russia, seeking security guarantees.", "eu", "russia"),
    ],
    ids=["object-between", "object-with-as", "leading-adverbial", "met"],
)
def test_a_participle_after_a_comma_is_the_main_subjects_claim(
    text: str, claimant: str, mention: str
) -> None:
    issue = "security_guarantees" if "guarantees" in text else "demilitarisation"
    assert claim_of(text, claimant, issue) == ("claim", 1.0)
    assert claim_of(text, mention, issue)[0] == "mention"


def test_a_participle_after_a_clause_opened_by_a_pronoun_has_no_actor_claimant() -> None:
    text = "He projects Ukraine as the aggressor, calling for its demilitarisation."
    assert claim_of(text, "ukraine", "demilitarisation")[0] == "mention"


def test_actors_joined_by_and_open_the_main_clause_together() -> None:
    text = "The US and the EU met Russia, seeking security guarantees for Ukraine."
    assert claim_of(text, "us", "security_guarantees") == ("claim", 1.0)
    assert claim_of(text, "eu", "security_guarantees") == ("claim", 1.0)
    assert claim_of(text, "russia", "security_guarantees")[0] == "mention"
