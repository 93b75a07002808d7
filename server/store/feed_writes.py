"""The feed's side of the store's writes: replaying another store's changes, and starting
the feed on a store written before it existed (server/feed/log.py has the decisions)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from communique.mapping import iris
from communique.server.errors import StoreError
from communique.server.feed.log import Change, Member
from communique.server.store.updates import ntriples, reserialized

if TYPE_CHECKING:
    from rdflib import Graph

    from communique.server.feed.log import FeedLog
    from communique.server.store.state import EngineState, StoreState

log = logging.getLogger(__name__)

BACKFILL_BATCH = 200  # graphs per transaction when a feed is started on an existing store


class Store(Protocol):
    """What the feed's writes need of the Store they are mixed into (server/store/articles.py),
    and the feed's writes themselves."""

    base: str
    feed: FeedLog
    _state: StoreState | EngineState

    @property
    def reference_iri(self) -> str: ...
    def article_graphs(self) -> Iterator[str]: ...
    def has_graph(self, graph_iri: str) -> bool: ...
    def graph(self, graph_iri: str) -> Graph: ...
    def _commit(self, changes: Sequence[Change], *, skip_absent: bool = False) -> list[Member]: ...
    def _run(self, update: str) -> None: ...
    def _writing(self) -> threading.Lock: ...
    def _has_member(self, graph: str) -> bool: ...


class FeedWrites:
    """Mixed into Store."""

    def apply(self: Store, changes: Sequence[Change]) -> list[Member]:
        """Write graph changes as they are (a replica replaying another store's feed), in
        one transaction; removing an absent graph is recorded too. Returns the members."""
        checked = []
        for change in changes:
            if iris.version_of_graph(self.base, change.graph) is None:
                raise StoreError(f"{change.graph} is not an article or reference graph")
            # the text goes into an update: only as Oxigraph's own serializer writes it
            data = None if change.data is None else reserialized(change.data)
            checked.append(Change(change.graph, data, change.source))
        return self._commit(checked)

    def _backfill(self: Store) -> None:
        """Give every graph written before the feed existed a Create member, so a reader
        replaying the feed gets the whole store; then note the feed as started."""
        graphs = [self.reference_iri, *self.article_graphs()]
        todo = [g for g in graphs if self.has_graph(g) and not self._has_member(g)]
        if todo:
            log.info("starting the feed with the %d graphs already stored", len(todo))
        for start in range(0, len(todo), BACKFILL_BATCH):
            chunk = todo[start : start + BACKFILL_BATCH]
            changes = [Change(g, ntriples(g, self.graph(g))) for g in chunk]
            with self._writing():
                members, cursor = self.feed.plan(changes, lambda _: False)
                state = self._state.write_clause()
                self._run(" ;\n".join(u for u in (self.feed.insert(members), state) if u))
                self.feed.advance(cursor)
                self._state.bump()
        self._state.set_feed_started()

    def _has_member(self: Store, graph: str) -> bool:
        version_of = iris.version_of_graph(self.base, graph)
        return version_of is not None and self.feed.has_member_for(version_of)
