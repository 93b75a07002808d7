"""What the query page offers besides the form: example queries and the vocabulary that
the editor completes (the store's prefixes; after `dip:` the ontology's classes and
properties, after a scheme's prefix its concepts).

The examples are links to `/sparql?query=...&format=html`, so they run (and can be shared)
with or without JavaScript. Each is checked to return rows on the bundled examples
(tests/test_browser.py runs each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL, SKOS

from communique.ontology import ontology_graph, schemes_graph


@dataclass(frozen=True)
class Example:
    title: str
    query: str

    def href(self, endpoint: str) -> str:
        return endpoint + "?" + urlencode({"query": self.query, "format": "html"})


EXAMPLES = (
    Example(
        "Events of a country",
        """\
# Events of a country: every diplomatic event Ghana (country:GHA) took part in,
# newest first, with its place and the other participants.
SELECT ?event ?type ?date ?place ?other WHERE {
  ?event dip:participant country:GHA ; a ?type .
  FILTER(?type != dip:DiplomaticEvent)
  OPTIONAL { ?event dip:date ?date }
  OPTIONAL { ?event dip:place ?place }
  OPTIONAL { ?event dip:participant ?other FILTER(?other != country:GHA) }
}
ORDER BY DESC(?date) ?event
LIMIT 200
""",
    ),
    Example(
        "A person's roles over time",
        """\
# A person's roles over time: each role an article reports, on the article's date.
# Change the name to follow someone else; drop the FILTER for everyone.
SELECT ?person ?role ?organization ?reportedOn WHERE {
  ?membership a dip:Membership ; org:member ?person ; org:role ?concept ;
              dip:attestedOn ?reportedOn .
  ?person schema:name ?name .
  ?concept skos:prefLabel ?role .
  OPTIONAL { ?membership org:organization ?organization }
  FILTER(CONTAINS(LCASE(?name), "mahama"))
}
ORDER BY ?person ?reportedOn
""",
    ),
    Example(
        "Who met whom most",
        """\
# Who met whom most: pairs of persons taking part in the same events, by number of events.
SELECT ?a ?b (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event dip:participant ?a , ?b .
  ?a a dip:Person . ?b a dip:Person .
  FILTER(STR(?a) < STR(?b))
}
GROUP BY ?a ?b
ORDER BY DESC(?events) ?a ?b
LIMIT 50
""",
    ),
    Example(
        "Figures by year",
        """\
# Figures by year: monetary figures per year of the reporting article,
# by measure and currency (values in units: 1.3 billion = 1300000000).
SELECT ?year ?measure ?currency (COUNT(?figure) AS ?figures) (SUM(?value) AS ?total) WHERE {
  ?figure a dip:MonetaryFigure ; schema:value ?value ; prov:wasDerivedFrom ?article .
  ?article schema:datePublished ?published .
  OPTIONAL { ?figure schema:currency ?currency }
  OPTIONAL { ?figure dip:measure ?m . ?m skos:prefLabel ?measure }
  BIND(YEAR(?published) AS ?year)
}
GROUP BY ?year ?measure ?currency
ORDER BY ?year ?measure
""",
    ),
)

_LOCAL_NAME = re.compile(r"[A-Za-z_][\w-]*")
_KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "property",
    OWL.DatatypeProperty: "property",
    SKOS.Concept: "concept",
}


def vocabulary(prefixes: dict[str, str]) -> dict:
    """The editor's completion data: {"prefixes": {name: IRI}, "terms": {name: [term]}},
    a term being {"name", "kind", "label", "comment"}."""
    return {"prefixes": dict(sorted(prefixes.items())), "terms": _terms(tuple(prefixes.items()))}


@cache
def _terms(prefixes: tuple[tuple[str, str], ...]) -> dict[str, list[dict[str, str]]]:
    graph = Graph()
    for part in (ontology_graph(), schemes_graph()):
        graph += part
    terms: dict[str, list[dict[str, str]]] = {}
    for prefix, namespace in prefixes:
        found = []
        for subject in set(graph.subjects(RDF.type, None)):
            if not isinstance(subject, URIRef) or not subject.startswith(namespace):
                continue
            name = subject[len(namespace) :]
            if not _LOCAL_NAME.fullmatch(name):
                continue
            found.append(
                {
                    "name": name,
                    "kind": _kind(graph, subject),
                    "label": str(graph.value(subject, RDFS.label) or "")
                    or str(graph.value(subject, SKOS.prefLabel) or ""),
                    "comment": str(graph.value(subject, RDFS.comment) or "")
                    or str(graph.value(subject, SKOS.definition) or ""),
                }
            )
        if found:
            terms[prefix] = sorted(found, key=lambda t: (t["kind"] != "class", t["name"]))
    return terms


def _kind(graph: Graph, subject: URIRef) -> str:
    for rdf_type in graph.objects(subject, RDF.type):
        if rdf_type in _KINDS:
            return _KINDS[rdf_type]
    return "term"
