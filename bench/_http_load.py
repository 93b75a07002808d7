"""HTTP load for bench_sparql.py: timed SPARQL requests from client threads, and the
streaming of a dump while sampling the server's memory."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    latencies: list[float]
    rows: int

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def add(self, other: Run) -> None:
        self.seconds += other.seconds
        self.latencies += other.latencies
        self.rows += other.rows

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def query_once(conn: http.client.HTTPConnection, path: str, query: str) -> bytes:
    conn.request(
        "GET",
        path + "?query=" + urllib.parse.quote(query),
        headers={"Accept": "application/sparql-results+json"},
    )
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{response.status}: {body[:300]!r}")
    return body


def timed(queries: list[str], threads: int, opener: Callable) -> Run:
    """Answer every query once from `threads` threads; each thread's `opener()` is a
    context manager giving a function from a query to its SPARQL JSON body. Times each
    answer; the rows are counted outside the timing."""
    latencies: list[float] = []
    rows = 0
    lock = threading.Lock()
    todo = iter(queries)

    def client() -> None:
        nonlocal rows
        with opener() as answer:
            while True:
                with lock:
                    query = next(todo, None)
                if query is None:
                    break
                started = time.perf_counter()
                body = answer(query)
                elapsed = time.perf_counter() - started
                n = len(json.loads(body)["results"]["bindings"])
                with lock:
                    latencies.append(elapsed)
                    rows += n

    workers = [threading.Thread(target=client) for _ in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return Run(time.perf_counter() - started, latencies, rows)


def run(port: int, path: str, queries: list[str], threads: int) -> Run:
    """Send every query once, from `threads` keep-alive connections; time each."""

    @contextmanager
    def connection() -> Iterator[Callable[[str], bytes]]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            yield lambda query: query_once(conn, path, query)
        finally:
            conn.close()

    return timed(queries, threads, connection)


def app_process(pid: int) -> int:
    """The process that holds the app under `communique serve` (PID `pid`): granian runs it
    in one worker process, the server's only child (the query workers are under it)."""
    children = [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if _parent_of(stat) == pid
    ]
    if len(children) != 1:
        raise RuntimeError(f"expected one worker process under {pid}, found {children}")
    return children[0]


def _parent_of(stat: Path) -> int:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):  # the process ended meanwhile
        return -1


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def stream_dump(port: int, pid: int) -> dict:
    """GET the N-Quads dump, count its lines, sample the server's memory meanwhile."""
    baseline = rss_kib(pid)
    peak = baseline
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_kib(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    conn.request("GET", "/dumps/communique.nq.gz")
    response = conn.getresponse()
    if response.status != 200:
        raise RuntimeError(f"dump: {response.status} {response.read()[:200]!r}")
    inflate = zlib.decompressobj(31)
    compressed = raw = lines = 0
    while chunk := response.read(1 << 20):
        compressed += len(chunk)
        data = inflate.decompress(chunk)
        raw += len(data)
        lines += data.count(b"\n")
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return {
        "seconds": seconds,
        "compressed": compressed,
        "raw": raw,
        "quads": lines,
        "baseline_mib": baseline / 1024,
        "peak_mib": peak / 1024,
        "hwm_mib": rss_kib(pid, "VmHWM") / 1024,
    }
