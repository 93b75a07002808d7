"""The store's reads: queries over the merged default graph, counts, one graph, and those
that span graphs: describe (both directions and the neighbours' labels), stats, dumps and
prefixes. Mixed into Store (server/store/articles.py), which holds the writes.

On a remote engine every pattern lookup is an HTTP request, so the neighbours' labels of
`describe` come from one query per LABEL_BATCH nodes instead of three lookups per node.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from communique.mapping import iris
from communique.mapping.graph.persons import PersonFacts, facts_of, facts_query
from communique.ontology import PREFIXES as ONTOLOGY_PREFIXES
from communique.ontology.namespace import SDO
from communique.server.errors import StoreError
from communique.server.store.dump import DUMP_FORMATS, dump_chunks
from communique.server.store.terms import from_ox, iri_term, literal_term

if TYPE_CHECKING:
    from communique.server.feed.log import FeedLog
    from communique.server.store.engine import Engine

LABELS = (RDFS.label, SDO.name, SKOS.prefLabel)
LABEL_NODES = tuple(ox.NamedNode(str(p)) for p in LABELS)

VOCAB_PREFIXES = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    **ONTOLOGY_PREFIXES,
}
LABEL_VALUES = " ".join(str(node) for node in LABEL_NODES)
LABEL_BATCH = 400  # nodes per labels query on a remote engine
# {nodes}, {predicates}: terms serialized by pyoxigraph; {scope}: the graphs to read
LABELS_QUERY = """SELECT ?n ?p ?l WHERE {{
  VALUES ?n {{ {nodes} }} VALUES ?p {{ {predicates} }} {scope}
}}"""
# {prefix}: a literal serialized by store.terms.literal_term
STATS_QUERY = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?class }}
  FILTER(STRSTARTS(STR(?g), {prefix}))
}} GROUP BY ?class ORDER BY DESC(?n)
"""


COUNT_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"  # {g}: iri_term
# {graphs}: IRIs serialized by pyoxigraph
GRAPH_COUNTS = """SELECT ?g (COUNT(*) AS ?n) WHERE {{
  VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }}
}} GROUP BY ?g"""


def values_batches(terms: Iterable[str]) -> Iterator[str]:
    """Serialized terms, sorted, as the contents of VALUES blocks of LABEL_BATCH each."""
    ordered = sorted(terms)
    for start in range(0, len(ordered), LABEL_BATCH):
        yield " ".join(ordered[start : start + LABEL_BATCH])


