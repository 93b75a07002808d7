"""The W3C SPARQL 1.1 Protocol and Service Description tests, replayed against the app.

The manifests (../shared/conformance/) are read as RDF; every query test is replayed request
by request through Flask's test client and its response checked for the expected status
class, result format and boolean. Update tests do not apply to a read-only endpoint: for
them we check that the update is refused with a 4xx (400 "read-only" where the test would
expect success). The three Service Description tests are checked by name.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from test_sparql_support import sparql_app, store_of

from communique.server.sparql.protocol import READ_ONLY

CONFORMANCE = Path(__file__).resolve().parents[1].parent / "shared" / "conformance"
PROTOCOL = CONFORMANCE / "sparql11-protocol"
SD_MANIFEST = CONFORMANCE / "sparql11-service-description" / "manifest.ttl"
if not (PROTOCOL / "manifest.ttl").is_file() or not SD_MANIFEST.is_file():
    pytest.skip(
        "needs the W3C SPARQL 1.1 Protocol and Service Description test suites "
        "(../shared/conformance/sparql11-protocol and sparql11-service-description), "
        "not in this clone",
        allow_module_level=True,
    )

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SRX = "{http://www.w3.org/2005/sparql-results#}"

RESULTS_TYPES = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]  # acceptable status classes: 2, 3, 4
    format: str | None  # "boolean", "tabular", "RDF"
    boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    requests: list[Request]
    graphs: dict[str, Path] = field(default_factory=dict)  # graph IRI -> N-Triples file

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def _literal(graph: Graph, node, prop) -> str | None:
    value = graph.value(node, prop)
    return None if value is None else str(value)


def _request(graph: Graph, node) -> Request:
    headers = {}
    header_list = graph.value(node, HT.headers)
    if header_list is not None:
        for h in Collection(graph, header_list):
            headers[str(graph.value(h, HT.fieldName))] = str(graph.value(h, HT.fieldValue))
    body = None
    body_node = graph.value(node, HT.body)
    if body_node is not None:
        encoding = _literal(graph, body_node, CNT.characterEncoding) or "UTF-8"
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    response = graph.value(node, HT.resp)
    statuses = {
        int(str(s).rsplit("StatusCode", 1)[1][0])
        for s in graph.objects(response, MF.expectedStatus)
    }
    boolean = graph.value(response, MF.expectedBoolean)
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=headers,
        body=body,
        statuses=statuses,
        format=_literal(graph, response, MF.expectedFormat),
        boolean=None if boolean is None else boolean.toPython(),
    )


def load_protocol_tests() -> list[ProtocolTest]:
    manifest = PROTOCOL / "manifest.ttl"
    graph = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    root = graph.value(predicate=RDF.type, object=MF.Manifest)
    tests = []
    for entry in Collection(graph, graph.value(root, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = [_request(graph, r) for r in Collection(graph, graph.value(action, HT.requests))]
        graphs = {
            str(graph.value(d, RDFS.label)): Path(
                str(graph.value(d, UT.graph)).removeprefix("file://")
            )
            for d in graph.objects(entry, UT.graphData)
        }
        tests.append(ProtocolTest(str(entry).rsplit("#", 1)[1], requests, graphs))
    return tests


PROTOCOL_TESTS = load_protocol_tests()


def test_manifest_is_read_whole():
    assert len(PROTOCOL_TESTS) == 34
    assert sum(not t.is_update for t in PROTOCOL_TESTS) == 20


@pytest.fixture(scope="module")
def client(module_store):
    with sparql_app(None, **module_store) as app:
        store = store_of(app)
        for test in PROTOCOL_TESTS:
            for name, path in test.graphs.items():
                graph = ox.NamedNode(name)
                if not store.ox.contains_named_graph(graph):
                    # an update, which both engines take (N-Triples is valid inside it)
                    triples = path.read_text("utf-8")
                    store.ox.update(f"INSERT DATA {{ GRAPH {graph} {{ {triples} }} }}")
        yield app.test_client()


def send(client, request: Request):
    # The manifest's paths start with /sparql/, to be replaced by the endpoint's own path.
    rest = request.path.removeprefix("/sparql/")
    assert rest == "" or rest.startswith("?"), request.path
    path = "/sparql" + rest
    headers = dict(request.headers)
    content_type = headers.pop("content-type", None)
    return client.open(
        path, method=request.method, headers=headers, data=request.body, content_type=content_type
    )


def check_format(response, request: Request) -> None:
    media = response.mimetype
    if request.format in ("boolean", "tabular"):
        assert media in RESULTS_TYPES, media
    if request.format == "boolean":
        if media == "application/sparql-results+json":
            value = json.loads(response.data)["boolean"]
        else:
            assert media == "application/sparql-results+xml", media
            value = ET.fromstring(response.data).find(SRX + "boolean").text == "true"
        if request.boolean is not None:
            assert value is request.boolean
    elif request.format == "tabular":
        if media == "application/sparql-results+json":
            assert "vars" in json.loads(response.data)["head"]
        elif media == "application/sparql-results+xml":
            assert ET.fromstring(response.data).find(SRX + "head") is not None
    elif request.format == "RDF":
        assert media in RDF_TYPES, media
        Graph().parse(data=response.data, format=RDF_TYPES[media])


@pytest.mark.parametrize(
    "test", [t for t in PROTOCOL_TESTS if not t.is_update], ids=lambda t: t.name
)
def test_protocol_query(client, test: ProtocolTest):
    for request in test.requests:
        response = send(client, request)
        assert response.status_code // 100 in request.statuses, (
            response.status_code,
            response.data,
        )
        if response.status_code < 400:
            check_format(response, request)


@pytest.mark.parametrize("test", [t for t in PROTOCOL_TESTS if t.is_update], ids=lambda t: t.name)
def test_protocol_update_is_refused(client, test: ProtocolTest):
    request = test.requests[0]
    response = send(client, request)
    assert response.status_code // 100 == 4, (response.status_code, response.data)
    if 2 in request.statuses:  # a valid update: refused because the endpoint is read-only
        assert response.status_code == 400
        assert json.loads(response.data)["message"] == READ_ONLY


# -- Service Description -----------------------------------------------------------------

SD_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix ex: <http://example.org/shapes#> .

ex:Service a sh:NodeShape ;
  sh:targetClass sd:Service ;
  sh:property [ sh:path sd:endpoint ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:supportedLanguage ; sh:minCount 1 ;
                sh:in ( sd:SPARQL10Query sd:SPARQL11Query sd:SPARQL11Update ) ] ;
  sh:property [ sh:path sd:supportedLanguage ; sh:hasValue sd:SPARQL11Query ] ;
  sh:property [ sh:path sd:resultFormat ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:feature ; sh:nodeKind sh:IRI ;
                sh:in ( sd:DereferencesURIs sd:UnionDefaultGraph sd:RequiresDataset
                        sd:EmptyGraphs sd:BasicFederatedQuery ) ] ;
  sh:property [ sh:path sd:feature ; sh:hasValue sd:UnionDefaultGraph ] ;
  sh:property [ sh:path sd:defaultDataset ; sh:minCount 1 ; sh:maxCount 1 ;
                sh:node ex:Dataset ] .

ex:Dataset a sh:NodeShape ;
  sh:class sd:Dataset ;
  sh:property [ sh:path sd:defaultGraph ; sh:minCount 1 ; sh:maxCount 1 ; sh:class sd:Graph ] ;
  sh:property [ sh:path sd:namedGraph ; sh:minCount 1 ; sh:node ex:NamedGraph ] .

ex:NamedGraph a sh:NodeShape ;
  sh:class sd:NamedGraph ;
  sh:property [ sh:path sd:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] .
"""


