"""A reference for bench_store.py: the least any Python layer in front of the engine does.

A WSGI app under the same granian as `communique serve`: it forwards a GET's `query` to the
engine's /query (form-encoded POST, on a kept-alive connection per thread) and answers with
the engine's body. No Flask, no checks, no limits, no time limit: it shows what the HTTP hop
and Python alone cost, so that our server's figure can be read against it.

    ENGINE_PORT=7878 granian --interface wsgi --port 8000 _bare_proxy:app
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs, urlencode

from communique.server.store.http11 import Connection

ENGINE_PORT = int(os.environ.get("ENGINE_PORT", "7878"))
_local = threading.local()


def _connection() -> Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = Connection("http", "127.0.0.1", ENGINE_PORT, 30)
        conn.connect()
    return conn


def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
    query = parse_qs(environ.get("QUERY_STRING", "")).get("query", [""])[0]
    body = urlencode({"query": query}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": environ.get("HTTP_ACCEPT", "application/sparql-results+json"),
    }
    response = _connection().request("POST", "/query", body, headers)
    data = response.readall()
    status = "200 OK" if response.status == 200 else f"{response.status} Engine"
    media = response.headers.get("Content-Type") or "application/octet-stream"
    start_response(status, [("Content-Type", media), ("Content-Length", str(len(data)))])
    return [data]
