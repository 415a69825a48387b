"""The framing notebook (03) and its figures."""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from research_utils import article_from_text, load_article
from research_utils import framing as fr
from research_utils.paths import DEFAULT_ARTICLE, NOTEBOOKS_DIR
from research_utils.plots import framing as fplots

NOTEBOOK = NOTEBOOKS_DIR / "03_framing_analysis.ipynb"

COMPARISON = """Talks end without a breakthrough as shelling continues near Kharkiv

Negotiators from Kyiv and Moscow met again on Tuesday, five weeks after the invasion began.

Ukrainian officials said the talks focused on security guarantees and a ceasefire. “We will not trade our territory for peace,” a member of the Ukrainian delegation told reporters. Russian negotiators again described the war as a “special military operation” and demanded that Kyiv recognise the annexation of Crimea.

Residents of Kharkiv spent another night in shelters as Russian forces shelled residential districts. Local authorities said several civilians were killed and that hospitals were running out of supplies. Families who fled to Lviv described long queues at the border and a shortage of fuel.

Economists warn that the war will cost the economy billions of dollars this year. Exports of grain through Odesa have stopped, and prices for bread and fuel have risen sharply across Europe.
"""


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
    assert "framing" in "".join(c.source for c in nb.cells if 'out.section("framing"' in c.source)


def test_figures_are_built_from_the_tables():
    art = load_article(DEFAULT_ARTICLE)
    lex = fr.load_lexicons()
    scores = pd.concat([fr.frame_scores(art, lex.policy), fr.frame_scores(art, lex.generic, "generic")])
    traj = fr.frame_trajectory(art, lex.policy)
    co = fr.frame_cooccurrence(art, lex.policy)
    naming = fr.naming_table(art, lex.naming)
    figs = [
        fplots.frame_salience(scores),
        fplots.trajectory_heatmap(traj),
        fplots.cooccurrence_heatmap(co, scores.query("scheme == 'policy' and hits > 0")["frame"].tolist()),
        fplots.naming_chart(naming),
        fplots.persuasion_chart(fr.persuasion_counts(art, lex.persuasion)),
        fplots.frame_profiles(scores),
        fplots.naming_profiles(naming),
        fplots.distinctive_words_chart(
            fr.distinctive_words([art, article_from_text(COMPARISON, path="c.txt")])
        ),
    ]
    assert all(isinstance(f, Figure) for f in figs)
    # the naming chart shows only the sets the article uses
    labels = [t.get_text() for t in figs[3].axes[0].get_yticklabels()]
    assert "Kyiv  |  Kiev" in labels and not any("Lviv" in x for x in labels)
    # empty inputs give a figure with a message, not an error
    empty = article_from_text("Nothing to see in this short text at all.")
    assert isinstance(fplots.naming_chart(fr.naming_table(empty, lex.naming)), Figure)
    assert isinstance(fplots.distinctive_words_chart(fr.distinctive_words([empty])), Figure)
    assert isinstance(fplots.cooccurrence_heatmap(fr.frame_cooccurrence(empty, lex.policy), []), Figure)


@pytest.mark.notebook
def test_notebook_runs_with_a_comparison_article(tmp_path):
    import papermill

    other = tmp_path / "wire_report.txt"
    other.write_text(COMPARISON, encoding="utf-8")
    out_dir = tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(tmp_path / "executed.ipynb"),
        parameters={"compare_paths": [str(other)], "output_dir": str(out_dir)},
        kernel_name="python3",
        cwd=str(NOTEBOOKS_DIR),
        progress_bar=False,
    )
    result = json.loads((out_dir / "results" / "framing.json").read_text(encoding="utf-8"))
    main = "rt-2022-04-russia-ukraine-talks"
    assert result["article"] == main and result["articles"] == [main, "wire-report"]
    for key in ("frames", "naming", "persuasion_cues", "entman"):
        assert {r["article"] for r in result[key]} == {main, "wire-report"}, key
    frame = next(r for r in result["frames"] if r["article"] == main and r["frame"] == "security and defense")
    assert frame["scheme"] == "policy" and frame["present"] and frame["dominant"]
    assert {"hits", "per_1000_words", "sentence_share", "present"} <= set(frame)
    kyiv = {r["article"]: r for r in result["naming"] if r["set"] == "kyiv"}
    assert kyiv[main]["index"] == -1.0 and kyiv["wire-report"]["index"] == 1.0
    assert {"side_a_author", "side_a_quoted", "side_b_author", "side_b_quoted"} <= set(kyiv[main])
    assert -1.0 <= result["naming_index"] < 0
    assert {r["technique"] for r in result["persuasion_cues"]} >= {"loaded language", "repetition"}
    assert {r["function"] for r in result["entman"]} == {
        "problem definition",
        "causal interpretation",
        "moral evaluation",
        "treatment recommendation",
    }
    tables = {p.stem for p in (out_dir / "tables").glob("*.csv")}
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
    distinctive = pd.read_csv(out_dir / "tables" / "framing_distinctive_words.csv")
    assert set(distinctive["article"]) == {main, "wire-report"} and "z" in distinctive
    profiles = pd.read_csv(out_dir / "tables" / "framing_naming_profiles.csv")
    assert list(profiles.columns[-2:]) == [main, "wire-report"]
