"""The SPARQL endpoint's executor over a remote engine: our checks have run (sparql/routes.py:
read-only, SERVICE refused, size and depth limits), then the query goes to the engine's
query URL as it is, with the store's prefixes and base declared before it.

The time limit is the engine's where it takes one (`timeout_param`, e.g. Fuseki's
`timeout`; Oxigraph server has only its own `--timeout-s`) and ours always: a timer closes
the request at the deadline, which ends our reading whatever the engine does. Results come
back in the media type the client asked for (the engine negotiates it from the Accept we
send); up to STREAM_AFTER bytes are read before answering, so small results keep exact
errors, and the rest of a larger result is streamed to the client with the size and time
limits still enforced (past them the response is cut off, which the client sees as an
incomplete body).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from communique.server.errors import StoreError
from communique.server.sparql.deadlines import DEADLINES
from communique.server.sparql.executor import BUSY, timed_out
from communique.server.sparql.worker import OK, RESULTS_FORMATS, SYNTAX, TOO_LARGE
from communique.server.store.remote import RemoteEngine, prologue
from communique.server.store.transport import TRANSPORT_ERRORS, EngineResponse

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
STREAM_AFTER = 1 * 2**20  # bytes read before a streaming job's answer begins


class ResultTooLarge(Exception):
    """A streamed result went past its limit: the response is cut off."""


class RemoteExecutor:
    """Runs the endpoint's jobs (sparql.worker.make_job) on a remote engine."""

    def __init__(self, engine: RemoteEngine) -> None:
        self.engine = engine

    def run(self, job: dict[str, Any], version: str, timeout: float) -> tuple:
        deadline = time.monotonic() + timeout
        declared = prologue(job["base_iri"], _used(job["prefixes"], job["query"]))
        try:
            response = self.engine.post_query(
                declared + job["query"],
                f"{job['results_type']}, {job['rdf_type']};q=0.9",
                params=self._params(job, timeout),
                timeout=timeout,
                stream=True,
            )
        except SyntaxError as exc:
            return SYNTAX, _in_the_query(str(exc), declared.count("\n"))
        except StoreError as exc:
            if time.monotonic() >= deadline:
                return timed_out(timeout)
            log.error("SPARQL query on the store engine failed: %s", exc)
            return BUSY, f"the store engine cannot answer now: {exc}"
        # closing the response from another thread ends a read waiting on the engine
        timer = DEADLINES.at(deadline, response.close)
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        kind = "results" if media in RESULTS_FORMATS else "graph"
        limit, streaming = job["max_bytes"], False
        chunks = response.iter_content(CHUNK)
        head, size = [], 0
        try:
            for chunk in chunks:
                size += len(chunk)
                head.append(chunk)
                if size > limit:
                    return _too_large(limit)
                if job.get("stream") and size >= STREAM_AFTER:
                    streaming = True
                    rest = _rest(chunks, size, limit, deadline, response, timer)
                    return OK, kind, media, _chain(head, rest)
        except (*TRANSPORT_ERRORS, AttributeError, ValueError):
            if time.monotonic() >= deadline:
                return timed_out(timeout)
            raise
        finally:
            if not streaming:
                DEADLINES.cancel(timer)
                response.close()
        if time.monotonic() >= deadline:  # the timer closed the body: it may be cut short
            return timed_out(timeout)
        return OK, kind, media, b"".join(head)

    def _params(self, job: dict[str, Any], timeout: float) -> list[tuple[str, str]]:
        params: list[tuple[str, str]] = []
        if job["default_graphs"] is not None or job["named_graphs"] is not None:
            params += [("default-graph-uri", g) for g in job["default_graphs"] or ()]
            params += [("named-graph-uri", g) for g in job["named_graphs"] or ()]
        elif job["union"] and self.engine.union_parameter:
            params.append(("union-default-graph", ""))  # Oxigraph server's parameter
        if self.engine.timeout_param:
            params.append((self.engine.timeout_param, f"{timeout:g}"))
        return params

    def close(self) -> None:
        pass  # the engine's connections belong to the store


def _used(prefixes: dict[str, str] | None, query: str) -> dict[str, str]:
    """The predeclared prefixes the query may use: a prefixed name holds "name:", so one
    whose "name:" is nowhere in the text is not (the engine parses fewer declarations)."""
    return {name: iri for name, iri in (prefixes or {}).items() if f"{name}:" in query}


_POSITION = re.compile(r"error at (\d+):(\d+)")


def _in_the_query(message: str, lines: int) -> str:
    """The engine's error position made one in the client's query, below our prologue of
    `lines` lines (Oxigraph's "error at LINE:COLUMN"; other engines' messages unchanged)."""
    match = _POSITION.search(message)
    if match is None or int(match[1]) <= lines:
        return message
    where = f"error at {int(match[1]) - lines}:{match[2]}"
    return message[: match.start()] + where + message[match.end() :]


def _too_large(limit: int) -> tuple:
    megabytes = limit / 2**20
    return TOO_LARGE, f"the results exceed {megabytes:.3g} MB: add a LIMIT or narrow the query"


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield b"".join(head)
    yield from rest


def _rest(
    chunks: Iterator[bytes],
    size: int,
    limit: int,
    deadline: float,
    response: EngineResponse,
    timer: int,
) -> Iterator[bytes]:
    """The rest of a streamed result; raises (cutting the response off) past a limit."""
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise ResultTooLarge(f"SPARQL result cut off past {limit} bytes")
            yield chunk
        if time.monotonic() >= deadline:
            raise TimeoutError("SPARQL result cut off at the time limit")
    except (*TRANSPORT_ERRORS, AttributeError, ValueError) as exc:
        raise TimeoutError("SPARQL result cut off at the time limit") from exc
    finally:
        DEADLINES.cancel(timer)
        response.close()
