"""``research-report agreement SHEET``: a round trip from the bundled article, and bad sheets.

The sheet is drawn from the bundled article with the package functions (no kernel), one
coder agrees with the tool everywhere, the other disagrees on known rows; it is saved as
a semicolon CSV (as Excel writes in many locales) and as .xlsx, scored through
``research_utils.cli.main``, and the JSON numbers are checked against sums written out
here by hand from the sheet's own weights.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from research_utils import cli, codingsheet
from research_utils.analyses import stance
from research_utils.export import Exporter
from research_utils.paths import DEFAULT_ARTICLE


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The rows of the bundled article's coding sheet (60 sentences, seed 0) as written."""
    folder = tmp_path_factory.mktemp("report")
    lex = stance.load_stance_lexicons()
    attr, claims = stance.attributions(DEFAULT_ARTICLE, lex), stance.claims(DEFAULT_ARTICLE, lex)
    stance.write_coding_sheet(Exporter(str(folder)), DEFAULT_ARTICLE, lex, attr, claims, 60, seed=0)
    text = (folder / "tables" / "stance_coding_sheet.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


class Coded:
    """The drawn sheet with coder1 = tool everywhere and coder2 = tool except on known rows."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = [list(r) for r in rows]
        self.at = codingsheet.header_row(self.rows)
        head = self.rows[self.at]
        self.col = {name: j for j, name in enumerate(head)}
        body = self.rows[self.at + 1 :]
        for r in body:
            r[self.col["coder1"]] = r[self.col["coder2"]] = r[self.col["tool"]]
        self.weight = {s: n / k for s, k, n in self._strata()}
        att = [r for r in body if r[0] == "attribution"]
        cla = [r for r in body if r[0] == "claim"]
        # (a) two single-speaker sentences of the speech stratum: coder2 hears no speech
        self.dropped = [r for r in att if r[self.col["stratum"]] == "speech" and ";" not in r[-1]][:2]
        for r in self.dropped:
            r[self.col["coder2"]] = "none"
        nothing = [r for r in att if r[self.col["stratum"]] == "nothing"]
        # (b) one sentence where the tool found nothing: coder2 hears Jane Doe (a miss)
        self.missed = nothing[0]
        self.missed[self.col["coder2"]] = "Jane Doe"
        # (c) coder2 turns the position of the first claim of the first claim row
        self.turned = next(r for r in cla if r[-1] != "none")
        first, *rest = self.turned[-1].split("; ")
        a, i, p = first.split(":")
        self.turned[self.col["coder2"]] = "; ".join([f"{a}:{i}:{'-1' if p == '+1' else '+1'}", *rest])
        # (d) coder2 has not coded another sentence of the nothing stratum yet
        sid = nothing[-1][self.col["sentence_id"]]
        for r in body:
            if r[self.col["sentence_id"]] == sid:
                r[self.col["coder2"]] = ""
        self.body = body

    def _strata(self) -> list[tuple[str, int, int]]:
        found = []
        for r in self.rows[: self.at]:
            parts = r[0].split() if r else []
            if parts[:2] == ["#", "stratum"]:
                found.append((parts[2].rstrip(":"), int(parts[3]), int(parts[5])))
        return found

    def w(self, row: list[str]) -> float:
        return self.weight[row[self.col["stratum"]]]

    def save_csv(self, path: Path) -> Path:
        buf = io.StringIO()
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(self.rows)
        path.write_text(buf.getvalue(), encoding="utf-8")  # no byte-order mark
        return path

    def save_xlsx(self, path: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        ws = book.active
        for r in self.rows:
            ws.append([int(c) if c.isdigit() else c for c in r])  # numbers as numbers, as Excel keeps them
        book.save(path)
        return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = cli.main(["agreement", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def test_round_trip_csv_and_xlsx(
    drawn: list[list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = Coded(drawn)
    sheet = coded.save_csv(tmp_path / "coded.csv")
    rc, out, err = _run([str(sheet)], capsys)
    assert rc == 0, err
    assert "read as CSV, semicolon-separated, utf-8" in out and out.rstrip().endswith("agreement.json")
    data = json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))
    page = (tmp_path / "agreement.html").read_text(encoding="utf-8")
    assert data["written_by"] == "research-report agreement" and data["sheet"]["coders"] == [
        "coder1",
        "coder2",
    ]
    assert data["sheet"]["rows"] == 120 and data["sheet"]["sentences"] == 60
    tool = {(r["measure"], r["level"], r["coder"]): r for r in data["tool"]}

    body, w = coded.body, coded.w
    att = [r for r in body if r[0] == "attribution"]
    found = [r for r in att if r[-1] != "none"]
    # coder1 agrees everywhere
    for level in ("presence", "speaker"):
        r = tool[("attribution", level, "coder1")]
        assert (r["precision"], r["recall"], r["rows"]) == (1.0, 1.0, 60)
    # coder2, presence: 59 rows coded; of the tool's T sentences 2 are not speech to coder2, who
    # hears speech in one sentence where the tool found nothing (each weighted by its stratum)
    r = tool[("attribution", "presence", "coder2")]
    t, wt = len(found), sum(w(x) for x in found)
    assert (r["rows"], r["tool_found"], r["coder_found"], r["matched"]) == (59, t, t - 1, t - 2)
    wd, wm = sum(w(x) for x in coded.dropped), w(coded.missed)  # the weights of their strata
    assert r["precision"] == pytest.approx((wt - wd) / wt, abs=1e-6)
    assert r["recall"] == pytest.approx((wt - wd) / (wt - wd + wm), abs=1e-6)
    assert r["recall_low"] < r["recall"] < r["recall_high"] <= 1
    # speaker level: the same, counted in names
    names = sum(len(x[-1].split("; ")) for x in found)
    r = tool[("attribution", "speaker", "coder2")]
    assert (r["tool_found"], r["coder_found"], r["matched"]) == (names, names - 1, names - 2)
    # claims: coder2 turned one claim of a claim-stratum sentence
    cla = [x for x in body if x[0] == "claim" and x[-1] != "none"]
    units = [(x, len(x[-1].split("; "))) for x in cla]
    wc = sum(w(x) * k for x, k in units)
    r = tool[("claim", "actor_issue_position", "coder2")]
    assert (r["tool_found"], r["coder_found"], r["matched"]) == (sum(k for _, k in units),) * 2 + (
        sum(k for _, k in units) - 1,
    )
    assert r["precision"] == pytest.approx((wc - w(coded.turned)) / wc, abs=1e-6)
    assert r["recall"] == pytest.approx(r["precision"])
    assert tool[("claim", "presence", "coder2")]["precision"] == 1.0

    # the coders with each other, attribution presence, over the 59 sentences both coded
    agree = {(r["measure"], r["level"]): r for r in data["coders"]}
    r = agree[("attribution", "presence")]
    assert r["units"] == 59 and r["agreement"] == pytest.approx(56 / 59, abs=1e-6)
    p_o = 56 / 59
    p_e = (t / 59) * ((t - 1) / 59) + ((59 - t) / 59) * ((60 - t) / 59)
    assert r["kappa"] == pytest.approx((p_o - p_e) / (1 - p_e), abs=1e-6)
    n_yes, n_no = 2 * (t - 2) + 3, 2 * (58 - t) + 3  # coincidences: 2(t-2) yes-yes, 2(58-t) no-no, 3+3 mixed
    assert r["alpha"] == pytest.approx(1 - 117 * 3 / (n_yes * n_no), abs=1e-6)
    assert agree[("claim", "presence")]["alpha"] == 1.0

    # the page: self-contained, no script, the strict policy of the index pages
    assert "<script" not in page.lower() and "default-src 'none'; style-src 'unsafe-inline'" in page
    assert "Krippendorff" in page and "Cohen, J. (1960)" in page and "Landis" in page

    # the same sheet saved from a spreadsheet as .xlsx gives the same numbers
    book = coded.save_xlsx(tmp_path / "coded.xlsx")
    rc, out, err = _run([str(book), "--out", str(tmp_path / "x")], capsys)
    assert rc == 0, err
    again = json.loads((tmp_path / "x" / "agreement.json").read_text(encoding="utf-8"))
    assert again["sheet"]["read_as"].startswith("xlsx")
    assert again["tool"] == data["tool"] and again["coders"] == data["coders"]

    # a second run replaces what the first wrote (and only that)
    rc, _, err = _run([str(sheet)], capsys)
    assert rc == 0, err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build-")]


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("research-report: error: "), err
    return err


def _sheet_text(coded: Coded) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(coded.rows)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda rows, c: [r[: c["tool"]] + r[c["tool"] + 1 :] for r in rows],
            "the column(s) tool are missing",
        ),
        (lambda rows, c: rows[: codingsheet.header_row(rows) + 1], "no rows to score"),
        (lambda rows, c: [], "has no header row"),
        (
            lambda rows, c: [
                [x.replace("coder", "rater") if x.startswith("coder") else x for x in r] for r in rows
            ],
            "no coder column",
        ),
    ],
    ids=["missing column", "header only", "empty", "no coder column"],
)
def test_bad_sheets_give_one_line_and_exit_2(
    drawn: list[list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str], change, message: str
) -> None:
    coded = Coded(drawn)
    coded.rows = change(coded.rows, coded.col)
    path = tmp_path / "bad.csv"
    path.write_text(_sheet_text(coded), encoding="utf-8")
    rc, _, err = _run([str(path)], capsys)
    assert rc == 2 and message in _one_line(err)
    assert not (tmp_path / "agreement.json").exists() and not (tmp_path / "agreement.html").exists()


def test_bad_values_name_the_row_and_column(drawn: list[list[str]], tmp_path: Path, capsys) -> None:
    coded = Coded(drawn)
    row = next(r for r in coded.body if r[0] == "claim")
    row[coded.col["coder2"]] = "ukraine:neutrality:2"
    number = coded.rows.index(row) + 1
    path = tmp_path / "bad.csv"
    path.write_text(_sheet_text(coded), encoding="utf-8")
    rc, _, err = _run([str(path)], capsys)
    assert rc == 2
    assert (
        f"bad.csv: row {number}, column coder2 (F): 'ukraine:neutrality:2' has the position '2'"
        in _one_line(err)
    )
    row[coded.col["coder2"]] = "none"
    row[coded.col["measure"]] = "claims"
    path.write_text(_sheet_text(coded), encoding="utf-8")
    rc, _, err = _run([str(path)], capsys)
    assert rc == 2 and f"row {number}, column measure (A): 'claims' is not a measure" in _one_line(err)


def test_a_fifo_a_folder_and_a_missing_file_are_refused_at_once(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "sheet.csv"
    os.mkfifo(fifo)
    rc, _, err = _run([str(fifo)], capsys)
    assert rc == 2 and "is a named pipe (FIFO), not a regular file" in _one_line(err)
    rc, _, err = _run([str(tmp_path)], capsys)
    assert rc == 2 and "is a folder" in _one_line(err)
    rc, _, err = _run([str(tmp_path / "nothing.csv")], capsys)
    assert rc == 2 and "no such file" in _one_line(err)


def test_files_it_did_not_write_are_left_alone(drawn: list[list[str]], tmp_path: Path, capsys) -> None:
    sheet = Coded(drawn).save_csv(tmp_path / "coded.csv")
    mine = tmp_path / "agreement.html"
    mine.write_text("<p>my own notes</p>", encoding="utf-8")
    rc, _, err = _run([str(sheet)], capsys)
    assert rc == 2 and "was not written by research-report agreement" in _one_line(err)
    assert (
        mine.read_text(encoding="utf-8") == "<p>my own notes</p>"
        and not (tmp_path / "agreement.json").exists()
    )
    mine.unlink()
    (tmp_path / "agreement.json").symlink_to(sheet)
    rc, _, err = _run([str(sheet)], capsys)
    assert rc == 2 and "agreement.json exists" in _one_line(err)
    assert (tmp_path / "agreement.json").is_symlink() and not mine.exists()


def test_agreement_is_the_subcommand_only_as_the_first_argument(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreement").write_text("An article named agreement.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        cli.main(["agreement"])
    assert stop.value.code == 2
    assert "write ./agreement" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("encoding", "delimiter", "how"),
    [
        ("utf-8-sig", ",", "CSV, comma-separated, utf-8-sig"),
        ("cp1252", ";", "CSV, semicolon-separated, cp1252"),  # Excel's "CSV (Comma delimited)" on Windows
        ("utf-16", "\t", "CSV, tab-separated, utf-16"),  # Excel's "Unicode Text"
    ],
)
def test_what_spreadsheets_save_is_read(encoding: str, delimiter: str, how: str) -> None:
    from research_utils.report.agreement import rows_from_bytes

    rows = [
        ["# notes, with a comma"],
        [""],
        ["measure", "sentence_id", "coder1"],
        ["attribution", "3", "José Peña"],
    ]
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    got, said = rows_from_bytes(buf.getvalue().encode(encoding), ".csv")
    assert said == how and got[3] == ["attribution", "3", "José Peña"]
