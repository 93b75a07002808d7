"""A real server (`communique serve` on 127.0.0.1, its own process) queried by two SPARQL
clients nobody here wrote: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from serve_process import serving
from SPARQLWrapper import JSON, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_sparql_support import ARTICLES, BASE

from communique.ontology.namespace import SDO

pytestmark = pytest.mark.slow

TIMEOUT = 1.0
PREFIXES = (
    "PREFIX dip: <https://w3id.org/communique/diplomacy#>\nPREFIX schema: <https://schema.org/>\n"
)
NAMES_QUERY = (
    PREFIXES + "SELECT DISTINCT ?name WHERE { ?p a dip:Person ; schema:name ?name } ORDER BY ?name"
)
NAMES = ["Farid Nazimli", "Kanat Osmonkulov", "Nurlan Temirov"]
CONSTRUCT_QUERY = (
    PREFIXES + "CONSTRUCT { ?p schema:name ?name } WHERE { ?p a dip:Person ; schema:name ?name }"
)


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> str:
    from communique.server.store.articles import Store

    data = tmp_path_factory.mktemp("real-server") / "data"
    with Store.open(data, BASE) as store:
        for mapped in ARTICLES:
            store.put_article(mapped)
    env = {**os.environ, "COMMUNIQUE_SPARQL_TIMEOUT": str(TIMEOUT)}
    args = ["--data", str(data), "--base", BASE]
    with serving(args, path="/sparql", env=env, cwd=data.parent) as server:
        yield server.url + "/sparql"


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


# -- SPARQLWrapper -----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(endpoint, method):
    client = wrapper(endpoint, NAMES_QUERY, JSON)
    client.setMethod(method)
    result = client.query().convert()
    assert [b["name"]["value"] for b in result["results"]["bindings"]] == NAMES


def test_sparqlwrapper_select_xml(endpoint):
    document = wrapper(endpoint, NAMES_QUERY, XML).query().convert()
    names = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert names == NAMES


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (PREFIXES + 'ASK { ?p schema:name "Nurlan Temirov" }', True),
        (PREFIXES + 'ASK { ?p schema:name "Nobody" }', False),
    ],
)
def test_sparqlwrapper_ask(endpoint, query, expected):
    assert wrapper(endpoint, query, JSON).query().convert()["boolean"] is expected


def expected_names() -> Graph:
    g = Graph()
    for mapped in ARTICLES:
        for s, p, o in mapped.graph.triples((None, SDO.name, None)):
            if "/person/" in str(s):
                g.add((s, p, o))
    return g


def test_sparqlwrapper_construct(endpoint):
    graph = wrapper(endpoint, CONSTRUCT_QUERY, RDFXML).query().convert()
    assert isinstance(graph, Graph)
    assert set(graph) == set(expected_names())
    turtle = wrapper(endpoint, CONSTRUCT_QUERY, TURTLE).query().convert()
    assert set(Graph().parse(data=turtle, format="turtle")) == set(expected_names())


def test_sparqlwrapper_sees_errors(endpoint):
    with pytest.raises(QueryBadFormed, match="syntax error"):
        wrapper(endpoint, "SELECT * WHERE { ?s ", JSON).query()
    update = wrapper(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON)
    update.setMethod("POST")
    with pytest.raises(QueryBadFormed, match="read-only"):
        update.query()


def test_runaway_query_stops_while_another_client_is_served(endpoint):
    runaway = wrapper(endpoint, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", JSON)
    outcome: dict = {}

    def run() -> None:
        started = time.monotonic()
        try:
            runaway.query()
        except urllib.error.HTTPError as exc:
            outcome["status"], outcome["body"] = exc.code, exc.read()
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    result = wrapper(endpoint, NAMES_QUERY, JSON).query().convert()
    assert [b["name"]["value"] for b in result["results"]["bindings"]] == NAMES
    assert time.monotonic() - started < TIMEOUT
    thread.join(timeout=TIMEOUT + 10)
    assert outcome["status"] == 503
    assert b"timed out" in outcome["body"]
    assert outcome["seconds"] < TIMEOUT + 2


# -- rdflib's SPARQLStore ----------------------------------------------------------------


@pytest.fixture(scope="module")
def remote(endpoint) -> Graph:
    return Graph(store=SPARQLStore(endpoint))


def test_sparqlstore_select(remote):
    rows = remote.query(NAMES_QUERY)
    assert [str(row.name) for row in rows] == NAMES


def test_sparqlstore_ask(remote):
    assert remote.query(PREFIXES + 'ASK { ?p schema:name "Kanat Osmonkulov" }').askAnswer is True


def test_sparqlstore_construct(remote):
    result = remote.query(CONSTRUCT_QUERY)
    assert set(result.graph) == set(expected_names())


def test_sparqlstore_triples(remote):
    person = URIRef(BASE + "id/person/farid-nazimli")
    assert list(remote.objects(person, SDO.name)) == [Literal("Farid Nazimli")]
