"""Whom "his Turkmen counterpart" is: the one person of that country the article names
before it, else at all; of several, the one who holds an office the owner of "his" holds
("his Jordanian counterpart", of a king and a foreign minister: the foreign minister). A part
of the event reader (events/reader.py), which inherits it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.mentions.finder import COUNTRY, PERSON


class EventCounterparts:
    """Mixed into EventReader: the counterparts its events are held with."""

    by_token: dict[int, Entity]
    person_country: dict[int, str]
    titles: dict[str, list[Entity]]
    named_or_meant: Callable[[Token], Entity | None]  # (events/anaphora.py)

    def counterpart(self, tok: Token) -> Entity | None:
        """ "his Turkmen counterpart": the one person of that country named before it, else
        the one the article names at all."""
        if tok.lemma_.lower() != "counterpart":
            return None
        countries = [e for c in tok.children if (e := self.by_token.get(c.i)) and e.kind == COUNTRY]
        if len(countries) != 1:
            return None
        iso3 = countries[0].iso3
        theirs = {
            id(e): (i, e)
            for i, e in self.by_token.items()
            if e.kind == PERSON and self.person_country.get(id(e)) == iso3
        }
        before = [e for i, e in theirs.values() if i < tok.i]
        found = before or [e for _, e in theirs.values()]
        if len(found) > 1:  # "his Jordanian counterpart", of a king and a minister: his peer
            found = self._peers(tok, found)
        return found[0] if len({id(e) for e in found}) == 1 else None

    def _peers(self, tok: Token, people: list[Entity]) -> list[Entity]:
        """Those of people who hold an office that the one whose counterpart tok is holds."""
        owner = next((self.named_or_meant(c) for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return people
        offices = [held for held in self.titles.values() if any(p is owner for p in held)]
        return [e for e in people if any(p is e for held in offices for p in held)]
