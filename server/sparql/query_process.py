"""Run SPARQL jobs with a hard time limit in one query process of several threads.

pyoxigraph evaluates a query in Rust without the GIL and offers no way to cancel it, so a
runaway query in a thread of the web process would burn a core until it finished, perhaps
never. Queries on an on-disk store therefore run in a separate query process, on a
read-only snapshot of the store (sparql.snapshots), one thread per slot; a query that
outlives its deadline gets the process killed and a fresh one started.

One process of threads rather than one process per query: the threads share one open
store and its block cache, so a join of bench/bench_sparql.py costs about a fifth less
CPU than in separate processes, which each read and cache the same blocks. The price is
that a kill ends every query in the process. A query ended so by another one's time limit
is run again on the fresh process within its own time; one ended by a crash or the memory
cap is run again once, unless it ran alone (then it was the cause).
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
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from communique.server.errors import StoreError
from communique.server.sparql import worker as sparql_worker
from communique.server.sparql.executor import MEMORY, busy, timed_out
from communique.server.sparql.snapshots import Snapshot, Snapshots
from communique.server.sparql.worker import FAILED

log = logging.getLogger(__name__)

WORKER_SCRIPT = Path(sparql_worker.__file__)


class _ProcessEnded(Exception):
    """The query process ended while a job was in it."""


class QueryProcess:
    """The query process, one socket to each of its `slots` threads, and the snapshot each
    thread has open."""

    def __init__(self, slots: int, memory_mb: int = 0) -> None:
        pairs = [socket.socketpair() for _ in range(slots)]
        theirs = [pair[1].fileno() for pair in pairs]
        # -P: the script's folder (server/) must not shadow standard modules
        command = [sys.executable, "-P", str(WORKER_SCRIPT)]
        command += [",".join(map(str, theirs)), str(memory_mb)]
        try:
            self.process = subprocess.Popen(command, pass_fds=theirs, stdin=subprocess.DEVNULL)
        finally:
            for _, their_end in pairs:
                their_end.close()
        self.channels = [Connection(ours.detach()) for ours, _ in pairs]
        self.snapshots: list[Snapshot | None] = [None] * slots
        self.lock = threading.Lock()
        self.running: set[int] = set()  # the slots with a job in the process
        self.at_end: set[int] | None = None  # the slots that had one when it ended
        self.stopped = False  # killed by us (another job's time limit, or closing)
        self.retired = False  # killed, or being killed: no new jobs

    def alive(self) -> bool:
        return self.process.poll() is None

    def admit(self, slot: int, snapshot: Snapshot) -> Snapshot | None:
        """Count a job in `slot` on `snapshot`: the snapshot the slot held before; OSError
        if the process is retired. A running slot's socket stays open until `finish`:
        closing it under a thread waiting on it would let the number be reused."""
        with self.lock:
            if self.retired:
                raise OSError("the query process was stopped")
            old, self.snapshots[slot] = self.snapshots[slot], snapshot
            self.running.add(slot)
            return old

    def finish(self, slot: int) -> None:
        """The job in `slot` is over; its socket is closed if the process is retired."""
        with self.lock:
            self.running.discard(slot)
            if self.retired:
                self.channels[slot].close()

    def retire(self) -> list[Snapshot]:
        """Kill the process (once: later calls return []) and close the sockets of the
        idle slots; the snapshots its slots held."""
        with self.lock:
            if self.retired:
                return []
            self.retired = True
            idle = [c for slot, c in enumerate(self.channels) if slot not in self.running]
            held, self.snapshots = self.snapshots, [None] * len(self.channels)
        self.process.kill()
        self.process.wait()
        for channel in idle:
            channel.close()
        return [snapshot for snapshot in held if snapshot is not None]

    def ended_alone(self, slot: int) -> bool:
        """True if the job in `slot` was the only one in the process when it ended."""
        with self.lock:
            if self.at_end is None:
                self.at_end = set(self.running)
            return self.at_end == {slot}

    def died_of_memory(self) -> bool:
        """True if the process ended as an allocation failure ends it (abort) or the
        kernel's OOM killer does (SIGKILL not sent by us)."""
        if self.stopped:
            return False
        try:
            code = self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return False
        return code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV)


def _kill_all(processes: set[QueryProcess]) -> None:
    for process in list(processes):
        process.stopped = True
        process.retire()
        for channel in process.channels:
            channel.close()
    processes.clear()


