"""A visit's parties and setting: whose visit it is (the guest), where to (the host), a
site seen during it, and the guest's country."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events import implied
from communique.mapping.events.base import Event, governing_verb, words
from communique.mapping.events.reader import EventReader
from communique.mapping.events.slots import controller_objects
from communique.mapping.events.whereabouts import wished
from communique.mapping.mentions.finder import PERSON, PLACE


def _site_visited(r: EventReader, tok: Token) -> Token | None:
    """ "visited the hydroelectric power plant": a site, unnamed, seen during a visit."""
    if tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ == "dobj" and r.entity(c) is None and c.lemma_.lower() in words("site_nouns"):
            return c
    return None


def read_visit(r: EventReader, ev: Event) -> None:
    ev.visit_kind = r.visit_kind(ev.trigger)
    if (site := _site_visited(r, ev.trigger)) is not None:
        ev.distinct = f"site-{site.i}"  # a visit of its own, not the visit retold
    dest = r.destination(ev.trigger)
    if ev.trigger.lower_ == "visiting":
        dest = None  # ("visiting X": X is its guest, never where it goes)
        _told_by_visiting(r, ev)
    if dest is not None and dest.kind == PLACE and dest.subkind == "venue":
        ev.distinct = f"site-{dest.key}"  # "visited the X Memorial": a site seen, not the trip
    guest = implied.carried(r, ev.trigger)
    if guest is not None:
        ev.distinct = "leg"  # a leg of the tour told before it, not that tour told again
    guest = guest or r.guest_of(ev.trigger)
    if guest is not None and dest is not None:
        guest = _guest_abroad(r, ev, guest, dest)
    if guest is not None:
        ev.guest = guest
        ev.participants = [guest] + [p for p in ev.participants if p is not guest and p is dest]
        ev.participants += _travelling_with(r, ev.trigger, guest)
    elif wished(ev.trigger) or _invited_one(ev.trigger):
        # "X welcomed ..., wishing her a fruitful visit", "I invited him to visit", "her" or
        # "him" not known: never X's visit
        ev.participants = [p for p in ev.participants if p is dest]
    if dest is not None:
        if dest.kind == PLACE and ev.place is None:
            ev.place = dest
        ev.host = r.country_of(dest)
        if dest.kind == PERSON and dest not in ev.participants:
            ev.participants.append(dest)
    if ev.host is None and ev.place is not None:
        ev.host = r.country_of(ev.place)
    elif (
        ev.host is not None
        and ev.place is not None
        and r.country_of(ev.place)
        not in (
            None,
            ev.host,
        )
    ):
        # "arrived in Ouagadougou after a visit to Mali": the town is the arrival's, not the
        # visit's (a visit is held in the country it is to)
        ev.place = None
    if ev.host is None and dest is None and ev.guest is not None and _under_way(r, ev):
        ev.host = _dateline_country_abroad(r, ev.guest)
        ev.host_filed = ev.host is not None
    set_guest_country(r, ev)
    if ev.trigger.lower_ == "visiting" and ev.guest is not None:
        ev.participants = [ev.guest]  # ("X met visiting Y": the visit is Y's alone)


def _told_by_visiting(r: EventReader, ev: Event) -> None:
    """ "X met visiting Y in Colombo": a visit told by the word alone is where the event it
    describes its guest in is held."""
    if ev.place is None:
        ev.place = r.place_in(governing_verb(ev.trigger), ev.sentence)


def _travelling_with(r: EventReader, tok: Token, guest: Entity) -> list[Entity]:
    """ "X and Y will travel to Z": the persons joined to the guest as the subject of the
    verb of going (each of them goes)."""
    if tok.pos_ != "VERB":
        return []
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    together = r.entities_at(subjects, (PERSON,), expand=False)
    return [p for p in together if p is not guest] if guest in together else []


def _guest_abroad(r: EventReader, ev: Event, guest: Entity, dest: Entity) -> Entity:
    """ "X was pleased to meet Y again following his visit to Japan", X Japanese: "his" is
    Y's, the one person of the sentence from abroad (a national at home is nobody's guest)."""
    host = r.country_of(dest)
    if host is None or r.country_of(guest) is not host:
        return guest
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in ev.trigger.children):
        return guest
    abroad = {
        id(e): e
        for t in ev.sentence
        if (e := r.by_token.get(t.i)) is not None
        and e.kind == PERSON
        and r.country_of(e) not in (None, host)
    }
    return next(iter(abroad.values())) if len(abroad) == 1 else guest


def _invited_one(tok: Token) -> bool:
    """ "invited him to visit": a visit of the one invited, the verb's object."""
    return bool(controller_objects(tok if tok.pos_ == "VERB" else tok.head))


def set_guest_country(r: EventReader, ev: Event) -> None:
    """The guest's country, unless it is the host (a national at home is nobody's guest)."""
    ev.guest_country = r.country_of(ev.guest)
    if ev.guest_country is not None and ev.guest_country is ev.host:
        ev.guest_country = None


def _under_way(r: EventReader, ev: Event) -> bool:
    """Under way or coming: told with no day or month of its own before the article's."""
    if ev.scheduled or ev.date is None:
        return True
    return ev.date.value[:7] >= r.ref.isoformat()[:7]


def _dateline_country_abroad(r: EventReader, guest: Entity) -> Entity | None:
    """ "PARIS - ... X, who is on a state visit, ...", "ahead of a visit by X next week": a
    visit under way or coming told without a destination by a guest from another country
    is made where the story is filed."""
    here = r.country_of(r.here) if r.here is not None else None
    home = r.country_of(guest)
    return here if here is not None and home is not None and here is not home else None


def a_bare_frame(tok: Token) -> bool:
    """ "During the visit, the delegation will hold talks with X and Y": the visit told
    before, whose parties are not those of what happens during it (X and Y are its hosts);
    not "during his visit" or "during the state visit of X", whose own words say whose."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "during"
        and all(c.dep_ == "det" for c in tok.children)
    )
