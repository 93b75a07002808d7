"""The SKOS concepts the mapper refers to, read from the ontology's schemes (one source of
truth): their labels, surface forms and notations, and the triples that make a mapped
graph self-contained."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from communique.mapping.iris import slug
from communique.mapping.lexicon import event_lexicon
from communique.ontology import schemes_graph
from communique.ontology.namespace import DIP, EVENT_TYPE, MEASURE, ROLE, TOPIC

SCHEMES = {
    "event": DIP.EventTypeScheme,
    "role": DIP.RoleScheme,
    "topic": DIP.TopicScheme,
    "measure": DIP.MeasureScheme,
}
NAMESPACES = {"event": EVENT_TYPE, "role": ROLE, "topic": TOPIC, "measure": MEASURE}


@dataclass(frozen=True)
class Concept:
    """A concept of one of our schemes, with what a graph must say about it."""

    iri: URIRef
    label: str
    scheme: URIRef
    notation: str | None = None
    forms: tuple[str, ...] = ()  # prefLabel and altLabels

    def triples(self) -> tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]:
        return self._triples

    @cached_property
    def _triples(self) -> tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]:
        # made once: a concept is a constant of its scheme, told in most articles' graphs
        out = [
            (self.iri, RDF.type, SKOS.Concept),
            (self.iri, SKOS.prefLabel, Literal(self.label, lang="en")),
            (self.iri, SKOS.inScheme, self.scheme),
        ]
        if self.notation:
            out.append((self.iri, SKOS.notation, Literal(self.notation)))
        return tuple(out)


@cache
def _scheme_concepts() -> dict[str, dict[str, Concept]]:
    """Scheme kind -> local name -> concept, from the ontology's schemes."""
    g = schemes_graph()
    out: dict[str, dict[str, Concept]] = {kind: {} for kind in SCHEMES}
    for kind, scheme in SCHEMES.items():
        ns = str(NAMESPACES[kind])
        for c in sorted(g.subjects(SKOS.inScheme, scheme)):  # sorted: same result every run
            if not str(c).startswith(ns):
                continue
            label = str(g.value(c, SKOS.prefLabel) or c.split("/")[-1])
            forms = [label, *sorted(str(a) for a in g.objects(c, SKOS.altLabel))]
            notation = g.value(c, SKOS.notation)
            out[kind][str(c)[len(ns) :]] = Concept(
                URIRef(c), label, scheme, str(notation) if notation else None, tuple(forms)
            )
    return out


def concepts(kind: str) -> dict[str, Concept]:
    """Local name -> concept of one scheme ("event", "role", "topic", "measure")."""
    return _scheme_concepts()[kind]


def _fallback_event_types() -> dict:
    return event_lexicon()["fallback"]


def event_type(key: str) -> Concept:
    """The event-type concept EVENT_TYPE[key] ("visit", "phone-call", ...)."""
    known = concepts("event").get(key)
    if known:
        return known
    fb = _fallback_event_types()[key]
    return Concept(EVENT_TYPE[key], fb["label"], DIP.EventTypeScheme, fb.get("notation"))


@cache
def _role_index() -> dict[str, Concept]:
    index = {}
    for c in concepts("role").values():
        for form in c.forms:
            index.setdefault(form.casefold(), c)
    return index


@lru_cache(maxsize=4096)
def role(label: str) -> Concept:
    """The role concept for a title: the scheme's when it knows the label, else a new one."""
    known = _role_index().get(label.casefold())
    if known:
        return known
    return Concept(ROLE[slug(label)], label, DIP.RoleScheme)


def measure(key: str) -> Concept:
    return concepts("measure").get(key) or concepts("measure")["other"]


def topic(key: str) -> Concept:
    return concepts("topic")[key]


def depth(iri: str) -> int:
    """How many skos:broader steps lead from the concept `iri` to its scheme's top."""
    return _depths().get(iri, 0)


@cache
def _depths() -> dict[str, int]:
    """Every concept's depth, from one copy of the schemes (a copy per concept asked about
    cost more than the whole mapping of an article)."""
    g = schemes_graph()
    broader = {str(s): str(o) for s, o in g.subject_objects(SKOS.broader)}
    out = {}
    for iri in broader:
        node, steps = iri, 0
        while node in broader and steps < 16:
            node, steps = broader[node], steps + 1
        out[iri] = steps
    return out
