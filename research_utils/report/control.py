"""What stops a build: the interrupt flag and the errors a build reports.

Kept apart from :mod:`~research_utils.report.build` so that the command line can catch
them and set the flag without importing nbformat, papermill and nbconvert (over a second
that every usage error would otherwise pay).
"""

from __future__ import annotations

import sys
import threading

__all__ = ["INTERRUPT", "CorpusFailure", "ReportError", "skip_iri_format_checker"]

INTERRUPT = threading.Event()
"""Set (by the command line's signal handler) to abandon a build: kernels are killed, the
build folder is removed and the previous report stays as it was."""


class ReportError(RuntimeError):
    """A report could not be built; the message says what went wrong and what to do."""


class CorpusFailure(ReportError):
    """No article of the corpus could be read (the message says why for the first few)."""


def skip_iri_format_checker() -> None:
    """Let this process go without jsonschema's checker of the "iri" string format.

    nbformat validates notebooks with jsonschema, which, when ``rfc3987_syntax`` is
    installed (JupyterLab's dependencies pull it in), compiles some forty Lark grammars on
    import: seconds before the first kernel can start. No notebook schema uses that format.
    Call before nbformat is first imported; for the runner's own processes (the command,
    the tests), not in a library import, since it hides the module from the whole process.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
