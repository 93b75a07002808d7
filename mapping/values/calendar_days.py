"""Which day a weekday or a weekend named without a date is, from the article's day (the rules
are those of mapping/values/dates.py's docstring), and the calendar arithmetic of counted
units ("two years ago", "a month later") that dates/patterns.py and events/later_dates.py
share."""

from __future__ import annotations

import datetime as dt
from typing import Literal

Tense = Literal["past", "future"] | None

# the words of a small count before a unit of time ("two years ago", "a month later")
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
COUNT_WORDS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) `delta` months after (before, if negative) the one given."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_BACK = {"last", "past", "previous"}
_ON = {"next", "coming"}


def weekday(name: str, ref: dt.date, tense: Tense, modifier: str | None) -> dt.date:
    """ "Friday", "last Friday", "next Friday" told in an article of day ref."""
    wd = _WEEKDAYS.index(name[:3].lower())
    back = (ref.weekday() - wd) % 7
    forward = (wd - ref.weekday()) % 7
    if modifier == "last":
        return ref - dt.timedelta(days=back or 7)
    if modifier == "next":
        return ref + dt.timedelta(days=forward or 7)
    if modifier == "this":
        # the day of the article's week (Monday first), unless the tense says it lies the
        # other way: "received X this Monday" in a Wednesday's article was two days before
        day = ref + dt.timedelta(days=wd - ref.weekday())
        if tense == "past" and day > ref:
            return day - dt.timedelta(days=7)
        if tense == "future" and day < ref:
            return day + dt.timedelta(days=7)
        return day
    if tense == "future":
        return ref + dt.timedelta(days=forward)
    return ref - dt.timedelta(days=back)


def weekend(ref: dt.date, rel: str | None, tense: Tense) -> dt.date:
    """The Saturday of "the weekend", "last weekend": the one nearest the article unless the
    words or the tense say otherwise (the current one when the article is of a weekend day)."""
    rel = (rel or "").lower()
    sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # the latest on or before ref
    ended = (ref - sat).days - 1  # days since that weekend ended (0 or less: within it)
    week = dt.timedelta(days=7)
    if rel in _BACK:
        return sat - week if ended <= 0 else sat
    if rel in _ON or (rel == "this" and ended > 0):
        return sat + week
    if rel or ended <= 0 or tense == "past":
        return sat
    if tense == "future":
        return sat + week
    return sat + week if 6 - ended < ended else sat  # ties go to the past


def week_in(day: dt.date) -> tuple[int, int | None] | None:
    """The year and month the working days (Monday to Friday) of the day's week lie in; the
    month None when they run into the next month, and None when into the next year."""
    monday = day - dt.timedelta(days=day.weekday())
    friday = monday + dt.timedelta(days=4)
    if monday.year != friday.year:
        return None
    return monday.year, monday.month if monday.month == friday.month else None
