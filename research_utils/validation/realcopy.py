"""The real-copy gold set: facts in the repository, texts in a local cache, items to score.

``tests/gold/real/articles/<id>.yaml`` holds, for each real published article, its URL,
outlet, dates, split (by outlet), the SHA-256 of the text as read and the labels as
character offsets (``tests/gold/real/README.md``). The texts stay outside the repository,
in :func:`research_utils.paths.real_copy_dir` (``texts/<id>.txt``). :func:`load_real`
joins the two (checking each text's hash) and gives the items of every measure in the
shape the scorers of :mod:`research_utils.validation.scoring` take, each with its own
parsed document and the lexicons of its topic pack.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research_utils.ingest import Document, load_article
from research_utils.paths import real_copy_dir
from research_utils.safeyaml import load_yaml

__all__ = ["RealCopy", "load_real", "real_records"]


@dataclass
class RealCopy:
    """The real-copy items of each measure, and what could not be loaded.

    ``attribution``, ``claims``, ``naming``, ``structure``: items for the scorers (claims
    and naming only for articles of a pack that has issues / naming sets). ``records``: the
    facts of every article found. ``missing``: ids whose text is not in the cache;
    ``changed``: ids whose cached text has another hash than the one coded.
    """

    cache: Path
    records: list[dict[str, Any]] = field(default_factory=list)
    attribution: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    naming: list[dict[str, Any]] = field(default_factory=list)
    structure: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        """Articles whose text was found with the coded hash."""
        return len(self.attribution)

    def outlets(self, split: str) -> list[str]:
        """The outlets of ``split`` (``dev`` or ``test``) among the loaded articles."""
        return sorted({str(it["outlet"]) for it in self.attribution if it["split"] == split})


def real_records(gold: Path) -> list[dict[str, Any]]:
    """The facts of every real article in ``gold/real/articles`` (sorted by id)."""
    folder = Path(gold) / "real" / "articles"
    if not folder.is_dir():
        return []
    return [load_yaml(p, max_bytes=1_000_000, what="gold file") for p in sorted(folder.glob("*.yaml"))]


def _span(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def _items(record: dict[str, Any], text: str, doc: Document, lexicons: tuple[Any, Any]) -> dict[str, Any]:
    stance_lex, framing_lex = lexicons
    base = {
        "id": record["id"],
        "split": record["split"],
        "outlet": record["outlet"],
        "topic": record["topic"],
        "coded": str(record.get("coded") or ""),
        "document": doc,
        "stance_lexicons": stance_lex,
        "framing_lexicons": framing_lex,
    }
    st = record.get("structure") or {}
    heads = [sp for sp in [st.get("title"), st.get("deck"), *(st.get("headings") or [])] if sp]
    attributions = []
    for a in record.get("attributions") or []:
        if _in_heads(a["content"][0], heads):
            continue  # speech in the headline, deck or a heading: the analysis reads the body
        row = {
            "speaker": _span(text, a.get("speaker")),
            "speaker_name": a.get("speaker_name"),
            "actor": a.get("actor"),
            "kind": a.get("kind"),
            "content": _span(text, a["content"]),
            "verb": _span(text, a.get("verb")),
            "family": list(a.get("family") or []),
        }
        attributions.append(row)
    terms = _naming_terms(framing_lex)
    counts = Counter(
        (u["set"], u["side"], u["voice"])
        for u in record.get("naming") or []
        if _listed(_span(text, u["at"]) or "", terms.get((u["set"], u["side"]), ()))
        and not _in_heads(u["at"][0], heads)  # the analyses read the body, not the headline
    )
    claims = [c for c in record.get("claims") or [] if not _in_heads(c["sentence"][0], heads)]
    a_own = sum(n for (_, side, voice), n in counts.items() if side == "a" and voice == "author")
    b_own = sum(n for (_, side, voice), n in counts.items() if side == "b" and voice == "author")
    return {
        "attribution": {**base, "attributions": attributions},
        "claims": {**base, "claims": claims},
        "naming": {
            **base,
            "expected": [
                {"set": k[0], "side": k[1], "voice": k[2], "count": n} for k, n in sorted(counts.items())
            ],
            "headline_index_sign": (
                "none"
                if not a_own + b_own
                else "positive"
                if a_own > b_own
                else "negative"
                if b_own > a_own
                else "zero"
            ),
        },
        "structure": {
            **base,
            "title": _span(text, st.get("title")),
            "deck": _span(text, st.get("deck")),
            "headings": [_span(text, h) for h in st.get("headings") or []],
            "furniture": [_span(text, f) for f in st.get("furniture") or []],
            "paragraphs": st.get("paragraphs"),
        },
    }


def _in_heads(at: int, heads: list[list[int]]) -> bool:
    """Whether offset ``at`` lies in the title, the deck or a heading (the analyses read the
    body: what the headline repeats is scored where the body says it)."""
    return any(h[0] <= at < h[1] for h in heads)


def _norm_term(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _naming_terms(framing_lex: Any) -> dict[tuple[str, str], tuple[str, ...]]:
    """``{(set, side): terms}`` of the naming sets the article is scored with."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for e in framing_lex.naming.entries:
        for side in ("a", "b"):
            out[(str(e["id"]), side)] = tuple(_norm_term(str(t)) for t in e[f"side_{side}"])
    return out


def _listed(span: str, terms: tuple[str, ...]) -> bool:
    """Whether a coded naming use is a term the set lists today: the coders coded only
    listed terms; a term taken out of a set since (a neutral name such as "Ukrainian
    forces", issue 17) no longer counts, as the rules of tests/gold/README.md say."""
    word = _norm_term(span)
    return any(word == t or t in word for t in terms)


def load_real(gold: str | Path, cache: Path | None = None) -> RealCopy:
    """The real-copy items whose texts the cache holds with the hash they were coded on.

    Parameters
    ----------
    gold : str or Path
        The gold folder (``tests/gold``; the facts are in ``real/articles``).
    cache : Path, optional
        The cache of texts (default :func:`research_utils.paths.real_copy_dir`).
    """
    from research_utils.analyses import framing, stance

    cache = Path(cache) if cache is not None else real_copy_dir()
    out = RealCopy(cache=cache, records=real_records(Path(gold)))
    packs: dict[str, tuple[Any, Any]] = {}
    for record in out.records:
        path = cache / "texts" / f"{record['id']}.txt"
        if not path.is_file():
            out.missing.append(record["id"])
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != record["sha256"]:
            out.changed.append(record["id"])
            continue
        pack = str(record["pack"])
        if pack not in packs:
            packs[pack] = (stance.load_stance_lexicons(pack=pack), framing.load_lexicons(pack=pack))
        doc = load_article(path)
        items = _items(record, raw.decode("utf-8"), doc, packs[pack])
        out.attribution.append(items["attribution"])
        out.structure.append(items["structure"])
        if packs[pack][0].issues.entries:  # claims apply where the pack has contested issues
            out.claims.append(items["claims"])
        if packs[pack][1].naming.entries:  # naming applies where it has naming sets
            out.naming.append(items["naming"])
    return out
