"""The query process runs several queries at once in threads; when it ends under them (a
time limit's kill, a crash, the OOM killer), the queries it cut short run again on a fresh
process, except one that ran alone, which was the cause."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pyoxigraph as ox
import pytest

from communique.server.sparql.executor import TIMEOUT
from communique.server.sparql.query_process import ProcessExecutor
from communique.server.sparql.snapshots import Snapshots
from communique.server.sparql.worker import FAILED, OK, make_job
from communique.server.store.articles import Store

BASE = "http://localhost:5000/"
TRIPLES = 3000
# one to three seconds on this store: long enough to be in the process when it is killed
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
# about three seconds where SLOW takes 0.75: still running when a 1.5 s limit strikes
SLOWER = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
    "FILTER(STRLEN(CONCAT(STR(?c), STR(?f))) > 1) }"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def executor(tmp_path):
    with Store.open(tmp_path / "data", BASE) as store:
        graph = ox.NamedNode("http://example.org/graph")
        store.ox.extend(
            ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                    ox.Literal(str(i)), graph)
            for i in range(TRIPLES)
        )  # fmt: skip
        running = ProcessExecutor(Snapshots(store, tmp_path / "snapshots"), size=3)
        yield running
        running.close()


def job(query: str) -> dict:
    return make_job(query, results_type="application/sparql-results+json", rdf_type="text/turtle")


def count(outcome: tuple) -> int:
    assert outcome[0] == OK, outcome
    return int(json.loads(outcome[3])["results"]["bindings"][0]["n"]["value"])


def in_background(executor: ProcessExecutor, query: str, timeout: float) -> dict:
    """Run `query` in a thread; the dict gets its "outcome" and the "thread"."""
    result: dict = {}

    def run() -> None:
        result["outcome"] = executor.run(job(query), "", timeout)

    result["thread"] = threading.Thread(target=run)
    result["thread"].start()
    return result


def wait_for_running(executor: ProcessExecutor, n: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        process = executor._current
        if process is not None and len(process.running) == n:
            return
        time.sleep(0.01)
    raise AssertionError(f"never {n} queries running at once")


def test_queries_run_at_once_in_one_process(executor):
    assert count(executor.run(job("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "", 10)) == TRIPLES
    first, second = (in_background(executor, SLOW, 30) for _ in range(2))
    wait_for_running(executor, 2)
    assert len(executor._processes) == 1
    for query in (first, second):
        query["thread"].join()
        assert count(query["outcome"]) == TRIPLES**2


def test_queries_ended_by_a_crash_run_again(executor):
    first, second = (in_background(executor, SLOW, 30) for _ in range(2))
    wait_for_running(executor, 2)
    crashed = executor._current
    os.kill(crashed.process.pid, signal.SIGKILL)
    for query in (first, second):
        query["thread"].join()
        assert count(query["outcome"]) == TRIPLES**2  # neither ran alone: both again
    assert len(crashed.at_end) == 2
    assert executor._current is not crashed and executor._current.alive()


def test_a_query_alone_in_a_process_that_ends_is_not_run_again(executor):
    alone = in_background(executor, SLOW, 30)
    wait_for_running(executor, 1)
    crashed = executor._current
    os.kill(crashed.process.pid, signal.SIGKILL)
    alone["thread"].join()
    assert alone["outcome"] == (FAILED, "the query process stopped unexpectedly")
    assert executor._current is None  # no fresh process was started for it


def test_queries_cut_short_by_another_ones_time_limit_run_again(executor):
    runaway = in_background(executor, RUNAWAY, 1.5)
    wait_for_running(executor, 1)
    killed = executor._current
    slow = in_background(executor, SLOWER, 30)  # still running when the runaway is killed
    wait_for_running(executor, 2)  # (both in the process before the runaway's time is up)
    assert executor._current is killed
    runaway["thread"].join()
    assert runaway["outcome"] == (TIMEOUT, "the query timed out after 1.5 s")
    slow["thread"].join()
    assert count(slow["outcome"]) == TRIPLES**2
    assert killed.stopped and not killed.alive()
    # the slow query ran again on a fresh process (a timed-out query starts none: above)
    assert executor._current is not killed and executor._current.alive()
