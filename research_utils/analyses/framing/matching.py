"""Lexicon cues in every sentence of a document at once.

What a term matches is defined once, by :func:`research_utils.lexicons.compile_terms`
(whole words, case-insensitive; a phrase matches across any white space; ``neutral*``
matches any ending; never inside a hyphenated compound or a contraction; a possessive
``'s`` may follow), and lexicon regular expressions run through
:class:`research_utils.lexicons.UserPattern` (with its time bound). This module decides
only *where to try* them, so that a whole document costs little more than its number of
words:

* Where a term may start is the package's one sentence-candidate index,
  :class:`research_utils.lexicons.candidates.StartIndex` (shared with the stance
  analysis): a run of letters and digits that equals the term's first run (and is
  followed by its second run).
* For each group of terms, those runs are its *candidate* positions; the group's
  compiled pattern is tried at each with
  ``pattern.match(sentence, position)``, left to right, skipping positions inside the
  previous match. That is exactly what ``pattern.finditer(sentence)`` returns, because
  the pattern cannot match anywhere else; only the candidates cost a regular-expression
  call (a few per cent of the words), instead of a scan of every sentence per group.
* Lexicon regular expressions (``patterns``) may match anything: they run on every
  sentence where :func:`~.patterns.sentences_to_search` says they may match. Within a
  group, term and pattern hits that overlap keep the one that starts first, then the
  longer one (as :class:`~research_utils.lexicons.TermMatcher` does), and an ``exclude``
  term hides the hits it overlaps.

The naming sets of :mod:`~research_utils.analyses.framing.naming` match "Kiev" inside
"pro-Kiev" and "Kiev-based" too; their pattern is built by :func:`compound_pattern` and
found the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from research_utils.analyses.framing.patterns import Chunk, document_chunks, sentences_to_search
from research_utils.ingest import Document
from research_utils.lexicons import TermGroup, UserPattern, compile_terms, term_body
from research_utils.lexicons.candidates import StartIndex, TermStart, document_runs, term_start

__all__ = ["CueHits", "CueIndex", "compound_pattern"]

_NOT_AFTER_WORD = r"(?<!\w)"
_NOT_BEFORE_WORD = r"(?!\w)"
_WORD_TAIL = r"\w*"


def compound_pattern(terms: Sequence[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for tagged terms that also match inside hyphenated compounds.

    A term matches case-insensitively where no letter or digit comes right before or
    after it, so ``Kiev`` is found in ``Kiev's``, ``pro-Kiev`` and ``Kiev-based`` but
    not in ``Kievan``; a trailing ``*`` matches the rest of the word (up to a hyphen or
    apostrophe). Longer terms are tried first. Spelling as in
    :func:`research_utils.lexicons.term_body`.

    Parameters
    ----------
    terms : sequence of (term, tag)
        The tag (e.g. a side of a naming set) is reported with every match of the term.

    Returns
    -------
    (pattern, tags)
        ``tags`` maps the name of each term's group in the pattern to its tag.
    """
    ordered = sorted(((str(t).strip(), tag) for t, tag in terms if str(t).strip()), key=lambda x: -len(x[0]))
    tags = {f"t{i}": tag for i, (_, tag) in enumerate(ordered)}
    # The look-behind every term starts with is written once, before the alternation.
    alternatives = "|".join(
        f"(?P<t{i}>{term_body(t, wildcard_tail=_WORD_TAIL)}{_NOT_BEFORE_WORD})"
        for i, (t, _) in enumerate(ordered)
    )
    return re.compile(f"{_NOT_AFTER_WORD}(?:{alternatives})", re.IGNORECASE), tags


