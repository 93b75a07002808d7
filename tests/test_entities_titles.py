"""Titles: the office a person holds, read before the name (long titles with comma lists and
bodies, titles outside the short list) and after it ("X, the foreign minister of Y")."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, facts_of

pytestmark = pytest.mark.slow


# others: the roles of the other persons the body names
@pytest.mark.parametrize(
    ("body", "person", "label", "others"),
    [
        (
            "Minister of Trade, Industry and Competition Tumelo Rakgoale met the press.",
            "Tumelo Rakgoale",
            "Minister of Trade, Industry and Competition",
            set(),
        ),
        (
            "The talks were led by Secretary of the Ministry of Water Resources Tanvir Kabir "
            "and Indian Secretary of the Department of Water Resources Sudeshna Ghoshal.",
            "Tanvir Kabir",
            "Secretary",
            {("Sudeshna Ghoshal", "Secretary")},
        ),
        (
            "The talks were led by Secretary of the Ministry of Water Resources Tanvir Kabir "
            "and Indian Secretary of the Department of Water Resources Sudeshna Ghoshal.",
            "Sudeshna Ghoshal",
            "Secretary",
            {("Tanvir Kabir", "Secretary")},
        ),
        (
            "The delegation, including Minister of Agrarian Policy and Food Taras Hrytsenko and "
            "Minister of Energy Oleh Kovalyk, arrived in Warsaw on Monday.",
            "Taras Hrytsenko",
            "Minister of Agrarian Policy and Food",
            {("Oleh Kovalyk", "Minister of Energy")},
        ),
        (
            "Rao was received by President His Highness Sheikh Khalid bin Saeed Al Mansoori.",
            "Khalid bin Saeed Al Mansoori",
            "President",
            set(),
        ),
        # the diplomatic rank in full, whose "Extraordinary" the model takes for a name
        (
            "Minister Ganbat Oyun received Ambassador Extraordinary and Plenipotentiary of "
            "Japan to Mongolia Kenji Mori.",
            "Kenji Mori",
            "Ambassador to Mongolia",
            {("Ganbat Oyun", "Minister")},
        ),
        (
            "Ambassador Extraordinary and Plenipotentiary Anna Berg presented her letters of "
            "credence on Monday.",
            "Anna Berg",
            "Ambassador",
            set(),
        ),
        # an office whose "of" names another office is the name's; the other its principal's
        (
            "President Ganbat Oyun received the Special Envoy of the Chinese President, Li Guowen.",
            "Li Guowen",
            "Special Envoy",
            {("Ganbat Oyun", "President")},
        ),
        # ... but a clause before "of the", even one opening with a title, is no office
        (
            "A parliamentary delegation from Norway led by President of the Storting Arne Viken "
            "arrived in Lisbon on Tuesday for a three-day official visit at the invitation of "
            "the President of the Assembly of the Republic of Portugal, Rita Sousa.",
            "Rita Sousa",
            "President of the Assembly of the Republic of Portugal",
            set(),
        ),
        # a church's head, as a pope, cardinal or archbishop is
        (
            "Minister Ganbat Oyun also met with Patriarch Tikhon of Moscow and All Russia.",
            "Tikhon",
            "Patriarch",
            {("Ganbat Oyun", "Minister")},
        ),
    ],
)
def test_long_titles_and_their_names(nlp, body, person, label, others):
    roles = {(r.person.name, r.label) for r in facts_of(nlp, body, AUG_20).roles}
    assert roles == {(person, label)} | others


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Secretary of National Defense", "Secretary of National Defense"),
        ("Foreign Affairs Secretary", "Foreign Affairs Secretary"),
        ("Head of Government", "Head of Government"),
        ("Advisor to the Prime Minister", "Advisor to the Prime Minister"),
        ("Spokesman for the Secretary-General", "Spokesman for the Secretary-General"),
        ("Treasurer", "Treasurer"),
        ("Minister of Lands and Natural Resources", "Minister of Lands and Natural Resources"),
        ("Minister of Water and Forests", "Minister of Water and Forests"),
        ("Minister of Mines", "Minister of Mines"),
        ("Resident Representative", "Resident Representative"),
        # the heads of a diplomatic mission and their deputies
        ("Head of Mission", "Head of Mission"),
        ("Deputy Chief of Mission", "Deputy Head of Mission"),
    ],
)
def test_titles_outside_the_short_list(nlp, title, label):
    body = f"{title} Omar Said met Minister Ali Kaya in Manila on Monday."
    roles = {(r.person.name, r.label) for r in facts_of(nlp, body, AUG_20).roles}
    assert roles == {("Omar Said", label), ("Ali Kaya", "Minister")}


@pytest.mark.parametrize(
    ("body", "person", "labels"),
    [
        (
            "Battsetseg met Aibek Karimov, who is also Kyrgyzstan's deputy prime minister, "
            "in Ulaanbaatar.",
            "Aibek Karimov",
            {"Deputy Prime Minister"},
        ),
        (
            "Djibouti's Foreign Minister Hassan Ali Robleh was elected chairperson of the "
            "African Union Commission.",
            "Hassan Ali Robleh",
            {"Foreign Minister", "Chairperson of the African Union Commission"},
        ),
        (
            "Carlos Mendes, the foreign minister of Brazil, attended the meeting.",
            "Carlos Mendes",
            {"Foreign Minister"},
        ),
        # an office one is sworn into or takes is one's office
        (
            "Carlos Mendes was sworn in as president of Brazil on Monday.",
            "Carlos Mendes",
            {"President"},
        ),
        (
            "Carlos Mendes, who took office as prime minister in May, called Lima.",
            "Carlos Mendes",
            {"Prime Minister"},
        ),
        # the American spelling of a title is the same title, not a person of its own
        (
            "The meeting was attended by Sheikh Karim Dalan, National Security Advisor, and "
            "senior officials.",
            "Karim Dalan",
            {"National Security Adviser"},
        ),
    ],
)
def test_roles_after_the_name(nlp, body, person, labels):
    roles = facts_of(nlp, body, JAN_30).roles
    got = {(r.person.name, r.label.casefold()) for r in roles}
    assert got == {(person, label.casefold()) for label in labels}


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        # a royal style after a title is no part of the name ("Crown Prince" is a title)
        (
            "Secretary Tom Arkan met today with Varnian Foreign Minister Prince Karim bin Talal "
            "in Jeddah. Crown Prince Omar bin Talal received him later.",
            {
                ("Tom Arkan", "Secretary"),
                ("Karim bin Talal", "Foreign Minister"),
                ("Omar bin Talal", "Crown Prince"),
            },
        ),
        # the model may miss a name after a title "of" a company: its legal form ends the
        # title's "of" phrase
        (
            "Varnian President Tomas Arkel has received Chairman of the Board of Directors of "
            "Velta Holdings SE René Polani, the presidential press service reports.",
            {
                ("Tomas Arkel", "President"),
                ("René Polani", "Chairman of the Board of Directors of Velta Holdings SE"),
            },
        ),
    ],
)
def test_a_name_after_a_royal_style_or_a_companys_title(nlp, body, roles):
    assert {(r.person.name, r.label) for r in facts_of(nlp, body, JAN_30).roles} == roles


# titles split from the name by an honorific or a dash, the country posted to, counterparts
# by another word or with a rank before the name, and appositions after the name that end
# in a clause or are qualified by a possessor
@pytest.mark.parametrize(
    ("body", "roles"),
    [
        (
            "The Ambassador of Norway to Chile, His Excellency Dr. Toma Vilkas, opened the fair.",
            {("Toma Vilkas", "Ambassador to Chile")},
        ),
        (
            "Deputy PM – Economy Minister Ulan Bekov met the press in Bishkek.",
            {("Ulan Bekov", "Deputy Prime Minister"), ("Ulan Bekov", "Economy Minister")},
        ),
        (
            "Omar Kaya, the US Special Envoy for Iran, met the press in Geneva.",
            {("Omar Kaya", "Special Envoy for Iran")},
        ),
        (
            "Foreign Minister Ali Kaya met his Chilean opposite number Tomas Ibarra in Lima.",
            {("Ali Kaya", "Foreign Minister"), ("Tomas Ibarra", "Foreign Minister")},
        ),
        (
            "Prime Minister Ali Kaya hosted his Fijian counterpart Commodore Tomas Ibarra in Suva.",
            {("Ali Kaya", "Prime Minister"), ("Tomas Ibarra", "Prime Minister")},
        ),
        (
            "The memorandum was signed by Ali Kaya, Minister of State for Foreign Affairs of "
            "Sri Lanka on behalf of his ministry.",
            {("Ali Kaya", "Minister of State for Foreign Affairs")},
        ),
        (
            "In Honiara he also met Tomas Ibarra, the incoming cabinet's finance minister.",
            {("Tomas Ibarra", "Finance Minister")},
        ),
        (
            "Assistant Minister for Asian Affairs Ali Kaya met the press in Cairo.",
            {("Ali Kaya", "Assistant Minister for Asian Affairs")},
        ),
        # titles written side by side, after two joined by "and"
        (
            "Deputy Prime Minister and Foreign Minister Senator Ali Kaya met the press.",
            {
                ("Ali Kaya", "Deputy Prime Minister"),
                ("Ali Kaya", "Foreign Minister"),
                ("Ali Kaya", "Senator"),
            },
        ),
        # ... but not a long title's "of the" tail that would run back over the sentence
        (
            "President of the Arvel Commission Tomas Ibarra called Prime Minister Ali Kaya.",
            {("Ali Kaya", "Prime Minister"), ("Tomas Ibarra", "President of the Arvel Commission")},
        ),
        (
            "Ali Kaya met European Union foreign policy chief Tomas Ibarra in Brussels.",
            {("Tomas Ibarra", "Foreign Policy Chief")},
        ),
        # the one whose counterpart it is, named by surname alone as the subject
        (
            "Foreign Minister Alicia Bravomar arrived in Lima on Monday.\n\nEarlier, Bravomar "
            "held talks with her Peruvian counterpart Tomas Ibarra.",
            {("Alicia Bravomar", "Foreign Minister"), ("Tomas Ibarra", "Foreign Minister")},
        ),
        # an abbreviated honorific the tokenizer would split from its point ("Hon" + ".")
        (
            "The Minister of Foreign Affairs of Ghana, Hon. Kofi Mensah, received the envoy.",
            {("Kofi Mensah", "Foreign Minister")},
        ),
        (
            "The new High Commissioner of Malaysia, H.E. Dato' Aminah Rashid, met Emperor "
            "Hironari.",
            {("Aminah Rashid", "High Commissioner"), ("Hironari", "Emperor")},
        ),
        # whose counterpart "her" says: the titled person of a sentence before
        (
            "Foreign Minister Lena Varga met the press in Arden on Monday.\n\nHer Kenyan "
            "counterpart, Tomas Ibarra, thanked Orvania.",
            {("Lena Varga", "Foreign Minister"), ("Tomas Ibarra", "Foreign Minister")},
        ),
        # the press's name for a foreign minister, in lower case before the name
        (
            "Arden's top diplomat Lena Varga held talks with her Kenyan counterpart Tomas "
            "Ibarra in Nairobi.",
            {("Lena Varga", "Foreign Minister"), ("Tomas Ibarra", "Foreign Minister")},
        ),
        # two titles joined by a slash
        (
            "High Representative/Vice-President Lena Varga met Tomas Ibarra in Brussels.",
            {("Lena Varga", "High Representative"), ("Lena Varga", "Vice President")},
        ),
        # an Indian honorific is no part of the name
        (
            "External Affairs Minister Tarun Mehra called on Vice President Shri Anil Prakash "
            "Joshi.",
            {
                ("Tarun Mehra", "Foreign Minister"),
                ("Anil Prakash Joshi", "Vice President"),
            },
        ),
        # a title in lower case right before a name the model took for a place
        (
            "The talks went well, according to department spokesperson Tamsin Reeve.",
            {("Tamsin Reeve", "Spokesperson")},
        ),
        # a title whose portfolio goes on after "and", then the name
        (
            "President Ali Kaya received Minister of Foreign Affairs and Trade of Hungary "
            "Tomas Ibarra on Tuesday.",
            {("Ali Kaya", "President"), ("Tomas Ibarra", "Minister of Foreign Affairs and Trade")},
        ),
        # ... and a portfolio's word before a semicolon is no name
        (
            "The talks were attended by Sheikh Ali Kaya, Minister of Foreign Affairs; and "
            "Tomas Ibarra, Minister of Defense.",
            {("Ali Kaya", "Foreign Minister"), ("Tomas Ibarra", "Defence Minister")},
        ),
        # a cabinet secretary holds a portfolio as a minister does
        (
            "Prime Cabinet Secretary and Cabinet Secretary for Foreign Affairs Ali Kaya met "
            "the press.",
            {
                ("Ali Kaya", "Prime Cabinet Secretary"),
                ("Ali Kaya", "Cabinet Secretary for Foreign Affairs"),
            },
        ),
        # a counterpart with a title of their own holds that office
        (
            "Foreign Minister Ali Kaya is in Lima. Kaya and Defence Minister Tomas Ibarra will "
            "meet their Peruvian counterparts, Foreign Minister Ana Velor and Defence Minister "
            "Lea Moro, on Monday.",
            {
                ("Ana Velor", "Foreign Minister"),
                ("Lea Moro", "Defence Minister"),
                ("Ali Kaya", "Foreign Minister"),
                ("Tomas Ibarra", "Defence Minister"),
            },
        ),
        # the counterpart's country written after the title
        (
            "Foreign Minister Ali Kaya met his counterpart from Ecuador, Tomas Ibarra, in Quito.",
            {("Ali Kaya", "Foreign Minister"), ("Tomas Ibarra", "Foreign Minister")},
        ),
        # a title in lower case, then a comma and the name
        (
            "The message was handed over by the Angolan finance minister, Tomas Ibarra.",
            {("Tomas Ibarra", "Finance Minister")},
        ),
        # the styles of Commonwealth ministers between the title and the name
        (
            "Minister for Foreign Affairs Senator the Hon Rose Wakanyi will travel to Fiji.",
            {("Rose Wakanyi", "Foreign Minister")},
        ),
        (
            "Minister for Trade the Hon. Tomas Ibarra met the ambassador in Lima.",
            {("Tomas Ibarra", "Minister for Trade")},
        ),
        # a portfolio of communities is a title's words, not a name before the holder's
        (
            "The talks were held in the presence of the Minister of Foreign Affairs and "
            "National Community Abroad, Tomas Ibarra.",
            {("Tomas Ibarra", "Minister of Foreign Affairs and National Community Abroad")},
        ),
        (
            "President Ali Kaya received the European Commissioner for International "
            "Partnerships Tomas Ibarra on Tuesday.",
            {("Ali Kaya", "President"), ("Tomas Ibarra", "Commissioner")},
        ),
        # "Ambassador" after the office held: a career diplomat's honorific
        (
            "Kenya's Foreign Minister, Ambassador Tomas Ibarra, met the press in Nairobi.",
            {("Tomas Ibarra", "Foreign Minister")},
        ),
        (
            "The Kenyan Ambassador to Ghana, Ambassador Tomas Ibarra, met the press in Accra.",
            {("Tomas Ibarra", "Ambassador to Ghana")},
        ),
        # ... but an envoy's own title, alone
        (
            "Ambassador Tomas Ibarra met the press in Accra.",
            {("Tomas Ibarra", "Ambassador")},
        ),
        # a title after a name's comma that runs into the next name is that name's
        (
            "Court Chief Ana Velor, Director of the Office of His Majesty Omar Haddad and "
            "the ambassador attended the meeting.",
            {("Omar Haddad", "Director of the Office of His Majesty")},
        ),
        # ... but one closed by a comma is the name's before it
        (
            "Ana Velor, Director of the Office of His Majesty, met Omar Haddad.",
            {("Ana Velor", "Director of the Office of His Majesty")},
        ),
        # ... and a title with no known style after "of" ends before it
        (
            "Cardinal Ana Velor, Chancellor of His Beatitude, met Omar Haddad.",
            {("Ana Velor", "Cardinal"), ("Ana Velor", "Chancellor")},
        ),
        # a portfolio listed with a people's name before it; a promotion portfolio
        (
            "The Minister of Foreign Affairs, Regional Cooperation and Valdorian Expatriates, "
            "Omar Haddad, met the press.",
            {
                (
                    "Omar Haddad",
                    "Minister of Foreign Affairs, Regional Cooperation and Valdorian Expatriates",
                )
            },
        ),
        (
            "Minister of Commerce, Industry and Investment Promotion Omar Haddad met the press.",
            {("Omar Haddad", "Minister of Commerce, Industry and Investment Promotion")},
        ),
    ],
)
def test_titles_split_from_the_name(nlp, body, roles):
    got = {(r.person.name, r.label) for r in facts_of(nlp, body, AUG_20).roles}
    assert got == roles


def test_a_title_that_runs_into_another_name_is_none_of_this_ones(nlp):
    # an official release's opening: each title is its own name's, neither runs on into
    # the other name nor into the clause after it
    body = (
        "At the invitation of President of the Republic of Chile Ana Lopes, President of the "
        "Republic of Peru Omar Haddad will pay a state visit to Chile from March 3 to 5."
    )
    roles = {(r.person.name, r.label, r.country) for r in facts_of(nlp, body, AUG_20).roles}
    assert roles == {("Ana Lopes", "President", "CHL"), ("Omar Haddad", "President", "PER")}


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        # a lower-case title's "for the ..." runs on as a sentence: no office, and the town
        # it ends at no one's name
        (
            "President Ana Lopes thanked the crown prince for the Kingdom's efforts in "
            "co-chairing the conference on water held in New York last month.",
            {("Ana Lopes", "President", None)},
        ),
        # a short lower-case "of the ..." is one
        (
            "The delegation called on the President of the upper house of the Korvan parliament, "
            "Lena Marr, on "
            "Monday.",
            {("Lena Marr", "President of the upper house of the Korvan parliament", None)},
        ),
    ],
)
def test_a_titles_words_after_of_or_for_are_few(nlp, body, roles):
    facts = facts_of(nlp, body, AUG_20)
    assert {(r.person.name, r.label, r.country) for r in facts.roles} == roles


@pytest.mark.parametrize(
    ("body", "roles", "orgs"),
    [
        # a body's office with a region it covers, then the name
        (
            "President Omar Haddad received Special Representative of the European Union for "
            "Central Asia Ana Velor.",
            {
                ("Omar Haddad", "President"),
                ("Ana Velor", "Special Representative of the European Union for Central Asia"),
            },
            {"European Union"},
        ),
        # an office held in a country
        (
            "Agency Chief Representative in Bangladesh Kenji Arata signed the loan agreements.",
            {("Kenji Arata", "Chief Representative in Bangladesh")},
            set(),
        ),
    ],
)
def test_offices_of_bodies_and_in_countries_before_a_name(nlp, body, roles, orgs):
    facts = facts_of(nlp, body, AUG_20)
    assert {(r.person.name, r.label) for r in facts.roles} == roles
    assert {e.name for e in facts.entities if e.kind == "org"} == orgs
    assert {e.name for e in facts.entities if e.kind == "place"} == set()


def test_a_monarch_or_pope_known_by_one_name_is_named_with_the_title_too(nlp):
    body = (
        "His Majesty King Oskar IV received President Lena Varga on Monday. Later, Varga met "
        "Pope Severin at the Vatican."
    )
    facts = facts_of(nlp, body, JAN_30)
    names = {e.name: sorted(e.names) for e in facts.entities if e.kind == "person"}
    assert names == {
        "Oskar IV": ["King Oskar IV", "Oskar IV"],
        "Lena Varga": ["Lena Varga", "Varga"],
        "Severin": ["Pope Severin", "Severin"],
    }
