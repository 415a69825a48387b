"""The real-copy gold set: facts in the repository, texts in a cache, scores with and without it.

The articles here are our own sentences in the constructions of real copy; the committed
real-copy records are checked for format (their texts are not in CI).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from research_utils import validation_figures
from research_utils.validation import figures_table, load_real, score_attribution
from research_utils.validation import run as validation_run
from research_utils.validation.inspect import show

GOLD = Path(__file__).parent / "gold"
TEXT = """Talks to resume in Istanbul, minister says

By Jane Roe

ISTANBUL, March 29 - The talks between the two delegations would resume on Wednesday, Turkish Foreign Minister Ali Veli said on Tuesday.

"We are hopeful," he told reporters in the city.

Kremlin spokesman Dmitry Peskov said Tuesday's meeting had been useful but that no breakthrough was in sight.
"""


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


encode = _module("encode_real", GOLD / "real" / "encode.py")
check_real = _module("check_real", GOLD / "real" / "check_real.py")
restore = _module("restore_real", GOLD / "real" / "restore.py")

CODING = {
    "id": "rc-example-01",
    "url": "https://example.org/talks",
    "outlet": "Example Wire",
    "outlet_kind": "wire",
    "outlet_country": "GB",
    "topic": "on_topic",
    "subject": "talks to resume",
    "pack": "russia_ukraine_2022",
    "published": "2022-03-29",
    "read": "2026-12-06",
    "coded": "2026-12-06",
    "coder": "T",
    "split": "dev",
    "truncated": False,
    "attributions": [
        {
            "speaker": "Ali Veli",
            "speaker_name": "Ali Veli",
            "speaker_type": "person",
            "actor": None,
            "affiliation": "turkey",
            "kind": "indirect",
            "verb": "said",
            "content": "The talks between the two delegations would resume on Wednesday",
            "family": ["role_nationality"],
        },
        {
            "speaker": "he",
            "speaker_name": "Ali Veli",
            "speaker_type": "person",
            "actor": None,
            "kind": "direct",
            "verb": "told",
            "content": "We are hopeful",
            "family": ["told_audience"],
        },
        {
            "speaker": "Dmitry Peskov",
            "speaker_name": "Dmitry Peskov",
            "speaker_type": "person",
            "actor": "russia",
            "kind": "indirect",
            "verb": "⟦said⟧ Tuesday's",
            "content": "Tuesday's meeting had been useful",
            "family": ["said_no_that"],
        },
        {
            "speaker": None,
            "speaker_name": "Dmitry Peskov",
            "speaker_type": "person",
            "actor": "russia",
            "kind": "indirect",
            "verb": None,
            "content": "no breakthrough was in sight",
        },
    ],
    "structure": {
        "title": "Talks to resume in Istanbul",
        "deck": None,
        "headings": [],
        "furniture": ["By Jane Roe"],
        "paragraphs": 3,
    },
}


@pytest.fixture
def real_set(tmp_path: Path) -> tuple[Path, Path]:
    record, problems = encode.encode(CODING, TEXT)
    assert problems == []
    assert "talks between" not in json.dumps(record)  # offsets, never the sentences
    gold = tmp_path / "gold"
    (gold / "real" / "articles").mkdir(parents=True)
    (gold / "real" / "articles" / "rc-example-01.yaml").write_text(encode.dump(record), encoding="utf-8")
    cache = tmp_path / "cache"
    (cache / "texts").mkdir(parents=True)
    (cache / "texts" / "rc-example-01.txt").write_text(TEXT, encoding="utf-8")
    return gold, cache


def test_a_real_article_is_loaded_with_its_own_pack_and_scored(real_set: tuple[Path, Path]) -> None:
    gold, cache = real_set
    real = load_real(gold, cache)
    assert real.loaded == 1 and not real.missing and not real.changed
    item = real.attribution[0]
    assert item["attributions"][2]["verb"] == "said" and item["attributions"][1]["speaker"] == "he"
    assert item["stance_lexicons"].pack == "russia_ukraine_2022"
    scores = score_attribution(real.attribution)
    assert scores["labelled"] == 4
    assert scores["right"] <= scores["found"] and scores["precision"] == round(
        scores["right"] / scores["found"], 3
    )
    assert {m["id"] for m in scores["misses"]} <= {"rc-example-01"}


def test_a_missing_or_changed_text_is_not_scored(real_set: tuple[Path, Path]) -> None:
    gold, cache = real_set
    (cache / "texts" / "rc-example-01.txt").write_text(TEXT + "edited\n", encoding="utf-8")
    assert load_real(gold, cache).changed == ["rc-example-01"]
    (cache / "texts" / "rc-example-01.txt").unlink()
    real = load_real(gold, cache)
    assert real.missing == ["rc-example-01"] and real.loaded == 0


def test_without_the_cache_the_real_column_is_skipped_and_the_last_figures_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = tmp_path / "validation.json"
    previous = {
        "figures": [{"measure": "attribution precision", "real_test": 0.91, "real_dev": 0.95}],
        "real_copy": {"measured": "2026-12-06", "test": {"articles": 22}},
    }
    figures.write_text(json.dumps(previous), encoding="utf-8")
    monkeypatch.setattr(validation_run, "FIGURES_FILE", figures)
    monkeypatch.setenv("RESEARCH_UTILS_REAL_COPY", str(tmp_path / "no-cache"))
    monkeypatch.setattr(validation_run, "load_synthetic", lambda _g: _tiny_synthetic())
    validation_run.main([str(GOLD)])
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Real-copy column skipped: the cache")
    written = json.loads(figures.read_text(encoding="utf-8"))
    row = next(r for r in written["figures"] if r["measure"] == "attribution precision")
    assert row["real_test"] == 0.91 and written["real_copy"]["measured"] == "2026-12-06"


def _tiny_synthetic() -> dict:
    from research_utils.validation.synthetic import SyntheticGold

    out = SyntheticGold(attribution=[], naming=[], claims=[], structure=[])
    out.folder = GOLD / "structure"
    return out


def test_figures_table_puts_the_real_columns_first() -> None:
    scores = {"real": None, "synthetic": {w: _empty_scores() for w in ("dev", "test", "all")}}
    previous = pd.DataFrame([{"measure": "claims recall", "real_test": 0.5, "real_dev": 0.6}])
    table = figures_table(scores, previous)
    assert list(table.columns) == ["measure", *validation_figures.COLUMNS]
    assert table.set_index("measure").loc["claims recall", "real_test"] == 0.5


def _empty_scores() -> dict:
    nan = float("nan")
    return {
        "attribution": {"precision": nan, "recall": nan, "resolution_accuracy": nan, "actor_accuracy": nan},
        "claims": {"precision": nan, "recall": nan},
        "naming": {"precision": nan, "recall": nan, "index_sign_accuracy": nan},
        "structure": {"accuracy": nan},
    }


def test_held_out_articles_are_never_shown(real_set: tuple[Path, Path]) -> None:
    gold, cache = real_set
    path = gold / "real" / "articles" / "rc-example-01.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["split"] = "test"
    path.write_text(encode.dump(record), encoding="utf-8")
    text = show(load_real(gold, cache), ["rc-example-01"])
    assert "held-out article; not shown" in text and "hopeful" not in text


def test_the_committed_real_copy_records_are_well_formed() -> None:
    records = check_real.load_records()
    assert len(records) >= 40 and len({r["outlet"] for r in records}) >= 20
    assert check_real.check(records, None) == []
    by_split = {s: {r["outlet"] for r in records if r["split"] == s} for s in ("dev", "test")}
    assert not by_split["dev"] & by_split["test"]
    for r in records:  # facts, never sentences: no field but notes holds more than a name or a label
        for a in r["attributions"]:
            assert isinstance(a["content"], list)


README_ROWS = {
    "attribution precision": "attribution precision",
    "attribution recall": "attribution recall",
    "speaker resolution accuracy": "speaker resolution accuracy",
    "actor (side) accuracy": "actor (side) accuracy",
    "claims precision": "claims precision",
    "claims recall": "claims recall",
    "naming index sign accuracy": "naming index sign accuracy",
    "structure accuracy": "structure accuracy",
}


def test_the_readme_quotes_the_real_copy_figures_that_validation_json_holds() -> None:
    """The README's held-out and development columns are the last `make validate`'s figures,
    not numbers typed once and left behind."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How far to trust", 1)[1].split("\n## ", 1)[0]
    rows = {
        cells[0]: cells[1:]
        for line in section.splitlines()
        if line.startswith("| ") and (cells := [c.strip(" *") for c in line.strip("|").split("|")])
    }
    checked = 0
    for label, measure in README_ROWS.items():
        row = next((cells for name, cells in rows.items() if name.startswith(label)), None)
        assert row is not None, f"README has no real-copy row for {label}"
        for column, cell in zip(("real_test", "real_dev"), row[:2], strict=True):
            assert float(cell) == pytest.approx(validation_figures.figure(measure, column), abs=5e-4), (
                label,
                column,
            )
            checked += 1
    assert checked == 2 * len(README_ROWS)
    # The sentence on the newest held-out batch quotes that batch's figures.
    batches = json.loads(validation_figures.FIGURES_FILE.read_text(encoding="utf-8"))["real_copy"][
        "test_batches"
    ]
    newest = batches[-1]
    sentence = section.split("coded on 2026-12-07 alone", 1)[1].split("The newest", 1)[0]
    for key in ("attribution_precision", "attribution_recall"):
        assert f"{newest[key]:.3f}" in sentence, key
    assert f"({newest['attributions']} attributions)" in sentence
    right = round(newest["claims_precision"] * newest["claims_found"])
    assert f"found {right} of their {newest['claims']} claims" in sentence


