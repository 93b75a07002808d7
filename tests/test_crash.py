"""Crash safety: SIGKILL in the middle of a batch leaves every article whole or absent."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from communique.server.store.articles import Store
from communique.server.store.terms import as_stored

BASE = "http://localhost:5000/"

# The writer runs in its own process; the test execs the same text to know what a whole
# article looks like. Its two versions of each article differ in size, so a torn replace
# (old triples dropped, new ones half in) would show.
WRITER = """
import datetime as dt, sys
from pathlib import Path
from rdflib import RDFS, Graph, Literal
from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter

MINT = Minter("http://localhost:5000/")
SIZES = (1500, 4000)
ARTICLES = 8

def version(k, size):
    article = Article(body=f"article {k}", date=dt.date(2024, 1, 1), source=f"a{k}")
    iri = MINT.article(article)
    g = Graph()
    for i in range(size):
        g.add((iri, RDFS.comment, Literal(f"version {size} line {i}")))
    return MappedArticle(article, iri, MINT.article_graph(article), g)

if __name__ == "__main__":
    from communique.server.store.articles import Store
    store = Store.open(Path(sys.argv[1]), "http://localhost:5000/", merged=sys.argv[2] == "1")
    for n in range(100_000):
        store.put_article(version(n % ARTICLES, SIZES[(n // ARTICLES) % 2]))
        print(n, flush=True)
"""


def kill_after(proc: subprocess.Popen, stream, marker: str, count: int, rng: random.Random):
    """Wait for `count` lines containing marker, then SIGKILL at a random moment after."""
    seen = 0
    while seen < count:
        line = stream.readline()
        if not line:
            pytest.fail(f"the process ended before it was killed (status {proc.wait()})")
        seen += marker in line
    # Not right after the line: Oxigraph writes its log in the background, so a kill within
    # a few ms finds the latest writes still in memory and would hide a torn write.
    time.sleep(rng.uniform(0.1, 0.5))
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    stream.close()


@pytest.mark.slow
@pytest.mark.parametrize("merged", [False, True], ids=["union", "merged"])
def test_sigkill_during_replaces_leaves_whole_graphs(tmp_path, merged):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, "utf-8")
    ns: dict = {"__name__": "writer"}
    exec(compile(WRITER, "writer", "exec"), ns)
    whole: dict[str, dict[int, object]] = {}  # graph IRI -> size -> graph
    for k in range(ns["ARTICLES"]):
        for size in ns["SIZES"]:
            mapped = ns["version"](k, size)
            whole.setdefault(str(mapped.graph_iri), {})[size] = mapped.graph
    data = tmp_path / "data"
    rng = random.Random(1)
    for attempt in range(4):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data), str(int(merged))],
            stdout=subprocess.PIPE,
            text=True,
        )
        kill_after(proc, proc.stdout, "", 3 + 7 * attempt, rng)
        with Store.open(data, BASE, merged=merged) as store:
            graphs = list(store.article_graphs())
            assert graphs, "nothing was stored before the kill"
            merge = Graph()
            for graph_iri in graphs:
                got = store.graph(graph_iri)
                assert len(got) in whole[graph_iri], f"torn graph: {len(got)} triples"
                assert isomorphic(got, whole[graph_iri][len(got)])
                merge += got
            if merged:  # the merge moved with the graphs, in the same transactions
                assert store.count_default() == len(merge)


def write_batch(folder: Path, corpus: Path, copies: int) -> Path:
    """A JSON Lines batch: the corpus articles under distinct URLs (distinct article IRIs)."""
    from communique.mapping.reading.reader import read_paths

    articles = [a for a in read_paths([corpus]) if not isinstance(a, Exception)]
    folder.mkdir()
    batch = folder / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for n in range(copies):
            a = articles[n % len(articles)]
            record = {"text": a.body, "date": a.date.isoformat(), "url": f"https://ex.org/{n}"}
            out.write(json.dumps(record) + "\n")
    return batch


def ingest_process(data: Path, batch: Path) -> subprocess.Popen:
    code = "from communique.server.cli import main; main()"
    args = [sys.executable, "-c", code, "-v", "ingest", "--data", str(data), "--base", BASE]
    return subprocess.Popen([*args, str(batch)], stderr=subprocess.PIPE, text=True)


def processes_mentioning(text: str) -> list[int]:
    """PIDs of live processes whose command line contains text."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if text in (proc / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def check_whole_or_absent(data: Path, expected: dict[str, object]) -> set[str]:
    """Every stored article graph equals a fresh mapping of its article; returns the stored."""
    with Store.open(data, BASE) as store:
        stored = set(store.article_graphs())
        for graph_iri in stored:
            assert isomorphic(store.graph(graph_iri), expected[graph_iri]), graph_iri
    return stored


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_completes(tmp_path, dev_corpus, nlp):
    from communique.mapping.pipeline import map_article
    from communique.mapping.reading.reader import read_path

    batch = write_batch(tmp_path / "in", dev_corpus / "articles", copies=48)
    expected = {}
    for article in read_path(batch):
        mapped = map_article(article, base=BASE, nlp=nlp)
        expected[str(mapped.graph_iri)] = as_stored(mapped.graph)
    data = tmp_path / "data"

    proc = ingest_process(data, batch)
    kill_after(proc, proc.stderr, "stored", 4, random.Random(2))
    time.sleep(1.5)  # the validation helper notices its parent is gone within 0.5 s
    assert not processes_mentioning(str(batch)), "the killed ingest left a process behind"
    stored = check_whole_or_absent(data, expected)
    assert 4 <= len(stored) < len(expected), "the kill did not land mid-batch"

    proc = ingest_process(data, batch)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert check_whole_or_absent(data, expected) == set(expected)
