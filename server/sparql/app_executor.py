"""The app's SPARQL executor, made on first use for the app's store, and its count of the
queries each client has running. Kept in `app.extensions`: several apps (tests) may live
in one process, each with its own query process."""

from __future__ import annotations

import threading

from flask import Flask

from communique.server.sparql.executor import ClientSlots, Executor, ThreadExecutor
from communique.server.sparql.query_process import ProcessExecutor
from communique.server.sparql.remote import RemoteExecutor
from communique.server.sparql.snapshots import SNAPSHOTS_DIR, Snapshots
from communique.server.store.articles import Store

EXTENSION = "communique.sparql"
SLOTS_EXTENSION = "communique.sparql.clients"
_executor_lock = threading.Lock()


def close(app: Flask) -> None:
    """Stop the app's query workers (they also stop when the app is collected or at exit)."""
    with _executor_lock:
        current = app.extensions.pop(EXTENSION, None)
    if current is not None:
        current[1].close()


def executor(app: Flask, store: Store) -> Executor:
    """The app's query executor for `store`, created on first use."""
    with _executor_lock:
        current = app.extensions.get(EXTENSION)
        if current is not None and current[0] is store:
            return current[1]
        if current is not None:
            current[1].close()
        if store.remote:
            new: Executor = RemoteExecutor(store.ox)  # type: ignore[arg-type]
        elif store.path is not None:
            snapshots = Snapshots(store, store.path / SNAPSHOTS_DIR)
            memory, wait = app.config["SPARQL_MEMORY_MB"], app.config["SPARQL_QUEUE_SECONDS"]
            new = ProcessExecutor(snapshots, worker_count(app), memory, wait)
        else:
            new = ThreadExecutor(store.ox)
        app.extensions[EXTENSION] = (store, new)
        return new


def worker_count(app: Flask) -> int:
    """Queries that may run at once: the query process's threads."""
    return app.config["SPARQL_WORKERS"]  # default: 4 to 8 by CPU count (settings)


def client_slots(app: Flask) -> ClientSlots:
    """The app's count of running queries per client, created on first use."""
    with _executor_lock:
        slots = app.extensions.get(SLOTS_EXTENSION)
        if slots is None:
            limit = app.config["SPARQL_CLIENT_QUERIES"]  # default: half the workers
            slots = app.extensions[SLOTS_EXTENSION] = ClientSlots(limit)
        return slots
