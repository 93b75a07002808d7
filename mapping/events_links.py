"""Linking events: dates to their triggers, mentions of one event merged, and events nested
in the visit the article reports."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from communique.mapping.dates import DateValue, find_dates
from communique.mapping.events_base import Event, governing_verb, signature
from communique.mapping.mentions import ORG, PERSON


def dates_for(sent: Span, trig: list[tuple[Token, str]], ref: dt.date) -> dict[int, DateValue]:
    """Each date of the sentence goes to the trigger it hangs from, else the nearest one."""
    out: dict[int, DateValue] = {}
    trigger_at = {t.i: t for t, _ in trig}
    verb_of = {governing_verb(t).i: t for t, _ in trig}
    base = sent.start_char
    for start, end, value in find_dates(sent.text, ref):
        if value.precision == "year" and value.end:
            continue  # "for 2024-2026": an agreement's validity, not an event's date
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.head.lemma_.lower() in ("say", "tell") and root.dep_ == "npadvmod":
            continue  # "the ministry said Friday": when it was said, not when it happened
        target = None
        for anc in [root, *root.ancestors]:
            if anc.i in trigger_at:
                target = trigger_at[anc.i]
                break
            if anc.i in verb_of:
                target = verb_of[anc.i]
                break
            if anc.pos_ == "VERB" and anc is not root:
                # another verb's date; it may still frame the one event below it
                inside = [t for t, _ in trig if anc.is_ancestor(t)]
                if len(inside) == 1 and len(trig) == 1 and value.precision == "day":
                    target = inside[0]
                break
        if target is None and value.precision in ("day", "month"):
            before = [t for t, _ in trig if 0 < root.i - t.i <= 8]
            target = before[-1] if before else None
        if target is not None:
            out.setdefault(target.i, value)
    return out


def _compatible_dates(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date.value == b.date.value


def merge(events: list[Event]) -> list[Event]:
    """Mentions of one event become one: `the visit`, `the delegation talks`, ..."""
    kept: list[Event] = []
    for ev in events:
        target = _antecedent(ev, kept)
        if target is None:
            kept.append(ev)
            continue
        target.sentences |= ev.sentences
        for p in ev.participants:
            if p not in target.participants:
                target.participants.append(p)
        if target.date is None and ev.date is not None:
            target.date, target.explicit_date = ev.date, ev.explicit_date
        for attr in ("place", "host", "guest", "guest_country", "visit_kind"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
    # an anaphoric visit before the visit it refers to ("As part of the visit, ...")
    visits = [e for e in kept if e.kind == "visit" and not e.anaphoric]
    return [
        e for e in kept if not (e.kind == "visit" and e.anaphoric and not e.participants and visits)
    ]


def _antecedent(ev: Event, kept: list[Event]) -> Event | None:
    same = [k for k in reversed(kept) if k.group == ev.group and _compatible_dates(k, ev)]
    if ev.kind == "visit":
        same = [k for k in same if k.host is None or ev.host is None or k.host is ev.host]
    if not same:
        return None
    persons = {id(p) for p in ev.participants if p.kind == PERSON}
    actors = {id(p) for p in ev.participants if p.kind in (PERSON, ORG)}
    sig = signature(ev.trigger)
    for k in same:
        if sig and sig == signature(k.trigger):
            return k  # "the ninth trilateral meeting", told twice
    for k in same:
        k_actors = {id(p) for p in k.participants if p.kind in (PERSON, ORG)}
        if ev.sentence.start in k.sentences and not (actors and k_actors and not actors & k_actors):
            return k  # "took part in a wreath-laying ceremony ... and honored the grave"
    if ev.anaphoric and ev.group != "sign":
        for k in same:
            if actors <= {id(p) for p in k.participants} or not (actors - persons) and not persons:
                return k
    same = [k for k in same if k.scheduled == ev.scheduled]
    if not same:
        return None
    if not actors and ev.group in ("meet", "call"):
        return same[0]
    for k in same:
        kp = {id(p) for p in k.participants if p.kind == PERSON}
        if persons and persons == kp and (len(persons) >= 2 or ev.group in ("visit", "call")):
            return k
    return None


def nest(events: list[Event], ref: dt.date) -> None:
    """Events during the article's current visit are part of it and share its setting."""
    for v in events:
        if v.kind == "visit" and v.date is None and not v.scheduled:
            same_sentence = [
                e
                for e in events
                if e is not v
                and e.sentence == v.sentence
                and e.date is not None
                and e.date.precision == "day"
            ]
            if same_sentence:
                v.date = same_sentence[0].date
    candidates = [
        e
        for e in events
        if e.kind == "visit"
        and not e.scheduled
        and (e.host is not None or e.guest is not None)
        and (e.date is None or _recent(e.date, ref))
    ]
    candidates.sort(key=lambda e: (e.date is None or e.date.precision != "day", e.guest is None))
    main = candidates[0] if candidates else None
    if main is not None and main.date is None:
        lead = next(
            (
                e
                for e in events
                if e.date is not None
                and e.date.precision == "day"
                and not e.scheduled
                and e.kind != "visit"
                and main.guest in e.participants
            ),
            None,
        )
        if lead is not None:
            main.date = lead.date
    if main is not None:
        for e in events:
            if e is main or e.kind == "visit" or e.scheduled:
                continue
            if e.explicit_date and main.date is not None and not _within(e.date, main.date):
                continue
            if e.explicit_date and main.date is None:
                continue
            e.part_of = main
            if e.date is None and main.date is not None and main.date.precision == "day":
                e.date = main.date
            e.host = e.host or main.host
            e.guest_country = e.guest_country or main.guest_country
            if (
                main.guest is not None
                and main.guest not in e.participants
                and (
                    e.kind in ("meeting", "talks", "ceremony")
                    or not any(p.kind == PERSON for p in e.participants)
                )
            ):
                # the visitor takes part in what happens during the visit
                e.participants.insert(0, main.guest)
            e.place = e.place or main.place
        return
    lead = next(
        (e for e in events if e.explicit_date and e.date.precision == "day" and not e.scheduled),
        None,
    )
    if lead is None:
        return
    for e in events:
        if e.date is None and not e.scheduled and e.trigger.i > lead.trigger.i:
            e.date = lead.date


def _within(date: DateValue, span: DateValue) -> bool:
    """Whether date falls on the day, or inside the range, of span (same precision)."""
    if date.value == span.value:
        return True
    end = span.end or span.value
    return date.precision == span.precision and span.value <= date.value <= end


def _recent(date: DateValue, ref: dt.date) -> bool:
    """Within the fortnight before the article (or after it): the visit being reported."""
    try:
        if date.precision == "day":
            d = dt.date.fromisoformat(date.value)
            return -14 <= (d - ref).days <= 14
        if date.precision == "month":
            return date.value == ref.strftime("%Y-%m")
    except ValueError:
        return False
    return False
