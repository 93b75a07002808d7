"""Agreements: names, parties, signing and validity of the documents signed; counted and
generic documents, without vague counts or areas, one document named long then short."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, facts_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "name", "parties", "valid"),
    [
        (
            "The visit was crowned by the signing of a cooperation plan between the foreign "
            "ministries of Uzbekistan and Tajikistan for 2025-2027.",
            "cooperation plan between the foreign ministries of Uzbekistan and Tajikistan "
            "for 2025-2027",
            {"UZB", "TJK"},
            ("2025", "2027"),
        ),
        (
            "Prime Minister Tom Whitfield and Jordan hailed the signing of the new "
            "Partnership and Cooperation Agreement between the UK and Jordan today.",
            "Partnership and Cooperation Agreement",
            {"GBR", "JOR"},
            None,
        ),
        # between "the two" or "their" ministries: the article's two countries
        (
            "Foreign Minister Lena Varga of Peru held talks with Foreign Minister Tomas Reyes of "
            "Chile in Lima on Monday. The ministers signed a plan of consultations between the "
            "two foreign ministries for 2031-2033.",
            "plan of consultations between the two foreign ministries for 2031-2033",
            {"PER", "CHL"},
            ("2031", "2033"),
        ),
        (
            "Foreign Minister Lena Varga of Peru held talks with Foreign Minister Tomas Reyes of "
            "Chile in Lima on Monday. The ministers signed a plan of consultations between their "
            "two foreign ministries for 2031-2033.",
            "plan of consultations between their two foreign ministries for 2031-2033",
            {"PER", "CHL"},
            ("2031", "2033"),
        ),
        # in an article that names no country, the bodies it is signed between
        (
            "The memorandum of understanding was signed between the Korva Institute of "
            "Development Economics and the Velmar Institute for Foreign Studies on Monday.",
            "memorandum of understanding",
            {"Korva Institute of Development Economics", "Velmar Institute for Foreign Studies"},
            None,
        ),
        # ... each as its country, the one its name ends in after "of" or its adjective
        (
            "The ministers signed a memorandum on staff training between the Foreign Service "
            "Institute of Kenya and the Ghanaian Institute of Foreign Studies.",
            "memorandum on staff training between the Foreign Service Institute of Kenya and "
            "the Ghanaian Institute of Foreign Studies",
            {"KEN", "GHA"},
            None,
        ),
        # a country the named railway crosses is no party to the agreement
        (
            "Kenya and Ghana signed an agreement on the construction of a trans-Chadian "
            "railway on Monday.",
            "agreement on the construction of a trans-Chadian railway",
            {"KEN", "GHA"},
            None,
        ),
        (
            "Kenya and Ghana signed an agreement on a trans-Ethiopian power line on Monday.",
            "agreement on a trans-Ethiopian power line",
            {"KEN", "GHA"},
            None,
        ),
        # countries that name the stops of a route, beside a place that is no country
        (
            "Kenya and Ghana signed an agreement on the Port Velmar-Chad-Sudan Transport "
            "Corridor on Monday.",
            "agreement on the Port Velmar-Chad-Sudan Transport Corridor",
            {"KEN", "GHA"},
            None,
        ),
        (
            "Kenya and Ghana signed an agreement on the Velmar Port-South Sudan-Ethiopia "
            "corridor on Monday, officials said.",
            "agreement on the Velmar Port-South Sudan-Ethiopia corridor",
            {"KEN", "GHA"},
            None,
        ),
        # a hyphen between countries, or a body and a country, names the parties
        (
            "The Chad-Sudan agreement on border trade was signed on Monday.",
            "Chad-Sudan agreement on border trade",
            {"TCD", "SDN"},
            None,
        ),
        # (the union is a body, no country: the country is the one party we record)
        (
            "The EU-Chad agreement on border trade was signed in Brussels on Monday.",
            "EU-Chad agreement on border trade",
            {"TCD"},
            None,
        ),
    ],
)
def test_agreements(nlp, body, name, parties, valid):
    facts = facts_of(nlp, body, JAN_30)
    (ag,) = facts.agreements
    assert ag.name.startswith(name)  # the parser may hang "between ..." on the signing
    assert {p.key for p in ag.parties} == parties
    assert ag.signed_in is not None and ag.signed_in.kind == "agreement-signing"
    got = (ag.valid_from.value, ag.valid_until.value) if ag.valid_from else None
    assert got == valid


def test_the_one_signed_with_is_a_party_and_no_part_of_the_name(nlp):
    body = (
        "In Nairobi, Minister Arlo Venndal of Japan will sign an agreement on social security "
        "with Kenyan Foreign Minister Tomas Brevik."
    )
    (ag,) = facts_of(nlp, body, JAN_30).agreements
    assert ag.name == "agreement on social security"
    assert {p.key for p in ag.parties} == {"JPN", "KEN"}


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a bare plural left after a vague count names no document
        ("Kenya and Uganda signed some twenty agreements on Monday.", []),
        # a participle inside the name does not end it; the programme is its subject
        (
            "Finland and Japan signed a memorandum of understanding on a working holiday "
            "programme on Monday.",
            ["memorandum of understanding on a working holiday programme"],
        ),
        (
            "Kenya and Tanzania signed a security pact and an LNG supply deal on Monday.",
            ["security pact", "LNG supply deal"],
        ),
        ("Malaysia and Indonesia signed a letter of intent on Monday.", ["letter of intent"]),
        # no document: a deal without a noun before it, a document told again
        ("Kenya said Tanzania got a good deal on Monday.", []),
        ("Kenya and Tanzania said the major bilateral accord would hold.", []),
        # one document named long, then short
        (
            "Kenya and Tanzania signed the Declaration of Principles between Kenya and "
            "Tanzania in Doha. The Declaration of Principles calls for a ceasefire.",
            ["Declaration of Principles between Kenya and Tanzania"],
        ),
        (
            "Turkey and Egypt signed 17 agreements in areas ranging from energy to tourism.",
            ["17 agreements"],
        ),
        (
            "China and Russia signed the minutes of the committee meeting and several "
            "cooperation documents in Beijing on Monday.",
            ["minutes of the committee meeting", "cooperation documents"],
        ),
        # several documents named by their subjects: one group, the whole list its name
        (
            "Kenya and Ghana signed three agreements on trade, energy and health on Monday.",
            ["three agreements on trade, energy and health"],
        ),
        (
            "Kenya and Ghana signed agreements on trade, mining, energy and youth exchanges.",
            ["agreements on trade, mining, energy and youth exchanges"],
        ),
        # a comma that opens no list still ends the name
        (
            "Kenya and Ghana signed a memorandum on fisheries, officials said on Monday.",
            ["memorandum on fisheries"],
        ),
        # the items of a list, each after its marker
        (
            "The following documents were signed by Kenya and Ghana on Monday:\n\n- Treaty on "
            "Friendship between Kenya and Ghana;\n- Memorandum of understanding on fisheries.",
            [
                "Memorandum of understanding on fisheries",
                "Treaty on Friendship between Kenya and Ghana",
            ],
        ),
        (
            "The following documents were exchanged by Kenya and Ghana on Monday:\n1. MoU on "
            "joint fisheries research\n2. Agreement on visa waivers for officials",
            ["Agreement on visa waivers for officials", "MoU on joint fisheries research"],
        ),
        # unsigned plural agreements on a subject are no named documents
        ("Kenya and Ghana discussed agreements on trade and energy.", []),
        # a title's own field is part of it; agreements "in the fields of" trade are not
        (
            "Kenya and Ghana signed a Memorandum of Understanding on Cooperation in the field "
            "of Public Health and two agreements in the fields of trade and energy.",
            [
                "Memorandum of Understanding on Cooperation in the field of Public Health",
                "two agreements",
            ],
        ),
        # ... and so is the one field of a document told in lower case
        (
            "Kenya and Ghana signed a memorandum on joint work in the field of marine fisheries.",
            ["memorandum on joint work in the field of marine fisheries"],
        ),
        # a formal title goes on past "in" with words that name no place; a place ends it
        (
            "Kenya and Ghana signed a Treaty on Cooperation in Customs Matters and an Agreement "
            "on Extradition in Nairobi on Monday.",
            ["Treaty on Cooperation in Customs Matters", "Agreement on Extradition"],
        ),
        # the day it was signed on, or a time it holds for, is no subject of it
        (
            "Kenya and Ghana signed an agreement on Sunday to build a bridge across the river.",
            ["agreement to build a bridge across the river"],
        ),
        (
            "Kenya and Ghana signed a memorandum on fisheries valid for three years.",
            ["memorandum on fisheries"],
        ),
        # a gerund a preposition takes is part of the subject
        (
            "Kenya and Ghana signed a protocol on converting each other's driving licences.",
            ["protocol on converting each other's driving licences"],
        ),
        # a list of adjectives cut before the noun names nothing
        (
            "Kenya and Ghana asked Kaldor for a full, verifiable declaration of its missile "
            "stocks.",
            [],
        ),
        # on whose behalf it was signed is no part of its name
        (
            "Foreign Minister Ana Velor signed a memorandum on fisheries on behalf of Kenya.",
            ["memorandum on fisheries"],
        ),
    ],
)
def test_agreement_names_without_vague_counts_or_areas(nlp, body, names):
    assert sorted(a.name for a in facts_of(nlp, body, AUG_20).agreements) == sorted(names)


# others: the other documents the body names
@pytest.mark.parametrize(
    ("body", "name", "others"),
    [
        ("Egypt and Turkey signed 17 agreements on Wednesday.", "17 agreements", []),
        (
            "The leaders of Korea and Vietnam witnessed the signing of eight memoranda of "
            "understanding.",
            "eight memoranda of understanding",
            [],
        ),
        (
            "China and Russia signed the minutes of the committee meeting and several "
            "cooperation documents.",
            "cooperation documents",  # a vague "several" names no count
            ["minutes of the committee meeting"],
        ),
    ],
)
def test_counted_and_generic_agreements(nlp, body, name, others):
    names = [a.name for a in facts_of(nlp, body, JAN_30).agreements]
    assert sorted(names) == sorted([name, *others])


# documents named by what they describe in apposition, by their purpose, or by the party they
# were signed with; no document in "a number of documents"
@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            "Leaders gathered in Kingston to discuss the PetroZelora initiative, an energy "
            "supply agreement started by Venezuela in 2005.",
            ["PetroZelora initiative"],
        ),
        (
            "The Zarvo Pension Board signed an agreement to purchase a 25 per cent stake in "
            "Fijian mobile operator Telvo.",
            ["agreement to purchase a 25 per cent stake"],
        ),
        # a memorandum's bare name with what it is to do, though the parser hangs the
        # infinitive on the verb; not the date told after it
        (
            "Kenya and Peru signed a memorandum of understanding to establish a mechanism of "
            "political consultations on Monday.",
            ["memorandum of understanding to establish a mechanism of political consultations"],
        ),
        (
            "Kenya and Peru signed an MoU to set up a joint business council.",
            ["MoU to set up a joint business council"],
        ),
        # a name that tells only the document's kind is named by its purpose too, told by
        # an infinitive (which the parser may read as an adjective) or by "aimed at"
        (
            "Kenya and Peru inked a cooperation agreement to mutually waive visas for "
            "holders of service passports.",
            ["cooperation agreement to waive visas for holders of service passports"],
        ),
        (
            "Kenya and Peru signed a bilateral agreement to open direct flights.",
            ["bilateral agreement to open direct flights"],
        ),
        (
            "The two cabinets adopted a declaration aimed at deepening ties between "
            "Kenya and Peru, in trade and in science.",
            ["declaration aimed at deepening ties between Kenya and Peru"],
        ),
        # "memo" is a memorandum
        (
            "Kenya and Peru concluded a memo of cooperation between their trade ministries for "
            "2025-2027.",
            ["memo of cooperation between their trade ministries for 2025-2027"],
        ),
        (
            "A delegation from India signed deals with Malawi on Monday.",
            ["deals with Malawi"],
        ),
        (
            "Omar Kaya signed a number of intergovernmental documents with Turkmenistan on Monday.",
            [],
        ),
        # a list of documents: the name inside the first one's title names no other
        (
            "Kenya and Uganda signed an agreement on the upgrade of the Northern Korva Corridor, "
            "a memorandum of understanding between the ministries of health on vaccines, and a "
            "roadmap for cooperation in fisheries.",
            [
                "agreement on the upgrade of the Northern Korva Corridor",
                "memorandum of understanding between the ministries of health on vaccines",
                "roadmap for cooperation in fisheries",
            ],
        ),
    ],
)
def test_documents_named_by_apposition_purpose_or_party(nlp, body, names):
    assert sorted(a.name for a in facts_of(nlp, body, AUG_20).agreements) == sorted(names)


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        # a country after the name as cut ("during the Polish ... visit") is none of its own
        (
            "Ukraine and Poland signed a memorandum on the joint production of drones and a "
            "roadmap for border infrastructure during Polish Prime Minister Jan Wrobel's visit.",
            {
                "memorandum on the joint production of drones": {"POL", "UKR"},
                "roadmap for border infrastructure": {"POL", "UKR"},
            },
        ),
        # one country in its name tells what it is about, not who signs it
        (
            "Malaysia and Indonesia signed a memorandum of understanding on the protection of "
            "Indonesian domestic workers on Monday.",
            {
                "memorandum of understanding on the protection of Indonesian domestic workers": {
                    "IDN",
                    "MYS",
                }
            },
        ),
        # a country only a town of it tells (where the two met) is no party
        (
            "Foreign Minister Ana Velor met the Minister of Foreign Affairs of Mongolia, Tomas "
            "Brevik, in New York City on the margins of the General Assembly.\n\nThe two "
            "signed a memorandum of understanding on political consultations.",
            {"memorandum of understanding on political consultations": {"MNG"}},
        ),
    ],
)
def test_the_parties_of_a_document_are_its_signers_not_its_subject(nlp, body, parties):
    facts = facts_of(nlp, body, JAN_30)
    assert {a.name: {p.key for p in a.parties} for a in facts.agreements} == parties


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # the model takes "MoU" for a building; "on X" hung on the verb, with a day inside it
        (
            "Malaysia and Indonesia signed an MoU on the protection of Indonesian domestic "
            "workers on Monday.",
            ["MoU on the protection of Indonesian domestic workers"],
        ),
        # where and when it was signed is no subject of it
        ("Malaysia and Indonesia signed an MoU on the sidelines of the summit in May.", []),
        ("Malaysia and Indonesia signed a memorandum on the margins of the summit.", []),
        ("Malaysia and Indonesia signed an agreement on the occasion of the visit.", []),
    ],
)
def test_a_documents_subject_is_not_when_or_where_it_was_signed(nlp, body, names):
    facts = facts_of(nlp, body, JAN_30)
    assert [a.name for a in facts.agreements] == names
    assert [e.name for e in facts.entities if e.kind == "org"] == []


def test_a_roman_numeral_enumerator_is_no_part_of_a_name(nlp):
    body = (
        "The leaders of India and Maldives witnessed the exchange of the following "
        "documents:\n\ni. MoU on Cooperation in the field of Fisheries\n\n"
        "ii. Agreement on the Exemption of Visa for Diplomatic Passport Holders"
    )
    names = [a.name for a in facts_of(nlp, body, JAN_30).agreements]
    assert names == [
        "MoU on Cooperation in the field of Fisheries",
        "Agreement on the Exemption of Visa for Diplomatic Passport Holders",
    ]


def test_a_gerund_after_its_noun_is_part_of_a_list_items_name(nlp):
    # the parser hangs "laundering" on the document as a clause, and runs the item on into
    # the next paragraph
    body = (
        "India and Mauritius held talks in Port Louis today. The following MoUs were "
        "exchanged:\n1. MoU on cooperation in the field of inland fisheries\n2. Agreement on "
        "the prevention of money laundering\n\nPrime Minister Ravi Sharan also announced a "
        "line of credit."
    )
    names = [a.name for a in facts_of(nlp, body, JAN_30).agreements]
    assert sorted(names) == [
        "Agreement on the prevention of money laundering",
        "MoU on cooperation in the field of inland fisheries",
    ]


@pytest.mark.parametrize("form", ["Franco-Greek", "Greco-French"])
def test_a_countrys_combining_form_names_a_party(nlp, form):
    body = f"The leaders welcomed the {form} strategic partnership, signed in 2021."
    facts = facts_of(nlp, body, JAN_30)
    assert {e.key for e in facts.entities if e.kind == "country"} == {"FRA", "GRC"}
