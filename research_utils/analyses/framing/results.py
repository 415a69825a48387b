"""The ``framing`` section of ``results.json`` and the headline numbers of the report."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from research_utils.analyses.framing.core import main_rows, slug_of
from research_utils.ingest import Document

__all__ = ["headline_table", "results_summary"]

METHOD_NOTE = (
    "Dictionary cues: counts show where a frame, a name or a persuasion technique may be at work, not "
    "that it is. Persuasion counts are candidate cues, never detections."
)


def _first(df: pd.DataFrame, column: str) -> Any:
    return df[column].iloc[0] if len(df) else float("nan")


def results_summary(
    main: str | Document,
    *,
    scores: pd.DataFrame,
    naming: pd.DataFrame,
    naming_overall: pd.DataFrame,
    persuasion: pd.DataFrame,
    entman: pd.DataFrame,
    checklist: pd.DataFrame,
    min_cues: int,
    sides: dict[str, str] | None = None,
    pack: str = "",
) -> dict[str, Any]:
    """The ``framing`` section of ``results.json`` from the notebook's tables.

    Parameters
    ----------
    main : str or Document
        The main article (its slug); its author's-own naming index is ``naming_index``.
    scores, naming, naming_overall, persuasion, entman, checklist : DataFrame
        Outputs of ``frame_scores`` (both schemes), ``naming_table``, ``naming_overall``,
        ``persuasion_counts``, ``entman_functions`` and ``sv_checklist``, for one or more
        articles.
    min_cues : int
        The presence threshold used.
    sides : dict, optional
        Whose usage naming sides A and B are (:func:`naming_sides`), kept as ``naming_sides``
        so that a reader of results.json (and the index page) can say what the index means.
    pack : str
        The topic pack of the naming sets (kept as ``pack``).

    Returns
    -------
    dict
        ``article``, ``articles``, ``method_note``, ``min_cues``, ``frames`` (records:
        ``article``, ``scheme``, ``frame``, ``hits``, ``per_1000_words``,
        ``sentence_share``, ``present``, ``dominant``, ``author_hits``, ``quoted_hits``),
        ``dominant_frames``, ``naming`` (records: ``article``, ``set``, ``side_a``,
        ``side_a_count``, ``side_b``, ``side_b_count``, ``index``, ``side_a_author``,
        ``side_a_quoted``, ``side_b_author``, ``side_b_quoted``, ``index_author``,
        ``side_a_distanced``, ``side_b_distanced``, ``index_quoted``, ``index_distanced``),
        ``naming_index`` (the headline: the main article's author's-own usage, pooled over
        the sets; None when the author uses no set term), ``naming_index_author`` (the
        same), ``naming_index_all`` (every voice), ``naming_index_quoted``,
        ``naming_index_distanced``, ``naming_index_by_article``, ``persuasion_cues`` (records: ``article``,
        ``technique``, ``family``, ``count``, ``author``, ``quoted``), ``entman``
        (records: ``article``, ``function``, ``sentence_id``, ``sentence``, ``match``,
        ``voice``), ``sv_checklist`` (records: ``article``, ``number``, ``frame``,
        ``answer``, ``evidence_sentences``, ``sentence_id``). DataFrames are turned into
        records by :meth:`research_utils.export.Exporter.section`.
    """
    slug = slug_of(main)
    overall_main = main_rows(naming_overall, slug)
    return {
        "article": slug,
        "articles": list(dict.fromkeys(scores["article"])),
        "method_note": METHOD_NOTE,
        "min_cues": int(min_cues),
        "frames": scores[
            [
                "article",
                "scheme",
                "frame",
                "hits",
                "per_1000_words",
                "sentence_share",
                "present",
                "dominant",
                "author_hits",
                "quoted_hits",
            ]
        ],
        "dominant_frames": scores[scores["dominant"]][["article", "scheme", "frame", "hits"]],
        "naming": naming[
            [
                "article",
                "set",
                "side_a",
                "side_a_count",
                "side_b",
                "side_b_count",
                "index",
                "side_a_author",
                "side_a_quoted",
                "side_b_author",
                "side_b_quoted",
                "index_author",
                "side_a_distanced",
                "side_b_distanced",
                "index_quoted",
                "index_distanced",
            ]
        ],
        "naming_index": _first(overall_main, "index_author"),
        "naming_index_author": _first(overall_main, "index_author"),
        "naming_index_all": _first(overall_main, "index"),
        "naming_index_quoted": _first(overall_main, "index_quoted"),
        "naming_index_distanced": _first(overall_main, "index_distanced"),
        "naming_index_by_article": naming_overall,
        "naming_sides": dict(sides or {"side_a": "side A", "side_b": "side B"}),
        "pack": pack,
        "persuasion_cues": persuasion[["article", "technique", "family", "count", "author", "quoted"]],
        "entman": entman[["article", "function", "sentence_id", "sentence", "match", "voice"]],
        "sv_checklist": checklist[
            ["article", "number", "frame", "answer", "evidence_sentences", "sentence_id"]
        ],
    }


def _signed(x: Any) -> str:
    return "n/a (no term of any set in this voice)" if x is None or pd.isna(x) else f"{float(x):+.2f}"


def headline_table(summary: dict[str, Any]) -> pd.DataFrame:
    """The main article's headline numbers from :func:`results_summary`, for display.

    Returns
    -------
    DataFrame
        ``measure``, ``value``: dominant policy and generic frames, frames present per
        scheme, the naming index of the author's own usage (the headline), of all voices,
        of quoted and of distanced usage, persuasion
        candidate cues, sentences flagged for any Entman function, checklist items answered
        yes out of those answered by a cue rule.
    """
    main = summary["article"]

    def mine(key: str, column: str) -> np.ndarray:
        df = summary[key]
        return df[column].to_numpy()[df["article"].to_numpy() == main]

    dom_scheme, dom_frame = mine("dominant_frames", "scheme"), mine("dominant_frames", "frame")
    frame_scheme, present = mine("frames", "scheme"), mine("frames", "present")
    answers = mine("sv_checklist", "answer")
    pairs = [
        ("dominant policy frame(s)", ", ".join(dom_frame[dom_scheme == "policy"]) or "none present"),
        ("dominant generic frame(s)", ", ".join(dom_frame[dom_scheme == "generic"]) or "none present"),
        (
            "frames present (policy / generic)",
            " / ".join(str(int(present[frame_scheme == s].sum())) for s in ("policy", "generic")),
        ),
        (
            "naming index, author's own usage (−1 Russian official … +1 Ukrainian/international)",
            _signed(summary["naming_index"]),
        ),
        ("naming index, all voices", _signed(summary.get("naming_index_all"))),
        ("naming index, quoted speakers", _signed(summary.get("naming_index_quoted"))),
        (
            "naming index, distanced usage (so-called, scare quotes)",
            _signed(summary.get("naming_index_distanced")),
        ),
        ("persuasion candidate cues, all techniques", str(int(mine("persuasion_cues", "count").sum()))),
        ("sentences flagged for any Entman function", str(len(set(mine("entman", "sentence_id").tolist())))),
        (
            "checklist items answered yes / by cue rule",
            f"{int((answers == 'yes').sum())} / {int((answers != 'needs human coding').sum())}",
        ),
    ]
    return pd.DataFrame(pairs, columns=["measure", "value"])
