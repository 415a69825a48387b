"""Structure of saved article files: lines, lists, title, deck, headings and page furniture.

Small hand-written texts (not gold items), mostly minimal pairs: one line changes and the
role changes the right way, or stays put where it should.
"""

from __future__ import annotations

import textwrap

import pytest
from structureutil import doc, reason, role

from research_utils.ingest import article_from_text, excluded_lines
from research_utils.ingest.furniture import furniture_reason, is_name, is_timestamp
from research_utils.ingest.structure import ROLE_RULES

P1 = "The talks resumed on Monday in Istanbul after a week of delays, and both delegations met for three hours."
P2 = "Officials on both sides said no agreement had been reached, but a new round was planned for next week."
P3 = "Shelling continued overnight in the east, where local officials reported damage to two schools and a clinic."


# ------------------------------------------------------------------ lines and paragraphs


def test_one_paragraph_per_line_keeps_title_and_paragraphs() -> None:
    d = doc("Talks resume in Istanbul", P1, P2, P3)
    assert d.title == "Talks resume in Istanbul"
    assert d.paragraphs == (P1, P2, P3)
    assert not d.paragraphs[0].startswith("Talks resume")  # the title is not fused into sentence 0


def test_hard_wrapped_text_is_joined_but_one_line_per_paragraph_is_not() -> None:
    wrapped = "\n".join(["Talks resume in Istanbul", textwrap.fill(P1 + " " + P2, 64), textwrap.fill(P3, 64)])
    d = article_from_text(wrapped)
    assert len(d.paragraphs) == 2  # wrapped lines run on; the short last line ends a paragraph
    assert d.paragraphs[0] == P1 + " " + P2
    assert len(doc("Talks resume in Istanbul", P1, P2, P3).paragraphs) == 3


def test_short_one_line_paragraphs_are_not_taken_for_wrapped_lines() -> None:
    lines = ["Kyiv says talks will go on"] + [
        f"Line {i} of the story ends here with a full stop." for i in range(5)
    ]
    assert len(doc(*lines).paragraphs) == 5


def test_list_items_and_their_introduction_are_body_paragraphs() -> None:
    d = doc(
        "Talks resume in Istanbul",
        P1,
        "Diplomats said the agenda included:",
        "- a ceasefire",
        "- prisoner exchanges",
        P2,
    )
    assert d.paragraphs[1:4] == (
        "Diplomats said the agenda included:",
        "- a ceasefire",
        "- prisoner exchanges",
    )
    numbered = doc("Talks resume in Istanbul", P1, "1. a ceasefire", "2. prisoner exchanges", P2)
    assert len(numbered.paragraphs) == 4 and not numbered.headings


def test_unmarked_list_after_a_colon_is_body_not_headings() -> None:
    results = ("The full results were:", "Anna Berg (Green): 12,400", "Tom Lind (Labour): 9,310", P2)
    d = doc("Berg wins mayoral race", P1, *results)
    assert d.headings == () and len(d.paragraphs) == 5
    # minimal pair: without the introducing colon a short line between paragraphs is a heading
    assert doc("Berg wins mayoral race", P1, "Anna Berg (Green) wins", P2).headings == (
        "Anna Berg (Green) wins",
    )


# ------------------------------------------------------------------ title and deck


def test_breadcrumb_and_section_label_above_the_title_are_furniture() -> None:
    d = doc("Home › World › Europe", "Talks resume in Istanbul", P1, P2)
    assert d.title == "Talks resume in Istanbul"
    assert reason(d, "Home › World › Europe").startswith("breadcrumb")
    d = doc("War", "Germany sends another air defence system to Ukraine", P1, P2)
    assert d.title.startswith("Germany sends") and role(d, "War") == "excluded"
    # a short first line before a quotation is a title, not a label
    d = article_from_text(
        "Talks\n\n“We will not give up,” Lavrov said. “We will keep going\n\n“And we will win.”"
    )
    assert d.title == "Talks"


@pytest.mark.parametrize(
    "dateline", ["KYIV (Reuters) —", "KIEV/DONETSK (Reuters) —", "MOSCOW, March 3. /TASS/."]
)
def test_first_line_that_is_a_dateline_paragraph_is_not_a_title(dateline: str) -> None:
    d = doc(f"{dateline} Ukraine said it would send a delegation to Istanbul.", P1, P2)
    assert d.title == "" and len(d.paragraphs) == 3


