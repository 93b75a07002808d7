"""Whose a date is, clause by clause: a participle going on a dated verb shares its day; the
day of a talking verb is that of the meeting it tells what was said at; a year inside a
range of things ("from the first patrol in 2019 up to ...") dates no event; an event below
a participle with a doer of its own ("the deals struck by the presidents during the session
of the council ... on June 14") is that clause's, not the sentence subject's; a clock time
("At 10:15 both presidents will ...") is of the day told last; with no visit or dated lede
to frame the story, what it tells with no time of its own is on the one day of the events it
tells as done, but for an event a span of time away ("months after signing a deal")."""

from __future__ import annotations

import datetime as dt

import pytest
from mapping_support import event_rows

TUE = dt.date(2022, 7, 5)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Czech Foreign Minister Ilse Marrow will make a working trip to Vienna on "
            "Wednesday, meeting with her Austrian counterpart Tom Brask and President Paul "
            "Ostrova.",
            [
                ("meeting", "2022-07-06", ["Ilse Marrow", "Paul Ostrova", "Tom Brask"]),
                ("visit", "2022-07-06", ["Ilse Marrow"]),
            ],
        ),
        (
            "President Arlo Venn arrived in Nairobi on Monday, holding talks with President "
            "Paul Ostrova.",
            [
                ("talks", "2022-07-04", ["Arlo Venn", "Paul Ostrova"]),
                ("visit", "2022-07-04", ["Arlo Venn"]),
            ],
        ),
    ],
)
def test_a_participle_shares_the_day_of_the_verb_it_goes_on(nlp, body, expected):
    assert event_rows(nlp, body, TUE) == expected


def test_a_meeting_takes_the_day_of_what_was_discussed_at_it(nlp):
    body = (
        "Prime Minister Tomas Ravu held a one-on-one meeting with Prime Minister Jon Malik.\n\n"
        "A planned treaty was one of the main subjects discussed at the meeting today."
    )
    assert event_rows(nlp, body, TUE) == [("meeting", "2022-07-05", ["Jon Malik", "Tomas Ravu"])]


def test_a_year_in_a_range_of_things_dates_no_event(nlp):
    body = (
        "Prime Minister Tomas Ravu held a one-on-one meeting with Prime Minister Jon Malik.\n\n"
        "The meeting also praised the police unit, from the first patrol in 2019 up to the "
        "newest one."
    )
    assert event_rows(nlp, body, TUE) == [("meeting", None, ["Jon Malik", "Tomas Ravu"])]


def test_a_session_under_a_participle_with_its_own_doer_is_its_own(nlp):
    body = (
        "Foreign Minister Kairo Abdel met his colleague Foreign Minister Erlan Tursov in "
        "Astana this week.\n\nAbdel and Tursov also spoke about carrying out the deals "
        "struck by the presidents during the session of the Eurasian Intergovernmental "
        "Council in Bishkek on June 14."
    )
    assert event_rows(nlp, body, TUE) == [
        ("meeting", "2022-06-14", ["Eurasian Intergovernmental Council"]),
        ("meeting", "2022-07", ["Erlan Tursov", "Kairo Abdel"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a day's programme, told as plans: each clock time is of the day told last
        (
            "The Joint Commission of Orvania and Velmora will meet on Wednesday in Arden with "
            "President Tomas Ravu and President Jon Malik.\n\nAt 10:15 both presidents will "
            "lay a wreath at the Liberty Memorial.\n\nRavu will hold talks with Prime Minister "
            "Ana Lind at 19:40 hours.",
            [
                ("ceremony", "2022-07-06", ["Jon Malik", "Tomas Ravu"]),
                (
                    "meeting",
                    "2022-07-06",
                    ["Joint Commission of Orvania", "Jon Malik", "Tomas Ravu"],
                ),
                ("talks", "2022-07-06", ["Ana Lind", "Tomas Ravu"]),
            ],
        ),
        # a clock time with no day told before it dates nothing
        (
            "At 9 a.m. President Tomas Ravu will hold talks with President Jon Malik.",
            [("talks", None, ["Jon Malik", "Tomas Ravu"])],
        ),
    ],
)
def test_a_clock_time_is_of_the_day_told_last(nlp, body, expected):
    assert event_rows(nlp, body, TUE) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the lede's welcome is the day's news: the arrival, the honours and the talks after
        # it are told with no day of their own
        (
            "Prime Minister Ana Lind has welcomed her Fijian counterpart to the Government "
            "Palace.\n\nJon Malik's arrival was marked by a gun salute, and he reviewed a "
            "guard of honour.\n\nThe Fijian leader wrote in the guest book, then went into a "
            "meeting with Ms Lind in the cabinet room.",
            [
                ("ceremony", "2022-07-05", ["Jon Malik"]),
                ("meeting", "2022-07-05", ["Ana Lind", "Fiji", "Jon Malik"]),
                ("meeting", "2022-07-05", ["Ana Lind", "Jon Malik"]),
                ("visit", "2022-07-05", ["Jon Malik"]),
            ],
        ),
        # a signing months before is not of that day, in the lede or after it
        (
            "Prime Minister Ana Lind has welcomed her Fijian counterpart to the Government "
            "Palace, months after signing a maritime pact with the island nation.\n\nJon "
            "Malik's arrival was marked by a gun salute.",
            [
                ("agreement-signing", None, ["Ana Lind", "Fiji"]),
                ("ceremony", "2022-07-05", ["Jon Malik"]),
                ("meeting", "2022-07-05", ["Ana Lind", "Fiji", "Jon Malik"]),
                ("visit", "2022-07-05", ["Jon Malik"]),
            ],
        ),
    ],
)
def test_what_is_told_with_no_time_is_on_the_news_day(nlp, body, expected):
    assert event_rows(nlp, body, TUE) == expected
