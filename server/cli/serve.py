"""The `serve` command: the Flask app under granian, optionally after ingesting articles.

granian is an HTTP server written in Rust: it reads and writes the HTTP and calls the app
in Python threads. Its own share of a small SPARQL request is about 0.2 ms of CPU where
waitress's Python event loop took 0.7 (bench/bench_sparql.py's lookups went from 0.25 to
0.36 of Oxigraph server's throughput with the change). It runs the app in one worker process of its
own, which opens the store there: the settings reach it as COMMUNIQUE_* variables. One
worker, because the embedded store has one writer; more throughput over a remote engine
comes from more `serve` processes (README, "Several servers").
"""

from __future__ import annotations

import multiprocessing.util
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask
from granian.constants import Interfaces
from granian.server import MPServer

from communique.server.cli.options import SettingOption, base_option, data_option, store_option
from communique.server.errors import StoreError
from communique.server.settings import SettingsError, environment_of, hand_down

EXIT_ERROR = 2  # the settings, the store or the address cannot be used
SHUTDOWN_GRACE = 10  # seconds the requests in progress get to finish after a signal
# Python threads that run requests: a SPARQL query holds one while the query process runs
# it, so more than the cores, within reason.
DEFAULT_THREADS = min(8, 2 * (os.cpu_count() or 1) + 1)
APP_FACTORY = f"{__name__}:served_app"


@click.command("serve")
@click.option("--host", default="localhost", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=5000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
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
    "--threads",
    default=DEFAULT_THREADS,
    show_default=True,
    type=click.IntRange(min=1),
    help="Threads that run requests.",
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
    """Serve the store: Linked Data, SPARQL, dumps, validation (granian, production HTTP).

    Open http://HOST:PORT/ in a browser and follow the links. With --store URL the data
    lives in a SPARQL 1.1 engine: run several `serve` processes over it behind a proxy.
    With --ingest PATH the articles there are mapped, validated and stored first (the
    bundled examples:
    `communique serve --ingest examples/articles`). SIGTERM or Ctrl+C stops the server
    cleanly: requests in progress get up to 10 s to finish (a second signal cuts that short).
    """
    from communique.server.app import create_app
    from communique.server.db import close_store

    config = {"DATA_DIR": str(data_dir), "BASE": base, "TOKEN": token}
    if store:  # else COMMUNIQUE_STORE, which the app reads itself
        config["STORE"] = store
    try:
        app = create_app(config)  # the settings checked and the store opened once, here
    except (StoreError, SettingsError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    try:
        if ingest_paths_:
            # SIGTERM as Ctrl+C: either interrupts the ingest and still closes the store
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            _ingest(app, list(ingest_paths_))
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
    finally:
        close_store(app)  # released for the server's worker process, which opens it
    try:
        environment = served_environment(app.config)
        run_server(environment, host=host, port=port, threads=threads, base=app.config["BASE"])
    except ListenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


class ListenError(Exception):
    """The server could not listen on the host and port it was given."""


def served_environment(config: Any) -> dict[str, str]:
    """The COMMUNIQUE_* variables that give the worker process the app's settings as given
    on the command line (the others it reads from the environment as this process did)."""
    return environment_of(config, ("DATA_DIR", "BASE", "STORE", "TOKEN"))


def served_app() -> Flask:
    """The app in granian's worker process, built from the COMMUNIQUE_* settings."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    app = create_app()
    # granian ends its worker process without running atexit hooks, but it runs
    # multiprocessing's finalizers: the store is flushed and released, its query workers
    # stopped and their snapshots deleted on the way out
    multiprocessing.util.Finalize(app, close_store, args=(app,), exitpriority=10)
    return app


def run_server(
    environment: dict[str, str], *, host: str, port: int, threads: int, base: str
) -> None:
    """Serve the app (built by `served_app` from `environment`) until SIGTERM or SIGINT,
    then stop accepting, let requests in progress finish (a second signal cuts them short)
    and return."""
    hand_down(environment)
    address, port = _listen_address(host, port)
    server = _Server(
        APP_FACTORY,  # for granian's logs: the app is loaded by served_app itself
        interface=Interfaces.WSGI,
        address=address,
        port=port,
        workers=1,
        blocking_threads=threads,
        workers_kill_timeout=SHUTDOWN_GRACE,
        # a worker process that dies (a crash, the OOM killer) is started again, unless it
        # keeps dying at once: then the server stops
        respawn_failed_workers=True,
        respawn_interval=1.0,
        log_level="warning",
    )
    server.on_startup(lambda: click.echo(banner(base, host, port), err=True))
    # granian's own loader takes the target for a file path, relative to the folder
    server.serve(target_loader=served_app, wrap_loader=False)


class _Server(MPServer):
    """granian's server, with its errors and signals said as communique says them."""

    def _init_shared_socket(self) -> None:
        try:
            super()._init_shared_socket()
        except (OSError, RuntimeError, ValueError) as exc:  # taken since it was looked at
            where = f"{self.bind_addr}:{self.bind_port}"
            reason = str(exc).splitlines()[0]
            raise ListenError(f"cannot listen on {where}: {reason}") from None

    def signal_handler_interrupt(self, signum: int = signal.SIGTERM, *args: Any) -> None:
        if self.interrupt_signal:  # the second: the requests in progress are cut short
            for worker in list(self.wrks):
                worker.kill()
            return
        click.echo(f"communique stopping ({signal.Signals(signum).name})", err=True)
        super().signal_handler_interrupt()


def _listen_address(host: str, port: int) -> tuple[str, int]:
    """The IP address `host` names (granian binds addresses, not names: "localhost" is
    127.0.0.1) and `port` (for 0, one free now), once a socket could listen there;
    ListenError if not. Said here in Python's words: granian's error carries a Rust
    backtrace."""
    try:
        family, _, _, _, where = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.create_server(where[:2], family=family) as probe:
            return where[0], probe.getsockname()[1]
    except OSError as exc:  # unknown host, in use, not allowed
        if isinstance(exc, socket.gaierror) or not exc.errno:
            reason = exc.strerror or str(exc)
        else:  # without Python's "(while attempting to bind ...)"
            reason = os.strerror(exc.errno)
        raise ListenError(f"cannot listen on {host}:{port}: {reason}") from None


def banner(base: str, host: str, port: int) -> str:
    """The line printed once the socket is bound: the URL, and the data base if it differs."""
    url = f"http://{host}:{port}/"
    if base.rstrip("/") == url.rstrip("/"):
        return f"communique serving at {url} (Ctrl+C to stop)"
    return f"communique serving at {url} (data IRIs under {base}; Ctrl+C to stop)"


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
