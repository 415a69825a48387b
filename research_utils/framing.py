"""Framing analysis: frame cues and scores, naming choices, persuasion cues, Entman functions.

To frame is "to select some aspects of a perceived reality and make them more salient
in a communicating text" (Entman 1993, p. 52). This module measures the *cues* of
framing in a news text, with dictionaries that are YAML data files
(``research_utils/lexicons``) and with the evidence for every number:

* **Frame salience**: cue hits for the 15 dimensions of the Policy Frames Codebook
  (Boydstun et al. 2014; Card et al. 2015) and the five generic frames of Semetko &
  Valkenburg (2000); hits per 1,000 words, share of sentences with a cue, presence at
  ``min_cues`` cue tokens (Field et al. 2018), dominant frames, the trajectory through
  the article, and which frames share sentences (:func:`frame_hits`,
  :func:`frame_scores`, :func:`frame_trajectory`, :func:`frame_cooccurrence`).
* **The Semetko & Valkenburg checklist**: their 20 yes/no questions, answered from cue
  rules where that is defensible, otherwise marked "needs human coding"
  (:func:`sv_checklist`, :func:`sv_frame_scores`).
* **Naming**: contrast sets naming one referent two ways (Kyiv/Kiev, invasion/special
  military operation...), counted by side and voice, with an index
  ``(A - B) / (A + B)`` (:func:`naming_hits`, :func:`naming_table`,
  :func:`naming_overall`).
* **Persuasion**: candidate cues for the SemEval-2023 Task 3 techniques (Piskorski et
  al. 2023), with repetition computed from the text (:func:`persuasion_cues`,
  :func:`persuasion_counts`, :func:`repeated_phrases`). Candidate cues, never
  detections.
* **Entman's four functions**: sentences flagged as problem definition, causal
  interpretation, moral evaluation or treatment recommendation
  (:func:`entman_functions`, :func:`entman_summary`).
* **Contrast across articles**: distinctive words by the log-odds ratio with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) and frame and naming
  profiles side by side (:func:`distinctive_words`, :func:`profile_table`).

Every method here is a dictionary of cues: a cue shows where a frame *may* be at work,
not that it is. Each table carries ``article`` (the slug), ``sentence_id``, the
``sentence``, the matched span (``match``) and its ``voice`` (``author`` or ``quoted``,
from :mod:`research_utils.quotes`), so a reader can check every number.

Every public analysis function takes an :class:`~research_utils.article.Article`, a
plain text, or a list of articles, and returns one DataFrame with rows for each
article.

Performance: the matches of a lexicon in an article are found once and cached per
(article, lexicon), so that the scores, the trajectory, the co-occurrences and the
evidence tables of a notebook share one pass over the text. The cache is keyed by the
identity of the :class:`~research_utils.article.Article` and
:class:`~research_utils.lexicons.Lexicon` objects (both immutable by convention); every
public function returns a new DataFrame.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from research_utils.article import Article, article_from_text
from research_utils.lexicons import (
    Lexicon,
    LexiconError,
    UserPattern,
    check_pattern,
    compile_terms,
    load_lexicon,
    term_body,
)
from research_utils.quotes import voice_of_span
from research_utils.tokenize import is_number, sentences, word_spans, words

__all__ = [
    "SCHEMES",
    "FramingLexicons",
    "distinctive_words",
    "entman_functions",
    "entman_summary",
    "frame_cooccurrence",
    "frame_definitions",
    "frame_hits",
    "frame_scores",
    "frame_trajectory",
    "headline_table",
    "lexicon_table",
    "load_checklist",
    "load_entman",
    "load_frames",
    "load_lexicons",
    "load_naming",
    "load_persuasion",
    "naming_hits",
    "naming_index",
    "naming_overall",
    "naming_table",
    "persuasion_counts",
    "persuasion_cues",
    "profile_table",
    "repeated_phrases",
    "results_summary",
    "sv_checklist",
    "sv_checklist_evidence",
    "sv_frame_scores",
]

SCHEMES: dict[str, str] = {"policy": "policy_frames", "generic": "generic_frames"}
"""Frame schemes and their bundled lexicons: ``policy`` = Policy Frames Codebook (15
dimensions), ``generic`` = Semetko & Valkenburg's five generic frames."""

_FRAME_SCHEMA: dict[str, Any] = {"frame": str, "definition": str, "cues": list}
_FRAME_OPTIONAL: dict[str, Any] = {"code": int, "note": str}
_CHECKLIST_SCHEMA: dict[str, Any] = {"number": int, "frame": str, "question": str}
_CHECKLIST_OPTIONAL: dict[str, Any] = {
    "cues": list,
    "with_cues": list,
    "patterns": list,
    "needs_human_coding": bool,
    "note": str,
    "min_sentences": int,
}
_NAMING_SCHEMA: dict[str, Any] = {"referent": str, "side_a": list, "side_b": list, "source": str}
_NAMING_OPTIONAL: dict[str, Any] = {"label_a": str, "label_b": str, "exclude": list, "note": str}
_PERSUASION_SCHEMA: dict[str, Any] = {"technique": str, "family": str, "definition": str}
_PERSUASION_OPTIONAL: dict[str, Any] = {
    "cues": list,
    "patterns": list,
    "computed": bool,
    "needs_human_coding": bool,
    "note": str,
}
_ENTMAN_SCHEMA: dict[str, Any] = {"function": str, "definition": str, "cues": list}
_ENTMAN_OPTIONAL: dict[str, Any] = {"patterns": list, "note": str}

# Closed-class English words: they never start or end a repeated phrase.
_STOPWORDS = frozenset(
    """a about above across after again against all almost along already also although always
    am among an and another any anyone anything are aren't around as at be became because
    become been before being below besides between both but by can can't cannot could
    couldn't did didn't do does doesn't doing don't done down during each either else enough
    even ever every few for from further had hadn't has hasn't have haven't having he her
    here hers herself him himself his how however i if in into is isn't it it's its itself
    just least less let like many may me might more most much must my myself neither never
    no nor not now of off often on once one only or other others our ours ourselves out over
    own per perhaps quite rather same several shall she should shouldn't since so some such
    than that that's the their theirs them themselves then there there's these they they're
    this those though through thus to too toward towards under until up upon us very via was
    wasn't we well were weren't what when where whether which while who whom whose why will
    with within without won't would wouldn't yet you your yours yourself also said says say
    according one two three four five six seven eight nine ten first second new""".split()
)

ArticleLike = Article | str | Sequence[Article | str]


# --------------------------------------------------------------------------- lexicons


def _entry_line(lex: Lexicon, eid: str) -> int:
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if entry["id"] == eid:
            return line or 1
    return 1


def _check_patterns(lex: Lexicon, fields: tuple[str, ...] = ("patterns",)) -> None:
    """Compile every regular expression of a lexicon; a bad one names file and line."""
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        for field in fields:
            for pat in entry.get(field, []) or []:
                exc = check_pattern(str(pat))
                if exc is not None:
                    raise LexiconError(
                        f"{lex.path}, line {line or 1}: entry '{entry['id']}' has an invalid regular "
                        f"expression in '{field}': {pat!r} ({exc}); fix or remove it."
                    ) from None


def _check_unique(lex: Lexicon, field: str) -> None:
    seen: dict[str, str] = {}
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        key = str(entry[field]).strip().lower()
        if key in seen:
            raise LexiconError(
                f"{lex.path}, line {line or 1}: entry '{entry['id']}' repeats the {field} "
                f"'{entry[field]}' of entry '{seen[key]}'; give each {field} once."
            )
        seen[key] = entry["id"]


