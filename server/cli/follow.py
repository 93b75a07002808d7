"""The `follow` command: keep a local copy of a remote feed (server/feed/follow.py)."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import click

from communique.server.errors import StoreError

EXIT_OK, EXIT_ERROR = 0, 2


@click.command("follow")
@click.argument("url")
@click.option(
    "--out",
    "out",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the copy: DIR/data (a data folder) and DIR/follow.json (where it stopped).",
)
@click.option(
    "--interval",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds between two polls of the newest page.",
)
@click.option("--once", is_flag=True, help="Stop once caught up instead of polling.")
def follow_command(url: str, out: Path, interval: float, once: bool) -> None:
    """Replay the feed at URL (a server's /feed) into DIR, then follow it.

    Every revision (create, replace, delete of an article) is applied in order, each page's
    new ones in one transaction; the copy notes the last one it applied in that same
    transaction, so a restart (even after kill -9) resumes without applying any twice.
    Serve the copy with: communique serve --data DIR/data --base BASE (the source's base).

    Exit status: 0 caught up (--once) or stopped by a signal, 2 could not follow.
    """
    from communique.server.feed.follow import Follower, FollowError

    stop = stop_on_signals()
    try:
        follower = Follower(url, out)
    except (FollowError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"following {follower.url} into {out} (base {follower.base})")

    def progress(applied: int) -> None:
        click.echo(f"applied {applied} revision(s); now at {follower.page_iri}")

    try:
        total = follower.run(once=once, interval=interval, stop=stop, on_progress=progress)
    except (FollowError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    finally:
        follower.close()
    click.echo(f"applied {total} revision(s) in all")
    sys.exit(EXIT_OK)


def stop_on_signals() -> threading.Event:
    """An event that SIGINT and SIGTERM set."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # set from another thread: a handler runs in the main thread, which may hold the
        # event's lock inside stop.wait(), and setting it there would wait on itself
        signal.signal(signum, lambda *_: threading.Thread(target=stop.set).start())
    return stop
