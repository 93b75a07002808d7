"""One watchdog thread for many deadlines: at its time a callback runs (closing a request
to the store engine that overran the SPARQL time limit). A thread per request would cost
a thread start on every query, more than a small query takes."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable


class Deadlines:
    """Callbacks due at monotonic times, run in order by one daemon thread."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], object]]] = []
        self._pending: set[int] = set()  # scheduled, not yet run or dropped
        self._cancelled: set[int] = set()
        self._ids = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def at(self, when: float, callback: Callable[[], object]) -> int:
        """Run `callback` at monotonic time `when` unless cancelled; returns its handle."""
        with self._wake:
            handle = next(self._ids)
            heapq.heappush(self._heap, (when, handle, callback))
            self._pending.add(handle)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
            if self._heap[0][1] == handle:
                # the watchdog sleeps until the earliest deadline: only an earlier one needs
                # it awake (waking it on every query cost a thread switch each)
                self._wake.notify()
        return handle

    def cancel(self, handle: int) -> None:
        with self._wake:
            # a handle already run is no longer pending: remembering it would never end
            if handle in self._pending:
                self._cancelled.add(handle)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._wake.wait(wait)
                _, handle, callback = heapq.heappop(self._heap)
                self._pending.discard(handle)
                if handle in self._cancelled:
                    self._cancelled.discard(handle)
                    continue
            try:
                callback()
            except Exception:  # noqa: BLE001 - a failing callback must not stop the others
                pass


DEADLINES = Deadlines()
