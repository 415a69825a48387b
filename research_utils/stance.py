"""Stance comparison: who speaks, how their words are framed, who wants what.

The measures, each a table with its evidence (``sentence_id``, ``sentence``, the matched
span, ``voice`` and ``article``):

* **Actor and issue mentions** (:func:`actor_mentions`, :func:`issue_mentions`) from the
  YAML lexicons ``actors`` and ``issues`` (names, metonyms, people mapped to their side,
  demonyms; issue cue phrases).
* **Attribution** (:func:`attributions`): direct quotes (curly or straight quotes, quotes
  spanning sentences, quotes interrupted by their attribution) and indirect speech
  ("X said that ...", "X said it would ...", "according to X", "X insists on ...").
  Each has a speaker span, the actor it resolves to, the reporting verb (lemma) and its
  class (neutral, endorsing, distancing, ...; lexicon ``reporting_verbs``). The patterns
  are those of rule-based quote attribution (Pouliquen, Steinberger & Best 2007).
  :func:`voice_share` counts quotes and quoted words per actor.
* **Author and quoted voice** (:mod:`research_utils.quotes`): every match carries the
  voice it falls in, and every per-actor measure can be computed for the author's voice
  only (:func:`actor_profile` with ``voice="author"``).
* **How the text writes about each actor** (:func:`actor_sentences`,
  :func:`actor_profile`, :func:`actor_sentiment`): mentions, VADER sentiment of the
  sentences mentioning the actor with a bootstrap interval, deontic load (obligations put
  on the actor, :func:`deontic_markers`), hedges and boosters (:func:`epistemic_markers`,
  Hyland 2005).
* **Actor x issue claims** (:func:`claims`, :func:`claims_matrix`): political claims
  analysis in the spirit of Koopmans & Statham (1999): for each sentence where an actor
  and an issue co-occur, the actor's role (speaker, subject, addressee, mentioned) and
  a position cue (+1 supports, -1 opposes, 0 unclear) from verbs, negation and modals.

All of these are dictionary and pattern methods: cues that point a reader to sentences,
not readings of them. They miss paraphrase, irony, pronoun reference beyond the previous
speaker, and syntax beyond word order. Check them against the evidence columns, and
validate them by hand before reporting numbers (Grimmer & Stewart 2013; van Atteveldt,
van der Velden & Boukes 2021).

Every public function takes one :class:`~research_utils.article.Article` or a list of
them and returns one DataFrame; the ``article`` column (the article's slug) keeps
several articles apart so that tables concatenate and compare.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from research_utils.article import Article
from research_utils.lexicons import Lexicon, LexiconError, compile_terms, load_lexicon
from research_utils.quotes import quote_spans, voice_of_span
from research_utils.sentiment import polarity, score_texts
from research_utils.tokenize import sentences, words

__all__ = [
    "EPISTEMIC_KINDS",
    "POSITION_KINDS",
    "ROLES",
    "VERB_CLASSES",
    "StanceLexicons",
    "actor_mentions",
    "actor_profile",
    "actor_sentences",
    "actor_sentiment",
    "actor_table",
    "attributions",
    "bootstrap_mean",
    "claims",
    "claims_matrix",
    "count_table",
    "deontic_markers",
    "epistemic_markers",
    "issue_mentions",
    "issue_table",
    "lexicon_table",
    "load_stance_lexicons",
    "stance_results",
    "verb_class_table",
    "verb_table",
    "voice_overview",
    "voice_share",
]

VERB_CLASSES: tuple[str, ...] = (
    "neutral",
    "endorsing",
    "distancing",
    "argumentative",
    "tentative",
    "directive",
    "commissive",
    "emotive",
    "disputing",
)
"""Reporting-verb classes of the bundled lexicon, in display order."""

EPISTEMIC_KINDS: tuple[str, ...] = ("hedge", "booster")
POSITION_KINDS: tuple[str, ...] = ("support", "oppose", "negator", "possibility", "conditional", "causative")
ROLES: tuple[str, ...] = ("speaker", "subject", "addressee", "mentioned")
"""Roles of an actor in a claim, from most to least responsible for the position."""

UNATTRIBUTED = "(unattributed)"
UNRESOLVED = "(unresolved)"

ArticleLike = Article | Sequence[Article]

# --------------------------------------------------------------------------- lexicons

_SCHEMAS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "actors": (
        {"label": str, "terms": list},
        {
            "people": list,
            "adjectives": list,
            "case_sensitive": list,
            "exclude": list,
            "kind": str,
            "notes": str,
        },
    ),
    "issues": ({"label": str, "terms": list}, {"positive": str, "notes": str, "exclude": list}),
    "reporting_verbs": ({"verb_class": str, "forms": list}, {"notes": str}),
    "epistemic_markers": ({"kind": str, "terms": list}, {"category": str, "notes": str}),
    "deontic_markers": ({"strength": str, "terms": list}, {"notes": str}),
    "position_cues": ({"kind": str, "terms": list}, {"notes": str}),
}


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    key: str
    match: str
    info: str = ""


class _Matcher:
    """Longest-match, non-overlapping term finder over several keyed term lists."""

    # Terms are bucketed by their first word so that only the buckets whose first word occurs
    # in the text are run (one big alternation of look-behind patterns is slow). A bucket's
    # pattern is compiled when a text first contains its first word (most never do).
    _SIMPLE = re.compile(r"[^\W_]+(?:['.-][^\W_]+)*\.?")

    def __init__(self, groups: Iterable[tuple[str, str, list[Any], bool]], exclude: Iterable[str] = ()):
        self.buckets: list[tuple[str, str, str | None, tuple[str, ...], bool]] = []
        for key, info, terms, case_sensitive in groups:
            buckets: dict[str | None, list[str]] = {}
            for t in terms:
                term = str(t).strip()
                if not term:
                    continue
                first = term.split()[0].replace("’", "'").lower()
                bucket = first if self._SIMPLE.fullmatch(first) else None
                buckets.setdefault(bucket, []).append(term)
            for bucket, bterms in buckets.items():
                self.buckets.append((key, info, bucket, tuple(bterms), case_sensitive))
        # Bucket positions by first word; buckets without one are always run.
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

    def _pattern(self, i: int) -> re.Pattern[str]:
        """The pattern of bucket ``i``, compiled the first time a text needs it."""
        pattern = self._compiled.get(i)
        if pattern is None:
            _, _, _, terms, case_sensitive = self.buckets[i]
            pattern = self._compiled[i] = compile_terms(terms, case_sensitive=case_sensitive)
        return pattern

    def find(self, text: str) -> list[_Hit]:
        present = _present_words(text)
        run = set(self.always)
        for w in present:
            run.update(self.by_word.get(w, ()))
        hits = []
        for i in sorted(run):
            key, info = self.buckets[i][:2]
            hits += [_Hit(m.start(), m.end(), key, m.group(0), info) for m in self._pattern(i).finditer(text)]
        if self.exclude is not None:
            spans = [(m.start(), m.end()) for m in self.exclude.finditer(text)]
            hits = [h for h in hits if not any(a < h.end and h.start < b for a, b in spans)]
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[_Hit] = []
        last = -1
        for h in hits:
            if h.start >= last:
                out.append(h)
                last = h.end
        return out


_WORD_PARTS = re.compile(r"['‐‑-]")


@functools.lru_cache(maxsize=16)
def _present_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` and the parts of its hyphenated words and
    contractions: the first words a term bucket can start with (a small cache: the
    matchers of one analysis search the same sentence one after the other)."""
    present: set[str] = set()
    for w in words(text):
        lw = w.lower()
        present.add(lw)
        present.update(_WORD_PARTS.split(lw))
    return frozenset(present)


def _check_values(lex: Lexicon, fieldname: str, allowed: Sequence[str]) -> None:
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        value = entry.get(fieldname)
        if value not in allowed:
            raise LexiconError(
                f"{lex.path}, line {line}: entry '{entry['id']}' has {fieldname} '{value}'; "
                f"use one of: {', '.join(allowed)}."
            )


def _check_nonempty(lex: Lexicon, fields: Sequence[str]) -> None:
    for entry, line in zip(lex.entries, lex.lines, strict=False):
        if not any(entry.get(f) for f in fields):
            raise LexiconError(
                f"{lex.path}, line {line}: entry '{entry['id']}' lists no terms (give at least one of "
                f"{', '.join(fields)})."
            )


class StanceLexicons:
    """The six lexicons of the stance analysis, validated and compiled.

    Build it with :func:`load_stance_lexicons`. Attributes ``actors``, ``issues``,
    ``reporting_verbs``, ``epistemic``, ``deontic`` and ``position_cues`` are
    :class:`~research_utils.lexicons.Lexicon` objects; ``include_adjectives`` says whether
    demonyms and adjectives ("Russian") count as actor mentions.
    """

    def __init__(
        self,
        actors: Lexicon,
        issues: Lexicon,
        reporting_verbs: Lexicon,
        epistemic: Lexicon,
        deontic: Lexicon,
        position_cues: Lexicon,
        include_adjectives: bool = True,
    ) -> None:
        self.actors = actors
        self.issues = issues
        self.reporting_verbs = reporting_verbs
        self.epistemic = epistemic
        self.deontic = deontic
        self.position_cues = position_cues
        self.include_adjectives = include_adjectives
        classes = reporting_verbs.meta.get("classes")
        self.verb_classes: tuple[str, ...] = (
            tuple(classes) if isinstance(classes, dict) and classes else VERB_CLASSES
        )
        _check_values(reporting_verbs, "verb_class", self.verb_classes)
        _check_values(epistemic, "kind", EPISTEMIC_KINDS)
        _check_values(position_cues, "kind", POSITION_KINDS)
        _check_nonempty(actors, ("terms", "people", "adjectives", "case_sensitive"))
        _check_nonempty(issues, ("terms",))

        self.actor_labels = {e["id"]: str(e["label"]) for e in actors.entries}
        self.issue_labels = {e["id"]: str(e["label"]) for e in issues.entries}
        groups = []
        exclude: list[str] = []
        for e in actors.entries:
            groups.append((e["id"], "name", e.get("terms") or [], False))
            groups.append((e["id"], "name", e.get("case_sensitive") or [], True))
            groups.append((e["id"], "person", e.get("people") or [], False))
            groups.append((e["id"], "adjective", e.get("adjectives") or [], False))
            exclude.extend(e.get("exclude") or [])
        self.actor_matcher = _Matcher(groups, exclude)
        self.issue_matcher = _Matcher(
            [(e["id"], "", e["terms"], False) for e in issues.entries],
            [x for e in issues.entries for x in (e.get("exclude") or [])],
        )
        self.verb_matcher = _Matcher(
            [(e["id"], e["verb_class"], e["forms"], False) for e in reporting_verbs.entries]
        )
        self.epistemic_matcher = _Matcher(
            [(e["id"], f"{e['kind']}|{e.get('category', '')}", e["terms"], False) for e in epistemic.entries]
        )
        self.deontic_matcher = _Matcher(
            [(e["id"], str(e["strength"]), e["terms"], False) for e in deontic.entries]
        )
        kinds: dict[str, list[Any]] = {k: [] for k in POSITION_KINDS}
        for e in position_cues.entries:
            kinds[e["kind"]].extend(t for t in e["terms"] if str(t).strip() not in ("n't", "n’t"))
        self.cue_matcher = _Matcher([(k, k, kinds[k], False) for k in ("support", "oppose")])
        self.negator_matcher = _Matcher([("negator", "negator", kinds["negator"], False)])
        self.possibility_matcher = _Matcher([("possibility", "possibility", kinds["possibility"], False)])
        self.conditional_matcher = _Matcher([("conditional", "conditional", kinds["conditional"], False)])
        self.causative_matcher = _Matcher([("causative", "causative", kinds["causative"], False)])

    def paths(self) -> dict[str, str]:
        """File each lexicon was read from."""
        return {
            "actors": self.actors.path,
            "issues": self.issues.path,
            "reporting_verbs": self.reporting_verbs.path,
            "epistemic": self.epistemic.path,
            "deontic": self.deontic.path,
            "position_cues": self.position_cues.path,
        }


