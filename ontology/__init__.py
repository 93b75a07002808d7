"""The diplomacy ontology and its SKOS schemes, shipped as Turtle package data."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, SKOS

from communique.ontology.namespace import (
    DIP,
    DIP_IRI,
    EVENT_TYPE,
    GEONAMES,
    MEASURE,
    ORG,
    PLOVER,
    PROV,
    ROLE,
    SDO,
    SEM,
    TIME,
    TOPIC,
)

ONTOLOGY_IRI = "https://w3id.org/communique/diplomacy"
VERSION = "0.1.0"
ONTOLOGY_FILE = "diplomacy.ttl"
SCHEMES_FILE = "schemes.ttl"

PREFIXES = {
    "dip": DIP_IRI,
    "schema": str(SDO),
    "org": str(ORG),
    "prov": str(PROV),
    "sem": str(SEM),
    "time": str(TIME),
    "skos": str(SKOS),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "et": str(EVENT_TYPE),
    "role": str(ROLE),
    "topic": str(TOPIC),
    "measure": str(MEASURE),
    "plover": str(PLOVER),
    "gn": str(GEONAMES),
}


def bind_prefixes(graph: Graph, prefixes: Mapping[str, str] = PREFIXES) -> Graph:
    """Bind `prefixes` (by default the project's usual ones) on `graph`, for readable output."""
    for prefix, iri in prefixes.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def turtle_text(name: str) -> str:
    """The text of one of this package's Turtle files."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def _parsed(name: str) -> Graph:
    return bind_prefixes(Graph().parse(data=turtle_text(name), format="turtle"))


def _copy(graph: Graph) -> Graph:
    # Callers get their own graph, so adding to it never alters the cached one.
    out = bind_prefixes(Graph())
    out += graph
    return out


def ontology_graph() -> Graph:
    """The OWL ontology (a fresh copy; the parse is cached)."""
    return _copy(_parsed(ONTOLOGY_FILE))


def schemes_graph() -> Graph:
    """The SKOS concept schemes: event types, roles, topics, measures (a fresh copy)."""
    return _copy(_parsed(SCHEMES_FILE))


__all__ = [
    "DIP",
    "DIP_IRI",
    "EVENT_TYPE",
    "GEONAMES",
    "MEASURE",
    "ONTOLOGY_IRI",
    "ORG",
    "PLOVER",
    "PREFIXES",
    "PROV",
    "ROLE",
    "SDO",
    "SEM",
    "TIME",
    "TOPIC",
    "VERSION",
    "bind_prefixes",
    "ontology_graph",
    "schemes_graph",
    "turtle_text",
]
