"""The people and organisations of a document over all their mentions, and the positions where
an attribution's speaker phrase may point to one (:mod:`~.resolve` resolves them)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Cand", "Entity", "entity_key"]


_NATIONAL_OFFICE = frozenset("prime premier chancellor minister".split())
"""Title words of a national government (a bloc or an alliance has no prime minister)."""


@dataclass
class Entity:
    """One person or organisation of the document, over all its mentions."""

    key: str
    name: str
    kind: str
    titles: list[str] = field(default_factory=list)
    gender: str = ""
    actor: str = ""

    def national_office(self, listed_kind: str) -> bool:
        """Whether the person, listed under a side of kind ``listed_kind``, holds a title of a
        national government while that side is a bloc or an alliance ("Prime Minister Kaja
        Kallas" in 2022, "Prime Minister Mark Rutte"): then the person speaks for a state."""
        return listed_kind in ("bloc", "alliance") and bool(_NATIONAL_OFFICE.intersection(self.titles))

    def add(self, name: str, titles: tuple[str, ...], gender: str) -> None:
        if len(name.split()) > len(self.name.split()):
            self.name = name
        self.titles += [t for t in titles if t not in self.titles]
        self.gender = self.gender or gender


@dataclass
class Cand:
    """A possible antecedent: an entity (or an unnamed source) at a position."""

    pos: tuple[int, int]
    sid: int
    entity: Entity | None
    speaker: bool
    scoped: bool = False
    head: str = ""
    plural: bool = False
    actor: str = ""  # the side of an unnamed source ("the Ukrainian negotiators": ukraine)


def entity_key(name: str, kind: str) -> str:
    """One key per person (the surname; its first seven letters when longer, so that the
    transliterations "Zelensky" and "Zelenskyy" are one) or organisation (its words in any
    order, so that "Ukraine's Defence Intelligence" and "Defence Intelligence of Ukraine"
    are one)."""
    if kind == "person":
        surname = name.split()[-1].lower()
        return surname[:7] if len(surname) >= 8 else surname  # "Zelenskyy" ~ "Zelensky"
    ws = {w.lower().removesuffix("'s").removesuffix("’s") for w in name.split()}
    return " ".join(sorted(ws - {"the", "of", "for", "and"}))
