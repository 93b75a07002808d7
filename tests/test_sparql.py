"""The SPARQL endpoint through Flask's test client: every result format, content
negotiation, the three query operations, the dataset, the service description and page."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from test_sparql_support import (
    ARTICLES,
    BASE,
    NAMES,
    NAMES_QUERY,
    PREFIXES,
    ask_json,
    first_names,
    iri,
    json_names,
    loaded_app,
    select,
)

from communique.mapping.entities.countries import all_countries
from communique.ontology.namespace import SDO

SRX = "{http://www.w3.org/2005/sparql-results#}"
CONSTRUCT_QUERY = (
    PREFIXES + "CONSTRUCT { ?p schema:name ?name } WHERE { ?p a dip:Person ; schema:name ?name }"
)
TIMEOUT = 1.0


@pytest.fixture(scope="module")
def app(module_store):
    with loaded_app(None, **module_store, SPARQL_TIMEOUT=TIMEOUT) as app:
        yield app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


# -- SELECT / ASK result formats ---------------------------------------------------------


def parse_json(body: bytes) -> list[str]:
    return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]


def parse_xml(body: bytes) -> list[str]:
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(SRX + "variable")] == ["name"]
    return [lit.text for lit in root.iter(SRX + "literal")]


def parse_csv(body: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["name"]
    return [r[0] for r in rows[1:]]


def parse_tsv(body: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(body.decode("utf-8")), delimiter="\t"))
    assert rows[0] == ["?name"]
    # TSV writes literals in Turtle syntax; Oxigraph leaves simple strings unquoted
    return [json.loads(r[0]) if r[0].startswith('"') else r[0] for r in rows[1:]]


SELECT_FORMATS = [
    ("application/sparql-results+json", None, "application/sparql-results+json", parse_json),
    ("application/sparql-results+xml", None, "application/sparql-results+xml", parse_xml),
    ("text/csv", None, "text/csv", parse_csv),
    ("text/tab-separated-values", None, "text/tab-separated-values", parse_tsv),
    ("application/json", None, "application/sparql-results+json", parse_json),
    (None, "xml", "application/sparql-results+xml", parse_xml),
    (None, "csv", "text/csv", parse_csv),
    (None, "tsv", "text/tab-separated-values", parse_tsv),
    (None, None, "application/sparql-results+json", parse_json),  # the default
    ("image/png", None, "application/sparql-results+json", parse_json),  # lenient default
    (
        "text/csv;q=0.5, application/sparql-results+xml;q=0.9",
        None,
        "application/sparql-results+xml",
        parse_xml,
    ),
    ("application/sparql-results+xml", "csv", "text/csv", parse_csv),  # format= wins
    ("text/csv", "png", "text/csv", parse_csv),  # an unknown format= is ignored
    (None, "text/tab-separated-values", "text/tab-separated-values", parse_tsv),
]


@pytest.mark.parametrize(("accept", "fmt", "media", "parse"), SELECT_FORMATS)
def test_select_result_formats(client, accept, fmt, media, parse):
    params = {"query": NAMES_QUERY, **({"format": fmt} if fmt else {})}
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string=params, headers=headers)
    assert response.status_code == 200, response.data
    assert response.mimetype == media
    assert first_names(parse(response.data)) == NAMES
    assert "Accept" in response.headers.get("Vary", "")


def ask_xml(body: bytes) -> bool:
    return ET.fromstring(body).find(SRX + "boolean").text == "true"


@pytest.mark.parametrize(
    ("accept", "parse"),
    [("application/sparql-results+json", ask_json), ("application/sparql-results+xml", ask_xml)],
)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (PREFIXES + 'ASK { ?p schema:name "Nurlan Temirov" }', True),
        (PREFIXES + 'ASK { ?p schema:name "Nobody" }', False),
    ],
)
def test_ask_result_formats(client, accept, parse, query, expected):
    response = select(client, query, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    assert parse(response.data) is expected


# -- CONSTRUCT / DESCRIBE ----------------------------------------------------------------


def expected_names_graph() -> Graph:
    g = Graph()
    for mapped in ARTICLES:
        for s, _, o in mapped.graph.triples((None, SDO.name, None)):
            if "/person/" in str(s):
                g.add((s, SDO.name, o))
    return g


@pytest.mark.parametrize(
    ("accept", "fmt", "media", "rdflib_format"),
    [
        ("text/turtle", None, "text/turtle", "turtle"),
        ("application/ld+json", None, "application/ld+json", "json-ld"),
        ("application/n-triples", None, "application/n-triples", "nt"),
        ("application/rdf+xml", None, "application/rdf+xml", "xml"),
        (None, None, "text/turtle", "turtle"),
        ("application/sparql-results+json", None, "text/turtle", "turtle"),  # lenient
        (None, "jsonld", "application/ld+json", "json-ld"),
        (None, "nt", "application/n-triples", "nt"),
        ("text/turtle;q=0.2, application/rdf+xml;q=0.8", None, "application/rdf+xml", "xml"),
    ],
)
def test_construct_result_formats(client, accept, fmt, media, rdflib_format):
    query = CONSTRUCT_QUERY.replace(
        "?p a dip:Person ;", "?p a dip:Person ; ^dip:participant/a dip:Meeting ;"
    )
    params = {"query": query, **({"format": fmt} if fmt else {})}
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string=params, headers=headers)
    assert response.status_code == 200, response.data
    assert response.mimetype == media
    got = Graph().parse(data=response.data, format=rdflib_format)
    expected = Graph()
    for s, p, o in expected_names_graph():
        if str(s).rsplit("/", 1)[1] in ("nurlan-temirov", "kanat-osmonkulov"):
            expected.add((s, p, o))
    assert isomorphic(got, expected)


def test_describe_returns_the_resource(client):
    person = iri("id/person/farid-nazimli")
    response = select(client, f"DESCRIBE <{person}>", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    got = Graph().parse(data=response.data, format="nt")
    assert (person, SDO.name, Literal("Farid Nazimli")) in got
    assert set(got.subjects()) == {person}


# -- the three ways to send a query ------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "form", "direct"])
def test_query_operations_agree(client, method):
    if method == "get":
        response = select(client, NAMES_QUERY)
    elif method == "form":
        response = client.post("/sparql", data={"query": NAMES_QUERY})
    else:
        response = client.post(
            "/sparql", data=NAMES_QUERY.encode(), content_type="application/sparql-query"
        )
    assert response.status_code == 200
    assert first_names(json_names(response)) == NAMES


def test_predeclared_prefixes_and_relative_iris(client):
    query = "SELECT DISTINCT ?name WHERE { <id/person/nurlan-temirov> schema:name ?name }"
    response = select(client, query)
    assert response.status_code == 200, response.data
    assert json_names(response) == ["Nurlan Temirov"]


# Kazakhstan is described by all three articles and by the reference graph, Nurlan Temirov
# by two articles: Oxigraph's own union default graph would match them once per graph
# (oxigraph#1919), the store's merged default graph holds each triple once.
@pytest.mark.parametrize(
    "query, expected",
    [
        ("SELECT ?name WHERE { country:KAZ schema:name ?name }", ["Kazakhstan"]),
        (
            'SELECT ?p WHERE { ?p schema:name "Nurlan Temirov" }',
            [BASE + "id/person/nurlan-temirov"],
        ),
        (
            "SELECT (COUNT(*) AS ?n) WHERE { ?p schema:name ?name }",
            None,  # compared with the DISTINCT count below
        ),
    ],
)
def test_default_graph_is_the_merge_of_all_graphs(client, query, expected):
    rows = json.loads(select(client, PREFIXES + query).data)["results"]["bindings"]
    values = [next(iter(row.values()))["value"] for row in rows]
    if expected is not None:
        assert values == expected
    else:
        distinct = query.replace("COUNT(*)", "COUNT(DISTINCT *)")
        again = json.loads(select(client, PREFIXES + distinct).data)["results"]["bindings"]
        assert int(values[0]) == int(again[0]["n"]["value"]) > 700


def test_each_country_is_counted_once(client):
    query = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?c a dip:Country }"
    counted = int(json.loads(select(client, query).data)["results"]["bindings"][0]["n"]["value"])
    assert counted == len(all_countries())  # the reference's countries; KAZ not 4 times


# -- the dataset -------------------------------------------------------------------------

GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def graphs_of(response) -> list[str]:
    return [b["g"]["value"] for b in json.loads(response.data)["results"]["bindings"]]


def test_named_graphs_reachable_with_graph(client):
    graphs = graphs_of(select(client, GRAPHS_QUERY))
    for mapped in ARTICLES:
        assert str(mapped.graph_iri) in graphs


def test_default_graph_uri_restricts_the_default_graph(client):
    first = str(ARTICLES[0].graph_iri)
    response = client.get(
        "/sparql", query_string={"query": NAMES_QUERY, "default-graph-uri": first}
    )
    assert json_names(response) == ["Kanat Osmonkulov", "Nurlan Temirov"]


def test_named_graph_uri_restricts_graph(client):
    second = str(ARTICLES[1].graph_iri)
    response = client.get(
        "/sparql", query_string={"query": GRAPHS_QUERY, "named-graph-uri": second}
    )
    assert graphs_of(response) == [second]


def test_query_from_clause_names_a_graph_of_the_store(client):
    second = str(ARTICLES[1].graph_iri)
    query = NAMES_QUERY.replace("WHERE", f"FROM <{second}> WHERE")
    assert json_names(select(client, query)) == ["Farid Nazimli", "Nurlan Temirov"]


def test_protocol_dataset_overrides_from(client):
    first, second = (str(m.graph_iri) for m in ARTICLES[:2])
    query = NAMES_QUERY.replace("WHERE", f"FROM <{second}> WHERE")
    response = client.get("/sparql", query_string={"query": query, "default-graph-uri": first})
    assert json_names(response) == ["Kanat Osmonkulov", "Nurlan Temirov"]


# -- service description and the query page ----------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"


def test_service_description_without_accept(client):
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    g = Graph().parse(data=response.data, format="turtle")
    endpoint = URIRef("http://localhost/sparql")
    service = g.value(predicate=URIRef(SD + "endpoint"), object=endpoint)
    assert service is not None
    assert (service, URIRef(SD + "feature"), URIRef(SD + "UnionDefaultGraph")) in g
    names = set(g.objects(predicate=URIRef(SD + "name")))
    assert {m.graph_iri for m in ARTICLES} <= names


def test_query_page_for_browsers(client):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.data.decode()
    assert "<textarea" in page and "dip:participant" in page
    assert 'src="/static/vendor/sparql-editor.js"' in page
    assert "cdn" not in page.lower() and "https://unpkg" not in page
    for asset in ("vendor/sparql-editor.js", "sparql.css"):
        assert client.get(f"/static/{asset}").status_code == 200
