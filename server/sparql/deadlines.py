"""One watchdog thread for many deadlines: at its time a callback runs (closing a request
to the store engine that overran the SPARQL time limit). A thread per request would cost
a thread start on every query, more than a small query takes."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable

COMPACT_AFTER = 1024  # cancelled entries kept before the heap is rebuilt without them


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
                if len(self._cancelled) > COMPACT_AFTER and 2 * len(self._cancelled) > len(
                    self._heap
                ):
                    self._compact()

    def _compact(self) -> None:
        """Drop every cancelled entry at once (most queries end long before their limit)."""
        cancelled = self._cancelled
        self._heap = [entry for entry in self._heap if entry[1] not in cancelled]
        heapq.heapify(self._heap)
        self._pending -= cancelled
        self._cancelled = set()

    def _drop_cancelled(self) -> None:
        """Pop the cancelled entries at the top: the watchdog sleeps until a live one, not
        until each cancelled deadline in turn (a wake-up per query otherwise)."""
        heap, cancelled = self._heap, self._cancelled
        while heap and heap[0][1] in cancelled:
            _, handle, _ = heapq.heappop(heap)
            cancelled.discard(handle)
            self._pending.discard(handle)

    def _run(self) -> None:
        while True:
            with self._wake:
                while True:
                    self._drop_cancelled()
                    if self._heap and self._heap[0][0] <= time.monotonic():
                        break
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._wake.wait(wait)
                _, handle, callback = heapq.heappop(self._heap)
                self._pending.discard(handle)
            try:
                callback()
            except Exception:  # noqa: BLE001 - a failing callback must not stop the others
                pass


DEADLINES = Deadlines()
