"""Validate untrusted RDF in a fresh worker process, with a time limit and a memory limit.

`POST /validate` needs no token, and pyshacl on a graph of a hundred thousand typed nodes
takes minutes and gigabytes that a Python process never gives back. So each validation
parses and validates in a process of its own: killed past its time limit, refused memory past
its limit (RLIMIT_AS: Python raises MemoryError, the machine's OOM killer never steps in),
and gone when it is done, its memory with it. The web process holds only the body and the
answer. At most a few run at once; past that a request is refused at once, not queued.

Workers are forked by multiprocessing's forkserver, which has already imported this module
(rdflib, pyshacl, the shapes code), so one starts in tens of milliseconds instead of the half
second a fresh interpreter needs to import them. The web process itself is never forked: it
runs threads, and a fork would copy its store and locks.

Outcomes cross the pipe as plain tuples: (OK, answer), (ERROR, status, message, details),
(MEMORY,) or (FAILED, message).
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import resource
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
from rdflib import RDF, SH, Graph, URIRef

from communique.server.web.errors import HttpError
from communique.server.web.negotiation import HTML, JSON, bind_prefixes, serialize
from communique.server.web.rdf_input import parse_untrusted
from communique.shapes import shapes_graph, validate

log = logging.getLogger(__name__)

OK, ERROR, MEMORY, FAILED = "ok", "error", "memory", "failed"
_SLOTS = "communique.validate_slots"  # the app extension holding the semaphore
# A failure this close to the memory limit is taken for a refused allocation.
_MARGIN = 4 * 2**20
_RESERVE = 32 * 2**20  # bytes a worker may use beyond its memory limit to send its answer
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
    process = context.Process(target=_child, args=(theirs,), name="validate", daemon=True)
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


def _child(conn: Connection) -> None:
    """The worker: warm up, wait for one job, bound itself, run the job, send its outcome."""
    _warm_up()
    try:
        job, memory_mb, timeout = conn.recv()
    except EOFError:  # the web process went away first
        return
    # A backstop should the web process die before it can kill us: SIGALRM's default action
    # ends the process.
    signal.alarm(math.ceil(timeout) + 5)
    _limit_memory(memory_mb)
    try:
        outcome = _outcome(job)
    except MemoryError:
        outcome = (MEMORY,)
    _release_reserve()
    try:
        conn.send(outcome)
        return
    except MemoryError:  # pickling a very large report
        pass
    del outcome
    conn.send((MEMORY,))


def _warm_up() -> None:
    """Run every shape once while idle: time (~50-100 ms) that no request waits for."""
    shapes = shapes_graph()
    graph = Graph()
    # A node of each target class and an object of each target property, all lacking
    # what the shapes require: every shape runs and the report has results to build.
    for n, cls in enumerate(set(shapes.objects(None, SH.targetClass))):
        graph.add((URIRef(f"urn:x:c{n}"), RDF.type, cls))
    for n, prop in enumerate(set(shapes.objects(None, SH.targetObjectsOf))):
        graph.add((URIRef("urn:x:s"), prop, URIRef(f"urn:x:o{n}")))
    validate.validate_graph(graph)


def _limit_memory(megabytes: int) -> None:
    """Cap the address space at what the worker holds now plus `megabytes`."""
    if megabytes <= 0:
        return
    limit = _vm_bytes("VmSize") + megabytes * 2**20
    # The hard limit leaves a reserve, released to answer once the job is over: when an
    # allocation has been refused, even pickling a small tuple can fail.
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit + _RESERVE))


def _release_reserve() -> None:
    """Let the worker use the reserve under its hard limit: the job is over."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _vm_bytes(field: str) -> int:
    """A Vm* figure of this process (VmSize, VmPeak) in bytes; 0 where there is no /proc."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _short_of_memory(exc: BaseException) -> bool:
    """Whether a failure under a memory limit looks like a refused allocation."""
    if isinstance(exc, MemoryError):
        return True
    limit, _ = resource.getrlimit(resource.RLIMIT_AS)
    if limit == resource.RLIM_INFINITY:
        return False
    # Refused memory, C code can fail in other ways than MemoryError ("error return without
    # exception set"), and validate_graph wraps whatever pyshacl raised in a ShapesError.
    cause: BaseException | None = exc
    for _ in range(10):
        if cause is None:
            break
        if isinstance(cause, MemoryError | SystemError):
            return True
        cause = cause.__cause__ or cause.__context__
    try:
        return _vm_bytes("VmPeak") > limit - _MARGIN
    except MemoryError:  # too short of memory even to read /proc
        return True


def _outcome(job: dict[str, Any]) -> tuple:
    """The job's outcome tuple; a MemoryError is the only exception that may escape."""
    try:
        return OK, _answer(job)
    except HttpError as exc:  # the body is not RDF, or holds too many triples
        return ERROR, exc.status, exc.message, exc.details
    except Exception as exc:
        if _short_of_memory(exc):
            return (MEMORY,)  # the traceback, and the graph with it, go as this returns
        return _failure(exc)


def _failure(exc: Exception) -> tuple:
    """The outcome of a job that failed for another reason than memory."""
    if isinstance(exc, validate.ShapesError):
        return ERROR, 422, str(exc), {}
    log.exception("validation failed")
    return FAILED, f"{type(exc).__name__}: {exc}"


def _answer(job: dict[str, Any]) -> dict[str, Any]:
    """conforms, triples, and the JSON summary (for JSON and HTML) or the serialized report."""
    graph = parse_untrusted(
        job["body"], job["media_in"], base_iri=job["base_iri"], max_triples=job["max_triples"]
    )
    triples = len(graph)
    result = validate.validate_graph(graph)
    del graph
    answer: dict[str, Any] = {"conforms": result.conforms, "triples": triples}
    if job["media_out"] in (JSON, HTML):
        answer["summary"] = {**validate.summarize(result), "triples": triples}
    else:
        answer["report"] = serialize(bind_prefixes(result.report_graph), job["media_out"])
    return answer
