"""Opening a store by one name: a data folder (embedded Oxigraph) or an http(s) URL (a
remote SPARQL 1.1 engine), with the remote engine's options.

`open_store(location, base, **options)` is what the app and the commands call;
`store_options(config)` turns the settings (COMMUNIQUE_STORE_*) into those options.
`default_graph` (COMMUNIQUE_STORE_DEFAULT_GRAPH) says what a query's default graph is:
"merged" keeps the merge of the named graphs in the store's own default graph (Store's
merged=True); "union" leaves it to an engine whose default graph already is the union of
the named graphs; "union-parameter" asks Oxigraph server for the union with each query.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from communique.server.store.articles import Store
from communique.server.store.remote import ENGINE_OPTIONS


def is_url(location: str | Path | None) -> bool:
    """True when `location` names a remote engine rather than a data folder."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def open_store(location: str | Path | None, base: str, **options: Any) -> Store:
    """The store in the data folder `location` (None: in memory) or at the engine URL
    `location`; `options` as Store.open or Store.open_url take them (the remote-only ones
    are dropped for a folder, so the settings can be passed as they are)."""
    default_graph = options.pop("default_graph", None)
    if default_graph is not None:
        options["merged"] = default_graph == "merged"
    if is_url(location):
        assert isinstance(location, str)
        if default_graph is not None:
            options["union_parameter"] = default_graph == "union-parameter"
        return Store.open_url(location, base, **options)
    for key in (*ENGINE_OPTIONS, "timeout", "timeout_param"):
        options.pop(key, None)
    return Store.open(Path(location) if location else None, base, **options)


def store_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The remote engine's options from the settings (app.config keys STORE_*)."""
    names = {
        "query_url": "STORE_QUERY_URL",
        "update_url": "STORE_UPDATE_URL",
        "graph_url": "STORE_GRAPH_URL",
        "user": "STORE_USER",
        "password": "STORE_PASSWORD",
        "token": "STORE_TOKEN",
        "timeout": "STORE_TIMEOUT",
        "timeout_param": "STORE_TIMEOUT_PARAM",
        "default_graph": "STORE_DEFAULT_GRAPH",
    }
    options = {key: config[name] for key, name in names.items() if config.get(name) is not None}
    if str(options.get("graph_url", "")).lower() == "none":
        options["graph_url"] = ""  # the engine has no Graph Store Protocol: queries only
    return options
