"""The findings that open an article's index page: read from results, linked by heading words."""

from __future__ import annotations

from pathlib import Path

from research_utils.report.findings import find_anchor, findings, findings_html, section_anchors


def _results() -> dict:
    return {
        "article": {"slug": "a"},
        "text_statistics": {
            "readability": {"flesch_kincaid_grade": 10.04},
            "counts": {"words": 1200, "sentences": 60},
        },
        "framing": {
            "dominant_frames": [{"article": "a", "frame": "conflict", "scheme": "S&V", "hits": 7}],
            "naming_index_author": -0.8,
        },
        "stance": {
            "voice": [
                {"article": "a", "actor": "russia", "label": "Russia", "quoted_words": 40},
                {"article": "a", "actor": "(unattributed)", "label": "(unattributed)", "quoted_words": 90},
                {"article": "b", "actor": "nato", "label": "NATO", "quoted_words": 500},
            ],
            "claims_matrix": [
                {
                    "article": "a",
                    "actor": "ukraine",
                    "issue": "nato_membership",
                    "claims": 3,
                    "support": 1,
                    "oppose": 2,
                },
            ],
        },
    }


def test_findings_read_the_numbers_they_are_given() -> None:
    found = {f.topic: f for f in findings(_results())}
    assert "grade 10.0 (secondary school) over 1,200 words in 60 sentences" in found["Readability"].text
    assert "conflict (S&V, 7 cue hits)" in found["Frames"].text
    assert "-0.80" in found["Naming"].text and "Russian official usage" in found["Naming"].text
    # the compared article's speaker and the unattributed bucket are not this article's speakers
    assert found["Who speaks"].text == "Most quoted: Russia (40 quoted words)."
    assert "Ukraine mixed on NATO membership (1 for, 2 against)" in found["Claims"].text


def test_missing_analyses_give_no_finding_and_non_english_says_does_not_apply() -> None:
    assert findings({}) == []
    res = {"text_statistics": {"readability": {"flesch_kincaid_grade": None}, "counts": {}}}
    (only,) = findings(res)
    assert "does not apply" in only.text
    res = {"framing": {"dominant_frames": [], "naming_index_author": None}}
    (only,) = findings(res)
    assert "does not apply" in only.text


def test_links_find_sections_by_their_words_not_their_numbers(tmp_path: Path) -> None:
    page = tmp_path / "01_text_statistics.reader.html"
    page.write_text(
        '<h2 id="3.-Sentence-length">3. Sentence length<a class="anchor-link" href="#3.-Sentence-length">¶</a></h2>'
        '<h2 id="5.-Readability">5. Readability<a class="anchor-link" href="#5.-Readability">¶</a></h2>',
        encoding="utf-8",
    )
    anchors = section_anchors(page)
    assert find_anchor(anchors, "Readability") == "5.-Readability"
    assert find_anchor(anchors, "Naming") == ""
    shown = findings_html(findings(_results())[:1], tmp_path)
    assert 'href="01_text_statistics.reader.html#5.-Readability"' in shown
