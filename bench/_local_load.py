"""The engine's own ceiling for bench_sparql.py: the same queries answered by pyoxigraph in
the benchmark's process, from as many threads as the HTTP clients use, with no HTTP, no
Flask and no worker process between them (pyoxigraph evaluates without the GIL). Set beside
`oxigraph serve`, it tells how much of our endpoint's gap is the engine binding and how
much is our own request path."""

from __future__ import annotations

import json
import threading
import time

import pyoxigraph as ox
from _http_load import Run


def run_local(store: ox.Store, queries: list[str], threads: int, *, union: bool) -> Run:
    """Answer every query once as SPARQL JSON and parse it as the HTTP clients do; time each."""
    latencies: list[float] = []
    rows = 0
    lock = threading.Lock()
    todo = iter(queries)

    def client() -> None:
        nonlocal rows
        while True:
            with lock:
                query = next(todo, None)
            if query is None:
                break
            started = time.perf_counter()
            result = store.query(query, use_default_graph_as_union=union)
            body = result.serialize(format=ox.QueryResultsFormat.JSON)
            elapsed = time.perf_counter() - started
            n = len(json.loads(body)["results"]["bindings"])
            with lock:
                latencies.append(elapsed)
                rows += n

    workers = [threading.Thread(target=client) for _ in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return Run(time.perf_counter() - started, latencies, rows)
