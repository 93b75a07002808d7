"""Who an event is held with: the syntactic tests on a trigger and its sentence that decide
whether an object or a following name is a party, who speaks, who hosts, and how one phrase
tells several events (a meeting with each of several leaders, a visit to each of several
countries). The nouns they test live in mapping/data/events.json ("words")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events import implied
from communique.mapping.events.base import (
    Event,
    governing_verb,
    words,
)
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import COUNTRY, PERSON, PLACE
from communique.mapping.nlp.language import tokens_of
from communique.mapping.nlp.tree import Marks, tree_of


def _words(name: str) -> frozenset[str]:
    return words(name)


def party_nouns() -> frozenset[str]:
    """Nouns for people (or places) an event can be held with, though no name is given."""
    return _words("party_nouns")


def document_nouns() -> frozenset[str]:
    """Documents handed over at a signing ("the exchange of several memoranda")."""
    return _words("documents")


def person_object(r: EventReader, c: Token) -> bool:
    """`received Foreign Minister X`; `received on Tuesday Chairman of ... X` (the parser
    hangs a long title after a weekday on "on")."""
    if c.dep_ == "dobj":
        if (e := r.by_token.get(c.i)) is not None and e.kind == PERSON:
            return True
        # "hosted a delegation led by Prime Minister X"
        return c.lemma_.lower() in _words("parties_led") and names_a_person(r, c)
    if c.dep_ == "agent":  # "X was received by Pope Y"
        verb = c.head
        subjects = [s for s in verb.children if s.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "conj":  # "X made a visit ... and was received by Y"
            subjects = [s for s in verb.head.children if s.dep_ == "nsubj"]
        return names_a_person(r, c) and any(names_a_person(r, s) for s in subjects)
    if c.dep_ != "prep" or c.lower_ != "on":
        return False
    return r.named_below(c, "person-appos")


def names_a_person(r: EventReader, tok: Token) -> bool:
    return r.named_below(tok, "person")


def person_follows(r: EventReader, tok: Token) -> bool:
    """ "X hosted President Y on Wednesday" parsed with no object (the model hangs the
    verb on the name): a finite verb whose next words are a person's title and name."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "dobj" for c in tok.children):
        return False
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 8, len(doc))):
        e = r.by_token.get(i)
        if e is not None:
            return e.kind == PERSON
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


def calls_on(r: EventReader, tok: Token) -> bool:
    """`called on the visiting leader`, not `called on both sides to ...`: a courtesy call."""
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            for p in c.children:
                e = r.by_token.get(p.i)
                if (e is not None and e.kind == PERSON) or p.lemma_.lower() in _words(
                    "party_nouns"
                ):
                    return True
    return False


def of_documents(tok: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lemma_.lower() in _words("documents") for p in c.children)
        for c in tok.children
    )


def press_audience(tok: Token) -> Token | None:
    """The `conference` of "X told a press conference", else None."""
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _words("press"):
            return c
    return None


def one_per_partner(r: EventReader, ev: Event) -> list[Event]:
    """ "bilateral meetings with President X, President Y and Prime Minister Z": one meeting
    with each of them."""
    if ev.kind != "meeting":
        return [ev]
    doc = ev.trigger.doc
    # "will hold meetings with several countries. The meetings are with X, Y and Z": the
    # list may come in a later telling
    for tok in [ev.trigger, *(doc[i] for i in sorted(ev.told_at - {ev.trigger.i}))]:
        listed = _partners_listed(r, tok)
        if len(listed) >= 2:
            break
    else:
        return [ev]
    base = [p for p in ev.participants if p not in listed]
    verb = governing_verb(ev.trigger)
    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "X is expected to hold meetings": X holds them
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    base += [p for p in r.entities_at(subjects, (PERSON,), expand=True) if p not in base]
    return [
        replace(ev, participants=[*base, person], sentences=set(ev.sentences)) for person in listed
    ]


def _partners_listed(r: EventReader, tok: Token) -> list[Entity]:
    """The persons (else countries) a meetings noun or a sidelines meet lists."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "meet" and on_the_sidelines(tok):
        # "met Premier X and President Y on the margins of the summit": two bilaterals
        slots = [c for c in tok.children if c.dep_ == "dobj"]
    elif tok.tag_ == "NNS":
        # "meetings with X and Y"; "the meetings are with X and Y"
        heads = [tok, tok.head] if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" else [tok]
        slots = [
            p
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
        ]
    else:
        return []
    listed = r.entities_at(slots, (PERSON,), expand=True)
    if len(listed) < 2:  # "bilateral meetings with the Netherlands and Fiji"
        listed = r.entities_at(slots, (COUNTRY,), expand=True)
    return listed


def one_per_destination(r: EventReader, ev: Event) -> list[Event]:
    """ "will visit Japan and the Republic of Korea": a visit to each country."""
    if ev.kind != "visit" or ev.host is None:
        return [ev]
    tour = ev.trigger.lemma_.lower() in _words("tour_nouns") and ev.trigger.pos_ == "NOUN"
    slots = []
    for h in (ev.trigger, governing_verb(ev.trigger)):
        for c in h.children:
            if c.dep_ == "prep" and (c.lower_ == "to" or (tour and c.lower_ == "of")):
                slots += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "dobj" and h.lemma_.lower() == "visit":
                slots.append(c)
    others: list[Entity] = []
    for p in slots:
        if r.entity(p) is not ev.host:
            continue
        for conj in p.conjuncts:
            e = r.entity(conj)
            if e is not None and e.kind == COUNTRY and e is not ev.host and e not in others:
                others.append(e)
    if not others:
        return [ev]
    # "a tour of A, B and C": the tour itself, and a visit to each country
    whole = [_tour_of(ev)] if tour else []
    return (
        whole
        + [ev]
        + [
            replace(
                ev,
                host=c,
                place=None,
                participants=[c if p is ev.host else p for p in ev.participants],
                sentences=set(ev.sentences),
                distinct=c.key,
            )
            for c in others
        ]
    )


def hosted_by(r: EventReader, tok: Token) -> Entity | None:
    """ "the Arab League summit to be hosted by Baghdad": the host's country."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "host":
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        e = r.entity(p)
                        if e is not None and e.kind in (COUNTRY, PLACE):
                            return r.country_of(e)
    return None


