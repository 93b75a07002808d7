"""Roles: who holds which office, read from the titles before a name ("Kazakh Deputy Prime
Minister and Foreign Minister Murat Nurtleu"), appositions ("The Acting President, Yemi
Osinbajo") and counterparts ("his Turkish counterpart Hakan Fidan")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from communique.mapping.entities import ArticleEntities, Entity
from communique.mapping.mentions import ORG, PERSON
from communique.mapping.nlp import doc_text, sentence_of
from communique.mapping.titles import COUNTERPART, country_after, titles_after, titles_before


@dataclass(frozen=True)
class Role:
    """A person holding a role in a country (ISO3) or organization, as one sentence says."""

    person: Entity
    label: str
    country: str | None
    sentence: tuple[int, int]  # character span of the evidence in the doc
    organization: Entity | None = None
    wording: str | None = None  # the title as the article writes it ("Defense Minister")


def find_roles(doc: Doc, ents: ArticleEntities) -> list[Role]:
    """Every role the article gives its persons, one per (person, label)."""
    found: list[Role] = []
    last_with_role: dict[int, Role] = {}  # sentence start -> the last titled person in it
    mentions = sorted((m for e in ents.by_kind(PERSON) for m in e.mentions), key=lambda m: m.start)
    for m in mentions:
        person = ents.entity(m)
        sent = sentence_of(doc, m.start)
        before = doc_text(doc)[sent.start_char : doc[m.start].idx]
        after = doc_text(doc)[doc[m.end - 1].idx + len(doc[m.end - 1]) : sent.end_char]
        # "Djibouti's Foreign Minister X was elected chairperson of ...": both count
        chains = [c for c in (titles_before(before), titles_after(after)) if c is not None]
        span = (sent.start_char, sent.end_char)
        for chain, title in ((c, t) for c in chains for t in c.titles):
            country = title.country or chain.country or country_after(after)
            if title.label == COUNTERPART:
                other = last_with_role.get(sent.start)
                if other is None or other.person is person:
                    continue
                found.append(Role(person, other.label, country, span))
                continue
            org = None
            if chain.organization and not country:
                org = next((e for e in ents.by_kind(ORG) if e.key == chain.organization), None)
            role = Role(person, title.label, country, span, org, title.surface)
            found.append(role)
            last_with_role.setdefault(sent.start, role)
    return _merge(found)


def _merge(roles: list[Role]) -> list[Role]:
    """One role per (person, label): the first that names its country wins."""
    best: dict[tuple[int, str], Role] = {}
    for r in roles:
        key = (id(r.person), r.label.casefold())
        if key not in best or (best[key].country is None and r.country is not None):
            best[key] = r
    kept = list(best.values())
    # "Minister Sơn" after "Minister of Foreign Affairs Bùi Thanh Sơn": the bare title adds nothing
    return [
        r
        for r in kept
        if not any(
            o is not r and o.person is r.person and o.label.endswith(" " + r.label) for o in kept
        )
    ]


def person_countries(roles: list[Role]) -> dict[int, str]:
    """id(person entity) -> the country of their first role that names one."""
    out: dict[int, str] = {}
    for r in roles:
        if r.country:
            out.setdefault(id(r.person), r.country)
    return out
