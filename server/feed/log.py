"""The change feed's log, kept inside the store (issue 15; README "Following changes").

Decisions:

- The log is the named graph `{base}graph/feed` of the same Oxigraph store, and a member
  is inserted by the same SPARQL update request that changes the graph, so one transaction
  holds both: the feed never announces what the store does not hold and never misses a
  change, also after kill -9 (a commit is all or nothing). The graph is left out of the
  merged default graph, of the dumps and of the counts; SPARQL sees it with
  `GRAPH <{base}graph/feed>` (documented).
- A member is one revision of one named graph (an article's, or the reference data's):
  `<{base}feed/revision/{key}/{stamp}> a as:Create|as:Update|as:Delete ;
  dct:isVersionOf <article IRI> ; prov:generatedAtTime "..."^^xsd:dateTime ;
  dct:isPartOf <{base}feed/page/{n}>`. Creates and updates keep the graph's new triples as
  one N-Triples literal (`as:content`): a second copy as quads would cost a third of the
  write throughput (measured), and members stay immutable and replayable after later
  changes. Served pages give those triples as a named graph named by the member.
- Times are strictly increasing (the clock, or 1 µs after the last member when the clock
  has not moved or went back), so a time orders the feed and resumes a reader exactly.
- Pages are assigned when a member is written: a page takes PAGE_SIZE members, then the
  next page begins. A page is closed (immutable) once the next page has a member; reading
  never needs a scan, only index lookups.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import pyoxigraph as ox

from communique.mapping import iris
from communique.server.errors import StoreError
from communique.server.feed import vocab as v
from communique.server.feed.pages import FeedReader, Member
from communique.server.store.engine import Engine

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # members per page; a new size applies from the page after the current one
STEP = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class Change:
    """A new state of one named graph: its triples as N-Triples, or None when removed."""

    graph: str
    data: str | None
    source: str | None = None  # the source's revision this change replays (a replica)


@dataclass(frozen=True)
class Cursor:
    """Where the next member goes: the current page, its member count, the last time."""

    page: int = 1
    count: int = 0
    last: dt.datetime | None = None


class FeedLog(FeedReader):
    """Plans the members of a write and the SPARQL text that appends them; the Store runs
    that text in the transaction of the write and then calls `advance`."""

    def __init__(self, store: Engine, base: str, page_size: int = PAGE_SIZE) -> None:
        super().__init__(store, base)
        if page_size < 1:
            raise ValueError("a feed page holds at least one member")
        self.page_size = page_size
        self.cursor = self._recover()

    def recover(self) -> None:
        """Read where the feed ends again (another process sharing a remote engine wrote)."""
        self.cursor = self._recover()

    def _recover(self) -> Cursor:
        last = self.last_page()
        if last == 0:
            return Cursor()
        times = self.page_times(last)
        return Cursor(last, len(times), times[-1] if times else None)

    def plan(
        self, changes: Sequence[Change], exists: Callable[[str], bool]
    ) -> tuple[list[Member], Cursor]:
        """The members for `changes` (in order) and the cursor after them.

        `exists(graph)` tells whether a graph is there before the write: a change to a
        graph not there is a Create, else an Update. Call with the store's write lock held.
        """
        cursor, members = self.cursor, []
        present: dict[str, bool] = {}  # graphs written earlier in this same transaction
        for change in changes:
            before = present[change.graph] if change.graph in present else exists(change.graph)
            present[change.graph] = change.data is not None
            kind = "Delete" if change.data is None else "Update" if before else "Create"
            cursor = self._next(cursor)
            members.append(self._member(change, kind, cursor))
        return members, cursor

    def _next(self, cursor: Cursor) -> Cursor:
        clock = now()
        when = clock if cursor.last is None or clock > cursor.last else cursor.last + STEP
        if cursor.count >= self.page_size:
            return Cursor(cursor.page + 1, 1, when)
        return replace(cursor, count=cursor.count + 1, last=when)

    def _member(self, change: Change, kind: str, cursor: Cursor) -> Member:
        version_of = iris.version_of_graph(self.base, change.graph)
        key = iris.revision_key(self.base, version_of) if version_of else None
        if version_of is None or key is None:
            raise StoreError(f"{change.graph} is not a graph the feed follows")
        assert cursor.last is not None  # set by _next
        iri = iris.revision_iri(self.base, key, cursor.last)
        return Member(iri, kind, version_of, cursor.last, cursor.page, change.data, change.source)

    def advance(self, cursor: Cursor) -> None:
        """The write committed: later members follow `cursor`."""
        self.cursor = cursor

    def insert(self, members: Sequence[Member]) -> str:
        """SPARQL Update text that appends `members` to the feed graph."""
        triples = [t for m in members for t in self._triples(m)]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        return f"INSERT DATA {{ GRAPH {self.graph} {{\n{data}}} }}"

    def _triples(self, m: Member) -> Iterator[ox.Triple]:
        node = ox.NamedNode(m.iri)
        yield ox.Triple(node, v.TYPE, v.KIND_NODES[m.kind])
        yield ox.Triple(node, v.IS_VERSION_OF, ox.NamedNode(m.version_of))
        yield ox.Triple(node, v.GENERATED_AT, v.date_time(stamp(m.time)))
        yield ox.Triple(node, v.IS_PART_OF, ox.NamedNode(iris.feed_page_iri(self.base, m.page)))
        if m.content is not None:
            yield ox.Triple(node, v.CONTENT, ox.Literal(m.content, datatype=v.NTRIPLES_DOC))
        if m.source is not None:
            yield ox.Triple(node, v.DERIVED_FROM, ox.NamedNode(m.source))


def now() -> dt.datetime:
    """The clock, in UTC (a function, so tests can stop or turn it back)."""
    return dt.datetime.now(dt.UTC)


def stamp(when: dt.datetime) -> str:
    """xsd:dateTime text in UTC to the microsecond: `2025-01-30T10:15:00.000001Z`."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
