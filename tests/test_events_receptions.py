"""Receptions and travels told in the wire styles of agencies that translate from Arabic or
Spanish: the guest named after a date or a place ("received on Tuesday Prime Minister X",
"received this Monday at the ministry the Deputy Minister ..., X"), whose visit "his visit
to the country" is (to the dateline's country); a title alone for each of two holders
("His Highness the Prime Minister and the visiting premier held talks"); and a delegation
led to a country. Each row asserts every event that comes out."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, AUG_21, event_rows, facts_of

pytestmark = pytest.mark.slow


def rows(nlp, body: str) -> list[tuple]:
    """The events as sorted (kind, date, end, participants, host, guest)."""
    return sorted(
        (
            (
                e.kind,
                e.date.value if e.date else None,
                e.date.end if e.date else None,
                sorted(p.name for p in e.participants),
                e.host.key if e.host else None,
                e.guest.name if e.guest else None,
            )
            for e in facts_of(nlp, body, AUG_21).events
        ),
        key=lambda row: tuple(x or "" for x in row),
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the name after the weekday, read by the parser as an adverb of time; "her visit"
        # is the one received's, to the dateline's country
        (
            "DOHA, Aug 20 (ONA) -- His Highness the Emir Sheikh Rashid Tamer Al-Qadri "
            "received at Falcon Palace on Tuesday Norwegian Prime Minister Ilse Marrow, on "
            "the occasion of her official visit to the country.",
            [
                ("meeting", "2024-08-20", None, ["Ilse Marrow", "Rashid Tamer Al-Qadri"],
                 "QAT", None),
                ("visit", "2024-08-20", None, ["Ilse Marrow"], "QAT", "Ilse Marrow"),
            ],
        ),
        # the weekday hung on the possessor of the name; a name that goes on after its
        # regnal number is whose visit it is
        (
            "KUWAIT, Aug 20 (KUNA) -- The Amir of Kuwait, Sheikh Rashid Tamer Al-Qadri, "
            "received at Falcon Palace on Tuesday Jordan's King Talal II bin Hamdan, who "
            "arrived in the country earlier in the day on a brotherly visit.",
            [
                ("meeting", "2024-08-20", None, ["Rashid Tamer Al-Qadri", "Talal II bin Hamdan"],
                 "KWT", None),
                ("visit", "2024-08-20", None, ["Talal II bin Hamdan"], "KWT",
                 "Talal II bin Hamdan"),
            ],
        ),
        # the name in apposition inside the place phrase
        (
            "The Foreign Minister of Orvania, Tomas Vell, received this Monday at the "
            "headquarters of the ministry the Deputy Foreign Minister of Peru, Rosa Quispe "
            "Alarcon, who is on a working visit.",
            [
                ("meeting", "2024-08-19", None, ["Rosa Quispe Alarcon", "Tomas Vell"], None,
                 None),
                ("visit", "2024-08-19", None, ["Rosa Quispe Alarcon"], None,
                 "Rosa Quispe Alarcon"),
            ],
        ),
        # the guest's title hung on the place, the name in apposition on a later phrase
        (
            "The Chairperson of the Velmark Commission, Amadou Kone, received today at the "
            "Commission Headquarters the Special Envoy of the Secretary-General of the "
            "United Nations for the Great Lakes Region, Ms. Helena Lind.",
            [
                ("meeting", "2024-08-21", None, ["Amadou Kone", "Helena Lind"], None, None),
            ],
        ),
    ],
)  # fmt: skip
def test_the_guest_named_after_a_date_or_place(nlp, body, expected):
    assert rows(nlp, body) == expected


def test_two_holders_of_one_title_told_by_title_alone(nlp):
    """The local one is "the Prime Minister"; the one from abroad "the visiting premier"."""
    body = (
        "DOHA, Aug 21 (ONA) -- His Highness the Emir Sheikh Hamad Nasser Al-Barwani received "
        "Norwegian Prime Minister Ilse Marrow on Wednesday, in the presence of His Highness "
        "the Prime Minister Sheikh Rashid Tamer Al-Qadri.\n\n"
        "Later, His Highness the Prime Minister and the visiting premier held talks at "
        "Falcon Palace."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08-21", None,
         ["Hamad Nasser Al-Barwani", "Ilse Marrow", "Rashid Tamer Al-Qadri"], None, None),
        ("talks", "2024-08-21", None, ["Ilse Marrow", "Rashid Tamer Al-Qadri"], None, None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the range under way on the article's day is this year's, though "is leading"
        (
            "Foreign Minister Marta Lind of Sweden is leading a business delegation to Kenya "
            "from August 19 to 22.",
            [("visit", "2024-08-19", "2024-08-22", ["Marta Lind"], "KEN", "Marta Lind")],
        ),
        (
            "Trade Minister Tomas Vell led a trade mission to Ghana last week.",
            [("visit", "2024-08", None, ["Tomas Vell"], "GHA", "Tomas Vell")],
        ),
    ],
)
def test_leading_a_delegation_somewhere_is_a_visit(nlp, body, expected):
    assert rows(nlp, body) == expected


def test_her_visit_is_the_visiting_ones_and_its_days_run_from_its_first(nlp):
    """ "talks with visiting X, as part of her three-day visit from August 19": X's visit,
    of three days from that one; "earlier in the day" is the talks' day, not the visit's
    first."""
    body = (
        "Kenyan President Tomas Vell held talks with visiting Danish Prime Minister Ilse "
        "Marrow in Nairobi on Tuesday, as part of her three-day official visit to Kenya from "
        "August 19.\n\nEarlier in the day, Marrow paid a courtesy call on Vice President "
        "Amani Odhiambo."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08-20", None, ["Amani Odhiambo", "Ilse Marrow"], "KEN", None),
        ("talks", "2024-08-20", None, ["Ilse Marrow", "Tomas Vell"], "KEN", None),
        ("visit", "2024-08-19", "2024-08-21", ["Ilse Marrow"], "KEN", "Ilse Marrow"),
    ]


def test_the_day_told_of_a_tours_first_destination_is_not_the_others(nlp):
    body = (
        "Prime Minister Lena Varga will travel to Kenya, Ghana and Chad next week, her office "
        "announced on Wednesday.\n\nVarga, who will be arriving in Nairobi on Sunday, is "
        "expected to meet President Tomas Vell."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08", None, ["Lena Varga", "Tomas Vell"], None, None),
        ("visit", "2024-08", None, ["Lena Varga"], "GHA", "Lena Varga"),
        ("visit", "2024-08", None, ["Lena Varga"], "TCD", "Lena Varga"),
        ("visit", "2024-08-25", None, ["Lena Varga"], "KEN", "Lena Varga"),
    ]


def test_a_visit_told_after_a_hosting_verb_is_the_guests(nlp):
    """ "X hosted Y ..., on the second day of a state visit": Y's visit, never X's, held (not
    planned), and begun the day before."""
    body = (
        "LONDON — King Edmund hosted President Arturo Salas of Chile at Windsor Castle on "
        "Tuesday, on the second day of a state visit to the United Kingdom."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08-20", None, ["Arturo Salas", "Edmund"], None, None),
        ("visit", "2024-08-19", None, ["Arturo Salas"], "GBR", "Arturo Salas"),
    ]


def test_what_was_done_when_an_event_was_held_takes_its_time(nlp):
    """ "met X during her March visit, when the two leaders signed ...": the signing's time
    is the meeting's."""
    body = (
        "President Lena Varga, who visited Kenya in March, will return to Nairobi in October "
        "for a summit.\n\nVarga met Kenyan President Tomas Vell during her March visit, when "
        "the two leaders signed a declaration on forest protection."
    )
    assert rows(nlp, body) == [
        ("agreement-signing", "2024-03", None, ["Lena Varga", "Tomas Vell"], None, None),
        ("meeting", "2024-03", None, ["Lena Varga", "Tomas Vell"], None, None),
        ("summit", "2024-10", None, ["Lena Varga"], None, None),
        ("visit", "2024-03", None, ["Kenya", "Lena Varga"], "KEN", "Lena Varga"),
    ]


