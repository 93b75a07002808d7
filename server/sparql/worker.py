"""Evaluate one SPARQL query on a pyoxigraph store and serialize its results.

Also the query process: run as a script (`python worker.py FD,FD,... MB`) it answers the
jobs arriving on each socket FD in a thread of its own, each job with the snapshot folder
to run it on (see sparql.snapshots: a checkpoint of the store that nobody writes, opened
read-only once for all threads and kept open while a thread's last job names it), until
the parent closes the sockets. It imports only the standard library, pyoxigraph and our
format table, so it starts fast; a runaway query is stopped by killing the process
(pyoxigraph has no way to cancel a query from Python; see sparql.query_process).

Jobs and outcomes are plain dicts and tuples: the script runs as `__main__`, so classes
defined here would not unpickle on the other side.
"""

from __future__ import annotations

import sys
import threading
from collections import Counter
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


class _SnapshotViews:
    """The read-only stores of the snapshot folders the threads' last jobs named, each
    opened once and let go when no thread names it any more."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stores: dict[str, ox.Store] = {}
        self._users: Counter[str] = Counter()

    def switch(self, old: str | None, new: str) -> ox.Store:
        """The store of `new` for a thread whose last job named `old`."""
        with self._lock:
            if new not in self._stores:
                self._stores[new] = ox.Store.read_only(new)
            self._users[new] += 1
            if old is not None:
                self._drop(old)
            return self._stores[new]

    def forget(self, path: str) -> None:
        """Drop `path`'s store after a read failed, so that the next job opens it again."""
        with self._lock:
            self._stores.pop(path, None)

    def _drop(self, path: str) -> None:
        self._users[path] -= 1
        if self._users[path] <= 0:
            del self._users[path]
            self._stores.pop(path, None)  # its files go once running queries let go too


def _serve(conn: Any, views: _SnapshotViews) -> None:
    """Answer the (snapshot folder, job) requests on `conn` until the parent closes it."""
    path: str | None = None
    while True:
        try:
            new, job = conn.recv()
        except (EOFError, OSError):  # the parent closed the socket or died
            return
        try:
            store = views.switch(path, new)
            path = new
            outcome = run_job(store, job)
        except (OSError, RuntimeError) as exc:  # a snapshot is never written: no retry
            views.forget(new)
            outcome = FAILED, f"the store could not be read: {exc}"
        conn.send(outcome)


def main(argv: list[str]) -> int:
    """Serve the jobs arriving on the sockets argv[1] (comma-separated descriptors), one
    thread each, with at most argv[2] MB of heap, no network and a lower CPU priority."""
    import signal
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    from communique.server.sparql import sandbox as sparql_sandbox

    try:
        blocked = sparql_sandbox.block_network()  # before the threads: they inherit it
    except OSError as exc:
        blocked, why = False, f": {exc}"
    else:
        why = f" on {sparql_sandbox.platform.machine()}"
    if not blocked:
        print(f"communique query worker: network sockets stay open{why}", file=sys.stderr)
    sparql_sandbox.exit_with_parent()
    sparql_sandbox.lower_priority()
    sparql_sandbox.cap_memory(int(argv[2]) if len(argv) > 2 else 0)
    views = _SnapshotViews()
    threads = [
        threading.Thread(target=_serve, args=(Connection(int(fd)), views), name=f"slot-{fd}")
        for fd in argv[1].split(",")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
