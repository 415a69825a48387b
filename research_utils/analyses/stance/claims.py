"""Who wants what: actor x issue claims, sentence by sentence, and their aggregate.

Political claims analysis in the spirit of Koopmans & Statham (1999) - who (claimant)
demands what (issue, position) - with the "according to whom" of van Atteveldt et al.
(2017): a claim inside a quote or reported clause belongs to its speaker. The direction
comes from position cues (:mod:`~research_utils.analyses.stance.positions`); the
actor's role decides whether the direction is the actor's own position.

Dictionary methods agree poorly with human coders on claims (Boukes et al. 2020; van
Atteveldt, van der Velden & Boukes 2021): validate by hand (the stance report's coding
sheet, scored by ``research-report agreement``) before reporting numbers (Grimmer &
Stewart 2013).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from research_utils.analyses.stance.claim_objects import private_people
from research_utils.analyses.stance.claim_roles import claim_roles
from research_utils.analyses.stance.core import Analysis, analyse
from research_utils.analyses.stance.lexicons import ROLES, StanceLexicons, default_lexicons
from research_utils.analyses.stance.matching import sentence_hits
from research_utils.analyses.stance.positions import issue_cue
from research_utils.analyses.stance.relative import held_by_possessor, held_by_relative
from research_utils.analyses.stance.tables import concat_tables
from research_utils.analyses.stance.text import in_spans
from research_utils.analyses.stance.unmarked import UNMARKED_CUE, raises_issue
from research_utils.ingest import CorpusLike, as_corpus, voice_of_span
from research_utils.lexicons import Hit

__all__ = ["CLAIM_COLUMNS", "claims"]

CLAIM_COLUMNS = [
    "article",
    "sentence_id",
    "actor",
    "label",
    "issue",
    "issue_label",
    "position",
    "role",
    "relation",
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

_ROLE_RANK = {r: i for i, r in enumerate(ROLES)}
_FORECAST = re.compile(
    r"\bit(?:\s+is|['’]s|\s+seems|\s+appears)\s+(?:\w+\s+)?(?:likely|unlikely|possible|probable|expected|doubtful)\s+that\b",
    re.IGNORECASE,
)
"""An impersonal forecast before the subject: what it says of an actor is no claim of the actor's."""
_LIKELY = re.compile(r"\b(?:likely|unlikely|expected)\s+to\b", re.IGNORECASE)
"""A forecast after the subject: "Russia is unlikely to accept ..."."""


_FORCE_BEFORE = re.compile(
    r"\b(?:hostilities|war|aggression|attacks?|strikes?|offensive|crimes?|sanctions|measures|action|"
    r"operations?|campaign|fight|struggle|violence|invasion|protests?|charges|case|lawsuit)\s+$",
    re.IGNORECASE,
)
"""'against' after a noun of force or law names a target, not a position: "hostilities against Donetsk"."""
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_APPLY_TO = re.compile(r"appl(?:y|ies|ied|ying)\s+to", re.IGNORECASE)
_TO_JOIN = re.compile(r"\s+(?:join|become|enter)\b")
"""'apply to' is a position only before joining ("applied to join the EU"); "the guarantees would
not apply to Crimea" says what they cover."""