def _compound_exclude(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for a naming set's ``exclude`` terms (spelt as in :func:`compound_pattern`),
    boundary checks written once and a look-ahead for the first letters, so that a long
    list costs little more per sentence than a short one."""
    kept = [str(t).strip() for t in terms if str(t).strip()]
    if not kept:
        return None
    bodies = "|".join(term_body(t, wildcard_tail=_WORD_TAIL) for t in kept)
    firsts = {t[0] for t in kept}
    lead = ""
    if all(c.isalnum() and c.isascii() for c in firsts):
        lead = "(?=[" + "".join(sorted({c.lower() for c in firsts} | {c.upper() for c in firsts})) + "])"
    return re.compile(f"{lead}{_NOT_AFTER_WORD}(?:{bodies}){_NOT_BEFORE_WORD}", re.IGNORECASE)


@dataclass(frozen=True)
class _Group:
    """One keyed group: its compiled terms, where they can start, its regular expressions."""

    key: str
    pattern: re.Pattern[str] | None
    starts: tuple[TermStart, ...]
    scan: bool
    user_patterns: tuple[UserPattern, ...] = ()
    exclude: re.Pattern[str] | None = None
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CueHits:
    """Hits of a :class:`CueIndex` in one document, as parallel arrays sorted by group,
    sentence and start (read-only).

    ``group`` indexes :attr:`CueIndex.keys`; ``start``/``end`` are offsets in the
    sentence; ``kind`` is 0 for a term, 1 for a regular expression; ``tag`` is the tag of
    the matched term (``""`` when the group has none).
    """

    group: np.ndarray
    sentence: np.ndarray
    start: np.ndarray
    end: np.ndarray
    text: np.ndarray
    kind: np.ndarray
    tag: np.ndarray

    def __len__(self) -> int:
        return len(self.group)

    def take(self, mask: np.ndarray) -> CueHits:
        """The hits where ``mask`` is true."""
        return CueHits(*(getattr(self, f)[mask] for f in self.__dataclass_fields__))


class CueIndex:
    """Keyed groups of lexicon terms and regular expressions, found in whole documents.

    Within a group hits never overlap; hits of different groups may (one word can be a cue
    of two frames). Build one with :meth:`of_terms` (lexicon term semantics) or
    :meth:`of_compounds` (naming sets); :meth:`find` searches a document.
    """

    def __init__(self, groups: Sequence[_Group]) -> None:
        self.groups = tuple(groups)
        self.keys = [g.key for g in self.groups]
        self.starts = StartIndex([None if g.scan else g.starts for g in self.groups])
        """Where each group's terms may start (groups searched in every sentence apart)."""

    @classmethod
    def of_terms(cls, groups: Iterable[TermGroup]) -> CueIndex:
        """Groups matched as :func:`~research_utils.lexicons.compile_terms` matches (case-insensitive)."""
        out = []
        for g in groups:
            terms = [str(t) for t in g.terms if str(t).strip()]
            starts = tuple(term_start(t) for t in terms)
            out.append(
                _Group(
                    key=g.key,
                    pattern=compile_terms(terms, case_sensitive=g.case_sensitive) if terms else None,
                    starts=starts,
                    scan=any(s[0] == "" for s in starts),
                    user_patterns=tuple(UserPattern(str(p)) for p in g.patterns),
                )
            )
        return cls(out)

    @classmethod
    def of_compounds(cls, sets: Iterable[tuple[str, Sequence[tuple[str, str]], Sequence[str]]]) -> CueIndex:
        """Groups of tagged terms matched as :func:`compound_pattern` matches.

        Parameters
        ----------
        sets : iterable of (key, [(term, tag), ...], exclude terms)
        """
        out = []
        for key, terms, exclude in sets:
            pattern, tags = compound_pattern(terms)
            starts = tuple(term_start(str(t)) for t, _ in terms if str(t).strip())
            out.append(
                _Group(
                    key=key,
                    pattern=pattern,
                    starts=starts,
                    scan=any(s[0] == "" for s in starts),
                    exclude=_compound_exclude(exclude),
                    tags=tags,
                )
            )
        return cls(out)

    def find(self, doc: Document) -> CueHits:
        """Every hit of every group in the body sentences of ``doc``.

        Raises
        ------
        LexiconError
            When a lexicon regular expression exceeds its time bound.
        """
        sents = doc.parsed.sentence
        groups = self.groups
        # Columns, not row tuples: fewer objects for the garbage collector to track.
        col_g: list[int] = []
        col_s: list[int] = []
        col_a: list[int] = []
        col_b: list[int] = []
        col_t: list[str] = []
        col_tag: list[str] = []
        last_g = last_s = last_end = -1
        for g, s, a in zip(*(x.tolist() for x in self.starts.candidates(document_runs(doc))), strict=True):
            if a < last_end and s == last_s and g == last_g:
                continue  # inside the previous match of this group: finditer would not look here
            grp = groups[g]
            m = grp.pattern.match(sents[s], a)  # type: ignore[union-attr]
            if m is None:
                continue
            last_g, last_s, last_end = g, s, m.end()
            col_g.append(g)
            col_s.append(s)
            col_a.append(a)
            col_b.append(last_end)
            col_t.append(m.group(0))
            col_tag.append(grp.tags.get(m.lastgroup, "") if grp.tags else "")  # type: ignore[arg-type]
        hits = CueHits(
            group=np.asarray(col_g, dtype=np.int64),
            sentence=np.asarray(col_s, dtype=np.int64),
            start=np.asarray(col_a, dtype=np.int64),
            end=np.asarray(col_b, dtype=np.int64),
            text=np.asarray(col_t, dtype=object),
            kind=np.zeros(len(col_g), dtype=np.int8),
            tag=np.asarray(col_tag, dtype=object),
        )
        special = [
            g for g, grp in enumerate(groups) if grp.scan or grp.user_patterns or grp.exclude is not None
        ]
        if not special:
            return hits
        chunks = document_chunks(doc) if any(groups[g].user_patterns for g in special) else None
        parts = [hits.take(~np.isin(hits.group, special))]
        for g in special:
            parts.append(self._special(g, hits.take(hits.group == g), sents, chunks))
        merged = CueHits(
            *(np.concatenate([getattr(p, f) for p in parts]) for f in CueHits.__dataclass_fields__)
        )
        return merged.take(np.argsort(merged.group, kind="stable"))

    def _special(self, g: int, terms: CueHits, sents: list[str], chunks: list[Chunk] | None) -> CueHits:
        """The hits of group ``g`` when it has more than plain terms: terms that must be
        searched in every sentence, regular expressions, ``exclude`` terms."""
        grp = self.groups[g]
        rows = list(
            zip(
                terms.sentence.tolist(),
                terms.start.tolist(),
                terms.end.tolist(),
                terms.text.tolist(),
                [0] * len(terms),
                terms.tag.tolist(),
                strict=True,
            )
        )
        if grp.scan and grp.pattern is not None:
            for s, text in enumerate(sents):
                rows += [
                    (s, m.start(), m.end(), m.group(0), 0, grp.tags.get(m.lastgroup or "", ""))
                    for m in grp.pattern.finditer(text)
                ]
        for up in grp.user_patterns:
            for s in sentences_to_search(up, sents, chunks):
                rows += [(s, a, b, t, 1, "") for a, b, t in up.finditer(sents[s])]
        rows.sort(key=lambda r: (r[0], r[1], r[1] - r[2], r[4]))
        rows = _resolve(rows, sents, grp.exclude)
        cols = list(zip(*rows, strict=True)) if rows else [()] * 6
        return CueHits(
            group=np.full(len(rows), g, dtype=np.int64),
            sentence=np.asarray(cols[0], dtype=np.int64),
            start=np.asarray(cols[1], dtype=np.int64),
            end=np.asarray(cols[2], dtype=np.int64),
            text=np.asarray(cols[3], dtype=object),
            kind=np.asarray(cols[4], dtype=np.int8),
            tag=np.asarray(cols[5], dtype=object),
        )


def _resolve(rows: list[Any], sents: list[str], exclude: re.Pattern[str] | None) -> list[Any]:
    """The hits of one group, rows ``(sentence, start, end, ...)`` sorted by sentence, start,
    longest first, without those an ``exclude`` term hides and those that overlap an
    earlier hit kept."""
    out = []
    blocked: dict[int, list[tuple[int, int]]] = {}
    last_s = last_end = -1
    for r in rows:
        s, a, b = r[0], r[1], r[2]
        if exclude is not None:
            spans = blocked.get(s)
            if spans is None:
                spans = blocked[s] = [(m.start(), m.end()) for m in exclude.finditer(sents[s])]
            if any(x < b and a < y for x, y in spans):
                continue
        if s == last_s and a < last_end:
            continue
        out.append(r)
        last_s, last_end = s, b
    return out
