"""Which words of an "in"/"at" phrase tell where an event was held: not a place told
right after a state of affairs ("discussed the situation in Gaza"), nor one below a gerund
in the phrase ("in addition to discussing the situation in Gaza")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.events.base import words

_AFFAIRS = words("affairs_nouns")  # "the situation", "the developments": what is talked of


def of_affairs(prep: Token) -> bool:
    """ "discussed the situation in Gaza": a place told right after a state of affairs is
    where those affairs are, not where the talks were held (the parser may hang it on the
    verb)."""
    if prep.i == 0:
        return False
    t = prep.doc[prep.i - 1]
    # (up the words whose phrase ends right before it: "the latest developments in", "the
    # situation on the ground in")
    for _ in range(_DEPTH):
        if (t.pos_ == "NOUN" and t.lemma_.lower() in _AFFAIRS) or t.lower_ in _AFFAIRS:
            return True
        if t.head.i == t.i or t.head.right_edge.i != prep.i - 1 or t.head.i >= prep.i:
            return False
        t = t.head
    return False


_DEPTH = 8  # words a noun phrase nests before its end


def clause_free_end(p: Token) -> int:
    """Where a prepositional object's own words end: before a gerund below it ("in addition
    to discussing the situation in Gaza" names no place of the event; "the forum held in
    Astana" does)."""
    end = p.right_edge.i + 1
    return next((t.i for t in p.subtree if t.i > p.i and t.dep_ == "pcomp"), end)
