"""Content negotiation on a Linked Data resource: Accept headers, ?format=, errors, headers."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from communique.ontology.namespace import SDO

BASE = "http://localhost:5000/"
KAZ = "/id/country/KAZ"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"

TURTLE = "text/turtle"
HTML = "text/html"
JSONLD = "application/ld+json"
NT = "application/n-triples"
RDFXML = "application/rdf+xml"
RDFLIB_FORMAT = {TURTLE: "turtle", JSONLD: "json-ld", NT: "nt", RDFXML: "xml"}


@pytest.fixture
def client(module_filled_app):
    """These tests only read: one app for the module (for each store)."""
    return module_filled_app.test_client()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, TURTLE),  # no Accept header: anything goes, Turtle is the default
        ("*/*", TURTLE),
        ("text/turtle", TURTLE),
        ("text/html", HTML),
        ("application/ld+json", JSONLD),
        ("application/n-triples", NT),
        ("application/rdf+xml", RDFXML),
        (BROWSER, HTML),  # explicit text/html beats */*;q=0.8
        ("text/turtle;q=0.5, application/ld+json;q=0.9", JSONLD),
        ("application/ld+json;q=0.2, text/html;q=0.3, application/n-triples", NT),
        ("text/*", TURTLE),  # ties go to the server's first choice
        ("application/*", JSONLD),
        ("text/turtle;q=0, */*", HTML),  # q=0 refuses Turtle
        ("image/png, application/rdf+xml;q=0.1", RDFXML),
        ("TEXT/HTML", HTML),  # media types are case-insensitive
        ("application/json", "application/json"),  # JSON-LD for clients that only know JSON
    ],
)
def test_accept_header_picks_the_media_type(client, accept, expected):
    headers = {"Accept": accept} if accept is not None else {}
    response = client.get(KAZ, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == expected
    assert "Accept" in response.vary


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("ttl", TURTLE),
        ("jsonld", JSONLD),
        ("nt", NT),
        ("rdf", RDFXML),
        ("html", HTML),
        ("json", "application/json"),
        ("TTL", TURTLE),
    ],
)
def test_format_parameter_overrides_accept(client, fmt, expected):
    response = client.get(f"{KAZ}?format={fmt}", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == expected


@pytest.mark.parametrize(
    ("accept", "query"),
    [
        ("image/png", ""),
        ("text/turtle;q=0, text/html;q=0, application/*;q=0", ""),
        ("text/html", "?format=xlsx"),
    ],
)
def test_unsupported_type_is_406(client, accept, query):
    response = client.get(KAZ + query, headers={"Accept": accept})
    assert response.status_code == 406
    assert "Accept" in response.vary


def test_406_names_the_offered_types_in_json(client):
    response = client.get(KAZ, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.is_json  # errors are JSON for anything but a browser
    assert {TURTLE, HTML, JSONLD, NT, RDFXML} <= set(response.json["offered"])


@pytest.mark.parametrize("media", [TURTLE, JSONLD, NT, RDFXML])
def test_every_rdf_format_parses_to_the_same_description(client, media):
    response = client.get(KAZ, headers={"Accept": media})
    graph = Graph().parse(data=response.data, format=RDFLIB_FORMAT[media])
    turtle = Graph().parse(data=client.get(KAZ + "?format=ttl").data, format="turtle")
    assert len(graph) == len(turtle) > 0
    assert (URIRef(BASE + KAZ[1:]), SDO.name, Literal("Kazakhstan")) in graph


def test_link_header_lists_every_alternate(client):
    response = client.get(KAZ, headers={"Accept": "text/html"})
    link = response.headers["Link"]
    for fmt, media in [("ttl", TURTLE), ("jsonld", JSONLD), ("nt", NT), ("rdf", RDFXML)]:
        assert f'<{KAZ}?format={fmt}>; rel="alternate"; type="{media}"' in link


def test_vary_on_unknown_resource(client):
    response = client.get("/id/country/XXX", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "Accept" in response.vary


def test_etag_gives_304_and_differs_per_format(client):
    first = client.get(KAZ, headers={"Accept": TURTLE})
    other = client.get(KAZ, headers={"Accept": NT})
    assert first.headers["ETag"] != other.headers["ETag"]
    again = client.get(KAZ, headers={"Accept": TURTLE, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


def test_head_has_headers_and_no_body(client):
    get = client.get(KAZ, headers={"Accept": TURTLE})
    head = client.head(KAZ, headers={"Accept": TURTLE})
    assert head.status_code == 200
    assert head.data == b""
    assert head.mimetype == TURTLE
    assert head.headers["ETag"] == get.headers["ETag"]
