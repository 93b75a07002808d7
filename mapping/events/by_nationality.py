"""Encounters told once by persons and once by countries: which countries stand for which
persons (by nationality) decides whether two tellings are one meeting or call."""

from __future__ import annotations

from communique.mapping.events.base import Event
from communique.mapping.events.retold import Nationality, persons_of
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON


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
