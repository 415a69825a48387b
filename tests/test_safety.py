"""Careless and hostile input that needs no kernel: each case ends in one clear line, fast.

The cases of the reliability issue: YAML bombs and oversized files, user folders that the
tool must never replace, inputs inside outputs, bad parameter values, odd encodings,
text that is not what it claims to be, and spreadsheet formulas in CSV cells.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from cliutil import one_line, run_cli

from research_utils.export import Exporter, neutralise_formulas
from research_utils.ingest import ArticleError, article_from_text, load_article
from research_utils.lexicons import LexiconError, UserPattern, load_lexicon
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report import OutputError, ParameterError, check_parameters, output
from research_utils.report.parameters import resolve_paths
from research_utils.safeyaml import YamlError, load_yaml, parse_yaml

BILLION_LAUGHS = "".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n',
        *(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    ]
)
ACTOR_OPTIONAL = {
    "people": list,
    "adjectives": list,
    "case_sensitive": list,
    "exclude": list,
    "kind": str,
    "notes": str,
}
TEXT = (DEFAULT_ARTICLE).read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ YAML


def test_yaml_aliases_are_refused_before_they_expand() -> None:
    started = time.monotonic()
    with pytest.raises(YamlError, match=r"x\.yaml, line 2: YAML aliases"):
        parse_yaml(BILLION_LAUGHS, "x.yaml")
    assert time.monotonic() - started < 5  # the expansion (9**9 strings) never happens


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1,\n", r"line \d+: .*fix the YAML syntax"),
        ("[" * 50_000, "nesting depth|nested too deeply"),
        ("a: !!python/object:os.system x\n", "could not determine a constructor"),
    ],
)
def test_bad_yaml_is_one_line(text: str, message: str) -> None:
    with pytest.raises(YamlError, match=message) as err:
        parse_yaml(text, "x.yaml")
    assert "\n" not in str(err.value)


def test_yaml_file_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(YamlError, match="above the 1,000-byte limit"):
        load_yaml(big, max_bytes=1000)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("outlet: Café\n".encode("latin-1"))
    with pytest.raises(YamlError, match=r"latin\.yaml: not UTF-8"):
        load_yaml(latin, max_bytes=1000)
    with pytest.raises(YamlError, match="is a directory"):
        load_yaml(tmp_path, max_bytes=1000)


def test_sidecar_bomb_and_size_and_types(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(TEXT, encoding="utf-8")
    side = tmp_path / "a.meta.yaml"
    cases = {
        BILLION_LAUGHS.replace("a:", "notes:", 1): "aliases",
        "title: " + "x" * 70_000 + "\n": "above the 65,536-byte limit",
        "title: " + "x" * 5_000 + "\n": "'title' is 5,000 characters",
        "date: nan\n": "'date' must be a date",
        "date: [2022, 4]\n": "'date' must be a date",
        "date: yesterday\n": "'date' must be a date",
        "date_approximate: maybe\n": "true or false",
        "headings: [1, 2]\n": "list of lines of text",
    }
    for text, message in cases.items():
        side.write_text(text, encoding="utf-8")
        with pytest.raises(ArticleError, match=message):
            load_article(art)
    side.write_bytes("outlet: Café\n".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"a\.meta\.yaml: not UTF-8"):
        load_article(art)
    side.write_text("date: 2022-04-07\noutlet: 42\n", encoding="utf-8")
    assert load_article(art).meta == {"date": "2022-04-07", "outlet": "42"}
    side.unlink()
    side.mkdir()
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(art)


def test_lexicon_with_aliases_in_sources_is_refused(tmp_path: Path) -> None:
    lex = tmp_path / "actors.yaml"
    lex.write_text(
        "meta:\n  name: x\n  description: x\n  method: x\n  sources: &s [a, b]\n  again: *s\n"
        "entries:\n  - {id: a, label: A, terms: [a]}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"actors\.yaml, line 6: YAML aliases"):
        load_lexicon("actors", schema={"label": str, "terms": list}, optional=ACTOR_OPTIONAL, user_path=lex)
    lex.write_text(
        "meta:\n  name: x\n  description: x\n  method: x\n  sources: [[a, [b]]]\n"
        "entries:\n  - {id: a, label: A, terms: [a]}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"'meta\.sources' must be a list of texts"):
        load_lexicon("actors", schema={"label": str, "terms": list}, optional=ACTOR_OPTIONAL, user_path=lex)


def test_user_pattern_is_time_bounded() -> None:
    slow = UserPattern(r"(.*?,){11}P")
    started = time.monotonic()
    with pytest.raises(LexiconError, match=r"took more than 0\.5 s on one sentence"):
        slow.finditer("a," * 30)
    assert time.monotonic() - started < 5
    # the classic catastrophic pattern finishes at once in the regex engine
    assert UserPattern(r"^(\w+\s?)*$").finditer("word " * 100 + "!") == []


# ------------------------------------------------------------------ text that is not what it claims


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    p = tmp_path / "u.txt"
    p.write_bytes(TEXT.encode("utf-16-le"))
    a = load_article(p)
    assert a.encoding == "utf-16-le" and a.title.startswith("Why the outcome")
    assert any("without a byte-order mark" in w for w in a.warnings)


def test_nul_bytes_anywhere_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_bytes(TEXT.encode() * 40 + b"\x00\x01binary tail")  # the NUL lies after 64 KB
    with pytest.raises(ArticleError, match="NUL bytes"):
        load_article(p)


def test_html_saved_as_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    body = "".join(f"<p>{para}</p>\n" for para in TEXT.split("\n\n"))
    page.write_text(
        f"<!DOCTYPE html><html><head><title>T</title></head><body><article>{body}</article></body></html>"
    )
    a = load_article(page)
    assert any("web page saved with a text extension" in w for w in a.warnings)
    assert "<p>" not in a.body
    fragment = tmp_path / "fragment.txt"
    fragment.write_text("Title\n\n" + "".join(f"<div><p>{x}</p></div>\n" for x in TEXT.split("\n\n")[1:]))
    assert any("HTML tags" in w for w in load_article(fragment).warnings)
    assert load_article(DEFAULT_ARTICLE).warnings == ()


def test_non_english_text_is_flagged() -> None:
    german = (
        "Titel\n\n"
        + (
            "Die Bundesregierung hat am Mittwoch beschlossen, dass die Zinsen weiter steigen sollen. "
            "Der Minister sagte, man werde die Lage genau beobachten und gegebenenfalls reagieren. "
        )
        * 5
    )
    a = article_from_text(german)
    assert not a.looks_english and "readability does not apply" in a.warnings[0]
    assert article_from_text(TEXT).looks_english


# ------------------------------------------------------------------ outputs


def test_csv_cells_that_would_run_as_formulas(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "plain"], "n": [-1.5, 2, 3, 4, 5]})
    assert neutralise_formulas(df)["text"].tolist() == [
        '\'=HYPERLINK("x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "plain",
    ]
    Exporter(str(tmp_path)).table("t", df)
    written = pd.read_csv(tmp_path / "tables" / "t.csv")
    assert written["text"].str.startswith("'").sum() == 4 and written["n"].tolist() == [-1.5, 2, 3, 4, 5]


def test_a_user_folder_named_like_the_slug_is_never_replaced(tmp_path: Path) -> None:
    final = tmp_path / "out" / "rt-2022-04-russia-ukraine-talks"
    final.mkdir(parents=True)
    (final / "notes.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(OutputError, match="was not written by research-report"):
        output.check_destination(final, [DEFAULT_ARTICLE])
    proc = run_cli(str(DEFAULT_ARTICLE), "--out", str(tmp_path / "out"))
    assert "was not written by research-report" in one_line(proc)
    assert (final / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_our_report_with_an_added_file_is_not_replaced(tmp_path: Path) -> None:
    final = tmp_path / "r"
    final.mkdir()
    (final / "index.html").write_text("x", encoding="utf-8")
    output.write_marker(final)
    output.check_destination(final, [])  # ours: may be replaced
    (final / "my-notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(
        OutputError, match=r"holds files or folders research-report did not write \(my-notes\.md\)"
    ):
        output.check_destination(final, [])


def test_the_leftover_of_a_build_killed_outright_is_cleared_by_the_next_run(tmp_path: Path) -> None:
    """A runner killed with SIGKILL leaves its half-written build folder behind; found by
    hand (kill -9 during a build, then the same command again refused for good)."""
    build = output.new_build(tmp_path, "a")
    (build / "tables").mkdir()
    (build / "tables" / "t.csv").write_text("a\n1\n", encoding="utf-8")
    (build / "01_text_statistics.ipynb").write_text("{}", encoding="utf-8")
    legacy = tmp_path / ".build-old"  # the fixed-name build folder of earlier versions
    legacy.mkdir()
    output.write_marker(legacy, kind=output.BUILDING)
    theirs = tmp_path / ".build-b"  # the same prefix held by something else: left alone
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    removed = output.clear_stale_builds(tmp_path)  # the next run's first step (under the lock)
    assert sorted(removed) == sorted([build.parent.name, ".build-old"])
    assert not build.parent.exists() and not legacy.exists()
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_finished_report_is_not_marked_as_a_build(tmp_path: Path) -> None:
    """The finished report's marker replaces the build mark: a finished build with an added
    file of the user's is not cleared (the build mark would have let it go)."""
    final = output.new_build(tmp_path, "r")
    (final / "index.html").write_text("x", encoding="utf-8")
    output.write_marker(final)
    (final / "my-notes.md").write_text("mine", encoding="utf-8")
    assert output.clear_stale_builds(tmp_path) == []
    assert (final / "my-notes.md").read_text(encoding="utf-8") == "mine"


