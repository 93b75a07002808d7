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
