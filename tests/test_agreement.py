"""The agreement formulas against hand-computed values and published worked examples.

* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": section A (binary
  data, two observers, alpha = 0.095) and section C (nominal data, four observers, twelve
  units with missing values: the coincidence matrix and alpha = 0.743).
* The three-coder example of Wikipedia's "Krippendorff's alpha" page (nominal alpha = 0.691).
* Cohen's kappa: the two-rater, 50-item textbook example (20 yes/yes, 5 yes/no, 10 no/yes,
  15 no/no: p_o = 0.70, p_e = 0.50, kappa = 0.40).
* Wilson intervals: 8 of 10 gives [0.490, 0.943].
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from research_utils import agreement as ag
from research_utils import codingsheet

N = None


def codes(**coders: list) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in coders.items()})


# Krippendorff (2011), section C: observers A-D, units 1-12, "." = missing
K2011 = codes(
    A=[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    B=[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    C=[N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    D=[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
)


def test_krippendorff_2011_nominal_example_with_missing_values() -> None:
    o = ag.coincidence_matrix(K2011)
    assert o.to_numpy().sum() == pytest.approx(40)  # pairable values (units 1-11; unit 12 has one)
    assert (
        o.loc[1, 1] == pytest.approx(7)
        and o.loc[2, 2] == pytest.approx(10)
        and o.loc[5, 5] == pytest.approx(3)
    )
    assert (
        o.loc[1, 2] == pytest.approx(4 / 3)
        and o.loc[2, 3] == pytest.approx(4 / 3)
        and o.loc[3, 4] == pytest.approx(1 / 3)
    )
    assert (o.to_numpy() == o.to_numpy().T).all()
    assert ag.krippendorff_alpha(K2011) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_2011_binary_example_and_its_kappa() -> None:
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    # o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6: alpha = 1 - 19 * 4 / (14 * 6)
    assert ag.krippendorff_alpha(codes(a=a, b=b)) == pytest.approx(1 - 19 * 4 / 84)
    assert round(ag.krippendorff_alpha(codes(a=a, b=b)), 3) == 0.095
    # p_o = 0.6; p_e = 0.8 * 0.6 + 0.2 * 0.4 = 0.56
    assert ag.cohen_kappa(pd.Series(a), pd.Series(b)) == pytest.approx((0.6 - 0.56) / 0.44)


def test_wikipedia_three_coder_example() -> None:
    rows = (
        "*    *    *    *    *    3    4    1    2    1    1    3    3    *    3",
        "1    *    2    1    3    3    4    3    *    *    *    *    *    *    *",
        "*    *    2    1    3    4    4    *    2    1    1    3    3    *    4",
    )
    data = codes(**{f"c{i}": [None if v == "*" else int(v) for v in r.split()] for i, r in enumerate(rows)})
    assert round(ag.krippendorff_alpha(data), 3) == 0.691


def test_cohen_kappa_textbook_example() -> None:
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert ag.percent_agreement(pd.Series(a), pd.Series(b)) == pytest.approx(0.70)
    assert ag.cohen_kappa(pd.Series(a), pd.Series(b)) == pytest.approx(0.40)


def test_agreement_counts_only_units_both_coded_and_edge_cases() -> None:
    a = pd.Series(["x", "y", None, "x"], dtype=object)
    b = pd.Series(["x", "x", "y", None], dtype=object)
    assert ag.percent_agreement(a, b) == pytest.approx(0.5)  # units 1 and 2 only
    # over units 1-2: a = (x, y), b = (x, x); p_o = 0.5, p_e = 0.5 * 1 + 0.5 * 0 = 0.5
    assert ag.cohen_kappa(a, b) == pytest.approx(0.0)
    same = pd.Series(["x"] * 5)
    assert math.isnan(ag.cohen_kappa(same, same))  # chance agreement is 1: undefined
    assert math.isnan(ag.krippendorff_alpha(codes(a=["x"] * 5, b=["x"] * 5)))  # no variation
    assert ag.krippendorff_alpha(codes(a=["x", "y", "x"], b=["x", "y", "x"])) == pytest.approx(1.0)
    assert math.isnan(ag.krippendorff_alpha(codes(a=["x", N], b=[N, "y"])))  # nothing pairable
    assert math.isnan(ag.percent_agreement(pd.Series([N], dtype=object), pd.Series(["x"])))


def test_pairwise_agreement_adds_all_coders_for_more_than_two() -> None:
    table = ag.pairwise_agreement(K2011)
    assert list(table["coders"]) == ["A & B", "A & C", "A & D", "B & C", "B & D", "C & D", "all coders"]
    ab = table.iloc[0]
    assert ab["units"] == 9 and ab["agreement"] == pytest.approx(8 / 9)
    last = table.iloc[-1]
    assert (
        last["units"] == 11 and last["alpha"] == pytest.approx(0.743, abs=5e-4) and math.isnan(last["kappa"])
    )
    assert last["agreement"] == pytest.approx(32 / 40)  # trace of the coincidence matrix over n
    two = ag.pairwise_agreement(K2011[["A", "B"]])
    assert list(two["coders"]) == ["A & B"]


def test_wilson_and_kish() -> None:
    low, high = ag.wilson_interval(0.8, 10)
    assert (round(low, 3), round(high, 3)) == (0.490, 0.943)
    low, high = ag.wilson_interval(1.0, 20)
    assert high == 1.0 and low == pytest.approx(20 / (20 + ag.Z95**2))  # not of width 0 when all are right
    assert ag.wilson_interval(0.0, 20)[0] == 0.0
    assert all(math.isnan(x) for x in ag.wilson_interval(0.5, 0))
    assert ag.kish_effective_n([1, 1, 1, 1]) == pytest.approx(4)
    assert ag.kish_effective_n([1, 3]) == pytest.approx(16 / 10)
    rate = ag.weighted_rate([1, 0, 1], [1, 3, 1])
    assert (
        rate["estimate"] == pytest.approx(2 / 5)
        and rate["n"] == 3
        and rate["n_eff"] == pytest.approx(25 / 11)
    )
    assert (rate["low"], rate["high"]) == pytest.approx(ag.wilson_interval(0.4, 25 / 11))
    assert math.isnan(ag.weighted_rate([], [])["estimate"])


def test_matching_speakers_by_name_and_claims_exactly() -> None:
    assert ag.matched(("Sergey Lavrov",), ("lavrov",), "attribution") == 1
    assert ag.matched(("Putin", "Peskov"), ("Dmitry Peskov",), "attribution") == 1
    assert ag.matched(("Peskov", "Peskov"), ("Peskov",), "attribution") == 1  # one to one
    assert ag.matched(("Zelensky",), ("Lavrov",), "attribution") == 0
    one, other = ("ukraine", "neutrality", 1), ("ukraine", "neutrality", -1)
    assert ag.matched(frozenset({one}), frozenset({one, other}), "claim") == 1
    assert ag.matched(frozenset({one}), frozenset({other}), "claim") == 0


# ------------------------------------------------------------------------------ a sheet


def sheet_rows(rows: list[tuple], strata: tuple[str, ...] = ()) -> list[list[str]]:
    """A sheet as a spreadsheet gives it: instruction rows, an empty row, header, rows."""
    head = [[s] for s in strata] + [[""]]
    header = [
        "measure",
        "article",
        "sentence_id",
        "sentence",
        "coder1",
        "coder2",
        "note",
        "stratum",
        "weight",
        "tool",
    ]
    body = [[m, "a", str(i), "", c1, c2, "", s, w, t] for m, i, s, w, t, c1, c2 in rows]
    return [*head, header, *body]


def test_tool_scores_weighted_by_hand() -> None:
    # 20 attribution rows: 10 in stratum found (weight 1), 10 in stratum nothing (weight 4)
    rows = []
    for i in range(10):  # the tool found a speaker in each; coder1 agrees on 8, says none on 2
        rows.append(("attribution", i, "found", "1", "Peskov", "Peskov" if i < 8 else "none", "Peskov"))
    for i in range(10, 20):  # the tool found nothing; coder1 finds a speaker in 3 of them
        rows.append(("attribution", i, "nothing", "4", "none", "Lavrov" if i < 13 else "none", ""))
    sheet = codingsheet.read_sheet(sheet_rows(rows))
    assert sheet.weights_from == "weight column"
    tool = ag.tool_scores(sheet).set_index(["level", "coder"])
    p = tool.loc[("presence", "coder1")]
    assert (p["rows"], p["tool_found"], p["coder_found"], p["matched"]) == (20, 10, 11, 8)
    assert p["precision"] == pytest.approx(8 / 10)  # all tool finds have weight 1
    assert p["recall"] == pytest.approx(8 / (8 + 3 * 4))  # 8 found of 8·1 + 3·4 weighted
    assert p["recall_n_eff"] == pytest.approx(20**2 / (8 + 3 * 16))
    assert (p["recall_low"], p["recall_high"]) == pytest.approx(ag.wilson_interval(0.4, 400 / 56))
    assert tool.loc[("speaker", "coder1"), "precision"] == pytest.approx(0.8)
    few = tool.loc[("presence", "coder2")]  # coder2 coded 10 rows: too few
    assert few["rows"] == 10 and few["verdict"] == ag.TOO_FEW and math.isnan(few["precision"])
    assert few["matched"] == 10  # the counts are still given
    coded = ag.coded_counts(sheet).set_index("coder")
    assert coded.loc["coder1", "coded"] == 20 and coded.loc["coder1", "found"] == 11
    assert not coded.loc["coder2", "enough"]
    agree = ag.coder_agreement(sheet)
    assert set(agree["verdict"]) == {ag.TOO_FEW}  # 10 rows coded by both


def test_weights_come_from_the_instruction_rows_when_present() -> None:
    rows = [("attribution", i, "nothing", "garbled", "none", "none", "none") for i in range(3)]
    strata = ("# stratum nothing: 3 of 12 sentences drawn, weight 4 (...)",)
    sheet = codingsheet.read_sheet(sheet_rows(rows, strata))
    assert sheet.weights_from == "instruction rows" and set(sheet.rows["weight"]) == {4.0}
    assert sheet.strata.to_dict("records") == [
        {"stratum": "nothing", "sentences": 12, "drawn": 3, "weight": 4.0}
    ]


def test_coder_agreement_categories_match_names() -> None:
    rows = []
    for i in range(40):
        c1 = ["Dmitry Peskov", "none", "Lavrov", "Zelensky", "none"][i % 5]
        c2 = ["Peskov", "none", "Sergei Lavrov", "Zelensky", "Biden" if i < 5 else "none"][i % 5]
        rows.append(("attribution", i, "s", "1", "none", c1, c2))
    sheet = codingsheet.read_sheet(sheet_rows(rows))
    agree = ag.coder_agreement(sheet).set_index("level")
    presence = agree.loc["presence"]
    assert presence["units"] == 40 and presence["agreement"] == pytest.approx(39 / 40)
    speaker = agree.loc["speaker"]  # sentences where both found a speaker: 3 of every 5
    assert (
        speaker["units"] == 24
        and speaker["agreement"] == pytest.approx(1.0)
        and speaker["alpha"] == pytest.approx(1.0)
    )
