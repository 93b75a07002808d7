"""The date expressions, one pattern each, most specific first, with what each denotes on the
article's day: "Jan. 29", "29-31 January 2024", "March 2021", "last week", "next spring", "at
the weekend", "two years ago". The rules for a date written without its year, and the calendar
arithmetic they need, are those of values/dates.py's docstring; that module applies the
patterns to a whole expression or to running text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from communique.mapping.values import calendar_days
from communique.mapping.values.calendar_days import COUNT_WORDS, add_months, weekday, weekend
from communique.mapping.values.dates.needs import (
    AGO,
    DEICTIC,
    DIGIT,
    MONTH,
    PERIOD,
    SEASON,
    WEEKDAY,
    WEEKEND,
    YEAR,
    Needs,
)
from communique.mapping.values.dates.value import DateValue, Tense

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _day(d: dt.date, end: dt.date | None = None) -> DateValue:
    return DateValue(d.isoformat(), "day", end.isoformat() if end else None)


def _month(year: int, month: int, end: tuple[int, int] | None = None) -> DateValue:
    return DateValue(
        f"{year:04d}-{month:02d}", "month", f"{end[0]:04d}-{end[1]:02d}" if end else None
    )


def _year(year: int, end: int | None = None) -> DateValue:
    return DateValue(f"{year:04d}", "year", f"{end:04d}" if end else None)


def _week(day: dt.date) -> DateValue | None:
    """ "earlier this week" on Friday 4 October may be Monday 30 September: the year."""
    found = calendar_days.week_in(day)
    return None if found is None else _month(*found) if found[1] else _year(found[0])


def _month_no(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _pick(candidates: list[tuple[int, object]], tense: Tense) -> object | None:
    """Choose among (signed distance from the article date, value) by the tense rule."""
    if tense == "past":
        past = [c for c in candidates if c[0] <= 0]
        return max(past, key=lambda c: c[0])[1] if past else None
    if tense == "future":
        future = [c for c in candidates if c[0] >= 0]
        return min(future, key=lambda c: c[0])[1] if future else None
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1] if candidates else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, ref: dt.date, tense: Tense) -> dt.date | None:
    options = [_safe_date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return _pick([((d - ref).days, d) for d in options if d], tense)  # type: ignore[return-value]


def _month_only(month: int, ref: dt.date, tense: Tense) -> tuple[int, int] | None:
    here = ref.year * 12 + ref.month
    options = [(y * 12 + month - here, (y, month)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return _pick(options, tense)  # type: ignore[return-value]


# --- the patterns -------------------------------------------------------------------------
M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"
)
# A month standing alone must be written in full ("Jan" is also a first name).
M_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?![A-Za-z])"
)
D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
Y = r"(?:19|20)\d\d(?!\d)"
# (in any case: hurried copy writes "on monday", and no other word is spelt so)
WD = r"(?i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
DASH = r"\s*(?:-|–|—|to|and|through|until)\s*"
REL = r"(?i:last|this|next|previous|coming|past)"
PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"

Handler = Callable[[re.Match[str], dt.date, Tense], DateValue | None]
PATTERNS: list[tuple[re.Pattern[str], Handler]] = []
# What a text must hold for a pattern to match in it (values/dates/needs.py)
NEEDS: dict[re.Pattern[str], Needs] = {}


def _rule(pattern: str, needs: Needs) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        compiled = re.compile(pattern)
        PATTERNS.append((compiled, fn))
        NEEDS[compiled] = needs
        return fn

    return register


def _num(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


@_rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", DIGIT)
def _iso(m, ref, tense):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d) if d else None


@_rule(
    rf"\b(?:{WD},?\s+)?(?P<m1>{M})\s*(?P<d1>{D}){DASH}(?:(?P<m2>{M})\s*)?(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
@_rule(
    rf"\b(?P<d1>{D})(?:\s+(?P<m1>{M}))?{DASH}(?P<d2>{D})\s+(?:of\s+)?(?P<m2>{M})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
def _day_range(m, ref, tense):
    m1 = _month_no(m["m1"] or m["m2"])
    m2 = _month_no(m["m2"] or m["m1"])
    d1, d2 = _num(m["d1"]), _num(m["d2"])
    if m["y"]:
        start, end = _safe_date(int(m["y"]), m1, d1), _safe_date(int(m["y"]), m2, d2)
    else:
        start, end = _range_in_year(m1, d1, m2, d2, ref, tense) or (None, None)
    return _day(start, end) if start and end and end > start else None


def _range_in_year(
    m1: int, d1: int, m2: int, d2: int, ref: dt.date, tense: Tense
) -> tuple[dt.date, dt.date] | None:
    """A range of days without its year, by the rule of a day alone; in the future tense
    a range under way on the article's day is that one ("is leading a mission from the
    15th to the 18th", told on the 17th), not next year's."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        start, end = _safe_date(y, m1, d1), _safe_date(y + (m2 < m1), m2, d2)
        if start and end:
            options.append((((end if tense == "future" else start) - ref).days, (start, end)))
    return _pick(options, tense)  # type: ignore[return-value]


