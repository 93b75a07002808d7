"""The store: put/replace/delete, describe, stats, dumps, versions, persistence; embedded
Oxigraph without and with the merged default graph, and a remote `oxigraph serve`."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pyoxigraph as ox
import pytest
from oxigraph_server import engine_url, oxigraph  # noqa: F401 - fixtures
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter
from communique.ontology.namespace import DIP, SDO
from communique.server.errors import StoreError
from communique.server.store.articles import Store
from communique.server.store.terms import as_stored as canonical
from communique.server.store.terms import from_ox, iri_term, literal_term

BASE = "http://example.org/"
MINT = Minter(BASE)


def make_article(text: str, *, countries=("KAZ",), person: str | None = None, extra: int = 0):
    """A small mapped article as the mapper would shape it (self-contained)."""
    article = Article(body=text, date=dt.date(2024, 1, 30), source="test")
    iri, graph_iri = MINT.article(article), MINT.article_graph(article)
    g = Graph(identifier=graph_iri)
    g.add((iri, RDF.type, DIP.Article))
    g.add((iri, SDO.datePublished, Literal("2024-01-30", datatype=XSD.date)))
    g.add((iri, SDO.headline, Literal(text)))
    for iso3 in countries:
        c = MINT.country(iso3)
        g.add((iri, DIP.mentions, c))
        g.add((c, RDF.type, DIP.Country))
        g.add((c, DIP.iso3, Literal(iso3)))
        g.add((c, SDO.name, Literal(f"Country {iso3}")))
    if person:
        p = MINT.person(person)
        g.add((iri, DIP.mentions, p))
        g.add((p, RDF.type, DIP.Person))
        g.add((p, SDO.name, Literal(person)))
    for i in range(extra):
        g.add((iri, RDFS.comment, Literal(f"extra {i}", lang="en")))
    return MappedArticle(article=article, iri=iri, graph_iri=graph_iri, graph=g)


@pytest.fixture(params=["union", "merged", "remote"])
def store(request):
    """An embedded store without and with the merged default graph, and a remote one (an
    `oxigraph serve`, emptied for each test)."""
    if request.param == "remote":
        s = Store.open_url(request.getfixturevalue("engine_url"), BASE)
    else:
        s = Store.open(None, BASE, merged=request.param == "merged")
    yield s
    s.close()


@pytest.fixture(params=["embedded", "remote"])
def merged_store(request):
    """A store with the merged default graph: embedded, and remote."""
    if request.param == "remote":
        s = Store.open_url(request.getfixturevalue("engine_url"), BASE)
    else:
        s = Store.open(None, BASE, merged=True)
    yield s
    s.close()


def beside_the_feed(store: Store) -> list[ox.Quad]:
    """The quads outside the feed's graph (which holds a remote store's state too)."""
    return [q for q in store.ox if getattr(q.graph_name, "value", None) != store.feed.graph_iri]


def test_put_returns_count_and_keeps_graph(store):
    mapped = make_article("Kazakhstan and Uzbekistan talk trade.", countries=("KAZ", "UZB"))
    assert store.put_article(mapped) == len(mapped.graph)
    assert isomorphic(store.graph(str(mapped.graph_iri)), canonical(mapped.graph))
    assert list(store.article_graphs()) == [str(mapped.graph_iri)]


def test_put_articles_writes_a_batch(store):
    batch = [make_article(f"Batch {i}.", extra=i) for i in range(3)]
    assert store.put_articles(batch) == [len(m.graph) for m in batch]
    bad = make_article("Batch bad.")
    bad.graph.add((bad.iri, SDO.url, URIRef("http://example.org/a page")))
    with pytest.raises(StoreError):  # one bad article: nothing of the batch is written
        store.put_articles([make_article("Batch new."), bad])
    assert sorted(store.article_graphs()) == sorted(str(m.graph_iri) for m in batch)


def test_reput_replaces_the_graph(store):
    mapped = make_article("Same article.", extra=5)
    first = store.put_article(mapped)
    assert store.put_article(mapped) == first
    assert store.count() == first
    smaller = make_article("Same article.", extra=1)
    assert smaller.graph_iri == mapped.graph_iri
    assert store.put_article(smaller) == first - 4
    assert isomorphic(store.graph(str(mapped.graph_iri)), canonical(smaller.graph))


@pytest.mark.parametrize(
    "literal",
    [
        Literal('quote " and \\u0022 and backslash \\'),
        Literal("line\nbreak\r\ttab } GRAPH <http://x> {"),
        Literal("Hà Nội — Türkiye 😀"),
        Literal("Foreign Minister", lang="en-GB"),
        Literal("1300000000", datatype=XSD.decimal),
        Literal("2024-01", datatype=XSD.gYearMonth),
        Literal("2024", datatype=XSD.gYear),
        Literal("'''\"\"\""),
    ],
)
def test_literals_round_trip(store, literal):
    mapped = make_article("Literal test.")
    mapped.graph.add((mapped.iri, SDO.text, literal))
    store.put_article(mapped)
    got = set(store.graph(str(mapped.graph_iri)).objects(mapped.iri, SDO.text))
    assert got == {literal}


def test_shared_entities_gather_and_survive_delete(store):
    a = make_article("Utepov met Ortiqov.", countries=("KAZ", "UZB"), person="Nurlan Temirov")
    b = make_article("Utepov visited Baku.", countries=("KAZ", "AZE"), person="Nurlan Temirov")
    store.put_article(a)
    store.put_article(b)
    kaz, person = MINT.country("KAZ"), MINT.person("Nurlan Temirov")
    described = store.describe(str(kaz))
    assert set(described.subjects(DIP.mentions, kaz)) == {a.iri, b.iri}
    assert set(store.describe(str(person)).subjects(DIP.mentions, person)) == {a.iri, b.iri}

    assert store.delete_article(str(a.iri)) is True
    assert not store.has_graph(str(a.graph_iri))
    after = store.describe(str(kaz))
    assert set(after.subjects(DIP.mentions, kaz)) == {b.iri}
    assert after.value(kaz, SDO.name) == Literal("Country KAZ")
    assert store.describe(str(MINT.country("UZB"))).value(MINT.country("UZB"), SDO.name) is None
    assert isomorphic(store.graph(str(b.graph_iri)), canonical(b.graph))


@pytest.mark.parametrize("as_graph_iri", [False, True])
def test_delete(store, as_graph_iri):
    mapped = make_article("To be deleted.")
    store.put_article(mapped)
    target = str(mapped.graph_iri if as_graph_iri else mapped.iri)
    assert store.delete_article(target) is True
    assert store.delete_article(target) is False
    assert store.count() == 0 and store.count_default() == 0  # the merge too
    feed = {q.graph_name.value for q in store.ox}
    assert feed == {store.feed.graph_iri}  # only the log of the put and the delete is left


@pytest.mark.parametrize(
    "iri", ["http://elsewhere.org/id/article/x", "http://example.org/id/person/someone"]
)
def test_delete_refuses_foreign_iris(store, iri):
    with pytest.raises(StoreError):
        store.delete_article(iri)


def test_put_refuses_graph_outside_base(store):
    mapped = make_article("Foreign graph.")
    mapped.graph_iri = URIRef("http://elsewhere.org/graph/article/x")
    with pytest.raises(StoreError):
        store.put_article(mapped)
    assert beside_the_feed(store) == []


def test_describe_has_both_directions_and_neighbour_labels(store):
    mapped = make_article("Labels.", countries=("KAZ",), person="Nurlan Temirov")
    store.put_article(mapped)
    store.ensure_reference(reference_sample())
    person = MINT.person("Nurlan Temirov")
    described = store.describe(str(person))
    assert (mapped.iri, DIP.mentions, person) in described  # incoming
    assert (person, SDO.name, Literal("Nurlan Temirov")) in described  # outgoing
    assert (mapped.iri, SDO.headline, Literal("Labels.")) not in described  # not a label
    assert described.value(DIP.Person, RDFS.label) == Literal("Person", lang="en")
    assert described.value(DIP.mentions, RDFS.label) == Literal("mentions", lang="en")
    assert len(store.describe(f"{BASE}id/person/nobody")) == 0
    assert len(store.describe(f"{BASE}id/person/not an iri")) == 0
    assert not store.has_graph(f"{BASE}graph/article/not an iri")


def reference_sample(label: str = "Person") -> Graph:
    g = Graph()
    g.add((DIP.Person, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    g.add((DIP.Person, RDFS.label, Literal(label, lang="en")))
    g.add((DIP.mentions, RDFS.label, Literal("mentions", lang="en")))
    return g


def test_ensure_reference_loads_once_and_reloads_when_changed(store):
    store.ensure_reference(reference_sample())
    assert store.count(store.reference_iri) == 3
    version = store.version()
    store.ensure_reference(reference_sample())
    assert store.version() == version
    store.ensure_reference(reference_sample("Human"))
    assert store.version() != version
    assert store.graph(store.reference_iri).value(DIP.Person, RDFS.label) == Literal(
        "Human", lang="en"
    )
    assert store.count(store.reference_iri) == 3


def test_stats(store):
    store.ensure_reference(reference_sample())
    store.put_article(make_article("One.", countries=("KAZ", "UZB"), person="A B"))
    store.put_article(make_article("Two.", countries=("KAZ",)))
    stats = store.stats()
    assert stats["articles"] == 2
    assert stats["triples"] == store.count()
    assert stats["reference_triples"] == 3
    assert stats["article_triples"] == stats["triples"] - 3
    assert stats["entities_by_class"] == {
        str(DIP.Article): 2,
        str(DIP.Country): 2,
        str(DIP.Person): 1,
    }


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dump_quads_round_trip(store, fmt):
    articles = [make_article(f"Article {i}.", countries=("KAZ",), extra=i) for i in range(3)]
    for mapped in articles:
        store.put_article(mapped)
    store.ensure_reference(reference_sample())
    data = b"".join(store.dump(fmt))
    ds = Dataset()
    ds.parse(data=data, format="nquads" if fmt == "nq" else "trig")
    for mapped in articles:
        assert isomorphic(ds.graph(mapped.graph_iri), canonical(mapped.graph))
    assert isomorphic(ds.graph(URIRef(store.reference_iri)), reference_sample())


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_dump_triples_is_the_union(store, fmt):
    articles = [make_article(f"Article {i}.", countries=("KAZ", "UZB")) for i in range(3)]
    union = Graph()
    for mapped in articles:
        store.put_article(mapped)
        union += canonical(mapped.graph)
    data = b"".join(store.dump(fmt))
    got = Graph().parse(data=data, format="nt" if fmt == "nt" else "turtle")
    assert isomorphic(got, union)


@pytest.mark.parametrize("fmt", ["nq", "trig", "ttl", "nt"])
def test_dump_streams_in_chunks(store, fmt):
    big = make_article("Big.", extra=12_000)
    store.put_article(big)
    chunks = list(store.dump(fmt))
    assert len(chunks) >= 3
    data = b"".join(chunks)
    if fmt in ("ttl", "trig"):  # one @prefix block, at the start
        assert all(not c.startswith(b"@prefix") for c in chunks[1:])
    if fmt in ("nq", "trig"):
        parsed = Dataset().parse(data=data, format="nquads" if fmt == "nq" else "trig")
        assert isomorphic(parsed.graph(big.graph_iri), canonical(big.graph))
    else:
        parsed = Graph().parse(data=data, format="nt" if fmt == "nt" else "turtle")
        assert isomorphic(parsed, canonical(big.graph))


def test_dump_rejects_unknown_format(store):
    with pytest.raises(StoreError):
        store.dump("xml")


def test_version_changes_after_every_write(store):
    seen = {store.version()}
    modified = store.last_modified()
    assert modified.tzinfo is not None and modified.utcoffset() == dt.timedelta(0)
    mapped = make_article("Versioned.")
    store.put_article(mapped)
    seen.add(store.version())
    store.put_article(mapped)
    seen.add(store.version())
    store.delete_article(str(mapped.iri))
    seen.add(store.version())
    store.delete_article(str(mapped.iri))  # nothing deleted: no write
    seen.add(store.version())
    assert store.put_articles([]) == []  # nothing to write: no write
    seen.add(store.version())
    assert len(seen) == 4
    assert store.last_modified() >= modified


def test_persistence_read_only_and_lock(tmp_path):
    data = tmp_path / "data"
    mapped = make_article("Persisted.", person="Nurlan Temirov")
    with Store.open(data, BASE) as store:
        store.put_article(mapped)
        version = store.version()
        with pytest.raises(StoreError) as info:
            Store.open(data, BASE)
        assert info.value.locked
    with Store.open(data, BASE, read_only=True) as reader:
        assert isomorphic(reader.graph(str(mapped.graph_iri)), canonical(mapped.graph))
        assert reader.version() == version
        with pytest.raises(StoreError):
            reader.delete_article(str(mapped.iri))
    with Store.open(data, BASE) as store:
        assert store.version() != version  # a read-write open may follow a crash
        assert store.count(str(mapped.graph_iri)) == len(mapped.graph)


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError):
        Store.open(tmp_path / "missing", BASE, read_only=True)


def test_readers_never_see_half_an_article(store):
    small, large = make_article("Flip.", extra=10), make_article("Flip.", extra=400)
    graph_iri = str(small.graph_iri)
    store.put_article(small)
    sizes = {len(small.graph), len(large.graph)}
    stop = threading.Event()

    def writer() -> None:
        for i in range(60):
            store.put_article(large if i % 2 == 0 else small)
        stop.set()

    thread = threading.Thread(target=writer)
    thread.start()
    seen = set()
    while not stop.is_set():
        seen.add(store.count(graph_iri))
        if store.remote:
            time.sleep(0.005)  # else the reader's requests crowd the writer's out
    thread.join()
    assert seen <= sizes


def test_put_refuses_invalid_terms_and_keeps_the_old_graph(store):
    mapped = make_article("Bad IRI.")
    store.put_article(mapped)
    before = store.count()
    broken = make_article("Bad IRI.")
    broken.graph.add((broken.iri, SDO.url, URIRef("http://example.org/a page")))
    with pytest.raises(StoreError):
        store.put_article(broken)
    assert store.count() == before
    assert isomorphic(store.graph(str(mapped.graph_iri)), canonical(mapped.graph))


def test_close_twice_is_harmless(tmp_path):
    store = Store.open(tmp_path / "data", BASE)
    store.close()
    store.close()
    Store.open(tmp_path / "data", BASE).close()  # the lock went with the first close


COUNT_PEOPLE = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/communique/diplomacy#Person> }"
)


def merge_of(store: Store) -> Graph:
    out = Graph()
    for graph_iri in [*store.article_graphs(), store.reference_iri]:
        out += store.graph(graph_iri)
    return out


def default_graph(store: Store) -> Graph:
    out = Graph()
    for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return out


def test_merged_default_graph_counts_shared_triples_once():
    a = make_article("First.", countries=("KAZ", "UZB"), person="Nurlan Temirov")
    b = make_article("Second.", countries=("KAZ",), person="Nurlan Temirov")
    counts = {}
    for merged in (False, True):
        with Store.open(None, BASE, merged=merged) as store:
            store.put_articles([a, b])
            rows = store.query(COUNT_PEOPLE)  # without the merge, Oxigraph's union
            counts[merged] = int(next(iter(rows))["n"].value)
    assert counts == {False: 2, True: 1}  # Oxigraph 0.5's union counts per graph


def test_remote_store_counts_shared_triples_once(engine_url):  # noqa: F811 - the fixture
    a = make_article("First.", countries=("KAZ", "UZB"), person="Nurlan Temirov")
    b = make_article("Second.", countries=("KAZ",), person="Nurlan Temirov")
    with Store.open_url(engine_url, BASE) as store:
        assert store.merged and store.remote
        store.put_articles([a, b])
        assert int(next(iter(store.query(COUNT_PEOPLE)))["n"].value) == 1


def test_merged_default_graph_follows_every_write(merged_store):
    store = merged_store
    a = make_article("A.", countries=("KAZ", "UZB"), person="Nurlan Temirov")
    b = make_article("B.", countries=("KAZ",), person="Nurlan Temirov")
    store.ensure_reference(reference_sample())
    store.put_articles([a, b])
    assert isomorphic(default_graph(store), merge_of(store))
    smaller = make_article("A.", countries=("UZB",))  # A no longer names KAZ nor the person
    store.put_article(smaller)
    assert isomorphic(default_graph(store), merge_of(store))
    assert (MINT.country("KAZ"), SDO.name, Literal("Country KAZ")) in default_graph(store)
    store.delete_article(str(b.iri))
    merged = default_graph(store)
    assert isomorphic(merged, merge_of(store))
    assert (MINT.country("KAZ"), None, None) not in merged
    assert (MINT.person("Nurlan Temirov"), None, None) not in merged


def test_merged_default_graph_is_a_property_of_the_folder(tmp_path):
    data = tmp_path / "data"
    mapped = make_article("Folder.", countries=("KAZ",))
    with Store.open(data, BASE, merged=False) as store:
        store.put_article(mapped)
        assert store.count_default() == 0
    with Store.open(data, BASE, merged=True) as store:  # built from the named graphs
        assert isomorphic(default_graph(store), merge_of(store))
    with Store.open(data, BASE, read_only=True) as reader:
        assert reader.merged  # the folder says so
        assert reader.stats()["distinct_triples"] == len(mapped.graph)
        assert isomorphic(reader.describe(str(mapped.iri)), store_describe_expected(mapped))
    with Store.open(data, BASE, merged=False) as store:
        assert store.count_default() == 0 and store.count() == len(mapped.graph)


def store_describe_expected(mapped) -> Graph:
    """describe(article) of a one-article store: its own triples plus its neighbours' names."""
    own = canonical(mapped.graph)
    out = Graph()
    for s, p, o in own:
        if s == mapped.iri or (p == SDO.name and (mapped.iri, None, s) in own):
            out.add((s, p, o))
    return out


