"""The dataset described in VoID and DCAT: counts, dumps, the SPARQL endpoint, examples."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, SKOS, VOID, XSD

from communique import __version__
from communique.mapping.iris import feed_iri, uri_space
from communique.ontology import ONTOLOGY_IRI
from communique.ontology.namespace import DIP, DIP_IRI, GEONAMES, ORG, PROV, SDO, SEM
from communique.server import formats
from communique.server.store.articles import Store
from communique.server.store.terms import iri_term, literal_term
from communique.server.web.negotiation import bind_prefixes

IANA = "https://www.iana.org/assignments/media-types/"
SHAPES_IRI = ONTOLOGY_IRI + "/shapes"
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
LDES_SPEC = URIRef("https://w3id.org/ldes/specification")
LDES_STREAM = URIRef("https://w3id.org/ldes#EventStream")
FEED_DESCRIPTION = (
    "Every creation, replacement and deletion of an article (and each new version of the "
    "reference data) as a member of a Linked Data Event Stream, oldest first, in pages "
    "linked by TREE relations on the time; the members of one UTC day also as "
    "/dumps/daily/YYYY-MM-DD.nq.gz."
)
VOCABULARIES = (DIP_IRI, str(SDO), str(ORG), str(PROV), str(SEM), str(SKOS), str(OWL))
TITLE = "communique: diplomacy news as Linked Data"
DESCRIPTION = (
    "Diplomatic visits, meetings, talks, phone calls, agreements, trade figures and "
    "quotations read from news articles, each traced to its source article and the "
    "sentence it came from, checked against SHACL shapes before it is published."
)


@dataclass(frozen=True)
class Dump:
    """One downloadable dump of the whole dataset."""

    key: str  # the store's dump format and the file suffix
    title: str
    media_type: str
    format_iri: str  # W3C's IRI for the format (void:feature)

    @property
    def filename(self) -> str:
        return f"communique.{self.key}.gz"


DUMPS: dict[str, Dump] = {
    key: Dump(key, f.label, f.media_type, f.w3c or "")
    for key in ("ttl", "nt", "nq", "trig")
    for f in (formats.BY_KEY[key],)
}

EXAMPLES_QUERY = """
SELECT DISTINCT ?s ?d WHERE {
  ?s a <https://w3id.org/communique/diplomacy#Article> ;
     <https://schema.org/datePublished> ?d .
} ORDER BY DESC(?d) ?s LIMIT 5
"""
MENTIONED_QUERY = """
SELECT ?s (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a <https://w3id.org/communique/diplomacy#mentions> ?s .
} GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 8
"""
# Without the merged default graph, the set union of the named graphs counted in Rust;
# {feed}: the feed's log (an iri_term), no part of the dataset's data
DISTINCT_TRIPLES_QUERY = """
SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
  GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {feed})
}} }}
"""
# {space}: a literal serialized by store.terms.literal_term
ENTITIES_QUERY = """
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s a ?type . FILTER(isIRI(?s) && STRSTARTS(STR(?s), {space}))
}}
"""


@dataclass
class DatasetFacts:
    """What the descriptions say, computed once per store version.

    `stats["triples"]` counts quads: a triple stated by several articles once per article
    graph (the N-Quads and TriG dumps). `distinct_triples` counts the default graph, the
    set union of all graphs, as SPARQL and the Turtle and N-Triples dumps see it.
    """

    stats: dict
    entities: int
    recent_articles: list[str]
    most_mentioned: list[tuple[str, int]]
    distinct_triples: int = 0
    graphs: int = 0  # named graphs: the articles' and the reference graph


_cache: dict[tuple[int, str], DatasetFacts] = {}
_cache_lock = threading.Lock()


def dataset_facts(store: Store) -> DatasetFacts:
    """Counts and examples for the current version of the store (cached per version)."""
    key = (id(store), store.version())
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    space = literal_term(uri_space(store.base))
    entities_row = next(iter(store.query(ENTITIES_QUERY.format(space=space))))
    recent = [r["s"].value for r in store.query(EXAMPLES_QUERY)]
    mentioned = [
        (r["s"].value, int(r["n"].value))
        for r in store.query(MENTIONED_QUERY)
        if isinstance(r["s"], ox.NamedNode)
    ]
    stats = store.stats()
    distinct = stats.get("distinct_triples")
    if distinct is None:
        query = DISTINCT_TRIPLES_QUERY.format(feed=iri_term(store.feed.graph_iri))
        distinct = int(next(iter(store.ox.query(query)))["n"].value)
    graphs = stats["articles"] + int(store.has_graph(store.reference_iri))
    entities = int(entities_row["n"].value)
    facts = DatasetFacts(stats, entities, recent, mentioned, distinct, graphs)
    with _cache_lock:
        _cache.clear()  # only the newest version is ever asked for again
        _cache[key] = facts
    return facts


def dataset_iri(base: str) -> URIRef:
    return URIRef(base + "#dataset")


def dump_url(base: str, dump: Dump) -> URIRef:
    return URIRef(f"{base}dumps/{dump.filename}")


def describe_dataset(store: Store, *, sparql: bool = True) -> Graph:
    """VoID + DCAT description of the whole dataset, its dumps and its SPARQL endpoint."""
    base = store.base
    facts = dataset_facts(store)
    modified = Literal(store.last_modified().isoformat(), datatype=XSD.dateTime)
    g = bind_prefixes(Graph())
    g.bind("foaf", FOAF)
    ds = dataset_iri(base)
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((ds, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    g.add((ds, DCTERMS.modified, modified))
    g.add((ds, OWL.versionInfo, Literal(__version__)))
    g.add((ds, DCAT.landingPage, URIRef(base)))
    g.add((ds, FOAF.homepage, URIRef(base)))
    g.add((ds, DCTERMS.conformsTo, URIRef(SHAPES_IRI)))
    g.add((ds, VOID.uriSpace, Literal(uri_space(base))))
    # distinct triples, as SPARQL's default graph and the N-Triples dump hold them; a
    # triple stated by several articles is one triple (the quad count is on the page)
    g.add((ds, VOID.triples, Literal(facts.distinct_triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(facts.entities, datatype=XSD.integer)))
    for vocabulary in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for cls, count in sorted(facts.stats.get("entities_by_class", {}).items()):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    examples = facts.recent_articles[:3] + [iri for iri, _ in facts.most_mentioned[:2]]
    for iri in examples:
        g.add((ds, VOID.exampleResource, URIRef(iri)))
    _add_geonames_linkset(g, ds)
    _add_feed(g, ds, base)
    for dump in DUMPS.values():
        _add_dump(g, ds, base, dump, modified)
    if sparql:
        endpoint = URIRef(base + "sparql")
        service = URIRef(base + "#sparql-service")
        g.add((ds, VOID.sparqlEndpoint, endpoint))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
        g.add((service, DCAT.endpointURL, endpoint))
        g.add((service, DCAT.endpointDescription, endpoint))
        g.add((service, DCTERMS.conformsTo, SPARQL_PROTOCOL))
        g.add((service, DCAT.servesDataset, ds))
    return g


def _add_dump(g: Graph, ds: URIRef, base: str, dump: Dump, modified: Literal) -> None:
    url = dump_url(base, dump)
    g.add((ds, VOID.dataDump, url))
    g.add((ds, VOID.feature, URIRef(dump.format_iri)))
    dist = URIRef(f"{base}dumps/#{dump.key}")
    g.add((ds, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCTERMS.title, Literal(f"The whole dataset as {dump.title}, gzipped", lang="en")))
    g.add((dist, DCAT.downloadURL, url))
    g.add((dist, DCAT.accessURL, url))
    g.add((dist, DCAT.mediaType, URIRef(IANA + dump.media_type)))
    g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
    g.add((dist, DCTERMS.modified, modified))


def _add_feed(g: Graph, ds: URIRef, base: str) -> None:
    """The change feed (server/feed/routes.py), a dcat:DataService serving the dataset."""
    feed = URIRef(feed_iri(base))
    service = URIRef(base + "#feed-service")
    g.add((feed, RDF.type, LDES_STREAM))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("Linked Data Event Stream of changes", lang="en")))
    g.add((service, DCTERMS.description, Literal(FEED_DESCRIPTION, lang="en")))
    g.add((service, DCAT.endpointURL, feed))
    g.add((service, DCAT.endpointDescription, feed))
    g.add((service, DCTERMS.conformsTo, LDES_SPEC))
    g.add((service, DCAT.servesDataset, ds))


def _add_geonames_linkset(g: Graph, ds: URIRef) -> None:
    """Countries are linked to GeoNames with owl:sameAs."""
    linkset = URIRef(str(ds) + "-geonames")
    g.add((ds, VOID.subset, linkset))
    g.add((linkset, RDF.type, VOID.Linkset))
    g.add((linkset, VOID.linkPredicate, OWL.sameAs))
    g.add((linkset, VOID.subjectsTarget, ds))
    g.add((linkset, VOID.objectsTarget, URIRef(str(GEONAMES))))
    g.add((linkset, DCTERMS.description, Literal(f"{DIP.Country} to GeoNames", lang="en")))
