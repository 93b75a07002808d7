"""A delegation told again: "The delegation arrived on Tuesday", after "a delegation of
lawmakers led by Senator X", is X's, whose delegation it is."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import REPORTING, words
from communique.mapping.mentions.finder import PERSON

_LED = words("parties_led")  # "delegation", "mission", "team"
_LOOK_BACK = 400  # tokens back to the delegation told (a retelling follows it closely)


def delegation_leader(t: Token, by_token: dict[int, Entity]) -> Entity | None:
    """The leader of the delegation "the delegation" (or "the delegation's") tells again:
    that of the last delegation "led by" a person told before it."""
    if t.lemma_.lower() not in _LED or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in t.children
    ):
        return None
    if t.head.lemma_.lower() in REPORTING:
        return None  # what "the delegation" says is the body's word, not its head's
    doc = t.doc
    for d in reversed(doc[max(0, t.i - _LOOK_BACK) : t.i]):
        if d.lemma_.lower() in _LED and (leader := _led_by(d, by_token)) is not None:
            return leader
    return None


def _led_by(delegation: Token, by_token: dict[int, Entity]) -> Entity | None:
    # ("a delegation of lawmakers led by X": the parser may hang it on its members)
    members = [
        p
        for c in delegation.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    heads = (delegation, *members)
    for acl in (c for h in heads for c in h.children if c.dep_ == "acl" and c.lemma_ == "lead"):
        for agent in (a for a in acl.children if a.dep_ == "agent"):
            for p in agent.children:
                e = by_token.get(p.i)
                if e is not None and e.kind == PERSON:
                    return e
    return None