def test_a_visit_wished_to_someone_is_theirs(nlp):
    """ "X welcomed the visiting minister, wishing her a fruitful visit": the visit is the
    visiting minister's (the visit told before), never the one who wishes it."""
    body = (
        "ABU DHABI, 21st August, 2024 (WAM) -- His Highness Sheikh Tomas bin Vell, Deputy "
        "Prime Minister and Minister of Foreign Affairs, today received Dr. Rosa Quispe, "
        "Minister of Foreign Affairs, International Cooperation and Gambians Abroad of the "
        "Republic of The Gambia, who is currently visiting the country.\n\n"
        "Sheikh Tomas welcomed the visiting minister, wishing her a fruitful visit."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08-21", None, ["Rosa Quispe", "Tomas bin Vell"], "ARE", None),
        ("visit", "2024-08-21", None, ["Rosa Quispe"], "ARE", "Rosa Quispe"),
    ]


def test_an_office_received_with_its_holder_in_apposition_is_a_meeting(nlp):
    body = (
        "President Joao Neto on Thursday received in audience the Special Envoy of the "
        "President of Congo, Therese Mbala."
    )
    assert [(e.kind, sorted(p.name for p in e.participants if p.kind == "person"))
            for e in facts_of(nlp, body, AUG_21).events] == [
        ("meeting", ["Joao Neto", "Therese Mbala"])
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an office or a delegation of a named country or body, though no one is named
        (
            "President Joao Neto on Tuesday received the visiting Danish ambassador.",
            [("meeting", "2024-08-20", None, ["Denmark", "Joao Neto"], None, None)],
        ),
        (
            "President Joao Neto on Tuesday received the ambassadors of Denmark and Kenya.",
            [("meeting", "2024-08-20", None, ["Denmark", "Joao Neto", "Kenya"], None, None)],
        ),
        (
            "President Joao Neto received a delegation of the World Bank on Tuesday.",
            [("meeting", "2024-08-20", None, ["Joao Neto", "World Bank"], None, None)],
        ),
        # ... or from it
        (
            "President Joao Neto received a delegation from the Danish government on Tuesday.",
            [("meeting", "2024-08-20", None, ["Government of Denmark", "Joao Neto"], None, None)],
        ),
        (
            "President Joao Neto received a delegation from Kenya on Tuesday.",
            [("meeting", "2024-08-20", None, ["Joao Neto", "Kenya"], None, None)],
        ),
        (
            "President Joao Neto on Tuesday held talks with a delegation of the World Bank.",
            [("talks", "2024-08-20", None, ["Joao Neto", "World Bank"], None, None)],
        ),
        # the holders of a region's offices
        (
            "President Joao Neto hosted European leaders at the palace on Tuesday.",
            [("meeting", "2024-08-20", None, ["Joao Neto"], None, None)],
        ),
        # an office of no one named, or a thing of an office, is no party received
        ("President Joao Neto on Tuesday received the envoys.", []),
        ("President Joao Neto on Tuesday hosted business leaders.", []),
        ("President Joao Neto on Tuesday received the Danish minister's letter.", []),
    ],
)
def test_an_office_of_a_named_side_received_is_a_meeting(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Y, who was greeted by X": X met Y
        (
            "President Rosa Quispe, who was warmly greeted by President Joao Neto at the palace "
            "on Tuesday, said she was grateful.",
            [("meeting", "2024-08-20", None, ["Joao Neto", "Rosa Quispe"], None, None)],
        ),
        # (what a meeting "was followed by" is no party to the next one)
        (
            "The ministers met the Joint Council on Tuesday, which was followed by a meeting "
            "of the Contact Group chaired by Kenya and Uganda.",
            [
                ("meeting", "2024-08-20", None, ["Joint Council"], None, None),
                ("meeting", "2024-08-20", None, ["Kenya", "Uganda"], None, None),
            ],
        ),
    ],
)
def test_one_received_told_by_a_relative_clause(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the word opens the sentence, the parser making it the title's modifier
        (
            "COLOMBO – Visiting Pakistani President Arlo Venndal and Sri Lankan President "
            "Tomas Brevik met on Tuesday at the presidential palace for official talks.",
            [
                ("meeting", "2024-08-20", None, ["Arlo Venndal", "Tomas Brevik"], "LKA", None),
                ("visit", "2024-08-20", None, ["Arlo Venndal"], "LKA", "Arlo Venndal"),
            ],
        ),
        # after the verb, read as a verb of its own whose object is the guest: the visit is
        # where the meeting is
        (
            "Sri Lankan President Tomas Brevik met visiting Pakistani President Arlo Venndal "
            "in Colombo on Monday.",
            [
                ("meeting", "2024-08-19", None, ["Arlo Venndal", "Tomas Brevik"], "LKA", None),
                ("visit", "2024-08-19", None, ["Arlo Venndal"], "LKA", "Arlo Venndal"),
            ],
        ),
        # a visit told otherwise is the one: the word tells no second
        (
            "Sri Lankan President Tomas Brevik met visiting Pakistani President Arlo Venndal "
            "in Colombo on Monday. Venndal arrived in Colombo on Sunday for a three-day visit.",
            [
                ("meeting", "2024-08-19", None, ["Arlo Venndal", "Tomas Brevik"], "LKA", None),
                ("visit", "2024-08-18", "2024-08-20", ["Arlo Venndal"], "LKA", "Arlo Venndal"),
            ],
        ),
    ],
)
def test_a_visit_told_by_visiting_alone_is_the_guests(nlp, body, expected):
    """ "Visiting President X met ...": with no visit told otherwise, the word tells X's visit,
    held where X is met."""
    assert rows(nlp, body) == expected


