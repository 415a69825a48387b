"""Claims families of the real-copy development articles (issue 17, item 3), in our own sentences.

Each test is a minimal pair or a construction the coders of tests/gold/real code as a claim
(or as no claim); CI checks them without the cache of real texts.
"""

from __future__ import annotations

import math

import pytest
from claimsutil import claim_of, row

# ------------------------------------------------- an act of taking is its subject's claim


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Russia illegally annexed three regions of the country in October.", "territory"),
        ("Russia has formally annexed the Donetsk and Luhansk regions.", "territory"),
        ("Russia has formally annexed the Donetsk and Luhansk regions.", "donbas"),
    ],
)
def test_annexing_is_a_claim_of_the_annexing_state(text: str, issue: str) -> None:
    assert claim_of(text, "russia", issue) == ("claim", 1.0)


@pytest.mark.parametrize(
    "text",
    [
        "The talks also covered the status of the Crimean peninsula, which Russia seized and annexed in 2014.",
        "The talks also covered the status of the Crimean peninsula annexed by Russia in 2014.",
    ],
)
def test_an_annexation_told_as_background_is_no_claim(text: str) -> None:
    role, position = claim_of(text, "russia", "territory")
    assert role == "mention" and math.isnan(position)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Kyiv will fight for Crimea, Zelensky said.", 1.0),
        ("Kyiv will not fight for Crimea, Zelensky said.", -1.0),
    ],
)
def test_fighting_for_a_territory_claims_it(text: str, position: float) -> None:
    assert claim_of(text, "ukraine", "crimea") == ("claim", position)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ukraine applied to join the EU days after the invasion.", "claim"),
        ("Kyiv said the future guarantees would not apply to Crimea.", "mention"),
    ],
)
def test_apply_to_is_a_position_only_before_joining(text: str, role: str) -> None:
    issue = "eu_accession" if "EU" in text else "crimea"
    assert claim_of(text, "ukraine", issue)[0] == role


# ------------------------------------------------- barring is opposing; the barred are no claimants


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Russia wants Ukraine barred from joining NATO.", -1.0),
        ("Russia wants Ukraine excluded from NATO membership.", -1.0),
        ("Russia wants Ukraine to join NATO.", 1.0),
    ],
)
def test_barring_from_an_issue_opposes_it(text: str, position: float) -> None:
    assert claim_of(text, "russia", "nato_membership") == ("claim", position)


def test_the_actor_barred_in_the_passive_is_no_claimant() -> None:
    text = (
        "Moscow repeated its demand that Ukraine and Georgia be permanently barred from joining the alliance."
    )
    role, _ = claim_of(text, "ukraine", "nato_membership")
    assert role == "mention"


def test_ready_to_after_is_is_no_passive() -> None:
    assert claim_of("The EU is ready to send foreign troops.", "eu", "demilitarisation") == ("claim", -1.0)


# ------------------------------------------------- demands to cede land; 'against' as a target; require


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("The Kremlin has insisted that Ukraine cede all of the Donbas.", "russia", "donbas", 1.0),
        ("Russia demands that Kyiv drop its NATO bid.", "russia", "nato_membership", -1.0),
        ("Zelensky says a deal will require security guarantees.", "ukraine", "security_guarantees", 1.0),
    ],
)
def test_demands_and_requirements(text: str, actor: str, issue: str, position: float) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Kyiv halted its hostilities against Donetsk, Zelensky said.", "mention"),
        ("Kyiv is against any autonomy for Donetsk, Zelensky said.", "claim"),
    ],
)
def test_against_after_a_noun_of_force_names_a_target(text: str, role: str) -> None:
    assert claim_of(text, "ukraine", "donbas")[0] == role


# ------------------------------------------------- 'only if' conditions are demands; 'a Ukraine settlement'

ONLY_IF = (
    "Putin told Macron that a settlement was only possible if Kyiv was neutral and demilitarised, "
    "and if it recognised Crimea as Russian, the Kremlin said."
)


