"""Role titles: the title grammar on plain text, and memberships read from parsed sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.entities.appositions import country_after, last_title, titles_after
from communique.mapping.entities.title_chains import titles_before
from communique.mapping.entities.titled_names import names_after_titles
from communique.mapping.reading.dateline import parse_dateline


@pytest.mark.parametrize(
    ("text", "labels", "country"),
    [
        (
            "Kazakh Deputy Prime Minister and Foreign Minister ",
            ["Deputy Prime Minister", "Foreign Minister"],
            "KAZ",
        ),
        (
            "Kazakh Deputy Prime Minister – Minister of Foreign Affairs ",
            ["Deputy Prime Minister", "Foreign Minister"],
            "KAZ",
        ),
        ("Kyrgyz President ", ["President"], "KGZ"),
        ("Azerbaijan’s Foreign Minister ", ["Foreign Minister"], "AZE"),
        ("Seoul's foreign minister ", ["Foreign Minister"], "KOR"),
        ("renowned Kyrgyz poet ", ["Poet"], "KGZ"),
        ("The Acting President, ", ["Acting President"], None),
        ("with Secretary of State ", ["Secretary of State"], None),
        ("Minister of National Security, ", ["Minister of National Security"], None),
        ("FM ", ["Foreign Minister"], None),
        ("Indian External Affairs Minister ", ["Foreign Minister"], "IND"),
        ("State Councilor and Foreign Minister ", ["State Councillor", "Foreign Minister"], None),
        ("Pope ", ["Pope"], None),
        ("Minister of State at the Ministry of Foreign Affairs ", ["Minister of State"], None),
        (
            "Jordan's Deputy Prime Minister and Minister of Foreign and Expatriates Affairs ",
            ["Deputy Prime Minister", "Minister of Foreign and Expatriates Affairs"],
            "JOR",
        ),
        # a title inside "of the ..." ends the body's name: two titles, not one long one
        (
            "Chairman of the Senate Ali Bek met Deputy Foreign Minister ",
            ["Deputy Foreign Minister"],
            None,
        ),
        ("Cardinal ", ["Cardinal"], None),
        # a portfolio of several words joined by ", and"
        (
            "the Secretary of State for Foreign, Commonwealth, and Development Affairs of the UK, ",
            ["Secretary of State"],
            None,
        ),
        # "and" between capitals belongs to the body's name in the title
        (
            "attended by the CEO of the Orvan Rail and Ferry Company, ",
            ["CEO of the Orvan Rail and Ferry Company"],
            None,
        ),
        ("Mr. ", None, None),
        ("cooperation with Benin, Minister of Foreign Affairs ", ["Foreign Minister"], None),
        # a state minister is a junior minister, not the minister of the portfolio after it
        # a minister of state's portfolio is part of the office
        (
            "Ugandan State Minister for Foreign Affairs ",
            ["Minister of State for Foreign Affairs"],
            "UGA",
        ),
        ("Japan's State Minister of Defense ", ["Minister of State for Defense"], "JPN"),
        (
            "Indian Minister of State for External Affairs ",
            ["Minister of State for External Affairs"],
            "IND",
        ),
        ("the Ethiopian State Minister ", ["Minister of State"], "ETH"),
        # a ministry's department as the portfolio, an honorific before the name
        (
            "Deputy Minister for Political Affairs Dr. ",
            ["Deputy Minister for Political Affairs"],
            None,
        ),
        (
            "Assistant Minister for Consular Affairs ",
            ["Assistant Minister for Consular Affairs"],
            None,
        ),
        # a portfolio written before the title is part of it, and so is its qualifier
        ("Kenyan Agriculture Minister ", ["Agriculture Minister"], "KEN"),
        ("Ghana's Trade and Industry Minister ", ["Trade and Industry Minister"], "GHA"),
        ("Deputy Health Minister ", ["Deputy Health Minister"], None),
        ("Interior Cabinet Secretary ", ["Interior Cabinet Secretary"], None),
        # a body's office "for the" body
        (
            "A spokesperson for the East African Community, ",
            ["Spokesperson for the East African Community"],
            None,
        ),
        # (a known office so written keeps its label)
        ("Foreign Affairs Minister ", ["Foreign Minister"], None),
        # a seat held with the office is no office of its own
        (
            "attended by Minister of State and Member of the Cabinet Dr. ",
            ["Minister of State"],
            None,
        ),
        ("Vice Premier and a member of the Politburo ", ["Vice Prime Minister"], None),
        ("Minister of State and Cabinet Member ", ["Minister of State"], None),
    ],
)
def test_titles_before(text, labels, country):
    chain = titles_before(text)
    if labels is None:
        assert chain is None
        return
    assert [t.label for t in chain.titles] == labels
    assert chain.country == country


@pytest.mark.parametrize(
    ("text", "label", "country"),
    [
        ("President of Tajikistan ", "President", "TJK"),
        ("the Minister of Foreign Affairs of Tajikistan, ", "Foreign Minister", "TJK"),
        ("Prime Minister of Iraq ", "Prime Minister", "IRQ"),
        # a country's name written without its accents
        ("Minister of Foreign Affairs of the Republic of Turkiye ", "Foreign Minister", "TUR"),
        ("Prime Minister of Sao Tome and Principe ", "Prime Minister", "STP"),
    ],
)
def test_country_in_the_title_tail(text, label, country):
    (title,) = titles_before(text).titles
    assert (title.label, title.country) == (label, country)


def test_counterpart_is_a_title():
    chain = titles_before("met with his Turkish counterpart ")
    assert chain.is_counterpart and chain.country == "TUR"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Kyrgyz President Bolot Asanaliev met Foreign Minister Aidar Temirov.",
            ["Bolot Asanaliev", "Aidar Temirov"],
        ),
        ("President Li Wen and President Tom Dube", ["Li Wen", "Tom Dube"]),
        ("The Acting President, Tomas Brevik, said", ["Tomas Brevik"]),
        (
            "Prime Minister of Iraq Kadim Rafa’ Al-Tamimi in Downing Street",
            ["Kadim Rafa’ Al-Tamimi"],
        ),
        ("President Venndal’s official visit", ["Venndal"]),
        ("the president said nothing", []),
        # an honorific opens a name too, with the title in an apposition after it
        ("signed by His Excellency Arlo Venndal, the Kenyan envoy,", ["Arlo Venndal"]),
        ("During the visit, Mr Brevik announced a grant.", ["Brevik"]),
        ("met His Royal Highness Prince Arlo bin Venndal Al Orvan", ["Arlo bin Venndal Al Orvan"]),
        ("His Excellency the Ambassador spoke", []),
        # a regnal number ends a name, unless the name goes on with whose son he is
        ("received King Talal II bin Hamdan, who", ["Talal II bin Hamdan"]),
        ("received King Talal II and Queen Rania", ["Talal II", "Rania"]),
        # the words after the title go on into a body's name: no person
        ("the Director of the National Rail and Ferry Company", []),
        # a title set off by commas after a name is that name's, not the next one's
        (
            "attended by Tomas Ravu, Minister of Foreign Affairs and Trade, Sheikh Omar and",
            [],
        ),
        ("signed by Ilse Marrow, Minister of Trade, Overseas Workers, and Tourism of Velmora.", []),
        # the two names listed after a title in the plural
        (
            "signed by Foreign Ministers Ana Lind and Omar de la Vega.",
            ["Ana Lind", "Omar de la Vega"],
        ),
        (
            "Foreign Ministers Ana Lind of Norway and Omar de la Vega of Peru met.",
            ["Ana Lind", "Omar de la Vega"],
        ),
        # ("of" a portfolio, not a country: no list of two names)
        ("Ministers Ana Lind of the Interior and Omar Vega met.", []),
        # a modifier joined to its title by a hyphen
        ("Norway's Vice-Minister of Foreign Affairs Ana Lind met him.", ["Ana Lind"]),
        # an apostrophe for the ayn ends a word of the name, not the name
        ("welcomed Prime Minister Omar Shia' Al Rawi at the palace", ["Omar Shia' Al Rawi"]),
        # the last word of a body's name after a title's "of the" is no name
        ("Ana Lind, Director of the Bureau of the Trade Committee of Peru, met", []),
        # a month right after the name, before its day's number, is the day's
        ("met Ambassador Robert F. Lindqvist Dec 23, congratulating him", ["Robert F. Lindqvist"]),
        ("met Ambassador Theresa May.", ["Theresa May"]),
    ],
)
def test_names_after_titles(text, names):
    assert [text[a:b] for _, a, b in names_after_titles(text)] == names


@pytest.mark.parametrize(
    ("text", "label", "country", "organization"),
    [
        (", the U.S. Secretary of State, said on Monday", "Secretary of State", "USA", None),
        (", Russia's foreign minister, arrived.", "Foreign Minister", "RUS", None),
        (", who arrived on Monday, said", None, None, None),
        (", the capital of Kazakhstan, hosted", None, None, None),
        # the country closes a list of portfolios past the title's first comma
        (
            ", Minister of Foreign Affairs, International Cooperation and Chileans Abroad of "
            "the Republic of Chile, who is visiting",
            "Foreign Minister",
            "CHL",
            None,
        ),
    ],
)
def test_titles_after_a_name(text, label, country, organization):
    chain = titles_after(text)
    if label is None:
        assert chain is None
        return
    assert ([t.label for t in chain.titles], chain.country) == ([label], country)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a known office with a portfolio added, then the country: the office as written
        (
            ", Minister of Foreign Affairs and Trade of Iceland, said",
            [("Minister of Foreign Affairs and Trade", "ISL")],
        ),
        (
            ", Minister of Foreign Affairs and Cooperation of the Republic of Togo, said",
            [("Minister of Foreign Affairs and Cooperation", "TGO")],
        ),
        (
            ", Minister of Foreign Affairs and Emigrants of the Lebanese Republic, who is",
            [("Minister of Foreign Affairs and Emigrants", "LBN")],
        ),
        # ... but a title after "and" is one of its own
        (
            ", Deputy Prime Minister and Foreign Minister of Norway, said",
            [("Deputy Prime Minister", None), ("Foreign Minister", "NOR")],
        ),
    ],
)
def test_a_portfolio_added_to_a_known_office(text, titles):
    chain = titles_after(text)
    assert [(t.label, t.country) for t in chain.titles] == titles


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("EU Commissioner ", "European Union"),
        ("UN Secretary-General ", "United Nations"),
        ("NATO Secretary General ", "North Atlantic Treaty Organization"),
    ],
)
def test_an_organization_qualifies_a_title(text, organization):
    chain = titles_before(text)
    assert chain.organization == organization and chain.country is None


def test_country_after_a_name():
    assert country_after(" of US, exchanging views") == "USA"
    assert country_after(" said") is None


def _roles(nlp, body: str):
    from communique.mapping.pipeline import extract

    article = Article(
        body=body, date=dt.date(2024, 1, 30), source="t", dateline=parse_dateline(body)
    )
    facts = extract(article, nlp(article.content), nlp)
    return {(r.person.name, r.label, r.country) for r in facts.roles}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the title after a name set off as another noun's apposition is the subject of
        # the clause that follows, not the name's
        (
            "President Kofi Dantra met the press. In a statement by his spokesman, Ama Osei, "
            "the President said the talks went well.",
            {("Kofi Dantra", "President", None), ("Ama Osei", "Spokesperson", None)},
        ),
        # the bare title before a surname is the head of the full one: nothing of its own
        (
            "Foreign Minister Ken Oda met Ms. Ana Reyes, Secretary of Foreign Affairs of the "
            "Philippines. Minister Oda welcomed Secretary Reyes to Tokyo.",
            {
                ("Ken Oda", "Foreign Minister", None),
                ("Ana Reyes", "Secretary of Foreign Affairs", "PHL"),
            },
        ),
        (
            "Minister Ana Reyes met the Ambassador of the Republic of Korea to Mongolia, Kim "
            "Dae-ho. Ambassador Kim Dae-ho thanked the Minister.",
            {("Ana Reyes", "Minister", None), ("Kim Dae-ho", "Ambassador to Mongolia", "KOR")},
        ),
        (
            "Kazakh Deputy Prime Minister and Foreign Minister Aidar Temirov met Kyrgyz President "
            "Bolot Asanaliev in Bishkek.",
            {
                ("Aidar Temirov", "Deputy Prime Minister", "KAZ"),
                ("Aidar Temirov", "Foreign Minister", "KAZ"),
                ("Bolot Asanaliev", "President", "KGZ"),
            },
        ),
        (
            "Azerbaijan’s Foreign Minister Elnur Gasimli on Friday met with his Turkish "
            "counterpart "
            "Kerem Aydin in Baku.",
            {
                ("Elnur Gasimli", "Foreign Minister", "AZE"),
                ("Kerem Aydin", "Foreign Minister", "TUR"),
            },
        ),
        # a counterpart holds the portfolio, not a deputy's rank beside it
        (
            "Tajik Deputy Prime Minister and Foreign Minister Aidar Temirov met his Kyrgyz "
            "counterpart Bolot Asanaliev in Bishkek.",
            {
                ("Aidar Temirov", "Deputy Prime Minister", "TJK"),
                ("Aidar Temirov", "Foreign Minister", "TJK"),
                ("Bolot Asanaliev", "Foreign Minister", "KGZ"),
            },
        ),
        (
            "The delegation included Ghana’s Minister of Foreign Affairs, Abena Owusu Mensah.",
            {("Abena Owusu Mensah", "Foreign Minister", "GHA")},
        ),
        (
            "Minister of Foreign Affairs Trần Văn Hải spoke by phone. Minister Hải proposed "
            "a visit.",
            {("Trần Văn Hải", "Foreign Minister", None)},
        ),
        # counterparts listed: each holds the office of the titled person in that place
        (
            "The meeting was co-chaired by Foreign Minister Sari Pratiwi and Defence Minister "
            "Bima Harjono with their Australian counterparts Penny Walsh and Richard Marlow.",
            {
                ("Sari Pratiwi", "Foreign Minister", None),
                ("Bima Harjono", "Defence Minister", None),
                ("Penny Walsh", "Foreign Minister", "AUS"),
                ("Richard Marlow", "Defence Minister", "AUS"),
            },
        ),
        # a title ending a phrase before the comma is none of the subject's after it
        (
            "Spokesperson Lin Hao spoke on Monday. Asked about a planned meeting with the US "
            "Secretary of State, Lin said he had no information.",
            {("Lin Hao", "Spokesperson", None)},
        ),
        # ... but an apposition to it is its holder
        (
            "He met the Minister of Foreign Affairs of Chile, Tomas Reyes, on Monday.",
            {("Tomas Reyes", "Foreign Minister", "CHL")},
        ),
        # an "opposite number from" a country is the counterpart of that country
        (
            "The envoy held talks with Foreign Minister Tomas Reyes and his opposite number "
            "from Bolivia, Omar Haddad, who is on a visit to Peru.",
            {("Tomas Reyes", "Foreign Minister", None), ("Omar Haddad", "Foreign Minister", "BOL")},
        ),
        # names listed after a plural title: each holds that office
        (
            "The agreements were signed by the two foreign ministers, Ama Owusu and Kossi "
            "Adjo, on Monday.",
            {("Ama Owusu", "Foreign Minister", None), ("Kossi Adjo", "Foreign Minister", None)},
        ),
        (
            "Foreign ministers Lena Varga and Tomas Reyes will hold talks in Quito next month.",
            {("Lena Varga", "Foreign Minister", None), ("Tomas Reyes", "Foreign Minister", None)},
        ),
        # ... each with the country written after it
        (
            "Foreign Ministers Lena Varga of Norway and Tomas Reyes of Peru Friday agreed to "
            "hold a summit.",
            {("Lena Varga", "Foreign Minister", "NOR"), ("Tomas Reyes", "Foreign Minister", "PER")},
        ),
        # ... and after the sentence before it ends (the parser may start one at the name)
        (
            "Ties grew over the years. Presidents Lena Varga and Tomas Reyes exchange visits.",
            {("Lena Varga", "President", None), ("Tomas Reyes", "President", None)},
        ),
        # consular and chargé offices (Vienna Conventions); "Consul General of" the model
        # cut before its country is no one
        (
            '"I received Ambassador Omar Haddad, Consul General of Norway in Kenya, today," '
            "said Deputy Foreign Minister Lena Varga.",
            {
                ("Omar Haddad", "Ambassador", None),
                ("Omar Haddad", "Consul General in Kenya", "NOR"),
                ("Lena Varga", "Deputy Foreign Minister", None),
            },
        ),
        (
            "Foreign Minister Tomas Reyes met the Chargé d'Affaires of Norway, Ilse Marrow.",
            {
                ("Tomas Reyes", "Foreign Minister", None),
                ("Ilse Marrow", "Chargé d'Affaires", "NOR"),
            },
        ),
        # a modifier joined to its title by a hyphen is the modifier of the office
        (
            "Vice-Minister Tomas Reyes of Peru met Ana Lind on Monday.",
            {("Tomas Reyes", "Vice Minister", "PER")},
        ),
        # a counterpart abroad holds the known office the title begins with, not the
        # portfolios listed for the holder's own country
        (
            "The Minister of Foreign Affairs, Trade and Velmoran Expatriates, Tomas Reyes, held "
            "talks in Lima on Monday. Reyes also met his Chilean counterpart, Ana Lind.",
            {
                (
                    "Tomas Reyes",
                    "Minister of Foreign Affairs, Trade and Velmoran Expatriates",
                    None,
                ),
                ("Ana Lind", "Foreign Minister", "CHL"),
            },
        ),
        # "Honourable" before a name and post-nominal letters after it are no part of it
        (
            "With him came the Minister of Finance, Honourable Tomas Reyes MP, on Monday.",
            {("Tomas Reyes", "Minister of Finance", None)},
        ),
        (
            "Chief of Defence Staff Ana Lind met the envoy.",
            {("Ana Lind", "Chief of Defence Staff", None)},
        ),
        # a title with a typeset apostrophe; initials with points inside a name are the name's
        (
            "Peru’s Chargé d’Affaires Omar A.A. Haddad and Chinese Ambassador Lena Varga attended.",
            {
                ("Omar A.A. Haddad", "Chargé d'Affaires", "PER"),
                ("Lena Varga", "Ambassador", "CHN"),
            },
        ),
        # a title's portfolio words before a name are no words of it
        (
            "Minister of Trade Ana Lind, Minister of National Education Omar Haddad, Minister "
            "of National Defense Tomas Reyes also attended the ceremony.",
            {
                ("Ana Lind", "Minister of Trade", None),
                ("Omar Haddad", "Minister of National Education", None),
                ("Tomas Reyes", "Minister of National Defense", None),
            },
        ),
        # a minister delegate (francophone cabinets) is no person "Delegate"
        (
            "The minister received Minister Delegate Tomas Reyes of Peru on Monday.",
            {("Tomas Reyes", "Minister Delegate", "PER")},
        ),
        # ... but in a list that writes each title first, the title after a name's comma
        # opens the next name (its honorific after the comma)
        (
            "With the President travel Minister of Foreign Affairs, Dr Ana Lind, Minister of "
            "Health, Sport and Culture, Mr Omar Haddad, and Minister of Trade, Mr Tomas Reyes.",
            {
                ("Ana Lind", "Foreign Minister", None),
                ("Omar Haddad", "Minister of Health, Sport and Culture", None),
                ("Tomas Reyes", "Minister of Trade", None),
            },
        ),
        # a title set off by commas after a name: that name's, not the next one's
        (
            "The talks, attended by Sheikh Tomas Ravu, Minister of Foreign Affairs and "
            "Trade, Sheikh Omar Haddad and Lena Varga, went well.",
            {("Tomas Ravu", "Foreign Minister", None)},
        ),
        # ... unless that name had its own title before it: a list of titles written first
        (
            "Premier Tomas Vey discussed the grain corridor with Kenyan President Arne Holt, "
            "Chilean Foreign Minister, Ilse Marrow, and Prime Minister Lena Obi of Nepal.",
            {
                ("Tomas Vey", "Prime Minister", None),
                ("Arne Holt", "President", "KEN"),
                ("Ilse Marrow", "Foreign Minister", "CHL"),
                ("Lena Obi", "Prime Minister", "NPL"),
            },
        ),
        # a list of portfolios written first with "Mr": each is the name's after it; a
        # rank and an honorific with their points between a title and a name; "President X"
        # is the president of the two of that surname
        (
            "GARBEN — President Lt Gen. Dr Kagiso Molefe Ian Molefe today leaves for Windhoek "
            "on a state visit. President Molefe is accompanied by Minister of Transport, Mr "
            "Kito Mokae, Minister of Wildlife, Forest Conservation and Heritage, Mr Thabo "
            "Molefe and Minister of Urban Management, Irrigation and Public Services, "
            "Mr Piet Maele. President Molefe returns on Tuesday.",
            {
                ("Kagiso Molefe Ian Molefe", "President", None),
                ("Kito Mokae", "Minister of Transport", None),
                (
                    "Thabo Molefe",
                    "Minister of Wildlife, Forest Conservation and Heritage",
                    None,
                ),
                (
                    "Piet Maele",
                    "Minister of Urban Management, Irrigation and Public Services",
                    None,
                ),
            },
        ),
    ],
)
def test_roles_from_sentences(nlp, body, expected):
    assert _roles(nlp, body) == expected


def test_last_title_written():
    assert last_title("another message from the Kenyan President was delivered to ") == (
        "President"
    )
    assert last_title("another message was delivered to ") is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the counterpart's office is that of the sentence's other person, titled elsewhere
        (
            "Ghana's Prime Minister Tomas Brevik is confident. During a state visit by his "
            "Kenyan counterpart Commodore Arlo Venndal, Mr Brevik announced a grant.",
            {
                ("Tomas Brevik", "Prime Minister", "GHA"),
                ("Arlo Venndal", "Prime Minister", "KEN"),
            },
        ),
        # or the office written without a name earlier in its sentence
        (
            "Last July, a message from the Kenyan President was delivered to the Ghanaian "
            "counterpart, Arlo Venndal. Minister Tomas Brevik was there.",
            {("Arlo Venndal", "President", "GHA"), ("Tomas Brevik", "Minister", None)},
        ),
        # no office to copy: no role
        (
            "Minister Tomas Brevik was there. Later, a message was delivered to the Ghanaian "
            "counterpart, Arlo Venndal.",
            {("Tomas Brevik", "Minister", None)},
        ),
        # a name after an honorific, its title in the apposition
        (
            "The MoU was signed by His Excellency Arlo Venndal, Minister of State for Foreign "
            "Affairs of Ghana, and His Excellency Tomas Brevik, Assistant Minister for African "
            "Affairs at the Ministry of Foreign Affairs of Kenya.",
            {
                ("Arlo Venndal", "Minister of State for Foreign Affairs", "GHA"),
                ("Tomas Brevik", "Assistant Minister for African Affairs", None),
            },
        ),
        # the end of one's title in apposition is no portfolio of the next one's title, and
        # the next one's country no country of the first
        (
            "The MoU was signed by Arlo Venndal, Minister of State for Foreign Trade, and "
            "Kenyan Trade Minister Tomas Brevik.",
            {
                ("Arlo Venndal", "Minister of State for Foreign Trade", None),
                ("Tomas Brevik", "Trade Minister", "KEN"),
            },
        ),
        (
            "The MoU was signed by Arlo Venndal, Minister of State for Foreign Trade, and "
            "Tomas Brevik, Trade Minister of Kenya.",
            {
                ("Arlo Venndal", "Minister of State for Foreign Trade", None),
                ("Tomas Brevik", "Trade Minister", "KEN"),
            },
        ),
    ],
)
def test_counterparts_and_honorifics(nlp, body, expected):
    assert _roles(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the one-word title of a person told before, joined to the next one's: two persons
        (
            "Secretary of State Daniel Halvern spoke today with Foreign Minister Ana Moraru. "
            "The Secretary and Foreign Minister Moraru discussed energy security.",
            {
                ("Daniel Halvern", "Secretary of State", None),
                ("Ana Moraru", "Foreign Minister", None),
            },
        ),
        (
            "President Tom Harlan met Prime Minister Ana Moraru of Moldova. The President and "
            "Prime Minister Moraru discussed trade.",
            {("Tom Harlan", "President", None), ("Ana Moraru", "Prime Minister", "MDA")},
        ),
        # one person's two offices, with no one told before by the first
        (
            "Deputy Prime Minister and Foreign Minister Ana Moraru met the press.",
            {
                ("Ana Moraru", "Deputy Prime Minister", None),
                ("Ana Moraru", "Foreign Minister", None),
            },
        ),
        # a list of titled names, one title with a seat held with it (a royal style after a
        # title is no part of the name)
        (
            "The meeting was attended by Minister of Foreign Affairs Prince Fahd bin Nasser, "
            "Minister of State and Member of the Cabinet Dr. Khalid bin Ali Al-Rashid, and "
            "Ambassador Hamad Al-Otaibi.",
            {
                ("Fahd bin Nasser", "Foreign Minister", None),
                ("Khalid bin Ali Al-Rashid", "Minister of State", None),
                ("Hamad Al-Otaibi", "Ambassador", None),
            },
        ),
        # a head of government's own style
        (
            "President Oleh Marchenko spoke with Taoiseach of Ireland Sean Dolan.",
            {("Oleh Marchenko", "President", None), ("Sean Dolan", "Taoiseach", "IRL")},
        ),
    ],
)
def test_titles_of_two_persons_joined_by_and(nlp, body, expected):
    assert _roles(nlp, body) == expected


def test_his_counterpart_is_the_subjects_not_the_nearest_titled(nlp):
    body = (
        "Foreign Minister Hiro Tana will visit Uzbekistan. Tana will meet with President "
        "Kasym Tokay on Friday and hold talks with his Uzbek counterpart Bakhtiyor Said on "
        "Saturday."
    )
    assert _roles(nlp, body) == {
        ("Hiro Tana", "Foreign Minister", None),
        ("Kasym Tokay", "President", None),
        ("Bakhtiyor Said", "Foreign Minister", "UZB"),
    }


@pytest.mark.parametrize("portfolio", ["Migration", "Immigration", "Refugees"])
def test_a_listed_portfolio_is_no_persons_name(nlp, portfolio):
    body = (
        f"Minister Ana Rahbi received Tomas Vell, Minister of Foreign Affairs, {portfolio} and "
        "Arlanders Abroad of the Republic of Tunisia, who is visiting the country."
    )
    names = {name for name, _, _ in _roles(nlp, body)}
    assert names == {"Ana Rahbi", "Tomas Vell"}


@pytest.mark.parametrize(
    "body",
    [
        # the one named right before "and her counterpart", not the sentence's subject
        "Foreign Minister Tom Brask spoke after a meeting between Prime Minister Ilse Marrow "
        "and her Norwegian counterpart Ola Strand in Arden.",
        "Foreign Minister Tom Brask said Prime Minister Ilse Marrow and her Norwegian "
        "counterpart Ola Strand had agreed on a new ferry line.",
    ],
)
def test_a_counterpart_joined_by_and_is_of_the_one_named_before(nlp, body):
    assert _roles(nlp, body) == {
        ("Tom Brask", "Foreign Minister", None),
        ("Ilse Marrow", "Prime Minister", None),
        ("Ola Strand", "Prime Minister", "NOR"),
    }


@pytest.mark.parametrize(
    "listed",
    [
        "prime minister, Brigadier (Ret'd), Tomas Brevik;",
        "prime minister, Brigadier Tomas Brevik;",
        "prime minister, Tomas Brevik;",
    ],
)
def test_a_rank_between_a_lower_case_title_and_the_name_is_no_one(nlp, listed):
    body = f"President Ilse Marrow came with {listed} and several ministers."
    assert _roles(nlp, body) == {
        ("Ilse Marrow", "President", None),
        ("Tomas Brevik", "Prime Minister", None),
    }


def test_titles_after_names_in_a_list_with_the_body_before_the_office(nlp):
    body = (
        "Present at the talks were Sheikh Khalid Alnasri, Foreign Ministry Undersecretary "
        "for Legal Affairs; Ambassador Munir Al Tahan, Head of the Asia Department; Dr "
        "Lina Sorrel, British Ambassador to Oman; and other officials."
    )
    assert _roles(nlp, body) == {
        ("Khalid Alnasri", "Undersecretary", None),
        ("Munir Al Tahan", "Ambassador", None),
        ("Munir Al Tahan", "Head of the Asia Department", None),
        ("Lina Sorrel", "Ambassador to Oman", "GBR"),
    }
