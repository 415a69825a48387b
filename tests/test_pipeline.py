"""The real pipeline: every notebook on the bundled article, the stored notebooks, the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from research_utils.paths import DEFAULT_ARTICLE, PROJECT_ROOT
from research_utils.report.index import table_descriptions
from research_utils.report.registry import notebook_path, stems
from research_utils.report.render import foreign_scripts

NOTEBOOKS = stems()
ALL_NOTEBOOKS = stems("all")

CLI = [sys.executable, "-m", "research_utils.cli"]


def run_cli(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=900, check=False)


# ------------------------------------------------------------------ stored notebooks


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_notebook_is_stored_as_source(stem: str) -> None:
    nb = nbformat.read(notebook_path(stem), as_version=4)
    assert nb.metadata.kernelspec["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "strip the outputs"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("#")
    for line in tagged[0].source.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert ": " in line.split("=")[0] and "  # " in line, (
                f"parameter needs a type and a comment: {line}"
            )
    assert "sys.path" not in "".join(c.source for c in code)


def test_help_notebook_documents_parameters() -> None:
    """`papermill --help-notebook` documents the notebooks: one of an article and the corpus
    one, side by side (each start of papermill's command takes seconds; that papermill reads
    the same parameters from all four is checked in-process below)."""
    papermill = str(Path(sys.executable).with_name("papermill"))
    runs = {
        stem: subprocess.Popen(
            [papermill, "--help-notebook", str(notebook_path(stem))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for stem in (ALL_NOTEBOOKS[0], ALL_NOTEBOOKS[-1])
    }
    for stem, proc in runs.items():
        stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, (stem, stderr)
        assert "output_dir: str" in stdout and "pack: str" in stdout, stem
        assert ("article_path: str" in stdout) != ("data_dir: str" in stdout), stem  # article or corpus


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_parameters_are_read_as_papermill_reads_them(stem: str) -> None:
    """The runner reads the parameters cell itself (fast); papermill must see the same."""
    import papermill

    from research_utils.report.parameters import Declared, declared_parameters

    theirs = {
        name: Declared(
            name, str(p.get("inferred_type_name", "None")), str(p.get("default", "")), str(p.get("help", ""))
        )
        for name, p in papermill.inspect_notebook(str(notebook_path(stem))).items()
    }
    assert declared_parameters(stem) == theirs


# What a researcher does with the explorer at the end of each notebook, run in the notebook's
# own kernel after Run All: filter, search, pick a group; the tables it shows wrap their text.
EXPLORER = {
    "01_text_statistics": """
ex = nb.explorer()
ex.controls["terms"].value = "neutral*"
assert len(ex.results["concordance"]) >= 5, ex.results["concordance"]
ex.controls["voice"].value = "quoted"
assert len(ex.results["sentences"]) and set(ex.results["sentences"]["voice"]) == {"quoted"}
""",
    "02_stance_comparison": """
ex = nb.explorer()
ex.controls["actor"].value = "Russia"
assert len(ex.results["sentences"]) >= 5 and ex.results["sentences"]["actors"].str.contains("Russia").all()
speaker = ex.controls["speaker"].options[1]
ex.controls["actor"].value = "(all)"
ex.controls["speaker"].value = speaker
assert len(ex.results["sentences"]) and ex.results["sentences"]["speakers"].str.contains(speaker, regex=False).all()
""",
    "03_framing_analysis": """
ex = nb.explorer()
frame = next(o for o in ex.controls["frame"].options if "security and defense" in o)
ex.controls["frame"].value = frame
assert len(ex.results["sentences"]) >= 5
naming = ex.controls["naming"].options[1]
ex.controls["frame"].value = "(all)"
ex.controls["naming"].value = naming
assert len(ex.results["sentences"]) and ex.results["sentences"]["naming"].str.contains(naming, regex=False).all()
""",
    "04_corpus_comparison": """
ex = nb.explorer()
groups = list(ex.controls["group"].options)
assert groups == sorted(articles["group"].unique().tolist())
for group in groups:
    ex.controls["group"].value = group
    assert set(ex.results["articles"]["article"]) == set(articles.loc[articles["group"] == group, "article"])
    assert ex.explorer is not None and len(ex.explorer.results["sentences"]) > 0
    assert set(ex.explorer.results["sentences"]["article"]) <= set(ex.results["articles"]["article"])
