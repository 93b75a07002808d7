"""Curation (issue 12): an aliases file maps variants of a name to one canonical entity at
mapping; the variant's former IRI becomes the survivor's owl:sameAs and answers 301."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from communique.mapping.article import Article
from communique.mapping.entities.aliases import ALIASES_FILE, parse_aliases
from communique.mapping.errors import InputError
from communique.ontology.namespace import DIP, SDO

BASE = "http://localhost:5000/"
AUTH = {"Authorization": "Bearer test-token"}
ALIASES = """# kind,name,same_as
kind,name,same_as
person,Tomas Vrelic,Tomislav Vrelic
organization,Orvania Trade Council,Council for Trade of Orvania
"""


def test_a_variant_and_its_spellings_map_to_the_canonical_name():
    aliases = parse_aliases(ALIASES, "same-as.csv")
    assert aliases.canonical("person", "Tomas Vrelic") == "Tomislav Vrelic"
    assert aliases.canonical("person", "TOMAS VRELIĆ") == "Tomislav Vrelic"
    assert aliases.canonical("person", "Tomislav Vrelic") is None  # already canonical
    assert aliases.canonical("organization", "orvania trade council") == (
        "Council for Trade of Orvania"
    )
    assert aliases.canonical("place", "Tomas Vrelic") is None


def test_a_chain_ends_at_its_last_name():
    text = "kind,name,same_as\nplace,Port Velm,Velm Harbour\nplace,Velm Harbour,Velmport\n"
    assert parse_aliases(text, "x").canonical("place", "Port Velm") == "Velmport"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,same_as\n", "header"),
        ("kind,name,same_as\ncity,Velm,Velmport\n", "row 2"),
        ("kind,name,same_as\nperson,Tomas Vrelic\n", "row 2"),
    ],
)
def test_a_bad_file_names_its_row(text, message):
    with pytest.raises(InputError, match=message):
        parse_aliases(text, "same-as.csv")


# -- on the real pipeline ---------------------------------------------------------------

VARIANT = "Foreign Minister Tomas Vrelic of Orvania visited Ankara on Monday for talks."
CANONICAL = "Foreign Minister Tomislav Vrelic of Orvania visited Ankara on Monday for talks."


def _person(nlp, body: str, name: str, aliases=None):
    from communique.mapping.pipeline import map_article

    article = Article(body, dt.date(2024, 1, 30), "test", identifier=name)
    graph = map_article(article, base=BASE, nlp=nlp, aliases=aliases).graph
    (person,) = graph.subjects(RDF.type, DIP.Person)
    return graph, person


@pytest.mark.slow
def test_the_aliases_file_merges_two_persons(nlp):
    _, before = _person(nlp, VARIANT, "a")
    assert before == URIRef(BASE + "id/person/tomas-vrelic")
    aliases = parse_aliases(ALIASES, "same-as.csv")
    graph, merged = _person(nlp, VARIANT, "a", aliases)
    _, canonical = _person(nlp, CANONICAL, "b", aliases)
    assert merged == canonical == URIRef(BASE + "id/person/tomislav-vrelic")
    assert list(graph.objects(merged, OWL.sameAs)) == [before]
    assert {str(n) for n in graph.objects(merged, SDO.name)} == {"Tomislav Vrelic"}
    assert "Tomas Vrelic" in {str(n) for n in graph.objects(merged, SDO.alternateName)}


@pytest.mark.slow
def test_the_retired_iri_answers_301_to_the_survivor(app, client, tmp_path, nlp):
    def post(text: str) -> None:
        body = {"text": text, "date": "2024-01-30", "id": "vrelic-visit"}
        response = client.post("/articles", json=body, headers=AUTH)
        assert response.status_code in (200, 201), response.get_data(as_text=True)

    post(VARIANT)
    assert client.get("/id/person/tomas-vrelic").status_code == 200
    (tmp_path / "data" / ALIASES_FILE).write_text(ALIASES, encoding="utf-8")
    post(VARIANT)  # mapped again under the curator's file: replaced, the variant retired
    response = client.get("/id/person/tomas-vrelic?format=ttl")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/id/person/tomislav-vrelic?format=ttl")
    assert client.get("/id/person/tomislav-vrelic").status_code == 200
    assert client.get("/id/person/nobody-of-that-name").status_code == 404
