"""Execute the analysis notebooks with papermill and publish the reports of an article.

* :mod:`~research_utils.report.registry`: the one list of analyses (notebook, title,
  results section).
* :mod:`~research_utils.report.parameters`: what each notebook declares; values checked
  (and path parameters made absolute) before any kernel starts.
* :mod:`~research_utils.report.kernels`: one notebook in one guarded kernel.
* :mod:`~research_utils.report.render`: sanitised, self-contained HTML.
* :mod:`~research_utils.report.output`: never replace what the tool did not write.
* :mod:`~research_utils.report.build`: :func:`build_report` ties them together.

This package knows nothing of linguistics.
"""

from research_utils.report.build import BUILD_TIMEOUT_S, CELL_TIMEOUT_S, INTERRUPT, ReportError, build_report
from research_utils.report.output import OutputError
from research_utils.report.parameters import ParameterError, check_parameters, declared_parameters
from research_utils.report.render import clean_html, render_html

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
