"""Structure of real published pages: the furniture of site templates, headers and page ends.

Every text here is our own, written in the shapes that real pages have (issue 17): a file
in the shape of a page with its expected title, deck, furniture and body count, and minimal
pairs, where a body sentence with the same words stays body. No sentence comes from the
real-copy gold set.
"""

from __future__ import annotations

import time

import pytest
from structureutil import doc, reason, role

from research_utils.ingest import article_from_text, excluded_lines
from research_utils.ingest.document import Document
from research_utils.ingest.furniture import furniture_reason, is_timestamp
from research_utils.ingest.page import cut_trailers, is_masthead

TITLE = "Harbour workers vote to end strike after pay offer"
P1 = "Dock workers in the northern port voted on Tuesday to end a three-week strike, union officials said."
P2 = "The union said the offer raised basic pay by 6 per cent and added a bonus for night shifts."
P3 = "Shipping companies had diverted more than 40 vessels to other ports since the strike began."
P4 = "The port authority said it expected normal traffic to resume by the end of the week, weather allowing."


def excluded(d: Document) -> list[str]:
    return list(excluded_lines(d).text)


# ------------------------------------------------------------------ whole pages


def test_newspaper_page_with_skip_link_age_notice_and_credited_caption() -> None:
    deck = "Union leaders say the deal protects night shifts, but shipping firms warn of ‘months of backlog’"
    caption = "Cranes stand idle at the container terminal during the strike."
    credited = caption + " Photograph: Anna Berg/Example Agency"
    d = article_from_text(
        "\n\n".join(
            [
                "Skip to contentSkip to search",
                TITLE,
                "This article is more than 2 years old",
                deck,
                caption + "\n" + credited + "\n" + credited,
                P1,
                P2,
                "Ferry operators brace for a busy weekend, says regional minister — video",
                P3,
                "The port authority said it expected",
            ]
        )
    )
    assert d.title == TITLE and d.deck == deck
    assert d.headings == ()
    assert d.paragraphs == (P1, P2, P3, "The port authority said it expected")  # the cut last line stays
    assert {
        "Skip to contentSkip to search",
        "This article is more than 2 years old",
        caption,
    } <= set(excluded(d))


def test_newsletter_page_with_audio_player_and_link_bar() -> None:
    lead = "GOOD MORNING FROM THE HARBOUR. " + P1 + " " + P2
    d = article_from_text(
        "\n\n".join(
            [
                "Tap play to hear this story",
                "Voiced by a synthetic voice",
                "Our weekly briefing on harbour politics, with analysis from the docks.",
                "Email the desk | Subscribe | Read it online",
                lead,
                P3,
                P4,
            ]
        )
    )
    assert d.title == "" and d.paragraphs == (lead, P3, P4)
    assert len(excluded(d)) == 4


def test_portal_page_with_push_prompt_section_label_and_role_byline() -> None:
    deck = "“The offer is fair and we will sign it,” said the union’s chair in a statement, the first since the walkout began."
    d = doc(
        "Example Portal would like to send you notifications. Click Allow to continue",
        "business news",
        TITLE,
        deck,
        "Union members raise their hands during the vote at the port.(Reuters)",
        "Updated on Mar 05, 2024 02:29 PM IST",
        "Written by Anna Berg | Edited by Tom Lind",
        P1,
        P2,
        P3,
    )
    assert d.title == TITLE and d.deck == deck
    assert d.paragraphs == (P1, P2, P3)
    assert reason(d, "Written by Anna Berg | Edited by Tom Lind").startswith("byline")


def test_two_line_caption_reader_views_box_and_cut_last_line() -> None:
    deck = "Workers accept a pay rise after three weeks on strike."
    d = doc(
        TITLE,
        deck,
        "The union chair has promised to put the",
        "offer to a second vote [EXAMPLE AGENCY]",
        P1,
        "Pay details",
        P2,
        P3,
        "Your views",
        "Should the port pay more?",
        "Send us your views",
        P4,
        "The shipping companies released a statement after the vote saying tha",
    )
    assert d.title == TITLE and d.deck == deck
    assert d.headings == ("Pay details",)
    assert len(d.paragraphs) == 5
    assert "Should the port pay more?" in excluded(d)


def test_page_end_block_in_another_language_and_promo_above_the_title() -> None:
    d = doc(
        "Testen Sie PLUS — Gratis",
        TITLE,
        "Example Daily Times",
        "|",
        "May 10, 2024",
        "PORTVILLE: " + P1,
        "- Anna Berg",
        P2,
        P3,
        "MEHR NACHRICHTEN VON Example Daily Times",
        "Example Daily Times",
        "City council approves new tram line",
        "The council voted on Friday to build a tram line to the airport.",
        "Reading time: 2 minutes",
        "2 min",
        "November 01, 2024",
        "Mayor says budget is balanced",
        "The mayor said",
    )
    assert d.title == TITLE and d.deck == ""
    assert d.paragraphs == ("PORTVILLE: " + P1, P2, P3)
    assert reason(d, "- Anna Berg").startswith("dash byline")


