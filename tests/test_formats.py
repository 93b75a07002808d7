"""The format registry: each row's names agree with rdflib and Oxigraph, and every name
(key, media type, alias) points to one format."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from communique.server import formats

TRIPLE = (URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("o"))


@pytest.mark.parametrize("fmt", formats.RDF_FORMATS, ids=lambda f: f.key)
def test_rdflib_and_oxigraph_read_each_others_output(fmt):
    if fmt.quads:
        data = Dataset()
        data.graph(URIRef("urn:x:g")).add(TRIPLE)
    else:
        data = Graph()
        data.add(TRIPLE)
    text = data.serialize(format=fmt.rdflib).encode("utf-8")
    quads = list(ox.parse(text, format=fmt.oxigraph))
    assert [(q.subject.value, q.predicate.value, q.object.value) for q in quads] == [
        ("urn:x:s", "urn:x:p", "o")
    ]
    assert fmt.oxigraph.media_type == fmt.media_type
    back = ox.serialize(quads if fmt.quads else [q.triple for q in quads], format=fmt.oxigraph)
    parsed = Dataset() if fmt.quads else Graph()
    parsed.parse(data=back, format=fmt.rdflib)
    assert len(list(parsed.quads())) == 1 if fmt.quads else len(parsed) == 1


def test_every_name_means_one_format():
    for table in (formats.RDF_FORMATS, formats.RESULTS_FORMATS):
        names = [n for f in table for n in (f.key, f.media_type, *f.aliases)]
        assert len(names) == len(set(names))
    for f in formats.RESULTS_FORMATS:  # Oxigraph adds "; charset=utf-8" to CSV and TSV
        assert f.oxigraph.media_type.split(";")[0] == f.media_type


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("TTL", "ttl"),
        ("application/x-turtle", "ttl"),
        ("text/plain", "nt"),
        ("json-ld", "jsonld"),
        ("rdf+xml", "rdf"),
        ("nquads", "nq"),
        ("application/trig", "trig"),
    ],
)
def test_lookup_by_any_name(name, key):
    assert formats.rdf_format(name).key == key


def test_unknown_names_and_results_lookup():
    assert formats.rdf_format("text/html") is None
    assert formats.results_format("application/xml").key == "xml"
    assert formats.results_format("csv").media_type == "text/csv"
    assert formats.keys(formats.RESULTS_FORMATS) == {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    }
