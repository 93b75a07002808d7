"""Validate untrusted RDF in a fresh worker process, with a time limit and a memory limit.

`POST /validate` needs no token, and pyshacl on a graph of a hundred thousand typed nodes
takes minutes and gigabytes that a Python process never gives back. So each validation
parses and validates in a process of its own: killed past its time limit, refused memory past
its limit (RLIMIT_AS: Python raises MemoryError, the machine's OOM killer never steps in),
and gone when it is done, its memory with it. The web process holds only the body and the
answer. At most a few run at once; past that a request is refused at once, not queued.

Workers are forked by multiprocessing's forkserver, which has already imported this module
and with it what runs in them (web.validate_child: rdflib, pyshacl, the shapes code), so
one starts in tens of milliseconds instead of the half second a fresh interpreter needs to
import them. The web process itself is never forked: it runs threads, and a fork would copy
its store and locks.

Outcomes cross the pipe as plain tuples: (OK, answer), (ERROR, status, message, details),
(MEMORY,) or (FAILED, message).
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from flask import Flask

from communique.server.web.errors import HttpError
from communique.server.web.validate_child import ERROR, MEMORY, OK, child

log = logging.getLogger(__name__)

_SLOTS = "communique.validate_slots"  # the app extension holding the semaphore
_slots_lock, _context_lock, _spare_lock = threading.Lock(), threading.Lock(), threading.Lock()
_preloaded = False
_spare: tuple[BaseProcess, Connection] | None = None  # forked ahead, warming up or waiting


@dataclass(frozen=True)
class Limits:
    """What one validation may take, and how many may run at once."""

    max_triples: int
    timeout: float  # seconds, worker start included
    memory_mb: int  # on top of the ~80 MB of address space a worker starts with; 0: no limit
    concurrency: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Limits:
        """The limits the app's VALIDATE_* settings give (typed, defaults in settings.py)."""
        return cls(
            max_triples=config["VALIDATE_MAX_TRIPLES"],
            timeout=config["VALIDATE_TIMEOUT"],
            memory_mb=config["VALIDATE_MAX_MEMORY_MB"],
            concurrency=config["VALIDATE_CONCURRENCY"],
        )

    @property
    def retry_after(self) -> str:
        """Seconds to wait before trying again: a running validation ends within its limit."""
        return str(max(1, math.ceil(self.timeout)))


@contextmanager
def slot(app: Flask, limits: Limits) -> Iterator[None]:
    """Hold one of the app's validation slots; 503 at once when all of them are taken."""
    with _slots_lock:
        slots = app.extensions.setdefault(_SLOTS, threading.BoundedSemaphore(limits.concurrency))
    if not slots.acquire(blocking=False):
        raise HttpError(
            503,
            f"the server is already running {limits.concurrency} validation(s), the most it "
            "runs at once; try again shortly",
            headers={"Retry-After": limits.retry_after},
        )
    try:
        yield
    finally:
        slots.release()


def validate_untrusted(
    body: bytes | str, media_in: str, media_out: str, *, base_iri: str | None, limits: Limits
) -> dict[str, Any]:
    """Parse and validate `body` in a worker; its answer (see `_answer`), or an HttpError."""
    job = {
        "body": body,
        "media_in": media_in,
        "media_out": media_out,
        "base_iri": base_iri,
        "max_triples": limits.max_triples,
    }
    outcome = _run(job, limits)
    if outcome[0] == OK:
        return outcome[1]
    if outcome[0] == ERROR:
        _, status, message, details = outcome
        raise HttpError(status, message, details=details)
    if outcome[0] == MEMORY:
        needed = f"more than {limits.memory_mb:,} MB of" if limits.memory_mb else "more"
        raise HttpError(
            413,
            f"validation needed {needed} memory; send fewer triples at a time",
            details={"max_memory_mb": limits.memory_mb},
        )
    log.error("validation failed in its worker: %s", outcome[1])
    raise HttpError(500, "validation failed unexpectedly; the cause has been logged")


def _context() -> multiprocessing.context.BaseContext:
    """The forkserver context, its server told to import this module (once, before it starts)."""
    global _preloaded
    context = multiprocessing.get_context("forkserver")
    with _context_lock:
        if not _preloaded:
            context.set_forkserver_preload([__name__])
            _preloaded = True
    return context


def _run(job: dict[str, Any], limits: Limits) -> tuple:
    """Run `job` in a worker of its own; kill it once the time limit has passed (503)."""
    deadline = time.monotonic() + limits.timeout
    process, conn = _take_worker()
    try:
        conn.send((job, limits.memory_mb, limits.timeout))
    except OSError:  # it died before the job came
        pass
    try:
        return _receive(process, conn, deadline, limits)
    finally:
        conn.close()
        if process.exitcode is None:
            process.kill()
        process.join()


def _take_worker() -> tuple[BaseProcess, Connection]:
    """The spare worker (a new one if it died), with the next spare forked behind it."""
    global _spare
    with _spare_lock:
        taken, _spare = _spare, None
        if taken is not None and not taken[0].is_alive():
            taken[1].close()
            taken = None
        if taken is None:
            taken = _start_worker()
        _spare = _start_worker()
    return taken


def _start_worker() -> tuple[BaseProcess, Connection]:
    """A new worker and our end of its pipe; it warms up while it waits for a job."""
    context = _context()
    ours, theirs = context.Pipe()  # the job goes down, the outcome comes back
    process = context.Process(target=child, args=(theirs,), name="validate", daemon=True)
    process.start()
    theirs.close()  # the child's copy is the only one left: EOF here when it dies
    return process, ours


def _receive(process: BaseProcess, conn: Connection, deadline: float, limits: Limits) -> tuple:
    """The worker's outcome; 503 if none came before `deadline`."""
    remaining = max(0.0, deadline - time.monotonic())
    if not wait([conn, process.sentinel], timeout=remaining):
        process.kill()
        process.join()
        log.warning("validation worker %s killed after %g s", process.pid, limits.timeout)
        raise HttpError(
            503,
            f"validation took longer than {limits.timeout:g} s, the most it may take; "
            "send fewer triples at a time",
            headers={"Retry-After": limits.retry_after},
        )
    if conn.poll():
        try:
            return conn.recv()
        except (EOFError, OSError):  # it died without a word
            pass
    process.join()
    log.error("validation worker %s died (exit code %s)", process.pid, process.exitcode)
    if limits.memory_mb and process.exitcode == -signal.SIGABRT:
        return (MEMORY,)  # native code (Rust, C) aborts when an allocation is refused
    raise HttpError(
        503,
        "the validation worker stopped unexpectedly; try again shortly",
        headers={"Retry-After": limits.retry_after},
    )
