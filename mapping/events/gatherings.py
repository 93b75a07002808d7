"""Gatherings told as the frame of another event ("talks on the sidelines of the G20
summit"): events of their own, held by the bodies their phrase names, hosted where they sit."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import Event, framing_gathering
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import COUNTRY, ORG, PLACE


def named_gathering(r: EventReader, tok: Token) -> bool:
    """A body named as the frame of another event ("on the margins of the General
    Assembly"): it stands for that body's session."""
    e = r.by_token.get(tok.i)
    return e is not None and e.kind == ORG and framing_gathering(tok)


def read_gathering(r: EventReader, ev: Event) -> None:
    """A gathering on whose sidelines another event is told: the bodies its own phrase names,
    held where that phrase says ("in Lima"), hosted by that place's country."""
    tok = ev.trigger
    ev.participants = []
    for i in range(tok.left_edge.i, tok.right_edge.i + 1):
        e = r.by_token.get(i)
        if e is not None and e.kind == ORG and e not in ev.participants:
            ev.participants.append(e)
    ev.place, ev.host = None, None
    # "the informal meeting of the X Council in New York": the place may hang lower down
    preps = [t for t in tok.subtree if t.dep_ == "prep" and t.lower_ in ("in", "at")]
    for c in preps[:2]:
        found = [r.by_token[i] for i in range(c.i, c.right_edge.i + 1) if i in r.by_token]
        where = [e for e in found if e.kind in (PLACE, COUNTRY)]
        if where:
            ev.place = next((e for e in where if e.kind == PLACE), None)
            ev.host = next((h for e in where if (h := r.country_of(e)) is not None), None)
            break
    doc, after = tok.doc, tok.right_edge.i + 1
    here = after < len(doc) and doc[after].lower_ == "here"
    if ev.host is None and (here or any(c.lower_ == "here" for c in tok.children)):
        ev.place = r.here  # "the summit here": the city of the dateline
        ev.host = r.country_of(r.here)
