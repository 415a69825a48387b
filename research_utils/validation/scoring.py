"""The scores of ``make validate``: each measure of the package against labelled items.

Every function takes labelled items (dicts as the gold sets hold them, see
``tests/gold/README.md`` and ``tests/gold/real/README.md``) and returns counts with their
precision and recall. An item may carry its own ``document`` (a parsed article) and
``stance_lexicons`` / ``framing_lexicons`` (its topic pack); a synthetic passage without
them is parsed with :func:`gold_document` and scored with the lexicons given.

What counts as right
--------------------
* **Attribution**: a found attribution is right when its reported content overlaps a
  labelled one (at least 60 % of the shorter's words) and its speaker is right (the
  speaker as written overlaps the label's, or the resolved names agree). Precision =
  right / found; recall = right / labelled.
* **Speaker resolution**: of the labelled attributions whose content was found and that
  name a person or organisation, the share whose resolved name agrees (same name, or
  same surname).
* **Actor**: of the labelled attributions whose content was found, the share whose side
  is right: the pack's actor id the label gives, or, where the label has none, any answer
  that is not an actor of the pack (a named speaker outside the lexicon is an actor of
  its own).
* **Claims**: a claim row (role ``claim``) is right when the labelled item has a claim of
  the same actor on the same issue with the same position.
* **Naming**: counts of naming terms per set, side and voice against the labels
  (precision = shared / found, recall = shared / labelled); and the share of items whose
  author's-own naming index has the labelled sign.
* **Structure**: per file, the title, the deck, the headings, every furniture line set
  aside, the number of body paragraphs and the first words of the first one; accuracy =
  checks passed / checks.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from research_utils.ingest import Document, article_from_text, load_article
from research_utils.ingest.lines import word_tokens

__all__ = [
    "gold_document",
    "names_agree",
    "score_attribution",
    "score_claims",
    "score_naming",
    "score_structure",
]

_GOLD_TITLE = "Gold item"


def _words(text: str | None) -> list[str]:
    return [w.lower().replace("’", "'") for w in word_tokens(str(text or ""))]


def _overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter text's words that the other also has."""
    wa, wb = Counter(_words(a)), Counter(_words(b))
    if not wa or not wb:
        return 0.0
    shared = sum((wa & wb).values())
    return shared / min(sum(wa.values()), sum(wb.values()))


