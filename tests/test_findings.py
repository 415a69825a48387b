"""The findings that open an article's index page: read from results, linked by heading words."""

from __future__ import annotations

from pathlib import Path

from research_utils import validation_figures
from research_utils.report.findings import Finding, find_anchor, findings, findings_html, section_anchors


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
    precision = validation_figures.figure("claims precision")
    assert precision is not None and f"{precision:.0%} of the claims found were right" in found["Claims"].text


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


def test_naming_finding_speaks_in_the_packs_side_labels() -> None:
    """A pack of one's own names its sides; the finding must not fall back to Russia and Ukraine."""
    results = _results()
    results["framing"]["naming_sides"] = {"side_a": "the union's usage", "side_b": "the employers' usage"}
    naming = next(f for f in findings(results) if f.topic == "Naming")
    assert "-1 (the employers' usage) to +1 (the union's usage)" in naming.text
    assert naming.text.endswith("mostly the employers' usage.")
    assert "Russian" not in naming.text
    results["framing"]["naming_sides"] = {}
    assert "mostly Russian official usage" in next(f for f in findings(results) if f.topic == "Naming").text


def test_each_report_links_its_findings_to_a_section_of_its_own() -> None:
    """The findings at the top of a report link to headings that exist in that notebook."""
    from research_utils.report.glance import glance, section_link

    for page, section in [
        ("01_text_statistics", "Readability"),
        ("02_stance_comparison", "Who speaks"),
        ("02_stance_comparison", "Who wants what"),
        ("03_framing_analysis", "Frame salience"),
        ("03_framing_analysis", "Naming"),
    ]:
        link = section_link(page, section)
        assert link.startswith("#") and section.split()[0] in link, (page, section)
    assert section_link("02_stance_comparison", "no such heading") == ""
    shown = glance(
        "03_framing_analysis",
        [Finding("Frames", "Most salient frames: economic.", "03_framing_analysis", "Frame salience")],
        ["", "the topic pack 'generic' has no naming sets: the naming analysis does not apply."],
    ).data
    assert shown.count("\n") == 1 and "[Method and evidence](#2.-Frame-salience)" in shown
    assert "*Does not apply:* the topic pack 'generic'" in shown


def test_findings_at_a_glance_minimal_pair() -> None:
    """Same article, two packs: the conflict pack finds a naming index, the generic pack says why not."""
    from research_utils.analyses import framing
    from research_utils.paths import DEFAULT_ARTICLE
    from research_utils.report.glance import framing_findings

    conflict = {f.topic: f.text for f in framing_findings(DEFAULT_ARTICLE)}
    generic = {
        f.topic: f.text for f in framing_findings(DEFAULT_ARTICLE, framing.load_lexicons(pack="generic"))
    }
    own = framing.naming_overall(DEFAULT_ARTICLE)["index_author"].iloc[0]
    assert own < -0.5 and conflict["Naming"].startswith(f"Author's-own naming index {own:+.2f}")
    assert conflict["Naming"].endswith("mostly Russian official usage.")
    assert "Naming" not in generic and generic["Frames"] == conflict["Frames"]


def test_an_actor_heard_only_in_reported_speech_is_not_listed_as_most_quoted() -> None:
    res = _results()
    res["stance"]["voice"].append({"article": "a", "actor": "eu", "label": "EU", "quoted_words": 0})
    found = {f.topic: f for f in findings(res)}
    assert (
        found["Who speaks"].text
        == "Most quoted: Russia (40 quoted words). Reported without direct quotation: EU."
    )
    res["stance"]["voice"] = [{"article": "a", "actor": "eu", "label": "EU", "quoted_words": 0}]
    found = {f.topic: f for f in findings(res)}
    assert found["Who speaks"].text.startswith("No direct quotation has a speaker")
