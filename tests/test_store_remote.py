"""The store over a remote engine (a real `oxigraph serve`): the app, its SPARQL endpoint
answering as the embedded store does, the feed, the dumps, two apps over one engine, and
an engine that stops mid-way."""

from __future__ import annotations

import base64
import gzip
import http.server
import json
import signal
import threading
import time

import pytest
from oxigraph_server import OxigraphServer, engine_url, fresh_oxigraph, oxigraph  # noqa: F401
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from test_sparql_support import ARTICLES, BASE, NAMES, PREFIXES, loaded_app, sparql_app, store_of
from test_store import BASE as STORE_BASE
from test_store import MINT, make_article

from communique.ontology.namespace import DIP
from communique.server.errors import StoreError
from communique.server.settings import Settings, SettingsError
from communique.server.sparql.remote import RemoteExecutor, ResultTooLarge
from communique.server.sparql.worker import OK, make_job
from communique.server.store.articles import Store
from communique.server.store.endpoints import Endpoints
from communique.server.store.opening import open_store, store_options
from communique.server.store.remote import remote_engine

COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_ARTICLE_GRAPHS = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{BASE}graph/article/")) }}'
)
SAME_QUERIES = [
    COUNT_DEFAULT,
    COUNT_ARTICLE_GRAPHS,
    PREFIXES + "SELECT DISTINCT ?name WHERE { ?p a dip:Person ; schema:name ?name } "
    "ORDER BY ?name LIMIT 5",
    PREFIXES + "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } "
    "GROUP BY ?class ORDER BY ?class",
    PREFIXES + "SELECT ?e ?d WHERE { ?e dip:participant ?p ; dip:date ?d . "
    "?p schema:name 'Nurlan Temirov' } ORDER BY ?d",
    PREFIXES + "ASK { ?p schema:name 'Kanat Osmonkulov' }",
]
CONSTRUCT = PREFIXES + "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a dip:Person ; schema:name ?n }"
JSON = {"Accept": "application/sparql-results+json"}
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def answer(client, query: str, **headers) -> dict:
    response = client.get("/sparql", query_string={"query": query}, headers=headers or JSON)
    assert response.status_code == 200, response.data[:300]
    data = json.loads(response.data)
    if "boolean" in data:
        return data
    return {"head": data["head"], "rows": data["results"]["bindings"]}


def test_the_endpoint_answers_the_same_on_both_stores(engine_url, tmp_path):  # noqa: F811
    with (
        loaded_app(tmp_path / "data") as embedded,
        loaded_app(None, STORE=engine_url) as remote,
    ):
        assert store_of(remote).remote and not store_of(embedded).remote
        here, there = embedded.test_client(), remote.test_client()
        for query in SAME_QUERIES:
            assert answer(here, query) == answer(there, query), query
        count = answer(there, COUNT_DEFAULT)["rows"][0]["n"]["value"]
        assert int(count) > 2000  # the merge: the reference data and the three articles
        graphs = [
            Graph().parse(data=c.get("/sparql", query_string={"query": CONSTRUCT}).data)
            for c in (here, there)
        ]
        assert len(graphs[0]) > 700 and isomorphic(*graphs)
        names = there.get("/sparql", query_string={"query": SAME_QUERIES[2], "format": "csv"})
        assert names.status_code == 200 and names.mimetype == "text/csv"
        assert names.data.decode().split("\r\n")[1] == NAMES[0]


# what a union of the graphs answers as the merge does (DISTINCT: a union may repeat a
# triple that several graphs hold, and the feed's and the state's graphs are in it too)
DISTINCT_QUERIES = [
    SAME_QUERIES[2],
    PREFIXES + "SELECT DISTINCT ?e ?d WHERE { ?e dip:participant ?p ; dip:date ?d . "
    "?p schema:name 'Nurlan Temirov' } ORDER BY ?d",
    SAME_QUERIES[5],
]


@pytest.mark.parametrize(
    ("engine_union", "setting", "same"),
    [
        (True, "union", True),  # the engine's default graph is the union: nothing asked
        (False, "union-parameter", True),  # Oxigraph's parameter asks for it
        (False, "union", False),  # no parameter: the engine's own, empty, default graph
    ],
)
def test_the_default_graph_as_configured(tmp_path, engine_union, setting, same):
    server = OxigraphServer(None, union_default_graph=engine_union).start()
    try:
        with (
            loaded_app(tmp_path / "data") as embedded,
            loaded_app(None, STORE=server.url, STORE_DEFAULT_GRAPH=setting) as remote,
        ):
            store = store_of(remote)
            assert not store.merged and store.stats()["merged_default_graph"] is False
            here, there = embedded.test_client(), remote.test_client()
            for query in DISTINCT_QUERIES:
                assert (answer(here, query) == answer(there, query)) is same, query
            names = answer(there, DISTINCT_QUERIES[0])["rows"]
            assert len(names) == (5 if same else 0)
    finally:
        server.stop()


