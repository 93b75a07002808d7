"""Events told as called off: cancelled ("cancelled her visit", "the summit was called off",
"the cancellation of the talks") or put off ("postponed the trip", "the talks were delayed").
Such an event was planned and is not held: its date is the plan's, read ahead, and the graph
gives it the schema.org status EventCancelled, EventPostponed, or EventRescheduled when the
text tells the day it was put off to ("postponed to next month")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import lexicon, words

CANCELLED, POSTPONED, RESCHEDULED = "cancelled", "postponed", "rescheduled"

_CANCELLING = words("cancelling_verbs")
_POSTPONING = words("postponing_verbs")
# phrasal verbs: the particle that makes "call" cancel and "put" postpone
_PHRASAL = {("call", "off"): CANCELLED, ("put", "off"): POSTPONED, ("push", "back"): POSTPONED}


def called_off(tok: Token) -> str | None:
    """How the event at `tok` is told as called off, or None: the verb whose object (or
    passive subject) it is cancels or postpones it, or a noun does whose "of" it is."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:  # "cancelled the visit and the talks"
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass"):
        return _of_verb(t.head)
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i:
        noun = t.head.head
        return lexicon()["words"]["calling_off_nouns"].get(noun.lemma_.lower())
    if t.dep_ == "nsubj" and t.head.lemma_.lower() == "be":
        # "the visit has been delayed": the parser may take the participle for an adjective
        return next((s for a in t.head.children if a.dep_ == "acomp" and (s := _of_verb(a))), None)
    return None


def _of_verb(verb: Token) -> str | None:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    status = next((s for (v, p), s in _PHRASAL.items() if v == lemma and p in particles), None)
    if lemma in _CANCELLING:
        status = CANCELLED
    elif lemma in _POSTPONING:
        status = POSTPONED
    return RESCHEDULED if status == POSTPONED and _put_off_to_a_day(verb) else status


def _put_off_to_a_day(verb: Token) -> bool:
    """ "postponed to next month", "delayed until March 3": the day it was put off to."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("to", "until", "till") and _a_date(c)
        for c in verb.children
    )


def _a_date(prep: Token) -> bool:
    return any(t.ent_type_ == "DATE" for t in prep.subtree)


def day_of_calling_off(root: Token, targets: list[Token], tree) -> bool:
    """ "the summit was called off on Monday", "announced on Monday the postponement of the
    talks": a date outside the phrase of the events it would go to, all called off, tells
    when they were called off, not when they were to be (but "postponed to next month" tells
    their new day, and "cancelled Friday's meeting" its own)."""
    if not targets or not all(called_off(t) for t in targets):
        return False
    on = root.head if root.dep_ == "pobj" else root
    if on.dep_ == "prep" and on.lower_ in ("to", "until", "till"):
        return False
    return not any(tree.is_ancestor(t, root) for t in targets)


def put_off_until(until: Token) -> bool:
    """The "until" of "postponed until Saturday": the new day of an event put off."""
    return until.dep_ == "prep" and _of_verb(until.head) == RESCHEDULED
