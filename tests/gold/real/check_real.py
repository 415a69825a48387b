"""Check the real-copy gold set: format, split by outlet, and (with the cache) hashes and offsets.

``python tests/gold/real/check_real.py`` prints counts per split and every problem; exit 1
on any problem. Without the local cache of texts it checks everything but the hashes.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from research_utils.paths import LEXICON_DIR, real_copy_dir

HERE = Path(__file__).resolve().parent
REQUIRED = (
    "id",
    "url",
    "outlet",
    "outlet_kind",
    "topic",
    "pack",
    "read",
    "coded",
    "split",
    "sha256",
    "chars",
)
OUTLET_KINDS = {
    "wire",
    "broadsheet",
    "tabloid",
    "broadcaster",
    "state_media",
    "ukrainian",
    "regional",
    "business",
    "legal",
    "magazine",
}
KINDS = {"direct", "indirect", "anonymous"}
SPEAKER_TYPES = {"person", "organisation", "document", "group", "unnamed"}
VOICES = {"author", "quoted", "distanced"}
FAMILIES = {
    "said_no_that",
    "told_audience",
    "legal",
    "own_paragraph_quote",
    "continued_quote",
    "role_nationality",
    "full_name",
    "according_to",
    "furniture_near",
}


@functools.cache
def _ids(pack: str, lexicon: str) -> frozenset[str]:
    path = LEXICON_DIR / "packs" / pack / f"{lexicon}.yaml"
    if not path.is_file():
        return frozenset()
    return frozenset(str(e["id"]) for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"])


COPIED_WORDS = 6
"""A free-text field (subject, notes) may quote a name or a short phrase of the article, never
this many of its words in a row."""
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@functools.lru_cache(maxsize=4)
def _grams(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``n`` words of ``text`` (lower case), once per text."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def copied_runs(text: str, free: str, n: int = COPIED_WORDS) -> list[tuple[int, int]]:
    """Character spans of ``free`` that repeat ``n`` or more words of ``text`` in a row (case
    and punctuation ignored), merged where they overlap."""
    grams = _grams(text, n)
    toks = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in _WORD.finditer(free)]
    spans: list[tuple[int, int]] = []
    for i in range(len(toks) - n + 1):
        if tuple(t for _, _, t in toks[i : i + n]) in grams:
            s, e = toks[i][0], toks[i + n - 1][1]
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return spans


def check(records: list[dict[str, Any]], cache: Path | None) -> list[str]:
    problems: list[str] = []
    outlet_split: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for r in records:
        rid = r.get("id", "?")
        bad = problems.append
        for key in REQUIRED:
            if r.get(key) in (None, ""):
                bad(f"{rid}: missing {key}")
        if rid in seen:
            bad(f"{rid}: duplicate id")
        seen.add(rid)
        if r.get("split") not in ("dev", "test"):
            bad(f"{rid}: split must be dev or test")
        if r.get("outlet_kind") not in OUTLET_KINDS:
            bad(f"{rid}: outlet_kind {r.get('outlet_kind')!r} not one of {sorted(OUTLET_KINDS)}")
        if r.get("topic") not in ("on_topic", "off_topic"):
            bad(f"{rid}: topic must be on_topic or off_topic")
        expected_pack = "russia_ukraine_2022" if r.get("topic") == "on_topic" else "generic"
        if r.get("pack") != expected_pack:
            bad(f"{rid}: topic {r.get('topic')} is coded with the pack {expected_pack}")
        if str(r.get("coded")) < str(r.get("read")):
            bad(f"{rid}: coded before it was read")
        outlet_split[str(r.get("outlet"))].add(str(r.get("split")))
        pack = str(r.get("pack"))
        actors, issues, sets = _ids(pack, "actors"), _ids(pack, "issues"), _ids(pack, "naming_sets")
        n = int(r.get("chars") or 0)

        def span(what: str, value: Any, optional: bool = True, rid: str = rid, n: int = n) -> None:
            if value is None:
                if not optional:
                    problems.append(f"{rid}: {what} has no span")
                return
            if not (isinstance(value, list) and len(value) == 2 and 0 <= value[0] < value[1] <= n):
                problems.append(f"{rid}: {what}: bad span {value!r}")

        for i, a in enumerate(r.get("attributions") or [], 1):
            span(f"attribution {i} content", a.get("content"), optional=False)
            span(f"attribution {i} speaker", a.get("speaker"))
            span(f"attribution {i} verb", a.get("verb"))
            if a.get("kind") not in KINDS:
                bad(f"{rid}: attribution {i}: kind {a.get('kind')!r}")
            if (a.get("kind") == "anonymous") != (not a.get("speaker_name")):
                bad(f"{rid}: attribution {i}: kind anonymous holds exactly when speaker_name is null")
            if a.get("speaker_type") not in SPEAKER_TYPES:
                bad(f"{rid}: attribution {i}: speaker_type {a.get('speaker_type')!r}")
            if a.get("actor") is not None and a["actor"] not in actors:
                bad(f"{rid}: attribution {i}: actor {a['actor']!r} is not an id of the pack {pack}")
            unknown = set(a.get("family") or []) - FAMILIES
            if unknown:
                bad(f"{rid}: attribution {i}: unknown family tags {sorted(unknown)}")
        for i, s in enumerate(r.get("non_attributions") or [], 1):
            span(f"non_attribution {i}", s, optional=False)
        if r.get("topic") == "off_topic" and (r.get("claims") or r.get("naming")):
            bad(f"{rid}: an off-topic article has no claims or naming rows")
        for i, c in enumerate(r.get("claims") or [], 1):
            span(f"claim {i}", c.get("sentence"), optional=False)
            if c.get("actor") not in actors or c.get("issue") not in issues:
                bad(f"{rid}: claim {i}: actor/issue not in the pack")
            if c.get("position") not in (-1, 0, 1):
                bad(f"{rid}: claim {i}: position must be -1, 0 or 1")
            if c.get("modality") not in ("asserted", "conditional", "possible"):
                bad(f"{rid}: claim {i}: modality {c.get('modality')!r}")
        for i, m in enumerate(r.get("mentions") or [], 1):
            span(f"mention {i}", m.get("sentence"), optional=False)
            if m.get("actor") not in actors or m.get("issue") not in issues:
                bad(f"{rid}: mention {i}: actor/issue not in the pack")
        for i, u in enumerate(r.get("naming") or [], 1):
            span(f"naming {i}", u.get("at"), optional=False)
            if u.get("set") not in sets or u.get("side") not in ("a", "b") or u.get("voice") not in VOICES:
                bad(f"{rid}: naming {i}: set/side/voice {u.get('set')}/{u.get('side')}/{u.get('voice')}")
        st = r.get("structure") or {}
        span("title", st.get("title"))
        span("deck", st.get("deck"))
        for i, h in enumerate(st.get("headings") or [], 1):
            span(f"heading {i}", h, optional=False)
        for i, f in enumerate(st.get("furniture") or [], 1):
            span(f"furniture {i}", f, optional=False)
        if not isinstance(st.get("paragraphs"), int) or st["paragraphs"] < 1:
            bad(f"{rid}: structure.paragraphs must be a positive integer")
        if cache is not None:
            path = cache / "texts" / f"{rid}.txt"
            if path.is_file():
                text = path.read_bytes().decode("utf-8")
                if hashlib.sha256(text.encode("utf-8")).hexdigest() != r.get("sha256"):
                    bad(f"{rid}: the cached text's SHA-256 differs from the record")
                for key in ("subject", "notes"):
                    runs = copied_runs(text, str(r.get(key) or ""))
                    if runs:
                        bad(
                            f"{rid}: {key} repeats {len(runs)} run(s) of {COPIED_WORDS}+ words of the article; "
                            "say it in your own words (the repository holds no sentence of it)"
                        )
    for outlet, splits in outlet_split.items():
        if len(splits) > 1:
            problems.append(f"outlet {outlet!r} is in both splits")
    return problems


def load_records(folder: Path = HERE / "articles") -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


def main() -> int:
    records = load_records()
    cache = real_copy_dir()
    problems = check(records, cache if (cache / "texts").is_dir() else None)
    by = Counter((r.get("split"), r.get("topic")) for r in records)
    outlets = defaultdict(set)
    for r in records:
        outlets[r.get("split")].add(r.get("outlet"))
    for split in ("dev", "test"):
        attrs = sum(len(r.get("attributions") or []) for r in records if r.get("split") == split)
        print(
            f"{split}: {by[(split, 'on_topic')]} on-topic + {by[(split, 'off_topic')]} off-topic articles, "
            f"{len(outlets[split])} outlets, {attrs} attributions"
        )
    for p in problems:
        print(p)
    print(f"{len(records)} article(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
