"""Events told without a trigger word of their own: the legs of a tour told by the verb that
carries the traveller ("a tour that took him to A and B"), and a call told again by a bare
noun ("The conversation began at ..."), which brings the call's date when only that later
sentence gives it; and what a trigger's clause adds once its parties are read: the setting
of a gathering, the second of two events told in sequence ("a private meeting, followed by
expanded talks"). The words they look for live in mapping/data/events.json ("words")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events import gatherings, messages
from communique.mapping.events.base import Event, governing_verb, words
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.nlp.language import sentence_of

_RELATIVES = ("that", "which")
_PARTIES_LED = words("parties_led")  # "delegation", "mission"


def _tour_nearby(head: Token) -> bool:
    """Whether a relative clause's head is a tour, or a noun of the tour's own phrase: "a
    tour of three countries that ...", "the last leg of his tour that ...", or a verb whose
    object the tour is ("embarks on a tour on Tuesday that ...")."""
    tours = words("tour_nouns")
    near = [head]
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        near.append(head.head.head)
    near += [p for c in head.children if c.lower_ == "of" for p in c.children]
    if head.pos_ == "VERB":  # "embark on a tour ... that will take him to": hung on the verb
        near += [c for c in head.children if c.dep_ == "dobj"]
        near += [p for c in head.children if c.dep_ == "prep" for p in c.children]
    return any(t.lemma_.lower() in tours and t.pos_ == "NOUN" for t in near)


def _destinations(r: EventReader, tok: Token) -> list[Entity]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                for t in (p, *p.conjuncts):
                    e = r.entity(t)
                    if e is not None and e.kind in (COUNTRY, PLACE):
                        out.append(e)
    return out


def verb_kind(r: EventReader, tok: Token) -> str | None:
    """The kind of event a verb outside the lexicon tells, if any."""
    if tok.pos_ != "VERB":
        return None
    if tour_leg(r, tok) or _leads_a_party_to(r, tok) or _goes_abroad(r, tok):
        return "visit"
    if messages.bearer_and_recipient(r, tok):
        return "meeting"  # a message handed over: its bearer meets its recipient
    return "agreement-signing" if _concluded(tok) else None


def _leads_a_party_to(r: EventReader, tok: Token) -> bool:
    """ "led a business delegation to Kenya", "is leading a trade mission to X": the one who
    leads it travels there."""
    if tok.lemma_.lower() not in ("lead", "head"):
        return False
    party = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _PARTIES_LED]
    return bool(party) and any(_destinations(r, t) for t in (tok, *party))


DEPARTURE_VERBS = words("departure_verbs")


def _goes_abroad(r: EventReader, tok: Token) -> bool:
    """ "X will fly to Tokyo", "X leaves for Guyana on Tuesday": a person of one country
    going to a place of another is visiting it."""
    if tok.lemma_.lower() not in DEPARTURE_VERBS:
        return False
    return _guest_abroad(r, tok, _places_after(r, tok, ("to", "for"))) is not None


def staying_in(r: EventReader, tok: Token) -> bool:
    """ "X will be in Oslo next week", "X, who is in Oslo for talks": a person of one country
    in a place of another is visiting it."""
    if tok.lemma_.lower() != "be" or tok.pos_ not in ("AUX", "VERB"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False  # "X is not in Oslo"
    guest = _guest_abroad(r, tok, _places_after(r, tok, ("in",)))
    # an ambassador lives where he is posted: his being there is no visit
    return guest is not None and not any(
        guest in held for office, held in r.titles.items() if "ambassador" in office
    )


def _places_after(r: EventReader, tok: Token, preps: tuple[str, ...]) -> list[Entity]:
    """The places and countries tok's prepositions `preps` name."""
    return [
        e
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj" and (e := r.entity(p)) is not None and e.kind in (PLACE, COUNTRY)
    ]


def _guest_abroad(r: EventReader, tok: Token, where: list[Entity]) -> Entity | None:
    """The one whose going or being tok tells, if from another country than the first of
    `where`."""
    host = r.country_of(where[0]) if where else None
    guest = r.guest_of(tok) if host is not None else None
    home = r.country_of(guest) if guest is not None else None
    if guest is not None and home is None and r.here is not None:
        # ("SEOUL - Foreign Minister X will depart for Oslo"): one of no country told, going
        # from where the story is filed, is of that country
        home = r.country_of(r.here)
    return guest if home is not None and home is not host else None


def _concluded(tok: Token) -> bool:
    """ "a security pact struck with X in 2022", "the declaration reached between A and B":
    a document told by the participle that concluded it was signed then (the parser often
    makes the participle a finite verb with the document its subject; "the deal reached a
    turning point" has an object and no one it was concluded with)."""
    if tok.lemma_.lower() not in words("striking_verbs") or tok.pos_ != "VERB":
        return False

    def one_document(t: Token) -> bool:  # ("the agreements reached": several, no event)
        return t.lemma_.lower() in words("concluded_documents") and t.tag_ in ("NN", "NNP")

    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD"):
        return one_document(tok.head)
    kids = list(tok.children)
    return (
        any(c.dep_ in ("nsubj", "nsubjpass") and one_document(c) for c in kids)
        and not any(c.dep_ == "dobj" for c in kids)
        and any(c.dep_ == "agent" or c.lower_ in ("with", "between") for c in kids)
    )