def names_agree(a: str | None, b: str | None) -> bool:
    """Whether two speaker names denote the same person: equal, or the same surname."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return wa == wb or wa[-1] == wb[-1] or " ".join(wa) in " ".join(wb) or " ".join(wb) in " ".join(wa)


def gold_document(item: dict[str, Any]) -> Document:
    """A document whose body is the item's text (a title line is added so that the first
    line of the passage is read as body)."""
    return article_from_text(f"{_GOLD_TITLE}\n\n{item['text'].strip()}", name=str(item["id"]).lower())


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def _counts(items: int, labelled: int, found: int, right: int) -> dict[str, Any]:
    """Counts of a scored measure with their precision (right / found) and recall (right / labelled)."""
    return {
        "items": items,
        "labelled": labelled,
        "found": found,
        "right": right,
        "precision": _ratio(right, found),
        "recall": _ratio(right, labelled),
    }


# --------------------------------------------------------------------------- attribution


def _predicted_name(row: Any) -> str:
    for col in ("speaker_name", "actor_match", "speaker"):
        value = getattr(row, col, "")
        if isinstance(value, str) and value and not value.startswith("("):
            return value
    return ""


def _document(item: dict[str, Any]) -> Document:
    return item["document"] if "document" in item else gold_document(item)


def _actor_ids(lexicons: Any) -> set[str]:
    from research_utils.analyses import stance

    lex = lexicons if lexicons is not None else stance.load_stance_lexicons()
    return set(lex.actor_labels)


def _speaker_ok(row: Any, g: dict[str, Any]) -> bool:
    """Whether a found row names the labelled speaker: the phrase overlaps the label's, or the
    resolved names agree, or the label has no speaker at all."""
    return (
        _overlap(row.speaker, g.get("speaker")) >= 0.5
        or names_agree(_predicted_name(row), g.get("speaker_name"))
        or (not g.get("speaker_name") and not g.get("speaker"))
    )


def score_attribution(items: list[dict[str, Any]], lexicons: Any = None) -> dict[str, Any]:
    """Precision, recall, speaker-resolution and actor accuracy of :func:`stance.attributions`.

    Returns
    -------
    dict
        Counts, ``precision``, ``recall``, ``resolution_accuracy``, ``actor_accuracy``,
        ``misses`` (each missed or wrong labelled attribution: item, what, ``family`` tags)
        and ``false`` (each found attribution that matches no label).
    """
    from research_utils.analyses import stance

    right = found = labelled = resolvable = resolved = actors = actors_right = 0
    misses: list[dict[str, Any]] = []
    false: list[dict[str, Any]] = []
    for item in items:
        lex = item.get("stance_lexicons", lexicons)
        pred = stance.attributions(_document(item), lex)
        rows = list(pred.itertuples(index=False))
        ids = _actor_ids(lex)
        gold = item.get("attributions") or []
        found += len(rows)
        labelled += len(gold)
        # Pairs by overlap, best first: a deck that repeats a quote must not take the body's match.
        # Between labels of the same content (stacked sources: "X quoted Y as saying"), the
        # label whose speaker the row names is paired first.
        pairs = sorted(
            (
                (-ov, not _speaker_ok(row, g), gi, pi)
                for gi, g in enumerate(gold)
                for pi, row in enumerate(rows)
                if (ov := _overlap(row.quote, g.get("content"))) >= 0.6
            ),
        )
        match: dict[int, int] = {}
        taken: set[int] = set()
        for _neg, _wrong, gi, pi in pairs:
            if gi not in match and pi not in taken:
                match[gi] = pi
                taken.add(pi)
        used: set[int] = set()
        for gi, g in enumerate(gold):
            tags = list(g.get("family") or [])
            if gi not in match:
                misses.append({"id": item["id"], "missed": str(g.get("content"))[:100], "family": tags})
                continue
            best = match[gi]
            row = rows[best]
            name = _predicted_name(row)
            if g.get("speaker_name"):
                resolvable += 1
                resolved += names_agree(name, g["speaker_name"])
            if "actor" in g:
                actors += 1
                want = g.get("actor")
                actors_right += (str(row.actor) == want) if want else (str(row.actor) not in ids)
            if _speaker_ok(row, g):
                right += 1
                used.add(best)
            else:
                misses.append(
                    {
                        "id": item["id"],
                        "wrong speaker": f"{row.speaker} / {name} for {g.get('speaker_name')}",
                        "family": tags,
                    }
                )
        false += [
            {"id": item["id"], "found": f"{row.speaker} / {row.quote}"[:120]}
            for i, row in enumerate(rows)
            if i not in used
        ]
    return {
        **_counts(len(items), labelled, found, right),
        "resolution_accuracy": _ratio(resolved, resolvable),
        "actor_accuracy": _ratio(actors_right, actors),
        "misses": misses,
        "false": false,
    }


# --------------------------------------------------------------------------- claims


def score_claims(items: list[dict[str, Any]], lexicons: Any = None) -> dict[str, Any]:
    """Precision and recall of the claim rows of :func:`stance.claims` (role ``claim``):
    one claim per actor and issue in an item, right when the label has the same position."""
    from research_utils.analyses import stance

    right = found = labelled = 0
    wrong: list[dict[str, Any]] = []
    for item in items:
        pred = stance.claims(_document(item), item.get("stance_lexicons", lexicons))
        if "role" in pred.columns:
            pred = pred[pred["role"].isin(["claim", "speaker", "subject"])]
        gold: dict[tuple[str, str], set[int]] = {}
        for c in item.get("claims") or []:
            gold.setdefault((c["actor"], c["issue"]), set()).add(int(c["position"]))
        labelled += len(gold)
        seen: set[tuple[str, str]] = set()
        for row in pred.itertuples(index=False):
            key = (str(row.actor), str(row.issue))
            if key in seen:
                continue  # one claim per actor and issue in an item
            seen.add(key)
            found += 1
            ok = key in gold and row.position == row.position and int(row.position) in gold[key]
            right += ok
            if not ok:
                wrong.append({"id": item["id"], "found": f"{key} {row.position}"})
        wrong += [{"id": item["id"], "missed": str(k)} for k in gold if k not in seen]
    return {**_counts(len(items), labelled, found, right), "wrong": wrong}


# --------------------------------------------------------------------------- naming


def score_naming(items: list[dict[str, Any]], lexicons: Any = None) -> dict[str, Any]:
    """Naming-term counts per set, side and voice against the labels, and the sign of the
    author's-own index."""
    from research_utils.analyses import framing

    shared = found = labelled = signs_right = signs = 0
    for item in items:
        hits = framing.naming_hits(_document(item), item.get("framing_lexicons", lexicons))
        pred = Counter(zip(hits["set"], hits["side"].astype(str).str.lower(), hits["voice"], strict=True))
        gold: Counter[tuple[str, str, str]] = Counter()
        for e in item.get("expected") or []:
            gold[(e["set"], e["side"], e["voice"])] += int(e.get("count", 1))
        shared += sum((pred & gold).values())
        found += sum(pred.values())
        labelled += sum(gold.values())
        want = item.get("headline_index_sign")
        if want in ("positive", "negative", "zero"):
            signs += 1
            a = sum(n for (_, side, voice), n in pred.items() if side == "a" and voice == "author")
            b = sum(n for (_, side, voice), n in pred.items() if side == "b" and voice == "author")
            got = "positive" if a > b else "negative" if b > a else "zero"
            signs_right += got == want
    return {
        "items": len(items),
        "labelled": labelled,
        "found": found,
        "shared": shared,
        "precision": _ratio(shared, found),
        "recall": _ratio(shared, labelled),
        "index_sign_accuracy": _ratio(signs_right, signs),
    }


