"""Build and publish every report of one article.

:func:`build_report` writes into a hidden build folder beside the final one, then swaps
it into place (a failed or interrupted run leaves the previous report untouched)::

    DIR/<article-slug>/index.html                 links every report of the article
    DIR/<article-slug>/<notebook>.ipynb           the executed notebook
    DIR/<article-slug>/<notebook>.html            rendered, images embedded, one file
    DIR/<article-slug>/<notebook>.reader.html     the same without code cells
    DIR/<article-slug>/tables/*.csv               every table a notebook shows
    DIR/<article-slug>/tables/<report>.xlsx       the same tables, one workbook per report
    DIR/<article-slug>/figures/*.svg, *.png       every figure, for papers (PNG at 300 dpi)
    DIR/<article-slug>/results.json               headline numbers (see the README)
    DIR/<article-slug>/<article-slug>.zip         for readers: index, reports without code, tables, figures
    DIR/<article-slug>/<article-slug>-code.zip    the notebooks and the reports with code
    DIR/<article-slug>/.research-report.json      marker: the files this tool wrote

This module knows nothing of linguistics.
"""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import nbformat

from research_utils.export import environment, jsonable, shareable
from research_utils.ingest import Document, load_article, sidecar_path
from research_utils.report import kernels, output, registry, render
from research_utils.report.bundle import write_bundles
from research_utils.report.control import INTERRUPT, ReportError
from research_utils.report.index import index_html
from research_utils.report.parameters import is_path_parameter
from research_utils.report.workbook import write_workbooks

__all__ = ["BUILD_TIMEOUT_S", "CELL_TIMEOUT_S", "INTERRUPT", "ReportError", "build_report"]

CELL_TIMEOUT_S: int = 600
"""Per-cell execution timeout in seconds."""

BUILD_TIMEOUT_S: int = 3600
"""Wall-clock limit of one article's whole build in seconds."""

LARGE_ARTICLE_BYTES: int = 100_000
"""Above this size (about 16,000 words, longer than almost any news article) the notebooks
run one at a time: each kernel then holds the whole article's tables alone, which keeps the
build's memory under about 1 GB up to the size limit (``make bench`` measures it)."""


def _clean_notebook(nb: nbformat.NotebookNode, parameters: dict[str, Any] | None = None) -> None:
    """Drop timestamps and durations so that two builds give identical files, and write the
    injected parameters as shown to readers: file paths as their file names, so that a shared
    notebook or page never names a folder of the analyst's machine."""

    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id
            if parameters is not None:
                lines = ["# Parameters (file paths shortened to their file names for sharing)"]
                lines += [f"{k} = {shareable(k, v)!r}" for k, v in parameters.items()]
                cell["source"] = "\n".join(lines) + "\n"


def _execute(stem: str, article: Path, params: dict[str, Any], build: Path, timeout: int) -> Any:
    """Execute one notebook into ``build/<stem>.ipynb``; return the executed notebook."""
    out_nb = build / f"{stem}.ipynb"
    parameters = {"article_path": str(article), "output_dir": str(build), **params}
    try:
        nb = kernels.execute(registry.notebook_path(stem), out_nb, parameters, name=stem, timeout=timeout)
    except (kernels.NotebookFailed, kernels.CellTimeout, kernels.KernelDied) as exc:
        raise ReportError(str(exc)) from None
    _clean_notebook(nb, parameters)
    nbformat.write(nb, out_nb)
    return nb


