"""What a sentence must hold for a date pattern to match in it: one cheap test spares a
sentence the patterns whose words it lacks (most sentences name no month, season or
weekday), and `any_date` spares most sentences all of them.

A test is given the text and its lower-cased copy: substring searches of the copy are
case-blind and an order of magnitude faster than a case-blind regex of alternatives
("(?i)spring|summer|..." tries every branch at every character)."""

from __future__ import annotations

import re
from collections.abc import Callable

Needs = Callable[[str, str], bool]

_DIGITS = re.compile(r"\d")
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _has_digit(text: str, low: str) -> bool:
    return _DIGITS.search(text) is not None


def _has_month(text: str, low: str) -> bool:
    return any(m in text for m in _MONTH_STARTS)  # the patterns' months, capitalized


def _holds(*words: str) -> Needs:
    """The test that the text holds one of the (lower-case) words, in any case."""
    return lambda text, low: any(w in low for w in words)


DIGIT, MONTH = _has_digit, _has_month
WEEKDAY = _holds("day")
ABBREVIATED_DAY = _holds("mon.", "tue", "wed.", "thu", "fri.", "sat.", "sun.")
SEASON = _holds("spring", "summer", "autumn", "fall", "winter")
WEEKEND = _holds("weekend")
YEAR = _holds("year")
PERIOD = _holds("week", "month", "year")
DEICTIC = _holds(
    "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night"
)
AGO = _holds("ago")

# every pattern needs a digit or one of these words
_ANY_DATE_WORDS = (
    *("day", "night", "morning", "noon", "evening", "week", "month", "year", "tomorrow"),
    *("spring", "summer", "autumn", "fall", "winter"),
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon.", "tue", "wed.", "thu", "fri.", "sat.", "sun."),  # ("on Thurs.")
)


def any_date(text: str, low: str) -> bool:
    """Whether any date pattern may match in the text."""
    return DIGIT(text, low) or any(w in low for w in _ANY_DATE_WORDS)
