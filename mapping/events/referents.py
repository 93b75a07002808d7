"""Nouns that stand for someone told before without naming them: "the visitor", "the guest"
(the guest of the last visit read), "the former", "the latter" (one of the last two persons
named). The event reader's anaphora (events/anaphora.py) asks these first."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity

_GUEST_NOUNS = frozenset({"visitor", "guest"})
# which of the last two persons named: the former is the earlier (counted from the latest)
_OF_A_PAIR = {"former": 1, "latter": 0}


def _with_the(t: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)


def the_visitor(t: Token, guests: list[Entity]) -> Entity | None:
    """ "the visitor", "the guest": the guest of the last visit read, a person."""
    if t.tag_ != "NN" or t.lemma_.lower() not in _GUEST_NOUNS or not guests:
        return None
    return guests[-1] if _with_the(t) else None


def one_of_a_pair(t: Token, latest_first: list[Entity]) -> Entity | None:
    """ "during the former's visit", "the latter said": the earlier or the later of the two
    persons named last before the word (`latest_first`: those persons, latest first)."""
    which = _OF_A_PAIR.get(t.lower_)
    if which is None or not _with_the(t) or len(latest_first) < 2:
        return None
    return latest_first[which]
