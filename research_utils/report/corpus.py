"""Build and publish the report of a corpus: many articles analysed with Dask, groups compared.

:func:`build_corpus_report` writes, into a hidden build folder swapped into place at the end::

    DIR/<corpus-slug>/index.html                      the corpus report and its tables
    DIR/<corpus-slug>/04_corpus_comparison.{ipynb,html,reader.html}
    DIR/<corpus-slug>/tables/*.csv                    every table the notebook shows
    DIR/<corpus-slug>/data/<table>/part-*.parquet     the per-article tables
    DIR/<corpus-slug>/data/failed.json                files that could not be read
    DIR/<corpus-slug>/articles/<slug>/...             per-article reports (--article-reports)
    DIR/<corpus-slug>/results.json                    corpus, by_group, provenance
    DIR/<corpus-slug>/<corpus-slug>.zip               the report, tables and results in one file (no Parquet)

A rerun reuses the stored per-article tables of unchanged articles from the published
folder. This module knows nothing of linguistics.
"""

from __future__ import annotations

import html
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
from research_utils.report.bundle import write_bundle
from research_utils.report.control import INTERRUPT, CorpusFailure, ReportError

__all__ = ["CORPUS_STEM", "CorpusFailure", "build_corpus_report"]

CORPUS_STEM = "04_corpus_comparison"


def _index_html(
    name: str, group_by: str, results: dict[str, Any], tables: list[str], articles: list[str]
) -> str:
    esc = html.escape
    corpus = results["corpus"]
    failed = corpus["failed"]
    rows = "".join(f'<li><a href="articles/{esc(s)}/index.html">{esc(s)}</a></li>' for s in articles)
    failed_rows = "".join(f"<li><code>{esc(f['path'])}</code>: {esc(f['reason'])}</li>" for f in failed[:200])
    table_rows = "".join(f'<li><a href="tables/{esc(t)}">{esc(t)}</a></li>' for t in tables)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Corpus: {esc(name)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5;padding:0 1rem}}
code{{background:#f3f3f3;padding:0 .2rem}}</style></head>
<body>
<h1>Corpus: {esc(name)}</h1>
<p>{len(corpus["articles"]):,} articles grouped by <code>{esc(group_by)}</code>;
{len(failed):,} file(s) could not be read.</p>
<h2>Report</h2>
<ul><li><a href="{CORPUS_STEM}.reader.html">Corpus comparison</a>
(<a href="{CORPUS_STEM}.html">with code</a>, <a href="{CORPUS_STEM}.ipynb">notebook</a>)</li></ul>
<p>Headline numbers for scripts: <a href="results.json">results.json</a>; per-article tables:
<code>data/</code> (Parquet).</p>
{f"<h2>Article reports</h2><ul>{rows}</ul>" if articles else ""}
{f"<h2>Files that could not be read</h2><ul>{failed_rows}</ul>" if failed else ""}
<h2>Tables (CSV)</h2>
<ul>{table_rows}</ul>
</body></html>
"""


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
            tables = sorted(p.name for p in (build / "tables").glob("*.csv"))
            (build / "index.html").write_text(
                _index_html(name, group_by, results, tables, article_slugs), encoding="utf-8"
            )
            write_bundle(build, slug, exclude=("data",))
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
