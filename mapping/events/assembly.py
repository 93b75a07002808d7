"""The article's events from its event mentions: the tellings of one event merged
(events/coreference.py), nested in the visit they happened during (events/links.py), split
by partner and destination (events/several.py), each given a host and parties."""

from __future__ import annotations

import datetime as dt

from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.events import parties, several, sides, tense, tour_legs
from communique.mapping.events.base import Event
from communique.mapping.events.context import (
    date_plans_of_visits,
    fold_signing_ceremonies,
    inherit_dates,
)
from communique.mapping.events.coreference import merge
from communique.mapping.events.links import dated_sentence, nest
from communique.mapping.events.reader import EventReader
from communique.mapping.events.sentence_dates import sentence_dates
from communique.mapping.events.slots import of_objects
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON
from communique.mapping.nlp.language import sentence_of
from communique.mapping.values.dates.value import DateValue


def link_events(
    r: EventReader, mentions: list[Event], *, ref: dt.date, dateline_date: DateValue | None
) -> list[Event]:
    """Within-article event coreference: the tellings of one event merged into it (by type,
    participants, date and place), then nested in the visit they happened during, split by
    partner and destination, each with a host and parties."""
    return _linked(r, r.ents, mentions, ref, dateline_date)


def _linked(
    r: EventReader,
    ents: ArticleEntities,
    events: list[Event],
    ref: dt.date,
    dateline_date: DateValue | None,
) -> list[Event]:
    """The events merged, nested and split by partner and destination, each with a host
    and parties."""
    inherit_dates(events)
    events = fold_signing_ceremonies(merge(events, ref, r.country_of))
    # the day a "has held" lede is filed on, before nesting: the frame it is told in and
    # what the article reports with no day of its own share it
    for ev in events:
        if ev.date is None and ev.filed_day is not None:
            ev.date, ev.dateline_day = ev.filed_day, True
    nest(events, ref, dateline_date)
    date_plans_of_visits(events)
    _date_visits_under_way(events, ref, dateline_date)
    sides.heads_of_sides(r, events)
    events = [part for ev in events for part in several.one_per_partner(r, ev)]
    events = [part for ev in events for part in several.one_per_destination(r, ev)]
    events = [part for ev in events for part in several.to_the_countries_told(r, ev)]
    events = tour_legs.legs_told_again(tour_legs.one_tour(events))
    _hosts_of_visits_under_way(r, events)
    _hosts_of_site_visits(r, events)
    main = [ents.country(iso3) for iso3 in ents.main_countries()]
    for ev in events:
        if (
            ev.kind in ("summit", "meeting")
            and ev.host is None
            and (
                any(p.kind == ORG for p in ev.participants)
                or not any(p.kind == PERSON for p in ev.participants)
            )
        ):
            # a multilateral gathering, or one told without its people ("the next session
            # of the commission, to be held in Lusaka"), is hosted where it takes place
            ev.host = (
                parties.hosted_by(r, ev.trigger)
                or r.country_of(ev.place)
                or parties.country_in(r, ev.trigger)
            )
        if not ev.participants and not _generic(ev):
            countries = [e for e in r.sentence_entities(ev.sentence) if e.kind == COUNTRY]
            ev.participants = (
                _countries_it_is_of(r, ev) or countries[:2] or [c for c in main if c is not None]
            )
    _date_statements_of_the_day(events, ref, dateline_date)
    # an intended signing or statement is no event yet (its agreement is still recorded);
    # but a signing to be witnessed is a ceremony on the programme
    return [
        e
        for e in events
        if e.participants
        and not e.unnamed_speaker
        and not (e.scheduled and e.group in ("sign", "statement") and not _witnessed(e))
    ]


def _date_statements_of_the_day(
    events: list[Event], ref: dt.date, dateline_date: DateValue | None
) -> None:
    """ "the ministry said in a statement", with no day told: a statement a story reports
    is made public on the day it is filed, as its dateline gives it."""
    for ev in events:
        if ev.kind == "statement" and ev.date is None and not ev.scheduled:
            ev.date, ev.dateline_day = _filed_on(ref, dateline_date), True


