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

# The verbs that open issue phrases in the packs, with all their forms.
PARADIGMS = [
    ("join", "joins", "joined", "joining"),
    ("cede", "cedes", "ceded", "ceding"),
    ("give up", "gives up", "gave up", "given up", "giving up"),
    ("enter", "enters", "entered", "entering"),
    ("expand", "expands", "expanded", "expanding"),
    ("stay out of", "stays out of", "stayed out of", "staying out of"),
    ("keep out of", "keeps out of", "kept out of", "keeping out of"),
    ("lay down", "lays down", "laid down", "laying down"),
    ("become", "becomes", "became", "becoming"),
]


def _issue_files() -> list[Path]:
    return sorted(PACKS.glob("*/issues.yaml"))


def _missing_forms(terms: list[str]) -> list[str]:
    listed = set(terms)
    missing = []
    for term in terms:
        for forms in PARADIGMS:
            for form in forms:
                if term.startswith(form + " "):
                    rest = term[len(form) + 1 :]
                    missing += [f"{f} {rest}" for f in forms if f"{f} {rest}" not in listed]
    return sorted(set(missing))


def test_the_packs_have_issue_lexicons() -> None:
    assert _issue_files(), PACKS


@pytest.mark.parametrize("path", _issue_files(), ids=lambda p: p.parent.name)
def test_every_verb_phrase_of_an_issue_is_listed_in_all_its_forms(path: Path) -> None:
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
        assert _missing_forms([str(t) for t in entry["terms"]]) == [], entry["id"]


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
