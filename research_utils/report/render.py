"""Render executed notebooks to self-contained, sanitised HTML pages.

Each page is one file with its images embedded. The HTML that notebook outputs carry is
cleaned with ammonia (nh3): document structure, tables, images and styles stay;
scripts, event handlers, forms, frames and ``javascript:`` links go (their text stays).
The page template (``templates/research_report``) adds one script of the package's own,
``tables.js`` (search and sort every table), and a Content-Security-Policy that admits
that script by its SHA-256 hash and nothing else.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import nbformat

from research_utils.paths import PACKAGE_DIR

__all__ = ["NOTEBOOK_ONLY", "clean_html", "exporters", "render", "render_html"]

NOTEBOOK_ONLY = "notebook-only"
"""Cell tag: shown in JupyterLab and on the page with code, left out of the reader's page."""


_ALLOWED_TAGS = frozenset(
    """a abbr b blockquote br caption code col colgroup dd del details div dl dt em figcaption figure
    h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strong style sub summary sup
    table tbody td tfoot th thead tr u ul wbr""".split()
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
def exporter(code: bool) -> Any:
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

    from traitlets.config import Config

    # The reader's page leaves out the cells only a notebook user needs (how to rerun it,
    # the explorer, which needs a kernel): they carry the tag ``notebook-only``.
    config = Config({"TagRemovePreprocessor": {"remove_cell_tags": set() if code else {NOTEBOOK_ONLY}}})
    exporter = ReportExporter(
        config=config,
        template_name="research_report",
        extra_template_basedirs=[str(PACKAGE_DIR / "templates")],
        embed_images=False,  # markdown cells hold no images; True re-parses <details> blocks apart
        exclude_input=not code,
        exclude_input_prompt=not code,
        exclude_output_prompt=not code,
        sanitize_html=True,
    )
    exporter.register_filter("clean_html", clean_html)
    if not code:
        exporter.register_preprocessor(_without_stderr, enabled=True)
    return exporter


def _without_stderr(nb: Any, resources: Any) -> tuple[Any, Any]:
    """The reader's page shows no warnings a kernel printed (they are for the page with code,
    and may name folders of the machine)."""
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [
                o
                for o in cell.outputs
                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
    return nb, resources


def render_html(executed: Path, *, code: bool = True) -> str:
    """Render an executed notebook to one self-contained, script-free HTML page.

    Parameters
    ----------
    executed : Path
        An executed ``.ipynb``.
    code : bool
        False hides input cells (the reader's version).
    """
    return render(nbformat.read(executed, as_version=4), executed.stem, code)


TABLES_JS: Path = PACKAGE_DIR / "templates" / "research_report" / "tables.js"
"""The one script a report page runs: search and sort for its tables."""


@functools.lru_cache(maxsize=1)
def tables_script() -> tuple[str, str]:
    """The table script and the base64 SHA-256 of its text, for the page's CSP."""
    import base64
    import hashlib

    js = TABLES_JS.read_text(encoding="utf-8")
    return js, base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


def foreign_scripts(page: str) -> list[str]:
    """The ``<script>`` elements of a rendered page other than the package's table script."""
    js, _ = tables_script()
    found = re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.S | re.I)
    opened = len(re.findall(r"<script\b", page, flags=re.I))
    return [s for s in found if s.strip() != js.strip()] + ["<unclosed>"] * (opened - len(found))


def render(nb: nbformat.NotebookNode, name: str, code: bool) -> str:
    """Render an executed notebook node (``code=False``: the reader's version without code)."""
    js, digest = tables_script()
    resources = {"metadata": {"name": name}, "tables_js": js, "tables_js_sha256": digest}
    body, _ = exporter(code).from_notebook_node(nb, resources=resources)
    return str(body)


def exporters() -> None:
    """Load both exporters (their templates) ahead of use, e.g. while kernels start."""
    exporter(True)
    exporter(False)
