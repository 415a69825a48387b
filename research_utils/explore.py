"""Explore an article or a corpus in JupyterLab: a concordance search box and a sentence browser.

In a notebook cell::

    from research_utils.explore import explore
    explore("data/articles/rt_2022-04_russia_ukraine_talks.txt")   # or a Document, a Corpus, a list

opens two tabs. **Concordance**: type terms (comma-separated; a trailing ``*`` matches any
ending, phrases allowed), choose the window and a voice; every match is listed with its
context, sentence and voice. **Sentences**: filter the body sentences by actor, speaker,
frame, naming set, voice and free text; each row shows its article, section, voice and
what it matched.

For a corpus, :func:`explore_groups` (the corpus notebook's last section) picks a group
and shows its articles, then the same sentence browser and concordance over them.

The widgets are thin: :func:`sentence_table`, :func:`filter_sentences`,
:func:`concordance` and :func:`group_articles` do the work and return DataFrames (tested
without a browser). Their tables are shown as the reports show tables
(:func:`research_utils.views.table_html`): text left-aligned and wrapped, so that the
sentence column stays on the screen however long the sentences are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.ingest import Corpus, CorpusLike, as_corpus

__all__ = [
    "ALL",
    "concordance",
    "explore",
    "explore_groups",
    "filter_sentences",
    "group_articles",
    "sentence_table",
]

ALL = "(all)"
"""The choice that does not filter."""

SENTENCE_COLUMNS = [
    "article",
    "sentence_id",
    "sentence",
    "voice",
    "actors",
    "speakers",
    "frames",
    "naming",
    "section",
]
"""The sentence browser's columns: the sentence early, so that it stays on the screen."""


def _joined(df: pd.DataFrame, column: str) -> pd.Series:
    """The distinct values of ``column`` per (article, sentence_id), joined by ``; ``."""
    if df.empty:
        return pd.Series(dtype=object)
    values = df[["article", "sentence_id", column]].dropna()
    values = values[values[column].astype(str) != ""]
    return values.groupby(["article", "sentence_id"], sort=False)[column].agg(
        lambda v: "; ".join(dict.fromkeys(str(x) for x in v))
    )


def sentence_table(x: CorpusLike, stance_lexicons: Any = None, framing_lexicons: Any = None) -> pd.DataFrame:
    """Every body sentence with the actors, speakers, frames and naming sets found in it.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``sentence``, ``voice`` (author / quoted: at least half
        of the sentence inside quotation marks), ``actors`` (actor labels mentioned),
        ``speakers`` (the resolved names of the speakers attributed there), ``frames``
        (frames with a cue, ``scheme: frame``), ``naming`` (naming sets used, with side),
        ``section``. Multiple values are joined by ``; ``.
    """
    from research_utils.analyses import framing, stance

    corpus = as_corpus(x)
    sents = pd.concat([d.sentences for d in corpus], ignore_index=True)
    mentions = stance.actor_mentions(corpus, stance_lexicons)
    attr = stance.attributions(corpus, stance_lexicons)
    if "speaker_name" in attr.columns:
        attr = attr.assign(
            who=attr["speaker_name"].where(attr["speaker_name"].astype(str) != "", attr["speaker"])
        )
    else:
        attr = attr.assign(who=attr["speaker"])
    frames = framing.frame_hits(corpus, framing_lexicons, "all")
    frames = frames.assign(frame_label=frames["scheme"].astype(str) + ": " + frames["frame"].astype(str))
    naming = framing.naming_hits(corpus, framing_lexicons)  # no rows when no naming term occurs
    naming = naming.assign(
        naming_label=naming["set"].astype(str) + " (" + naming["side"].astype(str).str.lower() + ")"
    )
    key = ["article", "sentence_id"]
    out = sents[[*key, "section", "voice", "sentence"]].set_index(key)
    out["actors"] = _joined(mentions, "label")
    out["speakers"] = _joined(attr, "who")
    out["frames"] = _joined(frames, "frame_label")
    out["naming"] = _joined(naming, "naming_label")
    return out.fillna("").reset_index()[SENTENCE_COLUMNS]


def _has(column: pd.Series, value: str) -> pd.Series:
    return column.astype(str).str.split("; ").apply(lambda parts: value in parts)


