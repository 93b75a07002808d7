"""The nodes of the facts extracted from an article (a membership, an event, an agreement, a
monetary figure, a quotation) as triples in the ontology's terms: each fact's IRI from what
it is, and its provenance (the article and the sentence it is told in, cut around the fact
in a very long one). A part of graph/builder.py's GraphBuilder, which holds the state."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from spacy.tokens import Span

from communique.mapping.article import Article
from communique.mapping.concepts import Concept, event_type, role
from communique.mapping.events.finder import Event
from communique.mapping.facts.agreements import Agreement
from communique.mapping.facts.figures import Figure
from communique.mapping.facts.quotes import Quote
from communique.mapping.facts.role import Role
from communique.mapping.iris import Minter, opening_words
from communique.mapping.nlp.language import doc_text
from communique.ontology.namespace import DIP, PROV, SDO
from communique.ontology.namespace import ORG as W3ORG

# how an event told as called off stands (events/called_off.py), as schema.org says it
_STATUS = {
    "cancelled": SDO.EventCancelled,
    "postponed": SDO.EventPostponed,
    "rescheduled": SDO.EventRescheduled,
}

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

# rdf:type, made once (rdflib's RDF namespace builds and checks a new URIRef at each use);
# the graph builder's too
RDF_TYPE = RDF.type


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


class FactNodes:
    """The facts' part of GraphBuilder (graph/builder.py)."""

    article: Article
    minter: Minter
    key: str
    iri: URIRef
    node: dict[int, URIRef]  # id(entity) -> IRI
    _facts_seen: dict[tuple[str, ...], list[str]]

    @cached_property
    def dated(self) -> Literal:
        """The article's day, made once: the article is published on it and each of its
        memberships attested on it."""
        return Literal(self.article.date.isoformat(), datatype=XSD.date)

    if TYPE_CHECKING:

        def add(self, s, p, o) -> None: ...

        def _country(self, iso3: str) -> URIRef: ...

        def _concept(self, c: Concept) -> URIRef: ...

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
        self.add(iri, RDF_TYPE, DIP.Membership)
        self.add(iri, W3ORG.member, person)
        self.add(iri, W3ORG.role, self._concept(concept))
        wording = _form_written(r.wording or "", concept)
        if wording and wording.casefold() != concept.label.casefold():
            # the form the article uses, one of the concept's altLabels: SKOS makes every
            # altLabel an rdfs:label; stating this one keeps the article's own wording
            self.add(concept.iri, RDFS.label, Literal(wording, lang="en"))
        if org is not None:
            self.add(iri, W3ORG.organization, org)
        self.add(iri, DIP.attestedOn, self.dated)
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
        self.add(iri, RDF_TYPE, EVENT_CLASSES[ev.kind])
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
        if ev.called_off is not None or ev.scheduled:
            self.add(iri, SDO.eventStatus, _STATUS.get(ev.called_off, SDO.EventScheduled))
        if ev.visit_kind:
            self.add(iri, DIP.visitKind, Literal(ev.visit_kind))
        self._provenance(iri, ev.sentence, ev.trigger.idx)
        return iri

    def _agreement(self, a: Agreement, event_iris: dict[int, URIRef]) -> URIRef:
        parties = sorted(str(self.node.get(id(p), p.key)) for p in a.parties)
        iri = self._fact("agreement", self.key, a.name, *parties)
        self.add(iri, RDF_TYPE, DIP.Agreement)
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
        self.add(iri, RDF_TYPE, DIP.MonetaryFigure)
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
        self.add(iri, RDF_TYPE, DIP.Quotation)
        self.add(iri, SDO.text, Literal(q.text))
        if speaker is not None:
            self.add(iri, DIP.speaker, speaker)
        self._provenance(iri, q.sentence, q.at)


def _form_written(wording: str, concept: Concept) -> str | None:
    """The concept's form the title as written uses: all of it, or its words before an
    " of ..." naming where the office is held ("Amir of the State of Kuwait": "Amir")."""
    forms = {_folded(f) for f in concept.forms}
    while wording:
        if _folded(wording) in forms:
            return wording
        wording = wording.rpartition(" of ")[0]
    return None


def _folded(form: str) -> str:
    """A title's form in lower case, a hyphen read as a space ("Vice-Minister")."""
    return form.replace("-", " ").casefold()
