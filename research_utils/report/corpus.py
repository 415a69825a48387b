"""Build and publish the report of a corpus: many articles analysed with Dask, groups compared.

:func:`build_corpus_report` writes, into a hidden build folder swapped into place at the end::

    DIR/<corpus-slug>/index.html                      the corpus report and its tables
    DIR/<corpus-slug>/04_corpus_comparison.{ipynb,html,reader.html}
    DIR/<corpus-slug>/tables/*.csv                    every table the notebook shows
    DIR/<corpus-slug>/data/<table>/part-*.parquet     the per-article tables
    DIR/<corpus-slug>/data/failed.json                files that could not be read
    DIR/<corpus-slug>/articles/<slug>/...             per-article reports (--article-reports)
    DIR/<corpus-slug>/results.json                    corpus, by_group, provenance
    DIR/<corpus-slug>/tables/corpus.xlsx              the same tables, one sheet each
    DIR/<corpus-slug>/figures/*.svg, *.png            every figure, for papers (PNG at 300 dpi)
    DIR/<corpus-slug>/<corpus-slug>.zip               for readers: index, report, tables, figures, results
    DIR/<corpus-slug>/<corpus-slug>-code.zip          the notebook and the report with code

Neither archive holds the Parquet tables or the article reports (each article folder has
its own two archives), so a corpus of many articles stays a file one can send.

A rerun reuses the stored per-article tables of unchanged articles from the published
folder. This module knows nothing of linguistics.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from research_utils.export import environment, jsonable
from research_utils.ingest import slugify
from research_utils.report import kernels, output, registry, render
from research_utils.report.build import _clean_notebook, build_report
from research_utils.report.bundle import write_bundles
from research_utils.report.control import INTERRUPT, CorpusFailure, ReportError
from research_utils.report.corpus_index import CORPUS_STEM, corpus_index_html
from research_utils.report.workbook import write_workbooks

__all__ = ["CORPUS_STEM", "CorpusFailure", "build_corpus_report"]


def _corpus_section(name: str, group_by: str, data: Path, failed: list[dict[str, str]]) -> dict[str, Any]:
    import pandas as pd

    arts = pd.read_parquet(data / "articles").sort_values("article", kind="stable")
    articles = [
        {
            "slug": r.article,
            "title": r.title,
            "outlet": r.outlet,
            "date": r.date,
            "path": r.path,
            "sha256": r.sha256 if "sha256" in arts.columns else None,
            "words": int(r.words),
        }
        for r in arts.itertuples(index=False)
    ]
    return {"name": name, "group_by": group_by, "articles": articles, "failed": failed}


def build_corpus_report(
    paths: list[Path],
    out_dir: Path,
    *,
    name: str,
    group_by: str = "outlet",
    scheduler: str = "processes",
    workers: int | None = None,
    params: dict[str, Any] | None = None,
    article_reports: bool = False,
    article_params: dict[str, dict[str, Any]] | None = None,
    timeout: int = 600,
    build_timeout: int = 3600,
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Analyse every article under ``paths`` and publish the corpus report in ``out_dir/<slug>``.

    Returns
    -------
    tuple of (Path, dict)
        The report folder and its ``corpus`` section (``failed`` lists unreadable files).

    Raises
    ------
    OutputError
        When the report folder cannot be written without touching files that are not ours.
    CorpusFailure
        When no article could be read.
    ReportError
        When the notebook fails or a limit is reached; the previous report stays.
    """
    from research_utils.analyses.corpus import corpus_options, run, tables

    say = progress or (lambda _m: None)
    if group_by not in tables.META_FIELDS:  # before any work, not after the analysis
        raise ValueError(f"--group-by {group_by}: choose one of {', '.join(tables.META_FIELDS)}.")
    files = run.discover(paths)
    if not files:
        raise ValueError(
            f"no article files (.txt, .html) found in {', '.join(str(p) for p in paths)}: give files or folders of articles."
        )
    slug = slugify(name)
    out_dir = out_dir.absolute()
    final = out_dir / slug
    inputs = [p for p, _ in files]
    output.check_destination(final, inputs)
    output.make_dir(out_dir)
    options: dict[str, Any] = corpus_options(str((params or {}).get("pack") or ""))
    tables.check_options(options)  # a broken lexicon of the pack is a usage error now, not after the analysis
    with output.lock(out_dir):
        output.check_destination(final, inputs)
        build = output.new_build(out_dir, slug)
        try:
            items = run.plan(files, run.settings_fingerprint(options))
            previous = final / "data" if (final / "data" / "articles").is_dir() else None
            say(f"{slug}: {len(items)} article file(s), scheduler {scheduler}")
            result = run.run_corpus(
                items,
                build / "data",
                options,
                scheduler=scheduler,
                workers=workers,
                previous=previous,
                progress=say,
                should_stop=INTERRUPT.is_set,
            )
            failed = result["failed"]
            (build / "data" / "failed.json").write_text(json.dumps(failed, indent=1) + "\n", encoding="utf-8")
            if result["analysed"] + result["reused"] == 0:
                first = "; ".join(f"{f['path']}: {f['reason']}" for f in failed[:3])
                raise CorpusFailure(f"none of the {len(items)} files could be read ({first}).")
            say(
                f"{slug}: {result['analysed']} analysed, {result['reused']} reused, {len(failed)} failed"
                f" in {result['seconds']:.0f} s; running {CORPUS_STEM}"
            )
            corpus_section = _corpus_section(name, group_by, build / "data", failed)
            _run_notebook(build, name, group_by, params or {}, timeout, build_timeout)
            say(f"{slug}: corpus report rendered")
            article_slugs: list[str] = []
            if article_reports:
                folder = build / "articles"
                folder.mkdir()
                readable = {a["slug"] for a in corpus_section["articles"]}
                for item in items:
                    if item.slug not in readable:
                        continue
                    if INTERRUPT.is_set():
                        raise KeyboardInterrupt
                    build_report(
                        item.path,
                        folder,
                        params=article_params,
                        timeout=timeout,
                        build_timeout=build_timeout,
                        slug=item.slug,
                        progress=say,
                    )
                    article_slugs.append(item.slug)
            results = {
                "schema_version": 1,
                "corpus": corpus_section,
                "parameters": {CORPUS_STEM: jsonable(params or {})},
                "provenance": environment(),
            }
            for frag in sorted((build / "results").glob("*.json")):
                results[frag.stem] = json.loads(frag.read_text(encoding="utf-8"))
            shutil.rmtree(build / "results", ignore_errors=True)
            (build / "results.json").write_text(
                json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            write_workbooks(build / "tables")
            tables = sorted(p.name for p in (build / "tables").iterdir() if p.suffix in (".csv", ".xlsx"))
            (build / "index.html").write_text(
                corpus_index_html(name, group_by, results, tables, article_slugs, build), encoding="utf-8"
            )
            packaged = corpus_index_html(name, group_by, results, tables, article_slugs, build, packaged=True)
            write_bundles(build, slug, exclude=("data", "articles"), index=packaged)
            output.write_marker(build, kind="corpus report")
            if INTERRUPT.is_set():  # a signal that came after the notebook: publish nothing
                raise KeyboardInterrupt
            output.swap_into_place(build, final)
        except BaseException:
            output.discard_build(build)
            raise
    say(f"{slug}: corpus report written to {final}")
    return final, corpus_section


def _run_notebook(
    build: Path, name: str, group_by: str, params: dict[str, Any], timeout: int, build_timeout: int
) -> None:
    """Execute the corpus notebook on ``build/data`` and render its two HTML pages."""
    import concurrent.futures

    (build / "tables").mkdir(exist_ok=True)
    (build / "results").mkdir(exist_ok=True)
    parameters = {
        **params,
        "data_dir": str(build / "data"),
        "output_dir": str(build),
        "corpus_name": name,
        "group_by": group_by,
    }
    out_nb = build / f"{CORPUS_STEM}.ipynb"
    kernels.reset()
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(
            kernels.execute,
            registry.notebook_path(CORPUS_STEM),
            out_nb,
            parameters,
            name=CORPUS_STEM,
            timeout=timeout,
        )
        try:
            while True:
                try:
                    nb = future.result(timeout=0.2)
                    break
                except concurrent.futures.TimeoutError:
                    if INTERRUPT.is_set():
                        raise KeyboardInterrupt from None
                    if time.monotonic() - started > build_timeout:
                        raise ReportError(
                            f"the corpus report took longer than its limit of {build_timeout} s (--build-timeout)."
                        ) from None
        except (kernels.NotebookFailed, kernels.CellTimeout, kernels.KernelDied) as exc:
            raise ReportError(str(exc)) from None
        except BaseException:
            kernels.kill_all()
            raise
    import nbformat

    _clean_notebook(nb, parameters)
    nbformat.write(nb, out_nb)
    render.exporters()
    (build / f"{CORPUS_STEM}.html").write_text(render.render(nb, CORPUS_STEM, code=True), encoding="utf-8")
    (build / f"{CORPUS_STEM}.reader.html").write_text(
        render.render(nb, CORPUS_STEM, code=False), encoding="utf-8"
    )
