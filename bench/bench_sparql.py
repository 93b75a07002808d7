"""Benchmark this server's SPARQL endpoint against `oxigraph serve` on the same data.

Generates about 1M triples shaped like mapped articles (one named graph per article holding
its events, participants, memberships and the labels of what it names), loads them into
our store and into an Oxigraph server, serves ours with waitress, then, for each server,
sends a fixed number of requests of a lookup query (one subject's triples) and of a join
query (events in a country with their participants' names) from a few client threads,
and prints throughput, p50 and p99 and the ratio ours/oxigraph (target for the join:
>= 0.8). Finally it streams the 1M-triple N-Quads dump from our server and reports its
speed and the server's peak memory. Everything runs on loopback and stops by itself.

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
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass
from pathlib import Path

BASE = "http://localhost:5000/"
DIP = "https://w3id.org/communique/diplomacy#"
SDO = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = [("Meeting", "040"), ("Visit", "042"), ("Talks", "043"), ("PhoneCall", "040")]
ROLES = ["foreign-minister", "president", "prime-minister", "ambassador", "deputy-minister"]
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

# The server process: the app as `communique serve` builds it, under waitress.
OUR_SERVER = """
import sys, waitress
from communique.server import sparql
from communique.server.app import create_app
app = create_app({"SPARQL_WORKERS": int(sys.argv[2]) or None})
if "sparql" not in app.blueprints:
    app.register_blueprint(sparql.bp)
