"""A list of titled names the parser does not join: "with President A, Foreign Minister B
and Trade Minister C", where the parser hangs B and C off the clause, not off A."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.slots import name_head
from communique.mapping.mentions.finder import COUNTRY, PERSON

# lower-case words inside a title written before a name ("Minister of Foreign Affairs")
_TITLE_JOINERS = {"of", "for", "the", "and", "-", "&"}
_TITLE_WORDS = 8  # a title before a name is a few words


def persons_listed_after(t: Token, entity_at: Callable[[int], Entity | None]) -> list[Token]:
    """The tokens of the persons written after t's in a list: one after each comma up to
    the one after "and", each past the title written before the name."""
    doc, out = t.doc, []
    e, i = entity_at(t.i), t.i
    while e is not None and e.kind == PERSON:
        while i < len(doc) and entity_at(i) is e:
            i += 1  # past the name's own words
        sep = doc[i].lower_ if i < len(doc) else ""
        if sep not in (",", "and"):
            break
        last = sep == "and" or (i + 1 < len(doc) and doc[i + 1].lower_ == "and")
        j = _past_the_title(doc, i + 1 + (sep == "," and last), entity_at)
        if j is None or name_head(doc[j]).dep_ in ("nsubj", "nsubjpass"):
            break  # ("..., Minister B said": the next clause's speaker)
        out.append(doc[j])
        e, i = entity_at(j), j
        if last:
            break
    return out


def _past_the_title(doc, j: int, entity_at: Callable[[int], Entity | None]) -> int | None:
    """The first token of the person named at j, past the title written before the name."""
    for k in range(j, min(len(doc), j + _TITLE_WORDS)):
        e = entity_at(k)
        if e is not None and e.kind == PERSON:
            return k
        word = doc[k]
        if e is not None and e.kind != COUNTRY:
            return None  # (a body or a place: no title of a person)
        if not (word.is_title or word.is_upper or word.lower_ in _TITLE_JOINERS):
            return None
    return None
