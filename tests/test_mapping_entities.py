"""Mentions and entities: NER errors corrected by gazetteers, persons clustered, ministries
normalized, countries reached through demonyms, capitals and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.entities.cluster import fold, name_words
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow


def facts_of(nlp, body: str, date: dt.date = dt.date(2024, 1, 30)):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=date, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp)


def by_kind(facts, kind):
    return {e.name: e for e in facts.entities if e.kind == kind}


@pytest.mark.parametrize(
    ("body", "person", "alternates"),
    [
        (
            "Foreign Minister Murat Nurtleu arrived. Nurtleu said the talks went well.",
            "Murat Nurtleu",
            ["Nurtleu"],
        ),
        ("President Vladimir Putin spoke. Later, Putin left.", "Vladimir Putin", ["Putin"]),
        (
            "Minister of Foreign Affairs Bùi Thanh Sơn met him. Minister Sơn said so.",
            "Bùi Thanh Sơn",
            ["Sơn"],
        ),
        (
            "Prime Minister of Iraq Mohammed Shia’ Al-Sudani came. Al-Sudani left.",
            "Mohammed Shia’ Al-Sudani",
            ["Al-Sudani"],
        ),
    ],
)
def test_a_surname_joins_the_full_name(nlp, body, person, alternates):
    persons = by_kind(facts_of(nlp, body), "person")
    assert list(persons) == [person]
    assert persons[person].names[1:] == alternates


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        ("Kazakh Foreign Minister Murat Nurtleu visited Bishkek.", {"KAZ", "KGZ"}),
        ("The Kyrgyz Republic is a partner of Kazakhstan.", {"KGZ", "KAZ"}),
        ("Việt Nam values its ties with Benin.", {"VNM", "BEN"}),
        ("BAKU, Azerbaijan, March 15. Ministers met.", {"AZE"}),
        ("Talks were held in Addis Ababa.", {"ETH"}),
        ("Tensions on the Korean Peninsula rose.", set()),
    ],
)
def test_countries_from_names_demonyms_cities_and_datelines(nlp, body, countries):
    assert {e.key for e in facts_of(nlp, body).entities if e.kind == "country"} == countries


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        (
            "The Kazakh Foreign Ministry’s press service reported it.",
            "Ministry of Foreign Affairs of Kazakhstan",
            "Kazakh Foreign Ministry",
        ),
        (
            "According to the Kyrgyz MFA, talks went well.",
            "Ministry of Foreign Affairs of Kyrgyzstan",
            "Kyrgyz MFA",
        ),
        (
            "Seoul's foreign ministry said Friday.",
            "Ministry of Foreign Affairs of South Korea",
            "Seoul's foreign ministry",
        ),
        (
            "He met the Minister of Foreign Affairs of Tajikistan. The Ministry of Defence of "
            "Tajikistan agreed.",
            "Ministry of Defence of Tajikistan",
            "Ministry of Defence",
        ),
    ],
)
def test_ministries_are_normalized(nlp, body, name, alias):
    orgs = by_kind(facts_of(nlp, body), "org")
    assert name in orgs
    assert alias in orgs[name].names
    assert orgs[name].iso3 == orgs[name].key[-3:] or orgs[name].iso3


def test_foreign_ministries_of_two_countries(nlp):
    orgs = by_kind(
        facts_of(
            nlp, "They signed a plan between the foreign ministries of Kazakhstan and Russia."
        ),
        "org",
    )
    assert {
        "Ministry of Foreign Affairs of Kazakhstan",
        "Ministry of Foreign Affairs of Russia",
    } <= set(orgs)


@pytest.mark.parametrize(
    ("body", "name", "acronym"),
    [
        ("Both are members of the CIS and the SCO.", "Commonwealth of Independent States", "CIS"),
        (
            "They met at the Asia Pacific Economic Cooperation meeting.",
            "Asia-Pacific Economic Cooperation",
            "APEC",
        ),
        ("Ghana backs ECOWAS.", "Economic Community of West African States", "ECOWAS"),
    ],
)
def test_international_organizations_with_acronyms(nlp, body, name, acronym):
    orgs = by_kind(facts_of(nlp, body), "org")
    assert name in orgs and acronym in orgs[name].names


def test_a_demonym_is_never_a_person(nlp):
    facts = facts_of(nlp, "Azerbaijani and Georgian ministers met. Kazakh officials agreed.")
    assert not by_kind(facts, "person")


def test_places_cities_venues_regions(nlp):
    places = by_kind(
        facts_of(
            nlp,
            "He laid a wreath at the Ata-Beyit Memorial Complex near Bishkek and "
            "spoke about the Middle East.",
        ),
        "place",
    )
    assert places["Bishkek"].iso3 == "KGZ" and places["Bishkek"].subkind == "city"
    assert places["Ata-Beyit Memorial Complex"].subkind == "venue"
    assert places["Middle East"].iso3 is None


@pytest.mark.parametrize(("a", "b"), [("Sơn", "son"), ("Al-Sudani", "al-sudani")])
def test_fold_ignores_case_and_accents(a, b):
    assert fold(a) == b
    assert name_words(a) == [b]