def test_deck_needs_evidence_not_just_a_short_first_paragraph() -> None:
    speech = doc("Remarks at the opening of the summit", "Thank you, Mr. President.", P1, P2, "Thank you.")
    assert speech.deck == "" and speech.paragraphs[0] == "Thank you, Mr. President."
    short_first = doc("Talks resume in Istanbul", "The talks resumed on Monday.", P1, P2)
    assert short_first.deck == ""
    teaser = doc("Talks resume in Istanbul", "Kyiv could drop its bid. What would it get?", P1, P2)
    assert teaser.deck == "Kyiv could drop its bid. What would it get?"
    single_question = doc("Talks resume in Istanbul", "What would Kyiv get in return?", P1, P2)
    assert single_question.deck == ""


def test_deck_before_a_byline_or_a_dateline() -> None:
    d = doc(
        "Talks resume in Istanbul", "A week of delays ended with a short meeting.", "By Anna Berg", P1, P2
    )
    assert d.deck == "A week of delays ended with a short meeting."
    lead = "The Russian minister noted that Moscow remained open to a dialogue with Kiev"
    tass = doc("Lavrov sees no readiness for talks", lead, "MOSCOW, March 3. /TASS/. " + P1, P2)
    assert tass.deck == lead and tass.paragraphs[0].startswith("MOSCOW, March 3. /TASS/.")


# ------------------------------------------------------------------ headings and related headlines


@pytest.mark.parametrize(
    "line",
    [
        "Kyiv's winter plan",
        "The plan for the grid",
        "What happens next?",
        "Background:",
        "What Europe can do:",
    ],
)
def test_real_subheadings_are_kept(line: str) -> None:
    assert doc("Talks resume in Istanbul", P1, line, P2, P3).headings == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Russia reacts to the new Western proposals",
        "Ukraine might drop its NATO bid – ambassador",
        "Why Russia and the West failed to build a common European home",
    ],
)
def test_inline_headlines_of_other_stories_are_set_aside(line: str) -> None:
    d = doc("Talks resume in Istanbul", P1, line, P2, P3)
    assert d.headings == () and excluded_lines(d).reason.iloc[0].startswith("related headline")


def test_question_or_colon_line_is_a_heading_only_before_a_paragraph() -> None:
    assert doc("Talks resume in Istanbul", P1, "What happens next? Nobody knows.", P2).headings == ()
    assert (
        doc(
            "Talks resume in Istanbul", P1, "He said:", "“We will sign the text next week in Istanbul.”"
        ).headings
        == ()
    )


def test_headlines_under_a_read_also_marker_are_furniture() -> None:
    d = doc("Talks resume in Istanbul", P1, "Read also", "Kyiv weighs neutrality", "Grain deal extended", P2)
    assert d.headings == () and len(d.paragraphs) == 2
    assert reason(d, "Grain deal extended") == "related link: listed under 'Read also'"


# ------------------------------------------------------------------ furniture, minimal pairs


@pytest.mark.parametrize(
    ("furniture", "body"),
    [
        ("By Anna Berg and Tom Lind", "By Monday, the talks had ended without a deal."),
        ("Published 3 May 2024, 02:14 BST", "Updated: Later, the mayor said two more people had died."),
        ("Olha Marchenko — 21 May, 18:42", "Olha Marchenko said the bombs hit a residential area."),
        (
            "ALSO READ: Kyiv weighs neutrality as talks resume",
            "Also, the delegations read a joint statement.",
        ),
        ("- Country: Azerbaijan", "- a country of ten million people"),
        ("(Reporting by Anna Berg; Editing by Tom Lind)", "(The figures were later revised upwards.)"),
        ("Support us or become a member today!", "“Support us,” the governor told the ministers."),
        ("Photo: Getty Images", "A photo of the meeting was published by the ministry."),
        (
            "A drone hit a block of flats overnight on Feb. 23. (Southern Defense Forces / Telegram)",
            "The drone hit a block of flats at 120 (km/h), officials said.",
        ),
        (
            "Rescuers at the scene of the strike on Nov. 16. (Photo: State Emergency Service)",
            "Rescuers worked at the scene of the strike on Nov. 16, the service said.",
        ),
    ],
)
def test_furniture_line_and_its_body_twin(furniture: str, body: str) -> None:
    assert furniture_reason(furniture), furniture
    assert not furniture_reason(body), body
    d = doc("Talks resume in Istanbul", P1, furniture, body, P2)
    assert role(d, furniture) == "excluded" and role(d, body) == "body"


