"""Who wants what: actor x issue claims, sentence by sentence, and their aggregate.

Political claims analysis in the spirit of Koopmans & Statham (1999) - who (claimant)
demands what (issue, position) - with the "according to whom" of van Atteveldt et al.
(2017): a claim inside a quote or reported clause belongs to its speaker. The direction
comes from position cues (:mod:`~research_utils.analyses.stance.positions`); the
actor's role decides whether the direction is the actor's own position.

Dictionary methods agree poorly with human coders on claims (Boukes et al. 2020; van
Atteveldt, van der Velden & Boukes 2021): validate by hand (:func:`validation_sheet`)
before reporting numbers (Grimmer & Stewart 2013).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicons import (
    ROLES,
    UNATTRIBUTED,
    UNRESOLVED,
    StanceLexicons,
    default_lexicons,
)
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.analyses.stance.positions import chained, cue_value, negators, not_only
from research_utils.analyses.stance.tables import article_rank, concat_tables
from research_utils.analyses.stance.text import gap_words, in_spans
from research_utils.ingest import CorpusLike, as_corpus, voice_of_span, words
from research_utils.lexicons import Hit

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_EVIDENCE_COLUMNS",
    "DEMAND_EVIDENCE_COLUMNS",
    "MATRIX_COLUMNS",
    "claims",
    "claims_matrix",
    "claims_with_position",
    "demands",
]

CLAIM_COLUMNS = [
    "article",
    "sentence_id",
    "actor",
    "label",
    "issue",
    "issue_label",
    "position",
    "role",
    "cue",
    "cue_position",
    "negated",
    "modality",
    "according_to",
    "voice",
    "actor_match",
    "issue_match",
    "sentence",
]
"""Columns of :func:`claims`."""

MATRIX_COLUMNS = [
    "article",
    "actor",
    "label",
    "issue",
    "issue_label",
    "claims",
    "support",
    "oppose",
    "unclear",
    "net",
    "demanded_of",
    "sentence_ids",
]
"""Columns of :func:`claims_matrix`."""

_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s")
_DEONTIC_GAP_OK = frozenset("be been now also then first fully immediately completely".split())
_NEGATED_MODAL = re.compile(r"\bnot\b|n['’]t\b", re.IGNORECASE)
_ROLE_RANK = {r: i for i, r in enumerate(ROLES)}


def _cue_before(text: str, cues: list[Hit], floor: int, pos: int, max_words: int = 8) -> int | None:
    """Index of the last cue that ends before ``pos``, starts after ``floor`` and has at most
    ``max_words`` words between it and ``pos`` (None if there is none).

    Searched from the nearest cue back, stopping at the first one before ``floor``.
    """
    for j in range(bisect.bisect_right([c.end for c in cues], pos) - 1, -1, -1):
        if cues[j].start < floor:
            return None
        if gap_words(text, cues[j].end, pos) <= max_words:
            return j
    return None


def _sentence_claims(
    an: Analysis, sid: int, lex: StanceLexicons, cue_hits: dict[str, list[Hit]]
) -> list[dict[str, Any]]:
    """The claims of one sentence with an issue: one record per actor and issue (the most responsible role)."""
    p = an.doc.parsed
    text = p.sentence[sid]
    issues = an.issue_hits[sid]
    mentions = [h for h in an.actor_hits[sid] if not in_spans(h, issues)]
    cues, possib, conds, causes = (cue_hits[k] for k in ("cue", "possibility", "conditional", "causative"))
    deontic = an.deontic_hits[sid]
    off = p.start[sid]
    speaker_spans = [(a - off, b - off) for a, b in an.speakers.get(sid, ())]
    cand: dict[tuple[str, str], dict[str, Any]] = {}

    def add(rec: dict[str, Any]) -> None:
        """Keep one record per actor and issue: the most responsible role, a position before none."""
        key = (rec["actor"], rec["issue"])
        old = cand.get(key)
        rank = (_ROLE_RANK[rec["role"]], rec["position"] == 0)
        if old is None or rank < (_ROLE_RANK[old["role"]], old["position"] == 0):
            cand[key] = rec

    for iss in issues:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, iss.start)]
        floor = breaks[-1] if breaks else 0
        cue_val, negated, cue_text = 0, False, ""
        cue_start = None
        k = None
        k = _cue_before(text, cues, floor, iss.start)
        if k is not None:
            cue_val, negated, phrase_start = cue_value(text, cues, k, floor, lex, mentions)
            cue_start = cues[k].start
            cue_text = " ".join(text[phrase_start : cues[k].end].split())
            gap = text[cues[k].end : iss.start]  # a negator between cue and issue: "pledge to not join NATO"
            for h in negators(gap, lex):
                if not not_only(h, gap[h.end :]):
                    cue_val, negated = -cue_val, True
                    cue_text = " ".join(text[phrase_start : cues[k].end + h.end].split())
                    break
        modal_obl = [
            d
            for d in deontic
            if floor <= d.start and d.end <= (cue_start if cue_start is not None else iss.start)
        ]
        if cue_start is None:
            # "must be demilitarized": an obligation right before the issue is a demand for it.
            near = [
                d
                for d in deontic
                if d.end <= iss.start
                and d.start >= floor
                and all(w.lower() in _DEONTIC_GAP_OK for w in words(text[d.end : iss.start]))
            ]
            if near:
                d = near[-1]
                cue_start, cue_text = d.start, d.match
                cue_val = -1 if _NEGATED_MODAL.search(d.match) else 1
                modal_obl = [d]
        anchor = cue_start if cue_start is not None else iss.start
        subj: list[Hit] = []
        addressees: list[Hit] = []
        outer: tuple[Hit, int, str] | None = None
        if cue_start is not None:
            before = [
                m
                for m in mentions
                if m.end <= anchor
                and m.start >= floor
                and not any(a <= m.start < b for a, b in speaker_spans)
            ]
            if before and k is not None:
                # "Ukraine rejected Moscow's demand for neutrality": the actor before the outer
                # cue takes the composed position, the inner actor its own.
                j = chained(text, cues, k, floor, max_words=4)
                if j is not None and cues[j].end <= before[-1].start:
                    earlier = [m for m in before if m.end <= cues[j].start]
                    if earlier:
                        oval, _, ostart = cue_value(text, cues, j, floor, lex, mentions)
                        outer = (earlier[-1], oval * cue_val, " ".join(text[ostart : cues[k].end].split()))
            if before:
                s = before[-1]
                subj = [s]
                cz = [c for c in causes if c.end <= s.start and gap_words(text, c.end, s.start) <= 1]
                if cz:
                    addressees = [s]
                    earlier = [m for m in before if m.end <= cz[-1].start]
                    subj = [earlier[-1]] if earlier else []
        sub_start = subj[0].start if subj else floor
        conditional = any(floor <= c.start < anchor for c in conds)
        modality = ""
        if conditional:
            modality = "conditional"
        elif any(sub_start <= d.start and d.end <= anchor for d in modal_obl) or (
            modal_obl and cue_text and modal_obl[-1].start == cue_start
        ):
            modality = "obligation"
        elif any(sub_start <= q.start and q.end <= anchor for q in possib):
            modality = "possibility"
        if modality == "obligation":
            addressees = addressees + subj
            subj = []
        attr = an.scope_at(sid, iss.start)
        speaker_actor = (
            attr["actor"] if attr is not None and attr["actor"] not in (UNATTRIBUTED, UNRESOLVED) else ""
        )
        base = {
            "article": an.slug,
            "sentence_id": sid,
            "issue": iss.key,
            "issue_label": lex.issue_labels[iss.key],
            "cue": cue_text,
            "cue_position": cue_val,
            "negated": negated,
            "modality": modality,
            "according_to": speaker_actor,
            "voice": voice_of_span(p.quotes[sid], iss.start, iss.end),
            "issue_match": iss.match,
            "sentence": text,
        }
        stated = 0 if conditional else cue_val
        if speaker_actor and attr is not None:
            # The speaker's own claim unless the clause reports another actor's position
            # ("Peskov noted that Ukraine had agreed to ..."); a demand on another is its own.
            own = not subj or all(x.key == speaker_actor for x in subj)
            add(
                {
                    **base,
                    "actor": speaker_actor,
                    "role": "speaker",
                    "position": stated if own else 0,
                    "actor_match": attr["actor_match"] or attr["speaker"],
                }
            )
        for s in subj:
            add({**base, "actor": s.key, "role": "subject", "position": stated, "actor_match": s.match})
        if outer is not None:
            o, oval, ocue = outer
            add(
                {
                    **base,
                    "actor": o.key,
                    "role": "subject",
                    "position": 0 if conditional else oval,
                    "cue": ocue,
                    "cue_position": oval,
                    "actor_match": o.match,
                }
            )
        for s in addressees:
            add({**base, "actor": s.key, "role": "addressee", "position": 0, "actor_match": s.match})
        for m in mentions:
            add(
                {
                    **base,
                    "actor": m.key,
                    "role": "mentioned",
                    "position": 0,
                    "cue": "",
                    "cue_position": 0,
                    "negated": False,
                    "actor_match": m.match,
                }
            )
    for rec in cand.values():
        rec["label"] = lex.actor_labels.get(rec["actor"], rec["actor"])
    return list(cand.values())


def _claims_frame(an: Analysis, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`claims` of one document (kept with the document: do not modify)."""
    doc = an.doc
    sids = [sid for sid, hits in enumerate(an.issue_hits) if hits]
    found = {
        "cue": sentence_hits(doc, lex.cue_matcher, sids),
        "possibility": sentence_hits(doc, lex.possibility_matcher, sids),
        "conditional": sentence_hits(doc, lex.conditional_matcher, sids),
        "causative": sentence_hits(doc, lex.causative_matcher, sids),
    }
    recs = []
    for sid in sids:
        recs += _sentence_claims(an, sid, lex, {k: v.get(sid, []) for k, v in found.items()})
    df = pd.DataFrame(recs, columns=CLAIM_COLUMNS)
    if df.empty:
        return df
    df["rank"] = df["role"].map(_ROLE_RANK)
    df = df.sort_values(["sentence_id", "rank", "actor", "issue"], kind="stable").drop(columns="rank")
    df = df.reset_index(drop=True)
    df["position"] = df["position"].astype(int)
    df["cue_position"] = df["cue_position"].astype(int)
    df["negated"] = df["negated"].astype(bool)
    return df