def test_appeal_box_at_the_end() -> None:
    d = doc(
        TITLE,
        P1,
        P2,
        P3,
        "A Message from The Example Times:",
        "Dear readers,",
        "Independent journalism needs your support: every contribution from readers keeps us going.",
        "W",
    )
    assert d.paragraphs == (P1, P2, P3)
    assert len(excluded(d)) == 4


def test_masthead_dash_byline_with_role_and_repeated_headline() -> None:
    d = doc("The Example Times", TITLE, "- ANNA BERG, Labour Correspondent", P1, P2, P3)
    assert d.title == TITLE and reason(d, "The Example Times").startswith("masthead")
    assert d.paragraphs == (P1, P2, P3)
    again = doc("Live updates", TITLE, "4 min read", TITLE, P1, P2)
    assert again.title == TITLE and again.deck == "" and again.paragraphs == (P1, P2)
    assert again.blocks[3].reason.startswith("repeated headline")


def test_wire_page_caption_under_the_headline_is_not_a_deck_and_read_more_is_cut() -> None:
    caption = (
        "Union chair Anna Berg speaks to workers at the port in Portville, March 4, 2024. "
        "Example Agency/Tom Lind/Handout via EXAMPLEWIRE"
    )
    d = doc(
        TITLE,
        caption,
        "March 5 (Examplewire) — " + P1,
        P2 + " read more",
        P3,
        "The union said in a statement that it",
    )
    assert d.title == TITLE and d.deck == "" and role(d, caption) == "excluded"
    assert d.paragraphs[1] == P2  # the link is cut off, the paragraph stays
    assert len(d.paragraphs) == 4
    assert d.repairs.get("'read more' link or end mark cut from a paragraph") == 1


def test_a_date_line_under_a_title_is_not_joined_by_hard_wrapping() -> None:
    d = article_from_text(
        "Port union hits back as shippers press for faster deal in pay dispute\n"
        "Published: Mar 17, 2024 09:25 PM Updated: Mar 17, 2024 11:00 PM\n"
        "Union chair Anna Berg Photo:\n\n" + P1 + "\n\n" + P2
    )
    assert d.title.startswith("Port union hits back") and d.paragraphs == (P1, P2)
    assert reason(d, "Union chair Anna Berg Photo:").startswith("photo caption")


def test_hard_wrapped_line_that_runs_on_is_not_a_heading() -> None:
    d = article_from_text(
        "\n".join(
            [
                "* Union says members back pay offer",
                "* Port to reopen on Friday",
                "By Anna Berg",
                "Oct 30 The northern port union has",
                "agreed to end its three-week strike after members voted for a",
                "pay offer of 6 per cent, union officials said on Tuesday.",
                "PAY DETAILS",
                "The offer raises basic pay and adds a bonus for night shifts,",
                "which had been the main demand of the strikers since the autumn.",
            ]
        )
    )
    assert d.title == ""  # a list item of key points is not a title
    assert d.headings == ("PAY DETAILS",)


def test_channel_appeal_never_reaches_the_body_or_becomes_a_speaker() -> None:
    from research_utils.analyses import stance

    quote = "“We will not sign anything that cuts night pay,” the union chair said on Tuesday."
    d = doc(TITLE, P1, "For the latest updates, follow our Google News channel", quote, P2)
    assert d.paragraphs == (P1, quote, P2)
    glued = doc(TITLE, P1 + " Follow our Google News channel for the latest updates.", quote, P2)
    assert glued.paragraphs[0] == P1
    table = stance.attributions(glued, stance.load_stance_lexicons(pack="generic"))
    assert not any("google" in str(s).lower() for s in table["speaker"])


# ------------------------------------------------------------------ minimal pairs


