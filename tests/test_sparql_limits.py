"""Runaway queries must not take the site down: a memory cap per query worker, an answer
at once when the workers are all taken, a limit per client, workers at a lower CPU
priority, and 4xx (never 500) for texts too long or nested too deep."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_sparql_support import NAMES, NAMES_QUERY, first_names, json_names, loaded_app

from communique.server.sparql.app_executor import EXTENSION

# Its ORDER BY keeps the whole cross product of ~2,000 triples in memory.
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def query(client, text: str, address: str = "127.0.0.1"):
    return client.get(
        "/sparql", query_string={"query": text}, environ_base={"REMOTE_ADDR": address}
    )


def in_background(client, text: str, address: str) -> threading.Thread:
    thread = threading.Thread(target=query, args=(client, text, address), daemon=True)
    thread.start()
    time.sleep(0.5)  # the runaway has reached its worker
    return thread


@pytest.mark.embedded("the query workers' memory cap")
def test_a_query_over_the_memory_cap_ends_with_a_clear_error(module_store):
    with loaded_app(None, **module_store, SPARQL_MEMORY_MB=300, SPARQL_TIMEOUT=30) as app:
        client = app.test_client()
        started = time.monotonic()
        response = query(client, HUNGRY)
        assert response.status_code == 400
        message = json.loads(response.data)["message"]
        assert "needed more than 300 MB of memory" in message
        assert time.monotonic() - started < 20  # it stopped at the cap, not the timeout
        assert first_names(json_names(query(client, NAMES_QUERY))) == NAMES


@pytest.mark.embedded("the pool of query workers (a remote engine has its own limits)")
def test_busy_workers_answer_503_at_once(module_store):
    """At once: after a short wait for a free worker, not after the query time limit."""
    limits = {"SPARQL_WORKERS": 1, "SPARQL_TIMEOUT": 3, "SPARQL_QUEUE_SECONDS": 0.2}
    with loaded_app(None, **module_store, **limits) as app:
        client = app.test_client()
        runaway = in_background(client, RUNAWAY, "127.0.0.2")
        started = time.monotonic()
        response = query(client, NAMES_QUERY, "127.0.0.3")
        assert time.monotonic() - started < 1
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "busy" in json.loads(response.data)["message"]
        runaway.join(timeout=10)
        assert query(client, NAMES_QUERY, "127.0.0.3").status_code == 200


def test_one_client_cannot_take_every_worker(module_store):
    # one query at a time for each client: half the workers (over a remote engine too)
    with loaded_app(None, **module_store, SPARQL_WORKERS=2, SPARQL_TIMEOUT=3) as app:
        client = app.test_client()
        runaway = in_background(client, RUNAWAY, "127.0.0.2")
        started = time.monotonic()
        again = query(client, RUNAWAY, "127.0.0.2")
        assert time.monotonic() - started < 1
        assert again.status_code == 503
        assert "too many of your queries" in json.loads(again.data)["message"]
        assert again.headers["Retry-After"]
        other = query(client, NAMES_QUERY, "127.0.0.3")  # the other worker is theirs
        assert other.status_code == 200
        assert first_names(json_names(other)) == NAMES
        runaway.join(timeout=10)


@pytest.mark.embedded("the query worker processes")
def test_workers_run_at_a_lower_priority(module_store):
    with loaded_app(None, **module_store) as app:
        client = app.test_client()
        assert query(client, "ASK {}").status_code == 200
        workers = app.extensions[EXTENSION][1]._processes
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert workers
        for worker in workers:
            assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) >= min(own + 10, 19)


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("SELECT * { " + "?s ?p ?o . " * 20_000 + "}", 413, "the limit is 131072"),
        ("SELECT * WHERE " + "{" * 10_000, 400, "nests groups more than"),
        ("SELECT * WHERE { FILTER(" + "(" * 10_000 + ") }", 400, "nests groups more than"),
        ("SELECT * WHERE { ?s ?p " + "[ ?p " * 10_000 + "}", 400, "nests groups more than"),
    ],
)
def test_long_and_deep_queries_are_refused(module_store, text, status, message):
    with loaded_app(None, **module_store) as app:
        for response in (
            app.test_client().post("/sparql", data=text, content_type="application/sparql-query"),
            app.test_client().post("/sparql", data={"query": text}),
        ):
            assert response.status_code == status
            assert message in json.loads(response.data)["message"]


@pytest.mark.embedded("the query worker processes")
def test_workers_end_when_the_server_is_killed(tmp_path):
    """A runaway query's worker does not outlive a server killed with SIGKILL."""
    script = f"""
import sys, threading, time
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_sparql_support import loaded_app
from communique.server.sparql.app_executor import EXTENSION
with loaded_app({str(tmp_path / "data")!r}, SPARQL_TIMEOUT=60) as app:
    client = app.test_client()
    client.get("/sparql", query_string={{"query": "ASK {{}}"}})
    threading.Thread(
        target=client.get, args=("/sparql",), kwargs={{"query_string": {{"query": {RUNAWAY!r}}}}},
        daemon=True,
    ).start()
    time.sleep(1)
    print(" ".join(str(w.process.pid) for w in app.extensions[EXTENSION][1]._processes), flush=True)
    time.sleep(60)
"""
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    pids = [int(pid) for pid in server.stdout.readline().split()]
    assert pids
    server.kill()
    server.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