class Store(Protocol):
    """What these reads need of the Store they are mixed into (server/store/articles.py),
    and the reads themselves."""

    ox: Engine
    base: str
    merged: bool
    remote: bool
    feed: FeedLog

    @property
    def reference_iri(self) -> str: ...
    @property
    def article_graph_prefix(self) -> str: ...
    def count(self, graph_iri: str | None = None) -> int: ...
    def count_default(self) -> int: ...
    def article_graphs(self) -> Iterator[str]: ...
    def version(self) -> str: ...
    def last_modified(self) -> dt.datetime: ...
    def prefixes(self) -> dict[str, str]: ...
    def _graph_counts(self, graphs: Iterable[str]) -> dict[str, int]: ...
    def _labels(self, nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> Iterator[tuple]: ...


class StoreReads:
    """Mixed into Store."""

    # -- reads --------------------------------------------------------------------------

    def query(
        self: Store, text: str, **kwargs: object
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a read query whose default graph is the merge of all graphs.

        Uses the store's default graph when it holds the merge, else asks Oxigraph for the
        union (which repeats a triple once per graph holding it).
        """
        if not self.merged and "default_graph" not in kwargs:
            kwargs.setdefault("use_default_graph_as_union", True)
        return self.ox.query(text, **kwargs)

    def count(self: Store, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or in all named graphs (the merge and the feed not
        counted)."""
        if graph_iri is None:
            merge = self.count_default() if self.merged else 0
            return len(self.ox) - merge - self.count(self.feed.graph_iri)
        rows = self.ox.query(COUNT_GRAPH.format(g=iri_term(graph_iri)))  # counted in Rust
        return int(next(iter(rows))["n"].value)

    def count_default(self: Store) -> int:
        """Triples in the store's default graph (the merge, when it is kept)."""
        rows = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # counted in Rust
        return int(next(iter(rows))["n"].value)

    def has_graph(self: Store, graph_iri: str) -> bool:
        try:
            return self.ox.contains_named_graph(ox.NamedNode(graph_iri))
        except ValueError:
            return False

    def graph(self: Store, graph_iri: str) -> Graph:
        """The triples of one named graph as an rdflib Graph (empty if unknown)."""
        out = Graph(identifier=URIRef(graph_iri))
        for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return out

    def article_graphs(self: Store) -> Iterator[str]:
        """The IRIs of the article named graphs."""
        for name in self.ox.named_graphs():
            if isinstance(name, ox.NamedNode) and name.value.startswith(self.article_graph_prefix):
                yield name.value

    def _graph_counts(self: Store, graphs: Iterable[str]) -> dict[str, int]:
        """Triples in each of `graphs` that holds any, in one query per LABEL_BATCH."""
        counts: dict[str, int] = {}
        for values in values_batches({str(ox.NamedNode(g)) for g in graphs}):
            query = GRAPH_COUNTS.format(graphs=values)
            counts.update({r["g"].value: int(r["n"].value) for r in self.ox.query(query)})
        return counts

    def _existing(self: Store, graphs: Iterable[str]) -> set[str]:
        """Which of `graphs` the store holds (with at least one triple)."""
        return set(self._graph_counts(graphs))

    def describe(self: Store, iri: str) -> Graph:
        """Triples about `iri` in both directions across all graphs, with neighbours' labels."""
        out = Graph()
        try:
            node = ox.NamedNode(iri)
        except ValueError:  # not even an IRI: nothing is known about it
            return out
        # With the merge, the default graph alone holds every triple once.
        where = ox.DefaultGraph() if self.merged else None
        neighbours: set[ox.NamedNode | ox.BlankNode] = set()
        for q in self.ox.quads_for_pattern(node, None, None, where):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            neighbours.add(q.predicate)
            if not isinstance(q.object, ox.Literal):
                neighbours.add(q.object)
        for q in self.ox.quads_for_pattern(None, None, node, where):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            neighbours.update((q.subject, q.predicate))
        neighbours.discard(node)
        if self.remote:  # one query for all the labels, not one request per lookup
            for s, p, o in self._labels(neighbours):
                out.add((from_ox(s), from_ox(p), from_ox(o)))
            return out
        for n in neighbours:
            for label in LABEL_NODES:
                for q in self.ox.quads_for_pattern(n, label, None, where):
                    out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return out

    def _labels(self: Store, nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> Iterator[tuple]:
        """(node, label predicate, label) of `nodes`, LABEL_BATCH nodes per query (a blank
        node cannot be named in a remote query: left out)."""
        named = {str(n) for n in nodes if isinstance(n, ox.NamedNode)}
        scope = "{ ?n ?p ?l }" if self.merged else "{ ?n ?p ?l } UNION { GRAPH ?g { ?n ?p ?l } }"
        for values in values_batches(named):
            query = LABELS_QUERY.format(nodes=values, predicates=LABEL_VALUES, scope=scope)
            for row in self.ox.query(query):
                yield row["n"], row["p"], row["l"]

    def person_facts(
        self: Store, persons: list[URIRef], except_graph: URIRef
    ) -> dict[URIRef, PersonFacts]:
        """What the other articles' graphs tell of these persons (graph/persons.py): their
        names with middle names and the countries of their offices."""
        graph = Graph()
        leave_out = str(ox.NamedNode(str(except_graph)))
        for values in values_batches({str(ox.NamedNode(str(p))) for p in persons}):
            for t in self.ox.query(facts_query(values, leave_out)):
                graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        found = {person: facts_of(graph, person) for person in persons}
        return {person: facts for person, facts in found.items() if facts.names or facts.countries}

    def stats(self: Store) -> dict:
        """Counts: articles, triples (all, in articles, in the reference graph), classes."""
        prefix = self.article_graph_prefix
        articles = sum(1 for _ in self.article_graphs())
        reference = self.count(self.reference_iri)
        merge = self.count_default() if self.merged else 0
        total = len(self.ox) - merge - self.count(self.feed.graph_iri)  # but the feed's
        classes = {
            row["class"].value: int(row["n"].value)
            for row in self.ox.query(STATS_QUERY.format(prefix=literal_term(prefix)))
        }
        return {
            "articles": articles,
            "triples": total,
            "article_triples": total - reference,
            "reference_triples": reference,
            "entities_by_class": classes,
            "merged_default_graph": self.merged,
            "distinct_triples": merge if self.merged else None,
            "version": self.version(),
            "last_modified": self.last_modified().isoformat(),
        }

    def dump(self: Store, fmt: str) -> Iterator[bytes]:
        """The whole dataset serialized as fmt ("nq", "trig", "ttl", "nt"), in chunks."""
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown dump format {fmt!r}; expected one of {sorted(DUMP_FORMATS)}")
        skip = frozenset({self.feed.graph_iri})  # the feed is served at /feed
        return dump_chunks(self.ox, fmt, self.prefixes(), merged=self.merged, skip=skip)

    def prefixes(self: Store) -> dict[str, str]:
        """Prefixes for Turtle and TriG output: the vocabularies and our data IRIs."""
        data = {kind: iris.kind_prefix(self.base, kind) for kind in iris.kinds()}
        data["graph"] = self.article_graph_prefix
        return {**VOCAB_PREFIXES, **data}
