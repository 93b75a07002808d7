"""The one place where exceptions become HTTP responses, in JSON or HTML by negotiation."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from communique.mapping.errors import InputError, LanguageError, MappingError
from communique.server.errors import StoreError

log = logging.getLogger(__name__)


class HttpError(Exception):
    """An error the HTTP layer reports itself: a status, a message and optional details."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


def wants_html() -> bool:
    """True when the client prefers HTML to JSON (a browser); API clients get JSON."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes["text/html"] > 0


def error_response(
    status: int,
    message: str,
    *,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """An error page for browsers or a JSON object for everyone else."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    if wants_html():
        body = render_template(
            "error.html", status=status, title=title, message=message, details=details or {}
        )
        response = Response(body, status=status, mimetype="text/html")
    else:
        payload: dict[str, Any] = {"status": status, "error": title, "message": message}
        payload.update(details or {})
        response = jsonify(payload)
        response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    response.vary.add("Accept")
    response.cache_control.no_store = True
    return response


def _http_exception(exc: HTTPException) -> Response:
    headers = {}
    if exc.code == 405 and exc.valid_methods:  # type: ignore[attr-defined]
        headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
    return error_response(exc.code or 500, exc.description or exc.name, headers=headers)


def _http_error(exc: HttpError) -> Response:
    return error_response(exc.status, exc.message, details=exc.details, headers=exc.headers)


def _input_error(exc: InputError) -> Response:
    details = {"source": exc.source, "reason": exc.reason}
    if isinstance(exc, LanguageError):  # well-formed, but not what the mapper reads
        return error_response(422, str(exc), details={**details, "language": exc.language})
    return error_response(400, str(exc), details=details)


def _mapping_error(exc: MappingError) -> Response:
    return error_response(422, str(exc))


def _store_error(exc: StoreError) -> Response:
    log.error("store error: %s", exc)
    return error_response(503, f"the store is unavailable: {exc}", headers={"Retry-After": "30"})


def _unexpected(exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, "internal server error; the cause has been logged")


def register_error_handlers(app: Flask) -> None:
    """Map each layer's exception to a status (design: one exception type per layer)."""
    app.register_error_handler(HTTPException, _http_exception)
    app.register_error_handler(HttpError, _http_error)
    app.register_error_handler(InputError, _input_error)
    app.register_error_handler(MappingError, _mapping_error)
    app.register_error_handler(StoreError, _store_error)
    if not app.testing:
        # In tests an unexpected exception should propagate and fail loudly.
        app.register_error_handler(Exception, _unexpected)
