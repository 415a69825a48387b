"""``make validate``: score every measure on both gold sets, print the figures, keep them.

The headline is the **real-copy held-out column**: real articles from outlets whose texts
nobody read while writing the rules (``tests/gold/real``, split by outlet). It needs the
local cache of texts; without it the column is skipped with one line, and the real-copy
figures of the last run that had the cache are kept in ``validation.json`` (with the date
they were measured) so that the reports still quote them. The synthetic passages
(``tests/gold/*.yaml``) are scored too, as a check that the rules do what they were written
to do.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.validation.realcopy import RealCopy, load_real
from research_utils.validation.scoring import score_attribution, score_claims, score_naming, score_structure
from research_utils.validation.synthetic import load_synthetic, split
from research_utils.validation_figures import COLUMNS, FIGURES_FILE

__all__ = ["MEASURES", "TARGETS", "figures_table", "main", "validate"]

TARGETS: dict[str, float] = {
    "attribution precision": 0.90,
    "attribution recall": 0.85,
    "claims precision": 0.85,
    "claims recall": 0.70,
}
"""Targets on the real-copy held-out outlets (issue 17)."""

MEASURES: list[tuple[str, str, str]] = [
    ("attribution", "precision", "attribution precision"),
    ("attribution", "recall", "attribution recall"),
    ("attribution", "resolution_accuracy", "speaker resolution accuracy"),
    ("attribution", "actor_accuracy", "actor (side) accuracy"),
    ("claims", "precision", "claims precision"),
    ("claims", "recall", "claims recall"),
    ("naming", "precision", "naming precision"),
    ("naming", "recall", "naming recall"),
    ("naming", "index_sign_accuracy", "naming index sign accuracy"),
    ("structure", "accuracy", "structure accuracy"),
]
"""(part, key, label) of every figure, in the order shown."""


def _scores(items: dict[str, list[dict[str, Any]]], folder: Path | None = None) -> dict[str, Any]:
    return {
        "attribution": score_attribution(items["attribution"]),
        "claims": score_claims(items["claims"]),
        "naming": score_naming(items["naming"]),
        "structure": score_structure(items["structure"], folder),
    }


def validate(gold: str | Path, cache: Path | None = None) -> dict[str, Any]:
    """Every score: ``real`` (``dev``/``test``, None without the cache) and ``synthetic``
    (``dev``/``test``/``all``), and the loaded real copy (``real_copy``)."""
    gold = Path(gold)
    real = load_real(gold, cache)
    synthetic = load_synthetic(gold)
    out: dict[str, Any] = {"real_copy": real, "real": None, "synthetic": {}}
    if real.records and not real.missing and not real.changed:
        out["real"] = {
            which: _scores(
                {
                    part: split(getattr(real, part), which)
                    for part in ("attribution", "claims", "naming", "structure")
                }
            )
            for which in ("test", "dev")
        }
        out["test_batches"] = held_out_batches(real)
    for which in ("dev", "test", "all"):
        out["synthetic"][which] = _scores(
            {k: split(v, which) for k, v in synthetic.items()}, synthetic.folder
        )
    return out


def held_out_batches(real: RealCopy) -> list[dict[str, Any]]:
    """Attribution and claims figures of each batch of held-out articles (by the date they were
    coded): a held-out figure is most honest the first time it is measured, so a batch coded
    after the rules changed says more than the whole column (``tests/gold/real/README.md``)."""
    rows = []
    tested = split(real.attribution, "test")
    for coded in sorted({it["coded"] for it in tested}):
        ids = {it["id"] for it in tested if it["coded"] == coded}
        a = score_attribution([it for it in tested if it["id"] in ids])
        c = score_claims([it for it in split(real.claims, "test") if it["id"] in ids])
        rows.append(
            {
                "coded": coded,
                "articles": len(ids),
                "outlets": len({it["outlet"] for it in tested if it["id"] in ids}),
                "attributions": a["labelled"],
                "attribution_precision": a["precision"],
                "attribution_recall": a["recall"],
                "claims": c["labelled"],
                "claims_found": c["found"],
                "claims_precision": c["precision"],
                "claims_recall": c["recall"],
            }
        )
    return rows


def figures_table(scores: dict[str, Any], previous: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per measure: the real-copy held-out and development columns first, then the
    synthetic ones. Without real-copy scores, the real columns of ``previous`` are kept."""
    rows = []
    old = {} if previous is None else {r["measure"]: r for r in previous.to_dict("records")}
    for part, key, label in MEASURES:
        row: dict[str, Any] = {"measure": label}
        for which in ("test", "dev"):
            col = f"real_{which}"
            row[col] = scores["real"][which][part][key] if scores["real"] else old.get(label, {}).get(col)
        for which in ("test", "dev"):
            row[f"synthetic_{which}"] = scores["synthetic"][which][part].get(key)
        rows.append(row)
    return pd.DataFrame(rows, columns=["measure", *COLUMNS])


