"""Which way an event's date points from the article's day: the tense of the clause that tells
the event, the words around the event ("upcoming", "previous", "preparations for", "ahead
of"), and whose event it is ("X's visit in March" recalled in a plan keeps its past)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources

from spacy.tokens import Token

from communique.mapping.events.base import FUTURE_GOVERNORS, governing_verb, with_its_round
from communique.mapping.values.dates import resolve_date
from communique.mapping.values.dates.patterns import M
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
    if plans(head) or any(c.dep_ == "acomp" and plans(c) for c in head.children):
        return True  # "is scheduled to visit", "is due to visit"
    if head.dep_ == "xcomp" and plans(head.head):
        return True  # the planned verb itself: "are likely to be signed"
    # "Venndal is to travel ...": be + infinitive
    return (
        head.tag_ == "VB"
        and any(c.lower_ == "to" for c in head.children)
        and (head.head.lemma_ == "be" and head.dep_ == "xcomp")
    )


def plans(tok: Token) -> bool:
    """ "scheduled to", "due to": a plan head with the infinitive it plans."""
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


# verbs of making a visit, told in the present progressive of one under way ("is paying a
# visit to Y"); not "is arriving", an arrangement ahead
_MAKING_A_VISIT = frozenset({"pay", "make", "undertake", "conduct", "visit"})


def under_way(tok: Token) -> bool:
    """ "X, who is on a visit to Y", "X is in Y for talks", "X is paying a visit to Y": a
    visit told in the present with no time of its own, under way on the day it is told."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    if is_future(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.lemma_ == "be" and verb.tag_ in _PRESENT_AUX:
        # (the one who is on the visit, not the visit that is: "her visit is a sign of ...")
        return tok == verb or tok.dep_ == "pobj" and tok.head.lower_ == "on"
    return (
        tok.dep_ == "dobj"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in _MAKING_A_VISIT
        and any(c.dep_ == "aux" and c.tag_ in _PRESENT_AUX for c in verb.children)
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
    if head.tag_ == "VBD" or _perfect(head):
        return True
    if head.dep_ != "acl" or head.tag_ != "VBN" or head.head == head:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    return governing_verb(head.head).tag_ == "VBD"


def _perfect(head: Token) -> bool:
    """ "had been reached", "has visited", "were concluded": a participle whose auxiliary is
    past or perfect tells what is done (not "will have", "is expected")."""
    if head.tag_ != "VBN":
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words("will_auxiliaries") or a.tag_ == "MD" for a in auxes):
        return False
    return any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in auxes)


def to_be_done(date_root: Token) -> bool:
    """ "the forum to be hosted on 2 May", "which is to be held on Wednesday": a date on a
    passive infinitive lies ahead (not "was to be held": a plan of the past)."""
    verb = next((a for a in date_root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN":
        return False
    if verb.head.lemma_ == "be" and verb.head.tag_ not in ("VBZ", "VBP"):
        return False
    kids = {(c.dep_, c.lower_) for c in verb.children}
    return ("aux", "to") in kids and ("auxpass", "be") in kids


def told_before(tok: Token) -> bool:
    """ "said on Tuesday that X had met Y": the pluperfect puts the event before the time
    the clause above it tells of."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


# prepositions that set an event apart in time when a span of time is told before them:
# "months after signing a deal", "two weeks before the summit"
_APART = {"after", "before", "since", "following", "ahead"}


def apart_in_time(tok: Token) -> bool:
    """ "months after signing a deal", "weeks ahead of the summit": an event a span of time
    away from the one its clause tells."""
    if tok.dep_ not in ("pobj", "pcomp"):
        return False
    prep = tok.head
    if prep.lower_ in _APART and prep.head.dep_ == "npadvmod":
        return True  # (the span parsed as the head: "months" <- "after")
    return any(
        w.lower_ in _APART and any(c.dep_ == "npadvmod" for c in w.children)
        for w in (prep, prep.head)
    )


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
        for h in with_its_round(tok)
        for c in h.children
    )


def not_past(value: DateValue, ref: dt.date) -> bool:
    return value.value >= ref.isoformat()[: len(value.value)]


def ahead(text: str, value: DateValue, ref: dt.date) -> DateValue:
    """A planned event's weekday or month lies ahead: re-read the expression so (not a day
    of the calendar in the week before the story's: "X's trip on May 3 follows ..." in
    a story of May 4 is the day before's, not next year's)."""
    if not_past(value, ref) or _days_ago(text, value, ref):
        return value
    return resolve_date(text, ref, tense="future") or value


_MONTH_NAMED = re.compile(rf"\b{M}\s*\d|\d\s*{M}")  # a month's name with a day's number
_A_WEEK = 7


def _days_ago(text: str, value: DateValue, ref: dt.date) -> bool:
    """A day named by its month and number, a few days before the story's."""
    day = value.day
    if day is None or value.end or not _MONTH_NAMED.search(text):
        return False
    return 0 < (ref - day).days <= _A_WEEK