def _sentence_claims(
    an: Analysis, sid: int, lex: StanceLexicons, found: dict[str, list[Hit]]
) -> list[dict[str, Any]]:
    """The claims of one sentence with an issue: one record per actor and issue (the most
    responsible role). For each issue, the cue step (:func:`~.positions.issue_cue`: the
    direction and where it comes from) and the role step (:func:`~.claim_roles.claim_roles`: who takes it),
    then one record per actor."""
    p = an.doc.parsed
    text = p.sentence[sid]
    issues = an.issue_hits[sid]
    mentions = [
        h
        for h in an.actor_hits[sid]
        if not in_spans(h, issues)
        and not private_people(text, h)
        and not _INDEFINITE_BEFORE.search(text, 0, h.start)
    ]  # "a Ukraine settlement": an actor's name as the modifier of an indefinite noun is no actor
    off = p.start[sid]
    speaker_spans = [(a - off, b - off) for a, b in an.speakers.get(sid, ())]
    cand: dict[tuple[str, str], dict[str, Any]] = {}

    def add(rec: dict[str, Any]) -> None:
        """Keep one record per actor and issue: a claim before a mention, then the most
        responsible role, then a position before none."""
        key = (rec["actor"], rec["issue"])
        old = cand.get(key)
        rank = (not rec["claim"], _ROLE_RANK[rec["role"]], rec["position"] == 0)
        if old is None or rank < (not old["claim"], _ROLE_RANK[old["role"]], old["position"] == 0):
            cand[key] = rec

    # A cue that is the words of an issue phrase ("foreign troops", "military alliances") gives
    # that issue its own direction and is no cue for anything else.
    # A support cue that is an issue phrase names an act of taking ("annexed"): it is the
    # phrase's own direction and stays a cue for the issues after it ("annexed the Donetsk ... regions").
    phrase = [c for c in found["cue"] if any(c.start < h.end and h.start < c.end for h in issues)]
    kept = [
        c
        for c in found["cue"]
        if (c not in phrase or c.key == "support")
        and not (_APPLY_TO.fullmatch(c.match) and not _TO_JOIN.match(text, c.end))
        and not (c.match.lower() == "against" and _FORCE_BEFORE.search(text, 0, c.start))
    ]
    dropped = [c for c in found["cue"] if c not in kept and c not in phrase]  # "hostilities against X"
    found = {**found, "cue": kept, "phrase": phrase}
    starts = sorted(
        {r["_scope"][1] - off for r in an.scopes.get(sid, ()) if 0 < r["_scope"][1] - off < len(text)}
    )
    for iss in issues:
        cue = issue_cue(text, iss, found, an.deontic_hits[sid], lex, mentions, issues, starts)
        attr = an.scope_at(sid, iss.start)
        speaker_actor = attr["actor"] if attr is not None and attr["actor"] in lex.actor_labels else ""
        roles = claim_roles(text, cue, mentions, speaker_spans, found, lex, iss.key, deal=not speaker_actor)
        if roles.outer is None:
            roles.outer = held_by_relative(text, iss, found["cue"], mentions, lex)  # "X, which Russia wants"
        wish = held_by_possessor(text, iss, mentions) if cue.start is None else None  # "Ukraine's NATO bid"
        if roles.outer is None:
            roles.outer = wish
        in_condition = cue.inside_condition and not cue.trailing and not cue.threat
        claimable = cue.start is not None and not cue.question and not in_condition and not cue.unowned
        base = {
            "article": an.slug,
            "sentence_id": sid,
            "issue": iss.key,
            "issue_label": lex.issue_labels[iss.key],
            "cue": cue.text,
            "cue_position": cue.value,
            "negated": cue.negated,
            "modality": roles.modality,
            "according_to": speaker_actor,
            "voice": voice_of_span(p.quotes[sid], iss.start, iss.end),
            "issue_match": iss.match,
            "sentence": text,
        }
        stated = roles.value
        if speaker_actor and attr is not None:
            # The speaker's own claim unless the clause reports another actor's position
            # ("Peskov noted that Ukraine had agreed to ..."); a demand on another is its own.
            own = not roles.subjects or all(x.key == speaker_actor for x in roles.subjects)
            # no cue: +1 (unmarked.py), unless the issue names another actor's wish
            raised = raises_issue(text, iss, cue, phrase, dropped, lex) and (
                wish is None or wish[0].key == speaker_actor
            )
            add(
                {
                    **base,
                    "actor": speaker_actor,
                    "role": "speaker",
                    "position": 1 if raised else stated if own else 0,
                    "claim": (claimable and own) or raised,
                    **({"cue": UNMARKED_CUE} if raised else {}),
                    "actor_match": attr["actor_match"] or attr["speaker"],
                }
            )
        belief = attr is not None and attr.get("verb_class") == "tentative"
        # "It is likely that the Russian side will not give up ...": a forecast, no claim
        belief = belief or bool(
            roles.subjects
            and (
                _FORECAST.search(text, cue.floor, roles.subjects[0].start)
                or _LIKELY.search(text, roles.subjects[0].end, cue.anchor)
            )
        )
        for s in roles.subjects:
            add(
                {
                    **base,
                    "actor": s.key,
                    "role": "subject",
                    "position": stated,
                    # a belief or forecast about another actor is no claim of that actor's
                    "claim": claimable and not (belief and s.key != speaker_actor),
                    "actor_match": s.match,
                }
            )
        if roles.outer is not None:
            o, oval, ocue = roles.outer
            add(
                {
                    **base,
                    "actor": o.key,
                    "role": "subject",
                    "position": oval,
                    "claim": not cue.question and not in_condition,
                    "cue": ocue,
                    "cue_position": oval,
                    "actor_match": o.match,
                }
            )
        for s in roles.addressees:
            add(
                {
                    **base,
                    "actor": s.key,
                    "role": "addressee",
                    "position": 0,
                    "claim": False,
                    "actor_match": s.match,
                }
            )
        for m in mentions:
            add(
                {
                    **base,
                    "actor": m.key,
                    "role": "mentioned",
                    "position": 0,
                    "claim": False,
                    "cue": "",
                    "cue_position": 0,
                    "negated": False,
                    "actor_match": m.match,
                }
            )
    for rec in cand.values():
        rec["label"] = lex.actor_labels.get(rec["actor"], rec["actor"])
        rec["relation"] = rec["role"]
        rec["role"] = "claim" if rec.pop("claim") else "mention"
        if rec["role"] == "mention":
            rec["position"] = float("nan")
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
    df["rank"] = (df["role"] == "mention") * len(_ROLE_RANK) + df["relation"].map(_ROLE_RANK)
    df = df.sort_values(["sentence_id", "rank", "actor", "issue"], kind="stable").drop(columns="rank")
    df = df.reset_index(drop=True)
    df["position"] = df["position"].astype(float)
    df["cue_position"] = df["cue_position"].astype(int)
    df["negated"] = df["negated"].astype(bool)
    return df


