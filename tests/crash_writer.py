"""The writer of the crash tests, and how they kill a process.

Run as a script it writes in a loop in its own process, printing a line after each write,
until it is killed: `python crash_writer.py DATA MERGED SMALL LARGE ARTICLES PAGE DELETE`
puts versions of ARTICLES articles, alternately SMALL and LARGE triples big (so a torn
replace, old triples dropped and new ones half in, would show), with a feed of PAGE
members a page, and deletes every DELETE-th write instead (0: never). The tests call
`version` to know what a whole article looks like.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from rdflib import RDFS, Graph, Literal

from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter

BASE = "http://localhost:5000/"
MINT = Minter(BASE)
SCRIPT = Path(__file__)


def version(k: int, size: int) -> MappedArticle:
    """Article `k` in its version of `size` triples."""
    article = Article(body=f"article {k}", date=dt.date(2024, 1, 1), source=f"a{k}")
    iri = MINT.article(article)
    g = Graph()
    for i in range(size):
        g.add((iri, RDFS.comment, Literal(f"version {size} line {i}")))
    return MappedArticle(article, iri, MINT.article_graph(article), g)


def start(data: Path, merged: bool, sizes: tuple[int, int], articles: int, *, page: int = 100,
          delete_every: int = 0) -> subprocess.Popen:  # fmt: skip
    """The writer in its own process, its lines on `.stdout`."""
    args = [data, int(merged), *sizes, articles, page, delete_every]
    command = [sys.executable, str(SCRIPT), *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def kill_after(
    proc: subprocess.Popen, count: int, rng: random.Random, *, stream=None, marker: str = ""
) -> None:
    """Wait for `count` lines holding `marker` on `stream` (the process's stdout), then
    SIGKILL the process at a random moment after."""
    import pytest

    stream = stream or proc.stdout
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


def main(argv: list[str]) -> None:
    from communique.server.store.articles import Store

    data, merged, small, large, articles, page, delete_every = argv
    store = Store.open(Path(data), BASE, merged=merged == "1", feed_page_size=int(page))
    sizes, count, every = (int(small), int(large)), int(articles), int(delete_every)
    for n in range(1_000_000):
        mapped = version(n % count, sizes[(n // count) % 2])
        if every and n % every == every - 1:
            store.delete_article(str(mapped.iri))
        else:
            store.put_article(mapped)
        print(n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
