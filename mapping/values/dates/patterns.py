"""The date expressions, one pattern each, most specific first, with what each denotes on the
article's day: "Jan. 29", "29-31 January 2024", "March 2021", "last week", "next spring", "at
the weekend", "two years ago". The rules for a date written without its year, and the calendar
arithmetic they need, are those of values/dates.py's docstring; that module applies the
patterns to a whole expression or to running text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from communique.mapping.values.calendar_days import COUNT_WORDS, add_months, weekday, weekend
from communique.mapping.values.dates.denote import (
    day_of_a_month_near,
    day_value,
    month_day,
    month_no,
    month_only,
    month_value,
    pick,
    safe_date,
    week_value,
    year_value,
)
from communique.mapping.values.dates.needs import (
    ABBREVIATED_DAY,
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
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_value(d) if d else None


@_rule(
    rf"\b(?:{WD},?\s+)?(?P<m1>{M})\s*(?P<d1>{D}){DASH}(?:(?P<m2>{M})\s*)?(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
@_rule(
    rf"\b(?P<d1>{D})(?:\s+(?P<m1>{M}))?{DASH}(?P<d2>{D})\s+(?:of\s+)?(?P<m2>{M})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
def _day_range(m, ref, tense):
    m1 = month_no(m["m1"] or m["m2"])
    m2 = month_no(m["m2"] or m["m1"])
    d1, d2 = _num(m["d1"]), _num(m["d2"])
    if m["y"]:
        start, end = safe_date(int(m["y"]), m1, d1), safe_date(int(m["y"]), m2, d2)
    else:
        start, end = _range_in_year(m1, d1, m2, d2, ref, tense) or (None, None)
    return day_value(start, end) if start and end and end > start else None


def _range_in_year(
    m1: int, d1: int, m2: int, d2: int, ref: dt.date, tense: Tense
) -> tuple[dt.date, dt.date] | None:
    """A range of days without its year, by the rule of a day alone; in the future tense
    a range under way on the article's day is that one ("is leading a mission from the
    15th to the 18th", told on the 17th), not next year's."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        start, end = safe_date(y, m1, d1), safe_date(y + (m2 < m1), m2, d2)
        if start and end:
            options.append((((end if tense == "future" else start) - ref).days, (start, end)))
    return pick(options, tense)  # type: ignore[return-value]


@_rule(
    rf"\b(?:{WD},?\s+)?(?P<m1>{M})\s*(?P<d1>{D})(?:,?\s+(?P<y>{Y}))?(?!\s*[-–]\s*\d|\s*%)",
    MONTH,
)
@_rule(
    rf"\b(?:{WD},?\s+)?(?:the\s+)?(?P<d1>{D})\s+(?:of\s+)?(?P<m1>{M})(?:,?\s+(?P<y>{Y}))?",
    MONTH,
)
def _full_date(m, ref, tense):
    month, day = month_no(m["m1"]), _num(m["d1"])
    d = safe_date(int(m["y"]), month, day) if m["y"] else month_day(month, day, ref, tense)
    return day_value(d) if d else None


# "met on the 4th.", "on 12 th,": an ordinal day alone, its month the article's or one beside
# it; only after "on" and before a stop or comma ("on the 4th floor", "the 75th session": no)
@_rule(
    r"(?:\b(?i:on)\s+(?:the\s+)?|^)(?P<d1>[12]\d|3[01]|0?[1-9])\s?(?:st|nd|rd|th)\b(?=\s*[.,;]|\s*$)",
    DIGIT,
)
def _day_alone(m, ref, tense):
    picked = day_of_a_month_near(_num(m["d1"]), ref, tense)
    return day_value(picked) if picked else None


@_rule(rf"\b(?P<m1>{M})\s*[-–/]\s*(?P<m2>{M}),?\s+(?P<y>{Y})", MONTH)
def _month_range(m, ref, tense):
    y, m1, m2 = int(m["y"]), month_no(m["m1"]), month_no(m["m2"])
    return month_value(y, m1, (y, m2)) if m2 > m1 else None


@_rule(rf"\b(?P<m1>{M}),?\s+(?:of\s+)?(?P<y>{Y})", MONTH)
def _month_year(m, ref, tense):
    return month_value(int(m["y"]), month_no(m["m1"]))


@_rule(
    rf"\b(?P<m1>{M})\s+(?:of\s+)?(?:the\s+)?(?P<rel>(?i:last|this|next|previous|current))\s+year\b",
    MONTH,
)
def _month_rel_year(m, ref, tense):
    shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[m["rel"].lower()]
    return month_value(ref.year + shift, month_no(m["m1"]))


