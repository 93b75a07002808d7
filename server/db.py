"""The app's store: opened once when the app is created, shared by every request.

pyoxigraph's Store is thread-safe, so one instance serves all of the server's threads; so is
a remote store (one pool of HTTP connections).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, current_app
from rdflib import Graph

from communique.server.store.articles import Store
from communique.server.store.opening import open_store, store_options
from communique.server.web.void import describe_dataset

log = logging.getLogger(__name__)

EXTENSION = "communique.store"
CLOSERS = "communique.store.closers"  # what must stop before the store closes


def init_app(app: Flask) -> Store:
    """Open the store named by the app's config (STORE: a folder or an engine's URL, else
    DATA_DIR) and make sure it holds the reference data."""
    location = app.config.get("STORE") or app.config["DATA_DIR"]
    store = open_store(
        location,
        app.config["BASE"],
        feed_page_size=app.config["FEED_PAGE_SIZE"],
        **store_options(app.config),
    )
    # The countries are minted under the app's base, which need not be COMMUNIQUE_BASE.
    store.ensure_reference()
    app.extensions[EXTENSION] = store
    where = store.ox.endpoints.where if store.remote else location  # type: ignore[union-attr]
    log.info("serving %s store for base %s", where or "an in-memory", app.config["BASE"])
    return store


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions[EXTENSION]


def served_description() -> Graph:
    """The VoID/DCAT description of the current app's dataset, naming its SPARQL endpoint
    when the app serves one."""
    return describe_dataset(get_store(), sparql="sparql" in current_app.blueprints)


def on_close(app: Flask, closer: Callable[[Flask], None]) -> None:
    """Have close_store call `closer(app)` before it closes the store (the SPARQL workers)."""
    # a registry instead of an import: sparql imports this module, not the other way
    app.extensions.setdefault(CLOSERS, []).append(closer)


def close_store(app: Flask) -> None:
    """Flush and release the store (and its folder lock); the app cannot serve after this."""
    for closer in app.extensions.get(CLOSERS, ()):
        closer(app)
    store = app.extensions.pop(EXTENSION, None)
    if store is not None:
        store.close()
