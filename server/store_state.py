"""The store's bookkeeping beside the data: a version for ETags, the last write time, and
the fingerprint of the loaded reference data, kept in `state.json` in the data folder."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from pathlib import Path

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
SAVE_EVERY = 1.0  # seconds; saving costs a file write, as much as storing a small article


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StoreState:
    """Counts writes; `folder` None keeps the state in memory only."""

    def __init__(self, folder: Path | None, *, read_only: bool = False) -> None:
        self.file = folder / STATE_FILE if folder is not None else None
        self.read_only = read_only
        self.data = self._load()
        self._saved = now()

    @property
    def version(self) -> str:
        if self.read_only:
            self.data = self._load()  # another process may have written since
        return f"{self.data['id']}-{self.data['writes']}"

    @property
    def modified(self) -> dt.datetime:
        if self.read_only:
            self.data = self._load()
        return dt.datetime.fromisoformat(self.data["modified"])

    @property
    def reference(self) -> str | None:
        return self.data.get("reference")

    @property
    def merged(self) -> bool | None:
        """Whether the default graph holds the merge of all graphs (None: never decided)."""
        return self.data.get("merged")

    @property
    def feed_started(self) -> bool:
        """Whether every graph stored before the feed began has its member (feed_log)."""
        return bool(self.data.get("feed"))

    def set_feed_started(self) -> None:
        self.data["feed"] = True
        self.save()

    def set_merged(self, merged: bool) -> None:
        self.data["merged"] = merged
        self.save()

    def set_reference(self, fingerprint: str) -> None:
        self.data["reference"] = fingerprint
        self.save()

    def bump(self) -> None:
        """Record a write. Saved at most every SAVE_EVERY seconds (and on save()): after a
        crash the store bumps the version on opening anyway, so no stale ETag survives."""
        current = now()
        self.data["writes"] += 1
        self.data["modified"] = current.isoformat()
        if (current - self._saved).total_seconds() >= SAVE_EVERY:
            self.save()

    def save(self) -> None:
        self._saved = now()
        if self.file is None or self.read_only:
            return
        tmp = self.file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data), "utf-8")
        os.replace(tmp, self.file)  # atomic: a crash leaves the old state or the new one

    def _load(self) -> dict:
        state = {"id": uuid.uuid4().hex[:12], "writes": 0, "modified": now().isoformat()}
        if self.file is not None:
            try:
                state.update(json.loads(self.file.read_text("utf-8")))
            except FileNotFoundError:
                pass
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable %s: %s", self.file, exc)
        return state
