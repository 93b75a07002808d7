"""Within-article event coreference: the tellings of one event ("the visit", "the
delegation talks", "following the meeting") merged into one, group by group, within a
window of the last events told (retold.py says which tellings retell one event)."""

from __future__ import annotations

import datetime as dt

from communique.mapping.events.base import (
    Event,
    event_name,
    framing_gathering,
    named_alike,
    named_apart,
    signature,
)
from communique.mapping.events.by_nationality import (
    a_country_for_its_person,
    summit_of_the_pair,
    told_by_countries,
    told_by_its_persons,
)
from communique.mapping.events.context import recent
from communique.mapping.events.date_fit import compatible_dates, finer
from communique.mapping.events.distinct import a_plan_held_before, one_of_its_own
from communique.mapping.events.implied import join_sequels
from communique.mapping.events.retold import (
    Nationality,
    a_day_in,
    a_day_of_the_visit,
    ahead_of,
    apart,
    apposed_to,
    attended,
    only_a_frame,
    other_counterparts,
    persons_of,
    retold_elsewhere,
    same_noun_of_no_one,
    same_visit,
    several_destinations,
    the_headlines,
    tour_retold,
    tour_told_again,
    verb_and_object,
    years_before,
)
from communique.mapping.events.signings_retold import (
    same_signing,
    signing_retold,
    signs_what_was_told,
)
from communique.mapping.events.told_again import welcome_told_again
from communique.mapping.mentions.finder import ORG, PERSON

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
        window = kept[-MERGE_WINDOW:]
        target = (
            _antecedent(ev, told[-MERGE_WINDOW:], ref, nationality)
            or retold_elsewhere(ev, window)
            or summit_of_the_pair(ev, window)
        )
        if target is None:
            kept.append(ev)
            told.append(ev)
            continue
        _fold_into(target, ev)
    join_sequels(kept)
    # an anaphoric visit before the visit it refers to ("As part of the visit, ...")
    visits = [e for e in kept if e.kind == "visit" and not e.anaphoric]
    return [
        e for e in kept if not (e.kind == "visit" and e.anaphoric and not e.participants and visits)
    ]


_TOLD_ONCE = ("place", "guest", "guest_country", "visit_kind")


def _antecedent(
    ev: Event, kept: list[Event], ref: dt.date, nationality: Nationality | None = None
) -> Event | None:
    same = _candidates(ev, kept)
    if (k := _retold_by_kind(ev, same, nationality) or tour_retold(ev, same)) is not None:
        return k
    if not same:
        return None
    persons = persons_of(ev)
    actors = {id(p) for p in ev.participants if p.kind in (PERSON, ORG)}
    sig, name = signature(ev.trigger), event_name(ev.trigger)
    for k in same:
        if sig and sig == signature(k.trigger) or name and name == event_name(k.trigger):
            return k  # "the ninth trilateral meeting", "the G20 Hangzhou Summit", told twice
        if k.group in ("meet", "summit") and named_alike(ev.trigger, k.trigger):
            return k  # "the Arab League Council meeting", framing one event, then told
    if (k := _told_in_its_sentence(ev, same, actors) or welcome_told_again(ev, same)) is not None:
        return k
    if ev.anaphoric and ev.group != "sign":
        # (not a plan, when it is told as held on a day before the story's)
        plans = [k for k in same if not a_plan_held_before(k, ev, ref)]
        if (k := _anaphor_of(ev, plans, ref, nationality)) is not None:
            return k
    if ev.group == "sign" and signs_what_was_told(ev):
        for k in same:
            if signing_retold(ev, k, bool(persons)):
                return k
    same = [k for k in same if k.scheduled == ev.scheduled]
    if (k := next((k for k in same if the_headlines(ev, k, nationality)), None)) is not None:
        return k
    if not same:
        return None
    if not actors and not name and ev.group in ("meet", "call"):  # (a named one is its own)
        if one_of_its_own(ev.trigger):
            return None  # "held the inaugural session of ...": a sitting of its own
        if (
            ev.explicit_date
            and same[0].date is None
            and ev.sentence.start not in same[0].sentences
            and not recent(ev.date, ref)
        ):
            return None  # "during talks in Cairo in August": an earlier encounter
        return None if apart(ev, same[0], nationality) else same[0]
    if not actors and ev.group == "visit" and ev.guest is None and ev.host is not None:
        # "happy to visit Cyprus" during a visit to Cyprus: no one named, the same country
        return next((k for k in same if k.host is ev.host and compatible_dates(ev, k)), None)
    if (k := told_by_its_persons(ev, same, persons, nationality)) is not None:
        return k
    if len(persons) >= 2 and nationality is not None and ev.group in ("meet", "call"):
        return next((k for k in same if told_by_countries(k, ev, nationality)), None)
    if persons and nationality is not None and ev.group in ("meet", "call"):
        return next((k for k in same if a_country_for_its_person(ev, k, nationality)), None)
    return None


def _anaphor_of(
    ev: Event, same: list[Event], ref: dt.date, nationality: Nationality | None
) -> Event | None:
    """The event an anaphoric telling ("the meeting", "the ceremony") retells, if any."""
    persons = persons_of(ev)
    actors = {id(p) for p in ev.participants if p.kind in (PERSON, ORG)}
    if attended(ev.trigger):
        return same[0]  # "The meeting was attended by X": who else was there
    # ("the closed-door meeting" is the news's, not one "which last met in 2012")
    told = [k for k in same if not (ev.date is None and years_before(k, ref))]
    for k in [k for k in told if not ahead_of(ev, k) and not apart(ev, k, nationality)]:
        if actors <= {id(p) for p in k.participants} or not (actors - persons) and not persons:
            return k
        if ev.group == "meet" and persons and actors == persons and _a_bodys(k):
            return k  # "the ministers of X opened their meeting", "..., who chairs the meeting"
        if same_noun_of_no_one(ev, k):
            return k  # "as the two neighbours held their retreat", "who hosted the retreat"
    if len(same) == 1 and ev.group in ("ceremony", "summit"):
        # "The ceremony, attended by X, ...", "said the summit was ...": the one told
        return same[0]
    if ev.group == "summit" and only_a_frame(ev.trigger):
        return same[0]  # "met X on the margins of the summit": the summit told before
    return None


