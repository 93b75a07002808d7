"""Across articles: one IRI per person, except where only a dropped middle name joins two.

A person's IRI is keyed by the name key (entities/names.py), which drops middle names so
that a full and a shortened spelling of one name meet across articles. They are one person
only when what is known of their countries does not disagree. Two persons whose IRIs meet,
who have no name with middle names in common (a bare "first last" tells no one apart),
and whose known countries (those of their memberships) are disjoint, are two persons: the one met
later, in the order articles are mapped or ingested, gets an IRI of its own
(`Minter.person_apart`). A person with no known country disagrees with none and joins.

An article's graph is checked against the persons met so far in the run and, when given a
`lookup`, against the store (the graphs of other articles).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from communique.mapping.article import MappedArticle
from communique.mapping.entities.names import person_key, written_key
from communique.mapping.iris import Minter, is_article_scoped
from communique.ontology.namespace import DIP, SDO
from communique.ontology.namespace import ORG as W3ORG


@dataclass
class PersonFacts:
    """What tells one person from another of the same IRI: the keys of its names written
    with middle names (`fuller_key`) and the ISO 3166 alpha-3 codes of the countries it
    holds an office of."""

    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    def add(self, other: PersonFacts) -> None:
        self.names |= other.names
        self.countries |= other.countries


# the persons of these IRIs as the store knows them, leaving out the graph `except_graph`
Lookup = Callable[[list[URIRef], URIRef], dict[URIRef, PersonFacts]]


def fuller_key(name: str) -> str | None:
    """The key of a name with its middle names, when it has any ("ana-maria-sorel")."""
    full = written_key(name)
    return full if full != person_key(name) else None


def are_apart(new: PersonFacts, known: PersonFacts) -> bool:
    """True when two persons of one IRI are two: no name in common, countries disjoint."""
    return bool(
        new.countries
        and known.countries
        and not new.countries & known.countries
        and not new.names & known.names
    )


NAMES = (SDO.name, SDO.alternateName)  # where a person's written names are


def persons_in(graph: Graph) -> dict[URIRef, PersonFacts]:
    """The persons of one article's graph whose IRI is shared across articles."""
    return {
        person: facts_of(graph, person)
        for person in graph.subjects(RDF.type, DIP.Person)
        if isinstance(person, URIRef) and not is_article_scoped(person)
    }


def facts_of(graph: Graph, person: URIRef) -> PersonFacts:
    """What `graph` tells of `person`: its fuller names and the countries of its offices
    (a membership's body, or that body's country, with an ISO code)."""
    names = (str(n) for p in NAMES for n in graph.objects(person, p))
    countries = set()
    for membership in graph.subjects(W3ORG.member, person):
        for body in graph.objects(membership, W3ORG.organization):
            for country in (body, *graph.objects(body, DIP.country)):
                countries |= {str(code) for code in graph.objects(country, DIP.iso3)}
    return PersonFacts({key for name in names if (key := fuller_key(name))}, countries)


def facts_query(persons: str, except_graph: str) -> str:
    """A CONSTRUCT of the triples `facts_of` reads, from every named graph but
    `except_graph` (a serialized IRI), for the persons `persons` (serialized IRIs)."""
    member, body_of, iso3, country = W3ORG.member, W3ORG.organization, DIP.iso3, DIP.country
    names = " ".join(f"<{n}>" for n in NAMES)
    return f"""CONSTRUCT {{
  ?p ?name_of ?name .
  ?m <{member}> ?p ; <{body_of}> ?body .
  ?body <{iso3}> ?body_code ; <{country}> ?c .
  ?c <{iso3}> ?code .
}} WHERE {{
  VALUES ?p {{ {persons} }}
  GRAPH ?g {{
    {{ VALUES ?name_of {{ {names} }} ?p ?name_of ?name }}
    UNION {{
      ?m <{member}> ?p ; <{body_of}> ?body .
      OPTIONAL {{ ?body <{iso3}> ?body_code }}
      OPTIONAL {{ ?body <{country}> ?c . ?c <{iso3}> ?code }}
    }}
  }}
  FILTER(?g != {except_graph})
}}"""


class PersonRegistry:
    """The persons met in one run of the mapper or of an ingest, to settle each article's."""

    def __init__(self, base: str | None = None, lookup: Lookup | None = None) -> None:
        self.minter = Minter(base)
        self.lookup = lookup
        self.seen: dict[URIRef, PersonFacts] = {}

    def settle(self, mapped: MappedArticle) -> MappedArticle:
        """The article with an IRI of their own for its persons that are not the persons
        already known by their IRIs; the persons then count as known."""
        found = persons_in(mapped.graph)
        known = self._known(list(found), mapped.graph_iri)
        renames: dict[URIRef, URIRef] = {}
        for iri, person in found.items():
            if iri in known and are_apart(person, known[iri]):
                name = str(mapped.graph.value(iri, SDO.name))
                renames[iri] = self.minter.person_apart(name, min(person.countries))
        for iri, person in found.items():
            self.seen.setdefault(renames.get(iri, iri), PersonFacts()).add(person)
        if not renames:
            return mapped
        return dataclasses.replace(mapped, graph=renamed(mapped.graph, renames))

    def _known(self, iris: list[URIRef], graph_iri: URIRef) -> dict[URIRef, PersonFacts]:
        known = {iri: PersonFacts() for iri in iris}
        if self.lookup is not None and iris:
            for iri, facts in self.lookup(iris, graph_iri).items():
                known[iri].add(facts)
        for iri in iris:
            if iri in self.seen:
                known[iri].add(self.seen[iri])
        return {iri: facts for iri, facts in known.items() if facts.names or facts.countries}


def renamed(graph: Graph, renames: dict[URIRef, URIRef]) -> Graph:
    """A copy of `graph` with the nodes of `renames` renamed; a node's sameAs link to its
    own new IRI (its former slug may be that IRI) is left out."""
    out = Graph(identifier=graph.identifier)
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True)
    for s, p, o in graph:
        s, o = renames.get(s, s), renames.get(o, o)
        if p == OWL.sameAs and s == o:
            continue
        out.add((s, p, o))
    return out
