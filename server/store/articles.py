"""The store: one named graph per article, one for the reference data, over an engine.

The engine (server/store/engine.py) is the embedded Oxigraph store (a data folder, the default)
or a remote SPARQL 1.1 engine reached through the standard protocols (`Store.open_url`,
server/store/remote.py). Every write is ONE update request (DROP SILENT GRAPH + INSERT
DATA per article, the merged default graph's upkeep, the feed's members and, on a remote
engine, the new state), which the engine runs as one transaction: a change is never
half-visible, and a failed request leaves nothing of it.

The merged default graph (below) is kept through SPARQL updates on both engines, so our
endpoint answers the same on both; an engine whose default graph already is the union of
the named graphs is opened without it (COMMUNIQUE_STORE_DEFAULT_GRAPH, store/opening.py).

Several processes may write through one engine: before a write, a process re-reads where
the feed ends if another one wrote since (the state's version, store_state.EngineState).
SPARQL Update has no conditional abort, so two writes at the same instant can still put
their members on one page (one member over its size); the members' times stay distinct
and ordered, and no change is lost or half-written.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from communique.mapping import iris
from communique.mapping.article import MappedArticle
from communique.server.errors import StoreError
from communique.server.feed.log import PAGE_SIZE, Change, FeedLog, Member
from communique.server.store.engine import Engine, embedded_engine, is_remote
from communique.server.store.feed_writes import FeedWrites
from communique.server.store.reads import LABEL_NODES, StoreReads  # noqa: F401 - re-exported
from communique.server.store.remote import remote_engine
from communique.server.store.state import EngineState, StoreState
from communique.server.store.terms import iri_term
from communique.server.store.updates import (
    REMERGE,
    change_update,
    fingerprint,
    ntriples,
    reference_data,
)

log = logging.getLogger(__name__)

DB_DIR = "oxigraph"  # the RocksDB folder inside the data folder
# Oxigraph 0.5 evaluates the union default graph as a multiset: a triple held by n article
# graphs (a country's name, a person's type) matches n times, so COUNTs are inflated and
# joins over shared entities blow up (oxigraph#1919, fixed after 0.5). With the merged
# default graph on, the store keeps the set union of all named graphs in its default graph,
# maintained in the same transaction as each write; queries then use the plain default
# graph (Store.query picks the right dataset). SPARQL 1.1 semantics: the default graph is
# the RDF merge (set union) of all graphs, and GRAPH ?g still ranges over named graphs only.
MERGED_DEFAULT_GRAPH = True


class Store(StoreReads, FeedWrites):
    """A pyoxigraph store (`.ox`) plus the bookkeeping the server needs (version, dumps)
    and the feed of its graphs' revisions (`.feed`, server/feed/log.py)."""

    def __init__(
        self,
        ox_store: Engine,
        base: str,
        path: Path | None,
        read_only: bool,
        merged: bool | None = None,
        feed: bool = True,
        feed_page_size: int = PAGE_SIZE,
    ) -> None:
        self.ox = ox_store
        self.base = base  # ends in "/": the entry points normalise it
        self.path = path
        self.read_only = read_only
        self.remote = is_remote(ox_store)
        self._lock = threading.Lock()  # one writer at a time within this process
        self._state: StoreState | EngineState = (
            EngineState(ox_store, iris.feed_graph_iri(base))
            if self.remote
            else StoreState(path, read_only=read_only)
        )
        self.merged = bool(self._state.merged)
        self.feed = FeedLog(ox_store, base, feed_page_size)
        # False only to measure what the feed costs: writes then leave it behind
        self.feed_writes = feed
        if not read_only:
            # A process killed after a commit but before saving the state would leave a
            # stale version; bumping on every read-write open keeps ETags honest.
            self._state.bump()
            wanted = MERGED_DEFAULT_GRAPH if merged is None else merged
            if self._state.merged is None and not wanted:
                # no merge was ever built here: the engine's own default graph (the union,
                # or data of its own) is left as it is
                self._state.set_merged(False)
            elif self._state.merged is None or wanted != self.merged:
                self._set_merged(wanted)
            if feed and not self._state.feed_started:
                self._backfill()

    @classmethod
    def open(
        cls,
        path: Path | None,
        base: str,
        *,
        read_only: bool = False,
        merged: bool | None = None,
        **feed: bool | int,
    ) -> Store:
        """Open the store in the data folder `path` (created if needed); None = in memory.

        `merged` turns the merged default graph on or off (None: MERGED_DEFAULT_GRAPH);
        `feed=False` leaves the feed unwritten (benchmarks), `feed_page_size` sets its pages.
        """
        if path is None:
            return cls(ox.Store(), base, None, read_only=False, merged=merged, **feed)  # type: ignore[arg-type]
        path = Path(path)
        ox_store = embedded_engine(path / DB_DIR, read_only=read_only)
        return cls(ox_store, base, path, read_only, merged, **feed)  # type: ignore[arg-type]

    @classmethod
    def open_url(
        cls,
        url: str,
        base: str,
        *,
        read_only: bool = False,
        merged: bool | None = None,
        **options: Any,
    ) -> Store:
        """Open the store held by the remote SPARQL engine at `url` (server/store/opening.py
        has the options: query_url, update_url, graph_url, user, password, token,
        timeout, timeout_param, feed, feed_page_size)."""
        engine, feed = remote_engine(url, **options)
        try:
            return cls(engine, base, None, read_only, merged, **feed)
        except BaseException:
            engine.close()
            raise

    def flush(self) -> None:
        """Make the writes so far durable (Oxigraph otherwise syncs its log in the background,
        so a killed process may lose its last writes, though never half of one)."""
        if self.read_only:
            return
        self.ox.flush()
        with self._lock:
            self._state.save()

    def close(self) -> None:
        """Flush and release the store; its folder lock goes with the last reference."""
        if not hasattr(self, "ox"):
            return
        if self.path is not None:
            self.flush()
        if self.remote:
            self.ox.close()  # type: ignore[union-attr]
        del self.ox, self.feed  # the feed's reader holds the pyoxigraph store too

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- IRIs ---------------------------------------------------------------------------

    @property
    def reference_iri(self) -> str:
        return iris.reference_graph_iri(self.base)

    @property
    def article_graph_prefix(self) -> str:
        return iris.graph_prefix(self.base)

    def graph_of(self, article_iri: str) -> str:
        """The named graph of an article IRI (a graph IRI is returned as it is)."""
        article_prefix = iris.kind_prefix(self.base, "article")
        if article_iri.startswith(article_prefix):
            graph_iri = iris.graph_iri(self.base, article_iri[len(article_prefix) :])
        elif article_iri.startswith(self.article_graph_prefix):
            graph_iri = article_iri
        else:
            raise StoreError(f"not an article IRI under {self.base}: {article_iri}")
        try:
            ox.NamedNode(graph_iri)
        except ValueError as exc:
            raise StoreError(f"not a valid IRI: {article_iri}") from exc
        return graph_iri

    # -- writes -------------------------------------------------------------------------

    def put_article(self, mapped: MappedArticle) -> int:
        """Replace the article's named graph with `mapped.graph` in one transaction."""
        return self.put_articles([mapped])[0]

    def put_articles(self, batch: Sequence[MappedArticle]) -> list[int]:
        """Replace the named graphs of several articles in ONE transaction (all or none),
        with one feed member each.

        One commit per batch instead of per article: on disk a commit costs more than
        writing a whole article's triples. Returns each graph's triple count.
        """
        if not batch:
            return []
        changes = []
        for mapped in batch:
            graph_iri = str(mapped.graph_iri)
            if not graph_iri.startswith(self.article_graph_prefix):
                raise StoreError(f"{graph_iri} is not an article graph under {self.base}")
            changes.append(Change(graph_iri, ntriples(graph_iri, mapped.graph)))
        self._commit(changes)
        if self.remote:  # one request for the batch's counts
            counts = self._graph_counts([c.graph for c in changes])
            return [counts.get(c.graph, 0) for c in changes]
        return [self.count(str(mapped.graph_iri)) for mapped in batch]

    def delete_article(self, article_iri: str) -> bool:
        """Remove an article's named graph; False if it was not there."""
        return bool(self._commit([Change(self.graph_of(article_iri), None)], skip_absent=True))

    def _commit(self, changes: Sequence[Change], *, skip_absent: bool = False) -> list[Member]:
        """Write `changes` and their feed members in one update request (one transaction)."""
        with self._writing():
            if skip_absent:
                changes = [c for c in changes if c.data is not None or self.has_graph(c.graph)]
            if not changes:
                return []
            if self.remote and self._state.changed_elsewhere():  # type: ignore[union-attr]
                self.feed.recover()  # another process appended to the feed since
            feed = self.feed.graph_iri
            updates = [change_update(c.graph, c.data, self.merged, feed) for c in changes]
            members, cursor = [], self.feed.cursor
            if self.feed_writes:
                exists = self.has_graph
                if self.remote:  # one request for the batch, not one per graph
                    exists = self._existing([c.graph for c in changes]).__contains__
                members, cursor = self.feed.plan(changes, exists)
                updates.append(self.feed.insert(members))
            updates.append(self._state.write_clause())
            self._run(" ;\n".join(u for u in updates if u))
            self.feed.advance(cursor)
            self._state.bump()
        return members

    def _set_merged(self, merged: bool) -> None:
        """Build (or clear) the merged default graph, in one transaction."""
        log.info("%s the merged default graph", "building" if merged else "clearing")
        with self._lock:
            feed = iri_term(self.feed.graph_iri)
            self._run(REMERGE.format(feed=feed) if merged else "CLEAR SILENT DEFAULT")
            self.merged = merged
            self._state.set_merged(merged)

    def ensure_reference(self, graph: Graph | None = None) -> None:
        """Load the reference data (ontology, schemes, countries) if missing or outdated;
        `graph`: other reference data than ours."""
        if graph is None:
            data, stamp, size = reference_data(self.base, self.reference_iri)
        else:
            data, stamp, size = ntriples(self.reference_iri, graph), fingerprint(graph), len(graph)
        if self._state.reference == stamp and self.count(self.reference_iri) == size and size:
            return
        log.info("loading %d reference triples into %s", size, self.reference_iri)
        self._commit([Change(self.reference_iri, data)])
        with self._lock:
            self._state.set_reference(stamp)
        self.compact()

    def compact(self) -> None:
        """Merge the embedded store's files after a batch of writes (a remote engine sees
        to its own). RocksDB keeps each write's files apart until it compacts them, and a
        join reads every level: measured on a 300,000-quad store, a query that took 4.7 ms
        on the files as written took 3.2 ms once compacted (about a second's work)."""
        if not self.remote and not self.read_only:
            with self._lock:
                self.ox.optimize()

    def _run(self, update: str) -> None:
        try:
            self.ox.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"the store refused a write: {exc}") from exc

    def _writing(self) -> threading.Lock:
        if self.read_only:
            raise StoreError("the store is open read-only")
        return self._lock

    # -- version ------------------------------------------------------------------------

    def version(self) -> str:
        """An opaque token that changes after every write (for ETags)."""
        return self._state.version

    def last_modified(self) -> dt.datetime:
        """When the store was last written, in UTC."""
        return self._state.modified
