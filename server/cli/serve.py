"""The `serve` command: the Flask app under waitress, optionally after ingesting articles."""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path
from typing import Any

import click
import waitress.server
from flask import Flask
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer

from communique.server.cli.options import SettingOption, base_option, data_option, store_option
from communique.server.errors import StoreError
from communique.server.settings import SettingsError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
SHUTDOWN_GRACE = 10.0  # seconds the requests in progress get to finish after a signal
TICK = 0.2  # seconds: the longest the event loop waits before it looks for a signal


@click.command("serve")
@click.option("--host", default="localhost", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=5000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@data_option
@store_option
@base_option
@click.option(
    "--ingest",
    "ingest_paths_",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Ingest these files or folders before serving (repeatable).",
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(min=1), help="Worker threads."
)
@click.option(
    "--token",
    cls=SettingOption,
    setting="token",
    help="Bearer token that enables POST /articles (env COMMUNIQUE_TOKEN).",
)
def serve_command(
    host: str,
    port: int,
    data_dir: Path,
    store: str | None,
    base: str,
    ingest_paths_: tuple[Path, ...],
    threads: int,
    token: str | None,
) -> None:
    """Serve the store: Linked Data, SPARQL, dumps, validation (waitress, production WSGI).

    Open http://HOST:PORT/ in a browser and follow the links. With --store URL the data
    lives in a SPARQL 1.1 engine: run several `serve` processes over it behind a proxy.
    With --ingest PATH the articles there are mapped, validated and stored first (the
    bundled examples:
    `communique serve --ingest examples/articles`). SIGTERM or Ctrl+C stops the server
    cleanly: requests in progress get up to 10 s to finish (a second signal cuts that short).
    """
    from communique.server.app import create_app
    from communique.server.db import close_store

    try:
        config = {"DATA_DIR": str(data_dir), "BASE": base, "TOKEN": token}
        if store:  # else COMMUNIQUE_STORE, which the app reads itself
            config["STORE"] = store
        app = create_app(config)
    except (StoreError, SettingsError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    code = EXIT_OK
    try:
        if ingest_paths_:
            # SIGTERM as Ctrl+C: either interrupts the ingest and still closes the store
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            _ingest(app, list(ingest_paths_))
        run_server(app, host=host, port=port, threads=threads)
    except ListenError as exc:
        click.echo(f"error: {exc}", err=True)
        code = EXIT_ERROR
    finally:
        close_store(app)  # also stops the SPARQL query workers
    if code != EXIT_OK:
        sys.exit(code)


class ListenError(Exception):
    """The server could not listen on the host and port it was given."""


class _StopSignals:
    """Counts SIGTERM and SIGINT; the main loop polls the count (a handler that did more
    could run in the middle of waitress's own bookkeeping)."""

    def __init__(self) -> None:
        self.count = 0
        self.name = ""

    def __call__(self, signum: int, frame: object) -> None:
        self.count += 1
        self.name = signal.Signals(signum).name

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self)


def run_server(app: Flask, *, host: str, port: int, threads: int) -> None:
    """Serve `app` with waitress until SIGTERM or SIGINT, then stop accepting, let requests
    in progress finish (a second signal skips that) and return."""
    sockets: dict[int, Any] = {}  # waitress's socket map: listeners, triggers, connections
    stop = _StopSignals()
    stop.install()
    server = _bind(app, sockets, host=host, port=port, threads=threads)
    (_, bound_port), *_ = _listening(server)
    click.echo(banner(app.config["BASE"], host, bound_port), err=True)
    while not stop.count:
        _tick(server, sockets)
    click.echo(f"communique stopping ({stop.name})", err=True)
    _drain(server, sockets, stop)
    server.task_dispatcher.shutdown(timeout=1)
    wasyncore.close_all(sockets)


def banner(base: str, host: str, port: int) -> str:
    """The line printed once the socket is bound: the URL, and the data base if it differs."""
    url = f"http://{host}:{port}/"
    if base.rstrip("/") == url.rstrip("/"):
        return f"communique serving at {url} (Ctrl+C to stop)"
    return f"communique serving at {url} (data IRIs under {base}; Ctrl+C to stop)"


def _bind(app: Flask, sockets: dict[int, Any], **options: Any) -> Any:
    """A waitress server listening on its socket(s), not yet serving; ListenError if not."""
    try:
        return waitress.server.create_server(app, map=sockets, ident="communique", **options)
    except OSError as exc:  # in use, not allowed, or an unknown host
        wasyncore.close_all(sockets)  # the sockets bound before the one that failed
        where = f"{options['host']}:{options['port']}"
        raise ListenError(f"cannot listen on {where}: {exc.strerror or exc}") from exc


def _listening(server: Any) -> list[tuple[str, int]]:
    """(host, port) of each listening socket (several when a name has several addresses)."""
    listen = getattr(server, "effective_listen", None)  # waitress's MultiSocketServer
    return list(listen) if listen else [(server.effective_host, server.effective_port)]


def _tick(server: Any, sockets: dict[int, Any]) -> None:
    """One pass of waitress's event loop, short so that a signal is seen quickly."""
    wasyncore.loop(timeout=TICK, use_poll=server.adj.asyncore_use_poll, map=sockets, count=1)


def _drain(server: Any, sockets: dict[int, Any], stop: _StopSignals) -> None:
    """Close the listening sockets, then run the loop until every connection has had its
    answer (idle ones are closed at once), SHUTDOWN_GRACE has passed or a second signal."""
    for dispatcher in list(sockets.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            # the socket only: its close() would also close the trigger, which task
            # threads still use to hand answers to the loop
            wasyncore.dispatcher.close(dispatcher)
    deadline = time.monotonic() + SHUTDOWN_GRACE
    while stop.count < 2 and time.monotonic() < deadline:
        channels = [d for d in list(sockets.values()) if isinstance(d, HTTPChannel)]
        for channel in channels:
            if not _busy(channel):
                channel.handle_close()
        if not any(_busy(channel) for channel in channels):
            return
        _tick(server, sockets)
    log.warning("stopped with requests still in progress")


def _busy(channel: HTTPChannel) -> bool:
    """True while a connection has a request being read, run, or answered."""
    return bool(channel.request or channel.requests or channel.total_outbufs_len)


def _ingest(app: Flask, paths: list[Path]) -> None:
    """Ingest before serving; failures are reported but do not stop the server."""
    from communique.server.db import EXTENSION
    from communique.server.ingest.ingest import ingest_paths

    store = app.extensions[EXTENSION]
    config = app.config
    report = ingest_paths(
        store, paths, base=config["BASE"], progress=True, data_dir=config["DATA_DIR"]
    )
    click.echo(
        f"ingested {len(report.stored)} article(s), {report.triples} triples; "
        f"{len(report.rejected)} rejected, {len(report.failed)} failed "
        f"({report.seconds:.1f}s)",
        err=True,
    )
    for outcome in report.rejected + report.failed:
        click.echo(f"  {outcome.status}: {outcome.source}: {outcome.error or ''}", err=True)
