"""Event dates: the date of the event's own clause at the text's precision, ranges and
multi-day visits, months ahead of or behind the article, planned events, dates taken from the
lede, from the event told before or the one it happened during, and dates that date no event
(the day of a report, "since")."""

from __future__ import annotations

import datetime as dt

import pytest
from mapping_support import (
    AUG_20,
    AUG_21,
    JAN_30,
    article_of,
    dates_by_kind,
    event_rows,
    events_of,
    extract_facts,
    facts_of,
)

pytestmark = pytest.mark.slow

VISIT = (
    "President Adi Kusumo and Prime Minister Graham Tolliver issued a joint communique on "
    "Wednesday at the end of a two-day state visit. "
)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "President Talant Osmonaliev met Foreign Minister Daulet Serikbayev at a Jan. 29 "
            "meeting.",
            "2024-01-29",
        ),
        (
            "Foreign Minister Daulet Serikbayev paid an official visit to Turkmenistan last week.",
            "2024-01",
        ),
        (
            "President Talant Osmonaliev paid a state visit to Turkmenistan in March 2021.",
            "2021-03",
        ),
        (
            "On Monday, President Talant Osmonaliev met Foreign Minister Daulet Serikbayev.",
            "2024-01-29",
        ),
        ("President Talant Osmonaliev met Foreign Minister Daulet Serikbayev.", None),
        # a relative clause of taking place, hung by the parser on the place visited
        (
            "Foreign Minister Daulet Serikbayev recalled the state visit of the President of "
            "Peru, Arlo Venn, to Kenya, which took place in May last year.",
            "2023-05",
        ),
        # a day told inside the year told first is the closer date
        (
            "King Tamer will open this year’s summit, set to be held on Wednesday in Aqaba.",
            "2024-01-31",
        ),
        # "is to be held" lies ahead, as "to be held" does
        (
            "King Tamer will open this year’s summit, which is to be held on Wednesday in Aqaba.",
            "2024-01-31",
        ),
    ],
)
def test_event_dates_at_the_texts_precision(nlp, body, date):
    (ev,) = events_of(nlp, body, JAN_30)
    assert (ev.date.value if ev.date else None) == date


def test_a_range_keeps_start_and_end(nlp):
    (ev,) = events_of(
        nlp,
        "Foreign Minister Zohaib Anwar Malik had paid a working visit to Austria on October 6-7.",
        dt.date(2022, 10, 10),
    )
    assert (ev.date.value, ev.date.end) == ("2022-10-06", "2022-10-07")


def test_a_concluded_visit_began_days_before(nlp):
    body = "Prime Minister Ana Lopes concluded a three-day visit to Ghana on Monday."
    (visit,) = events_of(nlp, body, JAN_30, "visit")
    assert (visit.date.value, visit.date.end) == ("2024-01-27", "2024-01-29")


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ("Foreign Minister Ana Lopes, who is on a four-day visit to Chile through Thursday, "
         "will meet President Jose Ruiz on Tuesday.", ("2024-08-19", "2024-08-22")),
        ("Foreign Minister Ana Lopes is on a three-day visit to Chile until Friday.",
         ("2024-08-21", "2024-08-23")),
        ("Foreign Minister Ana Lopes was on a two-day visit to Chile until Monday.",
         ("2024-08-18", "2024-08-19")),
    ],
)  # fmt: skip
def test_a_stay_of_n_days_until_a_day_ends_that_day(nlp, body, days):
    """ "on a four-day visit through Thursday": the days before the end it names; a stay
    told as under way ends ahead, one told as past before the article's day."""
    (visit,) = events_of(nlp, body, AUG_21, "visit")
    assert (visit.date.value, visit.date.end) == days


@pytest.mark.parametrize(
    ("body", "kind", "date"),
    [
        # a date far from its verb, hung by the parser on a participle
        (
            "Kenya and Uganda signed four agreements in areas ranging from trade and energy "
            "to education and health on Monday.",
            "agreement-signing",
            "2024-01-29",
        ),
        # planned: the weekday lies ahead
        (
            "President Ali Hassan will meet President John Mwale on Thursday.",
            "meeting",
            "2024-02-01",
        ),
        (
            "Prime Minister Ana Lopes is scheduled to travel to Lisbon on Friday to meet "
            "business leaders.",
            "visit",
            "2024-02-02",
        ),
        # undated events of the lede take its one day
        (
            "President Ali Hassan and President John Mwale issued a joint statement on Monday "
            "following their meeting at the State House.",
            "meeting",
            "2024-01-29",
        ),
        # a conjoined clause shares its neighbour's date
        (
            "President Ali Hassan welcomed President John Mwale with an official ceremony in "
            "Nairobi on Monday and signed a trade agreement with Tanzania.",
            "agreement-signing",
            "2024-01-29",
        ),
        # an earlier, dated encounter keeps its own date
        (
            "The two foreign ministers signed a declaration on Monday. They had prepared it "
            "during talks in Accra in November.",
            "talks",
            "2023-11",
        ),
        # "This was agreed during a meeting": the day of what the sentence before told
        (
            "Kenya and Ghana on Monday agreed to double their trade by 2030.\n\nThis was "
            "agreed during a meeting between President Ali Hassan and Foreign Minister John "
            "Mwale at the State House.",
            "meeting",
            "2024-01-29",
        ),
        # "Speaking after talks ..., X said": the talks take the saying's day
        (
            "Ghana and Kenya will set up a commission, President Ali Hassan has said. Speaking "
            "after talks with Prime Minister John Mwale at State House, Nairobi, on Monday, "
            "Hassan said the two countries had agreed to work together.",
            "talks",
            "2024-01-29",
        ),
        # "the last time they met was ...": the time's date is the meeting's
        (
            "Foreign Minister Ali Hassan will hold talks with Foreign Minister John Mwale on "
            "Friday. The last time the two ministers met was on the sidelines of a summit in "
            "Accra in November.",
            "meeting",
            "2023-11",
        ),
    ],
)
def test_event_dates_of_their_clause(nlp, body, kind, date):
    assert dates_by_kind(facts_of(nlp, body, JAN_30)).get(kind) == {date}


def test_the_date_of_a_plan_in_a_conjoined_clause_is_not_the_clause_s(nlp):
    """ "signed X and agreed to hold talks before the end of the year": the year is the
    talks', not the signing's (the conjoined clause itself said no date)."""
    body = (
        "President Ali Hassan and President John Mwale signed a memorandum on fisheries and "
        "agreed to hold a new round of consultations before the end of the year."
    )
    assert dates_by_kind(facts_of(nlp, body, JAN_30)) == {
        "agreement-signing": {None},
        "talks": {"2024"},
    }


def test_a_date_of_another_clause_does_not_leak(nlp):
    body = (
        "The ministers, who met in Geneva in August, signed a memorandum of understanding "
        "on Monday."
    )
    assert dates_by_kind(facts_of(nlp, body, JAN_30))["agreement-signing"] == {"2024-01-29"}


