"""Content negotiation: the renderers keyed by media type (from the format registry,
server/formats.py), and `choose`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Request, Response
from rdflib import Graph
from rdflib.namespace import DCAT, RDF, RDFS, SH, VOID, XSD

from communique.ontology import PREFIXES as ONTOLOGY_PREFIXES
from communique.ontology import bind_prefixes as bind_ontology_prefixes
from communique.server import formats
from communique.server.web.errors import HttpError

HTML = "text/html"
JSON = "application/json"
TURTLE = "text/turtle"
JSONLD = "application/ld+json"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"
TRIG = "application/trig"
NQUADS = "application/n-quads"


@dataclass(frozen=True)
class Renderer:
    """How one media type is produced: its `?format=` key and rdflib serializer."""

    key: str  # the ?format= value and the file suffix
    rdflib_format: str | None  # None: not an RDF serialization (HTML, JSON)
    label: str


RENDERERS: dict[str, Renderer] = {
    f.media_type: Renderer(f.key, f.rdflib, f.label) for f in formats.RDF_FORMATS
}
RENDERERS[HTML] = Renderer("html", None, "HTML")
RENDERERS[JSON] = Renderer("json", None, "JSON")
FORMAT_KEYS: dict[str, str] = {r.key: media for media, r in RENDERERS.items()}
# Aliases people type for ?format= ("turtle", "json-ld", ...), where no key is theirs.
for _name, _media in formats.keys(formats.RDF_FORMATS).items():
    FORMAT_KEYS.setdefault(_name, _media)

# The ontology's prefixes plus those of the service descriptions (VoID, DCAT, SHACL).
PREFIXES: dict[str, str] = {
    **ONTOLOGY_PREFIXES,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our usual prefixes, the service descriptions' too, so Turtle and HTML show short
    names."""
    return bind_ontology_prefixes(graph, PREFIXES)


# The RDF types every negotiated RDF resource offers, Turtle first: a client that
# accepts anything (curl's */*) gets Turtle, a browser's explicit text/html wins.
RDF_TYPES: tuple[str, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML)
RDF_AND_HTML: tuple[str, ...] = (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)


def choose(request: Request, offered: Sequence[str]) -> str:
    """The media type to answer with: `?format=` if given, else the Accept header; 406 if none."""
    key = request.args.get("format")
    if key:
        media = FORMAT_KEYS.get(key.lower())
        if media in offered:
            return media
        raise _not_acceptable(offered, f"format={key!r} is not offered here")
    if not request.accept_mimetypes:
        return offered[0]  # no Accept header (or an empty one) accepts anything
    best = request.accept_mimetypes.best_match(offered)
    if best is None:
        accept = request.headers.get("Accept", "")
        raise _not_acceptable(offered, f"none of the types in Accept: {accept}")
    return best


def _not_acceptable(offered: Sequence[str], why: str) -> HttpError:
    keys = ", ".join(RENDERERS[m].key for m in offered)
    return HttpError(
        406,
        f"{why}; this resource is available as {', '.join(offered)} (or ?format={keys})",
        details={"offered": list(offered)},
        headers={"Vary": "Accept"},
    )


def alternates_link(url: str, offered: Sequence[str]) -> str:
    """A `Link` header value naming the URL of each alternate format of a resource."""
    sep = "&" if "?" in url else "?"
    links = [
        f'<{url}{sep}{urlencode({"format": RENDERERS[m].key})}>; rel="alternate"; type="{m}"'
        for m in offered
    ]
    return ", ".join(links)


def serialize(graph: Graph, media_type: str) -> bytes:
    """The graph in an RDF media type of the table."""
    fmt = RENDERERS[media_type].rdflib_format
    if fmt is None:
        raise ValueError(f"{media_type} is not an RDF serialization")
    if fmt == "json-ld":
        # Compact against our prefixes so the JSON reads "schema:name", not full IRIs.
        context = dict(PREFIXES)
        return graph.serialize(format="json-ld", context=context, auto_compact=True).encode()
    return graph.serialize(format=fmt, encoding="utf-8")


TEXT_TYPES = (TURTLE, NTRIPLES, TRIG, NQUADS)  # sent with "; charset=utf-8"


def rdf_response(graph: Graph, media_type: str, *, status: int = 200) -> Response:
    """A response holding `graph` in `media_type` (charset on the text types)."""
    mimetype = media_type + ("; charset=utf-8" if media_type in TEXT_TYPES else "")
    return Response(serialize(graph, media_type), status=status, content_type=mimetype)
