"""The JSON input's `source` becomes the article's schema:publisher, which the shapes accept."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from communique.mapping.reading.reader import parse_record
from communique.ontology.namespace import SDO
from communique.shapes.validate import validate_graph

pytestmark = pytest.mark.slow  # maps with spaCy

BASE = "http://localhost:5000/"
RECORD = {
    "text": "ASTANA – Kazakh Foreign Minister Nurlan Temirov met Uzbek Foreign Minister "
    "Bahodir Rakhimjonov in Astana on Tuesday.",
    "date": "2025-03-12",
    "source": "Kazinform",
}


def mapped(nlp, **changes):
    from communique.mapping.pipeline import map_article

    article = parse_record({**RECORD, **changes}, "test.json")
    return map_article(article, base=BASE, nlp=nlp)


def test_source_is_the_publisher_with_its_name(nlp):
    result = mapped(nlp)
    outlet = URIRef(BASE + "id/organization/kazinform")
    assert (result.iri, SDO.publisher, outlet) in result.graph
    assert (outlet, RDF.type, SDO.Organization) in result.graph
    assert (outlet, SDO.name, Literal("Kazinform")) in result.graph
    report = validate_graph(result.graph)
    assert report.conforms, report.report_text


def test_no_source_no_publisher(nlp):
    result = mapped(nlp, source=None)
    assert not list(result.graph.objects(result.iri, SDO.publisher))
