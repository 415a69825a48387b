"""Office holders of 2022-2025 speak for their side (issue 17, item 2: actor accuracy).

The development outlets of the real copy quote the envoys, ministers and negotiators of the
2025 talks (Rubio, Hegseth, Ryabkov ...), whom the pack did not list: each became an actor
of its own, where the coders code the state. Our own sentences.
"""

from __future__ import annotations

import pytest

from research_utils import article_from_text
from research_utils.analyses import stance


def _actor(text: str) -> str:
    table = stance.attributions(article_from_text(f"A headline for the test\n\n{text}"))
    assert len(table) == 1, table[["speaker", "actor", "quote"]]
    return str(table["actor"].iloc[0])


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Marco Rubio", "us"),
        ("Hegseth", "us"),
        ("Witkoff", "us"),
        ("Schumer", "us"),
        ("Sergei Ryabkov", "russia"),
        ("Ushakov", "russia"),
        ("Sybiha", "ukraine"),
        ("Arakhamiya", "ukraine"),
        ("Umerov", "ukraine"),
        ("Rutte", "nato"),
        ("Kubilius", "eu"),
    ],
)
def test_an_office_holder_of_the_period_speaks_for_the_side(name: str, side: str) -> None:
    assert _actor(f"{name} said the talks would continue next week.") == side


def test_a_surname_that_is_a_common_name_needs_the_first_name() -> None:
    assert _actor("Austin said the talks would continue next week.") == "Austin"
    assert _actor("Lloyd Austin said the talks would continue next week.") == "us"


@pytest.mark.parametrize(
    ("speaker", "side"),
    [
        ("Prime Minister Kaja Kallas", "Kaja Kallas"),  # Estonia's head of government in 2022
        ("Prime Minister Mark Rutte", "Mark Rutte"),
        ("EU foreign policy chief Kaja Kallas", "eu"),
        ("NATO Secretary General Mark Rutte", "nato"),
        ("Kaja Kallas", "eu"),
    ],
    ids=["pm-kallas", "pm-rutte", "eu-kallas", "nato-rutte", "no-title"],
)
def test_a_national_office_before_a_name_listed_under_a_bloc_is_a_state(speaker: str, side: str) -> None:
    assert _actor(f"{speaker} said the talks would continue next week.") == side