def test_the_default_graph_setting_is_checked(monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_STORE_DEFAULT_GRAPH", "unoin")
    with pytest.raises(SettingsError, match="STORE_DEFAULT_GRAPH must be one of merged, union"):
        Settings.from_env()


def test_the_remote_endpoint_keeps_our_protections(engine_url):  # noqa: F811
    with sparql_app(None, STORE=engine_url) as app:
        client = app.test_client()
        service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
        refused = client.get("/sparql", query_string={"query": service}, headers=JSON)
        assert refused.status_code == 400 and b"SERVICE" in refused.data
        update = client.post("/sparql", data={"update": "DROP ALL"}, headers=JSON)
        assert update.status_code in (400, 405)
        sneaky = client.get("/sparql", query_string={"query": "DROP ALL"}, headers=JSON)
        assert sneaky.status_code == 400
        assert store_of(app).count(store_of(app).reference_iri) > 0  # nothing was dropped
        bad = client.get("/sparql", query_string={"query": "ASK {}\nSELEC ?x {}"}, headers=JSON)
        assert bad.status_code == 400
        # the position in the client's query, not in the one with our prefixes before it
        assert json.loads(bad.data)["message"].startswith("syntax error at line 2, ")
        page = client.get(
            "/sparql", query_string={"query": COUNT_DEFAULT}, headers={"Accept": "text/html"}
        )
        assert page.status_code == 200 and b"<table" in page.data


def test_large_results_are_streamed_within_the_size_limit(engine_url):  # noqa: F811
    everything = "SELECT * WHERE { ?s ?p ?o }"  # about 1.3 MB of SPARQL JSON
    with loaded_app(None, STORE=engine_url) as app:
        rows = answer(app.test_client(), everything)["rows"]
        assert len(rows) == store_of(app).count_default()
    with loaded_app(None, STORE=engine_url, SPARQL_MAX_RESULT_MB=1.1) as app:
        # past STREAM_AFTER the answer has begun: going over the limit cuts it off
        response = app.test_client().get(
            "/sparql", query_string={"query": everything}, headers=JSON
        )
        assert response.status_code == 200 and response.is_streamed
        with pytest.raises(ResultTooLarge):
            response.get_data()
    with loaded_app(None, STORE=engine_url, SPARQL_MAX_RESULT_MB=0.5) as app:
        response = app.test_client().get("/sparql", query_string={"query": everything})
        assert response.status_code == 400 and b"exceed" in response.data  # before it began


def test_the_time_limit_closes_the_request(fresh_oxigraph):  # noqa: F811
    with loaded_app(None, STORE=fresh_oxigraph.url, SPARQL_TIMEOUT=0.5) as app:
        started = time.monotonic()
        response = app.test_client().get("/sparql", query_string={"query": CROSS_JOIN})
        assert response.status_code == 503 and b"timed out" in response.data
        assert time.monotonic() - started < 5
    # the engine goes on with the query: this server is stopped with the test


def test_two_apps_over_one_engine_agree(engine_url):  # noqa: F811
    with (
        sparql_app(None, STORE=engine_url) as first,
        sparql_app(None, STORE=engine_url) as second,
    ):
        one, two = first.test_client(), second.test_client()
        path = "/id/article/" + str(ARTICLES[0].iri).rsplit("/", 1)[1]
        assert one.get(path).status_code == 404
        store_of(first).put_article(ARTICLES[0])  # ingest through the first
        seen = two.get(path, headers={"Accept": "text/turtle"})  # read through the second
        assert seen.status_code == 200 and b"Nurlan Temirov" in seen.data
        ask = f"ASK {{ <{ARTICLES[0].iri}> ?p ?o }}"
        assert json.loads(two.get("/sparql", query_string={"query": ask}, headers=JSON).data)[
            "boolean"
        ]
        assert store_of(second).stats()["articles"] == 1
        time.sleep(2.1)  # the state is cached for at most STATE_TTL seconds
        assert store_of(second).version() == store_of(first).version()
        store_of(second).delete_article(str(ARTICLES[0].iri))
        assert one.get(path).status_code == 404
        kinds = [m.kind for m in store_of(first).feed.page(1)]
        assert kinds[-2:] == ["Create", "Delete"]


def test_the_feed_keeps_its_order_across_processes(engine_url):  # noqa: F811
    articles = [make_article(f"Feed {i}.") for i in range(5)]
    with (
        Store.open_url(engine_url, STORE_BASE, feed_page_size=2) as a,
        Store.open_url(engine_url, STORE_BASE, feed_page_size=2) as b,
    ):
        a.put_article(articles[0])
        b.put_article(articles[1])
        a.put_article(articles[2])
        a.put_article(articles[0])  # again: an update
        b.delete_article(str(articles[1].iri))
        members = [m for page in (1, 2, 3) for m in a.feed.page(page)]
        assert [len(a.feed.page(p)) for p in (1, 2, 3)] == [2, 2, 1]
        assert [m.kind for m in members] == ["Create", "Create", "Create", "Update", "Delete"]
        assert [m.version_of for m in members] == [str(articles[i].iri) for i in (0, 1, 2, 0, 1)]
        times = [m.time for m in members]
        assert times == sorted(times) and len(set(times)) == 5


def test_dumps_of_the_remote_store(engine_url, tmp_path):  # noqa: F811
    with (
        loaded_app(tmp_path / "data") as embedded,
        loaded_app(None, STORE=engine_url) as remote,
    ):
        got = {}
        for name, app in (("embedded", embedded), ("remote", remote)):
            body = app.test_client().get("/dumps/communique.nq.gz").data
            got[name] = Dataset().parse(data=gzip.decompress(body), format="nquads")
        for mapped in ARTICLES:
            assert isomorphic(
                got["embedded"].graph(mapped.graph_iri), got["remote"].graph(mapped.graph_iri)
            )
        assert len(got["remote"]) == len(got["embedded"])
        assert remote.test_client().get("/.well-known/void").status_code == 200


def test_open_store_takes_a_folder_or_a_url(engine_url, tmp_path):  # noqa: F811
    with open_store(str(tmp_path / "data"), BASE, token="ignored for a folder") as store:
        assert not store.remote and store.path == tmp_path / "data"
    with open_store(engine_url, BASE, timeout=5, graph_url="") as store:
        assert store.remote and store.ox.endpoints.graph_store == ""
        store.put_article(ARTICLES[0])  # graphs read by query when there is no GSP
        assert store.count(str(ARTICLES[0].graph_iri)) == len(
            store.graph(str(ARTICLES[0].graph_iri))
        )
    options = store_options({"STORE_GRAPH_URL": "none", "STORE_TOKEN": "t", "STORE_USER": None})
    assert options == {"graph_url": "", "token": "t"}


def test_endpoints_and_credentials():
    e = Endpoints.from_url("https://reader:s3cret@engine.example:7878/ds/")
    assert (e.query, e.update, e.graph_store) == (
        "https://engine.example:7878/ds/query",
        "https://engine.example:7878/ds/update",
        "https://engine.example:7878/ds/store",
    )
    assert (e.user, e.password) == ("reader", "s3cret") and "s3cret" not in e.where
    fuseki = Endpoints.from_url("http://f:3030/ds", query="http://f:3030/ds/sparql", token="t")
    assert fuseki.query == "http://f:3030/ds/sparql" and fuseki.token == "t"
    with pytest.raises(StoreError):
        Endpoints.from_url("ftp://engine/")


class Refusing(http.server.BaseHTTPRequestHandler):
    """An engine that refuses everyone, noting the credentials it was shown."""

    seen: list[str | None] = []

    def do_POST(self) -> None:  # noqa: N802 - the handler's API
        Refusing.seen.append(self.headers.get("Authorization"))
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("url", "options", "expected"),
    [
        ("http://reader:s3cret@{host}", {}, "Basic " + base64.b64encode(b"reader:s3cret").decode()),
        ("http://{host}", {"user": "u", "password": "p"}, "Basic dTpw"),
        ("http://{host}", {"token": "t0k"}, "Bearer t0k"),
    ],
)
def test_credentials_are_sent_and_a_refusal_is_a_store_error(url, options, expected):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Refusing.seen.clear()
    try:
        host = f"127.0.0.1:{server.server_address[1]}"
        with pytest.raises(StoreError, match="credentials"):
            Store.open_url(url.format(host=host), BASE, **options)
    finally:
        server.shutdown()
        server.server_close()
    assert Refusing.seen == [expected]


