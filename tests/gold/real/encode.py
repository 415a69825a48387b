"""Turn coding files (spans as strings, in the local cache) into offset files (in the repository).

``python tests/gold/real/encode.py [ID ...]`` reads ``coding/<id>.yaml`` and ``texts/<id>.txt``
from the real-copy cache (``$RESEARCH_UTILS_REAL_COPY``, default
``~/.cache/research-utils/real-copy``) and writes ``tests/gold/real/articles/<id>.yaml``:
the same facts with every span replaced by ``[start, end]`` character offsets into the text,
and the text's SHA-256. No sentence of the article reaches the repository. Spans are
written as in ``tests/gold/real/README.md`` ("How spans are written"). Exits 1 naming each
span it cannot place.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from research_utils.paths import real_copy_dir

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles"
OPEN, CLOSE = "⟦", "⟧"

FACTS = (
    "id",
    "url",
    "outlet",
    "outlet_kind",
    "outlet_country",
    "topic",
    "subject",
    "pack",
    "published",
    "read",
    "coded",
    "coder",
    "split",
    "truncated",
)
"""Fields copied as they are (they hold no sentence of the article)."""


def read_text(path: Path) -> str:
    """A cached text exactly as saved (bytes decoded as UTF-8, no newline translation)."""
    return path.read_bytes().decode("utf-8")


class SpanError(ValueError):
    """A span that cannot be placed in the text."""


def _all(text: str, needle: str, words: bool = False) -> list[int]:
    """Every start of ``needle`` in ``text``; with ``words``, only where it is not part of a
    longer word ("he" is not found in "the")."""
    out, start = [], 0
    while needle:
        i = text.find(needle, start)
        if i < 0:
            return out
        end = i + len(needle)
        inside = words and (
            (needle[0].isalnum() and i > 0 and text[i - 1].isalnum())
            or (needle[-1].isalnum() and end < len(text) and text[end].isalnum())
        )
        if not inside:
            out.append(i)
        start = i + 1
    return out


def locate(text: str, spec: str, near: tuple[int, int] | None = None, words: bool = True) -> tuple[int, int]:
    """Offsets of ``spec`` in ``text``: unique, marked with ⟦ ⟧ in a unique context, or
    (when ``near`` is given) the occurrence closest to ``near``. A plain ``spec`` is found
    only as whole words unless ``words`` is False (parts of lines and sentences)."""
    spec = str(spec)
    if OPEN in spec:
        before, rest = spec.split(OPEN, 1)
        inner, after = rest.split(CLOSE, 1)
        context = before + inner + after
        hits = _all(text, context)
        if not hits:
            raise SpanError(f"context not found: {context[:60]!r}")
        if len(hits) > 1 and near is None:
            raise SpanError(f"context occurs {len(hits)} times: {context[:60]!r}")
        start = _closest(hits, len(context), near) if len(hits) > 1 else hits[0]
        return start + len(before), start + len(before) + len(inner)
    hits = _all(text, spec, words=words)
    if not hits:
        raise SpanError(f"not found as whole words: {spec[:60]!r}")
    if len(hits) > 1 and near is None:
        raise SpanError(f"occurs {len(hits)} times, mark it with ⟦ ⟧: {spec[:60]!r}")
    start = _closest(hits, len(spec), near) if len(hits) > 1 else hits[0]
    return start, start + len(spec)


def _closest(hits: list[int], length: int, near: tuple[int, int] | None) -> int:
    assert near is not None
    lo, hi = near

    def distance(i: int) -> int:
        return 0 if i < hi and i + length > lo else min(abs(i + length - lo), abs(i - hi))

    return min(hits, key=distance)


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(A-Z0-9])|\n")


def widen_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to the sentence around it (sentence ends: . ! ? before a capital, or a line break)."""
    left = 0
    for m in _SENTENCE_END.finditer(text):  # the whole text: the capital after an end may be the span's start
        if m.end() > start:
            break
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    return left, right


