"""The Flask application factory: configuration, the store, blueprints, shared headers."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from flask_compress import Compress

from communique import __version__
from communique.server import db
from communique.server.settings import Settings, read_env
from communique.server.web.errors import register_error_handlers

# Media types worth compressing on the fly (flask-compress compares the type only).
COMPRESSIBLE = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/json",
    "application/ld+json",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "application/rdf+xml",
    "application/javascript",
    "application/sparql-results+json",
    "application/sparql-results+xml",
]
CORS_EXPOSED = "ETag, Link, Content-Disposition, Location"
# The pages load their scripts and styles from /static only and have no inline code,
# so this holds without 'unsafe-inline'; it also stops `javascript:` links taken from data.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app from the settings (server/settings.py); `test_config` overrides them."""
    app = Flask(__name__)
    app.config.update(
        SEND_FILE_MAX_AGE_DEFAULT=3600,
        COMPRESS_MIMETYPES=COMPRESSIBLE,
        COMPRESS_ALGORITHM=["gzip", "br", "deflate"],
        COMPRESS_MIN_SIZE=1024,
        # Streamed bodies (dumps are already gzip files, SPARQL results) are left alone.
        COMPRESS_STREAMS=False,
    )
    app.config.from_mapping(test_config or {})
    # every setting typed and checked once, the base normalised: app.config["X"] is ready
    settings = Settings.from_config({**read_env(), **(test_config or {})})
    app.config.from_mapping(settings.to_config())
    app.json.sort_keys = False  # type: ignore[attr-defined]

    Compress(app)
    register_error_handlers(app)
    db.init_app(app)
    _register_blueprints(app)
    app.after_request(_shared_headers)

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "version": __version__,
            "base": app.config["BASE"],
            "has_sparql": "sparql" in app.blueprints,
            "sparql_url": "/sparql",  # the SPARQL blueprint's url_prefix
        }

    return app


def _register_blueprints(app: Flask) -> None:
    """One blueprint per concern: the web face, the feed, the SPARQL endpoint."""
    from communique.server.feed import routes as feed
    from communique.server.sparql import routes as sparql
    from communique.server.web import articles, describe, dumps, resources, validate

    for module in (describe, resources, dumps, feed, validate, articles, sparql):
        app.register_blueprint(module.bp)


def _shared_headers(response: Response) -> Response:
    """CORS on everything but the authenticated write route; a default cache policy;
    security headers on every response."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    if request.blueprint != "articles":
        response.access_control_allow_origin = "*"
        response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.access_control_max_age = 86400
    if "Cache-Control" not in response.headers:
        if request.method in ("GET", "HEAD") and response.status_code < 400:
            # Revalidate every time: the routes send ETags, so that is usually a 304.
            response.cache_control.no_cache = True
            response.cache_control.public = True
        else:
            response.cache_control.no_store = True
    return response
