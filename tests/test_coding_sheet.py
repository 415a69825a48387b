"""The hand-coding sheet: drawn from the stance analysis, written with its instructions, read back.

The writer (``analyses.stance.validation``) and the reader (``codingsheet.read_sheet``)
share one format (``research_utils.codingsheet``); these tests draw a sheet from a small
article of our own, check the strata, weights and codes by hand, and read it back.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from research_utils import article_from_text, codingsheet
from research_utils.analyses import stance
from research_utils.export import Exporter

TEXT = """Talks in Istanbul

Ukraine rejected NATO membership, Zelensky said on Tuesday.
The weather in the city was mild.
"We will never accept neutrality," said Dmitry Peskov.
The delegations ate lunch together.
Sergei Lavrov told reporters that the talks had been useful.
Markets were calm on Wednesday.
Shops opened late in the old town.
"""


@pytest.fixture(scope="module")
def talks() -> tuple:
    doc = article_from_text(TEXT, name="talks")
    lex = stance.load_stance_lexicons()
    return doc, lex, stance.attributions(doc, lex), stance.claims(doc, lex)


def test_sentence_codes_put_every_sentence_in_one_stratum(talks: tuple) -> None:
    doc, _lex, attr, claims = talks
    codes = stance.sentence_codes(doc, attr, claims)
    assert list(codes["sentence_id"]) == list(range(7))
    assert list(codes["stratum"]) == ["claim", "nothing", "claim", "nothing", "speech", "nothing", "nothing"]
    assert list(codes["attribution"]) == [
        "Zelensky",
        "none",
        "Dmitry Peskov",
        "none",
        "Sergei Lavrov",
        "none",
        "none",
    ]
    assert codes["claim"][0] == "ukraine:nato_membership:-1" and codes["claim"][2] == "russia:neutrality:-1"
    assert codes["claim"][4] == "none"


def test_allocate_splits_equally_and_passes_on_what_a_small_stratum_cannot_use() -> None:
    assert stance.validation.allocate({"claim": 2, "speech": 1, "nothing": 4}, 6) == {
        "claim": 2,
        "speech": 1,
        "nothing": 3,
    }
    assert stance.validation.allocate({"a": 10, "b": 10, "c": 10}, 10) == {"a": 4, "b": 3, "c": 3}
    assert stance.validation.allocate({"a": 3, "b": 0}, 50) == {"a": 3, "b": 0}
    assert stance.validation.allocate({"a": 3}, 0) == {"a": 0}


def test_coding_sheet_is_stratified_weighted_reproducible_and_blank_for_coders(talks: tuple) -> None:
    doc, _lex, attr, claims = talks
    sheet, strata = stance.coding_sheet(doc, attr, claims, 5, seed=3)
    assert list(sheet.columns) == list(codingsheet.COLUMNS)
    # 5 draws over strata of 2, 1 and 4 sentences: 2 and 1 taken whole, 2 of the 4 nothing sentences
    assert strata.to_dict("list") == {
        "stratum": ["claim", "speech", "nothing"],
        "sentences": [2, 1, 4],
        "drawn": [2, 1, 2],
        "weight": [1.0, 1.0, 2.0],
    }
    assert len(sheet) == 10 and list(sheet["measure"][:2]) == ["attribution", "claim"]
    assert list(sheet["sentence_id"]) == sorted(sheet["sentence_id"])
    assert set(sheet.loc[sheet["stratum"] == "nothing", "weight"]) == {2.0}
    assert (sheet[["coder1", "coder2", "note"]] == "").all().all()
    again, _ = stance.coding_sheet(doc, attr, claims, 5, seed=3)
    pd.testing.assert_frame_equal(sheet, again)
    everything, strata_all = stance.coding_sheet(doc, attr, claims, 100)
    assert len(everything) == 14 and set(strata_all["weight"]) == {1.0}
    no_claims, strata_nc = stance.coding_sheet(doc, attr, claims, 100, measures=("attribution",))
    assert set(no_claims["measure"]) == {"attribution"} and list(strata_nc["stratum"]) == [
        "speech",
        "nothing",
    ]
    assert list(strata_nc["sentences"]) == [3, 4]  # the claim sentences count as speech


def _written_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_write_coding_sheet_writes_instructions_then_rows_that_read_back(
    talks: tuple, tmp_path: Path
) -> None:
    doc, lex, attr, claims = talks
    out = Exporter(str(tmp_path))
    msg = stance.write_coding_sheet(out, doc, lex, attr, claims, 5, seed=3)
    assert msg.startswith(
        "Coding sheet: 5 sentences drawn with seed 3 (2 of 2 with claim, 1 of 1 with speech"
    )
    assert "tables/stance_coding_sheet.csv" in msg and "research-report agreement" in msg
    rows = _written_rows(tmp_path / "tables" / "stance_coding_sheet.csv")
    header = codingsheet.header_row(rows)
    assert all(len(r) == 1 and r[0].startswith("#") for r in rows[: header - 1]) and rows[header - 1] == [""]
    text = "\n".join(r[0] for r in rows[:header])
    assert "# actors: russia, ukraine, eu, us, nato, west" in text and "# issue neutrality: " in text
    assert "# stratum nothing: 2 of 4 sentences drawn, weight 2" in text
    sheet = codingsheet.read_sheet(rows)
    assert sheet.coders == ("coder1", "coder2") and sheet.weights_from == "instruction rows"
    assert sheet.rows[["coder1", "coder2"]].isna().all().all()  # nothing coded yet
    first = sheet.rows.iloc[:2]
    assert list(first["tool"]) == [("Zelensky",), frozenset({("ukraine", "nato_membership", -1)})]
    assert (
        stance.write_coding_sheet(out, doc, lex, attr, claims, 0)
        == "No coding sheet drawn: validation_sample is 0."
    )
    assert "not written" in stance.write_coding_sheet(Exporter(""), doc, lex, attr, claims, 2)


def test_a_pack_without_issues_gets_no_claim_rows(talks: tuple, tmp_path: Path) -> None:
    doc = talks[0]
    lex = stance.load_stance_lexicons(pack="generic")
    attr, claims = stance.attributions(doc, lex), stance.claims(doc, lex)
    stance.write_coding_sheet(Exporter(str(tmp_path)), doc, lex, attr, claims, 10)
    rows = _written_rows(tmp_path / "tables" / "stance_coding_sheet.csv")
    sheet = codingsheet.read_sheet(rows)
    assert sheet.measures == ("attribution",)
    assert not any(r[0].startswith(("# claim", "# actors")) for r in rows[: codingsheet.header_row(rows)])


@pytest.mark.parametrize(
    ("code", "parsed"),
    [
        ("none", frozenset()),
        (" - ", frozenset()),
        ("ukraine:neutrality:+1", frozenset({("ukraine", "neutrality", 1)})),
        (
            "Ukraine : Neutrality : 1; russia:nato_membership:−1;",
            frozenset({("ukraine", "neutrality", 1), ("russia", "nato_membership", -1)}),
        ),
        ("eu:crimea:0", frozenset({("eu", "crimea", 0)})),
    ],
)
def test_claim_codes(code: str, parsed: frozenset) -> None:
    assert codingsheet.parse_claims(code) == parsed
    assert codingsheet.parse_claims(codingsheet.claims_text(set(parsed))) == parsed


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("ukraine:neutrality:2", "has the position '2'"),
        ("ukraine:neutrality:yes", "has the position 'yes'"),
        ("ukraine neutrality +1", "is not a claim"),
        ("ukraine:neutrality", "is not a claim"),
        ("ukriane:neutrality:+1", "names the actor 'ukriane'"),
        ("ukraine:neutral:+1", "names the issue 'neutral'"),
    ],
)
def test_bad_claim_codes_say_why(code: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        codingsheet.parse_claims(code, frozenset({"ukraine"}), frozenset({"neutrality"}))


def test_speaker_codes() -> None:
    assert codingsheet.parse_speakers("none") == ()
    assert codingsheet.parse_speakers(" Dmitry  Peskov ; Lavrov ") == ("Dmitry Peskov", "Lavrov")
    assert codingsheet.speakers_text(["Peskov", "Peskov", "a; b"]) == "Peskov; a, b"
    assert codingsheet.speakers_text([]) == "none"
    with pytest.raises(ValueError, match="empty name"):
        codingsheet.parse_speakers("Peskov;;Lavrov")
