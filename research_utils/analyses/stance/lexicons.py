"""The six lexicons of the stance analysis as one bundle, and the tables that show them.

:class:`StanceLexicons` holds the validated :class:`~research_utils.lexicons.Lexicon`
objects (actors, issues, reporting verbs, hedges and boosters, deontic modals, position
cues) and the option ``include_adjectives``; its :attr:`~StanceLexicons.fingerprint`
names its content (the key of everything a document keeps with
:meth:`~research_utils.ingest.Document.memo`), and its term matchers
(:class:`~research_utils.lexicons.TermMatcher`) are compiled the first time they are
needed. :func:`load_stance_lexicons` reads the bundled YAML files, each optionally
replaced or extended by a user file.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from research_utils.lexicons import (
    Lexicon,
    LexiconError,
    TermGroup,
    TermMatcher,
    check_nonempty,
    check_values,
    load_lexicon,
)
from research_utils.lexicons.pack import DEFAULT_PACK, load_pack

__all__ = [
    "EPISTEMIC_KINDS",
    "POSITION_KINDS",
    "ROLES",
    "UNATTRIBUTED",
    "UNRESOLVED",
    "VERB_CLASSES",
    "StanceLexicons",
    "default_lexicons",
    "load_stance_lexicons",
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

VERB_COMPLEMENTS: tuple[str, ...] = ("clause", "that", "object", "none")
"""What may follow a reporting verb as its reported content (field ``complement`` of
``reporting_verbs.yaml``, default ``clause``): ``clause``, any reported clause ("said
that ...", "said the talks had ...", "said: ..."); ``that``, only a clause opened by
"that" or a colon ("the court found that ...": "found the bodies" is no speech);
``object``, no clause of its own, only an object and an infinitive or "of" ("urged
ministers to ...", "accused Kyiv of ..."), never a clause after the bare verb ("welcomed
the fact that", "praised India for ..."); ``none``, a verb of belief with no reported clause
of its own ("officials believe ...": what a source is said to think, not what it said),
which still frames a quotation ('“...,” Zelensky believes')."""

EPISTEMIC_KINDS: tuple[str, ...] = ("hedge", "booster")
"""Kinds of epistemic markers (Hyland 2005)."""
POSITION_KINDS: tuple[str, ...] = (
    "support",
    "oppose",
    "neutral",
    "negator",
    "possibility",
    "conditional",
    "causative",
)
"""Kinds of position cues."""
ROLES: tuple[str, ...] = ("speaker", "subject", "addressee", "mentioned")
"""Roles of an actor in a claim, from most to least responsible for the position."""

UNATTRIBUTED = "(unattributed)"
"""The ``actor`` of a quote without a speaker."""
UNRESOLVED = "(unresolved)"
"""The ``actor`` of a speaker that matches no actor of the lexicon."""

_SCHEMAS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "actors": (
        {"label": str, "terms": list},
        {
            "people": list,
            "adjectives": list,
            "case_sensitive": list,
            "case_sensitive_adjectives": list,
            "exclude": list,
            "kind": str,
            "notes": str,
        },
    ),
    "issues": ({"label": str, "terms": list}, {"positive": str, "notes": str, "exclude": list}),
    "reporting_verbs": ({"verb_class": str, "forms": list}, {"notes": str, "complement": str, "nouns": list}),
    "epistemic_markers": ({"kind": str, "terms": list}, {"category": str, "notes": str}),
    "deontic_markers": ({"strength": str, "terms": list}, {"notes": str}),
    "position_cues": ({"kind": str, "terms": list}, {"notes": str}),
}

_CONTRACTION_NEGATORS = ("n't", "n’t")
"""Negators written as a bare contraction: found by a pattern of their own, not as terms."""


def _terms(values: Any) -> tuple[str, ...]:
    return tuple(str(t) for t in (values or []))


@dataclass(frozen=True, eq=False)
class StanceLexicons:
    """The six lexicons of the stance analysis, validated; matchers compiled when first used.

    Build it with :func:`load_stance_lexicons`. The bundle is read-only: its
    :attr:`fingerprint` (a memo key) is computed from its content.

    Attributes
    ----------
    actors, issues, reporting_verbs, epistemic, deontic, position_cues : Lexicon
    include_adjectives : bool
        Whether demonyms and adjectives ("Russian") count as actor mentions.
    pack : str
        Name of the topic pack the actors and issues came from.

    Raises
    ------
    LexiconError
        When built with a lexicon that names an unknown verb class or cue kind, or an
        actor or issue without terms (the message names the file and line).
    """

    actors: Lexicon
    issues: Lexicon
    reporting_verbs: Lexicon
    epistemic: Lexicon
    deontic: Lexicon
    position_cues: Lexicon
    include_adjectives: bool = True
    pack: str = DEFAULT_PACK

    def __post_init__(self) -> None:
        check_values(self.reporting_verbs, "verb_class", self.verb_classes)
        for entry, line in zip(self.reporting_verbs.entries, self.reporting_verbs.lines, strict=False):
            if entry.get("complement", "clause") not in VERB_COMPLEMENTS:
                raise LexiconError(
                    f"{self.reporting_verbs.path}, line {line or 1}: entry '{entry['id']}' has complement "
                    f"'{entry.get('complement')}'; use one of: {', '.join(VERB_COMPLEMENTS)}."
                )
        check_values(self.epistemic, "kind", EPISTEMIC_KINDS)
        check_values(self.position_cues, "kind", POSITION_KINDS)
        check_nonempty(
            self.actors, ("terms", "people", "adjectives", "case_sensitive", "case_sensitive_adjectives")
        )
        check_nonempty(self.issues, ("terms",))

    # ------------------------------------------------------------------ identity

    def all(self) -> dict[str, Lexicon]:
        """``{role: Lexicon}`` in a fixed order."""
        return {
            "actors": self.actors,
            "issues": self.issues,
            "reporting_verbs": self.reporting_verbs,
            "epistemic": self.epistemic,
            "deontic": self.deontic,
            "position_cues": self.position_cues,
        }

    def paths(self) -> dict[str, str]:
        """File each lexicon was read from."""
        return {role: lex.path for role, lex in self.all().items()}

    @functools.cached_property
    def fingerprint(self) -> str:
        """SHA-256 of the six lexicon fingerprints and the options: equal for equal content."""
        parts = [f"{role}={lex.fingerprint}" for role, lex in self.all().items()]
        parts.append(f"include_adjectives={self.include_adjectives}")
        parts.append(f"pack={self.pack}")
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    @functools.cached_property
    def verb_classes(self) -> tuple[str, ...]:
        """Reporting-verb classes: those of the lexicon header (``meta.classes``), else :data:`VERB_CLASSES`."""
        classes = self.reporting_verbs.meta.get("classes")
        return tuple(classes) if isinstance(classes, dict) and classes else VERB_CLASSES

    @functools.cached_property
    def verb_forms(self) -> frozenset[str]:
        """Every one-word form of a reporting verb, lower-cased ("said", "told", "adding")."""
        return frozenset(
            str(f).lower() for e in self.reporting_verbs.entries for f in e["forms"] if " " not in str(f)
        )

    @functools.cached_property
    def verb_complements(self) -> dict[str, str]:
        """Reporting verb id -> what may follow it as reported content (:data:`VERB_COMPLEMENTS`)."""
        return {e["id"]: str(e.get("complement") or "clause") for e in self.reporting_verbs.entries}

    @functools.cached_property
    def actor_labels(self) -> dict[str, str]:
        """Actor id -> label."""
        return {e["id"]: str(e["label"]) for e in self.actors.entries}

    @functools.cached_property
    def actor_kinds(self) -> dict[str, str]:
        """Actor id -> kind (state, bloc, alliance, ...; "" when the lexicon gives none)."""
        return {e["id"]: str(e.get("kind") or "") for e in self.actors.entries}

    @functools.cached_property
    def actor_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Lower-cased actor names (terms, case-sensitive terms), people and adjectives:
        the words that end a person's name when reading a title from the right."""
        names: set[str] = set()
        people: set[str] = set()
        adjectives: set[str] = set()
        for e in self.actors.entries:
            names.update(t.lower() for t in (*_terms(e.get("terms")), *_terms(e.get("case_sensitive"))))
            people.update(t.lower() for t in _terms(e.get("people")))
            adjectives.update(
                t.lower() for t in (*_terms(e.get("adjectives")), *_terms(e.get("case_sensitive_adjectives")))
            )
        return frozenset(names), frozenset(people), frozenset(adjectives)

    @functools.cached_property
    def issue_labels(self) -> dict[str, str]:
        """Issue id -> label."""
        return {e["id"]: str(e["label"]) for e in self.issues.entries}

    # ------------------------------------------------------------------ matchers

    @functools.cached_property
    def actor_matcher(self) -> TermMatcher:
        """Actor names (``info`` "name"), people ("person") and adjectives ("adjective");
        ``case_sensitive`` terms only as written; ``exclude`` terms hide what they cover."""
        groups = []
        for e in self.actors.entries:
            groups += [
                TermGroup(e["id"], _terms(e.get("terms")), "name"),
                TermGroup(e["id"], _terms(e.get("case_sensitive")), "name", case_sensitive=True),
                TermGroup(e["id"], _terms(e.get("people")), "person"),
                TermGroup(e["id"], _terms(e.get("adjectives")), "adjective"),
                TermGroup(
                    e["id"], _terms(e.get("case_sensitive_adjectives")), "adjective", case_sensitive=True
                ),
            ]
        exclude = [x for e in self.actors.entries for x in _terms(e.get("exclude"))]
        return TermMatcher(groups, exclude)

    @functools.cached_property
    def issue_matcher(self) -> TermMatcher:
        """Issue cue phrases, keyed by issue id."""
        return TermMatcher(
            [TermGroup(e["id"], _terms(e["terms"])) for e in self.issues.entries],
            [x for e in self.issues.entries for x in _terms(e.get("exclude"))],
        )

    @functools.cached_property
    def verb_matcher(self) -> TermMatcher:
        """Reporting-verb forms, keyed by lemma, ``info`` the verb class."""
        return TermMatcher(
            [
                TermGroup(e["id"], _terms(e["forms"]), str(e["verb_class"]))
                for e in self.reporting_verbs.entries
            ]
        )

    @functools.cached_property
    def noun_matcher(self) -> TermMatcher:
        """Speech-act nouns of the reporting verbs ("statement", "threat"), keyed by lemma, ``info`` the class."""
        return TermMatcher(
            [
                TermGroup(e["id"], _terms(e["nouns"]), str(e["verb_class"]))
                for e in self.reporting_verbs.entries
                if e.get("nouns")
            ]
        )

    @functools.cached_property
    def epistemic_matcher(self) -> TermMatcher:
        """Hedges and boosters, keyed by entry, ``info`` ``"<kind>|<category>"``."""
        return TermMatcher(
            [
                TermGroup(e["id"], _terms(e["terms"]), f"{e['kind']}|{e.get('category', '')}")
                for e in self.epistemic.entries
            ]
        )

    @functools.cached_property
    def deontic_matcher(self) -> TermMatcher:
        """Deontic modals, keyed by entry, ``info`` the strength."""
        return TermMatcher(
            [TermGroup(e["id"], _terms(e["terms"]), str(e["strength"])) for e in self.deontic.entries]
        )

    def _cue_terms(self, kind: str) -> tuple[str, ...]:
        """The terms of every position cue of ``kind``, without the bare contraction ``n't``."""
        return tuple(
            str(t)
            for e in self.position_cues.entries
            if e["kind"] == kind
            for t in e["terms"]
            if str(t).strip() not in _CONTRACTION_NEGATORS
        )

    def _cue_matcher(self, *kinds: str) -> TermMatcher:
        """A matcher of the position cues of ``kinds``, each kind its own key."""
        return TermMatcher([TermGroup(k, self._cue_terms(k), k) for k in kinds])

    @functools.cached_property
    def cue_matcher(self) -> TermMatcher:
        """Support, oppose and neutral cues, keyed ``support`` / ``oppose`` / ``neutral``."""
        return self._cue_matcher("support", "oppose", "neutral")

    @functools.cached_property
    def negator_matcher(self) -> TermMatcher:
        """Negators (the bare contraction ``n't`` is matched by a pattern instead)."""
        return self._cue_matcher("negator")

    @functools.cached_property
    def possibility_matcher(self) -> TermMatcher:
        """Possibility modals that weaken a position."""
        return self._cue_matcher("possibility")

    @functools.cached_property
    def conditional_matcher(self) -> TermMatcher:
        """Conditional conjunctions (``if``, ``unless``)."""
        return self._cue_matcher("conditional")

    @functools.cached_property
    def causative_matcher(self) -> TermMatcher:
        """Causatives (``force``, ``pressure``) whose object is an addressee."""
        return self._cue_matcher("causative")


def load_stance_lexicons(
    actors: str | Path | None = "",
    issues: str | Path | None = "",
    reporting_verbs: str | Path | None = "",
    epistemic: str | Path | None = "",
    deontic: str | Path | None = "",
    position_cues: str | Path | None = "",
    include_adjectives: bool = True,
    pack: str | Path = DEFAULT_PACK,
) -> StanceLexicons:
    """Load the bundled stance lexicons, each optionally replaced or extended by a user file.

    Parameters
    ----------
    actors, issues, reporting_verbs, epistemic, deontic, position_cues : str or Path
        A user YAML file for that lexicon ("" = the bundled one). ``meta.mode: extend``
        adds to the bundled list; ``replace`` (the default) replaces it.
    include_adjectives : bool
        Count demonyms and adjectives ("Russian", "Ukrainian") as actor mentions.
    pack : str or Path
        Topic pack of the actors and issues (:mod:`research_utils.lexicons.pack`): a
        bundled name (``russia_ukraine_2022``, ``generic``) or a folder of your own. A pack
        without issues leaves the claims analysis without a lexicon (it does not apply).

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem (bad YAML, a missing field, an
        unknown verb class or cue kind, an entry without terms).
    PackError
        For an unknown pack.
    """
    chosen = load_pack(pack)
    users = {
        "actors": actors,
        "issues": issues,
        "reporting_verbs": reporting_verbs,
        "epistemic_markers": epistemic,
        "deontic_markers": deontic,
        "position_cues": position_cues,
    }
    loaded = {}
    for name, user in users.items():
        schema, optional = _SCHEMAS[name]
        loaded[name] = load_lexicon(
            name, schema=schema, optional=optional, user_path=user or None, pack=chosen.path
        )
    return StanceLexicons(
        actors=loaded["actors"],
        issues=loaded["issues"],
        reporting_verbs=loaded["reporting_verbs"],
        epistemic=loaded["epistemic_markers"],
        deontic=loaded["deontic_markers"],
        position_cues=loaded["position_cues"],
        include_adjectives=include_adjectives,
        pack=chosen.name,
    )


@functools.lru_cache(maxsize=1)
def _bundled() -> StanceLexicons:
    return load_stance_lexicons()


def default_lexicons(lexicons: StanceLexicons | None = None) -> StanceLexicons:
    """``lexicons``, or the bundled lexicons (loaded once per process) when None."""
    return lexicons if lexicons is not None else _bundled()


@functools.lru_cache(maxsize=1)
def world_states() -> StanceLexicons:
    """The generic pack's lexicons: the world's states, names and demonyms, as a gazetteer
    that tells which state a title names ("Estonia's Prime Minister") whatever the pack."""
    return load_stance_lexicons(pack="generic")
