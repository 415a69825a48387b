"""Claims families of the real-copy development articles, fifth session (issue 17, item 3).

Our own sentences in the constructions of development misses; each test fails without its
rule. The forms of issue phrases and cues, and participles after a comma, are tested in
test_issue_phrase_forms.py.
"""

from __future__ import annotations

import pytest
from claimsutil import claim_of, claims

# ------------------------------------------- the possessor of an issue phrase that names a wish


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's NATO aspirations were among the reasons for the war.",
        "Kyiv's NATO bid angered Moscow.",
        "Ukrainian NATO ambitions worry Moscow.",
    ],
    ids=["possessive", "capital", "adjective"],
)
def test_the_possessor_of_a_wish_holds_it(text: str) -> None:
    assert claim_of(text, "ukraine", "nato_membership") == ("claim", 1.0)


def test_the_possessor_of_no_wish_holds_nothing() -> None:
    text = "Ukraine's NATO membership would anger Moscow."
    assert claim_of(text, "ukraine", "nato_membership")[0] == "mention"


def test_a_cue_before_the_wish_gives_the_subjects_position_only() -> None:
    text = "Russia opposes Ukraine's NATO bid."
    assert claim_of(text, "russia", "nato_membership") == ("claim", -1.0)
    assert claim_of(text, "ukraine", "nato_membership")[0] == "mention"


def test_a_speaker_who_names_another_actors_wish_does_not_raise_it() -> None:
    other = "Kremlin spokesman Dmitry Peskov said Ukraine's NATO aspirations threaten Russia."
    assert claim_of(other, "russia", "nato_membership")[0] == "mention"
    assert claim_of(other, "ukraine", "nato_membership") == ("claim", 1.0)
    own = "Kremlin spokesman Dmitry Peskov said Russia's NATO aspirations were a myth."
    c = claims(own)
    assert c[(c["actor"] == "russia") & (c["role"] == "claim")]["relation"].tolist() == ["speaker"]
