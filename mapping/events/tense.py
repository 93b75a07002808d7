"""Which way an event's date points from the article's day: the tense of the clause that tells
the event, the words around the event ("upcoming", "previous", "preparations for", "ahead
of"), and whose event it is ("X's visit in March" recalled in a plan keeps its past)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

from communique.mapping.events.base import FUTURE_GOVERNORS, FUTURE_MODS, governing_verb
from communique.mapping.events.base import words as event_words
from communique.mapping.values.dates import resolve_date
from communique.mapping.values.dates.value import DateValue


@cache
def words(name: str) -> frozenset[str]:
    """A word class of data/dates.json (see its _comment)."""
    path = resources.files("communique.mapping").joinpath("data/dates.json")
    return frozenset(json.loads(path.read_text("utf-8"))[name])


# "is arriving", "are holding": the present progressive tells of an arrangement
_PRESENT_AUX = {"VBZ", "VBP"}


def is_future(head: Token) -> bool:
    """Whether a clause tells of something still to come (its weekdays lie ahead)."""
    if any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in words("will_auxiliaries")
        for c in head.children
    ):
        return True
    if _plans(head) or any(c.dep_ == "acomp" and _plans(c) for c in head.children):
        return True  # "is scheduled to visit", "is due to visit"
    # "Venndal is to travel ...": be + infinitive
    return (
        head.tag_ == "VB"
        and any(c.lower_ == "to" for c in head.children)
        and (head.head.lemma_ == "be" and head.dep_ == "xcomp")
    )


def _plans(tok: Token) -> bool:
    plan = tok.lemma_.lower() in words("plan_heads")
    return plan and any(c.dep_ == "xcomp" for c in tok.children)


def is_present(head: Token) -> bool:
    """ "X arrives on Sunday", "X is arriving on Sunday": a dated event told in the present
    is one arranged ahead (what is past is told in the past)."""
    if head.lemma_.lower() in words("say_verbs") | words("state_verbs"):
        return False  # "who is on a two-day visit from August 4": it holds now
    if head.tag_ in _PRESENT_AUX:
        return True
    return head.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in _PRESENT_AUX for c in head.children
    )


def points_ahead(head: Token) -> bool:
    """The clause's tense points ahead; a participle clause without a subject of its own
    ("Arriving on Sunday, X will ...") takes the tense of the verb it hangs from, and a bare
    verb conjoined with one that of its verb ("will meet X on Friday and hold talks with Y
    on Saturday")."""
    participle = head.tag_ == "VBG" and head.dep_ in ("advcl", "acl")
    bare = participle or (head.tag_ == "VB" and head.dep_ == "conj")
    if bare and head.head != head and not any(c.dep_ in ("aux", "nsubj") for c in head.children):
        head = head.head
    return is_future(head) or is_present(head)


def told_as_done(head: Token) -> bool:
    """The clause tells its event as done: a verb in the past, or a reduced relative under
    one ("attended the summit held in December": the participle has no tense of its own)."""
    if head.tag_ == "VBD":
        return True
    if head.dep_ != "acl" or head.tag_ != "VBN" or head.head == head:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    return governing_verb(head.head).tag_ == "VBD"


def told_before(tok: Token) -> bool:
    """ "said on Tuesday that X had met Y": the pluperfect puts the event before the time
    the clause above it tells of."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def prepared(tok: Token, head: Token) -> bool:
    """ "the preparations for X's visit", "ahead of X's trip": the event lies ahead of the
    clause that tells it, whatever that clause's tense."""
    t = tok
    for _ in range(6):
        if t.head == t:
            return False
        t = t.head
        if t == head:
            return False  # the clause's own verb: "had prepared it during talks in May"
        if t.lemma_.lower() in words("ahead_frames") or t.lower_ in words("ahead_frames"):
            return True
    return False


def followed(tok: Token, head: Token) -> bool:
    """ "the trip follows a meeting in September", "in the wake of the talks in May": the
    event lies before what the clause tells (the clause's verb itself may be the frame)."""
    t = tok
    for _ in range(6):
        if t.head == t:
            return False
        t = t.head
        if t.lemma_.lower() in words("behind_frames") or t.lower_ in words("behind_frames"):
            return True
        if t == head:
            return False
    return False


def announced(tok: Token) -> bool:
    """ "announced a visit starting April 20": the event is made known, not told as done."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in words(
        "announcing_verbs"
    )


def for_a_purpose(tok: Token, head: Token, governing: Token) -> bool:
    """ "visited Montevideo in March to attend X's inauguration": an infinitive of purpose of a
    verb told as done is no plan; "invited her to attend" is. (Also when the parser hangs the
    purpose on the verb's object: "received a call from X on Tuesday to discuss ...".)"""
    return (
        governing.dep_ == "advcl"
        and (governing.head == head or (governing.head.head, governing.head.pos_) == (head, "NOUN"))
        and head.tag_ == "VBD"
        and head.lemma_.lower() not in FUTURE_GOVERNORS
        and any(c.lower_ == "to" for c in governing.children)
        and tok != head
        # ("met on Monday to discuss preparations for X's visit": the visit lies ahead)
        and not prepared(tok, governing)
    )


def told_of_someone(tok: Token) -> bool:
    """`will build on President X's visit to Japan in March`: an event told as someone's,
    not planned in the clause that tells it, keeps its date's plain reading."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
        and not any(c.lower_ in words("ahead_modifiers") for c in tok.children)
    )


def told_ahead(tok: Token) -> bool:
    """ "the upcoming summit", "the next meeting", "the upcoming round of talks": an event its
    own words put ahead."""
    return any(
        c.dep_ == "amod" and c.lower_ in words("ahead_modifiers")
        for h in {tok, the_round_of(tok)}
        for c in h.children
    )


def the_round_of(tok: Token) -> Token:
    """ "the next round of talks": the round carries the words about the talks."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _ROUNDS:
        return tok.head.head
    return tok


def relative_plan(tok: Token) -> Token | None:
    """ "the talks ..., which are scheduled to be held in Muscat": the verb of a relative
    clause that plans the event. The parser may hang the clause on the last side of the
    talks' "between" phrase; a side is never scheduled to be held."""
    noun = the_round_of(tok)
    for c in (c for h in {tok, noun} for c in h.children):
        if c.dep_ == "relcl" and is_future(c):
            return c
    sides = [
        s
        for b in tok.children
        if b.dep_ == "prep" and b.lower_ == "between"
        for p in b.children
        if p.dep_ == "pobj"
        for s in (p, *p.conjuncts)
    ]
    return next((c for s in sides for c in s.children if c.dep_ == "relcl" and plan_held(c)), None)


def plan_held(verb: Token) -> list[Token]:
    """ "is scheduled to be held in X", "are due to take place in X": the verb a plan holds
    its event with, where the event's place hangs."""
    plans = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return [x for p in plans if _plans(p) for x in p.children if x.dep_ == "xcomp"]


def not_past(value: DateValue, ref: dt.date) -> bool:
    return value.value >= ref.isoformat()[: len(value.value)]


def ahead(text: str, value: DateValue, ref: dt.date) -> DateValue:
    """A planned event's weekday or month lies ahead: re-read the expression so."""
    if value.value >= ref.isoformat()[: len(value.value)]:
        return value
    return resolve_date(text, ref, tense="future") or value


_MODALS = {"will", "shall", "would", "could", "may", "might", "should", "can", "must"}


def is_scheduled(tok: Token) -> bool:
    # (not a clause of its own: "discussed ..., scheduled for the autumn" tells of another,
    # as "arrived on Monday and is scheduled to ..." does)
    if any(
        c.lower_ in FUTURE_MODS and c.dep_ not in ("advcl", "conj")
        for h in {tok, the_round_of(tok)}
        for c in h.children
    ):
        return True
    if relative_plan(tok) is not None:
        return True
    if any(
        c.lower_ in ("today", "tonight") and c.dep_ in ("poss", "compound") for c in tok.children
    ):
        return False  # ("I hope today's meeting will ...": the meeting of the day)
    if _pleased(tok):
        return False  # "was pleased to meet X again": the encounter of the day, no plan
    if _a_frame_set_apart(tok) or _the_frame_of_a_purpose_done(tok):
        return False
    verb = governing_verb(tok)
    # "will hold talks ... and give a speech": the second verb shares the first's "will"
    shared = [verb.head] if verb.dep_ == "conj" and verb.tag_ == "VB" else []
    # "will co-chair": the parser may hang "will" on the word before the hyphen
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].is_alpha:
        shared.append(doc[tok.i - 2])
    for t in (tok, verb, *shared):
        # ("a memorandum could be signed during the visit": a possibility, not held yet)
        if any(c.lower_ in _MODALS and c.dep_ in ("aux", "auxpass") for c in t.children):
            return True
        if t.pos_ == "VERB" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children):
            return True
    prev = tok
    for anc in tok.ancestors:
        if prev.dep_ == "advcl" and prev.tag_ in ("VBD", "VBZ", "VBP"):
            return False  # "agreed ..., as X hosted Y": a clause of its own, told as done
        if prev.dep_ == "advcl" and prev.tag_ == "VBN" and not _auxiliaries(prev):
            return False  # "agreed to pursue ties in talks, held on the fringes of X": held
        if (
            anc.lemma_.lower() in FUTURE_GOVERNORS
            and not (prev.dep_ == "prep" and (prev.lower_ in _FRAMING or _set_off(prev)))
            and not _hosted(anc)
            and not (anc.pos_ == "NOUN" and anc.lemma_.lower() == "host")  # (a person)
        ):
            return True
        prev = anc
        if anc.tag_ in ("VBD", "VBZ"):  # (the governing verb too)
            return False  # a finite verb closes the clause: "agreed ..., as X held talks"
    return False


