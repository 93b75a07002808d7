"""Dumps: gzip files of the whole dataset, streamed, with validators and conditional GET."""

from __future__ import annotations

import gzip
import re

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import DCAT, RDF, VOID

BASE = "http://localhost:5000/"
FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig"}


@pytest.fixture
def store(app, data_dir, put_ttl):
    put_ttl(app, data_dir / "server" / "article_kaz_rus.ttl")
    return app.extensions["communique.store"]


def distinct_triples(store) -> int:
    """The set union of the named graphs but the feed's log, which the dumps leave out."""
    feed = store.feed.graph_iri
    return len({q.triple for q in store.ox if getattr(q.graph_name, "value", None) != feed})


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_dump_gunzips_and_parses_to_the_whole_dataset(client, store, fmt):
    response = client.get(f"/dumps/communique.{fmt}.gz")
    assert response.status_code == 200
    assert response.mimetype == "application/gzip"
    assert "Content-Encoding" not in response.headers  # a gzip file, not an encoded body
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="communique.{fmt}.gz"'
    data = gzip.decompress(response.data)
    if fmt in ("nq", "trig"):
        parsed = Dataset()
        parsed.parse(data=data, format=FORMATS[fmt])
        quads = sum(1 for _ in parsed.quads((None, None, None, None)))
        assert quads == store.count()  # every quad of the named graphs, graphs kept
        names = {str(g.identifier) for g in parsed.graphs()}
        assert f"{BASE}graph/reference" in names
        assert f"{BASE}graph/article/2025-01-30-a1b2c3d4e5" in names
    else:
        parsed = Graph().parse(data=data, format=FORMATS[fmt])
        assert len(parsed) == distinct_triples(store)  # the union of the graphs


def test_dump_is_streamed(client, store):
    response = client.get("/dumps/communique.nt.gz")
    assert response.is_streamed
    assert "Content-Length" not in response.headers


def test_validators_and_conditional_get(client, store):
    first = client.get("/dumps/communique.nq.gz")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag and modified
    by_etag = client.get("/dumps/communique.nq.gz", headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.data == b""
    assert by_etag.headers["ETag"] == etag
    by_date = client.get("/dumps/communique.nq.gz", headers={"If-Modified-Since": modified})
    assert by_date.status_code == 304
    stale = client.get("/dumps/communique.nq.gz", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200
    assert gzip.decompress(stale.data)


def test_etags_differ_between_formats(client, store):
    etags = {client.head(f"/dumps/communique.{fmt}.gz").headers["ETag"] for fmt in FORMATS}
    assert len(etags) == len(FORMATS)


def test_head_has_the_headers_and_no_body(client, store):
    head = client.head("/dumps/communique.ttl.gz")
    assert head.status_code == 200
    assert head.data == b""
    assert head.mimetype == "application/gzip"
    assert head.headers["ETag"] == client.get("/dumps/communique.ttl.gz").headers["ETag"]


def test_new_article_changes_the_etag_and_the_content(app, client, store, data_dir, put_ttl):
    before = client.get("/dumps/communique.nq.gz")
    put_ttl(app, data_dir / "server" / "article_second.ttl")
    after = client.get("/dumps/communique.nq.gz", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert b"Astana hosts talks" in gzip.decompress(after.data)
    assert b"Astana hosts talks" not in gzip.decompress(before.data)


def test_unknown_dump_is_404(client, store):
    assert client.get("/dumps/communique.xml.gz").status_code == 404
    assert client.get("/dumps/other.nt.gz").status_code == 404


def test_index_lists_the_dumps_in_html(client, store):
    response = client.get("/dumps/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for fmt in FORMATS:
        assert f'href="/dumps/communique.{fmt}.gz"' in text


def size_cells(client) -> dict[str, str]:
    """The dumps page's Size column, by file name."""
    text = client.get("/dumps/", headers={"Accept": "text/html"}).get_data(as_text=True)
    rows = re.findall(r"(communique\.\w+\.gz)</a></td>.*?<td>([^<]*)</td>\s*</tr>", text, re.S)
    return dict(rows)


def test_index_gives_sizes_as_counts_then_bytes(client, store):
    sizes = size_cells(client)
    assert sizes["communique.nt.gz"] == f"{distinct_triples(store):,} triples"
    assert sizes["communique.nq.gz"] == f"{store.count():,} quads"
    downloaded = client.get("/dumps/communique.nq.gz").data  # sent whole: its size is known
    kb = f"{len(downloaded) / 1000:.1f} kB"
    assert size_cells(client)["communique.nq.gz"] == f"{store.count():,} quads, {kb}"
    assert size_cells(client)["communique.ttl.gz"].endswith("triples")  # not downloaded yet


def test_index_says_when_a_known_size_is_older_than_the_data(app, client, store, data_dir, put_ttl):
    assert client.get("/dumps/communique.nt.gz").data  # sent whole
    put_ttl(app, data_dir / "server" / "article_second.ttl")
    assert size_cells(client)["communique.nt.gz"].endswith("before the last change")


@pytest.mark.parametrize(
    ("media", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]
)
def test_index_in_dcat(client, store, media, fmt):
    response = client.get("/dumps/", headers={"Accept": media})
    assert response.mimetype == media
    g = Graph().parse(data=response.data, format=fmt)
    urls = {str(u) for u in g.objects(None, DCAT.downloadURL)}
    assert urls == {f"{BASE}dumps/communique.{f}.gz" for f in FORMATS}
    (dataset,) = g.subjects(RDF.type, DCAT.Dataset)
    assert len(set(g.objects(dataset, DCAT.distribution))) == len(FORMATS)
    assert set(map(str, g.objects(dataset, VOID.dataDump))) == urls


def test_dump_of_large_store_keeps_chunks_small(app, client, monkeypatch):
    """Many triples: the response arrives in several chunks, none holding the whole dump."""
    from communique.server.web import dumps as routes_dumps

    monkeypatch.setattr(routes_dumps, "FLUSH_AT", 4096)
    store = app.extensions["communique.store"]
    name = ox.NamedNode("https://schema.org/name")
    triples = " ".join(
        str(ox.Triple(ox.NamedNode(f"{BASE}id/person/p{i}"), name, ox.Literal(f"person {i}")))
        + " ."
        for i in range(20_000)
    )
    # in the graph and in the merged default graph, as put_article does; one update, which
    # the embedded store and the remote engine both take
    store.ox.update(f"INSERT DATA {{ {triples} GRAPH <{BASE}graph/article/bulk> {{ {triples} }} }}")
    response = client.get("/dumps/communique.nt.gz", buffered=False)
    chunks = list(response.response)
    response.close()
    assert len(chunks) > 3
    assert max(len(c) for c in chunks) < sum(len(c) for c in chunks) / 2
    lines = gzip.decompress(b"".join(chunks)).decode().splitlines()
    assert sum(1 for line in lines if "/id/person/p" in line) == 20_000
