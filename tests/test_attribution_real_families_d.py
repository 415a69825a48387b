"""Attribution families read on the development outlets of the real-copy gold set (fourth
set, 2026-12-07, from the twelfth batch once it was measured): our own sentences in the
constructions of real ones."""

from __future__ import annotations

import pytest
from attrutil import attr, by_quote

LEAD = "Talks resumed in the capital on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # an adverb between the verb and "that"
        ("Smith said only that the document had been put on the table.", "the document"),
        ("Smith has said repeatedly that the talks would fail.", "the talks"),
        ("Smith said publicly that the talks would fail.", "the talks"),
        # "assure" reports a promise
        ("Smith assured reporters that the troops will stay for a while.", "the troops"),
        ("The general assured those in attendance that the troops will stay.", "the troops"),
        # an indirect question after "asked" is the question asked
        ("Zelensky asked rhetorically how Canadians would feel if their city were shelled.", "how Canadians"),
        ("Smith asked whether voters would accept such a deal.", "whether voters"),
        ("Smith asked Jones what concessions the company would have to make.", "what concessions"),
    ],
    ids=[
        "only-that",
        "repeatedly-that",
        "publicly-that",
        "assured-reporters",
        "assured-those",
        "asked-how",
        "asked-whether",
        "asked-what",
    ],
)
def test_the_content_starts_after_the_verb_and_its_complementiser(text: str, starts: str) -> None:
    by_quote(attr(LEAD + text), starts)


@pytest.mark.parametrize(
    "text",
    ["Rest assured, the forces will stay.", "Smith asked for help with the cleanup."],
    ids=["rest-assured", "asked-for"],
)
def test_no_speech_without_a_clause(text: str) -> None:
    assert attr(LEAD + text).empty


# ------------------------------------------------ datelines, organisations and regional adjectives


def test_a_dateline_in_capitals_is_never_a_speaker() -> None:
    text = (
        "BRATISLAVA CITY, March 3 — The country should state its position plainly, the visiting "
        "Moldovan envoy Ion Cebotari said in a radio interview.\n\n"
        "The European diplomat said his embassy had noted the minister's remarks.\n\n"
        "“We expect a clearer position,” he said.\n"
    )
    table = attr(text)
    assert set(table["speaker_name"]) == {"Ion Cebotari"}, table[["speaker", "speaker_name"]]


def test_a_role_noun_is_no_organisation_named_after_it() -> None:
    text = (
        "The diplomat said his office had noted the statement.\n\n"
        "“We respect the charter of the United Nations,” the statement read.\n"
    )
    row = by_quote(attr(text), "his office")
    assert row["speaker_name"] != "United Nations"


@pytest.mark.parametrize(
    "opening",
    [
        "New Delhi: India abstained",
        "NEW DELHI, March 2 — India abstained",
        "New Delhi (AP) — India abstained",
    ],
)
def test_a_dateline_names_no_one(opening: str) -> None:
    text = (
        f"{opening} on the resolution, which demanded that all forces withdraw.\n\n"
        "“We are deeply concerned,” the envoy said.\n"
    )
    assert "Delhi" not in " ".join(attr(text)["speaker_name"].astype(str))


def test_a_member_state_is_no_person() -> None:
    text = (
        "The resolution demands that no threat be made against any Member State.\n\n"
        "“We abstain,” the senior diplomat said.\n"
    )
    assert "Member State" not in set(attr(text)["speaker_name"])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "KYIV, March 3 — The talks will resume on Monday, officials said.",
            "The talks will resume on Monday",
        ),
        ("BRUSSELS (Reuters) - The bank will act, officials said.", "The bank will act"),
        ("Kuala Lumpur, Feb 25 — The country must act, the envoy said.", "The country must act"),
        ("NATO, the EU and the US must act, officials said.", "NATO, the EU and the US must act"),
    ],
    ids=["caps-date", "caps-agency", "date", "no-dateline"],
)
def test_a_dateline_is_not_part_of_the_content(text: str, content: str) -> None:
    assert attr(text)["quote"].iloc[0].rstrip(".") == content


@pytest.mark.parametrize("noun", ["newswire", "paper", "tabloid"])
def test_a_news_outlet_noun_is_a_speaker_of_a_parenthetical_frame(noun: str) -> None:
    text = f"The communique was issued by the ministers at a two-day meeting, the {noun} explains, with ideas for cuts."
    assert by_quote(attr(LEAD + text), "The communique")["speaker"] == f"the {noun}"


# ------------------------------------------------------------ possessed speech-act nouns


@pytest.mark.parametrize(
    ("text", "starts", "name"),
    [
        ("The senator's statements that the deal was dead have complicated the talks.", "the deal", ""),
        (
            "The mayor spoke, and his earlier statements that he would resign were recalled.",
            "he would resign",
            "",
        ),
        (
            "Talks begin after Turkey's proposal to bring the two ministers together.",
            "bring the two",
            "Turkey",
        ),
        (
            "Russia cut gas supplies to Poland.\n\nMoscow followed through on its threat to cut supplies to Bulgaria.",
            "cut supplies to Bulgaria",
            "Moscow",
        ),
    ],
    ids=["statements-that", "his-earlier-statements", "proposal-to", "its-threat-to"],
)
def test_a_possessed_speech_noun_with_content_is_the_possessors_speech(
    text: str, starts: str, name: str
) -> None:
    row = by_quote(attr(LEAD + text), starts)
    assert not name or row["speaker_name"] == name


@pytest.mark.parametrize(
    "text",
    [
        "His statement to the press was brief.",
        "The minister's statement was long.",
        "A threat to the region remains.",
    ],
)
def test_a_speech_noun_without_content_is_no_speech(text: str) -> None:
    assert attr(LEAD + text).empty


@pytest.mark.parametrize(
    ("text", "question", "asker"),
    [
        (
            "When asked whether the plan was dead, spokesperson Ann Lee said it was not.",
            "whether the plan",
            "",
        ),
        (
            "Asked if the evacuation had begun, the embassy spokesman told reporters it had not.",
            "if the evacuation",
            "",
        ),
        ("When asked by the moderator why he ran, the mayor replied: “Duty.”", "why he ran", "the moderator"),
    ],
    ids=["when-asked", "asked-if", "asked-by"],
)
def test_a_question_asked_of_the_speaker_is_an_unnamed_askers(text: str, question: str, asker: str) -> None:
    table = attr(LEAD + text)
    row = by_quote(table, question)
    assert (row["speaker"], row["speaker_name"], bool(row["anonymous"])) == (asker, "", True)
    assert len(table) == 2  # the answer stays the answerer's


def test_straight_and_curly_apostrophes_give_the_same_attributions() -> None:
    """Real pages write apostrophes and quotation marks either way: the attributions must not
    depend on which (a curly "won’t" once opened no clause after "said")."""
    straight = (
        "Zelensky said Ukraine won't join the alliance.\n\n"
        "Kyiv's envoy told reporters the talks hadn't failed.\n\n"
        "\"We don't accept it,\" Peskov said, adding that Moscow wasn't ready.\n"
    )
    curly = straight.replace("'", "’")
    a, b = attr(LEAD + straight), attr(LEAD + curly)
    assert len(a) == 4
    assert list(a["quote"].str.replace("'", "’")) == list(b["quote"])
    assert list(a["speaker_name"]) == list(b["speaker_name"])