def tour_leg(r: EventReader, tok: Token) -> bool:
    """ "a tour that took him to Zambia": the verb carrying a tour's traveller somewhere is
    a visit there (one per destination, as "visited A and B" is)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("carrying_verbs"):
        return False
    if tok.dep_ != "relcl" or not _tour_nearby(tok.head):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVES for c in tok.children):
        return False
    return any(c.dep_ == "dobj" for c in tok.children) and bool(_destinations(r, tok))


def carried(r: EventReader, tok: Token) -> Entity | None:
    """The traveller a tour leg carries: its object, a name or a pronoun for the person
    named as a subject before it ("X is on a tour that took him to ...")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("carrying_verbs"):
        return None
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        e = r.entity(c)
        if e is None and c.lower_ in ("him", "her"):
            # (the subject named before: _pronoun reads only he and she)
            sent = sentence_of(tok.doc, tok.i)
            e = r.subject_before(c, sent) or r.last_subject.get(sent.start)
        return e if e is not None and e.kind == PERSON else None
    return None


def reread(r: EventReader, ev: Event, ref: dt.date) -> None:
    """What the trigger's clause adds once its parties are read."""
    gatherings.read_setting(r, ev, ref)
    if _concluded(ev.trigger):
        # not the people of the clause the document is named in: those who concluded it
        slots = [
            p
            for c in ev.trigger.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
            for p in c.children
        ]
        ev.participants = r.entities_at(slots, (PERSON, ORG, COUNTRY), expand=True)
    if (
        _sequel_noun(ev.trigger) is not None
        or _after_another(r, ev.trigger, ev.group)
        or _then(ev.trigger)
    ):
        ev.distinct = "sequel"


def _then(tok: Token) -> bool:
    """ "received X, who subsequently met Y": the clause's verb told as coming after another
    event is another event, though the same people take part ("later" is left out: it
    often tells a step of the visit being reported, "Later, X visited ...")."""
    verb = governing_verb(tok)
    return any(
        c.dep_ == "advmod" and c.lower_ in _SEQUEL_ADVERBS and not list(c.children)
        for c in verb.children
    )


_SEQUEL_ADVERBS = words("sequel_adverbs")


def _after_another(r: EventReader, tok: Token, group: str) -> bool:
    """ "Following the meeting, X and Y held a bilateral meeting": what a clause tells after
    an event of its group it names is another event, though it has the same people."""
    verb = governing_verb(tok)
    if tok.i != verb.i and not (tok.head.i == verb.i and tok.dep_ in _TOLD_SLOTS):
        return False  # ("signed the minutes of the committee meeting": that meeting, told again)
    return any(
        c.dep_ == "prep"
        and c.lower_ in _AFTER
        and any(p.dep_ == "pobj" and r.trigger_groups.get(p.i) == group for p in c.children)
        for c in verb.children
    )


_AFTER = {"after", "following"}
_TOLD_SLOTS = ("dobj", "nsubj", "nsubjpass")


def _sequel_noun(tok: Token) -> Token | None:
    """ "held a private meeting, followed by expanded talks": the second is an event of its
    own, not the first told again, though it has the same parties, day and place. The noun
    after "followed by": tok, or the one tok is joined to by "and" ("followed by a meeting
    with X and talks with Y": the parser joins "talks" to X)."""
    if tok.dep_ == "conj":
        tok = tok.head
        while tok.dep_ in ("pobj", "prep") and not (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
            tok = tok.head
    by = tok.head
    followed = (
        tok.dep_ == "pobj"
        and by.lower_ == "by"
        and by.dep_ == "agent"
        and by.head.lemma_.lower() in words("sequence_verbs")
    )
    return tok if followed else None


def join_sequels(kept: list[Event]) -> None:
    """ "the two leaders held a meeting, followed by expanded talks": talks told without
    their people are held by those of the meeting; on its day, where it was."""
    by_told = {i: e for e in kept for i in (e.trigger.i, *e.told_at)}
    for ev in kept:
        if ev.distinct != "sequel" or (noun := _sequel_noun(ev.trigger)) is None:
            continue
        verb = noun.head.head
        first = next((by_told[t.i] for t in _followed(verb) if t.i in by_told), None)
        if first is None or first is ev:
            continue
        if verb.lemma_.lower() == "precede":
            # "the visit will be preceded by a senior officials' meeting": what prepares an
            # event is held by others, on a day and at a place of its own
            continue
        if not ev.participants:
            ev.participants = [p for p in first.participants if p.kind == PERSON]
        for attr in ("date", "place", "host", "guest", "guest_country"):
            if getattr(ev, attr) is None:
                setattr(ev, attr, getattr(first, attr))


def _followed(verb: Token) -> list[Token]:
    """What "followed by" may follow, nearest first: the noun it hangs from ("a meeting
    followed by"), the object of the clause it hangs from ("held a meeting, followed by"),
    its subject ("the talks were followed by"), or what "which" stands for and the nouns
    above it ("a meeting of the Council, which will be followed by")."""
    if verb.dep_ == "acl":
        return [verb.head]
    head = verb.head if verb.dep_ == "advcl" else verb
    dep = "dobj" if verb.dep_ == "advcl" else "nsubjpass"
    subject = next((c for c in head.children if c.dep_ == dep), head)
    if subject.lower_ not in _RELATIVES or verb.dep_ != "relcl":
        return [subject]
    return [verb.head, *list(verb.head.ancestors)[:3]]
