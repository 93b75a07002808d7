"""Linking events: mentions of one event merged, and events nested
in the visit the article reports."""

from __future__ import annotations

import datetime as dt

from communique.mapping.events.base import Event, framing_gathering, signature, words
from communique.mapping.events.implied import join_sequels
from communique.mapping.events.retold import (
    Nationality,
    retold_elsewhere,
    same_signing,
    same_visit,
    several_destinations,
)
from communique.mapping.mentions.finder import ORG, PERSON
from communique.mapping.nlp.language import sentences
from communique.mapping.values.dates import DateValue


def _compatible_dates(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date.value == b.date.value


# An article tells a few events of each group (at most 5 in the corpora). An event is merged
# with one of the last this many of its group told before it, not looked for among all: in
# a text a hundred times an article's length, each would be compared with thousands.
MERGE_WINDOW = 100


def merge(events: list[Event], ref: dt.date, nationality: Nationality | None = None) -> list[Event]:
    """Mentions of one event become one: `the visit`, `the delegation talks`, ..."""
    kept: list[Event] = []
    of_group: dict[str, list[Event]] = {}  # the kept events of each group, in order
    for ev in events:
        told = of_group.setdefault(ev.group, [])
        target = _antecedent(ev, told[-MERGE_WINDOW:], ref, nationality) or retold_elsewhere(
            ev, kept[-MERGE_WINDOW:]
        )
        if target is None:
            kept.append(ev)
            told.append(ev)
            continue
        target.sentences |= ev.sentences
        target.told_at |= {ev.trigger.i} | ev.told_at
        for p in ev.participants:
            if p not in target.participants:
                target.participants.append(p)
        if target.date is None and ev.date is not None:
            target.date, target.explicit_date = ev.date, ev.explicit_date
        for attr in ("place", "host", "guest", "guest_country", "visit_kind"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
    join_sequels(kept)
    # an anaphoric visit before the visit it refers to ("As part of the visit, ...")
    visits = [e for e in kept if e.kind == "visit" and not e.anaphoric]
    return [
        e for e in kept if not (e.kind == "visit" and e.anaphoric and not e.participants and visits)
    ]


_FRAME_NOUNS = words("frame_nouns")


def _only_a_frame(tok) -> bool:
    """`on the sidelines of the summit`: the gathering frames another event."""
    return tok.head.lower_ == "of" and tok.head.head.lower_ in _FRAME_NOUNS


def _antecedent(
    ev: Event, kept: list[Event], ref: dt.date, nationality: Nationality | None = None
) -> Event | None:
    same = _candidates(ev, kept)
    if ev.kind == "visit" and (k := same_visit(ev, same[::-1], nationality)) is not None:
        return k
    if ev.group == "sign" and (k := same_signing(ev, same[::-1])) is not None:
        return k
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
        if len(same) == 1 and ev.group in ("ceremony", "summit"):
            # "The ceremony, attended by X, ...", "said the summit was ...": the one told
            return same[0]
        if ev.group == "summit" and _only_a_frame(ev.trigger):
            return same[0]  # "met X on the margins of the summit": the summit told before
    if ev.group == "sign" and _signs_what_was_told(ev):
        for k in same:
            k_persons = any(p.kind == PERSON for p in k.participants)
            day = k.date is not None and k.date.precision == "day"
            undated = k.date is None and ev.date is None
            if (undated or (day and ev.date in (None, k.date))) and not (persons and k_persons):
                return k  # "X and Y signed ... on Monday. A and B signed the agreement ..."
    same = [k for k in same if k.scheduled == ev.scheduled]
    if not same:
        return None
    if not actors and ev.group in ("meet", "call"):
        if (
            ev.explicit_date
            and same[0].date is None
            and ev.sentence.start not in same[0].sentences
            and not _recent(ev.date, ref)
        ):
            return None  # "during talks in Cairo in August": an earlier encounter
        return same[0]
    for k in same:
        kp = {id(p) for p in k.participants if p.kind == PERSON}
        if persons and persons == kp and (len(persons) >= 2 or ev.group in ("visit", "call")):
            return k
    return None


def _candidates(ev: Event, kept: list[Event]) -> list[Event]:
    """The events told before that ev may retell, the latest first."""
    if ev.distinct == "sequel":
        return []  # "a meeting, followed by talks": the talks are no meeting told again
    same = [k for k in reversed(kept) if k.group == ev.group and _compatible_dates(k, ev)]
    if not framing_gathering(ev.trigger) and ev.kind != "summit":
        # a gathering told as the frame of another event is retold only as a gathering
        same = [k for k in same if not framing_gathering(k.trigger)]
    if ev.kind != "visit":
        return same
    if several_destinations(ev) or ev.distinct:
        return []  # a tour, or a site seen: not a visit told before
    return [
        k
        for k in same
        if not k.distinct and (k.host is None or ev.host is None or k.host is ev.host)
    ]


def _signs_what_was_told(ev: Event) -> bool:
    """ "signed the agreement", "signed it", "the signing": a signing told before."""
    tok = ev.trigger
    if tok.pos_ != "VERB":
        return ev.anaphoric
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c.lower_ in ("it", "them") or any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these") for d in c.children
            )
    return False


def nest(events: list[Event], ref: dt.date, dateline_date: DateValue | None = None) -> None:
    """Events during the article's current visit are part of it and share its setting."""
    _part_of_what_they_name(events)
    _date_visits_by_their_sentences(events)
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
    lead = _lead(events)
    if main is not None and main.date is None:
        first = next(
            (
                e
                for e in events
                if e.date is not None
                and e.date.precision == "day"
                and not e.scheduled
                and e.kind != "visit"
                and main.guest in e.participants
            ),
            lead,
        )
        if first is not None:
            main.date = first.date
    if main is not None:
        for e in events:
            if e is main or e.kind == "visit" or e.scheduled:
                continue
            if e.explicit_date and main.date is not None and not _within(e.date, main.date):
                continue
            if e.explicit_date and main.date is None:
                continue
            _part_of(e, main, lead, dateline_date)
    frame = main if main is not None and main.date is not None else lead
    if frame is None or frame.date is None or frame.date.precision != "day":
        return
    # what the article reports without a date of its own happened on its main day
    for e in events:
        # (a leg of a tour is told as done before the day reported: "has taken him to X")
        if e.date is None and not e.scheduled and not _dated_sentence(e) and e.distinct != "leg":
            e.date = frame.date


def _part_of_what_they_name(events: list[Event]) -> None:
    """ "the opening ceremony of the summit", "the signing ceremony of the forum": an event
    of another event told in the article is part of it, and on its day."""
    told = {i: e for e in events for i in ({e.trigger.i} | e.told_at)}
    for e in events:
        if e.part_of is not None or e.scheduled:
            continue
        for c in e.trigger.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            whole = next((told[p.i] for p in c.children if p.i in told), None)
            if whole is None or whole is e or whole.scheduled:
                continue
            e.part_of = whole
            if e.date is None and whole.date is not None and whole.date.end is None:
                e.date = whole.date
            e.host = e.host or whole.host
            e.place = e.place or whole.place
    for visit in events:
        if visit.kind == "visit":
            _purposes_of(visit, told)
    for e in events:
        _share_day_with_frame(e, told)


def _share_day_with_frame(e: Event, told: dict[int, Event]) -> None:
    """ "signed on the sidelines of the consultations": what happens on a gathering's
    sidelines happens while it sits, so the one dated dates the other."""
    doc = e.trigger.doc
    tellings = sorted({e.trigger.i} | e.told_at)
    whole = next((w for i in tellings if (w := _framing_event(doc[i], told)) is not None), None)
    if whole is None or whole is e or whole.scheduled != e.scheduled:
        return
    if whole.date is None and e.date is not None and e.date.end is None:
        whole.date = e.date
    elif e.date is None and whole.date is not None:
        e.date = whole.date


def _framing_event(tok, told: dict[int, Event]) -> Event | None:
    # "held talks on the sidelines of ...": the phrase may hang from the verb's object
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ != "prep":
            continue
        for frame in prep.children:
            if frame.lower_ not in words("sidelines"):
                continue
            of = _of_phrases([frame])
            # "the margins of the second round of the consultations": the round is the talks
            for _ in range(2):
                objects = [p for o in of for p in o.children if p.dep_ == "pobj"]
                if found := next((told[p.i] for p in objects if p.i in told), None):
                    return found
                of = _of_phrases(objects)
    return None


def _of_phrases(heads: list) -> list:
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"]


def _purposes_of(visit: Event, told: dict[int, Event]) -> None:
    """ "will visit Washington for a meeting with X": the meeting is part of the visit,
    within its days."""
    for c in visit.trigger.children:
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for p in c.children:
            part = told.get(p.i)
            if part is None or part is visit or part.scheduled != visit.scheduled:
                continue
            part.part_of = part.part_of or visit
            if part.date is None and visit.date is not None and visit.date.end is None:
                part.date = visit.date


def _date_visits_by_their_sentences(events: list[Event]) -> None:
    """An undated visit takes the day of the first event of its sentence told with one (so
    do all of the sentence's undated visits, whichever of them is looked at first)."""
    first_day: dict[int, Event] = {}
    for e in events:
        if e.date is not None and e.date.precision == "day":
            first_day.setdefault(e.sentence.start, e)
    for v in events:
        if v.kind == "visit" and v.date is None and not v.scheduled and v.distinct != "leg":
            dated = first_day.get(v.sentence.start)
            if dated is not None:
                v.date = dated.date


def _part_of(e: Event, main: Event, lead: Event | None, dateline_date: DateValue | None) -> None:
    """e happened during the main visit: its day, host and place, and the visitor."""
    e.part_of = main
    if e.date is None and lead is not None and (lead is not main or lead.date.end is None):
        # the day the article reports, inside the visit ("made a working visit on
        # Wednesday": what the visitor then did was that Wednesday, whatever the
        # dateline's day)
        e.date = lead.date
    elif e.date is None and _during(dateline_date, main.date):
        e.date = dateline_date
    elif e.date is None and main.date is not None and main.date.precision == "day":
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


def _lead(events: list[Event]) -> Event | None:
    """The article's first dated past event, if it is told in its first sentences."""
    lead = next(
        (e for e in events if e.explicit_date and e.date.precision == "day" and not e.scheduled),
        None,
    )
    if lead is None or lead.sentence.start > _nth_sentence_start(lead.sentence, 2):
        return None
    return lead


def _nth_sentence_start(sent, n: int) -> int:
    for i, s in enumerate(sentences(sent.doc)):
        if i == n:
            return s.start
    return len(sent.doc)


def _dated_sentence(e: Event) -> bool:
    """Whether its sentence names a time of its own ("in August", "last year")."""
    # (Span.ents looks through the doc's entities from the first: asked once a sentence)
    known = e.sentence.doc.user_data.setdefault("communique_dated_sentences", {})
    if e.sentence.start not in known:
        known[e.sentence.start] = any(ent.label_ == "DATE" for ent in e.sentence.ents)
    return known[e.sentence.start]


def _during(date: DateValue | None, visit: DateValue | None) -> bool:
    """Whether a dateline's day falls within a visit begun that day or a few days before."""
    if date is None or visit is None or date.precision != "day" or visit.precision != "day":
        return False
    start = dt.date.fromisoformat(visit.value)
    end = dt.date.fromisoformat(visit.end) if visit.end else start + dt.timedelta(days=3)
    return start <= dt.date.fromisoformat(date.value) <= end


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
