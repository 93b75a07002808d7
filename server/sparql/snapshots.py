"""Read-only snapshots of the store for the SPARQL query workers.

pyoxigraph documents opening a RocksDB folder read-only while another process writes it as
undefined behaviour (we saw "MANIFEST may be corrupted"), and offers no secondary instance.
So the workers never open the live store: they open a checkpoint made with
`Store.backup()`, which nobody writes. A checkpoint is consistent (a point between two
transactions, so never half an article) and cheap (hard links to RocksDB's immutable
files). A new one is made by the first query after a write, so a reader sees every
article stored before its query began.

Each snapshot has a generation number. A worker uses the snapshot of the last job it was
sent until it is sent a job on a newer one (or dies); a snapshot that is neither the newest
nor used by a worker is deleted. The folder is emptied when the executor starts.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from communique.server.errors import StoreError
from communique.server.store.articles import Store

log = logging.getLogger(__name__)

SNAPSHOTS_DIR = "snapshots"  # inside the data folder, beside the live store


@dataclass(frozen=True)
class Snapshot:
    generation: int
    version: str  # the store's version when it was made (it may hold later writes too)
    path: Path


class Snapshots:
    """The snapshots of one store in `folder`; thread-safe."""

    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.folder = Path(folder)
        self._lock = threading.Lock()  # one snapshot made at a time; guards the counts
        self._current: Snapshot | None = None
        self._all: dict[int, Snapshot] = {}
        self._users: Counter[int] = Counter()
        self.made = 0
        self.seconds = 0.0  # time spent making snapshots, for the benchmark and logs
        shutil.rmtree(self.folder, ignore_errors=True)  # left over from an earlier run
        self.folder.mkdir(parents=True, exist_ok=True)

    def acquire(self) -> Snapshot:
        """The snapshot of the store as it is now (made if the store changed since the last
        one), counted as used until `release`."""
        with self._lock:
            version = self.store.version()
            if self._current is None or self._current.version != version:
                self._current = self._make(version)
                self._collect()
            self._users[self._current.generation] += 1
            return self._current

    def release(self, snapshot: Snapshot) -> None:
        """One user fewer of `snapshot`; deleted when unused and no longer the newest."""
        with self._lock:
            self._users[snapshot.generation] -= 1
            self._collect()

    def paths(self) -> list[Path]:
        """The snapshots on disk, oldest first."""
        with self._lock:
            return [self._all[g].path for g in sorted(self._all)]

    def close(self) -> None:
        """Delete every snapshot (the workers must be stopped first)."""
        with self._lock:
            self._current = None
            self._users.clear()
            self._collect()

    def _make(self, version: str) -> Snapshot:
        generation = max(self._all, default=0) + 1
        path = self.folder / f"{generation:06d}"
        started = time.perf_counter()
        try:
            self.store.ox.backup(str(path))
        except OSError as exc:
            shutil.rmtree(path, ignore_errors=True)
            raise StoreError(f"cannot snapshot the store into {path}: {exc}") from exc
        took = time.perf_counter() - started
        self.made += 1
        self.seconds += took
        log.debug("snapshot %d of version %s in %.1f ms", generation, version, took * 1000)
        snapshot = Snapshot(generation, version, path)
        self._all[generation] = snapshot
        return snapshot

    def _collect(self) -> None:
        newest = self._current.generation if self._current else None
        for generation in [g for g in self._all if g != newest and self._users[g] <= 0]:
            shutil.rmtree(self._all.pop(generation).path, ignore_errors=True)
            del self._users[generation]