def load_frames(scheme: str = "policy", user_path: str = "") -> Lexicon:
    """Load a frame lexicon (``policy`` or ``generic``), optionally replaced or extended.

    Parameters
    ----------
    scheme : str
        ``policy`` (Policy Frames Codebook) or ``generic`` (Semetko & Valkenburg).
    user_path : str
        A user YAML file in the same format ("" = the bundled lexicon only). With
        ``meta.mode: extend`` it adds frames or overrides frames with the same ``id``.

    Returns
    -------
    Lexicon
        Entries with ``frame``, ``definition`` and ``cues``.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
    lex = load_lexicon(SCHEMES[scheme], schema=_FRAME_SCHEMA, optional=_FRAME_OPTIONAL, user_path=user_path)
    _check_unique(lex, "frame")
    return lex


def load_checklist(user_path: str = "") -> Lexicon:
    """Load the Semetko & Valkenburg checklist (``sv_checklist.yaml``).

    Every item needs either ``cues`` (optionally ``with_cues`` and ``patterns``) or
    ``needs_human_coding: true``.

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon(
        "sv_checklist", schema=_CHECKLIST_SCHEMA, optional=_CHECKLIST_OPTIONAL, user_path=user_path
    )
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        automatic = bool(entry.get("cues") or entry.get("patterns"))
        if entry.get("needs_human_coding") and automatic:
            raise LexiconError(
                f"{lex.path}, line {line or 1}: item '{entry['id']}' has cues and "
                "needs_human_coding: give one or the other."
            )
        if not automatic and not entry.get("needs_human_coding"):
            raise LexiconError(
                f"{lex.path}, line {line or 1}: item '{entry['id']}' needs 'cues' (or 'patterns') "
                "or 'needs_human_coding: true'."
            )
    _check_patterns(lex)
    return lex


def load_naming(user_path: str = "") -> Lexicon:
    """Load the naming contrast sets (``naming_sets.yaml``).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem (for instance a set with an
        empty side).
    """
    lex = load_lexicon("naming_sets", schema=_NAMING_SCHEMA, optional=_NAMING_OPTIONAL, user_path=user_path)
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        for side in ("side_a", "side_b"):
            if not [t for t in entry[side] if str(t).strip()]:
                raise LexiconError(
                    f"{lex.path}, line {line or 1}: set '{entry['id']}' has no terms in '{side}'; "
                    "a contrast set needs at least one term on each side."
                )
        both = {str(t).strip().lower() for t in entry["side_a"]} & {
            str(t).strip().lower() for t in entry["side_b"]
        }
        if both:
            raise LexiconError(
                f"{lex.path}, line {line or 1}: set '{entry['id']}' lists {sorted(both)} on both sides."
            )
    return lex


def load_persuasion(user_path: str = "") -> Lexicon:
    """Load the persuasion technique cues (``persuasion_cues.yaml``).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon(
        "persuasion_cues", schema=_PERSUASION_SCHEMA, optional=_PERSUASION_OPTIONAL, user_path=user_path
    )
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if not (
            entry.get("cues")
            or entry.get("patterns")
            or entry.get("computed")
            or entry.get("needs_human_coding")
        ):
            raise LexiconError(
                f"{lex.path}, line {line or 1}: technique '{entry['id']}' needs 'cues', 'patterns', "
                "'computed: true' or 'needs_human_coding: true'."
            )
    _check_patterns(lex)
    return lex


def load_entman(user_path: str = "") -> Lexicon:
    """Load the Entman function cues (``entman_cues.yaml``).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    lex = load_lexicon("entman_cues", schema=_ENTMAN_SCHEMA, optional=_ENTMAN_OPTIONAL, user_path=user_path)
    _check_patterns(lex)
    return lex


@dataclass(frozen=True)
class FramingLexicons:
    """All lexicons of the framing analysis, loaded once.

    Attributes
    ----------
    policy, generic, checklist, naming, persuasion, entman : Lexicon
    """

    policy: Lexicon
    generic: Lexicon
    checklist: Lexicon
    naming: Lexicon
    persuasion: Lexicon
    entman: Lexicon

    def frames(self, scheme: str) -> Lexicon:
        """The frame lexicon of ``scheme`` (``policy`` or ``generic``)."""
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
        return self.policy if scheme == "policy" else self.generic

    def all(self) -> dict[str, Lexicon]:
        """``{role: Lexicon}`` in a fixed order."""
        return {
            "policy frames": self.policy,
            "generic frames": self.generic,
            "S&V checklist": self.checklist,
            "naming sets": self.naming,
            "persuasion cues": self.persuasion,
            "Entman cues": self.entman,
        }


def load_lexicons(
    *,
    policy: str = "",
    generic: str = "",
    checklist: str = "",
    naming: str = "",
    persuasion: str = "",
    entman: str = "",
) -> FramingLexicons:
    """Load every framing lexicon; each argument is an optional user file ("" = bundled).

    Raises
    ------
    LexiconError
        Naming the file and the line of the first problem.
    """
    return FramingLexicons(
        policy=load_frames("policy", policy),
        generic=load_frames("generic", generic),
        checklist=load_checklist(checklist),
        naming=load_naming(naming),
        persuasion=load_persuasion(persuasion),
        entman=load_entman(entman),
    )


def lexicon_table(lexicons: FramingLexicons) -> pd.DataFrame:
    """What each lexicon is and where it comes from.

    Returns
    -------
    DataFrame
        ``lexicon``, ``name``, ``entries``, ``file``, ``method``, ``sources``.
    """
    rows = [
        {
            "lexicon": role,
            "name": lex.name,
            "entries": len(lex.entries),
            "file": lex.path,
            "method": " ".join(str(lex.meta.get("method", "")).split()),
            "sources": " | ".join(str(s) for s in lex.meta.get("sources", [])),
        }
        for role, lex in lexicons.all().items()
    ]
    return pd.DataFrame(rows, columns=["lexicon", "name", "entries", "file", "method", "sources"])


def frame_definitions(lexicon: Lexicon, scheme: str = "policy") -> pd.DataFrame:
    """The frames of a lexicon with their definitions and cue counts.

    Returns
    -------
    DataFrame
        ``scheme``, ``frame``, ``definition``, ``cues`` (number of cue terms),
        ``example_cues`` (the first ten).
    """
    rows = []
    for entry in lexicon.entries:
        cues = [str(c) for c in entry["cues"]]
        rows.append(
            {
                "scheme": scheme,
                "frame": entry["frame"],
                "definition": " ".join(str(entry["definition"]).split()),
                "cues": len(cues),
                "example_cues": ", ".join(cues[:10]) + (" ..." if len(cues) > 10 else ""),
            }
        )
    return pd.DataFrame(rows, columns=["scheme", "frame", "definition", "cues", "example_cues"])


# --------------------------------------------------------------------------- matching


def _articles(article: ArticleLike) -> list[Article]:
    if isinstance(article, Article):
        return [article]
    if isinstance(article, str):
        return [article_from_text(article)]
    out = []
    for a in article:
        out.append(a if isinstance(a, Article) else article_from_text(str(a)))
    return out


@functools.lru_cache(maxsize=64)
def _sentences(article: Article) -> pd.DataFrame:
    """The article's sentences with an ``article`` column (cached: do not modify)."""
    df = sentences(article)
    df.insert(0, "article", article.slug)
    return df


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


class _Matcher:
    """Find the non-overlapping spans of a list of terms and regular expressions."""

    def __init__(self, terms: Sequence[Any] = (), patterns: Sequence[Any] = ()) -> None:
        terms = [str(t) for t in terms if str(t).strip()]
        self.terms = compile_terms(terms) if terms else None
        self.patterns = [UserPattern(str(p)) for p in patterns]

    def __bool__(self) -> bool:
        return self.terms is not None or bool(self.patterns)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        if self.terms is not None:
            spans += [(m.start(), m.end(), m.group(0)) for m in self.terms.finditer(text)]
        for pat in self.patterns:
            spans += pat.finditer(text)
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        kept: list[tuple[int, int, str]] = []
        for s in spans:
            if kept and s[0] < kept[-1][1]:
                continue
            kept.append(s)
        return kept


@functools.lru_cache(maxsize=1024)
def _cached_matcher(terms: tuple[str, ...], patterns: tuple[str, ...]) -> _Matcher:
    return _Matcher(terms, patterns)


