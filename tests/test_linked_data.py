"""Dereferencing data IRIs: descriptions in both directions, labels, HTML pages, listings."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from communique.mapping.article import Article, MappedArticle
from communique.ontology.namespace import DIP, ORG, SDO

BASE = "http://localhost:5000/"
ARTICLE = "2025-01-30-a1b2c3d4e5"
EVENT = "/id/event/1a2b3c4d5e6f7a8b"


@pytest.fixture
def client(module_filled_app):
    """These tests only read: one app for the module (for each store)."""
    return module_filled_app.test_client()


def turtle(client, path) -> Graph:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.data, format="turtle")


@pytest.mark.parametrize(
    "path",
    ["/id/country/XXX", "/id/person/nobody", "/id/article/2099-01-01-0000000000", "/id/x/y"],
)
def test_unknown_resource_is_404(client, path):
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert path.rsplit("/", 1)[1] in response.json["message"]


def test_description_has_both_directions_and_neighbour_labels(client):
    person = URIRef(BASE + "id/person/nurlan-temirov")
    event = URIRef(BASE + EVENT[1:])
    kaz = URIRef(BASE + "id/country/KAZ")
    g = turtle(client, "/id/person/nurlan-temirov")
    assert (person, SDO.name, Literal("Nurlan Temirov")) in g  # outgoing
    assert (event, DIP.guest, person) in g  # incoming
    assert (URIRef(f"{BASE}id/article/{ARTICLE}"), DIP.mentions, person) in g
    # Labels of neighbours come along: the membership's country is two hops away, not here,
    # but the predicates' labels (from the ontology in the reference graph) are.
    assert (DIP.guest, RDFS.label, None) in g
    assert (kaz, SDO.name, None) not in g
    membership = next(g.subjects(ORG.member, person))
    assert (membership, ORG.member, person) in g


def test_labels_of_neighbours_in_outgoing_direction(client):
    g = turtle(client, EVENT)
    assert (URIRef(BASE + "id/country/RUS"), SDO.name, Literal("Russia")) in g
    assert (URIRef(BASE + "id/person/nurlan-temirov"), SDO.name, Literal("Nurlan Temirov")) in g
    concept = URIRef("https://w3id.org/communique/event-type/042")
    assert (concept, SKOS.prefLabel, None) in g


def test_country_mentioned_by_two_articles_lists_both(client):
    g = turtle(client, "/id/country/KAZ")
    articles = set(g.subjects(DIP.mentions, URIRef(BASE + "id/country/KAZ")))
    assert articles == {
        URIRef(f"{BASE}id/article/{ARTICLE}"),
        URIRef(f"{BASE}id/article/2025-02-02-f0e1d2c3b4"),
    }


def test_html_escapes_article_text(client):
    for path in (f"/id/article/{ARTICLE}", EVENT, "/id/person/nurlan-temirov"):
        html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html


def test_event_page_shows_evidence_source_and_linked_neighbours(client):
    html = client.get(EVENT, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Temirov arrived in Moscow" in html
    assert f'href="/id/article/{ARTICLE}"' in html  # the source article
    assert re.search(r'<a href="/id/person/nurlan-temirov"[^>]*>Nurlan Temirov</a>', html)
    assert 'href="/id/country/RUS"' in html
    for fmt in ("ttl", "jsonld", "nt", "rdf"):
        assert f"{EVENT}?format={fmt}" in html  # raw-format links


def test_article_page_lists_mentions_and_derived_facts(client):
    page = client.get(f"/id/article/{ARTICLE}", headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    for name in ("Kazakhstan", "Russia", "Nurlan Temirov"):
        assert name in text
    # facts derived from the article, each with its evidence sentence
    assert "Trade between the two countries reached $28 billion in 2024." in text
    assert "Our partnership is strategic." in text


def test_article_url_is_a_link(client):
    text = client.get(f"/id/article/{ARTICLE}", headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    assert '<a class="literal" href="https://example.org/news/1"' in text


def test_country_page_shows_facts_pointing_at_it_with_evidence(client):
    text = client.get("/id/country/KAZ", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<h1>Kazakhstan</h1>" in text
    assert "Trade between the two countries" in text  # a figure that concerns KAZ
    assert "Astana hosts talks" in text  # the second article's headline as its label


def test_browse_lists_articles_newest_first(client):
    text = client.get("/id/article/").get_data(as_text=True)
    assert text.index("Astana hosts talks") < text.index("Temirov visits Moscow")
    assert client.get("/id/nothing/").status_code == 404


def test_concept_outside_the_base_is_described_by_resource_route(client):
    iri = "https://w3id.org/communique/event-type/042"
    response = client.get("/resource", query_string={"iri": iri}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    g = Graph().parse(data=response.data, format="turtle")
    assert (URIRef(iri), SKOS.prefLabel, None) in g
    assert (URIRef(BASE + EVENT[1:]), DIP.eventType, URIRef(iri)) in g


def test_resource_route_redirects_data_iris_and_rejects_garbage(client):
    redirect = client.get("/resource", query_string={"iri": BASE + "id/country/KAZ"})
    assert redirect.status_code == 303
    assert redirect.headers["Location"].endswith("/id/country/KAZ")
    assert client.get("/resource", query_string={"iri": "not an iri"}).status_code == 400


def test_read_routes_allow_any_origin(client):
    response = client.get("/id/country/KAZ", headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_description_follows_the_configured_base(make_app, data_dir):
    base = "https://data.example.org/communique/"
    app = make_app(memory=True, BASE=base)
    ttl = (data_dir / "server" / "article_second.ttl").read_text()
    graph = Graph().parse(data=ttl.replace(BASE, base), format="turtle")
    key = "2025-02-02-f0e1d2c3b4"
    article = Article(body=key, date=dt.date(2025, 2, 2), source="test")
    iri = URIRef(f"{base}id/article/{key}")
    app.extensions["communique.store"].put_article(
        MappedArticle(article, iri, URIRef(f"{base}graph/article/{key}"), graph)
    )
    client = app.test_client()
    response = client.get(f"/id/article/{key}", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    g = Graph().parse(data=response.data, format="turtle")
    assert (iri, SDO.headline, Literal("Astana hosts talks")) in g
    # the reference countries are minted under the app's base, not the default one
    fra = client.get("/id/country/FRA", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=fra.data, format="turtle")
    assert (URIRef(base + "id/country/FRA"), DIP.iso3, Literal("FRA")) in g


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/id/country/KAZ", "Membership: Nurlan Temirov, Foreign Minister (2025-01-30)"),
        ("/id/country/KAZ", "Monetary figure: 28,000,000,000 USD (2024)"),
        ("/id/person/nurlan-temirov", "Visit: Nurlan Temirov, Russia (2025-01-30)"),
        (EVENT, "<h1>Visit: Nurlan Temirov, Russia (2025-01-30)</h1>"),
    ],
)
def test_facts_without_names_are_named_after_what_they_say(client, path, label):
    text = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert label in text
