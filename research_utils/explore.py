"""Explore an article or a corpus in JupyterLab: a concordance search box and a sentence browser.

In a notebook cell::

    from research_utils.explore import explore
    explore("data/articles/rt_2022-04_russia_ukraine_talks.txt")   # or a Document, a Corpus, a list

opens two tabs. **Concordance**: type terms (comma-separated; a trailing ``*`` matches any
ending, phrases allowed), choose the window and a voice; every match is listed with its
context, sentence and voice. **Sentences**: filter the body sentences by actor, speaker,
frame, naming set, voice and free text; each row shows its article, section, voice and
what it matched.

The widgets are thin: :func:`sentence_table`, :func:`filter_sentences` and
:func:`concordance` do the work and return DataFrames (tested without a browser).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from research_utils.ingest import Corpus, CorpusLike, as_corpus

__all__ = ["ALL", "concordance", "explore", "filter_sentences", "sentence_table"]

ALL = "(all)"
"""The choice that does not filter."""

SENTENCE_COLUMNS = [
    "article",
    "sentence_id",
    "section",
    "voice",
    "actors",
    "speakers",
    "frames",
    "naming",
    "sentence",
]


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
        ``article``, ``sentence_id``, ``section``, ``voice`` (author / quoted: at least half
        of the sentence inside quotation marks), ``actors`` (actor labels mentioned),
        ``speakers`` (the resolved names of the speakers attributed there), ``frames``
        (frames with a cue, ``scheme: frame``), ``naming`` (naming sets used, with side),
        ``sentence``. Multiple values are joined by ``; ``.
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
    from IPython.display import display

    from research_utils.analyses import framing, stance

    if pack and stance_lexicons is None:
        stance_lexicons = stance.load_stance_lexicons(pack=pack)
    if pack and framing_lexicons is None:
        framing_lexicons = framing.load_lexicons(pack=pack)
    corpus: Corpus = as_corpus(x)
    table = sentence_table(corpus, stance_lexicons, framing_lexicons)
    results: dict[str, pd.DataFrame] = {}

    def shown(df: pd.DataFrame, what: str) -> None:
        if df.empty:
            print(f"No {what}.")
            return
        print(f"{len(df):,} {what}" + (f" (first {rows} shown)" if len(df) > rows else ""))
        with pd.option_context("display.max_colwidth", 300, "display.max_rows", rows + 1):
            display(df.head(rows))

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
    tabs.controls = {"terms": terms, "window": window, "kwic_voice": kwic_voice, "text": text, **pickers}
    return tabs
