"""Where a remote engine answers (query, update and Graph Store URLs) and how to
authenticate, from one base URL the way Oxigraph server lays them out, or each given."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from communique.server.errors import StoreError


@dataclass(frozen=True)
class Endpoints:
    """Where the engine answers, and how to authenticate."""

    query: str
    update: str
    graph_store: str | None = None
    user: str | None = None
    password: str | None = None
    token: str | None = None

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        query: str | None = None,
        update: str | None = None,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
    ) -> Endpoints:
        """The endpoints of an engine at `url` (Oxigraph server's layout unless given);
        user:password in `url` are taken out of it and used for HTTP Basic."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"not an http(s) URL of a SPARQL engine: {url!r}")
        if parts.username is not None:
            user = user or parts.username
            password = password if password is not None else parts.password
            host = parts.hostname + (f":{parts.port}" if parts.port else "")
            parts = parts._replace(netloc=host)
        root = urlunsplit(parts).rstrip("/")
        return cls(
            query=query or f"{root}/query",
            update=update or f"{root}/update",
            graph_store=graph_store if graph_store is not None else f"{root}/store",
            user=user or None,
            password=password,
            token=token or None,
        )

    @property
    def where(self) -> str:
        """The query URL, for messages (never holds credentials)."""
        return self.query
