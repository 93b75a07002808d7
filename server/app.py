"""The Flask application factory: configuration, the store, blueprints, shared headers."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from flask_compress import Compress

from communique import __version__
from communique.server import db, formats
from communique.server.settings import Settings, read_env
from communique.server.web.errors import register_error_handlers

# Media types worth compressing on the fly (flask-compress compares the type only): the
# pages' own and every RDF and results format of the registry.
COMPRESSIBLE = [
    "text/html",
    "text/css",
    "text/plain",
    "application/json",
    "application/javascript",
    *formats.MEDIA_TYPES,
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
    # Runs on every response, the SPARQL endpoint's smallest answers too: the header list
    # is read once and plain strings are added, not werkzeug's parsed header objects.
    headers = response.headers
    present = {key.lower() for key in headers.keys()}
    if "x-content-type-options" not in present:
        headers.add("X-Content-Type-Options", "nosniff")
    if "content-security-policy" not in present:
        headers.add("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    if request.blueprint != "articles":
        headers.set("Access-Control-Allow-Origin", "*")
        headers.set("Access-Control-Expose-Headers", CORS_EXPOSED)
        if request.method == "OPTIONS":
            headers.set("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
            headers.set("Access-Control-Allow-Headers", "Accept, Content-Type")
            headers.set("Access-Control-Max-Age", "86400")
    if "cache-control" not in present:
        if request.method in ("GET", "HEAD") and response.status_code < 400:
            # Revalidate every time: the routes send ETags, so that is usually a 304.
            headers.add("Cache-Control", "no-cache, public")
        else:
            headers.add("Cache-Control", "no-store")
    return response