def test_a_day_of_the_main_clause_is_not_a_visit_under_way_in_a_relative_clause(nlp):
    """ "X, who is on a visit, will speak on Tuesday": the visit under way does not begin
    next Tuesday (no day is told for it)."""
    body = (
        "Ghanaian President Kofi Amoah, who is on a two-day state visit to Kenya, will "
        "address Parliament on Tuesday."
    )
    events = facts_of(nlp, body, AUG_21).events
    assert [(e.kind, e.date and e.date.value) for e in events] == [("visit", None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foreign Minister Ali Kaya and his Chilean counterpart Tomas Ibarra discussed "
            "bilateral trade, which reached $4.1 billion last year.",
            [("talks", None, ["Ali Kaya", "Tomas Ibarra"])],
        ),
        (
            "Foreign Minister Ali Kaya met his Chilean counterpart Tomas Ibarra in Lima on "
            "Monday. Later in the day, the two ministers co-chaired a meeting of the joint "
            "commission, where they discussed bilateral trade, which reached $4.1 billion "
            "last year.",
            [("meeting", "2024-08-19", ["Ali Kaya", "Tomas Ibarra"])],
        ),
        # a year that a thing named is "of" is that thing's
        (
            "President Adam Nowak laid a wreath at a memorial to the soldiers of 1920.",
            [("ceremony", None, ["Adam Nowak"])],
        ),
        # the day of the saying is not the visit's, which has a time of its own
        (
            "Trade with Vietnam grew by a tenth last year, the ministry said Wednesday, ahead "
            "of a visit by Vietnamese President Tran Van Duc next week.",
            [("visit", "2024-08", ["Tran Van Duc"])],
        ),
    ],
)
def test_the_date_of_what_an_event_is_about_is_not_its_own(nlp, body, expected):
    """A relative clause that tells of a verb's object dates the object, not the event."""
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The presidency announced on Monday the visit of President Ana Lind to Chile.",
            [("visit", None, ["Ana Lind"])],
        ),
        (
            "The two leaders decided on Monday to hold a summit in Lima.",
            [("summit", None, ["Peru"])],
        ),
        # where the deciding took place is on its day, and the event decided keeps its own
        (
            "Prime Minister Ana Lind will visit Chile later this month. The two prime "
            "ministers agreed on the visit on Monday at a regional meeting.",
            [("meeting", "2024-08-19", ["Chile"]), ("visit", "2024-08", ["Ana Lind", "Chile"])],
        ),
        # a time still ahead is the event's; an event the deciding took place during, done
        (
            "Chile and Peru agreed on Monday to hold talks in Lima next month.",
            [("talks", "2024-09", ["Chile", "Peru"])],
        ),
        (
            "President Ana Lind and President Tomas Ibarra agreed on Monday to strengthen ties "
            "during talks in Lima.",
            [("talks", "2024-08-19", ["Ana Lind", "Tomas Ibarra"])],
        ),
    ],
)
def test_the_day_an_event_was_decided_or_announced_is_not_its_own(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Prime Minister Ana Lind held a reception for Chilean Foreign Minister Tomas "
            "Ibarra, who is in Peru for the annual consultations.",
            [
                ("meeting", None, ["Ana Lind", "Tomas Ibarra"]),
                ("visit", "2024-08-21", ["Tomas Ibarra"]),
            ],
        ),
        (
            "Chilean Foreign Minister Tomas Ibarra is paying an official visit to Peru.",
            [("visit", "2024-08-21", ["Tomas Ibarra"])],
        ),
        # a day told of it is its own; a visit that is something, or was, is not under way
        (
            "Chilean Foreign Minister Tomas Ibarra is on an official visit to Peru. On Monday "
            "he met Prime Minister Ana Lind.",
            [
                ("meeting", "2024-08-19", ["Ana Lind", "Tomas Ibarra"]),
                ("visit", "2024-08-19", ["Tomas Ibarra"]),
            ],
        ),
        (
            "Chilean Foreign Minister Tomas Ibarra's visit to Peru is a sign of warmer ties "
            "with Lima.",
            [("visit", None, ["Tomas Ibarra"])],
        ),
        (
            "Chilean Foreign Minister Tomas Ibarra was in Peru for talks with Ana Lind.",
            [("talks", None, ["Ana Lind", "Tomas Ibarra"]), ("visit", None, ["Tomas Ibarra"])],
        ),
    ],
)
def test_a_visit_told_under_way_is_on_the_day_told(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("when", "month"),
    [("later this month", "2024-08"), ("next month", "2024-09")],
)
def test_a_visit_prepared_at_a_meeting_keeps_its_own_date(nlp, when, month):
    """ "met on Monday to discuss preparations for X's visit later this month": the visit
    lies ahead, with its own date, and X is at no meeting yet."""
    body = (
        "Foreign Secretary Tomas Vell met with the Chilean Ambassador Rosa Quispe on Monday "
        f"to discuss preparations for the visit of Chilean President Ana Lind to Lima {when}."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Rosa Quispe", "Tomas Vell"]),
        ("visit", month, ["Ana Lind"]),
    ]


def test_recent_visits_are_not_of_the_day_reported(nlp):
    """ "briefed the minister on her recent visits to ...": visits before the meeting told,
    neither of its day nor its setting."""
    body = (
        "Foreign Minister Tomas Vell received the envoy Rosa Quispe in Lima on Monday. The "
        "envoy briefed the minister on her recent visits to Kinshasa, Kigali and Kampala."
    )
    facts = facts_of(nlp, body, AUG_21)
    assert sorted(
        (e.kind, e.date.value if e.date else None, e.host.key if e.host else None)
        for e in facts.events
    ) == [
        ("meeting", "2024-08-19", None),
        ("visit", None, "COD"),
        ("visit", None, "RWA"),
        ("visit", None, "UGA"),
    ]


def test_a_past_clause_reads_its_date_backwards(nlp):
    body = "President Ali Hassan travelled to Cairo on Feb. 14, his first trip to Egypt."
    facts = facts_of(nlp, body, date=dt.date(2024, 9, 5))
    # known extra: "his first trip to Egypt" is a second visit, dated 2025-02-14
    assert "2024-02-14" in dates_by_kind(facts)["visit"]


def test_a_previous_visit_lies_in_the_past(nlp):
    body = "Al-Mahdawi's previous visit to Egypt was in January."
    (visit,) = facts_of(nlp, body, dt.date(2025, 8, 20)).events
    assert visit.date.value == "2025-01"


