"""The feed over HTTP: the stream, pages with TREE relations and cache headers, members,
content negotiation (an inline JSON-LD context), daily dumps, and where it is described."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF
from test_sparql_support import ARTICLES

from communique.server.feed import log as feed_log
from communique.server.feed.routes import DAY_GRACE

BASE = "http://localhost:5000/"
TREE = "https://w3id.org/tree#"
LDES = "https://w3id.org/ldes#"
AS = "https://www.w3.org/ns/activitystreams#"
PROV_TIME = URIRef("http://www.w3.org/ns/prov#generatedAtTime")
IMMUTABLE = "public, max-age=31536000, immutable"
NQ = {"Accept": "application/n-quads"}


@pytest.fixture
def store(app):
    """The app's store with pages of two members: the reference data and four writes."""
    store = app.extensions["communique.store"]
    store.feed.page_size = 2
    for mapped in [*ARTICLES, ARTICLES[0]]:
        store.put_article(mapped)
    store.delete_article(str(ARTICLES[1].iri))
    return store  # members: reference, A, B | A again, delete B -> pages 1, 2, 3


def quads(response) -> list[ox.Quad]:
    return list(ox.parse(response.data, format=ox.RdfFormat.N_QUADS))


def test_stream_names_its_paths_and_first_page(client, store):
    response = client.get("/feed", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    g = Graph().parse(data=response.data, format="turtle")
    stream = URIRef(BASE + "feed")
    assert (stream, RDF.type, URIRef(LDES + "EventStream")) in g
    assert g.value(stream, URIRef(LDES + "timestampPath")) == PROV_TIME
    assert g.value(stream, URIRef(LDES + "versionOfPath")) == URIRef(
        "http://purl.org/dc/terms/isVersionOf"
    )
    assert g.value(stream, URIRef(TREE + "view")) == URIRef(BASE + "feed/page/1")


def test_full_pages_are_immutable_with_a_stable_etag(client, store):
    first = client.get("/feed/page/1", headers=NQ)
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == IMMUTABLE
    store.put_article(ARTICLES[1])  # the feed grows; page 1 does not change
    again = client.get("/feed/page/1", headers=NQ)
    assert again.headers["ETag"] == first.headers["ETag"] and again.data == first.data
    cached = client.get("/feed/page/1", headers={**NQ, "If-None-Match": first.headers["ETag"]})
    assert cached.status_code == 304 and cached.data == b""


def test_the_newest_page_is_short_lived_until_the_next_one_begins(client, store):
    newest = client.get("/feed/page/3", headers=NQ)
    assert newest.status_code == 200
    assert newest.headers["Cache-Control"] == "public, max-age=5"
    assert not [q for q in quads(newest) if q.predicate.value == TREE + "relation"]
    store.put_article(ARTICLES[1])  # page 3 is full now, but still the newest
    full = client.get("/feed/page/3", headers=NQ)
    assert full.headers["ETag"] != newest.headers["ETag"]
    assert full.headers["Cache-Control"] == "public, max-age=5"
    store.put_article(ARTICLES[0])  # page 4 begins: page 3 can never change again
    closed = client.get("/feed/page/3", headers=NQ)
    assert closed.headers["Cache-Control"] == IMMUTABLE
    assert [q for q in quads(closed) if q.predicate.value == TREE + "relation"]


def test_relation_leads_to_the_next_page_from_its_first_time(client, store):
    data = Dataset().parse(data=client.get("/feed/page/1", headers=NQ).data, format="nquads")
    page = URIRef(BASE + "feed/page/1")
    (relation,) = data.default_graph.objects(page, URIRef(TREE + "relation"))
    g = data.default_graph
    assert g.value(relation, RDF.type) == URIRef(TREE + "GreaterThanOrEqualToRelation")
    assert g.value(relation, URIRef(TREE + "path")) == PROV_TIME
    assert g.value(relation, URIRef(TREE + "node")) == URIRef(BASE + "feed/page/2")
    first_of_next = store.feed.page(2)[0].time
    assert g.value(relation, URIRef(TREE + "value")).toPython() == first_of_next


def test_members_in_order_with_their_triples_in_their_own_graph(client, store):
    got = [quads(client.get(f"/feed/page/{n}", headers=NQ)) for n in (1, 2, 3)]
    kinds = []
    for page in got:
        for q in page:
            if q.predicate == RDF_TYPE and q.object.value.startswith(AS):
                kinds.append((q.object.value[len(AS) :], q.subject.value))
    assert [k for k, _ in kinds] == ["Create", "Create", "Create", "Update", "Delete"]
    update = kinds[3][1]
    content = {
        q.triple for page in got for q in page if getattr(q.graph_name, "value", "") == update
    }
    stored = store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(ARTICLES[0].graph_iri)))
    assert content == {q.triple for q in stored}
    delete = kinds[4][1]
    assert not [q for page in got for q in page if getattr(q.graph_name, "value", "") == delete]


RDF_TYPE = ox.NamedNode(str(RDF.type))


