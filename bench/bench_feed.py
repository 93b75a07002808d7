"""Feed benchmark (issue 15).

Part 1 (writes): the same writes into fresh on-disk stores with the feed and without it,
interleaved, side by side: synthetic article graphs (~100 triples, batches of 16 as ingest
stores them), and full ingest (map + SHACL + store) of the example articles. Prints
articles/s, members/s appended and the ratio with/without (target >= 0.90).
Part 2 (replay): a store of N members served by `communique serve`, replayed by the
`follow` client (its Follower class, in this process) into an empty copy: members/s.

    .venv/bin/python bench/bench_feed.py                    # both parts, 10k members
    .venv/bin/python bench/bench_feed.py --members 2000     # a smaller replay
    .venv/bin/python bench/bench_feed.py --skip-full        # no spaCy: synthetic writes only
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_ingest import BASE, EXAMPLES, synthetic_article
from rdflib import Graph, URIRef

BATCH = 16  # articles per transaction, as server/ingest/ingest.py stores them


def synthetic(count: int, seed: int = 5) -> list:
    """`count` mapped articles of ~100 triples, parsed once (not timed)."""
    from communique.mapping.article import Article, MappedArticle

    rng, out = random.Random(seed), []
    for k in range(count):
        text = "".join(f"{s} {p} {o} .\n" for s, p, o in synthetic_article(k, rng))
        key = f"2024-01-01-{k:010x}"
        article = Article(body=str(k), date=dt.date(2024, 1, 1), source="bench")
        iri, graph = URIRef(f"{BASE}id/article/{key}"), URIRef(f"{BASE}graph/article/{key}")
        out.append(MappedArticle(article, iri, graph, Graph().parse(data=text, format="nt")))
    return out


def time_puts(mapped: list, feed: bool) -> float:
    """Seconds to store `mapped` in batches into a fresh on-disk store, flushed."""
    from communique.server.store.articles import Store

    folder = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    try:
        with Store.open(folder, BASE, feed=feed) as store:
            started = time.perf_counter()
            for i in range(0, len(mapped), BATCH):
                store.put_articles(mapped[i : i + BATCH])
            store.flush()
            return time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def time_ingest(articles: list, nlp, feed: bool) -> float:
    """Seconds of full ingest (map, validate inline, store) into a fresh on-disk store."""
    from communique.server.ingest.ingest import ingest_items
    from communique.server.store.articles import Store

    folder = Path(tempfile.mkdtemp(prefix="bench-feed-ingest-"))
    try:
        with Store.open(folder, BASE, feed=feed) as store:
            store.ensure_reference()
            started = time.perf_counter()
            outcomes = list(ingest_items(store, articles, base=BASE, nlp=nlp, workers=0))
            store.flush()
            assert all(o.stored for o in outcomes), [o.error for o in outcomes if not o.stored]
            return time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def side_by_side(label: str, n: int, timer, runs: int) -> None:
    """Interleaved runs with and without the feed (the machine's load drifts), medians of
    wall-clock and of this process's CPU time (less moved by other processes)."""
    wall: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(runs):
        for feed in (False, True):
            started = time.process_time()
            wall[feed].append(timer(feed))
            cpu[feed].append(time.process_time() - started)
    without, with_feed = (statistics.median(wall[f]) for f in (False, True))
    cpu_ratio = statistics.median(cpu[False]) / statistics.median(cpu[True])
    print(f"{label} ({n} articles, median of {runs} interleaved runs):")
    print(f"  without the feed: {n / without:8.1f} articles/s")
    print(f"  with the feed:    {n / with_feed:8.1f} articles/s", end="")
    print(f" = {n / with_feed:.1f} members/s appended")
    print(f"  ratio with/without: {without / with_feed:.2f} wall-clock", end="")
    print(f", {cpu_ratio:.2f} CPU time (target >= 0.90)")


def bench_writes(articles: int, runs: int, full: bool, repeat: int) -> None:
    mapped = synthetic(articles)
    side_by_side("store writes, synthetic", len(mapped), lambda f: time_puts(mapped, f), runs)
    if not full:
        return
    from communique.mapping.nlp.loading import load_pipeline
    from communique.mapping.reading.reader import read_paths

    texts = [a for a in read_paths([EXAMPLES]) if not isinstance(a, Exception)] * repeat
    nlp = load_pipeline()
    time_ingest(texts[:2], nlp, feed=True)  # warm up: lazy loads, caches
    side_by_side("full ingest, examples", len(texts), lambda f: time_ingest(texts, nlp, f), runs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_replay(members: int) -> None:
    from communique.server.feed.follow import Follower
    from communique.server.store.articles import Store

    work = Path(tempfile.mkdtemp(prefix="bench-feed-replay-"))
    try:
        source = work / "source"
        started = time.perf_counter()
        with Store.open(source, BASE) as store:
            mapped = synthetic(members - 1, seed=9)  # and the reference data's member
            store.ensure_reference()
            for i in range(0, len(mapped), 100):
                store.put_articles(mapped[i : i + 100])
            quads = store.count()
        print(f"\nreplay: a source of {members} members, {quads} quads", end="")
        print(f" (built in {time.perf_counter() - started:.0f} s)")
        port = free_port()
        server = serve(source, port)
        try:
            follower = Follower(f"http://127.0.0.1:{port}/feed", work / "copy")
            started = time.perf_counter()
            applied = follower.run(once=True, interval=1)
            seconds = time.perf_counter() - started
            copied = follower.store.count()
            follower.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(
            f"follow --once: {applied} members in {seconds:.1f} s = {applied / seconds:.0f}", end=""
        )
        print(f" members/s ({quads / seconds:.0f} quads/s); the copy holds {copied} quads", end="")
        print(" (equal)" if copied == quads else " (DIFFERENT)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def serve(data: Path, port: int) -> subprocess.Popen:
    """`communique serve` on the data folder, once it answers /feed."""
    command = [
        str(Path(sys.executable).parent / "communique"), "serve", "--host", "127.0.0.1",
        "--port", str(port), "--data", str(data), "--base", BASE,
    ]  # fmt: skip
    env = {**os.environ, "COMMUNIQUE_SPARQL_WORKERS": "1"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/feed", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="synthetic articles written")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs of each")
    parser.add_argument("--repeat", type=int, default=8, help="copies of the examples ingested")
    parser.add_argument("--members", type=int, default=10_000, help="members replayed")
    parser.add_argument("--skip-full", action="store_true", help="no full ingest (no spaCy)")
    parser.add_argument("--skip-replay", action="store_true")
    args = parser.parse_args()
    bench_writes(args.articles, args.runs, not args.skip_full, args.repeat)
    if not args.skip_replay:
        bench_replay(args.members)


if __name__ == "__main__":
    main()
