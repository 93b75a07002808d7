"""Readable names for nodes nothing labels: facts are named after what they say.

An event, membership or figure has no name of its own in the data; its page and the
links to it read better as "Meeting: Hadja Lahbib, Bùi Thanh Sơn (2025-10-02)" than as
a hash. Names of the nodes a fact points to are read from the store (cached per page).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SKOS

from communique.ontology.namespace import DIP, ORG, PROV, SDO

NAME_PREDICATES = tuple(ox.NamedNode(str(p)) for p in (SDO.name, SKOS.prefLabel, RDFS.label))
HEADLINE = ox.NamedNode(str(SDO.headline))
MAX_NAMES = 3  # participants named in an event's label
SNIPPET_WORDS = 8  # words of an article's evidence in the label of an article without title
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

    def name_of(self, iri: str) -> str | None:
        """The schema:name, skos:prefLabel or rdfs:label of a node in the store."""
        if self.ox is None:
            return None
        if iri not in self._names:
            found = None
            try:
                node = ox.NamedNode(iri)
            except ValueError:
                node = None
            for predicate in NAME_PREDICATES if node is not None else ():
                quads = list(self.ox.quads_for_pattern(node, predicate, None, None))
                english = [q.object for q in quads if q.object.language in (None, "en")]
                if english or quads:
                    found = (english or [q.object for q in quads])[0].value
                    break
            self._names[iri] = found
        return self._names[iri]

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
        values: dict[str, list[str]] = {}
        if self.ox is None:
            return values
        for q in self.ox.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            bucket = values.setdefault(q.predicate.value, [])
            if q.object.value not in bucket:
                bucket.append(q.object.value)
        return values

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


def _object(store: ox.Store, node: ox.NamedNode, predicate: str) -> ox.Term | None:
    return next((q.object for q in store.quads_for_pattern(node, _P[predicate], None, None)), None)


def _lede(store: ox.Store, article: ox.NamedNode) -> str:
    """The first words of the sentence most facts of the article were read from."""
    facts = {q.subject for q in store.quads_for_pattern(None, _P["derived"], article, None)}
    counts: Counter[str] = Counter()
    for fact in facts:
        # a set: with the merged default graph each quad is there twice
        counts.update({q.object.value for q in store.quads_for_pattern(fact, _P["evidence"], None)})
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
        head, _, tail = iri.rstrip("/").rpartition(sep)
        if head and tail:
            return tail
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