# AUG_21 is a Wednesday
@pytest.mark.parametrize(
    ("body", "kind", "date"),
    [
        # someone's event recalled in a future clause: the March before
        (
            "The trip will build on President Karim Haddadi's state visit to Japan in March.",
            "visit",
            "2024-03",
        ),
        # an event planned in a future clause still lies ahead
        (
            "The council will hold its ordinary session in Addis Ababa in March.",
            "meeting",
            "2025-03",
        ),
        # the July just before, though the verb is future: the gathering named right before
        (
            "The ministers will discuss the outcomes of the NATO Summit in Washington in July.",
            "summit",
            "2024-07",
        ),
        # "in November" is the coming one, not the one before "invited"
        (
            "President Ali Musa invited John Banda to attend the climate summit in Belem in "
            "November.",
            "summit",
            "2024-11",
        ),
        (
            "Kenya and Tanzania concluded an agreement on transit on Monday.",
            "agreement-signing",
            "2024-08-19",
        ),
        # the exchange of memoranda is the signing of the sentence's encounter
        (
            "President Ali Musa and President John Banda held talks on Monday, followed by the "
            "exchange of several memoranda of understanding.",
            "agreement-signing",
            "2024-08-19",
        ),
        # "until" a day tells when a stay ends: no day of what is planned during it (the
        # stay is under way on the day it is told)
        (
            "Foreign Minister Ana Lopes, who is on an official visit to Chile until Saturday, "
            "will meet with the Minister of Health, Jose Ruiz.",
            "visit",
            "2024-08-21",
        ),
        # what a host's or an arrival's "for" names begins on its day
        (
            "President Ana Lopes will on Thursday host her counterpart, President Omar Haddad, "
            "for a state visit to Chile.",
            "visit",
            "2024-08-22",
        ),
        (
            "The Pacific Islands Forum summit runs until Sunday in Suva.",
            "summit",
            None,
        ),
        # a day between the saying and its subject is the saying's, wherever it is hung
        (
            "Foreign Minister Juma Okello said on Tuesday he would travel to Nairobi this week.",
            "visit",
            "2024-08",
        ),
        # "recalled" a trip "for" an event is remembering it, no envoy called home
        (
            "President Ana Lopes recalled her trip to Lima on October 4 last year for President "
            "Omar Haddad's inauguration.",
            "ceremony",
            "2023-10-04",
        ),
    ],
)
def test_event_kind_and_date(nlp, body, kind, date):
    # known extra: "will discuss the outcomes of the NATO Summit ... in July" also gives talks
    # dated 2025-07, so only the events of the kind tested are asserted whole
    found = [d for k, d, _ in event_rows(nlp, body, AUG_21) if k == kind]
    assert found == [date]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The upcoming meeting between President Liang Hongwei and President Daniel "
            "Whitcombe is important.",
            [("meeting", ["Daniel Whitcombe", "Liang Hongwei"])],
        ),
        (
            "Minister Lương Minh Khải invited Minister Codjo Adékambi Dossa to visit Việt Nam "
            "soon.",
            [("visit", ["Codjo Adékambi Dossa", "Vietnam"])],
        ),
        (
            "The leaders looked at the forthcoming African Union Summit and its agenda.",
            [("summit", ["African Union"])],
        ),
        ("Minister Lena Varga is due to visit Ghana.", [("visit", ["Ghana", "Lena Varga"])]),
    ],
)
def test_announced_events_are_scheduled(nlp, body, expected):
    events = events_of(nlp, body, JAN_30)
    assert [
        (e.kind, e.scheduled, e.date, sorted(p.name for p in e.participants)) for e in events
    ] == [(kind, True, None, names) for kind, names in expected]


def test_what_was_agreed_following_talks_dates_what_came_during_them(nlp):
    """ "agreed ..., following talks": the talks were held; "During the meeting" is them."""
    body = (
        "Kenya and Ethiopia have agreed to build a power line, following talks between "
        "President Tom Arkan and Prime Minister Ana Velor in Addis Ababa.\n\nThe talks, held "
        "on Saturday, also covered security. During the meeting, the two leaders witnessed "
        "the signing of three agreements."
    )
    assert [(e.kind, e.scheduled, e.date.value if e.date else None)
            for e in facts_of(nlp, body, AUG_21).events] == [
        ("talks", False, "2024-08-17"),
        ("agreement-signing", False, "2024-08-17"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "scheduled"),
    [
        ("The talks were hosted by Foreign Minister Ana Velor.", False),
        ("Foreign Minister Ana Velor hosted the talks.", False),
        ("Foreign Minister Ana Velor agreed to host the talks.", True),
        ("Foreign Minister Ana Velor will host the talks.", True),
        # hosting thanked for is done; hosting supported is still to come
        ("Minister Tom Arkan thanked Peru for its role in hosting the talks.", False),
        ("Minister Tom Arkan said Kenya supports Peru in hosting the talks in July.", True),
    ],
)
def test_hosted_is_held_and_to_host_is_planned(nlp, body, scheduled):
    assert [(e.kind, e.scheduled) for e in events_of(nlp, body, JAN_30)] == [("talks", scheduled)]


def test_the_next_round_of_consultations_is_a_planned_event_of_its_year(nlp):
    body = "The next round of consultations will take place in Bucharest in the autumn."
    assert [(k, d) for k, d, _ in event_rows(nlp, body, AUG_21)] == [("talks", "2024")]


@pytest.mark.parametrize("reported", ["the ministry said Friday", "the newspaper reported Friday"])
def test_the_date_of_a_report_is_not_the_events(nlp, reported):
    body = (
        "Foreign Minister Baek Min-seok held talks with Foreign Minister Hiroaki Tsujimoto, "
        f"{reported}."
    )
    (ev,) = events_of(nlp, body, dt.date(2024, 11, 15))
    assert ev.date is None


@pytest.mark.parametrize(
    "reported",
    [
        # a date written before the saying's subject is the event's, wherever it is hung
        "in Lima yesterday, state media reported",
        "in Lima on Thursday, the ministry said",
    ],
)
def test_the_date_before_a_report_is_the_events(nlp, reported):
    body = (
        "Foreign Minister Baek Min-seok held talks with Foreign Minister Hiroaki Tsujimoto "
        f"{reported}."
    )
    (ev,) = events_of(nlp, body, dt.date(2024, 11, 15))
    assert ev.date.value == "2024-11-14"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what goes on "while" or "as" someone says something is on the day of the saying
        (
            "President Ana Velor wants more trade in the region.\n\n"
            '"Trade must grow," Velor said on Monday while opening a meeting of the Andean '
            "Council in Lima.",
            [("meeting", "2024-08-19", ["Ana Velor"])],
        ),
        (
            "President Ana Velor wants more trade in the region.\n\n"
            '"Trade must grow," Velor said on Monday as she opened a summit of the Andean '
            "Council in Lima.",
            [("summit", "2024-08-19", ["Ana Velor"])],
        ),
        # not what the saying is about
        (
            "President Ana Velor wants more trade in the region.\n\n"
            "Velor said on Monday that she would attend a summit in Lima.",
            [("summit", None, ["Ana Velor"])],
        ),
    ],
)
def test_the_day_of_a_saying_dates_what_goes_on_while_saying(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("apart", "day"),
    # (no count of days: no day told for the talks)
    [("a day after", "2024-08-19"), ("after", None)],
)
def test_an_event_a_day_away_from_a_date_is_dated_from_it(nlp, apart, day):
    body = (
        "Trade grew.\n\nPresident Ana Velor laid a wreath in Lima on Tuesday, "
        f"{apart} her talks with President Tomas Reyes."
    )
    facts = facts_of(nlp, body, AUG_21)
    assert dates_by_kind(facts)["talks"] == {day}
    assert dates_by_kind(facts)["ceremony"] == {"2024-08-20"}


def test_talks_held_to_prepare_a_visit_date_the_talks_only(nlp):
    """The visit lies ahead of the talks that prepare it, and is the visit of the one the
    title names (no one named here), not of the ministers who prepare it."""
    body = (
        "Trade grew in the region.\n\nForeign Minister Lena Varga and Foreign Minister Tomas "
        "Reyes held talks on Monday to prepare the upcoming visit of the Swedish King to Lima."
    )
    expected = [
        ("talks", "2024-08-19", ["Lena Varga", "Tomas Reyes"]),
        ("visit", None, ["Sweden"]),
    ]
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "kind", "expected_date"),
    [
        # "since taking office in October": the start of a period, not the visit's date
        (
            VISIT + "It was his first state visit to Australia since taking office in October.",
            "visit",
            "2024-08-20",
        ),
        (
            "Minister Ana Lopez visited Chile on Monday, her first trip since 2019.",
            "visit",
            "2024-08-19",
        ),
    ],
)
def test_since_dates_no_event(nlp, body, kind, expected_date):
    found = [e for e in event_rows(nlp, body, AUG_21) if e[0] == kind]
    assert [d for _, d, _ in found] == [expected_date]