def filter_sentences(
    table: pd.DataFrame,
    *,
    actor: str = ALL,
    speaker: str = ALL,
    frame: str = ALL,
    naming: str = ALL,
    voice: str = ALL,
    text: str = "",
    article: str = ALL,
) -> pd.DataFrame:
    """The rows of a :func:`sentence_table` that match every filter (``(all)`` does not filter).

    ``text`` keeps sentences that contain every word of it (case-insensitive).
    """
    keep = pd.Series(True, index=table.index)
    for column, value in (("actors", actor), ("speakers", speaker), ("frames", frame), ("naming", naming)):
        if value != ALL:
            keep &= _has(table[column], value)
    if voice != ALL:
        keep &= table["voice"] == voice
    if article != ALL:
        keep &= table["article"] == article
    for word in text.lower().split():
        keep &= table["sentence"].str.lower().str.contains(word, regex=False)
    return table[keep].reset_index(drop=True)


def choices(table: pd.DataFrame, column: str) -> list[str]:
    """``(all)`` and the distinct values of a joined column, sorted."""
    values = {v for cell in table[column].astype(str) for v in cell.split("; ") if v}
    return [ALL, *sorted(values)]


def concordance(x: CorpusLike, terms: str, window: int = 6, voice: str = ALL) -> pd.DataFrame:
    """Keyword in context for ``terms`` (comma-separated; ``*`` wildcards, phrases allowed).

    Returns the columns of :func:`research_utils.analyses.textstats.kwic`, filtered by voice.
    """
    from research_utils.analyses import textstats

    queries = [t.strip() for t in terms.split(",") if t.strip()]
    if not queries:
        return pd.DataFrame(
            columns=["article", "term", "sentence_id", "left", "match", "right", "voice", "sentence"]
        )
    table = textstats.kwic(as_corpus(x), queries, window=window)
    if voice != ALL:
        table = table[table["voice"] == voice]
    return table.reset_index(drop=True)


def explore(
    x: CorpusLike,
    stance_lexicons: Any = None,
    framing_lexicons: Any = None,
    rows: int = 200,
    pack: str = "",
) -> Any:
    """Open the explorer on ``x`` (a path, a text, a Document, a Corpus, or a list of these).

    ``pack`` names the topic pack whose actors and naming sets the filters offer ("" = the
    default pack); lexicon bundles given explicitly win. Returns an ``ipywidgets`` widget;
    show it as a cell's value.
    """
    import ipywidgets as w

    from research_utils.analyses import framing, stance

    if pack and stance_lexicons is None:
        stance_lexicons = stance.load_stance_lexicons(pack=pack)
    if pack and framing_lexicons is None:
        framing_lexicons = framing.load_lexicons(pack=pack)
    corpus: Corpus = as_corpus(x)
    table = sentence_table(corpus, stance_lexicons, framing_lexicons)
    results: dict[str, pd.DataFrame] = {}

    shown_html: dict[str, str] = {}

    def shown(df: pd.DataFrame, what: str) -> None:
        if what == "matches":  # the context, then where it is; the whole sentence is in the CSV
            order = ["article", "left", "match", "right", "voice", "term", "sentence_id"]
            shown_html["concordance"] = _show_table(df[[c for c in order if c in df.columns]], what, rows)
        else:
            shown_html["sentences"] = _show_table(df, what, rows)

    # Concordance tab
    terms = w.Text(value="", placeholder="e.g. neutral*, NATO, security guarantee*", description="Terms")
    window = w.IntSlider(value=6, min=1, max=20, description="Window")
    kwic_voice = w.Dropdown(options=[ALL, "author", "quoted"], value=ALL, description="Voice")
    kwic_out = w.Output()

    def update_kwic(_: Any = None) -> None:
        kwic_out.clear_output()
        with kwic_out:
            if terms.value.strip():
                results["concordance"] = concordance(corpus, terms.value, window.value, kwic_voice.value)
                shown(results["concordance"], "matches")
            else:
                print("Type one or more terms, separated by commas.")

    for control in (terms, window, kwic_voice):
        control.observe(update_kwic, names="value")
    update_kwic()

    # Sentences tab
    pickers = {
        "article": w.Dropdown(options=[ALL, *corpus.slugs], value=ALL, description="Article"),
        "actor": w.Dropdown(options=choices(table, "actors"), value=ALL, description="Actor"),
        "speaker": w.Dropdown(options=choices(table, "speakers"), value=ALL, description="Speaker"),
        "frame": w.Dropdown(options=choices(table, "frames"), value=ALL, description="Frame"),
        "naming": w.Dropdown(options=choices(table, "naming"), value=ALL, description="Naming set"),
        "voice": w.Dropdown(options=[ALL, "author", "quoted"], value=ALL, description="Voice"),
    }
    text = w.Text(value="", placeholder="words the sentence must contain", description="Contains")
    sent_out = w.Output()

    def update_sentences(_: Any = None) -> None:
        sent_out.clear_output()
        with sent_out:
            results["sentences"] = filter_sentences(
                table, text=text.value, **{k: p.value for k, p in pickers.items()}
            )
            shown(results["sentences"], "sentences")

    for control in (*pickers.values(), text):
        control.observe(update_sentences, names="value")
    update_sentences()

    tabs = w.Tab(
        children=[
            w.VBox([w.HBox([terms, window, kwic_voice]), kwic_out]),
            w.VBox(
                [w.HBox(list(pickers.values())[:3]), w.HBox([*list(pickers.values())[3:], text]), sent_out]
            ),
        ]
    )
    tabs.set_title(0, "Concordance")
    tabs.set_title(1, "Sentences")
    # What is shown and the controls, for scripts and tests: tabs.results["sentences"] ...
    tabs.results = results
    tabs.html = shown_html
    tabs.controls = {"terms": terms, "window": window, "kwic_voice": kwic_voice, "text": text, **pickers}
    return tabs


