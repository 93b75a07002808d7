"""The store's bookkeeping beside the data: a version for ETags, the last write time, the
fingerprint of the loaded reference data, whether the default graph holds the merge and
whether the feed was started.

An embedded store keeps it in `state.json` in the data folder (StoreState). A remote engine
keeps it in the engine itself (EngineState), as triples about the feed graph inside the feed
graph, which is already left out of the merge, the dumps and the counts: each write carries
its new version in its own update request, so several server processes over one engine
agree on it, and a reader's cached copy is at most STATE_TTL seconds old.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from communique.server.store.engine import Engine

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
SAVE_EVERY = 1.0  # seconds; saving costs a file write, as much as storing a small article
STATE_TTL = 2.0  # seconds a remote store's state is cached before it is read again
STATE = "https://w3id.org/communique/store#"  # predicates of the state kept in an engine
XSD_DATE_TIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


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
        """Whether every graph stored before the feed began has its member (feed.log)."""
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

    def write_clause(self) -> str:
        """SPARQL Update text a write adds to its request (none: the file is saved apart)."""
        return ""

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


class EngineState:
    """The state kept in the engine: triples `<feed graph> st:version "..."` (and modified,
    reference, merged, feed) inside the feed graph. Same interface as StoreState."""

    def __init__(self, engine: Engine, graph_iri: str, *, ttl: float = STATE_TTL) -> None:
        self.engine = engine
        self.node = ox.NamedNode(graph_iri)
        self.ttl = ttl
        self._lock = threading.Lock()
        self._data: dict[str, ox.NamedNode | ox.Literal] = {}
        self._read_at = -float("inf")
        self._pending: tuple[str, dt.datetime] | None = None
        self._opened = now()  # the last-modified time of a store never written
        self.known = self._read(fresh=True).get("version")  # the version this process saw

    def _read(self, *, fresh: bool = False) -> dict[str, ox.NamedNode | ox.Literal]:
        with self._lock:
            if fresh or time.monotonic() - self._read_at > self.ttl:
                quads = self.engine.quads_for_pattern(self.node, None, None, self.node)
                self._data = {
                    q.predicate.value.removeprefix(STATE): q.object
                    for q in quads
                    if q.predicate.value.startswith(STATE)
                }
                self._read_at = time.monotonic()
            return self._data

    def _value(self, key: str, *, fresh: bool = False) -> str | None:
        term = self._read(fresh=fresh).get(key)
        return term.value if term is not None else None

    @property
    def version(self) -> str:
        return self._value("version") or "new"

    @property
    def modified(self) -> dt.datetime:
        text = self._value("modified")
        return dt.datetime.fromisoformat(text) if text else self._opened

    @property
    def reference(self) -> str | None:
        return self._value("reference", fresh=True)

    @property
    def merged(self) -> bool | None:
        text = self._value("merged", fresh=True)
        return None if text is None else text == "true"

    @property
    def feed_started(self) -> bool:
        return self._value("feed", fresh=True) == "true"

    def changed_elsewhere(self) -> bool:
        """True when another process wrote since this one last wrote or looked."""
        seen = self._value("version", fresh=True)
        changed, self.known = seen != self.known, seen
        return changed

    def set_feed_started(self) -> None:
        self._set({"feed": ox.Literal("true")})

    def set_merged(self, merged: bool) -> None:
        self._set({"merged": ox.Literal("true" if merged else "false")})

    def set_reference(self, fingerprint: str) -> None:
        self._set({"reference": ox.Literal(fingerprint)})

    def write_clause(self) -> str:
        """The update text that records a new version; `bump` takes it once it committed."""
        version, when = uuid.uuid4().hex[:16], now()
        self._pending = (version, when)
        stamp = ox.Literal(when.isoformat(), datatype=XSD_DATE_TIME)
        return self._update_text({"version": ox.Literal(version), "modified": stamp})

    def bump(self) -> None:
        if self._pending is None:  # opening a store: the engine's state is already current
            return
        version, when = self._pending
        self._pending = None
        with self._lock:
            self._data["version"] = ox.Literal(version)
            self._data["modified"] = ox.Literal(when.isoformat(), datatype=XSD_DATE_TIME)
        self.known = version

    def save(self) -> None:
        """Nothing to save: every change went to the engine with its write."""

    def _set(self, values: dict[str, ox.Literal]) -> None:
        self.engine.update(self._update_text(values))
        with self._lock:
            self._data.update(values)

    def _update_text(self, values: dict[str, ox.Literal]) -> str:
        g = str(self.node)
        parts = [f"DELETE WHERE {{ GRAPH {g} {{ {g} <{STATE}{key}> ?old }} }}" for key in values]
        triples = " ".join(f"{g} <{STATE}{key}> {value} ." for key, value in values.items())
        parts.append(f"INSERT DATA {{ GRAPH {g} {{ {triples} }} }}")
        return " ;\n".join(parts)
