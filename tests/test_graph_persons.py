"""Persons across articles (graph/persons.py): a dropped middle name joins two spellings of
one person only when their countries do not disagree; in a batch and against the store."""

from __future__ import annotations

import datetime as dt

import pytest
from oxigraph_server import engine_url, oxigraph  # noqa: F401 - fixtures
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF

from communique.mapping.article import Article, MappedArticle
from communique.mapping.graph.persons import (
    PersonFacts,
    PersonRegistry,
    are_apart,
    persons_in,
)
from communique.mapping.iris import Minter
from communique.ontology.namespace import DIP, SDO
from communique.ontology.namespace import ORG as W3ORG

BASE = "http://localhost:5000/"
MINT = Minter(BASE)
DAY = dt.date(2024, 1, 30)


@pytest.mark.parametrize(
    ("new", "known", "apart"),
    [
        # only a dropped middle name joins them and the countries differ: two persons
        (([], ["PER"]), (["amara-wanjiru-odede"], ["KEN"]), True),
        ((["amara-wanjiru-odede"], ["KEN"]), ([], ["PER"]), True),
        ((["amara-ruth-odede"], ["PER"]), (["amara-wanjiru-odede"], ["KEN"]), True),
        (([], ["PER"]), ([], ["KEN"]), True),
        # the countries agree, or one of them is not known: one person
        (([], ["KEN"]), (["amara-wanjiru-odede"], ["KEN"]), False),
        (([], ["KEN", "PER"]), (["amara-wanjiru-odede"], ["PER"]), False),
        (([], []), (["amara-wanjiru-odede"], ["KEN"]), False),
        (([], ["PER"]), (["amara-wanjiru-odede"], []), False),
        # one name written in full with its middle name is one person's, whatever offices
        ((["amara-wanjiru-odede"], ["PER"]), (["amara-wanjiru-odede"], ["KEN"]), False),
    ],
)
def test_two_persons_of_one_iri_are_apart_only_when_names_and_countries_differ(new, known, apart):
    facts = [PersonFacts(set(names), set(countries)) for names, countries in (new, known)]
    assert are_apart(*facts) is apart


def _mapped(key: str, *persons: tuple[str, str | None]) -> MappedArticle:
    """An article's graph with persons (name, country of their office or None)."""
    article = Article(f"text {key}", DAY, "test", identifier=key)
    iri, graph_iri = MINT.article(article), MINT.article_graph(article)
    g = Graph(identifier=graph_iri)
    for name, iso3 in persons:
        person = MINT.person(name, scope=key)
        g.add((person, RDF.type, DIP.Person))
        g.add((person, SDO.name, Literal(name)))
        if (former := MINT.former_person(name)) is not None and former != person:
            g.add((person, OWL.sameAs, former))
        if iso3:
            membership, country = MINT.fact("membership", key, name), MINT.country(iso3)
            g.add((membership, W3ORG.member, person))
            g.add((membership, W3ORG.organization, country))
            g.add((country, DIP.iso3, Literal(iso3)))
    return MappedArticle(article=article, iri=iri, graph_iri=graph_iri, graph=g)


def _persons(mapped: MappedArticle) -> dict[str, str]:
    return {
        str(p).rsplit("/", 1)[-1]: str(mapped.graph.value(p, SDO.name))
        for p in mapped.graph.subjects(RDF.type, DIP.Person)
    }


def test_a_batch_keeps_apart_the_later_person_and_joins_the_others():
    registry = PersonRegistry(BASE)
    first = registry.settle(_mapped("a", ("Amara Wanjiru Odede", "KEN"), ("Teo Varga", None)))
    second = registry.settle(_mapped("b", ("Amara Odede", "PER"), ("Teo Varga", "HUN")))
    third = registry.settle(_mapped("c", ("Amara Odede", "KEN")))
    fourth = registry.settle(_mapped("d", ("Amara Odede", "PER"), ("Odede", "PER")))
    fifth = registry.settle(_mapped("e", ("Amara Ruth Odede", "PER")))
    assert [_persons(m) for m in (first, second, third, fourth, fifth)] == [
        {"amara-odede": "Amara Wanjiru Odede", "teo-varga": "Teo Varga"},
        {"amara-odede-per": "Amara Odede", "teo-varga": "Teo Varga"},
        {"amara-odede": "Amara Odede"},
        # the surname alone is scoped to its article: never compared across articles
        {"amara-odede-per": "Amara Odede", "odede--d": "Odede"},
        {"amara-ruth-odede": "Amara Ruth Odede"},
    ]


def test_a_person_kept_apart_has_no_sameas_to_itself():
    registry = PersonRegistry(BASE)
    registry.settle(_mapped("a", ("Amara Odede", "KEN")))
    settled = registry.settle(_mapped("b", ("Amara Ruth Odede", "PER")))
    person = MINT.resource("person", "amara-ruth-odede")
    assert sorted(settled.graph.objects(person, OWL.sameAs)) == []
    assert (None, None, MINT.person("Amara Ruth Odede")) not in settled.graph
    assert persons_in(settled.graph) == {person: PersonFacts({"amara-ruth-odede"}, {"PER"})}
    assert persons_in(_mapped("c", ("Amara Odede", "KEN")).graph) == {
        MINT.person("Amara Odede"): PersonFacts(set(), {"KEN"})
    }


