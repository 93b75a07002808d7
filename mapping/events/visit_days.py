"""How many days a visit told with its day lasts: "concluded a two-day visit on Wednesday"
began the day before, "arrived on Tuesday for a two-day visit" ends the day after, and "is
paying a three-day visit starting Tuesday" still holds the article's day."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from communique.mapping.events.base import words as event_words
from communique.mapping.events.sentence_dates import days_told
from communique.mapping.events.tense import words
from communique.mapping.values.dates.value import DateValue

# "at the end of", "at the close of", "at the conclusion of" a visit: its last day
_END_NOUNS = {"end", "close", "conclusion"}
_DEPARTING = event_words("departure_verbs")


def span_of_visit(tok: Token, head: Token, value: DateValue) -> DateValue:
    """`concluded a two-day visit ... on Wednesday`: it began the day before; `arrived on
    Tuesday for a two-day visit`: it ends the day after."""
    lemma = head.lemma_.lower()
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _END_NOUNS:
        lemma = "end"  # "issued a communiqué on Wednesday at the end of a two-day visit"
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        lemma = "start"  # "her three-day visit to Vietnam from March 18"
    if lemma in _DEPARTING and tok.head.lower_ == "for" and _verb_above(tok.head) == head:
        lemma = "start"  # "leaves on Monday for a two-day visit": it begins that day
    if (
        value.precision != "day"
        or value.end
        or lemma not in words("ending_verbs") | words("starting_verbs") | {"start"}
    ):
        return value
    # the verb's own phrase ("arrived ... for a two-day visit"), or the noun's modifiers
    end = tok.right_edge.i + 1 if tok == head else tok.i
    n = days_told(" ".join(t.text for t in tok.doc[tok.left_edge.i : end]))
    if n is None:
        return value
    if lemma in words("starting_verbs") | {"start"}:
        # "arrived on Tuesday for a two-day visit": it ends days later
        first = dt.date.fromisoformat(value.value)
        return DateValue(first.isoformat(), "day", (first + dt.timedelta(days=n - 1)).isoformat())
    last = dt.date.fromisoformat(value.value)
    first = last - dt.timedelta(days=n - 1)
    return DateValue(first.isoformat(), "day", last.isoformat())


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb tok hangs from ("leaves on Monday, 5 May for ...": the "for" the
    parser hangs from the date is the verb's)."""
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def under_way_since(tok: Token, value: DateValue, ref: dt.date) -> bool:
    """Whether a visit of N days told in the present ("is paying a three-day visit starting
    Tuesday") holds the article's day when it began on the day as read back."""
    if value.precision != "day" or value.end or value.value > ref.isoformat():
        return False
    n = days_told(" ".join(t.text for t in tok.doc[tok.left_edge.i : tok.i]))
    if n is None:
        return False
    return dt.date.fromisoformat(value.value) + dt.timedelta(days=n - 1) >= ref