class Answering(http.server.BaseHTTPRequestHandler):
    """An engine that answers every query `true`, noting the request lines it was sent."""

    seen: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 - the handler's API
        Answering.seen.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"head": {}, "boolean": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("options", "union", "expected"),
    [
        # the engine's own time limit, in the parameter it reads (Fuseki's "timeout")
        ({"timeout_param": "timeout"}, False, "/query?timeout=7.5"),
        ({}, False, "/query"),
        # the union of the graphs asked of Oxigraph server, unless the engine's is one
        ({}, True, "/query?union-default-graph="),
        ({"union_parameter": False}, True, "/query"),
    ],
)
def test_what_the_endpoint_asks_of_the_engine(options, union, expected):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Answering.seen.clear()
    try:
        engine, _ = remote_engine(f"http://127.0.0.1:{server.server_address[1]}", **options)
        job = make_job(
            "ASK {}",
            results_type="application/sparql-results+json",
            rdf_type="application/n-triples",
            union_default_graph=union,
        )
        outcome = RemoteExecutor(engine).run(job, "v1", 7.5)
        engine.close()
    finally:
        server.shutdown()
        server.server_close()
    assert outcome[0] == OK and b'"boolean": true' in outcome[3]
    assert Answering.seen == [expected]


def test_an_unreachable_engine_is_a_store_error():
    with pytest.raises(StoreError, match="unreachable"):  # nothing listens on port 9
        Store.open_url("http://127.0.0.1:9", BASE, timeout=2)