def _display_path(path: Path) -> str:
    """A path as shared outputs show it: relative to the working directory when it lies
    below it, else the file name (never a folder of the analyst's machine)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


def _results(
    article: Document, article_path: Path, stems: list[str], params: dict[str, dict[str, Any]], build: Path
) -> dict[str, Any]:
    results: dict[str, Any] = {
        "schema_version": 1,
        "article": {
            "path": _display_path(article_path),
            "sha256": article.sha256,
            "title": article.title,
            "slug": article.slug,
            "outlet": article.meta.get("outlet"),
            "date": article.meta.get("date"),
            "date_approximate": bool(article.meta.get("date_approximate", False)),
            "encoding": article.encoding,
            "warnings": list(article.warnings),
        },
        "parameters": {
            s: jsonable({k: shareable(k, v) for k, v in params.get(s, {}).items()}) for s in stems
        },
        "notebooks": stems,
        "provenance": environment(),
    }
    for frag in sorted((build / "results").glob("*.json")):
        results[frag.stem] = json.loads(frag.read_text(encoding="utf-8"))
    return results


def input_files(article_path: Path, params: dict[str, dict[str, Any]]) -> list[Path]:
    """Every file a build reads: the article, its sidecar, and the path parameters."""
    files = [article_path, sidecar_path(article_path)]
    for values in params.values():
        for name, value in values.items():
            if is_path_parameter(name):
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, str) and v:
                        files.append(Path(v))
    return files


def build_report(
    article_path: str | Path,
    out_dir: str | Path,
    *,
    stems: Iterable[str] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    jobs: int = 3,
    timeout: int = CELL_TIMEOUT_S,
    build_timeout: int = BUILD_TIMEOUT_S,
    slug: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Build every report of one article and move it into ``out_dir/<slug>``.

    Parameters
    ----------
    article_path : str or Path
        The article file.
    out_dir : str or Path
        Parent folder of the report folder.
    stems : iterable of str, optional
        Notebooks to run (default: every analysis of the registry, in order).
    params : dict, optional
        ``{stem: {name: value}}`` from :func:`~research_utils.report.check_parameters`,
        with path parameters already absolute.
    jobs : int
        Notebooks executed at the same time.
    timeout : int
        Per-cell timeout in seconds.
    build_timeout : int
        Wall-clock limit of the whole build in seconds.
    slug : str, optional
        Name of the report folder (default: the article's slug).
    progress : callable, optional
        Receives one line of progress text at a time.

    Returns
    -------
    Path
        The report folder.

    Raises
    ------
    ArticleError
        When the article cannot be read (before any kernel starts).
    OutputError
        When the report folder cannot be written without touching files that are not
        the tool's own (before any kernel starts).
    ReportError
        When a notebook fails, a limit is reached or a kernel dies; the previous report
        is left untouched.
    """
    say = progress or (lambda _msg: None)
    stems = list(stems) if stems is not None else list(registry.stems())
    params = params or {s: {} for s in stems}
    article_path = Path(article_path).absolute()
    given = next((p["meta"] for p in params.values() if p.get("meta")), None)  # research-report --meta
    article = load_article(article_path, meta=given)
    out_dir = Path(out_dir).absolute()
    slug = slug or article.slug
    final = out_dir / slug
    inputs = input_files(article_path, params)
    output.check_destination(final, inputs)
    output.make_dir(out_dir)
    with output.lock(out_dir):
        output.check_destination(final, inputs)  # again, now that no other build can change it
        build = output.new_build(out_dir, slug)
        try:
            if jobs > 1 and article_path.stat().st_size > LARGE_ARTICLE_BYTES:
                say(
                    f"{slug}: a long article ({article_path.stat().st_size / 1e6:.1f} MB): notebooks run one at a time"
                )
                jobs = 1
            packaged = _build(article, article_path, stems, params, build, jobs, timeout, build_timeout, say)
            write_bundles(build, slug, index=packaged)
            output.write_marker(build)
            if INTERRUPT.is_set():  # a signal that came after the last notebook: publish nothing
                raise KeyboardInterrupt
            output.swap_into_place(build, final)
        except BaseException:
            output.discard_build(build)
            raise
    say(f"{slug}: report written to {final}")
    return final


def _build(
    article: Document,
    article_path: Path,
    stems: list[str],
    params: dict[str, dict[str, Any]],
    build: Path,
    jobs: int,
    timeout: int,
    build_timeout: int,
    say: Callable[[str], None],
) -> str:
    """Run the notebooks into ``build`` and write results.json, the workbooks and index.html
    there; return the index page of the readers' archive."""
    (build / "tables").mkdir()
    (build / "results").mkdir()
    say(f"{build.name}: running {len(stems)} notebook(s) on {article_path.name}")
    started = time.monotonic()
    deadline = started + build_timeout
    kernels.reset()
    kernels.preload()
    # ``jobs`` notebook threads, and one more thread that loads the HTML templates while the
    # kernels start rather than after the last one ends.
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs))
    loader = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    exporters_ready = loader.submit(render.exporters)
    try:
        futures = {
            pool.submit(_execute, s, article_path, params.get(s, {}), build, timeout): s for s in stems
        }
        for s in stems:
            say(f"  {s}: started")
        pending = set(futures)
        while pending:
            # Poll, so that an interrupt or the wall-clock limit is seen while kernels run.
            done, pending = concurrent.futures.wait(
                pending, timeout=0.2, return_when=concurrent.futures.FIRST_COMPLETED
            )
            if INTERRUPT.is_set():
                raise KeyboardInterrupt
            if time.monotonic() > deadline:
                raise ReportError(
                    f"the build took longer than its limit of {build_timeout} s (--build-timeout); "
                    "raise the limit or give a shorter article."
                )
            for fut in done:
                s = futures[fut]
                executed = fut.result()  # a ReportError propagates; the finally cleans up
                say(f"  {s}: executed in {time.monotonic() - started:.0f} s; rendering HTML")
                exporters_ready.result()
                (build / f"{s}.html").write_text(render.render(executed, s, code=True), encoding="utf-8")
                (build / f"{s}.reader.html").write_text(
                    render.render(executed, s, code=False), encoding="utf-8"
                )
    except BaseException:
        kernels.kill_all()  # the worker threads see their kernels die and finish at once
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        loader.shutdown(wait=True)
    results = _results(article, article_path, stems, params, build)
    (build / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    shutil.rmtree(build / "results")
    write_workbooks(build / "tables")
    tables = sorted(p.name for p in (build / "tables").iterdir() if p.suffix in (".csv", ".xlsx"))
    compare_paths = next((p["compare_paths"] for p in params.values() if p.get("compare_paths")), [])
    compared = [load_article(c) for c in compare_paths]
    page = index_html(article, stems, tables, compared, build.name, results, build)
    (build / "index.html").write_text(page, encoding="utf-8")
    return index_html(article, stems, tables, compared, build.name, results, build, packaged=True)
