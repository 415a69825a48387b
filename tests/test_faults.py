"""What a hostile-but-realistic user still did (issue 18), each case by fault injection.

A FIFO or a device where a file is expected, a symbolic link where a build folder goes,
folders added to a report, one Windows byte in a UTF-8 file, a signal at the swap, a
corrupt Parquet part, a full disk, braces in a folder name, a negative count, a stale
kernel folder. None of these tests starts a kernel.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from cliutil import one_line, run_cli

from research_utils import cli, report
from research_utils.analyses.corpus import run, tables
from research_utils.ingest import ArticleError, load_article
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report import OutputError, ParameterError, check_parameters, kernels
from research_utils.report.control import INTERRUPT
from research_utils.safeio import NotRegularFile, TooLarge, read_regular
from research_utils.safeyaml import YamlError, load_yaml

DATA = Path(__file__).parent / "data"
SLUG = "rt-2022-04-russia-ukraine-talks"


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# ------------------------------------------------------------------ files that are not files (item 7)


def test_a_fifo_or_a_device_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe.txt")
    with pytest.raises(NotRegularFile, match="named pipe"):
        read_regular(pipe, 100)
    with pytest.raises(NotRegularFile, match="character device"):
        read_regular(Path("/dev/zero"), 100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(TooLarge):
        read_regular(big, 100)
    assert read_regular(big, 101) == b"x" * 101
    with pytest.raises(ArticleError, match=r"pipe\.txt is a named pipe \(FIFO\), not a regular file"):
        load_article(pipe)
    with pytest.raises(ArticleError, match="character device"):
        load_article("/dev/zero")
    with pytest.raises(YamlError, match="named pipe"):
        load_yaml(fifo(tmp_path / "p.yaml"), max_bytes=1000)


def test_a_fifo_sidecar_is_refused_in_one_line(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(DEFAULT_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    fifo(tmp_path / "a.meta.yaml")
    with pytest.raises(ArticleError, match=r"a\.meta\.yaml is a named pipe"):
        load_article(art)


@pytest.mark.parametrize("what", ["article", "params", "zero-article", "zero-params"])
def test_the_command_answers_a_fifo_or_dev_zero_at_once(tmp_path: Path, what: str) -> None:
    """Before the fix the command blocked forever on a FIFO and grew to 23 GB on /dev/zero."""
    pipe = str(fifo(tmp_path / "p.txt"))
    args = {
        "article": [pipe],
        "params": ["-f", pipe],
        "zero-article": ["/dev/zero"],
        "zero-params": ["-f", "/dev/zero"],
    }[what]
    started = time.monotonic()
    proc = run_cli(*args, "--out", str(tmp_path / "out"), timeout=30)
    assert "not a regular file" in one_line(proc)
    assert time.monotonic() - started < 20
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_fifo_in_a_corpus_folder_is_listed_as_failed(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for f in (DATA / "corpus" / "wire").glob("w1*"):
        (folder / f.name).write_bytes(f.read_bytes())
    fifo(folder / "stuck.txt")
    result = run.run_corpus(
        run.plan(run.discover([folder]), "s"), tmp_path / "data", {}, scheduler="synchronous"
    )
    assert result["analysed"] == 1
    assert result["failed"] == [
        {
            "path": "c/stuck.txt",
            "reason": "c/stuck.txt is a named pipe (FIFO), not a regular file: give the path of an article file.",
        }
    ]


# ------------------------------------------------------------------ encodings (item 8)


def test_one_windows_byte_in_a_utf8_article_is_read_and_said(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")  # curly quotes and dashes: UTF-8 throughout
    art.write_bytes(text.encode("utf-8") + b"\nThe caf" + b"\xe9 closed early.\n")
    doc = load_article(art)
    assert doc.encoding == "utf-8 with cp1252 bytes (1 byte)"
    assert "café closed early" in doc.paragraphs[-1]
    assert "“" in " ".join(doc.paragraphs)  # the UTF-8 around it is not turned into mojibake
    assert any("1 byte in it is not" in w for w in doc.warnings)


def test_a_legacy_cp1252_file_stays_cp1252(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_bytes("Title\n\nThe café and the naïve critic met at the théâtre.\n".encode("cp1252"))
    doc = load_article(art)
    assert doc.encoding == "cp1252" and "théâtre" in doc.paragraphs[0] and not doc.warnings


# ------------------------------------------------------------------ report folders (items 4, 5)


def report_once(out: Path) -> Path:
    return report.build_report(DEFAULT_ARTICLE, out, stems=[])  # no notebook: the publishing steps only


@pytest.mark.parametrize("added", ["empty folder", "folder link", "file link"])
def test_a_rebuild_refuses_folders_and_links_the_user_added(tmp_path: Path, added: str) -> None:
    final = report_once(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("keep", encoding="utf-8")
    if added == "empty folder":
        (final / "drafts").mkdir()
    elif added == "folder link":
        (final / "drafts").symlink_to(mine, target_is_directory=True)
    else:
        (final / "drafts").symlink_to(mine / "keep.txt")
    with pytest.raises(OutputError, match=r"holds files or folders research-report did not write \(drafts\)"):
        report_once(tmp_path)
    assert (final / "drafts").exists() and (mine / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_a_file_of_the_report_changed_by_the_user_blocks_a_rebuild(tmp_path: Path) -> None:
    """A coding sheet filled in where the report wrote it was silently replaced by the next
    build (found while writing the agreement command): the marker keeps every file's SHA-256."""
    final = report_once(tmp_path)
    results = final / "results.json"
    results.write_text(results.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(
        OutputError, match=r"files in it were changed since research-report wrote them \(results\.json\)"
    ):
        report_once(tmp_path)
    assert results.read_text(encoding="utf-8").endswith(" ")


def test_the_tools_own_empty_folders_do_not_block_a_rebuild(tmp_path: Path) -> None:
    final = report_once(tmp_path)
    assert (final / "tables").is_dir() and not any((final / "tables").iterdir())
    assert report_once(tmp_path) == final


def test_a_symlink_in_place_of_the_build_folder_is_never_followed(tmp_path: Path) -> None:
    """Before the fix a link at DIR/.build-<slug> made the tool write the report into its
    target and turn DIR/<slug> into a link (and, with an old report there, rewrite its marker)."""
    target = tmp_path / "elsewhere"
    old = report_once(target)
    before = {p: p.read_bytes() for p in old.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    out.mkdir()
    (out / f".build-{SLUG}").symlink_to(old, target_is_directory=True)
    final = report_once(out)
    assert final.is_dir() and not final.is_symlink()
    assert (out / f".build-{SLUG}").is_symlink()  # left where it was, not followed, not removed
    assert {p: p.read_bytes() for p in old.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir()) == [f".build-{SLUG}", SLUG]


def test_a_failed_build_leaves_no_build_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr("research_utils.report.build.write_bundles", boom)
    with pytest.raises(RuntimeError, match="injected"):
        report_once(tmp_path)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ a signal at the swap (item 9)


def test_a_signal_after_the_last_notebook_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = report_once(tmp_path)
    before = {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    from research_utils.report import build

    real = build.write_bundles

    def bundle_then_signal(*args: object, **kw: object) -> None:
        real(*args, **kw)
        INTERRUPT.set()  # Ctrl-C arrives after the last notebook, before the swap

    monkeypatch.setattr(build, "write_bundles", bundle_then_signal)
    try:
        with pytest.raises(KeyboardInterrupt):
            report_once(tmp_path)
    finally:
        INTERRUPT.clear()
    assert {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == [SLUG]


# ------------------------------------------------------------------ parameters (items 3, 13)


def test_params_file_keys_that_yaml_reads_as_numbers(tmp_path: Path) -> None:
    """The README's example: YAML reads `02:` as the integer 2."""
    data = load_yaml(
        _write(tmp_path / "p.yaml", "top_n: 25\n02:\n  seed: 3\n3: {min_cues: 4}\n"), max_bytes=1000
    )
    assert 2 in data and 3 in data
    out = check_parameters(["01_text_statistics", "02_stance_comparison", "03_framing_analysis"], {}, data)
    assert out["02_stance_comparison"]["seed"] == 3 and out["03_framing_analysis"]["min_cues"] == 4
    assert out["01_text_statistics"]["top_n"] == 25
    assert (
        check_parameters(["02_stance_comparison"], {}, {"2": {"seed": 1}})["02_stance_comparison"]["seed"]
        == 1
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"top_n": "-5"}, "parameter 'top_n' must be from 1 to 1000, got -5 from -p"),
        ({"kwic_window": "0"}, "parameter 'kwic_window' must be from 1 to 50"),
        ({"keyness_absent_top": "-1"}, "must be from 0 to 10000"),
        ({"bootstrap_samples": "5"}, "must be from 100 to 100000"),
        ({"prior_strength": "0"}, "parameter 'prior_strength' must be more than 0"),
        ({"seed": "-1"}, "parameter 'seed' must be 0 or more"),
    ],
)
def test_numbers_out_of_range_are_refused_before_any_kernel(params: dict[str, str], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        check_parameters(["01_text_statistics", "02_stance_comparison", "03_framing_analysis"], params, {})


def test_a_negative_count_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    assert "'top_n' must be from 1 to 1000" in one_line(run_cli("-p", "top_n", "-5", "--out", str(tmp_path)))


def test_ranges_are_declared_in_the_parameters_cells() -> None:
    """Every number parameter but a few says its range where it is declared (and so in
    --help-notebook and --list-parameters)."""
    from research_utils.report import declared_parameters, registry
    from research_utils.report.parameters import value_range

    for stem in registry.stems("all"):
        for d in declared_parameters(stem).values():
            if d.type_name in ("int", "float"):
                assert value_range(d) != (None, None, False), f"{stem}: {d.name} declares no range"


# ------------------------------------------------------------------ corpus mode (items 1, 6, 10, 11, 13)


def analyse(paths: list[Path], data: Path, previous: Path | None = None, options: dict | None = None) -> dict:
    return run.run_corpus(
        run.plan(run.discover(paths), "s"), data, options or {}, scheduler="synchronous", previous=previous
    )


def test_parts_without_rows_have_the_tables_types(tmp_path: Path) -> None:
    """A batch in which no article uses a naming term used to write a null-typed part that
    could not be read together with the others (ArrowNotImplementedError)."""
    writer = run._Writer(tmp_path)
    writer.write({})  # a batch of which no article could be read
    writer.write(
        {
            "naming": pd.DataFrame(
                {"article": ["a"], "set": ["kyiv"], "side": ["a"], "voice": ["author"], "count": [2]}
            )
        }
    )
    naming = pd.read_parquet(tmp_path / "naming")
    assert naming.to_dict("records") == [
        {"article": "a", "set": "kyiv", "side": "a", "voice": "author", "count": 2}
    ]
    for name in tables.SCHEMA:
        assert list(pd.read_parquet(tmp_path / name).columns) == list(tables.SCHEMA[name])
        assert len(list((tmp_path / name).glob("*.parquet"))) == 2


def mixed_corpus(folder: Path) -> list[Path]:
    """Five off-topic articles sorted first (their batch is part-00000, whose types pyarrow
    takes for the whole table), then six on-topic ones."""
    shutil.copytree(DATA / "offtopic", folder / "a_offtopic")
    shutil.copytree(DATA / "corpus", folder / "b_corpus")
    return [folder / "a_offtopic", folder / "b_corpus"]


def test_a_mixed_topic_corpus_reads_back(tmp_path: Path) -> None:
    """The first batch uses no naming term: before the fix its part was null-typed and the
    others could not be cast to it (ArrowNotImplementedError in notebook 04)."""
    items = run.plan(run.discover(mixed_corpus(tmp_path)), "s")
    assert [it.relpath.split("/")[0] for it in items[:5]] == ["a_offtopic"] * 5
    result = run.run_corpus(items, tmp_path / "data", {}, scheduler="synchronous", workers=1)
    assert result["analysed"] == 11 and not result["failed"]
    got = tables.load_tables(tmp_path / "data")
    assert len(got["articles"]) == 11
    assert set(got["naming"]["article"]) == {it.slug for it in items[5:]}
    assert got["articles"]["naming_index"].isna().sum() == 5


def test_a_report_folder_inside_the_corpus_is_not_read_as_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DEFAULT_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    report_once(corpus / "out")  # the tool's own output inside the corpus folder
    (corpus / "out" / SLUG / "page.txt").write_text("x", encoding="utf-8")
    assert [rel for _, rel in run.discover([corpus])] == ["corpus/a.txt"]


@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage", "missing"])
def test_an_unreadable_stored_part_is_analysed_again(tmp_path: Path, damage: str) -> None:
    folder = DATA / "corpus"
    first = analyse([folder], tmp_path / "one")
    assert first["analysed"] == 6
    whole = sorted_rows(tmp_path / "one")
    part = sorted((tmp_path / "one" / "naming").glob("*.parquet"))[0]
    if damage == "truncated":
        part.write_bytes(part.read_bytes()[:40])
    elif damage == "empty":
        part.write_bytes(b"")
    elif damage == "garbage":
        part.write_bytes(b"not parquet at all" * 10)
    else:
        part.unlink()
    lines: list[str] = []
    second = run.run_corpus(
        run.plan(run.discover([folder]), "s"),
        tmp_path / "two",
        {},
        scheduler="synchronous",
        previous=tmp_path / "one",
        progress=lines.append,
    )
    assert second["reused"] + second["analysed"] == 6 and second["analysed"] >= 1
    assert any(f"naming/{part.name}" in line and "analysed again" in line for line in lines), lines
    assert sorted_rows(tmp_path / "two") == whole  # every row again, none lost, none twice


def sorted_rows(data: Path) -> dict[str, list[str]]:
    out = {}
    for name in tables.SCHEMA:
        df = pd.read_parquet(data / name).drop(columns=["path", "key"], errors="ignore")
        out[name] = sorted(map(str, df.to_dict("records")))
    return out


def test_failure_reasons_name_no_folder_of_the_machine(tmp_path: Path) -> None:
    folder = tmp_path / "home" / "me" / "corpus"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(DEFAULT_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a.meta.yaml").write_text("outlet: [not, text]\n", encoding="utf-8")
    result = analyse([folder], tmp_path / "data")
    assert result["failed"] == [
        {"path": "corpus/a.txt", "reason": "corpus/a.meta.yaml: 'outlet' must be text, got list."}
    ]
    assert str(tmp_path) not in json.dumps(result["failed"])


def test_an_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "SCHEDULER_TIMEOUT_S", 2)
    started = time.monotonic()
    with pytest.raises(
        run.SchedulerUnreachable, match=r"--scheduler tcp://127\.0\.0\.1:9: no Dask scheduler"
    ):
        run._client("tcp://127.0.0.1:9", 1)
    assert time.monotonic() - started < 30


def test_a_bad_group_by_and_a_broken_pack_stop_before_any_work(tmp_path: Path) -> None:
    proc = run_cli(
        str(DATA / "corpus"), "--corpus", "c", "--group-by", "colour", "--out", str(tmp_path / "o")
    )
    assert "--group-by colour: choose one of title, outlet, date, author, language" in one_line(proc)
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "meta: {name: p, description: d, method: m, sources: [s]}\n", encoding="utf-8"
    )
    (pack / "actors.yaml").write_text(
        "meta: {name: a, description: d, method: m, sources: [s]}\nentries:\n  - {id: x}\n", encoding="utf-8"
    )
    started = time.monotonic()
    proc = run_cli(
        str(DATA / "corpus"), "--corpus", "c", "-p", "pack", str(pack), "--out", str(tmp_path / "o")
    )
    assert "actors.yaml" in one_line(proc)
    assert time.monotonic() - started < 30
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


# ------------------------------------------------------------------ the machine (items 12, 13, 14)


def test_a_full_disk_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from research_utils.report import build

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "x.zip"))

    monkeypatch.setattr(build, "write_bundles", full)
    monkeypatch.setattr(report, "build_report", lambda *a, **k: build.build_report(*a, **{**k, "stems": []}))
    code = cli.main([str(DEFAULT_ARTICLE), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err, err
    assert err.splitlines()[0].startswith("research-report: error: no space left on the disk")
    assert list((tmp_path / "out").iterdir()) == []


def test_braces_in_paths_reach_papermill_as_written() -> None:
    assert kernels._literal_path(Path("/tmp/drafts {v2}/x.ipynb")).format() == "/tmp/drafts {v2}/x.ipynb"


def test_dollar_signs_in_titles_are_text_not_mathtext() -> None:
    import matplotlib.pyplot as plt

    from research_utils import plots

    plots.style()
    fig, ax = plt.subplots()
    ax.set_title("Bond sale: $5_{bn raised, $6bn to come")  # mathtext raises on the open brace
    ax.set_xticks([0], ["Price $5 and $10"])  # mathtext would set "5 and " in italics
    fig.canvas.draw()
    assert ax.get_xticklabels()[0]._preprocess_math("Price $5 and $10") == ("Price $5 and $10", False)
    plt.close(fig)


def test_stale_kernel_folders_of_dead_runs_are_cleared(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    gone = tmp_path / "rr-kernel-dead"
    gone.mkdir()
    (gone / "connection.json").write_text("{}", encoding="utf-8")
    (gone / kernels.OWNER_FILE).write_text(f"{dead.stdout.strip()} 1\n", encoding="utf-8")
    live = tmp_path / "rr-kernel-live"
    live.mkdir()
    (live / kernels.OWNER_FILE).write_text(kernels._owner(os.getpid()), encoding="utf-8")
    unowned_old = tmp_path / "rr-kernel-old"
    unowned_old.mkdir()
    os.utime(unowned_old, (time.time() - 3600, time.time() - 3600))
    unowned_new = tmp_path / "rr-kernel-new"
    unowned_new.mkdir()
    other = tmp_path / "not-ours"
    other.mkdir()
    half_written = tmp_path / "rr-kernel-being-made"  # owner file created, not yet written
    half_written.mkdir()
    (half_written / kernels.OWNER_FILE).write_text("", encoding="utf-8")
    half_old = tmp_path / "rr-kernel-empty-old"
    half_old.mkdir()
    (half_old / kernels.OWNER_FILE).write_text("", encoding="utf-8")
    os.utime(half_old, (time.time() - 3600, time.time() - 3600))
    assert sorted(kernels.clear_stale_folders(tmp_path)) == [
        "rr-kernel-dead",
        "rr-kernel-empty-old",
        "rr-kernel-old",
    ]
    assert live.exists() and unowned_new.exists() and other.exists() and half_written.exists()


def test_owner_file_is_never_seen_half_written(tmp_path: Path) -> None:
    """The owner file appears whole (a name swap): a clearing run in another thread of the
    same build once read it empty and removed a live kernel's folder."""
    folder = tmp_path / "rr-kernel-x"
    folder.mkdir()
    kernels._write_owner(folder)
    assert sorted(p.name for p in folder.iterdir()) == [kernels.OWNER_FILE]
    assert kernels._alive((folder / kernels.OWNER_FILE).read_text(encoding="utf-8"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
