"""What a remote engine is sent for pyoxigraph's query arguments, and its answers read back:
the prologue for base_iri= and prefixes=, a VALUES block for substitutions=, the protocol's
dataset parameters for default_graph= and named_graphs=, and results parsed into the objects
pyoxigraph returns. Only the store's own query texts get substitutions; a user's query is
sent as it came, after the endpoint's checks (server/sparql)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from communique.server.errors import StoreError

RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"


def prologue(base_iri: str | None, prefixes: Mapping[str, str] | None) -> str:
    """BASE and PREFIX declarations for pyoxigraph's base_iri= and prefixes= arguments
    (a query's own declarations come after them, so they win)."""
    return _prologue(base_iri, tuple((prefixes or {}).items()))


@lru_cache(maxsize=64)
def _prologue(base_iri: str | None, prefixes: tuple[tuple[str, str], ...]) -> str:
    # the same declarations precede every query: checked and written once, not per query
    # (about 0.05 ms of a lookup's 1.5 ms in our process)
    lines = [f"BASE {ox.NamedNode(base_iri)}"] if base_iri else []
    lines += [f"PREFIX {name}: {ox.NamedNode(iri)}" for name, iri in prefixes]
    return "".join(line + "\n" for line in lines)


# what may stand before the WHERE clause's "{": an IRI, a string, a comment, or that brace
_BEFORE_WHERE = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|#[^\n]*|\{""")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def with_substitutions(query: str, substitutions: Mapping[ox.Variable, Any]) -> str:
    """The query with pyoxigraph's `substitutions` as a VALUES block opening its WHERE
    clause: the variables are bound before the rest is evaluated, and stay in scope for the
    projection and GROUP BY, as pyoxigraph's pre-binding leaves them. Values are written by
    pyoxigraph's serializer. ValueError for a CONSTRUCT or DESCRIBE (their template comes
    first) or a query without a WHERE clause."""
    form = _FORM.search(query)
    if form is None or form.group(1).upper() not in ("SELECT", "ASK"):
        raise ValueError("substitutions on a remote engine: SELECT and ASK queries only")
    for match in _BEFORE_WHERE.finditer(query, form.end()):
        if match.group() == "{":
            names = " ".join(str(variable) for variable in substitutions)
            values = " ".join(str(term) for term in substitutions.values())
            block = f" VALUES ({names}) {{ ({values}) }} "
            return query[: match.end()] + block + query[match.end() :]
    raise ValueError("substitutions need a query with a WHERE clause")


def dataset_params(
    kwargs: Mapping[str, Any], *, union_parameter: bool = True
) -> list[tuple[str, str]]:
    """The SPARQL protocol's dataset parameters for pyoxigraph's dataset arguments; the
    union of the graphs as Oxigraph server's parameter if `union_parameter`, else none
    (the engine's default graph is that union)."""
    params: list[tuple[str, str]] = []
    default, named = kwargs.get("default_graph"), kwargs.get("named_graphs")
    if default is not None or named is not None:
        for graph in _listed(default):
            if not isinstance(graph, ox.NamedNode):
                raise ValueError("a remote query's dataset names its graphs by IRI")
            params.append(("default-graph-uri", graph.value))
        params += [("named-graph-uri", g.value) for g in _listed(named)]
    elif kwargs.get("use_default_graph_as_union") and union_parameter:
        params.append(("union-default-graph", ""))  # Oxigraph server's parameter
    return params


def _listed(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple | set) else [value]


def parse_results(body: bytes, media: str) -> Any:
    """Query results as pyoxigraph gives them: solutions, a boolean, or triples."""
    if media == RESULTS_JSON:
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if media in (NTRIPLES, "text/plain"):
        return iter([q.triple for q in ox.parse(io.BytesIO(body), format=ox.RdfFormat.N_TRIPLES)])
    raise StoreError(f"the store engine answered in an unexpected format: {media or 'none'}")
