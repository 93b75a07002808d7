"""Reading the feed graph (see feed.log): pages, members, the members of a time span.

Every read is a handful of index lookups (a page's members by `dct:isPartOf`, a member's
triples by subject); nothing scans the feed, so a page costs the same at any feed length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from communique.mapping import iris
from communique.server.feed import vocab as v
from communique.server.store.engine import Engine

KIND_OF = {node.value: kind for kind, node in v.KIND_NODES.items()}


@dataclass(frozen=True)
class Member:
    """One revision: what happened (Create, Update, Delete) to which article, when."""

    iri: str
    kind: str
    version_of: str
    time: dt.datetime
    page: int
    content: str | None = None  # the graph's N-Triples (creates and updates)
    source: str | None = None  # prov:wasDerivedFrom: the revision a replica replayed


class FeedReader:
    """Read access to the feed graph of one store."""

    def __init__(self, store: Engine, base: str) -> None:
        self.ox = store
        self.base = base
        self.graph_iri = iris.feed_graph_iri(base)
        self.graph = ox.NamedNode(self.graph_iri)

    def _page_node(self, number: int) -> ox.NamedNode:
        return ox.NamedNode(iris.feed_page_iri(self.base, number))

    def _member_nodes(self, number: int) -> list[ox.NamedNode]:
        quads = self.ox.quads_for_pattern(None, v.IS_PART_OF, self._page_node(number), self.graph)
        return [q.subject for q in quads]

    def page_member_iris(self, number: int) -> list[str]:
        """The IRIs of a page's members, sorted (cheap: no member is read)."""
        return sorted(node.value for node in self._member_nodes(number))

    def page_exists(self, number: int) -> bool:
        """True when page `number` holds at least one member."""
        quads = self.ox.quads_for_pattern(None, v.IS_PART_OF, self._page_node(number), self.graph)
        return next(quads, None) is not None

    def last_page(self) -> int:
        """The number of the newest page with members; 0 for an empty feed."""
        if not self.page_exists(1):
            return 0
        low, high = 1, 2  # pages 1..n all exist: find the first missing one by doubling
        while self.page_exists(high):
            low, high = high, high * 2
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if self.page_exists(middle) else (low, middle)
        return low

    def page_times(self, number: int) -> list[dt.datetime]:
        """The times of a page's members, oldest first."""
        times = []
        for node in self._member_nodes(number):
            quad = next(self.ox.quads_for_pattern(node, v.GENERATED_AT, None, self.graph), None)
            if quad is not None:
                times.append(dt.datetime.fromisoformat(quad.object.value))
        return sorted(times)

    def page(self, number: int) -> list[Member]:
        """A page's members, oldest first, with their content."""
        found = (self.member(node.value) for node in self._member_nodes(number))
        return sorted((m for m in found if m is not None), key=lambda m: m.time)

    def member(self, iri: str) -> Member | None:
        """One member by its IRI, None if there is none."""
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            return None
        values: dict[str, ox.NamedNode | ox.Literal] = {}
        for quad in self.ox.quads_for_pattern(node, None, None, self.graph):
            values[quad.predicate.value] = quad.object
        kind = KIND_OF.get(getattr(values.get(v.TYPE.value), "value", ""))
        when, of = values.get(v.GENERATED_AT.value), values.get(v.IS_VERSION_OF.value)
        part_of = getattr(values.get(v.IS_PART_OF.value), "value", "")
        page = iris.parse_feed_page_iri(self.base, part_of)
        if kind is None or when is None or of is None or page is None:
            return None
        content, source = values.get(v.CONTENT.value), values.get(v.DERIVED_FROM.value)
        return Member(
            iri,
            kind,
            of.value,
            dt.datetime.fromisoformat(when.value),
            page,
            content.value if content is not None else None,
            source.value if source is not None else None,
        )

    def last_member(self) -> Member | None:
        """The newest member, None for an empty feed."""
        last = self.last_page()
        members = self.page(last) if last else []
        return members[-1] if members else None

    def has_member_for(self, version_of: str) -> bool:
        """True when some member is a revision of `version_of`."""
        node = ox.NamedNode(version_of)
        quads = self.ox.quads_for_pattern(None, v.IS_VERSION_OF, node, self.graph)
        return next(quads, None) is not None

    def between(self, start: dt.datetime, end: dt.datetime) -> Iterator[Member]:
        """The members with start <= time < end, oldest first (pages found by bisection)."""
        last = self.last_page()
        low, high = 1, last + 1  # the first page whose newest member is at or after start
        while low < high:
            middle = (low + high) // 2
            times = self.page_times(middle)
            if times and times[-1] >= start:
                high = middle
            else:
                low = middle + 1
        for number in range(low, last + 1):
            members = self.page(number)
            yield from (m for m in members if start <= m.time < end)
            if members and members[-1].time >= end:
                return
