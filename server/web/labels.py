"""Readable names for nodes nothing labels: facts are named after what they say.

An event, membership or figure has no name of its own in the data; its page and the
links to it read better as "Meeting: Hadja Lahbib, Bùi Thanh Sơn (2025-10-02)" than as
a hash. Names of the nodes a fact points to are read from the store (cached per page).
A page with many facts first `prefetch`es them: their values and the names they point to
come in two queries, not one lookup per node (over a remote engine, one request each).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SKOS

from communique.ontology.namespace import DIP, ORG, PROV, SDO
from communique.server.store.terms import iri_term

NAME_PREDICATES = tuple(ox.NamedNode(str(p)) for p in (SDO.name, SKOS.prefLabel, RDFS.label))
HEADLINE = ox.NamedNode(str(SDO.headline))
MAX_NAMES = 3  # participants named in an event's label
SNIPPET_WORDS = 8  # words of an article's evidence in the label of an article without title
PREFETCH_CHUNK = 200  # nodes per prefetch query
# Named graphs only: they hold every triple (the merged default graph repeats them).
VALUES_QUERY = "SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} }}"
NAMES_QUERY = (
    "SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {nodes} }} VALUES ?p {{ {predicates} }} "
    "GRAPH ?g {{ ?s ?p ?o }} }}"
)
LEDE_QUERY = (
    "SELECT DISTINCT ?fact ?text WHERE {{ GRAPH ?g {{ ?fact {derived} {article} ; "
    "{evidence} ?text }} }}"
)
# the values of a fact that name other nodes its label reads the names of
NAMED_VALUES = tuple(str(p) for p in (ORG.member, ORG.role, DIP.participant, SDO.publisher))
_P = {
    name: ox.NamedNode(str(term))
    for name, term in (
        ("publisher", SDO.publisher),
        ("name", SDO.name),
        ("dateline", DIP.datelinePlace),
        ("published", SDO.datePublished),
        ("derived", PROV.wasDerivedFrom),
        ("evidence", DIP.evidence),
    )
}


class Labeller:
    """Names facts from their property values (`{predicate IRI: [values as text]}`)."""

    def __init__(self, ox_store: ox.Store | None) -> None:
        self.ox = ox_store
        self._names: dict[str, str | None] = {}
        self._class_labels: dict[str, str] = {}
        self._values: dict[str, dict[str, list[str]]] = {}

    def prefetch(self, iris: Iterable[str]) -> None:
        """Read the values of many nodes, and the names of the nodes they point to, in a
        few queries: what `values_of`, `name_of` and `label` then ask is answered here."""
        if self.ox is None:
            return
        todo = [i for i in dict.fromkeys(iris) if i not in self._values and _valid(i)]
        for chunk in _chunks(todo):
            found: dict[str, dict[str, list[str]]] = {i: {} for i in chunk}
            for row in self.ox.query(VALUES_QUERY.format(nodes=_terms(chunk))):
                bucket = found[row["s"].value].setdefault(row["p"].value, [])
                if row["o"].value not in bucket:
                    bucket.append(row["o"].value)
            self._values.update(found)
        named = {v for i in todo for p in NAMED_VALUES for v in self._values[i].get(p, [])}
        self.prefetch_names(named)

    def prefetch_names(self, iris: Iterable[str]) -> None:
        """`name_of` for many nodes in one query a chunk."""
        if self.ox is None:
            return
        todo = [i for i in dict.fromkeys(iris) if i not in self._names and _valid(i)]
        predicates = " ".join(str(p) for p in NAME_PREDICATES)
        for chunk in _chunks(todo):
            quads: dict[str, list[tuple[str, ox.Literal]]] = {i: [] for i in chunk}
            query = NAMES_QUERY.format(nodes=_terms(chunk), predicates=predicates)
            for row in self.ox.query(query):
                if isinstance(row["o"], ox.Literal):
                    quads[row["s"].value].append((row["p"].value, row["o"]))
            for iri, names in quads.items():
                self._names[iri] = _best_name(names)

    def name_of(self, iri: str) -> str | None:
        """The schema:name, skos:prefLabel or rdfs:label of a node in the store."""
        if self.ox is None:
            return None
        if iri not in self._names:
            self.prefetch_names([iri])
        return self._names.get(iri)

    def headline(self, article: str) -> str | None:
        if self.ox is None:
            return None
        quads = self.ox.quads_for_pattern(ox.NamedNode(article), HEADLINE, None, None)
        return next((q.object.value for q in quads), None)

    def article_label(self, article: str) -> str | None:
        """The headline, else "{outlet}, {dateline place}, {date}: {first words}…" from
        what the store holds (the body itself is not stored: its words are those of the
        sentence most of the article's facts were read from, usually the lede)."""
        if self.ox is None:
            return None
        headline = self.headline(article)
        if headline:
            return headline
        node = ox.NamedNode(article)
        where = [self._name_via(node, "publisher"), self._name_via(node, "dateline")]
        published = _object(self.ox, node, "published")
        if published is not None:
            try:
                day = dt.date.fromisoformat(published.value)
                where.append(f"{day.day} {day:%B %Y}")
            except ValueError:
                where.append(published.value)
        label = ", ".join(part for part in where if part)
        snippet = _lede(self.ox, node)
        if snippet:
            label = f"{label}: {snippet}" if label else snippet
        return label or None

    def values_of(self, iri: str) -> dict[str, list[str]]:
        """`{predicate IRI: [values as text]}` of a node in the store, each value once."""
        if self.ox is None or not _valid(iri):
            return {}
        if iri not in self._values:
            self.prefetch([iri])
        return self._values[iri]

    def class_label(self, cls: str) -> str:
        """A class's rdfs:label (the reference graph holds the ontology), else its name."""
        if cls not in self._class_labels:
            self._class_labels[cls] = self.name_of(cls) or tail(cls)
        return self._class_labels[cls]

    def fact_label(self, iri: str) -> str | None:
        """A fact (event, membership, figure, ...) named after what it says, from the
        store: "Meeting: A, B (2025-03-11)"; None for a node the store has no type of."""
        values = self.values_of(iri)
        types = values.get(str(RDF.type), [])
        if not types:
            return None
        return self.label(values, ", ".join(self.class_label(t) for t in types))

    def _name_via(self, node: ox.NamedNode, predicate: str) -> str | None:
        """The name of the node `predicate` points to (the outlet, the dateline place)."""
        target = _object(self.ox, node, predicate) if self.ox is not None else None
        return self.name_of(target.value) if isinstance(target, ox.NamedNode) else None

    def label(self, values: dict[str, list[str]], kind: str) -> str:
        """A label from the values: headline or text, else the kind and what it is about."""
        for predicate in (SDO.headline, SDO.text):
            if values.get(str(predicate)):
                return values[str(predicate)][0]
        about = self._about(values)
        when = _first(values, DIP.date, SDO.datePublished, DIP.attestedOn, DIP.period)
        text = kind
        if about:
            text = f"{kind}: {about}" if kind else about
        if when and text:
            text = f"{text} ({when})"
        return text

    def _about(self, values: dict[str, list[str]]) -> str:
        """What a fact is about: a membership's person and role, a figure's amount, ..."""
        member = _first(values, ORG.member)
        if member:
            role = _first(values, ORG.role)
            names = [self.name_of(member) or "", self.name_of(role) if role else ""]
            return ", ".join(n for n in names if n)
        amount = _first(values, SDO.value)
        if amount:
            return f"{_number(amount)} {_first(values, SDO.currency) or ''}".strip()
        participants = values.get(str(DIP.participant), [])
        names = sorted(n for n in (self.name_of(p) for p in participants) if n)
        if names:
            more = " …" if len(names) > MAX_NAMES else ""
            return ", ".join(names[:MAX_NAMES]) + more
        return _first(values, SDO.name) or ""


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), PREFETCH_CHUNK):
        yield items[start : start + PREFETCH_CHUNK]


