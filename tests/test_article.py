"""Article ingestion: encodings, repair, roles of blocks, sidecar, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from research_utils.ingest import (
    MAX_BYTES,
    ArticleError,
    article_from_text,
    excluded_lines,
    load_article,
    structure_table,
)
from research_utils.ingest.repair import repair_text
from research_utils.paths import DEFAULT_ARTICLE

ARTICLE = """Ukraine weighs neutrality as talks resume

Kyiv could drop its NATO bid. What would it get in return?

The talks resumed on Monday in Istanbul after a week of delays. Negotiators from both sides met for three hours and agreed to meet again, officials said.

Neutrality on the table

Ukraine said it would consider a neutral status if partners gave binding security guarantees. The proposal would need a referendum, according to a member of the delegation.

Russia reacts to the proposal – ambassador

“We are studying the text,” a spokesman said. “It is too early to judge.”

Related Articles

Back to top button
"""


def write(tmp_path: Path, data: bytes | str, name: str = "a.txt") -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


# ------------------------------------------------------------------ structure


def test_roles_of_blocks(tmp_path: Path) -> None:
    a = load_article(write(tmp_path, ARTICLE))
    assert a.title == "Ukraine weighs neutrality as talks resume"
    assert a.deck.startswith("Kyiv could drop")
    assert a.headings == ("Neutrality on the table",)
    assert len(a.paragraphs) == 3
    assert a.sections == ("", "Neutrality on the table", "Neutrality on the table")
    ex = excluded_lines(a)
    assert list(ex.text) == [
        "Russia reacts to the proposal — ambassador",
        "Related Articles",
        "Back to top button",
    ]
    assert all(ex.reason.str.len() > 0)
    assert ex.reason.iloc[0].startswith("related headline")
    assert ex.reason.iloc[1].startswith("furniture")


def test_structure_table_lists_every_block(tmp_path: Path) -> None:
    a = load_article(write(tmp_path, ARTICLE))
    table = structure_table(a)
    assert list(table.columns) == ["block", "role", "words", "text", "reason"]
    assert len(table) == len(a.blocks) == 9
    assert set(table.role) == {"title", "deck", "heading", "body", "excluded"}


def test_bundled_article_structure() -> None:
    a = load_article(DEFAULT_ARTICLE)
    assert a.meta["outlet"] == "RT"
    assert a.meta["date_approximate"] is True
    assert a.title.startswith("Why the outcome of Russia-Ukraine talks")
    assert a.deck.endswith("What can it expect in return?")
    assert "Talks, No Compromise" in a.headings
    ex = set(excluded_lines(a).text)
    assert {
        "Related Articles",
        "Back to top button",
        "Ukraine might drop NATO bid — ambassador",
        "Russia reacts to West’s security proposals",
    } <= ex
    assert not any("Related Articles" in p for p in a.paragraphs)
    assert len(a.paragraphs) == 29
    assert a.headings == ("Talks, No Compromise", "It’s a long-debated dream")
    reasons = dict(zip(excluded_lines(a).text, excluded_lines(a).reason, strict=True))
    assert reasons["Related Articles"].startswith("furniture") and reasons["Back to top button"]
    assert a.encoding == "utf-8"
    assert a.repairs["closing quote glued to next word"] >= 4


def test_sidecar_overrides_roles(tmp_path: Path) -> None:
    p = write(tmp_path, ARTICLE)
    (tmp_path / "a.meta.yaml").write_text(
        "outlet: Example Post\ndate: 2022-03-30\nheadings:\n  - Russia reacts to the proposal – ambassador\n",
        encoding="utf-8",
    )
    a = load_article(p)
    assert a.meta["outlet"] == "Example Post"
    assert a.meta["date"] == "2022-03-30"
    assert "Russia reacts to the proposal — ambassador" in a.headings


def test_bad_sidecar_names_file_and_key(tmp_path: Path) -> None:
    p = write(tmp_path, ARTICLE)
    (tmp_path / "a.meta.yaml").write_text("outlet: X\npublisher: Y\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"a\.meta\.yaml: unknown key 'publisher'"):
        load_article(p)
    (tmp_path / "a.meta.yaml").write_text("outlet: [unclosed\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"a\.meta\.yaml, line \d+: .*fix the YAML syntax there"):
        load_article(p)


# ------------------------------------------------------------------ repair


def test_repair_glued_quotes_spaces_and_dashes() -> None:
    text, counts = repair_text("“It is over,”Stefanchuk said.\u00a0Then - silence. “neutrality”And more")
    assert text == "“It is over,” Stefanchuk said. Then — silence. “neutrality” And more"
    assert counts["closing quote glued to next word"] == 2
    assert counts["non-breaking or special space"] == 1
    assert counts["spaced hyphen made a dash"] == 1


def test_repair_straight_quotes_become_curly() -> None:
    text, counts = repair_text('He said "we will sign," and left. "No," she said.')
    assert text == "He said “we will sign,” and left. “No,” she said."
    assert counts["straight double quote made curly"] == 4


def test_repair_keeps_apostrophes_and_guillemets() -> None:
    text, _ = repair_text("Russia’s «special operation» isn't new")
    assert text == "Russia’s “special operation” isn't new"


# ------------------------------------------------------------------ encodings


def test_utf8_with_bom(tmp_path: Path) -> None:
    a = load_article(write(tmp_path, "\ufeff" + ARTICLE))
    assert a.encoding == "utf-8-sig"
    assert a.title == "Ukraine weighs neutrality as talks resume"


def test_cp1252_file(tmp_path: Path) -> None:
    text = "Title here\n\nThe minister’s “plan” costs 5 € — and café owners object to it strongly today."
    a = load_article(write(tmp_path, text.encode("cp1252")))
    assert a.encoding == "cp1252"
    assert "minister’s “plan” costs 5 €" in a.paragraphs[0]
    assert "café" in a.paragraphs[0]


def test_latin1_file(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 decodes this file.
    raw = "Title\n\nA caf\xe9 and a control \x81 byte in a longer body paragraph of text.".encode("latin-1")
    a = load_article(write(tmp_path, raw))
    assert a.encoding == "latin-1"
    assert "café" in a.paragraphs[0]


def test_utf16_with_bom(tmp_path: Path) -> None:
    a = load_article(write(tmp_path, ARTICLE.encode("utf-16")))
    assert a.encoding == "utf-16"
    assert a.headings == ("Neutrality on the table",)


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    body = (
        "The talks resumed on Monday in Istanbul after a week of delays\n"
        "and negotiators from both sides met for three hours to agree a\n"
        "text on neutrality and on security guarantees for the country.\n"
    )
    a = load_article(write(tmp_path, "A title\n\n" + body + "\n" + body))
    assert len(a.paragraphs) == 2
    assert "\n" not in a.paragraphs[0]


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n\t  \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "looks like a PNG image"),
        (b"%PDF-1.7 binary", "looks like a PDF file"),
        (bytes([0, 1, 2, 3, 200, 17, 0, 9]) * 500, "binary file"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "random-bytes"],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=message) as info:
        load_article(write(tmp_path, data))
    assert "\n" not in str(info.value)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(tmp_path)


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    with p.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ArticleError, match="above the 2 MB limit"):
        load_article(p)


def test_only_furniture_has_no_body() -> None:
    with pytest.raises(ArticleError, match="no body paragraph"):
        article_from_text("Related Articles\n\nBack to top button\n")


def test_no_punctuation_single_paragraph() -> None:
    a = article_from_text("just some words without any punctuation " * 100)
    assert len(a.paragraphs) == 1


def test_article_at_the_size_limit(tmp_path: Path) -> None:
    parts = ARTICLE.split("\n\n")
    para = parts[2] + "\n\n" + parts[4] + "\n\n"
    text = "A very long article\n\n" + para * ((MAX_BYTES - 100) // len(para))
    a = load_article(write(tmp_path, text))
    assert len(a.paragraphs) > 8_000
    assert len(a.body) > MAX_BYTES - 1_000


def test_saved_web_page(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Kyiv weighs neutrality | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-03-29T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kyiv weighs neutrality</h1>
<p>Ukraine said on Tuesday it would consider a neutral status if partners gave it binding security guarantees, a
proposal that negotiators discussed for three hours in Istanbul.</p>
<p>“We are studying the text,” a Kremlin spokesman said, adding that it was too early to judge the offer and
that talks would continue next week at the level of the delegations.</p>
<p>The plan would need a referendum, according to a member of the Ukrainian delegation, who spoke on condition
of anonymity because the talks were confidential.</p></article>
<footer>Copyright Example News. All rights reserved.</footer><script>var tracking = 1;</script></body></html>"""
    a = load_article(write(tmp_path, page, "page.html"))
    assert a.title.startswith("Kyiv weighs neutrality")
    assert a.meta.get("outlet") == "Example News"
    assert a.meta.get("date", "").startswith("2022-03-29")
    assert len(a.paragraphs) == 3
    assert not any("tracking" in p or "Home" in p for p in a.paragraphs)


def test_html_without_article_text(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"no article text|no body paragraph"):
        load_article(write(tmp_path, "<html><body><nav>Home</nav></body></html>", "empty.html"))
