"""Dates told as a time after the date told before them: "In 2019, X visited Y. Two years
later, ..." (2021), "a month later", "three days after that", "the following year", "the
next day", "the previous day". A timeline counts from its own last date, not from the
article's day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from communique.mapping.nlp.language import sentence_of, text_of
from communique.mapping.values.calendar_days import COUNT_WORDS, add_months
from communique.mapping.values.dates.value import DateValue

Dated = list[tuple[Span, DateValue]]

_LATER = re.compile(
    r"(?i)\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>year|month|week|day)s?\s+(?:later|afterwards|after\s+that)"
    # ("over the next year": a span from the article's day, no date of a timeline)
    r"|(?<!over\s)(?<!within\s)(?<!for\s)(?<!during\s)"
    r"the\s+(?:following|next)\s+(?P<next>year|month|day)"
    r"|the\s+(?:previous|preceding)\s+(?P<previous>day))\b"
)
_LOOK_BACK = 6  # sentences searched for the date a "later" counts from


def later_dates(sent: Span, found: Dated, dates_of: Callable[[Span], Dated]) -> Dated:
    """The sentence's "N units later" dates, counted from the date told last before each
    (in the sentence, `found`, else in the sentences before it, read by `dates_of`)."""
    out: Dated = []
    base, doc = sent.start_char, sent.doc
    for m in _LATER.finditer(text_of(sent)):
        span = doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        if span is None:
            continue
        before = [v for s, v in found + out if s.end <= span.start]
        anchor = before[-1] if before else _told_last(sent, dates_of)
        unit = m.group("unit") or m.group("next") or m.group("previous")
        n = COUNT_WORDS.get((m.group("n") or "one").lower()) or int(m.group("n"))
        if m.group("previous"):
            n = -n
        value = _after(anchor, n, unit.lower()) if anchor is not None else None
        if value is not None:
            out.append((span, value))
    return out


def date_of_what_was_told(
    tok: Token, sent: Span, dates_of: Callable[[Span], Dated]
) -> DateValue | None:
    """ "This was agreed during a meeting between X and Y": the event in which what the
    sentence before told (the subject "this") was done, on that sentence's date."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("during", "at", "in"):
        return None
    verb = tok.head.head
    if (
        verb.tag_ != "VBN"
        or not any(
            c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "it") for c in verb.children
        )
        or not sent.start
    ):
        return None
    before = sentence_of(sent.doc, sent.start - 1)
    # (not a deadline told: "agreed on Monday to double trade by 2030")
    told = [v for span, v in dates_of(before) if span.root.head.lower_ not in _DEADLINES]
    return told[0] if told else None


_DEADLINES = frozenset({"by", "until", "before", "till"})


def _told_last(sent: Span, dates_of: Callable[[Span], Dated]) -> DateValue | None:
    start = sent.start
    for _ in range(_LOOK_BACK):
        if start == 0:
            return None
        sent = sentence_of(sent.doc, start - 1)
        if dated := dates_of(sent):
            return dated[-1][1]
        start = sent.start
    return None


def _after(anchor: DateValue, n: int, unit: str) -> DateValue | None:
    """The date n units after `anchor`, as precise as both allow (none finer than it)."""
    parts = [int(p) for p in anchor.value.split("-")]
    if unit == "year":
        parts[0] += n
    elif unit == "month" and len(parts) >= 2:
        parts = list(add_months(parts[0], parts[1], n))  # (the day of a month later: untold)
    elif unit in ("week", "day") and len(parts) == 3:
        day = dt.date(*parts) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        parts = [day.year, day.month, day.day]
    else:
        return None
    value = "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))
    return DateValue(value, ("year", "month", "day")[len(parts) - 1])
