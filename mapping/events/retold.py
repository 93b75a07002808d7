"""Re-mentions of one event that the group-by-group coreference of coreference.py does not
see: a visit retold by its visitor ("Duval's visit will be of importance"), a discussion
that retells the call or meeting it happened in, and "the ceremony" of a signing told before
(a signing told again: signings_retold.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity, may_be_one_place
from communique.mapping.events.base import DISTINCT_MODS, Event, words
from communique.mapping.events.tense import told_ahead
from communique.mapping.events.told_again import dates_agree, talk_of_the_call
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON
from communique.mapping.nlp.language import in_a_headline
from communique.mapping.values.dates.value import DateValue

Nationality = Callable[[Entity], "Entity | None"]


def persons_of(ev: Event) -> set[int]:
    return {id(p) for p in ev.participants if p.kind == PERSON}


def distinct(ev: Event) -> bool:
    """ "his next visit", "a second visit": told as another event than those before."""
    return any(c.lower_ in DISTINCT_MODS or c.ent_type_ == "ORDINAL" for c in ev.trigger.children)


def same_visit(ev: Event, visits: list[Event], nationality: Nationality | None) -> Event | None:
    """A visit told without a destination of its own is the visit told before by the same
    visitor, planned or under way alike ("X's visit will strengthen ties": the future tells
    its effect, not another visit). A destinationless visit whose only persons are nationals
    of the country visited ("the Foreign Minister's visit", read as the host's minister)
    retells the one visit under way, or when none is, the one visit told ("X welcomed the
    visit" of a visit still ahead)."""
    if (ev.host is not None and not ev.host_filed) or ev.explicit_date or distinct(ev):
        return None
    persons = persons_of(ev)
    if not persons:
        return None
    for k in reversed(visits):
        if k.guest is not None and persons <= {id(k.guest)} | persons_of(k):
            if id(k.guest) in persons:
                return k
    current = [k for k in visits if not k.scheduled and k.host is not None]
    if not current and ev.anaphoric:
        current = [k for k in visits if k.host is not None]
    if len(current) != 1 or nationality is None or ev.scheduled:
        return None
    host = current[0].host
    people = [p for p in ev.participants if p.kind == PERSON]
    if all(nationality(p) is host for p in people):
        return current[0]
    return None


def retold_elsewhere(ev: Event, kept: list[Event]) -> Event | None:
    """An event of another group that this mention retells: "received a call from Y and
    discussed ..." (the discussion is the call), "At the end of the ceremony" after a
    signing (the signing ceremony)."""
    tok = ev.trigger
    if _about_what_was_said(ev):
        # "Discussions also covered ...", "The talks focused on ...": the content of the
        # meeting, call or summit told before (the sentence's dates are those of what was
        # said); "The talks will focus on ...": of the one planned
        return next(
            (
                k
                for k in reversed(kept)
                if k.group in ("meet", "call", "summit") and k.scheduled == ev.scheduled
            ),
            None,
        )
    if (call := talk_of_the_call(ev, kept)) is not None:
        return call  # ("held a phone talk ... During the talk, X ...")
    if ev.kind == "talks" and tok.pos_ == "VERB" and tok.lemma_.lower() in words("talk_verbs"):
        persons = persons_of(ev)
        if not persons:
            return None
        for k in reversed(kept):
            if ev.explicit_date and k.date is None:
                continue  # "discussed ... in September": not the undated call
            if k.group in ("meet", "call") and dates_agree(k, ev) and k.scheduled == ev.scheduled:
                if persons <= persons_of(k) and len(persons_of(k)) >= 2:
                    return k
        return None
    if ev.kind == "statement" and ev.anaphoric and tok.pos_ == "NOUN":
        # "The briefing came ahead of ...": the briefing told before, whatever date the
        # sentence gives (its date is that of what the briefing was about)
        if not any(p.kind in (PERSON, ORG) for p in ev.participants):
            return next((k for k in reversed(kept) if k.kind == "statement"), None)
        return None
    if ev.kind == "ceremony" and ev.anaphoric and tok.lower_ == "ceremony":
        if any(k.group == "ceremony" for k in kept):
            return None
        for k in reversed(kept):
            if k.group == "sign" and not k.scheduled and dates_agree(k, ev):
                if persons_of(ev) <= persons_of(k):
                    return k
    return None


def _about_what_was_said(ev: Event) -> bool:
    tok = ev.trigger
    return (
        ev.group == "meet"
        and tok.pos_ == "NOUN"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.lemma_.lower() in words("content_verbs")
        and not any(p.kind == PERSON for p in ev.participants)
        # ("The second meeting, held in May, focused on ...": another one)
        and not any(
            (c.ent_type_ == "ORDINAL" or c.lower_ in DISTINCT_MODS) and c.dep_ != "appos"
            for c in tok.children
        )
    )


def several_destinations(ev: Event) -> bool:
    """ "a trip to A, B and C": told with a list of destinations, a visit to each (and the
    tour), not one more telling of a visit told before."""
    tok = ev.trigger
    if tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.conjuncts for c in tok.children):
        return True  # "will visit A, B and C"
    for h in (tok, tok.head.head if tok.dep_ == "pobj" else tok.head):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "of"):
                if any(p.dep_ == "pobj" and p.conjuncts for p in c.children):
                    return True
    return False


