"""One term matcher for every lexicon.

Terms are matched case-insensitively on word boundaries. A term may be a phrase
(``special military operation``), end in ``*`` for any ending (``neutral*``), and
apostrophes match either form (``'`` or ``’``); a term never matches inside a longer
word, a hyphenated compound or a contraction, but does match before a possessive ``'s``.

* :func:`compile_terms` turns a list of terms into one compiled pattern.
* :class:`TermMatcher` finds the longest non-overlapping matches of several keyed
  groups of terms (and regular expressions) in a text: the matcher every analysis uses.
* :class:`UserPattern` runs a lexicon's regular expression with a time bound.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from research_utils.ingest.tokens import words
from research_utils.lexicons.errors import LexiconError

if TYPE_CHECKING:
    from research_utils.lexicons.candidates import StartIndex

__all__ = [
    "PATTERN_TIMEOUT_S",
    "Hit",
    "TermGroup",
    "TermMatcher",
    "UserPattern",
    "check_pattern",
    "compile_terms",
    "find_terms",
    "present_words",
    "term_body",
]

_TERM_BEFORE = r"(?<![\w'’-])"
"""A term starts a word: no letter, digit, apostrophe or hyphen right before it."""
_TERM_AFTER = r"(?![\w-]|['’](?![sS]\b)\w)"
"""A term ends a word: no letter, digit or hyphen after it, and no apostrophe that goes on
as a contraction (``won't``); a possessive ``'s`` may follow."""


def term_body(term: str, wildcard_tail: str = r"[\w'’-]*") -> str:
    """A lexicon term as a regular expression, without word-boundary checks around it.

    Apostrophes match ``'`` and ``’``, a space matches any run of white space, a hyphen
    matches hyphen variants; a trailing ``*`` becomes ``wildcard_tail`` (by default the
    rest of the word, hyphens and apostrophes included).
    """
    term = term.strip().replace("’", "'")
    wildcard = term.endswith("*")
    if wildcard:
        term = term[:-1]
    parts = []
    for ch in term:
        if ch == "'":
            parts.append("['’]")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"[-‐‑]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts) + (wildcard_tail if wildcard else "")


def _term_regex(term: str) -> str:
    """One term as a regular expression that matches whole words only."""
    return _TERM_BEFORE + term_body(term) + _TERM_AFTER


def compile_terms(terms: list[str] | tuple[str, ...], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """Compile terms into one case-insensitive pattern (longest terms tried first).

    A trailing ``*`` matches any word ending; spaces match any white space; an
    apostrophe matches ``'`` or ``’``; hyphens match hyphen variants. Terms never match
    inside a longer word, a hyphenated compound (``non-aligned`` is not ``aligned``) or a
    contraction (``won't`` is not ``won``); a possessive ``'s`` is not such a word, so
    ``Kiev`` matches ``Kiev's``.

    ``case_sensitive=True`` gives the same pattern without case folding.

    The word-boundary checks are written once around the alternation of the terms
    (``before(?:term1|term2|...)after``), which matches exactly what one check per
    term would (``before term1 after|before term2 after|...``) but rejects most
    positions of a text with one test. When every term starts with an ASCII letter or
    digit, the terms are grouped by that first character (``a(?:bc|x)|k(?:...)``, in
    their order within each group): terms with different first characters never match
    at the same place, so the matches are the same, and the engine tries one group
    instead of every term. Compiled patterns are cached.
    """
    # Longest first (so "NATO membership" wins over "NATO"), then alphabetical: the same
    # pattern in every process, whatever the order of the set.
    cleaned = sorted({str(t).strip() for t in terms if str(t).strip()}, key=lambda t: (-len(t), t))
    return _compile_terms(tuple(cleaned), case_sensitive)


@functools.lru_cache(maxsize=4096)
def _compile_terms(cleaned: tuple[str, ...], case_sensitive: bool = False) -> re.Pattern[str]:
    if not cleaned:
        return re.compile(r"(?!x)x")
    if all(t[0].isascii() and t[0].isalnum() for t in cleaned):
        groups: dict[str, list[str]] = {}
        for t in cleaned:  # the body of t starts with t[0] itself (re.escape keeps it)
            groups.setdefault(t[0] if case_sensitive else t[0].lower(), []).append(term_body(t)[1:])
        body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    else:
        body = "|".join(term_body(t) for t in cleaned)
    return re.compile(f"{_TERM_BEFORE}(?:{body}){_TERM_AFTER}", 0 if case_sensitive else re.IGNORECASE)


PATTERN_TIMEOUT_S: float = 0.5
"""Longest time one lexicon regular expression may take on one sentence."""


class UserPattern:
    """A regular expression from a lexicon's ``patterns`` field, run with a time bound.

    Patterns run in the ``regex`` engine, which avoids most catastrophic backtracking and
    stops a match that takes longer than :data:`PATTERN_TIMEOUT_S`: the build then ends
    with a :class:`LexiconError` naming the pattern instead of hanging (sentences are at
    most :data:`research_utils.ingest.sentences.MAX_SENTENCE_WORDS` words, so the work per pattern
    is bounded by the number of sentences).
    """

    def __init__(self, pattern: str) -> None:
        import regex

        self.text = str(pattern)
        self.pattern = regex.compile(self.text, regex.IGNORECASE | regex.VERSION0)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """Non-empty matches as ``(start, end, matched text)``.

        Raises
        ------
        LexiconError
            When the pattern exceeds its time bound.
        """
        try:
            found = [
                (m.start(), m.end(), m.group(0))
                for m in self.pattern.finditer(text, timeout=PATTERN_TIMEOUT_S)
                if m.end() > m.start()
            ]
        except TimeoutError:
            raise LexiconError(
                f"the lexicon pattern {self.text!r} took more than {PATTERN_TIMEOUT_S} s on one sentence; "
                "simplify it (nested repetition such as (\\w+\\s?)* can backtrack without end)."
            ) from None
        return found


def check_pattern(pattern: str) -> str | None:
    """The reason ``pattern`` is not a valid regular expression, or None if it is."""
    import regex

    try:
        regex.compile(str(pattern), regex.IGNORECASE | regex.VERSION0)
    except (regex.error, re.error) as exc:
        return str(exc)
    return None


def find_terms(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """All non-overlapping matches of ``pattern`` in ``text`` as ``(start, end, matched text)``."""
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@dataclass(frozen=True)
class Hit:
    """One match of a :class:`TermMatcher`: span, the key of its group, the text, extra info."""

    start: int
    end: int
    key: str
    match: str
    info: str = ""


@dataclass(frozen=True)
class TermGroup:
    """Terms (and regular expressions) that share a key, e.g. the names of one actor.

    ``info`` travels with every hit (a form such as ``adjective``); ``case_sensitive``
    matches the terms only as written (``US`` but not ``us``).
    """

    key: str
    terms: tuple[str, ...]
    info: str = ""
    case_sensitive: bool = False
    patterns: tuple[str, ...] = ()


_WORD_PARTS = re.compile(r"['‐‑-]")
_SIMPLE = re.compile(r"[^\W_]+(?:['.-][^\W_]+)*\.?")


_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})


def present_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` and the parts of its hyphenated words and
    contractions: the first words a term can start with. Hyphen variants are written
    ``-``, as in the terms (whose hyphens match every variant)."""
    present: set[str] = set()
    for w in words(text):
        lw = w.lower().translate(_HYPHENS)
        present.add(lw)
        present.update(_WORD_PARTS.split(lw))
    return frozenset(present)


class TermMatcher:
    """Longest-match, non-overlapping finder over several keyed groups of terms.

    Terms are bucketed by their first word, and only the buckets whose first word occurs
    in a text are run (one big alternation of look-behind patterns is slow); a bucket is
    compiled the first time a text needs it. Terms whose first word is not a plain word
    (``neutral*``) and regular expressions always run. Where matches overlap, the one
    that starts first wins, then the longer one. Spans covered by an ``exclude`` term
    (``Russia Today`` when ``Russia`` is an actor) are dropped.

    Parameters
    ----------
    groups : iterable of TermGroup
    exclude : iterable of str
        Terms whose matches hide any hit they overlap.
    """

    def __init__(self, groups: Iterable[TermGroup], exclude: Iterable[str] = ()) -> None:
        self._start_index: tuple[StartIndex, tuple[str, ...], frozenset[str]] | None = None
        self.buckets: list[tuple[str, str, str | None, tuple[str, ...], bool]] = []
        self.patterns: list[tuple[str, str, UserPattern]] = []
        for g in groups:
            buckets: dict[str | None, list[str]] = {}
            for t in g.terms:
                term = str(t).strip()
                if not term:
                    continue
                first = term.split()[0].replace("’", "'").lower()
                bucket = first if _SIMPLE.fullmatch(first) else None
                buckets.setdefault(bucket, []).append(term)
            for bucket, bterms in buckets.items():
                self.buckets.append((g.key, g.info, bucket, tuple(bterms), g.case_sensitive))
            self.patterns += [(g.key, g.info, UserPattern(p)) for p in g.patterns]
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, _, bucket, _, _) in enumerate(self.buckets):
            if bucket is None:
                self.always.append(i)
            else:
                self.by_word.setdefault(bucket, []).append(i)
        excl = [str(t) for t in exclude if str(t).strip()]
        self.exclude = compile_terms(excl) if excl else None
        self._compiled: dict[int, re.Pattern[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.buckets or self.patterns)

    def start_index(self) -> tuple[StartIndex, tuple[str, ...], frozenset[str]]:
        """Where the terms with a plain first word may start in a document (built once).

        Returns
        -------
        (index, words, everywhere)
            The :class:`~research_utils.lexicons.candidates.StartIndex` whose group ``i``
            holds the terms of the buckets of first word ``words[i]``, and the first words
            whose terms it cannot place (to be tried in every sentence).
        """
        if self._start_index is None:
            from research_utils.lexicons.candidates import StartIndex, term_start

            words = tuple(self.by_word)
            starts = [[term_start(t) for i in self.by_word[w] for t in self.buckets[i][3]] for w in words]
            everywhere = frozenset(w for w, s in zip(words, starts, strict=True) if any(not x[0] for x in s))
            self._start_index = (StartIndex(starts), words, everywhere)
        return self._start_index

    def _pattern(self, i: int) -> re.Pattern[str]:
        pattern = self._compiled.get(i)
        if pattern is None:
            _, _, _, terms, case_sensitive = self.buckets[i]
            pattern = self._compiled[i] = compile_terms(terms, case_sensitive=case_sensitive)
        return pattern

    def find(self, text: str, present: frozenset[str] | None = None) -> list[Hit]:
        """Non-overlapping hits in ``text``, in order.

        Parameters
        ----------
        text : str
        present : frozenset of str, optional
            :func:`present_words` of ``text``, when the caller has it already.
        """
        if not self:
            return []
        present = present_words(text) if present is None else present
        run = set(self.always)
        for w in present:
            run.update(self.by_word.get(w, ()))
        hits = []
        for i in sorted(run):
            key, info = self.buckets[i][:2]
            hits += [Hit(m.start(), m.end(), key, m.group(0), info) for m in self._pattern(i).finditer(text)]
        for key, info, pattern in self.patterns:
            hits += [Hit(a, b, key, s, info) for a, b, s in pattern.finditer(text)]
        if self.exclude is not None and hits:
            spans = [(m.start(), m.end()) for m in self.exclude.finditer(text)]
            hits = [h for h in hits if not any(a < h.end and h.start < b for a, b in spans)]
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        last = -1
        for h in hits:
            if h.start >= last:
                out.append(h)
                last = h.end
        return out
