"""``research-report agreement SHEET [--out DIR]``: score a hand-coded sheet.

Reads the coding sheet of the stance report once people have coded it (CSV with comma,
semicolon or tab, UTF-8 with or without a byte-order mark, or ``.xlsx``), checks it (one
line naming the row and column of the first bad value), scores it
(:func:`research_utils.agreement.score`) and writes ``agreement.html`` and
``agreement.json`` into ``DIR`` (default: the sheet's folder).

The two files are written in a new hidden build folder (:func:`~research_utils.report.output.new_build`)
and moved into place when both are complete. An existing ``agreement.html`` or
``agreement.json`` is replaced only if this command wrote it (its generator tag, its
``written_by``); anything else of that name, or a symbolic link, is left alone and the
command refuses with one line. One run at a time writes into ``DIR`` (the folder lock
of the report builds).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
from pathlib import Path

from research_utils.agreement import LEVELS, score
from research_utils.codingsheet import SheetError, header_row, read_sheet
from research_utils.export import environment
from research_utils.report.agreement_page import (
    GENERATOR,
    WRITTEN_BY,
    page_html,
    results,
    results_text,
)
from research_utils.report.output import OutputError, discard_build, lock, make_dir, new_build
from research_utils.safeio import BYTE_ORDER_MARKS, NotRegularFile, TooLarge, read_regular

__all__ = ["FILES", "MAX_SHEET_BYTES", "main", "publish", "rows_from_bytes", "run"]

MAX_SHEET_BYTES = 20_000_000
"""Largest sheet read (a sheet of 1,000 sentences is under 1 MB)."""

FILES = ("agreement.json", "agreement.html")
"""What the command writes into DIR."""

_MAX_OWN_FILE = 50_000_000

MAX_XLSX_UNPACKED = 200_000_000
"""Largest total size of the files inside an ``.xlsx`` (a zip archive) that is opened."""


def _decode(data: bytes) -> tuple[str, str]:
    for bom, enc in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise SheetError(
                    f"starts with a {enc} byte-order mark but is not {enc}: save it again as CSV UTF-8"
                ) from None
    if b"\x00" in data:
        raise SheetError("holds NUL bytes: it is not a CSV file; save the sheet as CSV (UTF-8) or .xlsx")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"  # Excel's "CSV (Comma delimited)" on Windows


def _csv_rows(data: bytes) -> tuple[list[list[str]], str]:
    text, enc = _decode(data)
    found = []
    for delim, name in ((",", "comma"), (";", "semicolon"), ("\t", "tab")):
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False))
        except csv.Error as exc:  # e.g. a field larger than the csv module's limit
            raise SheetError(f"cannot be read as CSV ({exc})") from None
        at = header_row(rows)
        if at is not None:
            found.append((at, rows, f"CSV, {name}-separated, {enc}"))
    if not found:
        raise SheetError(
            "has no header row (a row with the columns measure, sentence_id ...): is it the coding "
            "sheet of the stance report (stance_coding_sheet.csv)?"
        )
    _, rows, how = min(found, key=lambda f: f[0])
    return rows, how


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data: bytes) -> tuple[list[list[str]], str]:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise SheetError(
            "is not an .xlsx workbook (not a zip archive): save the sheet as .xlsx or CSV"
        ) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise SheetError(f"unpacks to {unpacked:,} bytes, above the limit of {MAX_XLSX_UNPACKED:,}")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise SheetError(
            f"cannot be opened as an .xlsx workbook ({type(exc).__name__}): save it again"
        ) from None
    try:
        for ws in book.worksheets:
            rows = [[_cell(v) for v in row] for row in ws.iter_rows(min_row=1, values_only=True)]
            if header_row(rows) is not None:
                return rows, f"xlsx, worksheet '{ws.title}'"
    finally:
        book.close()
    raise SheetError("has no worksheet with a header row (a row with the columns measure, sentence_id ...)")


def rows_from_bytes(data: bytes, suffix: str) -> tuple[list[list[str]], str]:
    """The rows of a sheet file as text cells, and how it was read (``"CSV, semicolon-separated, utf-8"``).

    ``.xlsx``/``.xlsm`` (or any file that starts as a zip archive) is read with openpyxl
    (values, not formulas); anything else as CSV separated by commas, semicolons or tabs
    (whichever finds the header row), UTF-8 with or without a byte-order mark, UTF-16 with
    one, else cp1252.
    """
    if suffix.lower() in {".xls", ".ods"}:
        raise SheetError(f"is a {suffix} file: save the sheet as .xlsx or as CSV")
    if suffix.lower() in {".xlsx", ".xlsm"} or data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    return _csv_rows(data)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="research-report agreement",
        description="Score a hand-coded sheet of the stance report (tables/stance_coding_sheet.csv, coded in a "
        "spreadsheet): the tool's precision and recall against each coder and the coders' agreement "
        "(Cohen's kappa, Krippendorff's alpha), as agreement.html and agreement.json.",
    )
    p.add_argument("sheet", metavar="SHEET", help="the coded sheet (.csv or .xlsx)")
    p.add_argument(
        "--out",
        metavar="DIR",
        help="folder for agreement.html and agreement.json (default: the sheet's folder)",
    )
    return p


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_SHEET_BYTES)
    except NotRegularFile as exc:
        raise SheetError(
            f"{path.name} is {exc.kind}, not a regular file: give the coded sheet (.csv or .xlsx)"
        ) from None
    except TooLarge as exc:
        raise SheetError(
            f"{path.name} is {exc.size:,} bytes, above the limit of {MAX_SHEET_BYTES:,} for a coding sheet"
        ) from None
    except FileNotFoundError:
        raise SheetError(f"{path}: no such file") from None
    except OSError as exc:  # permission denied, a path under a file ...
        raise SheetError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _ours(path: Path) -> bool:
    """Whether ``path`` is a file this command wrote (or does not exist)."""
    if not os.path.lexists(path):
        return True
    if path.is_symlink():
        return False
    try:
        data = read_regular(path, _MAX_OWN_FILE)
    except (OSError, ValueError):
        return False
    if path.suffix == ".json":
        try:
            return json.loads(data.decode("utf-8")).get("written_by") == WRITTEN_BY
        except (ValueError, AttributeError):
            return False
    return GENERATOR.encode() in data[:4096]


def publish(out_dir: Path, files: dict[str, str], inputs: tuple[Path, ...] = ()) -> list[Path]:
    """Write ``files`` (name -> text) into ``out_dir`` without touching what the tool did not write.

    Raises
    ------
    OutputError
        When a file of that name exists and this command did not write it, when it is one of
        ``inputs``, or when ``out_dir`` cannot be made or written.
    """
    make_dir(out_dir)
    targets = [out_dir / name for name in files]
    for target in targets:
        if any(os.path.lexists(target) and target.absolute() == i.absolute() for i in inputs):
            raise OutputError(f"{target} is the sheet itself: rename the sheet or choose another --out.")
    with lock(out_dir):
        for target in targets:
            if not _ours(target):
                raise OutputError(
                    f"{target} exists and was not written by research-report agreement; "
                    "move it away or choose another --out."
                )
        build = new_build(out_dir, "agreement")
        try:
            for name, text in files.items():
                (build / name).write_text(text, encoding="utf-8")
            for name in files:
                os.replace(build / name, out_dir / name)
        finally:
            discard_build(build)
    return targets


def _summary(tables: dict, coders: tuple[str, ...]) -> list[str]:
    lines = []
    tool = tables["tool"]
    for r in tool.itertuples():
        if r.verdict:
            lines.append(f"  {r.measure} {r.level}, tool vs {r.coder}: {r.rows} coded rows, {r.verdict}")
            continue
        lines.append(
            f"  {r.measure} {r.level}, tool vs {r.coder}: precision {r.precision:.3f} "
            f"[{r.precision_low:.3f}, {r.precision_high:.3f}] ({r.matched} of {r.tool_found}), "
            f"recall {r.recall:.3f} [{r.recall_low:.3f}, {r.recall_high:.3f}] ({r.matched} of {r.coder_found}); "
            f"{r.rows} rows"
        )
    for r in tables["coders"].itertuples():
        if r.verdict:
            lines.append(f"  {r.measure} {r.level}, {r.coders}: {r.units} sentences, {r.verdict}")
            continue
        kappa = "" if r.kappa != r.kappa else f", kappa {r.kappa:.3f}"
        alpha = "undefined" if r.alpha != r.alpha else f"{r.alpha:.3f}"
        lines.append(
            f"  {r.measure} {r.level}, {r.coders}: agreement {r.agreement:.3f}{kappa}, alpha {alpha}; {r.units} sentences"
        )
    if len(coders) < 2:
        lines.append("  one coder: no agreement between coders (add a column coder2)")
    return lines


def run(sheet_path: Path, out_dir: Path) -> tuple[list[Path], list[str]]:
    """Read, check and score ``sheet_path``; write the page and the JSON into ``out_dir``.

    Returns
    -------
    (list of Path, list of str)
        The files written and the summary lines the command prints.

    Raises
    ------
    SheetError, OutputError
        A sheet that cannot be scored, an output folder that cannot be used (one line each).
    """
    data = _read(sheet_path)
    try:
        rows, how = rows_from_bytes(data, sheet_path.suffix)
        sheet = read_sheet(rows, how)
    except SheetError as exc:
        raise SheetError(f"{sheet_path.name}: {exc}") from None
    tables = score(sheet)
    env = environment()
    content = results(sheet, tables, sheet_path.name, hashlib.sha256(data).hexdigest(), env)
    page = page_html(content, tables, sheet)
    written = publish(
        out_dir, {"agreement.json": results_text(content), "agreement.html": page}, (sheet_path,)
    )
    info = content["sheet"]
    measures = ", ".join(m + " (" + "/".join(n for n, _ in LEVELS[m]) + ")" for m in sheet.measures)
    head = (
        f"agreement: {info['rows']} rows ({info['sentences']} sentences of {len(info['articles'])} article(s)); "
        f"coders {', '.join(sheet.coders)}; measures {measures}; read as {sheet.how_read}"
    )
    return written, [head, *_summary(tables, sheet.coders)]


def main(argv: list[str]) -> int:
    """``research-report agreement SHEET [--out DIR]``; returns the exit code (errors raise, see :func:`run`)."""
    cwd = Path.cwd()
    if not argv and (cwd / "agreement").exists():
        print(
            "research-report: to analyse the article file named 'agreement', write ./agreement",
            file=sys.stderr,
        )
    args = _parser().parse_args(argv)
    sheet_path = cwd / args.sheet
    out_dir = (cwd / args.out).absolute() if args.out else sheet_path.absolute().parent
    written, lines = run(sheet_path, out_dir)
    for line in lines:
        print(line)
    print(f"wrote {written[1]} and {written[0]}")
    return 0