def test_an_event_since_which_is_told_with_its_own_date(nlp):
    # "the first call since they met in May": the meeting is an earlier event of its own,
    # dated by the "since" clause, between the two of the call
    body = (
        "President Ana Lopez and President Tomas Reyes held a telephone conversation last "
        "evening.\n\nThe call was their first exchange since they met in Lima in May."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-05", ["Ana Lopez", "Tomas Reyes"]),
        ("phone-call", "2024-08-20", ["Ana Lopez", "Tomas Reyes"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the speaker of "told a press conference" makes the statement, not the venue's country
        (
            "Foreign Minister Rina Osei met Foreign Minister Lars Holm in Oslo on Monday. "
            '"We agreed on a lot," Osei told a press conference at the ministry on Monday.',
            [
                ("meeting", "2024-08-19", ["Lars Holm", "Rina Osei"]),
                ("statement", "2024-08-19", ["Rina Osei"]),
            ],
        ),
        # "at the end of a two-day visit" on Wednesday: it began on Tuesday; the welcome and
        # the talks of a guest "who arrived on Tuesday" are on Tuesday
        (
            VISIT + "Kusumo, who arrived in Canberra on Tuesday, was welcomed with a 21-gun "
            "salute at Parliament House before holding talks with Tolliver.",
            [
                ("ceremony", "2024-08-20", ["Adi Kusumo", "Graham Tolliver"]),
                ("statement", "2024-08-21", ["Adi Kusumo", "Graham Tolliver"]),
                ("talks", "2024-08-20", ["Adi Kusumo", "Graham Tolliver"]),
                ("visit", "2024-08-20", ["Adi Kusumo"]),
            ],
        ),
    ],
)
def test_event_dates_and_speakers(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "kind", "date", "end"),
    [
        # the day of the event told before
        (
            "Foreign Minister Faisal Amin received Foreign Minister Ali Karim in Riyadh on "
            "Monday.\n\nEarlier in the day, Faisal Amin held talks with Minister Omar Khan.",
            "talks",
            "2024-08-19",
            None,
        ),
        # ... the talks one tells the host about (no plan of "the host")
        (
            "Prime Minister Faisal Amin received Foreign Minister Ali Karim in Riyadh on "
            "Monday.\n\nKarim informed the host about the outcomes of his talks with Minister "
            "Omar Khan earlier the same day.",
            "talks",
            "2024-08-19",
            None,
        ),
        # the month of the visit it happened during
        (
            "The two countries signed a memorandum of understanding on energy during President "
            "Ali Hassan's state visit to New Delhi in September 2022.",
            "agreement-signing",
            "2022-09",
            None,
        ),
        # arrived on its first day: it lasts two
        (
            "President Ali Hassan arrived in Nairobi on Tuesday for a two-day state visit.",
            "visit",
            "2024-08-20",
            "2024-08-21",
        ),
        ("The summit was held from March 3 to 5 in Lima.", "summit", "2024-03-03", "2024-03-05"),
        # leaves on its first day: it lasts two ...
        (
            "President Ali Hassan will fly out on Thursday, 22 August for a two-day official "
            "visit to Zambia.",
            "visit",
            "2024-08-22",
            "2024-08-23",
        ),
        # ... and talks planned during it fall in its month
        (
            "President Ali Hassan will fly out on Thursday, 22 August for a two-day official "
            "visit to Zambia.\n\nDuring the visit, Hassan will hold talks with President John "
            "Banda.",
            "talks",
            "2024-08",
            None,
        ),
    ],
)
def test_dates_from_context(nlp, body, kind, date, end):
    events = [e for e in facts_of(nlp, body, AUG_20).events if e.kind == kind]
    assert [(e.date.value, e.date.end) for e in events if e.date] == [(date, end)]


def test_as_x_hosted_y_is_no_plan_and_takes_the_ledes_day(nlp):
    body = (
        "Kenya and Tanzania yesterday agreed to remove trade barriers, as President Ali Musa "
        "hosted his counterpart John Banda in Nairobi.\n\nThe two leaders held talks before "
        "presiding over the signing of four agreements."
    )
    found = event_rows(nlp, body, AUG_21)
    # the signing of the same two leaders right after is that day's too
    assert found == [
        ("agreement-signing", "2024-08-20", ["Ali Musa", "John Banda"]),
        ("meeting", "2024-08-20", ["Ali Musa", "John Banda"]),
    ]


def test_talks_during_a_planned_visit_take_its_month(nlp):
    body = (
        "Foreign Minister Ali Musa will pay a working visit to Laos on August 25-27. During "
        "the visit, Musa will hold talks with Foreign Minister John Banda."
    )
    talks = [(k, d) for k, d, p in event_rows(nlp, body, AUG_21) if k in ("talks", "meeting")]
    assert talks == [("talks", "2024-08")]


def test_two_recalled_visits_keep_their_own_dates_and_what_happened_during_one(nlp):
    body = (
        "President Ali Musa recalled President Karim Haddadi's visit to Baku in July 2018 and "
        "his own visit to Rome in February 2020, during which a joint declaration was signed."
    )
    found = [(k, d) for k, d, _ in event_rows(nlp, body, AUG_21)]
    assert found == [("agreement-signing", "2020-02"), ("visit", "2018-07"), ("visit", "2020-02")]


def test_a_one_day_visit_told_with_its_day_dates_what_follows_whatever_the_dateline(nlp):
    body = (
        "Montevideo, August 21st (MercoPress) - President Ana Silva made a working visit to "
        "Uruguay on Tuesday and was received by President Martin Olazabal at the palace.\n\n"
        "The two leaders later signed a joint declaration."
    )
    article = article_of(body, AUG_21)
    assert article.dateline is not None and article.dateline.agency == "MercoPress"
    events = extract_facts(nlp, article).events
    found = sorted((e.kind, e.date.value if e.date else None) for e in events)
    assert found == [
        ("agreement-signing", "2024-08-20"),
        ("meeting", "2024-08-20"),
        ("visit", "2024-08-20"),
    ]
    meeting = next(e for e in events if e.kind == "meeting")
    assert {p.name for p in meeting.participants} == {"Ana Silva", "Martin Olazabal"}


MAR_12 = dt.date(2025, 3, 12)  # a Wednesday
ANA_AND_TOM = ["Ana Velor", "Tom Arkan"]


