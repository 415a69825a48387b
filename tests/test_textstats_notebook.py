"""Notebook 01 (text statistics): stored thin and clean, and run through the real report runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from research_utils.analyses import textstats as ts
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report.registry import notebook_path

STEM = "01_text_statistics"

COMPARISON = """A second article

The talks went on for hours. Both sides said the guarantees were not enough. NATO was not mentioned by name, but neutrality was.

Officials will meet again next week."""

GERMAN = """Gespräche ohne Ergebnis

Die Verhandlungen zwischen den beiden Delegationen wurden am Dienstag in Istanbul fortgesetzt. Beide Seiten sprachen danach von Fortschritten, doch viele Fragen blieben offen.

Die Regierung verlangte Sicherheitsgarantien, während die andere Seite auf ihren Forderungen bestand. Beobachter erwarten keine schnelle Einigung, weil die Positionen weit auseinander liegen."""


def code_cells() -> list[str]:
    nb = nbformat.read(notebook_path(STEM), as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_notebook_is_thin() -> None:
    """Set-up first, header and warnings next, provenance last; no computation in between."""
    cells = code_cells()
    assert "parameters" in nbformat.read(notebook_path(STEM), as_version=4).cells[1].metadata["tags"]
    setup = cells[1]
    assert 'nb = start("01_text_statistics", globals())' in setup
    assert "text_statistics_findings(" in cells[2]  # findings first
    assert "nb.header()" in cells[3] and "nb.warnings()" in cells[3]
    assert cells[-1].strip() == "nb.provenance()"
    body = "\n".join(cells[2:])
    # what a cell must not do: compute (a test could not reach it) or read files itself
    for pattern in (
        r"\.groupby\(",
        r"pd\.concat",
        r"\.pivot",
        r"\.merge\(",
        r"\.query\(",
        r"\[\w+\[",
        r"open\(",
        r"(?m)^\s*(for|while|if)\b",
    ):
        assert not re.search(pattern, body), pattern
    assert "research_utils.textstats" not in body and "research_utils.article" not in "\n".join(cells)


def _build(tmp_path: Path, article: Path, params: dict) -> Path:
    from research_utils.report import build_report

    return build_report(article, tmp_path / "reports", stems=[STEM], params={STEM: params})


def _outputs(folder: Path) -> list[tuple[str, list]]:
    """Source and outputs of every code cell after the set-up cell of the executed notebook."""
    nb = nbformat.read(folder / f"{STEM}.ipynb", as_version=4)
    cells = [(c.source, c.outputs) for c in nb.cells if c.cell_type == "code"]
    setup = next(i for i, (src, _) in enumerate(cells) if "nb = start(" in src)
    return cells[setup + 1 :]


@pytest.mark.notebook
def test_report_of_the_bundled_article_with_a_comparison(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(COMPARISON, encoding="utf-8")
    folder = _build(tmp_path, DEFAULT_ARTICLE, {"compare_paths": [str(other)], "kwic_terms": ["neutral*"]})
    data = json.loads((folder / "results.json").read_text(encoding="utf-8"))["text_statistics"]
    assert (data["counts"]["sentences"], data["counts"]["words"], data["counts"]["syllables"]) == (
        107,
        2065,
        3719,
    )
    expected = {
        "flesch_reading_ease": 34.9,
        "flesch_kincaid_grade": 13.2,
        "gunning_fog": 13.7,
        "smog": 14.8,
        "coleman_liau": 13.5,
        "ari": 13.0,
        "dale_chall": 8.4,
        "lix": 53.5,
    }
    assert list(data["readability"]) == list(ts.readability_keys())
    assert {k: round(data["readability"][k], 1) for k in expected} == expected
    assert set(data["lexical_diversity"]) == {"ttr", "mattr", "mtld", "hdd"}
    assert {"Related Articles", "Back to top button"} <= {x["text"] for x in data["excluded_lines"]}
    tables = folder / "tables"
    kwic = pd.read_csv(tables / "text_statistics_kwic.csv")
    assert set(kwic["term"]) == {"neutral*"} and len(kwic) > 5
    compare = pd.read_csv(tables / "text_statistics_compare.csv")
    assert compare["words"].tolist() == [2065, 6 + 8 + 9 + 6]
    for source, outputs in _outputs(folder):
        assert outputs, f"no output: {source[:60]}"
        assert not any(o.output_type == "stream" and o.name == "stderr" for o in outputs), source[:60]
        assert not any(o.output_type == "error" for o in outputs)


@pytest.mark.notebook
def test_report_of_a_text_that_is_not_english(tmp_path: Path) -> None:
    """Readability is null, the doubt is shown, and empty sections say so in one line."""
    article = tmp_path / "german.txt"
    article.write_text(GERMAN, encoding="utf-8")
    folder = _build(tmp_path, article, {"kwic_terms": ["neutral*"]})
    data = json.loads((folder / "results.json").read_text(encoding="utf-8"))["text_statistics"]
    assert data["readability"] == dict.fromkeys(ts.readability_keys())
    assert data["counts"]["words"] == 46
    cells = _outputs(folder)
    shown = "\n".join(
        str(o.get("data", {}).get("text/markdown", "")) + str(o.get("data", {}).get("text/plain", ""))
        for _, outs in cells
        for o in outs
    )
    assert "does not look like English" in shown
    assert "No match for ['neutral*']" in shown and "No comparison articles given" in shown
    for source, outputs in cells:
        assert outputs, f"no output: {source[:60]}"  # a table, a figure or one line saying why not
        for o in outputs:
            if o.output_type == "stream":
                assert o.name == "stdout" and o.text.count("\n") == 1, (source[:60], o.text)
