"""An office told by nationality instead of a name ("the Kenyan minister", "the Chinese
Foreign Minister"): the person it stands for, when the article has told just one such holder
before it; else the country takes part, as the event reader has it."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import words
from communique.mapping.events.holders import OFFICE_NOUNS, of_state, office_holder, titled_holder
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON

_PARTIES_LED = words("parties_led")


def plural_office(t: Token) -> bool:
    """ "ministers", "leaders": holders of an office, more than one."""
    return t.tag_ == "NNS" and t.lemma_.lower() in OFFICE_NOUNS


def an_office_noun(t: Token) -> bool:
    """ "minister", "king", "head" of "head of state": a noun that names an office."""
    noun = t.lemma_.lower()
    return noun in OFFICE_NOUNS or noun == "head" and of_state(t)


def of_an_office(t: Token) -> bool:
    """A word that qualifies an office noun ("Kenyan" in "the Kenyan minister", "the
    Kenyan head of state")."""
    if t.dep_ not in ("amod", "compound"):
        return False
    return an_office_noun(t.head)


def office_of_a_side(t: Token, by_token: dict) -> bool:
    """ "the Danish ambassador", "the ambassadors of A and B", "a delegation of the World
    Bank", "European leaders": an office or a delegation of a named country or body, or the
    holders of a region's offices, though no one is named (not "the envoys")."""
    if t.lemma_.lower() not in OFFICE_NOUNS | _PARTIES_LED:
        return False
    qualifiers = [k for k in t.children if k.dep_ in ("amod", "compound", "poss") and k.i < t.i]
    if plural_office(t) and any(k.dep_ == "amod" and k.is_title for k in qualifiers):
        return True  # "hosted European leaders", "Arab ministers": a region's holders
    if plural_office(t) and any(_countries_noun(p) for p in _of_objects(t)):
        return True  # "hosted the leaders of nine eastern flank nations": theirs
    qualifiers += _of_objects(t)
    sides = [by_token.get(k.i) for q in qualifiers for k in (q, *q.conjuncts)]
    return any(e is not None and e.kind in (COUNTRY, ORG) for e in sides)


def _countries_noun(t: Token) -> bool:
    """ "nations", "countries", "member states": several countries told by a plural noun."""
    return t.tag_ == "NNS" and t.lemma_.lower() in ("nation", "country", "state")


def _of_objects(t: Token) -> list[Token]:
    """ "the ambassador of A", "a delegation from A": whose the office or party is."""
    preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    if t.dep_ == "dobj":
        # ("received a delegation from A": the parser may hang "from A" on the verb)
        preps += [c for c in t.head.rights if c.lower_ == "from" and c.i == t.right_edge.i + 1]
    return [p for c in preps for p in c.children]


def of_an_unnamed_office(tok: Token, entity_tokens: Container[int]) -> bool:
    """ "the visit of the Swedish King", "a visit by a New Zealand leader": an event noun
    whose "of" or "by" names an office and no one holding it (the office's country takes
    part, as the reader has it)."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "prep"
        and c.lower_ in ("of", "by")
        and any(
            an_office_noun(p)
            and p.tag_ in ("NN", "NNP")  # (not "a meeting of ministers": they attend it)
            and p.i not in entity_tokens
            and not any(a.dep_ == "appos" for a in p.children)
            for p in c.children
        )
        for c in tok.children
    )


class EventOffices:
    """Mixed into EventReader: offices told instead of names."""

    by_token: dict[int, Entity]
    titles: dict[str, list[Entity]]
    person_country: dict[int, str]
    home: str | None

    def _at_home(self, person: Entity) -> bool | None:
        """Whether the person is of the dateline's country (None: either is unknown)."""
        theirs = self.person_country.get(id(person))
        return None if self.home is None or theirs is None else theirs == self.home

    def _named_in_modifiers(self, t: Token) -> Entity | None:
        """The entity the compound or possessive words of a name's head give it (the head
        need not be the entity token); for an office with a nationality ("the Chinese
        Foreign Minister"), the person of that country who holds it, else the country."""
        for c in t.children:
            e = self.by_token.get(c.i)
            if e is None and c.dep_ == "poss" and t.lemma_.lower() in _PARTIES_LED:
                # "the emperor's delegation": the holder of that office leads it
                e = titled_holder(c, self.titles, self.by_token, self._at_home)
                if e is not None:
                    return e
            if e is None:
                continue
            if of_an_office(c):
                return self._holder(t, e) or e
            if c.dep_ in ("compound", "nmod"):  # ("the C5+1 format": an nmod)
                return e
            if c.dep_ == "poss" and e.kind == COUNTRY and t.lemma_.lower() in OFFICE_NOUNS:
                return self._holder(t, e) or e  # "Kenya's foreign minister"
            if c.dep_ == "poss" and not (
                e.kind == PERSON
                and any(a.dep_ == "appos" and a.i in self.by_token for a in t.children)
            ):
                return e  # (but "X's predecessor, Y": Y is the one meant, not X)
        # "a delegation of the World Bank", "the ambassador of A", "a delegation from A": the
        # side it is of
        if t.lemma_.lower() in OFFICE_NOUNS | _PARTIES_LED and t.tag_ != "NNS":
            if self._led_by_one_named(t):
                return None  # "a delegation from A led by X": X takes part for A
            for p in _of_objects(t):
                e = self.by_token.get(p.i)
                if e is not None and e.kind in (COUNTRY, ORG):
                    return (self._holder(t, e) if e.kind == COUNTRY else None) or e
        return None

    def _led_by_one_named(self, t: Token) -> bool:
        led = (c for c in t.children if c.dep_ == "acl" and c.lemma_ == "lead")
        return any(
            a.dep_ == "agent" and any(p.i in self.by_token for p in a.subtree)
            for c in led
            for a in c.children
        )

    def office_by_nationality(self, t: Token) -> Entity | None:
        """ "the Brazilian president", "Kenya's foreign minister": the one person of that
        country holding the office, told before."""
        if t.tag_ != "NN" or t.lemma_.lower() not in OFFICE_NOUNS:
            return None
        e = self._named_in_modifiers(t)
        return e if e is not None and e.kind == PERSON else None

    def _holder(self, office: Token, country: Entity, *, each: bool = False) -> Entity | None:
        return office_holder(
            office, country, self.titles, self.person_country, self.by_token, each=each
        )

    def sitting_for(self, offices: Token, meant: dict[int, Entity]) -> list[Token]:
        """What to read of holders of an office told in the plural: the body they sit for
        ("the foreign ministers of the C5+1", "leaders of the G7", "EU leaders"); for "the
        foreign ministers of A and B met", the one of each, put in `meant` by their
        country's token (but met "with the leaders of A and B": one meeting with each
        country, several.one_per_partner)."""
        of = [p for c in offices.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
              for p in c.children]  # fmt: skip
        if offices.dep_.startswith("nsubj"):
            meant.update(self.holders_of(offices, of))
        return of + [c for c in offices.children if c.dep_ in ("compound", "nmod")]

    def holders_of(self, offices: Token, of: list[Token]) -> dict[int, Entity]:
        """ "the foreign ministers of A and B": by the token of each country named, the one
        holder of the office there, where the article tells one."""
        out: dict[int, Entity] = {}
        for t in [x for p in of for x in (p, *p.conjuncts)]:
            e = self.by_token.get(t.i)
            if e is not None and (holder := self._holder(offices, e, each=True)) is not None:
                out[t.i] = holder
        return out
