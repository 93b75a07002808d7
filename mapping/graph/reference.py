"""The shared reference data: the ontology, its SKOS schemes and every ISO 3166 country."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from communique.mapping.entities.countries import CountryRecord, all_countries
from communique.mapping.iris import Minter
from communique.ontology import DIP, GEONAMES, SDO, bind_prefixes, ontology_graph, schemes_graph

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def geonames_iri(geonames_id: int) -> URIRef:
    """The GeoNames IRI of a feature, in the form GeoNames uses for owl:sameAs links."""
    return GEONAMES[f"{geonames_id}/"]


def country_triples(iri: URIRef, record: CountryRecord) -> Iterator[Triple]:
    """What every graph that names a country says about it: type, ISO code, name, GeoNames.

    The mapper repeats these in each article graph (so one article validates on its own);
    the reference graph holds them for every country.
    """
    yield iri, RDF.type, DIP.Country
    yield iri, DIP.iso3, Literal(record.iso3)
    yield iri, SDO.name, Literal(record.name)
    if record.geonames_id:
        yield iri, OWL.sameAs, geonames_iri(record.geonames_id)


def reference_graph(base: str | None = None) -> Graph:
    """Ontology + schemes + all countries as dip:Country under `base` (default: DEFAULT_BASE)."""
    minter = Minter(base)
    return _copy(_reference(minter.base))


@cache
def _reference(base: str) -> Graph:
    graph = bind_prefixes(Graph())
    graph += ontology_graph()
    graph += schemes_graph()
    minter = Minter(base)
    for record in all_countries():
        iri = minter.country(record.iso3)
        for triple in country_triples(iri, record):
            graph.add(triple)
        if record.official_name and record.official_name != record.name:
            graph.add((iri, SDO.alternateName, Literal(record.official_name)))
    return graph


def _copy(graph: Graph) -> Graph:
    # Callers may add to what they get; the cached graph stays as built.
    out = bind_prefixes(Graph())
    out += graph
    return out


__all__ = ["country_triples", "geonames_iri", "reference_graph"]