# --------------------------------------------------------------------------- structure


def _norm(text: str | None) -> str:
    text = re.sub(r"\s+", " ", str(text or "")).strip().casefold()
    for curly, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-")):
        text = text.replace(curly, plain)  # the repairs make quotes curly and spaced hyphens dashes
    return text


def score_structure(files: list[dict[str, Any]], folder: Path | None = None) -> dict[str, Any]:
    """Checks of title, deck, headings, furniture, paragraph count and first paragraph (a
    file's own ``document``, or ``folder / file`` read as the command reads it)."""
    passed = checks = whole = 0
    failures: list[dict[str, str]] = []
    for spec in files:
        name = str(spec.get("file") or spec.get("id"))
        doc = spec["document"] if "document" in spec else load_article(Path(folder or ".") / spec["file"])
        excluded = {_norm(b.text) for b in doc.blocks if b.role == "excluded"}
        results = {
            "title": _norm(doc.title) == _norm(spec.get("title")),
            "deck": _norm(doc.deck) == _norm(spec.get("deck")),
            "headings": [_norm(h) for h in doc.headings] == [_norm(h) for h in spec.get("headings") or []],
            "paragraphs": len(doc.paragraphs) == int(spec["paragraphs"]),
        }
        if "first_paragraph_starts" in spec:
            results["first_paragraph"] = bool(doc.paragraphs) and _norm(doc.paragraphs[0]).startswith(
                _norm(spec["first_paragraph_starts"])
            )
        for line in spec.get("furniture") or []:
            results[f"furniture: {line[:40]}"] = _norm(line) in excluded
        ok = sum(results.values())
        passed += ok
        checks += len(results)
        whole += ok == len(results)
        failures += [{"file": name, "check": k} for k, v in results.items() if not v]
    return {
        "files": len(files),
        "checks": checks,
        "passed": passed,
        "accuracy": _ratio(passed, checks),
        "files_all_right": whole,
        "failures": failures,
    }
