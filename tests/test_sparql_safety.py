"""The SPARQL endpoint's errors and limits: protocol errors, updates refused, no outbound
connections, the query timeout, the results cap, worker crashes, fresh data during writes."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest
from test_sparql_support import (
    ARTICLES,
    NAMES,
    NAMES_QUERY,
    PREFIXES,
    article_graph,
    ask_json,
    first_names,
    json_names,
    loaded_app,
    recording_listener,
    select,
    sparql_app,
    store_of,
)

from communique.ontology.namespace import DIP
from communique.server.sparql.protocol import READ_ONLY

RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RUNAWAY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 1.0


@pytest.fixture(scope="module")
def app(module_store):
    with loaded_app(None, **module_store, SPARQL_TIMEOUT=TIMEOUT) as app:
        yield app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        (
            {"query_string": {"query": "SELECT * WHERE { ?s ?p "}},
            400,
            "syntax error at line 1, column",
        ),
        ({"query_string": {"query": "SELEKT * {}"}}, 400, "syntax error"),
        ({"query_string": {"query": "CLEAR ALL"}}, 400, READ_ONLY),
        ({"query_string": {"query": "LOAD <http://127.0.0.1:1/data.ttl>"}}, 400, READ_ONLY),
        ({"query_string": {"query": PREFIXES + "INSERT DATA { <a> <b> <c> }"}}, 400, READ_ONLY),
        ({"query_string": {"update": "CLEAR ALL"}}, 400, READ_ONLY),
        ({"query_string": {"query": "   "}}, 400, "empty"),
        ({"query_string": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "exactly one query"),
        (
            {"query_string": {"query": "ASK {}", "default-graph-uri": "not an iri"}},
            400,
            "not an absolute IRI",
        ),
    ],
)
def test_get_errors(client, kwargs, status, message):
    response = client.get("/sparql", **kwargs)
    assert response.status_code == status
    assert message in json.loads(response.data)["message"]


@pytest.mark.parametrize(
    ("data", "content_type", "status", "message"),
    [
        ("update=CLEAR+ALL", "application/x-www-form-urlencoded", 400, READ_ONLY),
        ("CLEAR ALL", "application/sparql-update", 400, READ_ONLY),
        ("ASK {}", "text/plain", 415, "application/sparql-query"),
        ("query=ASK+%7B%7D", None, 415, "application/x-www-form-urlencoded"),
        ("", "application/x-www-form-urlencoded", 400, "no query"),
        ("ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16", 400, "UTF-8"),
        (b"ASK { ?s ?p '\xff' }", "application/sparql-query", 400, "not valid UTF-8"),
    ],
)
def test_post_errors(client, data, content_type, status, message):
    response = client.post("/sparql", data=data, content_type=content_type)
    assert response.status_code == status
    assert message in json.loads(response.data)["message"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_not_allowed(client, method):
    response = getattr(client, method)("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


# -- no outbound connections -------------------------------------------------------------


@pytest.fixture
def listener():
    with recording_listener() as recorded:
        yield recorded


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ service silent <{url}sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        "LOAD <{url}data.ttl>",
    ],
)
def test_service_and_load_never_connect(client, listener, template):
    url, connections = listener
    started = time.monotonic()
    response = select(client, template.format(url=url))
    assert response.status_code == 400
    assert time.monotonic() - started < 2
    time.sleep(0.3)  # a connection, had one been made, would be accepted by now
    assert connections == []


def test_from_remote_iri_is_not_fetched(client, listener):
    url, connections = listener
    response = select(client, f"SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}")
    assert response.status_code == 200
    assert json.loads(response.data)["results"]["bindings"] == []
    time.sleep(0.3)
    assert connections == []


# -- freshness and caching ---------------------------------------------------------------


def test_new_writes_are_visible_and_change_the_etag(app, client):
    query = PREFIXES + 'ASK { ?p schema:name "Kuanysh Utepov" }'
    first = select(client, query)
    assert ask_json(first.data) is False
    assert (
        select(client, query, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    )
    mapped = article_graph(
        "2024-06-01-dddddddddd", "2024-06-01", DIP.Summit, [("utepov", "Kuanysh Utepov")]
    )
    store_of(app).put_article(mapped)
    try:
        second = select(client, query, headers={"If-None-Match": first.headers["ETag"]})
        assert second.status_code == 200
        assert ask_json(second.data) is True
    finally:
        store_of(app).delete_article(str(mapped.iri))
    assert ask_json(select(client, query).data) is False


@pytest.mark.embedded("the in-memory store")
def test_in_memory_store_is_queried_in_process():
    with sparql_app(None) as app:
        store_of(app).put_article(ARTICLES[0])
        response = select(app.test_client(), NAMES_QUERY)
        assert json_names(response) == ["Kanat Osmonkulov", "Nurlan Temirov"]


# -- timeout -----------------------------------------------------------------------------


def worker_pids(app) -> set[int]:
    """The pids of the query workers (none over a remote engine: it runs the queries)."""
    from communique.server.sparql.app_executor import EXTENSION

    return {w.process.pid for w in getattr(app.extensions[EXTENSION][1], "_processes", ())}


@pytest.mark.parametrize("query", [RUNAWAY, RUNAWAY_COUNT])
def test_runaway_query_times_out_while_others_are_answered(app, client, query):
    select(client, "ASK {}")  # make sure the pool is up
    before = worker_pids(app)
    outcome: dict = {}

    def runaway() -> None:
        started = time.monotonic()
        try:
            response = select(client, query)
            response.get_data()  # a streamed answer is read to its end or its cut-off
            outcome["response"] = response
        except TimeoutError as exc:  # the body, streamed already, is cut off
            outcome["cut off"] = str(exc)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    quick = select(client, NAMES_QUERY)  # answered while the runaway runs
    assert quick.status_code == 200
    assert time.monotonic() - started < TIMEOUT / 2
    thread.join(timeout=TIMEOUT + 5)
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 2
    if "cut off" in outcome:
        # A remote engine sends rows as it finds them: past 1 MB the answer has begun
        # (200) and is streamed on, so the time limit can only cut it off (sparql/remote.py)
        assert store_of(app).remote and query == RUNAWAY
        assert "cut off at the time limit" in outcome["cut off"]
    else:
        response = outcome["response"]
        assert response.status_code == 503
        assert f"timed out after {TIMEOUT:g} s" in json.loads(response.data)["message"]
    if not store_of(app).remote:  # a remote engine's request is closed (test_store_remote)
        # the worker that ran it is gone (killed and reaped), so the query stopped too
        killed = before - worker_pids(app)
        assert killed
        for pid in killed:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
    assert select(client, "ASK {}").status_code == 200


def test_results_larger_than_the_limit_are_refused(app, client):
    limit = app.config["SPARQL_MAX_RESULT_MB"]
    app.config["SPARQL_MAX_RESULT_MB"] = 0.01  # ~10 kB; the bulk article alone is larger
    try:
        response = select(client, "SELECT * WHERE { ?s ?p ?o }")
        assert response.status_code == 400
        assert "results exceed 0.01 MB" in json.loads(response.data)["message"]
        assert ask_json(select(client, "ASK { ?s ?p ?o }").data) is True  # small ones pass
    finally:
        app.config["SPARQL_MAX_RESULT_MB"] = limit
    assert select(client, "SELECT * WHERE { ?s ?p ?o }").status_code == 200


@pytest.mark.embedded("the query worker processes")
def test_a_dead_worker_is_replaced(app, client):
    select(client, "ASK {}")
    pids = worker_pids(app)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.1)
    for _ in range(3):
        assert first_names(json_names(select(client, NAMES_QUERY))) == NAMES
    assert pids - worker_pids(app)  # the one used was found dead, reaped and replaced


def test_queries_during_writes_never_fail(app, client):
    store = store_of(app)
    articles = [
        article_graph(f"2024-07-{i + 1:02d}-eeeeeeee{i:02d}", f"2024-07-{i + 1:02d}", DIP.Meeting,
                      [(f"writer-{i}", f"Writer {i}")])
        for i in range(15)
    ]  # fmt: skip
    statuses: list[int] = []
    stop = threading.Event()

    def query() -> None:
        while not stop.is_set():
            statuses.append(select(client, PREFIXES + "ASK { ?p a dip:Person }").status_code)

    reader = threading.Thread(target=query)
    reader.start()
    try:
        for mapped in articles:
            store.put_article(mapped)
            seen = len(statuses)
            deadline = time.monotonic() + 5
            while len(statuses) < seen + 2 and time.monotonic() < deadline:
                time.sleep(0.005)  # let queries run on the new version, one maybe mid-write
    finally:
        stop.set()
        reader.join()
    query = PREFIXES + 'SELECT ?name { ?p schema:name ?name FILTER(STRSTARTS(?name, "Writer")) }'
    try:
        assert len(statuses) > 2 * len(articles) and set(statuses) == {200}
        assert len(json_names(select(client, query))) == len(articles)
    finally:
        for mapped in articles:
            store.delete_article(str(mapped.iri))
