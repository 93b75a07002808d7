"""Encounters told again by the same persons (or a headline's by some of them), and those
told once by persons and once by countries: which countries stand for which
persons (by nationality) decides whether two tellings are one meeting or call; a summit
named by the two countries is the meeting of their persons told before, and a summit and a
meeting of the same two persons planned for one time are one plan."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import Event
from communique.mapping.events.date_fit import compatible_dates
from communique.mapping.events.retold import Nationality, a_headline, apart, persons_of
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON
from communique.mapping.mentions.gazetteers import country_named


def told_by_countries(k: Event, ev: Event, nationality: Nationality) -> bool:
    """ "Korea and Japan agreed during talks" (the lede), then "X held talks with Y"; "X met
    the leaders of A and B", then "X and A's president discussed ...": an encounter told
    first by countries (beside persons of its own, all in the second telling) is the one
    their persons hold. Not a signing: "A and B signed 17 agreements", then "X and Y signed
    a declaration"."""
    if k.group != ev.group or (k.kind != ev.kind and k.group != "meet"):
        return False
    if any(p.kind == ORG for p in k.participants):
        return False
    theirs = persons_of(k)
    persons = [p for p in ev.participants if p.kind == PERSON]
    if not theirs <= {id(p) for p in persons}:
        return False
    countries = {id(p) for p in k.participants if p.kind == COUNTRY}
    known = [c for p in persons if id(p) not in theirs and (c := nationality(p))]
    return bool(known) and {id(c) for c in known} <= countries


def a_country_for_its_person(ev: Event, k: Event, nationality: Nationality) -> bool:
    """ "X met Y", then "the top A diplomat's meeting with Y": a telling by a noun that names
    one of the two and, for the other, only the country whose person that other is (not "X
    met his A counterpart", a verb telling an encounter of its own)."""
    if ev.trigger.pos_ != "NOUN" or any(p.kind == ORG for p in ev.participants):
        return False
    named = persons_of(ev)
    if not named < persons_of(k):
        return False
    countries = {id(p) for p in ev.participants if p.kind == COUNTRY}
    others = {
        id(c)
        for p in k.participants
        if p.kind == PERSON and id(p) not in named and (c := nationality(p))
    }
    return bool(countries) and countries <= others


def summit_of_the_pair(ev: Event, kept: list[Event]) -> Event | None:
    """ "X said as the A-B Summit opened" after "X met Y": a summit named by two
    countries alone, told with no one but persons of a meeting told before, is that meeting
    (a bilateral summit: the two leaders' encounter)."""
    if (k := _plan_of_the_pair(ev, kept)) is not None:
        return k
    if ev.kind != "summit" or not _named_by_two_countries(ev.trigger):
        return None
    persons = persons_of(ev)
    for k in reversed(kept):
        if k.group == "meet" and k.scheduled == ev.scheduled and compatible_dates(k, ev):
            theirs = persons_of(k)
            if persons and persons <= theirs and len(theirs) == 2:
                return k
    return None


def _plan_of_the_pair(ev: Event, kept: list[Event]) -> Event | None:
    """ "planned a summit of X and Y for May", then "X and Y will hold a meeting in May": a
    summit and a meeting both still planned for one time, of the same two persons, are one
    plan told twice."""
    if not ev.scheduled or ev.date is None or ev.group not in ("meet", "summit"):
        return None
    persons = persons_of(ev)
    if len(persons) != 2:
        return None
    return next(
        (
            k
            for k in reversed(kept)
            if k.scheduled
            and k.group in ("meet", "summit")
            and k.group != ev.group
            and k.date is not None
            and compatible_dates(k, ev)
            and persons_of(k) == persons
        ),
        None,
    )


def _named_by_two_countries(tok: Token) -> bool:
    """ "the Japan-Mongolia Summit": the word before is a country, joined by a hyphen to
    another before it."""
    doc, i = tok.doc, tok.i
    return (
        i >= 3
        and doc[i - 2].text in ("-", "–")
        and country_named(doc[i - 1].text) is not None
        and country_named(doc[i - 3].text) is not None
    )


def told_by_its_persons(
    ev: Event, same: list[Event], persons: set[int], nationality: Nationality | None
) -> Event | None:
    """The event told before by the same persons (or a headline's, by some of them)."""
    for k in same if persons else ():
        kp = persons_of(k)
        if persons == kp and (len(persons) >= 2 or ev.group in ("visit", "call")):
            if not (ev.group == "meet" and apart(ev, k, nationality)):
                return k  # (the same two at another venue, or on a day of its own: met again)
        if ev.group == "call" and kp and (persons < kp or kp < persons):
            return k  # a headline's call with one of them, then the call with both
        if ev.group == "meet" and kp < persons and a_headline(k):
            return k  # a headline's meeting of no one named, or of one of them
        if ev.group in ("meet", "call") and persons < kp and _subject_dropped(ev.trigger):
            return k  # X met Y, then X's own post "Called on Y today.": told by one of them
    return None


def _subject_dropped(verb: Token) -> bool:
    """ "Met with X.", "Called on Y": a verb opening its sentence with no subject, the
    first person a post or a readout leaves out (not a participle: "Welcoming X, Y said" has
    its subject after it)."""
    if verb.tag_ not in ("VBD", "VBN") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    ):
        return False
    first = next((t for t in verb.sent if not (t.is_punct or t.is_quote or t.is_space)), None)
    return first is not None and first.i == verb.i
