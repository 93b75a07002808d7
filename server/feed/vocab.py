"""The terms of the feed (LDES, TREE, Activity Streams 2.0, DCMI, PROV) as pyoxigraph nodes."""

from __future__ import annotations

import pyoxigraph as ox

AS = "https://www.w3.org/ns/activitystreams#"
LDES = "https://w3id.org/ldes#"
TREE = "https://w3id.org/tree#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
LDES_SPEC = "https://w3id.org/ldes/specification"

# The prefixes of feed documents (Turtle, TriG, the inline JSON-LD context)
PREFIXES = {
    "as": AS,
    "ldes": LDES,
    "tree": TREE,
    "dct": DCT,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

TYPE = ox.NamedNode(RDF + "type")
KINDS = ("Create", "Update", "Delete")  # as:Create, as:Update, as:Delete
KIND_NODES = {kind: ox.NamedNode(AS + kind) for kind in KINDS}
IS_VERSION_OF = ox.NamedNode(DCT + "isVersionOf")  # ldes:versionOfPath
GENERATED_AT = ox.NamedNode(PROV + "generatedAtTime")  # ldes:timestampPath
IS_PART_OF = ox.NamedNode(DCT + "isPartOf")  # member -> its page, in the store only
CONTENT = ox.NamedNode(AS + "content")  # the graph's N-Triples, in the store only
DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")  # a replica's member -> the source's
SEE_ALSO = ox.NamedNode(RDFS + "seeAlso")
DATE_TIME = ox.NamedNode(XSD + "dateTime")
NTRIPLES_DOC = ox.NamedNode("http://www.w3.org/ns/formats/N-Triples")  # datatype of CONTENT

EVENT_STREAM = ox.NamedNode(LDES + "EventStream")
TIMESTAMP_PATH = ox.NamedNode(LDES + "timestampPath")
VERSION_OF_PATH = ox.NamedNode(LDES + "versionOfPath")
NODE = ox.NamedNode(TREE + "Node")
VIEW = ox.NamedNode(TREE + "view")
MEMBER = ox.NamedNode(TREE + "member")
RELATION = ox.NamedNode(TREE + "relation")
GTE_RELATION = ox.NamedNode(TREE + "GreaterThanOrEqualToRelation")
REL_NODE = ox.NamedNode(TREE + "node")
REL_PATH = ox.NamedNode(TREE + "path")
REL_VALUE = ox.NamedNode(TREE + "value")
TITLE = ox.NamedNode(DCT + "title")
CONFORMS_TO = ox.NamedNode(DCT + "conformsTo")


def date_time(value: str) -> ox.Literal:
    """An xsd:dateTime literal."""
    return ox.Literal(value, datatype=DATE_TIME)
