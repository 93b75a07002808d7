"""Countries: reached through their names, demonyms, cities and datelines, and "Congo" alone
read as news style reads it."""

from __future__ import annotations

import pytest
from mapping_support import JAN_30, facts_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        ("Kazakh Foreign Minister Yerlan Tasbolatov visited Bishkek.", {"KAZ", "KGZ"}),
        ("The Kyrgyz Republic is a partner of Kazakhstan.", {"KGZ", "KAZ"}),
        ("Việt Nam values its ties with Benin.", {"VNM", "BEN"}),
        ("BAKU, Azerbaijan, March 15. Ministers met.", {"AZE"}),
        ("Talks were held in Addis Ababa.", {"ETH"}),
        ("Tensions on the Korean Peninsula rose.", set()),
        # a demonym made a continent's or a region's adjective names no country
        ("Latin American and Central American envoys met in Lima.", {"PER"}),
        ("The leaders met at the Ibero-American summit and the Inter-American forum.", set()),
        # ... unless the whole is a country's demonym
        ("South African and North Korean envoys met American officials.", {"ZAF", "PRK", "USA"}),
        # a formal name with a typeset apostrophe is that name, not the shorter one inside it
        ("Nigerian officials hosted a People’s Republic of China delegation.", {"CHN", "NGA"}),
        # a hyphenated name written with a space is the country, not a country and a person
        ("Senegal and Guinea Bissau renewed their fishing accord.", {"SEN", "GNB"}),
        ("Officials from Timor Leste and Fiji met in Suva.", {"TLS", "FJI"}),
    ],
)
def test_countries_from_names_demonyms_cities_and_datelines(nlp, body, countries):
    assert {e.key for e in facts_of(nlp, body, JAN_30).entities if e.kind == "country"} == countries


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Congo", "COD"),
        ("DR Congo", "COD"),
        ("Congo Republic", "COG"),
        ("Republic of Congo", "COG"),
        # the nationality adjectives the countryinfo data lacks
        ("Djiboutian", "DJI"),
    ],
)
def test_congo_alone_is_the_drc_as_in_news_style(text, iso3):
    from communique.mapping.entities.countries import lookup_country

    assert lookup_country(text).iso3 == iso3
