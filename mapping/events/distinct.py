"""Tellings that are never one event, whatever else they share: a plan told in the future
tense and a gathering told as held on a day before the story's, or a gathering a verb tells
held with an ordinal ("held the first session of ..."), a sitting of its own."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from communique.mapping.events.base import Event, governing_verb
from communique.mapping.events.tense import is_future, not_past

_ORDINAL_WORDS = {"first", "inaugural"}


def one_of_its_own(tok: Token) -> bool:
    """A gathering told with an ordinal, on itself or on the object of its verb."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(
        (c.ent_type_ == "ORDINAL" or c.lower_ in _ORDINAL_WORDS) and c.dep_ != "appos"
        for h in heads
        for c in h.children
    )


def a_plan_held_before(plan: Event, ev: Event, ref: dt.date) -> bool:
    """Whether `plan` is told in the future ("will hold talks during the visit") and `ev`
    as held on a day before the story's ("On August 7, the sides held ...")."""
    if not plan.scheduled or not is_future(governing_verb(plan.trigger)):
        return False
    return (
        not ev.scheduled and ev.explicit_date and ev.date is not None and not not_past(ev.date, ref)
    )