@_rule(rf"\b(?P<y1>{Y})\s*(?:-|–|—|/|to|and)\s*(?P<y2>{Y}|\d\d(?![\d%]|\s*percent))", DIGIT)
def _year_range(m, ref, tense):
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < 100:
        y2 += y1 // 100 * 100
    return year_value(y1, y2) if y2 > y1 else None


@_rule(rf"(?<![\d$€£¥.,])\b(?P<y>{Y})\b(?!\s*%|[.,]\d)", DIGIT)
def year_only(m, ref, tense):
    return year_value(int(m["y"]))


@_rule(rf"\b(?P<rel>(?i:last|previous|next|coming|this))\s+(?P<m1>{M_FULL})(?!\s*\d)", MONTH)
def _month_rel(m, ref, tense):
    """ "last November": the latest November strictly before the article's month; "next
    March" the earliest strictly after; "this May" the article year's."""
    rel, month = m["rel"].lower(), month_no(m["m1"])
    if rel == "this":
        return month_value(ref.year, month)
    if rel in ("last", "previous"):
        return month_value(ref.year - (month >= ref.month), month)
    return month_value(ref.year + (month <= ref.month), month)


@_rule(rf"\b(?P<m1>{M_FULL})(?!\s*\d)", MONTH)
def month_alone(m, ref, tense):
    picked = month_only(month_no(m["m1"]), ref, tense)
    return month_value(*picked) if picked else None


@_rule(rf"\b(?:(?P<mod>{REL})\s+)?(?P<wd>{WD}){PART}\b", WEEKDAY)
# ("on Thurs.", "on Fri.": a day abbreviated with its point, after "on" only)
@_rule(r"(?<=\b[Oo]n )(?P<wd>(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)", ABBREVIATED_DAY)
def _weekday_rule(m, ref, tense):
    mod = (m.groupdict().get("mod") or "").lower() or None
    if mod in {"previous", "past"}:
        mod = "last"
    if mod == "coming":
        mod = "next"
    return day_value(weekday(m["wd"], ref, tense, mod))


@_rule(
    r"\b(?i:(?P<word>yesterday|today|tonight|tomorrow)|this\s+(?:morning|afternoon|evening)"
    r"|(?<!the\s)(?<!The\s)(?P<last>last\s+(?:night|evening)))\b",
    DEICTIC,
)
def _deictic(m, ref, tense):
    shift = -1 if m["last"] else {"yesterday": -1, "tomorrow": 1}.get((m["word"] or "").lower(), 0)
    return day_value(ref + dt.timedelta(days=shift))


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
        return year_value(int(groups["y"]))
    rel = (groups.get("rel") or "").lower()
    shift = {"next": 1, "last": -1}.get(rel, 0)
    if not rel and tense == "future" and ref.month > _SEASON_END[m["season"].lower()]:
        shift = 1  # a plan for "the spring" told in the autumn: the next one
    return year_value(ref.year + shift)


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
    return day_value(sat, sat + dt.timedelta(days=1))  # its Saturday and Sunday


@_rule(r"^(?i:weekend)$", WEEKEND)
def bare_weekend(m, ref, tense):
    """ "the weekend" as `resolve_date` sees "at the weekend" once its lead is cut."""
    return _weekend(m, ref, tense)


@_rule(r"\b(?i:(?:the\s+)?(?:current\s+)?year)\b", YEAR)
def the_year(m, ref, tense):
    return year_value(ref.year)  # "by the end of the year": the article's year


# ("earlier in the week", "later in the year": this one)
@_rule(
    rf"\b(?:(?P<rel>{REL})|(?i:earlier|later)\s+in\s+the)\s+(?P<unit>(?i:week|month|year))\b",
    PERIOD,
)
def _relative_period(m, ref, tense):
    rel, unit = (m["rel"] or "this").lower(), m["unit"].lower()
    if rel == "past":
        return None  # "over the past year" is a duration, not a date
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        return week_value(ref + dt.timedelta(days=7 * shift))
    if unit == "month":
        return month_value(*add_months(ref.year, ref.month, shift))
    return year_value(ref.year + shift)


# (not "the month of Ramadan", nor "a month-long visit")
@_rule(r"\b(?i:the\s+(?:current\s+)?month)\b(?![-\w]|\s+of\b)", PERIOD)
def the_month(m, ref, tense):
    return month_value(ref.year, ref.month)  # "at the end of the month": the article's month


@_rule(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    AGO,
)
def _ago(m, ref, tense):
    n = COUNT_WORDS.get(m["n"], 7) if not m["n"].isdigit() else int(m["n"])
    if m["unit"] == "day":
        return day_value(ref - dt.timedelta(days=n))
    if m["unit"] == "week":
        return week_value(ref - dt.timedelta(days=7 * n))
    if m["unit"] == "month":
        return month_value(*add_months(ref.year, ref.month, -n))
    return year_value(ref.year - n)
