"""SPARQL Update text for the store's writes, built only from IRIs we validated and from
Oxigraph's own N-Triples serializer (never from pasted user text)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph

from communique.server.errors import StoreError
from communique.server.store.terms import iri_term, to_ox_triple

# Removes from the default graph the triples of graph {g} that no other named graph holds
# ({feed}, the feed's log, is no part of the merge).
UNMERGE = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {g} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g} && ?other != {feed}) }}
}}"""
# {feed}: the feed's graph, left out of the merge
REMERGE = """CLEAR SILENT DEFAULT ;
INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {feed}) }}"""


def ntriples(graph_iri: str, graph: Graph) -> str:
    """A graph's triples as N-Triples text, by Oxigraph's own serializer (never pasted by
    hand); StoreError for a term Oxigraph refuses."""
    try:
        iri_term(graph_iri)  # validates the IRI before it goes into an update
        triples = [to_ox_triple(t) for t in graph]
    except (ValueError, TypeError) as exc:  # e.g. an IRI with a space, which rdflib allows
        raise StoreError(f"cannot store {graph_iri}: {exc}") from exc
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def reserialized(data: str) -> str:
    """N-Triples text parsed and written again by Oxigraph (StoreError if it is not)."""
    try:
        triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    except SyntaxError as exc:
        raise StoreError(f"not N-Triples: {exc}") from exc
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def change_update(graph_iri: str, data: str | None, merged: bool, feed: str) -> str:
    """SPARQL Update text that replaces one named graph by the N-Triples `data`, or drops
    it when `data` is None; `feed` is the feed graph's IRI, kept out of the merge."""
    name, feed_term = iri_term(graph_iri), iri_term(feed)
    # DROP and INSERT in one update request run in one transaction: readers see the old
    # graph or the new one, and a crash leaves one of them, never a mix.
    unmerge = f"{UNMERGE.format(g=name, feed=feed_term)} ;\n" if merged else ""
    drop = f"{unmerge}DROP SILENT GRAPH {name}"
    if data is None:
        return drop
    if not merged:
        return f"{drop} ;\nINSERT DATA {{ GRAPH {name} {{\n{data}}} }}"
    return f"{drop} ;\nINSERT DATA {{ GRAPH {name} {{\n{data}}}\n{data}}}"  # and the merge


def fingerprint(graph: Iterable) -> str:
    """A hash of a graph's sorted N-Triples (stable for graphs without blank nodes)."""
    lines = ox.serialize(map(to_ox_triple, graph), format=ox.RdfFormat.N_TRIPLES).splitlines()
    lines.sort()
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]


@lru_cache(maxsize=8)
def reference_data(base: str, reference_iri: str) -> tuple[str, str, int]:
    """Our reference graph under `base` as N-Triples, its fingerprint and its size: the same
    for every store opened on that base in this process, and building them took about half
    of opening a store (0.3 s)."""
    from communique.mapping.graph.reference import reference_graph

    graph = reference_graph(base)
    return ntriples(reference_iri, graph), fingerprint(graph), len(graph)
