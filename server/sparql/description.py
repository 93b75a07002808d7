"""The SPARQL 1.1 Service Description of the endpoint (what a GET without a query returns)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from communique.server import formats

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

# The formats this endpoint produces: every results format, and those of one graph
RESULT_FORMATS = tuple(
    URIRef(f.w3c) for f in (*formats.RESULTS_FORMATS, *formats.TRIPLE_FORMATS) if f.w3c
)
MAX_LISTED_GRAPHS = 1000  # a description that lists 100k article graphs helps nobody


def service_description(
    endpoint: str, named_graphs: Iterable[str], *, void_iri: str | None = None
) -> Graph:
    """sd:Service for `endpoint`, its formats, features and default dataset."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    g.add((service, DCTERMS.title, Literal("communique SPARQL endpoint (read-only)", lang="en")))
    for fmt in RESULT_FORMATS:
        g.add((service, SD.resultFormat, fmt))

    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    if void_iri:  # the VoID/DCAT description of the same data, with its dumps
        g.add((dataset, RDFS.seeAlso, URIRef(void_iri)))
    default_graph = BNode()
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    g.add(
        (
            default_graph,
            DCTERMS.description,
            Literal(
                "the RDF merge (set union) of all named graphs "
                "(one per article, plus the reference data)"
            ),
        )
    )
    for i, name in enumerate(named_graphs):
        if i == MAX_LISTED_GRAPHS:
            break
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    return g
