"""Dates an event takes from its context when its own clause gives none: "Earlier in the
day, X held talks" or "At 10:15 X will ..." (the day of the event told before), "signed a
MoU during the state visit to New Delhi in September 2022" (the date of the event it
happened during)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from spacy.tokens import Token

from communique.mapping.events.base import GROUPS, Event, governing_verb, lexicon, told_as_before
from communique.mapping.mentions.mention import COUNTRY, PERSON
from communique.mapping.nlp.language import text_of
from communique.mapping.values.dates.value import DateValue

# "earlier in the day", "later that day", "on the same day", "the same evening"
_SAME_DAY = re.compile(
    r"(?i)\b(?:(?:earlier|later)\s+(?:in\s+the|that|on\s+the\s+same)\s+(?:day|morning|afternoon"
    r"|evening)|(?:on\s+)?the\s+same\s+(?:day|morning|afternoon|evening)|on\s+that\s+day)\b"
)
# prepositions that put one event inside another: "during the visit", "on the sidelines of"
_DURING = {"during", "amid", "throughout"}
# prepositions that put one event just before or after another told earlier, the same day
_FRAMES = {"before", "after", "following"}


def date_plans_of_visits(events: list[Event]) -> None:
    """ "X will visit Y on June 14 ... X will meet Z": an undated meeting the visitor plans
    is part of the planned visit told last before it, on one of its days (in place)."""
    visit = None
    for ev in sorted(events, key=lambda e: e.trigger.i):
        if ev.kind == "visit" and ev.scheduled and ev.date is not None and ev.guest is not None:
            visit = ev
        elif ev.date is None and ev.scheduled and ev.group == "meet" and visit is not None:
            if visit.guest in ev.participants:
                ev.date, ev.explicit_date = _some_day_of(visit.date), True


def _some_day_of(value: DateValue) -> DateValue:
    """A day of a visit that begins on a day and lasts untold days: its first month."""
    if value.precision == "day" and value.end is None:
        return DateValue(value.value[:7], "month")
    return _month_of(value) or value


def inherit_dates(events: list[Event]) -> None:
    """Give undated events the date their context implies (in place)."""
    by_trigger = {ev.trigger.i: ev for ev in events}
    told = _Dated(sorted(by_trigger))
    for n, ev in enumerate(events):
        if ev.date is None:
            _inherit(ev, events[n - 1] if n else None, by_trigger, told)
        told.add(ev)


class _Dated:
    """What the events told so far give a later one: the last dated of each kind and of
    each group, and the dated days (kept as they come, not looked for again each time)."""

    def __init__(self, triggers: list[int]) -> None:
        self.triggers = triggers  # the events' trigger positions, in text order
        self.of_kind: dict[str, Event] = {}
        self.of_group: dict[str | None, Event] = {}  # those told as done, not planned
        self.days: list[Event] = []  # on a given day, and not planned
        self.any_days: list[Event] = []  # on a given day, planned or not

    def add(self, ev: Event) -> None:
        if ev.date is None:
            return
        self.of_kind[ev.kind] = ev
        if ev.date.precision == "day":
            self.any_days.append(ev)
        if not ev.scheduled:
            self.of_group[GROUPS.get(ev.kind)] = ev
            if ev.date.precision == "day":
                self.days.append(ev)


def _inherit(ev: Event, previous: Event | None, by_trigger: dict[int, Event], told: _Dated) -> None:
    host = _event_it_happened_during(ev, by_trigger, told.triggers)
    if host is not None and host.date is None and host.anaphoric:
        # "During the visit, ...": the visit told before
        # ("held talks on Saturday ... During the meeting, ...": of the kind, else the group)
        host = told.of_kind.get(host.kind) or told.of_group.get(host.group, host)
    if host is None and _at_a_clock_time(ev.sentence):
        # "At 09:30 both presidents will head to ...": a time of the day told last, planned
        # or done (a day's programme is told as plans)
        day = next((k for k in reversed(told.any_days) if k.date.end is None), None)
        if day is not None:
            ev.date, ev.explicit_date = day.date, True
            return
    if ev.scheduled and (host is None or not host.scheduled):
        return  # a plan takes a date only from the planned event it is part of
    if host is not None and host.date is not None:
        if _spans_one_date(host):
            ev.date, ev.explicit_date = host.date, True
            return
        if (month := _month_of(host.date)) is not None:
            ev.date, ev.explicit_date = month, True  # some day of a visit in one month
            return
    if told_as_before(ev.trigger):
        return  # "briefed her on her recent visits": not the day of the events around them
    framed = _framing_event(ev, told)
    if framed is not None:
        ev.date, ev.explicit_date = framed.date, True
        return
    if _same_day(ev.sentence):
        # (the day of the last event told on one day: a visit of several days is no day)
        day = next((k for k in reversed(told.days) if k.date.end is None), None)
        if day is not None:
            ev.date, ev.explicit_date = day.date, True
        return
    same = _same_encounter(ev, told.days, previous)
    if same is not None:
        ev.date, ev.explicit_date = same.date, True


# "at 09:30", "at 18:00 hours", "at 4.30 am": a time of the day, with no day of its own
_CLOCK_TIME = re.compile(
    r"(?i)\bat\s+(?:(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[1-9]|1[0-2])\s?[ap]\.?\s?m\b)"
)


def _at_a_clock_time(sent) -> bool:
    """Whether the sentence tells a clock time."""
    return _tells(sent, _CLOCK_TIME, "communique_clock_time")


def _same_day(sent) -> bool:
    """Whether the sentence says "earlier in the day" or the like."""
    return _tells(sent, _SAME_DAY, "communique_same_day")


def _tells(sent, pattern: re.Pattern, key: str) -> bool:
    """Whether the sentence's text holds the pattern, asked once a sentence (a long one
    holds many events), the answers kept under `key` in the doc's user data."""
    found = sent.doc.user_data.setdefault(key, {})
    if sent.start not in found:
        found[sent.start] = bool(pattern.search(text_of(sent)))
    return found[sent.start]