@_rule(
    rf"\b(?:{WD},?\s+)?(?P<m1>{M})\s*(?P<d1>{D})(?:,?\s+(?P<y>{Y}))?(?!\s*[-–]\s*\d|\s*%)",
    MONTH,
)
@_rule(
    rf"\b(?:{WD},?\s+)?(?:the\s+)?(?P<d1>{D})\s+(?:of\s+)?(?P<m1>{M})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
def _full_date(m, ref, tense):
    month, day = _month_no(m["m1"]), _num(m["d1"])
    d = _safe_date(int(m["y"]), month, day) if m["y"] else _month_day(month, day, ref, tense)
    return _day(d) if d else None


@_rule(rf"\b(?P<m1>{M})\s*[-–/]\s*(?P<m2>{M}),?\s+(?P<y>{Y})", MONTH)
def _month_range(m, ref, tense):
    y, m1, m2 = int(m["y"]), _month_no(m["m1"]), _month_no(m["m2"])
    return _month(y, m1, (y, m2)) if m2 > m1 else None


@_rule(rf"\b(?P<m1>{M}),?\s+(?:of\s+)?(?P<y>{Y})", MONTH)
def _month_year(m, ref, tense):
    return _month(int(m["y"]), _month_no(m["m1"]))


@_rule(
    rf"\b(?P<m1>{M})\s+(?:of\s+)?(?:the\s+)?(?P<rel>(?i:last|this|next|previous|current))\s+year\b",
    MONTH,
)
def _month_rel_year(m, ref, tense):
    shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[m["rel"].lower()]
    return _month(ref.year + shift, _month_no(m["m1"]))


@_rule(rf"\b(?P<y1>{Y})\s*(?:-|–|—|/|to|and)\s*(?P<y2>{Y}|\d\d(?![\d%]|\s*percent))", DIGIT)
def _year_range(m, ref, tense):
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < 100:
        y2 += y1 // 100 * 100
    return _year(y1, y2) if y2 > y1 else None


@_rule(rf"(?<![\d$€£¥.,])\b(?P<y>{Y})\b(?!\s*%|[.,]\d)", DIGIT)
def year_only(m, ref, tense):
    return _year(int(m["y"]))


@_rule(rf"\b(?P<rel>(?i:last|previous|next|coming|this))\s+(?P<m1>{M_FULL})(?!\s*\d)", MONTH)
def _month_rel(m, ref, tense):
    """ "last November": the latest November strictly before the article's month; "next
    March" the earliest strictly after; "this May" the article year's."""
    rel, month = m["rel"].lower(), _month_no(m["m1"])
    if rel == "this":
        return _month(ref.year, month)
    if rel in ("last", "previous"):
        return _month(ref.year - (month >= ref.month), month)
    return _month(ref.year + (month <= ref.month), month)


@_rule(rf"\b(?P<m1>{M_FULL})(?!\s*\d)", MONTH)
def month_alone(m, ref, tense):
    picked = _month_only(_month_no(m["m1"]), ref, tense)
    return _month(*picked) if picked else None


@_rule(rf"\b(?:(?P<mod>{REL})\s+)?(?P<wd>{WD}){PART}\b", WEEKDAY)
def _weekday_rule(m, ref, tense):
    mod = m["mod"].lower() if m["mod"] else None
    if mod in {"previous", "past"}:
        mod = "last"
    if mod == "coming":
        mod = "next"
    return _day(weekday(m["wd"], ref, tense, mod))


@_rule(
    r"\b(?i:(?P<word>yesterday|today|tonight|tomorrow)|this\s+(?:morning|afternoon|evening)"
    r"|(?<!the\s)(?<!The\s)(?P<last>last\s+(?:night|evening)))\b",
    DEICTIC,
)
def _deictic(m, ref, tense):
    shift = -1 if m["last"] else {"yesterday": -1, "tomorrow": 1}.get((m["word"] or "").lower(), 0)
    return _day(ref + dt.timedelta(days=shift))


_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


@_rule(
    rf"\b(?i:(?:in|during|by|for)\s+(?:the\s+)?(?:(?:early|late)\s+)?|(?P<rel>this|next|last)\s+)"
    rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<y>{Y}))?\b",
    SEASON,
)
@_rule(rf"\b(?P<season>(?i:spring|summer|autumn|winter))\s+(?:of\s+)?(?P<y>{Y})\b", SEASON)
def _season(m, ref, tense):
    """ "in (early) autumn", "next spring", "summer 2025": the year, as a season lets."""
    groups = m.groupdict()
    if groups.get("y"):
        return _year(int(groups["y"]))
    rel = (groups.get("rel") or "").lower()
    shift = {"next": 1, "last": -1}.get(rel, 0)
    if not rel and tense == "future" and ref.month > _SEASON_END[m["season"].lower()]:
        shift = 1  # a plan for "the spring" told in the autumn: the next one
    return _year(ref.year + shift)


