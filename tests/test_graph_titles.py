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


@pytest.mark.parametrize(
    ("body", "pref", "written"),
    [
        # the form written before where the office is held
        (
            "President Arlo Venn hosted Amir of the State of Kuwait Sheikh Hamad bin Tarik "
            "Al Noor on Tuesday.",
            "Emir",
            {"Amir"},
        ),
        (
            "Minister of Foreign Affairs of the Republic of Kenya Ilse Marrow met President "
            "Arlo Venn.",
            "Foreign Minister",
            {"Minister of Foreign Affairs"},
        ),
        # a hyphen for a space is the same form
        (
            "Kenya's Vice-Minister of Foreign Affairs Ilse Marrow met President Arlo Venn.",
            "Deputy Foreign Minister",
            {"Vice-Minister of Foreign Affairs"},
        ),
        # no form of the office's concept among the words written: no label of them
        ("Emir Hamad bin Tarik Al Noor met President Arlo Venn.", "Emir", set()),
    ],
)
def test_the_form_a_title_is_written_in_before_of(nlp, body, pref, written):
    from communique.mapping.graph.builder import GraphBuilder
    from communique.mapping.iris import Minter

    article = article_of(body, AUG_20, dateline=False)
    g = GraphBuilder(article, Minter(None)).build(facts_of(nlp, body, AUG_20))
    (concept,) = set(g.subjects(SKOS.prefLabel, Literal(pref, lang="en")))
    assert {str(o) for o in g.objects(concept, RDFS.label)} == written
