"""Every RDF and SPARQL results format the project reads or writes, in one registry.

One row per format: its `?format=` key (also the file suffix), media type, the other
names people send for it (aliases: keys and media types), its label, its names in rdflib
and in Oxigraph, whether it holds named graphs, and W3C's IRI for it (for VoID/DCAT).
Content negotiation, the SPARQL protocol, request bodies, dumps, the feed, the CLI and VoID
all read their tables from here (rdflib's own plugin registry is keyed the same way).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

W3C_FORMATS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class RdfFormat:
    """An RDF serialization."""

    key: str  # ?format= value and file suffix
    media_type: str
    label: str
    rdflib: str  # rdflib's serializer/parser name
    oxigraph: ox.RdfFormat
    quads: bool = False  # holds named graphs (TriG, N-Quads)
    aliases: tuple[str, ...] = ()  # other keys and media types meaning this format
    w3c: str | None = None  # http://www.w3.org/ns/formats/ IRI
    charset: bool = False  # text whose media type is sent with "; charset=utf-8"

    @property
    def suffix(self) -> str:
        """The file suffix of a download in this format."""
        return self.key


@dataclass(frozen=True)
class ResultsFormat:
    """A SPARQL 1.1 query results format (SELECT and ASK)."""

    key: str
    media_type: str
    label: str
    oxigraph: ox.QueryResultsFormat
    suffix: str  # the file suffix of a download (W3C's .srj, .srx, .csv, .tsv)
    aliases: tuple[str, ...] = ()
    w3c: str | None = None
    charset: bool = False


RDF_FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat(
        "ttl",
        "text/turtle",
        "Turtle",
        "turtle",
        ox.RdfFormat.TURTLE,
        aliases=("turtle", "n3", "application/x-turtle"),  # Turtle is a subset of N3
        w3c=W3C_FORMATS + "Turtle",
        charset=True,
    ),
    RdfFormat(
        "jsonld",
        "application/ld+json",
        "JSON-LD",
        "json-ld",
        ox.RdfFormat.JSON_LD,
        aliases=("json-ld", "json", "application/json"),
        w3c=W3C_FORMATS + "JSON-LD",
    ),
    RdfFormat(
        "nt",
        "application/n-triples",
        "N-Triples",
        "nt",
        ox.RdfFormat.N_TRIPLES,
        aliases=("ntriples", "n-triples", "text/plain"),
        w3c=W3C_FORMATS + "N-Triples",
        charset=True,
    ),
    # rdflib's "xml", not "pretty-xml": that writes lists as parseType="Collection", which
    # turns literals into IRIs
    RdfFormat(
        "rdf",
        "application/rdf+xml",
        "RDF/XML",
        "xml",
        ox.RdfFormat.RDF_XML,
        aliases=("xml", "rdfxml", "rdf+xml", "application/xml", "text/xml"),
        w3c=W3C_FORMATS + "RDF_XML",
    ),
    RdfFormat(
        "trig",
        "application/trig",
        "TriG",
        "trig",
        ox.RdfFormat.TRIG,
        quads=True,
        w3c=W3C_FORMATS + "TriG",
        charset=True,
    ),
    RdfFormat(
        "nq",
        "application/n-quads",
        "N-Quads",
        "nquads",
        ox.RdfFormat.N_QUADS,
        quads=True,
        aliases=("nquads", "n-quads"),
        w3c=W3C_FORMATS + "N-Quads",
        charset=True,
    ),
)

RESULTS_FORMATS: tuple[ResultsFormat, ...] = (
    ResultsFormat(
        "json",
        "application/sparql-results+json",
        "SPARQL JSON",
        ox.QueryResultsFormat.JSON,
        "srj",
        aliases=("application/json",),
        w3c=W3C_FORMATS + "SPARQL_Results_JSON",
    ),
    ResultsFormat(
        "xml",
        "application/sparql-results+xml",
        "SPARQL XML",
        ox.QueryResultsFormat.XML,
        "srx",
        aliases=("application/xml", "text/xml"),
        w3c=W3C_FORMATS + "SPARQL_Results_XML",
    ),
    ResultsFormat(
        "csv",
        "text/csv",
        "CSV",
        ox.QueryResultsFormat.CSV,
        "csv",
        w3c=W3C_FORMATS + "SPARQL_Results_CSV",
        charset=True,
    ),
    ResultsFormat(
        "tsv",
        "text/tab-separated-values",
        "TSV",
        ox.QueryResultsFormat.TSV,
        "tsv",
        w3c=W3C_FORMATS + "SPARQL_Results_TSV",
        charset=True,
    ),
)

# the formats of one graph (CONSTRUCT and DESCRIBE results, request bodies, pages)
TRIPLE_FORMATS: tuple[RdfFormat, ...] = tuple(f for f in RDF_FORMATS if not f.quads)
# every media type of the registry, and those sent with "; charset=utf-8"
MEDIA_TYPES: tuple[str, ...] = tuple(f.media_type for f in (*RDF_FORMATS, *RESULTS_FORMATS))
UTF8_TYPES: frozenset[str] = frozenset(
    f.media_type for f in (*RDF_FORMATS, *RESULTS_FORMATS) if f.charset
)
BY_MEDIA_TYPE: dict[str, RdfFormat] = {f.media_type: f for f in RDF_FORMATS}
BY_KEY: dict[str, RdfFormat] = {f.key: f for f in RDF_FORMATS}
RESULTS_BY_MEDIA_TYPE: dict[str, ResultsFormat] = {f.media_type: f for f in RESULTS_FORMATS}


def rdf_format(name: str) -> RdfFormat | None:
    """The RDF format a key, media type or alias names (case-insensitive), else None."""
    return _lookup(name, RDF_FORMATS)


def results_format(name: str) -> ResultsFormat | None:
    """The results format a key, media type or alias names (case-insensitive), else None."""
    return _lookup(name, RESULTS_FORMATS)


def _lookup(name: str, table: tuple) -> RdfFormat | ResultsFormat | None:
    name = name.strip().lower()
    for entry in table:
        if name in (entry.key, entry.media_type, *entry.aliases):
            return entry
    return None


def aliases(table: tuple) -> dict[str, str]:
    """Alias media types of a table -> the canonical media type (for Accept matching)."""
    return {a: f.media_type for f in table for a in f.aliases if "/" in a}


def keys(table: tuple) -> dict[str, str]:
    """Every key and alias key of a table -> its media type (for ?format=)."""
    out: dict[str, str] = {}
    for f in table:
        for name in (f.key, *f.aliases):
            if "/" not in name:
                out.setdefault(name, f.media_type)
    return out
