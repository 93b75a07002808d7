"""What runs SPARQL jobs with a time limit: the outcomes they share, the per-client count of
running queries, and the thread executor of an in-memory store.

A store on disk runs its queries in a query process that can be killed at the deadline
(sparql.query_process). An in-memory store cannot be shared with another process: its
queries run in threads and a timed-out one is abandoned (answered 503) but keeps running.
That mode is for tests and development only.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import pyoxigraph as ox

from communique.server.sparql.worker import run_job

log = logging.getLogger(__name__)

TIMEOUT = "timeout"  # outcome status: (TIMEOUT, message)
BUSY = "busy"  # every slot is taken: (BUSY, message), answered at once
MEMORY = "memory"  # the query process died over its memory cap: (MEMORY, message)


class Executor(Protocol):
    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple: ...

    def close(self) -> None: ...


def timed_out(timeout: float) -> tuple:
    return TIMEOUT, f"the query timed out after {timeout:g} s"


def busy(size: int) -> tuple:
    return BUSY, f"all {size} query slots are busy: try again in a few seconds"


class ClientSlots:
    """How many queries each client has running; `hold` admits one within the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def hold(self, client: str) -> Iterator[bool]:
        """Yield True and count the query while it runs, or False past the limit."""
        with self._lock:
            admitted = self._running[client] < self.limit
            if admitted:
                self._running[client] += 1
        try:
            yield admitted
        finally:
            if admitted:
                with self._lock:
                    self._running[client] -= 1
                    if not self._running[client]:
                        del self._running[client]


class ThreadExecutor:
    """Queries on an in-memory store, each in its own thread; timeouts are not enforced
    on the thread itself (see the module docstring)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple:
        results: queue.Queue[tuple] = queue.Queue(maxsize=1)
        thread = threading.Thread(
            target=lambda: results.put(run_job(self.store, job)), name="sparql", daemon=True
        )
        thread.start()
        try:
            return results.get(timeout=timeout)
        except queue.Empty:
            log.warning("abandoning a SPARQL query after %g s; it keeps running", timeout)
            return timed_out(timeout)

    def close(self) -> None:
        pass
