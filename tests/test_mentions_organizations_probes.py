"""Probes of organizations in real news styles, with made-up bodies and persons (real
countries): each row asserts the whole set of organizations the mapper finds."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, entities_of

pytestmark = pytest.mark.slow


# parties named in a document's title or 'between' which it is signed
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "The two sides signed an MoU between the Dravenia Academy of Sciences and the "
            "Pelsar Institute of Marine Research.",
            {"Dravenia Academy of Sciences", "Pelsar Institute of Marine Research"},
        ),
        (
            "A memorandum of understanding between the Korvath University and the Ansel "
            "Foundation for Education was also signed.",
            {"Ansel Foundation for Education", "Korvath University"},
        ),
        (
            "An agreement on cooperation between the Ministry of Health of Uzbekistan and the"
            " Belmora Medical Centre was signed in Tashkent.",
            {"Belmora Medical Centre", "Ministry of Health of Uzbekistan"},
        ),
        (
            "The documents included a protocol between the State Customs Committee of "
            "Azerbaijan and the Federal Customs Service of Russia.",
            {"Federal Customs Service of Russia", "State Customs Committee of Azerbaijan"},
        ),
        (
            "Also signed was a cooperation agreement between Trelvik Energy and the Ostrand "
            "Development Bank.",
            {"Ostrand Development Bank", "Trelvik Energy"},
        ),
        (
            "An agreement between Kenya and Ethiopia was signed by Omar Kaya and Tomas Ibarra.",
            set(),
        ),
    ],
)
def test_mou_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# news agencies in datelines, bylines and sign-offs
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "ASTANA, AUG 30 /Koravia News/ - Kazakhstan and Oman signed a trade deal on Friday.",
            {"Koravia News"},
        ),
        (
            "NAIROBI (Velta Press) – Kenya and Ethiopia agreed on Monday to expand trade.",
            {"Velta Press"},
        ),
        (
            "Kenya and Ethiopia agreed on Monday to expand trade, the leaders said. (Velta Press)",
            {"Velta Press"},
        ),
        (
            "TASHKENT, Aug. 19 (Dunar Agency) -- Uzbekistan and Turkey signed a deal.",
            {"Dunar Agency"},
        ),
        (
            "Uzbekistan and Turkey signed a deal on Monday. — Dunar News Agency",
            {"Dunar News Agency"},
        ),
        (
            "Baku, August 19, Marlo Info Service. Azerbaijan and Georgia discussed transit on"
            " Monday.",
            {"Marlo Info Service"},
        ),
        (
            "By Amira Selk, Trovan News Agency. Egypt and Jordan held talks in Cairo on Monday.",
            {"Trovan News Agency"},
        ),
        ("HANOI (VNA) – Vietnam and Laos held talks on Monday.", {"Vietnam News Agency"}),
        ("ANKARA (AA) - Türkiye and Georgia held talks on Monday.", {"Anadolu Agency"}),
    ],
)
def test_agency_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# forums, their acronyms and formulas
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        ("Leaders of the Group of Eight met in Italy. The G8 called for calm.", {"Group of Eight"}),
        ("Foreign ministers of the C5+1 format met in Astana on Monday.", {"C5+1"}),
        ("The Valmora Economic Forum opened in Almaty on Monday.", {"Valmora Economic Forum"}),
        (
            "Delegates to the Sarnic Security Dialogue gathered in Singapore.",
            {"Sarnic Security Dialogue"},
        ),
        (
            "He spoke at the third Kestrel Regional Connectivity Forum in Tashkent.",
            {"Kestrel Regional Connectivity Forum"},
        ),
        ("The Group of Seven (G7) issued a statement on Monday.", {"Group of Seven"}),
        (
            "He will attend the annual Quad foreign ministers' meeting in Tokyo.",
            {"Quadrilateral Security Dialogue"},
        ),
        (
            "The ministers met within the framework of the Central Asia plus Japan Dialogue.",
            {"Central Asia plus Japan Dialogue"},
        ),
        (
            "Ministers met in the Central Asia plus Japan format in Tokyo.",
            {"Central Asia plus Japan"},
        ),
    ],
)
def test_forum_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# state companies, their subsidiaries and parents
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        ("The Fendar Oil Company signed a deal with Kazakhstan on Monday.", {"Fendar Oil Company"}),
        (
            "The contract went to Vostrel Logistics, a subsidiary of Karnov Holding.",
            {"Karnov Holding", "Vostrel Logistics"},
        ),
        ("Oman's state energy firm Qarsal Energy will build the plant.", {"Qarsal Energy"}),
        (
            "The National Oil Company of Velaria signed with Kenya.",
            {"National Oil Company of Velaria"},
        ),
        (
            "Teldor Mining Corporation and Brask Steel Group agreed to build a plant in Kenya.",
            {"Brask Steel Group", "Teldor Mining Corporation"},
        ),
        (
            "Drevna Gas, a unit of state-owned Polmar Holding, will supply the gas.",
            {"Drevna Gas", "Polmar Holding"},
        ),
    ],
)
def test_company_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# no organization: a presidential seat as speaker or venue, a word of a title
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        ("The Kremlin said on Monday that the talks with Kazakhstan had gone well.", set()),
        ("The Élysée announced that the president would travel to Senegal.", set()),
        ("Omar Kaya was received at the White House on Monday.", set()),
        ("Ministry spokesman Tomas Ibarra told reporters in Kenya that talks went well.", set()),
        ("Foreign Affairs Minister Ana Lopes visited Ghana on Monday.", set()),
        ("The Ministry said the talks in Nairobi were productive.", set()),
        ("Deputy Foreign Affairs Minister Ana Lopes arrived in Kenya.", set()),
        # a numbered sitting is no body of its own; the body it is of is one
        (
            "The 12th Congress of the Pan-African Postal Union opened in Abidjan.",
            {"Pan-African Postal Union"},
        ),
    ],
)
def test_junk_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


# a country's own body, by its demonym, its name or in the possessive; a government, cabinet,
# presidency or embassy is named "Government of X" however the text puts it
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "Ghana’s government said on Monday that it would reopen the border.",
            {"Government of Ghana": "GHA"},
        ),
        ("The Kenyan government said it would reopen the border.", {"Government of Kenya": "KEN"}),
        ("Angola’s army said the border was calm.", {"Army of Angola": "AGO"}),
        ("Lebanon’s cabinet met on Monday.", {"Cabinet of Lebanon": "LBN"}),
        # the country's name said of the body, with or without an article
        ("Officials of Ghana government said the border was calm.", {"Government of Ghana": "GHA"}),
        ("The Kenya government said it would reopen the border.", {"Government of Kenya": "KEN"}),
        ("The Lebanese army said the border was calm.", {"Lebanese army": "LBN"}),
        # an embassy is one country's, wherever it stands
        ("Ghana's embassy in Oslo said the border was calm.", {"Embassy of Ghana": "GHA"}),
        ("The Ghanaian embassy said the border was calm.", {"Embassy of Ghana": "GHA"}),
        # a term of office is no body
        ("The French presidency of the EU ended in June.", {"European Union": None}),
    ],
)
def test_state_body_probes(nlp, body, orgs):
    assert entities_of(nlp, body, "org", AUG_20) == orgs


# ministries and agencies named in the usual ways
@pytest.mark.parametrize(
    ("body", "orgs"),
    [
        (
            "The Ministry of Energy of Kazakhstan announced the tender on Monday.",
            {"Ministry of Energy of Kazakhstan"},
        ),
        ("Kenya's Agriculture Ministry said exports rose.", {"Ministry of Agriculture of Kenya"}),
        (
            "The Velmar Agency for Investment Promotion opened an office in Dubai.",
            {"Velmar Agency for Investment Promotion"},
        ),
        (
            "The Tarsk Development Authority (TDA) approved the plan. The TDA said work will "
            "begin soon.",
            {"Tarsk Development Authority"},
        ),
        (
            "Officials of the National Bureau of Statistics of Nigeria said inflation rose.",
            {"National Bureau of Statistics of Nigeria"},
        ),
        (
            "The Ghanaian Ministry of Trade and Industry hosted the delegation.",
            {"Ministry of Trade and Industry of Ghana"},
        ),
        (
            "Tajikistan's State Committee on Investments said the deal was signed.",
            {"State Committee on Investments"},
        ),
        (
            "The Korvan Agency for International Development (KAID) funded the project in Kenya.",
            {"Korvan Agency for International Development"},
        ),
        ("Aid came from the Korvan Relief Fund for Sudan on Monday.", {"Korvan Relief Fund"}),
    ],
)
def test_ministry_probes(nlp, body, orgs):
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs


@pytest.mark.parametrize(
    ("body", "persons", "orgs"),
    [
        # a news agency's short name opening a person's name is a given name
        (
            "Secretary of State Daniel Halvern spoke today with Moldovan Foreign Minister Petra "
            "Ionescu.",
            {"Daniel Halvern", "Petra Ionescu"},
            set(),
        ),
        # the agency itself stays one
        (
            "AMMAN, Aug 20 (Petra) -- Minister Ana Ionescu met the envoy.",
            {"Ana Ionescu"},
            {"Petra"},
        ),
    ],
)
def test_an_agencys_name_that_opens_a_persons_is_a_given_name(nlp, body, persons, orgs):
    assert set(entities_of(nlp, body, "person", AUG_20)) == persons
    assert set(entities_of(nlp, body, "org", AUG_20)) == orgs
