"""The SPARQL endpoint's answer to a person: results as an HTML table on the query page.

A browser opening a shared `/sparql?query=...` URL asks for text/html first; it gets the
query in the form, the results as a table (IRIs as links) and a download link per format.
The query runs as usual and its SPARQL JSON (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE)
is turned into rows here.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox

from communique.server import formats
from communique.server.web.labels import Labeller
from communique.server.web.links import local_url

log = logging.getLogger(__name__)

HTML = "text/html"
RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
MAX_ROWS = 1000  # rows shown on the page; the downloads hold them all
# Results read into the web process to make a page of MAX_ROWS: a bound far above that,
# so a shared link to a huge result set costs a clear error, not the server's memory
MAX_PAGE_BYTES = 16 * 2**20
SAFE_SCHEMES = ("http://", "https://")  # never link javascript: or data: IRIs from the data
# (label, ?format= key, file suffix) of each download, by kind of result
RESULT_DOWNLOADS = tuple((f.label, f.key, f.suffix) for f in formats.RESULTS_FORMATS)
GRAPH_DOWNLOADS = tuple((f.label, f.key, f.suffix) for f in formats.TRIPLE_FORMATS)


@dataclass
class Cell:
    """One RDF term as shown: text, an optional link and a note (language or datatype)."""

    text: str
    href: str | None = None
    note: str = ""
    kind: str = "literal"  # "iri", "bnode" or "literal"
    value: str = ""  # an IRI in full
    title: str = ""  # the link's tooltip, when not the IRI alone


@dataclass
class ResultsTable:
    """What the page shows of one query's results."""

    columns: list[str]  # headings: "?name" for a SELECT, subject/predicate/object for a graph
    rows: list[list[Cell | None]] = field(default_factory=list)
    total: int = 0  # rows in the results (the page shows at most MAX_ROWS)
    boolean: bool | None = None  # an ASK answer
    downloads: list[tuple[str, str, str]] = field(default_factory=list)  # (label, URL, file)


def results_table(kind: str, body: bytes, prefixes: dict[str, str]) -> ResultsTable:
    """The table of a worker's answer: `kind` "results" (SPARQL JSON) or "graph" (N-Triples)."""
    namer = _Namer(prefixes)
    if kind != "results":
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        table = ResultsTable(["subject", "predicate", "object"])
        for quad in triples:
            table.total += 1
            if table.total <= MAX_ROWS:
                table.rows.append([namer.term(t) for t in quad.triple])
        return table
    data = json.loads(body)
    if "boolean" in data:
        return ResultsTable([], boolean=bool(data["boolean"]))
    names = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    table = ResultsTable([f"?{n}" for n in names], total=len(bindings))
    for row in bindings[:MAX_ROWS]:
        table.rows.append([namer.binding(row.get(n)) for n in names])
    return table


def label_cells(table: ResultsTable, labeller: Labeller, base: str) -> None:
    """Our data IRIs (under `base`) read as their names, where the store has one (a
    person's schema:name, an article's headline or outlet and date); the prefixed name
    stays in the link's title, beside the full IRI. A fact nothing names (an event, a
    membership) reads as what it says. Vocabulary terms keep `dip:Meeting`."""
    ours = [c.value for row in table.rows for c in row if c and c.kind == "iri"]
    ours = [iri for iri in ours if iri.startswith(base)]
    labeller.prefetch_names(ours)  # a few queries for the whole table, not one a cell
    labeller.prefetch(iri for iri in ours if labeller.name_of(iri) is None)
    for row in table.rows:
        for cell in row:
            if cell is None or cell.kind != "iri" or not cell.value.startswith(base):
                continue
            name = labeller.name_of(cell.value)
            if name is None and cell.text.startswith("article:"):
                name = labeller.article_label(cell.value)
            if name is None:
                name = labeller.fact_label(cell.value)
            if name:
                cell.title = f"{cell.text} ({cell.value})"
                cell.text = name


def download_links(
    endpoint: str, kind: str, params: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """(label, URL, file name) of the same query in each format of its kind of result."""
    formats = RESULT_DOWNLOADS if kind == "results" else GRAPH_DOWNLOADS
    return [
        (label, f"{endpoint}?{urlencode([*params, ('format', key)])}", f"results.{suffix}")
        for label, key, suffix in formats
    ]


class _Namer:
    """Short, linked forms of terms: `dip:Meeting`, our IRIs linked to their pages."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first, so `article:` wins over a shorter enclosing one
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def iri(self, value: str) -> Cell:
        text = value
        for prefix, namespace in self.prefixes:
            rest = value[len(namespace) :]
            if value.startswith(namespace) and rest and "/" not in rest and "#" not in rest:
                text = f"{prefix}:{rest}"
                break
        href = local_url(value) or (value if value.startswith(SAFE_SCHEMES) else None)
        return Cell(text, href, kind="iri", value=value)

    def binding(self, term: dict | None) -> Cell | None:
        """A term of SPARQL JSON results."""
        if term is None:
            return None
        kind, value = term.get("type"), term.get("value")
        if kind == "uri":
            return self.iri(value)
        if kind == "bnode":
            return Cell(f"_:{value}", kind="bnode")
        if kind == "literal":
            note = f"@{term['xml:lang']}" if "xml:lang" in term else ""
            if not note and "datatype" in term:
                note = self.iri(term["datatype"]).text
            return Cell(value, note=note)
        return Cell(json.dumps(value) if not isinstance(value, str) else value)  # a quoted triple

    def term(self, term: object) -> Cell:
        """A pyoxigraph term of a CONSTRUCT/DESCRIBE result."""
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.BlankNode):
            return Cell(f"_:{term.value}", kind="bnode")
        if isinstance(term, ox.Literal):
            note = f"@{term.language}" if term.language else ""
            if not note and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                note = self.iri(term.datatype.value).text
            return Cell(term.value, note=note)
        return Cell(str(term))