def load_stance_lexicons(
    actors: str | Path | None = "",
    issues: str | Path | None = "",
    reporting_verbs: str | Path | None = "",
    epistemic: str | Path | None = "",
    deontic: str | Path | None = "",
    position_cues: str | Path | None = "",
    include_adjectives: bool = True,
) -> StanceLexicons:
    """Load the bundled stance lexicons, each optionally replaced or extended by a user file.

    Parameters
    ----------
    actors, issues, reporting_verbs, epistemic, deontic, position_cues : str or Path
        A user YAML file for that lexicon ("" = the bundled one). ``meta.mode: extend``
        adds to the bundled list; ``replace`` (the default) replaces it.
    include_adjectives : bool
        Count demonyms and adjectives ("Russian", "Ukrainian") as actor mentions.

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem (bad YAML, a missing field, an
        unknown verb class or cue kind, an entry without terms).
    """
    names = {
        "actors": actors,
        "issues": issues,
        "reporting_verbs": reporting_verbs,
        "epistemic_markers": epistemic,
        "deontic_markers": deontic,
        "position_cues": position_cues,
    }
    loaded = {}
    for name, user in names.items():
        schema, optional = _SCHEMAS[name]
        loaded[name] = load_lexicon(name, schema=schema, optional=optional, user_path=user or None)
    return StanceLexicons(
        loaded["actors"],
        loaded["issues"],
        loaded["reporting_verbs"],
        loaded["epistemic_markers"],
        loaded["deontic_markers"],
        loaded["position_cues"],
        include_adjectives=include_adjectives,
    )


@functools.lru_cache(maxsize=1)
def _default_lexicons() -> StanceLexicons:
    return load_stance_lexicons()


def _lex(lexicons: StanceLexicons | None) -> StanceLexicons:
    return lexicons if lexicons is not None else _default_lexicons()


def _join(values: Any) -> str:
    return ", ".join(str(v) for v in (values or []))


def actor_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """The actor lexicon as a table: ``actor``, ``label``, ``kind``, ``terms``, ``people``,
    ``adjectives``, ``notes``."""
    lex = _lex(lexicons)
    rows = [
        {
            "actor": e["id"],
            "label": e["label"],
            "kind": e.get("kind", ""),
            "terms": _join([*(e.get("terms") or []), *(e.get("case_sensitive") or [])]),
            "people": _join(e.get("people")),
            "adjectives": _join(e.get("adjectives")),
            "notes": " ".join(str(e.get("notes", "")).split()),
        }
        for e in lex.actors.entries
    ]
    return pd.DataFrame(rows, columns=["actor", "label", "kind", "terms", "people", "adjectives", "notes"])


def issue_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """The issue lexicon as a table: ``issue``, ``label``, ``positive`` (what +1 means),
    ``terms``, ``notes``."""
    lex = _lex(lexicons)
    rows = [
        {
            "issue": e["id"],
            "label": e["label"],
            "positive": e.get("positive", ""),
            "terms": _join(e["terms"]),
            "notes": " ".join(str(e.get("notes", "")).split()),
        }
        for e in lex.issues.entries
    ]
    return pd.DataFrame(rows, columns=["issue", "label", "positive", "terms", "notes"])


def verb_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Reporting-verb classes: ``verb_class``, ``definition``, ``verbs`` (lemmas)."""
    lex = _lex(lexicons)
    defs = lex.reporting_verbs.meta.get("classes") or {}
    rows = []
    for cls in lex.verb_classes:
        lemmas = [e["id"] for e in lex.reporting_verbs.entries if e["verb_class"] == cls]
        rows.append({"verb_class": cls, "definition": str(defs.get(cls, "")), "verbs": _join(lemmas)})
    return pd.DataFrame(rows, columns=["verb_class", "definition", "verbs"])


def lexicon_table(lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every lexicon used: ``lexicon``, ``name``, ``entries``, ``file``, ``sources``."""
    lex = _lex(lexicons)
    items = {
        "actors": lex.actors,
        "issues": lex.issues,
        "reporting_verbs": lex.reporting_verbs,
        "epistemic": lex.epistemic,
        "deontic": lex.deontic,
        "position_cues": lex.position_cues,
    }
    rows = [
        {
            "lexicon": key,
            "name": x.name,
            "entries": len(x.entries),
            "file": Path(x.path).name if " + " not in x.path else x.path,
            "sources": "; ".join(str(s) for s in x.meta.get("sources", [])),
        }
        for key, x in items.items()
    ]
    return pd.DataFrame(rows, columns=["lexicon", "name", "entries", "file", "sources"])


# --------------------------------------------------------------------------- helpers

_DETERMINERS = frozenset("a an the this that these those its his her their our my your some any".split())
_SUBORDINATORS = frozenset(
    "when while after before because since although though if as that which who whom whose where "
    "but so unless until whereas".split()
)
_LEADING_ADVERBIALS = frozenset(
    """during in on at after before for with meanwhile however also then speaking earlier later today
    yesterday last this moreover still now here there since following amid despite as when while""".split()
)
_LEADING_FILLERS = frozenset("even also and but then now meanwhile however so only yet still".split())
_TRAILING = frozenset(
    """has have had is was are were also already repeatedly reportedly again never tire tired of keeps
    keep kept continue continues continued to no longer not did does do would will could might may
    publicly recently later earlier then once further openly firmly explicitly clearly strongly
    previously first quickly solemnly can cannot shall should must just only even still often always allegedly reportedly
    officially privately""".split()
)
_HEARER_VERBS = frozenset("tell ask remind warn urge assure inform".split())
_NOUN_DETERMINERS = frozenset("a an the its his her their our my your no".split())
_BE_FORMS = frozenset("is are was were be been being".split())
_PRONOUNS = frozenset("he she they".split())
_FIRST_PERSON = frozenset("we i".split())
_SPEAKER_NOUNS = frozenset(
    """official officials minister ministers spokesman spokeswoman spokesperson president diplomat
    diplomats analyst analysts expert experts source sources leader leaders envoy ambassador negotiator
    negotiators delegation government ministry side authorities chancellor secretary adviser advisor
    aide aides lawmaker lawmakers commander general spokesmen journalist journalists""".split()
)
_DANGLING = frozenset("of in to for with on at by from and or".split())
_PARTICLES = frozenset("von der de van den la le bin al da di du".split())
_FINITE = (
    r"(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|had|have|did|does|do"
    r"|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|can['’]t|couldn['’]t|didn['’]t"
    r"|doesn['’]t|hasn['’]t|haven['’]t|hadn['’]t|shouldn['’]t|[a-z]+ed)"
)
_ZERO_THAT = re.compile(
    r"\s+(?:(?:it|he|she|they|we|i|you|there|this|these|those)\s+(?:[\w’'-]+\s+){0,2}?" + _FINITE + r"\b"
    r"|(?:the|a|an|his|her|their|its|our)\s+(?:[\w’'-]+\s+){0,3}?" + _FINITE + r"\b"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+" + _FINITE + r"\b)",
)
_OBJECT_THAT = re.compile(r"\s+(?:to\s+)?(?:[\w’'.-]+\s+){1,3}?that\b", re.IGNORECASE)
_QUOTE_CHARS = "“”‘’\"'"


def _words_in(text: str) -> list[str]:
    return words(text)


def _is_proper_name(text: str) -> bool:
    toks = text.split()
    if not toks or len(toks) > 5:
        return False
    return all(t[:1].isupper() or t.lower() in _PARTICLES for t in toks) and toks[0][:1].isupper()


def _trim_speaker(text: str) -> str:
    """Trim a speaker phrase: leading fillers, trailing auxiliaries and adverbs, punctuation."""
    toks = text.strip(" ,;:—–-\t").split()
    while toks and toks[0].lower().strip(",") in _LEADING_FILLERS:
        toks = toks[1:]
    while toks and toks[-1].lower().strip(",") in _TRAILING:
        toks = toks[:-1]
    return " ".join(toks).strip(" ,;:—–-")


