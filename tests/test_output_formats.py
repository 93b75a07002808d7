"""An article with control characters in its names maps to a graph every RDF syntax can carry.

Turtle and N-Triples escape controls, but XML 1.0 cannot hold most of them at all: the reader
must drop them, or the RDF/XML and SPARQL XML results of such an article are not XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from communique.mapping.pipeline import map_article
from communique.mapping.reading.reader import parse_seed

pytestmark = pytest.mark.slow  # maps with spaCy

BASE = "http://localhost:5000/"
# Made-up people; the controls sit inside and beside their names, as in a badly scraped page.
ARTICLE = (
    "date 2025-03-12 TASHKENT \u2013 Uzbek Foreign Minister Dario\x0b Venkel\x7f met Kazakh "
    "Foreign Minister Ilse\x1b Marrow\x0c on Tuesday, and Deputy Minister Anvar\x85Tolqin\x01ov "
    "joined them.\r\nThe ministers signed a\x08 memorandum on trade.\x9f"
)
# What XML 1.0 cannot carry or discourages: C0 but tab/newline/CR, DEL, C1, surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@pytest.fixture(scope="module")
def graph(nlp) -> Graph:
    article = parse_seed(ARTICLE, "controls.txt")
    return map_article(article, base=BASE, nlp=nlp).graph


def test_names_come_out_clean(graph):
    literals = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert not [text for text in literals if NOT_XML.search(text)]
    assert {"Dario Venkel", "Ilse Marrow"} <= literals


@pytest.mark.parametrize("syntax", ["turtle", "nt", "json-ld", "xml"])
def test_each_rdflib_serialization_parses_back(graph, syntax):
    data = graph.serialize(format=syntax, encoding="utf-8")
    assert isomorphic(Graph().parse(data=data, format=syntax), graph)


@pytest.mark.parametrize(
    ("syntax", "format"),
    [
        ("turtle", ox.RdfFormat.TURTLE),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("json-ld", ox.RdfFormat.JSON_LD),
        ("xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_pyoxigraph_parses_each_serialization(graph, syntax, format):
    data = graph.serialize(format=syntax, encoding="utf-8")
    assert len(list(ox.parse(data, format=format))) == len(graph)


def test_pyoxigraph_rdf_xml_is_well_formed(graph):
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(store, format=ox.RdfFormat.RDF_XML)
    ET.fromstring(data)  # raises ParseError when a control character made it through
    assert len(list(ox.parse(data, format=ox.RdfFormat.RDF_XML))) == len(graph)


def test_sparql_xml_results_are_well_formed(graph):
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    results = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    root = ET.fromstring(results.serialize(format=ox.QueryResultsFormat.XML))
    namespace = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{namespace}results/{namespace}result")) == len(graph)
