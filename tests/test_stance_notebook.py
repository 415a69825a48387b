"""The stance notebook (02): stored as thin source, and run through the real report runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from research_utils import report
from research_utils.paths import NOTEBOOKS_DIR

STEM = "02_stance_comparison"
NOTEBOOK = NOTEBOOKS_DIR / f"{STEM}.ipynb"

KYIV_DAILY = """Kyiv rejects neutrality demands as talks stall

Ukraine rejected Moscow's demand for neutrality on Tuesday. "We will never give up our path to NATO," Zelenskyy said. "Our people decided this."

The Kremlin claimed that Kyiv was stalling the talks. Russian Foreign Minister Sergey Lavrov alleged that Ukraine wanted to provoke the West.
"""

MOSCOW_HERALD = """Moscow says Kiev must accept neutral status

Russia insisted that Kiev must accept a neutral status. “Ukraine must be demilitarized,” Peskov said.

Zelensky claimed that Ukraine would not give up Crimea.
"""

NOTHING = """A quiet week in the garden

The roses bloomed early this year and the bees were busy. Nobody was quoted and nothing was demanded.
"""


def _code(nb: nbformat.NotebookNode) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_notebook_is_thin() -> None:
    """Set-up first, header and warnings next, provenance last, and no computing in cells."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = _code(nb)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert nb.cells.index(params) == 1 and code[0] == params.source
    assert f'nb = start("{STEM}", globals())' in code[1] and "load_stance_lexicons(" in code[1]
    assert "stance_findings(" in code[2]  # findings first
    assert "nb.header()" in code[3] and "nb.warnings()" in code[3]
    assert code[-1].strip() == "nb.provenance()"
    body = "\n".join(code[1:])
    for computing in (
        "pd.",
        "groupby",
        ".loc[",
        ".iloc[",
        "concat",
        "pivot",
        "sample(",
        "def ",
        "for ",
        "if ",
        "lambda",
    ):
        assert computing not in body, computing
    assert not re.search(r"\w\[\w+\[", body), "filter tables in the package, not in cells"
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code")


def _lines(nb: nbformat.NotebookNode) -> list[str]:
    """Printed lines and the one-line notes shown instead of empty tables (italic Markdown)."""
    return [
        line
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        for line in (
            o.text.splitlines()
            if o.output_type == "stream" and o.name == "stdout"
            else [str(o.get("data", {}).get("text/markdown", "")).strip("*")]
        )
    ]


def _images(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def _stderr(nb: nbformat.NotebookNode) -> list[str]:
    return [
        o.text
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]


@pytest.mark.notebook
def test_report_with_comparison_articles(tmp_path: Path) -> None:
    paths = []
    for name, text in (("kyiv_daily.txt", KYIV_DAILY), ("moscow_herald.txt", MOSCOW_HERALD)):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    main = tmp_path / "main.txt"
    main.write_text(KYIV_DAILY.replace("Kyiv rejects", "Main: Kyiv rejects"), encoding="utf-8")
    folder = report.build_report(
        main,
        tmp_path / "reports",
        stems=[STEM],
        params={STEM: {"compare_paths": paths, "bootstrap_samples": 300, "validation_sample": 5}},
    )
    res = json.loads((folder / "results.json").read_text(encoding="utf-8"))["stance"]
    slugs = {"main", "kyiv-daily", "moscow-herald"}
    for key in ("voice", "attributions", "actors", "claims"):
        assert {r["article"] for r in res[key]} == slugs, key
    moscow = [r for r in res["claims"] if r["article"] == "moscow-herald" and r["issue"] == "crimea"]
    assert [(r["actor"], r["position"], r["role"], r["relation"]) for r in moscow] == [
        ("ukraine", 1, "claim", "speaker")
    ]
    assert {r["role"] for r in res["claims"]} == {"claim"}  # mentions stay in the CSV table
    assert "mention" in set(pd.read_csv(folder / "tables" / "stance_claims.csv")["role"])
    tables = folder / "tables"
    comparison = pd.read_csv(tables / "stance_comparison.csv")
    assert list(comparison.columns[:4]) == [
        "label",
        "mentions | main",
        "mentions | kyiv-daily",
        "mentions | moscow-herald",
    ]
    sheet = (tables / "stance_coding_sheet.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sheet[0].startswith('"# research-report coding sheet') and "# stratum " in "".join(sheet)
    header = next(i for i, line in enumerate(sheet) if line.startswith("measure,"))
    assert len(sheet) - header - 1 == 5 * 2  # five sentences, a row for each of the two measures
    nb = nbformat.read(folder / f"{STEM}.ipynb", as_version=4)
    assert _stderr(nb) == []
    assert _images(nb) == 6  # voice, verbs, sentiment, obligations, certainty, claims
    assert not any(line.startswith("One article analysed") for line in _lines(nb))


@pytest.mark.notebook
def test_report_on_an_article_without_actors_says_so_and_draws_nothing(tmp_path: Path) -> None:
    src = tmp_path / "garden.txt"
    src.write_text(NOTHING, encoding="utf-8")
    folder = report.build_report(src, tmp_path / "reports", stems=[STEM])
    nb = nbformat.read(folder / f"{STEM}.ipynb", as_version=4)
    assert _stderr(nb) == [] and _images(nb) == 0
    lines = _lines(nb)
    assert (
        "No reported speech found: no attributed quote and no reporting verb followed by a clause." in lines
    )
    assert any(line.startswith("No actor of the lexicon is mentioned") for line in lines)
    assert any(line.startswith("One article analysed: nothing to compare.") for line in lines)
    assert any(line.startswith("Coding sheet: ") for line in lines)  # the sentences where nothing was found
    res = json.loads((folder / "results.json").read_text(encoding="utf-8"))["stance"]
    assert res["claims"] == [] and res["actors"] == [] and res["overview"][0]["words"] == 18
