"""The values the date patterns denote (a day, a month, a year, a week's month) and the
choice among the years a date written without one may be in, by the tense of its clause
(values/dates.py's docstring gives the rules)."""

from __future__ import annotations

import datetime as dt

from communique.mapping.values import calendar_days
from communique.mapping.values.dates.value import DateValue, Tense

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def day_value(d: dt.date, end: dt.date | None = None) -> DateValue:
    return DateValue(d.isoformat(), "day", end.isoformat() if end else None)


def month_value(year: int, month: int, end: tuple[int, int] | None = None) -> DateValue:
    return DateValue(
        f"{year:04d}-{month:02d}", "month", f"{end[0]:04d}-{end[1]:02d}" if end else None
    )


def year_value(year: int, end: int | None = None) -> DateValue:
    return DateValue(f"{year:04d}", "year", f"{end:04d}" if end else None)


def week_value(day: dt.date) -> DateValue | None:
    """ "earlier this week" on Friday 4 October may be Monday 30 September: the year."""
    found = calendar_days.week_in(day)
    return None if found is None else month_value(*found) if found[1] else year_value(found[0])


def month_no(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def pick(candidates: list[tuple[int, object]], tense: Tense) -> object | None:
    """Choose among (signed distance from the article date, value) by the tense rule."""
    if tense == "past":
        past = [c for c in candidates if c[0] <= 0]
        return max(past, key=lambda c: c[0])[1] if past else None
    if tense == "future":
        future = [c for c in candidates if c[0] >= 0]
        return min(future, key=lambda c: c[0])[1] if future else None
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1] if candidates else None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day(month: int, day: int, ref: dt.date, tense: Tense) -> dt.date | None:
    options = [safe_date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return pick([((d - ref).days, d) for d in options if d], tense)  # type: ignore[return-value]


def month_only(month: int, ref: dt.date, tense: Tense) -> tuple[int, int] | None:
    here = ref.year * 12 + ref.month
    options = [(y * 12 + month - here, (y, month)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return pick(options, tense)  # type: ignore[return-value]


def day_of_a_month_near(day: int, ref: dt.date, tense: Tense) -> dt.date | None:
    """ "on the 4th": that day of the article's month, the one before or the one after."""
    options = []
    for shift in (-1, 0, 1):
        d = safe_date(*calendar_days.add_months(ref.year, ref.month, shift), day)
        if d:
            options.append(((d - ref).days, d))
    return pick(options, tense)  # type: ignore[return-value]
