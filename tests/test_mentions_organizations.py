"""Organizations: ministries normalized to one name per country, international bodies with
their acronyms, a state's bodies named by its demonym, bodies headed by an organization noun
and "of", companies and movements from the gazetteer, news agencies named in the text; and
names without the shape of an organization."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, by_kind, entities_of, facts_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        (
            "The Kazakh Foreign Ministry’s spokesman announced it.",
            "Ministry of Foreign Affairs of Kazakhstan",
            "Kazakh Foreign Ministry",
        ),
        (
            "According to the Kyrgyz MFA, talks went well.",
            "Ministry of Foreign Affairs of Kyrgyzstan",
            "Kyrgyz MFA",
        ),
        (
            "Seoul's foreign ministry said on Tuesday.",
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
    orgs = by_kind(facts_of(nlp, body, JAN_30), "org")
    assert list(orgs) == [name]
    assert orgs[name].names == [name, alias]
    assert orgs[name].iso3 == orgs[name].key[-3:] or orgs[name].iso3


@pytest.mark.parametrize(
    "body",
    [
        "Secretary of State Tom Arkan met President Ana Velor in Nairobi, the State "
        "Department said.",
        "Secretary of State Tom Arkan met President Ana Velor in Nairobi, the Department of "
        "State said.",
    ],
)
def test_the_state_department_is_the_us_foreign_ministry(nlp, body):
    orgs = by_kind(facts_of(nlp, body, JAN_30), "org")
    assert list(orgs) == ["Ministry of Foreign Affairs of United States"]
    assert orgs["Ministry of Foreign Affairs of United States"].iso3 == "USA"


@pytest.mark.parametrize(
    "ministries",
    [
        "the foreign ministries of Russia and Kazakhstan",
        # the plural written before the portfolio, the countries by their long names
        "the Ministries of Foreign Affairs of both the Russian Federation and the Republic "
        "of Kazakhstan",
    ],
)
def test_foreign_ministries_of_two_countries(nlp, ministries):
    orgs = by_kind(facts_of(nlp, f"They signed a work plan for {ministries}.", JAN_30), "org")
    assert set(orgs) == {
        "Ministry of Foreign Affairs of Kazakhstan",
        "Ministry of Foreign Affairs of Russia",
    }


def test_a_ministry_one_meets_at_is_also_the_venue_of_the_dateline_country(nlp):
    body = (
        "BAKU — Foreign Minister Ali Musa met Italian Foreign Minister Marco Rossi at the "
        "Ministry of Foreign Affairs on Monday."
    )
    # known extra: the dateline's city is a place too, but named "BAKU" as the dateline writes
    # it (display_name keeps capitals of four letters and fewer)
    assert entities_of(nlp, body, "place", AUG_20).get("Ministry of Foreign Affairs of Azerbaijan")
    assert entities_of(nlp, body, "org", AUG_20) == {
        "Ministry of Foreign Affairs of Azerbaijan": "AZE"
    }


@pytest.mark.parametrize(
    ("body", "org"),
    [
        (
            "The Velmora Authority of Heads of State on Sunday elected President Arlo Venndal "
            "as its new chairman. The decision was taken at the 67th Ordinary Session of the "
            "Authority held in Abuja.",
            "Velmora Authority of Heads of State",
        ),
        (
            "President of the Korvan Commission Ilse Marrow spoke with Prime Minister Tomas "
            "Brevik on Thursday, according to a readout the Commission published.",
            "Korvan Commission",
        ),
    ],
)
def test_a_body_told_again_by_its_head_noun_is_that_body(nlp, body, org):
    facts = facts_of(nlp, body, AUG_20)
    assert [e.name for e in facts.entities if e.kind == "org"] == [org]


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        # a person told of, then where they met
        (
            "BAKU — Foreign Minister Ali Musa met his Italian counterpart at the Ministry of "
            "Foreign Affairs on Monday.",
            True,
        ),
        (
            "BAKU — Foreign Minister Ali Musa held talks with the Italian Foreign Minister at "
            "the Ministry of Foreign Affairs on Monday.",
            True,
        ),
        # a title written whole, "at the Ministry" its own words
        (
            "BAKU — Minister of State at the Ministry of Foreign Affairs Ali Musa met Italian "
            "Foreign Minister Marco Rossi on Monday.",
            False,
        ),
        (
            "BAKU — The ceremony was attended by Ali Musa, Assistant Minister for European "
            "Affairs at the Ministry of Foreign Affairs, and Marco Rossi.",
            False,
        ),
    ],
)
def test_a_ministry_in_a_title_is_no_venue(nlp, body, venue):
    places = entities_of(nlp, body, "place", AUG_20)
    assert ("Ministry of Foreign Affairs of Azerbaijan" in places) is venue
    assert "Ministry of Foreign Affairs of Azerbaijan" in entities_of(nlp, body, "org", AUG_20)


@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "PRETORIA — The Department of Overseas Trade and Development said in a note that "
            "the new envoys came from countries including Brazil, Egypt and Japan.",
            {"Ministry of Overseas Trade and Development of South Africa": "ZAF"},
        ),
        (
            "SEOUL — Foreign Minister Cho Min-ho will meet his Japanese counterpart, Kenji Mori, "
            "on Monday, according to the foreign ministry.",
            {"Ministry of Foreign Affairs of South Korea": "KOR"},
        ),
    ],
)
def test_a_ministry_without_its_country_is_the_datelines(nlp, body, orgs):
    """Not that of the first country its sentence names (what the ministry speaks of)."""
    assert entities_of(nlp, body, "org", AUG_20) == orgs


def test_a_ministry_name_does_not_run_into_a_person(nlp):
    body = (
        "Bangladesh and Nepal held talks in Dhaka on Monday. The talks were led by Secretary "
        "of the Ministry of Water Resources Tanvir Kabir."
    )
    entities = facts_of(nlp, body, AUG_20).entities
    assert {e.name for e in entities if e.kind == "org"} == {
        "Ministry of Water Resources of Bangladesh"
    }
    assert {e.name for e in entities if e.kind == "person"} == {"Tanvir Kabir"}


# names: the organization's name first, then the other names it goes by, its acronym last;
# others: the other organizations the body names
@pytest.mark.parametrize(
    ("body", "names", "others"),
    [
        (
            "Both are members of the CIS and the SCO.",
            ["Commonwealth of Independent States", "CIS"],
            {"Shanghai Cooperation Organisation"},
        ),
        (
            "Leaders gathered at the Asia Pacific Economic Cooperation summit.",
            [
                "Asia-Pacific Economic Cooperation",
                "Asia Pacific Economic Cooperation",
                "APEC",
            ],
            set(),
        ),
        (
            "Leaders prepared the ASEM summit in Ulaanbaatar.",
            ["Asia-Europe Meeting", "ASEM"],
            set(),
        ),
        (
            "Ghana backs ECOWAS.",
            ["Economic Community of West African States", "ECOWAS"],
            set(),
        ),
        # news agencies credited at the foot of a story, by their acronyms
        (
            "Foreign Minister Ana Velor met Tomas Brevik on Thursday.\n(With inputs from PTI "
            "and IANS)",
            ["Indo-Asian News Service", "IANS"],
            {"Press Trust of India"},
        ),
        # an acronym inside a name, written with dots
        (
            "Kenya raised the matter at the U.N. Security Council on Monday.",
            ["United Nations Security Council", "U.N. Security Council", "UNSC"],
            set(),
        ),
    ],
)
def test_international_organizations_with_acronyms(nlp, body, names, others):
    orgs = by_kind(facts_of(nlp, body, JAN_30), "org")
    assert set(orgs) == {names[0]} | others
    assert orgs[names[0]].names == names


@pytest.mark.parametrize(
    ("body", "org", "iso3"),
    [
        ("The Lebanese army deployed troops near the border on Monday.", "Lebanese army", "LBN"),
        ("Ugandan police said on Monday that the road was closed.", "Ugandan police", "UGA"),
        ("The Kenyan government welcomed the decision on Monday.", "Government of Kenya", "KEN"),
        # ... or by its name after a lower-case "government of"
        ("He urged the government of Peru to lift the tariff.", "Government of Peru", "PER"),
        # ... and of a country whose name takes "the"
        (
            "The government of the Central African Republic hailed the loan on Monday.",
            "Government of Central African Republic",
            "CAF",
        ),
    ],
)
def test_a_states_body_named_by_its_demonym(nlp, body, org, iso3):
    assert entities_of(nlp, body, "org", AUG_20) == {org: iso3}


def test_a_body_word_that_opens_a_title_is_no_body(nlp):
    body = "Kenyan Cabinet Secretary for Trade Rose Wakanyi met President Tom Arkan in Lima."
    assert entities_of(nlp, body, "org", AUG_20) == {}


def test_a_division_a_mission_and_a_force_are_bodies_and_their_acronyms_no_persons(nlp):
    body = (
        "A note from Velmark's Presidential Media Division (PMD) told how President Tom Arkan "
        "met the head of the Velmark Border Assistance Mission (VBAM). The Velmark Interim "
        "Force thanked him."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert sorted(e.name for e in facts.entities if e.kind == "person") == ["Tom Arkan"]
    assert sorted(e.name for e in facts.entities if e.kind == "org") == [
        "Velmark Border Assistance Mission",
        "Velmark Interim Force",
        "Velmark's Presidential Media Division",
    ]


def test_a_title_alone_is_no_body(nlp):
    """ "the Chairperson" told again, whichever label the model gives it."""
    body = (
        "The Chairperson of the Velmark Commission, Rose Wakanyi, met envoys in Lima. "
        "The Chairperson thanked them. The envoys briefed the Chairperson on their visits."
    )
    assert entities_of(nlp, body, "org", AUG_20) == {"Velmark Commission": None}


@pytest.mark.parametrize(
    ("body", "name", "iso3", "alias"),
    [
        ("The Japanese Diet approved the treaty on Monday.", "Japanese Diet", "JPN", None),
        ("The Philippine Senate approved the treaty.", "Philippine Senate", "PHL", None),
        (
            "Data from the Central Agency for Public Mobilization and Statistics (CAPMAS) "
            "showed that trade rose.",
            "Central Agency for Public Mobilization and Statistics",
            None,
            "CAPMAS",
        ),
        ("Ministers of the Pacific Alliance met in Lima.", "Pacific Alliance", None, None),
    ],
)
def test_bodies_named_by_demonym_or_defined_by_an_acronym(nlp, body, name, iso3, alias):
    orgs = {e.name: e for e in facts_of(nlp, body, AUG_20).entities if e.kind == "org"}
    assert list(orgs) == [name]
    assert orgs[name].iso3 == iso3
    assert orgs[name].names == ([name, alias] if alias else [name])


# others: the other organizations the body names
@pytest.mark.parametrize(
    ("body", "org", "others"),
    [
        (
            "He met the Government of Timor-Leste and the Government of the Democratic "
            "Republic of the Congo.",
            "Government of the Democratic Republic of the Congo",
            {"Government of Timor-Leste"},
        ),
        # a programme with its own acronym is a body, not a plan
        (
            "Aid workers from the World Food Programme (WFP) met him.",
            "World Food Programme",
            set(),
        ),
    ],
)
def test_an_organization_noun_before_of_heads_the_name(nlp, body, org, others):
    assert set(entities_of(nlp, body, "org", AUG_20)) == {org} | others


@pytest.mark.parametrize(
    ("body", "org"),
    [
        (
            "The National Assembly of Armenia approved the deal on Monday.",
            "National Assembly of Armenia",
        ),
        ("The Communist Party of China issued a statement on Monday.", "Communist Party of China"),
        # an agency named "... Centre", not a building
        (
            "Officials of the Ghana Investment Promotion Centre met him on Monday.",
            "Ghana Investment Promotion Centre",
        ),
    ],
)
def test_bodies_headed_by_their_noun_and_agencies_named_centre(nlp, body, org):
    assert set(entities_of(nlp, body, "org", AUG_20)) == {org}
    assert org not in entities_of(nlp, body, "place", AUG_20)


# others: the other entities of that kind the body names
@pytest.mark.parametrize(
    ("body", "kind", "name", "others"),
    [
        ("Officials of the ASEAN Secretariat attended.", "org", "ASEAN Secretariat", set()),
        (
            "The ministers met at NATO Headquarters in Brussels.",
            "place",
            "NATO Headquarters",
            {"Brussels"},
        ),
    ],
)
def test_bodies_and_sites_of_organizations(nlp, body, kind, name, others):
    found = {e.name for e in facts_of(nlp, body, JAN_30).entities if e.kind == kind}
    assert found == {name} | others


# others: the other organizations the body names
@pytest.mark.parametrize(
    ("body", "org", "others"),
    [
        # state companies and banks the model takes for persons or misses
        ("Petronas and PT Pertamina signed a deal on Monday.", "Pertamina", {"Petronas"}),
        ("Equinor plans to invest in the project.", "Equinor", set()),
        (
            "Hungary’s Eximbank concluded an agreement on Monday.",
            "Hungarian Export-Import Bank",
            set(),
        ),
        # a party that is no state
        ("Hezbollah rejected the proposal on Monday.", "Hezbollah", set()),
    ],
)
def test_companies_and_movements_from_the_gazetteer(nlp, body, org, others):
    assert set(entities_of(nlp, body, "org", AUG_20)) == {org} | others
    assert not {"Petronas", "Pertamina", "Equinor"} & set(entities_of(nlp, body, "person", AUG_20))


def test_agencies_named_in_the_text(nlp):
    body = "Minister Ana Lopes told SAnews that the talks with Kenya went well."
    orgs = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "org"}
    assert orgs == {"SAnews"}


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a lower-case body word that is not a state's body is no organization
        ("The Lebanese people welcomed the decision on Monday.", "Lebanese people"),
        # an unknown name not after a locative word stays unpublished
        ("Alamein officials welcomed the decision on Monday.", "Alamein"),
    ],
)
def test_no_organization_or_place_without_the_shape(nlp, body, absent):
    names = set(entities_of(nlp, body, "org", AUG_20)) | set(
        entities_of(nlp, body, "place", AUG_20)
    )
    assert absent not in names


# a joint commission of two countries, one written with "d'", its name going on with "of"
@pytest.mark.parametrize(
    "name",
    [
        "Ghana-Côte d'Ivoire Permanent Joint Commission of Cooperation",
        "Ghana-Togo Permanent Joint Commission of Cooperation",
    ],
)
def test_a_joint_commission_of_two_countries(nlp, name):
    body = f"The ministers met at the end of the 3rd session of the {name} on Monday."
    assert set(entities_of(nlp, body, "org", AUG_20)) == {name}


# parties named inside a document's title: bodies headed by "for"/"on", foundations,
# companies and academies
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "A memorandum was signed between the Velmora Institute for Coastal Studies and the "
            "Tarsk Binational Commission on Border Development on Monday.",
            {
                "Velmora Institute for Coastal Studies",
                "Tarsk Binational Commission on Border Development",
            },
        ),
        (
            "A deal was signed between the Ostrava Blue Reef Foundation and Kelvar Events Ltd. "
            "on Monday.",
            {"Ostrava Blue Reef Foundation", "Kelvar Events Ltd."},
        ),
    ],
)
def test_parties_named_in_a_documents_title(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# a head of state's office named by the country's demonym or as "presidential ...": a body,
# not a person; a presidency "of" something is a term of office, no body
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "Omar Kaya visited Chile, the Brazilian Presidency said in a statement.",
            {"Presidency of Brazil"},
        ),
        (
            "Omar Kaya met Tomas Ibarra, the presidential press service said.",
            {"presidential press service"},
        ),
        ("Omar Kaya backed the French presidency of the EU.", {"European Union"}),
        # capitalized on its own, the head of state's office of the article
        ("Omar Kaya will visit Chile on Monday, the Presidency said.", {"Presidency"}),
        ("Omar Kaya thanked the Presidency of the Council of the EU.", {"Council of the EU"}),
    ],
)
def test_a_presidency_is_a_body_not_a_term(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs
    assert set(entities_of(nlp, body, "person", AUG_20)) <= {"Omar Kaya", "Tomas Ibarra"}


# forums: a group and its partners named by a formula, the "Group of N" with its acronym
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        ("Kazakhstan hosted the K7+1 summit in Astana.", {"K7+1"}),
        ("Brazil looks forward to coordination within the Group of 20.", {"Group of Twenty"}),
        ("Prices rose by 5 + 3 percent in Astana.", set()),
    ],
)
def test_forums_named_by_a_formula_or_a_number(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# a state company and its subsidiary, named right after a noun of companies; a day, a title
# or a country after such a noun is no company
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "Fiji will buy a stake in the mobile telecommunications company Telvo.",
            {"Telvo"},
        ),
        (
            "Kenya signed with the state oil company Zarnefta and its subsidiary Zarnefta "
            "Trading on Monday.",
            {"Zarnefta", "Zarnefta Trading"},
        ),
        ("The company Monday said profits rose in Kenya.", set()),
        ("The bank Governor Ali Kaya spoke in Kenya.", set()),
    ],
)
def test_companies_named_after_a_noun_of_companies(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# a noun of bodies that opens a title is a word of that title, no organization
@pytest.mark.parametrize(
    "body",
    [
        "Party General Secretary Tomas Ibarra met Omar Kaya in Hanoi.",
        "Prime Cabinet Secretary Omar Kaya met the press in Nairobi.",
        # ... so is its portfolio before it
        "Kenya will not send troops, Defence Cabinet Secretary Omar Kaya said on Tuesday.",
        # ... and "State and Government" after "Heads of"
        "The extraordinary summit of Heads of State and Government opened in Nairobi.",
    ],
)
def test_a_word_of_a_title_is_no_organization(nlp, body):
    assert set(entities_of(nlp, body, "org", AUG_20)) == set()


def test_a_body_named_in_a_title_is_an_organization(nlp):
    body = "Present was the CEO of the Orvan Telegraph Company, Henrik Brevik."
    assert set(entities_of(nlp, body, "org", AUG_20)) == {"Orvan Telegraph Company"}
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Henrik Brevik"}


@pytest.mark.parametrize(
    ("later", "orgs"),
    [
        # a body's name cut before its joiner, told after it in full: that body
        (
            "The Korva Institute's president said the Velmar Academy would host the next round.",
            {"Korva Institute for International Studies", "Velmar Academy of Sciences"},
        ),
        # ... not when it fits two bodies
        (
            "The Korva Institute for Energy Studies will join them.",
            {
                "Korva Institute for International Studies",
                "Korva Institute for Energy Studies",
                "Velmar Academy of Sciences",
            },
        ),
    ],
)
def test_a_shortened_name_is_the_body_told_in_full(nlp, later, orgs):
    body = (
        "A memorandum was signed between the Korva Institute for International Studies and "
        f"the Velmar Academy of Sciences on Tuesday. {later}"
    )
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == "org"} == orgs


def test_an_organ_named_in_a_title_is_no_organization(nlp):
    body = (
        "President Tom Arkan received a delegation led by Chairman of the Board of Directors "
        "of Korva Power Corporation Lee Min-ho."
    )
    facts = facts_of(nlp, body, JAN_30)
    assert {e.name for e in facts.entities if e.kind == "org"} == {"Korva Power Corporation"}


def test_a_body_of_an_organization_is_named_without_the_article(nlp):
    body = "The Chairperson of the African Union Commission, Ana Lopes, met envoys in Lima."
    assert entities_of(nlp, body, "org", AUG_20) == {"African Union Commission": None}


def test_a_bodys_name_cut_inside_its_title_goes_on(nlp):
    # the model ends the body's name at "Prime"
    body = "The two leaders discussed security, according to the Office of the Prime Minister."
    facts = facts_of(nlp, body, AUG_20)
    assert {(e.kind, e.name) for e in facts.entities} == {("org", "Office of the Prime Minister")}


@pytest.mark.parametrize(
    ("body", "persons", "orgs"),
    [
        # a name the noun after it makes a paper's is a body, not a person
        (
            "President Tom Arkan told the Lanh Dao newspaper that ties were strong.",
            {"Tom Arkan"},
            {"Lanh Dao"},
        ),
        (
            "In an article in Vietnam's Tuoi Tre newspaper, President Tom Arkan said ties were "
            "strong.",
            {"Tom Arkan"},
            {"Tuoi Tre"},
        ),
        # without the noun the same name is a person
        (
            "President Tom Arkan told Lanh Dao that ties were strong.",
            {"Lanh Dao", "Tom Arkan"},
            set(),
        ),
    ],
)
def test_a_name_before_a_papers_noun_is_a_body(nlp, body, persons, orgs):
    assert set(entities_of(nlp, body, "person", AUG_20)) == persons
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


@pytest.mark.parametrize(
    ("body", "org"),
    [
        # the model names "Vietnam Central Committee" a body of its own
        (
            "Tom Arkan met Vo Thanh, general secretary of the Korva Party of Vietnam Central "
            "Committee.",
            "Korva Party of Vietnam Central Committee",
        ),
        # (where the model reads the name whole, it stays whole)
        (
            "Tom Arkan met Vo Thanh, chairman of the Labour Party of Laos Executive Committee, "
            "on Monday.",
            "Labour Party of Laos Executive Committee",
        ),
    ],
)
def test_a_country_right_after_of_goes_on_a_bodys_name(nlp, body, org):
    assert set(entities_of(nlp, body, "org", AUG_20)) == {org}
    assert set(entities_of(nlp, body, "country", AUG_20)) == set()


@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        # an agency named by its acronym alone right after "news agency"
        (
            "Foreign Minister Ilse Marrow told the state news agency TKA that the talks went well.",
            {"TKA"},
        ),
        # one the gazetteer knows keeps its full name
        (
            "Foreign Minister Ilse Marrow told the news agency AFP that the talks went well.",
            {"Agence France-Presse"},
        ),
    ],
)
def test_a_news_agency_by_its_acronym(nlp, body, orgs):
    assert set(by_kind(facts_of(nlp, body, JAN_30), "org")) == orgs


@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "The governments of Kenya and Peru met in Nairobi on Monday.",
            {"Government of Kenya", "Government of Peru"},
        ),
        # (a plural in capitals, as it opens a sentence)
        (
            "THE Governments of Kenya and the Dominican Republic signed a plan on Monday.",
            {"Government of Kenya", "Government of Dominican Republic"},
        ),
        (
            "The embassies of Kenya, Peru and Chile hosted a reception.",
            {"Embassy of Kenya", "Embassy of Peru", "Embassy of Chile"},
        ),
        (
            "The ministries of foreign affairs of Kenya and Peru signed a plan.",
            {"Ministry of Foreign Affairs of Kenya", "Ministry of Foreign Affairs of Peru"},
        ),
    ],
)
def test_the_bodies_of_a_list_of_countries_told_in_lower_case(nlp, body, orgs):
    assert set(by_kind(facts_of(nlp, body, JAN_30), "org")) == orgs


@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        # a body named after a person styled as a ruler or by an honorific
        (
            "The two ministers visited the Sheikh Nasser Al-Rashid Diplomatic Institute.",
            {"Sheikh Nasser Al-Rashid Diplomatic Institute"},
        ),
        (
            "The two ministers visited the King Tamer University on Monday.",
            {"King Tamer University"},
        ),
        # a body's head noun and "for" or "of" after the words of its name
        ("The Agro-Export Bank of Peru signed the loan.", {"Agro-Export Bank of Peru"}),
        (
            "The Velta Norvan Trade Bank of Peru signed the loan.",
            {"Velta Norvan Trade Bank of Peru"},
        ),
    ],
)
def test_bodies_named_after_persons_or_with_long_names(nlp, body, orgs):
    facts = facts_of(nlp, body, JAN_30)
    assert set(by_kind(facts, "org")) == orgs
    assert set(by_kind(facts, "person")) == set()


def test_each_agency_a_dateline_credits_is_an_organization(nlp):
    body = "KARVO, (Zed News / Orvan Wire - 14th Feb, 2021) The minister met the envoy."
    assert set(by_kind(facts_of(nlp, body, JAN_30), "org")) == {"Zed News", "Orvan Wire"}


def test_a_body_tagged_with_the_venue_it_sits_in_is_both(nlp):
    """The model may tag "the Directorate of Press at State House" as one name: a body,
    then its venue after a lower-case "at"; the statement "by" it is its own."""
    body = (
        "As put in a statement by the Directorate of State Press at State House, "
        "President Tomas Reyes will visit Peru on Friday."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert set(by_kind(facts, "org")) == {"Directorate of State Press"}
    assert set(by_kind(facts, "place")) == {"State House"}
    statements = [e for e in facts.events if e.kind == "statement"]
    assert [[p.name for p in e.participants] for e in statements] == [
        ["Directorate of State Press"]
    ]


def test_a_head_of_governments_office_is_a_body_and_its_news_release_a_statement(nlp):
    body = (
        "Prime Minister Tomas Reyes received the Chinese Ambassador Ana Lind on Monday.\n\n"
        "The Prime Minister's Office, in a news release, said both spoke of trade."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert set(by_kind(facts, "org")) == {"Prime Minister's Office"}
    assert sorted((e.kind, sorted(p.name for p in e.participants)) for e in facts.events) == [
        ("meeting", ["Ana Lind", "Tomas Reyes"]),
        ("statement", ["Prime Minister's Office"]),
    ]


def test_a_ministry_in_a_capital_is_that_countrys(nlp):
    body = "The Ministry of Trade in Lusaka said the envoy would arrive in Accra."
    assert entities_of(nlp, body, "org", AUG_20) == {"Ministry of Trade of Zambia": "ZMB"}


def test_a_ministry_met_at_named_by_its_countrys_adjective_is_also_a_venue(nlp):
    body = "Minister Ali Musa met Foreign Minister Marco Rossi at the Italian Foreign Ministry."
    assert entities_of(nlp, body, "place", AUG_20) == {
        "Ministry of Foreign Affairs of Italy": "ITA"
    }