@pytest.mark.parametrize("issue", ["neutrality", "demilitarisation", "crimea"])
def test_only_if_makes_each_condition_a_demand_of_the_speaker(issue: str) -> None:
    assert claim_of(ONLY_IF, "russia", issue) == ("claim", 1.0)
    assert claim_of(ONLY_IF, "ukraine", issue)[0] == "mention"


def test_a_plain_if_still_suspends_the_claim() -> None:
    text = "A settlement would be possible if Kyiv was neutral, the Kremlin said."
    assert claim_of(text, "russia", "neutrality")[0] == "mention"


def test_to_achieve_an_issue_is_to_pursue_it() -> None:
    text = (
        "Putin said the operation was designed to stop a “threat” — and ultimately to achieve "
        "“the demilitarization and de-Nazification of Ukraine.”"
    )
    assert claim_of(text, "russia", "demilitarisation") == ("claim", 1.0)


# ------------------------------------------------- lists of issues under one cue; 'refrain from'

LIST = (
    "The sticking point is Moscow's demand that Kyiv recognise Russian sovereignty over Crimea "
    "and the independence of the Donetsk and Luhansk republics, analysts said."
)


@pytest.mark.parametrize("issue", ["crimea", "donbas"])
def test_a_cue_governs_every_issue_of_its_list(issue: str) -> None:
    assert claim_of(LIST, "russia", issue) == ("claim", 1.0)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Moscow has demanded a formal recognition of its rule in Crimea and the independence of the Donbas.",
            "claim",
        ),
        # ", and" opens a new clause: the cue governs nothing after it
        (
            "Moscow has demanded a formal recognition of its rule in Crimea, and talks on the Donbas go on.",
            "mention",
        ),
        # an actor between the two phrases: no list
        (
            "Moscow has demanded a formal recognition of its rule in Crimea and Ukraine's talks on the Donbas.",
            "mention",
        ),
    ],
)
def test_a_list_is_joined_without_a_clause_break_or_an_actor(text: str, role: str) -> None:
    assert claim_of(text, "russia", "donbas")[0] == role


DEAL = (
    "At the time Kyiv would have agreed to cut the size of its military, refrain from joining NATO "
    "but stay free to seek membership of the European Union."
)


@pytest.mark.parametrize(
    ("issue", "position"),
    [("demilitarisation", 1.0), ("nato_membership", -1.0), ("eu_accession", 1.0)],
)
def test_refrain_from_is_a_refusal_and_deal_terms_are_issues(issue: str, position: float) -> None:
    assert claim_of(DEAL, "ukraine", issue) == ("claim", position)


def test_the_atlantic_alliance_is_nato() -> None:
    text = "Zelensky flew to the summit seeking a firm date for Ukraine to join the Atlantic alliance."
    assert claim_of(text, "ukraine", "nato_membership") == ("claim", 1.0)


@pytest.mark.parametrize(
    ("text", "issue", "position"),
    [
        ("Ukraine is prepared to declare its neutrality, President Zelensky said.", "neutrality", 1.0),
        ("Kyiv is opposed to neutrality, officials said on Monday.", "neutrality", -1.0),
    ],
)
def test_an_adjectival_participle_after_be_is_the_subject_s_own_position(
    text: str, issue: str, position: float
) -> None:
    assert claim_of(text, "ukraine", issue) == ("claim", position)


def test_a_real_passive_still_makes_a_patient() -> None:
    assert (
        claim_of("Ukraine should be barred from joining NATO, Moscow said.", "ukraine", "nato_membership")[0]
        == "mention"
    )


