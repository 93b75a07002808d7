"""Bodies a text names by a common noun: "the ministry said", "the Russian side",
"the delegation". The head nouns are a word class of data/mentions.json ("body_heads");
the body meant is the one organization of the article with that head word."""

from __future__ import annotations

import re
from collections.abc import Callable

from communique.mapping.entities.entity import Entity, fold
from communique.mapping.mentions.mention import words


def body_head(bare: str) -> str | None:
    """The body-kind word `bare` ends in ("Russian side" -> "side"), if it names a body."""
    low = fold(bare)
    for head in words("body_heads"):
        if low == head or low.endswith(" " + head):
            return head
    return None


def _names_head(e: Entity, head: str) -> bool:
    return any(re.search(rf"\b{re.escape(head)}\b", fold(n)) for n in e.names)


def body_named(
    orgs: list[Entity],
    head: str,
    iso3: str | None = None,
    told_before: Callable[[Entity], bool] = lambda e: True,
) -> Entity | None:
    """The one organization of `orgs` (of country `iso3`, if given) that a noun with this
    head word refers to ("the ministry": the one ministry), else None; of several, the
    one `told_before` the noun, if just one was (a body named later is not meant)."""
    of_country = [e for e in orgs if iso3 is None or e.iso3 == iso3]
    found = [e for e in of_country if _names_head(e, head)]
    if not found and head in ("ministry", "side"):
        # a ministry, or a country's "side": the one ministry the article names (of it)
        found = [e for e in of_country if e.subkind == "ministry"]
    if len(found) > 1:
        found = [e for e in found if told_before(e)]
    return found[0] if len(found) == 1 else None