def _matcher(terms: Sequence[Any] | None = (), patterns: Sequence[Any] | None = ()) -> _Matcher:
    """A (cached) :class:`_Matcher` for lexicon ``terms`` and regular expressions ``patterns``."""
    return _cached_matcher(tuple(str(t) for t in terms or ()), tuple(str(p) for p in patterns or ()))


@functools.lru_cache(maxsize=64)
def _sentence_rows(article: Article) -> tuple[Any, ...]:
    """``_sentences(article).itertuples(index=False)``, made once (cached: read-only)."""
    return tuple(_sentences(article).itertuples(index=False))


def _evidence(row: Any, start: int, end: int, match: str) -> dict[str, Any]:
    """The columns that tie a hit to its sentence: where it is, what matched, whose voice."""
    return {
        "sentence_id": row.sentence_id,
        "paragraph_id": row.paragraph_id,
        "sentence": row.sentence,
        "match": match,
        "start": start,
        "end": end,
        "voice": voice_of_span(row.quote_spans, start, end),
    }


def _hit_rows(sents: tuple[Any, ...], matcher: _Matcher, extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"article": row.article, **extra, **_evidence(row, start, end, match)}
        for row in sents
        for start, end, match in matcher.find(row.sentence)
    ]


_EVIDENCE = ["sentence_id", "paragraph_id", "sentence", "match", "start", "end", "voice"]


# --------------------------------------------------------------------------- frames


def _frame_lexicon(lexicon: Lexicon | None, scheme: str) -> Lexicon:
    return lexicon if lexicon is not None else load_frames(scheme)


def frame_hits(article: ArticleLike, lexicon: Lexicon | None = None, scheme: str = "policy") -> pd.DataFrame:
    """Every frame cue found in the body sentences.

    Parameters
    ----------
    article : Article, str or list of Article
        The text(s) to analyse.
    lexicon : Lexicon, optional
        From :func:`load_frames` (default: the bundled lexicon of ``scheme``).
    scheme : str
        ``policy`` or ``generic``; written into the ``scheme`` column.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame``, ``sentence_id``, ``paragraph_id``,
        ``sentence``, ``match`` (the text matched), ``start``/``end`` (offsets in the
        sentence), ``voice`` (``author`` or ``quoted``). Cues of one frame never
        overlap; one word can be a cue of several frames.
    """
    lex = _frame_lexicon(lexicon, scheme)
    rows: list[dict[str, Any]] = []
    for art in _articles(article):
        rows += _frame_hit_rows(art, lex, scheme)
    df = pd.DataFrame(rows, columns=["article", "scheme", "frame", *_EVIDENCE])
    return df.sort_values(["article", "sentence_id", "start", "frame"], kind="stable").reset_index(drop=True)


@functools.lru_cache(maxsize=64)
def _frame_hit_rows(article: Article, lex: Lexicon, scheme: str) -> tuple[dict[str, Any], ...]:
    """The frame cue hits of one article, in lexicon order (cached: do not modify)."""
    sents = _sentence_rows(article)
    rows: list[dict[str, Any]] = []
    for entry in lex.entries:
        rows += _hit_rows(sents, _matcher(entry["cues"]), {"scheme": scheme, "frame": entry["frame"]})
    return tuple(rows)


