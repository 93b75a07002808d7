"""Feed documents as quads, and their serializations (Turtle, TriG, N-Quads, JSON-LD).

A member's description is in the default graph; its graph's triples (creates and
updates) are in a named graph named by the member's IRI, in the quad formats. Turtle has
no named graphs: a page in Turtle describes its members only (dereference a member for its
triples), a single member in Turtle carries its triples beside its description.
JSON-LD is Oxigraph's expanded form with the vocabulary IRIs shortened by an inline
@context (never a remote one), so it is as fast and as deterministic as the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from communique.mapping import iris
from communique.server import formats
from communique.server.feed import vocab as v
from communique.server.feed.log import stamp
from communique.server.feed.pages import Member
from communique.server.web.negotiation import JSONLD, NQUADS, TRIG, TURTLE

FEED_TYPES = (TURTLE, TRIG, NQUADS, JSONLD)
OX_FORMATS = {media: formats.BY_MEDIA_TYPE[media].oxigraph for media in FEED_TYPES}
TITLE = "communique: revisions of the article graphs, as a Linked Data Event Stream"
NEXT = ox.BlankNode("next")  # a fixed label: a page's bytes never change once it is full
DEFAULT = ox.DefaultGraph()


def _q(s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode, o, g=DEFAULT) -> ox.Quad:
    return ox.Quad(s, p, o, g)


def stream_quads(base: str) -> list[ox.Quad]:
    """The event stream itself: its paths and its first page."""
    stream = ox.NamedNode(iris.feed_iri(base))
    return [
        _q(stream, v.TYPE, v.EVENT_STREAM),
        _q(stream, v.TITLE, ox.Literal(TITLE, language="en")),
        _q(stream, v.TIMESTAMP_PATH, v.GENERATED_AT),
        _q(stream, v.VERSION_OF_PATH, v.IS_VERSION_OF),
        _q(stream, v.CONFORMS_TO, ox.NamedNode(v.LDES_SPEC)),
        _q(stream, v.VIEW, ox.NamedNode(iris.feed_page_iri(base, 1))),
    ]


def member_quads(member: Member, *, content: bool = True) -> Iterator[ox.Quad]:
    """A member's description and, with `content`, its graph's triples in its own graph."""
    node = ox.NamedNode(member.iri)
    yield _q(node, v.TYPE, v.KIND_NODES[member.kind])
    yield _q(node, v.IS_VERSION_OF, ox.NamedNode(member.version_of))
    yield _q(node, v.GENERATED_AT, v.date_time(stamp(member.time)))
    if member.source:
        yield _q(node, v.DERIVED_FROM, ox.NamedNode(member.source))
    if content and member.content:
        for triple in ox.parse(member.content, format=ox.RdfFormat.N_TRIPLES):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, node)


def page_quads(
    base: str, number: int, members: list[Member], next_from: dt.datetime | None
) -> list[ox.Quad]:
    """Page `number`: the stream, the page with its relation to the next page (when
    `next_from`, the time of the next page's first member, is known) and the members."""
    stream = ox.NamedNode(iris.feed_iri(base))
    page = ox.NamedNode(iris.feed_page_iri(base, number))
    quads = [*stream_quads(base), _q(page, v.TYPE, v.NODE)]
    if next_from is not None:
        quads += [
            _q(page, v.RELATION, NEXT),
            _q(NEXT, v.TYPE, v.GTE_RELATION),
            _q(NEXT, v.REL_PATH, v.GENERATED_AT),
            _q(NEXT, v.REL_VALUE, v.date_time(stamp(next_from))),
            _q(NEXT, v.REL_NODE, ox.NamedNode(iris.feed_page_iri(base, number + 1))),
        ]
    quads += [_q(stream, v.MEMBER, ox.NamedNode(m.iri)) for m in members]
    for member in members:
        quads.extend(member_quads(member))
    return quads


def serialize(quads: Iterable[ox.Quad], media: str) -> bytes:
    """Quads in one of FEED_TYPES; Turtle keeps the default graph only."""
    if media == TURTLE:
        triples = [q.triple for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=v.PREFIXES)
    if media == JSONLD:
        return jsonld(quads)
    return ox.serialize(list(quads), format=OX_FORMATS[media], prefixes=v.PREFIXES)


def as_triples(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """All quads moved to the default graph (a single member in Turtle)."""
    return [ox.Quad(q.subject, q.predicate, q.object, DEFAULT) for q in quads]


def jsonld(quads: Iterable[ox.Quad]) -> bytes:
    """JSON-LD with an inline @context of the feed's prefixes."""
    expanded = json.loads(ox.serialize(list(quads), format=ox.RdfFormat.JSON_LD))
    document = {"@context": dict(v.PREFIXES), "@graph": [_node(n) for n in expanded]}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _node(node: dict) -> dict:
    out: dict = {}
    for key, values in node.items():
        if key == "@graph":
            out[key] = [_node(n) for n in values]
        elif key.startswith("@"):
            out[key] = values
        elif key == v.TYPE.value and all("@id" in x for x in values):
            out["@type"] = [_short(x["@id"]) for x in values]
        else:
            out[_short(key)] = [_value(x) for x in values]
    return out


def _value(value: dict) -> dict:
    if "@type" in value:
        return {**value, "@type": _short(value["@type"])}
    return value


def _short(iri: str) -> str:
    """`prefix:name` for an IRI in one of the prefixes' namespaces, else the IRI."""
    for prefix, namespace in v.PREFIXES.items():
        rest = iri[len(namespace) :]
        if iri.startswith(namespace) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"
    return iri
