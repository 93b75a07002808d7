"""Articles without a title are named the same everywhere: outlet, place, date, first words."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rdflib import Graph, URIRef

from communique.mapping.article import Article, MappedArticle

BASE = "http://localhost:5000/"
KEY = "2025-03-12-0a1b2c3d4e"
LEDE = "Kazakhstan and Uzbekistan held talks on water sharing in Astana on Tuesday."
LABEL = "Kazinform, Astana, 12 March 2025: Kazakhstan and Uzbekistan held talks on water sharing…"
UNTITLED = f"""
@prefix dip: <https://w3id.org/communique/diplomacy#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <{BASE}id/> .

id:article\\/{KEY} a dip:Article ;
    schema:datePublished "2025-03-12"^^xsd:date ;
    schema:publisher id:organization\\/kazinform ;
    dip:datelinePlace id:place\\/astana-kaz ;
    dip:mentions id:country\\/KAZ .
id:organization\\/kazinform a schema:Organization ; schema:name "Kazinform" .
id:place\\/astana-kaz a dip:Place ; schema:name "Astana" .
id:country\\/KAZ a dip:Country ; dip:iso3 "KAZ" ; schema:name "Kazakhstan" .
id:event\\/e1 a dip:Talks ; dip:participant id:country\\/KAZ ;
    prov:wasDerivedFrom id:article\\/{KEY} ; dip:evidence "{LEDE}" .
id:event\\/e2 a dip:Meeting ; dip:participant id:country\\/KAZ ;
    prov:wasDerivedFrom id:article\\/{KEY} ; dip:evidence "{LEDE}" .
id:figure\\/f1 a dip:MonetaryFigure ;
    prov:wasDerivedFrom id:article\\/{KEY} ; dip:evidence "Another sentence, later on." .
"""


@pytest.fixture
def client(memory_app):
    graph = Graph().parse(data=UNTITLED, format="turtle")
    iri = URIRef(f"{BASE}id/article/{KEY}")
    article = Article(body="x", date=dt.date(2025, 3, 12), source="test")
    mapped = MappedArticle(article, iri, URIRef(f"{BASE}graph/article/{KEY}"), graph)
    memory_app.extensions["communique.store"].put_article(mapped)
    return memory_app.test_client()


def page(client, path: str) -> str:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def test_landing_page_names_it(client):
    text = page(client, "/")
    assert f'<a href="/id/article/{KEY}">{LABEL}</a>' in text


def test_article_list_names_it(client):
    text = page(client, "/id/article/")
    assert f">{LABEL}</a>" in text and f">{KEY}</a>" not in text


def test_article_page_is_titled_with_it(client):
    assert f"<h1>{LABEL}</h1>" in page(client, f"/id/article/{KEY}")


def test_facts_cite_it_as_their_source(client):
    text = page(client, "/id/event/e1")
    assert f">{LABEL}</a>" in text


def test_a_headline_still_wins(client, memory_app):
    from communique.server.web.labels import Labeller

    store = memory_app.extensions["communique.store"]
    labeller = Labeller(store.ox)
    assert labeller.article_label(f"{BASE}id/article/{KEY}") == LABEL
    store.ox.update(
        f'INSERT DATA {{ <{BASE}id/article/{KEY}> <https://schema.org/headline> "Water talks" }}'
    )
    assert Labeller(store.ox).article_label(f"{BASE}id/article/{KEY}") == "Water talks"
