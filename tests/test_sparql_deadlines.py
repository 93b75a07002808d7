"""The one watchdog thread of the remote SPARQL executor: a callback runs at its time, a
cancelled one never, and cancelling what already ran leaves nothing behind."""

from __future__ import annotations

import threading
import time

from communique.server.sparql.deadlines import Deadlines


def test_callbacks_run_at_their_time_in_order_and_cancelled_ones_never():
    deadlines, ran, done = Deadlines(), [], threading.Event()
    now = time.monotonic()
    deadlines.at(now + 0.10, lambda: ran.append("second"))
    dropped = deadlines.at(now + 0.05, lambda: ran.append("cancelled"))
    deadlines.at(now + 0.02, lambda: ran.append("first"))
    deadlines.at(now + 0.15, done.set)
    deadlines.cancel(dropped)
    assert done.wait(5)
    assert ran == ["first", "second"]


def test_cancelling_after_the_run_keeps_no_state():
    deadlines, done = Deadlines(), threading.Event()
    handle = deadlines.at(time.monotonic(), done.set)
    assert done.wait(5)
    deadlines.cancel(handle)
    assert deadlines._cancelled == set() and deadlines._pending == set()


def test_an_earlier_deadline_wakes_the_watchdog_a_later_one_need_not():
    deadlines, early, late = Deadlines(), threading.Event(), threading.Event()
    now = time.monotonic()
    deadlines.at(now + 30, late.set)  # the watchdog sleeps until this one
    deadlines.at(now + 0.05, early.set)  # must cut that sleep short
    assert early.wait(2)
    assert time.monotonic() - now < 1.5 and not late.is_set()


class CountingCondition(threading.Condition):
    waits = 0

    def wait(self, timeout: float | None = None) -> bool:
        CountingCondition.waits += 1
        return super().wait(timeout)


def test_cancelled_deadlines_do_not_wake_the_watchdog_one_by_one():
    deadlines, live = Deadlines(), threading.Event()
    deadlines._wake = CountingCondition()
    now = time.monotonic()
    deadlines.at(now + 0.6, live.set)
    # queries that ended long before their limit: 200 deadlines, each cancelled at once
    for i in range(200):
        deadlines.cancel(deadlines.at(now + 0.05 + i * 0.001, lambda: None))
    assert live.wait(5)
    assert CountingCondition.waits <= 5  # one per deadline before: 200
    assert deadlines._cancelled == set() and deadlines._pending == set()


def test_many_cancelled_deadlines_are_compacted_away():
    deadlines = Deadlines()
    far = time.monotonic() + 3600
    kept = deadlines.at(far, lambda: None)
    for _ in range(5000):
        deadlines.cancel(deadlines.at(far, lambda: None))
    assert len(deadlines._heap) <= 1100  # bounded by the compaction, not by the traffic
    assert kept in deadlines._pending and kept not in deadlines._cancelled
    assert {entry[1] for entry in deadlines._heap} >= {kept}
