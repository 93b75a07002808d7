"""The app's store: opened once when the app is created, shared by every request.

pyoxigraph's Store is thread-safe, so one instance serves all of waitress's threads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app
from rdflib import Graph

from communique.server.store import Store
from communique.server.void import describe_dataset

log = logging.getLogger(__name__)

EXTENSION = "communique.store"


def init_app(app: Flask) -> Store:
    """Open the store named by the app's config and make sure it holds the reference data."""
    data_dir = app.config.get("DATA_DIR")
    path = Path(data_dir) if data_dir else None
    store = Store.open(path, app.config["BASE"])
    # The countries are minted under the app's base, which need not be COMMUNIQUE_BASE.
    store.ensure_reference()
    app.extensions[EXTENSION] = store
    log.info("serving %s store for base %s", path or "an in-memory", app.config["BASE"])
    return store


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions[EXTENSION]


def served_description() -> Graph:
    """The VoID/DCAT description of the current app's dataset, naming its SPARQL endpoint
    when the app serves one."""
    return describe_dataset(get_store(), sparql="sparql" in current_app.blueprints)


def close_store(app: Flask) -> None:
    """Flush and release the store (and its folder lock); the app cannot serve after this."""
    from communique.server import sparql  # here: sparql imports this module

    sparql.close(app)  # stop the query workers and delete their snapshots of the store
    store = app.extensions.pop(EXTENSION, None)
    if store is not None:
        store.close()