def _terms(iris: list[str]) -> str:
    return " ".join(iri_term(i) for i in iris)


def _best_name(names: list[tuple[str, ox.Literal]]) -> str | None:
    """The first name predicate's value (NAME_PREDICATES order), English or plain first."""
    for predicate in NAME_PREDICATES:
        found = [lit for p, lit in names if p == predicate.value]
        english = [lit for lit in found if lit.language in (None, "en")]
        if english or found:
            return sorted(english or found, key=lambda lit: lit.value)[0].value
    return None


def _object(store: ox.Store, node: ox.NamedNode, predicate: str) -> ox.Term | None:
    return next((q.object for q in store.quads_for_pattern(node, _P[predicate], None, None)), None)


def _lede(store: ox.Store, article: ox.NamedNode) -> str:
    """The first words of the sentence most facts of the article were read from."""
    query = LEDE_QUERY.format(derived=_P["derived"], article=article, evidence=_P["evidence"])
    # one count per fact and distinct sentence: a fact's evidence may be stated twice
    counts = Counter(row["text"].value for row in store.query(query))
    if not counts:
        return ""
    # most facts first; among equals the first in sort order, so the label is stable
    sentence = min(counts, key=lambda text: (-counts[text], text))
    words = sentence.split()
    more = "…" if len(words) > SNIPPET_WORDS else ""
    return " ".join(words[:SNIPPET_WORDS]).rstrip(",;:") + more


def tail(iri: str) -> str:
    """The last segment of an IRI, for a node nothing labels."""
    for sep in ("#", "/"):
        head, _, rest = iri.rstrip("/").rpartition(sep)
        if head and rest:
            return rest
    return iri


def _first(values: dict[str, list[str]], *predicates: object) -> str | None:
    for predicate in predicates:
        found = values.get(str(predicate))
        if found:
            return found[0]
    return None


def _number(text: str) -> str:
    """1300000000 -> 1,300,000,000 (decimals kept as written)."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,}"
