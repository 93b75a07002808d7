"""Load benchmark: does the site stay up while runaway SPARQL queries run?

Starts a real `communique serve` over the bundled example articles, then runs the same
mixed load twice, side by side in one run: first alone (the anchor), then while RUNAWAYS
loops from one attacker address send a 3-way cross product over and over. The load is
CLIENTS threads, each from its own loopback address (127.0.1.N), each looping over pages
(landing, entity lists, resource pages, VoID, dumps page) and simple SPARQL queries for
SECONDS. Prints, per phase and kind of request: requests, errors, p50 and p99 latency,
the runaways' own answers, and the peak RSS of the whole server (its process and the
query workers). Target with runaways: pages and simple queries p99 < 1 s, no errors but
the runaways' own 503s.

    .venv/bin/python bench/load.py [--clients 32] [--seconds 60] [--runaways 4]

Everything runs on loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMUNIQUE = Path(sys.executable).parent / "communique"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = [
    "PREFIX schema: <https://schema.org/> SELECT ?p ?name WHERE { ?p a schema:Person ; "
    "schema:name ?name } LIMIT 20",
    "ASK { ?s ?p ?o }",
    "PREFIX dip: <https://w3id.org/communique/diplomacy#> "
    "SELECT (COUNT(?e) AS ?n) WHERE { ?e dip:participant ?p }",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path, port: int) -> subprocess.Popen:
    command = [str(COMMUNIQUE), "serve", "--data", str(data), "--port", str(port)]
    command += ["--host", "127.0.0.1", "--ingest", str(ROOT / "examples" / "articles")]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def page_paths(port: int) -> list[str]:
    """Landing, lists, VoID, dumps page and the resource pages the lists link to."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = ["/", "/id/person/", "/id/country/", "/id/event/", "/.well-known/void", "/dumps/"]
    for listing in ("/id/person/", "/id/event/", "/id/country/"):
        conn.request("GET", listing, headers={"Accept": "text/html"})
        html = conn.getresponse().read().decode()
        paths += sorted(set(re.findall(r'href="(/id/[a-z]+/[^"/?#]+)"', html)))[:15]
    conn.close()
    return paths


def request(conn: http.client.HTTPConnection, path: str, accept: str) -> int:
    conn.request("GET", path, headers={"Accept": accept})
    response = conn.getresponse()
    response.read()
    return response.status


class Phase:
    """Latencies and statuses by kind of request, for one phase of the run."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.lock = threading.Lock()

    def record(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1


def client(port: int, address: str, pages: list[str], phase: Phase, stop: threading.Event):
    rng = random.Random(address)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(address, 0))
    while not stop.is_set():
        if rng.random() < 0.7:
            kind, path, accept = "page", rng.choice(pages), "text/html"
        else:
            query = urllib.parse.quote(rng.choice(SIMPLE))
            kind, path, accept = "query", f"/sparql?query={query}", "application/json"
        started = time.perf_counter()
        try:
            status = request(conn, path, accept)
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=60, source_address=(address, 0)
            )
        phase.record(kind, time.perf_counter() - started, status)
    conn.close()


def runaway(port: int, phase: Phase, stop: threading.Event) -> None:
    """An attacker's loop: the cross product again as soon as it is answered."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=60, source_address=("127.0.0.2", 0)
    )
    path = "/sparql?query=" + urllib.parse.quote(RUNAWAY)
    while not stop.is_set():
        started = time.perf_counter()
        try:
            status = request(conn, path, "application/json")
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=60, source_address=("127.0.0.2", 0)
            )
        phase.record("runaway", time.perf_counter() - started, status)
    conn.close()


def tree_rss_mib(pid: int) -> float:
    """VmRSS of `pid` and its children (the query workers), in MiB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        todo += [int(c) for c in children]
    return total / 1024


def run_phase(port, pid, pages, clients, seconds, runaways) -> tuple[Phase, float]:
    phase, stop = Phase(), threading.Event()
    threads = [threading.Thread(target=runaway, args=(port, phase, stop)) for _ in range(runaways)]
    threads += [
        threading.Thread(target=client, args=(port, f"127.0.1.{i + 1}", pages, phase, stop))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    peak, deadline = 0.0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        peak = max(peak, tree_rss_mib(pid))
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    return phase, peak


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def report(name: str, phase: Phase, peak: float, seconds: float) -> dict:
    print(f"\n{name}: peak server RSS (process + workers) {peak:.0f} MiB")
    print(f"  {'kind':8} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    summary = {"peak_rss_mib": round(peak)}
    for kind in ("page", "query", "runaway"):
        values = phase.latencies.get(kind, [])
        if not values:
            continue
        statuses = dict(sorted(phase.statuses[kind].items()))
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        rate = len(values) / seconds
        print(f"  {kind:8} {len(values):8d} {rate:7.1f} {p50:8.1f} {p99:8.1f}  {statuses}")
        summary[kind] = {"requests": len(values), "p50_ms": p50, "p99_ms": p99, **statuses}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--runaways", type=int, default=4)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp) / "data", port)
        try:
            pages = page_paths(port)
            print(f"{len(pages)} pages, {len(SIMPLE)} simple queries, {args.clients} clients")
            alone = run_phase(port, server.pid, pages, args.clients, args.seconds, 0)
            loaded = run_phase(port, server.pid, pages, args.clients, args.seconds, args.runaways)
        finally:
            server.terminate()
            server.wait(timeout=30)
    results = {
        "anchor (no runaways)": report("anchor: the load alone", *alone, args.seconds),
        "with runaways": report(
            f"with {args.runaways} runaway loops from one address", *loaded, args.seconds
        ),
    }
    bad = {
        kind: {s: n for s, n in loaded[0].statuses[kind].items() if s != 200}
        for kind in ("page", "query")
    }
    worst = max(percentile(loaded[0].latencies[k], 0.99) for k in ("page", "query"))
    print(f"\nwith runaways: worst p99 of pages and queries {worst:.0f} ms (target < 1000);")
    print(f"errors other than the runaways' own: {bad}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
