"""The framing notebook (03) and its figures."""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from research_utils import article_from_text, load_article
from research_utils.analyses import framing as fr
from research_utils.ingest import Corpus
from research_utils.paths import DEFAULT_ARTICLE, NOTEBOOKS_DIR
from research_utils.plots import framing as fplots
from research_utils.views import Note

STEM = "03_framing_analysis"
NOTEBOOK = NOTEBOOKS_DIR / f"{STEM}.ipynb"
MAIN = "rt-2022-04-russia-ukraine-talks"

COMPARISON = """Talks end without a breakthrough as shelling continues near Kharkiv

Negotiators from Kyiv and Moscow met again on Tuesday, five weeks after the invasion began.

Ukrainian officials said the talks focused on security guarantees and a ceasefire. “We will not trade our territory for peace,” a member of the Ukrainian delegation told reporters. Russian negotiators again described the war as a “special military operation” and demanded that Kyiv recognise the annexation of Crimea.

Residents of Kharkiv spent another night in shelters as Russian forces shelled residential districts. Local authorities said several civilians were killed and that hospitals were running out of supplies. Families who fled to Lviv described long queues at the border and a shortage of fuel.

Economists warn that the war will cost the economy billions of dollars this year. Exports of grain through Odesa have stopped, and prices for bread and fuel have risen sharply across Europe.
"""

QUIET = """A note on the garden

The roses came out early this spring. We planted tulips along the path.
"""


@pytest.fixture(scope="module")
def lex() -> fr.FramingLexicons:
    return fr.load_lexicons()


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_notebook_is_stored_clean_with_one_parameters_cell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"] == {"name": "python3", "display_name": "Python 3", "language": "python"}
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# Framing analysis")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and nb.cells.index(tagged[0]) == 1
    for line in tagged[0].source.splitlines():
        if line.startswith("#"):
            continue  # "# fmt: off" / "# fmt: on"
        assert ": " in line.split("=")[0] and "  # " in line, line  # typed, commented
        assert line.count("=") == 1, line  # papermill cannot parse a second '='
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