def _speaker_before(text: str, verb_start: int, floor: int = 0) -> tuple[int, int]:
    """Span of the speaker phrase that ends right before a reporting verb."""
    seg = text[floor:verb_start]
    hard = list(re.finditer(r"[;:!?“”\"(\[\]—–]|\.(?=\s)", seg))
    base = floor + (hard[-1].end() if hard else 0)
    seg = text[base:verb_start]
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", seg) if m.group(0).strip()]
    if not parts:
        return (verb_start, verb_start)
    start = parts[-1][0]
    if len(parts) >= 2:
        last = seg[parts[-1][0] : parts[-1][1]].strip()
        prev = seg[parts[-2][0] : parts[-2][1]].strip()
        prev_first = prev.split()[0].lower() if prev.split() else ""
        last_first = last.split()[0] if last.split() else ""
        if _is_proper_name(last) and prev_first not in _LEADING_ADVERBIALS and len(prev.split()) <= 14:
            start = parts[-2][0]  # "the EU's High Representative ..., Josep Borrell, said"
        elif last_first in ("a", "an", "the") and _is_proper_name(prev):
            start = parts[-2][0]  # "Peskov, the Kremlin spokesman, said"
    span = seg[start:]
    # Cut after the last subordinating word ("... was made when Ukraine said").
    cut = 0
    for m in re.finditer(r"[\w’']+", span):
        w = m.group(0)
        if w.lower() in _SUBORDINATORS and (w.islower() or m.start() == 0):
            cut = m.end()
    span_start = base + start + cut
    sub = text[span_start:verb_start]
    trimmed = _trim_speaker(sub)
    if not trimmed:
        return (verb_start, verb_start)
    s = text.index(trimmed, span_start)
    return (s, s + len(trimmed))


def _speaker_after(text: str, start: int, limit: int) -> tuple[int, int]:
    """Span of the speaker phrase that follows a reporting verb ("said Sergey Lavrov")."""
    seg = text[start:limit]
    tok = r"[^,.;:!?()“”\"—–\s]+(?:\.(?=[A-Z]))?"
    m = re.match(
        rf"\s*({tok}(?:\s+{tok})*?)"
        r"(?=\s*[,.;:!?()“”\"—–]|\s*$|\s+(?:in|on|at|to|during|after|before|while|when|who|which|that|from|"
        r"as|for|with|last|this|earlier|later|yesterday|today)\b)",
        seg,
    )
    if not m:
        return (start, start)
    s, e = start + m.start(1), start + m.end(1)
    # An apposition after a name: "David Arakhamia, a member of the delegation, ..."
    rest = text[e:limit]
    app = re.match(r",\s*((?:a|an|the)\s+[a-z][^,;:.!?“”]*?)(?=,)", rest)
    if app and _is_proper_name(text[s:e].strip()):
        e = e + app.end(1)
    trimmed = _trim_speaker(text[s:e])
    if not trimmed:
        return (start, start)
    s2 = text.index(trimmed, s)
    return (s2, s2 + len(trimmed))


def _valid_speaker(speaker: str, lex: StanceLexicons) -> bool:
    toks = speaker.split()
    if not toks or len(toks) > 25:
        return False
    first = toks[0].lower()
    last = toks[-1].lower().strip(",")
    if first in ("it", "this", "that", "which", "what", "there", "these", "those", "here"):
        return False
    if last in _DETERMINERS or last in _DANGLING:
        return False
    if (first in _PRONOUNS or first in _FIRST_PERSON) and len(toks) == 1:
        return True
    if lex.actor_matcher.find(speaker):
        return True
    if any(t[:1].isupper() for t in toks[1:]) or (toks[0][:1].isupper() and first not in _DETERMINERS):
        return True
    return any(t.lower().strip("’'s,") in _SPEAKER_NOUNS for t in toks)


def _resolve_actor(speaker: str, lex: StanceLexicons) -> tuple[str, str]:
    """Actor id and matched term for a speaker phrase (people first, then names, then adjectives)."""
    hits = lex.actor_matcher.find(speaker)
    for form in ("person", "name", "adjective"):
        for h in hits:
            if h.info == form:
                return h.key, h.match
    return "", ""


def _articles(articles: ArticleLike) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    out = list(articles)
    if not all(isinstance(a, Article) for a in out):
        raise TypeError("give an Article or a list of Articles (use research_utils.load_article)")
    return out


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _sorted(df: pd.DataFrame, by: list[str], ascending: list[bool] | bool = True) -> pd.DataFrame:
    """Sort with ``article`` in order of first appearance (the order the articles were given)."""
    if df.empty:
        return df.reset_index(drop=True)
    order = {a: i for i, a in enumerate(dict.fromkeys(df["article"]))}
    asc = ascending if isinstance(ascending, list) else [ascending] * len(by)
    keyed = df.assign(_article_rank=df["article"].map(order))
    cols = ["_article_rank" if c == "article" else c for c in by]
    return (
        keyed.sort_values(cols, ascending=asc, kind="stable")
        .drop(columns="_article_rank")
        .reset_index(drop=True)
    )


def _negation(text: str, floor: int, pos: int, lex: StanceLexicons, max_words: int = 3) -> int | None:
    """Start of a negator within ``max_words`` words before ``pos`` (after ``floor``), else None.

    "not only" is not a negation; contractions ("didn't", "won't") are.
    """
    toks = [(m.start(), m.end()) for m in re.finditer(r"[\w’'-]+", text[floor:pos])]
    if not toks:
        return None
    window_start = floor + toks[max(0, len(toks) - max_words)][0]
    window = text[window_start:pos]
    for h in lex.negator_matcher.find(window):
        after = window[h.end :]
        if h.match.lower() == "not" and re.match(r"\s+only\b", after, re.IGNORECASE):
            continue
        return window_start + h.start
    m = re.search(r"\b\w*[a-z]n['’]t\b", window, re.IGNORECASE)
    return window_start + m.start() if m else None


def _previous_word(text: str, pos: int) -> str:
    ws = _words_in(text[:pos])
    return ws[-1].lower() if ws else ""


def _gap_words(text: str, a: int, b: int) -> int:
    return len(_words_in(text[a:b])) if b > a else 0


# --------------------------------------------------------------------------- analysis core


@dataclass
class _Analysis:
    article: Article
    slug: str
    sents: pd.DataFrame
    actor_hits: dict[int, list[_Hit]]
    issue_hits: dict[int, list[_Hit]]
    epistemic_hits: dict[int, list[_Hit]]
    deontic_hits: dict[int, list[_Hit]]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    compound: dict[int, float] = field(default_factory=dict)
    # The attributions whose quote or clause (``_scope``) lies in each paragraph, and the
    # speaker spans (``_speaker``) in each paragraph, both in attribution order.
    scopes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    speakers: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def _sentence_of(sents_p: pd.DataFrame, pos: int) -> int:
    """Row index (in the paragraph frame) of the sentence that holds paragraph offset ``pos``."""
    best = 0
    for i, (s, _e) in enumerate(zip(sents_p["start"], sents_p["end"], strict=True)):
        if s <= pos:
            best = i
    return best


@functools.lru_cache(maxsize=32)
def _analyse(article: Article, lex: StanceLexicons) -> _Analysis:
    sents = sentences(article)
    actor_hits: dict[int, list[_Hit]] = {}
    issue_hits: dict[int, list[_Hit]] = {}
    epi: dict[int, list[_Hit]] = {}
    deo: dict[int, list[_Hit]] = {}
    for row in sents.itertuples(index=False):
        text = row.sentence
        hits = lex.actor_matcher.find(text)
        if not lex.include_adjectives:
            hits = [h for h in hits if h.info != "adjective"]
        actor_hits[row.sentence_id] = hits
        issue_hits[row.sentence_id] = lex.issue_matcher.find(text)
        epi[row.sentence_id] = lex.epistemic_matcher.find(text)
        # "the need to sign" is a noun, not a modal
        deo[row.sentence_id] = [
            h
            for h in lex.deontic_matcher.find(text)
            if _previous_word(text, h.start) not in _NOUN_DETERMINERS
        ]
    an = _Analysis(article, article.slug, sents, actor_hits, issue_hits, epi, deo)
    an.attributions = _find_attributions(article, sents, lex)
    for r in an.attributions:
        an.scopes.setdefault(r["_scope"][0], []).append(r)
        if r["_speaker"]:
            an.speakers.setdefault(r["_speaker"][0], []).append((r["_speaker"][1], r["_speaker"][2]))
    if len(sents):
        scores = score_texts(sents["sentence"].tolist())
        an.compound = dict(zip(sents["sentence_id"], scores["compound"], strict=True))
    return an


# --------------------------------------------------------------------------- attribution


def _attr_record(
    kind: str,
    pid: int,
    para: str,
    sents_p: pd.DataFrame,
    verb: _Hit | None,
    speaker_span: tuple[int, int] | None,
    scope: tuple[int, int],
    quote: str,
    lex: StanceLexicons,
) -> dict[str, Any]:
    speaker = para[speaker_span[0] : speaker_span[1]] if speaker_span else ""
    actor, actor_match = _resolve_actor(speaker, lex) if speaker else ("", "")
    anchor = verb.start if verb is not None else scope[0]
    srow = sents_p.iloc[_sentence_of(sents_p, anchor)]
    covered = tuple(
        int(sid)
        for sid, s, e in zip(sents_p["sentence_id"], sents_p["start"], sents_p["end"], strict=True)
        if s < scope[1] and e > scope[0]
    )
    return {
        "kind": kind,
        "speaker": speaker,
        "actor": actor or (UNATTRIBUTED if not speaker else UNRESOLVED),
        "actor_match": actor_match,
        "reporting_verb": verb.key if verb is not None else "",
        "verb": verb.match if verb is not None else "",
        "verb_class": verb.info if verb is not None else "",
        "quote": quote,
        "quote_words": len(_words_in(quote)),
        "paragraph_id": pid,
        "sentence_id": int(srow["sentence_id"]),
        "sentence_ids": covered,
        "sentence": srow["sentence"],
        "note": "",
        "_scope": (pid, scope[0], scope[1]),
        "_speaker": (pid, *speaker_span) if speaker_span else None,
        "_verb": (pid, verb.start, verb.end) if verb is not None else None,
    }


def _post_attribution(
    para: str, qe: int, limit: int, verbs: list[_Hit], lex: StanceLexicons
) -> tuple[_Hit, tuple[int, int]] | None:
    """Attribution right after a closing quote: '”, said X' or '” X said'."""
    lead = re.match(r"[\s,;—–-]*", para[qe:limit])
    pos = qe + (lead.end() if lead else 0)
    for v in verbs:
        if v.start < pos or v.start >= limit or v.key == "according to":
            continue
        between = para[pos : v.start]
        if re.search(r"[.!?;:“”\"]", between):
            return None
        if v.start == pos:
            span = _speaker_after(para, v.end, limit)
        else:
            if _gap_words(para, pos, v.start) > 10:
                return None
            prev = _words_in(between)
            if prev and prev[-1].lower() in _DETERMINERS:
                return None
            span = (pos, v.start)
            trimmed = _trim_speaker(para[pos : v.start])
            if not trimmed:
                return None
            s = para.index(trimmed, pos)
            span = (s, s + len(trimmed))
            # '” The Kremlin rejected the proposal' is a new clause, not an attribution: after the
            # verb only a hearer ('told reporters'), a prepositional phrase or the clause end may follow.
            nxt = _words_in(para[v.end : limit])[:1]
            if nxt and nxt[0].lower() in _NOUN_DETERMINERS and v.key not in _HEARER_VERBS:
                return None
        if span[1] > span[0] and _valid_speaker(para[span[0] : span[1]], lex):
            return v, span
        return None
    return None