def _the_frame_of_a_purpose_done(tok: Token) -> bool:
    """ "have signed agreements to boost trade during a visit by X": the frame of what is
    done, though the parser hangs it on the purpose (an infinitive of an object or of the
    verb told as done)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("during", "at"):
        return False
    purpose = prep.head
    if purpose.tag_ != "VB" or not any(c.lower_ == "to" for c in purpose.children):
        return False
    done = purpose.head.head if purpose.dep_ == "relcl" else purpose.head
    return done.tag_ == "VBD" or (
        done.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in done.children)
    )


def _pleased(tok: Token) -> bool:
    """ "was pleased to meet X", not "would be pleased to meet X"."""
    if tok.dep_ != "xcomp" or tok.head.lower_ not in event_words("pleasure_adjectives"):
        return False
    be = tok.head.head
    return not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in be.children)


def _set_off(prep: Token) -> bool:
    """ "X, on a state visit, urged ...": a phrase between commas frames its clause, it is
    not what the clause plans."""
    doc = prep.doc
    return (
        prep.i > 0
        and doc[prep.i - 1].text == ","
        and prep.right_edge.i + 1 < len(doc)
        and (doc[prep.right_edge.i + 1].text == ",")
    )


def _auxiliaries(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# "was agreed during the meeting", "agreed to ..., following talks": the frame of what is
# agreed, held, not what is planned
_FRAMING = ("during", "at", "in", "following", "after")


def _a_frame_set_apart(tok: Token) -> bool:
    """ "agreed on Tuesday to keep talking ..., in their first meeting in years": an event
    set off by a comma as the frame of a sentence told in the past, though the parser hangs
    it on the plan agreed."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _FRAMING or prep.i == 0:
        return False
    if tok.doc[prep.i - 1].text != ",":
        return False
    finite = next((a for a in prep.ancestors if a.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    return finite is not None and finite.tag_ == "VBD"


_ROUNDS = event_words("rounds")
_THANKED_FOR = event_words("welcoming_verbs")  # "thanked X for hosting", "praised"


def _hosted(verb: Token) -> bool:
    """ "X hosted the talks", "the talks were hosted by X": held, not planned (as "X will
    host", "agreed to host" are)."""
    if verb.lemma_.lower() != "host":
        return False
    # ("thanked Y for its role in hosting talks": a gerund after a preposition, thanked
    # for, is done; "supports Y in hosting the summit" is not)
    gerund = (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and any(a.lemma_.lower() in _THANKED_FOR for a in verb.ancestors)
    )
    return (
        verb.tag_ == "VBD"
        or gerund
        or any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    )
