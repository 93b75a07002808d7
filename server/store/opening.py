"""Opening a store by one name: a data folder (embedded Oxigraph) or an http(s) URL (a
remote SPARQL 1.1 engine), with the remote engine's options.

`open_store(location, base, **options)` is what the app and the commands call;
`store_options(config)` turns the settings (COMMUNIQUE_STORE_*) into those options.
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
    if is_url(location):
        assert isinstance(location, str)
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
    }
    options = {key: config[name] for key, name in names.items() if config.get(name) is not None}
    if str(options.get("graph_url", "")).lower() == "none":
        options["graph_url"] = ""  # the engine has no Graph Store Protocol: queries only
    return options