def _told_in_its_sentence(ev: Event, same: list[Event], actors: set[int]) -> Event | None:
    """One sentence telling one ceremony twice ("laid a wreath ... at the rite"), but not a
    signing done and one to come ("signed in 2022, is to be signed when"), nor talks with
    one and a meeting with another."""
    for k in same:
        if verb_and_object(ev.trigger, k.trigger):
            return k  # "co-chaired the Joint Commission Meeting": one event, both words'
        k_actors = {id(p) for p in k.participants if p.kind in (PERSON, ORG)}
        if ev.sentence.start in k.sentences and not (
            actors and k_actors and not actors & k_actors or other_counterparts(ev, k)
        ):
            if k.scheduled == ev.scheduled or ev.group != "sign" and not ahead_of(ev, k):
                return k
    return None


def _a_bodys(ev: Event) -> bool:
    """A body's gathering, told with no person of its own."""
    return any(p.kind == ORG for p in ev.participants) and not any(
        p.kind == PERSON for p in ev.participants
    )


def _retold_by_kind(ev: Event, same: list[Event], nationality: Nationality | None) -> Event | None:
    """The visit or signing told before that a visit or signing retells, by its own tests."""
    if ev.kind == "visit":
        return same_visit(ev, same[::-1], nationality) or a_day_of_the_visit(ev, same)
    if ev.group == "sign":
        return same_signing(ev, same[::-1])
    return None


def _region_abroad(ev: Event) -> bool:
    """A visit's place read from a retelling that is a region, not in the host country: what
    the retelling speaks of, not where the visit is made."""
    p = ev.place
    return (
        ev.kind == "visit"
        and ev.host is not None
        and p is not None
        and p.subkind == "region"
        and p.iso3 != ev.host.key
    )


def _candidates(ev: Event, kept: list[Event]) -> list[Event]:
    """The events told before that ev may retell, the latest first."""
    if ev.distinct == "sequel":
        return []  # "a meeting, followed by talks": the talks are no meeting told again
    if ev.kind == "visit" and (told := [k for k in reversed(kept) if apposed_to(ev, k)]):
        # "will travel to A, B and C next week, his first trip to Africa": whatever day
        # each telling got
        return told
    same = [
        k
        for k in reversed(kept)
        if k.group == ev.group
        and compatible_dates(k, ev)
        and not named_apart(ev.trigger, k.trigger)
    ]
    if not framing_gathering(ev.trigger) and ev.kind != "summit":
        # a gathering told as the frame of another event is retold only as a gathering
        same = [
            k
            for k in same
            if not framing_gathering(k.trigger) or named_alike(ev.trigger, k.trigger)
        ]
    elif framing_gathering(ev.trigger) and any(c.lower_ == "between" for c in ev.trigger.children):
        # ("met X on the sidelines of talks between A and B": talks of their own sides frame
        # the meeting of their sentence, they do not retell it)
        same = [k for k in same if k.sentence != ev.sentence or framing_gathering(k.trigger)]
    if ev.kind != "visit":
        return same
    if tour_told_again(ev) and (tours := [k for k in same if several_destinations(k)]):
        return tours  # (a tour told again may name any of its countries)
    if several_destinations(ev) or ev.distinct:
        return []  # a tour, or a site seen: not a visit told before
    return [
        k
        for k in same
        if not k.distinct and (k.host is None or ev.host is None or k.host is ev.host)
    ]


def _fold_into(target: Event, ev: Event) -> None:
    """What a telling adds to the event it tells again."""
    target.sentences |= ev.sentences
    target.told_at |= {ev.trigger.i} | ev.told_at
    # a telling of another host is one leg's ("the tour ends in Dakar, where X will meet
    # Y"): its place and people are that leg's, not the whole tour's
    leg = target.host is not None and ev.host is not None and target.host is not ev.host
    # (those who attended a meeting told before are no parties to it; a ceremony's are)
    present = ev.group == "meet" and attended(ev.trigger)
    for p in () if present or leg else ev.participants:
        if p not in target.participants:
            target.participants.append(p)
    if target.dateline_day and ev.explicit_date and not ev.dateline_day:
        target.date, target.dateline_day = ev.date, False  # the day told, not the filing's
    elif finer(ev.date, target.date) or (
        target.date is not None and ev.date is not None and a_day_in(target.date, ev.date)
    ):
        # (the visit's days, "arrived Sunday for a four-day visit", over one of them)
        target.date, target.explicit_date = ev.date, ev.explicit_date
    # ("was invited to meet X", then "the meeting took place on ...": held; not a plan's
    # own sentence telling it again, "will tour X in May, the first such trip")
    if (
        target.scheduled
        and not ev.scheduled
        and ev.explicit_date
        and ev.sentence != target.sentence
    ):
        target.scheduled = False
    if target.host is None:
        target.host, target.host_filed = ev.host, ev.host_filed
    for attr in ("guest", "guest_country", "visit_kind") if leg else _TOLD_ONCE:
        if getattr(target, attr) is None:
            setattr(target, attr, getattr(ev, attr))
    if _region_abroad(target):
        target.place = None  # "the visit would open markets in Latin America"