def _date_visits_under_way(
    events: list[Event], ref: dt.date, dateline_date: DateValue | None
) -> None:
    """ "X, who is in Y for talks", "X is paying a visit to Y": a visit told in the present
    that nothing else dates is under way on the day the story is filed."""
    for ev in events:
        if ev.kind != "visit" or ev.date is not None or ev.scheduled:
            continue
        doc = ev.trigger.doc
        # (not one told with a time of its own: "on a visit until Saturday")
        if any(
            tense.under_way(t) and not sentence_dates(sentence_of(doc, t.i), ref)
            for t in (doc[i] for i in {ev.trigger.i} | ev.told_at)
        ):
            ev.date = _filed_on(ref, dateline_date)


def _filed_on(ref: dt.date, dateline_date: DateValue | None) -> DateValue:
    """The day the story is filed: its dateline's, else the article's."""
    return dateline_date or DateValue(ref.isoformat(), "day")


def _witnessed(ev: Event) -> bool:
    """ "will witness the signing of agreements": a signing told (once at least) as what is
    witnessed."""
    doc = ev.trigger.doc
    return any(
        (tok := doc[i]).pos_ == "NOUN"
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() == "witness"
        for i in {ev.trigger.i} | ev.told_at
    )


def _countries_it_is_of(r: EventReader, ev: Event) -> list[Entity]:
    """ "the trilateral meeting of A, B and C", "a summit of A, B, C and D": every country
    a gathering told without its people is of (not the first two its sentence names)."""
    if ev.group not in ("meet", "summit") or ev.trigger.pos_ != "NOUN":
        return []
    return r.entities_at(of_objects(ev.trigger), (COUNTRY,), expand=True)


def _generic(ev: Event) -> bool:
    """ "Europe cannot be a spectator in peace talks": talks of no one, no time and no
    place, named by a bare plural, are a kind of event, not one held."""
    tok = ev.trigger
    return (
        # (its own sentence's time, not one it took from the story's day)
        not dated_sentence(ev)
        and ev.place is None
        and tok.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    )


def _hosts_of_visits_under_way(r: EventReader, events: list[Event]) -> None:
    """ "X hosted his counterpart Y in Nairobi ... Y, who is on a state visit": a visit under
    way told without a destination is made where its guest's encounter of that day took
    place, else to the country of the one person the guest met there."""
    # (a guest of no country told: the story's own country, where it is filed, is theirs:
    # "OTTAWA — Prime Minister X met President Y in Mexico City ... X's visit")
    filed = r.country_of(r.here) if r.here is not None else None
    for v in events:
        if v.kind != "visit" or v.host is not None or v.guest is None or v.scheduled:
            continue
        home = r.country_of(v.guest) or filed
        for e in events:
            if e.group != "meet" or e.scheduled or v.guest not in e.participants:
                continue
            if v.date is not None and e.date is not None and not v.date.covers(e.date):
                continue
            others = [p for p in e.participants if p.kind == PERSON and p is not v.guest]
            where = r.country_of(e.place) if e.place is not None else None
            if where is None and len(others) == 1:
                where = r.country_of(others[0])
            if where is not None and home is not None and where is not home:
                v.host = where
                break


def _hosts_of_site_visits(r: EventReader, events: list[Event]) -> None:
    """ "X arrived in Dushanbe on a visit ... He also visited the Rogun plant": a site of no
    country told, visited by the guest of one visit to a country, is in that country."""
    for v in events:
        if v.kind != "visit" or v.host is not None or v.guest is None:
            continue
        if v.place is not None and r.country_of(v.place) is not None:
            continue  # (a town or a venue whose country is told: its own)
        if v.place is None and not _visits_a_thing(r, v):
            continue
        hosts = {
            id(w.host): w.host
            for w in events
            if w.kind == "visit" and w.guest is v.guest and w.host is not None and w is not v
        }
        if len(hosts) == 1:
            v.host = next(iter(hosts.values()))


def _visits_a_thing(r: EventReader, v: Event) -> bool:
    """ "visited the hydroelectric power plant": the object visited is no entity told."""
    return v.trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.i not in r.by_token for c in v.trigger.children
    )
