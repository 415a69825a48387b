"""Attribution families read on the development outlets of the real-copy gold set (third
set, 2026-12-07): each test is our own sentence in the construction of a real one."""

from __future__ import annotations

import pytest
from attrutil import attr, by_quote

LEAD = "Talks resumed in the capital on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # a bare noun with a prepositional phrase opens the clause after "said"
        ("Kuleba said support for his country from its allies is “too slow” and left.", "support for his"),
        ("Lavrov said talks on the status of Crimea were not on the agenda.", "talks on the status"),
        ("Officials said aid for the region from the EU had been delayed.", "aid for the region"),
    ],
)
def test_a_bare_noun_with_a_prepositional_phrase_opens_a_clause(text: str, starts: str) -> None:
    by_quote(attr(LEAD + text), starts)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said goodbye to his staff on Friday.",
        "The minister said thanks to the team who had worked hard.",
        "She said sorry for the delay.",
        "He said yes to the plan.",
    ],
)
def test_set_phrases_after_said_open_no_clause(text: str) -> None:
    assert attr(LEAD + text).empty


def test_a_manner_adverb_before_the_verb_is_not_the_speaker() -> None:
    row = by_quote(
        attr(LEAD + "Asked about the east, he frankly admitted it is hard to win back some towns."),
        "it is hard",
    )
    assert row["speaker"] == "he"


def test_an_ally_is_still_a_speaker() -> None:
    row = by_quote(attr(LEAD + "A close ally said the minister would resign by Friday."), "the minister")
    assert row["speaker"] == "A close ally"


def test_underscored_reports_speech_and_the_name_before_a_relative_clause_speaks() -> None:
    text = (
        "Kuleba, who continues to see EU membership as vital for the country’s future, underscored "
        "that the talks have reached a “difficult stage.”"
    )
    row = by_quote(attr(LEAD + text), "the talks have")
    assert (row["speaker"], row["verb"]) == ("Kuleba", "underscored")


def test_a_thing_that_underscores_is_evidence_not_a_source() -> None:
    text = "The quiet support from Beijing underscores a joint effort to weaken the established order."
    assert attr(LEAD + text).empty
