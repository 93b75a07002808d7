"""SHACL validation beside the mapper: in a helper process when there is a spare core.

Mapping (spaCy) and validation (pyshacl) are both CPU-bound Python, so threads would not
overlap them; a process does. The graph travels as N-Triples, the verdict comes back as
plain data, and the caller gets a Future either way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor

from rdflib import Graph

from communique.shapes import validate

log = logging.getLogger(__name__)


def validate_nt(data: bytes) -> tuple[bool, str, list[dict], bytes]:
    """Validate a graph given as N-Triples; the report graph comes back only if it failed."""
    result = validate.validate_graph(Graph().parse(data=data, format="nt"))
    report = (
        b"" if result.conforms else result.report_graph.serialize(format="nt", encoding="utf-8")
    )
    return result.conforms, result.report_text, result.results, report


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies: a killed ingest must not leave its helper behind."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _as_result(answer: tuple[bool, str, list[dict], bytes]) -> validate.ValidationResult:
    conforms, text, results, report = answer
    graph = Graph()
    if report:
        graph.parse(data=report, format="nt")
    return validate.ValidationResult(conforms, graph, text, results)


def default_workers() -> int:
    """One helper process when this process may use more than one core, else none."""
    return 1 if len(os.sched_getaffinity(0)) > 1 else 0


class Validator:
    """`submit(graph)` -> Future[ValidationResult], run in a worker process or inline."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, graph: Graph) -> Future:
        if self.workers <= 0:
            return _done(lambda: validate.validate_graph(graph))
        if self._pool is None:
            # fork: the child starts at once with the shapes already parsed (and any test
            # double of the validator in place); it only runs pure-Python validation.
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
        data = graph.serialize(format="nt", encoding="utf-8")
        outer: Future = Future()

        def finish(inner: Future) -> None:
            try:
                outer.set_result(_as_result(inner.result()))
            except Exception as exc:  # passed on to whoever waits for this graph
                outer.set_exception(exc)

        self._pool.submit(validate_nt, data).add_done_callback(finish)
        return outer

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Validator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _done(compute) -> Future:
    future: Future = Future()
    try:
        future.set_result(compute())
    except Exception as exc:
        future.set_exception(exc)
    return future