def sd_graph(client, accept: str | None = None, path: str = "/sparql") -> Graph:
    response = client.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype in RDF_TYPES, response.mimetype
    return Graph().parse(data=response.data, format=RDF_TYPES[response.mimetype])


def returns_rdf(client) -> None:
    for accept in [None, "*/*", *RDF_TYPES]:
        graph = sd_graph(client, accept)
        assert (None, RDF.type, SD.Service) in graph


def has_endpoint_triple(client) -> None:
    for path in ("/sparql", "/sparql/"):
        graph = sd_graph(client, path=path)
        assert (None, SD.endpoint, URIRef("http://localhost" + path)) in graph


def conforms_to_schema(client) -> None:
    graph = sd_graph(client)
    shapes = Graph().parse(data=SD_SHAPES, format="turtle")
    conforms, _, report = validate(graph, shacl_graph=shapes, inference="rdfs")
    assert conforms, report
    named = set(graph.objects(predicate=SD.name))
    assert URIRef("http://kasei.us/2009/09/sparql/data/data1.rdf") in named


SD_CHECKS = {
    "has-endpoint-triple": has_endpoint_triple,
    "returns-rdf": returns_rdf,
    "conforms-to-schema": conforms_to_schema,
}


def sd_test_names() -> list[str]:
    graph = Graph().parse(SD_MANIFEST, format="turtle", publicID=SD_MANIFEST.as_uri())
    root = graph.value(predicate=RDF.type, object=MF.Manifest)
    return [str(e).rsplit("#", 1)[1] for e in Collection(graph, graph.value(root, MF.entries))]


@pytest.mark.parametrize("name", sd_test_names())
def test_service_description(client, name):
    assert name in SD_CHECKS, f"no check written for the Service Description test {name}"
    SD_CHECKS[name](client)
