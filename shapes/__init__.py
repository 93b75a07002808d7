"""The SHACL shapes of the diplomacy data, shipped as Turtle package data."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph, Namespace

SHAPES_IRI = "https://w3id.org/communique/diplomacy/shapes"
SHAPES_FILE = "diplomacy-shapes.ttl"
DIPSH = Namespace(SHAPES_IRI + "#")


def shapes_text() -> str:
    """The shapes as Turtle text, exactly as shipped."""
    return files(__package__).joinpath(SHAPES_FILE).read_text(encoding="utf-8")


@cache
def _parsed() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


def shapes_graph() -> Graph:
    """The shapes graph (a fresh copy; the parse is cached, so callers may modify theirs)."""
    out = Graph()
    for prefix, iri in _parsed().namespaces():
        out.bind(prefix, iri)
    out += _parsed()
    return out


__all__ = ["DIPSH", "SHAPES_FILE", "SHAPES_IRI", "shapes_graph", "shapes_text"]
