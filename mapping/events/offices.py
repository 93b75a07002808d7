"""An office told by nationality instead of a name ("the Kenyan minister", "the Chinese
Foreign Minister"): the person it stands for, when the article has told just one such holder
before it; else the country takes part, as the event reader has it."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity, fold
from communique.mapping.entities.titles import label_of, title_synonyms
from communique.mapping.events.base import words
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON
from communique.mapping.nlp.language import sentence_of

OFFICE_NOUNS = words("office_nouns")
_LEADER_OFFICES = words("leader_offices")
_PARTIES_LED = words("parties_led")


def plural_office(t: Token) -> bool:
    """ "ministers", "leaders": holders of an office, more than one."""
    return t.tag_ == "NNS" and t.lemma_.lower() in OFFICE_NOUNS


def of_an_office(t: Token) -> bool:
    """A word that qualifies an office noun ("Kenyan" in "the Kenyan minister", "the
    Kenyan head of state")."""
    if t.dep_ not in ("amod", "compound"):
        return False
    office = t.head.lemma_.lower()
    return office in OFFICE_NOUNS or office == "head" and of_state(t.head)


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
    return [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]


def of_an_unnamed_office(tok: Token, entity_tokens: Container[int]) -> bool:
    """ "the visit of the Swedish King", "a visit by a New Zealand leader": an event noun
    whose "of" or "by" names an office and no one holding it (the office's country takes
    part, as the reader has it)."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "prep"
        and c.lower_ in ("of", "by")
        and any(
            (p.lemma_.lower() in OFFICE_NOUNS or p.lemma_.lower() == "head" and of_state(p))
            and p.tag_ in ("NN", "NNP")  # (not "a meeting of ministers": they attend it)
            and p.i not in entity_tokens
            and not any(a.dep_ == "appos" for a in p.children)
            for p in c.children
        )
        for c in tok.children
    )


def office_holder(
    office: Token,
    country: Entity,
    titles: dict[str, list[Entity]],
    person_country: dict[int, str],
    entity_tokens: Container[int],
    *,
    each: bool = False,
) -> Entity | None:
    """ "the Kenyan minister", "the Kenyan foreign minister" (`office` its head noun): the
    one person of that country named before it whose title ends in that office, if there is
    just one. A description points back to someone told; a title the roles missed may hide
    another holder, so a later one is not taken. `entity_tokens`: the tokens that name an
    entity (the nationality), which are no part of the office. `each`: a plural office of
    several countries ("the foreign ministers of A and B"), one holder of each."""
    if country.kind != COUNTRY or not country.iso3:
        return None
    if office.tag_ in ("NNS", "NNPS") and not each:
        return None  # (not "the Kenyan ministers": more than one)
    # a lede's description is told before its holder's name, whose title may then give no
    # country ("..., Kenya's foreign minister said." and then "Foreign Minister X"): there a
    # later one is taken, and one of no known country
    lede = sentence_of(office.doc, office.i).start == 0

    def of_that_country(p: Entity) -> bool:
        theirs = person_country.get(id(p))
        if lede:
            return theirs in (None, country.iso3)
        return theirs == country.iso3 and p.told_before(office.i)

    def of_no_country_told(p: Entity) -> bool:
        return person_country.get(id(p)) is None and p.told_before(office.i)

    # ("President X will travel ...; there, the Angolan President ...": a holder whose
    # title gave no country, when none of that country holds the office)
    def told_of_that_country(p: Entity) -> bool:
        return person_country.get(id(p)) == country.iso3 and p.told_before(office.i)

    # (in a lede, one of that country named before it comes first: "Kenyan President X
    # signed ..., during the first visit by a Kenyan head of state")
    found = _one_holder(office, titles, entity_tokens, told_of_that_country) if lede else None
    found = found or _one_holder(office, titles, entity_tokens, of_that_country, first_told=lede)
    return found or (
        None if lede or each else _one_holder(office, titles, entity_tokens, of_no_country_told)
    )


def _one_holder(
    office: Token,
    titles: dict[str, list[Entity]],
    entity_tokens: Container[int],
    of_interest: Callable[[Entity], bool],
    prefer: Callable[[Entity], bool] = lambda p: False,
    *,
    first_told: bool = False,
) -> Entity | None:
    """The one person of interest whose title ends in `office`, with the
    office's own words before it ("foreign minister"), else None; of several, the one
    `prefer` picks, if it picks one, or with `first_told` the first named, when all are named
    after the office."""
    qualifiers = [
        t.text
        for t in office.lefts
        if t.dep_ in ("amod", "compound") and t.i not in entity_tokens and t.lower_ != "visiting"
    ]
    head = office.lemma_ if office.tag_ in ("NNS", "NNPS") else office.text
    if office.lemma_.lower() in _ANY_OFFICE and not qualifiers:
        # "the Norwegian official": whoever of interest holds an office
        holders = {id(p): p for people in titles.values() for p in people if of_interest(p)}
        return next(iter(holders.values())) if len(holders) == 1 else None
    wanted = fold(" ".join([*qualifiers, head]))
    wanted = fold(label_of().get(wanted, wanted))  # "premier": a prime minister
    if office.lemma_.lower() == "head" and of_state(office):
        wanted = "leader"  # "the Angolan head of State"
    holders: dict[int, Entity] = {}
    for office_told in (wanted, *title_synonyms().get(wanted, ())):  # "top diplomat"
        holders = {
            id(p): p
            for label, people in titles.items()
            if _titled_as(label, office_told)
            for p in people
            if of_interest(p)
        }
        if holders:
            break
    later = [p for p in holders.values() if not p.told_before(office.i)]
    if len(holders) > 1 and first_told and len(later) == len(holders):
        # (the first named after the office told: "X's top diplomat will ... Foreign
        # Minister Y will depart ...")
        first = min(later, key=lambda p: min(m.start for m in p.mentions))
        holders = {id(first): first}
    if len(holders) > 1:
        holders = {k: p for k, p in holders.items() if prefer(p)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def of_state(t: Token) -> bool:
    """ "heads of state", "heads of government": leaders."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lower_ in ("state", "government") for p in c.children)
        for c in t.children
    )


