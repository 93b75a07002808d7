"""The legs of a tour told again: a listed leg retold with its day ("will visit A and B this
week ... will travel to B on Friday"), a visit to a leg's country retold without one ("He
will then travel to Amman"), and a tour told before as a visit without a destination ("X's
European visit")."""

from __future__ import annotations

from communique.mapping.events.base import Event
from communique.mapping.values.dates.value import DateValue


def legs_told_again(events: list[Event]) -> list[Event]:
    """ "X will visit A and B this week ... X will travel to B on Friday": the leg to B the
    list told is the visit to B told with its day, not one more."""
    events = [e for e in events if not _leg_told_again(e, events)]
    kept = []
    for e in events:
        if (leg := _leg_told_of(e, events)) is None:
            kept.append(e)
        else:  # (the leg takes the town its retelling names)
            leg.place = leg.place or e.place
            leg.sentences |= e.sentences
    return kept


def _a_leg(leg: Event) -> bool:
    """A leg one_per_destination split off a visit to several countries."""
    return (
        leg.kind == "visit"
        and leg.host is not None
        and leg.guest is not None
        and leg.distinct == leg.host.key
    )


def _leg_told_of(ev: Event, events: list[Event]) -> Event | None:
    """ "a tour to A, B and C from Thursday ... He will then travel to B's capital": the
    listed leg an undated visit to its country tells again, if any."""
    if ev.kind != "visit" or ev.date is not None or _a_leg(ev) or ev.guest is None:
        return None
    return next(
        (
            leg
            for leg in events
            if _a_leg(leg)
            and leg.host is ev.host
            and leg.guest is ev.guest
            and leg.scheduled == ev.scheduled
        ),
        None,
    )


def _leg_told_again(leg: Event, events: list[Event]) -> bool:
    if not _a_leg(leg):
        return False
    return any(
        o is not leg
        and o.kind == "visit"
        and o.host is leg.host
        and o.guest is leg.guest
        and o.scheduled == leg.scheduled
        and (leg.date is None or (o.date is not None and _within(o.date, leg.date)))
        for o in events
    )


def _within(date: DateValue, span: DateValue) -> bool:
    """Whether `date` falls inside `span`: its range, or the month or year it names."""
    return span.covers(date) or (
        span.precision in ("month", "year") and date.value.startswith(span.value)
    )


def one_tour(events: list[Event]) -> list[Event]:
    """A tour told before as a visit without a destination ("X's European visit") is that
    visit: the tour is not told twice."""
    hostless = {
        id(e.guest): e
        for e in events
        if e.kind == "visit" and e.host is None and e.distinct != "tour"
    }
    out = []
    for e in events:
        told = hostless.get(id(e.guest)) if e.distinct == "tour" else None
        if told is None:
            out.append(e)
        elif told.date is None:  # the tour's days are the visit's
            told.date, told.explicit_date = e.date, e.explicit_date
    for e in out:
        whole = hostless.get(id(e.guest))
        if e.kind == "visit" and e.host is not None and e.date is None and whole is not None:
            e.date = _month_of(whole.date)  # a leg of a tour within one month: that month
    return out


def _month_of(date: DateValue | None) -> DateValue | None:
    """The month a range of days lies in, if it lies in one."""
    if date is None or date.precision != "day" or date.end is None:
        return None
    if date.end[:7] != date.value[:7]:
        return None
    return DateValue(date.value[:7], "month")
