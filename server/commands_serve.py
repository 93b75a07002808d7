"""The `serve` command: the Flask app under waitress, optionally after ingesting articles."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from flask import Flask

from communique.server.cli_options import base_option, data_option
from communique.server.errors import StoreError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


@click.command("serve")
@click.option("--host", default="localhost", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@data_option
@base_option
@click.option(
    "--ingest",
    "ingest_paths_",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Ingest these files or folders before serving (repeatable).",
)
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads.")
@click.option(
    "--token",
    envvar="COMMUNIQUE_TOKEN",
    help="Bearer token that enables POST /articles (env COMMUNIQUE_TOKEN).",
)
def serve_command(
    host: str,
    port: int,
    data_dir: Path,
    base: str,
    ingest_paths_: tuple[Path, ...],
    threads: int,
    token: str | None,
) -> None:
    """Serve the store: Linked Data, SPARQL, dumps, validation (waitress, production WSGI).

    Open http://HOST:PORT/ in a browser and follow the links. With --ingest PATH the
    articles there are mapped, validated and stored first (the bundled examples:
    `communique serve --ingest examples/articles`).
    """
    import waitress

    from communique.server.app import create_app

    try:
        app = create_app({"DATA_DIR": str(data_dir), "BASE": base, "TOKEN": token})
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if ingest_paths_:
        _ingest(app, list(ingest_paths_))
    url = f"http://{host}:{port}/"
    click.echo(f"communique serving {app.config['BASE']} at {url} (Ctrl+C to stop)", err=True)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="communique")
    finally:
        from communique.server.db import close_store

        close_store(app)


def _ingest(app: Flask, paths: list[Path]) -> None:
    """Ingest before serving; failures are reported but do not stop the server."""
    from communique.server.db import EXTENSION
    from communique.server.ingest import ingest_paths

    store = app.extensions[EXTENSION]
    report = ingest_paths(store, paths, base=app.config["BASE"], progress=True)
    click.echo(
        f"ingested {len(report.stored)} article(s), {report.triples} triples; "
        f"{len(report.rejected)} rejected, {len(report.failed)} failed "
        f"({report.seconds:.1f}s)",
        err=True,
    )
    for outcome in report.rejected + report.failed:
        click.echo(f"  {outcome.status}: {outcome.source}: {outcome.error or ''}", err=True)