def _pre_attribution(
    para: str, qs: int, floor: int, verbs: list[_Hit], lex: StanceLexicons
) -> tuple[_Hit, tuple[int, int]] | None:
    """Attribution before an opening quote: 'X said: “', 'X said that ... “', 'According to X, “'."""
    cands = [v for v in verbs if floor <= v.start and v.end <= qs]
    for v in reversed(cands):
        if v.key == "according to":
            span = _speaker_after(para, v.end, qs)
            rest = para[span[1] : qs]
            if (
                span[1] > span[0]
                and re.fullmatch(r"[\s,]*", rest)
                and _valid_speaker(para[span[0] : span[1]], lex)
            ):
                return v, span
            continue
        rest = para[v.end : qs]
        if re.search(r"[.!?;“”\"]", rest) or _gap_words(para, v.end, qs) > 15:
            continue
        if not (
            re.fullmatch(r"[\s,:]*", rest)
            or re.match(r"\s*,?\s*that\b", rest)
            or re.fullmatch(r"\s*(?:to\s+)?(?:[\w’'.-]+\s+){0,2}[\w’'.-]+\s*[,:]\s*", rest)
            or _OBJECT_THAT.match(rest)
            or v.match.lower().endswith((" on", " for"))
        ):
            continue
        before = _words_in(para[floor : v.start])
        if before and (before[-1].lower() in _DETERMINERS or before[-1].lower() in _BE_FORMS):
            continue
        span = _speaker_before(para, v.start, floor)
        if span[1] > span[0] and _valid_speaker(para[span[0] : span[1]], lex):
            return v, span
    return None


def _find_attributions(article: Article, sents: pd.DataFrame, lex: StanceLexicons) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    used_verbs: set[tuple[int, int]] = set()
    last_open: dict[str, Any] | None = None  # an attributed quote left open at a paragraph end
    sent_pids = sents["paragraph_id"].to_numpy()
    for pid, para in enumerate(article.paragraphs):
        lo, hi = np.searchsorted(sent_pids, pid, side="left"), np.searchsorted(sent_pids, pid, side="right")
        sents_p = sents.iloc[lo:hi].reset_index(drop=True)  # sentences are in paragraph order
        if sents_p.empty:
            continue
        verbs = lex.verb_matcher.find(para)
        spans = quote_spans(para)
        direct: list[dict[str, Any] | None] = []
        infos = []
        for i, (qs, qe) in enumerate(spans):
            inner_end = qe - 1 if para[qe - 1] in '”’"' and qe - qs > 1 else qe
            inner = para[qs + 1 : inner_end].strip()
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(para)
            srow = sents_p.iloc[_sentence_of(sents_p, max(qs, qe - 1))]
            limit = min(nxt, int(srow["end"]))
            if int(srow["end"]) <= qe + 1 and limit == int(srow["end"]):
                # The quote closes its sentence: '“... everything.” Zelensky said.'
                k = _sentence_of(sents_p, qe - 1) + 1
                if k < len(sents_p) and len(_words_in(str(sents_p.iloc[k]["sentence"]))) <= 8:
                    limit = min(nxt, int(sents_p.iloc[k]["end"]))
            floor = int(sents_p.iloc[_sentence_of(sents_p, qs)]["start"])
            prev_end = spans[i - 1][1] if i > 0 else 0
            found = _post_attribution(para, qe, limit, verbs, lex) or _pre_attribution(
                para, qs, max(floor, prev_end), verbs, lex
            )
            infos.append((qs, qe, inner))
            if found:
                verb, sp = found
                rec = _attr_record("direct", pid, para, sents_p, verb, sp, (qs, qe), inner, lex)
                used_verbs.add((pid, verb.start))
                direct.append(rec)
            else:
                direct.append(None)
        # Quotes continuing an attributed one (“A,” X said. “B.”), forwards then backwards.
        for i in range(len(direct)):
            if direct[i] is None:
                qs, qe, inner = infos[i]
                src = None
                if i > 0 and direct[i - 1] is not None:
                    between = para[infos[i - 1][1] : qs]
                    if not _words_in(between) or direct[i - 1]["_verb"][1] >= infos[i - 1][1]:
                        src = direct[i - 1]
                elif i == 0 and last_open is not None and qs == 0:
                    src = last_open
                if src is not None:
                    direct[i] = _inherit(src, pid, para, sents_p, (qs, qe), inner, lex)
        for i in range(len(direct) - 2, -1, -1):
            if direct[i] is None and direct[i + 1] is not None:
                qs, qe, inner = infos[i]
                if not _words_in(para[qe : infos[i + 1][0]]):
                    direct[i] = _inherit(direct[i + 1], pid, para, sents_p, (qs, qe), inner, lex)
        last_open = None
        for i, rec in enumerate(direct):
            qs, qe, inner = infos[i]
            if rec is None:
                if len(_words_in(inner)) < 8 or para[qs] == "‘":
                    continue  # a scare quote or a quoted term, not reported speech
                rec = _attr_record("direct", pid, para, sents_p, None, None, (qs, qe), inner, lex)
            records.append(rec)
            if qe == len(para) and para[-1] not in '”’"' and rec["actor"] != UNATTRIBUTED:
                last_open = rec
        # Indirect speech, in author voice only.
        for row in sents_p.itertuples(index=False):
            text = row.sentence
            for v in lex.verb_matcher.find(text):
                pv = row.start + v.start
                if (pid, pv) in used_verbs:
                    continue
                if voice_of_span(row.quote_spans, v.start, v.end) == "quoted":
                    continue
                if v.match[:1].isupper() and text[: v.start].strip(" “‘\"'"):
                    continue  # a capitalised form mid-sentence is a name ("Declaration of State Sovereignty")
                rec = _indirect(pid, para, sents_p, row, v, lex)
                if rec is not None:
                    used_verbs.add((pid, pv))
                    records.append(rec)
    records.sort(key=lambda r: (r["paragraph_id"], r["_scope"][1]))
    # Pronoun speakers take the previous resolved speaker within two paragraphs.
    prev: dict[str, Any] | None = None
    for rec in records:
        if rec["speaker"].lower() in _PRONOUNS and rec["actor"] == UNRESOLVED:
            if prev is not None and rec["paragraph_id"] - prev["paragraph_id"] <= 2:
                rec["actor"] = prev["actor"]
                rec["actor_match"] = prev["actor_match"]
                rec["note"] = f"pronoun: the previous speaker ({prev['speaker']})"
        if rec["actor"] not in (UNRESOLVED, UNATTRIBUTED):
            prev = rec
    for k, rec in enumerate(records):
        rec["attribution_id"] = k
    return records


def _inherit(
    src: dict[str, Any],
    pid: int,
    para: str,
    sents_p: pd.DataFrame,
    scope: tuple[int, int],
    inner: str,
    lex: StanceLexicons,
) -> dict[str, Any]:
    rec = dict(src)
    srow = sents_p.iloc[_sentence_of(sents_p, scope[0])]
    rec.update(
        {
            "quote": inner,
            "quote_words": len(_words_in(inner)),
            "paragraph_id": pid,
            "sentence_id": int(srow["sentence_id"]),
            "sentence_ids": tuple(
                int(sid)
                for sid, s, e in zip(sents_p["sentence_id"], sents_p["start"], sents_p["end"], strict=True)
                if s < scope[1] and e > scope[0]
            ),
            "sentence": srow["sentence"],
            "note": "continues the quote attributed in " + f"sentence {src['sentence_id']}",
            "_scope": (pid, scope[0], scope[1]),
        }
    )
    return rec


def _indirect(
    pid: int, para: str, sents_p: pd.DataFrame, row: Any, v: _Hit, lex: StanceLexicons
) -> dict[str, Any] | None:
    """Indirect speech around reporting verb ``v`` in sentence ``row`` (offsets in the sentence)."""
    text = row.sentence
    off = row.start
    if v.key == "according to":
        span = _speaker_after(text, v.end, len(text))
        if span[1] <= span[0] or not _valid_speaker(text[span[0] : span[1]], lex):
            return None
        phrase_start = v.start
        phrase_end = span[1]
        tail = re.match(r"\s*,", text[phrase_end:])
        if tail:
            phrase_end += tail.end()
        content = re.sub(r"\s{2,}", " ", text[:phrase_start].rstrip(" ,") + " " + text[phrase_end:]).strip(
            " ,"
        )
        scope = (
            (off + phrase_end, off + len(text)) if not text[:phrase_start].strip() else (off, off + len(text))
        )
        verb = _Hit(off + v.start, off + v.end, v.key, v.match, v.info)
        rec = _attr_record(
            "indirect", pid, para, sents_p, verb, (off + span[0], off + span[1]), scope, content, lex
        )
        return rec
    rest = text[v.end :]
    starts_as = re.match(r"\s*As\s", text) is not None and re.match(r"\s*,", rest) is not None
    comp: int | None = None
    if v.match.lower().endswith((" on", " for")):
        comp = v.end
    elif m := re.match(r"\s*,?\s*that\b", rest):
        comp = v.end + m.end()
    elif m := re.match(r"\s*:", rest):
        comp = v.end + m.end()
    elif m := _OBJECT_THAT.match(rest):
        if not re.search(r"[,;:]", m.group(0)):
            comp = v.end + m.end()
    if comp is None and _ZERO_THAT.match(rest):
        comp = v.end + (len(rest) - len(rest.lstrip()))
    if comp is None and starts_as:
        comp = v.end + re.match(r"\s*,", rest).end()
    if comp is None:
        return None
    before = _words_in(text[: v.start])
    if before and (before[-1].lower() in _DETERMINERS or before[-1].lower() in _BE_FORMS):
        return None  # a noun ("a state that") or a passive ("was said that")
    floor = 0
    if starts_as:
        floor = re.match(r"\s*As\s", text).end()
    span = _speaker_before(text, v.start, floor)
    if span[1] <= span[0]:
        return None
    speaker = text[span[0] : span[1]]
    if not _valid_speaker(speaker, lex) or speaker.lower() in _FIRST_PERSON:
        return None  # "We can say that ..." is the author's own voice
    content = text[comp:].strip()
    scope = (off + comp, off + len(text))
    verb = _Hit(off + v.start, off + v.end, v.key, v.match, v.info)
    return _attr_record(
        "indirect", pid, para, sents_p, verb, (off + span[0], off + span[1]), scope, content, lex
    )


