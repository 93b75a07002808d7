"""Crash safety of the feed: SIGKILL while articles are put, replaced and deleted leaves the
feed and the store in agreement (replaying the feed gives exactly the stored graphs), and
the feed goes on from where it stood."""

from __future__ import annotations

import random

import crash_writer
import pytest
from test_feed import latest_states, members, same_states, stored_states
from test_sparql_support import ARTICLES

from communique.server.store.articles import Store

BASE = "http://localhost:5000/"
PAGE_SIZE = 5


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
    data = tmp_path / "data"
    rng = random.Random(3)
    seen = 0
    for attempt in range(3):
        # replaces of two sizes and, every seventh write, a delete, so the feed holds
        # creates, updates and deletes when the process is killed
        proc = crash_writer.start(data, merged, (300, 900), 6, page=PAGE_SIZE, delete_every=7)
        crash_writer.kill_after(proc, 5 + 10 * attempt, rng)
        with Store.open(data, BASE, merged=merged, feed_page_size=PAGE_SIZE) as store:
            check_agreement(store)
            before = members(store)
            assert len(before) > seen, "nothing was written before the kill"
            seen = len(before)
            store.put_article(ARTICLES[0])  # the feed goes on after the last member
            after = members(store)
            assert after[:-1] == before and after[-1].time > before[-1].time
            check_agreement(store)
