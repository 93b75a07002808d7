"""HTTP to a remote engine: a pool of kept-alive connections (server/store/http11.py) and
the small response type the engine code reads.

Our own HTTP/1.1, not urllib3 or requests: each layer costs CPU in the web process on
every query, which runs beside the engine on the same cores. Measured against `oxigraph
serve` on loopback, a join's answer cost 0.95 ms of CPU through urllib3, 0.48 ms through
http.client and 0.23 ms through http11; requests' Session cost another 0.5 ms.
"""

from __future__ import annotations

import base64
import queue
import select
import socket
import threading
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from communique.server.store.http11 import BadResponse, Connection, Headers, Response

# what a failed exchange raises, and what reading a response closed under it may raise
TRANSPORT_ERRORS = (OSError,)

__all__ = ["TRANSPORT_ERRORS", "BadResponse", "EngineResponse", "Transport", "Unreachable"]


class Unreachable(OSError):
    """No connection to the engine could be made."""


class EngineResponse:
    """A response of the engine whose body is read on demand; close it when done."""

    def __init__(self, raw: Response, release: Any) -> None:
        self.raw = raw
        self.status_code = raw.status
        self.headers: Headers = raw.headers
        self._body: bytes | None = None
        self._release = release  # gives the connection back, or drops it (True: reusable)
        self._lock = threading.Lock()

    @property
    def ok(self) -> bool:
        return self.status_code < 400

    @property
    def content(self) -> bytes:
        """The whole body (read once, then kept)."""
        if self._body is None:
            self._body = self.raw.readall()
        return self._body

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def iter_content(self, size: int) -> Iterator[bytes]:
        """The body in pieces of at most `size` bytes, each as soon as it arrived."""
        while chunk := self.raw.piece(size):
            yield chunk

    def close(self) -> None:
        """Give the connection back to the pool; one with body left unread (a result cut
        off, or a read ended by the deadline) is closed instead, as it cannot be reused.
        Closing from another thread ends a read waiting on the engine."""
        with self._lock:
            release, self._release = self._release, None
        if release is not None:
            release(self.raw.finished())

    def __enter__(self) -> EngineResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Pool:
    """Kept-alive connections to one origin, each used by one request at a time."""

    def __init__(self, scheme: str, host: str, port: int | None, size: int) -> None:
        self.scheme, self.host, self.port = scheme, host, port
        self.idle: queue.LifoQueue[Connection] = queue.LifoQueue(maxsize=size)

    def take(self, timeout: float) -> Connection:
        """An idle connection still open, or a new one (connected on first use)."""
        while True:
            try:
                conn = self.idle.get_nowait()
            except queue.Empty:
                return Connection(self.scheme, self.host, self.port, timeout)
            if conn.sock is not None and not _dropped(conn.sock):
                conn.sock.settimeout(timeout)
                return conn
            conn.close()

    def give_back(self, conn: Connection, reusable: bool) -> None:
        if reusable and conn.reusable and conn.sock is not None:
            try:
                self.idle.put_nowait(conn)
                return
            except queue.Full:
                pass
        conn.close()

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


def _dropped(sock: socket.socket) -> bool:
    """True if the engine closed a kept-alive connection (it is readable while idle)."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class Transport:
    """Requests to the engine's URLs, with its credentials; thread-safe."""

    def __init__(
        self, *, user: str | None, password: str | None, token: str | None, pool_size: int
    ) -> None:
        self.pool_size = pool_size
        self._pools: dict[tuple[str, str, int | None], _Pool] = {}
        self._lock = threading.Lock()
        self.headers: dict[str, str] = {}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        elif user:
            pair = f"{user}:{password or ''}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")

    def send(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        params: Mapping[str, Any] | list[tuple[str, str]] | None,
        timeout: float,
    ) -> EngineResponse:
        """One request, never retried (a query or update is never sent twice); its response
        with the body not read yet. Raises TRANSPORT_ERRORS (Unreachable when no connection
        could be made, TimeoutError when the engine did not answer in time)."""
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if params:
            target += ("&" if parts.query else "?") + urlencode(params)
        pool = self._pool(parts.scheme, parts.hostname or "", parts.port)
        conn = pool.take(timeout)
        if conn.sock is None:
            try:
                conn.connect()
            except TimeoutError:
                raise
            except OSError as exc:
                conn.close()
                raise Unreachable(str(exc)) from exc
        try:
            raw = conn.request(method, target, body, {**self.headers, **headers})
        except BaseException:
            conn.close()
            raise
        return EngineResponse(raw, lambda reusable: pool.give_back(conn, reusable))

    def _pool(self, scheme: str, host: str, port: int | None) -> _Pool:
        key = (scheme, host, port)
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                pool = self._pools[key] = _Pool(scheme, host, port, self.pool_size)
            return pool

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()
