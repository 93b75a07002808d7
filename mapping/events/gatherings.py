"""Gatherings told as the frame of another event ("talks on the sidelines of the G20
summit"): events of their own, held by the bodies their phrase names, hosted where they sit;
and the clause that tells where, when and by whom a gathering is held."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events import tense
from communique.mapping.events.base import Event, framing_gathering, words
from communique.mapping.events.reader import EventReader
from communique.mapping.events.sentence_dates import sentence_dates
from communique.mapping.events.slots import own_slots
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.values.dates import resolve_date


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
    # "on the sidelines of talks between Tehran and Washington", "of the third round of
    # Chile-Ghana consultations": the sides its own words name
    sides = own_slots(tok)
    ev.participants += [
        e
        for e in r.entities_at(sides, (PERSON, ORG, COUNTRY), expand=True)
        if e not in ev.participants
    ]
    ev.place, ev.host = None, None
    place_below(r, ev)
    doc, after = tok.doc, tok.right_edge.i + 1
    here = after < len(doc) and doc[after].lower_ == "here"
    if ev.host is None and (here or any(c.lower_ == "here" for c in tok.children)):
        ev.place = r.here  # "the summit here": the city of the dateline
        ev.host = r.country_of(r.here)


def place_below(r: EventReader, ev: Event) -> None:
    """ "the informal meeting of the X Council in New York": a gathering's place may hang
    lower down its phrase; the first of its first two "in"/"at" that names one."""
    preps = [t for t in ev.trigger.subtree if t.dep_ == "prep" and t.lower_ in ("in", "at")]
    for c in preps[:2]:
        if where := _places_in(r, c):
            ev.place = next((e for e in where if e.kind == PLACE), None)
            ev.host = _host_among(r, where)
            return


def _the_bodys_sitting(tok: Token) -> bool:
    """ "looked forward to the meeting of the X Council in Astana": the sitting of a body
    told by its kind alone, with its place or time."""
    return (
        tok.lemma_.lower() in ("meeting", "session")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in tok.subtree)
    )


_SITTING_ORDER = frozenset(
    {"next", "last", "previous", "upcoming", "forthcoming"}
)  # "the next session of the X"


def sitting_of(r: EventReader, tok: Token) -> list[Entity]:
    """ "the 9th Congress of the X Union", "the fifth session of the Joint Commission": the
    bodies a numbered sitting is of (none for a gathering without an ordinal); for a verb,
    of the sitting it holds ("convene the next round of the Commission")."""
    if tok.pos_ == "VERB":
        return [e for c in tok.children if c.dep_ == "dobj" for e in sitting_of(r, c)]
    if not any(
        c.ent_type_ == "ORDINAL" or c.like_num or c.lower_ in _SITTING_ORDER for c in tok.children
    ) and not _the_bodys_sitting(tok):
        return []
    bodies = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if (e := r.by_token.get(p.i)) is not None and e.kind == ORG
    ]
    # "the Interstate Council between A and B": the two it sits between take part too
    sides = [s for b in bodies for c in b.children if c.lower_ == "between" for s in c.children]
    return r.entities_at(bodies, (ORG,), expand=False) + r.entities_at(
        sides, (COUNTRY,), expand=False
    )


def _places_in(r: EventReader, prep: Token) -> list[Entity]:
    """The places and countries named in a preposition's phrase ("in Lima, Peru")."""
    return [
        e
        for i in range(prep.i, prep.right_edge.i + 1)
        if (e := r.by_token.get(i)) is not None and e.kind in (PLACE, COUNTRY)
    ]


def _host_among(r: EventReader, where: list[Entity]) -> Entity | None:
    """The country of the first of `where` that has one."""
    return next((h for e in where if (h := r.country_of(e)) is not None), None)


def holding(t: Token) -> bool:
    """A verb that holds a gathering ("held", "convened", "hosted")."""
    return t.pos_ == "VERB" and t.lemma_.lower() in words("holding_verbs")


