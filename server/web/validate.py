"""`POST /validate`: check anyone's RDF against our shapes; the report, negotiated.

The route needs no token, so what one request may cost is bounded (web.validate_worker):
VALIDATE_MAX_TRIPLES triples, VALIDATE_TIMEOUT seconds, VALIDATE_MAX_MEMORY_MB megabytes,
VALIDATE_CONCURRENCY validations at once.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from communique.server import formats
from communique.server.web.errors import HttpError
from communique.server.web.negotiation import (
    HTML,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    choose,
)
from communique.server.web.rdf_input import INPUT_FORMATS, INPUT_KEYS, count_triples, media_type_of
from communique.server.web.validate_worker import Limits, slot, validate_untrusted

bp = Blueprint("validate", __name__)

# Turtle first: the SHACL report itself is the answer to a client that accepts anything.
REPORT_TYPES = (TURTLE, JSON, HTML, JSONLD, NTRIPLES, RDFXML)
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


@bp.get("/validate")
def form() -> Response:
    """A page where a person can paste RDF and validate it."""
    body = render_template(
        "validate.html", input_keys=_input_choices(), result=None, text="", chosen="ttl"
    )
    return Response(body, mimetype=HTML)


@bp.post("/validate")
def validate() -> Response:
    """Count the triples, validate them in a bounded worker; the report or its JSON summary."""
    media_out = choose(request, REPORT_TYPES)
    text, media_in, chosen = _read_input()
    limits = Limits.from_config(current_app.config)
    # A streaming count keeps nothing: a body over the limit is refused before any graph
    # is built or any worker started, even while every worker is busy.
    count_triples(text, media_in, limit=limits.max_triples, base_iri=request.base_url)
    with slot(current_app, limits):
        answer = validate_untrusted(
            text, media_in, media_out, base_iri=request.base_url, limits=limits
        )
    if media_out == JSON:
        response = jsonify(answer["summary"])
    elif media_out == HTML:
        body = render_template(
            "validate.html",
            input_keys=_input_choices(),
            result=answer["summary"],
            text=text if isinstance(text, str) else text.decode("utf-8", "replace"),
            chosen=chosen,
        )
        response = Response(body, mimetype=HTML)
    else:
        charset = "; charset=utf-8" if media_out in (TURTLE, NTRIPLES) else ""
        response = Response(answer["report"], content_type=media_out + charset)
    response.headers["X-SHACL-Conforms"] = "true" if answer["conforms"] else "false"
    response.vary.add("Accept")
    response.cache_control.no_store = True
    return response


def _read_input() -> tuple[str | bytes, str, str]:
    """The RDF text, its media type and the format key, from a raw body or an HTML form."""
    if request.mimetype in FORM_TYPES:
        chosen = request.form.get("input_format", "ttl")
        upload = request.files.get("file")
        text: str | bytes = upload.read() if upload and upload.filename else ""
        text = text or request.form.get("data", "")
        if not text:
            raise HttpError(400, "nothing to validate: paste RDF into the form or attach a file")
        return text, media_type_of(None, chosen), chosen
    media = media_type_of(request.content_type, request.args.get("input"))
    body = request.get_data(cache=False)
    if not body:
        raise HttpError(400, "nothing to validate: the request body is empty")
    return body, media, INPUT_FORMATS[media].file_extension


def _input_choices() -> list[tuple[str, str]]:
    return [(f.key, f.label) for f in formats.TRIPLE_FORMATS if f.key in INPUT_KEYS]
