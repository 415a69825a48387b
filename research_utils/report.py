"""Execute the notebooks with papermill and publish the reports of an article.

For one article :func:`build_report` writes, into a hidden temporary folder next to the
final one, then moves into place (a failed or interrupted run leaves the previous report
untouched)::

    DIR/<article-slug>/index.html                 links every report of the article
    DIR/<article-slug>/<notebook>.ipynb           the executed notebook
    DIR/<article-slug>/<notebook>.html            rendered, images embedded, one file
    DIR/<article-slug>/<notebook>.reader.html     the same without code cells
    DIR/<article-slug>/tables/*.csv               every table a notebook shows
    DIR/<article-slug>/results.json               headline numbers (see the README)

Parameters are checked against each notebook's ``parameters`` cell before any kernel
starts: an unknown name or a value of the wrong type is an error. This module knows
nothing of linguistics.
"""

from __future__ import annotations

import concurrent.futures
import functools
import html
import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from research_utils.article import Article, load_article
from research_utils.export import environment, jsonable
from research_utils.paths import NOTEBOOKS, NOTEBOOKS_DIR, PACKAGE_DIR, PROJECT_ROOT, notebook_path

__all__ = [
    "ReportError",
    "build_report",
    "check_parameters",
    "declared_parameters",
    "render_html",
]

INTERRUPT = threading.Event()
"""Set (by the command line's signal handler) to abandon a build: the build folder is
removed and the previous report stays as it was."""

CELL_TIMEOUT_S: int = 600
"""Per-cell execution timeout in seconds."""

RUNNER_PARAMETERS = ("article_path", "output_dir")
"""Parameters the runner sets itself for every notebook."""


class ReportError(RuntimeError):
    """A report could not be built; the message says what went wrong and what to do."""


@dataclass(frozen=True)
class Declared:
    """One parameter declared in a notebook's ``parameters`` cell."""

    name: str
    type_name: str
    default: str
    help: str


# --------------------------------------------------------------------------- parameters


def declared_parameters(stem: str) -> dict[str, Declared]:
    """The parameters a bundled notebook declares, from its ``parameters``-tagged cell.

    Raises
    ------
    ReportError
        If the notebook does not exist or has no (or more than one) ``parameters`` cell.
    """
    import papermill

    path = notebook_path(stem)
    if not path.exists():
        raise ReportError(f"no notebook {path}: choose from {', '.join(NOTEBOOKS)}.")
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        raise ReportError(f"{path} has {len(tagged)} cells tagged 'parameters'; it needs exactly one.")
    found = papermill.inspect_notebook(str(path))
    return {
        name: Declared(
            name, str(p.get("inferred_type_name", "None")), str(p.get("default", "")), str(p.get("help", ""))
        )
        for name, p in found.items()
    }


def _coerce(name: str, value: Any, decl: Declared, source: str) -> Any:
    """Check (and for command-line strings, convert) a value against its declared type."""
    t = decl.type_name.split("[")[0].strip().lower()
    from_cli = source == "-p"
    problem = f"parameter '{name}' must be {t}"
    if t == "str":
        return str(value) if from_cli else _expect(value, str, problem, source)
    if t == "bool":
        if from_cli and isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "yes", "1"):
                return True
            if low in ("false", "no", "0"):
                return False
            raise ReportError(f"{problem} (true or false), got {value!r} from {source}.")
        return _expect(value, bool, problem, source)
    if t == "int":
        if from_cli and isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                raise ReportError(f"{problem} (a whole number), got {value!r} from {source}.") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ReportError(f"{problem} (a whole number), got {value!r} from {source}.")
        return value
    if t == "float":
        if from_cli and isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                raise ReportError(f"{problem} (a number), got {value!r} from {source}.") from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ReportError(f"{problem} (a number), got {value!r} from {source}.")
        return float(value)
    if t in ("list", "dict"):
        if from_cli and isinstance(value, str):
            import yaml

            try:
                value = yaml.safe_load(value)
            except yaml.YAMLError:
                raise ReportError(
                    f"{problem}, got {value!r} from {source}: write it as YAML, e.g. [a, b]."
                ) from None
        return _expect(value, list if t == "list" else dict, problem, source)
    return value  # undeclared type: pass through


