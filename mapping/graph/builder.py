"""The graph of one article: the extracted facts in the ontology's terms, IRIs from the
Minter only, provenance on every fact, and the labels that make the graph self-contained.
The article and its entities are written here, the facts by graph/fact_nodes.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, XSD

from communique.mapping.article import Article
from communique.mapping.concepts import Concept
from communique.mapping.entities.countries import country_by_code
from communique.mapping.entities.entity import Entity
from communique.mapping.events.finder import Event
from communique.mapping.facts.agreements import Agreement
from communique.mapping.facts.figures import Figure
from communique.mapping.facts.quotes import Quote
from communique.mapping.facts.role import Role
from communique.mapping.graph.fact_nodes import RDF_TYPE, FactNodes
from communique.mapping.graph.triple_store import TripleStore
from communique.mapping.iris import Minter, article_key, text_hash
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.mentions.gazetteers import city_geonames_id
from communique.ontology import PREFIXES
from communique.ontology.namespace import DIP, GEONAMES, SDO


@dataclass
class Facts:
    """Everything extracted from one article, ready to be written as RDF."""

    entities: list[Entity]
    roles: list[Role] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: dict[int, list[Concept]] = field(default_factory=dict)  # id(event|agreement) -> topics
    dateline_place: Entity | None = None


class GraphBuilder(FactNodes):
    """Writes one article's facts; `build()` returns the graph."""

    def __init__(self, article: Article, minter: Minter) -> None:
        self.article = article
        self.minter = minter
        self.key = article_key(article)
        self.iri = minter.article(article)
        # a plain triple store: one article's graph needs no contexts, and adding to it is
        # several times as fast as to the default context-aware Memory store
        self.g = Graph(store=TripleStore(), bind_namespaces="core")
        # the store's own add: Graph.add re-checks every term's type, and ours are minted
        self._store_put = self.g.store.put
        # (bound in the store itself: the namespace manager's checks cost more than the
        # rest of an empty graph, and our prefixes are fixed and distinct)
        for prefix, namespace in PREFIXES.items():
            self.g.store.bind(prefix, URIRef(namespace))
        self.concepts: dict[URIRef, Concept] = {}
        self.node: dict[int, URIRef] = {}  # id(entity) -> IRI
        self.countries: set[URIRef] = set()  # countries typed in the graph already
        self.named: dict[URIRef, str] = {}  # persons, organizations, places -> schema:name
        self._facts_seen: dict[tuple[str, ...], list[str]] = {}

    def add(self, s, p, o) -> None:
        self._store_put(s, p, o)

    def build(self, facts: Facts) -> Graph:
        self._article_node()
        for e in facts.entities:
            self._entity(e)
        if facts.dateline_place is not None:
            self.add(self.iri, DIP.datelinePlace, self.node[id(facts.dateline_place)])
        for r in facts.roles:
            self._role(r)
        event_iris = {id(e): self._event(e) for e in facts.events}
        for ev in facts.events:
            if ev.part_of is not None and id(ev.part_of) in event_iris:
                self.add(event_iris[id(ev)], DIP.partOf, event_iris[id(ev.part_of)])
        for a in facts.agreements:
            iri = self._agreement(a, event_iris)
            for c in facts.topics.get(id(a), []):
                self.add(iri, DIP.topic, self._concept(c))
        for ev in facts.events:
            for c in facts.topics.get(id(ev), []):
                self.add(event_iris[id(ev)], DIP.topic, self._concept(c))
        for f in facts.figures:
            self._figure(f)
        for q in facts.quotes:
            self._quote(q)
        for c in self.concepts.values():
            for t in c.triples():
                self.add(*t)
        return self.g

    # -- nodes ----------------------------------------------------------------------------
    def _article_node(self) -> None:
        a = self.article
        self.add(self.iri, RDF_TYPE, DIP.Article)
        self.add(self.iri, SDO.datePublished, self.dated)
        # the text's hash tells revisions apart; the IRI comes from what names the article
        self.add(self.iri, SDO.sha256, Literal(text_hash(a)))
        if a.url:
            self.add(self.iri, SDO.url, Literal(a.url, datatype=XSD.anyURI))
        if a.title:
            self.add(self.iri, SDO.headline, Literal(a.title))
        if a.outlet:  # the input's "source": the outlet that published the article
            outlet = self.minter.organization(a.outlet)
            self.add(self.iri, SDO.publisher, outlet)
            self.add(outlet, RDF_TYPE, SDO.Organization)
            self.add(outlet, SDO.name, Literal(a.outlet))

    def _entity(self, e: Entity) -> URIRef:
        if id(e) in self.node:
            return self.node[id(e)]
        if e.kind == COUNTRY:
            iri = self.minter.country(e.key)
            rec = country_by_code(e.key)
            self.add(iri, RDF_TYPE, DIP.Country)
            self.countries.add(iri)
            self.add(iri, DIP.iso3, Literal(e.key))
            self.add(iri, SDO.name, Literal(rec.name if rec else e.name))
            if rec and rec.geonames_id:
                self.add(iri, OWL.sameAs, GEONAMES[f"{rec.geonames_id}/"])
        else:
            iri = self._curated(e)
            if e.subkind == "city" and (gid := city_geonames_id(e.name, e.iso3)):
                self.add(iri, OWL.sameAs, GEONAMES[f"{gid}/"])
        if e.kind != COUNTRY:
            for alt in e.names:
                if alt != e.name:
                    self.add(iri, SDO.alternateName, Literal(alt))
            if e.iso3 and e.kind in (ORG, PLACE):
                self.add(iri, DIP.country, self._country(e.iso3))
        self.node[id(e)] = iri
        self.add(self.iri, DIP.mentions, iri)
        return iri

    def _curated(self, e: Entity) -> URIRef:
        """A person, organization or place under the name an aliases file gives it, if
        any; the IRIs it had before (its variant's, a person's slug) become its sameAs."""
        kind = {PERSON: "person", ORG: "organization"}.get(e.kind, "place")
        name = self.minter.canonical(kind, e.name) or e.name
        iri = self._mint(e, name)
        former = {self._mint(e, e.name)} if name != e.name else set()
        if e.kind == PERSON:
            former |= {self.minter.former_person(n) for n in {name, e.name}} - {None}
        for old in sorted(former - {iri}):
            self.add(iri, OWL.sameAs, old)
        if name != e.name:
            self.add(iri, SDO.alternateName, Literal(e.name))
        cls = {PERSON: DIP.Person, ORG: DIP.Organization}.get(e.kind, DIP.Place)
        return self._named(iri, cls, name)

    def _mint(self, e: Entity, name: str) -> URIRef:
        if e.kind == PERSON:
            return self.minter.person(name, scope=self.key)
        if e.kind == ORG:
            return self.minter.organization(name)
        return self.minter.place(name, e.iso3)

    def _named(self, iri: URIRef, cls: URIRef, name: str) -> URIRef:
        """Type and name a node; a second entity of the article with the same IRI (a
        spelling of the same name) adds its name as an alternate one."""
        self.add(iri, RDF_TYPE, cls)
        first = self.named.setdefault(iri, name)
        if first == name:
            self.add(iri, SDO.name, Literal(name))
        else:
            self.add(iri, SDO.alternateName, Literal(name))
        return iri

    def _country(self, iso3: str) -> URIRef:
        iri = self.minter.country(iso3)
        if iri not in self.countries:
            self._entity(Entity(COUNTRY, iso3, iso3, iso3))
        return iri

    def _concept(self, c: Concept) -> URIRef:
        self.concepts.setdefault(c.iri, c)
        return c.iri
