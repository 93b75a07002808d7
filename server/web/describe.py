"""The descriptions: the landing page, VoID, the ontology and the shapes, negotiated."""

from __future__ import annotations

import hashlib
import json
from functools import cache

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for
from rdflib import Graph

from communique.mapping.iris import kind_prefix
from communique.ontology import ONTOLOGY_IRI, ontology_graph, schemes_graph
from communique.ontology.namespace import DIP_IRI
from communique.server.db import get_store, served_description
from communique.server.pictures.data import landing_pictures
from communique.server.store.articles import LABEL_NODES, Store
from communique.server.web.labels import Labeller
from communique.server.web.links import link
from communique.server.web.negotiation import (
    HTML,
    JSONLD,
    NTRIPLES,
    PREFIXES,
    RDF_AND_HTML,
    RDF_TYPES,
    RDFXML,
    TURTLE,
    alternates_link,
    bind_prefixes,
    choose,
    serialize,
)
from communique.server.web.vocabulary_page import ontology_doc, shapes_doc
from communique.server.web.void import DUMPS, dataset_facts, dump_url
from communique.shapes import shapes_graph

bp = Blueprint("describe", __name__)

LANDING_TYPES = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)  # a person's first stop: HTML first
VOID_TYPES = (*RDF_TYPES, HTML)  # for machines first
STATIC_MAX_AGE = 3600  # the ontology and shapes change only with a new release


@bp.route("/")
def landing() -> Response:
    """What the dataset is, how big, where to go next; VoID + DCAT for machines."""
    media = choose(request, LANDING_TYPES)
    store = get_store()
    graph = served_description()
    if media == HTML:
        facts = dataset_facts(store)
        labels = _labels(
            store, [iri for iri in facts.recent_articles] + [i for i, _ in facts.most_mentioned]
        )
        body = render_template(
            "landing.html",
            facts=facts,
            labels=labels,
            link=link,
            dumps=[(d, dump_url(store.base, d)) for d in DUMPS.values()],
            void_jsonld=json.loads(serialize(graph, JSONLD)),
            modified=store.last_modified(),
            kinds=_kinds(facts.stats.get("entities_by_class", {})),
            pictures=landing_pictures(store, link),
        )
        response = Response(body, mimetype=HTML)
    else:
        response = Response(serialize(graph, media), content_type=_content_type(media))
    return _finish(response, LANDING_TYPES, f"{store.version()}-landing-{media}")


@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description of the dataset (RFC 5785 well-known location)."""
    media = choose(request, VOID_TYPES)
    store = get_store()
    graph = served_description()
    if media == HTML:
        # A browser following the "VoID" link sees the Turtle itself, on a page.
        turtle = serialize(graph, TURTLE).decode("utf-8")
        response = Response(render_template("void.html", turtle=turtle), mimetype=HTML)
    else:
        response = Response(serialize(graph, media), content_type=_content_type(media))
    return _finish(response, VOID_TYPES, f"{store.version()}-void-{media}")


@bp.route("/ontology")
def ontology() -> Response:
    """The diplomacy ontology and its SKOS schemes; HTML documentation for browsers."""
    media = choose(request, RDF_AND_HTML)
    graph = _vocabulary()
    if media == HTML:
        body = render_template("ontology.html", doc=ontology_doc(graph, ONTOLOGY_IRI))
        response = Response(body, mimetype=HTML)
    else:
        response = Response(_serialized("ontology", media), content_type=_content_type(media))
    return _static(response, media, "ontology")


@bp.route("/shapes")
def shapes() -> Response:
    """The SHACL shapes every published article graph conforms to."""
    media = choose(request, RDF_AND_HTML)
    if media == HTML:
        body = render_template("shapes.html", shapes=shapes_doc(_shapes()))
        response = Response(body, mimetype=HTML)
    else:
        response = Response(_serialized("shapes", media), content_type=_content_type(media))
    return _static(response, media, "shapes")


@cache
def _vocabulary() -> Graph:
    return bind_prefixes(ontology_graph() + schemes_graph())


@cache
def _shapes() -> Graph:
    return bind_prefixes(shapes_graph())


@cache
def _serialized(which: str, media: str) -> bytes:
    graph = _vocabulary() if which == "ontology" else _shapes()
    return serialize(graph, media)


def _static(response: Response, media: str, which: str) -> Response:
    """Validators for content that only changes with the code: a hash of the RDF."""
    digest = hashlib.sha256(_serialized(which, TURTLE)).hexdigest()[:16]
    response.cache_control.public = True
    response.cache_control.max_age = STATIC_MAX_AGE
    offered = RDF_AND_HTML
    return _finish(response, offered, f"{digest}-{media}")


def _finish(response: Response, offered: tuple[str, ...], etag: str) -> Response:
    response.vary.add("Accept")
    response.headers["Link"] = alternates_link(request.path, offered)
    response.set_etag(etag)
    return response.make_conditional(request)


def _content_type(media: str) -> str:
    return media + ("; charset=utf-8" if media in (TURTLE, NTRIPLES) else "")


def _labels(store: Store, iris: list[str]) -> dict[str, str]:
    """Labels of a few resources shown on the landing page, from their descriptions;
    articles as on their own pages (a headline, else outlet, place, date, first words)."""
    labeller = Labeller(store.ox)
    articles = kind_prefix(store.base, "article")
    out = {}
    for iri in iris:
        if iri.startswith(articles):
            found = labeller.article_label(iri)
        else:
            node = ox.NamedNode(iri)
            quads = (q for p in LABEL_NODES for q in store.ox.quads_for_pattern(node, p, None))
            found = next((q.object.value for q in quads), None)
        if found:
            out[iri] = found
    return out


def _kinds(by_class: dict[str, int]) -> list[tuple[str, int, str | None]]:
    """(class label, count, browse URL) for the landing page's table."""
    kinds = {
        "Article": "article",
        "Country": "country",
        "Person": "person",
        "Organization": "organization",
        "Place": "place",
        "Agreement": "agreement",
        "MonetaryFigure": "figure",
        "Quotation": "quotation",
        "Membership": "membership",
    }
    rows = []
    for cls, count in sorted(by_class.items(), key=lambda kv: -kv[1]):
        name = cls[len(DIP_IRI) :] if cls.startswith(DIP_IRI) else _prefixed(cls)
        kind = kinds.get(name) or ("event" if cls.startswith(DIP_IRI) else None)
        href = url_for("resources.browse", kind=kind) if kind else None
        rows.append((name, count, href))
    return rows


def _prefixed(iri: str) -> str:
    """`skos:Concept` for a class outside dip:."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri
