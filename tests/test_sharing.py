"""What a report shares: no folder of the analyst's machine, one file to send, CSVs for Excel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from research_utils.paths import DEFAULT_ARTICLE, PACKAGE_DIR, PROJECT_ROOT

pytestmark = pytest.mark.notebook


def test_no_absolute_path_in_any_shared_output(tmp_path: Path) -> None:
    work = tmp_path / "analyst-home" / "project"
    (work / "articles").mkdir(parents=True)
    shutil.copy(DEFAULT_ARTICLE, work / "articles" / "talks.txt")
    shutil.copy(
        DEFAULT_ARTICLE.with_name(DEFAULT_ARTICLE.stem + ".meta.yaml"), work / "articles" / "talks.meta.yaml"
    )
    # a topic pack of one's own, given as a folder: its path must not travel either
    shutil.copytree(PACKAGE_DIR / "lexicons" / "packs" / "russia_ukraine_2022", work / "my_pack")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "research_utils.cli",
            "articles/talks.txt",
            "--out",
            "out",
            "-p",
            "pack",
            "my_pack",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = work / "out" / "talks"
    forbidden = [str(tmp_path), str(PROJECT_ROOT), str(Path.home())]
    bundles = [report / "talks.zip", report / "talks-code.zip"]
    assert all(b.is_file() for b in bundles)
    shared = {
        p.relative_to(report).as_posix(): p.read_bytes()
        for p in report.rglob("*")
        if p.is_file() and p not in bundles
    }
    inside: dict[str, bytes] = {}
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as zf:
            inside |= {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist()}
    assert set(inside) == set(shared) - {".research-report.json"}  # the two zips hold everything
    for name, data in {**shared, **{f"zip:{k}": v for k, v in inside.items()}}.items():
        text = data.decode("utf-8", errors="replace")
        for path in forbidden:
            assert path not in text, f"{name} names {path}"
    csv = (report / "tables" / "text_statistics_counts.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf"), "CSV files start with a UTF-8 byte-order mark (Excel)"


# ------------------------------------------------------------------ the files to send

DATA = Path(__file__).parent / "data"


def _names(bundle: Path) -> set[str]:
    with zipfile.ZipFile(bundle) as zf:
        return {n.split("/", 1)[1] for n in zf.namelist()}


def _links_resolve(bundle: Path) -> list[str]:
    """The relative links of the index page inside ``bundle`` that point at no file of it."""
    import re

    with zipfile.ZipFile(bundle) as zf:
        names = {n.split("/", 1)[1] for n in zf.namelist()}
        page = zf.read(next(n for n in zf.namelist() if n.endswith("/index.html"))).decode("utf-8")
    hrefs = {h.split("#")[0] for h in re.findall(r'href="([^"]+)"', page) if "://" not in h}
    return sorted(h for h in hrefs if h and h not in names)


def test_the_readers_zip_and_the_code_zip_of_an_article(bundled_report: Path) -> None:
    slug = bundled_report.name
    reader, code = bundled_report / f"{slug}.zip", bundled_report / f"{slug}-code.zip"
    inside = _names(reader)
    stems = ["01_text_statistics", "02_stance_comparison", "03_framing_analysis"]
    assert {"index.html", "results.json", *(f"{s}.reader.html" for s in stems)} <= inside
    assert {f"tables/{x}.xlsx" for x in ("text_statistics", "stance", "framing")} <= inside
    csvs = {p.relative_to(bundled_report).as_posix() for p in (bundled_report / "tables").glob("*.csv")}
    assert csvs and csvs <= inside
    figures = {n for n in inside if n.startswith("figures/")}
    assert len(figures) >= 2 * 16 and {n.rsplit(".", 1)[1] for n in figures} == {"svg", "png"}
    assert not any(n.endswith((".ipynb", ".zip")) for n in inside)
    assert not any(
        n.endswith(".html") and not n.endswith(".reader.html") and n != "index.html" for n in inside
    )
    assert _names(code) == {f"{s}.{x}" for s in stems for x in ("ipynb", "html")}
    assert _links_resolve(reader) == []  # the readers' index links only what the zip holds
    assert reader.stat().st_size < 10_000_000 and code.stat().st_size < 5_000_000


def _corpus(folder: Path, copies: int) -> Path:
    """``copies`` articles: the six of the test corpus again and again, each with its sidecar."""
    sources = sorted((DATA / "corpus").rglob("*.txt"))
    for i in range(copies):
        src = sources[i % len(sources)]
        dst = folder / src.parent.name / f"{src.stem}-{i:03d}.txt"
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
        shutil.copy(src.with_suffix(".meta.yaml"), dst.with_suffix(".meta.yaml"))
    return folder


def test_a_corpus_zip_holds_no_article_report_and_no_zip(tmp_path: Path) -> None:
    from research_utils.report.corpus import build_corpus_report

    corpus = _corpus(tmp_path / "two", 2)
    folder, _ = build_corpus_report(
        [corpus], tmp_path / "out", name="Two", scheduler="synchronous", article_reports=True
    )
    articles = sorted(p.name for p in (folder / "articles").iterdir())
    assert len(articles) == 2
    for slug in articles:
        assert (folder / "articles" / slug / f"{slug}.zip").is_file()
    inside = _names(folder / "two.zip")
    assert not any(n.startswith(("articles/", "data/")) or n.endswith(".zip") for n in inside)
    assert {"index.html", "04_corpus_comparison.reader.html", "tables/corpus.xlsx", "results.json"} <= inside
    assert _names(folder / "two-code.zip") == {"04_corpus_comparison.ipynb", "04_corpus_comparison.html"}
    assert _links_resolve(folder / "two.zip") == []


def test_the_zip_of_a_hundred_articles_is_small(tmp_path: Path) -> None:
    from research_utils.report.corpus import build_corpus_report

    folder, section = build_corpus_report(
        [_corpus(tmp_path / "many", 100)], tmp_path / "out", name="Many", scheduler="synchronous"
    )
    assert len(section["articles"]) == 100
    size = (folder / "many.zip").stat().st_size
    assert size < 25_000_000, size
    assert size < 5_000_000  # it grows with the article table only
