"""The RDF engine under the store: the few pyoxigraph.Store methods the server uses.

Two engines implement it: `pyoxigraph.Store` itself (embedded, the default) and
`RemoteEngine` (server/store/remote.py), which reaches any SPARQL 1.1 engine through the
standard protocols only. Code above the store (the Store class, the feed, the dumps, the
label lookups of the pages) is written against this protocol, so it runs on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox

from communique.server.errors import StoreError

Subject = ox.NamedNode | ox.BlankNode | None
Object = ox.NamedNode | ox.BlankNode | ox.Literal | None
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | Iterator[ox.Triple]


@runtime_checkable
class Engine(Protocol):
    """What Store, FeedReader, the dumps and the labellers call on their engine."""

    def quads_for_pattern(
        self,
        subject: Subject,
        predicate: ox.NamedNode | None,
        object: Object,  # noqa: A002 - pyoxigraph's own parameter name
        graph_name: GraphName = None,
    ) -> Iterator[ox.Quad]: ...

    def query(self, query: str, **kwargs: Any) -> Any: ...

    def update(self, update: str) -> None: ...

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]: ...

    def contains_named_graph(self, graph_name: ox.NamedNode | ox.BlankNode) -> bool: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[ox.Quad]: ...

    def flush(self) -> None: ...


def is_remote(engine: object) -> bool:
    """True for an engine reached over HTTP (no folder, no snapshots, no worker processes)."""
    return not isinstance(engine, ox.Store)


def embedded_engine(db: Path, *, read_only: bool) -> ox.Store:
    """The embedded Oxigraph store in the folder `db` (inside a data folder, created if
    needed unless read-only); StoreError says why it cannot be opened."""
    folder = db.parent
    try:
        if read_only:
            if not (db / "CURRENT").exists():
                raise StoreError(f"no store in {folder}: ingest some articles first")
            return ox.Store.read_only(str(db))
        folder.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(db))
    except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
        if "lock" in str(exc).lower():
            raise StoreError(
                f"the store in {folder} is in use by another process "
                "(is `communique serve` running?)",
                locked=True,
            ) from exc
        raise StoreError(f"cannot open the store in {folder}: {exc}") from exc
