"""A speaker who names an issue with no position word (issue 17, item 3), in our own sentences.

The blind coders of tests/gold/real code such clauses as the speaker's support in about four
cases in five (development outlets); :mod:`research_utils.analyses.stance.unmarked` gives
them +1 with a cue that says there was none, and leaves the side open where a negator, a
condition, a question or a bare topic predicate stands in the clause. "Would consider" is
openness to an act: a possible +1, not a neutral cue.
"""

from __future__ import annotations

import math

import pytest
from claimsutil import claim_of, row

from research_utils.analyses.stance.unmarked import UNMARKED_CUE

# ------------------------------------------------------------ the speaker raises the issue


@pytest.mark.parametrize(
    ("text", "actor", "issue"),
    [
        (
            "“All we confirm today is a truce, a pullback of troops and security guarantees "
            "from partner states,” Kuleba wrote.",
            "ukraine",
            "security_guarantees",
        ),
        (
            "Peskov added that Russia was completing the demilitarisation of its neighbour.",
            "russia",
            "demilitarisation",
        ),
        (
            "One point of the draft concerns “neutrality and a non-nuclear status”, Zelensky "
            "said in the interview.",
            "ukraine",
            "neutrality",
        ),
    ],
    ids=["listed", "finishing", "concerns"],
)
def test_a_speaker_naming_an_issue_without_a_cue_raises_it(text: str, actor: str, issue: str) -> None:
    r = row(text, actor, issue)
    assert (r["role"], r["relation"], r["position"], r["cue"]) == ("claim", "speaker", 1.0, UNMARKED_CUE)


@pytest.mark.parametrize(
    "text",
    [
        "“The guarantees will not cover Crimea,” Kuleba said.",  # negated: which way is open
        "Crimea was on the agenda, Kuleba said.",  # a bare topic
        "Crimea was also raised in the talks, Kuleba said.",
        "Kuleba said it was unclear whether Crimea would be in the deal.",  # a question
        "There will be a deal if Crimea is part of it, Kuleba said.",  # inside a condition
        "“The question of Crimea should be on the list for the leaders,” Kuleba said.",  # a topic
        "“The fate of Crimea will come later,” Kuleba said.",
    ],
    ids=["negated", "agenda", "raised", "question", "condition", "question-of", "fate-of"],
)
def test_no_default_where_the_side_is_open(text: str) -> None:
    role, position = claim_of(text, "ukraine", "crimea")
    assert role == "mention" and math.isnan(position)


def test_the_author_naming_an_issue_makes_no_claim() -> None:
    role, position = claim_of(
        "Kyiv's security guarantees dominated the week.", "ukraine", "security_guarantees"
    )
    assert role == "mention" and math.isnan(position)


def test_a_phrase_that_names_what_the_issue_rules_out_takes_no_side() -> None:
    role, _ = claim_of(
        "“Foreign troops on our soil are a red line,” Peskov said.", "russia", "demilitarisation"
    )
    assert role == "mention"


def test_a_cue_still_wins_over_the_default() -> None:
    r = row("“We reject neutrality,” Kuleba said.", "ukraine", "neutrality")
    assert (r["position"], r["cue"]) == (-1.0, "reject")


# ------------------------------------------------------------------- openness to an act


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Kuleba said Kyiv would consider declaring neutrality.", "ukraine", "neutrality", 1.0),
        (
            "Zelensky said Ukraine was ready to consider a referendum on the deal.",
            "ukraine",
            "referendum",
            1.0,
        ),
        ("Moscow refused to consider NATO membership for Ukraine.", "russia", "nato_membership", -1.0),
    ],
    ids=["would", "ready-to", "refused-to"],
)
def test_being_open_to_an_act_is_a_possible_position(
    text: str, actor: str, issue: str, position: float
) -> None:
    r = row(text, actor, issue)
    assert (r["role"], r["position"]) == ("claim", position)
    if position > 0:
        assert r["modality"] == "possibility"


def test_a_bare_consider_means_regard_and_takes_no_side() -> None:
    r = row("The Kremlin considers NATO expansion a threat to Russia.", "russia", "nato_membership")
    assert r["position"] != 1.0


def test_the_trust_note_counts_the_claims_that_rest_on_no_position_word() -> None:
    from claimsutil import claims

    from research_utils.analyses.stance import claims_validation_note

    table = claims(
        "“All we confirm now is a truce and security guarantees,” Kuleba said. Kyiv rejected neutrality."
    )
    note = str(claims_validation_note(table))
    assert "1 of the 2 claims here have no position word" in note
    assert "no position word" not in str(claims_validation_note(claims("Kyiv rejected neutrality.")))


def test_an_act_of_taking_told_as_background_raises_no_issue() -> None:
    text = "“We will talk about the peninsula, which Russia seized and annexed in 2014,” Kuleba said."
    role, _ = claim_of(text, "ukraine", "territory")
    assert role == "mention"


def test_an_exception_is_a_refusal() -> None:
    text = "“Any guarantees for Ukraine are possible, with the exception of NATO expansion,” Peskov said."
    assert claim_of(text, "russia", "nato_membership") == ("claim", -1.0)
