"""Persons: names found whole (particles, initials, suffixes, honorific chains), a surname or
a word of the full name the model missed clustered with it (names folded for case and
accents), and words that are no person (demonyms, the portfolios of a title)."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, AUG_21, JAN_30, by_kind, entities_of, event_rows, facts_of

from communique.mapping.entities.entity import fold, name_words
from communique.mapping.mentions.mention import PERSON, Mention
from communique.mapping.mentions.persons import surnames_left_out

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "person", "alternates"),
    [
        (
            "Foreign Minister Daniyar Sarsenbayev arrived. Sarsenbayev said the talks went well.",
            "Daniyar Sarsenbayev",
            ["Sarsenbayev"],
        ),
        ("President Vadim Korolyov spoke. Later, Korolyov left.", "Vadim Korolyov", ["Korolyov"]),
        (
            "Minister of Foreign Affairs Đỗ Minh Khôi met him. Minister Khôi said so.",
            "Đỗ Minh Khôi",
            ["Khôi"],
        ),
        (
            "Prime Minister of Iraq Ahmed Rida’ Al-Bazzazi came. Al-Bazzazi left.",
            "Ahmed Rida’ Al-Bazzazi",
            ["Al-Bazzazi"],
        ),
        # the surname alone, which the model took for a place or a people
        (
            "Trade Secretary Rose Wakanyi arrived in Lima. Minister Kofi Dantra held talks "
            "with Wakanyi.",
            "Rose Wakanyi",
            ["Wakanyi"],
        ),
        (
            "Trade Secretary Rose Mbarani arrived in Lima. Minister Kofi Dantra held talks "
            "with Mbarani.",
            "Rose Mbarani",
            ["Mbarani"],
        ),
        # a style and the given name alone: the one whose full name begins with it
        (
            "Sheikh Tariq bin Saeed Al Nahari received the envoy. His Highness Sheikh Tariq "
            "affirmed the support of his country.",
            "Tariq bin Saeed Al Nahari",
            ["Sheikh Tariq"],
        ),
        (
            "Prince Faisal bin Mansour Al Qadri arrived. Minister Kofi Dantra met Prince Faisal.",
            "Faisal bin Mansour Al Qadri",
            ["Prince Faisal"],
        ),
        # a family name written with a hyphen ("Al-Qadri") is as long as one without
        (
            "Foreign Minister Sheikh Khalid Al-Rumaithi met Kofi Dantra. Later, Sheikh Khalid "
            "received the envoy.",
            "Khalid Al-Rumaithi",
            ["Sheikh Khalid"],
        ),
    ],
)
def test_a_surname_joins_the_full_name(nlp, body, person, alternates):
    persons = by_kind(facts_of(nlp, body, JAN_30), "person")
    assert [p for p in persons if p != "Kofi Dantra"] == [person]
    assert persons[person].names[1:] == alternates


def test_a_name_a_person_is_known_as_is_that_persons(nlp):
    body = (
        "Prime Minister Arne Holt met the country's president Joko Santoso, also popularly "
        "known as Jokos, at the palace. He was later greeted by Jokos at the gate."
    )
    persons = by_kind(facts_of(nlp, body, JAN_30), "person")
    assert sorted(persons) == ["Arne Holt", "Joko Santoso"]
    assert persons["Joko Santoso"].names == ["Joko Santoso", "Jokos"]


def test_a_word_of_a_full_name_the_model_missed_is_that_person(nlp):
    body = (
        "President Jose Ribamar Tito da Cunha met President Mariana Olvera on Monday. "
        "Tito invited Olvera to visit Brasilia."
    )
    facts = facts_of(nlp, body, AUG_20, dateline=False)
    tito = next(e for e in facts.entities if e.name == "Jose Ribamar Tito da Cunha")
    assert tito.names == ["Jose Ribamar Tito da Cunha", "Tito"] and len(tito.mentions) == 2


def test_a_social_media_handle_after_a_title_is_no_one(nlp):
    body = (
        "In a post on X, Foreign Minister Arlo Venndal wrote: "
        '"Warm conversation with FM @SenatorMarrow today. Discussed our growing cooperation."'
    )
    assert list(by_kind(facts_of(nlp, body, AUG_20, dateline=False), "person")) == ["Arlo Venndal"]


@pytest.mark.parametrize(
    "body",
    [
        # the platform a statement is posted on
        "Foreign Minister Arlo Venndal met Tomas Brevik. He said on Twitter that it went well.",
        # a hashtag on a line of its own, a link and a handle closing a post
        "Foreign Minister Arlo Venndal met Tomas Brevik in Colombo.\n#VenndalInKaldor",
        "Foreign Minister Arlo Venndal met Tomas Brevik pic.twitter.com/XTTwt6hY6G — Kaldor "
        "Post (@kaldor_post) January 20, 2021",
        # a participle opening a sentence
        "Foreign Minister Arlo Venndal met Tomas Brevik.\n\nSharing views on maintaining calm "
        "in the Gulf of Aden, they said quarrels should be settled by talks.",
        # a title-case headline's words the model took for a name
        "Venndal, Brevik Talk Over Phone, Discuss Key Trade Issues\n\nForeign Minister "
        "Arlo Venndal and Tomas Brevik held a telephone conversation on Monday.",
        # a rank set off by commas; a plural country written in the singular
        "Foreign Minister Arlo Venndal came with prime minister, Brigadier (Retd), Tomas "
        "Brevik; and Marshall Island looks forward to their visit.",
    ],
)
def test_a_platform_a_hashtag_a_link_or_a_headlines_verbs_are_no_one(nlp, body):
    persons = by_kind(facts_of(nlp, body, AUG_20, dateline=False), "person")
    assert sorted(persons) == ["Arlo Venndal", "Tomas Brevik"]


def test_a_word_of_a_full_name_the_model_took_for_a_product_is_that_person(nlp):
    # the model tags the given name alone a product; the statement is his
    body = (
        "President Suharno Wijaya met Prime Minister Ana Lopes in Jakarta on Wednesday. "
        '"We have instructed our teams to finish the negotiations as soon as possible," '
        "Suharno said at a joint press statement at the palace."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-21", ["Ana Lopes", "Suharno Wijaya"]),
        ("statement", "2024-08-21", ["Suharno Wijaya"]),
    ]


@pytest.mark.parametrize(("a", "b"), [("Khôi", "khoi"), ("Al-Bazzazi", "al-bazzazi")])
def test_fold_ignores_case_and_accents(a, b):
    assert fold(a) == b
    assert name_words(a) == [b]


# others: the other persons the body names
@pytest.mark.parametrize(
    ("body", "person", "others"),
    [
        (
            "Commission President Greta van der Molen held a call with Prime Minister "
            "Kenta Morishima.",
            "Greta van der Molen",
            {"Kenta Morishima"},
        ),
        # a surname alone before the verb is a person too
        (
            "Rao was received by President His Highness Sheikh Khalid bin Saeed Al Mansoori.",
            "Khalid bin Saeed Al Mansoori",
            {"Rao"},
        ),
        (
            "Argentina's Vice President Lucia Barrenechea attended the dinner.",
            "Lucia Barrenechea",
            set(),
        ),
        # nor is a royal style before a name of two words or more
        (
            "The delegation was received by Prince Nasser bin Fahad Al Rashid in Riyadh.",
            "Nasser bin Fahad Al Rashid",
            set(),
        ),
        # an academic honorific is no part of the name
        (
            "The MoU was signed by the Korva Institute's president, Professor Lena Ostrava, "
            "and Prof. Ivo Dabrek.",
            "Lena Ostrava",
            {"Ivo Dabrek"},
        ),
        # a hyphenated given name whose second part is lower-case, with no title before it
        (
            "President Tom Arkan received a delegation led by Korva Power Corporation "
            "chairman Lee Min-ho.",
            "Lee Min-ho",
            {"Tom Arkan"},
        ),
        (
            "The ministers spoke a week after the dismissal of Pak Song-chol in December.",
            "Pak Song-chol",
            set(),
        ),
    ],
)
def test_names_with_particles_and_honorifics(nlp, body, person, others):
    from communique.mapping.mentions.finder import PERSON, PLACE

    facts = facts_of(nlp, body, JAN_30)
    persons = {e.name for e in facts.entities if e.kind == PERSON}
    assert persons == {person} | others
    # no word of a name is a place, and no honorific is a person
    places = {e.name for e in facts.entities if e.kind == PLACE}
    assert not places & set(person.split())
    assert not any(p.startswith(("His ", "Emir ", "Sheikh ")) for p in persons)


# others: the other persons the body names
@pytest.mark.parametrize(
    ("body", "person", "others"),
    [
        (
            "President Eduardo T. Villacorta Jr. met the press in Manila.",
            "Eduardo T. Villacorta Jr.",
            set(),
        ),
        ("Prime Minister Sheikh Nasrin met the press in Dhaka.", "Sheikh Nasrin", set()),
        (
            "H.E. Mr. Kay Bere Lino Simão met the press in Dili.",
            "Kay Bere Lino Simão",
            set(),
        ),
        # the same honorific with a space between its letters
        (
            "\"Paid a call on the Hon'ble Head of State of the Republic of Zambia, H. E. Mr. "
            'Tomas Brel in Lusaka. Passed on the greetings," Minister Ana Holt tweeted.',
            "Tomas Brel",
            {"Ana Holt"},
        ),
        (
            "Minister Anan Rala met Princess Nouf bint Rakan in Riyadh.",
            "Nouf bint Rakan",
            {"Anan Rala"},
        ),
        ("The talks were chaired by Rt Hon Simon Hartwell in London.", "Simon Hartwell", set()),
        # honorifics of one word or two ("Dato' Seri", "Tan Sri"), and the given name after
        # them alone, which is the same person
        (
            "Prime Minister Dato' Seri Hamid Rahman arrived. Shri Kofi Dantra welcomed Dato' "
            "Seri Hamid to Delhi.",
            "Hamid Rahman",
            {"Kofi Dantra"},
        ),
        ("Minister Tan Sri Azlan Yusof met the press in Kuala Lumpur.", "Azlan Yusof", set()),
        # given names an editor put in brackets before the surname the text writes
        (
            "Minister Ana Velor met Foreign Minister (Tomas Ruiz) Brevik in Lima. Brevik said "
            "little.",
            "Tomas Ruiz Brevik",
            {"Ana Velor"},
        ),
        # initials run together ("K.R.") or written without points ("V K") before a name
        (
            "Minister of External Affairs K.R. Dalumpe met Prime Minister T.N. Varo Sethi.",
            "K.R. Dalumpe",
            {"T.N. Varo Sethi"},
        ),
        # a title's portfolios, which are no one
        (
            "“The minister of Foreign Affairs and National Communities Abroad, Tom Arkan has "
            "taken today a telephone call from his friend,” the release said.",
            "Tom Arkan",
            set(),
        ),
        (
            "The Minister of Foreign Affairs, Regional Integration, and Expatriates, Mr. Tom "
            "Arkan, took a phone call.",
            "Tom Arkan",
            set(),
        ),
        (
            "Foreign minister MA Salim Rahen on Monday said two MoUs are expected to be inked "
            "soon. “Kenya is proud”, Rahen said.",
            "MA Salim Rahen",
            set(),
        ),
        (
            "Minister of State for External Affairs V K Ranpal met the press in Colombo.",
            "V K Ranpal",
            set(),
        ),
        # ... an initial A is no article
        ("Foreign Minister Dr A K Dalumpe met the press in Colombo.", "A K Dalumpe", set()),
        # a two-word honorific the model tags as a name of its own, apart from the name
        (
            "Deputy Prime Minister Datuk Seri Amir Zaki met Prime Minister Datuk Seri Rahim Osman.",
            "Amir Zaki",
            {"Rahim Osman"},
        ),
    ],
)
def test_names_with_initials_suffixes_and_honorific_chains(nlp, body, person, others):
    persons = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "person"}
    assert persons == {person} | others


def test_the_object_of_spoke_to_stays_a_person(nlp):
    body = "Foreign Minister Ali Musa spoke to Omar Saidov on Monday."
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ali Musa", "Omar Saidov"}


def test_a_name_with_an_indefinite_article_is_no_person(nlp):
    """ "the setting up of a Lok Kalyan Kendra": a kind of centre, not a person."""
    body = (
        "President Ali Musa met Prime Minister Tom Arkan. The following documents were "
        "exchanged:\n1. Agreement on the setting up of a Lok Kalyan Kendra in Port Louis"
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ali Musa", "Tom Arkan"}


def test_what_a_document_is_on_is_no_person(nlp):
    body = (
        "President Ali Musa met Prime Minister Tom Arkan on Tuesday. The agreements signed "
        "were:\n- Memorandum of Understanding on Rice Trade;\n- Agreement on Maritime "
        "Cooperation."
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ali Musa", "Tom Arkan"}


def test_the_name_of_a_feast_is_no_person(nlp):
    body = (
        "President Rosa Quispe and President Luis Maraví exchanged congratulations at the "
        "blessed Fitr holiday."
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Luis Maraví", "Rosa Quispe"}


@pytest.mark.parametrize("seat", ["Akorda", "Malacanang"])
def test_a_head_of_states_seat_is_no_person(nlp, seat):
    body = f"President Ali Musa met President Tom Arkan on Monday. {seat} said the talks went well."
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ali Musa", "Tom Arkan"}
    assert seat in entities_of(nlp, body, "place", AUG_20)


def test_a_name_listed_with_a_person_is_a_person(nlp):
    """ "X of A and Y of B": a name the model took for a body, listed with a person."""
    body = (
        "The ministers, Tom Arkan of Chile and Lindiwe Dlamini of South Africa, adopted a "
        "joint communique."
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Tom Arkan", "Lindiwe Dlamini"}
    assert set(entities_of(nlp, body, "country", AUG_20)) == {"Chile", "South Africa"}


def test_a_body_in_apposition_to_a_person_is_no_person(nlp):
    """ "..., X, the Presidential Communications Office said": a body, by its last word."""
    body = (
        "The deal was signed by Minister Tom Arkan and Minister Lindiwe Dlamini, the "
        "Presidential Press Office (PPO) said."
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Tom Arkan", "Lindiwe Dlamini"}
    assert set(entities_of(nlp, body, "org", AUG_20)) == {"Presidential Press Office"}


@pytest.mark.parametrize(
    ("body", "persons", "countries"),
    [
        # a country's name between two words of a name is one of its words
        (
            "President Tom Arkan received the Prime Minister of Portugal, Rui Jordan Alves, "
            "on Monday.",
            {"Tom Arkan", "Rui Jordan Alves"},
            {"Portugal"},
        ),
        # after the name it is told beside it (a name may end in one, but the country is the
        # likelier reading)
        (
            "President Tom Arkan received Prime Minister Rui Alves Jordan on Monday.",
            {"Tom Arkan", "Rui Alves"},
            {"Jordan"},
        ),
    ],
)
def test_a_country_inside_a_name_is_a_word_of_it(nlp, body, persons, countries):
    assert set(entities_of(nlp, body, "person", AUG_20)) == persons
    assert set(entities_of(nlp, body, "country", AUG_20)) == countries


def test_a_bodys_short_name_inside_a_name_is_a_word_of_it(nlp):
    # "Petra" is also the short name of a news agency the gazetteer knows
    body = "Tom Arkan met with the President of Colombia, Lucia Petra, on Monday."
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Tom Arkan", "Lucia Petra"}
    assert set(entities_of(nlp, body, "org", AUG_20)) == set()


def test_no_person_from_a_comma_list_of_portfolios(nlp):
    body = "Minister of Trade, Industry and Competition Tumelo Rakgoale met the press on Monday."
    persons = {e.name for e in facts_of(nlp, body, AUG_20).entities if e.kind == "person"}
    assert persons == {"Tumelo Rakgoale"}


def test_a_demonym_is_never_a_person(nlp):
    facts = facts_of(
        nlp, "Azerbaijani and Georgian ministers met. Kazakh officials agreed.", JAN_30
    )
    assert not by_kind(facts, "person")


@pytest.mark.parametrize(
    ("body", "persons", "places"),
    [
        # a name the model missed, then its title as an apposition
        (
            "Tarek Valdane, Jordan's foreign minister, met Rosa Quispe in Lima on Monday.",
            {"Tarek Valdane", "Rosa Quispe"},
            {"Lima"},
        ),
        (
            "Talia Nordquist Verhoeven, a former president of the council, met Rosa Quispe.",
            {"Talia Nordquist Verhoeven", "Rosa Quispe"},
            set(),
        ),
        # an honorific written as two letters apart ("H E") is no word of the name
        (
            "Muscat – H E Sayyid Salim al Harthi, Minister of Trade, hosted at the ministry, "
            "the Deputy Trade Ministers of Peru, Rosa Quispe and Luis Maraví.",
            {"Sayyid Salim al Harthi", "Rosa Quispe", "Luis Maraví"},
            {"Muscat"},
        ),
        # an apposition that is no title makes no person
        ("Green Valley, the president's hometown, hosted the talks.", set(), None),
        ("Amman, the Jordanian capital, hosted Rosa Quispe on Monday.", {"Rosa Quispe"}, None),
    ],
)
def test_a_name_before_its_title_is_a_person(nlp, body, persons, places):
    facts = facts_of(nlp, body, AUG_20)
    assert set(by_kind(facts, "person")) == persons
    if places is not None:
        assert set(by_kind(facts, "place")) == places
    roles = {(r.person.name, r.label, r.country) for r in facts.roles}
    if "Tarek Valdane" in persons:
        assert roles == {("Tarek Valdane", "Foreign Minister", "JOR")}


def test_a_capital_that_acts_is_a_persons_surname(nlp):
    # a surname that is also a capital's name, as a subject or possessor, is the person;
    # after "in" it stays the city
    body = (
        "President Miguel Santiago met Prime Minister Kofi Dantra in Tokyo. Santiago, who "
        "arrived on Wednesday, will also visit Lima. It is Santiago's second visit."
    )
    facts = facts_of(nlp, body, JAN_30)
    assert by_kind(facts, "person")["Miguel Santiago"].names == ["Miguel Santiago", "Santiago"]
    assert sorted(by_kind(facts, "place")) == ["Lima", "Tokyo"]


def test_a_name_listed_with_a_person_after_a_plural_title_is_a_person(nlp):
    """The model takes the first name of "the two foreign ministers, A and B" for a body."""
    body = (
        "The agreements were signed by the two foreign ministers, Ama Owusu and Kossi Adjo, "
        "after the two presidents held talks at the Jubilee House."
    )
    assert set(entities_of(nlp, body, "person", AUG_20)) == {"Ama Owusu", "Kossi Adjo"}
    assert entities_of(nlp, body, "organization", AUG_20) == {}


def test_names_after_a_plural_title_of_a_country_hold_it_for_that_country(nlp):
    body = (
        "Foreign Minister Hamad al Rawahi hosted at the ministry, Deputy Foreign Ministers "
        "of the Kingdom of Spain, Rosa Quispe and Luis Maraví."
    )
    roles = {(r.person.name, r.label, r.country) for r in facts_of(nlp, body, AUG_20).roles}
    assert roles == {
        ("Hamad al Rawahi", "Foreign Minister", None),
        ("Rosa Quispe", "Deputy Foreign Minister", "ESP"),
        ("Luis Maraví", "Deputy Foreign Minister", "ESP"),
    }


def test_an_abbreviated_honorific_is_no_part_of_the_name(nlp):
    body = (
        "The Emir, HH Sheikh Hamad bin Khalid Al Marri, held talks with President Ali Musa "
        "on Monday. HH the Emir welcomed the guest."
    )
    assert set(by_kind(facts_of(nlp, body, AUG_20), "person")) == {
        "Hamad bin Khalid Al Marri",
        "Ali Musa",
    }


def test_a_fathers_name_after_bin_is_not_the_son(nlp):
    # "Omar III" is the father named in the Crown Prince's name, and the King himself
    body = (
        "His Majesty King Omar III on Sunday received Prime Minister Tomas Ibarra. The "
        "meeting was attended by His Royal Highness Crown Prince Zayd bin Omar III."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert set(by_kind(facts, "person")) == {"Omar III", "Zayd bin Omar III", "Tomas Ibarra"}
    roles = {(r.person.name, r.label) for r in facts.roles}
    assert roles == {
        ("Omar III", "King"),
        ("Zayd bin Omar III", "Crown Prince"),
        ("Tomas Ibarra", "Prime Minister"),
    }


def test_a_fathers_full_name_inside_the_sons_is_the_father(nlp):
    # every word of the King's name is in the Crown Prince's, which goes on with it
    body = (
        "King Tamer bin Rashed Al Mansour sent a cable of condolences to President Arlo "
        "Venndal. Crown Prince Khalid bin Tamer bin Rashed Al Mansour also sent a cable."
    )
    facts = facts_of(nlp, body, AUG_20)
    roles = {(r.person.name, r.label) for r in facts.roles}
    assert roles == {
        ("Tamer bin Rashed Al Mansour", "King"),
        ("Khalid bin Tamer bin Rashed Al Mansour", "Crown Prince"),
        ("Arlo Venndal", "President"),
    }


@pytest.mark.parametrize(
    ("body", "persons"),
    [
        # a family name after the father's still shortens the full name
        (
            "Foreign Minister Hamad bin Rashid Al Qasimi met Tomas Ibarra on Monday. "
            "Al Qasimi said the talks were fruitful.",
            {"Hamad bin Rashid Al Qasimi", "Tomas Ibarra"},
        ),
        # a name ends at a line's end: a headline without a full stop runs into the next line
        (
            "Telephone conversation with President of Uzbekistan Timur Karimov\n\n"
            "Pavel Orlin had a telephone conversation with President of Uzbekistan Timur "
            "Karimov.",
            {"Timur Karimov", "Pavel Orlin"},
        ),
        # a title ends a headline: the dateline's city on the next line is no name
        (
            "Premier hosts Kenyan Deputy Prime Minister\n\n"
            "Oslo (NTV) – Prime Minister Arne Vik received Deputy Prime Minister Ilse Marrow "
            "in Oslo on Monday.",
            {"Arne Vik", "Ilse Marrow"},
        ),
        (
            "Talks with the Foreign Minister\n\nLima, March 3 – Foreign Minister Ilse Marrow met "
            "President Arne Vik on Monday.",
            {"Arne Vik", "Ilse Marrow"},
        ),
        # a title's word between two words of a name is one of its words, after a title
        # or not; after an honorific it is the name's title
        (
            "Foreign Minister Tom Arkan met Foreign Minister Dariush Amir Kazemi on Monday. "
            "The talks were attended by Reza Amir Karimi.",
            {"Tom Arkan", "Dariush Amir Kazemi", "Reza Amir Karimi"},
        ),
        (
            "His Majesty King Haroun received a call from President Ilse Marrow.",
            {"Haroun", "Ilse Marrow"},
        ),
        # a stop glued to the next sentence's first word ends the name
        (
            "Maldivian Foreign Minister Ali Rasheed will visit Dhaka upon the invitation of "
            "his counterpart Dr Karim Hossain.During the visit, they will sign an MoU.",
            {"Ali Rasheed", "Karim Hossain"},
        ),
    ],
)
def test_where_a_full_name_ends(nlp, body, persons):
    assert set(by_kind(facts_of(nlp, body, AUG_20), "person")) == persons


@pytest.mark.parametrize(
    ("body", "persons"),
    [
        # a capitalized function word inside a sentence, right before a name, begins it
        (
            "President Tom Arkan held talks with To Minh Hai, general secretary of the Korva "
            "Party, on Monday.",
            {"To Minh Hai", "Tom Arkan"},
        ),
        (
            "President Tom Arkan received To Minh Hai on Monday. Welcoming the guest, To Minh "
            "Hai said ties were strong.",
            {"To Minh Hai", "Tom Arkan"},
        ),
        # at a sentence's start it is the sentence's word
        (
            "To Tom Arkan, the talks were useful.",
            {"Tom Arkan"},
        ),
    ],
)
def test_a_name_may_begin_with_a_function_word(nlp, body, persons):
    assert set(by_kind(facts_of(nlp, body, AUG_20), "person")) == persons


def test_a_family_name_without_its_article_is_the_persons(nlp):
    body = (
        "Prime Minister Tom Arkan received a call from President Omar al-Haddadi on Monday. "
        "Arkan invited President Haddadi to visit Lima."
    )
    assert set(by_kind(facts_of(nlp, body, AUG_20), "person")) == {"Omar al-Haddadi", "Tom Arkan"}


def test_given_names_in_brackets_after_a_title_join_the_surname(nlp):
    body = "Minister Ana Velor met Foreign Minister (Tomas Ruiz) Brevik in Lima."
    persons = {e.name: e for e in facts_of(nlp, body, AUG_20).entities if e.kind == "person"}
    assert sorted(persons) == ["Ana Velor", "Tomas Ruiz Brevik"]
    roles = {r.person.name: r.label for r in facts_of(nlp, body, AUG_20).roles}
    assert roles == {"Ana Velor": "Minister", "Tomas Ruiz Brevik": "Foreign Minister"}


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # the family name first, then alone, tagged as anything or nothing
        ("Minister Kamiro Yuki met Ana Velor. Kamiro arrived on Sunday.", ["Kamiro"]),
        # a first word two names share names neither; a title word is none's
        ("Kamiro Yuki met Kamiro Sato. Kamiro arrived.", []),
        ("Minister Yuki met President Ana Velor. President arrived.", []),
    ],
)
def test_the_first_word_of_a_name_alone_is_its_one_bearer(nlp, text, alone):
    doc = nlp.make_doc(text)
    names = [(i, i + 2) for i in range(len(doc) - 1) if doc[i].text in ("Kamiro", "Ana")]
    names = [(a, b) for a, b in names if doc[a + 1].is_title]
    kept = [Mention(PERSON, a, b, doc[a:b].text, doc[a:b].text) for a, b in names]
    added = [m.text for m in surnames_left_out(doc, kept) if m not in kept]
    assert added == alone


def test_a_participle_opening_a_sentence_is_no_given_name(nlp):
    body = (
        "President Nikos Andreadis received Prime Minister Kostas Marinos in Nicosia on "
        "Friday.\n\nAddressing Andreadis, Marinos said that the Orvanian president was right."
    )
    persons = set(by_kind(facts_of(nlp, body, AUG_20), "person"))
    assert persons == {"Nikos Andreadis", "Kostas Marinos"}


def test_an_office_the_model_cut_before_its_country_is_no_one(nlp):
    body = (
        '"I received Ambassador Omar Haddad, Consul General of Norway in Kenya, today," said '
        "Deputy Foreign Minister Lena Varga."
    )
    assert set(by_kind(facts_of(nlp, body, AUG_20), "person")) == {"Omar Haddad", "Lena Varga"}


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_title_of_modifier_portfolio_and_head_is_no_one(nlp, label):
    """The model may tag "Special Affairs Advisor" as a body or a person: a modifier and a
    portfolio before a title's head are a title, no one's name (and, left as a person, its
    words would name someone in "Minister of Foreign Affairs" elsewhere)."""
    from spacy.tokens import Span

    from communique.mapping.mentions.ner import from_ner

    doc = nlp("Sheikh Omar Al Harthy, Special Affairs Advisor to the Cabinet, attended.")
    span = Span(doc, 5, 8, label=label)
    assert span.text == "Special Affairs Advisor"
    assert from_ner(span) == []


def test_an_abbreviated_rank_before_a_name_is_no_one(nlp):
    body = (
        "He asked H.E. Gen. Tomas Brel, head of the Orvanian army, to come to Peru. With the "
        "Prime Minister came his defence chief, Lt. Gen. Ilse Marrow."
    )
    facts = facts_of(nlp, body, AUG_20)
    assert set(by_kind(facts, "person")) == {"Tomas Brel", "Ilse Marrow"}
    assert not any("Gen" in name for name in by_kind(facts, "organization"))


def test_a_persons_name_tagged_a_building_is_that_person():
    """ "at the invitation of Koffi Ouedraogo", tagged a building by the model after the
    article named him: the person (the model's slip, written out as its mentions)."""
    from communique.mapping.mentions.mention import Mention
    from communique.mapping.mentions.persons import persons_taken_for_places

    kept = [
        Mention("person", 3, 5, "Koffi Ouedraogo", "Koffi Ouedraogo", None, "title"),
        Mention("place", 8, 9, "Abidjan", "Abidjan", "CIV", "ner", "city"),
        Mention("place", 20, 22, "Koffi Ouedraogo", "Koffi Ouedraogo", None, "ner", "venue"),
        Mention("place", 25, 27, "Ruby Hall", "Ruby Hall", None, "ner", "venue"),
    ]
    assert [(m.kind, m.text) for m in persons_taken_for_places(kept)] == [
        ("person", "Koffi Ouedraogo"),
        ("place", "Abidjan"),
        ("person", "Koffi Ouedraogo"),
        ("place", "Ruby Hall"),
    ]


def test_a_name_the_model_cut_at_its_hyphen_runs_on():
    """ "Omar Al-" and "Omar" tagged apart, "Rashid" between them untagged (the model's
    slip, written out as a parse): one name."""
    import spacy
    from spacy.tokens import Doc, Span

    from communique.mapping.mentions.name_edges import name_span

    words = ["a", "call", "from", "Omar", "Al", "-", "Rashid", "Omar", ",", "the", "envoy"]
    spaces = [True, True, True, True, False, False, True, False, True, True, False]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos + ["DET", "NOUN"])
    doc.ents = [Span(doc, 3, 5, "PERSON"), Span(doc, 7, 8, "PERSON")]
    assert name_span(Span(doc, 3, 5, "PERSON")).text == "Omar Al-Rashid Omar"
