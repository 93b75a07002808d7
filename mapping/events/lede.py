"""The lede's day: the one day its news is told of, given to its undated events, and the
one day it says the news was made known on ("announced on Friday")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from communique.mapping.events import tense
from communique.mapping.events.clauses import clause_head
from communique.mapping.events.date_owners import MAKING_KNOWN
from communique.mapping.events.dates import sentence_dates
from communique.mapping.nlp.language import text_of
from communique.mapping.values.dates import find_dates
from communique.mapping.values.dates.value import DateValue


def lede_date(sent: Span, ref: dt.date) -> DateValue | None:
    """The one day of the lede, given to its undated events."""
    days = set()
    for span, value in sentence_dates(sent, ref):
        if value.precision != "day" or value.end:
            continue
        # "arrives on Sunday for a state visit": the lede's day lies the way its clause points
        if tense.points_ahead(clause_head(span.root)):
            value = tense.ahead(span.text, value, ref)
        days.add(value)
    return days.pop() if len(days) == 1 else None


def said_day(sent: Span, ref: dt.date) -> DateValue | None:
    """The one day the lede says its news was made known on ("announced on Friday")."""
    days = set()
    for start, end, value in find_dates(text_of(sent), ref):
        if value.precision != "day" or value.end:
            continue
        span = sent.doc.char_span(
            sent.start_char + start, sent.start_char + end, alignment_mode="expand"
        )
        if span is not None and clause_head(span.root).lemma_.lower() in MAKING_KNOWN:
            days.add(value)
    return days.pop() if len(days) == 1 else None