""",
}
WRAPPED = """
page = (ex.explorer if hasattr(ex, "explorer") and ex.explorer is not None else ex).html["sentences"]
assert "white-space:normal" in page and ">sentence<" in page, page[:300]
import itables  # the notebook's own tables: text wraps and is left-aligned
assert "nowrap" not in itables.options.classes and itables.options.columnDefs[0]["className"] == "dt-left"
print("explorer exercised")
"""


@pytest.mark.notebook
@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_run_all_with_defaults_and_the_explorer(stem: str, tmp_path: Path, run_all) -> None:
    """What "Run All" in JupyterLab does: the stored defaults, from notebooks/, nothing injected;
    then the explorer of the notebook's last section, driven in the same kernel."""
    source = nbformat.read(notebook_path(stem), as_version=4)
    source.cells.append(nbformat.v4.new_code_cell(EXPLORER[stem] + WRAPPED))
    nbformat.write(source, tmp_path / "in.ipynb")
    run_all(tmp_path / "in.ipynb", tmp_path / "out.ipynb", cwd=notebook_path(stem).parent)
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert any(o.output_type == "display_data" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    explorer = next(c for c in nb.cells if c.cell_type == "code" and c.source.strip() == "nb.explorer()")
    assert "application/vnd.jupyter.widget-view+json" in explorer.outputs[0]["data"]
    assert "explorer exercised" in "".join(o.get("text", "") for o in nb.cells[-1].outputs)


# ------------------------------------------------------------------ full build


@pytest.mark.notebook
def test_report_files(bundled_report: Path) -> None:
    names = {p.name for p in bundled_report.iterdir()}
    for stem in NOTEBOOKS:
        assert {f"{stem}.ipynb", f"{stem}.html", f"{stem}.reader.html"} <= names
    assert {"index.html", "results.json", "tables"} <= names
    index = (bundled_report / "index.html").read_text(encoding="utf-8")
    for stem in NOTEBOOKS:
        assert f'href="{stem}.reader.html"' in index and f'href="{stem}.html"' in index
    tables = list((bundled_report / "tables").glob("*.csv"))
    assert len(tables) >= 15
    for prefix in ("text_statistics_", "stance_", "framing_"):
        assert any(t.name.startswith(prefix) for t in tables), prefix
    undescribed = sorted(t.stem for t in tables if t.stem not in table_descriptions())
    assert not undescribed, f"add a line on these tables to research_utils/report/tables.yaml: {undescribed}"
    assert "<h2>Findings</h2>" in index
    assert "<dt>Topic pack</dt><dd><code>russia_ukraine_2022</code>" in index
    # every finding links to a section of a reader page that exists
    for page, anchor in re.findall(r'href="(0\d_[a-z_]+\.reader\.html)#([^"]+)"', index):
        assert f'id="{anchor}"' in (bundled_report / page).read_text(encoding="utf-8"), (page, anchor)
    assert index.count(".reader.html#") >= 4
    for stem in NOTEBOOKS:
        reader = (bundled_report / f"{stem}.reader.html").read_text(encoding="utf-8")
        if stem != "04_corpus_comparison":
            assert "Findings at a glance" in reader and "Method and evidence</a>" in reader, stem
        for anchor in re.findall(r'href="#([^"]+)"', reader):  # every in-page link has its target
            assert f'id="{anchor}"' in reader, (stem, anchor)
        page = (bundled_report / f"{stem}.html").read_text(encoding="utf-8")
        assert "data:image/png;base64" in page, f"{stem} has no embedded plot"
        assert foreign_scripts(page) == []  # only the package's own table script
        nb = nbformat.read(bundled_report / f"{stem}.ipynb", as_version=4)
        noise = [
            o.get("text", "")[:200]
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.output_type == "stream" and o.name == "stderr"
        ]
        assert noise == [], f"{stem} prints warnings into the report"


@pytest.mark.notebook
def test_results_json(bundled_report: Path) -> None:
    r = json.loads((bundled_report / "results.json").read_text(encoding="utf-8"))
    assert {"path", "sha256", "title", "slug"} <= set(r["article"])
    assert r["article"]["title"].startswith("Why the outcome of Russia-Ukraine talks")
    ts = r["text_statistics"]
    assert set(ts["counts"]) >= {"paragraphs", "sentences", "words", "types", "characters", "syllables"}
    assert set(ts["readability"]) >= {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog",
        "coleman_liau",
        "ari",
        "dale_chall",
        "lix",
    }
    assert set(ts["lexical_diversity"]) >= {"ttr", "mattr", "mtld", "hdd"}
    assert {"Related Articles", "Back to top button"} <= {x["text"] for x in ts["excluded_lines"]}
    assert all(x["reason"] for x in ts["excluded_lines"])
    counts = ts["counts"]
    assert counts["paragraphs"] == 29
    assert 1900 <= counts["words"] <= 2100
    assert 0 < ts["lexical_diversity"]["ttr"] < 1

    st = r["stance"]
    for key, cols in {
        "voice": {"actor", "quotes", "quoted_words"},
        "attributions": {"speaker", "actor", "reporting_verb", "verb_class", "quote", "sentence_id"},
        "actors": {"actor", "mentions", "sentiment_mean", "deontic", "hedges", "boosters"},
        "claims": {"actor", "issue", "position", "sentence_id", "sentence"},
    }.items():
        assert st[key], key
        assert cols <= set(st[key][0]), key
    fr = r["framing"]
    for key, cols in {
        "frames": {"scheme", "frame", "hits", "per_1000_words", "sentence_share", "present"},
        "naming": {"set", "side_a", "side_a_count", "side_b", "side_b_count", "index"},
        "persuasion_cues": {"technique", "count"},
        "entman": {"function", "sentence_id", "sentence"},
    }.items():
        assert fr[key], key
        assert cols <= set(fr[key][0]), key
    assert {f["scheme"] for f in fr["frames"]} == {"policy", "generic"}
    assert -1 <= fr["naming_index"] <= 1


# ------------------------------------------------------------------ command line


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "does not exist"),
        ("", None, "is a directory"),
        ("empty.txt", b"", "is empty"),
        ("img.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "PNG image"),
    ],
    ids=["missing", "directory", "empty", "binary"],
)
def test_cli_bad_article(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name if name else tmp_path
    if content is not None:
        path.write_bytes(content)
    out = run_cli(str(path), "--out", str(tmp_path / "out"))
    assert out.returncode == 2
    assert message in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_unknown_and_mistyped_parameters(tmp_path: Path) -> None:
    out = run_cli("--out", str(tmp_path), "-p", "no_such_thing", "1")
    assert out.returncode == 2 and "unknown parameter 'no_such_thing'" in out.stderr
    out = run_cli("--out", str(tmp_path), "-p", "top_n", "lots")
    assert out.returncode == 2 and "parameter 'top_n' must be int" in out.stderr
    params = tmp_path / "p.yaml"
    params.write_text("compare_paths: not-a-list\n", encoding="utf-8")
    out = run_cli("--out", str(tmp_path), "-f", str(params))
    assert out.returncode == 2 and "must be list" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.notebook
def test_cli_failing_notebook_keeps_previous_report(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    ok = run_cli(str(DEFAULT_ARTICLE), "--out", str(out_dir), "--notebooks", "02")
    assert ok.returncode == 0, ok.stderr
    folder = next(p for p in out_dir.iterdir() if not p.name.startswith("."))
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    bad = tmp_path / "actors.yaml"
    bad.write_text("meta: [unclosed\n", encoding="utf-8")
    refused = run_cli(
        str(DEFAULT_ARTICLE), "--out", str(out_dir), "--notebooks", "02", "-p", "actors_lexicon", str(bad)
    )
    assert refused.returncode == 2  # bad YAML is found before any kernel starts
    assert "actors.yaml, line 2" in refused.stderr and refused.stderr.count("\n") == 1
    bad.write_text("meta: {name: x}\nentries: []\n", encoding="utf-8")  # valid YAML, not a lexicon
    failed = run_cli(
        str(DEFAULT_ARTICLE), "--out", str(out_dir), "--notebooks", "02", "-p", "actors_lexicon", str(bad)
    )
    assert failed.returncode in (1, 2)
    assert "actors.yaml" in failed.stderr and "Traceback" not in failed.stderr
    assert {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert [p.name for p in out_dir.iterdir()] == [folder.name]


@pytest.mark.notebook
def test_cli_interrupt_leaves_nothing(tmp_path: Path) -> None:
    import signal
    import time

    out_dir = tmp_path / "out"
    proc = subprocess.Popen(
        [*CLI, "--out", str(out_dir), "--notebooks", "01,03"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(
        out_dir.glob(".build-*/rt-2022-04-russia-ukraine-talks/tables")
    ):
        time.sleep(0.2)
    time.sleep(2)  # kernels are running now
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err
    assert list(out_dir.iterdir()) == []


@pytest.mark.notebook
def test_two_real_builds_are_byte_identical(bundled_report: Path) -> None:
    from research_utils import report

    first = {
        p.relative_to(bundled_report).as_posix(): p.read_bytes()
        for p in bundled_report.rglob("*")
        if p.is_file()
    }
    again = report.build_report(DEFAULT_ARTICLE, bundled_report.parent)
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert sorted(k for k in first if first[k] != second[k]) == []
    results = json.loads(second["results.json"])
    assert {"python", "packages", "git_commit"} <= set(results["provenance"])
