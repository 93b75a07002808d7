"""The dates a sentence gives its events: its date expressions, less those that tell when
something was said ("the ministry said Friday") or how long a document holds ("for
2024-2026"); an "until" gives the days of a stay of N days that ends then, or the new day of
an event put off ("postponed until Saturday")."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from communique.mapping.events import tense
from communique.mapping.events.called_off import put_off_until
from communique.mapping.events.clauses import clause_head
from communique.mapping.events.later_dates import later_dates
from communique.mapping.events.tense import words
from communique.mapping.nlp.language import text_of
from communique.mapping.values.calendar_days import COUNT_WORDS
from communique.mapping.values.dates import find_dates, resolve_date
from communique.mapping.values.dates.value import DateValue

N_DAY = re.compile(r"(?i)\b(two|three|four|five|2|3|4|5)\s*-?\s*day\b")


def days_told(text: str) -> int | None:
    """The N of "an N-day visit" the text tells, if any."""
    m = N_DAY.search(text)
    return None if m is None else COUNT_WORDS.get(m.group(1).lower()) or int(m.group(1))


_UNTIL = {"until", "till", "til", "through"}


def sentence_dates(sent: Span, ref: dt.date) -> list[tuple[Span, DateValue]]:
    """The dates a sentence gives its events (not when something was said, nor validity)."""
    cache = sent.doc.user_data.setdefault("communique_sentence_dates", {})
    key = (sent.start, sent.end, ref)
    if key not in cache:
        cache[key] = _sentence_dates(sent, ref)
    return list(cache[key])


def _sentence_dates(sent: Span, ref: dt.date) -> list[tuple[Span, DateValue]]:
    out = _absolute_dates(sent, ref)
    later = later_dates(sent, out, lambda s: sentence_dates(s, ref))
    found = sorted(out + later, key=lambda sv: sv[0].start)
    return [sv for k, sv in enumerate(found) if not _said_again_closer(sv, found[k + 1 :])]


def dates_in(sent: Span, ref: dt.date) -> list[tuple[int, int, DateValue]]:
    """`find_dates` over the sentence's text, read once per doc (the lede's, a dated
    sentence's and a sentence of amounts are asked by more than one stage); not to change."""
    cache = sent.doc.user_data.setdefault("communique_dates_in", {})
    key = (sent.start, sent.end, ref)
    if key not in cache:
        cache[key] = find_dates(text_of(sent), ref)
    return cache[key]


def _said_again_closer(date: tuple[Span, DateValue], after: list) -> bool:
    """ "this week, on Monday, 2 June": a date the next one, set off by a
    comma alone, restates more closely (a day of its month or year)."""
    if not after:
        return False
    (span, value), (nxt, closer) = date, after[0]
    gap = span.doc[span.end : nxt.start]
    if any(not t.is_punct and t.lower_ != "on" for t in gap) or not gap.text.startswith(","):
        return False
    return len(closer.value) > len(value.value) and closer.value.startswith(value.value)


def _absolute_dates(sent: Span, ref: dt.date) -> list[tuple[Span, DateValue]]:
    out = []
    base = sent.start_char
    for start, end, value in dates_in(sent, ref):
        if value.precision == "year" and value.end:
            continue  # "for 2024-2026": an agreement's validity, not an event's date
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None:
            continue
        if len(span) > 1 and span[-1].is_punct:
            span = span[:-1]  # "on 8 September.": the sentence's full stop is no part of it
        until = span.doc[span.start - 1] if span.start > sent.start else None
        if until is not None and until.lower_ in _UNTIL and not put_off_until(until):
            # "on a visit until Saturday": when it ends, not when it took place (but the
            # days of "a four-day visit through Thursday", and the new day of one "put off
            # until Saturday")
            if (value := _stay_ending(span, value, ref)) is None:
                continue
        root = span.root
        if (
            root.dep_ == "npadvmod"
            and root.head.lemma_.lower() in words("say_verbs")
            and not _said_after(root.head)
            and not _before_the_sayer(root)
        ):
            # "the ministry said Friday": when it was said, not when it happened (but "said
            # ..., ahead of a visit next week": the visit's; "said Friday after talks": the
            # day of the talks it was said after)
            continue
        out.append((span, value))
    return out


def _before_the_sayer(date: Token) -> bool:
    """ "X and Y met in Lima yesterday, state media reported": a date written before the
    saying's subject is the reported clause's, however the parser hangs it."""
    verb = date.head
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    return bool(subjects) and date.i < max(subjects)


def _said_after(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("after", "following") for c in verb.children)


def _stay_ending(span: Span, value: DateValue, ref: dt.date) -> DateValue | None:
    """ "is on a four-day visit to Japan through Thursday": the stay's days, up to the day
    its "until" names (ahead for a stay told as under way); None without its length."""
    clause = span.doc[span.start - 1].head
    n = days_told(text_of(span.doc[clause.left_edge.i : clause.right_edge.i + 1]))
    if n is None or value.precision != "day" or value.end:
        return None
    verb = clause_head(clause)
    if verb.tag_ in ("VBZ", "VBP"):
        value = tense.ahead(span.text, value, ref)
    elif verb.tag_ == "VBD":
        value = resolve_date(span.text, ref, tense="past") or value
    last = dt.date.fromisoformat(value.value)
    first = last - dt.timedelta(days=n - 1)
    return DateValue(first.isoformat(), "day", last.isoformat())
