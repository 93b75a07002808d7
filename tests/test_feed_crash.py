"""Crash safety of the feed: SIGKILL while articles are put, replaced and deleted leaves the
feed and the store in agreement (replaying the feed gives exactly the stored graphs), and
the feed goes on from where it stood."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from test_crash import kill_after
from test_feed import latest_states, members, same_states, stored_states
from test_sparql_support import ARTICLES

from communique.server.store.articles import Store

BASE = "http://localhost:5000/"
PAGE_SIZE = 5

# Writes in a loop in its own process: replaces of two sizes and, every seventh write, a
# delete, so the feed holds creates, updates and deletes when the process is killed.
WRITER = """
import datetime as dt, sys
from pathlib import Path
from rdflib import RDFS, Graph, Literal
from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter
from communique.server.store.articles import Store

MINT = Minter("http://localhost:5000/")
SIZES = (300, 900)

def version(k, size):
    article = Article(body=f"article {k}", date=dt.date(2024, 1, 1), source=f"a{k}")
    iri = MINT.article(article)
    g = Graph()
    for i in range(size):
        g.add((iri, RDFS.comment, Literal(f"version {size} line {i}")))
    return MappedArticle(article, iri, MINT.article_graph(article), g)

store = Store.open(Path(sys.argv[1]), "http://localhost:5000/", merged=sys.argv[2] == "1",
                   feed_page_size=int(sys.argv[3]))
for n in range(100_000):
    mapped = version(n % 6, SIZES[(n // 6) % 2])
    if n % 7 == 6:
        store.delete_article(str(mapped.iri))
    else:
        store.put_article(mapped)
    print(n, flush=True)
"""


def check_agreement(store: Store) -> None:
    """Replaying the feed gives the stored graphs; times increase; pages are whole."""
    replayed = {g: t for g, t in latest_states(store).items() if t is not None}
    assert same_states(replayed, stored_states(store))
    log = members(store)
    times = [m.time for m in log]
    assert times == sorted(times) and len(set(times)) == len(times)
    last = store.feed.last_page()
    sizes = [len(store.feed.page_member_iris(n)) for n in range(1, last + 1)]
    assert all(size == PAGE_SIZE for size in sizes[:-1]) and 0 < sizes[-1] <= PAGE_SIZE


@pytest.mark.slow
@pytest.mark.parametrize("merged", [False, True], ids=["union", "merged"])
def test_sigkill_during_writes_leaves_feed_and_store_in_agreement(tmp_path, merged):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, "utf-8")
    data = tmp_path / "data"
    rng = random.Random(3)
    seen = 0
    for attempt in range(3):
        command = [sys.executable, str(script), str(data), str(int(merged)), str(PAGE_SIZE)]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        kill_after(proc, proc.stdout, "", 5 + 10 * attempt, rng)
        with Store.open(data, BASE, merged=merged, feed_page_size=PAGE_SIZE) as store:
            check_agreement(store)
            before = members(store)
            assert len(before) > seen, "nothing was written before the kill"
            seen = len(before)
            store.put_article(ARTICLES[0])  # the feed goes on after the last member
            after = members(store)
            assert after[:-1] == before and after[-1].time > before[-1].time
            check_agreement(store)