def _show_table(df: pd.DataFrame, what: str, rows: int) -> str:
    """Show an explorer table as the reports do: left-aligned, wrapped, at most ``rows`` rows;
    return the HTML shown ("" for the line that says there is nothing)."""
    from IPython.display import HTML, display

    from research_utils.views import table_html

    if df.empty:
        print(f"No {what}.")
        return ""
    if "article" in df.columns and df["article"].nunique() == 1 and not what.startswith("articles"):
        df = df.drop(columns="article")  # one article: its name on every row says nothing
    if len(df) == 1:  # "1 article in the group", "1 match"
        what = re.sub(r"^(article|sentence|match)(e?s)\b", r"\1", what)
    caption = f"{len(df):,} {what}" + (f" (first {rows} shown)" if len(df) > rows else "")
    with pd.option_context("display.max_colwidth", 400):
        page = table_html(df.head(rows), caption=caption, fold=False, style=True)
    display(HTML(page))
    return page


GROUP_COLUMNS = [
    "article",
    "title",
    "outlet",
    "date",
    "words",
    "naming_index",
    "quoted_share",
    "attributions",
]
"""The columns :func:`group_articles` shows (those the articles table has)."""


def group_articles(articles: pd.DataFrame, group: str) -> pd.DataFrame:
    """The articles of one group (``articles`` with a ``group`` column, as the corpus
    notebook has it), in title order, with the columns of :data:`GROUP_COLUMNS`."""
    mine = articles[articles["group"].astype(str) == str(group)]
    columns = [c for c in GROUP_COLUMNS if c in mine.columns]
    return mine.sort_values(["title", "article"], kind="stable")[columns].reset_index(drop=True)


def explore_groups(
    articles: pd.DataFrame, files: Mapping[str, str | Path], pack: str = "", rows: int = 200
) -> Any:
    """Open the corpus explorer: pick a group, see its articles, then browse their sentences.

    Parameters
    ----------
    articles : DataFrame
        The corpus notebook's article table (``article`` slug, ``group``, ``title`` ...).
    files : mapping
        Article slug -> its file; articles without a file are listed but their sentences
        cannot be shown.
    pack : str
        The topic pack of the sentence browser's actor and naming filters.
    rows : int
        Rows shown of each table.

    Returns
    -------
    ipywidgets widget, with ``results["articles"]`` (the group's articles), ``explorer``
    (the sentence explorer of the group shown, see :func:`explore`) and ``controls``.
    """
    import ipywidgets as w

    groups = sorted(articles["group"].astype(str).unique().tolist())
    picker = w.Dropdown(options=groups, value=groups[0] if groups else None, description="Group")
    listing = w.Output()
    holder = w.VBox()
    explorers: dict[str, Any] = {}
    box = w.VBox([picker, listing, holder])
    box.results = {}
    box.html = {}
    box.explorer = None
    box.controls = {"group": picker}

    def update(_: Any = None) -> None:
        group = picker.value
        if group is None:
            return
        mine = group_articles(articles, group)
        box.results["articles"] = mine
        listing.clear_output()
        with listing:
            box.html = {"articles": _show_table(mine, f"articles in the group {group}", rows)}
        found = {s: Path(files[s]) for s in mine["article"] if s in files and Path(files[s]).is_file()}
        if not found:
            box.explorer = None
            holder.children = [
                w.HTML(
                    "<i>The article files are not at hand here: run the notebook with corpus_folders "
                    "naming them to browse their sentences.</i>"
                )
            ]
            return
        if group not in explorers:
            from research_utils.ingest import load_article

            docs = [load_article(path, name=slug) for slug, path in found.items()]
            explorers[group] = explore(docs, pack=pack, rows=rows)
        box.explorer = explorers[group]
        holder.children = [explorers[group]]

    picker.observe(update, names="value")
    update()
    return box