def _top_forms(matches: pd.Series, n: int = 6) -> str:
    """The most frequent matched forms, as first written, with their counts."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for m in matches:
        key = _norm(m)
        counts[key] += 1
        shown.setdefault(key, re.sub(r"\s+", " ", m))
    return ", ".join(f"{shown[w]} ({c})" for w, c in counts.most_common(n))


def frame_scores(
    article: ArticleLike,
    lexicon: Lexicon | None = None,
    scheme: str = "policy",
    *,
    min_cues: int = 3,
) -> pd.DataFrame:
    """Salience of each frame: cue hits, rate, sentence share, presence and dominance.

    A frame is ``present`` when its cues occur at least ``min_cues`` times (Field et
    al. 2018 use 3). The ``dominant`` frames are the present frames with the most
    hits (ties are all dominant); ``rank`` orders frames with at least one hit.

    Parameters
    ----------
    article : Article, str or list of Article
    lexicon : Lexicon, optional
        From :func:`load_frames`.
    scheme : str
        ``policy`` or ``generic``.
    min_cues : int
        Cue tokens needed for a frame to count as present.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame``, ``hits``, ``per_1000_words`` (hits per
        1,000 body words), ``sentences`` (sentences with a cue), ``sentence_share``
        (``sentences`` / all sentences), ``present``, ``rank``, ``dominant``,
        ``author_hits``, ``quoted_hits``, ``top_cues`` (most frequent matched forms),
        ``example_sentence_id`` and ``example_sentence`` (the sentence with most cues of
        the frame). One row per frame of the lexicon, in lexicon order.
    """
    if min_cues < 1:
        raise ValueError("min_cues must be at least 1")
    lex = _frame_lexicon(lexicon, scheme)
    out = []
    for art in _articles(article):
        sents = _sentences(art)
        n_words = int(sents["words"].sum())
        n_sents = len(sents)
        hits = frame_hits(art, lex, scheme)
        rows = []
        for entry in lex.entries:
            fh = hits[hits["frame"] == entry["frame"]]
            n = len(fh)
            example_id, example = None, ""
            if n:
                per_sent = fh.groupby("sentence_id").size()
                example_id = int(per_sent.idxmax())
                example = fh.loc[fh["sentence_id"] == example_id, "sentence"].iloc[0]
            rows.append(
                {
                    "article": art.slug,
                    "scheme": scheme,
                    "frame": entry["frame"],
                    "hits": n,
                    "per_1000_words": round(1000 * n / n_words, 2) if n_words else float("nan"),
                    "sentences": int(fh["sentence_id"].nunique()),
                    "sentence_share": round(fh["sentence_id"].nunique() / n_sents, 3)
                    if n_sents
                    else float("nan"),
                    "present": n >= min_cues,
                    "author_hits": int((fh["voice"] == "author").sum()),
                    "quoted_hits": int((fh["voice"] == "quoted").sum()),
                    "top_cues": _top_forms(fh["match"]),
                    "example_sentence_id": example_id,
                    "example_sentence": example,
                }
            )
        df = pd.DataFrame(rows)
        ranked = df["hits"].where(df["hits"] > 0)
        df["rank"] = ranked.rank(method="min", ascending=False).astype("Int64")
        top = df.loc[df["present"], "hits"].max() if df["present"].any() else None
        df["dominant"] = df["present"] & (df["hits"] == top) if top is not None else False
        out.append(df)
    cols = [
        "article",
        "scheme",
        "frame",
        "hits",
        "per_1000_words",
        "sentences",
        "sentence_share",
        "present",
        "rank",
        "dominant",
        "author_hits",
        "quoted_hits",
        "top_cues",
        "example_sentence_id",
        "example_sentence",
    ]
    if not out:
        return pd.DataFrame(columns=cols)
    df = pd.concat(out, ignore_index=True)[cols]
    df["example_sentence_id"] = df["example_sentence_id"].astype("Int64")
    df["dominant"] = df["dominant"].astype(bool)
    return df


def frame_trajectory(
    article: ArticleLike, lexicon: Lexicon | None = None, scheme: str = "policy"
) -> pd.DataFrame:
    """Frame cues paragraph by paragraph: how the framing moves through the article.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``paragraph_id``, ``section`` (heading above the
        paragraph), ``frame``, ``hits``, ``words`` (paragraph length),
        ``per_1000_words``, ``first_sentence_id``. One row per paragraph and frame,
        zeros included, so it pivots straight into a heatmap.
    """
    lex = _frame_lexicon(lexicon, scheme)
    out = []
    for art in _articles(article):
        sents = _sentences(art)
        hits = frame_hits(art, lex, scheme)
        paras = sents.groupby("paragraph_id").agg(
            section=("section", "first"), words=("words", "sum"), first_sentence_id=("sentence_id", "min")
        )
        counts = hits.groupby(["paragraph_id", "frame"]).size().to_dict()
        slug = art.slug
        for pid, section, words_, first_sid in zip(
            paras.index.tolist(),
            paras["section"].tolist(),
            paras["words"].tolist(),
            paras["first_sentence_id"].tolist(),
            strict=True,
        ):
            for entry in lex.entries:
                n = int(counts.get((pid, entry["frame"]), 0))
                out.append(
                    {
                        "article": slug,
                        "scheme": scheme,
                        "paragraph_id": int(pid),
                        "section": section,
                        "frame": entry["frame"],
                        "hits": n,
                        "words": int(words_),
                        "per_1000_words": round(1000 * n / words_, 1) if words_ else 0.0,
                        "first_sentence_id": int(first_sid),
                    }
                )
    return pd.DataFrame(
        out,
        columns=[
            "article",
            "scheme",
            "paragraph_id",
            "section",
            "frame",
            "hits",
            "words",
            "per_1000_words",
            "first_sentence_id",
        ],
    )


def frame_cooccurrence(
    article: ArticleLike, lexicon: Lexicon | None = None, scheme: str = "policy"
) -> pd.DataFrame:
    """Pairs of frames whose cues share sentences.

    Returns
    -------
    DataFrame
        ``article``, ``scheme``, ``frame_a``, ``frame_b``, ``sentences`` (sentences
        with cues of both), ``jaccard`` (shared / sentences with either),
        ``example_sentence_id``, ``example_sentence`` and ``example_matches`` (the cues
        in it: those of ``frame_a`` | those of ``frame_b``). Only pairs sharing at least one sentence, most shared
        first.
    """
    lex = _frame_lexicon(lexicon, scheme)
    order = {e["frame"]: i for i, e in enumerate(lex.entries)}
    rows = []
    for art in _articles(article):
        hits = frame_hits(art, lex, scheme)
        by_frame = {f: set(g["sentence_id"]) for f, g in hits.groupby("frame")}
        frames = sorted(by_frame, key=lambda f: order.get(f, 99))
        for i, fa in enumerate(frames):
            for fb in frames[i + 1 :]:
                shared = by_frame[fa] & by_frame[fb]
                if not shared:
                    continue
                sid = min(shared)
                in_sent = hits[(hits["sentence_id"] == sid) & hits["frame"].isin([fa, fb])]
                rows.append(
                    {
                        "article": art.slug,
                        "scheme": scheme,
                        "frame_a": fa,
                        "frame_b": fb,
                        "sentences": len(shared),
                        "jaccard": round(len(shared) / len(by_frame[fa] | by_frame[fb]), 3),
                        "example_sentence_id": int(sid),
                        "example_sentence": in_sent["sentence"].iloc[0],
                        "example_matches": " | ".join(
                            ", ".join(in_sent.loc[in_sent["frame"] == f, "match"]) for f in (fa, fb)
                        ),
                    }
                )
    df = pd.DataFrame(
        rows,
        columns=[
            "article",
            "scheme",
            "frame_a",
            "frame_b",
            "sentences",
            "jaccard",
            "example_sentence_id",
            "example_sentence",
            "example_matches",
        ],
    )
    return df.sort_values(["article", "sentences", "jaccard"], ascending=[True, False, False]).reset_index(
        drop=True
    )


# --------------------------------------------------------------------------- S&V checklist


def _item_evidence(sents: tuple[Any, ...], item: dict[str, Any]) -> list[dict[str, Any]]:
    main = _matcher(item.get("cues"), item.get("patterns"))
    also = _matcher(item.get("with_cues"))
    rows = []
    for row in sents:
        found = main.find(row.sentence)
        if not found:
            continue
        spans = found
        if also:
            second = also.find(row.sentence)
            if not second:
                continue
            spans = sorted(found[:1] + second[:1])
        rows.append(
            {
                "article": row.article,
                "sentence_id": row.sentence_id,
                "paragraph_id": row.paragraph_id,
                "sentence": row.sentence,
                "match": " … ".join(s[2] for s in spans[:3]),
                "voice": voice_of_span(row.quote_spans, spans[0][0], spans[0][1]),
            }
        )
    return rows


@functools.lru_cache(maxsize=64)
def _checklist_evidence(
    article: Article, lex: Lexicon
) -> tuple[tuple[dict[str, Any], tuple[dict[str, Any], ...]], ...]:
    """Checklist items in number order with their evidence rows (none for human-coded
    items); cached: do not modify."""
    sents = _sentence_rows(article)
    return tuple(
        (item, () if item.get("needs_human_coding") else tuple(_item_evidence(sents, item)))
        for item in sorted(lex.entries, key=lambda e: e["number"])
    )


def sv_checklist_evidence(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The evidence sentences behind every automatic checklist answer.

    Returns
    -------
    DataFrame
        ``article``, ``number``, ``frame``, ``sentence_id``, ``paragraph_id``,
        ``sentence``, ``match`` (the cue, and the co-occurring cue for two-part
        rules), ``voice`` (of the first cue).
    """
    lex = lexicon if lexicon is not None else load_checklist()
    rows = []
    for art in _articles(article):
        for item, evidence in _checklist_evidence(art, lex):
            if item.get("needs_human_coding"):
                continue
            for ev in evidence:
                rows.append({**ev, "number": item["number"], "frame": item["frame"]})
    return pd.DataFrame(
        rows,
        columns=["article", "number", "frame", "sentence_id", "paragraph_id", "sentence", "match", "voice"],
    )


def _rule_text(item: dict[str, Any]) -> str:
    if item.get("needs_human_coding"):
        return "needs a human coder"
    cues = [str(c) for c in item.get("cues", []) or []]
    text = "a sentence with " + (", ".join(cues[:6]) + (" ..." if len(cues) > 6 else "") if cues else "")
    if item.get("patterns"):
        text += (" or " if cues else "") + "a pattern match"
    if item.get("with_cues"):
        w = [str(c) for c in item["with_cues"]]
        text += " AND " + ", ".join(w[:6]) + (" ..." if len(w) > 6 else "")
    return text


