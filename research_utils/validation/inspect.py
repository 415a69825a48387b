"""Look at one development article of the real-copy gold set beside what the tool makes of it.

``python -m research_utils.validation --show ID [ID ...]`` prints, for each development
article: its structure as parsed (title, deck, body paragraphs, lines set aside), the
labelled attributions and the attributions found, and the labelled and found claims. It
refuses the held-out articles: nobody who changes rules reads them.
"""

from __future__ import annotations

from typing import Any

from research_utils.validation.realcopy import RealCopy

__all__ = ["show"]


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text[:width].ljust(width)


def show(real: RealCopy, ids: list[str]) -> str:
    """The comparison of the development articles ``ids`` (held-out ones are refused)."""
    from research_utils.analyses import stance

    by_id = {it["id"]: it for it in real.attribution}
    claims = {it["id"]: it for it in real.claims}
    lines: list[str] = []
    for art in ids:
        item = by_id.get(art)
        if item is None:
            lines.append(f"{art}: not in the loaded real-copy set")
            continue
        if item["split"] != "dev":
            lines.append(f"{art}: a held-out article; not shown (read only the figures of the test split)")
            continue
        doc = item["document"]
        lex = item["stance_lexicons"]
        lines += ["=" * 110, f"{art} ({item['outlet']}, {item['topic']})"]
        lines.append(f"title: {doc.title!r}")
        lines.append(f"deck:  {doc.deck!r}")
        lines += [f"[{i}] {p}" for i, p in enumerate(doc.paragraphs)]
        lines.append(f"set aside: {[b.text[:70] for b in doc.blocks if b.role == 'excluded']}")
        lines.append("--- labelled: speaker | name | actor | kind | verb | content")
        for g in item["attributions"]:
            lines.append(
                "  "
                + " | ".join(
                    [
                        _cell(g["speaker"], 28),
                        _cell(g["speaker_name"], 20),
                        _cell(g["actor"], 8),
                        _cell(g["kind"], 9),
                        _cell(g["verb"], 10),
                        _cell(g["content"], 80),
                    ]
                )
                + (f"  {g['family']}" if g["family"] else "")
            )
        lines.append("--- found")
        for r in stance.attributions(doc, lex).itertuples(index=False):
            lines.append(
                "  "
                + " | ".join(
                    [
                        _cell(r.speaker, 28),
                        _cell(r.speaker_name, 20),
                        _cell(r.actor, 8),
                        _cell(r.kind, 9),
                        _cell(r.verb, 10),
                        _cell(r.quote, 80),
                    ]
                )
            )
        if art in claims:
            lines.append(
                "--- claims labelled: "
                + "; ".join(f"{c['actor']}:{c['issue']}:{c['position']:+d}" for c in claims[art]["claims"])
            )
            found = stance.claims(doc, lex)
            if "role" in found.columns:
                found = found[found["role"].isin(["claim", "speaker", "subject"])]
            lines.append(
                "--- claims found:    "
                + "; ".join(
                    f"{r.actor}:{r.issue}:{r.position} [{str(r.sentence)[:60]}]"
                    for r in found.itertuples(index=False)
                )
            )
    return "\n".join(lines)
