"""Titles in the graph: the office's concept keeps the article's spelling as its label."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, article_of, facts_of
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

pytestmark = pytest.mark.slow


def test_the_role_keeps_the_article_spelling(nlp):
    from communique.mapping.graph.builder import GraphBuilder
    from communique.mapping.iris import Minter

    body = "Defense Minister Gary Whitcombe met Defence Minister Neil Parkhurst in Canberra."
    article = article_of(body, AUG_20, dateline=False)
    facts = facts_of(nlp, body, AUG_20)
    g = GraphBuilder(article, Minter(None)).build(facts)
    concepts = set(g.subjects(SKOS.prefLabel, Literal("Defence Minister", lang="en")))
    assert len(concepts) == 1
    (concept,) = concepts
    assert (concept, RDFS.label, Literal("Defense Minister", lang="en")) in g
