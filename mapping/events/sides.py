"""The heads of the sides at talks told just before: "Foreign Secretary X led the Bangladesh
side while Y led his delegation" names no event of its own; X and Y are the two sides of the
consultations the article has just told."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import Event, words
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import PERSON
from communique.mapping.nlp.arrays import where
from communique.mapping.nlp.language import sentences, tokens_of

_LEADING = frozenset({"lead", "head"})
_VERB = frozenset({"VERB"})
_SIDES = frozenset({"side"}) | words("parties_led")  # "the X side", "his delegation"
_REACH = 2  # sentences back to the talks they led the sides of


def heads_of_sides(r: EventReader, events: list[Event]) -> None:
    """Persons who led a side or a delegation, in a sentence that tells no event, take part
    in the talks or meeting told in the sentences just before."""
    told = {i for ev in events for i in ({ev.trigger.i} | ev.told_at)}
    sents = sentences(r.doc)
    for k, sent in enumerate(sents):
        if any(sent.start <= i < sent.end for i in told):
            continue
        heads = _heads_in(r, sent)
        if not heads:
            continue
        window = sents[max(0, k - _REACH)].start
        target = _talks_before(events, window, sent.start)
        if target is not None:
            target.participants += [p for p in heads if p not in target.participants]


def _heads_in(r: EventReader, sent: Span) -> list[Entity]:
    """The persons the sentence says led a side: its subjects of "led the X side", its agents
    of "the delegation was led by"."""
    out: list[Entity] = []
    # (the doc's verbs, listed once: no Token object for each word of each sentence)
    verbs, toks = where(sent.doc, pos=_VERB), tokens_of(sent.doc)
    at = verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]
    for verb in (toks[i] for i in at if toks[i].lemma_.lower() in _LEADING):
        for person in _leaders(verb):
            e = r.entity(person)
            if e is not None and e.kind == PERSON and e not in out:
                out.append(e)
    return out


def _leaders(verb: Token) -> list[Token]:
    kids = list(verb.children)
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _SIDES for c in kids):
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        return [t for s in subjects for t in (s, *s.conjuncts)]
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _SIDES for c in kids):
        agents = [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return [t for a in agents for c in (a, *a.conjuncts) for t in _by_whom(c)]
    return []


def _by_whom(t: Token) -> list[Token]:
    """ "led by X and the Nepalese delegation by Y": a side joined with its verb left out
    stands for the one it was led by."""
    if t.lemma_.lower() not in _SIDES:
        return [t]
    return [p for c in t.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]


def _talks_before(events: list[Event], start: int, end: int) -> Event | None:
    """The last talks or meeting told between two positions."""
    found = [
        ev
        for ev in events
        if ev.group == "meet" and any(start <= i < end for i in ({ev.trigger.i} | ev.told_at))
    ]
    return max(found, key=lambda ev: max({ev.trigger.i} | ev.told_at), default=None)