def widen_line(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to its whole line (without the line break; a span that ends with the
    line break stays on its line)."""
    while end > start + 1 and text[end - 1] in "\r\n":
        end -= 1
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def encode(coding: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """The repository record of one coded article, and the problems found."""
    problems: list[str] = []
    out: dict[str, Any] = {k: coding.get(k) for k in FACTS}
    out["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out["chars"] = len(text)

    def place(what: str, spec: Any, near: tuple[int, int] | None = None, widen=None) -> list[int] | None:
        if spec is None:
            return None
        try:
            s, e = locate(text, spec, near, words=widen is None)
        except SpanError as exc:
            problems.append(f"{coding.get('id')}: {what}: {exc}")
            return None
        if widen is not None:
            s, e = widen(text, s, e)
        return [s, e]

    rows = []
    for n, a in enumerate(coding.get("attributions") or [], 1):
        content = place(f"attribution {n} content", a.get("content"))
        near = tuple(content) if content else None
        row = {
            "speaker": place(f"attribution {n} speaker", a.get("speaker"), near),
            "speaker_name": a.get("speaker_name"),
            "speaker_type": a.get("speaker_type"),
            "actor": a.get("actor"),
        }
        if a.get("affiliation") is not None:
            row["affiliation"] = a["affiliation"]
        row.update(
            {
                "kind": a.get("kind"),
                "verb": place(f"attribution {n} verb", a.get("verb"), near),
                "content": content,
            }
        )
        if a.get("family"):
            row["family"] = list(a["family"])
        rows.append(row)
    out["attributions"] = rows
    out["non_attributions"] = [
        place(f"non_attribution {n}", s) for n, s in enumerate(coding.get("non_attributions") or [], 1)
    ]
    claims = []
    for n, c in enumerate(coding.get("claims") or [], 1):
        row = {k: c[k] for k in ("actor", "issue", "position") if k in c}
        row["modality"] = c.get("modality", "asserted")
        if c.get("claim_of"):
            row["claim_of"] = c["claim_of"]
        row["sentence"] = place(f"claim {n} sentence", c.get("sentence"), widen=widen_sentence)
        claims.append(row)
    out["claims"] = claims
    out["mentions"] = [
        {
            "actor": m.get("actor"),
            "issue": m.get("issue"),
            "sentence": place(f"mention {n} sentence", m.get("sentence"), widen=widen_sentence),
        }
        for n, m in enumerate(coding.get("mentions") or [], 1)
    ]
    naming = []
    for n, u in enumerate(coding.get("naming") or [], 1):
        row = {k: u.get(k) for k in ("set", "side", "voice")}
        if u.get("reported"):
            row["reported"] = True
        row["at"] = place(f"naming {n}", u.get("at"))
        naming.append(row)
    out["naming"] = naming
    st = coding.get("structure") or {}
    out["structure"] = {
        "title": place("title", st.get("title"), widen=widen_line),
        "deck": place("deck", st.get("deck"), widen=widen_line),
        "headings": [
            place(f"heading {n}", h, widen=widen_line) for n, h in enumerate(st.get("headings") or [], 1)
        ],
        "furniture": [
            place(f"furniture {n}", f, widen=widen_line) for n, f in enumerate(st.get("furniture") or [], 1)
        ],
        "paragraphs": st.get("paragraphs"),
    }
    if coding.get("notes"):
        out["notes"] = coding["notes"]
    return out, problems


class _Flow(yaml.SafeDumper):
    pass


def _short_lists_flow(dumper: yaml.SafeDumper, data: list[Any]) -> Any:
    flow = all(not isinstance(v, dict | list) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Flow.add_representer(list, _short_lists_flow)


def dump(record: dict[str, Any]) -> str:
    """YAML text of a record (short lists in flow style, keys in the order given)."""
    head = (
        "# Facts about a real published article (tests/gold/real/README.md): offsets into the\n"
        "# text as read, kept in the local cache; no sentence of the article is stored here.\n"
    )
    return head + yaml.dump(record, Dumper=_Flow, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str]) -> int:
    cache = real_copy_dir()
    ids = argv or sorted(p.stem for p in (cache / "coding").glob("*.yaml"))
    problems: list[str] = []
    OUT.mkdir(exist_ok=True)
    for art in ids:
        coding_file = cache / "coding" / f"{art}.yaml"
        text_file = cache / "texts" / f"{art}.txt"
        if not coding_file.is_file() or not text_file.is_file():
            problems.append(f"{art}: missing {coding_file if not coding_file.is_file() else text_file}")
            continue
        coding = yaml.safe_load(coding_file.read_text(encoding="utf-8"))
        if coding.get("id") != art:
            problems.append(f"{art}: the coding file's id is {coding.get('id')!r}")
            continue
        record, found = encode(coding, read_text(text_file))
        problems += found
        if not found:
            (OUT / f"{art}.yaml").write_text(dump(record), encoding="utf-8")
    for p in problems:
        print(p)
    print(f"{len(ids)} coding file(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
