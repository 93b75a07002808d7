"""No outbound connection through the SPARQL endpoint: queries that hide SERVICE after
every tricky terminal of the grammar are refused, and the query workers themselves cannot
open a network socket, so a query that got past the scanner still connects nowhere."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from test_sparql_scan import HIDING_PLACES, service_query
from test_sparql_support import loaded_app, recording_listener, store_of

from communique.server.sparql.app_executor import executor
from communique.server.sparql.worker import OK, make_job

# The attacks that got through the old keyword scan, as they were sent.
ATTACKS = [
    "PREFIX t: <http://x/> SELECT * WHERE {{ BIND(t:a\\# AS ?q) SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX dip: <http://x/> SELECT * {{ BIND(dip:a\\' AS ?q) SERVICE <{url}> {{ ?s ?p ?o }} }}",
]


@pytest.fixture(scope="module")
def app(module_store):
    with loaded_app(None, **module_store) as app:
        yield app


@pytest.fixture
def listener():
    with recording_listener() as recorded:
        yield recorded


def send(client, method: str, query: str):
    if method == "get":
        return client.get("/sparql", query_string={"query": query})
    if method == "form":
        return client.post("/sparql", data={"query": query})
    return client.post("/sparql", data=query, content_type="application/sparql-query")


@pytest.mark.parametrize("method", ["get", "form", "direct"])
@pytest.mark.parametrize("place", HIDING_PLACES)
def test_service_hidden_after_a_terminal_is_refused(app, listener, method, place):
    url, connections = listener
    response = send(app.test_client(), method, service_query(place, url))
    assert response.status_code == 400
    assert "SERVICE" in json.loads(response.data)["message"]
    assert connections == []


@pytest.mark.parametrize("method", ["get", "form", "direct"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_the_reported_attacks_are_refused(app, listener, method, attack):
    url, connections = listener
    response = send(app.test_client(), method, attack.format(url=url))
    assert response.status_code == 400
    time.sleep(0.2)  # a connection, had one been made, would be accepted by now
    assert connections == []


@pytest.mark.embedded("the worker's sandbox: a remote engine runs the SERVICE it is sent")
@pytest.mark.parametrize("silent", ["", "SILENT"])
def test_a_worker_cannot_connect_even_when_asked_directly(app, listener, silent):
    """Past the scanner (the job goes straight to the worker), the sandbox holds."""
    url, connections = listener
    store = store_of(app)
    query = f"SELECT * WHERE {{ BIND(1 AS ?one) SERVICE {silent} <{url}> {{ ?s ?p ?o }} }}"
    job = make_job(query, results_type="application/sparql-results+json", rdf_type="text/turtle")
    outcome = executor(app, store).run(job, store.version(), timeout=5)
    time.sleep(0.2)
    assert connections == []
    if silent:  # SILENT turns the failed call into one empty solution
        assert outcome[0] == OK
    else:
        assert outcome[0] != OK


@pytest.mark.embedded("the worker's sandbox")
def test_block_network_leaves_only_unix_sockets(listener):
    url, connections = listener
    port = int(url.rsplit(":", 1)[1].strip("/"))
    script = f"""
import errno, socket, sys
from communique.server.sparql import sandbox as sparql_sandbox
assert sparql_sandbox.block_network()
for family in (socket.AF_INET, socket.AF_INET6, socket.AF_PACKET, socket.AF_NETLINK):
    try:
        socket.socket(family, socket.SOCK_RAW if family == socket.AF_PACKET else 0)
    except OSError as exc:
        assert exc.errno == errno.EACCES, exc
    else:
        raise SystemExit(f"family {{family}} opened")
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=1)
except OSError as exc:
    assert exc.errno == errno.EACCES, exc
else:
    raise SystemExit("connected")
a, b = socket.socketpair()
a.sendall(b"ok")
print(b.recv(2).decode())
"""
    result = subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    time.sleep(0.2)
    assert connections == []