def on_the_sidelines(tok: Token) -> bool:
    doc = tok.doc
    marks = doc.user_data.get("communique_sidelines")
    if marks is None:  # (a long sentence's verbs each have most of it below them)
        sidelines = [t.i for t in tokens_of(doc) if t.lower_ in _words("sidelines")]
        marks = doc.user_data["communique_sidelines"] = Marks(tree_of(doc), sidelines)
    return marks.in_subtree(tok)


def said_of_it(tok: Token) -> bool:
    """`It was/marked his first visit`: the noun describes an event already told."""
    if tok.dep_ not in ("attr", "dobj") or tok.head.lemma_.lower() not in ("be", "mark"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children)


def object_is_no_party(r: EventReader, tok: Token) -> bool:
    """A meeting or visit verb whose object is a thing, not someone or somewhere."""
    if tok.lemma_.lower() not in ("meet", "visit"):
        return False
    for c in tok.children:
        # (only a noun is a thing: a stray "’s" the parser made the object is none)
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
            if r.entity(c) is not None or r.named_below(c):
                return False
            return c.lemma_.lower() not in _words("party_nouns")
    return False


def country_in(r: EventReader, tok: Token) -> Entity | None:
    for h in (tok, governing_verb(tok)):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    e = r.entity(p)
                    if e is not None and e.kind == COUNTRY:
                        return e
    return None


def _site_visited(r: EventReader, tok: Token) -> Token | None:
    """ "visited the hydroelectric power plant": a site, unnamed, seen during a visit."""
    if tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ == "dobj" and r.entity(c) is None and c.lemma_.lower() in _words("site_nouns"):
            return c
    return None


def read_visit(r: EventReader, ev: Event) -> None:
    ev.visit_kind = r.visit_kind(ev.trigger)
    if (site := _site_visited(r, ev.trigger)) is not None:
        ev.distinct = f"site-{site.i}"  # a visit of its own, not the visit retold
    guest = implied.carried(r, ev.trigger)
    if guest is not None:
        ev.distinct = "leg"  # a leg of the tour told before it, not that tour told again
    guest = guest or r.guest_of(ev.trigger)
    dest = r.destination(ev.trigger)
    if guest is not None:
        ev.guest = guest
        ev.participants = [guest] + [p for p in ev.participants if p is not guest and p is dest]
    if dest is not None:
        if dest.kind == PLACE and ev.place is None:
            ev.place = dest
        ev.host = r.country_of(dest)
        if dest.kind == PERSON and dest not in ev.participants:
            ev.participants.append(dest)
    if ev.host is None and ev.place is not None:
        ev.host = r.country_of(ev.place)
    ev.guest_country = r.country_of(ev.guest)
    if ev.guest_country is not None and ev.guest_country is ev.host:
        ev.guest_country = None


def not_diplomatic(r: EventReader, tok: Token, kind: str) -> bool:
    """A trigger that tells no diplomatic event: a private visit, signing a visitors' book,
    a visit to a fair, a meeting that is being set up as an institution."""
    if kind == "visit" and any(c.lower_ in _words("private_modifiers") for c in tok.children):
        return True  # "a private visit to the shrine"
    if kind == "visit" and _visits_a_venue(r, tok):
        return True  # "visit the international book fair"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _words("readiness_adjectives"):
        return True  # "is ready to discuss closer ties": an offer, no event held or set
    if kind == "agreement-signing" and tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _words(
                "signed_not_documents"
            ):
                return True  # "signed the visitors' book"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass"):
        # "establishing an annual leaders meeting": a mechanism set up, no meeting held
        return tok.head.lemma_.lower() in _words("founding_verbs")
    return False


def _visits_a_venue(r: EventReader, tok: Token) -> bool:
    heads = [tok, governing_verb(tok)] if tok.pos_ != "VERB" else [tok]
    for h in heads:
        for c in h.children:
            objs = [c] if c.dep_ == "dobj" and h.lemma_.lower() == "visit" else []
            if c.dep_ == "prep" and c.lower_ == "to":
                objs = [p for p in c.children if p.dep_ == "pobj"]
            if any(o.lemma_.lower() in _words("venues_not_visits") for o in objs):
                return True
    return False


def _tour_of(ev: Event) -> Event:
    """The tour a visit of several countries makes: no host of its own, its visitor."""
    people = [p for p in ev.participants if p.kind != COUNTRY]
    guest = [ev.guest] if ev.guest is not None and not people else []
    return replace(
        ev,
        host=None,
        place=None,
        participants=people or guest,
        sentences=set(ev.sentences),
        distinct="tour",
    )


def one_tour(events: list[Event]) -> list[Event]:
    """A tour told before as a visit without a destination ("X's European visit") is that
    visit: the tour is not told twice."""
    hostless = {
        id(e.guest): e
        for e in events
        if e.kind == "visit" and e.host is None and e.distinct != "tour"
    }
    out = []
    for e in events:
        told = hostless.get(id(e.guest)) if e.distinct == "tour" else None
        if told is None:
            out.append(e)
        elif told.date is None:  # the tour's days are the visit's
            told.date, told.explicit_date = e.date, e.explicit_date
    return out