@_rule(r"^(?P<season>(?i:spring|summer|autumn|fall|winter))$", SEASON)
def bare_season(m, ref, tense):
    """A season alone, as `resolve_date` sees "in the autumn" once its lead is cut."""
    return _season(m, ref, tense)


@_rule(
    r"\b(?i:(?:at|over|on|during|by)\s+the\s+|(?P<rel>this|last|next|past|previous|coming)\s+)"
    r"(?i:weekend)\b",
    WEEKEND,
)
def _weekend(m, ref, tense):
    sat = weekend(ref, m.groupdict().get("rel"), tense)
    return _day(sat, sat + dt.timedelta(days=1))  # its Saturday and Sunday


@_rule(r"^(?i:weekend)$", WEEKEND)
def bare_weekend(m, ref, tense):
    """ "the weekend" as `resolve_date` sees "at the weekend" once its lead is cut."""
    return _weekend(m, ref, tense)


@_rule(r"\b(?i:(?:the\s+)?(?:current\s+)?year)\b", YEAR)
def the_year(m, ref, tense):
    return _year(ref.year)  # "by the end of the year": the article's year


@_rule(rf"\b(?P<rel>{REL})\s+(?P<unit>(?i:week|month|year))\b", PERIOD)
def _relative_period(m, ref, tense):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past":
        return None  # "over the past year" is a duration, not a date
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        return _week(ref + dt.timedelta(days=7 * shift))
    if unit == "month":
        return _month(*add_months(ref.year, ref.month, shift))
    return _year(ref.year + shift)


@_rule(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    AGO,
)
def _ago(m, ref, tense):
    n = COUNT_WORDS.get(m["n"], 7) if not m["n"].isdigit() else int(m["n"])
    if m["unit"] == "day":
        return _day(ref - dt.timedelta(days=n))
    if m["unit"] == "week":
        return _week(ref - dt.timedelta(days=7 * n))
    if m["unit"] == "month":
        return _month(*add_months(ref.year, ref.month, -n))
    return _year(ref.year - n)
