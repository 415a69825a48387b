"""Lexicons: YAML word lists with a header naming their sources, one loader, one matcher.

* :mod:`~research_utils.lexicons.loader`: :func:`load_lexicon` reads and validates a
  bundled or user lexicon (a :class:`LexiconError`, :mod:`~research_utils.lexicons.errors`,
  names the file and line).
* :mod:`~research_utils.lexicons.matcher`: :class:`TermMatcher`, the one term matcher,
  and :class:`UserPattern`, lexicon regular expressions with a time bound.
* :mod:`~research_utils.lexicons.candidates`: where the terms of a lexicon may start in a
  document (the one sentence-candidate index of the stance and framing analyses).

The bundled lexicons are the ``*.yaml`` files of this folder.
"""

from research_utils.lexicons.errors import LexiconError
from research_utils.lexicons.loader import (
    MAX_LEXICON_BYTES,
    Lexicon,
    check_nonempty,
    check_patterns,
    check_unique,
    check_values,
    entry_line,
    lexicon_path,
    load_lexicon,
)
from research_utils.lexicons.matcher import (
    PATTERN_TIMEOUT_S,
    Hit,
    TermGroup,
    TermMatcher,
    UserPattern,
    check_pattern,
    compile_terms,
    find_terms,
    present_words,
    term_body,
)

__all__ = [
    "MAX_LEXICON_BYTES",
    "PATTERN_TIMEOUT_S",
    "Hit",
    "Lexicon",
    "LexiconError",
    "TermGroup",
    "TermMatcher",
    "UserPattern",
    "check_nonempty",
    "check_pattern",
    "check_patterns",
    "check_unique",
    "check_values",
    "compile_terms",
    "entry_line",
    "find_terms",
    "lexicon_path",
    "load_lexicon",
    "present_words",
    "term_body",
]
