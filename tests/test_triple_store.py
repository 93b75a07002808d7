"""The article graph's store: the same triples, indexes and answers as rdflib's SimpleMemory."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SDO

from communique.mapping.graph.triple_store import TripleStore

EX = "http://example.org/id/"
TRIPLES = [
    (URIRef(EX + "person/ilse-marrow"), RDF.type, SDO.Person),
    (URIRef(EX + "person/ilse-marrow"), SDO.name, Literal("Ilse Marrow")),
    (URIRef(EX + "person/ilse-marrow"), SDO.name, Literal("Ilse Marrow", lang="en")),
    (URIRef(EX + "person/arlo-venndal"), RDF.type, SDO.Person),
    (URIRef(EX + "person/arlo-venndal"), SDO.knows, URIRef(EX + "person/ilse-marrow")),
    (URIRef(EX + "person/ilse-marrow"), RDF.type, SDO.Person),  # again: one triple
]


def _filled(store) -> Graph:
    g = Graph(store=store)
    for t in TRIPLES:
        g.add(t)
    return g


def test_it_uses_its_own_add() -> None:
    assert TripleStore()._indexes is not None  # rdflib's indexes found: the fast path runs


def test_it_holds_and_answers_as_simple_memory_does() -> None:
    ours, theirs = _filled(TripleStore()), _filled("SimpleMemory")
    assert len(ours) == len(theirs) == 5
    assert set(ours) == set(theirs)
    patterns = [
        (None, RDF.type, None),
        (URIRef(EX + "person/ilse-marrow"), None, None),
        (None, None, URIRef(EX + "person/ilse-marrow")),
        (None, SDO.name, Literal("Ilse Marrow")),
        (URIRef(EX + "person/arlo-venndal"), SDO.knows, None),
    ]
    for pattern in patterns:
        assert sorted(ours.triples(pattern)) == sorted(theirs.triples(pattern)), pattern


def test_a_removed_triple_is_gone_from_every_index() -> None:
    g = _filled(TripleStore())
    g.remove((URIRef(EX + "person/ilse-marrow"), None, None))
    assert len(g) == 2
    assert list(g.triples((None, None, URIRef(EX + "person/ilse-marrow")))) == [
        (URIRef(EX + "person/arlo-venndal"), SDO.knows, URIRef(EX + "person/ilse-marrow"))
    ]
    assert list(g.triples((None, SDO.name, None))) == []


def test_without_rdflib_indexes_it_falls_back_to_simple_memory() -> None:
    store = TripleStore()
    store._indexes = None  # as if a future rdflib named its indexes otherwise
    g = _filled(store)
    assert set(g) == set(_filled("SimpleMemory"))


def test_put_holds_what_add_holds_with_or_without_rdflib_indexes() -> None:
    theirs = set(_filled("SimpleMemory"))
    for fast in (True, False):
        store = TripleStore()
        if not fast:
            store._indexes = None
        for t in TRIPLES:
            store.put(*t)
        assert set(Graph(store=store)) == theirs