def test_merged_default_graph_is_on_by_default_and_not_a_named_graph():
    with Store.open(None, BASE) as store:
        assert store.merged
        store.put_article(make_article("Only.", countries=("KAZ",)))
        assert store.count_default() > 0
        graphs = {r["g"].value for r in store.query("SELECT DISTINCT ?g { GRAPH ?g { } }")}
        # the default graph is not named; the feed's log is (server/feed/log.py)
        assert graphs == {*store.article_graphs(), store.feed.graph_iri}


@pytest.mark.parametrize(
    "iri",
    [
        "http://x/> } ; DROP ALL ; <",
        "http://x/a> <http://x/b",
        'http://x/"a"',
        "http://x/{a}",
        "http://x/a b",
        "http://x/a\\b",
        "http://x/a\nb",
        "not an iri",
        "",
    ],
)
def test_iri_term_refuses_what_could_escape_the_term(iri):
    with pytest.raises(ValueError):
        iri_term(iri)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("http://example.org/id/", '"http://example.org/id/"'),
        ('a" } ; DROP ALL ; #', '"a\\" } ; DROP ALL ; #"'),
        ("two\nlines", '"two\\nlines"'),
    ],
)
def test_terms_are_serialized_for_query_text(value, text):
    assert literal_term(value) == text
    assert iri_term("http://example.org/a?b=c#d") == "<http://example.org/a?b=c#d>"
    rows = Store.open(None, BASE).query(f"SELECT ?v {{ BIND({literal_term(value)} AS ?v) }}")
    assert next(iter(rows))["v"].value == value  # the literal reads back unchanged
