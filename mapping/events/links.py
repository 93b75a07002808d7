"""Nesting events: the events told during the visit an article reports are part of it and
share its setting; merging the tellings of one event is coreference.py's."""

from __future__ import annotations

import datetime as dt

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import Event, told_as_before, words
from communique.mapping.events.context import recent
from communique.mapping.events.date_owners import a_day_of
from communique.mapping.events.spoken_of import congratulated_on
from communique.mapping.events.tense import apart_in_time, told_before
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.nlp.language import sentences
from communique.mapping.values.dates.value import DateValue


def nest(events: list[Event], ref: dt.date, dateline_date: DateValue | None = None) -> None:
    """Events during the article's current visit are part of it and share its setting."""
    _part_of_what_they_name(events)
    _date_visits_by_their_sentences(events)
    candidates = [
        e
        for e in events
        if e.kind == "visit"
        and not e.scheduled
        and not told_as_before(e.trigger)
        and not e.distinct.startswith("site-")  # (a site seen is not the trip it was seen on)
        and (e.host is not None or e.guest is not None)
        and (e.date is None or recent(e.date, ref))
    ]
    candidates.sort(key=lambda e: (e.date is None or e.date.precision != "day", e.guest is None))
    main = candidates[0] if candidates else None
    lead = _lead(events)
    if main is not None and main.date is None:
        first = next(
            (
                e
                for e in events
                if e.date is not None
                and e.date.precision == "day"
                and not e.scheduled
                and e.kind != "visit"
                and main.guest in e.participants
            ),
            lead,
        )
        if first is not None:
            main.date = first.date
    if main is not None:
        for e in events:
            if e is main or e.kind == "visit" or e.scheduled:
                continue
            if e.explicit_date and main.date is not None and not main.date.covers(e.date):
                continue
            if e.date is not None and main.date is not None and _before(e.date, main.date):
                continue  # a date it shares with the event it frames, before the visit
            if e.explicit_date and main.date is None:
                continue
            _part_of(e, main, lead, dateline_date)
    frame = main if main is not None and main.date is not None else lead
    if frame is not None and frame.date is not None and frame.date.precision == "day":
        _on_the_main_day(events, frame.date)
    elif (day := _news_day(events, ref)) is not None:
        _on_the_main_day(events, day)


def _on_the_main_day(events: list[Event], day: DateValue) -> None:
    """What the article reports without a date of its own happened on its main day."""
    for e in events:
        # (a leg of a tour is told as done before the day reported: "has taken him to X")
        if (
            e.date is None
            and not e.scheduled
            and not dated_sentence(e)
            and e.distinct != "leg"
            and not told_as_before(e.trigger)  # ("her recent visits": before that day)
            and not told_before(e.trigger)  # ("the two had met in Geneva")
            and not apart_in_time(e.trigger)  # ("months after signing a deal")
            and not congratulated_on(e.trigger)  # (nor what the news congratulates on)
        ):
            e.date = day


def _news_day(events: list[Event], ref: dt.date) -> DateValue | None:
    """The one day of every event told as done on a given day, if there is one and it is
    near the article's: the news's day, when no visit or lede frames the story."""
    days = {
        e.date
        for e in events
        if e.date is not None
        and e.date.precision == "day"
        and e.date.end is None
        and not e.scheduled
    }
    if len(days) != 1:
        return None
    (day,) = days
    return day if recent(day, ref) else None


def _part_of_what_they_name(events: list[Event]) -> None:
    """ "the opening ceremony of the summit", "the signing ceremony of the forum": an event
    of another event told in the article is part of it, and on its day."""
    told = {i: e for e in events for i in ({e.trigger.i} | e.told_at)}
    for e in events:
        if e.part_of is not None or e.scheduled:
            continue
        for c in e.trigger.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            whole = next((told[p.i] for p in c.children if p.i in told), None)
            if whole is None or whole is e or whole.scheduled:
                continue
            e.part_of = whole
            if e.date is None and whole.date is not None and whole.date.end is None:
                e.date = whole.date
            e.host = e.host or whole.host
            e.place = e.place or whole.place
    for visit in events:
        if visit.kind == "visit":
            _purposes_of(visit, told)
    for e in events:
        _share_day_with_frame(e, told)


def _share_day_with_frame(e: Event, told: dict[int, Event]) -> None:
    """ "signed on the sidelines of the consultations": what happens on a gathering's
    sidelines happens while it sits, so the one dated dates the other."""
    doc = e.trigger.doc
    tellings = sorted({e.trigger.i} | e.told_at)
    whole = next((w for i in tellings if (w := _framing_event(doc[i], told)) is not None), None)
    if whole is None or whole is e or whole.scheduled != e.scheduled:
        return
    if whole.date is None and e.date is not None and e.date.end is None:
        whole.date = e.date
    elif e.date is None and whole.date is not None:
        e.date = whole.date


def _framing_event(tok, told: dict[int, Event]) -> Event | None:
    # "held talks on the sidelines of ...": the phrase may hang from the verb's object
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ != "prep":
            continue
        for frame in prep.children:
            if frame.lower_ not in words("sidelines"):
                continue
            of = _of_phrases([frame])
            # "the margins of the second round of the consultations": the round is the talks
            for _ in range(2):
                objects = [p for o in of for p in o.children if p.dep_ == "pobj"]
                if found := next((told[p.i] for p in objects if p.i in told), None):
                    return found
                of = _of_phrases(objects)
    return None


def _of_phrases(heads: list) -> list:
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"]