def claims(x: CorpusLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Actor x issue claims and mentions: who takes which position on which issue.

    For each sentence with an issue cue, every actor of the actor lexicon in it (and the
    speaker of the quote or reported clause it sits in, when the lexicon knows the
    speaker's side) gets one record per issue, with a ``role``: ``claim`` when the actor
    is the subject or the speaker of a position-taking cue about the issue, or the
    possessor of a position noun ("Moscow's demand for ..."); ``mention`` when the actor
    only co-occurs with the issue (the position is then NaN). The position comes from
    the nearest support, oppose or neutral cue before the issue phrase in the same clause
    (at most eight words before it), flipped by a negator up to three words before the
    cue or between cue and issue, and multiplied by the cues chained before it ("willing
    to set aside its demand for" = +1 x -1 x +1 = -1; "ready to discuss" = 0; "will not
    discuss" = -1); a chain never runs across an issue phrase ("drop its NATO bid in
    exchange for security guarantees": -1 and +1). With no verb cue, an obligation right
    before the issue ("must be demilitarized") is a demand for it (+1), a negated issue
    phrase ("no territorial concessions", "will not join military alliances or host
    foreign bases") a refusal (-1), and an issue that opens its clause may take a
    position stated after it ("Security guarantees must be implemented", "NATO
    membership was ruled out by Kyiv", "Crimea is part of Russia"), claimed by the
    speaker or the agent of the passive only. Issue phrases that name what the issue
    rules out ("foreign troops", "military alliances") turn the direction round
    ("rejected foreign troops" = +1 on demilitarisation). The ``relation`` says why:

    * ``speaker`` - the actor the quote or reported clause is attributed to: a claim
      when the clause holds a cue (Lavrov: "Ukraine must be demilitarized" -> Russia +1),
      a mention when it reports another actor's position ("Peskov noted that Ukraine had
      agreed to ..." -> Russia mention, Ukraine +1). With no cue at all, the speaker who
      names the issue raises it: a claim (+1) with the cue "(none: the speaker names the
      issue)", unless a negator, a condition, a question or a mere topic predicate ("came
      up", "was on the agenda") leaves the side open (:mod:`~.unmarked`: blind coders of
      real copy code about four such clauses in five as support).
    * ``subject`` - the actor mention nearest before the cue ("Russia rejected
      neutrality" -> Russia -1), or the possessor of a position noun ("Kyiv's proposals
      on guarantor states"), but not an object: an actor after a preposition ("under
      pressure from Moscow, Kyiv agreed"), the hearer of a verb of telling ("Ukraine
      assured Russia that it ..."), a member of a list ("including the US", "such as"),
      an actor named before an object complement ("named NATO members as states that
      could provide guarantees"), an actor after "of" ("Russia's invasion of Ukraine",
      "the withdrawal of Russian troops"; not "the President of Ukraine") or the
      possessor of allies ("Ukraine's allies have pledged"); after a causative or a
      demand ("force Ukraine to
      agree to", "demands that Kyiv drop ...", "wants Ukraine to recognise ...") the actor
      that forces or demands, with the composed direction. When another cue and actor
      come before ("Ukraine rejected Moscow's demand for neutrality"), the inner actor
      takes the inner cue (Russia +1) and the outer actor the composed one (Ukraine -1).
    * ``addressee`` - the subject of an obligation ("Ukraine must give up NATO
      membership"; but a term of a deal told with no speaker of the lexicon, "Ukraine would
      have to renounce ...", is the subject's conditional claim), the actor made to act by
      a causative or a demand, or the actor of a condition: a mention; the demanded
      direction is in ``cue_position``.
    * ``mentioned`` - any other actor in the sentence: a mention.

    A condition keeps the direction of the offer and sets ``modality`` "conditional":
    after "If the West provides guarantees," the main clause's claim stands and the
    condition's own issue and actor are mentions; a trailing condition states the terms
    of the claimant ("Russia is ready to offer guarantees if Kiev renounces NATO" ->
    Russia -1 on NATO membership, conditional). A threat turns the condition round: it
    is the threatener's opposition, and its target only a mention ("promised decisive
    actions if Ukraine didn't abandon its NATO goals", "If Kyiv joins NATO, Moscow will
    retaliate" -> Russia -1, conditional). A question ("whether Ukraine could
    accept ..."), a forecast ("It is likely that ...", "Russia is unlikely to accept")
    and a position noun that belongs to nobody ("the demand for X is a pretext") make no
    claim. Actor mentions inside issue phrases ("NATO membership") are
    not claimants. One record per sentence, actor and issue (a claim before a mention).
    Known weaknesses: word order, not syntax; implicit claimants ("such troops"),
    irony, cues shared over coordinated phrases ("proposals on A, as well as on B"),
    and the sign of territorial issues (which depends on whose claim is named) are
    beyond it, and a wrong speaker in the attribution table gives the claim to the wrong
    side. Measured against a hand-labelled gold set (``make validate``).

    Parameters
    ----------
    x : CorpusLike
    lexicons : StanceLexicons, optional

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``actor``, ``label``, ``issue``, ``issue_label``,
        ``position`` (+1 / -1 / 0 for claims, NaN for mentions), ``role`` (``claim`` /
        ``mention``), ``relation`` (speaker / subject / addressee / mentioned), ``cue``
        (the words that gave the direction, "" for none), ``cue_position`` (its direction
        before the role is applied), ``negated``, ``modality`` (obligation / possibility
        / conditional / ""), ``according_to`` (actor the clause is attributed to, "" for
        author voice), ``voice`` (of the issue phrase), ``actor_match``, ``issue_match``,
        ``sentence``. Sorted by article, sentence, claims before mentions, relation (most
        responsible first), actor and issue.
    """
    lex = default_lexicons(lexicons)
    frames = [
        doc.memo(
            ("stance.claims", lex.fingerprint), lambda doc=doc: _claims_frame(analyse(doc, lex), lex)
        ).copy()
        for doc in as_corpus(x)
    ]
    return concat_tables(frames, CLAIM_COLUMNS)