def test_output_never_holds_an_input(tmp_path: Path) -> None:
    work = tmp_path / "work" / "talks"
    work.mkdir(parents=True)
    art = work / "talks.txt"
    art.write_text(TEXT, encoding="utf-8")
    (work / "talks.meta.yaml").write_text("outlet: RT\n", encoding="utf-8")
    (work / "notes.txt").write_text("keep me", encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run_cli(str(art), "--out", str(tmp_path / "work"))
    assert "would hold the input" in one_line(proc)
    assert snapshot(tmp_path) == before


def test_out_that_is_a_file_or_under_a_file(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    for out in (f, f / "sub"):
        proc = run_cli(str(DEFAULT_ARTICLE), "--out", str(out))
        assert "is a file, not a folder" in one_line(proc)
    assert f.read_text(encoding="utf-8") == "x"


def test_lock_refuses_a_second_writer(tmp_path: Path) -> None:
    with output.lock(tmp_path):
        with pytest.raises(OutputError, match="another research-report is writing into"):
            with output.lock(tmp_path):
                pass
    with output.lock(tmp_path):  # released
        pass


def test_unique_slugs() -> None:
    from research_utils.cli import _unique_slugs

    assert _unique_slugs(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-3", "a-4", "a-2"]


# ------------------------------------------------------------------ parameters


def test_paths_resolve_against_the_command_folder(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("meta: {}\n", encoding="utf-8")
    got = resolve_paths({"02_stance_comparison": {"actors_lexicon": "mine.yaml"}}, tmp_path)
    assert got["02_stance_comparison"]["actors_lexicon"] == str(tmp_path / "mine.yaml")
    with pytest.raises(ParameterError, match=r"parameter 'actors_lexicon': nope\.yaml is not a file"):
        resolve_paths({"02_stance_comparison": {"actors_lexicon": "nope.yaml"}}, tmp_path)
    with pytest.raises(ParameterError, match="must hold file paths as text, got 12"):
        resolve_paths({"01_text_statistics": {"compare_paths": [12]}}, tmp_path)


def test_list_parameters_as_people_type_them() -> None:
    got = check_parameters(["01_text_statistics"], {"kwic_terms": "Zelensk*,NATO"})
    assert got["01_text_statistics"]["kwic_terms"] == ["Zelensk*", "NATO"]
    got = check_parameters(["01_text_statistics"], {"kwic_terms": "Zelensk*"})
    assert got["01_text_statistics"]["kwic_terms"] == ["Zelensk*"]
    with pytest.raises(ParameterError, match=r"write it as -p top_n 20"):
        check_parameters(["01_text_statistics"], {"top_n": "many"})


def test_params_file_grouped_by_notebook() -> None:
    got = check_parameters(
        ["01_text_statistics", "03_framing_analysis"],
        file_params={"top_n": 7, "03": {"min_cues": 4}, "01_text_statistics": {"top_n": 9}},
    )
    assert got["01_text_statistics"]["top_n"] == 9 and got["03_framing_analysis"]["min_cues"] == 4
    with pytest.raises(ParameterError, match="unknown parameter 'min_cues'"):
        check_parameters(["01_text_statistics"], file_params={"01": {"min_cues": 4}})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "--jobs must be 1 or more"),
        (["--timeout", "-1"], "--timeout must be 1 or more"),
        (["-p", "top_n", "lots"], "parameter 'top_n' must be int"),
        (["-p", "actors_lexicon", "missing.yaml"], "missing.yaml is not a file"),
        (["--notebooks", "09"], "matches no single notebook"),
    ],
)
def test_cli_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    proc = run_cli(*args, "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert message in one_line(proc)
    assert not (tmp_path / "out").exists()


def test_cli_params_file_bomb_and_numbers(tmp_path: Path) -> None:
    bomb = tmp_path / "p.yaml"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert "YAML aliases" in one_line(run_cli("-f", str(bomb), "--out", str(tmp_path / "o")))
    nums = tmp_path / "n.yaml"
    nums.write_text("compare_paths: [1, 2]\n", encoding="utf-8")
    assert "must hold file paths as text" in one_line(run_cli("-f", str(nums), "--out", str(tmp_path / "o")))