@pytest.mark.parametrize(
    ("ref", "body", "expected"),
    [
        # ahead: the event the clause prepares for, or precedes, lies ahead whatever its tense
        (
            MAR_12,
            "The ministers discussed trade and the preparations for President Oskar "
            "Brandvik's state visit to Kazakhstan in May.",
            [("talks", None, ["Kazakhstan"]), ("visit", "2025-05", ["Oskar Brandvik"])],
        ),
        (
            dt.date(2025, 9, 7),
            "The briefing came ahead of Premier Ion Dobrev's trip to Finland from September "
            "9 to 16.",
            [("statement", "2025-09-09", ["Ion Dobrev"]), ("visit", "2025-09-09", ["Ion Dobrev"])],
        ),
        # ahead: told in the present, simple or progressive, or in a participle of a future verb
        (
            MAR_12,
            "President Tom Arkan arrives in Lima on Sunday.",
            [("visit", "2025-03-16", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan is arriving in Lima on Sunday.",
            [("visit", "2025-03-16", ["Tom Arkan"])],
        ),
        # ... but a visit of days told in the present that holds the article's day has begun
        (
            MAR_12,
            "President Tom Arkan is paying a two-day visit to Lima beginning Tuesday.",
            [("visit", "2025-03-11", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan is paying a two-day visit to Lima beginning Monday.",
            [("visit", "2025-03-17", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "Arriving in Lima on Sunday, President Tom Arkan will hold talks with President "
            "Ana Velor.",
            [("talks", None, ["Ana Velor", "Tom Arkan"]), ("visit", "2025-03-16", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Ana Velor hosts the summit of Andean leaders in Lima in February.",
            [("summit", "2026-02", ["Ana Velor"])],
        ),
        # ahead: an announced event is not told as done
        (
            dt.date(2025, 4, 10),
            "The ministry announced a visit by President Tom Arkan starting April 20.",
            [("visit", "2025-04-20", ["Tom Arkan"])],
        ),
        # a state told in the present holds now: the visit began on the day before
        (
            dt.date(2025, 8, 5),
            "President Tom Arkan, who is on a five-day state visit to India from August 4, "
            "said the two countries agreed.",
            [("visit", "2025-08-04", ["Tom Arkan"])],
        ),
        # the lede's one day, given to its undated events, points the way its clause does
        (
            MAR_12,
            "President Tom Arkan arrives in Valmora on Sunday for a state visit.",
            [("visit", "2025-03-16", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan is arriving in Valmora on Sunday for a state visit.",
            [("visit", "2025-03-16", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan arrived in Valmora on Sunday for a state visit.",
            [("visit", "2025-03-09", ["Tom Arkan"])],
        ),
        # ... but not to what it tells as done before that day
        (
            MAR_12,
            "Spokeswoman Ana Velor said on Tuesday that President Tom Arkan had met President "
            "Ivo Sarn in Lima.",
            [("meeting", None, ["Ivo Sarn", "Tom Arkan"])],
        ),
        (
            MAR_12,
            "Spokeswoman Ana Velor said on Tuesday that President Tom Arkan met President "
            "Ivo Sarn in Lima.",
            [("meeting", "2025-03-11", ["Ivo Sarn", "Tom Arkan"])],
        ),
        # a weekend: ahead for a plan, behind for what is told as done
        (
            MAR_12,
            "President Tom Arkan is due to visit Valmora at the weekend.",
            [("visit", "2025-03-15", ["Tom Arkan", "Valmora"])],
        ),
        (
            MAR_12,
            "President Tom Arkan visited Valmora at the weekend.",
            [("visit", "2025-03-08", ["Tom Arkan", "Valmora"])],
        ),
        # back: told in the past, the same words point to the days before
        (
            MAR_12,
            "President Tom Arkan arrived in Lima on Sunday.",
            [("visit", "2025-03-09", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan visited Peru in May.",
            [("visit", "2024-05", ["Peru", "Tom Arkan"])],
        ),
        # back: a participle after the noun has no tense; the past verb above it gives one
        (
            MAR_12,
            "President Tom Arkan attended the summit in Valmora held in November.",
            [("summit", "2024-11", ["Tom Arkan"])],
        ),
        # (not a future one: what a plan reviews may lie behind it)
        (
            MAR_12,
            "President Tom Arkan and President Ana Velor will review the agreement signed in "
            "February.",
            [("agreement-signing", "2025-02", ["Ana Velor", "Tom Arkan"])],
        ),
        # a participle that opens a span is a preposition: the date is the event's
        (
            MAR_12,
            "President Tom Arkan will pay a visit to Peru starting March 20.",
            [("visit", "2025-03-20", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan will pay a three-day visit to Peru beginning on March 20.",
            [("visit", "2025-03-20", ["Tom Arkan"])],
        ),
        # the day a plan was told is not the plan's day; what was done took place by it
        (
            MAR_12,
            "President Tom Arkan will pay a state visit to Kenya, the ministry said on Tuesday.",
            [("visit", None, ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "President Tom Arkan will pay a state visit to Kenya from March 20 to 22, the "
            "presidency announced on Tuesday.",
            [("visit", "2025-03-20", ["Tom Arkan"])],
        ),
        # a "when" clause hung on a date happened then
        (
            MAR_12,
            "The agreement was signed in 2019, when President Tom Arkan paid a state visit to "
            "Kenya.",
            [("agreement-signing", "2019", ["Tom Arkan"]), ("visit", "2019", ["Tom Arkan"])],
        ),
        # so a "where" clause the parser hung on the date, not on the place before it
        (
            MAR_12,
            "President Tom Arkan will travel on to Mombasa on Thursday, where he is due to "
            "meet business leaders.",
            [("meeting", "2025-03-13", ["Tom Arkan"]), ("visit", "2025-03-13", ["Tom Arkan"])],
        ),
        # ... or on a place of the dated clause
        (
            MAR_12,
            "President Tom Arkan will travel on Thursday to Mombasa, where he will meet "
            "business leaders.",
            [("meeting", "2025-03-13", ["Tom Arkan"]), ("visit", "2025-03-13", ["Tom Arkan"])],
        ),
        # ... its "where" hung on a verb below ("where he is expected to meet")
        (
            MAR_12,
            "President Tom Arkan travels on to Mombasa on Thursday, where he is expected to "
            "meet Governor Ana Wekesa.",
            [
                ("meeting", "2025-03-13", ["Ana Wekesa", "Tom Arkan"]),
                ("visit", "2025-03-13", ["Tom Arkan"]),
            ],
        ),
        # the one day a lede gives, when it lies ahead, is no day of what was said by now:
        # that was said on the day the story is filed
        (
            MAR_12,
            "President Tom Arkan will address the business community in Lima on Friday, his "
            "spokesman Kofi Dantra said in a statement.",
            [("statement", "2025-03-12", ["Kofi Dantra"])],
        ),
        (
            MAR_12,
            "Kenyan President Tom Arkan will pay an official visit to France from March 20 to 22 "
            "at the invitation of his French counterpart, the presidency said on Tuesday.",
            [("visit", "2025-03-20", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "Foreign Minister Tom Arkan will travel to Kenya next week for talks with his Kenyan "
            "counterpart, the ministry said on Tuesday.",
            [("talks", "2025-03", ["Kenya", "Tom Arkan"]), ("visit", "2025-03", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "Foreign Minister Tom Arkan held talks with his Kenyan counterpart in Nairobi, the "
            "ministry said on Tuesday.",
            [("talks", "2025-03-11", ["Kenya", "Tom Arkan"])],
        ),
        # back: what the clause follows lies before it, though told in the present
        (
            MAR_12,
            "The talks come in the wake of President Tom Arkan's visit to Peru in June.",
            [("talks", None, ["Peru"]), ("visit", "2024-06", ["Tom Arkan"])],
        ),
        (
            MAR_12,
            "The visit follows talks between President Tom Arkan and President Ana Velor in "
            "Lima in June, where the two leaders agreed to set up a commission.",
            # (whose visit the sentence does not say: not the talks' two, who are the other
            # event's; the country of its sentence's place stands in)
            [("talks", "2024-06", ANA_AND_TOM), ("visit", None, ["Peru"])],
        ),
        # ... unless the clause lies ahead itself: then so may what it follows
        (
            MAR_12,
            "President Tom Arkan will travel to Lima after the summit in June.",
            [("summit", "2025-06", ["Tom Arkan"]), ("visit", None, ["Tom Arkan"])],
        ),
        # back: an infinitive of purpose of a past verb is no plan, and shares its verb's time
        (
            dt.date(2025, 11, 6),
            "Minister Ana Velor, who visited Lima in March to attend President Tom Arkan's "
            "inauguration, returned to Quito on Wednesday night.",
            [("ceremony", "2025-03", ["Tom Arkan"]), ("visit", "2025-03", ["Ana Velor"])],
        ),
        # ahead: a passive infinitive tells what is still to come, whatever the verb above
        (
            MAR_12,
            "Both sides welcomed the summit to be hosted on March 2 in Lima.",
            [("summit", "2026-03-02", ["Peru"])],
        ),
        # a date restated more closely after a comma is the closer one
        (
            MAR_12,
            "Minister Ana Velor met Minister Tom Arkan in Lima. The talks were held this week, "
            "on Monday, March 10.",
            [("meeting", "2025-03-10", ANA_AND_TOM)],
        ),
        # what was done where a visit went was done when it went
        (
            MAR_12,
            "Foreign Minister Ana Velor met President Tom Arkan in Nairobi on Monday.\n\nOn "
            "March 4, Arkan visited Kenya where both signed two trade deals.",
            [
                ("agreement-signing", "2025-03-04", ANA_AND_TOM),
                ("meeting", "2025-03-10", ANA_AND_TOM),
                ("visit", "2025-03-04", ["Kenya", "Tom Arkan"]),
            ],
        ),
    ],
)
def test_the_way_a_date_points(nlp, ref, body, expected):
    assert event_rows(nlp, body, ref) == expected


ANNOUNCED = (
    "Chile {said} that Foreign Minister Tomas Arvel will hold talks with Kofi Dantra in "
    "Valmora on Nov. 17. Spokeswoman Ana Velor told a press conference that the talks would "
    "cover trade."
)


# (with no day announced, the briefing is on the day the story is filed)
@pytest.mark.parametrize(
    ("said", "day"), [("announced on Friday", "2025-11-14"), ("said", "2025-11-14")]
)
def test_a_briefing_after_the_lede_is_on_the_day_the_lede_announces(nlp, said, day):
    rows = event_rows(nlp, ANNOUNCED.format(said=said), dt.date(2025, 11, 14))
    assert rows == [
        ("statement", day, ["Ana Velor"]),
        ("talks", "2025-11-17", ["Kofi Dantra", "Tomas Arvel"]),
    ]


def test_a_date_of_what_was_done_during_a_visit_is_the_visits(nlp):
    # the date hangs on "reached", which is no event: it dates the visit it was reached during
    body = (
        "President Tom Arkan held a phone call with President Lena Varga on Monday. The heads "
        "of state discussed the agreements reached during Arkan's state visit to Kampala in "
        "March."
    )
    assert [(k, d) for k, d, _ in event_rows(nlp, body, AUG_21)] == [
        ("phone-call", "2024-08-19"),
        ("visit", "2024-03"),
    ]


@pytest.mark.parametrize(
    ("body", "visit"),
    [
        # a past or perfect auxiliary tells the deal done: the visit is the May before,
        # though next May is nearer to a story of late December
        (
            "A road deal between Arlandia and Chile had been reached during Minister Pol "
            "Varesk's visit to Chile's capital, Santiago, in May.",
            "2025-05",
        ),
        (
            "Ten accords were concluded during the visit of Minister Pol Varesk to Chile in April.",
            "2025-04",
        ),
        # a plan keeps the month ahead
        (
            "Ten accords are expected to be concluded during the visit of Minister Pol "
            "Varesk to Chile in April.",
            "2026-04",
        ),
    ],
)
def test_a_date_of_a_visit_something_was_done_during_takes_the_doings_tense(nlp, body, visit):
    rows = event_rows(nlp, body, dt.date(2025, 12, 29))
    assert [(k, d) for k, d, _ in rows if k == "visit"] == [("visit", visit)]


def test_a_day_on_a_meeting_held_during_a_visit_is_the_meetings(nlp):
    # "hold" is no event, but its object is: the day is the meeting's, not the visit's
    body = (
        "Foreign Minister Ali Rasheed will be in Lima on an official visit from August 25 to "
        "28. During the trip, both ministers will hold bilateral talks on August 26, the "
        "ministry said on Tuesday."
    )
    rows = event_rows(nlp, body, AUG_21)
    assert [(k, d) for k, d, _ in rows if k in ("talks", "visit")] == [
        ("talks", "2024-08-26"),
        ("visit", "2024-08-25"),
    ]


def test_a_clause_joined_after_an_arrival_keeps_its_own_day_and_subject(nlp):
    # the plan of the second clause does not make the arrival's Monday the next one, and
    # its Wednesday is its call's, made by the one who arrived
    body = (
        "Foreign Minister Lina Varga held talks with Foreign Minister Omar Haddad in Velmora "
        "on Tuesday.\n\nHaddad arrived in Velmora on Monday for a three-day visit and is "
        "scheduled to call on Prime Minister Tomas Ibarra on Wednesday."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-21", ["Omar Haddad", "Tomas Ibarra"]),
        ("talks", "2024-08-20", ["Lina Varga", "Omar Haddad"]),
        ("visit", "2024-08-19", ["Omar Haddad"]),
    ]


@pytest.mark.parametrize(
    ("later", "date"),
    [
        # a timeline counts from the date told before, not from the article's day
        ("Two years later, Prime Minister Omar Haddad paid an official visit to Chile.", "2021"),
        ("The following year, Prime Minister Omar Haddad paid an official visit to Chile.", "2020"),
        # ... from a day, a day; a month later is no finer than its month
        ("Three days after that, Prime Minister Omar Haddad visited Chile.", None),
        # a span from the article's day counts from that day
        ("Over the next year, Prime Minister Omar Haddad will visit Chile.", "2025"),
    ],
)
def test_a_later_date_counts_from_the_date_told_before(nlp, later, date):
    body = f"In 2019, President Ana Lopes became the first Peruvian leader to visit Laos. {later}"
    visits = [
        e.date.value if e.date else None
        for e in facts_of(nlp, body, AUG_21).events
        if e.kind == "visit" and "Omar Haddad" in [p.name for p in e.participants]
    ]
    assert visits == [date]


def test_days_later_count_from_a_day(nlp):
    body = (
        "President Ana Lopes met President Omar Haddad in Lima on March 3. Two days later, "
        "Haddad visited Chile."
    )
    visits = [d for k, d, _ in event_rows(nlp, body, AUG_21) if k == "visit"]
    assert visits == ["2024-03-05"]


def test_the_next_and_the_previous_day_count_from_the_day_told_before(nlp):
    body = (
        "President Ana Lopes will visit Italy on Sept. 4. The next day she will travel to "
        "Qatar.\n\nPresident Omar Haddad arrived in Lima on Monday. The following day, he "
        "met Prime Minister Tomas Ibarra. He had met Lopes in Quito the previous day."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Ana Lopes", "Omar Haddad"]),
        ("meeting", "2024-08-20", ["Omar Haddad", "Tomas Ibarra"]),
        ("visit", "2024-08-19", ["Omar Haddad"]),
        ("visit", "2024-09-04", ["Ana Lopes", "Italy"]),
        ("visit", "2024-09-05", ["Ana Lopes"]),
    ]


@pytest.mark.parametrize(
    ("told", "date"),
    [
        ("scheduled to take place in Paris in December", "2024-12"),
        ("scheduled to be held in Paris in May", "2025-05"),
    ],
)
def test_a_participle_after_a_comma_sets_the_event_named_before_it(nlp, told, date):
    # the parser hangs "scheduled ..." on the clause's verb, not on the session
    body = (
        "Foreign Minister Aram Vardanyan met Foreign Minister of France Claire Morel on "
        f"Monday. The sides referred to the upcoming session of the Armenian-French "
        f"Intergovernmental Commission, {told}."
    )
    rows = event_rows(nlp, body, AUG_20)
    assert rows == [
        ("meeting", "2024-08-19", ["Aram Vardanyan", "Claire Morel"]),
        ("meeting", date, ["Armenian-French Intergovernmental Commission"]),
    ]


def test_the_day_of_a_return_after_before_is_not_the_events(nlp):
    body = (
        "KATHMANDU - Prime Minister Sita Karki is leaving for China on Tuesday on a five-day "
        "official visit. Karki will also visit Chengdu before returning home on August 25."
    )
    visits = [
        (e.date.value if e.date else None, e.place.name if e.place else None, e.host.name)
        for e in events_of(nlp, body, AUG_20)
    ]
    # the trip to China on its day; the stop in Chengdu on none told
    assert visits == [("2024-08-20", None, "China"), (None, "Chengdu", "China")]


def test_a_deadline_dates_no_event(nlp):
    body = (
        "Foreign Minister Sari Wulandari met her Australian counterpart Emma Collins in "
        "Jakarta on Tuesday for the annual foreign ministers' meeting, where the two agreed "
        "to finalize a new defense cooperation agreement by mid-2025."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-20", ["Emma Collins", "Sari Wulandari"])
    ]


def test_a_date_of_what_a_relative_clause_tells_of_someone_is_not_the_events(nlp):
    body = (
        "President Tomas Reyes met President Ana Lind in Lima on Monday.\n\nOfficials said "
        "that President Reyes, who was sworn in in January, will visit Chile in December for "
        "the signing of the accords."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Ana Lind", "Tomas Reyes"]),
        ("visit", "2024-12", ["Chile", "Tomas Reyes"]),
    ]


def test_a_date_of_a_clause_of_reason_with_its_own_subject_is_not_the_events(nlp):
    body = (
        "Prime Minister Arne Holt said he would discuss the border with President Tomas "
        "Vell, as Norland plans to move its capital in 2027."
    )
    assert event_rows(nlp, body, AUG_21) == [("talks", None, ["Arne Holt", "Tomas Vell"])]


def test_a_time_an_event_comes_before_is_not_its_date(nlp):
    body = (
        "President Sari Wulandari met President Emma Collins in Jakarta on Tuesday. A state "
        "visit by Collins is expected before December, the ministry said."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-20", ["Emma Collins", "Sari Wulandari"]),
        ("visit", None, ["Emma Collins"]),
    ]


@pytest.mark.parametrize(
    "headline",
    ["Indonesia, Brazil discuss biofuel cooperation\n\n", ""],
)
def test_a_purpose_hung_on_the_object_leaves_the_day_to_the_call(nlp, headline):
    # the parser may hang "to discuss" on "call", the verb's object
    body = (
        f"{headline}Foreign Minister Ratna Wulan received a courtesy call from Ambassador "
        "Marcos Teles in Jakarta on Tuesday to discuss cooperation on biofuels."
    )
    countries = ["Brazil", "Indonesia"] if headline else []
    # (on the article's own day: "on Tuesday" in a Tuesday's article is no day ahead)
    [(_, date, names)] = event_rows(nlp, body, AUG_20)
    assert (date, names) == ("2024-08-20", [*countries, "Marcos Teles", "Ratna Wulan"])


@pytest.mark.parametrize(
    ("second", "date"),
    [
        # the talks the lede reports on, told in the sentence after it
        ("Vice Minister Park Ji-won held talks with Kenji Mori in Tokyo.", "2024-08-20"),
        # set apart by an adverb of its own, or a day of its own: not the lede's
        ("Earlier, Vice Minister Park Ji-won held talks with Kenji Mori in Tokyo.", None),
        (
            "Vice Minister Park Ji-won held talks with Kenji Mori in Tokyo in July.",
            "2024-07",
        ),
    ],
)
def test_the_ledes_day_goes_on_to_the_next_sentence(nlp, second, date):
    body = (
        "Arland, Belmar agree to expand cooperation\n\nSEOUL, Aug. 21 (Yonhap) -- Arland and "
        "Belmar agreed Tuesday to expand cooperation on supply chains, the ministry said.\n\n"
        f"{second}"
    )
    assert event_rows(nlp, body, AUG_21) == [("talks", date, ["Kenji Mori", "Park Ji-won"])]


def test_the_day_of_a_saying_in_the_lede_is_not_the_next_sentences(nlp):
    body = (
        "Arland will raise credit lines to Africa, it said on Tuesday.\n\nA delegation led by "
        "Vice President Omar Haddad also held talks with Kenji Mori."
    )
    assert event_rows(nlp, body, AUG_21) == [("talks", None, ["Kenji Mori", "Omar Haddad"])]


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        (
            "President Arlo Venn will visit Brazil next month to attend the BRICS summit.",
            [
                ("summit", "2024-09", ["Arlo Venn", "BRICS"]),
                ("visit", "2024-09", ["Arlo Venn", "Brazil"]),
            ],
        ),
        # and back: a journey made to hold a dated event takes its day
        (
            "Minister Ana Ruiz will travel to Lima to meet her counterpart Tom Berg on August 31.",
            [
                ("meeting", "2024-08-31", ["Ana Ruiz", "Tom Berg"]),
                ("visit", "2024-08-31", ["Ana Ruiz"]),
            ],
        ),
        (
            "Minister Ana Ruiz met Minister Tom Berg on Monday. Both sides also discussed "
            "preparations for President Arlo Venn's planned visit to Brazil next month to "
            "attend the BRICS summit.",
            [
                ("meeting", "2024-08-19", ["Ana Ruiz", "Tom Berg"]),
                ("summit", "2024-09", ["BRICS"]),
                ("visit", "2024-09", ["Arlo Venn"]),
            ],
        ),
    ],
)
def test_a_visit_and_the_event_it_is_made_to_attend_share_their_time(nlp, body, rows):
    assert event_rows(nlp, body, AUG_21) == rows


def test_a_bare_verb_conjoined_with_a_planned_one_is_planned_too(nlp):
    body = (
        "Foreign Minister Hiro Tana will meet with President Kasym Tokay in Astana on Friday "
        "and hold talks with Foreign Minister Bakhtiyor Said in Tashkent on Saturday."
    )
    # (AUG_21 is a Wednesday: Friday and Saturday lie ahead)
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-23", ["Hiro Tana", "Kasym Tokay"]),
        ("talks", "2024-08-24", ["Bakhtiyor Said", "Hiro Tana"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Orvania and Belmora agreed on Thursday to hold a summit in Tokyo next year.",
            ("summit", "2025"),
        ),
        ("President Ana Valto decided on Monday to visit Kenya in December.", ("visit", "2024-12")),
    ],
)
def test_a_plans_own_date_not_the_day_it_was_agreed(nlp, body, expected):
    [event] = facts_of(nlp, body, AUG_21).events
    assert (event.kind, event.date.value) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a lede that tells its news in the present perfect, with no day and no dateline, is
        # the news of the day the story is filed
        (
            "President Lia Verro has held talks with President Tomas Riel in the capital.",
            [("talks", "2024-08-21", ["Lia Verro", "Tomas Riel"])],
        ),
        # unless a later telling gives its day
        (
            "President Lia Verro and President Tomas Riel have held talks in Quito. The two "
            "presidents held a meeting in Quito on Monday to discuss trade.",
            [("talks", "2024-08-19", ["Lia Verro", "Tomas Riel"])],
        ),
        # the simple past tells no day of its own
        (
            "President Lia Verro held talks with President Tomas Riel in the capital.",
            [("talks", None, ["Lia Verro", "Tomas Riel"])],
        ),
        # what was done some time ago is no day's news
        (
            "President Lia Verro has held talks with President Tomas Riel in the capital. "
            "Riel said Varnia respects all the agreements signed with Kenya in the past.",
            [("talks", "2024-08-21", ["Lia Verro", "Tomas Riel"])],
        ),
        (
            "President Lia Verro has held talks with President Tomas Riel in the capital. "
            "Riel said Varnia respects the accords previously signed with Kenya.",
            [("talks", "2024-08-21", ["Lia Verro", "Tomas Riel"])],
        ),
    ],
)
def test_a_present_perfect_lede_is_the_filing_days_news(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_the_filing_day_gives_way_to_the_days_a_visit_is_made_for(nlp):
    body = (
        "President Lia Verro has arrived in Kazan, Russia, where she will take part in the "
        "Kazan Summit from 21 to 23 August."
    )
    events = facts_of(nlp, body, AUG_21).events
    assert sorted((e.kind, e.date.value, e.date.end) for e in events) == [
        ("summit", "2024-08-21", "2024-08-23"),
        ("visit", "2024-08-21", "2024-08-23"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a present tense does not push a day of the calendar from last week to next year
        (
            "The trip of Foreign Minister Ali Berko to Kinshasa on August 19 comes two weeks "
            "after the report.",
            "2024-08-19",
        ),
        # ... but a weekday it tells of lies ahead
        ("Foreign Minister Ali Berko arrives in Kinshasa on Monday.", "2024-08-26"),
    ],
)
def test_a_present_tense_day_of_last_week(nlp, body, expected):
    assert [d for k, d, _ in event_rows(nlp, body, dt.date(2024, 8, 21))] == [expected]


def test_a_visit_looked_forward_to_lies_ahead(nlp):
    """ "looks forward to X's visit in May", told in April: next month, though told as
    someone's visit (which recalled keeps its past reading)."""
    body = (
        "Foreign Minister Ana Velor said Peru looks forward to President Tom Arkan's visit to "
        "Peru in May."
    )
    visits = events_of(nlp, body, dt.date(2025, 4, 15), "visit")
    assert [(e.date.value, e.guest.name) for e in visits] == [("2025-05", "Tom Arkan")]


@pytest.mark.parametrize(
    "thing",
    [
        "the trade agreement that came into force last year",
        # (and so of a named agreement the model may take for a body)
        "the Comprehensive Economic Partnership Agreement (CEPA) that came into force last year",
    ],
)
def test_a_date_of_a_thing_talked_about_is_no_events(nlp, thing):
    body = (
        "President Tom Arkan and President Ana Lopes on Tuesday held a virtual summit, during "
        f"which they reviewed progress on {thing}."
    )
    assert event_rows(nlp, body, AUG_21) == [("summit", "2024-08-20", ["Ana Lopes", "Tom Arkan"])]


def test_a_dateline_that_gives_the_date_first_dates_the_ledes_events(nlp):
    body = (
        "August 20, 2024, Nairobi\n\nThe talks of President Ana Silva and President Martin "
        "Olazabal dealt mainly with trade.\n\nThe two leaders later signed a joint declaration."
    )
    article = article_of(body, AUG_21)
    assert article.dateline is not None and article.dateline.place == "Nairobi"
    found = sorted(
        (e.kind, e.date.value if e.date else None) for e in extract_facts(nlp, article).events
    )
    assert found == [("agreement-signing", "2024-08-20"), ("talks", "2024-08-20")]


def test_the_first_event_after_a_lede_that_tells_none_takes_the_datelines_day(nlp):
    body = (
        "OSLO, Aug 19: President Kofi Amoah has offered Norway a share of the port.\n\n"
        "Foreign Minister Omar Kaya paid a courtesy call on Amoah at the palace."
    )
    assert event_rows(nlp, body, AUG_21) == [("meeting", "2024-08-19", ["Kofi Amoah", "Omar Kaya"])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a meeting the visitor plans is part of the planned visit told before it
        (
            "Prime Minister Lena Obi will visit Norway next month. She will arrive in Oslo on "
            "September 9.\n\nObi will meet with Prime Minister Arne Holt and other ministers.",
            [
                ("meeting", "2024-09", ["Arne Holt", "Lena Obi"]),
                ("visit", "2024-09-09", ["Lena Obi", "Norway"]),
            ],
        ),
        # ... a visit retold in its own sentence's participle stays a plan
        (
            "Prime Minister Lena Obi will travel to Norway on September 9, making it her first "
            "trip abroad since her election.",
            [("visit", "2024-09-09", ["Lena Obi"])],
        ),
    ],
)
def test_plans_of_a_planned_visit(nlp, body, expected):
    events = facts_of(nlp, body, AUG_21).events
    assert all(e.scheduled for e in events)
    assert event_rows(nlp, body, AUG_21) == expected


def test_what_a_free_relative_calls_the_event_takes_its_day(nlp):
    body = (
        "Prime Minister Arne Holt will hold talks with the Danish premier Mark Vell in Aarhus "
        "on 10 September in what will be the premier's first foreign trip."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("talks", "2024-09-10", ["Arne Holt", "Mark Vell"]),
        ("visit", "2024-09-10", ["Arne Holt"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a weekday written into the event's own name lies the way its clause points
        ("President Arne Holt's Friday visit to Oslo will focus on trade.", "2024-08-23"),
        ("President Arne Holt's Friday visit to Oslo focused on trade.", "2024-08-16"),
    ],
)
def test_a_day_written_into_someones_event_lies_the_way_its_clause_points(nlp, body, expected):
    assert [d for k, d, _ in event_rows(nlp, body, AUG_21) if k == "visit"] == [expected]


@pytest.mark.parametrize(
    ("opening", "day"), [("", "2024-08-21"), ("KAMPALA, Aug 20 (Reuters) - ", "2024-08-20")]
)
def test_a_statement_told_with_no_day_is_made_on_the_day_the_story_is_filed(nlp, opening, day):
    body = (
        f"{opening}Minister Lena Varga will visit Kampala in October. The Ugandan Foreign "
        "Ministry noted in a statement that ties were improving."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("statement", day, ["Ministry of Foreign Affairs of Uganda"]),
        ("visit", "2024-10", ["Lena Varga"]),
    ]


def test_a_visit_that_frames_a_plan_lies_ahead_with_it(nlp):
    # a full stop after the month is no part of the date; "likely to be signed" is a plan,
    # so the visit it is signed during is not one recalled from the year before
    body = (
        "Trade minister Arne Holt on Monday said two Memoranda of Cooperation (MoCs) are likely "
        "to be inked by Oslo and Nairobi during premier Lena Obi’s Kenya visit to join the "
        "‘Lake Basin Summit’ from 8-10 October."
    )
    visits = events_of(nlp, body, dt.date(2023, 10, 2), "visit")
    assert [(v.date.value, v.date.end) for v in visits] == [("2023-10-08", "2023-10-10")]


def test_a_date_after_the_noun_following_frames_is_that_nouns(nlp):
    # the parser hangs "last month" on "held"; it tells when the win was
    body = (
        "President Tom Arkan met Zambia’s newly elected president, Lena Obi, on Wednesday. In "
        "a brief note on the official Facebook account of President Obi, both leaders met and "
        "held talks one day after Obi’s inauguration in the city of Lusaka following his slim "
        "election win last month."
    )
    rows = [r for r in event_rows(nlp, body, dt.date(2022, 9, 14)) if r[0] == "meeting"]
    assert [r[1] for r in rows] == ["2022-09-14"]
