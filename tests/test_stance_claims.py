"""Claims, not co-occurrences: the role of each actor x issue row, signs, and what is reported.

Texts written for these tests (none is a gold item): minimal pairs and negative cases.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from claimsutil import claim_of, claims, row

from research_utils import article_from_text
from research_utils.analyses import stance as st


def test_mentions_have_no_position() -> None:
    c = claims("Ukraine and Russia discussed the weather; NATO membership was not on the agenda.")
    assert set(c["role"]) == {"mention"} and c["position"].isna().all()


def test_a_speaker_without_a_cue_only_mentions_the_issue() -> None:
    r = row("NATO membership came up at dinner, Kuleba said.", "ukraine", "nato_membership")
    assert (r["role"], r["relation"]) == ("mention", "speaker") and math.isnan(r["position"])


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Ukraine is willing to keep its demand for NATO membership, Kuleba said.", 1),
        ("Ukraine is willing to set aside its demand for NATO membership, Kuleba said.", -1),
        ("Ukraine has dropped its insistence on NATO membership, Kuleba said.", -1),
        ("Ukraine will give up its bid for NATO membership, Kuleba said.", -1),
        ("Ukraine will not give up its bid for NATO membership, Kuleba said.", 1),
        ("Ukraine will accept no NATO membership, Kuleba said.", -1),
        ("Ukraine wants NATO membership, Kuleba said.", 1),
        ("Ukraine is ready to discuss NATO membership, Kuleba said.", 0),
    ],
    ids=["keep", "set-aside", "dropped-insistence", "give-up", "not-give-up", "no-issue", "wants", "discuss"],
)
def test_signs(text: str, position: int) -> None:
    r = row(text, "ukraine", "nato_membership")
    assert (r["role"], r["position"]) == ("claim", position)


def test_a_demand_makes_the_demander_the_claimant() -> None:
    c = claims("Moscow demands that Kyiv drop its bid to join NATO.")
    russia = c[c["actor"] == "russia"].iloc[0]
    ukraine = c[c["actor"] == "ukraine"].iloc[0]
    assert (russia["role"], russia["position"]) == ("claim", -1)
    assert (ukraine["role"], ukraine["relation"]) == ("mention", "addressee")


def test_a_question_is_no_claim() -> None:
    asked = row(
        "Asked whether Ukraine would accept neutrality, the minister smiled.", "ukraine", "neutrality"
    )
    stated = row("Ukraine would accept neutrality, the minister said.", "ukraine", "neutrality")
    assert (asked["role"], stated["role"]) == ("mention", "claim")


def test_a_position_noun_without_owner_is_nobody_s_claim() -> None:
    unowned = row("The demand for neutrality is a pretext, Kuleba said.", "ukraine", "neutrality")
    owned = row("Ukraine's demand for neutrality is serious, Kuleba said.", "ukraine", "neutrality")
    assert (unowned["role"], owned["role"], owned["position"]) == ("mention", "claim", 1)


def test_a_speaker_outside_the_lexicon_makes_no_claim() -> None:
    c = claims("Turkey has offered to act as a guarantor of security guarantees, Mevlut Cavusoglu said.")
    assert (c["role"] != "claim").all() or c.empty


def test_off_topic_issue_words_without_actors_give_nothing() -> None:
    assert claims("Residents will vote in a referendum on the bypass, the council said.").empty


def test_matrix_and_results_use_claims_only() -> None:
    a = article_from_text(
        "Talks\n\nRussia rejected neutrality. Neutrality was on the agenda of a conference in Ukraine."
    )
    c = st.claims(a)
    assert set(c["role"]) == {"claim", "mention"}
    m = st.claims_matrix(c)
    assert list(zip(m["actor"], m["claims"], m["oppose"], strict=True)) == [("russia", 1, 1)]
    attr = st.attributions(a)
    res = st.stance_results(st.voice_share(attr), attr, st.actor_profile(a, n_boot=50), c)
    assert [r["role"] for r in res["claims"]] == ["claim"]
    json.dumps(res)


def test_validation_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from research_utils import validation_figures

    monkeypatch.setattr(validation_figures, "FIGURES_FILE", tmp_path / "missing.json")
    assert st.validation_figures() is None
    figures = tmp_path / "validation.json"
    table = [
        {
            "measure": "attribution precision",
            "real_test": 0.8,
            "real_dev": 0.85,
            "synthetic_test": 0.9,
            "synthetic_dev": 1.0,
        },
        {
            "measure": "naming recall",
            "real_test": 0.6,
            "real_dev": 0.7,
            "synthetic_test": 0.9,
            "synthetic_dev": 1.0,
        },
    ]
    figures.write_text(json.dumps({"figures": table}), encoding="utf-8")
    monkeypatch.setattr(validation_figures, "FIGURES_FILE", figures)
    got = st.validation_figures()
    assert list(got.columns) == [
        "measure",
        "real copy, held-out outlets",
        "real copy, tuning outlets",
        "our passages, held out",
        "our passages, tuning",
    ]
    assert list(got["measure"]) == ["attribution precision"]
    assert len(st.validation_figures(None)) == 2
    assert validation_figures.figure("naming recall") == 0.6
    assert validation_figures.figure("naming recall", "synthetic_dev") == 1.0


# ------------------------------------------------------------------ claimants (issue 17, item 3)
# Minimal pairs: the same words with the actor as the claimant, and as an object, a listed
# state, the target of a threat or inside another speaker's words.


def test_a_chain_of_cues_stops_at_an_issue_phrase() -> None:
    text = "Kyiv offered to drop its NATO bid in exchange for security guarantees."
    assert claim_of(text, "ukraine", "nato_membership") == ("claim", -1)
    assert claim_of(text, "ukraine", "security_guarantees") == ("claim", 1)
    chained = "Kyiv offered to drop its demand for security guarantees."
    assert claim_of(chained, "ukraine", "security_guarantees") == ("claim", -1)


def test_the_object_of_a_preposition_is_not_the_claimant() -> None:
    obj = "In talks with Moscow, the Austrian chancellor backed neutrality for Ukraine."
    subj = "In talks with the Austrian chancellor, Moscow backed neutrality for Ukraine."
    assert row(obj, "russia", "neutrality")["role"] == "mention"
    assert claim_of(subj, "russia", "neutrality") == ("claim", 1)
    pressed = "Under pressure from Moscow, Kyiv agreed to neutrality."
    assert claim_of(pressed, "ukraine", "neutrality") == ("claim", 1)
    assert row(pressed, "russia", "neutrality")["role"] == "mention"


def test_an_adjective_after_of_is_not_the_claimant_but_a_possessor_is() -> None:
    text = "Kyiv demanded the withdrawal of Russian troops from the occupied territories."
    assert claim_of(text, "ukraine", "territory") == ("claim", 1)
    assert row(text, "russia", "territory")["role"] == "mention"
    owned = "Kyiv demanded the restoration of Ukraine's territorial integrity."
    assert claim_of(owned, "ukraine", "territory") == ("claim", 1)


def test_the_hearer_of_a_promise_is_not_the_claimant() -> None:
    a = "Ukraine assured Russia that it would not seek NATO membership."
    b = "Russia assured Ukraine that it would not seek NATO membership."
    assert claim_of(a, "ukraine", "nato_membership") == ("claim", -1)
    assert row(a, "russia", "nato_membership")["role"] == "mention"
    assert claim_of(b, "russia", "nato_membership") == ("claim", -1)
    assert row(b, "ukraine", "nato_membership")["role"] == "mention"


def test_states_named_as_objects_or_in_a_list_are_not_claimants() -> None:
    named = "Kyiv named Turkey and NATO members Poland and Canada as states that could provide security guarantees."
    assert row(named, "nato", "security_guarantees")["role"] == "mention"
    assert row(named, "ukraine", "security_guarantees")["role"] == "mention"
    assert claim_of(
        "NATO members Poland and Canada could provide security guarantees.", "nato", "security_guarantees"
    ) == (
        "claim",
        1,
    )
    listed = "Several countries, including the US, have offered security guarantees."
    assert row(listed, "us", "security_guarantees")["role"] == "mention"
    assert claim_of("The US has offered security guarantees.", "us", "security_guarantees") == ("claim", 1)


def test_for_an_actor_to_act_is_no_claim_of_it() -> None:
    hypothetical = "A deal is hardly possible without Ukraine recognising the independence of Donbas."
    assert set(claims(hypothetical)["role"]) == {"mention"}
    assert claim_of("Ukraine recognised the independence of Donbas.", "ukraine", "donbas") == ("claim", 1)


def test_a_conditional_threat_is_the_threatener_s_opposition() -> None:
    threat = "Moscow promised decisive action if Kyiv did not abandon its NATO goals."
    r = row(threat, "russia", "nato_membership")
    assert (r["role"], r["position"], r["modality"]) == ("claim", -1, "conditional")
    assert row(threat, "ukraine", "nato_membership")["role"] == "mention"
    # the same words without the threat: Kyiv's own position
    assert claim_of("Kyiv did not abandon its NATO goals.", "ukraine", "nato_membership") == ("claim", 1)
    # an offer keeps the direction of its condition: the condition is the offerer's demand
    offer = "Moscow is ready to offer guarantees if Kyiv abandons its NATO goals."
    assert claim_of(offer, "russia", "nato_membership") == ("claim", -1)
    leading = "If Kyiv joins NATO, Moscow will retaliate."
    assert claim_of(leading, "russia", "nato_membership") == ("claim", -1)
    assert row(leading, "ukraine", "nato_membership")["role"] == "mention"
    no_threat = "If Kyiv joins NATO, Moscow will lift sanctions."
    assert set(claims(no_threat)["role"]) == {"mention"}


def test_an_actor_inside_another_speaker_s_words_is_not_the_claimant() -> None:
    lavrov = "\u201cNeutrality is unacceptable for Ukraine,\u201d Lavrov said."
    kuleba = "\u201cNeutrality is unacceptable for Ukraine,\u201d Kuleba said."
    assert claim_of(lavrov, "russia", "neutrality") == ("claim", -1)
    assert row(lavrov, "ukraine", "neutrality")["role"] == "mention"
    assert claim_of(kuleba, "ukraine", "neutrality") == ("claim", -1)
    assert set(claims("Neutrality is unacceptable for Ukraine.")["role"]) == {"mention"}  # nobody claims


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        (
            "Security guarantees for Ukraine must be implemented at once, Zelensky said.",
            "ukraine",
            "security_guarantees",
            1,
        ),
        ("Kuleba said that the guarantees must be implemented at once.", "ukraine", "security_guarantees", 1),
        ("NATO membership is off the table, Peskov said.", "russia", "nato_membership", -1),
        ("Neutrality was rejected by Kyiv.", "ukraine", "neutrality", -1),
        ("\u201cCrimea is part of Russia,\u201d Peskov said.", "russia", "crimea", 1),
        (
            "\u201cNobody will storm Crimea, it is part of Russia,\u201d Zakharova said.",
            "russia",
            "crimea",
            1,
        ),
        ("Crimea will always be Ukrainian, Zelensky said.", "ukraine", "crimea", 1),
        ("\u201cDonbas is not Ukrainian,\u201d Zakharova said.", "russia", "donbas", -1),
    ],
    ids=[
        "must-be",
        "that-must-be",
        "off-the-table",
        "by-agent",
        "part-of",
        "it-is-part-of",
        "be-adjective",
        "negated",
    ],
)
def test_a_position_stated_after_the_issue(text: str, actor: str, issue: str, position: int) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


def test_a_position_after_the_issue_needs_a_claimant_and_a_predicate() -> None:
    author = claims("Security guarantees for Ukraine must be implemented at once.")
    assert set(author["role"]) == {"mention"}  # the author's words: nobody's claim
    agenda = claims("Crimea was part of the agenda, Kuleba said.")
    assert set(agenda["role"]) == {"mention"}  # part of something that is no actor
    assert set(claims("Crimea is Russian land.")["role"]) == {"mention"}


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Moscow rejected the deployment of foreign troops in Ukraine.", "russia", "demilitarisation", 1),
        ("The EU is ready to send foreign troops.", "eu", "demilitarisation", -1),
        ("Ukraine will not join military alliances, Kuleba said.", "ukraine", "neutrality", 1),
        ("Ukraine wants to join military alliances.", "ukraine", "neutrality", -1),
        ("Ukraine wants to stay out of military blocs.", "ukraine", "neutrality", 1),
        (
            "Ukraine will not join military alliances or host foreign military bases, Kuleba said.",
            "ukraine",
            "demilitarisation",
            1,
        ),
        (
            "Ukraine won't host on its soil any foreign military base, Kuleba said.",
            "ukraine",
            "demilitarisation",
            1,
        ),
        ("Ukraine agreed not to host any foreign bases.", "ukraine", "demilitarisation", 1),
    ],
    ids=[
        "rejected-troops",
        "send-troops",
        "not-join",
        "join",
        "stay-out",
        "or-host",
        "any-base",
        "not-to-host",
    ],
)
def test_issue_phrases_that_name_what_the_issue_rules_out(
    text: str, actor: str, issue: str, position: int
) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


def test_an_issue_phrase_alone_or_another_negated_verb_takes_no_side() -> None:
    assert set(claims("Foreign troops would be legitimate targets, Putin said.")["role"]) == {"mention"}
    assert set(claims("Russia won't invade Crimea.")["role"]) == {"mention"}
    # "offered not to resolve ... by military means" gives up the means, not the claim
    assert claim_of(
        "Ukraine offered not to resolve the Crimea issue by military means.", "ukraine", "crimea"
    ) == (
        "claim",
        1,
    )


@pytest.mark.parametrize(
    ("text", "issue", "position"),
    [
        ("Russia will not discuss NATO membership.", "nato_membership", -1),
        ("Russia refused to discuss NATO membership.", "nato_membership", -1),
        ("Russia is ready to discuss NATO membership.", "nato_membership", 0),
        # openness to an act is a possible position (tests/test_claims_unmarked.py): +1 x -1 x -1
        ("Russia is considering dropping its objection to NATO membership.", "nato_membership", 1),
        ("Russia refuses to discuss the status of Crimea.", "crimea", 1),
        ("The Kremlin ruled out any discussion of the status of Crimea.", "crimea", 1),
    ],
    ids=["not-discuss", "refused", "ready", "considering", "status-of", "ruled-out-discussion"],
)
def test_a_refusal_to_discuss(text: str, issue: str, position: int) -> None:
    assert claim_of(text, "russia", issue) == ("claim", position)


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        (
            "The Kremlin spokesman commented on Kyiv's proposals on guarantor states.",
            "ukraine",
            "security_guarantees",
            1,
        ),
        ("Kyiv proposed to sidestep the question of Crimea.", "ukraine", "crimea", 0),
        (
            "Any peace deal with Russia will be put to a referendum, Zelensky said.",
            "ukraine",
            "referendum",
            1,
        ),
        ("Ukraine applied for EU membership.", "ukraine", "eu_accession", 1),
        ("Russia has long opposed NATO's eastward expansion.", "russia", "nato_membership", -1),
        ("The Kremlin wants deep cuts to Ukraine's armed forces.", "russia", "demilitarisation", 1),
    ],
    ids=[
        "proposals-on",
        "sidestep",
        "put-to-referendum",
        "applied-for",
        "eastward-expansion",
        "cuts-to-army",
    ],
)
def test_cues_of_real_copy(text: str, actor: str, issue: str, position: int) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


def test_an_actor_after_of_is_a_claimant_only_after_a_noun_of_people() -> None:
    invasion = "Russia's invasion of Ukraine was aimed at preventing NATO expansion."
    assert claim_of(invasion, "russia", "nato_membership") == ("claim", -1)
    assert row(invasion, "ukraine", "nato_membership")["role"] == "mention"
    assert claim_of("The President of Ukraine rejected neutrality.", "ukraine", "neutrality") == ("claim", -1)


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        ("Ukraine's neutral status is a key requirement, Peskov said.", "russia", "neutrality", 1),
        ("NATO membership remains Kyiv's strategic goal.", "ukraine", "nato_membership", 1),
        ("Russia's goal is the demilitarisation of Ukraine.", "russia", "demilitarisation", 1),
        ("The West has promised Ukraine eventual NATO membership.", "west", "nato_membership", 1),
        ("Zelensky said Ukraine would not cede any territory.", "ukraine", "territory", -1),
    ],
    ids=["is-a-requirement", "remains-goal", "goal-is", "promised", "cede-any"],
)
def test_position_nouns_and_promises(text: str, actor: str, issue: str, position: int) -> None:
    assert claim_of(text, actor, issue) == ("claim", position)


def test_a_goal_that_belongs_to_nobody_and_a_forecast_are_no_claims() -> None:
    assert (
        row("The goal of neutrality is unrealistic, Kuleba said.", "ukraine", "neutrality")["role"]
        == "mention"
    )
    forecast = "It is likely that the Russian side will not give up territory."
    assert row(forecast, "russia", "territory")["role"] == "mention"
    assert claim_of("The Russian side will not give up territory.", "russia", "territory") == ("claim", -1)


def test_a_cue_does_not_reach_into_a_new_clause() -> None:
    two = "Kyiv agreed to talks after the shelling stopped, and neutrality was never raised."
    assert row(two, "ukraine", "neutrality")["role"] == "mention"
    listed = claims("Russia demanded neutrality, demilitarisation and denazification.")
    assert list(listed.sort_values("issue")[["issue", "position"]].itertuples(index=False, name=None)) == [
        ("demilitarisation", 1),
        ("denazification", 1),
        ("neutrality", 1),
    ]


def test_allies_forecasts_and_a_second_clause_are_no_claims_of_the_actor() -> None:
    allies = "Ukraine's allies have pledged to support its bid to join NATO."
    assert row(allies, "ukraine", "nato_membership")["role"] == "mention"
    assert claim_of("Russia's foreign minister rejected neutrality.", "russia", "neutrality") == ("claim", -1)
    unlikely = "Western officials say Russia is unlikely to accept security guarantees for Ukraine."
    assert row(unlikely, "russia", "security_guarantees")["role"] == "mention"
    thanked = "Zelensky thanked the US for its support but said Ukraine needs security guarantees."
    assert row(thanked, "us", "security_guarantees")["role"] == "mention"
    assert claim_of(thanked, "ukraine", "security_guarantees") == ("claim", 1)


def test_a_nationality_of_private_people_is_no_claimant_minimal_pair() -> None:
    # The speaker's own offer, not a claim of Russia: "Russian" qualifies journalists here.
    private = claims(
        "Zelensky told a group of independent Russian journalists that his government would "
        "offer security guarantees to Russia."
    )
    assert "russia" not in set(private[private["role"] == "claim"]["actor"])
    assert ("ukraine", "security_guarantees", 1.0) in {
        (r.actor, r.issue, r.position) for r in private[private["role"] == "claim"].itertuples()
    }
    # The same words with a state official: the Russian side is named and may claim.
    state = claims("Russian negotiators said they would offer security guarantees to Ukraine.")
    assert "russia" in set(state[state["role"] == "claim"]["actor"])
