"""The graph of one article: the extracted facts in the ontology's terms, IRIs from the
Minter only, provenance on every fact, and the labels that make the graph self-contained."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from spacy.tokens import Span

from communique.mapping.article import Article
from communique.mapping.concepts import Concept, event_type, role
from communique.mapping.entities.countries import country_by_code
from communique.mapping.entities.entity import Entity
from communique.mapping.events.finder import Event
from communique.mapping.facts.agreements import Agreement
from communique.mapping.facts.figures import Figure
from communique.mapping.facts.quotes import Quote
from communique.mapping.facts.roles import Role
from communique.mapping.iris import Minter, article_key, opening_words, text_hash
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON, PLACE
from communique.mapping.mentions.gazetteers import city_geonames_id
from communique.mapping.nlp.language import doc_text
from communique.ontology import PREFIXES
from communique.ontology.namespace import DIP, GEONAMES, PROV, SDO
from communique.ontology.namespace import ORG as W3ORG

EVENT_CLASSES = {
    "visit": DIP.Visit,
    "meeting": DIP.Meeting,
    "talks": DIP.Talks,
    "phone-call": DIP.PhoneCall,
    "agreement-signing": DIP.AgreementSigning,
    "summit": DIP.Summit,
    "ceremony": DIP.Ceremony,
    "statement": DIP.Statement,
}
STATUSES = {
    "Actual": DIP.Actual,
    "Target": DIP.Target,
    "Forecast": DIP.Forecast,
    "Pledge": DIP.Pledge,
}


# The longest sentence of the corpora is about 420 characters. A fact read from a longer
# one (a whole article run into one line) keeps as evidence only this much of it around
# where it is told: every fact of such a line repeating all of it makes the graph grow
# with the square of the line.
EVIDENCE_CHARS = 1000


def evidence(text: str, start: int, end: int, at: int | None = None) -> str:
    """The sentence text[start:end] as evidence of a fact told at offset `at`: whole, or
    for a very long one the whole words within EVIDENCE_CHARS around `at`."""
    if end - start <= EVIDENCE_CHARS:
        return text[start:end].strip()
    at = start if at is None else min(max(at, start), end)
    first = max(start, min(at - EVIDENCE_CHARS // 2, end - EVIDENCE_CHARS))
    lo, hi = first, first + EVIDENCE_CHARS
    while lo < hi and lo > start and not text[lo - 1].isspace():
        lo += 1  # no word cut at the start
    while hi > lo and hi < end and not text[hi].isspace():
        hi -= 1  # nor at the end
    # (a stretch with no space at all is cut where it is: evidence is never empty)
    return (
        text[lo:hi].strip()
        or text[first : first + EVIDENCE_CHARS].strip()
        or text[start:end].strip()
    )


def _canonical_decimal(value) -> str:
    """XSD's canonical decimal ("1300000000.0"), so the literal survives any serialization."""
    text = format(value.normalize(), "f")
    return text if "." in text else text + ".0"


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


