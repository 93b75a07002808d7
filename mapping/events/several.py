"""One phrase that tells several events: "bilateral meetings with President X, President Y
and Prime Minister Z" is a meeting with each, "will visit Japan and Korea" a visit to each
country, and "a tour of A, B and C" the tour itself beside its legs (events/tour_legs.py tells
them once)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import Event, governing_verb, words
from communique.mapping.events.parties import on_the_sidelines
from communique.mapping.events.reader import EventReader
from communique.mapping.events.slots import gapped_object, of_objects
from communique.mapping.mentions.finder import COUNTRY, PERSON, PLACE
from communique.mapping.values.dates.value import DateValue


def one_per_partner(r: EventReader, ev: Event) -> list[Event]:
    """ "bilateral meetings with President X, President Y and Prime Minister Z", "phone
    calls from X and Y": one meeting, or one call, with each of them."""
    if ev.kind not in ("meeting", "phone-call", "talks"):
        return [ev]
    titled_only = ev.kind == "talks"  # ("talks with X and Y" may be one table of three)
    doc = ev.trigger.doc
    # "will hold meetings with several countries. The meetings are with X, Y and Z": the
    # list may come in a later telling
    for tok in [ev.trigger, *(doc[i] for i in sorted(ev.told_at - {ev.trigger.i}))]:
        listed = _with_each_titled(r, tok) if titled_only else _partners_listed(r, tok)
        if len(listed) >= 2:
            break
    else:
        return [ev]
    base = [p for p in ev.participants if p not in listed]
    verb = governing_verb(ev.trigger)
    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "X is expected to hold meetings": X holds them
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers = r.entities_at(subjects, (PERSON,), expand=True)
    base += [p for p in doers if p not in base]
    each = _respectively(r, ev, listed, [p for p in base if p.kind == PERSON and p not in doers])
    base = [p for p in base if not any(p in told for told in each)]
    return [replace(ev, participants=[*base, *told], sentences=set(ev.sentences)) for told in each]


def _respectively(
    r: EventReader, ev: Event, listed: list[Entity], others: list[Entity]
) -> list[list[Entity]]:
    """ "calls from the ministers of A and B, X and Y, respectively": X is A's, Y is B's;
    else each listed partner, a country with its own nationals among the others ("met the
    leaders of A and B", then "with A's president X, ...")."""
    if (
        len(others) == len(listed)
        and all(e.kind == COUNTRY for e in listed)
        and "respectively" in ev.sentence.text
    ):
        first = {id(e): min(m.start for m in e.mentions) for e in others}
        ordered = sorted(others, key=lambda e: first[id(e)])
        return [[country, person] for country, person in zip(listed, ordered, strict=True)]
    return [[e, *(p for p in others if r.country_of(p) is e)] for e in listed]