def _expect(value: Any, kind: type, problem: str, source: str) -> Any:
    if not isinstance(value, kind):
        raise ReportError(f"{problem}, got {value!r} from {source}.")
    return value


def check_parameters(
    stems: Iterable[str],
    cli_params: dict[str, str] | None = None,
    file_params: dict[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """Validate parameters against the notebooks' declarations, before any kernel starts.

    A parameter must be declared by at least one of the notebooks being built; each
    notebook receives only the parameters it declares.

    Parameters
    ----------
    stems : iterable of str
        Notebooks to build.
    cli_params : dict, optional
        ``-p NAME VALUE`` pairs (strings, converted by the declared type).
    file_params : dict, optional
        Values from ``-f params.yaml`` (already typed by YAML).

    Returns
    -------
    dict
        ``{notebook stem: {name: value}}``.

    Raises
    ------
    ReportError
        For an unknown name, a runner-owned name, or a value of the wrong type.
    """
    stems = list(stems)
    declared = {s: declared_parameters(s) for s in stems}
    merged: dict[str, tuple[Any, str]] = {}
    for name, value in (file_params or {}).items():
        merged[name] = (value, "-f")
    for name, value in (cli_params or {}).items():
        merged[name] = (value, "-p")
    out: dict[str, dict[str, Any]] = {s: {} for s in stems}
    for name, (value, source) in merged.items():
        if name in RUNNER_PARAMETERS:
            raise ReportError(
                f"parameter '{name}' is set by research-report itself: "
                + ("give articles as arguments." if name == "article_path" else "use --out.")
            )
        owners = [s for s in stems if name in declared[s]]
        if not owners:
            known = sorted({n for d in declared.values() for n in d} - set(RUNNER_PARAMETERS))
            raise ReportError(
                f"unknown parameter '{name}' ({source}); the notebooks declare: {', '.join(known)}."
            )
        for s in owners:
            out[s][name] = _coerce(name, value, declared[s][name], source)
    return out


def _check_paths(params: dict[str, Any]) -> None:
    """Fail early on parameters that name files (``*_path(s)``, ``*_lexicon``, ``*_file``) that do not exist."""
    for name, value in params.items():
        values = value if isinstance(value, list) else [value]
        if not (name.endswith(("_path", "_paths", "_lexicon", "_file"))):
            continue
        for v in values:
            if isinstance(v, str) and v and not Path(v).is_file():
                raise ReportError(f"parameter '{name}': {v} is not a file; check the path.")


# --------------------------------------------------------------------------- execution


def _clean_notebook(nb: nbformat.NotebookNode) -> None:
    """Drop timestamps and durations so that two builds give identical files."""
    nb.metadata.pop("papermill", None)
    for key in ("widgets",):
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id


def _execute(
    stem: str, article: Path, params: dict[str, Any], build: Path, timeout: int
) -> nbformat.NotebookNode:
    """Execute one notebook into ``build/<stem>.ipynb``; return the executed notebook."""
    import papermill
    from jupyter_client.manager import KernelManager
    from papermill.exceptions import PapermillExecutionError

    out_nb = build / f"{stem}.ipynb"
    parameters = {"article_path": str(article), "output_dir": str(build), **params}
    # The kernel talks to us over local Unix sockets (ipc), not TCP ports on localhost.
    sockets = Path(tempfile.mkdtemp(prefix="rr-kernel-"))
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "k"))
    try:
        nb = papermill.execute_notebook(
            str(notebook_path(stem)),
            str(out_nb),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(NOTEBOOKS_DIR),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            km=km,
        )
    except PapermillExecutionError as exc:
        raise ReportError(
            f"{stem} failed in cell {exc.exec_count or exc.cell_index}: {exc.ename}: {exc.evalue}"
        ) from None
    finally:
        if km.has_kernel:  # a kernel manager we pass in is ours to shut down
            km.shutdown_kernel(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
    _clean_notebook(nb)
    nbformat.write(nb, out_nb)
    return nb


_ALLOWED_TAGS = frozenset(
    """a abbr b blockquote br caption code col colgroup dd del details div dl dt em figcaption figure
    h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strong style sub summary sup
    table tbody td tfoot th thead tr u ul""".split()
)
_ALLOWED_ATTRS = {
    "*": ["class", "id", "title", "align"],
    "a": ["href", "title", "class", "id"],
    "img": ["src", "alt", "width", "height", "class"],
    "td": ["colspan", "rowspan", "class"],
    "th": ["colspan", "rowspan", "class"],
    "style": ["scoped", "type"],
}


def clean_html(element: str | bytes) -> str:
    """Sanitise rendered HTML with ammonia (nh3): keep document structure, tables, images
    and styles; drop scripts, event handlers, forms, frames and ``javascript:`` links
    (their text stays)."""
    import nh3

    text = element.decode() if isinstance(element, bytes) else str(element)
    return nh3.clean(
        text,
        tags=set(_ALLOWED_TAGS),
        attributes={k: set(v) for k, v in _ALLOWED_ATTRS.items()},
        url_schemes={"http", "https", "mailto", "data"},
        clean_content_tags={"script"},
        strip_comments=True,
        link_rel=None,
    )


_FOCUSABLE = re.compile(r'<div class="((?:[^"]* )?(?:jp-Cell-inputWrapper|jp-OutputArea-output)(?: [^"]*)?)"')


@functools.lru_cache(maxsize=2)
def _exporter(code: bool) -> Any:
    """One HTML exporter per variant, built once (template loading is the slow part)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):  # type: ignore[misc]
        """HTMLExporter without its closing BeautifulSoup pass, which re-parses the whole
        page (a second or more per report) only to add alt text to images (our template
        writes it) and ``tabindex`` to cells (added below by a substitution)."""

        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> tuple[str, Any]:
            lang = nb.metadata.get("language_info", {})
            lexer = lang.get("pygments_lexer", lang.get("name"))
            self.register_filter(
                "highlight_code",
                self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)),
            )
            resources = self._init_resources(resources)
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
            )
            body, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _FOCUSABLE.sub(r'<div tabindex="0" class="\1"', body), resources

    exporter = ReportExporter(
        template_name="research_report",
        extra_template_basedirs=[str(PACKAGE_DIR / "templates")],
        embed_images=True,
        exclude_input=not code,
        exclude_input_prompt=not code,
        exclude_output_prompt=not code,
        sanitize_html=True,
    )
    exporter.register_filter("clean_html", clean_html)
    return exporter


def render_html(executed: Path, *, code: bool = True) -> str:
    """Render an executed notebook to one self-contained, script-free HTML page.

    Parameters
    ----------
    executed : Path
        An executed ``.ipynb``.
    code : bool
        False hides input cells (the reader's version).
    """
    return _render(nbformat.read(executed, as_version=4), executed.stem, code)


def _render(nb: nbformat.NotebookNode, name: str, code: bool) -> str:
    body, _ = _exporter(code).from_notebook_node(nb, resources={"metadata": {"name": name}})
    return str(body)


def _index_html(article: Article, stems: list[str], results: dict[str, Any]) -> str:
    esc = html.escape
    meta = article.meta
    date = meta.get("date", "")
    if date and meta.get("date_approximate"):
        date = f"about {date}"
    rows = "\n".join(
        f'<li><a href="{esc(s)}.reader.html">{esc(_TITLES.get(s, s))}</a> '
        f'(<a href="{esc(s)}.html">with code</a>, <a href="{esc(s)}.ipynb">notebook</a>)</li>'
        for s in stems
    )
    tables = sorted(p for p in results.get("_tables", []))
    table_rows = "\n".join(f'<li><a href="tables/{esc(t)}">{esc(t)}</a></li>' for t in tables)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Reports: {esc(article.title or article.slug)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5;padding:0 1rem}}
dt{{font-weight:600}} code{{background:#f3f3f3;padding:0 .2rem}}</style></head>
<body>
<h1>{esc(article.title or article.slug)}</h1>
<dl>
<dt>Outlet</dt><dd>{esc(str(meta.get("outlet", "not given")))}</dd>
<dt>Date</dt><dd>{esc(str(date or "not given"))}</dd>
<dt>File</dt><dd><code>{esc(Path(article.path or "").name)}</code>, SHA-256 <code>{esc(article.sha256)}</code></dd>
</dl>
<h2>Reports</h2>
<p>Each report opens without code; "with code" shows every cell that produced it.</p>
<ul>
{rows}
</ul>
<p>Headline numbers for scripts: <a href="results.json">results.json</a>.</p>
<h2>Tables (CSV)</h2>
<ul>
{table_rows}
</ul>
</body></html>
"""


_TITLES = {
    "01_text_statistics": "Text statistics",
    "02_stance_comparison": "Stance comparison",
    "03_framing_analysis": "Framing analysis",
}


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _results(
    article: Article, article_path: Path, stems: list[str], params: dict[str, dict[str, Any]], build: Path
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
        },
        "parameters": {s: jsonable(params.get(s, {})) for s in stems},
        "notebooks": stems,
        "provenance": environment(),
    }
    for frag in sorted((build / "results").glob("*.json")):
        results[frag.stem] = json.loads(frag.read_text(encoding="utf-8"))
    return results


def build_report(
    article_path: str | Path,
    out_dir: str | Path,
    *,
    stems: Iterable[str] = NOTEBOOKS,
    params: dict[str, dict[str, Any]] | None = None,
    jobs: int = 3,
    timeout: int = CELL_TIMEOUT_S,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Build every report of one article and move it into ``out_dir/<slug>``.

    Parameters
    ----------
    article_path : str or Path
        The article file.
    out_dir : str or Path
        Parent folder of the report folder.
    stems : iterable of str
        Notebooks to run (default: all, in order).
    params : dict, optional
        ``{stem: {name: value}}`` from :func:`check_parameters`.
    jobs : int
        Notebooks executed at the same time.
    timeout : int
        Per-cell timeout in seconds.
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
    ReportError
        When a notebook fails; the previous report is left untouched.
    """
    say = progress or (lambda _msg: None)
    stems = list(stems)
    params = params or {s: {} for s in stems}
    article_path = Path(article_path).resolve()
    article = load_article(article_path)
    for s in stems:
        _check_paths(params.get(s, {}))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / article.slug
    # A fixed build name keeps the paths injected into the notebooks, and so the
    # reports, identical from one build to the next; a leftover from a killed run is cleared.
    build = out_dir / f".build-{article.slug}"
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir()
    try:
        (build / "tables").mkdir()
        (build / "results").mkdir()
        say(f"{article.slug}: running {len(stems)} notebook(s) on {article_path.name}")
        started = {s: time.monotonic() for s in stems}
        # One thread per notebook, and one that loads the HTML templates while the kernels
        # start rather than after the last one ends.
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs) + 1)
        exporters_ready = pool.submit(lambda: (_exporter(True), _exporter(False)))
        interrupted = False
        try:
            futures = {
                pool.submit(_execute, s, article_path, params.get(s, {}), build, timeout): s for s in stems
            }
            for s in stems:
                say(f"  {s}: started")
            pending = set(futures)
            while pending:
                # Poll, so that an interrupt (see INTERRUPT) is seen while kernels run.
                done, pending = concurrent.futures.wait(
                    pending, timeout=0.2, return_when=concurrent.futures.FIRST_COMPLETED
                )
                if INTERRUPT.is_set():
                    interrupted = True
                    raise KeyboardInterrupt
                for fut in done:
                    s = futures[fut]
                    executed = fut.result()  # a ReportError propagates; the finally cleans up
                    say(f"  {s}: executed in {time.monotonic() - started[s]:.0f} s; rendering HTML")
                    exporters_ready.result()
                    (build / f"{s}.html").write_text(_render(executed, s, code=True), encoding="utf-8")
                    (build / f"{s}.reader.html").write_text(
                        _render(executed, s, code=False), encoding="utf-8"
                    )
        finally:
            # After an interrupt do not wait for running kernels: they stop when this process exits.
            pool.shutdown(wait=not interrupted, cancel_futures=True)
        results = _results(article, article_path, stems, params, build)
        (build / "results.json").write_text(
            json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        shutil.rmtree(build / "results")
        results["_tables"] = [p.name for p in (build / "tables").glob("*.csv")]
        (build / "index.html").write_text(_index_html(article, stems, results), encoding="utf-8")
        _swap_into_place(build, final)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    say(f"{article.slug}: report written to {final}")
    return final


def _swap_into_place(build: Path, final: Path) -> None:
    """Replace ``final`` with ``build`` so that a reader never sees a half-written folder."""
    os.chmod(build, 0o755)
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f".old-{final.name}-", dir=final.parent))
        old.rmdir()
        final.rename(old)
        try:
            build.rename(final)
        except BaseException:
            old.rename(final)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        build.rename(final)
