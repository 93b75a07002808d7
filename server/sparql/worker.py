"""Evaluate one SPARQL query on a pyoxigraph store and serialize its results.

Also the query worker process: run as a script (`python worker.py FD`) it answers
jobs arriving on the socket FD, each with the snapshot folder to run it on (see
sparql.snapshots: a checkpoint of the store that nobody writes, opened read-only and kept
open until a job names a newer one), until the parent closes the socket. It imports only
the standard library and pyoxigraph, so a worker starts fast and a runaway query can be
stopped by killing its process (pyoxigraph has no way to cancel a query from Python).

Jobs and outcomes are plain dicts and tuples: the script runs as `__main__`, so classes
defined here would not unpickle on the other side.
"""

from __future__ import annotations

import sys
from typing import Any

import pyoxigraph as ox

from communique.server import formats

RESULTS_FORMATS: dict[str, ox.QueryResultsFormat] = {
    f.media_type: f.oxigraph for f in formats.RESULTS_FORMATS
}
# CONSTRUCT and DESCRIBE give one graph: the triple formats
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    f.media_type: f.oxigraph for f in formats.RDF_FORMATS if not f.quads
}

# Outcome tuples: (OK, kind, media type, body) or (status, message) for the others:
# SYNTAX the query does not parse, INVALID it cannot be evaluated, TOO_LARGE its results
# exceed the job's max_bytes, FAILED the store failed.
OK, SYNTAX, INVALID, TOO_LARGE, FAILED = "ok", "syntax", "invalid", "too_large", "failed"


class _CappedBuffer:
    """A write-only file that refuses to grow past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError(self.limit)
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def run_job(store: ox.Store, job: dict[str, Any]) -> tuple:
    """Evaluate `job` (see `make_job`) on `store`; never raises for a bad query."""
    buffer = _CappedBuffer(job["max_bytes"])
    try:
        result = store.query(job["query"], **_dataset_arguments(job))
        if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
            kind, media = "results", job["results_type"]
            result.serialize(buffer, format=RESULTS_FORMATS[media])
        else:
            kind, media = "graph", job["rdf_type"]
            # Turtle with the store's prefixes reads as the dumps do (QueryTriples.serialize
            # takes none; the module-level serialize streams the triples the same way)
            prefixes = job["prefixes"] if media == "text/turtle" else None
            ox.serialize(result, buffer, format=RDF_FORMATS[media], prefixes=prefixes)
    except SyntaxError as exc:
        return SYNTAX, str(exc)
    except OverflowError:
        megabytes = job["max_bytes"] / 2**20
        return TOO_LARGE, f"the results exceed {megabytes:.3g} MB: add a LIMIT or narrow the query"
    except ValueError as exc:  # e.g. a dataset IRI or an argument pyoxigraph refuses
        return INVALID, f"the query could not be evaluated: {exc}"
    return OK, kind, media, b"".join(buffer.parts)


def make_job(
    query: str,
    *,
    results_type: str,
    rdf_type: str,
    base_iri: str | None = None,
    prefixes: dict[str, str] | None = None,
    max_bytes: int = 256 * 2**20,
    union_default_graph: bool = True,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> dict[str, Any]:
    """A job: the query, its dataset, and the media types for each kind of result.

    `default_graphs`/`named_graphs` (IRIs) are the protocol's dataset; when either is given
    both are taken as given (None meaning none). Otherwise the default graph is the union
    of all graphs if `union_default_graph`, else the query's own FROM clauses decide.
    """
    return {
        "query": query,
        "results_type": results_type,
        "rdf_type": rdf_type,
        "base_iri": base_iri,
        "prefixes": prefixes,
        "max_bytes": max_bytes,
        "union": union_default_graph,
        "default_graphs": default_graphs,
        "named_graphs": named_graphs,
    }


def _dataset_arguments(job: dict[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"base_iri": job["base_iri"], "prefixes": job["prefixes"]}
    if job["default_graphs"] is not None or job["named_graphs"] is not None:
        arguments["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"] or ()]
        arguments["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"] or ()]
    elif job["union"]:
        arguments["use_default_graph_as_union"] = True
    return arguments


class _SnapshotView:
    """The read-only store of the snapshot folder the last job named."""

    def __init__(self) -> None:
        self.store: ox.Store | None = None
        self.path: str | None = None

    def get(self, path: str) -> ox.Store:
        if self.store is None or path != self.path:
            self.store = None  # release the old snapshot's files before opening the new one
            self.store = ox.Store.read_only(path)
            self.path = path
        return self.store

    def run(self, path: str, job: dict[str, Any]) -> tuple:
        try:
            return run_job(self.get(path), job)
        except (OSError, RuntimeError) as exc:  # a snapshot is never written: no retry
            self.store = None
            return FAILED, f"the store could not be read: {exc}"


def main(argv: list[str]) -> int:
    """Serve (snapshot folder, job) requests from the parent on socket FD argv[1], with
    at most argv[2] MB of heap, no network and a lower CPU priority."""
    import signal
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    from communique.server.sparql import sandbox as sparql_sandbox

    try:
        blocked = sparql_sandbox.block_network()
    except OSError as exc:
        blocked, why = False, f": {exc}"
    else:
        why = f" on {sparql_sandbox.platform.machine()}"
    if not blocked:
        print(f"communique query worker: network sockets stay open{why}", file=sys.stderr)
    sparql_sandbox.exit_with_parent()
    sparql_sandbox.lower_priority()
    sparql_sandbox.cap_memory(int(argv[2]) if len(argv) > 2 else 0)
    conn = Connection(int(argv[1]))
    view = _SnapshotView()
    while True:
        try:
            path, job = conn.recv()
        except (EOFError, OSError):  # the parent closed the socket or died
            return 0
        conn.send(view.run(path, job))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
