"""The SPARQL 1.1 Protocol endpoint at /sparql: read-only queries over the whole store.

GET ?query=, POST form-encoded and POST application/sparql-query; default-graph-uri and
named-graph-uri. Without them the default graph is the RDF merge (set union) of all graphs
and named graphs are reached with GRAPH. SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV;
CONSTRUCT and DESCRIBE in Turtle, JSON-LD, N-Triples or RDF/XML. Relative IRIs in a query
resolve against the data base IRI, and the store's usual prefixes (dip:, schema:, country:
...) are predeclared. Updates are refused, SERVICE is refused (no outbound connection ever), FROM
only names graphs of the store, every query stops at SPARQL_TIMEOUT seconds (503) and
results beyond SPARQL_MAX_RESULT_MB are refused (400). A GET without a query returns the
Service Description, or the query page to a browser; a browser's query (Accept preferring
text/html, or format=html) gets its results as a table on that page (sparql.results_page).
Settings (their defaults in server/settings.py): SPARQL_TIMEOUT, SPARQL_MAX_RESULT_MB,
SPARQL_MAX_QUERY_KB, SPARQL_WORKERS, SPARQL_CLIENT_QUERIES, SPARQL_MEMORY_MB,
SPARQL_QUEUE_SECONDS.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from communique.server import formats
from communique.server.db import get_store, on_close
from communique.server.sparql.app_executor import client_slots, close, executor
from communique.server.sparql.description import service_description
from communique.server.sparql.examples import EXAMPLES, vocabulary
from communique.server.sparql.executor import BUSY, MEMORY, TIMEOUT
from communique.server.sparql.protocol import (
    READ_ONLY,
    ProtocolQuery,
    choose_formats,
    read_request,
    wants_html,
)
from communique.server.sparql.results_page import (
    HTML,
    MAX_PAGE_BYTES,
    NTRIPLES,
    RESULTS_JSON,
    ResultsTable,
    download_links,
    label_cells,
    results_table,
)
from communique.server.sparql.scan import (
    QueryFeatures,
    QueryRefused,
    QueryTooLong,
    is_update,
    scan_query,
)
from communique.server.sparql.syntax_errors import syntax_message
from communique.server.sparql.worker import INVALID, OK, SYNTAX, TOO_LARGE, make_job
from communique.server.store.articles import Store
from communique.server.web import negotiation
from communique.server.web.errors import HttpError
from communique.server.web.labels import Labeller

log = logging.getLogger(__name__)

bp = Blueprint("sparql", __name__, url_prefix="/sparql")
# close_store stops the query workers and deletes their snapshots of the store
bp.record_once(lambda state: on_close(state.app, close))

SERVICE_REFUSED = (
    "SERVICE (federated query) is not supported: this endpoint never connects to other "
    "servers (a word, prefix or dotted name part holding 'service' reads as the keyword "
    "to some parsers: rename it)"
)
CLIENT_BUSY = "too many of your queries are running at once: wait for one to finish"
# Request headers that can turn an answer into a 304 or 412 (werkzeug's make_conditional)
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)
EXAMPLE_QUERY = """\
PREFIX dip: <https://w3id.org/communique/diplomacy#>
PREFIX schema: <https://schema.org/>

# Events, newest first, with the names of their participants.
SELECT DISTINCT ?event ?type ?date ?participant WHERE {
  ?event dip:participant ?p ; a ?type .
  ?p schema:name ?participant .
  OPTIONAL { ?event dip:date ?date }
  FILTER(?type != dip:DiplomaticEvent)
}
ORDER BY DESC(?date)
LIMIT 50
"""


@bp.route("", methods=["GET", "POST"])
@bp.route("/", methods=["GET", "POST"])
def endpoint() -> Response:
    protocol = read_request(request)
    if protocol.text is None:
        return _describe_service()
    if wants_html(request):
        return _answer_page(protocol)
    return _answer(protocol)


@bp.route("/vocabulary.json")
def vocabulary_json() -> Response:
    """What the query page's editor completes: the store's prefixes and, after `dip:` and
    the schemes' prefixes, their terms with labels and comments."""
    response = current_app.json.response(vocabulary(get_store().prefixes()))
    response.cache_control.max_age = 3600
    return response


def _answer(protocol: ProtocolQuery, *, html: bool = False) -> Response:
    """Run the query; its results in the negotiated format, or on the query page (`html`)."""
    text = protocol.text or ""
    features = _checked(text)
    # the page reads SPARQL JSON or N-Triples and makes a table of them
    results_type, rdf_type = (RESULTS_JSON, NTRIPLES) if html else choose_formats(request)
    store = get_store()
    job = make_job(
        text,
        results_type=results_type,
        rdf_type=rdf_type,
        base_iri=current_app.config["BASE"],
        prefixes=store.prefixes(),
        max_bytes=_max_bytes(html),
        # FROM in the query names its dataset; otherwise all graphs make the default one,
        # which the store keeps itself when merged (Oxigraph's union repeats shared triples)
        union_default_graph=not features.dataset and not store.merged,
        default_graphs=protocol.default_graphs,
        named_graphs=protocol.named_graphs,
    )
    # a remote engine's large results are streamed to the client (sparql.remote); a page
    # needs its results whole
    job["stream"] = not html
    timeout = current_app.config["SPARQL_TIMEOUT"]
    version = store.version()
    running = executor(current_app, store)
    with client_slots(current_app).hold(request.remote_addr or "") as admitted:
        if not admitted:
            raise HttpError(503, CLIENT_BUSY, headers={"Retry-After": "2"})
        outcome = running.run(job, version, timeout)
    if outcome[0] == OK:
        if html:
            return _results_page(protocol, outcome[1], outcome[3], version)
        return _results(outcome[2], outcome[3], version)
    raise _failure(outcome, text, timeout)