@pytest.mark.parametrize(
    "line",
    [
        "(This story has not been edited by Example Daily staff and is auto-generated from a syndicated feed.)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Associated Press writer Anna Berg in Kyiv contributed to this report.",
        "___",
        "Share this article",
        "Telegram",
        "The views expressed in this column are solely those of the author.",
        "If you notice an error, select the text and press Ctrl + Enter to report it to the editors.",
        "Copyright 2024 Example News. All rights reserved.",
        "Image caption, Supporters celebrate at the count",
        "FILE — A soldier walks past a damaged building in Kharkiv, Ukraine, May 2, 2024.",
    ],
)
def test_page_furniture_lines(line: str) -> None:
    d = doc("Talks resume in Istanbul", P1, line, P2)
    assert role(d, line) == "excluded" and len(d.paragraphs) == 2


def test_header_lines_of_a_page_are_not_a_deck() -> None:
    d = doc("Junior doctors walk out", "Published", "2 hours ago", "Share", P1, P2)
    assert d.deck == "" and d.paragraphs == (P1, P2)
    assert list(excluded_lines(d).text) == ["Published", "2 hours ago", "Share"]


def test_lines_without_words_and_counters_are_furniture() -> None:
    d = doc("Talks resume in Istanbul", P1, "|", "181", "•", P2)
    assert d.paragraphs == (P1, P2) and d.headings == ()


def test_caption_before_a_photo_credit() -> None:
    caption = "The new winger scored 14 goals last season."
    d = doc("Club agrees fee for winger", P1, caption, "Photo: Getty Images", P2)
    assert reason(d, caption).startswith("photo caption")
    assert role(doc("Club agrees fee for winger", P1, caption, P2), caption) == "body"


def test_bare_name_under_the_title_is_a_byline() -> None:
    d = doc("Talks resume in Istanbul", "Anna Berg", P1, P2)
    assert reason(d, "Anna Berg").startswith("byline") and len(d.paragraphs) == 2
    assert doc("Talks resume in Istanbul", "Anna Berg in Kyiv", P1, P2).paragraphs[0] == P1


def test_author_bio_at_the_end() -> None:
    bio = "Anna Berg is a senior fellow at the Institute for Security Studies."
    d = doc("Talks resume in Istanbul", "By Anna Berg", P1, P2, bio)
    assert reason(d, bio).startswith("author bio")
    # a last paragraph about a person of the story is not a bio
    news = "Berg is a former head teacher and a councillor."
    assert (
        role(
            doc("Berg wins mayoral race", "Anna Berg won the race on Friday, officials said.", P2, news), news
        )
        == "body"
    )


def test_trailing_topic_lines_are_furniture() -> None:
    d = doc("Talks resume in Istanbul", P1, P2, "Related Topics", "Ukraine", "Diplomacy")
    assert len(d.paragraphs) == 2 and list(excluded_lines(d).text) == [
        "Related Topics",
        "Ukraine",
        "Diplomacy",
    ]


# ------------------------------------------------------------------ helpers and reasons


def test_names_and_timestamps() -> None:
    assert is_name("Daria Melnyk and Tom Harrow") and is_name("Jan de Vries")
    assert not is_name("The Kremlin") and not is_name("Air defence systems arrive") and not is_name("Kyiv")
    assert is_timestamp("Updated 3:14 PM GMT+1, September 3, 2024") and is_timestamp("12.03.2024 14:20")
    assert not is_timestamp("1991, 2004, 2014.") and not is_timestamp("Updated: Later, the mayor said")


def test_every_reason_is_one_line_and_rules_are_documented() -> None:
    d = doc(
        "Home › World", "Talks resume in Istanbul", "By Anna Berg", P1, "ALSO READ: Grain deal", P2, "Share"
    )
    assert all("\n" not in b.reason for b in d.blocks)
    assert all(b.reason for b in d.blocks if b.role == "excluded")
    assert {"title", "deck", "heading", "related headline", "furniture", "paragraphs"} <= set(ROLE_RULES)
