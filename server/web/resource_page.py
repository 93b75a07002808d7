"""Turn a resource description (an rdflib graph) into what the HTML page shows.

The page needs no second lookup for neighbours' labels: `Store.describe` brings them.
Facts that point at the resource (events, figures, quotations, memberships) are shown
with their evidence sentence and source article, read from the store by direct pattern
lookups (no SPARQL text is built).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from communique.ontology.namespace import DIP, ORG, PROV, SDO
from communique.server.web.labels import Labeller, tail

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SDO.name)
# Shown in the page header rather than among the facts.
HEADER_PREDICATES = {RDF.type, DIP.evidence, PROV.wasDerivedFrom}
FACT_CLASSES = {
    DIP.DiplomaticEvent,
    DIP.Visit,
    DIP.Meeting,
    DIP.Talks,
    DIP.AgreementSigning,
    DIP.PhoneCall,
    DIP.Summit,
    DIP.Ceremony,
    DIP.Statement,
    DIP.Agreement,
    DIP.MonetaryFigure,
    DIP.Quotation,
    DIP.Membership,
}
# How an incoming property reads from the object's side, for the page's headings.
INVERSE_HEADINGS = {
    PROV.wasDerivedFrom: "Facts read from this article",
    DIP.mentions: "Mentioned in",
    DIP.participant: "Took part in",
    DIP.host: "Host of",
    DIP.guest: "Guest at",
    DIP.place: "Place of",
    DIP.party: "Party to",
    DIP.concerns: "Figures about it",
    DIP.speaker: "Quoted",
    SDO.publisher: "Publisher of",
    DIP.country: "Located or based here",
    DIP.partOf: "Includes",
    DIP.signedIn: "Agreements signed here",
    DIP.datelinePlace: "Dateline of",
    DIP.eventType: "Events of this type",
    DIP.topic: "On this topic",
    DIP.measure: "Figures of this measure",
    ORG.member: "Roles held",
    ORG.organization: "Roles in it",
    ORG.role: "Held by",
}
MAX_VALUES = 200  # per group; a country can be mentioned by thousands of articles
WEB_SCHEMES = ("http://", "https://")  # literal URLs worth a link (never javascript: or data:)


@dataclass
class Term:
    """One node as shown: its text, where it links, and a note (datatype or language)."""

    value: str
    label: str
    href: str | None = None
    kind: str = "iri"  # "iri", "literal" or "bnode"
    note: str = ""
    evidence: list[str] = field(default_factory=list)
    sources: list[Term] = field(default_factory=list)
    types: list[Term] = field(default_factory=list)


@dataclass
class Group:
    """The values of one property, outgoing (resource -> values) or incoming (values -> it)."""

    predicate: Term
    values: list[Term]
    more: int = 0  # values left out past MAX_VALUES
    heading: str = ""  # for incoming groups: the relation read backwards


@dataclass
class ResourcePage:
    iri: str
    label: str
    types: list[Term]
    evidence: list[str]
    sources: list[Term]
    outgoing: list[Group]
    incoming: list[Group]
    same_as: list[Term]


Linker = Callable[[str], str | None]


class PageBuilder:
    """Builds `ResourcePage`s; `link` maps an IRI to a URL of this server (or None)."""

    def __init__(self, graph: Graph, link: Linker, ox_store: ox.Store | None = None) -> None:
        self.graph = graph
        self.link = link
        self.ox = ox_store
        self.ns = graph.namespace_manager
        self._headlines: dict[str, str] = {}
        self.labeller = Labeller(ox_store)

    # -- labels ---------------------------------------------------------------------

    def label(self, node: Node) -> str:
        """The best label the description holds for a node, else a readable short form."""
        labels = [
            o
            for p in LABEL_PREDICATES
            for o in self.graph.objects(node, p)  # type: ignore[arg-type]
            if isinstance(o, Literal)
        ]
        for lit in labels:
            if lit.language in (None, "", "en"):
                return str(lit)
        if labels:
            return str(labels[0])
        return self.short(node)

    def short(self, node: Node) -> str:
        if isinstance(node, URIRef):
            try:
                short = self.ns.normalizeUri(node) if self._has_prefix(node) else tail(node)
            except ValueError:
                return str(node)
            # rdflib writes <iri> when the local part is not a valid name ("1522867/")
            return str(node) if short.startswith("<") else short
        return str(node)

    def _has_prefix(self, node: URIRef) -> bool:
        return any(str(node).startswith(str(ns)) for _, ns in self.ns.namespaces())

    def term(self, node: Node) -> Term:
        if isinstance(node, Literal):
            note = f"@{node.language}" if node.language else ""
            if node.datatype:
                note = self.short(URIRef(node.datatype))
            # an article's schema:url is an xsd:anyURI literal: a link to the article online
            web = node.datatype == XSD.anyURI and str(node).startswith(WEB_SCHEMES)
            href = str(node) if web else None
            return Term(str(node), str(node), href=href, kind="literal", note=note)
        if isinstance(node, BNode):
            return Term(str(node), self.label(node), kind="bnode")
        iri = str(node)
        return Term(iri, self.label(node), href=self.link(iri) or iri)

    # -- the page -------------------------------------------------------------------

    def build(self, iri: str) -> ResourcePage:
        node = URIRef(iri)
        g = self.graph
        types = [self.term(t) for t in sorted(g.objects(node, RDF.type))]
        outgoing = self._groups(
            (p, o)
            for p, o in g.predicate_objects(node)
            if p not in HEADER_PREDICATES and p not in LABEL_PREDICATES and p != OWL.sameAs
        )
        labels = self._groups((p, o) for p, o in g.predicate_objects(node) if p in LABEL_PREDICATES)
        incoming = self._groups(((p, s) for s, p in g.subject_predicates(node)), details=True)
        label = self.label(node)
        if label == tail(iri):
            values: dict[str, list[str]] = {}
            for p, o in g.predicate_objects(node):
                values.setdefault(str(p), []).append(str(o))
            label = self._fallback_label(iri, values, types) or label
        return ResourcePage(
            iri=iri,
            label=label,
            types=types,
            evidence=sorted(str(o) for o in g.objects(node, DIP.evidence)),
            sources=[self._source(o) for o in sorted(g.objects(node, PROV.wasDerivedFrom))],
            outgoing=labels + outgoing,
            incoming=incoming,
            same_as=[self.term(o) for o in sorted(g.objects(node, OWL.sameAs))],
        )

    def _groups(self, pairs: Iterable[tuple[Node, Node]], *, details: bool = False) -> list[Group]:
        by_predicate: dict[Node, list[Node]] = {}
        for p, value in pairs:
            by_predicate.setdefault(p, []).append(value)
        groups = []
        for p in sorted(by_predicate, key=lambda p: self.label(p).lower()):
            values = sorted(set(by_predicate[p]), key=_sort_key)
            terms = [self.term(v) for v in values[:MAX_VALUES]]
            if p == SDO.url:  # a URL written as a plain string links as well
                for t in terms:
                    if t.kind == "literal" and t.value.startswith(WEB_SCHEMES):
                        t.href = t.value
            if details:
                # one query for the lot: a remote engine would take a request a node
                self.labeller.prefetch(t.value for t in terms if t.kind == "iri")
                for t in terms:
                    self._add_details(t)
            heading = INVERSE_HEADINGS.get(p, "") if details else ""  # type: ignore[call-overload]
            groups.append(Group(self.term(p), terms, max(0, len(values) - MAX_VALUES), heading))
        return groups

    def _add_details(self, term: Term) -> None:
        """Types, a readable label, and for a fact its evidence and source article."""
        if self.ox is None or term.kind != "iri":
            return
        values = self.labeller.values_of(term.value)
        types = [URIRef(t) for t in values.get(str(RDF.type), [])]
        term.types = [
            Term(str(t), self.labeller.class_label(str(t)), href=self.link(str(t))) for t in types
        ]
        if term.label == tail(term.value):
            term.label = self._fallback_label(term.value, values, term.types) or term.label
        if not FACT_CLASSES.intersection(types):
            return
        term.evidence = sorted(values.get(str(DIP.evidence), []))
        term.sources = [
            Term(iri, self._headline(iri), href=self.link(iri))
            for iri in values.get(str(PROV.wasDerivedFrom), [])
        ]

    def _fallback_label(self, iri: str, values: dict[str, list[str]], types: list[Term]) -> str:
        """For a node nothing labels: named after what it says (see web.labels)."""
        if str(DIP.Article) in values.get(str(RDF.type), []):
            return self._headline(iri)  # the same name as where it is cited as a source
        return self.labeller.label(values, ", ".join(t.label for t in types))

    def _source(self, node: Node) -> Term:
        term = self.term(node)
        if self.ox is not None and term.kind == "iri":
            term.label = self._headline(term.value)
        return term

    def _headline(self, article: str) -> str:
        """An article's headline or, without one, its outlet, place, date and first words
        (every fact of an article names the same one)."""
        if article not in self._headlines:
            found = self.labeller.article_label(article)
            self._headlines[article] = found or self.short(URIRef(article))
        return self._headlines[article]


def _sort_key(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, str(node))
