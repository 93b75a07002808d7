"""HTML documentation models for the ontology (with its SKOS schemes) and the shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from communique.ontology.namespace import DIP_IRI
from communique.server.web.links import link


@dataclass
class Ref:
    """A term mentioned in the documentation: short name, and an anchor or outside link."""

    iri: str
    name: str
    href: str


@dataclass
class TermDoc:
    iri: str
    anchor: str
    label: str
    comment: str
    kind: str = ""
    parents: list[Ref] = field(default_factory=list)
    domain: list[Ref] = field(default_factory=list)
    range: list[Ref] = field(default_factory=list)


@dataclass
class SchemeDoc:
    iri: str
    anchor: str
    label: str
    definition: str
    concepts: list[TermDoc] = field(default_factory=list)


@dataclass
class OntologyDoc:
    iri: str
    title: str
    description: str
    version: str
    version_iri: str
    classes: list[TermDoc]
    properties: list[TermDoc]
    schemes: list[SchemeDoc]


@dataclass
class ConstraintDoc:
    path: str
    rules: list[str]
    severity: str
    message: str


@dataclass
class ShapeDoc:
    iri: str
    anchor: str
    name: str
    targets: list[Ref]
    rules: list[str]
    properties: list[ConstraintDoc]


def _text(g: Graph, node: Node, *predicates: URIRef) -> str:
    for p in predicates:
        values = [o for o in g.objects(node, p) if isinstance(o, Literal)]  # type: ignore[arg-type]
        english = [v for v in values if v.language in (None, "", "en")]
        if english or values:
            return str((english or values)[0])
    return ""


def _short(g: Graph, node: Node) -> str:
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except ValueError:
            return str(node)
    return str(node)


def _ref(g: Graph, node: Node) -> Ref:
    iri = str(node)
    return Ref(iri, _short(g, node), link(iri))


def _anchor(iri: str) -> str:
    if iri.startswith(DIP_IRI):
        return iri[len(DIP_IRI) :]
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _term(g: Graph, node: URIRef, kind: str = "") -> TermDoc:
    return TermDoc(
        iri=str(node),
        anchor=_anchor(str(node)),
        label=_text(g, node, RDFS.label, SKOS.prefLabel) or _short(g, node),
        comment=_text(g, node, RDFS.comment, SKOS.definition),
        kind=kind,
        parents=[
            _ref(g, o)
            for p in (RDFS.subClassOf, RDFS.subPropertyOf)
            for o in sorted(g.objects(node, p))
            if isinstance(o, URIRef)
        ],
        domain=[_ref(g, o) for o in sorted(g.objects(node, RDFS.domain)) if isinstance(o, URIRef)],
        range=[_ref(g, o) for o in sorted(g.objects(node, RDFS.range)) if isinstance(o, URIRef)],
    )


def ontology_doc(g: Graph, ontology_iri: str) -> OntologyDoc:
    """The ontology's header, classes, properties and concept schemes, sorted by label."""
    onto = URIRef(ontology_iri)
    mine = lambda n: isinstance(n, URIRef) and str(n).startswith(DIP_IRI)  # noqa: E731
    classes = [_term(g, c, "Class") for c in set(g.subjects(RDF.type, OWL.Class)) if mine(c)]
    properties = []
    for kind, cls in (
        ("object property", OWL.ObjectProperty),
        ("datatype property", OWL.DatatypeProperty),
        ("annotation property", OWL.AnnotationProperty),
    ):
        properties += [_term(g, p, kind) for p in set(g.subjects(RDF.type, cls)) if mine(p)]
    schemes = []
    for scheme in sorted(set(g.subjects(RDF.type, SKOS.ConceptScheme))):
        concepts = [
            _term(g, c, _text(g, c, SKOS.notation))
            for c in set(g.subjects(SKOS.inScheme, scheme))
            if isinstance(c, URIRef)
        ]
        concepts.sort(key=lambda t: t.label.lower())
        schemes.append(
            SchemeDoc(
                iri=str(scheme),
                anchor=_anchor(str(scheme)),
                label=_text(g, scheme, SKOS.prefLabel, RDFS.label),
                definition=_text(g, scheme, SKOS.definition, RDFS.comment),
                concepts=concepts,
            )
        )
    version_iri = g.value(onto, OWL.versionIRI)
    return OntologyDoc(
        iri=ontology_iri,
        title=_text(g, onto, DCTERMS.title, RDFS.label) or ontology_iri,
        description=_text(g, onto, DCTERMS.description, RDFS.comment),
        version=_text(g, onto, OWL.versionInfo),
        version_iri=str(version_iri) if version_iri else "",
        classes=sorted(classes, key=lambda t: t.label.lower()),
        properties=sorted(properties, key=lambda t: t.label.lower()),
        schemes=schemes,
    )