@pytest.mark.parametrize(
    ("accept", "parse_as"),
    [("application/trig", "trig"), ("application/ld+json", "json-ld"), ("text/turtle", "turtle")],
)
def test_formats_say_the_same(client, store, accept, parse_as):
    reference = Dataset().parse(data=client.get("/feed/page/2", headers=NQ).data, format="nquads")
    response = client.get("/feed/page/2", headers={"Accept": accept})
    assert response.mimetype == accept
    parsed = Dataset().parse(data=response.data, format=parse_as)
    if parse_as == "turtle":  # no named graphs: the members' descriptions only
        assert isomorphic(parsed.default_graph, reference.default_graph)
    else:
        assert len(parsed) == len(reference)
        assert {str(g.identifier) for g in parsed.graphs()} >= {m.iri for m in store.feed.page(2)}


def test_jsonld_has_an_inline_context(client, store):
    document = json.loads(client.get("/feed/page/1?format=jsonld").data)
    context = document["@context"]
    assert isinstance(context, dict) and context["tree"] == TREE and context["as"] == AS
    assert "as:Create" in json.dumps(document)


def test_unknown_pages_are_404(client, store):
    assert client.get("/feed/page/4").status_code == 404
    assert client.get("/feed/page/0").status_code == 404
    assert client.get("/feed/page/1?format=rdf").status_code == 406


def test_a_member_dereferences_to_its_triples(client, store):
    member = store.feed.page(1)[1]
    path = member.iri[len(BASE) - 1 :]
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE
    g = Graph().parse(data=response.data, format="turtle")
    assert g.value(URIRef(member.iri), RDF.type) == URIRef(AS + "Create")
    assert (ARTICLES[0].iri, RDF.type, None) in g  # the article's own triples
    assert client.get(path[:-3] + "000Z").status_code == 404


def daily(client, day: dt.date):
    return client.get(f"/dumps/daily/{day.isoformat()}.nq.gz")


@pytest.fixture
def yesterdays_app(monkeypatch):
    """An app whose store was begun yesterday: the reference data and article A yesterday,
    article B today."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    # (a day is closed only some minutes after its end: just after midnight, yesterday is not)
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1) - DAY_GRACE
    monkeypatch.setattr(feed_log, "now", lambda: yesterday)
    app = create_app({"TESTING": True, "DATA_DIR": None, "BASE": BASE})
    store = app.extensions["communique.store"]
    store.put_article(ARTICLES[0])
    monkeypatch.undo()
    store.put_article(ARTICLES[1])
    yield app, yesterday
    close_store(app)


def test_daily_dumps_hold_the_day_and_past_days_are_final(yesterdays_app):
    app, yesterday = yesterdays_app
    client = app.test_client()
    past = daily(client, yesterday.date())
    assert past.status_code == 200 and past.headers["Cache-Control"] == IMMUTABLE
    assert past.headers["Content-Disposition"].endswith(f'{yesterday.date()}.nq.gz"')
    past_quads = list(ox.parse(gzip.decompress(past.data), format=ox.RdfFormat.N_QUADS))
    versions = {q.object.value for q in past_quads if q.predicate.value.endswith("isVersionOf")}
    assert versions == {BASE + "graph/reference", str(ARTICLES[0].iri)}
    assert any(q.graph_name.value.startswith(BASE + "feed/revision/") for q in past_quads
               if isinstance(q.graph_name, ox.NamedNode))  # fmt: skip
    assert daily(client, yesterday.date()).headers["ETag"] == past.headers["ETag"]
    today = daily(client, dt.datetime.now(dt.UTC).date())
    assert today.headers["Cache-Control"] == "public, max-age=5"
    text = gzip.decompress(today.data).decode()
    assert str(ARTICLES[1].iri) in text and str(ARTICLES[0].iri) not in text
    long_ago = daily(client, dt.date(2001, 1, 1))
    assert long_ago.status_code == 200 and gzip.decompress(long_ago.data) == b""


@pytest.mark.parametrize("name", ["2999-01-01", "2025-13-01", "yesterday", "2025-1-1"])
def test_daily_dumps_of_no_day_are_404(client, name):
    assert client.get(f"/dumps/daily/{name}.nq.gz").status_code == 404


def test_void_describes_the_feed_as_a_data_service(client):
    response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.data, format="turtle")
    feed = URIRef(BASE + "feed")
    (service,) = g.subjects(DCAT.endpointURL, feed)
    assert (service, RDF.type, DCAT.DataService) in g
    assert g.value(service, DCAT.servesDataset) == URIRef(BASE + "#dataset")
    assert (feed, RDF.type, URIRef(LDES + "EventStream")) in g


@pytest.mark.parametrize("path", ["/", "/dumps/"])
def test_landing_and_dumps_pages_link_the_feed(client, path):
    html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/feed"' in html
    if path == "/dumps/":
        today = dt.datetime.now(dt.UTC).date()
        assert f'href="/dumps/daily/{today}.nq.gz"' in html


def test_feed_iris_link_to_their_pages(app, store):
    from communique.server.web.links import local_url

    member = store.feed.page(1)[0]
    with app.test_request_context():
        assert local_url(BASE + "feed") == "/feed"
        assert local_url(BASE + "feed/page/2") == "/feed/page/2"
        assert local_url(member.iri) == member.iri[len(BASE) - 1 :]
        assert local_url(member.iri + "0") is None  # not a stamp revision_iri writes
