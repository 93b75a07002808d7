"""Parse RDF sent by strangers, safely: Oxigraph's parsers, which never fetch anything.

Why not rdflib's parsers: rdflib's JSON-LD parser dereferences remote `@context` URLs
and its RDF/XML parser runs on xml.sax. Oxigraph's Rust parsers load no remote
context (there is no document loader unless one is given), resolve no XML entities and
read no external DTD, so no server-side request and no XXE can come from a request body.
Oxigraph does expand *internal* XML entities without a limit, so a "billion laughs"
document would exhaust memory: RDF/XML with a DTD is refused before parsing.

`count_triples` reads a body with the same parsers but keeps nothing, and stops at the
first triple past a limit: it refuses a body too large to validate before any graph is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from communique.server import formats
from communique.server.store.terms import from_ox
from communique.server.web.errors import HttpError

# Media types accepted in a request body, with the Oxigraph format of each (the registry's
# graph formats and their aliases); a body's type must name its syntax, so types that
# could hold anything are refused.
_AMBIGUOUS = {"text/plain", "application/xml", "text/xml"}
_GRAPH_FORMATS = tuple(f for f in formats.RDF_FORMATS if not f.quads)
INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    media: f.oxigraph
    for f in _GRAPH_FORMATS
    for media in (f.media_type, *f.aliases)
    if "/" in media and media not in _AMBIGUOUS
}
# ?format= keys for clients that cannot set a Content-Type (HTML forms).
INPUT_KEYS: dict[str, str] = formats.keys(_GRAPH_FORMATS)
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """An Oxigraph term as the equal rdflib term (a plain literal stays plain)."""
    try:
        return from_ox(term)
    except TypeError:
        raise HttpError(400, "RDF-star quoted triples are not accepted") from None


def media_type_of(content_type: str | None, format_key: str | None = None) -> str:
    """The input media type named by `?format=` or by the Content-Type header; 415 if neither."""
    if format_key:
        media = INPUT_KEYS.get(format_key.lower())
        if media is None:
            raise HttpError(415, f"unknown input format {format_key!r}", details=_accepted())
        return media
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media not in INPUT_FORMATS:
        shown = media or "no Content-Type"
        raise HttpError(415, f"cannot read RDF from {shown}", details=_accepted())
    return media


def _accepted() -> dict[str, list[str]]:
    return {"accepted": sorted(INPUT_FORMATS)}


def decode_untrusted(body: bytes | str, media_type: str) -> str:
    """The body as text, refused (400) if it is not UTF-8 or is RDF/XML with a DTD."""
    if isinstance(body, bytes):
        # UTF-8 only: it is what every format here expects, and it keeps the DTD check
        # below from being dodged by a UTF-16 document.
        try:
            body = body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise HttpError(400, f"the body is not UTF-8: {exc}") from exc
    if INPUT_FORMATS[media_type] == ox.RdfFormat.RDF_XML and _DTD.search(body):
        raise HttpError(
            400, "RDF/XML with a DTD or entity declarations is not accepted; expand them first"
        )
    return body


def _quads(text: str, fmt: ox.RdfFormat, base_iri: str | None) -> Iterator[ox.Quad]:
    """Oxigraph's streaming parse of `text`; a 400 naming the parser's complaint."""
    try:
        yield from ox.parse(text, fmt, base_iri=base_iri, without_named_graphs=True)
    except SyntaxError as exc:
        message = str(exc)
        if "LoadDocumentCallback" in message:
            message = "remote JSON-LD contexts are never fetched here; put the @context inline"
        raise HttpError(400, f"the body is not valid {fmt.name}: {message}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(400, f"the body is not valid {fmt.name}: {exc}") from exc


def too_many_triples(limit: int) -> HttpError:
    """The 413 for a body holding more than `limit` triples."""
    return HttpError(
        413,
        f"the body holds more than {limit:,} triples, the most checked in one request; "
        "send it in parts or validate it locally with `communique validate`",
        details={"max_triples": limit},
    )


def count_triples(
    body: bytes | str, media_type: str, *, limit: int, base_iri: str | None = None
) -> int:
    """How many triples `body` holds, read without building a graph; 413 past `limit`."""
    fmt = INPUT_FORMATS[media_type]
    count = 0
    # The parse stops at the first triple past the limit: a huge body costs no more than that.
    for _ in _quads(decode_untrusted(body, media_type), fmt, base_iri):
        count += 1
        if count > limit:
            raise too_many_triples(limit)
    return count


def parse_untrusted(
    body: bytes | str,
    media_type: str,
    *,
    base_iri: str | None = None,
    max_triples: int | None = None,
) -> Graph:
    """A graph of the triples in `body`; 400 naming the parser's complaint if it is not RDF,
    413 if it holds more than `max_triples`."""
    fmt = INPUT_FORMATS[media_type]
    graph = Graph()
    for count, quad in enumerate(_quads(decode_untrusted(body, media_type), fmt, base_iri), 1):
        if max_triples is not None and count > max_triples:
            raise too_many_triples(max_triples)
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph
