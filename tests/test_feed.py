"""The feed in the store: one member per create, update and delete, in order, with strictly
increasing times, pages assigned as members are written, kept out of the dataset."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from test_sparql_support import ARTICLES

from communique.server.feed import log as feed_log
from communique.server.feed.pages import Member
from communique.server.store.articles import Store
from communique.server.store.terms import from_ox

BASE = "http://localhost:5000/"


def members(store: Store) -> list[Member]:
    """Every member of the store's feed, oldest first."""
    feed = store.feed
    return [m for n in range(1, feed.last_page() + 1) for m in feed.page(n)]


def article_members(store: Store) -> list[tuple[str, str]]:
    """(kind, article IRI) of the members about articles, oldest first."""
    return [(m.kind, m.version_of) for m in members(store) if "/id/article/" in m.version_of]


def latest_states(store: Store) -> dict[str, frozenset | None]:
    """What replaying the feed gives: each graph's triples after its last member (None when
    that member is a delete)."""
    from communique.mapping.iris import versioned_graph_iri

    states: dict[str, frozenset | None] = {}
    for m in members(store):
        graph = versioned_graph_iri(store.base, m.version_of)
        content = m.content or ""
        triples = ox.parse(content, format=ox.RdfFormat.N_TRIPLES)
        states[graph] = None if m.kind == "Delete" else frozenset(q.triple for q in triples)
    return states


def stored_states(store: Store) -> dict[str, frozenset]:
    """Each stored article or reference graph's triples."""
    graphs = [*store.article_graphs(), store.reference_iri]
    return {
        g: frozenset(
            q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))
        )
        for g in graphs
        if store.has_graph(g)
    }


def same_states(a: dict[str, frozenset | None], b: dict[str, frozenset | None]) -> bool:
    """The same graphs with the same triples, blank nodes compared by isomorphism (INSERT
    DATA gives every blank node a fresh label, so the reference data's change names)."""
    if a.keys() != b.keys():
        return False
    return all(
        (a[g] is None) == (b[g] is None) and isomorphic(_rdflib(a[g]), _rdflib(b[g])) for g in a
    )


def _rdflib(triples: frozenset | None) -> Graph:
    graph = Graph()
    for t in triples or ():
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return graph


@pytest.fixture(params=[False, True], ids=["union", "merged"])
def store(request):
    with Store.open(None, BASE, merged=request.param) as s:
        yield s


def test_create_update_delete_each_appear_once_in_order(store):
    a, b = ARTICLES[0], ARTICLES[1]
    store.put_article(a)
    store.put_article(b)
    store.put_article(a)
    assert store.delete_article(str(b.iri)) is True
    assert store.delete_article(str(b.iri)) is False  # nothing deleted: nothing logged
    assert article_members(store) == [
        ("Create", str(a.iri)),
        ("Create", str(b.iri)),
        ("Update", str(a.iri)),
        ("Delete", str(b.iri)),
    ]
    times = [m.time for m in members(store)]
    assert times == sorted(times) and len(set(times)) == len(times)
    expected = {str(a.graph_iri): stored_states(store)[str(a.graph_iri)], str(b.graph_iri): None}
    assert same_states(latest_states(store), expected)


def test_one_batch_gives_one_member_per_article_in_order(store):
    a, b = ARTICLES[0], ARTICLES[1]
    store.put_articles([a, b, a])
    assert article_members(store) == [
        ("Create", str(a.iri)),
        ("Create", str(b.iri)),
        ("Update", str(a.iri)),
    ]


def test_reference_data_is_a_member_too(store):
    store.ensure_reference()
    store.ensure_reference()  # unchanged: not written, not logged
    (member,) = members(store)
    assert (member.kind, member.version_of) == ("Create", store.reference_iri)
    assert same_states(latest_states(store), stored_states(store))


def test_times_increase_when_the_clock_stands_still_or_goes_back(store, monkeypatch):
    frozen = dt.datetime(2025, 1, 30, 10, 15, tzinfo=dt.UTC)
    monkeypatch.setattr(feed_log, "now", lambda: frozen)
    store.put_articles(ARTICLES)
    monkeypatch.setattr(feed_log, "now", lambda: frozen - dt.timedelta(hours=1))
    store.put_article(ARTICLES[0])
    times = [m.time for m in members(store)]
    step = dt.timedelta(microseconds=1)
    assert times == [frozen + i * step for i in range(len(ARTICLES) + 1)]
    assert len({m.iri for m in members(store)}) == len(times)  # the IRIs differ too


def test_pages_take_a_fixed_number_of_members():
    with Store.open(None, BASE, feed_page_size=2) as store:
        for mapped in ARTICLES * 3:
            store.put_article(mapped)
        sizes = [len(store.feed.page(n)) for n in range(1, store.feed.last_page() + 1)]
        assert sizes == [2] * (len(ARTICLES) * 3 // 2) + [1] * (len(ARTICLES) * 3 % 2)
        assert [m.page for m in members(store)] == [i // 2 + 1 for i in range(len(ARTICLES) * 3)]


def test_the_log_survives_reopening_and_goes_on(tmp_path):
    data = tmp_path / "data"
    with Store.open(data, BASE, feed_page_size=2) as store:
        store.put_articles([*ARTICLES, ARTICLES[0]])
        before = members(store)
    with Store.open(data, BASE, feed_page_size=2) as store:
        store.put_article(ARTICLES[1])
        after = members(store)
    assert after[:3] == before
    assert after[3].time > before[-1].time and after[3].kind == "Update"
    assert [m.page for m in after] == [1, 1, 2, 2]


def test_the_feed_is_kept_out_of_the_dataset(store):
    store.ensure_reference()
    store.put_articles(ARTICLES)
    feed = store.feed.graph_iri
    assert store.count() == sum(store.count(g) for g in stored_states(store))
    dumped = b"".join(store.dump("nq"))
    assert feed.encode() not in dumped and b"activitystreams" not in dumped
    if store.merged:
        in_default = {
            q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())
        }
        union = set().union(*stored_states(store).values())
        assert in_default == union  # the merge holds the articles' triples, not the log's


def test_a_store_written_before_the_feed_gets_its_graphs_as_members(tmp_path):
    data = tmp_path / "data"
    with Store.open(data, BASE, feed=False) as store:
        store.ensure_reference()
        store.put_articles(ARTICLES)
        assert members(store) == []
    (data / "state.json").write_text(
        (data / "state.json").read_text().replace('"feed": true', '"feed": false')
    )
    with Store.open(data, BASE) as store:
        assert {m.kind for m in members(store)} == {"Create"}
        assert same_states(latest_states(store), stored_states(store))
        count = len(members(store))
    with Store.open(data, BASE) as store:
        assert len(members(store)) == count  # started once


def test_apply_writes_only_what_oxigraph_reads_as_n_triples(store):
    from communique.server.errors import StoreError
    from communique.server.feed.log import Change

    graph = str(ARTICLES[0].graph_iri)
    with pytest.raises(StoreError):
        store.apply([Change(graph, "<urn:a> <urn:b> <urn:c> } ; DROP ALL ; INSERT DATA {")])
    assert members(store) == [] and not store.has_graph(graph)
    with pytest.raises(StoreError):
        store.apply([Change(BASE + "graph/feed", None)])  # the log is no graph to replay
