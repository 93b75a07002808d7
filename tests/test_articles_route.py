"""`POST /articles`: token, map (a stand-in mapper here), validate, store; 201/200/422."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from communique.mapping.article import MappedArticle
from communique.mapping.iris import Minter
from communique.ontology.namespace import DIP, SDO

BASE = "http://localhost:5000/"
TEMPLATE_IRI = URIRef(BASE + "id/article/2025-01-30-a1b2c3d4e5")
ARTICLE = {
    "text": "ASTANA – Kazakh Foreign Minister Nurlan Temirov arrived in Moscow on Thursday.",
    "date": "2025-01-30",
    "url": "https://example.org/news/1",
    "title": "Temirov visits Moscow",
}
AUTH = {"Authorization": "Bearer test-token"}


def graph_for(iri: URIRef, path) -> Graph:
    """The hand-made article graph with its article IRI replaced by `iri`."""
    out = Graph()
    for s, p, o in Graph().parse(path):
        out.add((iri if s == TEMPLATE_IRI else s, p, iri if o == TEMPLATE_IRI else o))
    return out


@pytest.fixture
def mapper(monkeypatch, data_dir):
    """Replace the NLP mapper: these tests are about the route, not the mapper's quality."""
    from communique.server.ingest import ingest

    calls = []
    state = {"conforming": True, "facts": True}

    def map_article(article, *, base=None, nlp=None, aliases=None, persons=None):
        calls.append(article)
        minter = Minter(base)
        iri = minter.article(article)
        graph = graph_for(iri, data_dir / "server" / "article_kaz_rus.ttl")
        if not state["conforming"]:
            graph.remove((URIRef(BASE + "id/country/KAZ"), DIP.iso3, None))
        if not state["facts"]:  # only the article node: no event, figure, quotation ...
            graph = Graph()
            graph.add((iri, RDF.type, DIP.Article))
        return MappedArticle(article, iri, minter.article_graph(article), graph)

    monkeypatch.setattr(ingest.pipeline, "map_article", map_article)
    state["calls"] = calls
    return state


def post(client, body=ARTICLE, headers=AUTH, content_type="application/json", **kw):
    data = json.dumps(body) if isinstance(body, dict) else body
    return client.post(
        "/articles", data=data, headers={**headers, "Content-Type": content_type}, **kw
    )


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdC10b2tlbg=="}],
)
def test_without_the_right_token_is_401(client, mapper, headers):
    response = post(client, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert mapper["calls"] == []


def test_without_a_configured_token_ingest_is_disabled(make_app, mapper):
    app = make_app(memory=True, TOKEN=None)
    response = post(app.test_client())
    assert response.status_code == 403
    assert mapper["calls"] == []


def test_conforming_article_is_stored_201_with_location(app, client, mapper):
    response = post(client)
    assert response.status_code == 201
    location = response.headers["Location"]
    assert location.startswith(BASE + "id/article/2025-01-30-")
    assert response.json["iri"] == location
    assert response.json["triples"] > 0
    # and it is served at that IRI
    path = location[len(BASE) - 1 :]
    described = client.get(path, headers={"Accept": "text/turtle"})
    assert described.status_code == 200
    g = Graph().parse(data=described.data, format="turtle")
    assert (URIRef(location), SDO.headline, None) in g


def test_seed_text_is_accepted_too(client, mapper):
    text = "date 2025-01-30 ASTANA – Temirov arrived in Moscow."
    response = post(client, body=text, content_type="text/plain; charset=utf-8")
    assert response.status_code == 201
    assert mapper["calls"][0].date.isoformat() == "2025-01-30"


def test_repost_replaces_the_article(app, client, mapper):
    first = post(client)
    store = app.extensions["communique.store"]
    count = store.count()
    second = post(client)
    assert second.status_code == 200
    assert second.json["replaced"] is True
    assert second.headers["Location"] == first.headers["Location"]
    assert store.count() == count  # replaced, not added twice


def test_non_conforming_article_is_422_with_report_and_not_stored(app, client, mapper):
    mapper["conforming"] = False
    store = app.extensions["communique.store"]
    before = store.count()
    response = post(client)
    assert response.status_code == 422
    report = response.json["validation"]
    assert report["conforms"] is False
    assert any("iso3" in (r["path"] or "") for r in report["results"])
    assert store.count() == before


def test_article_without_diplomatic_content_is_422_and_not_stored(app, client, mapper):
    mapper["facts"] = False
    store = app.extensions["communique.store"]
    before = store.count()
    response = post(client)
    assert response.status_code == 422
    assert response.json["message"] == (
        "no diplomatic content found: no event, agreement, figure, quotation or role; "
        "nothing was stored"
    )
    assert response.json["reason"] == "no-diplomatic-content"
    assert response.json["iri"].startswith(BASE + "id/article/2025-01-30-")
    assert store.count() == before


@pytest.mark.slow  # the real mapper
def test_the_weather_is_not_news(app, client):
    response = post(client, body={"text": "The weather was nice.", "date": "2025-03-12"})
    assert response.status_code == 422
    assert response.json["reason"] == "no-diplomatic-content"
    assert app.extensions["communique.store"].stats()["articles"] == 0


def test_non_conforming_report_can_be_rdf(client, mapper):
    mapper["conforming"] = False
    response = post(client, headers={**AUTH, "Accept": "text/turtle"})
    assert response.status_code == 422
    report = Graph().parse(data=response.data, format="turtle")
    assert Literal(False) in set(
        report.objects(None, URIRef("http://www.w3.org/ns/shacl#conforms"))
    )


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ({"text": "no date here"}, "application/json", 400),
        ({"date": "2025-01-30"}, "application/json", 400),
        ("no date at the start", "text/plain", 400),
        ("", "application/json", 400),
        ("<xml/>", "application/xml", 415),
    ],
)
def test_bad_article_is_rejected_before_mapping(client, mapper, body, content_type, status):
    response = post(client, body=body, content_type=content_type)
    assert response.status_code == status
    assert response.json["message"]
    assert mapper["calls"] == []


def test_mapper_failure_is_422(client, monkeypatch):
    from communique.server.ingest import ingest

    def broken(article, **kw):
        raise RuntimeError("the mapper tripped")

    monkeypatch.setattr(ingest.pipeline, "map_article", broken)
    response = post(client)
    assert response.status_code == 422
    assert "tripped" in response.json["message"]


def test_articles_route_sends_no_cors_header(client, mapper):
    response = post(client, headers={**AUTH, "Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
