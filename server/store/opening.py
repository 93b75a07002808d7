"""Opening a store by one name: a data folder (embedded Oxigraph) or an http(s) URL (a
remote SPARQL 1.1 engine), with the remote engine's options.

`open_store(location, base, **options)` is what the app and the commands call;
`store_options(config)` turns the settings (COMMUNIQUE_STORE_*) into those options.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.server.store.remote import DEFAULT_TIMEOUT, Endpoints, RemoteEngine

if TYPE_CHECKING:
    from communique.server.store.articles import Store

FEED_OPTIONS = ("feed", "feed_page_size")
ENGINE_OPTIONS = ("query_url", "update_url", "graph_url", "user", "password", "token")


def is_url(location: str | Path | None) -> bool:
    """True when `location` names a remote engine rather than a data folder."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def remote_engine(url: str, **options: Any) -> tuple[RemoteEngine, dict[str, Any]]:
    """The engine at `url` with its options, and the options left for the Store (the
    feed's). `graph_url=""` says the engine has no Graph Store Protocol."""
    feed = {key: options.pop(key) for key in FEED_OPTIONS if key in options}
    timeout = options.pop("timeout", None) or DEFAULT_TIMEOUT
    timeout_param = options.pop("timeout_param", None)
    unknown = set(options) - set(ENGINE_OPTIONS)
    if unknown:
        raise TypeError(f"unknown store options: {', '.join(sorted(unknown))}")
    endpoints = Endpoints.from_url(
        url,
        query=options.get("query_url"),
        update=options.get("update_url"),
        graph_store=options.get("graph_url"),
        user=options.get("user"),
        password=options.get("password"),
        token=options.get("token"),
    )
    engine = RemoteEngine(endpoints, timeout=float(timeout), timeout_param=timeout_param)
    return engine, feed


def open_store(location: str | Path | None, base: str, **options: Any) -> Store:
    """The store in the data folder `location` (None: in memory) or at the engine URL
    `location`; `options` as Store.open or Store.open_url take them (the remote-only ones
    are dropped for a folder, so the settings can be passed as they are)."""
    from communique.server.store.articles import Store

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
