"""Where an IRI is shown on this server: data IRIs under the base map to our own paths."""

from __future__ import annotations

from flask import current_app, url_for

from communique.ontology import ONTOLOGY_IRI
from communique.ontology.namespace import DIP_IRI

# Our SKOS concepts (event types, roles, topics, measures) are described from the store.
SHAPES_IRI = ONTOLOGY_IRI + "/shapes"
VOCAB_ROOT = "https://w3id.org/communique/"


def local_url(iri: str) -> str | None:
    """The URL of this server that describes `iri`, or None if it is described elsewhere."""
    base = current_app.config["BASE"]
    if iri.startswith(base):
        rest = iri[len(base) :]
        parts = rest.split("/")
        if len(parts) == 3 and parts[0] == "id" and parts[1] and parts[2]:
            return url_for("resources.resource", kind=parts[1], key=parts[2])
        if len(parts) == 3 and parts[:2] == ["graph", "article"] and parts[2]:
            return url_for("resources.resource", kind="article", key=parts[2])
        return None
    if iri in (ONTOLOGY_IRI, DIP_IRI):
        return url_for("describe.ontology")
    if iri == SHAPES_IRI:
        return url_for("describe.shapes")
    if iri.startswith(DIP_IRI):
        return url_for("describe.ontology") + "#" + iri[len(DIP_IRI) :]
    if iri.startswith(VOCAB_ROOT):
        return url_for("resources.any_resource", iri=iri)
    return None


def link(iri: str) -> str:
    """`local_url` or, for an IRI described elsewhere, the IRI itself."""
    return local_url(iri) or iri
