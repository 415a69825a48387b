"""Claims, not co-occurrences: the role of each actor x issue row, signs, and what is reported.

Texts written for these tests (none is a gold item): minimal pairs and negative cases.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from research_utils import article_from_text
from research_utils.analyses import stance as st


def claims(text: str) -> pd.DataFrame:
    return st.claims(article_from_text(f"A headline for the test\n\n{text}"))


def row(text: str, actor: str, issue: str) -> pd.Series:
    c = claims(text)
    sel = c[(c["actor"] == actor) & (c["issue"] == issue)]
    assert len(sel) == 1, c[["actor", "issue", "role", "position"]]
    return sel.iloc[0]


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
