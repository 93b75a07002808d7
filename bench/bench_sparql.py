"""Benchmark this server's SPARQL endpoint against `oxigraph serve` on the same data.

Generates about 1M triples shaped like mapped articles (one named graph per article holding
its events, participants, memberships and the labels of what it names), loads them into
our store and into an Oxigraph server, serves ours with `communique serve`, then, for each server,
sends a fixed number of requests of a lookup query (one subject's triples), of a join
query inside each article graph (events in a country with their participants' names) and
of the same join over the default graph (the merged default graph; on ours only, as
oxigraph's union default graph repeats shared triples and blows up) from a few client
threads, and prints throughput, p50 and p99 and the ratio ours/oxigraph (targets: join
>= 0.8, lookup >= 0.35). Beside them runs the engine's ceiling: the same queries answered
by pyoxigraph inside the benchmark's process, on a checkpoint of our store, from as many
threads, with no HTTP, Flask or worker process; its ratio to oxigraph tells how much of
our gap is the engine binding and how much our request path. Then it streams the N-Quads
dump from our server and reports its speed and the server's peak memory. Last, with the
servers stopped, it times the read-only snapshots the query workers use (one per store
version) on the loaded store: last because its writes leave small files in our store
that would slow every read measured after them. Everything runs on loopback and stops
by itself.

    .venv/bin/python bench/bench_sparql.py [--triples 1000000] [--threads 4]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
from _http_load import Run, app_process, query_once, run, stream_dump
from _local_load import run_local
from _synthetic import BASE, DIP, Dataset, generate

VENV_BIN = Path(sys.executable).parent

LOOKUP = "SELECT ?p ?o WHERE {{ <{event}> ?p ?o }}"
JOIN = """PREFIX dip: <https://w3id.org/communique/diplomacy#>
PREFIX schema: <https://schema.org/>
SELECT ?event ?date ?name ?country WHERE {{
  GRAPH ?g {{
    ?c dip:iso3 "{iso3}" ; schema:name ?country .
    ?event dip:place ?c ; dip:date ?date ; dip:participant ?person .
    ?person schema:name ?name .
  }}
}} ORDER BY ?date ?event ?name"""
JOIN_DEFAULT_GRAPH = """PREFIX dip: <https://w3id.org/communique/diplomacy#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?event ?date ?name ?country WHERE {{
  ?c dip:iso3 "{iso3}" ; schema:name ?country .
  ?event dip:place ?c ; dip:date ?date ; dip:participant ?person .
  ?person schema:name ?name .
}} ORDER BY ?date ?event ?name"""

# Both servers' time limit. Short because Oxigraph server keeps a thread (and its memory
# maps) per query for the whole limit: at 60 s it ran out of maps and aborted after some
# 16,000 queries within a minute, which one run of these benchmarks can send.
QUERY_SECONDS = "10"

# -- servers -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, path: str, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path + "?query=" + urllib.parse.quote("ASK {}"))
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server on port {port} did not come up in {seconds} s")


def stop_processes(processes: list[subprocess.Popen]) -> None:
    """Stop the servers: a terminate each, then a kill for any still up after 15 s."""
    for p in processes:
        p.terminate()
    for p in processes:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()


def load_ours(data_dir: Path, data: Dataset) -> float:
    from communique.server.store.articles import Store

    started = time.monotonic()
    with Store.open(data_dir, BASE) as store:
        store.ox.bulk_load(path=str(data.path), format=ox.RdfFormat.N_QUADS)
        if store.merged:  # the merged default graph, as put_article would have kept it
            store.ox.bulk_load(path=str(data.merge_path), format=ox.RdfFormat.N_TRIPLES)
        store.ox.optimize()  # compact now, not while serving (oxigraph gets the same)
    return time.monotonic() - started


def snapshot_ours(data_dir: Path, path: Path) -> Path:
    """A checkpoint of our loaded store, as a query worker opens it, for the in-process run."""
    from communique.server.store.articles import Store

    with Store.open(data_dir, BASE) as store:
        store.ox.backup(str(path))
    return path


def time_snapshots(data_dir: Path, rounds: int = 10) -> None:
    """The cost of the query workers' snapshots on the loaded store: a write, then the
    snapshot the next query makes, then a worker opening it and answering a lookup."""
    import datetime as dt

    from rdflib import RDF, Graph, URIRef

    from communique.mapping.article import Article, MappedArticle
    from communique.server.sparql.snapshots import SNAPSHOTS_DIR, Snapshots
    from communique.server.store.articles import Store

    with Store.open(data_dir, BASE) as store:
        snapshots = Snapshots(store, data_dir / SNAPSHOTS_DIR)
        made, opened = [], []
        for i in range(rounds):
            key = f"2030-01-01-{i:010x}"
            iri = URIRef(f"{BASE}id/article/{key}")
            article = Article(body=key, date=dt.date(2030, 1, 1), source="bench")
            graph = Graph()
            graph.add((iri, RDF.type, URIRef(DIP + "Article")))
            store.put_article(
                MappedArticle(article, iri, URIRef(f"{BASE}graph/article/{key}"), graph)
            )
            started = time.perf_counter()
            snapshot = snapshots.acquire()
            made.append(time.perf_counter() - started)
            started = time.perf_counter()
            reader = ox.Store.read_only(str(snapshot.path))
            assert reader.query(f"ASK {{ <{iri}> ?p ?o }}")  # the write is in it
            opened.append(time.perf_counter() - started)
            del reader
            snapshots.release(snapshot)
            store.delete_article(str(iri))
        snapshots.close()
        total = store.count()
    print(
        f"snapshot of {total:,} quads after a write: "
        f"median {statistics.median(made) * 1000:.1f} ms, max {max(made) * 1000:.1f} ms; "
        "a worker opening it and answering: "
        f"median {statistics.median(opened) * 1000:.1f} ms ({rounds} rounds)"
    )


def load_oxigraph(location: Path, data: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        [str(VENV_BIN / "oxigraph"), "load", "--location", str(location), "--file", str(data)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    subprocess.run(
        [str(VENV_BIN / "oxigraph"), "optimize", "--location", str(location)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def start_ours(data_dir: Path, port: int, workers: int, clients: int) -> subprocess.Popen:
    env = {**os.environ, "COMMUNIQUE_DATA": str(data_dir), "COMMUNIQUE_BASE": BASE}
    env["COMMUNIQUE_SPARQL_TIMEOUT"] = QUERY_SECONDS
    if workers:
        env["COMMUNIQUE_SPARQL_WORKERS"] = str(workers)
    # each client thread stands for a client of its own: none is held to one client's
    # share of the workers (all come from 127.0.0.1), which would answer 503s here
    env["COMMUNIQUE_SPARQL_CLIENT_QUERIES"] = str(clients)
    command = [str(VENV_BIN / "communique"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env)


def start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    command = [
        str(VENV_BIN / "oxigraph"), "serve", "--location", str(location),
        "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", QUERY_SECONDS,
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# -- main --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=4, help="client threads")
    parser.add_argument("--lookups", type=int, default=2000, help="lookup requests per server")
    parser.add_argument("--joins", type=int, default=400, help="join requests per server")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds per query")
    parser.add_argument("--workers", type=int, default=0, help="our SPARQL_WORKERS (0: default)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    processes: list[subprocess.Popen] = []
    try:
        started = time.monotonic()
        dataset = generate(tmp / "data.nq", args.triples)
        print(f"generated {dataset.triples:,} quads in {time.monotonic() - started:.1f} s")
        ours_load = load_ours(tmp / "ours", dataset)
        oxigraph_load = load_oxigraph(tmp / "oxigraph", dataset.path)
        print(f"loaded and compacted: ours {ours_load:.1f} s, oxigraph {oxigraph_load:.1f} s")
        engine_path = snapshot_ours(tmp / "ours", tmp / "engine")

        ours_port, oxi_port = free_port(), free_port()
        ours = start_ours(tmp / "ours", ours_port, args.workers, args.threads)
        oxi = start_oxigraph(tmp / "oxigraph", oxi_port)
        processes += [ours, oxi]
        wait_until_up(ours_port, "/sparql", ours)
        wait_until_up(oxi_port, "/query", oxi)
        servers = {"ours": (ours_port, "/sparql"), "oxigraph": (oxi_port, "/query")}

        rng = random.Random(7)
        workloads = {
            "lookup": [LOOKUP.format(event=e) for e in rng.choices(dataset.events, k=args.lookups)],
            "join": [JOIN.format(iso3=c) for c in rng.choices(dataset.countries, k=args.joins)],
            "join-dg": [
                JOIN_DEFAULT_GRAPH.format(iso3=c)
                for c in rng.choices(dataset.countries, k=args.joins)
            ],
        }
        # Oxigraph's union default graph repeats a shared triple once per graph, so the
        # default-graph join explodes there (at 1M quads it grew past 18 GB in 2 min):
        # that workload runs on our server only.
        only_ours = {"join-dg": ("ours",)}
        check_same_answers(servers, {k: v for k, v in workloads.items() if k not in only_ours})
        print(f"\nload average before the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(HEADER)
        runners = {label: over_http(*where) for label, where in servers.items()}
        # the engine's ceiling: pyoxigraph in this process on a checkpoint of our store,
        # with our default graph (the merged one: no union)
        engine = ox.Store.read_only(str(engine_path))
        runners["engine"] = lambda queries, threads: run_local(
            engine, queries, threads, union=False
        )
        for name, queries in workloads.items():
            chosen = {k: runners[k] for k in only_ours.get(name, runners)}
            results = compare(chosen, queries, args.rounds, args.threads)
            for label, r in results.items():
                print(
                    f"{name:<8}{label:<10}{len(r.latencies):>9}{r.throughput:>9.1f}"
                    f"{r.percentile(0.5):>9.2f}{r.percentile(0.99):>9.2f}{r.rows:>10}"
                )
            if "oxigraph" not in results:
                continue
            ratio = results["ours"].throughput / results["oxigraph"].throughput
            target = {"join": " (target >= 0.80)", "lookup": " (target >= 0.35)"}.get(name, "")
            print(f"{name:<8}ratio ours/oxigraph throughput: {ratio:.2f}{target}")
            ceiling = results["engine"].throughput / results["oxigraph"].throughput
            print(f"{name:<8}ratio engine in-process/oxigraph throughput: {ceiling:.2f}")

        dump = stream_dump(ours_port, app_process(ours.pid))
        print(
            f"\ndump /dumps/communique.nq.gz: {dump['quads']:,} quads, "
            f"{dump['raw'] / 2**20:.1f} MiB N-Quads ({dump['compressed'] / 2**20:.1f} MiB gzip) "
            f"in {dump['seconds']:.1f} s = {dump['quads'] / dump['seconds']:,.0f} quads/s, "
            f"{dump['raw'] / 2**20 / dump['seconds']:.1f} MiB/s uncompressed"
        )
        print(
            f"server memory (RSS): {dump['baseline_mib']:.0f} MiB before the dump, "
            f"peak {dump['peak_mib']:.0f} MiB during it; "
            f"process peak (VmHWM) {dump['hwm_mib']:.0f} MiB"
        )
        stop_processes(processes)
        # last: its writes leave small files in our store that every later read of it
        # would pay for, while oxigraph's store stays as loaded and compacted
        time_snapshots(tmp / "ours")
    finally:
        stop_processes(processes)
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


HEADER = (
    f"{'query':<8}{'server':<10}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'rows':>10}"
)


def check_same_answers(servers: dict, workloads: dict[str, list[str]]) -> None:
    """The first query of each workload gives as many rows on both servers (a fair match)."""
    for name, queries in workloads.items():
        counts = {}
        for label, (port, path) in servers.items():
            body = query_once(http.client.HTTPConnection("127.0.0.1", port), path, queries[0])
            counts[label] = len(json.loads(body)["results"]["bindings"])
        if len(set(counts.values())) != 1:
            raise RuntimeError(f"{name}: the servers disagree: {counts}")
        print(f"{name}: {next(iter(counts.values()))} rows for the first query on every server")


def compare(runners: dict, queries: list[str], rounds: int, threads: int) -> dict[str, Run]:
    """Run `queries` on each runner (label: function of the queries and the thread count)
    in rounds that alternate their order (ABBA), so that load from elsewhere on the machine
    weighs on all alike."""
    results = {label: Run(0.0, [], 0) for label in runners}
    for send in runners.values():
        send(queries[: max(10, len(queries) // 20)], threads)  # warm-up
    for i in range(rounds):
        chunk = queries[i::rounds]
        for label in list(runners) if i % 2 == 0 else list(reversed(runners)):
            results[label].add(runners[label](chunk, threads))
    return results


def over_http(port: int, path: str):
    return lambda queries, threads: run(port, path, queries, threads)


if __name__ == "__main__":
    sys.exit(main())
