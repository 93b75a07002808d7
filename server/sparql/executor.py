"""Run SPARQL jobs with a hard time limit: worker processes for a store on disk.

pyoxigraph evaluates a query in Rust without the GIL and offers no way to cancel it, so
a runaway query in a thread would burn a core until it finished, perhaps never. Each query
on an on-disk store therefore runs in a worker process on a read-only snapshot of the store
(sparql.snapshots); a query that outlives its deadline gets its worker killed and replaced.
An in-memory store cannot be shared with another process: its queries run in threads and
a timed-out one is abandoned (answered 503) but keeps running. That mode is for tests
and development only.
"""

from __future__ import annotations

import logging
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from communique.server.errors import StoreError
from communique.server.sparql import worker as sparql_worker
from communique.server.sparql.snapshots import Snapshot, Snapshots
from communique.server.sparql.worker import FAILED, run_job

log = logging.getLogger(__name__)

TIMEOUT = "timeout"  # outcome status: (TIMEOUT, message)
BUSY = "busy"  # every worker is taken: (BUSY, message), answered at once
MEMORY = "memory"  # the worker died over its memory cap: (MEMORY, message)
WORKER_SCRIPT = Path(sparql_worker.__file__)


class Executor(Protocol):
    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple: ...

    def close(self) -> None: ...


def timed_out(timeout: float) -> tuple:
    return TIMEOUT, f"the query timed out after {timeout:g} s"


def busy(size: int) -> tuple:
    return BUSY, f"all {size} query workers are busy: try again in a few seconds"


class _Worker:
    """One worker process, the socket to it, and the snapshot it has open."""

    def __init__(self, memory_mb: int = 0) -> None:
        self.snapshot: Snapshot | None = None
        ours, theirs = socket.socketpair()
        with theirs:
            # -P: the script's folder (server/) must not shadow standard modules
            self.process = subprocess.Popen(
                [sys.executable, "-P", str(WORKER_SCRIPT), str(theirs.fileno()), str(memory_mb)],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
            )
        self.conn = Connection(ours.detach())

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.conn.close()

    def died_of_memory(self) -> bool:
        """True if the process ended as an allocation failure ends it (abort) or the
        kernel's OOM killer does (SIGKILL not sent by us)."""
        try:
            code = self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return False
        return code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV)


def _kill_all(workers: set[_Worker]) -> None:
    for worker in list(workers):
        worker.kill()
    workers.clear()


class ProcessExecutor:
    """A fixed number of query worker processes, started on first use, each querying the
    newest snapshot of the store as of its job."""

    def __init__(
        self, snapshots: Snapshots, size: int = 2, memory_mb: int = 0, queue_wait: float = 1.0
    ) -> None:
        self.snapshots = snapshots
        self.size = size
        self.memory_mb = memory_mb
        self.queue_wait = queue_wait
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(size):
            self._idle.put(None)  # a free slot whose worker is started when first needed
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _kill_all, self._workers)

    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple:
        """Run `job` on the store as it is now (at least as new as `version`); a TIMEOUT
        outcome after `timeout` s."""
        deadline = time.monotonic() + timeout
        try:
            # a short wait for a worker about to be free, never the whole time limit:
            # a client told "busy" can retry, one kept waiting holds a server thread
            worker = self._idle.get(timeout=min(timeout, self.queue_wait))
        except queue.Empty:
            return busy(self.size)
        try:
            if worker is None:
                worker = self._start()
            self._switch(worker, self.snapshots.acquire())
            worker = self._send(worker, job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._retire(worker)
                worker = None
                return timed_out(timeout)
            return worker.conn.recv()
        except StoreError as exc:
            log.error("SPARQL snapshot failed: %s", exc)
            return FAILED, str(exc)
        except (EOFError, OSError) as exc:
            outcome = self._failed(worker, exc)
            worker = None
            return outcome
        finally:
            self._idle.put(worker)  # None: the next user starts a fresh worker

    def _send(self, worker: _Worker, job: dict[str, Any]) -> _Worker:
        """Send `job` to `worker`, or to a fresh worker if that one has died since its last
        job (crashed or killed from outside: its socket is closed); the worker that has it.
        Asking the process whether it lives before every job would cost a system call."""
        try:
            worker.conn.send((str(worker.snapshot.path), job))
            return worker
        except OSError:
            if worker.alive():
                raise
        self._retire(worker)
        fresh = self._start()
        try:
            self._switch(fresh, self.snapshots.acquire())
            fresh.conn.send((str(fresh.snapshot.path), job))
        except (OSError, StoreError):
            self._retire(fresh)
            raise
        return fresh

    def _failed(self, worker: _Worker | None, exc: Exception) -> tuple:
        """The outcome of a worker that stopped mid-job; `worker` is retired."""
        if worker is None:
            log.error("SPARQL worker failed: %s", exc)
            return FAILED, "the query worker could not be started"
        memory = worker.died_of_memory()
        self._retire(worker)
        if memory and self.memory_mb:
            return MEMORY, (
                f"the query needed more than {self.memory_mb} MB of memory: "
                "narrow it or add a LIMIT"
            )
        log.error("SPARQL worker failed: %s", exc)
        return FAILED, "the query worker stopped unexpectedly"

    def _start(self) -> _Worker:
        worker = _Worker(self.memory_mb)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _switch(self, worker: _Worker, snapshot: Snapshot) -> None:
        """Record that `worker` now uses `snapshot` (acquired) and no longer its old one."""
        old, worker.snapshot = worker.snapshot, snapshot
        if old is not None:
            self.snapshots.release(old)  # the same one: it was counted twice

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.kill()
        if worker.snapshot is not None:
            self.snapshots.release(worker.snapshot)
            worker.snapshot = None

    def close(self) -> None:
        self._finalizer()
        self.snapshots.close()


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
