"""Streaming serialization of a whole pyoxigraph store, chunk by chunk (flat memory)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice

import pyoxigraph as ox

from communique.server import formats

CHUNK = 5000  # triples per serializer call: large enough to be fast, small enough to stream
DUMP_FORMATS = {key: formats.BY_KEY[key].oxigraph for key in ("nq", "trig", "ttl", "nt")}
PREFIX_LINE = b"@prefix "


def dump_chunks(
    store: ox.Store,
    fmt: str,
    prefixes: dict[str, str] | None = None,
    *,
    merged: bool = False,
    skip: frozenset[str] = frozenset(),
) -> Iterator[bytes]:
    """Serialize the dataset as fmt; N-Triples and Turtle give the union of all graphs.

    The named graphs in `skip` (the feed's log) are left out of every format.

    N-Quads, N-Triples and Turtle come from one scan, so from one consistent snapshot; TriG
    reads graph after graph, each consistent (a write replaces a whole graph at once).
    With `merged` (the store's default graph holds the merge of the named graphs) N-Triples
    and Turtle are that merge, each triple once, and the quad formats leave it out.
    Without it, a triple stated by several articles appears once per article in N-Triples
    and Turtle: the same RDF graph once parsed; deduplicating would need memory in
    proportion to the store.
    """
    rdf_format = DUMP_FORMATS[fmt]
    if merged:  # the default graph is the merge: triples from it, quads from the others
        if fmt in ("nt", "ttl"):
            quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            triples = (q.triple for q in quads)
            return _serialize(_batched(triples), rdf_format, prefixes if fmt == "ttl" else None)
        # graph by graph, so the scan skips the merge instead of reading and dropping it
        named = _by_graph(store, default=False, skip=skip)
        return _serialize(named, rdf_format, prefixes if fmt == "trig" else None)
    if fmt == "nq":
        return _serialize(_batched(_without(iter(store), skip)), rdf_format, None)
    if fmt == "trig":
        return _serialize(_by_graph(store, skip=skip), rdf_format, prefixes)
    triples = (q.triple for q in _without(iter(store), skip))
    return _serialize(_batched(triples), rdf_format, prefixes if fmt == "ttl" else None)


def _serialize(batches: Iterable[list], rdf_format: ox.RdfFormat, prefixes) -> Iterator[bytes]:
    first = True
    for batch in batches:
        data = ox.serialize(batch, format=rdf_format, prefixes=prefixes)
        if not first and prefixes:
            data = _strip_prefixes(data)  # each call repeats the @prefix block; keep one
        first = False
        if data:
            yield data


def _strip_prefixes(data: bytes) -> bytes:
    start = 0
    while data.startswith(PREFIX_LINE, start):
        start = data.index(b"\n", start) + 1
    return data[start:]


def _batched(items: Iterator) -> Iterator[list]:
    while batch := list(islice(items, CHUNK)):
        yield batch


def _without(quads: Iterator[ox.Quad], skip: frozenset[str]) -> Iterator[ox.Quad]:
    if not skip:
        return quads
    return (q for q in quads if getattr(q.graph_name, "value", None) not in skip)


def _by_graph(
    store: ox.Store, *, default: bool = True, skip: frozenset[str] = frozenset()
) -> Iterator[list[ox.Quad]]:
    """Quads graph after graph (TriG writes one block per run of one graph)."""
    named = (g for g in store.named_graphs() if getattr(g, "value", None) not in skip)
    graphs = chain([ox.DefaultGraph()] if default else [], named)
    quads = chain.from_iterable(store.quads_for_pattern(None, None, None, g) for g in graphs)
    return _batched(quads)