def test_the_honours_of_one_welcome_told_one_by_one_are_one_ceremony(nlp):
    body = (
        "Prime Minister Arlo Venndal landed in Colombo on Tuesday and reviewed a guard of "
        "honour.\n\nLater on Tuesday Venndal was also given a gun salute at the palace."
    )
    ceremonies = [r for r in rows(nlp, body) if r[0] == "ceremony"]
    assert [(r[0], r[1], r[3]) for r in ceremonies] == [
        ("ceremony", "2024-08-20", ["Arlo Venndal"])
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the place reached on a visit is where it is made
        "KARACHI – Prime Minister Arlo Venndal reached Sri Lanka on Tuesday on a two-day "
        "working visit.",
        # "X is the first ... to visit the country": X's visit, the one told
        "KARACHI – Prime Minister Arlo Venndal reached Sri Lanka on Tuesday on a two-day "
        "working visit.\n\nVenndal is the first prime minister to visit the country in five "
        "years.",
    ],
)
def test_a_visit_reached_and_said_of_its_guest(nlp, body):
    assert rows(nlp, body) == [
        ("visit", "2024-08-20", None, ["Arlo Venndal", "Sri Lanka"], "LKA", "Arlo Venndal")
    ]


def test_a_family_name_written_first_then_alone_is_its_bearer(nlp):
    """ "Tanabe Ryo", then "Tanabe arrived": the first word of the name, alone, is the
    one person whose name begins with it (where the family name comes first)."""
    body = (
        "KATHMANDU – Foreign Minister Ana Velor held talks with visiting Japanese Foreign "
        "Minister Tanabe Ryo on Sunday.\n\nThis is Tanabe's first visit to Nepal. Tanabe "
        "arrived in Nepal on Sunday."
    )
    visits = [r for r in rows(nlp, body) if r[0] == "visit"]
    assert [(r[0], r[1], r[4], r[5]) for r in visits] == [
        ("visit", "2024-08-18", "NPL", "Tanabe Ryo")
    ]