def test_a_stopped_engine_fails_the_write_and_keeps_nothing_half(fresh_oxigraph):  # noqa: F811
    kept = make_article("Kept.", extra=3)
    with Store.open_url(fresh_oxigraph.url, STORE_BASE) as store:
        store.put_article(kept)
        fresh_oxigraph.stop()
        with pytest.raises(StoreError):
            store.put_articles([make_article(f"Lost {i}.") for i in range(3)])
        fresh_oxigraph.start()  # the same folder, the same port
        assert sorted(store.article_graphs()) == [str(kept.graph_iri)]
        assert store.count() == len(kept.graph)
        assert [m.kind for m in store.feed.page(1)] == ["Create"]


def test_an_engine_killed_mid_batch_keeps_all_or_none(fresh_oxigraph):  # noqa: F811
    batch = [make_article(f"Batch {i}.", extra=3000) for i in range(8)]
    errors: list[Exception] = []
    with Store.open_url(fresh_oxigraph.url, STORE_BASE) as store:

        def write() -> None:
            try:
                store.put_articles(batch)
            except StoreError as exc:
                errors.append(exc)

        thread = threading.Thread(target=write)
        thread.start()
        time.sleep(1.0)  # the batch is being sent or written by now
        fresh_oxigraph.process.send_signal(signal.SIGKILL)  # a crash, not a clean stop
        thread.join()
        fresh_oxigraph.process.wait()
        fresh_oxigraph.process = None
        fresh_oxigraph.start()
        stored = sorted(store.article_graphs())
        assert stored in ([], sorted(str(m.graph_iri) for m in batch))
        assert stored or errors  # nothing stored: the write said so
        for mapped in batch if stored else ():
            assert store.count(str(mapped.graph_iri)) == len(mapped.graph)
        members = store.feed.page(1)
        assert len(members) == len(stored)  # the feed says what the store holds


def test_one_update_request_per_write(engine_url, monkeypatch):  # noqa: F811
    with Store.open_url(engine_url, STORE_BASE) as store:
        sent: list[str] = []
        send = store.ox.update
        monkeypatch.setattr(store.ox, "update", lambda text: (sent.append(text), send(text)))
        first = make_article("First.", countries=("KAZ",))
        store.put_article(first)
        store.put_article(first)  # re-ingest: replaced in the same one request
        store.put_articles([make_article(f"Batch {i}.") for i in range(3)])
        assert len(sent) == 3
        graph = f"<{first.graph_iri}>"
        assert sent[1].count(f"DROP SILENT GRAPH {graph}") == 1
        assert sent[1].index(f"DROP SILENT GRAPH {graph}") < sent[1].index("INSERT DATA")
        assert sent[2].count("DROP SILENT GRAPH") == 3
        stored = list(store.article_graphs())
        assert len(stored) == 4 and str(first.graph_iri) in stored


def test_a_remote_store_without_the_merge_and_read_only(engine_url):  # noqa: F811
    a = make_article("First.", countries=("KAZ", "UZB"), person="Nurlan Temirov")
    b = make_article("Second.", countries=("KAZ",), person="Nurlan Temirov")
    with Store.open_url(engine_url, STORE_BASE, merged=False) as store:
        store.put_articles([a, b])
        assert not store.merged and store.count_default() == 0
        # Oxigraph's union default graph (its union-default-graph parameter), as embedded
        rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?p a <{DIP.Person}> }}")
        assert int(next(iter(rows))["n"].value) == 2
        assert set(store.describe(str(a.iri)).objects(a.iri, DIP.mentions)) == {
            MINT.country("KAZ"),
            MINT.country("UZB"),
            MINT.person("Nurlan Temirov"),
        }
    with Store.open_url(engine_url, STORE_BASE, read_only=True) as reader:
        assert not reader.merged  # the engine's state says so
        assert reader.stats()["articles"] == 2
        with pytest.raises(StoreError):
            reader.delete_article(str(a.iri))
    with Store.open_url(engine_url, STORE_BASE) as store:  # the merge built on opening
        assert store.merged and store.count_default() > 0