def claims(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Actor x issue claims: who takes which position on which issue, sentence by sentence.

    For each sentence with an issue cue, every actor in it (and the speaker of the quote or
    reported clause it sits in) gets one record per issue. The position comes from the
    nearest support or oppose cue before the issue phrase in the same clause (at most
    eight words before it), flipped by a negator up to three words before the cue or
    between cue and issue, and multiplied by a cue chained right before it ("willing to
    abandon" = -1). With no verb cue, an obligation right before the issue ("must be
    demilitarized") is a demand for it (+1). The actor's role decides whether the
    position is the actor's own:

    * ``speaker`` - the actor the quote or reported clause is attributed to: the position
      is the speaker's claim (Lavrov: "Ukraine must be demilitarized" -> Russia +1),
      unless the clause reports another actor's position ("Peskov noted that Ukraine had
      agreed to ..." -> Russia 0, Ukraine +1).
    * ``subject`` - the actor mention nearest before the cue ("Russia rejected
      neutrality" -> Russia -1); after a causative ("the Kremlin ... to force Ukraine to
      agree to ...") the actor before the causative. When another cue and actor come
      before ("Ukraine rejected Moscow's demand for neutrality"), the inner actor takes
      the inner cue (Russia +1) and the outer actor the composed one (Ukraine -1).
    * ``addressee`` - the subject of an obligation ("Ukraine must give up NATO
      membership") or of a causative: position 0, the demanded direction is in
      ``cue_position``.
    * ``mentioned`` - any other actor in the sentence: position 0.

    A cue inside a conditional ("if Ukraine didn't abandon ...") gives position 0 with
    modality "conditional". Actor mentions inside issue phrases ("NATO membership") are
    not claimants. One record per sentence, actor and issue (the most responsible role).
    Known weaknesses: word order, not syntax; implicit claimants, irony and the sign of
    territorial issues (which depends on whose claim is named) are beyond it.

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``actor``, ``label``, ``issue``, ``issue_label``,
        ``position`` (+1 / -1 / 0), ``role``, ``cue`` (the word that gave the direction,
        "" for none), ``cue_position`` (its direction before the role is applied),
        ``negated``, ``modality`` (obligation / possibility / conditional / ""),
        ``according_to`` (actor the clause is attributed to, "" for author voice),
        ``voice`` (of the issue phrase), ``actor_match``, ``issue_match``, ``sentence``.
        Sorted by article, sentence, role (most responsible first), actor and issue.
    """
    lex = default_lexicons(lexicons)
    frames = [
        doc.memo(
            ("stance.claims", lex.fingerprint), lambda doc=doc: _claims_frame(analyse(doc, lex), lex)
        ).copy()
        for doc in as_corpus(x)
    ]
    return concat_tables(frames, CLAIM_COLUMNS)


def claims_matrix(claims_df: pd.DataFrame) -> pd.DataFrame:
    """Aggregate :func:`claims` into an actor x issue table.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``issue``, ``issue_label``, ``claims``
        (sentences where the actor and the issue co-occur or the actor speaks about it),
        ``support`` (+1), ``oppose`` (-1), ``unclear`` (0), ``net`` (``(support -
        oppose) / claims``, from -1 to +1), ``demanded_of`` (obligations on the actor:
        the sum of ``cue_position`` over its addressee records), ``sentence_ids``.
    """
    if claims_df.empty:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    groups: dict[tuple[str, str, str], list[Any]] = {}  # in order of first appearance
    cols = (
        "article",
        "actor",
        "issue",
        "label",
        "issue_label",
        "position",
        "role",
        "cue_position",
        "sentence_id",
    )
    for art, actor, issue, label, issue_label, pos, role, cue_pos, sid in zip(
        *(claims_df[c].tolist() for c in cols), strict=True
    ):
        g = groups.get((art, actor, issue))
        if g is None:
            g = groups[art, actor, issue] = [label, issue_label, 0, 0, 0, 0, []]
        g[2] += 1
        g[3] += pos > 0
        g[4] += pos < 0
        g[5] += int(cue_pos) if role == "addressee" else 0
        g[6].append(int(sid))
    rank = article_rank(claims_df["article"])
    rows = [
        (
            art,
            actor,
            label,
            issue,
            issue_label,
            n,
            sup,
            opp,
            n - sup - opp,
            (sup - opp) / n,
            demanded,
            tuple(sids),
        )
        for (art, actor, issue), (label, issue_label, n, sup, opp, demanded, sids) in groups.items()
    ]
    rows.sort(key=lambda r: (rank[r[0]], r[1], r[3]))
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


CLAIM_EVIDENCE_COLUMNS = [
    "article",
    "sentence_id",
    "label",
    "issue_label",
    "position",
    "role",
    "cue",
    "modality",
    "according_to",
    "sentence",
]
"""Columns a reader needs to judge a claim (:func:`claims_with_position`)."""

DEMAND_EVIDENCE_COLUMNS = [*CLAIM_EVIDENCE_COLUMNS[:6], "cue_position", *CLAIM_EVIDENCE_COLUMNS[6:]]
"""Columns a reader needs to judge a demand (:func:`demands`): with the demanded direction."""


def claims_with_position(claims_df: pd.DataFrame) -> pd.DataFrame:
    """The claims with a position (+1 or -1): the evidence for the heatmap's colours."""
    return claims_df[claims_df["position"] != 0].reset_index(drop=True)


def demands(claims_df: pd.DataFrame) -> pd.DataFrame:
    """Claims without a position of their own but with a role: obligations and demands put on
    an actor (addressees) and speakers reporting another's position (not mere mentions)."""
    return claims_df[(claims_df["position"] == 0) & (claims_df["role"] != "mentioned")].reset_index(drop=True)
