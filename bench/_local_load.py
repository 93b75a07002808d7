"""The engine's own ceiling for bench_sparql.py: the same queries answered by pyoxigraph in
the benchmark's process, from as many threads as the HTTP clients use, with no HTTP, no
Flask and no worker process between them (pyoxigraph evaluates without the GIL). Set beside
`oxigraph serve`, it tells how much of our endpoint's gap is the engine binding and how
much is our own request path."""

from __future__ import annotations

from contextlib import nullcontext

import pyoxigraph as ox
from _http_load import Run, timed


def run_local(store: ox.Store, queries: list[str], threads: int, *, union: bool) -> Run:
    """Answer every query once as SPARQL JSON, parsed as the HTTP clients parse it."""

    def answer(query: str) -> bytes:
        result = store.query(query, use_default_graph_as_union=union)
        return result.serialize(format=ox.QueryResultsFormat.JSON)

    return timed(queries, threads, lambda: nullcontext(answer))
