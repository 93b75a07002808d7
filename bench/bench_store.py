"""Both stores side by side: the embedded Oxigraph and a remote engine (`oxigraph serve`).

In one run, on the same synthetic data (bench/_synthetic.py, shaped like mapped articles):

- ingest: mapped articles stored in batches of 16 into each store, articles/s;
- through our server (`communique serve`), once over each store:
  SPARQL lookups (one subject's triples) and joins (events in a country with their
  participants' names, inside each article graph), and resource pages (HTML), with
  throughput, p50 and p99;
- the same SPARQL straight to the engine, so the overhead of our layer over the remote
  engine is a ratio (target for the join: ours over the engine >= 0.8 x the engine alone).

Everything runs on loopback, in a temporary folder, and stops by itself.

    .venv/bin/python bench/bench_store.py [--triples 200000] [--articles 400] [--threads 4]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from _http_load import Run
from _synthetic import BASE, generate
from bench_feed import BATCH, synthetic
from bench_sparql import (
    HEADER,
    JOIN,
    LOOKUP,
    QUERY_SECONDS,
    VENV_BIN,
    check_same_answers,
    compare,
    free_port,
    load_ours,
    load_oxigraph,
    over_http,
    stop_processes,
    wait_until_up,
)


def start_engine(location: Path, port: int) -> subprocess.Popen:
    """`oxigraph serve` as our remote store expects it: its own default graph."""
    command = [
        str(VENV_BIN / "oxigraph"), "serve", "--location", str(location),
        "--bind", f"127.0.0.1:{port}", "--timeout-s", QUERY_SECONDS,
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_ours(store: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "COMMUNIQUE_STORE": store, "COMMUNIQUE_BASE": BASE}
    env["COMMUNIQUE_SPARQL_TIMEOUT"] = QUERY_SECONDS
    # the bench's client threads come from one address: let each have a query running
    env["COMMUNIQUE_SPARQL_CLIENT_QUERIES"] = "16"
    command = [str(VENV_BIN / "communique"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env)


def time_ingest(open_store, mapped: list) -> float:
    """Articles/s storing `mapped` in batches into a store `open_store()` opens fresh."""
    with open_store() as store:
        started = time.perf_counter()
        for i in range(0, len(mapped), BATCH):
            store.put_articles(mapped[i : i + BATCH])
        store.flush()
        return len(mapped) / (time.perf_counter() - started)


def ingest_side_by_side(tmp: Path, articles: int, processes: list) -> None:
    from communique.server.store.articles import Store

    mapped = synthetic(articles)
    port = free_port()
    engine = start_engine(tmp / "ingest-engine", port)
    processes.append(engine)
    wait_until_up(port, "/query", engine)
    url = f"http://127.0.0.1:{port}"
    embedded = time_ingest(lambda: Store.open(tmp / "ingest-embedded", BASE), mapped)
    remote = time_ingest(lambda: Store.open_url(url, BASE), mapped)
    print(f"ingest of {articles} articles (~100 triples each) in batches of {BATCH}:")
    print(f"  embedded {embedded:8.1f} articles/s")
    print(f"  remote   {remote:8.1f} articles/s  ({remote / embedded:.2f} x embedded)")


def pages(port: int, paths: list[str], threads: int) -> Run:
    """GET each resource page as a browser would (HTML), timed like the SPARQL runs."""
    started = time.perf_counter()
    latencies = []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for path in paths:
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Accept": "text/html"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
        latencies.append(time.perf_counter() - t0)
    return Run(time.perf_counter() - started, latencies, len(paths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--articles", type=int, default=400, help="articles for the ingest")
    parser.add_argument("--threads", type=int, default=4, help="client threads")
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--joins", type=int, default=1200)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    processes: list[subprocess.Popen] = []
    try:
        ingest_side_by_side(tmp, args.articles, processes)
        dataset = generate(tmp / "data.nq", args.triples)
        load_ours(tmp / "embedded", dataset)
        load_oxigraph(tmp / "engine", dataset.path)
        engine_port = free_port()
        engine = start_engine(tmp / "engine", engine_port)
        processes.append(engine)
        wait_until_up(engine_port, "/query", engine)
        engine_url = f"http://127.0.0.1:{engine_port}"
        from communique.server.store.articles import Store

        with Store.open_url(engine_url, BASE):  # state, merged default graph, feed: once
            pass
        ports = {"embedded": free_port(), "remote": free_port()}
        for label, store in (("embedded", str(tmp / "embedded")), ("remote", engine_url)):
            processes.append(start_ours(store, ports[label]))
            wait_until_up(ports[label], "/sparql", processes[-1])
        servers = {
            "ours/emb": (ports["embedded"], "/sparql"),
            "ours/rem": (ports["remote"], "/sparql"),
            "engine": (engine_port, "/query"),
        }
        rng = random.Random(7)
        workloads = {
            "lookup": [LOOKUP.format(event=e) for e in rng.choices(dataset.events, k=args.lookups)],
            "join": [JOIN.format(iso3=c) for c in rng.choices(dataset.countries, k=args.joins)],
        }
        check_same_answers(servers, workloads)
        print(f"\nload average before the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(HEADER)
        for name, queries in workloads.items():
            runners = {label: over_http(*where) for label, where in servers.items()}
            results = compare(runners, queries, args.rounds, args.threads)
            for label, r in results.items():
                print(
                    f"{name:<8}{label:<10}{len(r.latencies):>9}{r.throughput:>9.1f}"
                    f"{r.percentile(0.5):>9.2f}{r.percentile(0.99):>9.2f}{r.rows:>10}"
                )
            ratio = results["ours/rem"].throughput / results["engine"].throughput
            target = " (target >= 0.80)" if name == "join" else ""
            print(f"{name:<8}ratio ours over the engine / the engine alone: {ratio:.2f}{target}")
        paths = [
            "/id/event/" + urllib.parse.quote(e.rsplit("/", 1)[1])
            for e in rng.choices(dataset.events, k=args.pages)
        ]
        for label in ("embedded", "remote"):
            r = pages(ports[label], paths, 1)
            print(
                f"{'page':<8}{'ours/' + label[:3]:<10}{len(r.latencies):>9}{r.throughput:>9.1f}"
                f"{r.percentile(0.5):>9.2f}{r.percentile(0.99):>9.2f}"
            )
    finally:
        stop_processes(processes)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
