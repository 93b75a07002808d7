"""Who holds an office told without a name: "the Kenyan foreign minister" (the one person of
that country named before with such a title), "the president" (the one so titled), "the
Angolan head of State" (a leader); and what a title names ("a deputy is not the minister")."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity, fold
from communique.mapping.entities.titles import label_of, title_synonyms
from communique.mapping.events.base import words
from communique.mapping.mentions.finder import COUNTRY
from communique.mapping.nlp.language import sentence_of

OFFICE_NOUNS = words("office_nouns")
_LEADER_OFFICES = words("leader_offices")


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

    def told_of_that_country(p: Entity) -> bool:
        return person_country.get(id(p)) == country.iso3 and p.told_before(office.i)

    def of_that_country(p: Entity) -> bool:
        if lede:
            return person_country.get(id(p)) in (None, country.iso3)
        return told_of_that_country(p)

    def of_no_country_told(p: Entity) -> bool:
        return person_country.get(id(p)) is None and p.told_before(office.i)

    # (in a lede, one of that country named before it comes first: "Kenyan President X
    # signed ..., during the first visit by a Kenyan head of state")
    found = _one_holder(office, titles, entity_tokens, told_of_that_country) if lede else None
    found = found or _one_holder(office, titles, entity_tokens, of_that_country, first_told=lede)
    # ("President X will travel ...; there, the Angolan President ...": a holder whose
    # title gave no country, when none of that country holds the office)
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
    if (
        len(holders) > 1
        and first_told
        and not any(p.told_before(office.i) for p in holders.values())
    ):
        # (the first named after the office told: "X's top diplomat will ... Foreign
        # Minister Y will depart ...")
        first = min(holders.values(), key=lambda p: min(m.start for m in p.mentions))
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
