"""A role: a person holding an office in a country or organization, as one sentence of the
article says (read by facts/roles.py)."""

from __future__ import annotations

from dataclasses import dataclass

from communique.mapping.entities.entity import Entity


@dataclass(frozen=True)
class Role:
    """A person holding a role in a country (ISO3) or organization, as one sentence says."""

    person: Entity
    label: str
    country: str | None
    sentence: tuple[int, int]  # character span of the evidence in the doc
    organization: Entity | None = None
    wording: str | None = None  # the title as the article writes it ("Defense Minister")
    at: int | None = None  # character offset of the person's name in the doc
