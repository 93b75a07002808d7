"""Every `COMMUNIQUE_*` setting in one place: its type, default and meaning.

`read_env` is the one reader of the environment; `Settings.from_config` types, checks and
normalises. The app factory puts the result in `app.config` (upper-case names, as
`app.config["SPARQL_TIMEOUT"]`), and the commands' options take their defaults from it.
The spaCy model (`COMMUNIQUE_SPACY_MODEL`) is the mapper's and is read where the pipeline
loads (communique.mapping.nlp.loading), since the mapping layer does not import the server.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, get_type_hints

from flask import Config

from communique.mapping.iris import DEFAULT_BASE, normalize_base

PREFIX = "COMMUNIQUE_"
BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")  # RFC 6750's b64token
ALIASES = {"DATA": "DATA_DIR"}  # COMMUNIQUE_DATA names the data folder, as it always has
# what a query's default graph is (server/store/articles.py): kept by us as the merge of
# the named graphs, the engine's own union, or the union asked of Oxigraph per query
DEFAULT_GRAPHS = ("merged", "union", "union-parameter")
CLI_DATA_DIR = "./data"  # the commands' data folder when COMMUNIQUE_DATA is not set


class SettingsError(ValueError):
    """A setting whose value cannot be used."""


def _setting(default: Any, help: str, *, minimum: float | None = None) -> Any:
    """A field of Settings: its default, a one-line meaning, and the least value allowed."""
    return field(default=default, metadata={"help": help, "minimum": minimum})


@dataclass(frozen=True)
class Settings:
    """The settings, typed; None where the default is worked out when the app starts."""

    base: str = _setting(DEFAULT_BASE, "base IRI of the data IRIs (a closing / is added)")
    data_dir: str | None = _setting(
        None, "data folder of the store (app: in memory; commands: ./data)"
    )
    store: str | None = _setting(
        None, "the store: a data folder, or the http(s) URL of a SPARQL 1.1 engine"
    )
    store_query_url: str | None = _setting(None, "the engine's query URL (default: URL/query)")
    store_update_url: str | None = _setting(None, "the engine's update URL (default: URL/update)")
    store_graph_url: str | None = _setting(
        None, "the engine's Graph Store Protocol URL (default: URL/store; none: it has none)"
    )
    store_user: str | None = _setting(None, "user name for the engine (HTTP Basic)")
    store_password: str | None = _setting(None, "password for the engine (HTTP Basic)")
    store_token: str | None = _setting(None, "bearer token for the engine")
    store_timeout: float = _setting(30.0, "seconds to wait for the engine", minimum=0.001)
    store_timeout_param: str | None = _setting(
        None, "the engine's query parameter for a time limit in seconds (Fuseki: timeout)"
    )
    store_default_graph: str = _setting(
        "merged",
        "the default graph: merged (we keep the set union of the graphs in it), union (the "
        "engine's own is the union of the named graphs), union-parameter (Oxigraph's)",
    )
    token: str | None = _setting(None, "bearer token that enables POST /articles")
    server: str | None = _setting(None, "URL of a running server for `ingest --server`")
    max_content_length: int = _setting(5 * 2**20, "largest request body, bytes", minimum=1)
    sparql_timeout: float = _setting(10.0, "seconds a SPARQL query may run", minimum=0.001)
    sparql_max_result_mb: float = _setting(256.0, "largest SPARQL result, MB", minimum=0.001)
    sparql_max_query_kb: float = _setting(128.0, "longest SPARQL query, KB", minimum=0.001)
    sparql_workers: int | None = _setting(
        None, "SPARQL queries run at once (default: 4 to 8, by CPU count)", minimum=1
    )
    sparql_client_queries: int | None = _setting(
        None, "queries one client may run at once (default: half the workers)", minimum=1
    )
    sparql_memory_mb: int = _setting(
        2048, "heap of the query process, which the running queries share, MB", minimum=1
    )
    sparql_queue_seconds: float = _setting(
        1.0, "seconds a query waits for a free slot before a 503", minimum=0
    )
    # ~30 times the largest mapped article seen (345 triples; the median is ~220). The worst
    # shape-heavy graph of this size (typed nodes that each break a shape) validates in ~8 s
    # and ~300 MB, inside the default time and memory limits.
    validate_max_triples: int = _setting(10_000, "largest graph POST /validate takes", minimum=1)
    validate_timeout: float = _setting(20.0, "seconds one validation may take", minimum=0.001)
    validate_max_memory_mb: int = _setting(
        1024, "memory one validation may add, MB (0: no limit)", minimum=0
    )
    validate_concurrency: int = _setting(2, "validations run at once", minimum=1)
    feed_page_size: int = _setting(
        100, "members per page of the change feed (from the next new page on)", minimum=1
    )

    @classmethod
    def from_env(cls) -> Settings:
        """The settings the COMMUNIQUE_* environment variables give, defaults for the rest."""
        return cls.from_config(read_env())

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        """Typed and checked settings from NAME -> value (text or typed); unset: defaults."""
        types = get_type_hints(cls)
        values = {}
        for f in fields(cls):
            value = config.get(f.name.upper())
            if value is not None and value != "":  # an empty variable counts as unset
                values[f.name] = _typed(f.name, value, types[f.name], f.metadata["minimum"])
        return cls(**values)._resolved()

    def to_config(self) -> dict[str, Any]:
        """The settings as Flask config keys: `SPARQL_TIMEOUT`, ..."""
        return {f.name.upper(): getattr(self, f.name) for f in fields(self)}

    def _resolved(self) -> Settings:
        """The base normalised and the defaults that depend on the machine filled in."""
        if self.store_default_graph not in DEFAULT_GRAPHS:
            raise SettingsError(
                f"{PREFIX}STORE_DEFAULT_GRAPH must be one of {', '.join(DEFAULT_GRAPHS)}, "
                f"not {self.store_default_graph!r}"
            )
        if self.token is not None and not BEARER_TOKEN.fullmatch(self.token):
            # a client could never send another: HTTP servers drop non-ASCII header values
            raise SettingsError(
                f"{PREFIX}TOKEN must be a bearer token (RFC 6750): letters, digits and "
                "- . _ ~ + / (then any '='), with no spaces or other characters"
            )
        # as many queries at once as requests may come, within reason: an idle slot is a
        # thread of the query process
        workers = self.sparql_workers or min(8, max(4, os.cpu_count() or 4))
        return replace(
            self,
            base=normalize_base(self.base),
            sparql_workers=workers,
            # by default one client may hold half the workers: the rest stay for others
            sparql_client_queries=self.sparql_client_queries or max(1, workers // 2),
        )


def environment_of(config: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """The COMMUNIQUE_* variables that give the settings `names` (config keys) their values
    in `config` (unset ones left out), for a process this one starts."""
    reverse = {setting: variable for variable, setting in ALIASES.items()}
    return {
        PREFIX + reverse.get(name, name): str(config[name])
        for name in names
        if config.get(name) not in (None, "")
    }


def hand_down(variables: Mapping[str, str]) -> None:
    """Set COMMUNIQUE_* `variables` in this process's environment, which the processes it
    starts inherit."""
    if not all(name.startswith(PREFIX) for name in variables):
        raise ValueError(f"only {PREFIX}* variables are handed down: {sorted(variables)}")
    os.environ.update(variables)


def read_env() -> dict[str, str]:
    """The COMMUNIQUE_* variables by setting name, as text: the one reader of them."""
    config = Config(".")
    # loads=str keeps each value as written (Flask's default parses JSON, which would turn
    # a token such as "1e3" into a number); Settings.from_config types them one by one
    config.from_prefixed_env(PREFIX.rstrip("_"), loads=str)
    return {ALIASES.get(key, key): value for key, value in config.items()}


def _typed(name: str, value: Any, kind: Any, minimum: float | None) -> Any:
    """`value` as the setting's type, at least `minimum`; SettingsError if it is not."""
    target = next(t for t in (float, int, str) if t in getattr(kind, "__args__", (kind,)))
    if target is str:
        return str(value)
    what = "a whole number" if target is int else "a number"
    try:
        if isinstance(value, bool) or (target is int and isinstance(value, float)):
            raise ValueError(value)
        typed = target(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{PREFIX}{name.upper()} must be {what}, not {value!r}") from None
    if minimum is not None and typed < minimum:
        raise SettingsError(f"{PREFIX}{name.upper()} must be at least {minimum:g}, not {typed}")
    return typed