waitress.serve(app, host="127.0.0.1", port=int(sys.argv[1]), threads=8)
"""


# -- data --------------------------------------------------------------------------------


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, datatype: str | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return f"{text}^^<{XSD}{datatype}>" if datatype else text


@dataclass
class Dataset:
    path: Path
    triples: int
    events: list[str]
    countries: list[str]


def generate(path: Path, target: int, seed: int = 42) -> Dataset:
    """Write about `target` quads in N-Quads: self-contained article graphs."""
    rng = random.Random(seed)
    countries = [
        "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)) for _ in range(400)
    ]
    countries = sorted(set(countries))[:200]
    people = [f"person-{i}" for i in range(20000)]
    events: list[str] = []
    count = 0
    with path.open("w", encoding="utf-8") as out:
        article_no = 0
        while count < target:
            article_no += 1
            day = (
                f"20{10 + article_no % 15:02d}-{1 + article_no % 12:02d}-{1 + article_no % 28:02d}"
            )
            key = f"{day}-{article_no:010x}"
            graph = iri(f"{BASE}graph/article/{key}")
            article = iri(f"{BASE}id/article/{key}")
            quads: list[tuple[str, str, str]] = []
            add = quads.append
            add((article, iri(RDF_TYPE), iri(DIP + "Article")))
            add((article, iri(SDO + "datePublished"), lit(day, "date")))
            add((article, iri(SDO + "headline"), lit(f"Headline of article {article_no}")))
            named_countries = rng.sample(countries, 2)
            # a few people are in the news often, most rarely
            named_people = {people[min(int(rng.paretovariate(1.2)) - 1, 19999)] for _ in range(2)}
            named_people.update(rng.sample(people, 2))
            for c in named_countries:
                country = iri(f"{BASE}id/country/{c}")
                add((country, iri(RDF_TYPE), iri(DIP + "Country")))
                add((country, iri(SDO + "name"), lit(f"Country {c}")))
                add((country, iri(DIP + "iso3"), lit(c)))
                add((article, iri(DIP + "mentions"), country))
            for p in named_people:
                person = iri(f"{BASE}id/person/{p}")
                add((person, iri(RDF_TYPE), iri(DIP + "Person")))
                add((person, iri(SDO + "name"), lit(p.replace("-", " ").title())))
                add((article, iri(DIP + "mentions"), person))
            kind, code = EVENT_TYPES[article_no % len(EVENT_TYPES)]
            concept = iri(f"https://w3id.org/communique/event-type/{code}")
            add((concept, iri(RDF_TYPE), iri(SKOS + "Concept")))
            add((concept, iri(SKOS + "prefLabel"), lit(kind)))
            add((concept, iri(SKOS + "notation"), lit(code)))
            for e in range(2):
                event_iri = f"{BASE}id/event/{key}-{e}"
                events.append(event_iri)
                event = iri(event_iri)
                add((event, iri(RDF_TYPE), iri(DIP + kind)))
                add((event, iri(DIP + "eventType"), concept))
                add((event, iri(DIP + "date"), lit(day, "date")))
                add((event, iri(DIP + "place"), iri(f"{BASE}id/country/{named_countries[e]}")))
                for p in sorted(named_people)[: 2 + e]:
                    add((event, iri(DIP + "participant"), iri(f"{BASE}id/person/{p}")))
                add((event, iri(PROV + "wasDerivedFrom"), article))
                add((event, iri(DIP + "evidence"), lit(f"Sentence {e} of article {article_no}.")))
            for m, p in enumerate(sorted(named_people)[:2]):
                membership = iri(f"{BASE}id/membership/{key}-{m}")
                add((membership, iri(RDF_TYPE), iri(DIP + "Membership")))
                add((membership, iri(ORG + "member"), iri(f"{BASE}id/person/{p}")))
                add(
                    (
                        membership,
                        iri(ORG + "role"),
                        iri(f"https://w3id.org/communique/role/{rng.choice(ROLES)}"),
                    )
                )
                add(
                    (
                        membership,
                        iri(ORG + "organization"),
                        iri(f"{BASE}id/country/{named_countries[m]}"),
                    )
                )
                add((membership, iri(DIP + "attestedOn"), lit(day, "date")))
                add((membership, iri(PROV + "wasDerivedFrom"), article))
            out.writelines(f"{s} {p} {o} {graph} .\n" for s, p, o in quads)
            count += len(quads)
    return Dataset(path, count, events, countries)


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


def load_ours(data_dir: Path, data: Path) -> float:
    import pyoxigraph as ox

    from communique.server.store import Store

    started = time.monotonic()
    with Store.open(data_dir, BASE) as store:
        store.ox.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.ox.optimize()  # compact now, not while serving (oxigraph gets the same)
    return time.monotonic() - started


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


def start_ours(data_dir: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "COMMUNIQUE_DATA": str(data_dir), "COMMUNIQUE_BASE": BASE}
    env["COMMUNIQUE_SPARQL_TIMEOUT"] = "60"
    command = [sys.executable, "-c", OUR_SERVER, str(port), str(workers)]
    return subprocess.Popen(command, env=env)


def start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    command = [
        str(VENV_BIN / "oxigraph"), "serve", "--location", str(location),
        "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "60",
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# -- load generation ---------------------------------------------------------------------


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


def run(port: int, path: str, queries: list[str], threads: int) -> Run:
    """Send every query once, from `threads` keep-alive connections; time each."""
    latencies: list[float] = []
    rows = 0
    lock = threading.Lock()
    todo = iter(queries)

    def client() -> None:
        nonlocal rows
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                query = next(todo, None)
            if query is None:
                break
            started = time.perf_counter()
            body = query_once(conn, path, query)
            elapsed = time.perf_counter() - started
            n = len(json.loads(body)["results"]["bindings"])
            with lock:
                latencies.append(elapsed)
                rows += n
        conn.close()

    workers = [threading.Thread(target=client) for _ in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return Run(time.perf_counter() - started, latencies, rows)


# -- dump --------------------------------------------------------------------------------


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
        ours_load = load_ours(tmp / "ours", dataset.path)
        oxigraph_load = load_oxigraph(tmp / "oxigraph", dataset.path)
        print(f"loaded and compacted: ours {ours_load:.1f} s, oxigraph {oxigraph_load:.1f} s")

        ours_port, oxi_port = free_port(), free_port()
        ours = start_ours(tmp / "ours", ours_port, args.workers)
        oxi = start_oxigraph(tmp / "oxigraph", oxi_port)
        processes += [ours, oxi]
        wait_until_up(ours_port, "/sparql", ours)
        wait_until_up(oxi_port, "/query", oxi)
        servers = {"ours": (ours_port, "/sparql"), "oxigraph": (oxi_port, "/query")}

        rng = random.Random(7)
        workloads = {
            "lookup": [LOOKUP.format(event=e) for e in rng.choices(dataset.events, k=args.lookups)],
            "join": [JOIN.format(iso3=c) for c in rng.choices(dataset.countries, k=args.joins)],
        }
        check_same_answers(servers, workloads)
        print(f"\nload average before the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(HEADER)
        for name, queries in workloads.items():
            results = compare(servers, queries, args.rounds, args.threads)
            for label, r in results.items():
                print(
                    f"{name:<8}{label:<10}{len(r.latencies):>9}{r.throughput:>9.1f}"
                    f"{r.percentile(0.5):>9.2f}{r.percentile(0.99):>9.2f}{r.rows:>10}"
                )
            ratio = results["ours"].throughput / results["oxigraph"].throughput
            target = " (target >= 0.80)" if name == "join" else ""
            print(f"{name:<8}ratio ours/oxigraph throughput: {ratio:.2f}{target}")

        dump = stream_dump(ours_port, ours.pid)
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
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
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
        print(f"{name}: {counts['ours']} rows for the first query on both servers")


def compare(servers: dict, queries: list[str], rounds: int, threads: int) -> dict[str, Run]:
    """Run `queries` against each server in rounds that alternate their order (ABBA), so
    that load from elsewhere on the machine weighs on both alike."""
    results = {label: Run(0.0, [], 0) for label in servers}
    for port, path in servers.values():
        run(port, path, queries[: max(10, len(queries) // 20)], threads)  # warm-up
    for i in range(rounds):
        chunk = queries[i::rounds]
        for label in list(servers) if i % 2 == 0 else list(reversed(servers)):
            port, path = servers[label]
            results[label].add(run(port, path, chunk, threads))
    return results


if __name__ == "__main__":
    sys.exit(main())
