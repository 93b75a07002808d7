"""What runs in a validation worker process (web.validate_worker starts it): warm up, take
one job, cap its own memory, validate, and send back the outcome as a plain tuple:
(OK, answer), (ERROR, status, message, details), (MEMORY,) or (FAILED, message)."""

from __future__ import annotations

import logging
import math
import resource
import signal
from multiprocessing.connection import Connection
from typing import Any

from rdflib import RDF, SH, Graph, URIRef

from communique.server.web.errors import HttpError
from communique.server.web.negotiation import HTML, JSON, bind_prefixes, serialize
from communique.server.web.rdf_input import parse_untrusted
from communique.shapes import shapes_graph, validate

log = logging.getLogger(__name__)

OK, ERROR, MEMORY, FAILED = "ok", "error", "memory", "failed"
# A failure this close to the memory limit is taken for a refused allocation.
_MARGIN = 4 * 2**20
_RESERVE = 32 * 2**20  # bytes a worker may use beyond its memory limit to send its answer


def child(conn: Connection) -> None:
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
