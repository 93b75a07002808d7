"""Whether two tellings' dates can be one event's, and which of two dates tells it finer:
what event coreference (events/coreference.py) asks before it merges two tellings."""

from __future__ import annotations

from communique.mapping.events.base import Event
from communique.mapping.events.retold import a_day_in
from communique.mapping.mentions.finder import ORG
from communique.mapping.values.dates.value import DateValue


def compatible_dates(a: Event, b: Event) -> bool:
    """No date, the same date, or a day within the other's month ("next week" and "on
    Sunday"); a year alone is too coarse to tell one event ("later this year")."""
    if a.date is None or b.date is None:
        return True
    if a.kind == b.kind == "visit" and (a_day_in(a.date, b.date) or a_day_in(b.date, a.date)):
        return True  # a day of a visit of several days ("arrived on Tuesday for two days")
    if a.group == b.group == "sign" and (a.dateline_day or b.dateline_day):
        return True  # "have signed" on the filing's day, then "was signed on Monday"
    if a.group == b.group and _days_before_the_filing(a, b):
        return True  # "MANILA, March 15 - X had talks ...", then "their talks on Friday"
    x, y = sorted((a.date.value, b.date.value), key=len)
    if len(x) == len("2025") and y.startswith(x) and _one_bodys_summits(a, b):
        return True  # "the X summit early next year", "the 14th X summit in April next year"
    return x == y or (len(x) == len("2025-03") and len(y) == len("2025-03-16") and y[:7] == x)


def _days_before_the_filing(a: Event, b: Event) -> bool:
    """One has only the dateline's day, the other a day of the week before it."""
    for filed, told in ((a, b), (b, a)):
        if filed.dateline_day and not told.dateline_day:
            f, t = filed.date.day, told.date.day
            if f is not None and t is not None and 0 <= (f - t).days <= 7:
                return True
    return False


def finer(date: DateValue | None, than: DateValue | None) -> bool:
    """Whether `date` tells the day (or month) that `than` tells more coarsely."""
    if date is None:
        return False
    return than is None or len(date.value) > len(than.value)


def _one_bodys_summits(a: Event, b: Event) -> bool:
    """Two summits of one body (a year told loosely, then its month)."""
    bodies = {id(p) for p in a.participants if p.kind == ORG}
    return a.group == b.group == "summit" and any(id(p) in bodies for p in b.participants)
