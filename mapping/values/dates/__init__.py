"""Date expressions resolved against the article's date, with the precision the text gives.

Rules (news convention; `tense` lets a caller who knows the verb's tense override them):
- A day or month without a year ("Jan. 29", "in November") is the occurrence nearest to
  the article date, so "December" in a January article is the previous December and
  "Jan. 29" in an article of Jan. 30 is the day before; ties go to the past. With
  tense="past" it is the latest on or before the article date, with "future" the earliest
  on or after it.
- A weekday ("on Friday", "late Monday", "Sunday night") is the latest such day on or
  before the article date, the article's own day included (an article dated Friday that
  says "on Friday" means that day); tense="future" gives the next on or after it.
  "last Friday" is strictly before the article date, "next Friday" strictly after.
  "At the weekend" is its Saturday to Sunday, the weekend nearest the article date.
- "last week" / "next week" have month precision (a week is not a day): the month its working
  days (Monday to Friday, 7 days before or after the article date) lie in, else their year.
  "last month", "last year", "December last year" are read as month and year.
- Periods inside a year ("the end of 2023", "the 11 months of 2023", "mid-2023") give the
  year; vague expressions ("in 2-3 years", "the near future", "soon") give None: never a guess.

The patterns and what each denotes are in values/dates/patterns.py, the value in
values/dates/value.py; this package applies them to an expression or to running text.
"""

from __future__ import annotations

import datetime as dt
import re

from communique.mapping.values.dates.needs import Needs, any_date
from communique.mapping.values.dates.patterns import (
    NEEDS,
    PATTERNS,
    bare_season,
    bare_weekend,
    month_alone,
    the_month,
    the_year,
    year_only,
)
from communique.mapping.values.dates.value import DateValue, Tense

_LEAD = re.compile(
    r"^(?:(?:on|in|at|since|by|until|till|from|of|for|during|as\s+of|before|after|the|"
    r"early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|\w+\s+months?\s+of|between|"
    r"first\s+half\s+of|second\s+half\s+of|(?:first|second|third|fourth)\s+quarter\s+of)[\s-]+)+",
    re.IGNORECASE,
)


def resolve_date(text: str, ref: dt.date, *, tense: Tense = None) -> DateValue | None:
    """The date a whole expression (e.g. a spaCy DATE entity) denotes, or None if unknown."""
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()")
    text = _LEAD.sub("", text).strip()
    if text.isupper():  # a dateline's capitals ("JUNE 3", "AUG 30")
        text = text.title()
    for pattern, handler in PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return handler(m, ref, tense)
    return None


# A bare month or year is a date only after one of these words (else "May" is a verb,
# "March" a noun and "2021" perhaps a count).
_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|of|during|before|after|early|late|mid|last|"
    r"next|this|end|beginning|start|for|through|between|to)[\s-]+)$"
)


# "the year" and "the month" are the article's only as the frame of a part of them ("the end
# of the year").
_WITHIN = re.compile(r"(?i:\b(?:end|beginning|start|middle|half|quarter|rest)\s+of\s+)$")


def find_dates(text: str, ref: dt.date, *, tense: Tense = None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in a sentence: (start, end, value), left to right, no overlaps."""
    low = text.lower()
    if not any_date(text, low):
        return []
    found: list[tuple[int, int, DateValue]] = []
    # characters already part of a date: checking a match costs its length, not the number
    # of dates found before it (a long sentence may hold hundreds)
    taken = bytearray(len(text))
    held: dict[Needs, bool] = {}  # NEEDS: whether the text holds each
    for pattern, handler in PATTERNS:  # most specific first
        if handler in (bare_season, bare_weekend):
            continue  # in running text a season needs its "in the": the rule above
        needs = NEEDS[pattern]
        if needs not in held:
            held[needs] = needs(text, low)
        if not held[needs]:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if taken.find(1, start, end) >= 0:
                continue
            if handler in (month_alone, year_only) and not _ends_with(_CONTEXT, text, start):
                continue
            if handler in (the_year, the_month) and not _ends_with(_WITHIN, text, start):
                continue
            value = handler(m, ref, tense)
            if value is not None:
                found.append((start, end, value))
                taken[start:end] = b"\x01" * (end - start)
    return _in_the_year_after(text, sorted(found, key=lambda f: f[0]))


_RELATIVE_YEAR = re.compile(r"\s*,?\s*(?:last|next|this)\s+year\b")


def _in_the_year_after(
    text: str, found: list[tuple[int, int, DateValue]]
) -> list[tuple[int, int, DateValue]]:
    """ "on May 4 last year": a day or month and the year told right after it are one date
    (the day of that year, not of the nearest one)."""
    out: list[tuple[int, int, DateValue]] = []
    for start, end, value in found:
        if out and value.precision == "year" and not value.end:
            s0, e0, day = out[-1]
            if (
                day.precision in ("day", "month")
                and not day.end
                and (_RELATIVE_YEAR.fullmatch(text, e0, end))
            ):
                out[-1] = (s0, end, DateValue(value.value + day.value[4:], day.precision))
                continue
        out.append((start, end, value))
    return out


# _CONTEXT and _WITHIN are a word of at most 9 letters, then spaces and perhaps "of": a
# match ending at a date starts a few characters before it unless that gap is long
_REACH = 64
_GAP = re.compile(r"[\s-]*(?:of|f)?[\s-]*")


def _ends_with(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether `pattern` (anchored with $) matches `text[:end]`, reading only its tail."""
    lo = max(0, end - _REACH)
    if pattern.search(text, lo, end):
        return True  # (the search sees the characters before lo, as a lookbehind needs)
    if lo and _GAP.fullmatch(text, lo + 10, end):
        return bool(pattern.search(text, 0, end))  # a gap too long for the window
    return False
