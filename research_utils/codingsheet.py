"""The hand-coding sheet: its columns, its codes, its instructions, and reading it back.

Declared once for both ends: the stance report writes the sheet
(:func:`research_utils.analyses.stance.validation.coding_sheet`) and ``research-report
agreement`` reads it back once people have coded it (:func:`read_sheet`, then
:mod:`research_utils.agreement`). The sheet is one CSV file (UTF-8 with a byte-order mark,
as every table of the reports) that a spreadsheet opens and saves again as CSV (comma or
semicolon, with or without the byte-order mark) or as ``.xlsx``:

* a few **instruction rows** at the top, each one cell starting with ``#``: how to code,
  the actor and issue ids of the topic pack, and one ``# stratum`` row per stratum of the
  sample with the sentences it holds and the number drawn (the weights come from these);
* an empty row, then the **header row** and one row per sampled sentence and measure,
  with the columns :data:`COLUMNS`. Any number of coder columns ``coder1``, ``coder2``,
  ``coder3`` ... may be added.

A coder cell left empty is *not coded*; ``none`` (or ``-``) is a code: nothing of this
measure in the sentence. This module knows the format only; it imports no other module
of the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "COLUMNS",
    "MEASURES",
    "NONE",
    "STRATA",
    "UNKNOWN",
    "Sheet",
    "SheetError",
    "claims_text",
    "header_row",
    "parse_claims",
    "parse_speakers",
    "preamble",
    "read_sheet",
    "speakers_text",
]

FORMAT = "research-report coding sheet, format 1"
"""First words of the first instruction row."""

COLUMNS = (
    "measure",
    "article",
    "sentence_id",
    "sentence",
    "coder1",
    "coder2",
    "note",
    "stratum",
    "weight",
    "tool",
)
"""Columns of the sheet as written. The analysis columns (stratum, weight, tool) come last, so
that a coder can hide them and code without seeing what the tool found."""

REQUIRED = ("measure", "article", "sentence_id", "stratum", "weight", "tool")
"""Columns a coded sheet must keep (``sentence`` and ``note`` are for people only)."""

MEASURES = {
    "attribution": "does the sentence report someone's speech, and who speaks",
    "claim": "what each actor is reported to want on each issue (actor:issue:position)",
}
"""The measures of the sheet, in the order of its rows."""

STRATA = {
    "claim": "sentences in which the tool found a claim",
    "speech": "sentences in which the tool found reported speech but no claim",
    "nothing": "sentences in which the tool found neither",
}
"""The strata of the sample: where the tool found something and where it found nothing."""

NONE = "none"
"""The code for "nothing of this measure in the sentence" (an empty cell is "not coded")."""

_NONE_WORDS = frozenset({"none", "-", "–", "—"})

UNKNOWN = "unknown"
"""The speaker code of reported speech whose speaker the text does not give."""

CODER = re.compile(r"coder\d+")
"""Names of the coder columns (``coder1``, ``coder2`` ...)."""

POSITIONS = {"+1": 1, "1": 1, "-1": -1, "0": 0, "+0": 0, "-0": 0}
"""Position codes of a claim: +1 supports, -1 opposes, 0 takes the issue up without a side."""

_ID = re.compile(r"[^\s:;,]+")
"""An actor or issue id in a claim code (the lexicon's id, compared in lower case)."""


class SheetError(ValueError):
    """A sheet that cannot be scored; the message names the row and column and what to write."""


# ------------------------------------------------------------------------------ codes


def speakers_text(names: list[str] | tuple[str, ...]) -> str:
    """The attribution code of a sentence: its speakers joined by ``"; "``, or ``none``."""
    clean = [re.sub(r"\s+", " ", n.replace(";", ",")).strip() for n in names]
    return "; ".join(dict.fromkeys(n for n in clean if n)) or NONE


def claims_text(claims: list[tuple[str, str, int]] | set[tuple[str, str, int]]) -> str:
    """The claim code of a sentence: ``actor:issue:+1`` items joined by ``"; "``, or ``none``."""
    items = sorted(set(claims))
    return "; ".join(f"{a}:{i}:{'+1' if p > 0 else '-1' if p < 0 else '0'}" for a, i, p in items) or NONE


def _is_none(text: str) -> bool:
    return text.strip().lower() in _NONE_WORDS


def parse_speakers(text: str) -> tuple[str, ...]:
    """The speakers of an attribution code (``()`` for ``none``).

    Raises
    ------
    ValueError
        For a code with an empty name between two ``;``.
    """
    if _is_none(text):
        return ()
    names = [re.sub(r"\s+", " ", n).strip() for n in text.strip().strip(";").split(";")]
    if any(not n for n in names):
        raise ValueError(f"'{text.strip()}' has an empty name between two ';': write names separated by ';'")
    return tuple(names)


def parse_claims(
    text: str, actors: frozenset[str] | None = None, issues: frozenset[str] | None = None
) -> frozenset[tuple[str, str, int]]:
    """The claims of a claim code (empty for ``none``), checked against the pack's ids when given.

    Raises
    ------
    ValueError
        For an item that is not ``actor:issue:position``, a position other than +1, -1 or 0,
        or an actor or issue that the sheet's instruction rows do not list.
    """
    if _is_none(text):
        return frozenset()
    out = set()
    for raw in text.strip().strip(";").split(";"):
        item = raw.strip()
        if not item:
            raise ValueError(f"'{text.strip()}' has an empty item between two ';'")
        parts = [p.strip() for p in item.lower().split(":")]
        if len(parts) != 3 or not _ID.fullmatch(parts[0]) or not _ID.fullmatch(parts[1]):
            raise ValueError(
                f"'{item}' is not a claim: write actor:issue:position, e.g. ukraine:neutrality:+1 (or none)"
            )
        actor, issue, pos = parts[0], parts[1], parts[2].replace("−", "-").replace("–", "-").replace(" ", "")
        if pos not in POSITIONS:
            raise ValueError(
                f"'{item}' has the position '{parts[2]}': write +1 (supports), -1 (opposes) or 0"
            )
        if actors is not None and actor not in actors:
            raise ValueError(
                f"'{item}' names the actor '{actor}', which the sheet does not list: use one of {', '.join(sorted(actors))}"
            )
        if issues is not None and issue not in issues:
            raise ValueError(
                f"'{item}' names the issue '{issue}', which the sheet does not list: use one of {', '.join(sorted(issues))}"
            )
        out.add((actor, issue, POSITIONS[pos]))
    return frozenset(out)


# ------------------------------------------------------------------------------ writing


def preamble(
    strata: pd.DataFrame,
    *,
    seed: int,
    measures: tuple[str, ...],
    actors: list[str],
    issues: list[tuple[str, str, str]],
) -> list[str]:
    """The instruction rows written above the header row.

    Parameters
    ----------
    strata : DataFrame
        ``stratum``, ``sentences`` (in the articles), ``drawn``, ``weight``.
    seed : int
        The seed of the draw.
    measures : tuple of str
        The measures of the sheet.
    actors, issues : list
        The actor ids and the issues (id, label, what +1 means) of the topic pack, for the
        claim codes (left out when there is no claim measure).
    """
    lines = [
        f"# {FORMAT}. Written by the stance report; score it with: research-report agreement THIS_FILE",
        "# Each sampled sentence has one row per measure. Code each row in your own column "
        "(coder1, coder2; add coder3, coder4 ... for more people) without looking at the tool: "
        "hide the columns stratum, weight and tool while you code. Read the article when the sentence "
        "alone does not say who speaks. Save your coded copy outside the report folder "
        "(a new build of the report replaces its files), as CSV or as .xlsx.",
        f"# An empty cell is 'not coded yet'; write {NONE} when the sentence has nothing of the measure. "
        "Several codes in one cell are separated by ';'. The note column is free text.",
    ]
    if "attribution" in measures:
        lines.append(
            "# attribution: does the sentence report someone's speech (a quotation, a clause after said, "
            "told, according to ... , also a sentence inside a quotation attributed in a neighbouring "
            "sentence)? Write who speaks as the text names them (the person's name, or e.g. "
            f"the Kremlin; a pronoun replaced by the name the article gives), {UNKNOWN} when the text does "
            f"not say who, {NONE} when the sentence reports no speech. Names are compared by surname."
        )
    if "claim" in measures:
        lines.append(
            "# claim: what each actor is reported to want on each issue, as actor:issue:position with "
            "position +1 (supports), -1 (opposes) or 0 (takes the issue up without a side), e.g. "
            f"ukraine:neutrality:+1; russia:nato_membership:-1 ; {NONE} when the sentence holds no claim. "
            "A claim inside a quotation belongs to its speaker's side; use the ids below."
        )
        lines.append(f"# actors: {', '.join(actors)}")
        lines.extend(f"# issue {i}: {label} (+1 = {positive})" for i, label, positive in issues)
    lines.append(
        f"# sample: sentences drawn at random with seed {seed}, separately in each stratum; "
        "weight = sentences in the stratum / sentences drawn, so that estimates can be weighted back."
    )
    lines.extend(
        f"# stratum {r.stratum}: {r.drawn} of {r.sentences} sentences drawn, weight {r.weight:g} "
        f"({STRATA.get(r.stratum, '')})"
        for r in strata.itertuples()
    )
    return lines


# ------------------------------------------------------------------------------ reading


def _letters(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def header_row(rows: list[list[str]]) -> int | None:
    """The index of the header row: the first row with the cells ``measure`` and ``sentence_id``."""
    for i, row in enumerate(rows):
        cells = {c.strip().lower() for c in row}
        if {"measure", "sentence_id"} <= cells:
            return i
    return None


@dataclass(frozen=True)
class Sheet:
    """A coded sheet, checked.

    ``rows`` has ``row`` (the spreadsheet's row number), ``measure``, ``article``,
    ``sentence_id``, ``stratum``, ``weight``, ``tool`` (the parsed code) and one column
    per coder (the parsed code, None where the cell is empty). Codes are a tuple of speaker
    names (attribution) or a frozenset of (actor, issue, position) (claim); empty for none.
    """

    rows: pd.DataFrame
    coders: tuple[str, ...]
    measures: tuple[str, ...]
    strata: pd.DataFrame
    weights_from: str
    how_read: str = ""
    notes: list[str] = field(default_factory=list)


def _preamble_info(lines: list[str]) -> tuple[frozenset[str] | None, frozenset[str] | None, pd.DataFrame]:
    actors = None
    issues: set[str] = set()
    strata = []
    for line in lines:
        text = line.strip()
        if m := re.match(r"#\s*actors:\s*(.*)$", text):
            actors = frozenset(a.lower() for a in re.split(r"[,;\s]+", m[1]) if a)
        elif m := re.match(r"#\s*issue\s+([^\s:;,]+):", text):
            issues.add(m[1].lower())
        elif m := re.match(r"#\s*stratum\s+(\S+):\s*(\d+)\s+of\s+(\d+)\s+sentences", text):
            drawn, total = int(m[2]), int(m[3])
            if 0 < drawn <= total:
                strata.append((m[1], total, drawn, total / drawn))
    table = pd.DataFrame(strata, columns=["stratum", "sentences", "drawn", "weight"])
    return actors, (frozenset(issues) or None), table.drop_duplicates("stratum")


def _number(text: str) -> float | None:
    t = text.strip().replace(" ", "")
    if re.fullmatch(r"\d+,\d+", t):  # a decimal comma (a spreadsheet in a German or French locale)
        t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def read_sheet(rows: list[list[str]], how_read: str = "") -> Sheet:
    """Check the rows of a coded sheet (text cells, as :func:`research_utils.report.agreement.rows_from_bytes`
    reads them from a CSV or .xlsx file) and parse its codes.

    Raises
    ------
    SheetError
        With one line naming the row and the column of the first bad value and what to write.
    """
    at = header_row(rows)
    if at is None:
        raise SheetError("has no header row (a row with the columns measure, sentence_id ...)")
    header = [c.strip().lower() for c in rows[at]]
    seen: dict[str, int] = {}
    for j, name in enumerate(header):
        if name and name in seen:
            raise SheetError(
                f"row {at + 1}: the column '{name}' appears twice ({_letters(seen[name])} and {_letters(j)})"
            )
        if name:
            seen[name] = j
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        raise SheetError(
            f"row {at + 1}: the column(s) {', '.join(missing)} are missing: keep every column the stance report wrote"
        )
    coders = tuple(sorted((n for n in seen if CODER.fullmatch(n)), key=lambda n: int(n[5:])))
    if not coders:
        raise SheetError(f"row {at + 1}: no coder column: name each coder's column coder1, coder2 ...")
    actors, issues, strata = _preamble_info([r[0] for r in rows[:at] if r and r[0].strip().startswith("#")])
    weights = dict(zip(strata["stratum"], strata["weight"], strict=True))
    records = []
    keys: dict[tuple[str, str, int], int] = {}
    for i in range(at + 1, len(rows)):
        row = rows[i]
        if not any(c.strip() for c in row) or (row and row[0].strip().startswith("#")):
            continue
        n = i + 1

        def cell(name: str, row: list[str] = row) -> str:
            j = seen[name]
            return row[j].strip() if j < len(row) else ""

        def bad(name: str, why: str, n: int = n) -> SheetError:
            return SheetError(f"row {n}, column {name} ({_letters(seen[name])}): {why}")

        measure = cell("measure").lower()
        if measure not in MEASURES:
            raise bad("measure", f"'{cell('measure')}' is not a measure: write one of {', '.join(MEASURES)}")
        article = cell("article")
        if not article:
            raise bad("article", "empty: keep the article the stance report wrote")
        sid = _number(cell("sentence_id"))
        if sid is None or sid < 0 or not float(sid).is_integer():
            raise bad("sentence_id", f"'{cell('sentence_id')}' is not a sentence number (0, 1, 2 ...)")
        stratum = cell("stratum").lower()
        if weights and stratum not in weights:
            raise bad(
                "stratum", f"'{cell('stratum')}' is not a stratum of the sample: one of {', '.join(weights)}"
            )
        if weights:
            weight = float(weights[stratum])
        else:
            w = _number(cell("weight"))
            if w is None or w <= 0:
                raise bad("weight", f"'{cell('weight')}' is not a positive number (the sampling weight)")
            weight = w
        key = (measure, article, int(sid))
        if key in keys:
            raise SheetError(
                f"row {n} repeats row {keys[key]} ({measure}, {article}, sentence {int(sid)}): keep one"
            )
        keys[key] = n

        def code(name: str, measure: str = measure) -> object:
            text = cell(name)
            if not text:
                return None
            try:
                if measure == "attribution":
                    return parse_speakers(text)
                return parse_claims(text, actors, issues)
            except ValueError as exc:
                raise bad(name, str(exc)) from None

        tool = code("tool")
        if tool is None:
            raise bad("tool", f"empty: keep what the stance report wrote ({NONE} where it found nothing)")
        record = {"row": n, "measure": measure, "article": article, "sentence_id": int(sid)}
        record |= {"stratum": stratum, "weight": weight, "tool": tool}
        record |= {c: code(c) for c in coders}
        records.append(record)
    if not records:
        raise SheetError("has a header row but no rows to score")
    table = pd.DataFrame.from_records(
        records, columns=["row", "measure", "article", "sentence_id", "stratum", "weight", "tool", *coders]
    )
    measures = tuple(m for m in MEASURES if m in set(table["measure"]))
    return Sheet(
        table, coders, measures, strata, "instruction rows" if weights else "weight column", how_read
    )
