"""Generate the generic pack's actors (the world's states) from the ``countryinfo`` data package.

The generic topic pack must know the states of the world, their capitals (news writes
"Beijing said" for China's government) and their demonyms ("Chinese officials"), without
anyone typing 250 entries by hand. This module turns the data of ``countryinfo`` (MIT
licence; country names, alternative spellings, capitals and demonyms compiled from
REST Countries and Wikipedia) into ``packs/generic/actors.yaml``::

    python -m research_utils.lexicons.countries > research_utils/lexicons/packs/generic/actors.yaml

``countryinfo`` is needed only to regenerate the file (a dev extra); a test checks that
the shipped file is what this module makes from the installed data.

Rules (each also stated in the file's header):

* names, alternative English spellings (ASCII, not an ISO code, no comma) and capitals
  are matched only as written (``case_sensitive``): "Turkey" the state, not "turkey";
* demonyms are adjectives (``case_sensitive_adjectives``): "Polish", not "polish";
* a word that two entries share ("Congolese", "French", "Kingston") stays with the most
  populous one only, so a mention is never counted for two states;
* a state's name that is also a common first name or a US state (Jordan, Chad, Georgia)
  is dropped from its terms (its capital and demonym stay), see :data:`AMBIGUOUS`;
* English short forms the data gives only as ISO codes are added from
  :data:`SHORT_FORMS` (US, U.S.), the one hand-written table here.
"""

from __future__ import annotations

import re
import sys
from typing import Any

__all__ = ["AMBIGUOUS", "SHORT_FORMS", "country_entries", "render_yaml"]

AMBIGUOUS: dict[str, str] = {
    "Jordan": "also a common first name (Jordan Bardella, Michael Jordan)",
    "Chad": "also a common first name",
    "Georgia": "also a US state and a first name",
}
"""State names dropped from the terms, with the reason (capital and demonym stay)."""

SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "USA", "Washington"),
    "GBR": ("UK", "U.K.", "Britain"),
    "ARE": ("UAE",),
}
"""English short forms keyed by ISO alpha-3, which the data gives only as codes."""

_MULTI = re.compile(r"\s*(?:/| or |,)\s*")


def _ascii(text: str) -> bool:
    return all(ord(ch) < 128 for ch in text)


def _records() -> list[dict[str, Any]]:
    from countryinfo import all_countries

    return [c.info() for c in all_countries()]


def country_entries(records: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Actor entries (``id``, ``label``, ``kind``, ``terms``, ``case_sensitive``,
    ``case_sensitive_adjectives``, ``notes``) for every country of ``countryinfo``.

    ``records`` are ``CountryInfo(...).info()`` dictionaries (None reads the installed data).
    """
    records = _records() if records is None else records
    candidates: list[tuple[int, dict[str, Any]]] = []
    for info in records:
        iso = info.get("ISO") or {}
        alpha2, alpha3 = str(iso.get("alpha2") or ""), str(iso.get("alpha3") or "")
        name = str(info.get("name") or "").strip()
        capital = str(info.get("capital") or "").strip()
        if not alpha3 or not name or "," in name or "(" in name or not capital:
            continue
        names = [name]
        for alt in info.get("altSpellings") or []:
            alt = str(alt).strip()
            if alt and _ascii(alt) and alt not in (alpha2, alpha3) and "," not in alt and len(alt) > 3:
                names.append(alt)
        names += SHORT_FORMS.get(alpha3, ())
        capitals = [capital]
        if capital.endswith(" D.C."):
            capitals.append(capital[: -len(" D.C.")])
        demonyms = [d for d in _MULTI.split(str(info.get("demonym") or "")) if d and _ascii(d)]
        notes = [f"{n}: {AMBIGUOUS[n]}, so not matched" for n in names if n in AMBIGUOUS]
        entry = {
            "id": alpha3.lower(),
            "label": name,
            "kind": "country",
            "terms": [],
            "case_sensitive": [n for n in dict.fromkeys(names + capitals) if n not in AMBIGUOUS],
            "case_sensitive_adjectives": list(dict.fromkeys(demonyms)),
            "notes": "; ".join(notes),
        }
        population = int(info.get("population") or 0)
        twin = next((c for c in candidates if c[1]["id"] == entry["id"]), None)
        if twin is None:
            candidates.append((population, entry))
            continue
        # two records of one ISO code (Burma/Myanmar): one entry, labelled as the more populous
        first, second = (twin[1], entry) if twin[0] >= population else (entry, twin[1])
        for field in ("case_sensitive", "case_sensitive_adjectives"):
            first[field] = list(dict.fromkeys(first[field] + second[field]))
        first["notes"] = "; ".join(x for x in (first["notes"], second["notes"]) if x)
        candidates[candidates.index(twin)] = (max(population, twin[0]), first)
    # a word shared by two entries stays with the most populous one
    owner: dict[tuple[str, str], str] = {}
    for _, entry in sorted(candidates, key=lambda c: (-c[0], c[1]["id"])):
        for field in ("case_sensitive", "case_sensitive_adjectives"):
            kept = []
            for term in entry[field]:
                key = (field, term.lower())
                if key in owner:
                    entry["notes"] = "; ".join(
                        x for x in (entry["notes"], f"{term}: kept for {owner[key]} (more populous)") if x
                    )
                    continue
                owner[key] = entry["label"]
                kept.append(term)
            entry[field] = kept
    entries = [e for _, e in candidates if e["case_sensitive"] or e["case_sensitive_adjectives"]]
    return sorted(entries, key=lambda e: e["id"])


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_yaml(entries: list[dict[str, Any]], version: str) -> str:
    """The ``actors.yaml`` text of the generic pack for ``entries``."""
    head = f"""# GENERATED by `python -m research_utils.lexicons.countries` from countryinfo {version}.
# Do not edit by hand: change the rules in research_utils/lexicons/countries.py and regenerate.
meta:
  name: Actors (world states)
  description: >
    The world's states and territories as actors: name, English alternative names and
    capital (as a metonym: "Beijing said") matched only as written, and demonyms as
    adjectives. Named speakers who are not states become actors of their own in the stance
    report; this list only says which side a state's name points to.
  method: >
    Generated from the countryinfo data package ({version}, MIT licence) by
    research_utils/lexicons/countries.py. Names, ASCII alternative spellings that are not
    ISO codes, and capitals are case-sensitive terms; demonyms are case-sensitive
    adjectives. A word shared by two entries stays with the more populous one; state names
    that are common first names or US states are dropped (see each entry's notes); English
    short forms that the data gives only as codes (US, UK, UAE) come from one table in the
    generator. Capitals as metonyms also match place mentions ("talks in Geneva"): a
    mention is a cue, not a reading.
  sources:
    - "countryinfo {version} (PyPI), data compiled from REST Countries and Wikipedia; MIT licence."
    - "Koopmans, R. & Statham, P. (1999). Political claims analysis. Mobilization 4(2), 203-221."
entries:
"""
    lines = [head.rstrip("\n")]
    for e in entries:
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    label: {_q(e['label'])}")
        lines.append(f"    kind: {e['kind']}")
        lines.append("    terms: []")
        for field in ("case_sensitive", "case_sensitive_adjectives"):
            if e[field]:
                lines.append(f"    {field}: [{', '.join(_q(t) for t in e[field])}]")
        if e["notes"]:
            lines.append(f"    notes: {_q(e['notes'])}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Print the generic pack's ``actors.yaml``."""
    from importlib.metadata import version

    sys.stdout.write(render_yaml(country_entries(), version("countryinfo")))


if __name__ == "__main__":
    main()