@pytest.mark.parametrize(
    ("furniture", "body"),
    [
        (
            "Skip to main content",
            "Officials said they would skip to the main content of the treaty next week.",
        ),
        (
            "This article is more than 6 months old",
            "This article is more than 6 months old, the editor conceded.",
        ),
        (
            "Tap play to hear this story",
            "Tap play to hear the recording, the prosecutor told the jury.",
        ),
        ("Voiced by an automated voice", "Voiced by an actor from the port town, the film opens on Friday."),
        (
            "Share this storyPrint",
            "Share this story with colleagues, the ministry told its staff in a memo.",
        ),
        ("• Share on", "Share prices in the port operator rose 3 per cent on Tuesday."),
        ("Embed code:Copy to clipboard", P2),
        (
            "Email the desk | Subscribe | Read it online",
            "Email the desk, the editor said, and subscribe to the paper.",
        ),
        (
            "Written by Anna Berg | Edited by Tom Lind",
            "Written by Anna Berg in 1998, the memo was never published.",
        ),
        (
            "Example Portal would like to send you notifications. Click Allow to continue",
            "The ministry said it would send push notifications to phones in the flood zone.",
        ),
        (
            "For the latest updates, follow our Google News channel",
            "Residents were told to follow the governor's Telegram channel for air-raid alerts.",
        ),
        (
            "Follow Example Daily on Google News",
            "Millions follow the president on Telegram, where he posts each night.",
        ),
        (
            "Our weekly briefing on harbour politics, with analysis from the docks.",
            "Our weekly briefing on harbour politics was launched by the union on Monday.",
        ),
        (
            "A Message from The Example Times:",
            "A message from the Kremlin reached Kyiv on Monday, officials said.",
        ),
        ("Dear readers,", "“Dear readers, we were wrong,” the editor wrote in a note on Sunday."),
        ("Your views", "Your views on the ceasefire matter, the envoy told the crowd."),
        ("Send us your views", "“Send us your views,” the mayor told residents at the meeting."),
        ("Try it for free", "Officials said residents could try the new ferry for free until May."),
        (
            "Support Example Pravda on Patreon!",
            "The blogger raised funds on Patreon, according to court filings.",
        ),
        (
            "Cranes stand idle at the terminal during the strike [EXAMPLE AGENCY]",
            "The cranes [of the old terminal] stood idle during the strike.",
        ),
        (
            "Cranes stand idle at the terminal. PHOTO: EXAMPLE AGENCY",
            "Cranes stood idle at the terminal, the agency said in a photo caption.",
        ),
        (
            "The two ministers before their meeting in Portville.(Reuters)",
            "The two ministers met in Portville, Reuters reported.",
        ),
        (
            "Officials in Portville, March 3, 2024. Example Agency/Tom Lind via EXAMPLEWIRE",
            "Officials met in Portville on March 3, 2024, and the talks went on.",
        ),
        ("Union spokesperson Anna Berg Photo:", "The spokesperson held up one photo: the crowd at the gate."),
        ("#strike #harbour", "The hashtag #strike trended on Monday, analysts said."),
        ("newsdesk@example.com", "Readers can write to newsdesk@example.com with corrections."),
        (
            "Media caption, Workers describe the night of the vote",
            "The media caption was later corrected by the broadcaster.",
        ),
        (
            "This video can not be played",
            "This video can not be played in court, the judge ruled on Tuesday.",
        ),
        ("Enable Read mode", "Enable read mode, the guide advises, to hide the adverts on the page."),
        ("Share your thoughts", "Share your thoughts with your union rep, the leaflet urged members."),
        ("Follow Anna Berg on X", "Follow Anna Berg on X, the union's press office told reporters."),
        ("Powered by automated translation", "Powered by coal, the plant supplies half the region's homes."),
        ("Xinhua | Updated: 2024-03-30 07:31", "Xinhua reported the vote on 30 March at 07:31 local time."),
    ],
)
def test_template_furniture_and_its_body_twin(furniture: str, body: str) -> None:
    d = doc(TITLE, P1, furniture, body, P2, P3)
    assert role(d, furniture) == "excluded", furniture
    assert role(d, body) == "body", body


@pytest.mark.parametrize(
    "line",
    [
        "Share prices rose sharply on Tuesday after the union accepted the offer.",
        "Officials said they will follow the agreement closely and publish the details.",
        "The report was published on Tuesday and updated on Wednesday with new figures.",
        "Union members were asked to join the vote on the port's new shift pattern.",
        "Dock workers said they had read more than 40 pages of the offer before the vote.",
        "Listeners to the local radio station heard the result first.",
    ],
)
def test_body_sentences_with_furniture_words_stay_body(line: str) -> None:
    assert not furniture_reason(line)
    assert role(doc(TITLE, P1, line, P2), line) == "body"


def test_source_line_only_in_the_header() -> None:
    d = doc(TITLE, "Source: Example Agency", "XNA", P1, P2, "Source: the harbour master, on the radio", P3)
    assert role(d, "Source: Example Agency") == "excluded" and role(d, "XNA") == "excluded"
    assert role(doc(TITLE, "Source: the harbour master", P1, P2), "Source: the harbour master") != "excluded"
    assert role(d, "Source: the harbour master, on the radio") == "body"
    lower = doc(TITLE, P1, P2, "Source: Example Agency", P3)
    assert role(lower, "Source: Example Agency") != "excluded"


