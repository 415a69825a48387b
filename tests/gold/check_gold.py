"""Check the format of the gold set in tests/gold/ (stdlib + PyYAML only).

Run from anywhere:

    .venv/bin/python tests/gold/check_gold.py

Checks, for every gold file: required keys and allowed values, unique ids, a dev/test
split balanced within 15 % of the file (and of each style with at least 6 items), and that
every span (attribution speaker, speaker_name, content, verb, non_attributions; naming
terms; structure lines) occurs verbatim in its item's text (after collapsing runs of white
space). Actor, naming-set and issue ids are checked against the lexicons in
research_utils/lexicons/ when those files exist. Prints a summary (items per file, per
style, per split) and exits 1 on any problem; warnings do not fail.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent
ROOT = GOLD.parents[1]
LEXICONS = ROOT / "research_utils" / "lexicons"

STYLES = ("wire", "state_media", "ukrainian", "oped", "offtopic")
SPLITS = ("dev", "test")
KINDS = ("direct", "indirect", "anonymous")
VOICES = ("author", "quoted", "distanced")
SIGNS = ("positive", "negative", "zero", "none")
ROLES = ("claim",)
MODALITIES = ("asserted", "conditional", "possible")
ATTRIBUTION_PREFIX = {
    "wire": "wire-",
    "state_media": "state-",
    "ukrainian": "ukr-",
    "oped": "oped-",
    "offtopic": "off-",
}
MAX_SPLIT_GAP = 0.15  # |dev - test| / n, per file
MAX_STYLE_SPLIT_GAP = 0.34  # per style with at least 6 items
# Minimum counts asked for by the brief (tests/gold/README.md).
MIN_ATTRIBUTION_PER_STYLE = 25
MIN_ATTRIBUTION_NEGATIVES = 20

problems: list[str] = []
warnings: list[str] = []


def problem(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def warn(where: str, msg: str) -> None:
    warnings.append(f"{where}: {msg}")


def ws(text: str) -> str:
    """Collapse runs of white space to one space."""
    return re.sub(r"\s+", " ", text).strip()


def occurs(span: str, text: str) -> bool:
    return ws(span) in ws(text)


def count_term(term: str, text: str) -> int:
    """Whole-word, case-insensitive occurrences of a term (hyphenated compounds and
    possessives included; curly and straight apostrophes are the same)."""
    body = re.escape(ws(term).replace("’", "'")).replace("'", "['’]").replace(r"\ ", r"\s+")
    return len(re.findall(r"(?<!\w)" + body + r"(?!\w)", text, flags=re.IGNORECASE))


def load_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        problem(path.name, "file is missing")
    except yaml.YAMLError as exc:
        problem(path.name, f"not valid YAML: {exc}")
    return None


# --------------------------------------------------------------------------- lexicons
def load_lexicons() -> dict:
    lex: dict = {"actors": None, "actor_terms": [], "naming": None, "issues": None}
    actors = load_optional(LEXICONS / "packs" / "russia_ukraine_2022" / "actors.yaml")
    if actors:
        lex["actors"] = {e["id"] for e in actors.get("entries", [])}
        for e in actors.get("entries", []):
            excl = [x.lower() for x in e.get("exclude", []) or []]
            for key in ("terms", "people", "adjectives"):
                for t in e.get(key, []) or []:
                    lex["actor_terms"].append((e["id"], t, False, excl))
            for t in e.get("case_sensitive", []) or []:
                lex["actor_terms"].append((e["id"], t, True, excl))
    naming = load_optional(LEXICONS / "packs" / "russia_ukraine_2022" / "naming_sets.yaml")
    if naming:
        lex["naming"] = {
            e["id"]: {
                "a": [t.lower() for t in e.get("side_a", [])],
                "b": [t.lower() for t in e.get("side_b", [])],
            }
            for e in naming.get("entries", [])
        }
    issues = load_optional(LEXICONS / "packs" / "russia_ukraine_2022" / "issues.yaml")
    if issues:
        lex["issues"] = {e["id"]: list(e.get("terms", [])) for e in issues.get("entries", [])}
    return lex


def load_optional(path: Path) -> dict | None:
    if not path.exists():
        warn("lexicons", f"{path.relative_to(ROOT)} not found: ids are not checked against it")
        return None
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def actor_terms_in(text: str, lex: dict) -> list[str]:
    found = []
    for actor, term, case_sensitive, excl in lex["actor_terms"]:
        flags = 0 if case_sensitive else re.IGNORECASE
        body = re.escape(term).replace(r"\ ", r"\s+")
        for m in re.finditer(r"(?<![\w-])" + body + r"(?![\w-])", text, flags):
            ctx = text[max(0, m.start() - 40) : m.end() + 40].lower()
            if any(x in ctx for x in excl):
                continue
            found.append(f"{term} ({actor})")
    return found


# --------------------------------------------------------------------------- common
def check_common(fname: str, data: object, prefix: str) -> list[dict]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        problem(fname, "needs a top-level mapping with an 'items' list")
        return []
    meta = data.get("meta")
    if not isinstance(meta, dict) or not all(k in meta for k in ("name", "description", "method", "sources")):
        problem(fname, "needs meta with name, description, method, sources")
    items = []
    seen: set[str] = set()
    for n, item in enumerate(data["items"]):
        where = f"{fname} item #{n}"
        if not isinstance(item, dict):
            problem(where, "is not a mapping")
            continue
        iid = item.get("id")
        if not isinstance(iid, str) or not iid.startswith(prefix):
            problem(where, f"id {iid!r} must be a string starting with {prefix!r}")
        elif iid in seen:
            problem(where, f"duplicate id {iid}")
        seen.add(str(iid))
        where = f"{fname} {iid}"
        if item.get("split") not in SPLITS:
            problem(where, f"split must be one of {SPLITS}")
        if item.get("style") not in STYLES:
            problem(where, f"style {item.get('style')!r} must be one of {STYLES}")
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            problem(where, "text must be a non-empty string")
            continue
        if "note" in item and not isinstance(item["note"], str):
            problem(where, "note must be a string")
        items.append(item)
    check_balance(fname, items)
    return items


def check_balance(fname: str, items: list[dict], key: str = "style") -> None:
    n = len(items)
    if not n:
        return
    c = Counter(i.get("split") for i in items)
    gap = abs(c["dev"] - c["test"]) / n
    if gap > MAX_SPLIT_GAP:
        problem(fname, f"dev/test split unbalanced: {c['dev']} dev vs {c['test']} test")
    for style in sorted({str(i.get(key)) for i in items}):
        sub = [i for i in items if str(i.get(key)) == style]
        if len(sub) >= 6:
            cs = Counter(i.get("split") for i in sub)
            if abs(cs["dev"] - cs["test"]) / len(sub) > MAX_STYLE_SPLIT_GAP:
                problem(fname, f"{key} {style}: dev/test split unbalanced ({cs['dev']} vs {cs['test']})")


def summary(fname: str, items: list[dict], key: str = "style") -> None:
    c = Counter((str(i.get(key)), i.get("split")) for i in items)
    styles = sorted({str(i.get(key)) for i in items})
    cells = ", ".join(
        f"{s} {c[(s, 'dev')] + c[(s, 'test')]} ({c[(s, 'dev')]}/{c[(s, 'test')]})" for s in styles
    )
    dev = sum(1 for i in items if i.get("split") == "dev")
    print(f"{fname}: {len(items)} items, dev {dev} / test {len(items) - dev}; per {key} (dev/test): {cells}")


# --------------------------------------------------------------------------- attribution
def check_attribution(lex: dict) -> None:
    fname = "attribution.yaml"
    data = load_yaml(GOLD / fname)
    if data is None:
        return
    items = check_common(fname, data, "")
    n_att = 0
    negatives = 0
    for item in items:
        where = f"{fname} {item['id']}"
        prefix = ATTRIBUTION_PREFIX.get(str(item.get("style")), "")
        if prefix and not str(item["id"]).startswith(prefix):
            problem(where, f"id of a {item.get('style')} item starts with {prefix!r}")
        text = item["text"]
        atts = item.get("attributions")
        if not isinstance(atts, list):
            problem(where, "attributions must be a list (empty for negative items)")
            continue
        if not atts:
            negatives += 1
        pos = 0
        for k, a in enumerate(atts):
            w = f"{where} attribution {k}"
            n_att += 1
            if not isinstance(a, dict):
                problem(w, "is not a mapping")
                continue
            for key in ("speaker", "speaker_name", "actor", "kind", "content", "verb"):
                if key not in a:
                    problem(w, f"missing key {key}")
            extra = set(a) - {
                "speaker",
                "speaker_name",
                "actor",
                "kind",
                "content",
                "verb",
                "affiliation",
                "note",
            }
            if extra:
                problem(w, f"unknown keys {sorted(extra)}")
            kind = a.get("kind")
            if kind not in KINDS:
                problem(w, f"kind {kind!r} must be one of {KINDS}")
            if (a.get("speaker_name") is None) != (kind == "anonymous"):
                problem(w, "kind is anonymous exactly when speaker_name is null")
            if a.get("speaker") is None and a.get("speaker_name") is None and kind != "anonymous":
                problem(
                    w, "a null speaker (continuation or participle: 'adding', 'saying') needs a speaker_name"
                )
            actor = a.get("actor")
            if actor is not None and lex["actors"] is not None and actor not in lex["actors"]:
                problem(
                    w,
                    f"actor {actor!r} is not an id of actors.yaml {sorted(lex['actors'])} (use null and 'affiliation')",
                )
            if item.get("style") == "offtopic" and actor is not None:
                problem(w, "off-topic speakers have actor null")
            for key in ("speaker", "speaker_name", "content", "verb"):
                v = a.get(key)
                if v is None:
                    continue
                if not isinstance(v, str) or not v.strip():
                    problem(w, f"{key} must be a non-empty string or null")
                elif not occurs(v, text):
                    problem(w, f"{key} {v!r} does not occur verbatim in the text")
            content = a.get("content")
            if isinstance(content, str):
                if (
                    content.strip() != content
                    or content[-1:] in ",.;:"
                    or content[:1] in "\"“‘'"
                    or content[-1:] in '"”’'
                ):
                    problem(
                        w,
                        f"content {content!r}: no outer quotation marks, no final , . ; : and no outer spaces",
                    )
                at = ws(text).find(ws(content), pos)
                if at < 0 and occurs(content, text):
                    problem(w, "attributions are not in text order (by the start of their content)")
                elif at >= 0:
                    pos = at
        nons = item.get("non_attributions", [])
        if not isinstance(nons, list):
            problem(where, "non_attributions must be a list")
        else:
            for s in nons:
                if not isinstance(s, str) or not occurs(s, text):
                    problem(where, f"non_attribution {s!r} does not occur verbatim in the text")
        if item.get("style") == "offtopic" and lex["actor_terms"]:
            hits = actor_terms_in(text, lex)
            if hits:
                problem(where, f"off-topic text names actors of actors.yaml: {hits}")
    styles = Counter(i.get("style") for i in items)
    for s in STYLES:
        if styles[s] < MIN_ATTRIBUTION_PER_STYLE:
            problem(fname, f"style {s} has {styles[s]} items (at least {MIN_ATTRIBUTION_PER_STYLE})")
    if negatives < MIN_ATTRIBUTION_NEGATIVES:
        problem(fname, f"{negatives} negative items (at least {MIN_ATTRIBUTION_NEGATIVES})")
    summary(fname, items)
    kinds = Counter(a.get("kind") for i in items for a in i.get("attributions") or [] if isinstance(a, dict))
    print(
        f"  {n_att} attributions ({', '.join(f'{k} {kinds[k]}' for k in KINDS)}); {negatives} negative items"
    )


# --------------------------------------------------------------------------- naming
def check_naming(lex: dict) -> None:
    fname = "naming.yaml"
    data = load_yaml(GOLD / fname)
    if data is None:
        return
    items = check_common(fname, data, "naming-")
    for item in items:
        where = f"{fname} {item['id']}"
        text = item["text"]
        exp = item.get("expected")
        if not isinstance(exp, list):
            problem(where, "expected must be a list (empty when no set occurs)")
            continue
        need: Counter = Counter()
        a_auth = b_auth = 0
        for k, e in enumerate(exp):
            w = f"{where} expected {k}"
            if not isinstance(e, dict):
                problem(w, "is not a mapping")
                continue
            missing = {"set", "side", "voice", "term", "count"} - set(e)
            if missing:
                problem(w, f"missing keys {sorted(missing)}")
                continue
            if e["side"] not in ("a", "b"):
                problem(w, "side must be a or b")
            if e["voice"] not in VOICES:
                problem(w, f"voice must be one of {VOICES}")
            if not isinstance(e["count"], int) or e["count"] < 1:
                problem(w, "count must be a positive integer")
                continue
            sets = lex["naming"]
            if sets is not None:
                if e["set"] not in sets:
                    problem(w, f"set {e['set']!r} is not an id of naming_sets.yaml")
                elif str(e["term"]).lower() not in sets[e["set"]].get(e["side"], []):
                    problem(w, f"term {e['term']!r} is not a side-{e['side']} term of set {e['set']}")
            need[str(e["term"]).lower()] += e["count"]
            if e["voice"] == "author":
                a_auth += e["count"] if e["side"] == "a" else 0
                b_auth += e["count"] if e["side"] == "b" else 0
        for term, n in need.items():
            got = count_term(term, text)
            if got < n:
                problem(where, f"term {term!r} expected {n} times but occurs {got} times")
        sign = (
            "none"
            if a_auth + b_auth == 0
            else "positive"
            if a_auth > b_auth
            else "negative"
            if b_auth > a_auth
            else "zero"
        )
        if item.get("headline_index_sign") not in SIGNS:
            problem(where, f"headline_index_sign must be one of {SIGNS}")
        elif item["headline_index_sign"] != sign:
            problem(
                where,
                f"headline_index_sign {item['headline_index_sign']} but the author-voice counts give {sign}",
            )
    summary(fname, items)
    voices = Counter(e.get("voice") for i in items for e in i.get("expected") or [] if isinstance(e, dict))
    print(
        f"  expected rows by voice: {dict(voices)}; items with no set: {sum(1 for i in items if not i.get('expected'))}"
    )


# --------------------------------------------------------------------------- claims
def check_claims(lex: dict) -> None:
    fname = "claims.yaml"
    data = load_yaml(GOLD / fname)
    if data is None:
        return
    items = check_common(fname, data, "claims-")
    n_claims = n_mentions = 0
    for item in items:
        where = f"{fname} {item['id']}"
        text = item["text"]
        for key in ("claims", "mentions"):
            rows = item.get(key)
            if not isinstance(rows, list):
                problem(where, f"{key} must be a list (may be empty)")
                continue
            for k, r in enumerate(rows):
                w = f"{where} {key} {k}"
                if not isinstance(r, dict):
                    problem(w, "is not a mapping")
                    continue
                if lex["actors"] is not None and r.get("actor") not in lex["actors"]:
                    problem(w, f"actor {r.get('actor')!r} is not an id of actors.yaml")
                issue = r.get("issue")
                if lex["issues"] is not None:
                    if issue not in lex["issues"]:
                        problem(w, f"issue {issue!r} is not an id of issues.yaml")
                    elif not any(count_term(t, text) for t in lex["issues"][issue]):
                        warn(w, f"no cue term of issue {issue} occurs in the text")
                if key == "claims":
                    n_claims += 1
                    if r.get("role") not in ROLES:
                        problem(w, "role must be 'claim'")
                    if r.get("position") not in (-1, 0, 1):
                        problem(w, "position must be -1, 0 or 1")
                    if r.get("modality", "asserted") not in MODALITIES:
                        problem(w, f"modality must be one of {MODALITIES}")
                    extra = set(r) - {"actor", "issue", "role", "position", "modality", "claim_of", "note"}
                    if "claim_of" in r and lex["actors"] is not None and r["claim_of"] not in lex["actors"]:
                        problem(w, f"claim_of {r['claim_of']!r} is not an id of actors.yaml")
                else:
                    n_mentions += 1
                    extra = set(r) - {"actor", "issue", "note"}
                if extra:
                    problem(w, f"unknown keys {sorted(extra)}")
        keys = [
            (r.get("actor"), r.get("issue"))
            for r in (item.get("claims") or []) + (item.get("mentions") or [])
            if isinstance(r, dict)
        ]
        if len(keys) != len(set(keys)):
            problem(where, "an (actor, issue) pair is listed twice (a pair is a claim or a mention, once)")
    summary(fname, items)
    positions = Counter(
        r.get("position") for i in items for r in i.get("claims") or [] if isinstance(r, dict)
    )
    print(
        f"  {n_claims} claims (positions {dict(sorted(positions.items()))}), {n_mentions} mentions; items with neither: {sum(1 for i in items if not i.get('claims') and not i.get('mentions'))}"
    )


# --------------------------------------------------------------------------- structure
def check_structure() -> None:
    fname = "structure.yaml"
    data = load_yaml(GOLD / fname)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        problem(fname, "needs a top-level mapping with a 'files' list")
        return
    seen = set()
    rows = []
    for n, f in enumerate(data["files"]):
        where = f"{fname} file #{n}"
        if not isinstance(f, dict):
            problem(where, "is not a mapping")
            continue
        name = f.get("file")
        where = f"{fname} {name}"
        if name in seen:
            problem(where, "listed twice")
        seen.add(name)
        missing = {
            "file",
            "split",
            "style",
            "title",
            "deck",
            "headings",
            "furniture",
            "paragraphs",
            "first_paragraph_starts",
        } - set(f)
        if missing:
            problem(where, f"missing keys {sorted(missing)}")
            continue
        if f["split"] not in SPLITS:
            problem(where, f"split must be one of {SPLITS}")
        if f["style"] not in STYLES:
            problem(where, f"style must be one of {STYLES}")
        path = GOLD / "structure" / str(name)
        if not path.is_file():
            problem(where, f"file {path.relative_to(GOLD)} does not exist")
            continue
        raw = path.read_text(encoding="utf-8")
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        rows.append(f)
        set_aside = 0
        for key in ("title", "deck"):
            v = f[key]
            if v is None:
                continue
            if not isinstance(v, str):
                problem(where, f"{key} must be a string or null")
                continue
            if v not in lines:
                problem(where, f"{key} {v!r} is not a line of the file")
            set_aside += 1
        for key in ("headings", "furniture"):
            if not isinstance(f[key], list):
                problem(where, f"{key} must be a list")
                continue
            if not all(isinstance(v, str) for v in f[key]):
                problem(where, f"{key} must be a list of strings (quote lines that contain ': ')")
                continue
            for v in f[key]:
                got = lines.count(v)
                if not got:
                    problem(where, f"{key} line {v!r} is not a line of the file")
                set_aside += got if key == "furniture" else 1
            if len(f[key]) != len(set(f[key])) and key == "furniture":
                problem(where, "list each furniture line once (every occurrence is set aside)")
        if f["title"] is not None and lines and lines[0] != f["title"] and lines[0] not in f["furniture"]:
            warn(where, "the title is not the first line")
        body = [
            ln
            for ln in lines
            if ln not in f["furniture"] and ln not in f["headings"] and ln not in (f["title"], f["deck"])
        ]
        if f["paragraphs"] != len(body):
            problem(
                where,
                f"paragraphs {f['paragraphs']} but the file has {len(body)} lines that are not title, deck, heading or furniture",
            )
        if not body or not body[0].startswith(str(f["first_paragraph_starts"])):
            problem(where, f"the first body line does not start with {f['first_paragraph_starts']!r}")
    files = {p.name for p in (GOLD / "structure").glob("*") if p.is_file()}
    for extra in sorted(files - seen):
        problem(fname, f"structure/{extra} is not listed")
    check_balance(fname, rows)
    summary(fname, rows)


def main() -> int:
    lex = load_lexicons()
    if not (GOLD / "README.md").is_file():
        problem("README.md", "missing")
    check_attribution(lex)
    check_naming(lex)
    check_claims(lex)
    check_structure()
    for w in warnings:
        print(f"warning: {w}")
    for p in problems:
        print(f"PROBLEM: {p}")
    print(f"{len(problems)} problem(s), {len(warnings)} warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