def setting_clause(tok: Token) -> Token | None:
    """The clause that tells where and when a gathering is held: its own ("the summit, to be
    held in X next month", "scheduled to be held in X"), one whose object it is ("whose summit
    Poland hosted in Warsaw"), or a passive infinitive the parser hung on the verb before,
    told right after the gathering's phrase ("work for the meeting of X, to be held in Y")."""
    for c in tok.children:
        if c.dep_ in ("acl", "relcl"):
            for v in (c, *(x for x in c.children if x.dep_ == "xcomp")):
                if holding(v):
                    return v
    if tok.dep_ in ("dobj", "nsubjpass") and holding(tok.head) and tok.head.dep_ == "relcl":
        return tok.head  # (read only when it names a country as host: not "who hosted talks")
    doc, nxt = tok.doc, tok.right_edge.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == ",":
        nxt += 1
    if nxt + 2 < len(doc) and doc[nxt].lower_ == "to" and doc[nxt + 1].lower_ == "be":
        v = doc[nxt].head
        if holding(v) and v.tag_ == "VBN" and v.i == nxt + 2 and not tok.is_ancestor(v):
            return v
    if nxt < len(doc) and doc[nxt].tag_ == "VBN" and not tok.is_ancestor(doc[nxt]):
        # "..., scheduled to be held in X" hung on the verb before, as above
        return next((v for v in _infinitives(doc[nxt]) if holding(v) or _takes_place(v)), None)
    return None


def _infinitives(verb: Token) -> list[Token]:
    return [x for x in verb.children if x.dep_ == "xcomp"]


def _takes_place(verb: Token) -> bool:
    """ "scheduled to take place in Paris": "take place" tells a gathering's setting."""
    return verb.lemma_ == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    )


def _points_ahead(clause: Token) -> bool:
    """ "will host", "to be held", "is held": ahead; "hosted", "was held" and a bare
    participle ("the meeting, held in Baku on March 3") tell what was."""
    if any(c.lower_ in ("will", "would") for c in clause.children):
        return True
    if clause.tag_ == "VBD":
        return False
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return not (clause.tag_ == "VBN" and aux <= _TOLD_AS_DONE)


_TOLD_AS_DONE = frozenset({"was", "were", "had", "has", "have", "been"})


def read_setting(r: EventReader, ev: Event, ref: dt.date) -> None:
    """A gathering's place, host and date from the clause that tells its setting, and
    whether it is still to come: "to be held", "will host" point ahead, "hosted" back."""
    if ev.group not in ("meet", "summit") or (clause := setting_clause(ev.trigger)) is None:
        return
    host = _named_host(r, clause)
    if host is None and clause.head != ev.trigger and clause.dep_ == "relcl":
        return
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    where = [
        e
        for c in clause.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at")
        for e in _places_in(r, c)
    ]
    if where or host is not None:
        ev.place = next((e for e in where if e.kind == PLACE), ev.place)
        ev.host = host or _host_among(r, where)
    ahead = _points_ahead(clause)
    ev.scheduled = ahead
    if ev.date is not None:
        return
    for span, value in sentence_dates(ev.sentence, ref):
        if lo <= span.root.i < hi:
            text = span.text
            past = resolve_date(text, ref, tense="past")
            ev.date = tense.ahead(text, value, ref) if ahead else (past or value)
            ev.explicit_date = True
            return


def _named_host(r: EventReader, clause: Token) -> Entity | None:
    """ "hosted by Baghdad", "that Hungary will host": the host's country."""
    for c in clause.children:
        slots = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "agent" else []
        if c.dep_ == "nsubj" and clause.lemma_.lower() == "host":
            slots = [c]
        for p in slots:
            e = r.entity(p)
            if e is not None and e.kind in (COUNTRY, PLACE):
                return r.country_of(e)
    return None