_RULES = (
    (SH.minCount, "at least {}"),
    (SH.maxCount, "at most {}"),
    (SH.datatype, "datatype {}"),
    (SH["class"], "an instance of {}"),
    (SH.nodeKind, "node kind {}"),
    (SH.node, "conforms to {}"),
    (SH.pattern, "matches /{}/"),
    (SH.minLength, "length ≥ {}"),
    (SH.maxLength, "length ≤ {}"),
    (SH.hasValue, "has the value {}"),
    (SH.minInclusive, "≥ {}"),
    (SH.maxInclusive, "≤ {}"),
    (SH.languageIn, "languages {}"),
)


def _rules(g: Graph, node: Node) -> list[str]:
    rules = []
    for predicate, template in _RULES:
        for value in g.objects(node, predicate):  # type: ignore[arg-type]
            rules.append(template.format(_describe(g, value)))
    for value in g.objects(node, SH["in"]):  # type: ignore[arg-type]
        rules.append("one of " + _describe(g, value))
    for value in g.objects(node, SH["or"]):  # type: ignore[arg-type]
        options = [" and ".join(_rules(g, m)) or _describe(g, m) for m in Collection(g, value)]
        rules.append("either " + " | ".join(options))
    for nested in g.objects(node, SH.qualifiedValueShape):  # type: ignore[arg-type]
        least = g.value(node, SH.qualifiedMinCount)  # type: ignore[arg-type]
        inner = " and ".join(_rules(g, nested)) or _describe(g, nested)
        rules.append(f"at least {least or 1} value(s) {inner}")
    for sparql in g.objects(node, SH.sparql):  # type: ignore[arg-type]
        rules.append("SPARQL: " + (_text(g, sparql, SH.message, RDFS.comment) or "a query"))
    return rules


def _describe(g: Graph, value: Node) -> str:
    """A readable rendering of a constraint's value (lists become comma-separated)."""
    if isinstance(value, BNode) and (value, RDF.first, None) in g:
        return ", ".join(_describe(g, m) for m in Collection(g, value))
    if isinstance(value, Literal):
        return str(value)
    return _short(g, value)


def _path(g: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return _short(g, path)
    inverse = g.value(path, SH.inversePath)  # type: ignore[arg-type]
    if inverse is not None:
        return "^" + _path(g, inverse)
    if (path, RDF.first, None) in g:
        return "/".join(_path(g, step) for step in Collection(g, path))
    alternatives = g.value(path, SH.alternativePath)  # type: ignore[arg-type]
    if alternatives is not None:
        return "|".join(_path(g, step) for step in Collection(g, alternatives))
    return str(path)


def shapes_doc(g: Graph) -> list[ShapeDoc]:
    """Each node shape: what it targets, its own rules, and its property constraints."""
    docs = []
    for shape in sorted(set(g.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = [
            _ref(g, t)
            for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
            for t in sorted(g.objects(shape, p))
        ]
        constraints = []
        for prop in g.objects(shape, SH.property):
            path = g.value(prop, SH.path)
            severity = g.value(prop, SH.severity) or g.value(shape, SH.severity) or SH.Violation
            constraints.append(
                ConstraintDoc(
                    path=_path(g, path) if path is not None else "",
                    rules=_rules(g, prop),
                    severity=str(severity).rsplit("#", 1)[-1],
                    message=_text(g, prop, SH.message, SH.description, RDFS.comment),
                )
            )
        constraints.sort(key=lambda c: c.path)
        docs.append(
            ShapeDoc(
                iri=str(shape),
                anchor=_anchor(str(shape)),
                name=_text(g, shape, RDFS.label, SH.name) or _short(g, shape),
                targets=targets,
                rules=_rules(g, shape),
                properties=constraints,
            )
        )
    return docs