def test_dash_names_in_a_list_are_not_bylines() -> None:
    d = doc(TITLE, P1, "The union named three negotiators:", "- Anna Berg", "- Tom Lind", P2)
    assert role(d, "- Anna Berg") == "body" and role(d, "- Tom Lind") == "body"


def test_a_short_first_paragraph_under_a_byline_is_not_a_deck() -> None:
    lead = "The northern port union accepted a new pay offer on Tuesday after a vote."
    d = doc(TITLE, "By Anna Berg", lead, P2, P3)
    assert d.deck == "" and d.paragraphs[0] == lead
    standfirst = "Workers accept a pay rise."
    d = doc(TITLE, "By Anna Berg", standfirst, P1 + " " + P2, P3)
    assert d.deck == standfirst


def test_truncated_last_line_and_trailing_tags() -> None:
    assert (
        doc(TITLE, P1, P2, "The union said in a statement that it")
        .paragraphs[-1]
        .startswith("The union said")
    )
    tags = doc(TITLE, P1, P2, "Related Topics", "Harbours", "Labour Unions")
    assert tags.paragraphs == (P1, P2)
    after_furniture = doc(TITLE, P1, P2, "More on this story", "Mayor says budget is balanced")
    assert after_furniture.paragraphs == (P1, P2)


def test_trailers_are_cut_only_after_a_sentence() -> None:
    assert cut_trailers(P1 + " read more") == (P1, "'read more' link or end mark")
    assert cut_trailers(P1 + " (END)") == (P1, "'read more' link or end mark")
    inner = "Officials said they wanted residents to read more"
    assert cut_trailers(inner) == (inner, "")
    first = "Follow us on WhatsApp for the latest news. " + P1
    assert cut_trailers(first) == (P1, "channel appeal")
    assert cut_trailers(P1 + " Join XT's WhatsApp Channel for updates.") == (P1, "channel appeal")
    telegram = P1 + " The governor posts alerts on his Telegram channel every night."
    assert cut_trailers(telegram) == (telegram, "")
    short_appeal = "Stay informed. Follow our Google News channel."
    assert cut_trailers(short_appeal) == (short_appeal, "")  # the whole line is furniture instead
    assert furniture_reason(short_appeal)


def test_a_heading_that_runs_into_a_brand_name_stays_a_heading() -> None:
    assert doc(
        TITLE, P1, "Phone sales", "iPhone sales rose 5 per cent in the quarter, the company said.", P2
    ).headings == ("Phone sales",)


def test_helpers_for_mastheads_and_dates() -> None:
    assert is_masthead("The Example Times") and is_masthead("Example Daily News")
    assert not is_masthead("The Great Escape") and not is_masthead("Times")
    assert is_timestamp("Updated 21:18, 30-Mar-2024") and is_timestamp("Published Mar 30, 2024, 10:28 PM SGT")
    assert not is_timestamp("pro-Kremlin 2024")


def test_page_rules_stay_linear_on_many_markers() -> None:
    text = "\n".join([TITLE] + ["Recommended", "A Message from The Example Times:", P1, P2] * 3000)
    started = time.perf_counter()
    d = article_from_text(text)
    assert time.perf_counter() - started < 10  # quadratic rules would take minutes here
    assert len(d.paragraphs) == 6000


def test_a_caption_ending_in_an_agency_credit_is_furniture() -> None:
    caption = "The mayor speaks to reporters at the harbour on Friday. (Reuters: Anna Berg)"
    d = doc(TITLE, P1, caption, P2, P3)
    (block,) = [b for b in d.blocks if "on Friday" in b.text]
    assert block.reason == "photo caption or credit"
    assert role(d, P1) == "body"


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Dock workers are attempting to win favour.(Tom Lind/Ana Sousa/Rui Costa)", True),
        ("Dock workers are attempting to win favour. (AP: Tom Lind)", True),
        ("Dock workers (Tom Lind, Ana Sousa and Rui Costa) are attempting to win favour.", False),
    ],
)
def test_credits_of_several_names_or_an_agency_and_a_name(line: str, furniture: bool) -> None:
    assert (furniture_reason(line) == "photo caption or credit") is furniture


def test_a_body_sentence_with_a_parenthesis_of_names_stays_body() -> None:
    line = "The union (its chair and two deputies) said the offer was fair."
    d = doc(TITLE, P1, line, P2)
    assert role(d, line) == "body"
