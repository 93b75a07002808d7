"""SHACL validation against the shapes beside it, with readable and JSON-friendly reports."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pyshacl import Validator
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from communique.ontology import PREFIXES
from communique.shapes import DIPSH, shapes_graph

log = logging.getLogger(__name__)


class ShapesError(Exception):
    """Validation could not run (pyshacl failed on the shapes or the data): no verdict."""


SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}

# Validation never infers and never fetches: pyshacl only follows owl:imports when asked to,
# and the shapes graph is built from package data. Warnings and infos do not reject a graph.
_OPTIONS = {
    "inference": "none",
    "advanced": False,
    "inplace": True,  # no inference, so the data graph is only read, never copied
    "abort_on_first": False,
    "allow_infos": True,
    "allow_warnings": True,
}


@dataclass
class ValidationResult:
    """The outcome of one validation: `results` holds one JSON-friendly dict per SHACL result."""

    conforms: bool
    report_graph: Graph = field(repr=False)
    report_text: str = field(repr=False)
    results: list[dict] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r["severity"] == severity)

    @property
    def violations(self) -> list[dict]:
        return [r for r in self.results if r["severity"] == "Violation"]


class _IndexedList(list):
    """A list whose `in` is a hash lookup (same answers: rdflib terms hash as they compare)."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._index = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._index


def _index_constraint_parameters() -> None:
    """Let pyshacl find constraint parameters by hash instead of scanning a list.

    pyshacl tests every predicate of a shape against its list of ~40 constraint parameters on
    each evaluation of the shape, comparing rdflib terms in Python: on mapped articles that scan
    was a third of validation time. pyshacl caches the list in `pyshacl.shape.CONSTRAINT_PARAMS`
    on first use; we fill that cache with the same parameters in an _IndexedList. If a later
    pyshacl drops the hook, this does nothing and validation is merely slower.
    """
    try:
        import pyshacl.shape as shape_module
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    except ImportError:
        return
    cached = getattr(shape_module, "CONSTRAINT_PARAMS", None)
    params, mapping = cached if cached else (ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP)
    if isinstance(params, list) and not isinstance(params, _IndexedList):
        shape_module.CONSTRAINT_PARAMS = (_IndexedList(params), mapping)


class _Shapes:
    """The shapes graph, parsed and harvested into pyshacl shapes once per process."""

    def __init__(self) -> None:
        self.source = shapes_graph()
        # rdflib's context-free store answers pyshacl's many small lookups in the shapes
        # graph about 15% faster than the default store (measured on a 240-triple article).
        self.graph = Graph(store="SimpleMemory")
        for prefix, iri in self.source.namespaces():
            self.graph.bind(prefix, iri)
        self.graph += self.source
        # pyshacl's Validator re-harvests the shapes on every call (a few ms); we build them once
        # and hand the same ShapesGraph to each Validator. Shapes hold only shapes-graph state,
        # but a lock keeps their lazily filled caches safe under a threaded server.
        self.lock = threading.Lock()
        self.prepared = None
        _index_constraint_parameters()
        try:
            from pyshacl.graph_abstraction import DataGraph
            from pyshacl.shapes_graph import ShapesGraph

            prepared = ShapesGraph(self.graph, False, log)
            _ = prepared.shapes  # harvest now
            self.prepared = prepared
            self._data_graph = DataGraph
        except (ImportError, AttributeError, TypeError) as exc:  # another pyshacl: plain path
            log.debug("pyshacl shapes cannot be reused (%s); validating the plain way", exc)

    def run(self, data: Graph) -> tuple[bool, Graph, str]:
        if self.prepared is None:
            from pyshacl import validate

            conforms, report, text = validate(data, shacl_graph=self.source, **_OPTIONS)
            return bool(conforms), report, text
        options = dict(_OPTIONS, logger=log)
        with self.lock:
            validator = Validator(
                self._data_graph.from_rdflib(data), shacl_graph=self.graph, options=options
            )
            validator.shacl_graph = self.prepared
            conforms, report, text = validator.run()
        return bool(conforms), report, text


@cache
def _shapes() -> _Shapes:
    return _Shapes()


