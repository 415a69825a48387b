"""How a report shows a table to a reader: no code leftovers, a caption, long tables folded;
the Excel workbooks beside the CSV files; the files to send."""

from __future__ import annotations

import hashlib
import math
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from research_utils.captions import caption, captions
from research_utils.export import Exporter
from research_utils.report.bundle import code_files, reader_files, write_bundles
from research_utils.report.workbook import write_workbooks
from research_utils.views import FOLD_ROWS, MISSING, Note, cell_text, show, table_html

LEFTOVERS = ("None", "nan", "NaN", "<NA>", "NaT", "(63,)", "{'naming'", "61.000000")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, MISSING),
        (float("nan"), MISSING),
        (pd.NA, MISSING),
        (np.float64("nan"), MISSING),
        ("None", MISSING),
        (True, "yes"),
        (np.bool_(False), "no"),
        (61.0, "61"),
        (np.int64(2065), "2065"),
        (13196, "13,196"),
        (0.123456, "0.123"),
        (123.456, "123.46"),
        ((63,), "63"),
        (["a", "b"], "a, b"),
        ({"naming": 2, "frames": 60}, "naming: 2; frames: 60"),
        (math.inf, "∞"),
        (-0.0001, "> -0.001"),
        ("Kyiv", "Kyiv"),
    ],
)
def test_a_value_as_a_reader_sees_it(value: object, shown: str) -> None:
    assert cell_text(value) == shown


def test_a_table_has_its_caption_no_index_and_no_leftovers(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "set": ["kyiv", "odesa"],
            "index_author": [-1.0, np.nan],
            "count": [61.0, 3.0],
            "ids": [(63,), (1, 2)],
            "cues": [{"naming": 2}, {}],
            "present": [True, False],
        },
        index=[5, 9],  # a filtered table keeps the row numbers of its parent
    )
    shown = Exporter(str(tmp_path)).table("framing_naming", df)
    page = table_html(shown)
    assert caption("framing_naming") in page and page.index("rr-caption") < page.index("<table")
    assert "<th" in page and ">5<" not in page and ">9<" not in page  # no pandas index
    cells = [c.split(">", 1)[1] for c in page.split("</td>")[:-1]]
    assert not any(c in LEFTOVERS for c in cells) and not any(x in page for x in LEFTOVERS[5:])
    assert "index_<wbr>author" in page  # a header may break after "_"
    assert 'class="c-set"' in page


def test_a_named_index_is_a_column_and_long_tables_fold() -> None:
    header = pd.DataFrame({"field": ["title", "outlet"], "value": ["T", "RT"]}).set_index("field")
    page = table_html(header, caption="What was analysed")
    assert ">field<" in page and "<details" not in page
    long = pd.DataFrame({"n": range(FOLD_ROWS + 1)})
    folded = table_html(long, caption="Many rows")
    assert folded.index("<details") < folded.index("<summary>Many rows") < folded.index("<table")
    assert f"({FOLD_ROWS + 1} rows)" in folded
    assert "<details" not in table_html(show(long, "none", fold=False))
    assert "<details" in table_html(show(long.head(2), "none", fold=True, caption="provenance"))


def test_show_keeps_its_one_line_and_captions_views() -> None:
    assert show(pd.DataFrame({"a": []}), "Nothing here.") == Note("Nothing here.")
    view = show(pd.DataFrame({"a": [1]}), "x", caption="text_statistics_key_words_over")
    assert caption(view.attrs["table"]).startswith("The most over-used words")


def test_every_shown_view_has_a_caption() -> None:
    """Every caption a notebook asks for by name is declared in report/tables.yaml."""
    import re

    from research_utils.paths import NOTEBOOKS_DIR

    names = set()
    for nb in NOTEBOOKS_DIR.glob("*.ipynb"):
        names |= set(re.findall(r'caption=\\"([a-z0-9_]+)\\"', nb.read_text(encoding="utf-8")))
    assert names and names <= set(captions()), names - set(captions())


def test_workbooks_hold_every_table_as_numbers_and_text(tmp_path: Path) -> None:
    out = Exporter(str(tmp_path))
    out.table("stance_voice", pd.DataFrame({"label": ["=cmd|' /C calc'!A0", "EU"], "quoted_words": [12, 6]}))
    out.table("stance_lexicon_actors", pd.DataFrame({"actor": ["eu"], "terms": [["EU", "Brussels"]]}))
    out.table("framing_frames", pd.DataFrame({"frame": ["economic"], "per_1000_words": [1.45]}))
    books = write_workbooks(tmp_path / "tables")
    assert [b.name for b in books] == ["stance.xlsx", "framing.xlsx"]
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "tables" / "stance.xlsx")
    assert wb.sheetnames == ["lexicon_actors", "voice"]
    voice = wb["voice"]
    assert voice["A2"].value == "=cmd|' /C calc'!A0" and voice["A2"].data_type == "s"  # text, never a formula
    assert voice["B2"].value == 12 and voice.freeze_panes == "A2"
    first = hashlib.sha256(books[0].read_bytes()).hexdigest()
    assert hashlib.sha256(write_workbooks(tmp_path / "tables")[0].read_bytes()).hexdigest() == first


def test_the_readers_zip_and_the_code_zip(tmp_path: Path) -> None:
    folder = tmp_path / "talks"
    for name in (
        "index.html",
        "01_text_statistics.html",
        "01_text_statistics.reader.html",
        "01_text_statistics.ipynb",
        "results.json",
        "tables/text_statistics_counts.csv",
        "tables/text_statistics.xlsx",
        "figures/text_statistics_keyness.svg",
        "figures/text_statistics_keyness.png",
        "articles/a/a.zip",
        "data/articles/part-0.parquet",
        ".research-report.json",
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    assert [p.as_posix() for p in code_files(folder)] == [
        "01_text_statistics.html",
        "01_text_statistics.ipynb",
    ]
    assert "index.html" in {p.as_posix() for p in reader_files(folder)}
    reader, code = write_bundles(folder, "talks", exclude=("data", "articles"), index="the readers' index")
    with zipfile.ZipFile(reader) as zf:
        names = set(zf.namelist())
        assert zf.read("talks/index.html") == b"the readers' index"
    assert names == {
        "talks/index.html",
        "talks/01_text_statistics.reader.html",
        "talks/results.json",
        "talks/tables/text_statistics_counts.csv",
        "talks/tables/text_statistics.xlsx",
        "talks/figures/text_statistics_keyness.svg",
        "talks/figures/text_statistics_keyness.png",
    }
    with zipfile.ZipFile(code) as zf:
        assert set(zf.namelist()) == {"talks/01_text_statistics.html", "talks/01_text_statistics.ipynb"}
    again = write_bundles(folder, "talks", exclude=("data", "articles"), index="the readers' index")
    assert reader.read_bytes() == again[0].read_bytes()
