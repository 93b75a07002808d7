"""The dataset's size said plainly: distinct triples (the default graph) apart from quads."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from communique.server.web.void import dataset_facts

BASE = "http://localhost:5000/"


def distinct_triples(store) -> int:
    """The set union of all named graphs but the feed's log, counted in Python."""
    seen = set()
    for name in store.ox.named_graphs():
        if name.value == store.feed.graph_iri:
            continue
        for quad in store.ox.quads_for_pattern(None, None, None, name):
            seen.add(quad.triple)
    return len(seen)


@pytest.mark.parametrize("merged", [True, False])
def test_void_triples_are_the_distinct_triples(filled_client, light_app, merged):
    store = light_app.extensions["communique.store"]
    if not merged:
        store._set_merged(False)  # the count must not depend on the store keeping the merge
    distinct = distinct_triples(store)
    assert distinct < store.count()  # the two articles share a country's triples
    response = filled_client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    void = Graph().parse(data=response.data, format="turtle")
    assert void.value(URIRef(BASE + "#dataset"), VOID.triples).toPython() == distinct
    facts = dataset_facts(store)
    assert facts.distinct_triples == distinct and facts.stats["triples"] == store.count()


def test_landing_page_says_which_count_is_which(filled_client, light_app):
    store = light_app.extensions["communique.store"]
    text = filled_client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    text = re.sub(r"\s+", " ", text)
    assert f"{distinct_triples(store)} distinct triples" in text
    assert f"{store.count()} statements (quads) in 3 named graphs" in text