class ProcessExecutor:
    """`size` slots in one query process, started on first use (and again after a kill),
    each slot's thread querying the newest snapshot of the store as of its job."""

    def __init__(
        self, snapshots: Snapshots, size: int = 2, memory_mb: int = 0, queue_wait: float = 1.0
    ) -> None:
        self.snapshots = snapshots
        self.size = size
        self.memory_mb = memory_mb
        self.queue_wait = queue_wait
        self._slots: queue.LifoQueue[int] = queue.LifoQueue()
        for slot in range(size):
            self._slots.put(slot)
        self._current: QueryProcess | None = None
        self._processes: set[QueryProcess] = set()  # live ones, for close and the tests
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _kill_all, self._processes)

    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple:
        """Run `job` on the store as it is now (at least as new as `version`); a TIMEOUT
        outcome after `timeout` s."""
        deadline = time.monotonic() + timeout
        try:
            # a short wait for a slot about to be free, never the whole time limit:
            # a client told "busy" can retry, one kept waiting holds a server thread
            slot = self._slots.get(timeout=min(timeout, self.queue_wait))
        except queue.Empty:
            return busy(self.size)
        try:
            return self._run_in(slot, job, deadline, timeout)
        finally:
            self._slots.put(slot)

    def _run_in(self, slot: int, job: dict[str, Any], deadline: float, timeout: float) -> tuple:
        tries = 0
        while True:
            try:
                process = self._send(slot, job)
            except StoreError as exc:
                log.error("SPARQL snapshot failed: %s", exc)
                return FAILED, str(exc)
            except OSError as exc:
                log.error("SPARQL query process could not be started: %s", exc)
                return FAILED, "the query process could not be started"
            try:
                return self._answer(process, slot, deadline, timeout)
            except _ProcessEnded:
                tries += 1
                memory = process.died_of_memory()
                alone = process.ended_alone(slot)
                self._retire(process)
                process.finish(slot)
                if time.monotonic() >= deadline:
                    return timed_out(timeout)
                if process.stopped or (tries == 1 and not alone):
                    continue  # another job's doing, maybe: once more on a fresh process
                return self._ended(memory)

    def _answer(self, process: QueryProcess, slot: int, deadline: float, timeout: float) -> tuple:
        """The outcome of the job just sent to `slot`; _ProcessEnded if the process ended."""
        channel = process.channels[slot]
        try:
            if not channel.poll(max(0.0, deadline - time.monotonic())):
                process.stopped = True
                self._retire(process)
                process.finish(slot)
                return timed_out(timeout)
            outcome = channel.recv()
        except (EOFError, OSError) as exc:
            raise _ProcessEnded from exc
        process.finish(slot)
        return outcome

    def _send(self, slot: int, job: dict[str, Any]) -> QueryProcess:
        """Send `job` to `slot`'s thread of the current process, or of a fresh one if that
        one has ended since (crashed or killed from outside: its sockets are closed); the
        process that has it. Asking the process whether it lives before every job would
        cost a system call."""
        process = self._process()
        try:
            self._post(process, slot, job)
            return process
        except OSError:
            self._retire(process)
            process.finish(slot)
        fresh = self._process()
        try:
            self._post(fresh, slot, job)
        except (OSError, StoreError):
            self._retire(fresh)
            fresh.finish(slot)
            raise
        return fresh

    def _post(self, process: QueryProcess, slot: int, job: dict[str, Any]) -> None:
        snapshot = self.snapshots.acquire()
        try:
            old = process.admit(slot, snapshot)
        except OSError:
            self.snapshots.release(snapshot)
            raise
        if old is not None:
            self.snapshots.release(old)  # the same one, maybe: it was counted twice
        process.channels[slot].send((str(snapshot.path), job))

    def _process(self) -> QueryProcess:
        with self._lock:
            if self._current is None:
                self._current = QueryProcess(self.size, self.memory_mb)
                self._processes.add(self._current)
            return self._current

    def _retire(self, process: QueryProcess) -> None:
        """Kill `process` (once, whoever asks first) and release its snapshots."""
        with self._lock:
            self._processes.discard(process)
            if self._current is process:
                self._current = None
        for snapshot in process.retire():
            self.snapshots.release(snapshot)

    def _ended(self, memory: bool) -> tuple:
        if memory and self.memory_mb:
            return MEMORY, (
                f"the query needed more than {self.memory_mb} MB of memory (the running "
                "queries share it): narrow it or add a LIMIT"
            )
        log.error("SPARQL query process ended unexpectedly")
        return FAILED, "the query process stopped unexpectedly"

    def close(self) -> None:
        self._finalizer()
        self.snapshots.close()
