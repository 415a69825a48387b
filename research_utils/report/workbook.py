"""Each report's tables as one Excel workbook beside the CSV files: one sheet per table.

A CSV file with commas opens as one column in Excel in locales whose list separator is a
semicolon (German, French, ...). The workbook has no such problem: ``tables/<report>.xlsx``
holds every table of one report (``text_statistics``, ``stance``, ``framing``, ``corpus``),
one sheet per table named after it without the report's prefix, the header row bold and
frozen. The cells are read back from the CSV files the notebooks wrote, so the two always
agree: numbers stay numbers, and a cell the CSV wrote with a leading ``'`` (text a
spreadsheet would run as a formula) is written as text without it, which a workbook can
mark as text. The file is deterministic (fixed timestamps), so two builds give the same bytes.

This module knows nothing of linguistics.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

__all__ = ["SECTIONS", "write_workbooks"]

SECTIONS: tuple[str, ...] = ("text_statistics", "stance", "framing", "corpus")
"""The report prefixes of the table names; each gets one workbook."""

_EPOCH = datetime.datetime(2000, 1, 1)
_FORMULA = re.compile(r"^'[=+\-@\t\r]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(value: object) -> tuple[object, bool]:
    """A CSV value as a workbook cell: (value, written as text)."""
    if value is None or (isinstance(value, float) and value != value):
        return None, False
    if isinstance(value, str):
        text = _ILLEGAL.sub("", value[1:] if _FORMULA.match(value) else value)
        return text, True
    return value, False


def _workbook(csvs: list[Path], prefix: str) -> bytes:
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for csv in csvs:
        lines = _preamble(csv)
        df = pd.read_csv(csv, encoding="utf-8-sig", low_memory=False, skiprows=len(lines) + 1 if lines else 0)
        name = csv.stem.removeprefix(prefix + "_")[:31] or csv.stem[:31]
        ws = wb.create_sheet(title=name)
        for line in lines:  # the instructions above a table (the hand-coding sheet's), as in the CSV
            ws.append([_cell(line)[0]])
            ws.cell(row=ws.max_row, column=1).data_type = "s"
        if lines:
            ws.append([])
        ws.append([str(c) for c in df.columns])
        head = ws.max_row
        for cell in ws[head]:
            cell.font = bold
        for row in df.itertuples(index=False, name=None):
            cells = [_cell(v) for v in row]
            ws.append([v for v, _ in cells])
            for cell, (_, text) in zip(ws[ws.max_row], cells, strict=True):
                if text:
                    cell.data_type = "s"  # never a formula, whatever it starts with
        ws.freeze_panes = f"A{head + 1}"
        for i, column in enumerate(df.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in df[column].head(200).tolist())])
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(8, longest + 2))
    wb.properties.created = wb.properties.modified = _EPOCH
    wb.properties.creator = "research-report"
    raw = io.BytesIO()
    wb.save(raw)
    return _fixed_times(raw.getvalue())


def _preamble(path: Path) -> list[str]:
    """The one-cell "# ..." lines above a table's header, ended by an empty row (what
    :meth:`~research_utils.export.Exporter.table` writes as ``preamble``: the hand-coding
    sheet's instructions); [] for a plain table."""
    import csv as csvmod

    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csvmod.reader(fh)
        lines: list[str] = []
        for row in reader:
            if not row or not any(c.strip() for c in row):
                return lines if lines else []
            if len(row) != 1 or not row[0].startswith("#") or len(lines) >= 200:
                return []
            lines.append(row[0])
    return []


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_times(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01 and the document's "modified"
    date fixed (openpyxl dates both now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def write_workbooks(tables: Path) -> list[Path]:
    """Write ``tables/<report>.xlsx`` for every report whose CSV files are in ``tables``.

    Parameters
    ----------
    tables : Path
        A report's ``tables`` folder.

    Returns
    -------
    list of Path
        The workbooks written.
    """
    written = []
    for prefix in SECTIONS:
        csvs = sorted(tables.glob(f"{prefix}_*.csv"))
        if not csvs:
            continue
        target = tables / f"{prefix}.xlsx"
        target.write_bytes(_workbook(csvs, prefix))
        written.append(target)
    return written
