"""The report runner on tiny notebooks: parameters, atomic builds, failures, rendering."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from research_utils import report
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report.render import foreign_scripts

PARAMS = (
    'article_path: str = "../data/articles/rt_2022-04_russia_ukraine_talks.txt"  # article to analyse\n'
    'output_dir: str = ""  # where tables and results go\n'
    "top_n: int = 5  # rows to show\n"
    "ratio: float = 0.5  # a number\n"
    "strict: bool = False  # a switch\n"
    "terms: list = []  # a list\n"
)
WORKS = (
    "from research_utils import load_article\n"
    "from research_utils.export import Exporter\n"
    "import pandas as pd\n"
    "out = Exporter(output_dir)\n"
    "a = load_article(article_path)\n"
    "out.section('smoke', {'paragraphs': len(a.paragraphs), 'top_n': top_n, 'terms': terms})\n"
    "out.table('smoke_table', pd.DataFrame({'x': [1, 2]}))"
)


def _notebook(path: Path, body: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A test notebook"),
        nbformat.v4.new_code_cell(PARAMS, metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    nbformat.write(nb, path)


@pytest.fixture
def notebooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_ok.ipynb", WORKS)
    _notebook(folder / "02_fails.ipynb", WORKS + "\nraise ValueError('the cell broke on purpose')")
    _notebook(
        folder / "03_script.ipynb",
        "from IPython.display import HTML\nHTML('<b>bold</b><script>alert(1)</script>')",
    )
    from research_utils.report import registry

    monkeypatch.setattr(registry, "notebook_path", lambda stem: folder / f"{stem}.ipynb")
    return folder


def test_declared_parameters(notebooks: Path) -> None:
    declared = report.declared_parameters("01_ok")
    assert set(declared) == {"article_path", "output_dir", "top_n", "ratio", "strict", "terms"}
    assert declared["top_n"].type_name == "int"
    assert declared["top_n"].help == "rows to show"


def test_check_parameters_converts_by_declared_type(notebooks: Path) -> None:
    got = report.check_parameters(["01_ok"], {"top_n": "7", "ratio": "2", "strict": "true"}, {"terms": ["a"]})
    assert got == {"01_ok": {"terms": ["a"], "top_n": 7, "ratio": 2.0, "strict": True}}


@pytest.mark.parametrize(
    ("cli", "file", "message"),
    [
        ({"nonsense": "1"}, {}, "unknown parameter 'nonsense'"),
        ({"top_n": "many"}, {}, "parameter 'top_n' must be int"),
        ({}, {"top_n": "7"}, "parameter 'top_n' must be int"),
        ({}, {"terms": "neutral*"}, "parameter 'terms' must be list"),
        ({"strict": "maybe"}, {}, "parameter 'strict' must be bool"),
        ({"output_dir": "/tmp"}, {}, "set by research-report itself"),
    ],
)
def test_bad_parameters_fail_before_any_kernel(notebooks: Path, cli: dict, file: dict, message: str) -> None:
    with pytest.raises(report.ParameterError, match=message):
        report.check_parameters(["01_ok"], cli, file)


@pytest.mark.notebook
def test_build_writes_every_file(notebooks: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    lines: list[str] = []
    folder = report.build_report(
        DEFAULT_ARTICLE, out, stems=["01_ok"], params={"01_ok": {"top_n": 3}}, progress=lines.append
    )
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    assert {
        "index.html",
        "results.json",
        "01_ok.ipynb",
        "01_ok.html",
        "01_ok.reader.html",
        "tables",
        "tables/smoke_table.csv",
    } <= names
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert results["article"]["slug"] == folder.name
    assert len(results["article"]["sha256"]) == 64
    assert results["parameters"] == {"01_ok": {"top_n": 3}}
    assert results["smoke"]["top_n"] == 3
    assert any("executed" in line for line in lines)
    assert [p.name for p in out.iterdir()] == [folder.name]  # no build folder left behind
    executed = nbformat.read(folder / "01_ok.ipynb", as_version=4)
    assert "papermill" not in executed.metadata  # no timestamps
    reader = (folder / "01_ok.reader.html").read_text(encoding="utf-8")
    assert "hl-ipython3" not in reader
    assert "hl-ipython3" in (folder / "01_ok.html").read_text(encoding="utf-8")


@pytest.mark.notebook
def test_failed_notebook_keeps_previous_report(notebooks: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = report.build_report(DEFAULT_ARTICLE, out, stems=["01_ok"])
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with pytest.raises(
        report.ReportError, match=r"02_fails failed in cell .*ValueError: the cell broke on purpose"
    ):
        report.build_report(DEFAULT_ARTICLE, out, stems=["01_ok", "02_fails"])
    after = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert before == after
    assert [p.name for p in out.iterdir()] == [folder.name]


@pytest.mark.notebook
def test_rendered_html_has_no_script(notebooks: Path, tmp_path: Path) -> None:
    folder = report.build_report(DEFAULT_ARTICLE, tmp_path / "out", stems=["03_script"])
    page = (folder / "03_script.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" in page
    assert foreign_scripts(page) == []  # only the package's own table script
    assert "Content-Security-Policy" in page


@pytest.mark.notebook
def test_two_builds_are_identical(notebooks: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = report.build_report(DEFAULT_ARTICLE, out, stems=["01_ok"])
    one = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    second = report.build_report(DEFAULT_ARTICLE, out, stems=["01_ok"])
    two = {p.relative_to(second).as_posix(): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