def _same_encounter(ev: Event, dated: list[Event], previous: Event | None) -> Event | None:
    """ "X hosted Y on Wednesday. The two leaders held talks before ...": an undated event of
    the same people right after a dated one happened that day."""
    persons = {id(p) for p in ev.participants if p.kind == PERSON}
    if len(persons) < 2 or not dated or ev.anaphoric and ev.group == "visit":
        return None
    last = dated[-1]
    if previous is not None and previous is not last and previous.date is not None:
        return None  # another date was told in between
    if last.date.end is not None:
        return None  # a visit of several days: which one is unknown
    if not persons <= {id(p) for p in last.participants}:
        return None
    return last


def _framing_event(ev: Event, told: _Dated) -> Event | None:
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
            last = told.of_group.get(GROUPS.get(kind))
            if last is not None and last.date.precision == "day" and last.date.end is None:
                return last
    return None


def _event_it_happened_during(
    ev: Event, by_trigger: dict[int, Event], triggers: list[int]
) -> Event | None:
    tok = ev.trigger
    heads = [tok] if tok.pos_ != "VERB" else [tok]
    if tok.head != tok and tok.dep_ in ("dobj", "nsubjpass"):
        heads.append(tok.head)  # "held talks during ...": the verb's phrase
    if tok.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in tok.children):
        # "met X during her March visit, when the two leaders signed ...": the time of the
        # event its clause hangs from
        k = by_trigger.get(tok.head.i)
        if k is not None and k is not ev:
            return k
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _DURING:
                for p in c.children:
                    if p.lower_ == "which" and h.dep_ == "relcl":
                        # "his visit to Rome, during which ... was signed": the event
                        # named last before the relative clause
                        p = _last_before(c.i, ev, by_trigger, triggers) or h.head
                    if p.i in by_trigger and by_trigger[p.i] is not ev:
                        return by_trigger[p.i]
    return None


def _last_before(
    i: int, ev: Event, by_trigger: dict[int, Event], triggers: list[int]
) -> Token | None:
    """The trigger of the last event (other than ev) told before position i."""
    k = bisect_left(triggers, i)
    while k:
        k -= 1
        if by_trigger[triggers[k]] is not ev:
            return ev.trigger.doc[triggers[k]]
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
    signings: dict[int, Event] = {}  # sentence start -> the first signing told in it
    for e in events:
        if e.kind == "agreement-signing":
            for start in e.sentences:
                signings.setdefault(start, e)
    out = []
    for ev in events:
        signing = signings.get(ev.sentence.start)
        if ev.kind == "ceremony" and signing is not None:
            own = [p for p in ev.participants if p.kind != COUNTRY]
            if all(p in signing.participants for p in own):
                if signing.place is None:
                    signing.place = ev.place
                if signing.date is None and ev.date is not None:
                    # "signed ... at a ceremony held today": the ceremony's day is the signing's
                    signing.date, signing.explicit_date = ev.date, ev.explicit_date
                continue
        out.append(ev)
    return out


def recent(date: DateValue, ref: dt.date) -> bool:
    """Within the fortnight before the article (or after it): the visit being reported."""
    if date.precision == "day":
        return (d := date.day) is not None and -14 <= (d - ref).days <= 14
    if date.precision == "month":
        return date.value == ref.strftime("%Y-%m")
    return False
