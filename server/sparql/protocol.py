"""The SPARQL 1.1 Protocol's request side: where the query and its dataset come from and
which result formats the client accepts (what the query text asks for: sparql.scan).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from flask import Request
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header

from communique.server import formats
from communique.server.sparql.worker import RDF_FORMATS, RESULTS_FORMATS
from communique.server.web.errors import HttpError

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"

RESULTS_JSON = "application/sparql-results+json"
HTML = "text/html"
HTML_KEYS = {"html", "text/html"}  # ?format= values asking for the results page
TURTLE = "text/turtle"
# Media types clients send for the same formats, and the one each stands for; ?format= /
# ?output= keys. From the format registry (server/formats.py).
_GRAPH_FORMATS = tuple(f for f in formats.RDF_FORMATS if not f.quads)
RESULTS_ALIASES = formats.aliases(formats.RESULTS_FORMATS)
RDF_ALIASES = formats.aliases(_GRAPH_FORMATS)
RESULTS_KEYS = formats.keys(formats.RESULTS_FORMATS)
RDF_KEYS = formats.keys(_GRAPH_FORMATS)


@dataclass(frozen=True)
class ProtocolQuery:
    """A query request: its text (None: no query given) and the protocol's dataset."""

    text: str | None
    default_graphs: list[str] | None  # None: not given
    named_graphs: list[str] | None


def read_request(request: Request) -> ProtocolQuery:
    """The query operation a GET or POST carries; HttpError 4xx when it breaks the protocol."""
    params = MultiDict(request.args)
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == FORM:
            for key, values in request.form.lists():
                params.setlist(key, params.getlist(key) + values)
        elif mimetype == DIRECT_UPDATE:
            raise HttpError(400, READ_ONLY)
        elif mimetype == DIRECT_QUERY:
            if params.getlist("query"):
                raise HttpError(400, "a direct POST carries the query in its body, not ?query=")
            params.setlist("query", [_direct_body(request)])
        else:
            raise HttpError(
                415,
                f"a SPARQL query is POSTed as {FORM} or {DIRECT_QUERY}, "
                f"not {mimetype or 'a body without Content-Type'}",
            )
    if any(params.getlist(k) for k in ("update", "using-graph-uri", "using-named-graph-uri")):
        raise HttpError(400, READ_ONLY)
    queries = params.getlist("query")
    if len(queries) > 1:
        raise HttpError(400, f"exactly one query per request, got {len(queries)}")
    text = queries[0] if queries else None
    if text is not None and not text.strip():
        raise HttpError(400, "the query is empty")
    if text is None and request.method == "POST":
        raise HttpError(400, "no query: send it as query= or as an application/sparql-query body")
    default = [_graph_iri(v, "default-graph-uri") for v in params.getlist("default-graph-uri")]
    named = [_graph_iri(v, "named-graph-uri") for v in params.getlist("named-graph-uri")]
    given = bool(default or named)
    return ProtocolQuery(text, default if given else None, named if given else None)


def _direct_body(request: Request) -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise HttpError(400, f"the query must be sent in UTF-8, not {charset}")
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"the query is not valid UTF-8: {exc}") from exc


def _graph_iri(value: str, param: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError as exc:
        raise HttpError(400, f"{param} {value!r} is not an absolute IRI: {exc}") from exc


def wants_html(request: Request) -> bool:
    """True when the results should be a page: `?format=html`, or an Accept that prefers
    text/html to every results and RDF type, as a browser's does (html first, then
    application/xml;q=0.9). A bare */* is not a browser: it gets the machine formats."""
    for key in (request.values.get("format"), request.values.get("output")):
        key = (key or "").strip().lower()
        if key in HTML_KEYS:
            return True
        if key in RESULTS_KEYS or key in RDF_KEYS or _known_type(key):  # others are ignored
            return False
    return _by_accept(request.headers.get("Accept", ""))[0]


def choose_formats(request: Request) -> tuple[str, str]:
    """The media types for (SELECT/ASK results, CONSTRUCT/DESCRIBE graphs).

    `?format=`/`?output=` (a short name or a media type) wins over Accept. Clients such as
    SPARQLWrapper send their own names there ("rdf+xml", "n3"), so a name we do not know is
    ignored, not an error. When Accept names nothing we can produce for a kind of result,
    that kind falls back to its default (JSON, Turtle) rather than 406: the protocol allows
    it, and generic clients often send one fixed Accept for every query.
    """
    results = graph = None
    for key in (request.values.get("format"), request.values.get("output")):
        if key:
            key = key.strip().lower()
            results = (
                results or RESULTS_KEYS.get(key) or _known(key, RESULTS_FORMATS, RESULTS_ALIASES)
            )
            graph = graph or RDF_KEYS.get(key) or _known(key, RDF_FORMATS, RDF_ALIASES)
    _html, by_accept_results, by_accept_graph = _by_accept(request.headers.get("Accept", ""))
    return results or by_accept_results, graph or by_accept_graph


@lru_cache(maxsize=256)
def _by_accept(header: str) -> tuple[bool, str, str]:
    """What an Accept header asks for: (a page?, results type, graph type). Remembered by
    the header's text: a client sends the same one with every query, and matching it
    against every format costs more than a small query does."""
    accept = parse_accept_header(header, MIMEAccept)
    if not accept:
        return False, RESULTS_JSON, TURTLE
    # HTML last: among equal qualities the first offered wins, so */* alone never picks it
    offered = [*RESULTS_FORMATS, *RESULTS_ALIASES, *RDF_FORMATS, *RDF_ALIASES, HTML]
    return (
        accept.best_match(offered) == HTML,
        _negotiate(accept, RESULTS_FORMATS, RESULTS_ALIASES) or RESULTS_JSON,
        _negotiate(accept, RDF_FORMATS, RDF_ALIASES) or TURTLE,
    )


def _known_type(media: str) -> bool:
    return bool(
        _known(media, RESULTS_FORMATS, RESULTS_ALIASES) or _known(media, RDF_FORMATS, RDF_ALIASES)
    )


def _known(media: str, formats: dict, aliases: dict[str, str]) -> str | None:
    return media if media in formats else aliases.get(media)


def _negotiate(accept, formats: dict, aliases: dict[str, str]) -> str | None:
    if not accept:
        return None
    best = accept.best_match([*formats, *aliases])
    return None if best is None else _known(best, formats, aliases)
