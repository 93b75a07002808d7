"""Events told again by a bare noun after they were told: "the conversation" or "the talk"
after a phone call, "the last round" after a round of talks. Each is another trigger of the
kind told. And a noun said of an event told before ("It was his first visit"), no event of
its own; and the honours of one welcome told one by one ("a guard of honour", "a gun
salute")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.mapping.events.base import Event, is_anaphoric, the_round_of, words
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.language import tokens_of

ROUNDS = words("rounds")


def calls_retold(doc: Doc, found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "The call/conversation, arranged at X's request, began at ...": after a phone call
    is told, a bare noun with a determiner that refers back tells it again (a call to act,
    "the call for restraint", is no telling)."""
    calls = [t.i for t, k in found if k == "phone-call"]
    if not calls:
        return []
    nouns = words("call_anaphors")
    at = {t.i for t, _ in found}
    return [
        (t, "phone-call")
        for t in tokens_of(doc)[calls[0] + 1 :]
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in nouns
        and t.i not in at
        and t.tag_ == "NN"
        and is_anaphoric(t)
        and not any(_an_appeal(c) for c in t.children)
    ]


def _an_appeal(c: Token) -> bool:
    """ "the call for calm", "the call to end the war": an appeal, not a call."""
    if c.dep_ == "prep":
        return c.lower_ == "for"
    return c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)


def rounds_retold(doc: Doc, found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "a new round of talks ... The last round, held in March, ...": after a round of an
    event is told, a round told by its modifier alone is one of that kind (not "the round of
    voting", which names what it is a round of)."""
    told = first_round(found)
    if told is None:
        return []
    at = {t.i for t, _ in found}
    return [
        (t, told[1])
        for t in tokens_of(doc)[told[0].i + 1 :]
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in ROUNDS
        and t.tag_ == "NN"
        and t.i not in at
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        and any(c.dep_ in ("det", "amod") for c in t.children)
    ]


def first_round(found: list[tuple[Token, str]]) -> tuple[Token, str] | None:
    """The first trigger told as "a round of" it, and its kind."""
    return next(((t, k) for t, k in found if the_round_of(t) is not t), None)


def said_of_it(tok: Token) -> bool:
    """`It was/marked his first visit` (`... and the fourth summit of the two`): the noun
    describes an event already told."""
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        tok = tok.head
    if tok.dep_ not in ("attr", "dobj") or tok.head.lemma_.lower() not in ("be", "mark"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children)


# the first words of the honours rendered to a guest on arrival (data/events.json's
# "guard of honour", "gun salute", "welcome ceremony", "ceremonial welcome")
_HONOURS = frozenset({"guard", "honour", "honor", "salute", "gun", "welcome", "ceremonial"})


def welcome_told_again(ev: Event, told: list[Event]) -> Event | None:
    """The ceremony told before that a ceremony of its sort tells again: the honours rendered
    on arrival ("was accorded a guard of honour ... a gun salute at the palace"), or envoys'
    credentials presented ("presented their credentials to the President at a function");
    on one day, to the same person or to one not yet named."""
    sort = _sort_of_ceremony(ev.trigger)
    if ev.group != "ceremony" or sort is None:
        return None
    persons = {id(p) for p in ev.participants if p.kind == PERSON}
    for k in told:
        kp = {id(p) for p in k.participants if p.kind == PERSON}
        if _sort_of_ceremony(k.trigger) == sort and (not persons or not kp or persons == kp):
            return k
    return None


def _sort_of_ceremony(tok: Token) -> str | None:
    """ "honours" (a guard of honour, a salute) or "credentials" (presented by envoys)."""
    if tok.lemma_.lower() in _HONOURS:
        return "honours"
    if any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("credential", "credentials") for c in tok.children
    ):
        return "credentials"
    return None


def talk_of_the_call(ev: Event, kept: list[Event]) -> Event | None:
    """ "the talk(s)" told after a call of that day, when no meeting was told: the call."""
    if ev.kind != "talks" or not ev.anaphoric or ev.trigger.pos_ != "NOUN" or ev.scheduled:
        return None
    if any(k.group == "meet" for k in kept):
        return None
    same_day = (k for k in reversed(kept) if k.group == "call" and dates_agree(k, ev))
    return next(same_day, None)


def dates_agree(a: Event, b: Event) -> bool:
    """Whether two tellings may be of one day: one of them undated, or both of that day."""
    return a.date is None or b.date is None or a.date.value == b.date.value