def sv_checklist(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Semetko & Valkenburg's 20 frame questions, answered from cue rules where defensible.

    An item with a cue rule is answered ``yes`` when at least ``min_sentences``
    (default 1) sentences satisfy it, otherwise ``no``; an item marked
    ``needs_human_coding`` is answered ``needs human coding``. Automatic answers are
    cues for a coder to check, not coding decisions.

    Returns
    -------
    DataFrame
        ``article``, ``number``, ``frame``, ``question``, ``answer``, ``method``
        (``cue rule`` or ``human coder``), ``evidence_sentences`` (count),
        ``sentence_id``, ``sentence``, ``match`` and ``voice`` of the first evidence
        sentence, ``rule`` (the cue rule in words), ``note``.
    """
    lex = lexicon if lexicon is not None else load_checklist()
    rows = []
    for art in _articles(article):
        for item, ev in _checklist_evidence(art, lex):
            human = bool(item.get("needs_human_coding"))
            need = int(item.get("min_sentences", 1) or 1)
            first = ev[0] if ev else {}
            rows.append(
                {
                    "article": art.slug,
                    "number": int(item["number"]),
                    "frame": item["frame"],
                    "question": item["question"],
                    "answer": "needs human coding" if human else ("yes" if len(ev) >= need else "no"),
                    "method": "human coder" if human else "cue rule",
                    "evidence_sentences": len(ev),
                    "sentence_id": first.get("sentence_id"),
                    "sentence": first.get("sentence", ""),
                    "match": first.get("match", ""),
                    "voice": first.get("voice", ""),
                    "rule": _rule_text(item),
                    "note": " ".join(str(item.get("note", "")).split()),
                }
            )
    df = pd.DataFrame(
        rows,
        columns=[
            "article",
            "number",
            "frame",
            "question",
            "answer",
            "method",
            "evidence_sentences",
            "sentence_id",
            "sentence",
            "match",
            "voice",
            "rule",
            "note",
        ],
    )
    df["sentence_id"] = df["sentence_id"].astype("Int64")
    return df


def sv_frame_scores(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Per generic frame: how many checklist items the cue rules answer ``yes``.

    Semetko & Valkenburg scored a frame as the mean of its yes/no items. Here only the
    items with a cue rule can be scored, so ``score`` = ``yes`` / ``automatic_items``
    is a partial score; the items left for a human coder are counted beside it.

    Returns
    -------
    DataFrame
        ``article``, ``frame``, ``items``, ``automatic_items``, ``yes``,
        ``needs_human_coding``, ``score`` (NaN when no item is automatic).
    """
    chk = sv_checklist(article, lexicon)
    rows = []
    for (slug, frame), g in chk.groupby(["article", "frame"], sort=False):
        auto = int((g["method"] == "cue rule").sum())
        yes = int((g["answer"] == "yes").sum())
        rows.append(
            {
                "article": slug,
                "frame": frame,
                "items": len(g),
                "automatic_items": auto,
                "yes": yes,
                "needs_human_coding": int((g["method"] == "human coder").sum()),
                "score": round(yes / auto, 3) if auto else float("nan"),
            }
        )
    return pd.DataFrame(
        rows, columns=["article", "frame", "items", "automatic_items", "yes", "needs_human_coding", "score"]
    )


# --------------------------------------------------------------------------- naming


_NOT_AFTER_WORD = r"(?<!\w)"


def _naming_term_regex(term: str) -> str:
    """A term as a regex that never matches inside a longer word but does match in
    hyphenated compounds (``pro-Kiev``) and before an apostrophe (``Kiev's``)."""
    return _NOT_AFTER_WORD + term_body(term, wildcard_tail=r"\w*") + r"(?!\w)"


class _NamingSet:
    def __init__(self, entry: dict[str, Any]) -> None:
        terms = [(str(t), "A") for t in entry["side_a"] if str(t).strip()]
        terms += [(str(t), "B") for t in entry["side_b"] if str(t).strip()]
        terms.sort(key=lambda t: len(t[0]), reverse=True)
        self.sides = {f"t{i}": side for i, (_, side) in enumerate(terms)}
        # The look-behind that every term starts with is written once, before the alternation:
        # the same matches, but most positions of a text are rejected by one test.
        alternatives = "|".join(
            f"(?P<t{i}>{_naming_term_regex(t).removeprefix(_NOT_AFTER_WORD)})"
            for i, (t, _) in enumerate(terms)
        )
        self.pattern = re.compile(f"{_NOT_AFTER_WORD}(?:{alternatives})", re.IGNORECASE)
        excl = [str(t) for t in entry.get("exclude", []) or [] if str(t).strip()]
        self.exclude = (
            re.compile("|".join(_naming_term_regex(t) for t in excl), re.IGNORECASE) if excl else None
        )

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        blocked = [(m.start(), m.end()) for m in self.exclude.finditer(text)] if self.exclude else []
        out = []
        for m in self.pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in blocked):
                continue
            out.append((m.start(), m.end(), m.group(0), self.sides[m.lastgroup or ""]))
        return out


def _label(entry: dict[str, Any], side: str) -> str:
    key = "label_a" if side == "A" else "label_b"
    if entry.get(key):
        return str(entry[key])
    terms = [str(t) for t in entry["side_a" if side == "A" else "side_b"]]
    return ", ".join(terms[:3]) + (" ..." if len(terms) > 3 else "")


