"""Both stores side by side: the embedded Oxigraph and a remote engine (`oxigraph serve`).

In one run, on the same synthetic data (bench/_synthetic.py, shaped like mapped articles):

- ingest: mapped articles stored in batches of 16 into each store, articles/s;
- through our server (`communique serve`), once over each store:
  SPARQL lookups (one subject's triples) and joins (events in a country with their
  participants' names, inside each article graph), and resource pages (HTML), with
  throughput, p50 and p99;
- the same SPARQL straight to the engine, so the overhead of our layer over the remote
  engine is a ratio (target for the join: ours over the engine >= 0.8 x the engine alone);
- the same SPARQL through a bare Python proxy (bench/_bare_proxy.py: no Flask, no checks,
  under the same granian), the least any Python layer in front of the engine costs.

The comparison runs in two CPU layouts. "shared": every process may use every core, so
on a small machine our server, the engine and the bench's clients take CPU time from one
another, and the ratio says how much CPU our layer adds per query. "split": the engine
has CPU 0 to itself (as on a machine of its own, the deployment this store is for), our
server and the clients have the others, so the ratio says whether our layer keeps the
engine from answering at its own pace. The engine alone has the same CPU in both of its
runs of a layout.

The join target is read in the split layout: a remote engine is for data or traffic that
outgrew one machine, so it runs on hardware of its own, and what our layer must not do is
slow it down. The shared layout prices our CPU instead; there the bare proxy is the bound
(on 2 cores it reached about 0.87 of the engine alone, our server about 0.73).

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


def on_cpus(cpus: set[int] | None):
    """A Popen preexec_fn keeping the child on `cpus` (None: anywhere)."""
    return None if cpus is None else lambda: os.sched_setaffinity(0, cpus)


def start_engine(location: Path, port: int, cpus: set[int] | None = None) -> subprocess.Popen:
    """`oxigraph serve` as our remote store expects it: its own default graph."""
    command = [
        str(VENV_BIN / "oxigraph"), "serve", "--location", str(location),
        "--bind", f"127.0.0.1:{port}", "--timeout-s", QUERY_SECONDS,
    ]  # fmt: skip
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=on_cpus(cpus)
    )


def start_ours(store: str, port: int, cpus: set[int] | None = None) -> subprocess.Popen:
    env = {**os.environ, "COMMUNIQUE_STORE": store, "COMMUNIQUE_BASE": BASE}
    env["COMMUNIQUE_SPARQL_TIMEOUT"] = QUERY_SECONDS
    # the bench's client threads come from one address: let each have a query running
    env["COMMUNIQUE_SPARQL_CLIENT_QUERIES"] = "16"
    command = [str(VENV_BIN / "communique"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, preexec_fn=on_cpus(cpus))


def start_bare_proxy(engine_port: int, port: int, cpus: set[int] | None = None) -> subprocess.Popen:
    """The reference of bench/_bare_proxy.py, under granian as `communique serve` runs."""
    env = {**os.environ, "ENGINE_PORT": str(engine_port)}
    command = [
        str(VENV_BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
        "--port", str(port), "--workers", "1", "--blocking-threads", "8",
        "--log-level", "error", "_bare_proxy:app",
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, cwd=Path(__file__).parent, preexec_fn=on_cpus(cpus))


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
    parser.add_argument(
        "--layouts", default="shared,split", help="CPU layouts to compare in (shared, split)"
    )
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    processes: list[subprocess.Popen] = []
    try:
        ingest_side_by_side(tmp, args.articles, processes)
        dataset = generate(tmp / "data.nq", args.triples)
        load_ours(tmp / "embedded", dataset)
        load_oxigraph(tmp / "engine", dataset.path)
        for layout in args.layouts.split(","):
            serve_and_compare(tmp, dataset, layout, args, processes)
            stop_processes(processes)
            processes.clear()
    finally:
        stop_processes(processes)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def layout_cpus(layout: str) -> tuple[set[int] | None, set[int] | None]:
    """The CPUs of the engine, and of our servers and the clients, in a layout."""
    if layout == "shared":
        return None, None
    cpus = os.sched_getaffinity(0)
    if layout != "split" or len(cpus) < 2:
        raise SystemExit(f"layout {layout!r}: needs 'shared', or 'split' and 2 CPUs or more")
    engine = min(cpus)
    return {engine}, cpus - {engine}


def serve_and_compare(
    tmp: Path, dataset, layout: str, args: argparse.Namespace, processes: list
) -> None:
    """Start the engine and our two servers in a CPU layout; compare their answers."""
    engine_cpus, our_cpus = layout_cpus(layout)
    everywhere = os.sched_getaffinity(0)
    engine_port = free_port()
    engine = start_engine(tmp / "engine", engine_port, engine_cpus)
    processes.append(engine)
    wait_until_up(engine_port, "/query", engine)
    engine_url = f"http://127.0.0.1:{engine_port}"
    from communique.server.store.articles import Store

    with Store.open_url(engine_url, BASE):  # state, merged default graph, feed: once
        pass
    ports = {"embedded": free_port(), "remote": free_port(), "bare": free_port()}
    for label, store in (("embedded", str(tmp / "embedded")), ("remote", engine_url)):
        processes.append(start_ours(store, ports[label], our_cpus))
        wait_until_up(ports[label], "/sparql", processes[-1])
    processes.append(start_bare_proxy(engine_port, ports["bare"], our_cpus))
    wait_until_up(ports["bare"], "/sparql", processes[-1])
    servers = {
        "ours/emb": (ports["embedded"], "/sparql"),
        "ours/rem": (ports["remote"], "/sparql"),
        "bare/rem": (ports["bare"], "/sparql"),
        "engine": (engine_port, "/query"),
    }
    rng = random.Random(7)
    workloads = {
        "lookup": [LOOKUP.format(event=e) for e in rng.choices(dataset.events, k=args.lookups)],
        "join": [JOIN.format(iso3=c) for c in rng.choices(dataset.countries, k=args.joins)],
    }
    check_same_answers(servers, workloads)
    where = (
        "every CPU for all"
        if engine_cpus is None
        else (
            f"the engine on CPU {sorted(engine_cpus)}, ours and the clients on {sorted(our_cpus)}"
        )
    )
    print(f"\nlayout {layout}: {where}")
    print(f"load average before the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(HEADER)
    os.sched_setaffinity(0, our_cpus or everywhere)  # the client threads
    try:
        compare_workloads(servers, workloads, layout, args)
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
        os.sched_setaffinity(0, everywhere)


def compare_workloads(
    servers: dict, workloads: dict, layout: str, args: argparse.Namespace
) -> None:
    """Each workload on every server, its figures and the ratios to the engine alone."""
    for name, queries in workloads.items():
        runners = {label: over_http(*where) for label, where in servers.items()}
        results = compare(runners, queries, args.rounds, args.threads)
        for label, r in results.items():
            print(
                f"{name:<8}{label:<10}{len(r.latencies):>9}{r.throughput:>9.1f}"
                f"{r.percentile(0.5):>9.2f}{r.percentile(0.99):>9.2f}{r.rows:>10}"
            )
        engine = results["engine"].throughput
        ratio = results["ours/rem"].throughput / engine
        target = " (target >= 0.80)" if name == "join" and layout == "split" else ""
        print(f"{name:<8}{layout}: ours over the engine / the engine alone: {ratio:.2f}{target}")
        bare = results["bare/rem"].throughput / engine
        print(f"{name:<8}{layout}: a bare Python proxy / the engine alone: {bare:.2f}")


if __name__ == "__main__":
    sys.exit(main())
