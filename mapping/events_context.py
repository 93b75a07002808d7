"""Dates an event takes from its context when its own clause gives none: "Earlier in the
day, X held talks" (the day of the event told before), "signed a MoU during the state visit
to New Delhi in September 2022" (the date of the event it happened during)."""

from __future__ import annotations

import re

from communique.mapping.dates import DateValue
from communique.mapping.events_base import GROUPS, Event, governing_verb, lexicon
from communique.mapping.mention import COUNTRY, PERSON
from communique.mapping.nlp import text_of

# "earlier in the day", "later that day", "on the same day", "the same evening"
_SAME_DAY = re.compile(
    r"(?i)\b(?:(?:earlier|later)\s+(?:in\s+the|that|on\s+the\s+same)\s+(?:day|morning|afternoon"
    r"|evening)|(?:on\s+)?the\s+same\s+(?:day|morning|afternoon|evening)|on\s+that\s+day)\b"
)
# prepositions that put one event inside another: "during the visit", "on the sidelines of"
_DURING = {"during", "amid", "throughout"}
# prepositions that put one event just before or after another told earlier, the same day
_FRAMES = {"before", "after", "following"}


def inherit_dates(events: list[Event]) -> None:
    """Give undated events the date their context implies (in place)."""
    by_trigger = {ev.trigger.i: ev for ev in events}
    for n, ev in enumerate(events):
        if ev.date is not None:
            continue
        host = _event_it_happened_during(ev, by_trigger)
        if host is not None and host.date is None and host.anaphoric:
            # "During the visit, ...": the visit told before
            told = [e for e in events[:n] if e.kind == host.kind and e.date is not None]
            host = told[-1] if told else host
        if ev.scheduled and (host is None or not host.scheduled):
            continue  # a plan takes a date only from the planned event it is part of
        if host is not None and host.date is not None:
            if _spans_one_date(host):
                ev.date, ev.explicit_date = host.date, True
                continue
            if (month := _month_of(host.date)) is not None:
                ev.date, ev.explicit_date = month, True  # some day of a visit in one month
                continue
        framed = _framing_event(ev, events[:n])
        if framed is not None:
            ev.date, ev.explicit_date = framed.date, True
            continue
        before = [
            e
            for e in events[:n]
            if e.date is not None and e.date.precision == "day" and not e.scheduled
        ]
        if _SAME_DAY.search(text_of(ev.sentence)):
            if before:
                ev.date, ev.explicit_date = before[-1].date, True
            continue
        same = _same_encounter(ev, before, events[:n])
        if same is not None:
            ev.date, ev.explicit_date = same.date, True


def _same_encounter(ev: Event, dated: list[Event], before: list[Event]) -> Event | None:
    """ "X hosted Y on Wednesday. The two leaders held talks before ...": an undated event of
    the same people right after a dated one happened that day."""
    persons = {id(p) for p in ev.participants if p.kind == PERSON}
    if len(persons) < 2 or not dated or ev.anaphoric and ev.group == "visit":
        return None
    last = dated[-1]
    if before and before[-1] is not last and before[-1].date is not None:
        return None  # another date was told in between
    if last.date.end is not None:
        return None  # a visit of several days: which one is unknown
    if not persons <= {id(p) for p in last.participants}:
        return None
    return last


def _framing_event(ev: Event, before: list[Event]) -> Event | None:
    """ "Before the signing, X and Y held talks", "told reporters after the ceremony": the day
    of the signing or ceremony told before."""
    nouns = lexicon()["nouns"]
    verb = governing_verb(ev.trigger)
    for c in (*verb.children, *ev.trigger.children):
        if c.dep_ != "prep" or c.lower_ not in _FRAMES:
            continue
        for p in c.children:
            kind = nouns.get(p.lower_) or nouns.get(p.lemma_.lower())
            if kind is None or not any(d.lower_ == "the" for d in p.children):
                continue
            group = GROUPS.get(kind)
            dated = [
                e
                for e in before
                if GROUPS.get(e.kind) == group and e.date is not None and not e.scheduled
            ]
            if dated and dated[-1].date.precision == "day" and dated[-1].date.end is None:
                return dated[-1]
    return None


def _event_it_happened_during(ev: Event, by_trigger: dict[int, Event]) -> Event | None:
    tok = ev.trigger
    heads = [tok] if tok.pos_ != "VERB" else [tok]
    if tok.head is not tok and tok.dep_ in ("dobj", "nsubjpass"):
        heads.append(tok.head)  # "held talks during ...": the verb's phrase
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _DURING:
                for p in c.children:
                    if p.lower_ == "which" and h.dep_ == "relcl":
                        # "his visit to Rome, during which ... was signed": the event
                        # named last before the relative clause
                        before = [i for i in by_trigger if i < c.i and by_trigger[i] is not ev]
                        p = p.doc[max(before)] if before else h.head
                    if p.i in by_trigger and by_trigger[p.i] is not ev:
                        return by_trigger[p.i]
    return None


def _month_of(value: DateValue) -> DateValue | None:
    """The month all days of a range fall in: "July 25-27" -> 2024-07."""
    if value.precision != "day" or value.end is None or value.end[:7] != value.value[:7]:
        return None
    return DateValue(value.value[:7], "month")


def _spans_one_date(host: Event) -> bool:
    """A visit told by its first day ("that began on Thursday") or by a range may last
    days: what happened during it may be on any of them; a month or a one-day event holds."""
    if host.date is None or host.date.end is not None:
        return False
    return host.kind != "visit" or host.date.precision != "day"


def fold_signing_ceremonies(events: list[Event]) -> list[Event]:
    """ "signed four agreements ... exchanged at a ceremony": the ceremony of a signing told in
    the same sentence is that signing, unless other people take part in it."""
    out = []
    for ev in events:
        signing = next(
            (
                e
                for e in events
                if e.kind == "agreement-signing" and ev.sentence.start in e.sentences
            ),
            None,
        )
        if ev.kind == "ceremony" and signing is not None:
            own = [p for p in ev.participants if p.kind != COUNTRY]
            if all(p in signing.participants for p in own):
                if signing.place is None:
                    signing.place = ev.place
                continue
        out.append(ev)
    return out