# ------------------------------------- issue phrasings of the second pass (2026-12-07)


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Kuleba said Ukraine wants to become a member of NATO.", "ukraine", "nato_membership", 1.0),
        ("“NATO’s door is open,” Blinken said.", "us", "nato_membership", 1.0),
        ("Lavrov said talks could start once Kyiv’s army laid down arms.", "russia", "demilitarisation", 1.0),
        ("Peskov said Moscow wanted a non-nuclear status for Ukraine.", "russia", "demilitarisation", 1.0),
        ("Zelensky said Ukraine seeks a return to its pre-2014 borders.", "ukraine", "territory", 1.0),
        # what neutrality rules out turns the direction round: refusing it is +1
        ("Podolyak said Ukraine would refuse to join military unions.", "ukraine", "neutrality", 1.0),
        ("Peskov said Kyiv must reject any bloc.", "russia", "neutrality", 1.0),
        # the tenth batch (now development)
        (
            "Kuleba said Ukraine still wants to join the North Atlantic Treaty Organization.",
            "ukraine",
            "nato_membership",
            1.0,
        ),
        ("Moscow recognised the two breakaway regions as independent states.", "russia", "donbas", 1.0),
        ("Peskov said Kyiv must recognise Moscow’s territorial gains.", "russia", "territory", 1.0),
        (
            "Ukraine, which hopes to join the military alliance, rejected the plan.",
            "ukraine",
            "nato_membership",
            1.0,
        ),
    ],
    ids=[
        "member-of",
        "open-door",
        "lay-down-arms",
        "non-nuclear",
        "pre-2014",
        "military-unions",
        "any-bloc",
        "full-name",
        "breakaway",
        "territorial-gains",
        "military-alliance",
    ],
)
def test_issue_phrasings_of_the_development_articles(
    text: str, actor: str, issue: str, position: float
) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        (
            "Missing from the agenda are two of Moscow’s key demands, which include the demilitarisation of Ukraine.",
            "russia",
            "demilitarisation",
            1.0,
        ),
        ("Moscow repeated its demands, including neutrality for Ukraine.", "russia", "neutrality", 1.0),
        (
            "In short, Moscow wants a pledge that NATO would not expand eastward.",
            "russia",
            "nato_membership",
            -1.0,
        ),
    ],
    ids=["which-include", "including", "expand-eastward"],
)
def test_a_position_noun_governs_the_list_of_its_contents(
    text: str, actor: str, issue: str, position: float
) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


def test_a_relative_clause_after_an_ordinary_noun_still_breaks_the_cue() -> None:
    # "rejected the plan" takes no position on what the plan holds
    role, _ = claim_of("Kyiv rejected the plan, which includes neutrality.", "ukraine", "neutrality")
    assert role == "mention"


# ------------------------------------------- terms of a deal; "with X having to" (2026-12-07)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Under the draft, Ukraine would have to renounce its bid to join NATO.", -1.0),
        ("Citing two sources, the paper said Kyiv would have to accept neutrality.", 1.0),
    ],
    ids=["under-the-draft", "paper-said"],
)
def test_a_term_of_a_deal_is_the_obliged_actors_conditional_position(text: str, position: float) -> None:
    issue = "nato_membership" if "NATO" in text else "neutrality"
    r = row(text, "ukraine", issue)
    assert (r["role"], r["position"], r["modality"]) == ("claim", position, "conditional")


def test_a_speaker_who_says_another_would_have_to_demands_it() -> None:
    text = "Lavrov said Ukraine would have to renounce its bid to join NATO."
    assert claim_of(text, "russia", "nato_membership") == ("claim", -1.0)
    assert claim_of(text, "ukraine", "nato_membership")[0] == "mention"


def test_with_an_actor_and_a_participle_the_actor_is_its_subject() -> None:
    text = "A plan was drawn up, with Kyiv having to accept neutrality and a smaller army."
    assert claim_of(text, "ukraine", "neutrality") == ("claim", 1.0)
    # "with" before an actor and no participle still makes an object
    assert claim_of("Talks with Kyiv on neutrality stalled.", "ukraine", "neutrality")[0] == "mention"
