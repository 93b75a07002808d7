"""Crash safety: SIGKILL in the middle of a batch leaves every article whole or absent."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import crash_writer
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from communique.server.store.articles import Store
from communique.server.store.terms import as_stored

BASE = "http://localhost:5000/"

SIZES = (1500, 4000)  # the two versions of each article: a torn replace would show
WRITTEN = 8  # articles


@pytest.mark.slow
@pytest.mark.parametrize("merged", [False, True], ids=["union", "merged"])
def test_sigkill_during_replaces_leaves_whole_graphs(tmp_path, merged):
    whole: dict[str, dict[int, object]] = {}  # graph IRI -> size -> graph
    for k in range(WRITTEN):
        for size in SIZES:
            mapped = crash_writer.version(k, size)
            whole.setdefault(str(mapped.graph_iri), {})[size] = mapped.graph
    data = tmp_path / "data"
    rng = random.Random(1)
    for attempt in range(4):
        proc = crash_writer.start(data, merged, SIZES, WRITTEN)
        crash_writer.kill_after(proc, 3 + 7 * attempt, rng)
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
    crash_writer.kill_after(proc, 4, random.Random(2), stream=proc.stderr, marker="stored")
    time.sleep(1.5)  # the validation helper notices its parent is gone within 0.5 s
    assert not processes_mentioning(str(batch)), "the killed ingest left a process behind"
    stored = check_whole_or_absent(data, expected)
    assert 4 <= len(stored) < len(expected), "the kill did not land mid-batch"

    proc = ingest_process(data, batch)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert check_whole_or_absent(data, expected) == set(expected)
