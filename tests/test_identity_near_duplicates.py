"""`communique entities --near-duplicates` (issue 12): the entities of a store whose names
are near each other, as rows of an aliases file for a curator."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter
from communique.ontology.namespace import DIP, SDO
from communique.server.cli.entities import entities_command
from communique.server.store.articles import Store

BASE = "http://localhost:5000/"
MINT = Minter(BASE)


def _article(name: str, persons: list[str], organizations: list[str]) -> MappedArticle:
    article = Article("Talks.", dt.date(2024, 1, 30), "t", identifier=name)
    iri, g = MINT.article(article), Graph()
    g.add((iri, RDF.type, DIP.Article))
    g.add((iri, SDO.datePublished, Literal("2024-01-30", datatype=XSD.date)))
    for person in persons:
        node = MINT.person(person, scope=name)
        g.add((node, RDF.type, DIP.Person))
        g.add((node, SDO.name, Literal(person)))
    for org in organizations:
        node = MINT.organization(org)
        g.add((node, RDF.type, DIP.Organization))
        g.add((node, SDO.name, Literal(org)))
    return MappedArticle(article, iri, MINT.article_graph(article), g)


def test_near_names_are_offered_as_aliases(tmp_path):
    data = tmp_path / "data"
    with Store.open(data, BASE) as store:
        store.put_articles(
            [
                _article("a", ["Tamsin Okorovell", "Okorovell"], ["Orvania Trade Council"]),
                _article("b", ["Tamsyn Okorovell", "Renzo Takamura"], ["Orvania Trade Councils"]),
                _article("c", ["Renjiro Takamura"], ["Velm Harbour Authority"]),
            ]
        )
    result = CliRunner().invoke(
        entities_command, ["--near-duplicates", "--data", str(data), "--base", BASE]
    )
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if not line.startswith("#")]
    assert rows == [
        "kind,name,same_as",
        "person,Tamsin Okorovell,Tamsyn Okorovell",
        "organization,Orvania Trade Council,Orvania Trade Councils",
    ]
    assert f"# {BASE}id/person/tamsin-okorovel -> {BASE}id/person/tamsyn-okorovel" in (
        result.output
    )
