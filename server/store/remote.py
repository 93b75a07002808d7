"""A remote SPARQL 1.1 engine as the store's engine (server/store/engine.py), reached only through
the standard protocols: SPARQL 1.1 Query and Update over HTTP POST and, where a graph store
URL is known, the Graph Store HTTP Protocol (GET of one named graph).

- URLs (server/store/endpoints.py): one base URL gives the three endpoints the way
  Oxigraph server lays them out (`/query`, `/update`, `/store`); each can be given on its
  own (Fuseki: `/ds/query`,
  `/ds/update`, `/ds/data`; Virtuoso: `/sparql` for both query and update, no GSP).
  Credentials: HTTP Basic (`user:password@` in the URL, or given) or a bearer token.
- Results are parsed by pyoxigraph (`parse_query_results`, `parse`), so callers get the
  same objects as from an embedded store: QuerySolutions, QueryBoolean, Quads.
- A pattern lookup (`quads_for_pattern`) is one SELECT; bound terms are written into the
  query by pyoxigraph's serializer (never pasted user text). Blank nodes cannot be looked
  up remotely (an engine's labels are per result set): a bound blank node matches nothing.
- Errors: an unreachable engine, a timeout, a refusal (401/403, 5xx) or a refused update
  raise StoreError; a query the engine cannot parse raises SyntaxError, as pyoxigraph does.
- Oxigraph's `union-default-graph` query parameter is sent only when a caller asks for the
  union (the Store does not when it keeps a merged default graph, see
  server/store/articles.py), and not at all with union_parameter=False: the engine's own
  default graph is then the union (COMMUNIQUE_STORE_DEFAULT_GRAPH=union).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from communique.server.errors import StoreError
from communique.server.store.endpoints import Endpoints
from communique.server.store.engine import GraphName, Object, Subject
from communique.server.store.query_text import (
    NTRIPLES,
    RESULTS_JSON,
    dataset_params,
    parse_results,
    prologue,
    with_substitutions,
)
from communique.server.store.transport import (
    TRANSPORT_ERRORS,
    EngineResponse,
    Transport,
    Unreachable,
)

log = logging.getLogger(__name__)

NQUADS = "application/n-quads"
UPDATE_TYPE = "application/sparql-update; charset=utf-8"
QUERY_TYPE = "application/sparql-query; charset=utf-8"
DEFAULT_TIMEOUT = 30.0  # seconds to connect and between bytes read; writes may be large
CHUNK = 64 * 1024
POOL_SIZE = 32  # kept-alive connections per engine host: more than the server's threads
FEED_OPTIONS = ("feed", "feed_page_size")
ENGINE_OPTIONS = ("query_url", "update_url", "graph_url", "user", "password", "token")


class RemoteEngine:
    """The Engine protocol over HTTP; thread-safe (one pool of connections)."""

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        timeout_param: str | None = None,
        union_parameter: bool = True,
    ) -> None:
        self.endpoints = endpoints
        # whether a query over the union of the graphs asks for it with Oxigraph server's
        # `union-default-graph` parameter; False: the engine's default graph is the union
        self.union_parameter = union_parameter
        self.timeout = timeout
        # the engine's query parameter for a time limit in seconds (Fuseki: "timeout"),
        # sent with the SPARQL endpoint's queries; None: the limit is ours only
        self.timeout_param = timeout_param
        # one connection per server thread at a time, kept alive between requests; the
        # engine is named by our settings alone (no proxy or .netrc from the environment)
        self.transport = Transport(
            user=endpoints.user,
            password=endpoints.password,
            token=endpoints.token,
            pool_size=POOL_SIZE,
        )

    # -- HTTP -----------------------------------------------------------------------------

    def post_query(
        self,
        text: str,
        accept: str,
        *,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
        stream: bool = False,
    ) -> EngineResponse:
        """POST a query; the response (2xx) or SyntaxError (400) or StoreError (others)."""
        headers = {"Content-Type": QUERY_TYPE, "Accept": accept}
        response = self._send("POST", self.endpoints.query, text, headers, params, timeout, stream)
        if response.status_code == 400:
            message = response.text.strip()
            response.close()
            raise SyntaxError(message or "the engine refused the query")
        return self._checked(response, "query")

    def _send(
        self,
        method: str,
        url: str,
        data: str | None,
        headers: dict[str, str],
        params: Mapping[str, Any] | None,
        timeout: float | None,
        stream: bool,
    ) -> EngineResponse:
        body = data.encode("utf-8") if data is not None else None
        try:
            response = self.transport.send(
                method, url, body, headers, params, timeout or self.timeout
            )
            if not stream:
                response.content  # noqa: B018 - read now, within the time limit
            return response
        except Unreachable as exc:
            raise StoreError(f"the store engine at {url} is unreachable: {exc}") from exc
        except TimeoutError as exc:
            raise StoreError(f"the store engine at {url} did not answer in time") from exc
        except TRANSPORT_ERRORS as exc:
            raise StoreError(f"the store engine at {url} is unreachable: {exc}") from exc

    def _checked(self, response: EngineResponse, what: str) -> EngineResponse:
        if response.ok:
            return response
        body = response.text.strip()[:500]
        response.close()
        status = response.status_code
        if status in (401, 403):
            raise StoreError(
                f"the store engine refused the {what} ({status}): check its credentials"
            )
        raise StoreError(f"the store engine refused the {what} ({status}): {body}")

    # -- the Engine protocol ----------------------------------------------------------------

    def update(self, update: str) -> None:
        """Run a SPARQL update: one request, which the engine runs as one transaction."""
        headers = {"Content-Type": UPDATE_TYPE}
        response = self._send("POST", self.endpoints.update, update, headers, None, None, False)
        self._checked(response, "write").close()

    def query(self, query: str, **kwargs: Any) -> Any:
        """A query's results as pyoxigraph objects: QuerySolutions, QueryBoolean, or an
        iterator of Triples (CONSTRUCT, DESCRIBE). Takes pyoxigraph's keyword arguments
        base_iri, prefixes, default_graph, named_graphs, use_default_graph_as_union and
        substitutions (SELECT and ASK only, see with_substitutions)."""
        if kwargs.get("substitutions"):
            query = with_substitutions(query, kwargs["substitutions"])
        text = prologue(kwargs.get("base_iri"), kwargs.get("prefixes")) + query
        params = dataset_params(kwargs, union_parameter=self.union_parameter)
        accept = f"{RESULTS_JSON}, {NTRIPLES};q=0.9"
        response = self.post_query(text, accept, params=params)
        with response:
            body = response.content
            media = response.headers.get("Content-Type", "").split(";")[0].strip()
        return parse_results(body, media)

    def quads_for_pattern(
        self,
        subject: Subject,
        predicate: ox.NamedNode | None,
        object: Object,  # noqa: A002 - pyoxigraph's own parameter name
        graph_name: GraphName = None,
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None: any), as pyoxigraph's method gives them."""
        terms = (subject, predicate, object, graph_name)
        if any(isinstance(t, ox.BlankNode) for t in terms):
            return iter(())  # see the module docstring
        if subject is None and predicate is None and object is None:
            if isinstance(graph_name, ox.NamedNode) and self.endpoints.graph_store:
                return self._graph(graph_name)
        return self._pattern(subject, predicate, object, graph_name)

    def _pattern(
        self, s: Subject, p: ox.NamedNode | None, o: Object, g: GraphName
    ) -> Iterator[ox.Quad]:
        triple = " ".join(
            str(t) if t is not None else f"?{v}" for t, v in zip((s, p, o), "spo", strict=True)
        )
        if isinstance(g, ox.DefaultGraph):
            where = triple
        elif isinstance(g, ox.NamedNode):
            where = f"GRAPH {g} {{ {triple} }}"
        else:  # the default graph (?g unbound) and every named graph
            where = f"{{ {triple} }} UNION {{ GRAPH ?g {{ {triple} }} }}"
        names = [f"?{v}" for t, v in zip((s, p, o), "spo", strict=True) if t is None]
        if g is None:
            names.append("?g")
        select = " ".join(names) or "(1 AS ?one)"
        for row in self._solutions(f"SELECT {select} WHERE {{ {where} }}"):
            graph = g if g is not None else (row["g"] or ox.DefaultGraph())
            yield ox.Quad(
                s if s is not None else row["s"],
                p if p is not None else row["p"],
                o if o is not None else row["o"],
                graph,
            )

    def _graph(self, graph_name: ox.NamedNode) -> Iterator[ox.Quad]:
        """One named graph through the Graph Store Protocol (empty if there is none)."""
        assert self.endpoints.graph_store is not None
        headers = {"Accept": NTRIPLES}
        params = {"graph": graph_name.value}
        url = self.endpoints.graph_store
        response = self._send("GET", url, None, headers, params, None, True)
        if response.status_code == 404:
            response.close()
            return
        with self._checked(response, "graph read"):
            for quad in ox.parse(buffered(response), format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(quad.subject, quad.predicate, quad.object, graph_name)

    def _solutions(self, text: str) -> Iterator[ox.QuerySolution]:
        """A SELECT's rows, parsed as they arrive (the response stays open meanwhile)."""
        response = self.post_query(text, RESULTS_JSON, stream=True)
        with response:
            yield from ox.parse_query_results(buffered(response), format=ox.QueryResultsFormat.JSON)

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]:
        for row in self._solutions("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
            yield row["g"]

    def contains_named_graph(self, graph_name: ox.NamedNode | ox.BlankNode) -> bool:
        if isinstance(graph_name, ox.BlankNode):
            return False
        return bool(self.query(f"ASK {{ GRAPH {graph_name} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(next(iter(rows))["n"].value)

    def __iter__(self) -> Iterator[ox.Quad]:
        """Every quad (a dump): one query, so one consistent snapshot of the engine."""
        return self._pattern(None, None, None, None)

    def flush(self) -> None:
        """Nothing to do: the engine made each update durable before answering it."""

    def close(self) -> None:
        self.transport.close()


def buffered(response: EngineResponse) -> io.BufferedReader:
    """The response body as a buffered file: the parsers read it in small pieces, each a
    call into the HTTP decoder otherwise."""
    return io.BufferedReader(response.raw, buffer_size=CHUNK)  # type: ignore[arg-type]


def remote_engine(url: str, **options: Any) -> tuple[RemoteEngine, dict[str, Any]]:
    """The engine at `url` with its options, and the options left for the Store (the
    feed's). `graph_url=""` says the engine has no Graph Store Protocol."""
    feed = {key: options.pop(key) for key in FEED_OPTIONS if key in options}
    timeout = options.pop("timeout", None) or DEFAULT_TIMEOUT
    timeout_param = options.pop("timeout_param", None)
    union_parameter = options.pop("union_parameter", True)
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
    engine = RemoteEngine(
        endpoints,
        timeout=float(timeout),
        timeout_param=timeout_param,
        union_parameter=union_parameter,
    )
    return engine, feed
