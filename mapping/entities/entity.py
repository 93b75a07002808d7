"""What an entity is: one thing an article names (a person, country, place or organization)
with all its mentions, the index from mentions to entities, and the keys names are compared by
(case and accents folded). Entities/cluster.py builds them; the rest of the mapper reads them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from communique.mapping.mentions.finder import COUNTRY, ORG, Mention


@dataclass(eq=False)
class Entity:
    """One thing the article names."""

    kind: str
    key: str  # what identifies it: ISO3 for a country, the canonical name otherwise
    name: str
    iso3: str | None = None  # the country it is, or belongs to
    subkind: str | None = None
    names: list[str] = field(default_factory=list)  # every form seen, canonical first
    mentions: list[Mention] = field(default_factory=list)

    def add_name(self, form: str) -> None:
        if form and form not in self.names:
            self.names.append(form)

    def told_before(self, i: int) -> bool:
        """Whether the article names it before its token i."""
        return any(m.start < i for m in self.mentions)


@dataclass
class ArticleEntities:
    """The entities of one article and the index from mentions to them."""

    entities: list[Entity]
    of_mention: dict[int, Entity]  # id(mention) -> entity
    # the countries by ISO3, of the first `_indexed` entities (entities are only ever added)
    _countries: dict[str, Entity] = field(default_factory=dict, init=False, repr=False)
    _indexed: int = field(default=0, init=False, repr=False)

    def by_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def entity(self, mention: Mention) -> Entity | None:
        return self.of_mention.get(id(mention))

    def main_countries(self, *, named: bool = False) -> list[str]:
        """The ISO3 codes of the two countries the article names most (first named first);
        `named`: not one only a town of it tells (a town where two met: no document's party)."""
        bodies = {e.iso3 for e in self.by_kind(ORG)} if named else set()
        counts = sorted(
            (
                (len(e.mentions), i, e.key)
                for i, e in enumerate(self.by_kind(COUNTRY))
                if not named or e.mentions or e.key in bodies
            ),
            key=lambda c: (-c[0], c[1]),
        )
        return [key for _, _, key in counts[:2]]

    def country(self, iso3: str) -> Entity | None:
        # asked for every event and agreement: an index, not a pass over all entities
        for e in self.entities[self._indexed :]:
            if e.kind == COUNTRY:
                self._countries.setdefault(e.key, e)
        self._indexed = len(self.entities)
        return self._countries.get(iso3)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive comparison key of a name."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def name_words(text: str) -> list[str]:
    return [fold(w) for w in _NAME_WORD.findall(text) if w not in ("-",)]


_NAME_WORD = re.compile(r"[^\s’'.]+")


_LOWER_IN_NAMES = {"de", "da", "do", "dos", "das", "del", "la", "le", "es", "of", "am", "du"}


def display_name(text: str) -> str:
    """ "MOSCOW" -> "Moscow", "RIO DE JANEIRO" -> "Rio de Janeiro": a dateline's capitals
    are not the name."""
    if not (text.isupper() and len(text) > 4):
        return text
    words = text.title().split(" ")
    return " ".join(
        w.lower() if i and w.lower() in _LOWER_IN_NAMES else w for i, w in enumerate(words)
    )


def may_be_one_place(a: Entity, b: Entity) -> bool:
    """The same place, or a venue and a city not told in two countries ("invited to meet in
    Washington", then "the meeting took place at the White House")."""
    if a is b:
        return True
    kinds = {a.subkind, b.subkind}
    return kinds == {"venue", "city"} and (None in (a.iso3, b.iso3) or a.iso3 == b.iso3)
