"""The options a researcher expects: --meta without a sidecar, --list-parameters of every notebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from research_utils import cli
from research_utils.ingest import load_article
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report.registry import stems


def test_list_parameters_names_every_notebook_the_corpus_one_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--list-parameters"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert listed == list(stems("all"))
    assert cli.main(["--list-parameters", "--notebooks", "04"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("04_corpus_comparison\n") and "min_z: float = 1.96" in out


def test_meta_fields_are_checked_as_a_sidecars_are() -> None:
    got = cli._meta(["outlet=RT", "date=2022-04-07", "date_approximate=yes", "headings=Talks; Next steps"])
    assert got == {
        "outlet": "RT",
        "date": "2022-04-07",
        "date_approximate": True,
        "headings": ["Talks", "Next steps"],
    }
    for bad, message in (
        ("outlet", "write FIELD=VALUE"),
        ("date=yesterday", "'date' must be a date"),
        ("colour=red", "unknown key 'colour'"),
        ("date_approximate=maybe", "true or false"),
    ):
        with pytest.raises(ValueError, match=message):
            cli._meta([bad])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--meta", "date=soon"], "'date' must be a date"),
        (["tests/data/corpus", "--corpus", "c", "--meta", "outlet=RT"], "in corpus mode give each article"),
    ],
)
def test_bad_meta_is_one_line_before_any_kernel(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*args, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and list(tmp_path.iterdir()) == []


def test_meta_wins_over_the_sidecar() -> None:
    doc = load_article(DEFAULT_ARTICLE, meta={"outlet": "Example Wire", "date": "2022-04-08"})
    assert doc.meta["outlet"] == "Example Wire" and doc.meta["date"] == "2022-04-08"
    assert doc.meta["date_note"]  # the sidecar's other fields stay