class GraphBuilder:
    """Writes one article's facts; `build()` returns the graph."""

    def __init__(self, article: Article, minter: Minter) -> None:
        self.article = article
        self.minter = minter
        self.key = article_key(article)
        self.iri = minter.article(article)
        # a plain triple store: one article's graph needs no contexts, and adding to it is
        # about twice as fast as to the default context-aware Memory store
        self.g = Graph(store="SimpleMemory", bind_namespaces="core")
        # the store's own add: Graph.add re-checks every term's type, and ours are minted
        self._store_add = self.g.store.add
        for prefix, namespace in PREFIXES.items():
            self.g.bind(prefix, namespace)
        self.concepts: dict[URIRef, Concept] = {}
        self.node: dict[int, URIRef] = {}  # id(entity) -> IRI
        self.countries: set[URIRef] = set()  # countries typed in the graph already
        self.named: dict[URIRef, str] = {}  # persons, organizations, places -> schema:name
        self._facts_seen: dict[tuple[str, ...], list[str]] = {}

    def add(self, s, p, o) -> None:
        self._store_add((s, p, o), self.g, quoted=False)

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
                self.g.add(t)
        return self.g

    # -- nodes ----------------------------------------------------------------------------
    def _article_node(self) -> None:
        a = self.article
        self.add(self.iri, RDF.type, DIP.Article)
        self.add(self.iri, SDO.datePublished, Literal(a.date.isoformat(), datatype=XSD.date))
        # the text's hash tells revisions apart; the IRI comes from what names the article
        self.add(self.iri, SDO.sha256, Literal(text_hash(a)))
        if a.url:
            self.add(self.iri, SDO.url, Literal(a.url, datatype=XSD.anyURI))
        if a.title:
            self.add(self.iri, SDO.headline, Literal(a.title))
        if a.outlet:  # the input's "source": the outlet that published the article
            outlet = self.minter.organization(a.outlet)
            self.add(self.iri, SDO.publisher, outlet)
            self.add(outlet, RDF.type, SDO.Organization)
            self.add(outlet, SDO.name, Literal(a.outlet))

    def _entity(self, e: Entity) -> URIRef:
        if id(e) in self.node:
            return self.node[id(e)]
        if e.kind == COUNTRY:
            iri = self.minter.country(e.key)
            rec = country_by_code(e.key)
            self.add(iri, RDF.type, DIP.Country)
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
            former |= {self.minter.former_person(n) for n in (name, e.name)} - {None}
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
        self.add(iri, RDF.type, cls)
        first = self.named.setdefault(iri, name)
        if first == name:
            self.add(iri, SDO.name, Literal(name))
        else:
            self.add(iri, SDO.alternateName, Literal(name))
        return iri

    def _fact(self, kind: str, *facts: str, told: str | None = None) -> URIRef:
        """A fact's IRI from what it is. Facts of the article with the same defining facts
        but told apart (`told`: which telling) get their rank among them in text order,
        so that an edit elsewhere in the article changes no IRI; without `told` they are
        one fact."""
        tellings = self._facts_seen.setdefault((kind, *facts), [])
        if told is not None and told not in tellings:
            tellings.append(told)
        rank = tellings.index(told) if told is not None else 0
        return self.minter.fact(kind, *facts, *([f"#{rank}"] if rank else []))

    def _country(self, iso3: str) -> URIRef:
        iri = self.minter.country(iso3)
        if iri not in self.countries:
            self._entity(Entity(COUNTRY, iso3, iso3, iso3))
        return iri

    def _concept(self, c: Concept) -> URIRef:
        self.concepts.setdefault(c.iri, c)
        return c.iri

    def _provenance(self, node: URIRef, sentence: Span, at: int | None) -> None:
        text = doc_text(sentence.doc)
        self._provenance_in(node, text, sentence.start_char, sentence.end_char, at)

    def _provenance_in(self, node: URIRef, text: str, start: int, end: int, at: int | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.iri)
        self.add(node, DIP.evidence, Literal(evidence(text, start, end, at)))

    # -- facts ----------------------------------------------------------------------------
    def _role(self, r: Role) -> None:
        person = self.node[id(r.person)]
        concept = role(r.label)
        org = self._country(r.country) if r.country else None
        if org is None and r.organization is not None and id(r.organization) in self.node:
            org = self.node[id(r.organization)]
        iri = self._fact("membership", self.key, str(person), str(concept.iri), str(org or ""))
        self.add(iri, RDF.type, DIP.Membership)
        self.add(iri, W3ORG.member, person)
        self.add(iri, W3ORG.role, self._concept(concept))
        wording = r.wording
        if wording and wording.casefold() != concept.label.casefold():
            if any(wording.casefold() == f.casefold() for f in concept.forms):
                # the form the article uses, one of the concept's altLabels: SKOS makes every
                # altLabel an rdfs:label; stating this one keeps the article's own wording
                self.add(concept.iri, RDFS.label, Literal(wording, lang="en"))
        if org is not None:
            self.add(iri, W3ORG.organization, org)
        self.add(iri, DIP.attestedOn, Literal(self.article.date.isoformat(), datatype=XSD.date))
        text = self.article.content
        self._provenance_in(iri, text, r.sentence[0], r.sentence[1], r.at)

    def _event(self, ev: Event) -> URIRef:
        parts = [self.node[id(p)] for p in ev.participants if id(p) in self.node]
        place = self.node.get(id(ev.place)) if ev.place is not None else None
        roles = [
            f"{role}:{self.node[id(ent)]}"
            for role, ent in (("host", ev.host), ("guest", ev.guest), ("guest", ev.guest_country))
            if ent is not None and id(ent) in self.node
        ]
        # an event of a known day with known participants is the same event in every
        # article that reports it alike (kind, day, participants, who hosts, place): one
        # IRI, with each article's evidence in its own graph; any other stays in its article
        shared = ev.date is not None and ev.date.precision == "day" and bool(parts or roles)
        iri = self._fact(
            "event",
            "" if shared else self.key,
            ev.kind,
            f"{ev.date.value}/{ev.date.end or ''}" if ev.date else "",
            *sorted(map(str, parts)),
            *sorted(roles),
            f"@{place or ''}",
            *([ev.distinct] if ev.distinct else []),
            told=str(ev.trigger.idx),
        )
        self.add(iri, RDF.type, EVENT_CLASSES[ev.kind])
        self.add(iri, DIP.eventType, self._concept(event_type(ev.kind)))
        for p in parts:
            self.add(iri, DIP.participant, p)
        for prop, ent in (
            (DIP.host, ev.host),
            (DIP.guest, ev.guest),
            (DIP.guest, ev.guest_country),
        ):
            if ent is not None and id(ent) in self.node:
                self.add(iri, prop, self.node[id(ent)])
                self.add(iri, DIP.participant, self.node[id(ent)])
        if ev.place is not None and id(ev.place) in self.node:
            self.add(iri, DIP.place, self.node[id(ev.place)])
        if ev.date is not None:
            self.add(iri, DIP.date, ev.date.literal)
            if ev.date.end_literal is not None:
                self.add(iri, DIP.endDate, ev.date.end_literal)
        if ev.scheduled:
            self.add(iri, SDO.eventStatus, SDO.EventScheduled)
        if ev.visit_kind:
            self.add(iri, DIP.visitKind, Literal(ev.visit_kind))
        self._provenance(iri, ev.sentence, ev.trigger.idx)
        return iri

    def _agreement(self, a: Agreement, event_iris: dict[int, URIRef]) -> URIRef:
        parties = sorted(str(self.node.get(id(p), p.key)) for p in a.parties)
        iri = self._fact("agreement", self.key, a.name, *parties)
        self.add(iri, RDF.type, DIP.Agreement)
        self.add(iri, SDO.name, Literal(a.name))
        for p in a.parties:
            self.add(
                iri, DIP.party, self.node[id(p)] if id(p) in self.node else self._country(p.key)
            )
        if a.signed_in is not None and id(a.signed_in) in event_iris:
            self.add(iri, DIP.signedIn, event_iris[id(a.signed_in)])
        if a.valid_from is not None:
            self.add(iri, DIP.validFrom, a.valid_from.literal)
        if a.valid_until is not None:
            self.add(iri, DIP.validUntil, a.valid_until.literal)
        self._provenance(iri, a.sentence, a.head.idx)
        return iri

    def _figure(self, f: Figure) -> None:
        iri = self._fact("figure", self.key, str(f.value), f.currency, f.text)
        self.add(iri, RDF.type, DIP.MonetaryFigure)
        self.add(iri, SDO.value, Literal(_canonical_decimal(f.value), datatype=XSD.decimal))
        self.add(iri, SDO.currency, Literal(f.currency))
        self.add(iri, DIP.measure, self._concept(f.measure))
        self.add(iri, DIP.status, STATUSES[f.status])
        if f.period:
            self.add(iri, DIP.period, Literal(f.period))
        for c in f.concerns:
            self.add(iri, DIP.concerns, self.node[id(c)])
        self._provenance(iri, f.sentence, f.at)

    def _quote(self, q: Quote) -> None:
        speaker = self.node.get(id(q.speaker)) if q.speaker is not None else None
        # the speaker is part of what the quotation is: the same words from two speakers are
        # two quotations, each with its one speaker (the shapes allow no more)
        opening = opening_words(q.text)
        iri = self._fact("quotation", self.key, str(speaker or ""), opening, told=q.text)
        self.add(iri, RDF.type, DIP.Quotation)
        self.add(iri, SDO.text, Literal(q.text))
        if speaker is not None:
            self.add(iri, DIP.speaker, speaker)
        self._provenance(iri, q.sentence, q.at)