def test_notebook_is_thin():
    """Set-up first, header and warnings next, provenance last; cells only call the package."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = _code(nb)[1:]  # after the parameters cell
    assert 'nb = start("03_framing_analysis", globals())' in code[0] and "fr.load_lexicons(" in code[0]
    assert code[1].startswith("from research_utils.report.glance import")  # findings first
    assert code[2].startswith("display(nb.header())\ndisplay(nb.warnings())\nnb.topic(")
    assert code[-1] == "nb.provenance()"
    joined = "\n".join(code)
    for computed in (
        "def ",
        "pd.concat",
        ".query(",
        ".groupby(",
        ".merge(",
        "for ",
        "lambda",
        "import pandas",
    ):
        assert computed not in joined, computed
    assert 'nb.out.section("framing", summary)' in joined
    # every table the report writes goes through the exporter once, and so does every figure
    lines = joined.splitlines()
    tables = [line.split('"')[1] for line in lines if "nb.out.table(" in line and '"' in line]
    tables += [
        line.strip().strip('",')
        for i, line in enumerate(lines)
        if line.strip().startswith('"framing_') and i and "nb.out.table(" in lines[i - 1]
    ]
    figures = [line.split('"')[1] for line in lines if 'nb.out.figure("' in line]
    figures += [
        line.strip().strip('",')
        for i, line in enumerate(lines)
        if line.strip().startswith('"framing_') and i and "nb.out.figure(" in lines[i - 1]
    ]
    assert len(tables) == len(set(tables)) >= 20
    assert len(figures) == len(set(figures)) >= 8


def test_figures_are_built_from_the_tables(lex):
    art = load_article(DEFAULT_ARTICLE)
    corpus = Corpus.of([art, article_from_text(COMPARISON, path="c.txt")])
    scores = fr.frame_scores(corpus, lex, "all")
    naming = fr.naming_table(corpus, lex)
    mine = fr.main_rows(scores, art)
    figs = [
        fplots.frame_salience(mine),
        fplots.trajectory_heatmap(fr.main_rows(fr.frame_trajectory(art, lex), art)),
        fplots.cooccurrence_heatmap(
            fr.frame_cooccurrence(art, lex), fr.frames_with_hits(scores, art, "policy")
        ),
        fplots.naming_chart(fr.main_rows(naming, art), **fr.naming_sides(lex)),
        fplots.persuasion_chart(fr.persuasion_counts(art, lex)),
        fplots.frame_profiles(scores),
        fplots.naming_profiles(naming),
        fplots.distinctive_words_chart(fr.distinctive_words(corpus)),
    ]
    assert all(isinstance(f, Figure) for f in figs)
    # the naming chart shows only the sets the article uses
    labels = [t.get_text() for t in figs[3].axes[0].get_yticklabels()]
    assert "Kyiv  |  Kiev" in labels and not any("Lviv" in x for x in labels)
    # the salience bars are the rates of the table
    bars = [p.get_width() for p in figs[0].axes[0].patches if p.get_width() > 0]
    assert sorted(bars) == sorted(
        mine.loc[(mine["scheme"] == "policy") & (mine["hits"] > 0), "per_1000_words"]
    )


def test_nothing_to_draw_gives_one_line_and_no_figure(lex):
    quiet = article_from_text(QUIET, path="quiet.txt")
    scores = fr.frame_scores(quiet, lex, "all")
    naming = fr.naming_table(quiet, lex)
    notes = [
        fplots.frame_salience(scores),
        fplots.trajectory_heatmap(fr.frame_trajectory(quiet, lex)),
        fplots.cooccurrence_heatmap(fr.frame_cooccurrence(quiet, lex), []),
        fplots.naming_chart(naming),
        fplots.persuasion_chart(fr.persuasion_counts(quiet, lex)),
        fplots.frame_profiles(scores),
        fplots.naming_profiles(naming),
        fplots.distinctive_words_chart(fr.distinctive_words(quiet)),
    ]
    assert all(isinstance(n, Note) for n in notes), notes
    assert "compare_paths" in notes[5].text and "no term of any naming set" in notes[3].text


def _outputs(path) -> list[tuple[int, str, str]]:
    """(cell index, kind, text) of every output of an executed notebook."""
    nb = nbformat.read(path, as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            kind = "error" if o.output_type == "error" else "stream" if o.output_type == "stream" else None
            kind = kind or (
                "image" if "image/png" in data else "markdown" if "text/markdown" in data else "table"
            )
            out.append((i, kind, str(data.get("text/markdown", o.get("text", o.get("evalue", ""))))))
    return out


@pytest.mark.notebook
def test_report_with_a_comparison_article_through_the_runner(tmp_path):
    from research_utils.report import build_report

    other = tmp_path / "wire_report.txt"
    other.write_text(COMPARISON, encoding="utf-8")
    folder = build_report(
        DEFAULT_ARTICLE, tmp_path / "reports", stems=[STEM], params={STEM: {"compare_paths": [str(other)]}}
    )
    result = json.loads((folder / "results.json").read_text(encoding="utf-8"))["framing"]
    assert result["article"] == MAIN and result["articles"] == [MAIN, "wire-report"]
    for key in ("frames", "naming", "persuasion_cues", "entman"):
        assert {r["article"] for r in result[key]} == {MAIN, "wire-report"}, key
    frame = next(r for r in result["frames"] if r["article"] == MAIN and r["frame"] == "security and defense")
    assert frame["scheme"] == "policy" and frame["present"] and frame["dominant"]
    kyiv = {r["article"]: r for r in result["naming"] if r["set"] == "kyiv"}
    assert kyiv[MAIN]["index"] == -1.0 and kyiv["wire-report"]["index"] == 1.0
    assert {"side_a_author", "side_a_quoted", "side_b_author", "side_b_quoted"} <= set(kyiv[MAIN])
    assert -1.0 <= result["naming_index"] < 0
    assert {r["technique"] for r in result["persuasion_cues"]} >= {"loaded language", "repetition"}
    assert {r["function"] for r in result["entman"]} == {
        "problem definition",
        "causal interpretation",
        "moral evaluation",
        "treatment recommendation",
    }
    tables = {p.stem for p in (folder / "tables").glob("*.csv")}
    assert {
        "framing_frames",
        "framing_trajectory",
        "framing_naming",
        "framing_persuasion_counts",
        "framing_entman",
        "framing_distinctive_words",
        "framing_frame_profiles",
        "framing_naming_profiles",
    } <= tables
    distinctive = pd.read_csv(folder / "tables" / "framing_distinctive_words.csv")
    assert set(distinctive["article"]) == {MAIN, "wire-report"} and "z" in distinctive
    profiles = pd.read_csv(folder / "tables" / "framing_naming_profiles.csv")
    assert list(profiles.columns[-2:]) == [MAIN, "wire-report"]
    outputs = _outputs(folder / f"{STEM}.ipynb")
    assert not [o for o in outputs if o[1] in ("error", "stream")]
    assert sum(kind == "image" for _, kind, _ in outputs) == 9  # the three contrast figures included
    page = (folder / f"{STEM}.reader.html").read_text(encoding="utf-8")
    assert "Most salient frames: security and defense" in page  # the findings open the page
    assert "dominant policy frame(s)" not in page  # the results.json summary is on the page with code only
    assert "dominant policy frame(s)" in (folder / f"{STEM}.html").read_text(encoding="utf-8")
    assert page.lower().count("<script") == 1  # only the package's own table script (see test_browser)


@pytest.mark.notebook
def test_an_article_without_cues_says_so_instead_of_drawing(tmp_path, run_all):
    article = tmp_path / "garden.txt"
    article.write_text(QUIET, encoding="utf-8")
    run_all(NOTEBOOK, tmp_path / "out.ipynb", cwd=NOTEBOOKS_DIR, parameters={"article_path": str(article)})
    outputs = _outputs(tmp_path / "out.ipynb")
    assert not [o for o in outputs if o[1] in ("error", "stream")]
    assert [kind for _, kind, _ in outputs].count("image") == 0  # no empty figure anywhere
    notes = [text for _, kind, text in outputs if kind == "markdown"]
    assert any("Contrast across articles does not apply" in n for n in notes)
    assert any("no term of any naming set" in n for n in notes)
    assert any("no dominant frame" in n for n in notes)