def test_held_out_figures_come_per_batch_of_coding(real_set: tuple[Path, Path], tmp_path: Path) -> None:
    gold, cache = real_set
    path = gold / "real" / "articles" / "rc-example-01.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(encode.dump({**record, "split": "test", "coded": "2026-12-07"}), encoding="utf-8")
    batches = validation_run.held_out_batches(load_real(gold, cache))
    assert [(b["coded"], b["articles"], b["outlets"], b["attributions"]) for b in batches] == [
        ("2026-12-07", 1, 1, 4)
    ]
    assert 0 <= batches[0]["attribution_precision"] <= 1


def test_a_lost_cache_is_restored_only_from_a_text_with_the_committed_hash(
    real_set: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, _ = real_set
    articles, cache = gold / "real" / "articles", tmp_path / "new-cache"
    saved = tmp_path / "rc-example-01.json"
    saved.write_text(json.dumps({"id": "rc-example-01", "excerpt": TEXT.replace("hopeful", "hopefull")}))
    article_id, written, report = restore.restore(saved, articles, cache)
    assert (article_id, written) == ("rc-example-01", False) and "hash differs" in report
    assert not (cache / "texts" / "rc-example-01.txt").exists()
    saved.write_text(json.dumps({"id": "rc-example-01", "excerpt": TEXT}))
    assert restore.restore(saved, articles, cache)[1] is True
    assert (cache / "texts" / "rc-example-01.txt").read_text(encoding="utf-8") == TEXT


def test_a_row_is_paired_with_the_stacked_label_whose_speaker_it_names() -> None:
    # Two labels of one content (the coding manual codes stacked sources twice): the one row
    # found counts as right for the label it names, whatever the labels' order.
    item = {
        "id": "stacked",
        "text": "“We see no progress,” Interfax quoted Peskov as saying.",
        "attributions": [
            {"speaker": "Interfax", "speaker_name": "Interfax", "content": "We see no progress"},
            {"speaker": "Peskov", "speaker_name": "Dmitry Peskov", "content": "We see no progress"},
        ],
    }
    scores = score_attribution([item])
    assert (scores["found"], scores["right"], scores["labelled"]) == (1, 1, 2)


def test_a_new_excerpt_is_saved_once_and_never_over_a_coded_text(
    real_set: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, _ = real_set
    articles, cache = gold / "real" / "articles", tmp_path / "cache-new"
    saved = tmp_path / "new.json"
    saved.write_text(json.dumps({"id": "rc-newwire-01", "excerpt": "A new text."}))
    assert restore.save_new(saved, articles, cache)[1] is True
    assert restore.save_new(saved, articles, cache)[1] is False  # never over a saved text
    saved.write_text(json.dumps({"id": "rc-example-01", "excerpt": "Other words."}))
    assert restore.save_new(saved, articles, cache)[1] is False  # a coded article keeps its text
    saved.write_text(json.dumps({"id": "../escape", "excerpt": "x"}))
    assert restore.save_new(saved, articles, cache)[1] is False


def test_a_note_that_repeats_six_words_of_the_article_is_a_problem(real_set: tuple[Path, Path]) -> None:
    text = "The talks between the two delegations would resume on Wednesday, the minister said."
    assert check_real.copied_runs(
        text, "The minister's date: 'the two delegations would resume on Wednesday'"
    )
    assert check_real.copied_runs(text, "A said-frame after the content; the minister is Turkish.") == []
    gold, cache = real_set
    record = yaml.safe_load((gold / "real" / "articles" / "rc-example-01.yaml").read_text(encoding="utf-8"))
    assert check_real.check([record], cache) == []
    record["notes"] = "The second quote reads 'We are hopeful,' he told reporters in the city."
    assert any("notes repeats 1 run" in p for p in check_real.check([record], cache))


@pytest.mark.parametrize("args", [["--help"], ["--bogus"]])
def test_help_or_an_unknown_option_scores_nothing_and_writes_nothing(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = tmp_path / "validation.json"
    monkeypatch.setattr(validation_run, "FIGURES_FILE", figures)
    monkeypatch.setattr(validation_run, "validate", lambda _g: pytest.fail("scored on " + " ".join(args)))
    with pytest.raises(SystemExit) as exit_:
        validation_run.main(args)
    assert exit_.value.code == (0 if args == ["--help"] else 2)
    assert not figures.exists()
    out = capsys.readouterr()
    assert "usage: python -m research_utils.validation" in out.out + out.err
