"""What the stance tables share for one document, computed once and kept with it.

:func:`analyse` finds, for every body sentence, the actor and issue mentions, hedges and
boosters and obligations (deontic modals); takes the reporting verbs and the reported
speech from the attribution engine
(:func:`~research_utils.analyses.stance.attribution.reported_speech`), and indexes the
quotes and reported clauses by sentence so that "according to whom" is a short look-up.
The result is kept on the document with :meth:`~research_utils.ingest.Document.memo`
under ``("stance.core", lexicons.fingerprint)``: every table of the analysis reads the
same matches, and a second call costs nothing.

Matching uses the one :class:`~research_utils.lexicons.TermMatcher` of the package,
run only where a term may match (:func:`~research_utils.analyses.stance.matching.sentence_hits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from research_utils.analyses.stance.attribution import reported_speech
from research_utils.analyses.stance.lexicons import UNATTRIBUTED, UNRESOLVED, StanceLexicons, default_lexicons
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.analyses.stance.text import NOUN_DETERMINERS, previous_word, sentences_between
from research_utils.ingest import Document
from research_utils.lexicons import Hit

__all__ = ["Analysis", "analyse"]


@dataclass
class Analysis:
    """The matches of one document (shared by every table: read-only).

    Attributes
    ----------
    doc : Document
    actor_hits, issue_hits, epistemic_hits, deontic_hits, verb_hits : list of sequences of Hit
        Per body sentence (index = ``sentence_id``), offsets in the sentence. Actor hits
        leave adjectives out when the lexicons say so; deontic hits leave out modals used
        as nouns ("the need to").
    attributions : list of dict
        :func:`~research_utils.analyses.stance.attribution.reported_speech`.
    scopes : dict of int to list of dict
        The attributions whose quote or reported clause overlaps each sentence, in
        attribution order.
    speakers : dict of int to list of tuple
        The speaker spans ``(start, end)`` (paragraph offsets) that overlap each sentence.
    """

    doc: Document
    actor_hits: list[Sequence[Hit]]
    issue_hits: list[Sequence[Hit]]
    epistemic_hits: list[Sequence[Hit]]
    deontic_hits: list[Sequence[Hit]]
    verb_hits: list[Sequence[Hit]]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    scopes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    speakers: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        """The document's slug (the ``article`` column)."""
        return self.doc.slug

    def scope_at(self, sentence_id: int, pos: int) -> dict[str, Any] | None:
        """The innermost attribution whose quote or reported clause covers offset ``pos`` of a sentence.

        Innermost is the shortest scope; among equals, the first in text order.
        """
        p = self.doc.parsed
        at = p.start[sentence_id] + pos
        best = None
        for r in self.scopes.get(sentence_id, ()):
            _, a, b = r["_scope"]
            if a <= at < b and (best is None or b - a < best["_scope"][2] - best["_scope"][1]):
                best = r
        return best

    def according_to(self, sentence_id: int, pos: int) -> str:
        """The actor of the quote or reported clause at offset ``pos`` of a sentence ("" if none or unknown)."""
        r = self.scope_at(sentence_id, pos)
        if r is None or r["actor"] in (UNATTRIBUTED, UNRESOLVED):
            return ""
        return str(r["actor"])


_NO_HITS: tuple[Hit, ...] = ()


def _per_sentence(hits: dict[int, list[Hit]], n: int) -> list[Sequence[Hit]]:
    """Hits by sentence id; one shared empty tuple for the many sentences without any."""
    return [hits.get(i, _NO_HITS) for i in range(n)]


def _compute(doc: Document, lex: StanceLexicons) -> Analysis:
    """Match every lexicon in every sentence, find the reported speech and index it (see :func:`analyse`)."""
    p = doc.parsed
    n = len(p.sentence)
    actors = sentence_hits(doc, lex.actor_matcher)
    if not lex.include_adjectives:
        actors = {sid: [h for h in hs if h.info != "adjective"] for sid, hs in actors.items()}
    deontic = {
        sid: [h for h in hs if previous_word(p.sentence[sid], h.start) not in NOUN_DETERMINERS]
        for sid, hs in sentence_hits(doc, lex.deontic_matcher).items()
    }  # "the need to sign" is a noun, not a modal
    speech = reported_speech(doc, lex)
    an = Analysis(
        doc=doc,
        actor_hits=_per_sentence(actors, n),
        issue_hits=_per_sentence(sentence_hits(doc, lex.issue_matcher), n),
        epistemic_hits=_per_sentence(sentence_hits(doc, lex.epistemic_matcher), n),
        deontic_hits=_per_sentence(deontic, n),
        verb_hits=speech.verb_hits,
        attributions=speech.attributions,
    )
    _index(an)
    return an


def _index(an: Analysis) -> None:
    """Index quotes, reported clauses and speaker spans by the sentences they overlap.

    Sentences of a paragraph are found by binary search on their offsets; each scope
    lists itself under every sentence it overlaps (scopes of different quotes do not
    overlap, so the total is linear in the text).
    """
    p = an.doc.parsed
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for sid, pid in enumerate(p.paragraph_id):
        first.setdefault(pid, sid)
        last[pid] = sid + 1

    def overlapping(pid: int, a: int, b: int) -> range:
        return sentences_between(p.start, p.end, a, b, first[pid], last[pid])

    for r in an.attributions:
        pid, a, b = r["_scope"]
        for sid in overlapping(pid, a, b):
            an.scopes.setdefault(sid, []).append(r)
        if r["_speaker"]:
            pid, a, b = r["_speaker"]
            for sid in overlapping(pid, a, b):
                an.speakers.setdefault(sid, []).append((a, b))


def analyse(doc: Document, lexicons: StanceLexicons | None = None) -> Analysis:
    """The stance matches of ``doc``, computed once per document and lexicon bundle.

    Kept with :meth:`~research_utils.ingest.Document.memo` under
    ``("stance.core", lexicons.fingerprint)``; the value is shared (read-only).
    """
    lex = default_lexicons(lexicons)
    return doc.memo(("stance.core", lex.fingerprint), lambda: _compute(doc, lex))