def naming_hits(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every use of a term of a naming contrast set, with its side and voice.

    Terms match case-insensitively as whole words: "Kiev" is found in "Kiev's",
    "pro-Kiev" and "Kiev-based" but not in "Kievan". Within a set the longest term
    wins ("Maidan coup" is one match); phrases listed under ``exclude`` ("Cold War")
    block matches inside them.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side`` (``A`` or ``B``), ``label`` (the
        side's label), ``sentence_id``, ``paragraph_id``, ``sentence``, ``match``,
        ``start``, ``end``, ``voice``.
    """
    lex = lexicon if lexicon is not None else load_naming()
    rows: list[dict[str, Any]] = []
    for art in _articles(article):
        rows += _naming_rows(art, lex)
    return pd.DataFrame(rows, columns=["article", "set", "referent", "side", "label", *_EVIDENCE])


@functools.lru_cache(maxsize=16)
def _naming_sets(lex: Lexicon) -> tuple[tuple[dict[str, Any], _NamingSet], ...]:
    return tuple((e, _NamingSet(e)) for e in lex.entries)


@functools.lru_cache(maxsize=64)
def _naming_rows(art: Article, lex: Lexicon) -> tuple[dict[str, Any], ...]:
    """The naming hits of one article in sentence order (cached: do not modify)."""
    sets = _naming_sets(lex)
    rows = []
    for row in _sentence_rows(art):
        for entry, ns in sets:
            for start, end, match, side in ns.find(row.sentence):
                rows.append(
                    {
                        "article": art.slug,
                        "set": entry["id"],
                        "referent": entry["referent"],
                        "side": side,
                        "label": _label(entry, side),
                        **_evidence(row, start, end, match),
                    }
                )
    return tuple(rows)


def _index(a: float, b: float) -> float:
    return (a - b) / (a + b) if (a + b) > 0 else float("nan")


def naming_table(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Counts per naming set and side, split by voice, with the naming index.

    ``index`` = (A - B) / (A + B): +1 when only side A is used (meta ``side_a``,
    by default Ukrainian and international usage), -1 when only side B (Russian
    official usage), NaN when neither appears. ``index_author`` uses the author's
    voice only (quotations left out). Indices are rounded to three decimals.

    Returns
    -------
    DataFrame
        ``article``, ``set``, ``referent``, ``side_a``, ``side_a_count``,
        ``side_a_author``, ``side_a_quoted``, ``side_b``, ``side_b_count``,
        ``side_b_author``, ``side_b_quoted``, ``index``, ``index_author``,
        ``forms`` (matched forms and counts), ``source``. One row per set.
    """
    lex = lexicon if lexicon is not None else load_naming()
    out = []
    for art in _articles(article):
        hits = naming_hits(art, lex)
        for entry in lex.entries:
            h = hits[hits["set"] == entry["id"]]
            c = {
                (side, voice): int(((h["side"] == side) & (h["voice"] == voice)).sum())
                for side in "AB"
                for voice in ("author", "quoted")
            }
            a = c[("A", "author")] + c[("A", "quoted")]
            b = c[("B", "author")] + c[("B", "quoted")]
            out.append(
                {
                    "article": art.slug,
                    "set": entry["id"],
                    "referent": entry["referent"],
                    "side_a": _label(entry, "A"),
                    "side_a_count": a,
                    "side_a_author": c[("A", "author")],
                    "side_a_quoted": c[("A", "quoted")],
                    "side_b": _label(entry, "B"),
                    "side_b_count": b,
                    "side_b_author": c[("B", "author")],
                    "side_b_quoted": c[("B", "quoted")],
                    "index": round(_index(a, b), 3),
                    "index_author": round(_index(c[("A", "author")], c[("B", "author")]), 3),
                    "forms": _top_forms(h["match"], n=8),
                    "source": " ".join(str(entry["source"]).split()),
                }
            )
    return pd.DataFrame(
        out,
        columns=[
            "article",
            "set",
            "referent",
            "side_a",
            "side_a_count",
            "side_a_author",
            "side_a_quoted",
            "side_b",
            "side_b_count",
            "side_b_author",
            "side_b_quoted",
            "index",
            "index_author",
            "forms",
            "source",
        ],
    )


def naming_index(table: pd.DataFrame, voice: str = "all") -> float:
    """The overall naming index of a :func:`naming_table`: (A - B) / (A + B) over pooled counts.

    Parameters
    ----------
    table : DataFrame
        Rows of :func:`naming_table` (of one article, or pooled over several).
    voice : str
        ``all``, ``author`` or ``quoted``.

    Returns
    -------
    float
        In [-1, +1]; NaN when no term of any set appears.
    """
    if voice not in ("all", "author", "quoted"):
        raise ValueError("voice must be all, author or quoted")
    suffix = "count" if voice == "all" else voice
    return _index(float(table[f"side_a_{suffix}"].sum()), float(table[f"side_b_{suffix}"].sum()))


def naming_overall(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per article: pooled counts and the overall naming index.

    Returns
    -------
    DataFrame
        ``article``, ``side_a_count``, ``side_b_count``, ``index`` (pooled over all
        sets, so frequent sets weigh more), ``index_author`` (author voice only),
        ``index_quoted``, ``sets_used`` (sets with any hit), ``mean_set_index`` (the
        unweighted mean of the per-set indices, each set counting once).
    """
    tab = naming_table(article, lexicon)
    rows = []
    for slug, g in tab.groupby("article", sort=False):
        used = g[(g["side_a_count"] + g["side_b_count"]) > 0]
        rows.append(
            {
                "article": slug,
                "side_a_count": int(g["side_a_count"].sum()),
                "side_b_count": int(g["side_b_count"].sum()),
                "index": round(naming_index(g), 3),
                "index_author": round(naming_index(g, "author"), 3),
                "index_quoted": round(naming_index(g, "quoted"), 3),
                "sets_used": len(used),
                "mean_set_index": round(float(used["index"].mean()), 3) if len(used) else float("nan"),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "article",
            "side_a_count",
            "side_b_count",
            "index",
            "index_author",
            "index_quoted",
            "sets_used",
            "mean_set_index",
        ],
    )


# --------------------------------------------------------------------------- persuasion


def _content(token: str) -> bool:
    t = token.lower()
    return len(t) >= 3 and t not in _STOPWORDS and not is_number(t) and any(ch.isalpha() for ch in t)


@functools.lru_cache(maxsize=64)
def _ngram_occurrences(
    article: Article, min_count: int, max_n: int = 4
) -> tuple[dict[tuple[str, ...], list[tuple[int, int, int]]], pd.DataFrame]:
    """Repeated content phrases: {phrase: [(sentence_id, start, end), ...]} and the sentences
    (cached: do not modify)."""
    sents = _sentences(article)
    occ: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for row in _sentence_rows(article):
        toks = word_spans(row.sentence)
        for n in range(2, max_n + 1):
            for i in range(len(toks) - n + 1):
                gram = toks[i : i + n]
                if not (_content(gram[0][2]) and _content(gram[-1][2])):
                    continue
                if any(is_number(t[2]) for t in gram):
                    continue
                key = tuple(t[2].lower() for t in gram)
                occ.setdefault(key, []).append((row.sentence_id, gram[0][0], gram[-1][1]))
    kept = {k: v for k, v in occ.items() if len(v) >= min_count}
    # keep maximal phrases: drop a phrase inside a longer kept phrase used as often
    # (each kept phrase marks its shorter sub-phrases: linear in the number of phrases)
    covered: set[tuple[str, ...]] = set()
    for k2, v2 in kept.items():
        for n in range(2, len(k2)):
            for i in range(len(k2) - n + 1):
                sub = k2[i : i + n]
                if sub in kept and len(v2) >= len(kept[sub]):
                    covered.add(sub)
    maximal = {k: v for k, v in kept.items() if k not in covered}
    return maximal, sents


def repeated_phrases(article: ArticleLike, min_count: int = 3) -> pd.DataFrame:
    """Content phrases (2-4 words) used at least ``min_count`` times in an article.

    A phrase starts and ends with a content word (not a function word or number) and
    stays inside one sentence; a phrase inside a longer repeated phrase used as often
    is dropped. The raw material of the *repetition* candidate cue.

    Returns
    -------
    DataFrame
        ``article``, ``phrase``, ``words``, ``count``, ``sentence_ids`` (where it
        occurs), ``example_sentence``.
    """
    if min_count < 2:
        raise ValueError("min_count must be at least 2")
    rows = []
    for art in _articles(article):
        occ, sents = _ngram_occurrences(art, min_count)
        text_of = dict(zip(sents["sentence_id"], sents["sentence"], strict=True))
        for k, v in occ.items():
            rows.append(
                {
                    "article": art.slug,
                    "phrase": " ".join(k),
                    "words": len(k),
                    "count": len(v),
                    "sentence_ids": ", ".join(str(s) for s in sorted({o[0] for o in v})),
                    "example_sentence": text_of[v[0][0]],
                }
            )
    df = pd.DataFrame(
        rows, columns=["article", "phrase", "words", "count", "sentence_ids", "example_sentence"]
    )
    return df.sort_values(["article", "count", "words"], ascending=[True, False, False]).reset_index(
        drop=True
    )


def persuasion_cues(
    article: ArticleLike, lexicon: Lexicon | None = None, *, repetition_min: int = 3
) -> pd.DataFrame:
    """Candidate spans for the persuasion techniques of SemEval-2023 Task 3.

    These are candidate cues, never detections: a loaded word, a pattern such as
    "even ... said", or a repeated phrase marks a span a reader should look at. Within
    one technique, overlapping candidates are merged (the longest is kept).

    Parameters
    ----------
    article : Article, str or list of Article
    lexicon : Lexicon, optional
        From :func:`load_persuasion`.
    repetition_min : int
        A content phrase is a repetition candidate when used at least this often.

    Returns
    -------
    DataFrame
        ``article``, ``technique``, ``family``, ``cue_type`` (``cue``, ``pattern`` or
        ``computed``), ``sentence_id``, ``paragraph_id``, ``sentence``, ``match``,
        ``start``, ``end``, ``voice``.
    """
    lex = lexicon if lexicon is not None else load_persuasion()
    rows: list[dict[str, Any]] = []
    for art in _articles(article):
        rows += _persuasion_rows(art, lex, repetition_min)
    cols = ["article", "technique", "family", "cue_type", *_EVIDENCE]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["article", "sentence_id", "start"], kind="stable").reset_index(drop=True)


@functools.lru_cache(maxsize=64)
def _persuasion_rows(art: Article, lex: Lexicon, repetition_min: int) -> tuple[dict[str, Any], ...]:
    """The persuasion candidates of one article, technique by technique (cached: do not modify)."""
    rows: list[dict[str, Any]] = []
    sent_rows = _sentence_rows(art)
    for entry in lex.entries:
        extra = {"technique": entry["technique"], "family": entry["family"]}
        if entry.get("computed"):
            occ, _ = _ngram_occurrences(art, repetition_min)
            by_sid = {row.sentence_id: row for row in sent_rows}
            spans = sorted((o for v in occ.values() for o in v), key=lambda o: (o[0], o[1], -o[2]))
            last: tuple[int, int] = (-1, -1)
            for sid, start, end in spans:
                if sid == last[0] and start < last[1]:
                    continue
                last = (sid, end)
                row = by_sid[sid]
                rows.append(
                    {
                        "article": art.slug,
                        **extra,
                        "cue_type": "computed",
                        **_evidence(row, start, end, row.sentence[start:end]),
                    }
                )
            continue
        terms = _matcher(entry.get("cues"))
        pats = _matcher((), entry.get("patterns"))
        both = _matcher(entry.get("cues"), entry.get("patterns"))
        if not both:
            continue
        for r in _hit_rows(sent_rows, both, extra):
            s = r["sentence"]
            is_term = bool(terms) and any(a == r["start"] and b == r["end"] for a, b, _ in terms.find(s))
            r["cue_type"] = "cue" if is_term or not pats else "pattern"
            rows.append(r)
    return tuple(rows)


def persuasion_counts(
    article: ArticleLike, lexicon: Lexicon | None = None, *, repetition_min: int = 3
) -> pd.DataFrame:
    """Candidate-cue counts per persuasion technique (all techniques, zeros included).

    Returns
    -------
    DataFrame
        ``article``, ``technique``, ``family``, ``count`` (candidate spans),
        ``author``, ``quoted`` (by voice), ``sentences`` (sentences with a candidate),
        ``needs_human_coding`` (no cue list: the count is always 0),
        ``examples`` (most frequent matched forms), ``example_sentence_id``,
        ``example_sentence``.
    """
    lex = lexicon if lexicon is not None else load_persuasion()
    cues = persuasion_cues(article, lex, repetition_min=repetition_min)
    rows = []
    for art in _articles(article):
        c_art = cues[cues["article"] == art.slug]
        for entry in lex.entries:
            c = c_art[c_art["technique"] == entry["technique"]]
            rows.append(
                {
                    "article": art.slug,
                    "technique": entry["technique"],
                    "family": entry["family"],
                    "count": len(c),
                    "author": int((c["voice"] == "author").sum()),
                    "quoted": int((c["voice"] == "quoted").sum()),
                    "sentences": int(c["sentence_id"].nunique()),
                    "needs_human_coding": bool(entry.get("needs_human_coding", False)),
                    "examples": _top_forms(c["match"], n=5),
                    "example_sentence_id": int(c["sentence_id"].iloc[0]) if len(c) else None,
                    "example_sentence": c["sentence"].iloc[0] if len(c) else "",
                }
            )
    df = pd.DataFrame(
        rows,
        columns=[
            "article",
            "technique",
            "family",
            "count",
            "author",
            "quoted",
            "sentences",
            "needs_human_coding",
            "examples",
            "example_sentence_id",
            "example_sentence",
        ],
    )
    df["example_sentence_id"] = df["example_sentence_id"].astype("Int64")
    return df


# --------------------------------------------------------------------------- Entman


def entman_functions(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Sentences flagged for Entman's four framing functions by cue patterns.

    A sentence is flagged for a function when it contains one of the function's cues;
    one sentence can serve several functions. Flags are cues for a reader, not coding
    decisions.

    Returns
    -------
    DataFrame
        ``article``, ``function``, ``sentence_id``, ``paragraph_id``, ``sentence``,
        ``match`` (the cues found, joined by "; "), ``cues`` (how many), ``voice``
        (``author``, ``quoted`` or ``both``: the voice of the cues).
    """
    lex = lexicon if lexicon is not None else load_entman()
    rows = []
    for art in _articles(article):
        rows += _entman_rows(art, lex)
    return pd.DataFrame(
        rows,
        columns=["article", "function", "sentence_id", "paragraph_id", "sentence", "match", "cues", "voice"],
    )


@functools.lru_cache(maxsize=64)
def _entman_rows(art: Article, lex: Lexicon) -> tuple[dict[str, Any], ...]:
    """The sentences of one article flagged for each function (cached: do not modify)."""
    rows = []
    sents = _sentence_rows(art)
    for entry in lex.entries:
        by_sentence: dict[int, list[dict[str, Any]]] = {}
        for hit in _hit_rows(sents, _matcher(entry["cues"], entry.get("patterns")), {}):
            by_sentence.setdefault(int(hit["sentence_id"]), []).append(hit)
        for sid in sorted(by_sentence):
            g = by_sentence[sid]
            voices = {h["voice"] for h in g}
            rows.append(
                {
                    "article": art.slug,
                    "function": entry["function"],
                    "sentence_id": sid,
                    "paragraph_id": int(g[0]["paragraph_id"]),
                    "sentence": g[0]["sentence"],
                    "match": "; ".join(h["match"] for h in g),
                    "cues": len(g),
                    "voice": voices.pop() if len(voices) == 1 else "both",
                }
            )
    return tuple(rows)


def entman_summary(article: ArticleLike, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Per function: how many sentences are flagged, and the strongest example.

    Returns
    -------
    DataFrame
        ``article``, ``function``, ``sentences`` (flagged), ``sentence_share`` (of all
        sentences), ``author_sentences`` (flagged by a cue in the author's voice),
        ``example_sentence_id``, ``example_sentence``, ``example_match`` (the
        sentence with most cues).
    """
    lex = lexicon if lexicon is not None else load_entman()
    flagged = entman_functions(article, lex)
    rows = []
    for art in _articles(article):
        n = len(_sentences(art))
        f_art = flagged[flagged["article"] == art.slug]
        for entry in lex.entries:
            g = f_art[f_art["function"] == entry["function"]]
            best = g.sort_values(["cues", "sentence_id"], ascending=[False, True]).head(1)
            rows.append(
                {
                    "article": art.slug,
                    "function": entry["function"],
                    "sentences": len(g),
                    "sentence_share": round(len(g) / n, 3) if n else float("nan"),
                    "author_sentences": int((g["voice"] != "quoted").sum()),
                    "example_sentence_id": int(best["sentence_id"].iloc[0]) if len(best) else None,
                    "example_sentence": best["sentence"].iloc[0] if len(best) else "",
                    "example_match": best["match"].iloc[0] if len(best) else "",
                }
            )
    df = pd.DataFrame(
        rows,
        columns=[
            "article",
            "function",
            "sentences",
            "sentence_share",
            "author_sentences",
            "example_sentence_id",
            "example_sentence",
            "example_match",
        ],
    )
    df["example_sentence_id"] = df["example_sentence_id"].astype("Int64")
    return df


# --------------------------------------------------------------------------- contrast


def _word_counts(article: Article) -> Counter[str]:
    """Lower-case word counts of the body; possessive 's is dropped (Ukraine's -> ukraine)."""
    toks = [re.sub(r"'s?$", "", w.lower()) for p in article.paragraphs for w in words(p)]
    return Counter(t for t in toks if t and not is_number(t) and any(ch.isalpha() for ch in t))


def distinctive_words(
    articles: Sequence[Article | str],
    *,
    prior: str = "pooled",
    prior_strength: float = 500.0,
    min_count: int = 2,
    top_n: int = 15,
) -> pd.DataFrame:
    """Words that distinguish each article from the others (Monroe, Colaresi & Quinn 2008).

    For article *i* against all the other articles pooled (*j*), with counts
    :math:`y`, totals :math:`n` and an informative Dirichlet prior
    :math:`\\alpha_w = \\alpha_0 \\pi_w`::

        delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
        var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    The prior shrinks the log-odds of rare words towards zero, so a word seen twice is
    not "distinctive" just by chance, and ``z`` accounts for the remaining
    uncertainty (|z| > 1.96 is the conventional threshold).

    Parameters
    ----------
    articles : list of Article or str
        Two or more texts.
    prior : str
        ``pooled`` (default, as in Monroe et al.: :math:`\\pi_w` is the word's share of
        all the compared articles together) or ``wordfreq`` (:math:`\\pi_w` is the word's
        frequency in general English from the ``wordfreq`` package, renormalised over
        the words of these articles; use it when comparing only two short texts, so
        the prior does not come from the same data).
    prior_strength : float
        :math:`\\alpha_0`, the prior's weight in pseudo-words (default 500, about a
        quarter of a long news article); smaller values trust the counts more.
    min_count : int
        Words used fewer times in the article are not listed.
    top_n : int
        Words listed per article (highest ``z``).

    Returns
    -------
    DataFrame
        ``article``, ``word``, ``count``, ``per_1000_words``, ``other_count`` (in the
        other articles), ``other_per_1000_words``, ``log_odds`` (delta), ``z``,
        ``prior``. Empty when fewer than two articles are given.
    """
    if prior not in ("pooled", "wordfreq"):
        raise ValueError("prior must be 'pooled' or 'wordfreq'")
    if prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    arts = _articles(list(articles))
    cols = [
        "article",
        "word",
        "count",
        "per_1000_words",
        "other_count",
        "other_per_1000_words",
        "log_odds",
        "z",
        "prior",
    ]
    if len(arts) < 2:
        return pd.DataFrame(columns=cols)
    counts = [_word_counts(a) for a in arts]
    vocab = sorted(set().union(*counts))
    y = np.array([[c.get(w, 0) for w in vocab] for c in counts], dtype=float)
    total = y.sum(axis=0)
    if prior == "pooled":
        pi = total / total.sum()
    else:
        from wordfreq import word_frequency

        f = np.array([word_frequency(w, "en") for w in vocab], dtype=float)
        f = np.where(f > 0, f, 1e-9)
        pi = f / f.sum()
    alpha = prior_strength * pi
    a0 = prior_strength
    rows = []
    for i, art in enumerate(arts):
        yi = y[i]
        yj = total - yi
        ni, nj = yi.sum(), yj.sum()
        delta = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha))
        z = delta / np.sqrt(1 / (yi + alpha) + 1 / (yj + alpha))
        order = np.argsort(-z)
        k = 0
        for idx in order:
            if yi[idx] < min_count:
                continue
            rows.append(
                {
                    "article": art.slug,
                    "word": vocab[idx],
                    "count": int(yi[idx]),
                    "per_1000_words": round(1000 * yi[idx] / ni, 2),
                    "other_count": int(yj[idx]),
                    "other_per_1000_words": round(1000 * yj[idx] / nj, 2) if nj else float("nan"),
                    "log_odds": round(float(delta[idx]), 3),
                    "z": round(float(z[idx]), 2),
                    "prior": prior,
                }
            )
            k += 1
            if k >= top_n:
                break
    return pd.DataFrame(rows, columns=cols)


def profile_table(table: pd.DataFrame, index: str | list[str], value: str) -> pd.DataFrame:
    """Articles side by side: one column per article, one row per ``index`` value.

    Parameters
    ----------
    table : DataFrame
        A multi-article table with an ``article`` column (e.g. :func:`frame_scores`,
        :func:`naming_table`).
    index : str or list of str
        Row key(s), e.g. ``["scheme", "frame"]`` or ``"set"``.
    value : str
        The column to spread, e.g. ``per_1000_words`` or ``index``.

    Returns
    -------
    DataFrame
        The ``index`` column(s) then one column per article, in first-seen order.
    """
    keys = [index] if isinstance(index, str) else list(index)
    arts = list(dict.fromkeys(table["article"]))
    rows = list(dict.fromkeys(zip(*(table[k] for k in keys), strict=True)))
    wide = table.drop_duplicates([*keys, "article"]).set_index([*keys, "article"])[value].unstack("article")
    order = (
        pd.Index([r[0] for r in rows], name=keys[0])
        if len(keys) == 1
        else pd.MultiIndex.from_tuples(rows, names=keys)
    )
    wide = wide.reindex(order).reindex(columns=arts).reset_index()
    wide.columns.name = None
    return wide


# --------------------------------------------------------------------------- results


def _first(df: pd.DataFrame, column: str) -> Any:
    return df[column].iloc[0] if len(df) else float("nan")


def results_summary(
    main: str,
    *,
    scores: pd.DataFrame,
    naming: pd.DataFrame,
    naming_overall: pd.DataFrame,
    persuasion: pd.DataFrame,
    entman: pd.DataFrame,
    checklist: pd.DataFrame,
    min_cues: int,
) -> dict[str, Any]:
    """The ``framing`` section of ``results.json`` from the notebook's tables.

    Parameters
    ----------
    main : str
        Slug of the main article (its overall naming index is ``naming_index``).
    scores, naming, naming_overall, persuasion, entman, checklist : DataFrame
        Outputs of :func:`frame_scores` (both schemes), :func:`naming_table`,
        :func:`naming_overall`, :func:`persuasion_counts`, :func:`entman_functions`
        and :func:`sv_checklist`, for one or more articles.
    min_cues : int
        The presence threshold used.

    Returns
    -------
    dict
        ``article``, ``articles``, ``method_note``, ``min_cues``, ``frames`` (records:
        ``article``, ``scheme``, ``frame``, ``hits``, ``per_1000_words``,
        ``sentence_share``, ``present``, ``dominant``, ``author_hits``,
        ``quoted_hits``), ``dominant_frames``, ``naming`` (records: ``article``,
        ``set``, ``side_a``, ``side_a_count``, ``side_b``, ``side_b_count``, ``index``,
        ``side_a_author``, ``side_a_quoted``, ``side_b_author``, ``side_b_quoted``,
        ``index_author``), ``naming_index`` and ``naming_index_author`` (main article,
        None when no set term appears), ``naming_index_by_article``,
        ``persuasion_cues`` (records: ``article``, ``technique``, ``family``,
        ``count``, ``author``, ``quoted``), ``entman`` (records: ``article``,
        ``function``, ``sentence_id``, ``sentence``, ``match``, ``voice``),
        ``sv_checklist`` (records: ``article``, ``number``, ``frame``, ``answer``,
        ``evidence_sentences``, ``sentence_id``). DataFrames are turned into records
        by :meth:`research_utils.export.Exporter.section`.
    """
    overall_main = naming_overall[naming_overall["article"] == main]
    return {
        "article": main,
        "articles": list(dict.fromkeys(scores["article"])),
        "method_note": "Dictionary cues: counts show where a frame, a name or a persuasion technique may "
        "be at work, not that it is. Persuasion counts are candidate cues, never detections.",
        "min_cues": int(min_cues),
        "frames": scores[
            [
                "article",
                "scheme",
                "frame",
                "hits",
                "per_1000_words",
                "sentence_share",
                "present",
                "dominant",
                "author_hits",
                "quoted_hits",
            ]
        ],
        "dominant_frames": scores[scores["dominant"]][["article", "scheme", "frame", "hits"]],
        "naming": naming[
            [
                "article",
                "set",
                "side_a",
                "side_a_count",
                "side_b",
                "side_b_count",
                "index",
                "side_a_author",
                "side_a_quoted",
                "side_b_author",
                "side_b_quoted",
                "index_author",
            ]
        ],
        "naming_index": _first(overall_main, "index"),
        "naming_index_author": _first(overall_main, "index_author"),
        "naming_index_by_article": naming_overall,
        "persuasion_cues": persuasion[["article", "technique", "family", "count", "author", "quoted"]],
        "entman": entman[["article", "function", "sentence_id", "sentence", "match", "voice"]],
        "sv_checklist": checklist[
            ["article", "number", "frame", "answer", "evidence_sentences", "sentence_id"]
        ],
    }


def headline_table(summary: dict[str, Any]) -> pd.DataFrame:
    """The main article's headline numbers from :func:`results_summary`, for display.

    Returns
    -------
    DataFrame
        ``measure``, ``value``.
    """
    main = summary["article"]

    def rows(key: str) -> pd.DataFrame:
        df = summary[key]
        return df[df["article"] == main]

    def fmt(x: Any) -> str:
        return "n/a (no term of any set)" if x is None or pd.isna(x) else f"{float(x):+.2f}"

    dom = rows("dominant_frames")
    pairs = [
        (
            "dominant policy frame(s)",
            ", ".join(dom.loc[dom["scheme"] == "policy", "frame"]) or "none present",
        ),
        (
            "dominant generic frame(s)",
            ", ".join(dom.loc[dom["scheme"] == "generic", "frame"]) or "none present",
        ),
        (
            "frames present (policy / generic)",
            " / ".join(
                str(int(rows("frames").query(f"scheme == '{s}'")["present"].sum()))
                for s in ("policy", "generic")
            ),
        ),
        (
            "overall naming index (−1 Russian official … +1 Ukrainian/international)",
            fmt(summary["naming_index"]),
        ),
        ("naming index, author voice only", fmt(summary["naming_index_author"])),
        ("persuasion candidate cues, all techniques", str(int(rows("persuasion_cues")["count"].sum()))),
        ("sentences flagged for any Entman function", str(rows("entman")["sentence_id"].nunique())),
        (
            "checklist items answered yes / by cue rule",
            "{} / {}".format(
                int((rows("sv_checklist")["answer"] == "yes").sum()),
                int((rows("sv_checklist")["answer"] != "needs human coding").sum()),
            ),
        ),
    ]
    return pd.DataFrame(pairs, columns=["measure", "value"])