def test_a_place_before_the_visit_noun_is_where_it_goes(nlp):
    """ "his Peru tour": the country named before the noun, the visit told before (not a
    tour of the countries named after it)."""
    body = (
        "Foreign Minister Tomas Brevik held talks in Lima on Wednesday. Brevik is paying a "
        "two-day visit to Peru. Before his Peru tour, Brevik visited Chile and Bolivia."
    )
    visits = [r for r in rows(nlp, body) if r[0] == "visit"]
    assert sorted((r[4], r[5]) for r in visits) == [
        ("BOL", "Tomas Brevik"),
        ("CHL", "Tomas Brevik"),
        ("PER", "Tomas Brevik"),
    ]


def test_credentials_presented_told_again_are_one_ceremony(nlp):
    body = (
        "Three new envoys presented their credentials to President Ana Velor at the State House "
        "on Tuesday.\nThe ambassadors of Chile, Peru and Kenya presented their credentials to "
        "the head of state at a short function.\nThe envoys who presented their credentials "
        "were Tomas Brevik, Arlo Venndal and Rita Dorn."
    )
    ceremonies = [r for r in rows(nlp, body) if r[0] == "ceremony"]
    assert [(r[0], r[1]) for r in ceremonies] == [("ceremony", "2024-08-20")]
    assert "Ana Velor" in ceremonies[0][3]


def test_a_greeting_on_arrival_and_a_state_reception_extended(nlp):
    body = (
        "President Arlo Venn arrived in Nairobi on Tuesday. Prime Minister Abel Dawit "
        "welcomed him upon arrival at the air base, and a state reception was then "
        "held for Mr. Venn."
    )
    assert [(k, d, p) for k, d, _, p, _, _ in rows(nlp, body)] == [
        ("ceremony", "2024-08-20", ["Arlo Venn"]),
        ("visit", "2024-08-20", ["Arlo Venn"]),
    ]


def test_an_arrival_of_one_greeted_is_the_greeted_ones(nlp):
    body = (
        "Prime Minister Arne Holt, who is paying a three-day visit to Norway, met President "
        "Tomas Vell at the palace on Tuesday.\n\nHe was greeted by Vell upon his arrival at "
        "the palace."
    )
    assert [(kind, parts) for kind, _, parts in event_rows(nlp, body, AUG_20)] == [
        ("meeting", ["Arne Holt", "Tomas Vell"]),
        ("visit", ["Arne Holt"]),
    ]
