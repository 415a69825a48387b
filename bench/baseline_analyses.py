"""Time the three analyses as they were before the shared parse (the old API), for `make bench`.

`bench/bench.py` runs this file with ``PYTHONPATH`` pointing at a git worktree of the
commit before the refactor (``BASELINE_COMMIT`` there), so that the old code and the new
are measured side by side in one run on the same machine. Prints JSON:
``{scale: {analysis: seconds}}``, the median of ``repeat`` runs on new Article objects.

Usage: ``python bench/baseline_analyses.py SCALES REPEAT`` (e.g. ``1,100 3``).
"""

from __future__ import annotations

import functools
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from research_utils.article import Article

from research_utils import article_from_text
from research_utils.paths import DEFAULT_ARTICLE


def _text_statistics(a: Article) -> None:
    """What notebook 01 computes for one article (without plots and the sentiment arc)."""
    from research_utils.article import excluded_lines, structure_table

    from research_utils import textstats as ts

    structure_table(a)
    excluded_lines(a)
    ts.counts_table(a)
    ts.sentence_lengths(a)
    ts.sentence_length_summary(a)
    ts.longest_sentences(a, 5)
    ts.readability(a)
    ts.difficult_word_list(a, "difficult")
    ts.difficult_word_list(a, "complex_word")
    ts.lexical_diversity(a, mattr_window=50)
    ts.diversity_curve(a, mattr_window=50)
    ts.word_frequencies(a, 20)
    ts.word_frequencies(a, 20, exclude_stopwords=True)
    ts.ngram_frequencies(a, 2, 20, min_count=2)
    ts.ngram_frequencies(a, 3, 20, min_count=2)
    ts.collocations(a, "log_likelihood", 2, 20)
    ts.collocations(a, "pmi", 2, 20)
    ts.keyness(a, min_count=3, include_absent=100)
    ts.kwic(a, ts.DEFAULT_KWIC_TERMS, window=6)
    ts.summary(a, mattr_window=50)


def _sentiment_arc(a: Article) -> None:
    """Notebook 01's sentiment arc: VADER on every sentence."""
    from research_utils import textstats as ts

    ts.sentiment_arc(a, window=5)


def _stance(a: Article, lex: Any) -> None:
    """What notebook 02 computes for one article (without plots)."""
    import pandas as pd

    from research_utils import stance

    arts = [a]
    stance.actor_table(lex)
    stance.issue_table(lex)
    stance.lexicon_table(lex)
    overview = stance.voice_overview(arts, lex)
    stance.verb_table(lex)
    attr = stance.attributions(arts, lex)
    voice = stance.voice_share(attr)
    stance.verb_class_table(attr)
    mentions = stance.actor_mentions(arts, lex)
    stance.count_table(mentions, ["article", "label"], ["form", "voice"])
    stance.actor_sentiment(arts, lex, voices=("all", "author", "quoted"), n_boot=2000, seed=0)
    stance.actor_sentences(arts, lex)
    deontic = stance.deontic_markers(arts, lex)
    stance.count_table(deontic[deontic["actor"] != ""], ["article", "label"], ["voice"])
    epistemic = stance.epistemic_markers(arts, lex)
    stance.count_table(epistemic, ["article", "kind", "category"], ["voice"])
    profile = stance.actor_profile(arts, lex, voice="all", n_boot=2000, seed=0)
    by_voice = pd.concat(
        [stance.actor_profile(arts, lex, voice=v, n_boot=2000, seed=0) for v in ("author", "quoted")],
        ignore_index=True,
    )
    claims = stance.claims(arts, lex)
    matrix = stance.claims_matrix(claims)
    stance.stance_results(
        voice,
        attr,
        profile,
        claims,
        actors_by_voice=by_voice,
        claims_matrix=matrix,
        deontic=deontic,
        overview=overview,
        lexicons=lex,
    )


def _framing(a: Article, lex: Any) -> None:
    """What notebook 03 computes for one article (without plots)."""
    import pandas as pd

    from research_utils import framing as fr

    arts = [a]
    fr.lexicon_table(lex)
    scores = pd.concat(
        [fr.frame_scores(arts, lex.policy, "policy"), fr.frame_scores(arts, lex.generic, "generic")],
        ignore_index=True,
    )
    for scheme in ("policy", "generic"):
        frames = lex.frames(scheme)
        fr.frame_definitions(frames, scheme)
        fr.frame_hits(arts, frames, scheme)
        fr.frame_trajectory(arts, frames, scheme)
        fr.frame_cooccurrence(arts, frames, scheme)
    checklist = fr.sv_checklist(arts, lex.checklist)
    fr.sv_frame_scores(arts, lex.checklist)
    fr.sv_checklist_evidence(arts, lex.checklist)
    naming = fr.naming_table(arts, lex.naming)
    naming_overall = fr.naming_overall(arts, lex.naming)
    fr.naming_hits(arts, lex.naming)
    persuasion = fr.persuasion_counts(arts, lex.persuasion, repetition_min=3)
    fr.persuasion_cues(arts, lex.persuasion, repetition_min=3)
    fr.repeated_phrases(arts, min_count=3)
    fr.entman_summary(arts, lex.entman)
    entman = fr.entman_functions(arts, lex.entman)
    fr.distinctive_words(arts, prior="pooled", prior_strength=500.0, min_count=2, top_n=15)
    fr.profile_table(scores, ["scheme", "frame"], "per_1000_words")
    fr.profile_table(naming, ["set", "side_a", "side_b"], "index")
    summary = fr.results_summary(
        a.slug,
        scores=scores,
        naming=naming,
        naming_overall=naming_overall,
        persuasion=persuasion,
        entman=entman,
        checklist=checklist,
        min_cues=3,
    )
    fr.headline_table(summary)


def _analyses() -> dict[str, Callable[[Article], object]]:
    """The measured analyses; lexicons are loaded here, once, outside the timings."""
    from research_utils import framing, stance

    parts = {
        "text statistics": _text_statistics,
        "sentiment arc": _sentiment_arc,
        "stance": functools.partial(_stance, lex=stance.load_stance_lexicons()),
        "framing": functools.partial(_framing, lex=framing.load_lexicons()),
    }

    def together(a: Article) -> None:
        for fn in parts.values():
            fn(a)

    return {**parts, "all three analyses": together}


@functools.lru_cache(maxsize=1)
def _article_parts() -> tuple[str, str]:
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return head, body


def _scaled_article(times: int) -> Article:
    """A new Article of the bundled article's title and its body repeated ``times`` times."""
    head, body = _article_parts()
    return article_from_text(head + "\n\n" + "\n\n".join([body] * times))


def _word_count(a: Article) -> int:
    from research_utils.tokenize import sentences

    return int(sentences(a)["words"].sum())


def main() -> None:
    scales = [int(s) for s in sys.argv[1].split(",")]
    repeat = int(sys.argv[2])
    out: dict[int, dict[str, float]] = {}
    analyses = _analyses()
    for fn in analyses.values():
        fn(_scaled_article(1))  # warm the per-process caches, as bench.py does
    for k in scales:
        out[k] = {"words": _word_count(_scaled_article(k))}
        for name, fn in analyses.items():
            times = []
            for _ in range(repeat * (5 if k == 1 else 2 if k == 10 else 1)):  # as bench.py's _runs
                a = _scaled_article(k)
                gc.collect()
                gc.disable()
                try:
                    t = time.perf_counter()
                    fn(a)
                    times.append(time.perf_counter() - t)
                finally:
                    gc.enable()
            out[k][name] = statistics.median(times)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