_TOUR_NOUNS = words("tour_nouns")


def tour_told_again(ev: Event) -> bool:
    """ "the tour", "the trip" told again of a visit."""
    return ev.kind == "visit" and ev.anaphoric and ev.trigger.lemma_.lower() in _TOUR_NOUNS


def tour_retold(ev: Event, same: list[Event]) -> Event | None:
    """ "The tour ends in Dakar": the tour of several countries its visitor was told to make."""
    if not tour_told_again(ev):
        return None
    return next((k for k in same if several_destinations(k) and k.guest in ev.participants), None)


def apposed_to(ev: Event, k: Event) -> bool:
    """An event noun set beside the trigger of another as its description (the parser may
    hang "..., his first trip to X" on the verb as its object), or what the travel is on
    ("will travel to A, B and C on a ten-day tour")."""
    tok = ev.trigger
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        tok = tok.head
    elif tok.dep_ not in ("npadvmod", "appos", "dobj"):
        return False
    return tok.head.i in {k.trigger.i} | k.told_at


def ahead_of(ev: Event, k: Event) -> bool:
    """ "they discussed the upcoming meeting": an event its own words put ahead is not one
    told as under way or done (the encounter they are having)."""
    return not k.scheduled and told_ahead(ev.trigger)


_FRAME_NOUNS = words("frame_nouns")


def only_a_frame(tok) -> bool:
    """`on the sidelines of the summit`: the gathering frames another event."""
    return tok.head.lower_ == "of" and tok.head.head.lower_ in _FRAME_NOUNS


_ATTENDANCE = words("attendance_words")


def attended(tok) -> bool:
    """ "The meeting was attended by X", "Also present at the talks were X", "The talks were
    joined by X", "X and Y attended the meeting", "the meeting, attended by X" (or "which was"):
    the event told for who else was there."""
    head = tok.head
    if tok.dep_ == "nsubjpass" or tok.dep_ == "dobj" and head.pos_ == "VERB":
        return head.lemma_.lower() in _ATTENDANCE
    if any(c.dep_ == "relcl" and c.lemma_.lower() in _ATTENDANCE for c in tok.children):
        return True  # "the talks, which were also attended by X"
    after = tok.doc[tok.i + 1 : tok.i + 3]
    if len(after) == 2 and after[0].text == "," and after[1].tag_ == "VBN":
        # (the parser hangs the participle on the clause's verb as often as on the noun)
        return after[1].lemma_.lower() in _ATTENDANCE
    if tok.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_.lower() in _ATTENDANCE
    return False


def other_counterparts(a: Event, b: Event) -> bool:
    """ "will hold talks with A and meet B the same day": each names a person the other
    does not (not one event told twice)."""
    x, y = persons_of(a), persons_of(b)
    return bool(x - y) and bool(y - x)


def a_headline(ev: Event) -> bool:
    """Told in the article's first line, a title with no closing stop."""
    return in_a_headline(ev.trigger)


