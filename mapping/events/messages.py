"""A message carried from one leader to another ("X handed over a message from President A
to President B", "a letter from A was delivered to B by X"): its bearer meets its
recipient, and that meeting is the event; the sender, who is not there, takes no part."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import words
from communique.mapping.events.reader import EventReader
from communique.mapping.mentions.finder import PERSON


def _carried(tok: Token) -> Token | None:
    """The message a delivering verb carries: its object, or its subject in the passive."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("delivering_verbs"):
        return None
    deps = ("dobj", "nsubjpass") if tok.dep_ != "acl" else ()
    for c in tok.children:
        if c.dep_ in deps and c.lemma_.lower() in words("message_nouns"):
            return c
    if tok.dep_ != "acl":
        return None
    # "a letter from A, delivered by his envoy X": the participle may hang on the sender
    head = tok.head
    if head.dep_ == "pobj" and head.head.lower_ == "from":
        head = head.head.head
    return head if head.lemma_.lower() in words("message_nouns") else None


def _recipient_slots(tok: Token) -> list[Token]:
    """ "to B", "handed over to B", or B as the indirect object ("handed B a letter")."""
    slots = [c for c in tok.children if c.dep_ == "dative"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            slots.extend(c.children)
        elif c.dep_ == "prt":  # "handed over to B": "to" may hang on the particle
            slots.extend(p for g in c.children if g.lower_ == "to" for p in g.children)
    return slots


def bearer_and_recipient(r: EventReader, tok: Token) -> list[Entity]:
    """The persons a delivered message brings together (bearer first), or [] when the verb
    carries no message or the text does not name both."""
    message = _carried(tok)
    if message is None:
        return []
    if tok.dep_ == "acl":  # "B received a letter from A, delivered by X"
        receiving = message.head
        bearers = [a for c in tok.children if c.dep_ == "agent" for a in c.children]
        recipients = [c for c in receiving.children if c.dep_ == "nsubj"]
    else:
        bearers = [c for c in tok.children if c.dep_ == "nsubj"]
        bearers += [a for c in tok.children if c.dep_ == "agent" for a in c.children]
        recipients = _recipient_slots(tok)
    bearer = r.entities_at(bearers, (PERSON,), expand=True)
    recipient = r.entities_at(recipients, (PERSON,), expand=True)
    if not bearer or not recipient or bearer[0] is recipient[0]:
        return []
    return [bearer[0], recipient[0]]
