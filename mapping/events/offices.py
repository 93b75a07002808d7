"""An office told by nationality instead of a name ("the Kenyan minister", "the Chinese
Foreign Minister"): the person it stands for, when the article has told just one such holder
before it; else the country takes part, as the event reader has it."""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity, fold
from communique.mapping.entities.titles import label_of
from communique.mapping.events.base import words
from communique.mapping.mentions.finder import COUNTRY

OFFICE_NOUNS = words("office_nouns")
_LEADER_OFFICES = words("leader_offices")


def of_an_office(t: Token) -> bool:
    """A word that qualifies an office noun ("Kenyan" in "the Kenyan minister")."""
    return t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in OFFICE_NOUNS


def office_holder(
    office: Token,
    country: Entity,
    titles: dict[str, list[Entity]],
    person_country: dict[int, str],
    entity_tokens: Container[int],
) -> Entity | None:
    """ "the Kenyan minister", "the Kenyan foreign minister" (`office` its head noun): the
    one person of that country named before it whose title ends in that office, if there is
    just one. A description points back to someone told; a title the roles missed may hide
    another holder, so a later one is not taken. `entity_tokens`: the tokens that name an
    entity (the nationality), which are no part of the office."""
    if country.kind != COUNTRY or not country.iso3 or office.tag_ in ("NNS", "NNPS"):
        return None  # (not "the Kenyan ministers": more than one)
    # a lede's description is told before its holder's name, whose title may then give no
    # country ("..., Kenya's foreign minister said." and then "Foreign Minister X"): there a
    # later one is taken, and one of no known country
    if office.sent.start == 0:
        return _one_holder(
            office,
            titles,
            entity_tokens,
            lambda p: person_country.get(id(p), country.iso3) == country.iso3,
        )
    return _one_holder(
        office,
        titles,
        entity_tokens,
        lambda p: person_country.get(id(p)) == country.iso3 and p.told_before(office.i),
    )


def _one_holder(
    office: Token,
    titles: dict[str, list[Entity]],
    entity_tokens: Container[int],
    of_interest: Callable[[Entity], bool],
    prefer: Callable[[Entity], bool] = lambda p: False,
) -> Entity | None:
    """The one person of interest whose title ends in `office`, with the
    office's own words before it ("foreign minister"), else None; of several, the one
    `prefer` picks, if it picks one."""
    qualifiers = [
        t.text
        for t in office.lefts
        if t.dep_ in ("amod", "compound") and t.i not in entity_tokens and t.lower_ != "visiting"
    ]
    wanted = fold(" ".join([*qualifiers, office.text]))
    wanted = fold(label_of().get(wanted, wanted))  # "premier": a prime minister
    holders = {
        id(p): p
        for label, people in titles.items()
        if _titled_as(label, wanted)
        for p in people
        if of_interest(p)
    }
    if len(holders) > 1:
        holders = {k: p for k, p in holders.items() if prefer(p)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _titled_as(label: str, office: str) -> bool:
    """Whether a title holds the office: "foreign minister", "minister of telecommunications"
    a "minister"'s; a head of state's or government's a "leader"'s."""
    if office in ("leader", "leaders"):
        return leads(label)
    head = label.split(" of ")[0]
    return head == office or head.endswith(" " + office)


def leads(label: str) -> bool:
    """ "president", "general secretary of the party": the office of a head of state or
    government, or of the party that governs (a "leader")."""
    return any(label == o or label.startswith(o + " ") for o in _LEADER_OFFICES)


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
