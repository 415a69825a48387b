"""The one call that sets up an analysis notebook, and what every notebook shows the same way.

Each notebook starts with::

    from research_utils.notebook import start
    nb = start("01_text_statistics", globals())

which reads the notebook's parameters (the names its ``parameters`` cell declares, with
the values papermill injected or the defaults), loads the main article and the
comparison articles once as a :class:`~research_utils.ingest.Corpus`, sets the plot
style and display options, and makes the :class:`~research_utils.export.Exporter` that
writes tables and results when ``output_dir`` is set. ``nb.header()`` is the table of
what was analysed, ``nb.warnings()`` the doubts about the input, ``nb.provenance()`` the
closing record of files, parameters and versions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.export import Exporter, provenance
from research_utils.ingest import Corpus, Document, load_article
from research_utils.lexicons.pack import DEFAULT_PACK, Pack, load_pack

__all__ = ["CorpusNotebook", "Notebook", "start", "start_corpus"]


@dataclass
class Notebook:
    """What a running analysis notebook shares between its cells.

    Attributes
    ----------
    stem : str
        The notebook (``01_text_statistics``).
    params : dict
        Every declared parameter with its value in this run.
    corpus : Corpus
        The main article first, then the comparison articles.
    out : Exporter
        Writes ``tables/*.csv`` and ``results/<section>.json`` when ``output_dir`` is set.
    """

    stem: str
    params: dict[str, Any]
    corpus: Corpus
    out: Exporter
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def main(self) -> Document:
        """The article the report is about."""
        return self.corpus.main

    @property
    def interactive(self) -> bool:
        """True in JupyterLab (Run All), False when ``research-report`` builds the report."""
        return not os.environ.get("RESEARCH_REPORT_BUILD")

    def explorer(self) -> Any:
        """The explorer (:func:`research_utils.explore.explore`) on this notebook's articles in
        JupyterLab; in a built report, one line saying how to open it."""
        if not self.interactive:
            from IPython.display import Markdown

            return Markdown(
                "*In JupyterLab this cell opens the explorer: a concordance search box and a sentence "
                "browser filtered by actor, speaker, frame, naming set and voice "
                "(`from research_utils.explore import explore; explore(path)`).*"
            )
        from research_utils.explore import explore

        return explore(self.corpus, pack=str(self.params.get("pack") or ""))

    @property
    def pack(self) -> Pack:
        """The topic pack named by the ``pack`` parameter (the default pack without one)."""
        return load_pack(self.params.get("pack") or DEFAULT_PACK)

    def topic(self, key: str, notes: list[str] | None = None) -> Any:
        """A Markdown block: the topic pack, its research question for report ``key``, and
        ``notes`` (one line each on an analysis the pack's lexicons do not apply to)."""
        return topic_block(self.pack, key, notes)

    @staticmethod
    def does_not_apply(note: str) -> Any:
        """``note`` as one Markdown line ("*Does not apply:* ..."), or nothing when it is ""."""
        from IPython.display import Markdown

        return Markdown(f"*Does not apply:* {note}") if note else None

    @property
    def compared(self) -> bool:
        """True when comparison articles were given."""
        return len(self.corpus) > 1

    def header(self) -> pd.DataFrame:
        """Title, deck, outlet, date, file name, encoding and fingerprint of every article."""
        rows = []
        for doc in self.corpus:
            meta = doc.meta
            date = str(meta.get("date", "not given"))
            if meta.get("date_approximate"):
                date += " (approximate)"
            role = "main article" if doc is self.main else "comparison"
            rows += [
                (doc.slug, role, "title", doc.title),
                (doc.slug, role, "deck (standfirst)", doc.deck),
                (doc.slug, role, "outlet", meta.get("outlet", "not given")),
                (doc.slug, role, "date", date),
                (doc.slug, role, "date note", meta.get("date_note", "")),
                (doc.slug, role, "url", meta.get("url", "")),
                (doc.slug, role, "file", Path(doc.path).name if doc.path else "(text)"),
                (doc.slug, role, "encoding", doc.encoding),
                (doc.slug, role, "sha256", doc.sha256),
            ]
        df = pd.DataFrame(rows, columns=["article", "role", "field", "value"])
        if not self.compared:
            df = df.drop(columns=["article", "role"])
        df = df.set_index("field") if not self.compared else df
        df.attrs["table"] = "article_header"
        return df

    def warning_list(self) -> list[str]:
        """Every doubt about the inputs, each prefixed with its article when several are analysed."""
        out = []
        for doc in self.corpus:
            for w in doc.all_warnings:
                out.append(f"{doc.slug}: {w}" if self.compared else w)
        return out

    def warnings(self) -> Any:
        """A Markdown block listing :meth:`warning_list` (or a line saying there are none)."""
        from IPython.display import Markdown

        found = self.warning_list()
        if not found:
            return Markdown(
                "*No doubts about the input were found (encoding, HTML, language, sentence length).*"
            )
        items = "\n".join(f"* {w}" for w in found)
        return Markdown(f"**Read with care.** Doubts about the input:\n\n{items}")

    def provenance(self) -> pd.DataFrame:
        """Article fingerprints, the parameters of this run, package versions, project commit."""
        files = [Path(d.path).name if d.path else d.slug for d in self.corpus]
        return _named(provenance(files, [d.sha256 for d in self.corpus], self.params), "provenance")


def _named(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` named after its caption in ``report/tables.yaml``."""
    df.attrs["table"] = name
    return df


def topic_block(pack: Pack, key: str, notes: list[str] | None = None) -> Any:
    """Markdown naming the topic pack, its research question for report ``key`` and ``notes``."""
    from IPython.display import Markdown

    text = f"**Topic pack:** `{pack.shown_path}`. {' '.join(str(pack.meta['description']).split())}"
    question = pack.question(key)
    if question:
        text += f"\n\n**The pack's research question.** {question}"
    for note in notes or []:
        if note:
            text += f"\n\n*Does not apply:* {note}"
    return Markdown(text)


def _tables() -> None:
    """How the kernel shows tables. In a report build, every DataFrame as a table for readers
    (:func:`research_utils.views.table_html`: caption, no index, rounded numbers, long tables
    folded), which the report pages make searchable themselves. In JupyterLab, with itables
    (search, sort, pages; its JavaScript is embedded in the notebook, so it works offline),
    text left-aligned and wrapped so that a sentence column stays on the screen."""
    if os.environ.get("RESEARCH_REPORT_BUILD"):
        from research_utils.views import use_reader_tables

        use_reader_tables()
        return
    try:
        import itables
    except ImportError:  # pragma: no cover - a declared dependency
        return
    itables.options.classes = "display compact"  # not "nowrap": long sentences wrap
    itables.options.columnDefs = [{"className": "dt-left", "targets": "_all"}]
    itables.init_notebook_mode(all_interactive=True, connected=False)


def _parameters(stem: str, namespace: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter notebook ``stem`` declares, with its value in ``namespace``, in order.

    The names come from the one reader of the ``parameters`` cell,
    :func:`research_utils.report.parameters.declared_parameters` (:mod:`ast` on the
    notebook's JSON: importing papermill or nbformat in every kernel would cost more than
    the rest of the set-up).
    """
    from research_utils.report.parameters import declared_parameters

    return {name: namespace[name] for name in declared_parameters(stem) if name in namespace}


def start(stem: str, namespace: Mapping[str, Any]) -> Notebook:
    """Set up notebook ``stem`` from its global namespace (pass ``globals()``).

    Parameters
    ----------
    stem : str
        The notebook's stem, as in the registry of analyses.
    namespace : mapping
        The notebook's globals, holding its parameters.

    Returns
    -------
    Notebook
    """
    from research_utils.plots import style

    params = _parameters(stem, namespace)
    main = load_article(params["article_path"], meta=params.get("meta") or None)
    corpus = Corpus.of([main, *(load_article(p) for p in params.get("compare_paths", []))])
    pd.set_option("display.max_colwidth", 220)
    pd.set_option("display.max_rows", 200)
    style()
    _tables()
    return Notebook(stem=stem, params=params, corpus=corpus, out=Exporter(params.get("output_dir", "")))


@dataclass
class CorpusNotebook:
    """What the corpus comparison notebook shares between its cells.

    Attributes
    ----------
    stem : str
        The notebook.
    params : dict
        Every declared parameter with its value in this run.
    tables : dict of DataFrame
        The per-article tables (:data:`research_utils.analyses.corpus.tables.TABLES`).
    articles : DataFrame
        The ``articles`` table with each article's ``group``.
    failed : list of dict
        Files that could not be read: ``path`` and ``reason``.
    out : Exporter
    """

    stem: str
    params: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    articles: pd.DataFrame
    failed: list[dict[str, str]]
    out: Exporter
    files: dict[str, str] = field(default_factory=dict)

    @property
    def pack(self) -> Pack:
        """The topic pack named by the ``pack`` parameter (the default pack without one)."""
        return load_pack(self.params.get("pack") or DEFAULT_PACK)

    @property
    def interactive(self) -> bool:
        """True in JupyterLab (Run All), False when ``research-report`` builds the report."""
        return not os.environ.get("RESEARCH_REPORT_BUILD")

    def explorer(self) -> Any:
        """The corpus explorer (:func:`research_utils.explore.explore_groups`: pick a group, see
        its articles and browse their sentences) in JupyterLab; in a built report, one line."""
        if not self.interactive:
            from IPython.display import Markdown

            return Markdown(
                "*In JupyterLab this cell opens the corpus explorer: pick a group, see its articles, "
                "and browse their sentences by actor, speaker, frame, naming set and voice.*"
            )
        from research_utils.explore import explore_groups

        return explore_groups(self.articles, self.files, pack=str(self.params.get("pack") or ""))

    def topic(self) -> Any:
        """A Markdown block: the topic pack and its research question for a corpus."""
        return topic_block(self.pack, "corpus")

    @property
    def naming_sides(self) -> dict[str, str]:
        """Whose usage naming sides A and B are, in the topic pack's words."""
        from research_utils.analyses import framing

        return framing.naming_sides(framing.load_lexicons(pack=self.params.get("pack") or DEFAULT_PACK))

    @property
    def groups(self) -> list[str]:
        """The groups, sorted."""
        return sorted(self.articles["group"].unique().tolist())

    def header(self) -> pd.DataFrame:
        """Name, grouping, number of articles and groups, files that failed."""
        rows = [
            ("corpus", self.params.get("corpus_name", "")),
            ("grouped by", self.params.get("group_by", "")),
            ("articles", f"{len(self.articles):,}"),
            (
                "groups",
                f"{len(self.groups):,}: {', '.join(self.groups[:12])}{' ...' if len(self.groups) > 12 else ''}",
            ),
            ("words", f"{int(self.articles['words'].sum()):,}"),
            ("files that could not be read", f"{len(self.failed):,}"),
        ]
        return _named(pd.DataFrame(rows, columns=["field", "value"]).set_index("field"), "corpus_header")

    def provenance(self) -> pd.DataFrame:
        """What was analysed (the corpus, its articles and their joint fingerprint, the
        grouping), the parameters of this run, package versions and the project commit.
        Each article's own SHA-256 is in the article table."""
        import hashlib

        hashes = sorted(str(h) for h in self.articles.get("sha256", pd.Series(dtype=str)).dropna())
        joint = hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest() if hashes else "–"
        folders = sorted({str(p).split("/")[0] for p in self.articles.get("path", pd.Series(dtype=str))})
        what = pd.DataFrame(
            [
                ("corpus", str(self.params.get("corpus_name", ""))),
                (
                    "articles analysed",
                    f"{len(self.articles):,} (each with its SHA-256 in corpus_articles.csv)",
                ),
                ("read from", ", ".join(folders[:12]) + (" ..." if len(folders) > 12 else "")),
                ("files that could not be read", f"{len(self.failed):,}"),
                ("grouped by", str(self.params.get("group_by", ""))),
                ("corpus fingerprint (SHA-256 of the articles' SHA-256s, sorted)", joint),
            ],
            columns=["item", "value"],
        )
        rows = pd.concat([what, provenance([], [], self.params)], ignore_index=True)
        return _named(rows, "provenance")


def start_corpus(stem: str, namespace: Mapping[str, Any]) -> CorpusNotebook:
    """Set up the corpus notebook ``stem`` from its globals (pass ``globals()``).

    With ``data_dir`` set (``research-report --corpus`` does) the per-article tables are read
    from its Parquet files; with ``data_dir`` empty (Run All in JupyterLab) the files and
    folders of ``corpus_folders`` are analysed here first, in this process.
    """
    import json
    import tempfile

    from research_utils.analyses.corpus import corpus_options, run, tables
    from research_utils.plots import style

    params = _parameters(stem, namespace)
    data_dir = params.get("data_dir", "")
    failed: list[dict[str, str]] = []
    paths: dict[str, str] = {}
    if not data_dir:
        data_dir = tempfile.mkdtemp(prefix="corpus-")
        options = corpus_options(params.get("pack") or DEFAULT_PACK)
        files = run.plan(run.discover(params.get("corpus_folders", [])), run.settings_fingerprint(options))
        paths = {f.slug: f.path for f in files}
        result = run.run_corpus(files, Path(data_dir), options, scheduler="synchronous")
        failed = result["failed"]
    elif (Path(data_dir) / "failed.json").is_file():
        failed = json.loads((Path(data_dir) / "failed.json").read_text(encoding="utf-8"))
    loaded = tables.load_tables(data_dir)
    articles = tables.with_groups(loaded["articles"], params.get("group_by", "outlet"))
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.max_rows", 200)
    style()
    _tables()
    return CorpusNotebook(
        stem=stem,
        params=params,
        tables=loaded,
        articles=articles,
        failed=failed,
        out=Exporter(params.get("output_dir", "")),
        files=paths,
    )