def _purposes_of(visit: Event, told: dict[int, Event]) -> None:
    """ "will visit Washington for a meeting with X", "travels to Toronto on Thursday to meet
    business leaders": the meeting is part of the visit, within its days; the one the
    visitor travels to hold has the visitor in it."""
    children = list(visit.trigger.children)
    named = [p for c in children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
    infinitives = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"]
    for p in named + infinitives:
        part = told.get(p.i)
        if part is None or part is visit:
            continue
        if part.scheduled != visit.scheduled and p not in infinitives:
            continue  # ("travels on Thursday to meet": an infinitive is a plan whatever its visit)
        part.part_of = part.part_of or visit
        if part.date is None and visit.date is not None and visit.date.end is None:
            part.date = visit.date
        guest = visit.guest
        if p in infinitives and guest is not None and guest.kind == PERSON:
            # (its own subject is the visitor's: the countries found for want of one go)
            others = [e for e in part.participants if e.kind in (PERSON, ORG) and e is not guest]
            part.participants = [guest, *others]


def _date_visits_by_their_sentences(events: list[Event]) -> None:
    """An undated visit takes the day of the first event of its sentence told with one (so
    do all of the sentence's undated visits, whichever of them is looked at first)."""
    first_day: dict[int, Event] = {}
    for e in events:
        if e.date is not None and e.date.precision == "day" and not _only_filed(e):
            first_day.setdefault(e.sentence.start, e)
    for v in events:
        # (a day that is only the filing's gives way: "has arrived in Oslo, where he will
        # take part in the summit from 3 to 5 May")
        undated = v.date is None or _only_filed(v)
        if v.kind == "visit" and undated and not v.scheduled and v.distinct != "leg":
            dated = first_day.get(v.sentence.start)
            if dated is not None:
                v.date = _first_day(v, dated.date)


def _only_filed(e: Event) -> bool:
    """Whether the event's day is only the one its story was filed on (events/lede.py)."""
    return e.filed_day is not None and e.date == e.filed_day


def _first_day(visit: Event, day: DateValue) -> DateValue | None:
    """The visit's first day, when `day` is one of it ("on Tuesday, on the second day of a
    state visit": Monday); None when which day of it is not said."""
    n = a_day_of(visit.trigger)
    if n is None or day.end is not None:
        return day
    if n == 0:
        return None
    first = dt.date.fromisoformat(day.value) - dt.timedelta(days=n - 1)
    return DateValue(first.isoformat(), "day")


def _part_of(e: Event, main: Event, lead: Event | None, dateline_date: DateValue | None) -> None:
    """e happened during the main visit: its day, host and place, and the visitor."""
    e.part_of = main
    if e.date is None and lead is not None and (lead is not main or lead.date.end is None):
        # the day the article reports, inside the visit ("made a working visit on
        # Wednesday": what the visitor then did was that Wednesday, whatever the
        # dateline's day)
        e.date = lead.date
    elif e.date is None and _during(dateline_date, main.date):
        e.date = dateline_date
    elif e.date is None and main.date is not None and main.date.precision == "day":
        e.date = main.date
    e.host = e.host or main.host
    e.guest_country = e.guest_country or main.guest_country
    if (
        main.guest is not None
        and main.guest not in e.participants
        # (two others who met during the visit are an encounter of their own: the host
        # receiving another envoy, the two ministers of the delegations)
        and sum(p.kind == PERSON for p in e.participants) < 2
        and (
            e.kind in ("meeting", "talks", "ceremony")
            # (a body's statement during the visit is the body's alone)
            or not any(p.kind == PERSON or _speaks(e, p) for p in e.participants)
        )
    ):
        # the visitor takes part in what happens during the visit
        e.participants.insert(0, main.guest)
    e.place = e.place or main.place


def _speaks(e: Event, p: Entity) -> bool:
    return e.kind == "statement" and p.kind == ORG


def _lead(events: list[Event]) -> Event | None:
    """The article's first dated past event, if it is told in its first sentences."""
    lead = next(
        (e for e in events if e.explicit_date and e.date.precision == "day" and not e.scheduled),
        None,
    )
    if lead is None or lead.sentence.start > _nth_sentence_start(lead.sentence, 2):
        return None
    return lead


def _nth_sentence_start(sent, n: int) -> int:
    for i, s in enumerate(sentences(sent.doc)):
        if i == n:
            return s.start
    return len(sent.doc)


def dated_sentence(e: Event) -> bool:
    """Whether its sentence names a time of its own ("in August", "last year")."""
    # (Span.ents looks through the doc's entities from the first: asked once a sentence)
    known = e.sentence.doc.user_data.setdefault("communique_dated_sentences", {})
    if e.sentence.start not in known:
        known[e.sentence.start] = any(ent.label_ == "DATE" for ent in e.sentence.ents)
    return known[e.sentence.start]


def _during(date: DateValue | None, visit: DateValue | None) -> bool:
    """Whether a dateline's day falls within a visit begun that day or a few days before."""
    if date is None or visit is None or date.precision != "day" or visit.precision != "day":
        return False
    start = dt.date.fromisoformat(visit.value)
    end = dt.date.fromisoformat(visit.end) if visit.end else start + dt.timedelta(days=3)
    return start <= dt.date.fromisoformat(date.value) <= end


def _before(date: DateValue, span: DateValue) -> bool:
    """Whether date ends before span begins, at the coarser of their precisions."""
    n = min(len(date.value), len(span.value))
    return date.value[:n] < span.value[:n]
