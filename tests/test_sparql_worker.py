"""sparql.worker.run_job: how a query's results are serialized."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef

from communique.server.sparql.worker import OK, make_job, run_job

PREFIXES = {"schema": "https://schema.org/", "person": "http://localhost:5000/id/person/"}


def store() -> ox.Store:
    s = ox.Store()
    person = ox.NamedNode("http://localhost:5000/id/person/nurlan-temirov")
    s.add(ox.Quad(person, ox.NamedNode("https://schema.org/name"), ox.Literal("Nurlan Temirov")))
    return s


def run(query: str, rdf_type: str) -> bytes:
    job = make_job(
        query,
        results_type="application/sparql-results+json",
        rdf_type=rdf_type,
        prefixes=PREFIXES,
    )
    outcome = run_job(store(), job)
    assert outcome[0] == OK, outcome
    return outcome[3]


def test_construct_turtle_uses_the_store_prefixes():
    body = run("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle").decode()
    assert "@prefix schema: <https://schema.org/> ." in body
    assert "person:nurlan-temirov schema:name" in body
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(PREFIXES["person"] + "nurlan-temirov"), None, None) in graph


def test_describe_turtle_uses_the_store_prefixes():
    body = run("DESCRIBE person:nurlan-temirov", "text/turtle").decode()
    assert body.count("@prefix person:") == 1 and "person:nurlan-temirov" in body


def test_other_graph_formats_are_unchanged():
    body = run("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples").decode()
    assert body.startswith("<http://localhost:5000/id/person/nurlan-temirov>")
