"""SPARQL Update text for the store's writes, built only from IRIs we validated and from
Oxigraph's own N-Triples serializer (never from pasted user text)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph

from communique.server.errors import StoreError
from communique.server.store_terms import iri_term, to_ox_triple

# Removes from the default graph the triples of graph {g} that no other named graph holds.
UNMERGE = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {g} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }}
}}"""
REMERGE = "CLEAR SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def replace_update(graph_iri: str, graph: Graph, merged: bool) -> str:
    """SPARQL Update text that replaces one named graph by `graph`."""
    try:
        name = iri_term(graph_iri)  # validates the IRI before it goes into the update
        triples = [to_ox_triple(t) for t in graph]
    except (ValueError, TypeError) as exc:  # e.g. an IRI with a space, which rdflib allows
        raise StoreError(f"cannot store {graph_iri}: {exc}") from exc
    # The data is written by Oxigraph's own N-Triples serializer, never pasted by hand. DROP
    # and INSERT in one update request run in one transaction: readers see the old graph or
    # the new one, and a crash leaves one of them, never a mix.
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if not merged:
        return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{data}}} }}"
    unmerge = UNMERGE.format(g=name)
    insert = f"INSERT DATA {{ GRAPH {name} {{\n{data}}}\n{data}}}"  # the graph, and the merge
    return f"{unmerge} ;\nDROP SILENT GRAPH {name} ;\n{insert}"


def fingerprint(graph: Iterable) -> str:
    """A hash of a graph's sorted N-Triples (stable for graphs without blank nodes)."""
    lines = ox.serialize(map(to_ox_triple, graph), format=ox.RdfFormat.N_TRIPLES).splitlines()
    lines.sort()
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]