def validate_graph(data: Graph) -> ValidationResult:
    """Check `data` (a Graph or Dataset; not modified) against the shapes, without inference."""
    if not data.store.context_aware:
        # pyshacl reads the data through a ConjunctiveGraph, which needs contexts
        data = _with_contexts(data)
    try:
        conforms, report, text = _shapes().run(data)
    except Exception as exc:  # pyshacl raises its own errors for malformed shapes or lists
        raise ShapesError(f"SHACL validation could not run: {exc}") from exc
    return ValidationResult(conforms, report, text, _results(report))


def _with_contexts(data: Graph) -> Graph:
    copy = Graph(bind_namespaces="none")
    add = copy.store.add
    for triple in data:
        add(triple, copy, quoted=False)
    for prefix, namespace in data.namespaces():
        copy.bind(prefix, namespace, override=False)
    return copy


def _results(report: Graph) -> list[dict]:
    out = []
    for r in report.objects(None, SH.result):
        messages = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        value = report.value(r, SH.value)
        out.append(
            {
                "severity": SEVERITIES.get(report.value(r, SH.resultSeverity), "Violation"),
                "focus_node": _term(report.value(r, SH.focusNode)),
                "path": _path(report, report.value(r, SH.resultPath)),
                "message": " ".join(messages),
                "source_shape": _term(report.value(r, SH.sourceShape)),
                "constraint": _term(report.value(r, SH.sourceConstraintComponent)),
                "value": None if value is None else _term(value),
            }
        )
    out.sort(
        key=lambda d: (
            SEVERITY_ORDER[d["severity"]],
            d["focus_node"] or "",
            d["path"] or "",
            d["message"],
        )
    )
    return out


def _term(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _path(graph: Graph, node: Node | None) -> str | None:
    """A SHACL path as text: an IRI, `^iri` for an inverse path, or the node's N3 otherwise."""
    if node is None or isinstance(node, URIRef):
        return _term(node)
    inverse = graph.value(node, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^{inverse}"
    return node.n3()


def summarize(result: ValidationResult) -> dict[str, Any]:
    """A JSON-friendly summary: conforms, counts by severity and the results."""
    counts = Counter(r["severity"] for r in result.results)
    return {
        "conforms": result.conforms,
        "counts": {name: counts.get(name, 0) for name in SEVERITY_ORDER},
        "results": [dict(r) for r in result.results],
    }


@cache
def _namespaces() -> NamespaceManager:
    nm = NamespaceManager(Graph(), bind_namespaces="core")
    for prefix, iri in {**PREFIXES, "dipsh": str(DIPSH), "sh": str(SH)}.items():
        nm.bind(prefix, iri, override=True, replace=True)
    return nm


def _short(text: str | None) -> str:
    """An IRI as a prefixed name where a known prefix fits, else <iri>; other text as is."""
    if text is None:
        return "-"
    if text.startswith("_:"):
        return text
    inverse = text.startswith("^")
    iri = text[1:] if inverse else text
    if "://" not in iri and not iri.startswith("urn:"):
        return text
    try:
        shown = URIRef(iri).n3(_namespaces())
    except Exception:  # an IRI rdflib cannot shorten
        shown = f"<{iri}>"
    return ("^" if inverse else "") + shown


def _value(text: str | None) -> str:
    if text is None:
        return "-"
    if "://" in text or text.startswith("_:"):
        return _short(text)
    return Literal(text).n3()


def format_text(result: ValidationResult) -> str:
    """A readable report: a verdict line, then one block per result."""
    counts = summarize(result)["counts"]
    tally = ", ".join(
        f"{n} {name.lower()}{'s' if n != 1 else ''}" for name, n in counts.items() if n
    )
    lines = [f"Conforms: {'yes' if result.conforms else 'no'}" + (f" ({tally})" if tally else "")]
    for r in result.results:
        lines += [
            "",
            f"[{r['severity']}] {_short(r['focus_node'])}",
            f"  path:    {_short(r['path'])}",
            f"  message: {r['message'] or '-'}",
        ]
        if r["value"] is not None:
            lines.append(f"  value:   {_value(r['value'])}")
        lines.append(f"  shape:   {_short(r['source_shape'])}")
    return "\n".join(lines) + "\n"


__all__ = ["ShapesError", "ValidationResult", "format_text", "summarize", "validate_graph"]
