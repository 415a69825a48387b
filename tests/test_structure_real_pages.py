"""Structure of real published pages: the furniture of site templates, headers and page ends.

Every text here is our own, written in the shapes that real pages have (issue 17): a file
in the shape of a page with its expected title, deck, furniture and body count, and minimal
pairs, where a body sentence with the same words stays body. No sentence comes from the
real-copy gold set.
"""

from __future__ import annotations

import pytest

from research_utils.ingest import article_from_text, excluded_lines
from research_utils.ingest.document import Document
from research_utils.ingest.furniture import furniture_reason, is_timestamp

TITLE = "Harbour workers vote to end strike after pay offer"
P1 = "Dock workers in the northern port voted on Tuesday to end a three-week strike, union officials said."
P2 = "The union said the offer raised basic pay by 6 per cent and added a bonus for night shifts."
P3 = "Shipping companies had diverted more than 40 vessels to other ports since the strike began."
P4 = "The port authority said it expected normal traffic to resume by the end of the week, weather allowing."


def doc(*lines: str) -> Document:
    return article_from_text("\n".join(lines))


def role(d: Document, text: str) -> str:
    return next(b.role for b in d.blocks if b.text == text)


def reason(d: Document, text: str) -> str:
    return next(b.reason for b in d.blocks if b.text == text)


def excluded(d: Document) -> list[str]:
    return list(excluded_lines(d).text)


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
            "Press play to listen to this article",
            "Press play to listen to the recording, the prosecutor told the jury.",
        ),
        ("Voiced by Amazon Polly", "Voiced by an actor from the port town, the film opens on Friday."),
        (
            "Share this articleComments",
            "Share this article with colleagues, the ministry told its staff in a memo.",
        ),
        ("• Share to or", "Share prices in the port operator rose 3 per cent on Tuesday."),
        ("Copy/paste the article video embed link below:Copy to clipboardCopied", P2),
        (
            "Send tips here | Subscribe for free | View in your browser",
            "Send tips here, the editor said, and subscribe for free.",
        ),
        (
            "Written by Anna Berg | Edited by Tom Lind",
            "Written by Anna Berg in 1998, the memo was never published.",
        ),
        (
            "Example Portal wants to start sending you push notifications. Click allow to subscribe",
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
            "A weekly newsletter on harbour politics, with news and analysis from the docks.",
            "A weekly newsletter on harbour politics was launched by the union on Monday.",
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


def test_timestamps_with_time_zones_and_hyphenated_dates() -> None:
    assert is_timestamp("Updated 21:18, 30-Mar-2024") and is_timestamp("Published Mar 30, 2024, 10:28 PM SGT")
    assert not is_timestamp("pro-Kremlin 2024")
