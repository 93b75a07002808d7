"""Who a style alone stands for: "His Highness welcomed the Italian President", "HM the King
affirmed ...": the person last named with that style before it (a readout of a royal court
styles its principal so, once named, for the rest of the text)."""

from __future__ import annotations

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.nlp.language import text_of

# the nouns of a style said with "His"/"Her" ("His Highness", "Her Majesty")
STYLE_NOUNS = frozenset({"highness", "majesty", "excellency", "holiness"})
_REACH = 6  # words before a name its style may take ("His Highness Sheikh ...")


def style_alone(t: Token) -> bool:
    """Whether t is a style said alone ("His Highness welcomed ...", not "His Highness
    Sheikh X" nor "His Highness the Crown Prince", whose title tells who)."""
    if t.lower_ not in STYLE_NOUNS or _possessive(t) is None:
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is None or not (nxt.is_title or nxt.lower_ == "the")


def styled_before(t: Token, people: list[Entity]) -> Entity | None:
    """The person named last before t right after the same style ("His ... Highness")."""
    doc, best, at = t.doc, None, -1
    style = (_possessive(t), t.lower_)
    for person in people:
        for m in person.mentions:
            before = text_of(doc[max(0, m.start - _REACH) : m.start]).lower().split()
            if at < m.start < t.i and all(w in before for w in style):
                best, at = person, m.start
    return best


def _possessive(t: Token) -> str | None:
    return next((c.lower_ for c in t.children if c.lower_ in ("his", "her")), None)
