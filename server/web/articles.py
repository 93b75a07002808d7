"""`POST /articles`: map, validate and store one article (bearer token required)."""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any
from urllib.parse import unquote

from flask import Blueprint, Response, current_app, jsonify, request

from communique.mapping.errors import InputError
from communique.mapping.reading.reader import parse_record, parse_seed
from communique.server.db import get_store
from communique.server.web.errors import HttpError
from communique.server.web.negotiation import (
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    bind_prefixes,
    choose,
    rdf_response,
)
from communique.shapes import validate

bp = Blueprint("articles", __name__)

# spaCy pipelines are not documented as thread-safe: one article is mapped at a time.
_ingest_lock = threading.Lock()
REPORT_TYPES = (JSON, TURTLE, JSONLD, NTRIPLES, RDFXML)
SOURCE = "POST /articles"
MAX_SLUG = 200  # characters of a Slug header: a name, not a text
NOT_CONFORMING = "the mapped article does not conform to the shapes; nothing was stored"
NO_CONTENT_REASON = "no-diplomatic-content"  # details.reason of that 422, for clients


@bp.post("/articles")
def post_article() -> Response:
    """201 (new) or 200 (replaced) with the IRI in Location; 422 with the SHACL report, or
    with the reason when no diplomatic fact was read from the article (nothing stored)."""
    _check_token()
    media_out = choose(request, REPORT_TYPES)
    article = _read_article()
    store = get_store()
    # Imported here: it loads the NLP pipeline (spaCy), which only this route needs.
    from communique.server.ingest.ingest import ingest_article

    with _ingest_lock:
        existed = _exists(store, article)
        config = current_app.config
        outcome = ingest_article(store, article, base=config["BASE"], data_dir=config["DATA_DIR"])
    if outcome.stored:
        response = jsonify(
            {"iri": str(outcome.iri), "triples": outcome.triples, "replaced": existed}
        )
        response.status_code = 200 if existed else 201
        response.headers["Location"] = str(outcome.iri)
        return response
    if outcome.no_content:
        raise HttpError(
            422,
            f"{outcome.error}; nothing was stored",
            details={"reason": NO_CONTENT_REASON, "iri": outcome.iri},
        )
    if outcome.validation is not None and not outcome.validation.conforms:
        if media_out == JSON:
            response = jsonify(
                {
                    "status": 422,
                    "error": "Unprocessable Content",
                    "message": NOT_CONFORMING,
                    "iri": str(outcome.iri) if outcome.iri else None,
                    "validation": validate.summarize(outcome.validation),
                }
            )
        else:
            response = rdf_response(bind_prefixes(outcome.validation.report_graph), media_out)
        response.status_code = 422
        return response
    raise HttpError(422, f"the article could not be mapped: {outcome.error or 'unknown error'}")


def _check_token() -> None:
    expected = current_app.config["TOKEN"]
    if not expected:
        raise HttpError(403, "ingesting over HTTP is disabled: the server has no COMMUNIQUE_TOKEN")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    # As bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500),
    # and any client can send those.
    given_bytes = _header_bytes(given.strip())
    expected_bytes = expected.encode("utf-8", "surrogatepass")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given_bytes, expected_bytes):
        raise HttpError(
            401,
            "a valid bearer token is required (Authorization: Bearer ...)",
            headers={"WWW-Authenticate": 'Bearer realm="communique"'},
        )


def _header_bytes(value: str) -> bytes:
    """A header value's bytes as the client sent them (WSGI decodes them as Latin-1)."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:  # not from a WSGI server (a test client): take it as text
        return value.encode("utf-8", "surrogatepass")  # never fails


def _read_article() -> Any:
    """An Article from a JSON object or from seed-format text (`date YYYY-MM-DD body`),
    named by the `Slug` header when it has no "id" (and by its "url" before either)."""
    name = _slug_name()
    body = request.get_data(cache=False)
    if not body:
        raise HttpError(400, "the request body is empty; send a JSON article or seed text")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(SOURCE, f"the body is not UTF-8: {exc}") from exc
    if request.mimetype in ("application/json", "application/ld+json"):
        try:
            record = json.loads(text)
        except ValueError as exc:
            raise InputError(SOURCE, f"the body is not JSON: {exc}") from exc
        except RecursionError as exc:  # arrays or objects nested past Python's stack limit
            raise InputError(SOURCE, "the body is JSON nested too deeply") from exc
        return parse_record(record, SOURCE, name=name)
    if request.mimetype in ("text/plain", ""):
        return parse_seed(text, SOURCE, name=name)
    raise HttpError(
        415,
        f"cannot read an article from {request.mimetype}; send application/json or text/plain",
    )


def _slug_name() -> str | None:
    """The name a client proposes for the article in a `Slug` header (RFC 5023 section
    9.7, as Linked Data Platform servers read it for POST): percent-encoded UTF-8. It
    gives the article a lasting IRI, so that POSTing an edited text replaces the article."""
    raw = request.headers.get("Slug")
    if raw is None:
        return None
    try:
        name = unquote(raw, errors="strict").strip()
    except UnicodeDecodeError as exc:
        raise InputError(SOURCE, "the Slug header is not percent-encoded UTF-8") from exc
    if not name or len(name) > MAX_SLUG:
        raise InputError(SOURCE, f"the Slug header must have 1 to {MAX_SLUG} characters")
    return name


def _exists(store: Any, article: Any) -> bool:
    from communique.mapping.iris import Minter

    graph = Minter(current_app.config["BASE"]).article_graph(article)
    return store.has_graph(str(graph))