def told_apart(ev: Event, k: Event) -> bool:
    """ "The second meeting, held in Nadi in May": a day or a place of its own that the
    event told before does not share makes it another event."""
    # (not a day k only has from the dateline: "MANILA, March 15 - X had talks ...", then
    # "their talks on Friday")
    if ev.explicit_date and ev.date is not None and k.date is not None and not k.dateline_day:
        a, b = ev.date.value, k.date.value
        if not (a.startswith(b) or b.startswith(a)):
            return True
    return ev.place is not None and k.place is not None and not may_be_one_place(ev.place, k.place)


def verb_and_object(a: Token, b: Token) -> bool:
    """One trigger the object of the other ("co-chaired" + "the Commission Meeting"; the
    parser may split "co-" off as the verb, its "chaired" a conjunct or a dependent)."""
    for v, o in ((a, b), (b, a)):
        split = o.head.dep_ in ("conj", "dep") and v.lower_ == "co"
        verb = o.head.head if split else o.head
        if o.dep_ == "dobj" and verb.i == v.i:
            return True
    return False


def countries_of_its_own(ev: Event, k: Event, nationality: Nationality | None) -> bool:
    """ "talks between Tehran and Washington" after X's talks with Y: a telling by two
    countries or more, one of them neither k's nor a country of k's two persons, is another
    event (but "meetings with several countries", then "with A, B and C": those)."""
    countries = [p for p in ev.participants if p.kind == COUNTRY]
    if len(countries) < 2 or nationality is None or len(persons_of(k)) < 2:
        return False
    theirs = {id(p) for p in k.participants}
    theirs |= {id(c) for p in k.participants if p.kind == PERSON and (c := nationality(p))}
    return any(id(c) not in theirs for c in countries)


def a_day_of_the_visit(ev: Event, visits: list[Event]) -> Event | None:
    """ "On Wednesday, X will travel to Kisumu", "X arrives on Monday": a trip inside the
    country a visit of several days is made to, or one told without a destination, on one
    of its days, by its guest, is that visit."""
    for k in visits:
        if (
            k.guest is not None
            and k.guest is ev.guest
            and (k.host is ev.host or ev.host is None)
            and k.date is not None
            and ev.date is not None
            and a_day_in(ev.date, k.date)
        ):
            return k
    return None


def same_noun_of_no_one(ev: Event, k: Event) -> bool:
    """ "as the two neighbours held their annual retreat", then "X, who hosted the retreat":
    the noun told again, of an event told with no one named, is that event (not as the
    frame of another: "Before the press conference, X and Y signed ...")."""
    tok = ev.trigger
    same = tok.lemma_.lower() == k.trigger.lemma_.lower() and tok.pos_ == "NOUN"
    if not same or tok.dep_ == "pobj":
        return False
    return not any(p.kind in (PERSON, ORG) for p in k.participants)


def a_day_in(day: DateValue, span: DateValue) -> bool:
    """Whether `day` is one of the days of the range `span`."""
    return span.end is not None and day.precision == "day" and span.covers(day)


def the_headlines(ev: Event, k: Event, nationality: Nationality | None) -> bool:
    """ "Spain, Chile sign lithium deal", then "X and Y signed on Wednesday ...": the event of
    the headline's kind the body tells first, by its people or their countries."""
    if not a_headline(k) or k.kind != ev.kind or a_headline(ev) or told_apart(ev, k):
        return False
    if not persons_of(k) <= persons_of(ev):
        return False
    theirs = {id(p) for p in ev.participants} | {id(ev.host)}
    if nationality is not None:
        theirs |= {id(c) for p in ev.participants if p.kind == PERSON and (c := nationality(p))}
    return all(id(c) in theirs for c in k.participants if c.kind == COUNTRY)


def years_before(k: Event, ref: dt.date) -> bool:
    """k is dated in a year before the article's."""
    return k.date is not None and k.date.value[:4] < str(ref.year)


def apart(ev: Event, k: Event, nationality: Nationality | None) -> bool:
    """A day, a place or countries of its own make ev another event than k."""
    return told_apart(ev, k) or countries_of_its_own(ev, k, nationality)