def test_the_lookup_is_asked_for_the_persons_and_leaves_out_the_articles_own_graph():
    asked = []

    def lookup(persons, except_graph):
        asked.append((sorted(persons), except_graph))
        return {persons[0]: PersonFacts({"amara-wanjiru-odede"}, {"KEN"})}

    mapped = _mapped("b", ("Amara Odede", "PER"))
    settled = PersonRegistry(BASE, lookup=lookup).settle(mapped)
    assert asked == [([MINT.person("Amara Odede")], mapped.graph_iri)]
    assert _persons(settled) == {"amara-odede-per": "Amara Odede"}


# -- on the real pipeline, and against a store ----------------------------------------

KENYAN = (
    "Kenyan Foreign Minister Amara Wanjiru Odede met Chinese Foreign Minister Li Weiguo "
    "in Beijing on Monday."
)
PERUVIAN = (
    "Peruvian Trade Minister Amara Odede arrived in Lima on Tuesday for talks with "
    "Chilean officials."
)
KENYA_SHORT = "Kenya's Foreign Minister Amara Odede visited Accra on Friday."
EXPECTED = [
    {"amara-odede": "Amara Wanjiru Odede", "li-weiguo": "Li Weiguo"},
    {"amara-odede-per": "Amara Odede"},
    {"amara-odede": "Amara Odede"},
]


def _articles() -> list[Article]:
    texts = {"a": KENYAN, "b": PERUVIAN, "c": KENYA_SHORT}
    return [Article(text, DAY, "test", identifier=key) for key, text in texts.items()]


@pytest.mark.slow
def test_mapped_together_two_persons_of_one_name_key_stay_apart(nlp):
    from communique.mapping.pipeline import map_articles

    assert [_persons(m) for m in map_articles(_articles(), base=BASE, nlp=nlp)] == EXPECTED


@pytest.fixture(params=["embedded", "remote"])
def store(request):
    from communique.server.store.articles import Store

    if request.param == "remote":
        s = Store.open_url(request.getfixturevalue("engine_url"), BASE)
    else:
        s = Store.open(None, BASE)
    yield s
    s.close()


def _stored(store, key: str, triples: list[tuple]) -> MappedArticle:
    mapped = _mapped(key)
    for triple in triples:
        mapped.graph.add(triple)
    store.put_article(mapped)
    return mapped


def test_the_store_tells_of_a_person_what_its_other_graphs_tell(store):
    """The store's lookup reads what persons_in reads: fuller names in either name
    property, and the countries of offices held in a country's body or in the country."""
    person = MINT.person("Amara Odede")
    ministry, kenya, peru = (
        MINT.resource("organization", "trade-ministry-per"),
        *(MINT.country(code) for code in ("KEN", "PER")),
    )
    first = _stored(store, "a", [
        (person, SDO.name, Literal("Amara Wanjiru Odede")),
        (MINT.fact("membership", "a", "x"), W3ORG.member, person),
        (MINT.fact("membership", "a", "x"), W3ORG.organization, kenya),
        (kenya, DIP.iso3, Literal("KEN")),
    ])  # fmt: skip
    second = _stored(store, "b", [
        (person, SDO.alternateName, Literal("Amara Ruth Odede")),
        (MINT.fact("membership", "b", "x"), W3ORG.member, person),
        (MINT.fact("membership", "b", "x"), W3ORG.organization, ministry),
        (ministry, DIP.country, peru),
        (peru, DIP.iso3, Literal("PER")),
    ])  # fmt: skip
    third = _stored(store, "c", [(person, SDO.name, Literal("Amara Lima Odede"))])
    both = persons_in(first.graph + second.graph + Graph().add((person, RDF.type, DIP.Person)))
    told = store.person_facts([person, MINT.person("Teo Varga")], third.graph_iri)
    assert told == {
        person: PersonFacts({"amara-wanjiru-odede", "amara-ruth-odede"}, {"KEN", "PER"})
    }
    assert told == both
    # a name with middle names in common joins a person of another country
    again = _mapped("d", ("Amara Ruth Odede", "CHL"))
    assert _persons(PersonRegistry(BASE, lookup=store.person_facts).settle(again)) == {
        "amara-odede": "Amara Ruth Odede"
    }


@pytest.mark.slow
def test_ingested_one_by_one_a_person_of_another_country_gets_an_iri_of_its_own(nlp, store):
    """Each article in an ingest of its own: the store tells who is known."""
    from communique.server.ingest.ingest import ingest_article

    outcomes = [ingest_article(store, a, base=BASE, nlp=nlp) for a in _articles()]
    assert [o.stored for o in outcomes] == [True, True, True]
    got = []
    for outcome in outcomes:
        graph = store.graph(store.graph_of(outcome.iri))
        got.append(_persons(MappedArticle(outcome.article, outcome.iri, graph.identifier, graph)))
    assert got == EXPECTED
    # re-ingesting the first article: its own stored graph is no other person
    again = ingest_article(store, _articles()[0], base=BASE, nlp=nlp)
    graph = store.graph(store.graph_of(again.iri))
    assert _persons(MappedArticle(again.article, again.iri, graph.identifier, graph)) == EXPECTED[0]