def _real_summary(real: RealCopy, scores: dict[str, Any] | None) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "gold_set": "tests/gold/real",
        "measured": datetime.date.today().isoformat(),
    }
    for which in ("test", "dev"):
        chosen = split(real.attribution, which)
        summary[which] = {
            "articles": len(chosen),
            "outlets": real.outlets(which),
            "attributions": scores[which]["attribution"]["labelled"] if scores else None,
            "claims": scores[which]["claims"]["labelled"] if scores else None,
            "naming_uses": scores[which]["naming"]["labelled"] if scores else None,
        }
    return summary


def _batch_lines(batches: list[dict[str, Any]]) -> list[str]:
    return [
        f"  held-out articles coded {b['coded']}: {b['articles']} from {b['outlets']} outlets; "
        f"attribution {b['attribution_precision']:.3f} / {b['attribution_recall']:.3f} "
        f"({b['attributions']} attributions); claims {b['claims_precision']:.3f} / {b['claims_recall']:.3f} "
        f"({b['claims_found']} found, {b['claims']} coded)"
        for b in batches
    ]


def main(argv: list[str] | None = None) -> int:
    """``python -m research_utils.validation [GOLD_FOLDER] [--misses]``: print the figures,
    write them to ``validation.json``; exit 1 when a real-copy target is not met.
    ``--show ID ...`` prints development articles beside what the tool makes of them
    (:func:`research_utils.validation.inspect.show`; held-out articles are refused)."""
    parser = argparse.ArgumentParser(
        prog="python -m research_utils.validation",
        description="Score the tool against the hand-coded gold set and write research_utils/validation.json.",
    )
    parser.add_argument("gold", nargs="?", default="tests/gold", help="the gold folder (default: tests/gold)")
    parser.add_argument(
        "--misses", action="store_true", help="also list the misses on the development outlets"
    )
    parser.add_argument(
        "--show",
        nargs="+",
        metavar="ID",
        help="print development articles beside what the tool makes of them",
    )
    opts = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if opts.show:  # development articles beside what the tool makes of them
        from research_utils.validation.inspect import show

        print(show(load_real(Path(opts.gold)), opts.show))
        return 0
    gold = Path(opts.gold)
    scores = validate(gold)
    real: RealCopy = scores["real_copy"]
    previous = json.loads(FIGURES_FILE.read_text(encoding="utf-8")) if FIGURES_FILE.is_file() else {}
    table = figures_table(scores, pd.DataFrame(previous["figures"]) if previous.get("figures") else None)
    if scores["real"] is None:
        why = f"the cache {real.cache} holds {real.loaded} of the {len(real.records)} texts" + (
            f" ({len(real.changed)} with another hash than the one coded)" if real.changed else ""
        )
        print(
            f"Real-copy column skipped: {why}; set RESEARCH_UTILS_REAL_COPY to the cache "
            "(tests/gold/real/README.md). The real-copy figures below are those of the last run with it."
        )
        summary = previous.get("real_copy") or {}
    else:
        summary = _real_summary(real, scores["real"])
        summary["test_batches"] = scores["test_batches"]
        t, d = summary["test"], summary["dev"]
        print(
            f"Real copy: held-out test {t['articles']} articles from {len(t['outlets'])} outlets "
            f"({t['attributions']} attributions); development {d['articles']} articles from "
            f"{len(d['outlets'])} outlets. Read real_test: no rule was written on those outlets."
        )
        print("\n".join(_batch_lines(summary["test_batches"])))
    print(
        f"Synthetic passages in {gold} (written by the rule writers: a check of the rules, not of validity)\n"
    )
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}", na_rep="-"))
    print("\ntargets on the real-copy held-out outlets:")
    ok = True
    values = {r["measure"]: r["real_test"] for r in table.to_dict("records")}
    for label, target in TARGETS.items():
        value = values.get(label)
        met = value is not None and value == value and value >= target
        ok &= met
        shown = "n/a" if value is None or value != value else f"{value:.3f}"
        print(f"  {label} {shown} (target >= {target:.2f}: {'met' if met else 'NOT met'})")
    FIGURES_FILE.write_text(
        json.dumps(
            {
                "figures": json.loads(table.to_json(orient="records")),
                "real_copy": summary,
                "synthetic_gold_set": "tests/gold",
                "targets": TARGETS,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {FIGURES_FILE.name} in {FIGURES_FILE.parent.name}/")
    if opts.misses:  # the development outlets only: the held-out ones are not read
        dev = scores["real"]["dev"] if scores["real"] else scores["synthetic"]["dev"]
        for m in dev["attribution"]["misses"]:
            print("  dev miss:", m)
        for f in dev["attribution"]["false"]:
            print("  dev false:", f)
        for f in dev["claims"]["wrong"]:
            print("  dev claim:", f)
        for f in dev["structure"]["failures"]:
            print("  dev structure failure:", f)
    return 0 if ok else 1
