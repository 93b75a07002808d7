"""The descriptions: landing page and VoID/DCAT, the ontology and the shapes, negotiated."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF, VOID

from communique.mapping.graph.reference import reference_graph
from communique.ontology import ontology_graph, schemes_graph
from communique.ontology.namespace import DIP
from communique.shapes import shapes_graph

BASE = "http://localhost:5000/"
RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@pytest.fixture
def app(module_filled_app):
    """One app for the module (for each store), holding the two hand-made articles: the
    tests that use it only read; the two that write or need an empty store take their own
    (light_app)."""
    return module_filled_app


@pytest.fixture
def filled_client(module_filled_app):
    return module_filled_app.test_client()


def void_graph(client, path="/.well-known/void", media="text/turtle") -> Graph:
    response = client.get(path, headers={"Accept": media})
    assert response.status_code == 200
    assert response.mimetype == media
    return Graph().parse(data=response.data, format=RDF_FORMATS[media])


@pytest.mark.parametrize("media", sorted(RDF_FORMATS))
def test_void_is_negotiated_and_counts_the_store(app, filled_client, media):
    g = void_graph(filled_client, media=media)
    dataset = URIRef(BASE + "#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in g
    assert (dataset, RDF.type, DCAT.Dataset) in g
    store = app.extensions["communique.store"]
    # distinct triples, each once (test_dataset_counts), fewer than the quads
    assert 0 < g.value(dataset, VOID.triples).toPython() < store.count()
    assert g.value(dataset, VOID.uriSpace) == Literal(BASE + "id/")
    assert (dataset, VOID.sparqlEndpoint, URIRef(BASE + "sparql")) in g
    dumps = {str(d) for d in g.objects(dataset, VOID.dataDump)}
    assert dumps == {f"{BASE}dumps/communique.{f}.gz" for f in ("ttl", "nt", "nq", "trig")}
    assert URIRef("https://w3id.org/communique/diplomacy#") in set(
        g.objects(dataset, VOID.vocabulary)
    )
    examples = set(g.objects(dataset, VOID.exampleResource))
    assert URIRef(BASE + "id/article/2025-02-02-f0e1d2c3b4") in examples


def test_void_entities_and_class_partitions(filled_client):
    g = void_graph(filled_client)
    dataset = URIRef(BASE + "#dataset")
    # every country of the reference data, and the person, 2 articles, event, membership,
    # figure and quotation of the test articles
    countries = set(reference_graph().subjects(RDF.type, DIP.Country))
    assert g.value(dataset, VOID.entities).toPython() == len(countries) + 7
    partitions = {
        g.value(p, VOID["class"]): g.value(p, VOID.entities).toPython()
        for p in g.objects(dataset, VOID.classPartition)
    }
    assert partitions[DIP.Article] == 2
    assert partitions[DIP.Country] == 2


def test_void_counts_change_after_ingest(light_app, data_dir, put_ttl):
    client = light_app.test_client()
    before = void_graph(client)
    put_ttl(light_app, data_dir / "server" / "article_second.ttl")
    after = void_graph(client)
    dataset = URIRef(BASE + "#dataset")
    assert after.value(dataset, VOID.triples) != before.value(dataset, VOID.triples)


def test_void_for_browsers_shows_the_turtle_escaped(filled_client):
    response = filled_client.get("/.well-known/void", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "void:Dataset" in text
    assert "&lt;http://localhost:5000/#dataset&gt;" in text
    assert (
        filled_client.get("/.well-known/void", headers={"Accept": "*/*"}).mimetype == "text/turtle"
    )


def test_landing_page_for_people(filled_client):
    response = filled_client.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for target in ("/dumps/", "/ontology", "/shapes", "/validate", "/.well-known/void", "/sparql"):
        assert f'href="{target}"' in text
    assert "Astana hosts talks" in text  # a recent article, by its headline
    assert 'href="/id/article/2025-02-02-f0e1d2c3b4"' in text
    assert "&lt;script&gt;" in text and "<script>alert" not in text
    # the VoID description is embedded as JSON-LD, parseable as RDF
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    embedded = Graph().parse(data=block.group(1), format="json-ld")
    assert (URIRef(BASE + "#dataset"), RDF.type, VOID.Dataset) in embedded


def test_landing_page_when_empty_says_how_to_ingest(light_app):
    client = light_app.test_client()
    text = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "No articles yet" in text
    assert "--ingest" in text


def test_landing_page_as_rdf_and_default(filled_client):
    assert filled_client.get("/", headers={"Accept": "*/*"}).mimetype == "text/html"
    g = void_graph(filled_client, path="/", media="application/ld+json")
    assert (URIRef(BASE + "#dataset"), RDF.type, DCAT.Dataset) in g


@pytest.mark.parametrize("media", sorted(RDF_FORMATS))
def test_ontology_is_served_whole(app, media):
    g = void_graph(app.test_client(), path="/ontology", media=media)
    assert isomorphic(g, ontology_graph() + schemes_graph())


@pytest.mark.parametrize("media", sorted(RDF_FORMATS))
def test_shapes_are_served_whole(app, media):
    g = void_graph(app.test_client(), path="/shapes", media=media)
    assert isomorphic(g, shapes_graph())


def test_ontology_html_documents_every_class_with_an_anchor(app):
    text = (
        app.test_client().get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    )
    for term in ("Article", "Visit", "MonetaryFigure", "participant", "evidence", "iso3"):
        assert f'id="{term}"' in text
    assert "EventTypeScheme" in text


def test_shapes_html_lists_shapes_and_constraints(app):
    text = app.test_client().get("/shapes", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "dip:iso3" in text
    assert "Violation" in text
    assert 'href="/ontology#Country"' in text


@pytest.mark.parametrize("path", ["/ontology", "/shapes"])
def test_vocabularies_are_cacheable(app, path):
    client = app.test_client()
    first = client.get(path, headers={"Accept": "text/turtle"})
    assert first.cache_control.max_age and first.cache_control.public
    again = client.get(
        path, headers={"Accept": "text/turtle", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert client.get(path, headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("path", ["/", "/.well-known/void", "/ontology", "/shapes", "/dumps/"])
def test_descriptions_allow_any_origin_and_vary(app, path):
    response = app.test_client().get(path, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in response.vary


def test_json_ld_of_void_uses_prefixes(filled_client):
    data = json.loads(filled_client.get("/.well-known/void?format=jsonld").data)
    assert "@context" in data
