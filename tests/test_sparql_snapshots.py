"""The query workers read snapshots of the store, never the live RocksDB folder: snapshots are
made after writes, consistent (no half article), fresh (the next query sees the last write)
and deleted once no worker uses them."""

from __future__ import annotations

import json
import threading

import pyoxigraph as ox
import pytest
from test_sparql_support import (
    ARTICLES,
    PREFIXES,
    article_graph,
    loaded_app,
    select,
    store_of,
)

from communique.ontology.namespace import DIP
from communique.server.sparql.app_executor import EXTENSION
from communique.server.sparql.snapshots import SNAPSHOTS_DIR, Snapshots
from communique.server.store.articles import Store

BASE = "http://localhost:5000/"
KEY = "2024-08-01-ffffffffff"
PEOPLE = 40  # participants of the event in every version of the rewritten article
# Per event: how many participants, and how many distinct "rounds" their names come from.
SHAPE_QUERY = (
    PREFIXES
    + "SELECT (COUNT(DISTINCT ?p) AS ?n) (COUNT(DISTINCT ?round) AS ?rounds) (MIN(?round) AS ?r)"
    + f"WHERE {{ <id/event/{KEY}> dip:participant ?p . ?p schema:name ?name "
    + 'BIND(STRBEFORE(?name, ":") AS ?round) }'
)


def version_of(round_: int):
    """The article in its round-th version: PEOPLE participants all named "round:i"."""
    people = [(f"r{round_}-p{i}", f"{round_:03d}:{i}") for i in range(PEOPLE)]
    return article_graph(KEY, "2024-08-01", DIP.Meeting, people)


def shape(client) -> tuple[int, int, str]:
    row = json.loads(select(client, SHAPE_QUERY).data)["results"]["bindings"][0]
    return int(row["n"]["value"]), int(row["rounds"]["value"]), row["r"]["value"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    # two threads of one test client query at once: both must be let in
    with loaded_app(
        tmp_path_factory.mktemp("snapshots") / "data", SPARQL_WORKERS=3, SPARQL_CLIENT_QUERIES=3
    ) as app:
        yield app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_reads_are_never_torn_nor_stale(app, client):
    """A reader thread checks that it always sees one whole version of the article, while
    the main thread rewrites it and checks that its next query sees the new version."""
    store = store_of(app)
    store.put_article(version_of(0))
    seen: list[tuple[int, int, str]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            seen.append(shape(client))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for round_ in range(1, 16):
            store.put_article(version_of(round_))
            assert shape(client) == (PEOPLE, 1, f"{round_:03d}")  # not stale
    finally:
        stop.set()
        thread.join()
        store.delete_article(str(version_of(0).iri))
    assert len(seen) > 5
    assert {(n, rounds) for n, rounds, _ in seen} == {(PEOPLE, 1)}  # never half of one


def test_old_snapshots_are_deleted(app, client):
    snapshots: Snapshots = app.extensions[EXTENSION][1].snapshots
    store = store_of(app)
    for i in range(6):
        mapped = article_graph(f"2024-09-{i + 1:02d}-gggggggggg", "2024-09-01", DIP.Visit, [])
        store.put_article(mapped)
        assert select(client, "ASK {}").status_code == 200
        store.delete_article(str(mapped.iri))
    select(client, "ASK {}")
    folder = store.path / SNAPSHOTS_DIR
    on_disk = sorted(folder.iterdir())
    assert on_disk == snapshots.paths()
    assert 1 <= len(on_disk) <= 1 + 3  # the newest, plus at most one per worker
    assert snapshots.made >= 7


def test_snapshots_of_a_store(tmp_path):
    with Store.open(tmp_path / "data", BASE) as store:
        snapshots = Snapshots(store, tmp_path / "data" / SNAPSHOTS_DIR)
        first = snapshots.acquire()
        assert snapshots.acquire() == first  # no write in between: the same one
        store.put_article(ARTICLES[0])
        second = snapshots.acquire()
        assert second.generation == first.generation + 1
        reader = ox.Store.read_only(str(second.path))
        assert ox.NamedNode(str(ARTICLES[0].graph_iri)) in set(reader.named_graphs())
        del reader
        snapshots.release(first)
        assert first.path.exists()  # still used once
        snapshots.release(first)
        assert not first.path.exists() and second.path.exists()
        snapshots.release(second)
        assert second.path.exists()  # the newest stays
        snapshots.close()
        assert list((tmp_path / "data" / SNAPSHOTS_DIR).iterdir()) == []
