"""What stops a build: the interrupt flag and the errors a build reports.

Kept apart from :mod:`~research_utils.report.build` so that the command line can catch
them and set the flag without importing nbformat, papermill and nbconvert (over a second
that every usage error would otherwise pay).
"""

from __future__ import annotations

import threading

__all__ = ["INTERRUPT", "CorpusFailure", "ReportError"]

INTERRUPT = threading.Event()
"""Set (by the command line's signal handler) to abandon a build: kernels are killed, the
build folder is removed and the previous report stays as it was."""


class ReportError(RuntimeError):
    """A report could not be built; the message says what went wrong and what to do."""


class CorpusFailure(ReportError):
    """No article of the corpus could be read (the message says why for the first few)."""