def _max_bytes(html: bool) -> int:
    """The results' size limit; a page, which shows MAX_ROWS of them, needs less."""
    limit = int(current_app.config["SPARQL_MAX_RESULT_MB"] * 2**20)
    return min(limit, MAX_PAGE_BYTES) if html else limit


def _answer_page(protocol: ProtocolQuery) -> Response:
    """The query page with the results as a table, or with why the query failed."""
    try:
        return _answer(protocol, html=True)
    except HttpError as exc:
        # on the page, beside the query to fix, rather than on an error page
        response = _query_page(protocol.text, error=exc.message)
        response.status_code = exc.status
        response.headers.extend(exc.headers)
        response.cache_control.no_store = True
        return response


def _results_page(protocol: ProtocolQuery, kind: str, body: bytes, version: str) -> Response:
    table = results_table(kind, body, get_store().prefixes())
    label_cells(table, Labeller(get_store().ox), current_app.config["BASE"])
    params = [("query", protocol.text or "")]
    params += [("default-graph-uri", g) for g in protocol.default_graphs or ()]
    params += [("named-graph-uri", g) for g in protocol.named_graphs or ()]
    table.downloads = download_links(request.base_url, kind, params)
    return _conditional(_query_page(protocol.text, results=table), version, HTML)


def _query_page(
    query: str | None, *, results: ResultsTable | None = None, error: str | None = None
) -> Response:
    """The query page: the form (holding `query`, else an example) and any results."""
    body = render_template(
        "sparql.html",
        endpoint=request.base_url,
        query=query or EXAMPLE_QUERY,
        results=results,
        error=error,
        timeout=current_app.config["SPARQL_TIMEOUT"],
        examples=EXAMPLES,
    )
    response = Response(body, mimetype=HTML)
    response.vary.add("Accept")
    return response


def _checked(text: str) -> QueryFeatures:
    """The query's features; HttpError when it is too long, too deep or uses SERVICE."""
    limit = int(current_app.config["SPARQL_MAX_QUERY_KB"] * 1024)
    try:
        features = scan_query(text, max_bytes=limit)
    except QueryTooLong as exc:
        raise HttpError(413, str(exc)) from exc
    except QueryRefused as exc:
        raise HttpError(400, str(exc)) from exc
    if features.service:
        raise HttpError(400, SERVICE_REFUSED)
    return features


def _failure(outcome: tuple, text: str, timeout: float) -> HttpError:
    """The HTTP error for a query that did not succeed."""
    status, message = outcome[0], outcome[1]
    if status == SYNTAX:
        if is_update(text):
            return HttpError(400, READ_ONLY)
        return HttpError(400, syntax_message(text, message))
    if status in (INVALID, TOO_LARGE, MEMORY):
        return HttpError(400, message)
    if status == BUSY:
        return HttpError(503, message, headers={"Retry-After": "2"})
    if status == TIMEOUT:
        log.warning("SPARQL query timed out after %g s: %.200r", timeout, text)
        return HttpError(503, message, headers={"Retry-After": "5"})
    log.error("SPARQL query failed: %s", message)
    return HttpError(500, message)


def _results(media_type: str, body: bytes, version: str) -> Response:
    charset = "; charset=utf-8" if media_type in formats.UTF8_TYPES else ""
    return _conditional(Response(body, content_type=media_type + charset), version, media_type)


def _conditional(response: Response, version: str, media_type: str) -> Response:
    """Vary, and for GET an ETag of the store version, the request and the media type."""
    if "Vary" in response.headers:
        response.vary.add("Accept")
    else:  # the common case, without parsing a header set for it
        response.headers["Vary"] = "Accept"
    if request.method in ("GET", "HEAD"):
        # Same store version, same request, same representation: let caches revalidate.
        # (the query string as sent: full_path would quote it all again, per request)
        key = f"{version}\n{request.path}\n{media_type}\n".encode() + request.query_string
        response.set_etag(hashlib.sha256(key).hexdigest()[:32])
        if any(name in request.environ for name in CONDITIONAL_HEADERS):
            response.make_conditional(request)
    return response


def _describe_service() -> Response:
    if request.args.get("format"):
        media = negotiation.choose(request, negotiation.RDF_AND_HTML)
    elif not request.accept_mimetypes:  # machines that send no Accept get RDF
        media = negotiation.TURTLE
    else:
        accept = request.accept_mimetypes
        media = accept.best_match(negotiation.RDF_AND_HTML) or negotiation.TURTLE
    if media == negotiation.HTML:
        response = _query_page(None)
    else:
        description = service_description(
            request.base_url,
            _named_graphs(get_store()),
            void_iri=request.url_root + ".well-known/void",
        )
        response = negotiation.rdf_response(negotiation.bind_prefixes(description), media)
    response.vary.add("Accept")
    return response


def _named_graphs(store: Store) -> Iterator[str]:
    """The reference graph first, then the others in store order."""
    if store.has_graph(store.reference_iri):
        yield store.reference_iri
    for name in store.ox.named_graphs():
        if isinstance(name, ox.NamedNode) and name.value != store.reference_iri:
            yield name.value
