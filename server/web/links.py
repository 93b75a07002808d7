"""Where an IRI is shown on this server: data IRIs under the base map to our own paths."""

from __future__ import annotations

from flask import current_app, url_for

from communique.mapping.iris import (
    STAMP,
    feed_iri,
    parse_feed_page_iri,
    parse_graph_iri,
    parse_resource_iri,
    parse_revision_iri,
)
from communique.ontology import ONTOLOGY_IRI
from communique.ontology.namespace import DIP_IRI

# Our SKOS concepts (event types, roles, topics, measures) are described from the store.
SHAPES_IRI = ONTOLOGY_IRI + "/shapes"
VOCAB_ROOT = "https://w3id.org/communique/"


def local_url(iri: str) -> str | None:
    """The URL of this server that describes `iri`, or None if it is described elsewhere."""
    base = current_app.config["BASE"]
    if iri.startswith(base):
        if resource := parse_resource_iri(base, iri):
            kind, key = resource
            return url_for("resources.resource", kind=kind, key=key)
        if key := parse_graph_iri(base, iri):  # an article's graph: the article's page
            return url_for("resources.resource", kind="article", key=key)
        return _feed_url(base, iri)
    if iri in (ONTOLOGY_IRI, DIP_IRI):
        return url_for("describe.ontology")
    if iri == SHAPES_IRI:
        return url_for("describe.shapes")
    if iri.startswith(DIP_IRI):
        return url_for("describe.ontology") + "#" + iri[len(DIP_IRI) :]
    if iri.startswith(VOCAB_ROOT):
        return url_for("resources.any_resource", iri=iri)
    return None


def _feed_url(base: str, iri: str) -> str | None:
    """The feed's own IRIs: the stream, its pages, its members."""
    if iri == feed_iri(base):
        return url_for("feed.stream")
    if number := parse_feed_page_iri(base, iri):
        return url_for("feed.page", number=number)
    if revision := parse_revision_iri(base, iri):
        key, when = revision
        return url_for("feed.revision", key=key, stamp=when.strftime(STAMP))
    return None


def link(iri: str) -> str:
    """`local_url` or, for an IRI described elsewhere, the IRI itself."""
    return local_url(iri) or iri