def _titled_as(label: str, office: str) -> bool:
    """Whether a title holds the office: "foreign minister", "minister of telecommunications"
    a "minister"'s; a head of state's or government's a "leader"'s."""
    if office in ("leader", "leaders"):
        return leads(label)
    # ("secretary-general", "Secretary - General" as the parser splits it: one office)
    head = label.split(" of ")[0].replace("-", " ")
    have = [_RANK_FORMS.get(w, w) for w in head.split()]
    want = [_RANK_FORMS.get(w, w) for w in office.replace("-", " ").split()]
    if [w for w in have if w in _UNDER] != [w for w in want if w in _UNDER]:
        return False  # a deputy is not "the minister", nor a minister "the deputy minister"
    if have[-len(want) :] == want:
        return True
    # "the deputy minister": a deputy foreign minister (the rank and the last word)
    return have[-1] == want[-1] and set(want) <= set(have) and any(w in _UNDER for w in want)


def leads(label: str) -> bool:
    """ "president", "general secretary of the party": the office of a head of state or
    government, or of the party that governs (a "leader"); held for a time ("interim
    president", "acting president") it is one still."""
    label = re.sub(r"^(?:(?:interim|acting)\s+)+", "", label)
    return any(label == o or label.startswith(o + " ") for o in _LEADER_OFFICES)


# the ranks below an office, written before it ("vice" one with "deputy")
_UNDER = frozenset({"deputy", "assistant"})
_RANK_FORMS = {"vice": "deputy"}
# nouns for the holder of any office ("the Norwegian official")
_ANY_OFFICE = frozenset({"diplomat", "official"})
# offices one person holds ("the delegation", "the official" may be anyone's)
_HELD_ALONE = OFFICE_NOUNS - {"counterpart", "delegation", "diplomat", "official"}


def titled_holder(
    office: Token,
    titles: dict[str, list[Entity]],
    entity_tokens: Container[int],
    home: Callable[[Entity], bool | None] = lambda p: None,
) -> Entity | None:
    """ "the president will travel to Riga", "the Prime Minister said": the one person named
    before it whose title ends in that office (with its words: "prime minister"), if there
    is just one; of two, the one not from abroad (`home`: whether a person is of the
    dateline's country, None when unknown), as local copy names its own officials by
    title alone.
    "The visiting premier" is the one from abroad."""
    if office.lemma_.lower() not in _HELD_ALONE or office.i in entity_tokens:
        return None
    if office.tag_ in ("NNS", "NNPS"):
        return None  # "the leaders": more than one
    lefts = list(office.lefts)
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in lefts):
        return None
    if any(t.dep_ == "poss" or t.i in entity_tokens for t in lefts):
        return None  # "his minister", "the Kenyan minister": another reading
    before = office.i
    if any(t.lower_ == "visiting" and t.dep_ == "amod" for t in lefts):
        return _one_holder(
            office, titles, entity_tokens, lambda p: home(p) is False and p.told_before(before)
        )
    # (a holder whose country is unknown is no less at home: the title gave none)
    return _one_holder(
        office,
        titles,
        entity_tokens,
        lambda p: p.told_before(before),
        prefer=lambda p: home(p) is not False,
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
        # "a delegation of the World Bank", "the ambassador of A": the side it is of
        if t.lemma_.lower() in OFFICE_NOUNS | _PARTIES_LED and t.tag_ != "NNS":
            for p in _of_objects(t):
                e = self.by_token.get(p.i)
                if e is not None and e.kind in (COUNTRY, ORG):
                    return (self._holder(t, e) if e.kind == COUNTRY else None) or e
        return None

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
