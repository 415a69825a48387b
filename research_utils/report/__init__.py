"""Execute the analysis notebooks with papermill and publish the reports of an article.

* :mod:`~research_utils.report.registry`: the one list of analyses (notebook, title,
  results section).
* :mod:`~research_utils.report.parameters`: what each notebook declares; values checked
  (and path parameters made absolute) before any kernel starts.
* :mod:`~research_utils.report.kernels`: one notebook in one guarded kernel.
* :mod:`~research_utils.report.render`: sanitised, self-contained HTML.
* :mod:`~research_utils.report.output`: never replace what the tool did not write.
* :mod:`~research_utils.report.build`: :func:`build_report` ties them together.

The names below are imported when first used: a notebook kernel that only needs the
registry does not pay for papermill and nbconvert. This package knows nothing of
linguistics.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "BUILD_TIMEOUT_S",
    "CELL_TIMEOUT_S",
    "INTERRUPT",
    "OutputError",
    "ParameterError",
    "ReportError",
    "build_report",
    "check_parameters",
    "clean_html",
    "declared_parameters",
    "render_html",
]

_WHERE = {
    "BUILD_TIMEOUT_S": "build",
    "CELL_TIMEOUT_S": "build",
    "INTERRUPT": "control",
    "ReportError": "control",
    "build_report": "build",
    "OutputError": "output",
    "ParameterError": "parameters",
    "check_parameters": "parameters",
    "declared_parameters": "parameters",
    "clean_html": "render",
    "render_html": "render",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"research_utils.report.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'research_utils.report' has no attribute {name!r}")
