"""Encounters told by words of talking with a person: "spoke with Prime Minister X" (talks,
or a phone call "by phone"), "had a call with X" (a phone call), "called on X" (a courtesy
call), "his reception by X" (a meeting); not "spoke to reporters", "a call for restraint",
"called on both sides to ..." or "a reception for the delegates"."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import words
from communique.mapping.events.parties import a_person, names_a_person, person_object
from communique.mapping.events.reader import EventReader
from communique.mapping.nlp.language import in_a_headline


def spoke_with(r: EventReader, tok: Token, found: list[tuple[Token, str]]) -> str | None:
    """ "spoke with Prime Minister X": talks with that person, a phone call when "by phone"
    says so, or when "also" adds it to a call told just before (not "spoke to reporters",
    nor "spoke with confidence"); `found` holds the triggers found so far."""
    if not _names_a_person_after(r, tok, "with"):
        return None
    children = list(tok.children)
    if by_phone(tok):
        return "phone-call"
    before = [(t.i, kind, t) for t, kind in found if t.i < tok.i]
    if any(kind == "phone-call" and in_a_headline(t) for _, kind, t in before):
        return "phone-call"  # a readout headed "X's Call with Y": "X spoke today with Y"
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in children):
        if before and max(before)[1] == "phone-call":
            return "phone-call"  # "X spoke by phone with Y ... X also spoke with Z"
    return "talks"


def by_phone(tok: Token) -> bool:
    """ "spoke by phone", "held talks over the phone", "Leaders Talk By Phone": the word
    (or the talks it holds) has a phone for its means."""
    held = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ("talk", "talks")]
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "over", "on", "via")
        and any(p.lemma_.lower() in words("phone_nouns") for p in c.children)
        for t in (tok, *held)
        for c in t.children
    )


def call_with(r: EventReader, tok: Token) -> bool:
    """ "had a productive call with Minister X": the noun "call" with a person is a phone
    call (not "a call for restraint", nor "a call with no one named")."""
    return tok.lemma_.lower() == "call" and _names_a_person_after(r, tok, "with")


_RINGING = frozenset({"call", "dial", "phone", "ring"})


def rang(r: EventReader, tok: Token) -> bool:
    """ "rang President X", "called the Kenyan leader on Tuesday": a verb of ringing whose
    object is a person is a phone call (not "called him a friend", "called X to ...", nor
    "called on X")."""
    if tok.lemma_.lower() not in _RINGING:
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "prt") for c in kids):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    if not objects:  # ("called President X": the parser may take the name for a predicate)
        objects = [c for c in kids if c.dep_ == "oprd"]
    elif any(c.dep_ == "oprd" for c in kids):
        return False  # "called him a friend"
    return any(person_object(r, c) or a_person(r, c) for c in objects)


def in_a_call(tok: Token) -> bool:
    """ "In a call on Tuesday, X and Y discussed ...": the noun "call" framing what its
    sentence tells (not "in a call for restraint", nor "during a courtesy call")."""
    if tok.lemma_.lower() != "call" or tok.dep_ != "pobj" or tok.head.lower_ not in _FRAMES:
        return False
    kids = list(tok.children)
    appeal = any(
        c.dep_ == "prep"
        and (
            c.lower_ == "for"
            or c.lower_ == "on"
            and not any(t.ent_type_ == "DATE" for t in c.subtree)
        )
        for c in kids
    )
    return not appeal and not any(c.lower_ == "courtesy" for c in kids)


_FRAMES = frozenset({"in", "during"})


def calls_on(r: EventReader, tok: Token) -> bool:
    """`called on the visiting leader` (or on "him", whom it names), not `called on both
    sides to ...`: a courtesy call (also when the parser makes the person the verb's object
    and leaves "on" bare)."""
    kids = list(tok.children)
    bare_on = any(c.dep_ == "prep" and c.lower_ == "on" and not list(c.children) for c in kids)
    if bare_on and not any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return any(c.dep_ == "dobj" and person_object(r, c) for c in kids)
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in kids):
        return False
    callee = [p for c in kids if c.dep_ == "prep" and c.lower_ == "on" for p in c.children]
    return any(
        a_person(r, p) or p.lemma_.lower() in words("party_nouns") or p.lower_ in ("him", "her")
        for p in callee
    )


def reception_by(r: EventReader, tok: Token) -> bool:
    """ "during his reception by Minister X", "hosted a reception for Deputy Prime Minister
    X": the noun "reception" with the person who receives, or the one received, is a meeting,
    as "was received by X" is (not "a reception for the delegates")."""
    if tok.lemma_.lower() != "reception":
        return False
    # ("hosted a reception ... for X": the parser may hang the "for" on the verb)
    held = tok.dep_ == "dobj" and _names_a_person_after(r, tok.head, "for")
    return held or _names_a_person_after(r, tok, "by") or _names_a_person_after(r, tok, "for")


def welcome_given(r: EventReader, tok: Token) -> bool:
    """ "gave a warm welcome to X", "accorded him a warm welcome": a welcome given to
    a person is a meeting with that person."""
    if tok.lemma_.lower() != "welcome" or tok.pos_ != "NOUN" or tok.dep_ != "dobj":
        return False
    verb = tok.head
    if verb.lemma_.lower() not in ("give", "accord", "extend"):
        return False
    to = _names_a_person_after(r, tok, "to") or _names_a_person_after(r, verb, "to")
    # ("accorded X a warm welcome": the parser may read X as a second object)
    given = (c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i != tok.i)
    return to or any(names_a_person(r, c) for c in given)


def _names_a_person_after(r: EventReader, tok: Token, prep: str) -> bool:
    """Whether the trigger's `prep` ("with", "by") names a person."""
    return any(
        c.dep_ == "prep" and c.lower_ == prep and any(names_a_person(r, p) for p in c.children)
        for c in tok.children
    )
