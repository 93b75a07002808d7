"""`POST /validate`: check anyone's RDF against our shapes; the report, negotiated."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request

from communique.mapping import validation
from communique.mapping.validation import ValidationResult
from communique.server.errors_http import HttpError
from communique.server.negotiation import (
    HTML,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    bind_prefixes,
    choose,
    rdf_response,
)
from communique.server.rdf_input import INPUT_FORMATS, INPUT_KEYS, media_type_of, parse_untrusted

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
    """Parse the body safely, run the shapes, answer with the report or its JSON summary."""
    media_out = choose(request, REPORT_TYPES)
    text, media_in, chosen = _read_input()
    graph = parse_untrusted(text, media_in, base_iri=request.base_url)
    result = validation.validate_graph(graph)
    summary = summarize(result, triples=len(graph))
    if media_out == JSON:
        response = jsonify(summary)
    elif media_out == HTML:
        body = render_template(
            "validate.html",
            input_keys=_input_choices(),
            result=summary,
            text=text if isinstance(text, str) else text.decode("utf-8", "replace"),
            chosen=chosen,
        )
        response = Response(body, mimetype=HTML)
    else:
        response = rdf_response(bind_prefixes(result.report_graph), media_out)
    response.headers["X-SHACL-Conforms"] = "true" if result.conforms else "false"
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


def summarize(result: ValidationResult, *, triples: int) -> dict[str, Any]:
    """The validation layer's JSON summary plus how many triples were checked."""
    return {**validation.summarize(result), "triples": triples}


def _input_choices() -> list[tuple[str, str]]:
    labels = {"ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD", "rdf": "RDF/XML"}
    return [(key, labels[key]) for key in labels if key in INPUT_KEYS]
