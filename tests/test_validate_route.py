"""`POST /validate`: RDF in, SHACL report out; safe against remote contexts, XXE and bombs."""

from __future__ import annotations

import json
import socket
import urllib.request

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH

from communique.server.app import create_app

BASE = "http://localhost:5000/"
VALID = "server/article_kaz_rus.ttl"
# A country without its ISO code breaks a sh:minCount 1 Violation.
INVALID_TTL = """
@prefix dip: <https://w3id.org/communique/diplomacy#> .
@prefix schema: <https://schema.org/> .
<http://localhost:5000/id/country/KAZ> a dip:Country ; schema:name "Kazakhstan" .
"""
INVALID_NT = (
    "<http://localhost:5000/id/country/KAZ> "
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/communique/diplomacy#Country> .\n"
    '<http://localhost:5000/id/country/KAZ> <https://schema.org/name> "Kazakhstan" .\n'
)
INVALID_JSONLD = {
    "@context": {"dip": "https://w3id.org/communique/diplomacy#", "schema": "https://schema.org/"},
    "@id": "http://localhost:5000/id/country/KAZ",
    "@type": "dip:Country",
    "schema:name": "Kazakhstan",
}


@pytest.fixture
def app(memory_app):
    """An in-memory store: these tests need no persistence."""
    return memory_app


def valid_as(fmt: str, data_dir) -> str:
    graph = Graph().parse(data_dir / VALID)
    return graph.serialize(format=fmt)


def post(client, body, content_type, accept="application/json", **kw):
    data = body.encode() if isinstance(body, str) else body
    return client.post(
        "/validate", data=data, headers={"Content-Type": content_type, "Accept": accept}, **kw
    )


@pytest.mark.parametrize(
    ("content_type", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_conforming_data_conforms(client, data_dir, content_type, fmt):
    response = post(client, valid_as(fmt, data_dir), content_type)
    assert response.status_code == 200
    assert response.json["conforms"] is True
    assert response.json["counts"]["Violation"] == 0
    assert response.json["triples"] == len(Graph().parse(data_dir / VALID))
    assert response.headers["X-SHACL-Conforms"] == "true"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/turtle", INVALID_TTL),
        ("application/n-triples", INVALID_NT),
        ("application/ld+json", json.dumps(INVALID_JSONLD)),
        ("text/turtle; charset=utf-8", INVALID_TTL),
    ],
)
def test_non_conforming_data_is_reported(client, content_type, body):
    response = post(client, body, content_type)
    assert response.status_code == 200  # the validation ran; the data did not conform
    summary = response.json
    assert summary["conforms"] is False
    assert summary["counts"]["Violation"] >= 1
    focus = {r["focus_node"] for r in summary["results"]}
    assert "http://localhost:5000/id/country/KAZ" in focus
    assert any("iso3" in (r["path"] or "") for r in summary["results"])
    assert response.headers["X-SHACL-Conforms"] == "false"


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("*/*", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_report_is_negotiated_as_rdf(client, accept, media, fmt):
    response = post(client, INVALID_TTL, "text/turtle", accept=accept)
    assert response.status_code == 200
    assert response.mimetype == media
    report = Graph().parse(data=response.data, format=fmt)
    (node,) = report.subjects(SH.conforms, None)
    assert report.value(node, SH.conforms) == Literal(False)
    assert len(set(report.objects(node, SH.result))) >= 1


def test_html_form_round_trip(client, data_dir):
    page = client.get("/validate", headers={"Accept": "text/html"})
    assert page.status_code == 200 and b"<form" in page.data
    response = client.post(
        "/validate",
        data={"data": INVALID_TTL, "input_format": "ttl"},
        headers={"Accept": "text/html"},
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Does not conform" in text
    assert "iso3" in text


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/plain", INVALID_TTL, 415),
        ("application/pdf", b"%PDF-1.4", 415),
        ("text/turtle", "this is not turtle", 400),
        ("application/ld+json", "{not json", 400),
        ("text/turtle", b"\xff\xfe\x00bad utf-8", 400),
        ("text/turtle", "", 400),
        # An RDF 1.2 triple term: counted fine, refused by the worker's parse into rdflib.
        (
            "text/turtle",
            "<http://x/a> <http://x/b> <<( <http://x/a> <http://x/b> <http://x/c> )>> .",
            400,
        ),
    ],
)
def test_bad_input_gets_a_clear_error(client, content_type, body, status):
    response = post(client, body, content_type)
    assert response.status_code == status
    assert response.json["message"]


def test_body_over_the_limit_is_413(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": None, "MAX_CONTENT_LENGTH": 1000})
    response = post(app.test_client(), INVALID_TTL + "#" * 2000, "text/turtle")
    assert response.status_code == 413


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or fetch a URL fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


@pytest.mark.parametrize(
    "document",
    [
        {"@context": "http://example.org/context.jsonld", "@id": "http://x/a", "name": "a"},
        {"@context": ["http://example.org/c.jsonld"], "@id": "http://x/a", "name": "a"},
        {"@context": {"@import": "http://example.org/c.jsonld"}, "@id": "http://x/a"},
        {
            "@context": {"knows": {"@id": "http://x/knows", "@context": "http://example.org/c"}},
            "@id": "http://x/a",
            "knows": {"@id": "http://x/b", "name": "b"},
        },
    ],
)
def test_remote_jsonld_context_is_never_fetched(client, no_network, document):
    response = post(client, json.dumps(document), "application/ld+json")
    assert response.status_code == 400
    assert "context" in response.json["message"].lower()
    assert no_network == []


def test_rdfxml_external_entity_is_not_resolved(client, tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:schema="https://schema.org/">
  <rdf:Description rdf:about="http://localhost:5000/id/country/KAZ">
    <schema:name>&xxe;</schema:name>
  </rdf:Description>
</rdf:RDF>"""
    for accept in ("application/json", "text/turtle", "text/html"):
        response = post(client, xxe, "application/rdf+xml", accept=accept)
        assert response.status_code == 400
        assert b"TOP-SECRET-CONTENT" not in response.data
    assert no_network == []


def test_rdfxml_entity_expansion_bomb_is_refused(client):
    entities = '<!ENTITY e0 "ha">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [{entities}]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="https://schema.org/">
  <rdf:Description rdf:about="http://x/a"><s:name>&e9;</s:name></rdf:Description>
</rdf:RDF>"""
    response = post(client, bomb, "application/rdf+xml")
    assert response.status_code == 400
    assert "DTD" in response.json["message"]


def test_plain_rdfxml_is_accepted(client):
    doc = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dip="https://w3id.org/communique/diplomacy#" xmlns:schema="https://schema.org/">
  <dip:Country rdf:about="http://localhost:5000/id/country/KAZ">
    <schema:name>Kazakhstan</schema:name>
    <dip:iso3>KAZ</dip:iso3>
  </dip:Country>
</rdf:RDF>"""
    response = post(client, doc, "application/rdf+xml")
    assert response.status_code == 200
    assert response.json["conforms"] is True
    assert response.json["triples"] == 3