ATTRIBUTION_COLUMNS = [
    "article",
    "attribution_id",
    "kind",
    "speaker",
    "actor",
    "label",
    "actor_match",
    "reporting_verb",
    "verb",
    "verb_class",
    "quote",
    "quote_words",
    "sentence_id",
    "sentence_ids",
    "paragraph_id",
    "note",
    "sentence",
]


def attributions(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Reported speech: direct quotes and indirect speech, with speaker and reporting verb.

    Direct quotes are text in double quotation marks (straight quotes are made curly when
    the article is loaded), or longer single-quoted text. A quote is attributed by the
    reporting verb right after it (“…,” said X / “…,” X said; the next short sentence
    when the quote ends its sentence) or right before it in the same sentence (X said:
    “…” / X said that … “…” / According to X, “…”). An unattributed quote continues the
    attribution of the quote before it in the paragraph (“A,” X said. “B.”), of the quote
    after it (“A.” “B,” X said.), or of a quote left open at the end of the previous
    paragraph. Unattributed quotes of fewer than 8 words are taken as quoted terms or
    scare quotes and left out. Indirect speech (author voice only) is a reporting verb
    with a clause after it ("X said that ...", "X told reporters that ...", "X said it
    would ...", "X insists on ...", "X said: ..."), "according to X", or "As X said, ...";
    passives ("it was said") and nouns ("a state that") are skipped. The speaker is the
    phrase before the verb (after the last clause boundary) or after it; a pronoun
    speaker takes the previous speaker within two paragraphs.

    Parameters
    ----------
    articles : Article or list of Article
    lexicons : StanceLexicons, optional
        Defaults to the bundled lexicons.

    Returns
    -------
    DataFrame
        ``article``, ``attribution_id``, ``kind`` (direct/indirect), ``speaker`` (the text
        span), ``actor`` (actor id; "(unresolved)" when the speaker matches no actor,
        "(unattributed)" for a quote without a speaker), ``label``, ``actor_match`` (term
        that resolved it), ``reporting_verb`` (lemma), ``verb`` (form in the text),
        ``verb_class``, ``quote`` (the quoted words; for indirect speech the reported
        clause), ``quote_words``, ``sentence_id`` (sentence of the reporting verb),
        ``sentence_ids`` (all sentences the quote spans), ``paragraph_id``, ``note``,
        ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in an.attributions]
        df = pd.DataFrame(rows, columns=[c for c in ATTRIBUTION_COLUMNS if c not in ("article", "label")])
        df.insert(0, "article", an.slug)
        df.insert(5, "label", df["actor"].map(lambda a: lex.actor_labels.get(a, a)))
        frames.append(df)
    return _concat(frames, ATTRIBUTION_COLUMNS)


def voice_share(attr: pd.DataFrame) -> pd.DataFrame:
    """Who gets to speak: quotes and quoted words per actor.

    Parameters
    ----------
    attr : DataFrame
        Output of :func:`attributions`.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``quotes`` (direct quotes), ``quoted_words``
        (words inside them), ``indirect`` (indirect-speech attributions), ``paraphrased_words``
        (words of the reported clauses), ``attributions`` (all), ``share_quoted_words``
        (share of the article's directly quoted words), ``speakers`` (distinct speaker
        phrases). Sorted by quoted words.
    """
    cols = [
        "article",
        "actor",
        "label",
        "quotes",
        "quoted_words",
        "indirect",
        "paraphrased_words",
        "attributions",
        "share_quoted_words",
        "speakers",
    ]
    if attr.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for (art, actor), g in attr.groupby(["article", "actor"], sort=False):
        d = g[g["kind"] == "direct"]
        i = g[g["kind"] == "indirect"]
        rows.append(
            {
                "article": art,
                "actor": actor,
                "label": g["label"].iloc[0],
                "quotes": len(d),
                "quoted_words": int(d["quote_words"].sum()),
                "indirect": len(i),
                "paraphrased_words": int(i["quote_words"].sum()),
                "attributions": len(g),
                "speakers": "; ".join(dict.fromkeys(s for s in g["speaker"] if s)),
            }
        )
    out = pd.DataFrame(rows)
    totals = out.groupby("article")["quoted_words"].transform("sum")
    out["share_quoted_words"] = np.where(totals > 0, out["quoted_words"] / totals.where(totals > 0, 1), 0.0)
    out = _sorted(out, ["article", "quoted_words", "attributions"], [True, False, False])
    return out.reset_index(drop=True)[cols]


def verb_class_table(attr: pd.DataFrame) -> pd.DataFrame:
    """Reporting-verb classes per actor.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``verb_class``, ``attributions`` (count),
        ``share`` (of the actor's attributed speech), ``verbs`` (the verb forms used).
        Unattributed quotes (no verb) are left out.
    """
    cols = ["article", "actor", "label", "verb_class", "attributions", "share", "verbs"]
    a = attr[attr["verb_class"].astype(str) != ""] if not attr.empty else attr
    if a.empty:
        return pd.DataFrame(columns=cols)
    g = (
        a.groupby(["article", "actor", "label", "verb_class"], sort=False)
        .agg(attributions=("verb", "size"), verbs=("verb", lambda s: ", ".join(dict.fromkeys(s.str.lower()))))
        .reset_index()
    )
    g["share"] = g["attributions"] / g.groupby(["article", "actor"])["attributions"].transform("sum")
    return _sorted(g, ["article", "actor", "attributions"], [True, True, False])[cols]


def voice_overview(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """How much of each article is the author's voice and how much is quoted.

    Returns
    -------
    DataFrame
        ``article``, ``words`` (body words), ``author_words``, ``quoted_words`` (inside
        quotation marks, scare quotes included), ``quoted_share``, ``direct_quotes``
        (attributed or unattributed reported speech), ``attributed_quotes``,
        ``indirect`` (indirect-speech attributions), ``speakers`` (distinct actors heard).
    """
    from research_utils.quotes import segments

    lex = _lex(lexicons)
    rows = []
    for art in _articles(articles):
        seg = segments(art)
        nwords = seg.assign(n=seg["text"].map(lambda t: len(_words_in(t)))).groupby("voice")["n"].sum()
        an = _analyse(art, lex)
        direct = [r for r in an.attributions if r["kind"] == "direct"]
        author = int(nwords.get("author", 0))
        quoted = int(nwords.get("quoted", 0))
        rows.append(
            {
                "article": an.slug,
                "words": author + quoted,
                "author_words": author,
                "quoted_words": quoted,
                "quoted_share": quoted / (author + quoted) if author + quoted else 0.0,
                "direct_quotes": len(direct),
                "attributed_quotes": sum(1 for r in direct if r["actor"] != UNATTRIBUTED),
                "indirect": sum(1 for r in an.attributions if r["kind"] == "indirect"),
                "speakers": len(
                    {r["actor"] for r in an.attributions if r["actor"] not in (UNATTRIBUTED, UNRESOLVED)}
                ),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "article",
            "words",
            "author_words",
            "quoted_words",
            "quoted_share",
            "direct_quotes",
            "attributed_quotes",
            "indirect",
            "speakers",
        ],
    )


# --------------------------------------------------------------------------- mentions


def _scope_actor(an: _Analysis, pid: int, pos: int) -> dict[str, Any] | None:
    """The innermost attribution whose quote or reported clause covers paragraph offset ``pos``."""
    best = None
    for r in an.scopes.get(pid, ()):
        _, a, b = r["_scope"]
        if a <= pos < b and (best is None or b - a < best["_scope"][2] - best["_scope"][1]):
            best = r
    return best


def _according_to(an: _Analysis, row: Any, pos: int) -> str:
    r = _scope_actor(an, row.paragraph_id, row.start + pos)
    if r is None or r["actor"] in (UNATTRIBUTED, UNRESOLVED):
        return ""
    return str(r["actor"])


def _in_spans(h: _Hit, spans: list[_Hit]) -> bool:
    return any(s.start <= h.start and h.end <= s.end for s in spans)


MENTION_COLUMNS = [
    "article",
    "sentence_id",
    "paragraph_id",
    "actor",
    "label",
    "match",
    "form",
    "start",
    "end",
    "voice",
    "according_to",
    "in_issue",
    "sentence",
]


def actor_mentions(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every mention of an actor, with its voice.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``paragraph_id``, ``actor``, ``label``, ``match``
        (text matched), ``form`` (name / person / adjective), ``start``, ``end`` (offsets
        in the sentence), ``voice`` (author / quoted), ``according_to`` (actor of the
        quote or reported clause the mention sits in, "" if none), ``in_issue`` (inside
        an issue phrase such as "NATO membership"), ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        rows = []
        for row in an.sents.itertuples(index=False):
            issues_here = an.issue_hits[row.sentence_id]
            for h in an.actor_hits[row.sentence_id]:
                rows.append(
                    {
                        "article": an.slug,
                        "sentence_id": row.sentence_id,
                        "paragraph_id": row.paragraph_id,
                        "actor": h.key,
                        "label": lex.actor_labels[h.key],
                        "match": h.match,
                        "form": h.info,
                        "start": h.start,
                        "end": h.end,
                        "voice": voice_of_span(row.quote_spans, h.start, h.end),
                        "according_to": _according_to(an, row, h.start),
                        "in_issue": _in_spans(h, issues_here),
                        "sentence": row.sentence,
                    }
                )
        frames.append(pd.DataFrame(rows, columns=MENTION_COLUMNS))
    return _concat(frames, MENTION_COLUMNS)


ISSUE_COLUMNS = ["article", "sentence_id", "issue", "label", "match", "start", "end", "voice", "sentence"]


def issue_mentions(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Every issue cue in the text.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``issue``, ``label``, ``match``, ``start``, ``end``,
        ``voice``, ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        rows = [
            {
                "article": an.slug,
                "sentence_id": row.sentence_id,
                "issue": h.key,
                "label": lex.issue_labels[h.key],
                "match": h.match,
                "start": h.start,
                "end": h.end,
                "voice": voice_of_span(row.quote_spans, h.start, h.end),
                "sentence": row.sentence,
            }
            for row in an.sents.itertuples(index=False)
            for h in an.issue_hits[row.sentence_id]
        ]
        frames.append(pd.DataFrame(rows, columns=ISSUE_COLUMNS))
    return _concat(frames, ISSUE_COLUMNS)


EPISTEMIC_COLUMNS = [
    "article",
    "sentence_id",
    "kind",
    "category",
    "marker",
    "match",
    "start",
    "end",
    "voice",
    "actors",
    "sentence",
]


def epistemic_markers(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Hedges and boosters (Hyland 2005), with the actors mentioned in their sentence.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``kind`` (hedge / booster), ``category`` (modal
        verb, adverb, ...), ``marker`` (lexicon entry), ``match``, ``start``, ``end``,
        ``voice``, ``actors`` (actor ids mentioned in the sentence, comma-separated),
        ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        rows = []
        for row in an.sents.itertuples(index=False):
            actors = ", ".join(dict.fromkeys(h.key for h in an.actor_hits[row.sentence_id]))
            for h in an.epistemic_hits[row.sentence_id]:
                kind, _, category = h.info.partition("|")
                rows.append(
                    {
                        "article": an.slug,
                        "sentence_id": row.sentence_id,
                        "kind": kind,
                        "category": category,
                        "marker": h.key,
                        "match": h.match,
                        "start": h.start,
                        "end": h.end,
                        "voice": voice_of_span(row.quote_spans, h.start, h.end),
                        "actors": actors,
                        "sentence": row.sentence,
                    }
                )
        frames.append(pd.DataFrame(rows, columns=EPISTEMIC_COLUMNS))
    return _concat(frames, EPISTEMIC_COLUMNS)


_SUBJECT_BLOCK = frozenset(
    "that which who whom whose when if because while and but or where than as since although".split()
)


def _subjects_before(text: str, pos: int, mentions: list[_Hit], max_gap: int = 4) -> list[_Hit]:
    """Actor mentions that form the subject right before ``pos`` ("NATO and Russia need to")."""
    before = [m for m in mentions if m.end <= pos]
    if not before:
        return []
    m = before[-1]
    gap = text[m.end : pos]
    gw = [w.lower() for w in _words_in(gap)]
    if len(gw) > max_gap or re.search(r"[,;:()“”\"—–]", gap) or any(w in _SUBJECT_BLOCK for w in gw):
        return []
    out = [m]
    k = len(before) - 1
    while k > 0:
        p = before[k - 1]
        if re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", text[p.end : before[k].start]):
            out.insert(0, p)
            k -= 1
        else:
            break
    return out


DEONTIC_COLUMNS = [
    "article",
    "sentence_id",
    "actor",
    "label",
    "actor_match",
    "modal",
    "match",
    "strength",
    "voice",
    "according_to",
    "sentence",
]


def deontic_markers(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """Obligations and the actor they are put on ("Ukraine must ...", "the West should ...").

    The actor is the actor mention right before the modal (at most four words between,
    no comma, no relative pronoun or conjunction: "Ukraine must now give up", "the
    Ukrainian legal system should"); coordinated actors share it ("NATO and Russia need
    to"). A modal with no such actor is listed with ``actor`` "" (an obligation put on
    someone else, or on no one). Actor mentions inside issue phrases are not subjects.

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``actor``, ``label``, ``actor_match``, ``modal``
        (lexicon entry), ``match``, ``strength`` (high / median), ``voice`` (of the modal),
        ``according_to`` (actor of the quote or reported clause it sits in), ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        rows = []
        for row in an.sents.itertuples(index=False):
            issues_here = an.issue_hits[row.sentence_id]
            mentions = [h for h in an.actor_hits[row.sentence_id] if not _in_spans(h, issues_here)]
            for d in an.deontic_hits[row.sentence_id]:
                subs = _subjects_before(row.sentence, d.start, mentions)
                base = {
                    "article": an.slug,
                    "sentence_id": row.sentence_id,
                    "modal": d.key,
                    "match": d.match,
                    "strength": d.info,
                    "voice": voice_of_span(row.quote_spans, d.start, d.end),
                    "according_to": _according_to(an, row, d.start),
                    "sentence": row.sentence,
                }
                if not subs:
                    rows.append({**base, "actor": "", "label": "", "actor_match": ""})
                for s in subs:
                    rows.append(
                        {**base, "actor": s.key, "label": lex.actor_labels[s.key], "actor_match": s.match}
                    )
        frames.append(pd.DataFrame(rows, columns=DEONTIC_COLUMNS))
    return _concat(frames, DEONTIC_COLUMNS)


# --------------------------------------------------------------------------- per-actor measures


_BOOTSTRAP_BLOCK = 500_000
"""Indices drawn at a time by :func:`bootstrap_mean` (int64: about 4 MB)."""


def bootstrap_mean(
    values: Sequence[float] | np.ndarray, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """Mean and percentile bootstrap 95% interval of ``values``.

    Resamples the values with replacement ``n_boot`` times with a fixed-seed numpy
    generator and takes the 2.5th and 97.5th percentiles of the resampled means (Efron &
    Tibshirani 1993). With one value the interval is that value; with none, NaN. With
    fewer than about ten values the interval is rough.

    Returns
    -------
    tuple of float
        ``(mean, low, high)``.
    """
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return (float("nan"), float("nan"), float("nan"))
    mean = float(x.mean())
    if x.size == 1 or n_boot <= 0:
        return (mean, mean, mean)
    rng = np.random.default_rng(seed)
    # Resample in blocks of about 4 MB of indices: the generator yields the same numbers
    # as one (n_boot, size) draw and each resample's mean is computed alone, so the
    # result is the same while memory stays flat for long texts.
    rows = max(1, _BOOTSTRAP_BLOCK // x.size)
    means = np.concatenate(
        [
            x[rng.integers(0, x.size, size=(min(rows, int(n_boot) - done), x.size))].mean(axis=1)
            for done in range(0, int(n_boot), rows)
        ]
    )
    low, high = np.percentile(means, [2.5, 97.5])
    return (mean, float(low), float(high))


def _voice_text(sentence: str, spans: tuple[tuple[int, int], ...], voice: str) -> str:
    """The author-voice or quoted-voice text of a sentence."""
    if voice == "all":
        return sentence
    keep = []
    pos = 0
    quoted = []
    for a, b in spans:
        keep.append(sentence[pos:a])
        quoted.append(sentence[a:b])
        pos = b
    keep.append(sentence[pos:])
    parts = keep if voice == "author" else quoted
    text = " ".join(p.strip() for p in parts if p.strip())
    return text.strip(_QUOTE_CHARS + " ")


SENTENCE_COLUMNS = [
    "article",
    "actor",
    "label",
    "sentence_id",
    "mentions",
    "mentions_author",
    "mentions_quoted",
    "matches",
    "compound",
    "polarity",
    "author_text",
    "author_compound",
    "quoted_compound",
    "hedges",
    "boosters",
    "hedges_author",
    "boosters_author",
    "hedges_quoted",
    "boosters_quoted",
    "sentence",
]


def actor_sentences(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
    """One row per actor and sentence that mentions it: the evidence behind the profile.

    VADER (Hutto & Gilbert 2014) scores the whole sentence (``compound``), its author-voice
    text with quoted stretches removed (``author_compound``, NaN when the actor is named
    only inside a quote or nothing is left) and its quoted text (``quoted_compound``, NaN
    when the actor is not named inside a quote). The score belongs to the sentence, not
    to the actor: "Russia attacked Ukraine" is equally negative for both.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``sentence_id``, ``mentions``,
        ``mentions_author``, ``mentions_quoted``, ``matches`` (terms found), ``compound``,
        ``polarity``, ``author_text``, ``author_compound``, ``quoted_compound``,
        ``hedges``, ``boosters`` (in the sentence), ``hedges_author``,
        ``boosters_author``, ``hedges_quoted``, ``boosters_quoted`` (by voice),
        ``sentence``.
    """
    lex = _lex(lexicons)
    frames = [_actor_sentence_frame(art, lex).copy() for art in _articles(articles)]
    return _concat(frames, SENTENCE_COLUMNS)


@functools.lru_cache(maxsize=32)
def _actor_sentence_frame(art: Article, lex: StanceLexicons) -> pd.DataFrame:
    """:func:`actor_sentences` of one article (cached: do not modify)."""
    an = _analyse(art, lex)
    rows = []
    # (sentence_id, text to score) per row, "" when the row needs no score
    pending_author: list[tuple[int, str]] = []
    pending_quoted: list[tuple[int, str]] = []
    sentence_text: dict[int, str] = {}
    for row in an.sents.itertuples(index=False):
        hits = an.actor_hits[row.sentence_id]
        if not hits:
            continue
        epi = an.epistemic_hits[row.sentence_id]
        epi_voice = [(h.info.partition("|")[0], voice_of_span(row.quote_spans, h.start, h.end)) for h in epi]
        sentence_text[row.sentence_id] = row.sentence
        author_text = _voice_text(row.sentence, row.quote_spans, "author")
        quoted_text = _voice_text(row.sentence, row.quote_spans, "quoted")
        by_actor: dict[str, list[_Hit]] = {}
        for h in hits:
            by_actor.setdefault(h.key, []).append(h)
        for actor, hs in by_actor.items():
            voices = [voice_of_span(row.quote_spans, h.start, h.end) for h in hs]
            compound = float(an.compound[row.sentence_id])
            rows.append(
                {
                    "article": an.slug,
                    "actor": actor,
                    "label": lex.actor_labels[actor],
                    "sentence_id": row.sentence_id,
                    "mentions": len(hs),
                    "mentions_author": voices.count("author"),
                    "mentions_quoted": voices.count("quoted"),
                    "matches": ", ".join(dict.fromkeys(h.match for h in hs)),
                    "compound": compound,
                    "polarity": polarity(compound),
                    "author_text": author_text if voices.count("author") and _words_in(author_text) else "",
                    "author_compound": np.nan,
                    "quoted_compound": np.nan,
                    "hedges": sum(1 for k, _ in epi_voice if k == "hedge"),
                    "boosters": sum(1 for k, _ in epi_voice if k == "booster"),
                    "hedges_author": sum(1 for k, v in epi_voice if k == "hedge" and v == "author"),
                    "boosters_author": sum(1 for k, v in epi_voice if k == "booster" and v == "author"),
                    "hedges_quoted": sum(1 for k, v in epi_voice if k == "hedge" and v == "quoted"),
                    "boosters_quoted": sum(1 for k, v in epi_voice if k == "booster" and v == "quoted"),
                    "sentence": row.sentence,
                }
            )
            pending_author.append((row.sentence_id, rows[-1]["author_text"]))
            pending_quoted.append(
                (row.sentence_id, quoted_text if voices.count("quoted") and _words_in(quoted_text) else "")
            )
    df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    if len(df):
        for col, texts in (("author_compound", pending_author), ("quoted_compound", pending_quoted)):
            idx = [i for i, (_, t) in enumerate(texts) if t]
            if idx:
                # One score per sentence (its rows, one per actor, share the text); a text
                # that is the whole sentence already has its score.
                score: dict[int, float] = {}
                todo: dict[int, str] = {}
                for i in idx:
                    sid, text = texts[i]
                    if sid in score or sid in todo:
                        continue
                    if text == sentence_text[sid]:
                        score[sid] = an.compound[sid]
                    else:
                        todo[sid] = text
                if todo:
                    score.update(
                        zip(todo, score_texts(list(todo.values()))["compound"].to_numpy(), strict=True)
                    )
                values = np.full(len(df), np.nan)
                values[idx] = [score[texts[i][0]] for i in idx]
                df[col] = values
    return df


def _voice_rows(sent: pd.DataFrame, voice: str) -> tuple[pd.DataFrame, str]:
    if voice == "all":
        return sent, "compound"
    if voice == "author":
        return sent[sent["mentions_author"] > 0], "author_compound"
    if voice == "quoted":
        return sent[sent["mentions_quoted"] > 0], "quoted_compound"
    raise ValueError(f"voice must be 'all', 'author' or 'quoted', not {voice!r}")


SENTIMENT_COLUMNS = [
    "article",
    "actor",
    "label",
    "voice",
    "sentences",
    "sentiment_mean",
    "sentiment_low",
    "sentiment_high",
    "share_negative",
    "share_positive",
]


def actor_sentiment(
    articles: ArticleLike,
    lexicons: StanceLexicons | None = None,
    voices: Sequence[str] = ("all", "author"),
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """VADER sentiment of the sentences mentioning each actor, with a bootstrap 95% interval.

    For ``voice="all"`` the whole sentence is scored; for ``"author"`` only sentences that
    name the actor in the author's voice, scored without their quoted stretches; for
    ``"quoted"`` only the quoted text of sentences that name the actor inside a quote.
    Shares use the ±0.05 thresholds of Hutto & Gilbert (2014).

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``voice``, ``sentences``, ``sentiment_mean``,
        ``sentiment_low``, ``sentiment_high`` (bootstrap percentile interval, fixed
        ``seed``), ``share_negative``, ``share_positive``.
    """
    sent = actor_sentences(articles, lexicons)
    rows = []
    for voice in voices:
        sub, col = _voice_rows(sent, voice)
        for (art, actor), g in sub.groupby(["article", "actor"], sort=False):
            vals = g[col].dropna().to_numpy(dtype=float)
            mean, low, high = bootstrap_mean(vals, n_boot=n_boot, seed=seed)
            pol = [polarity(v) for v in vals]
            rows.append(
                {
                    "article": art,
                    "actor": actor,
                    "label": g["label"].iloc[0],
                    "voice": voice,
                    "sentences": len(vals),
                    "sentiment_mean": mean,
                    "sentiment_low": low,
                    "sentiment_high": high,
                    "share_negative": pol.count("negative") / len(pol) if pol else np.nan,
                    "share_positive": pol.count("positive") / len(pol) if pol else np.nan,
                }
            )
    out = pd.DataFrame(rows, columns=SENTIMENT_COLUMNS)
    return out[out["sentences"] > 0].reset_index(drop=True)


PROFILE_COLUMNS = [
    "article",
    "actor",
    "label",
    "voice",
    "mentions",
    "sentences",
    "sentiment_mean",
    "sentiment_low",
    "sentiment_high",
    "share_negative",
    "share_positive",
    "deontic",
    "hedges",
    "boosters",
    "hedges_per_sentence",
    "boosters_per_sentence",
    "quotes",
    "quoted_words",
]


def actor_profile(
    articles: ArticleLike,
    lexicons: StanceLexicons | None = None,
    voice: str = "all",
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """How the text writes about each actor, in one voice.

    Parameters
    ----------
    articles : Article or list of Article
    lexicons : StanceLexicons, optional
    voice : {"all", "author", "quoted"}
        "author" counts mentions, sentences, obligations, hedges and boosters in the
        author's voice only (quoted stretches removed); "quoted" only inside quotes.
    n_boot, seed : int
        Bootstrap resamples and seed of the sentiment interval.

    Returns
    -------
    DataFrame
        ``article``, ``actor``, ``label``, ``voice``, ``mentions``, ``sentences``
        (sentences naming the actor in that voice), ``sentiment_mean``,
        ``sentiment_low``, ``sentiment_high``, ``share_negative``, ``share_positive``
        (see :func:`actor_sentiment`), ``deontic`` (obligations put on the actor,
        :func:`deontic_markers`), ``hedges``, ``boosters`` (in those sentences, in that
        voice), ``hedges_per_sentence``, ``boosters_per_sentence``, ``quotes`` and
        ``quoted_words`` (the actor's own direct quotes, :func:`voice_share`). Actors
        never mentioned are left out; sorted by mentions.
    """
    lex = _lex(lexicons)
    arts = _articles(articles)
    sent = actor_sentences(arts, lex)
    sub, _ = _voice_rows(sent, voice)
    senti = actor_sentiment(arts, lex, voices=(voice,), n_boot=n_boot, seed=seed)
    deon = deontic_markers(arts, lex)
    deon = deon[deon["actor"] != ""]
    if voice != "all":
        deon = deon[deon["voice"] == voice]
    share = voice_share(attributions(arts, lex))
    mcol = {"all": "mentions", "author": "mentions_author", "quoted": "mentions_quoted"}[voice]
    hcol = {"all": "hedges", "author": "hedges_author", "quoted": "hedges_quoted"}[voice]
    bcol = {"all": "boosters", "author": "boosters_author", "quoted": "boosters_quoted"}[voice]
    rows = []
    for (art, actor), g in sub.groupby(["article", "actor"], sort=False):
        s = senti[(senti["article"] == art) & (senti["actor"] == actor)]
        v = share[(share["article"] == art) & (share["actor"] == actor)]
        n = len(g)
        rows.append(
            {
                "article": art,
                "actor": actor,
                "label": g["label"].iloc[0],
                "voice": voice,
                "mentions": int(g[mcol].sum()),
                "sentences": n,
                "sentiment_mean": s["sentiment_mean"].iloc[0] if len(s) else np.nan,
                "sentiment_low": s["sentiment_low"].iloc[0] if len(s) else np.nan,
                "sentiment_high": s["sentiment_high"].iloc[0] if len(s) else np.nan,
                "share_negative": s["share_negative"].iloc[0] if len(s) else np.nan,
                "share_positive": s["share_positive"].iloc[0] if len(s) else np.nan,
                "deontic": int(((deon["article"] == art) & (deon["actor"] == actor)).sum()),
                "hedges": int(g[hcol].sum()),
                "boosters": int(g[bcol].sum()),
                "hedges_per_sentence": g[hcol].sum() / n if n else np.nan,
                "boosters_per_sentence": g[bcol].sum() / n if n else np.nan,
                "quotes": int(v["quotes"].iloc[0]) if len(v) else 0,
                "quoted_words": int(v["quoted_words"].iloc[0]) if len(v) else 0,
            }
        )
    out = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return _sorted(out, ["article", "mentions"], [True, False])


# --------------------------------------------------------------------------- claims

_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s")
_DEONTIC_GAP_OK = frozenset("be been now also then first fully immediately completely".split())
_ROLE_RANK = {r: i for i, r in enumerate(ROLES)}

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


def _chained(text: str, cues: list[_Hit], idx: int, floor: int, max_words: int = 3) -> int | None:
    """Index of the cue right before cue ``idx`` (at most ``max_words`` words between, no punctuation)."""
    c = cues[idx]
    for j in range(idx - 1, -1, -1):
        p = cues[j]
        if p.end <= c.start and p.start >= floor:
            gap = text[p.end : c.start]
            if _gap_words(text, p.end, c.start) <= max_words and not re.search(r"[,;:.]", gap):
                return j
            return None
    return None


def _cue_value(
    text: str,
    cues: list[_Hit],
    idx: int,
    floor: int,
    lex: StanceLexicons,
    mentions: list[_Hit],
    depth: int = 0,
) -> tuple[int, bool, int]:
    """Signed value of cue ``idx``: its polarity, flipped by a negator, times a cue chained before it.

    A cue is chained to the one before it ("willing to abandon") only when no actor stands
    between them ("rejected Moscow's demand for" is two claims by two actors). Returns the
    value, whether a negator flipped it, and where the cue phrase starts (the negator or
    the first chained cue), so that ``text[start:cue.end]`` is the evidence
    ("never renounced", "unwillingness to abandon").
    """
    c = cues[idx]
    val = 1 if c.key == "support" else -1
    start = c.start
    prev_idx = _chained(text, cues, idx, floor) if depth < 3 else None
    if prev_idx is not None and any(cues[prev_idx].end <= m.start and m.end <= c.start for m in mentions):
        prev_idx = None
    neg_floor = cues[prev_idx].end if prev_idx is not None else floor
    neg_at = _negation(text, neg_floor, c.start, lex)
    negated = neg_at is not None
    if neg_at is not None:
        val = -val
        start = neg_at
    if prev_idx is not None:
        pval, pneg, pstart = _cue_value(text, cues, prev_idx, floor, lex, mentions, depth + 1)
        val *= pval
        negated = negated or pneg
        start = min(start, pstart)
    return val, negated, start


def _claims_for(an: _Analysis, lex: StanceLexicons) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in an.sents.itertuples(index=False):
        text = row.sentence
        issues = an.issue_hits[row.sentence_id]
        if not issues:
            continue
        mentions = [h for h in an.actor_hits[row.sentence_id] if not _in_spans(h, issues)]
        cues = lex.cue_matcher.find(text)
        deontic = an.deontic_hits[row.sentence_id]
        possib = lex.possibility_matcher.find(text)
        conds = lex.conditional_matcher.find(text)
        causes = lex.causative_matcher.find(text)
        speaker_spans = []
        for sa, sb in an.speakers.get(row.paragraph_id, ()):
            a, b = sa - row.start, sb - row.start
            if b > 0 and a < len(text):
                speaker_spans.append((a, b))
        cand: dict[tuple[str, str], dict[str, Any]] = {}

        def add(rec: dict[str, Any], cand: dict[tuple[str, str], dict[str, Any]] = cand) -> None:
            key = (rec["actor"], rec["issue"])
            old = cand.get(key)
            rank = (_ROLE_RANK[rec["role"]], rec["position"] == 0)
            if old is None or rank < (_ROLE_RANK[old["role"]], old["position"] == 0):
                cand[key] = rec

        for iss in issues:
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text[: iss.start])]
            floor = breaks[-1] if breaks else 0
            cue_val, negated, cue_text = 0, False, ""
            cue_start = None
            k = None
            prior = [
                k
                for k, c in enumerate(cues)
                if c.end <= iss.start and c.start >= floor and _gap_words(text, c.end, iss.start) <= 8
            ]
            if prior:
                k = prior[-1]
                cue_val, negated, phrase_start = _cue_value(text, cues, k, floor, lex, mentions)
                cue_start = cues[k].start
                cue_text = " ".join(text[phrase_start : cues[k].end].split())
                # a negator between the cue and the issue ("pledge to not join NATO")
                gap = text[cues[k].end : iss.start]
                for h in lex.negator_matcher.find(gap):
                    if not (h.match.lower() == "not" and re.match(r"\s+only\b", gap[h.end :], re.I)):
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
                    and all(w.lower() in _DEONTIC_GAP_OK for w in _words_in(text[d.end : iss.start]))
                ]
                if near:
                    d = near[-1]
                    cue_start, cue_text = d.start, d.match
                    cue_val = -1 if re.search(r"\bnot\b|n['’]t\b", d.match, re.I) else 1
                    modal_obl = [d]
            anchor = cue_start if cue_start is not None else iss.start
            subj: list[_Hit] = []
            addressees: list[_Hit] = []
            outer: tuple[_Hit, int, str] | None = None
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
                    j = _chained(text, cues, k, floor, max_words=4)
                    if j is not None and cues[j].end <= before[-1].start:
                        earlier = [m for m in before if m.end <= cues[j].start]
                        if earlier:
                            oval, _, ostart = _cue_value(text, cues, j, floor, lex, mentions)
                            outer = (
                                earlier[-1],
                                oval * cue_val,
                                " ".join(text[ostart : cues[k].end].split()),
                            )
                if before:
                    s = before[-1]
                    subj = [s]
                    cz = [c for c in causes if c.end <= s.start and _gap_words(text, c.end, s.start) <= 1]
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
            elif any(sub_start <= p.start and p.end <= anchor for p in possib):
                modality = "possibility"
            if modality == "obligation":
                addressees = addressees + subj
                subj = []
            voice = voice_of_span(row.quote_spans, iss.start, iss.end)
            attr = _scope_actor(an, row.paragraph_id, row.start + iss.start)
            speaker_actor = (
                attr["actor"] if attr is not None and attr["actor"] not in (UNATTRIBUTED, UNRESOLVED) else ""
            )
            base = {
                "article": an.slug,
                "sentence_id": row.sentence_id,
                "issue": iss.key,
                "issue_label": lex.issue_labels[iss.key],
                "cue": cue_text,
                "cue_position": cue_val,
                "negated": negated,
                "modality": modality,
                "according_to": speaker_actor,
                "voice": voice,
                "issue_match": iss.match,
                "sentence": text,
            }
            stated = 0 if conditional else cue_val
            if speaker_actor:
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
            out.append(rec)
    return out


def claims(articles: ArticleLike, lexicons: StanceLexicons | None = None) -> pd.DataFrame:
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

    Returns
    -------
    DataFrame
        ``article``, ``sentence_id``, ``actor``, ``label``, ``issue``, ``issue_label``,
        ``position`` (+1 / -1 / 0), ``role``, ``cue`` (the word that gave the direction,
        "" for none), ``cue_position`` (its direction before the role is applied),
        ``negated``, ``modality`` (obligation / possibility / conditional / ""),
        ``according_to`` (actor the clause is attributed to, "" for author voice),
        ``voice`` (of the issue phrase), ``actor_match``, ``issue_match``, ``sentence``.
    """
    lex = _lex(lexicons)
    frames = []
    for art in _articles(articles):
        an = _analyse(art, lex)
        recs = _claims_for(an, lex)
        df = pd.DataFrame(recs, columns=CLAIM_COLUMNS)
        frames.append(df)
    out = _concat(frames, CLAIM_COLUMNS)
    if len(out):
        out["rank"] = out["role"].map(_ROLE_RANK)
        out = _sorted(out, ["article", "sentence_id", "rank", "actor", "issue"]).drop(columns="rank")
        out = out.reset_index(drop=True)
        out["position"] = out["position"].astype(int)
        out["cue_position"] = out["cue_position"].astype(int)
        out["negated"] = out["negated"].astype(bool)
    return out


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
    rows = []
    for (art, actor, issue), g in claims_df.groupby(["article", "actor", "issue"], sort=False):
        sup = int((g["position"] > 0).sum())
        opp = int((g["position"] < 0).sum())
        n = len(g)
        rows.append(
            {
                "article": art,
                "actor": actor,
                "label": g["label"].iloc[0],
                "issue": issue,
                "issue_label": g["issue_label"].iloc[0],
                "claims": n,
                "support": sup,
                "oppose": opp,
                "unclear": n - sup - opp,
                "net": (sup - opp) / n,
                "demanded_of": int(g.loc[g["role"] == "addressee", "cue_position"].sum()),
                "sentence_ids": tuple(int(x) for x in g["sentence_id"]),
            }
        )
    return _sorted(pd.DataFrame(rows, columns=MATRIX_COLUMNS), ["article", "actor", "issue"])


def count_table(df: pd.DataFrame, index: list[str], columns: list[str]) -> pd.DataFrame:
    """Count rows of an evidence table by ``index`` (rows) and ``columns`` (flat column names).

    For example ``count_table(actor_mentions(a), ["article", "label"], ["form", "voice"])``
    gives one row per actor and a column per form and voice ("name | author", ...), ready
    for display and CSV export. An empty table gives an empty frame with the index columns.
    """
    if df.empty:
        return pd.DataFrame(columns=index)
    counts = df.groupby(index + columns, sort=False).size().unstack(columns, fill_value=0)
    counts.columns = [
        " | ".join(str(x) for x in c) if isinstance(c, tuple) else str(c) for c in counts.columns
    ]
    counts = counts[sorted(counts.columns)]
    return (
        _sorted(counts.reset_index(), ["article", *index[1:]]) if "article" in index else counts.reset_index()
    )


# --------------------------------------------------------------------------- results


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    from research_utils.export import records

    return records(df[[c for c in columns if c in df.columns]])


def stance_results(
    voice: pd.DataFrame,
    attributions: pd.DataFrame,
    actors: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    actors_by_voice: pd.DataFrame | None = None,
    claims_matrix: pd.DataFrame | None = None,
    deontic: pd.DataFrame | None = None,
    overview: pd.DataFrame | None = None,
    lexicons: StanceLexicons | None = None,
) -> dict[str, Any]:
    """The ``stance`` section of ``results.json``.

    Keys: ``method`` (one paragraph), ``lexicons`` (files and sources), ``overview``
    (words in author and quoted voice per article), ``voice`` (records: article, actor,
    quotes, quoted_words, indirect, ...), ``attributions`` (records: article, speaker,
    actor, reporting_verb, verb_class, quote, sentence_id, kind, ...), ``actors``
    (records: article, actor, mentions, sentiment_mean with interval, deontic, hedges,
    boosters, ...), ``actors_by_voice`` (the same for author and quoted voice),
    ``claims`` (records: article, actor, issue, position, role, cue, sentence_id,
    sentence, ...), ``claims_matrix`` (article, actor, issue, support, oppose, unclear,
    net) and ``deontic`` (article, actor, modal, voice, sentence_id, sentence). Every
    record carries ``article`` (the article's slug).
    """
    lex = _lex(lexicons)
    out: dict[str, Any] = {
        "method": (
            "Dictionary and pattern cues: actor and issue lexicons, rule-based quote attribution "
            "(Pouliquen et al. 2007) with reporting-verb classes (Martin & White 2005; Recasens et al. "
            "2013), VADER sentence sentiment with bootstrap 95% intervals (Hutto & Gilbert 2014), "
            "deontic modals, hedges and boosters (Hyland 2005), and actor x issue claims with a "
            "position cue (Koopmans & Statham 1999). Cues, not readings: validate by hand."
        ),
        "lexicons": _records(lexicon_table(lex), ["lexicon", "name", "entries", "file", "sources"]),
    }
    if overview is not None:
        out["overview"] = _records(overview, list(overview.columns))
    out["voice"] = _records(
        voice,
        [
            "article",
            "actor",
            "label",
            "quotes",
            "quoted_words",
            "indirect",
            "paraphrased_words",
            "attributions",
            "share_quoted_words",
        ],
    )
    out["attributions"] = _records(
        attributions,
        [
            "article",
            "attribution_id",
            "kind",
            "speaker",
            "actor",
            "reporting_verb",
            "verb",
            "verb_class",
            "quote",
            "quote_words",
            "sentence_id",
            "note",
        ],
    )
    out["actors"] = _records(actors, PROFILE_COLUMNS)
    if actors_by_voice is not None:
        out["actors_by_voice"] = _records(actors_by_voice, PROFILE_COLUMNS)
    out["claims"] = _records(
        claims,
        [
            "article",
            "actor",
            "issue",
            "position",
            "role",
            "cue",
            "cue_position",
            "negated",
            "modality",
            "according_to",
            "voice",
            "sentence_id",
            "sentence",
        ],
    )
    if claims_matrix is not None:
        out["claims_matrix"] = _records(
            claims_matrix,
            [
                "article",
                "actor",
                "issue",
                "claims",
                "support",
                "oppose",
                "unclear",
                "net",
                "demanded_of",
                "sentence_ids",
            ],
        )
    if deontic is not None:
        out["deontic"] = _records(
            deontic,
            [
                "article",
                "actor",
                "modal",
                "match",
                "strength",
                "voice",
                "according_to",
                "sentence_id",
                "sentence",
            ],
        )
    return out
