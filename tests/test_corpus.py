"""Corpus mode: discovery, per-article tables, reuse on rerun, failures, Dask, the command.

The small corpus in tests/data/corpus has two outlets with opposite naming choices
(Northern Wire: Kyiv, invasion, Donbas; State Channel: Kiev, special military operation,
Donbass).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import dask
import pandas as pd
import pytest

from research_utils.analyses.corpus import groups, run, tables
from research_utils.paths import PROJECT_ROOT

CORPUS = Path(__file__).parent / "data" / "corpus"
CLI = [sys.executable, "-m", "research_utils.cli"]


def analyse(folder: Path, data: Path, previous: Path | None = None, scheduler: str = "synchronous") -> dict:
    items = run.plan(run.discover([folder]), run.settings_fingerprint({}))
    return run.run_corpus(items, data, {}, scheduler=scheduler, previous=previous, workers=2)


def sorted_tables(data: Path) -> dict[str, pd.DataFrame]:
    return {name: df.drop(columns=["key"], errors="ignore") for name, df in tables.load_tables(data).items()}


def test_discover_reads_folders_recursively_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "y.html").write_text("y", encoding="utf-8")
    (tmp_path / "a" / "x.meta.yaml").write_text("outlet: X\n", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("n", encoding="utf-8")
    found = run.discover([tmp_path / "a"])
    assert [rel for _, rel in found] == ["a/b/y.html", "a/x.txt"]
    with pytest.raises(run.CorpusPathError, match="does not exist"):
        run.discover([tmp_path / "missing"])


def test_slugs_are_unique_and_keys_follow_the_sidecar(tmp_path: Path) -> None:
    for folder in ("p", "q"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    items = run.plan(run.discover([tmp_path]), "s")
    assert len({i.slug for i in items}) == 2
    key = items[0].key
    Path(items[0].path).with_name("same.meta.yaml").write_text("outlet: New\n", encoding="utf-8")
    assert run.plan(run.discover([tmp_path]), "s")[0].key != key  # a new sidecar is a changed article
    assert run.plan(run.discover([tmp_path]), "other settings")[1].key != items[1].key


def test_two_outlets_with_opposite_naming_come_out_on_opposite_sides(tmp_path: Path) -> None:
    result = analyse(CORPUS, tmp_path / "data")
    assert result["analysed"] == 6 and result["failed"] == []
    t = tables.load_tables(tmp_path / "data")
    articles = tables.with_groups(t["articles"], "outlet")
    by_group = groups.naming_by_group(articles, n_boot=200).set_index("group")
    assert by_group.loc["Northern Wire", "naming_index"] > 0.5
    assert by_group.loc["State Channel", "naming_index"] < -0.5
    assert by_group.loc["Northern Wire", "ci_low"] > by_group.loc["State Channel", "ci_high"]
    assert set(t["naming"]["voice"]) <= {"author", "quoted", "distanced"}
    months = tables.with_groups(t["articles"], "date")["group"]
    assert set(months) == {"2022-03", "2022-04"}


def test_rerun_reanalyses_only_the_changed_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    first = analyse(corpus, tmp_path / "run1")
    assert first["analysed"] == 6
    again = analyse(corpus, tmp_path / "run2", previous=tmp_path / "run1")
    assert (again["analysed"], again["reused"]) == (0, 6)
    pd.testing.assert_frame_equal(
        sorted_tables(tmp_path / "run1")["terms"], sorted_tables(tmp_path / "run2")["terms"]
    )
    changed = corpus / "wire" / "w1.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Kyiv", "Kiev"), encoding="utf-8")
    third = analyse(corpus, tmp_path / "run3", previous=tmp_path / "run2")
    assert (third["analysed"], third["reused"]) == (1, 5)
    naming = tables.load_tables(tmp_path / "run3")["naming"]
    w1 = naming[naming["article"].str.endswith("w1")]
    assert set(w1.loc[w1["set"] == "kyiv", "side"]) == {"b"}


def test_unreadable_files_are_listed_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "wire" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (corpus / "wire" / "empty.txt").write_bytes(b"")
    result = analyse(corpus, tmp_path / "data")
    assert result["analysed"] == 6
    assert [f["path"] for f in result["failed"]] == ["corpus/wire/broken.txt", "corpus/wire/empty.txt"]
    assert "PNG image" in result["failed"][0]["reason"] and str(tmp_path) not in result["failed"][0]["reason"]


@pytest.mark.cluster
def test_a_real_local_cluster_gives_the_same_tables_as_synchronous(tmp_path: Path) -> None:
    analyse(CORPUS, tmp_path / "sync")
    analyse(CORPUS, tmp_path / "cluster", scheduler="processes")
    one, two = sorted_tables(tmp_path / "sync"), sorted_tables(tmp_path / "cluster")
    assert one.keys() == two.keys()
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], check_dtype=False, obj=name)


@pytest.mark.cluster
def test_local_workers_run_without_the_profiler_that_grows_with_every_batch() -> None:
    """Dask's statistical profiler kept a call tree that grew by ~28 MB per 1,000 articles on
    each worker (found with ``make bench``); the workers this package starts have it off."""
    client = run._client("processes", 2)
    try:
        state = client.run(
            lambda dask_worker: (
                "profile" in dask_worker.periodic_callbacks,
                dask.config.get("distributed.worker.profile.enabled"),
            )
        )
        assert run.profiling_workers(client) == 0
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert len(state) == 2 and set(state.values()) == {(False, False)}


@pytest.mark.cluster
def test_a_cluster_started_elsewhere_with_the_profiler_on_gets_a_note(tmp_path: Path) -> None:
    """Workers the command did not start keep their own settings: the run says how to fix
    them, and goes on."""
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=40
    ) as cluster:
        items = run.plan(run.discover([CORPUS]), run.settings_fingerprint({}))
        said: list[str] = []
        result = run.run_corpus(
            items, tmp_path / "data", {}, scheduler=cluster.scheduler_address, progress=said.append
        )
    notes = [line for line in said if "profiler" in line]
    assert len(notes) == 1 and "1 worker(s)" in notes[0]
    assert "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False" in notes[0]
    assert result["analysed"] == len(items) and not result["failed"]


# ------------------------------------------------------------------ the command


def run_cli(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=900, check=False)


@pytest.mark.notebook
def test_corpus_command_writes_report_results_and_tables(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "state" / "broken.txt").write_bytes(b"%PDF-1.4 " + bytes(50))
    proc = run_cli(
        str(corpus), "--corpus", "Two outlets", "--out", str(tmp_path / "out"), "--scheduler", "synchronous"
    )
    assert proc.returncode == 3, proc.stderr  # written, but one file could not be read
    folder = tmp_path / "out" / "two-outlets"
    for name in (
        "index.html",
        "04_corpus_comparison.html",
        "04_corpus_comparison.reader.html",
        "results.json",
    ):
        assert (folder / name).is_file(), name
    assert (folder / "tables" / "corpus_naming_by_group.csv").is_file()
    r = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert r["corpus"]["name"] == "Two outlets" and r["corpus"]["group_by"] == "outlet"
    assert len(r["corpus"]["articles"]) == 6 and len(r["corpus"]["articles"][0]["sha256"]) == 64
    assert [f["path"] for f in r["corpus"]["failed"]] == ["corpus/state/broken.txt"]
    naming = {row["group"]: row for row in r["by_group"]["naming"]}
    assert naming["Northern Wire"]["naming_index"] > 0 > naming["State Channel"]["naming_index"]
    assert {"group", "scheme", "frame", "per_1000_words"} <= set(r["by_group"]["frames"][0])
    assert {"group", "actor", "quoted_words_share"} <= set(r["by_group"]["voice"][0])
    assert str(tmp_path) not in (folder / "results.json").read_text(encoding="utf-8")
    again = run_cli(
        str(corpus), "--corpus", "Two outlets", "--out", str(tmp_path / "out"), "--scheduler", "synchronous"
    )
    assert again.returncode == 3 and "6 unchanged" in again.stdout


@pytest.mark.notebook
def test_corpus_of_unreadable_files_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"")
    proc = run_cli(str(bad), "--corpus", "bad", "--out", str(tmp_path / "out"), "--scheduler", "synchronous")
    assert proc.returncode == 2 and "none of the 1 files could be read" in proc.stderr
    assert not (tmp_path / "out" / "bad").exists()