def _partners_listed(r: EventReader, tok: Token) -> list[Entity]:
    """The persons (else countries) a meetings noun or a sidelines meet lists."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "meet" and on_the_sidelines(tok):
        # "met Premier X and President Y (with X and with Y) on the margins of the summit":
        # two bilaterals
        slots = [c for c in tok.children if c.dep_ == "dobj"]
        slots += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for w in (c, *c.conjuncts)
            for p in w.children
            if p.dep_ == "pobj"
        ]
    elif tok.pos_ == "VERB" and (gapped := [c for c in tok.children if gapped_object(c)]):
        # "will meet X in Tokyo and Y in Seoul": a meeting with each
        slots = [c for c in tok.children if c.dep_ == "dobj"] + gapped
    elif with_each := _with_each_titled(r, tok):
        return with_each
    elif tok.tag_ == "NNS":
        # "meetings with X and Y"; "the meetings are with X and Y"; "calls from X and Y"
        # ("held meetings on Monday with X and Y": the parser hangs "with" on the verb)
        told = tok.dep_ == "dobj" or tok.dep_ == "nsubj" and tok.head.lemma_ == "be"
        heads = [tok, tok.head] if told else [tok]
        slots = [
            p
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("with", "from")
            for p in c.children
        ]
    else:
        return []
    listed = r.entities_at(slots, (PERSON,), expand=True)
    if len(listed) < 2:  # "bilateral meetings with the Netherlands and Fiji"
        listed = r.entities_at(slots, (COUNTRY,), expand=True)
    return listed


def _with_each_titled(r: EventReader, verb: Token) -> list[Entity]:
    """ "met with President X of A, Prime Minister Y of B and President Z of C": the three
    or more persons a verb's "with" lists, each of a country of their own (one encounter
    with each); none when fewer."""
    if verb.pos_ != "VERB":
        return []
    # ("held talks with", "discussed on bilateral issues with": the parser may hang the
    # "with" on the object)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
    ]
    slots = [p for h in (verb, *objects) for p in of_objects(h, ("with",)) if p.dep_ == "pobj"]
    listed = r.entities_at(slots, (PERSON,), expand=True)
    countries = [r.country_of(p) for p in listed]
    if len(listed) < 3 or None in countries or len(set(map(id, countries))) < len(listed):
        return []
    return listed


def one_per_destination(r: EventReader, ev: Event) -> list[Event]:
    """ "will visit Japan and the Republic of Korea": a visit to each country."""
    if ev.kind != "visit" or ev.host is None:
        return [ev]
    tour = ev.trigger.lemma_.lower() in words("tour_nouns") and ev.trigger.pos_ == "NOUN"
    slots = []
    for h in (ev.trigger, governing_verb(ev.trigger)):
        for c in h.children:
            if c.dep_ == "prep" and (c.lower_ == "to" or (tour and c.lower_ == "of")):
                slots += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "dobj" and h.lemma_.lower() == "visit":
                slots.append(c)
    others: list[Entity] = []
    cities: dict[int, Entity] = {}  # id of a country -> the town of it the list names
    for p in slots:
        if _country_told(r, r.entity(p)) is not ev.host:
            continue
        for conj in p.conjuncts or _listed_after(r, p):
            e = r.entity(conj)
            c = _country_told(r, e)
            if c is not None and c is not ev.host and c not in others:
                others.append(c)
                if e is not c:  # "visited Kinshasa, Kigali and Kampala": a town of each
                    cities[id(c)] = e
    if not others:
        return [ev]
    # "a tour of A, B and C": the tour itself, and a visit to each country
    whole = [_tour_of(ev)] if tour else []
    destinations = [ev.host, *others]

    def taking_part(country: Entity) -> list[Entity]:
        """The visit's participants with its one destination, not the others'."""
        out: list[Entity] = []
        for p in ev.participants:
            p = country if p in destinations else p
            if p not in out:
                out.append(p)
        return out

    legs = [
        replace(
            ev,
            host=c,
            place=cities.get(id(c)),
            date=_date_of_a_leg(ev),
            participants=taking_part(c),
            sentences=set(ev.sentences),
            distinct=c.key,
        )
        for c in others
    ]
    ev.participants = taking_part(ev.host)
    return whole + [ev] + legs


def to_the_countries_told(r: EventReader, ev: Event) -> list[Event]:
    """ "At the invitation of the prime ministers of A and B, X will pay official visits to
    the two countries": a visit to each of the two countries its sentence named before it
    (the visitor's own left out)."""
    if ev.kind != "visit" or ev.host is not None or not _to_the_two_countries(ev.trigger):
        return [ev]
    sent, home = ev.sentence, ev.guest_country
    told: list[Entity] = []
    for t in ev.sentence.doc[sent.start : ev.trigger.i]:
        e = r.entity(t)
        if e is not None and e.kind == COUNTRY and e is not home and e not in told:
            told.append(e)
    if len(told) != 2:
        return [ev]
    return [
        replace(ev, host=c, participants=[*ev.participants, c], sentences=set(ev.sentences))
        for c in told
    ]


def _to_the_two_countries(tok: Token) -> bool:
    """Whether a visit is "to the two countries" ("both countries")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(
            p.lemma_.lower() == "country" and any(n.lower_ in ("two", "both") for n in p.children)
            for p in c.children
        )
        for c in tok.children
    )


def _listed_after(r: EventReader, p: Token) -> list[Token]:
    """ "to Jakarta, Kuala Lumpur and Singapore" when the parser joins no list: the places
    written right after p, one after each comma up to the one after "and"."""
    doc, out = p.doc, []
    i, e = p.i, r.entity(p)
    while e is not None:
        while i < len(doc) and r.entity(doc[i]) is e:
            i += 1  # past the place's own words
        sep = doc[i].lower_ if i < len(doc) else ""
        if sep not in (",", "and"):
            break
        j = i + 1 + (sep == "," and i + 1 < len(doc) and doc[i + 1].lower_ == "and")
        e = r.entity(doc[j]) if j < len(doc) else None
        if e is None or e.kind not in (COUNTRY, PLACE):
            break
        out.append(doc[j])
        i = j
        if doc[j - 1].lower_ == "and":
            break  # the last of the list
    return out


def _country_told(r: EventReader, e: Entity | None) -> Entity | None:
    """The country a destination names: itself, or a town's or site's country."""
    if e is None or e.kind not in (COUNTRY, PLACE):
        return None
    return e if e.kind == COUNTRY else r.country_of(e)


def _date_of_a_leg(ev: Event) -> DateValue | None:
    """ "will travel to A, B and C next week", then "arriving in A's capital on Sunday": the
    day told again of the first destination is no day of the other legs, which keep its
    month."""
    d = ev.date
    if d is None or d.precision != "day" or d.end is not None or not ev.told_at:
        return d
    return DateValue(d.value[:7], "month")


def _tour_of(ev: Event) -> Event:
    """The tour a visit of several countries makes: no host of its own, its visitor."""
    people = [p for p in ev.participants if p.kind != COUNTRY]
    guest = [ev.guest] if ev.guest is not None and not people else []
    return replace(
        ev,
        host=None,
        place=None,
        participants=people or guest,
        sentences=set(ev.sentences),
        distinct="tour",
    )
