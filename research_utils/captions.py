"""The one source of table captions: one line on what each table holds (``report/tables.yaml``).

Every CSV table a report writes, and every table a report shows without writing it (a
view such as the most over-used words), has one line in ``report/tables.yaml``. The
index pages describe the CSV files with it; the report pages put it above each table.

A leaf module: it reads a data file and imports nothing of the analyses.
"""

from __future__ import annotations

import functools

from research_utils.paths import PACKAGE_DIR

__all__ = ["TABLES_YAML", "caption", "captions"]

TABLES_YAML = PACKAGE_DIR / "report" / "tables.yaml"
"""Where the captions are declared."""


@functools.cache
def captions() -> dict[str, str]:
    """``{table name: one line on what it holds}``."""
    from research_utils.safeyaml import load_yaml

    data = load_yaml(TABLES_YAML, max_bytes=200_000, what="table list")
    return {str(k): str(v) for k, v in (data or {}).items()}


def caption(name: str) -> str:
    """The caption of table ``name`` (a CSV name without ``.csv``, or a view's name); "" if none."""
    line = captions().get(name.removesuffix(".csv"), "")
    return line[:1].upper() + line[1:] if line else ""
