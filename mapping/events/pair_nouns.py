"""The nouns that refer back to a pair of persons ("the two leaders", "both ministers",
data/events.json "pair_nouns"), and the offices they name."""

from __future__ import annotations

from communique.mapping.entities.titles import label_of
from communique.mapping.events.base import words
from communique.mapping.events.holders import leads
from communique.mapping.nlp.spelling import one_edit

PAIR_NOUNS = words("pair_nouns")


def names_office(noun: str, label: str) -> bool:
    """Whether a pair noun names the office: "ministers" are no prime ministers, "prime
    ministers" are; "premiers" are prime ministers too (the title lexicon's other name)."""
    forms = {noun, label_of().get(noun, noun).lower()}
    return any(f" {f} " in f" {label} " for f in forms) and not (
        noun == "minister" and leads(label)
    )


def pair_noun(word: str) -> str:
    """The pair noun `word` is, spelt right or with one letter left out, added, changed or
    swapped ("the two minsters"); else the word itself."""
    if word in PAIR_NOUNS or len(word) < 6:
        return word
    return next((n for n in PAIR_NOUNS if one_edit(word, n)), word)
