"""Event coreference: mentions of one event merged into one (a signing told twice, a signing
ceremony, a summit on whose margins others meet) and nested in the visit being reported; an
event that only sounds like one told before (a recalled visit, another signing) kept apart."""

from __future__ import annotations

import datetime as dt

import pytest
from mapping_support import AUG_20, AUG_21, JAN_30, event_rows, events_of, facts_of, kinds, summary

pytestmark = pytest.mark.slow

SIGNING = (
    "MANILA (PNA) -- Japan and the Philippines on Monday signed the Reciprocal Defence "
    "Agreement. Minister Aiko Sato and Secretary Pedro Cruz signed the agreement at the palace, "
    "with President Efren Malabanan witnessing the ceremony. "
)


def test_mentions_of_one_event_are_merged_and_nested_in_the_visit(nlp):
    body = (
        "Kazakh Foreign Minister Daulet Serikbayev and Kyrgyz President Talant Osmonaliev met at a "
        "meeting on Jan. 29 during Serikbayev’s first official visit to Bishkek.\n\n"
        "In the meeting, they discussed trade.\n\n"
        "Serikbayev also attended a wreath-laying ceremony held at the Kyzyl-Tuu Memorial Complex."
    )
    events = events_of(nlp, body, JAN_30)
    kinds = sorted(e.kind for e in events)
    assert kinds == ["ceremony", "meeting", "visit"]
    visit = next(e for e in events if e.kind == "visit")
    assert visit.date.value == "2024-01-29"
    for e in events:
        if e is not visit:
            assert e.part_of is visit and e.date.value == "2024-01-29" and e.host.key == "KGZ"


def test_a_recalled_visit_is_its_own_event(nlp):
    body = (
        "President Talant Osmonaliev paid a state visit to Turkmenistan in March 2021.\n\n"
        "Last week, Foreign Minister Daulet Serikbayev paid an official visit to Uzbekistan."
    )
    assert sorted(summary(e) for e in events_of(nlp, body, JAN_30)) == [
        ("visit", "2021-03", ["Talant Osmonaliev"]),
        ("visit", "2024-01", ["Daulet Serikbayev"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "signed the agreement" again: one signing; its ceremony is that signing; "Before the
        # signing" dates the meeting on the signing's day
        (
            SIGNING + "Before the signing, Sato and Minister Ken Mori held the second "
            "Ministerial Meeting with Cruz at the Department of Foreign Affairs.",
            [
                ("agreement-signing", "2024-07-08"),
                ("meeting", "2024-07-08"),
            ],
        ),
        # "signed a joint declaration": a signing of its own
        (
            "ANKARA, July 8 -- Turkey and Egypt signed 17 agreements on Monday. Foreign "
            "Ministers Ali Demir and Omar Aziz signed a joint declaration on the council's work.",
            [
                ("agreement-signing", "2024-07-08"),
                ("agreement-signing", "2024-07-08"),
            ],
        ),
    ],
)
def test_signing_told_twice(nlp, body, expected):
    facts = facts_of(nlp, body, dt.date(2024, 7, 8))
    got = sorted((e.kind, e.date.value if e.date else None) for e in facts.events)
    assert got == expected


@pytest.mark.parametrize(
    "body",
    [
        "President Ali Hassan and President John Mwale witnessed the signing ceremony of four "
        "agreements in Nairobi on Monday.",
        "President Ali Hassan and President John Mwale signed four agreements at a signing "
        "ceremony in Nairobi on Monday.",
        "President Ali Hassan and President John Mwale witnessed the signing of four "
        "agreements, and the signed documents were exchanged at a ceremony in Nairobi.",
        # "the signing ceremony" told again with one who spoke there
        "President Ali Hassan and President John Mwale signed four agreements in Nairobi on "
        'Monday.\n\n"We are sister nations," Hassan said at the signing ceremony.',
    ],
)
def test_a_signing_ceremony_is_one_signing(nlp, body):
    assert kinds(facts_of(nlp, body, AUG_20)) == ["agreement-signing"]


def test_meetings_on_the_margins_of_a_summit_are_bilateral_and_the_summit_is_one(nlp):
    body = (
        "Prime Minister Ravi Rao held talks with President Ana Silva on the sidelines of the "
        "BRICS Summit on Monday.\n\nRao also met Premier Gao Jianming and President Tom Dube on "
        "the margins of the summit."
    )
    found = event_rows(nlp, body, AUG_21)
    meetings = sorted(p for k, _, p in found if k == "meeting")
    assert meetings == [["Gao Jianming", "Ravi Rao"], ["Ravi Rao", "Tom Dube"]]
    assert [k for k, _, _ in found].count("summit") == 1


def test_a_summit_named_with_fewer_of_its_words_is_that_summit(nlp):
    body = (
        "Prime Minister Ravi Rao held talks with President Ana Silva on the sidelines of the "
        "EAMC Extraordinary Summit in Nairobi on Monday.\n\nThe 12th Extraordinary Summit of "
        "the East African Mining Council (EAMC) was attended by the leaders of member states."
    )
    found = event_rows(nlp, body, AUG_21)
    assert [k for k, _, _ in found].count("summit") == 1


def test_a_summit_named_apart_is_another_summit(nlp):
    """The summit on whose sidelines two met in March is not the one ahead in September."""
    body = (
        "President Tomas Vell will fly to Montevideo, where he will attend a Mercosur summit "
        "on September 1.\n\nVell and President Ana Silva last met in March on the sidelines "
        "of the Ibero-American summit in Madrid."
    )
    summits = [
        (e.date.value if e.date else None, e.place.name if e.place else None)
        for e in events_of(nlp, body, AUG_21)
        if e.kind == "summit"
    ]
    assert sorted(summits) == [("2024-03", "Madrid"), ("2024-09-01", "Montevideo")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the gathering is no telling of the talks held on its sidelines: its own event,
        # of its bodies, hosted by the country it sits in; the talks keep their people
        (
            "Foreign Minister Lena Varga and her Chilean counterpart, Tomas Arvel, held talks "
            "on Thursday on the margins of the annual Asia-Pacific Economic Cooperation "
            "meeting held in Peru.",
            [
                ("meeting", "2024-08-15", ["Asia-Pacific Economic Cooperation"], "PER"),
                ("talks", "2024-08-15", ["Lena Varga", "Tomas Arvel"], None),
            ],
        ),
        # the place lower down in the gathering's name
        (
            "Minister Kofi Dantra met Minister Lena Varga on Monday on the margins of the "
            "informal meeting of the Commonwealth Council of Ministers in New York.",
            [
                ("meeting", "2024-08-19", ["Commonwealth Council"], "USA"),
                ("meeting", "2024-08-19", ["Kofi Dantra", "Lena Varga"], None),
            ],
        ),
        # a body named as the frame stands for its session
        (
            "Minister Kofi Dantra and Minister Lena Varga met in September in New York on the "
            "sidelines of the annual U.N. General Assembly.",
            [
                ("meeting", "2023-09", ["Kofi Dantra", "Lena Varga"], None),
                ("meeting", "2023-09", ["United Nations General Assembly"], None),
            ],
        ),
        # a body's forum on whose fringes talks are held, told after a plan they agreed
        (
            "President Kofi Dantra and President Lena Varga agreed Friday to pursue closer "
            "ties in their first talks, held on the fringes of the APEC forum in Lima.",
            [
                ("meeting", "2024-08-16", ["Asia-Pacific Economic Cooperation"], "PER"),
                ("talks", "2024-08-16", ["Kofi Dantra", "Lena Varga"], None),
            ],
        ),
        # talks between their own sides, or a round of them, are the frame of the meeting
        # told with them, not a telling of it
        (
            "Minister Kofi Dantra met his Omani counterpart Lena Varga in Muscat on Saturday, "
            "on the sidelines of the third round of indirect talks between Kenya and Uganda.",
            [
                ("meeting", "2024-08-17", ["Kofi Dantra", "Lena Varga"], None),
                ("talks", "2024-08-17", ["Kenya", "Uganda"], None),
            ],
        ),
        (
            "Minister Kofi Dantra met Minister Lena Varga in Muscat on Saturday on the "
            "sidelines of talks between Kenya and Uganda.",
            [
                ("meeting", "2024-08-17", ["Kofi Dantra", "Lena Varga"], None),
                ("talks", "2024-08-17", ["Kenya", "Uganda"], None),
            ],
        ),
        # "within the framework of" a gathering: its frame too (not of a body: no sitting)
        (
            "Minister Kofi Dantra held a meeting with his counterpart Lena Varga on Tuesday "
            "evening, within the framework of the Group of Twenty (G20) Leaders' Meeting that "
            "will be held in the city of Lima this week.",
            [
                ("meeting", "2024-08-20", ["Group of Twenty"], None),
                ("meeting", "2024-08-20", ["Kofi Dantra", "Lena Varga"], None),
            ],
        ),
        (
            "Minister Kofi Dantra held a meeting with his counterpart Lena Varga on Tuesday. "
            "They spoke of their work within the framework of the African Union.",
            [("meeting", "2024-08-20", ["Kofi Dantra", "Lena Varga"], None)],
        ),
    ],
)
def test_a_gathering_on_whose_sidelines_others_meet_is_its_own(nlp, body, expected):
    rows = sorted(
        (
            e.kind,
            e.date.value if e.date else None,
            sorted(p.name for p in e.participants),
            e.host.key if e.host else None,
        )
        for e in facts_of(nlp, body, AUG_21).events
    )
    assert rows == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the visitor's visit retold in the future tense: its effect, not another visit
        (
            "President Tomasz Wierzbowski said his visit to Uganda was a good "
            "opportunity. President Peter Kizza said Wierzbowski's visit will be of importance.",
            [("visit", None, ["Tomasz Wierzbowski"])],
        ),
        # "discussed with Y": what was said at the meeting with Y told before
        (
            "Minister Amani Odhiambo held a meeting with Minister Peter Kizza on Monday. At a "
            "joint press conference, Odhiambo said he discussed trade with Kizza.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
                ("statement", "2024-08-19", ["Amani Odhiambo"]),
            ],
        ),
        # a visit told in the week, then on its day: one visit, on that day
        (
            "Foreign Minister Tom Arkan will travel to Kenya next week, the ministry said. "
            "Arkan is due to arrive in Nairobi on Sunday.",
            [("visit", "2024-08-25", ["Tom Arkan"])],
        ),
        # ... but a year is too coarse to tell a meeting held from the next one
        (
            "Minister Amani Odhiambo held a meeting with Minister Peter Kizza on Monday. The "
            "next meeting will be held in Kampala later this year.",
            [("meeting", "2024", []), ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # who attended the meeting told before: that meeting, and no parties to it
        (
            "Minister Amani Odhiambo received Minister Peter Kizza on Monday. The meeting was "
            "attended by Kofi Dantra, Assistant Minister for Trade, and Lea Moro, Ambassador "
            "of Uganda to Kenya.",
            [("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        (
            "Minister Amani Odhiambo received Minister Peter Kizza on Monday.\n\nDuring their "
            "meeting, which was attended by Kofi Dantra, Assistant Minister for Trade, "
            "Odhiambo and Kizza reviewed the ties.",
            [("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        (
            "Minister Amani Odhiambo held talks with Minister Peter Kizza in Kampala on Monday. "
            "Also present at the talks were Kofi Dantra and Lea Moro.",
            [("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # ... but who attended a ceremony takes part in it
        (
            "Minister Amani Odhiambo laid a wreath at the Heroes Monument in Kampala on Monday. "
            "The ceremony was attended by Minister Peter Kizza.",
            [("ceremony", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # "received a call from Y and discussed ...": the discussion is the call
        (
            "King Amani Odhiambo on Monday received a phone call from President Peter Kizza, "
            "and discussed bilateral relations.",
            [("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # "will host Y for a summit": the summit is the meeting; "the talks will focus on"
        # what that summit is to be about
        (
            "President Amani Odhiambo will host President Peter Kizza for a summit in Nairobi "
            "on August 28. The talks will focus on the ceasefire.",
            [("summit", "2024-08-28", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        (
            "President Amani Odhiambo hosted President Peter Kizza for talks in Nairobi on Monday.",
            [("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # a gathering named alike, framing one event and then told: one gathering
        (
            "Foreign Minister Tom Arkan held, Monday in Lima, talks with several envoys, on the "
            "margins of the Andean Council meeting of ministers.\n\nArkan held a meeting with "
            "Foreign Minister Ana Velor on trade.\n\nThe meeting took place an hour before the "
            "Andean Council meeting, at which Peru passed the chair to Chile.",
            # (persons only: the council's meeting has none)
            [
                ("meeting", "2024-08-19", []),
                ("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("talks", "2024-08-19", ["Tom Arkan"]),
            ],
        ),
        # a summit and a meeting of the same two, planned for one time: one plan
        (
            "The ministers decided to arrange a summit of President Tom Arkan and President "
            "Ana Velor for October. Under the plan, Presidents Tom Arkan and Ana Velor will "
            "hold a meeting in October.",
            [("summit", "2024-10", ["Ana Velor", "Tom Arkan"])],
        ),
        # a meeting planned in a city, then told as held at a venue: held, on its day
        (
            "Prime Minister Tom Arkan was invited to hold a meeting with Vice President Ana "
            "Velor in Washington. The meeting happened on Monday at the White House.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
        # a document signed, told again by the word of its name: no statement of its own
        (
            "Today in Lima, Foreign Minister Tom Arkan of Peru and Prime Minister Ana Velor of "
            "Chile came together to sign an updated Statement of Intent.\n\nThe Statement of "
            "Intent lists what both governments will work on until 2028. Arkan said it covers "
            "fishing and ports.\n\nThe Statement also commits Peru to help Chile with water.",
            [("agreement-signing", "2024-08-20", ["Ana Velor", "Tom Arkan"])],
        ),
    ],
)
def test_a_retold_event_is_one(nlp, body, expected):
    assert sorted(summary(e) for e in events_of(nlp, body, AUG_20)) == expected


@pytest.mark.parametrize(
    "body",
    [
        # one ceremony signed all the documents: the second signing, told without its
        # people, and "the ceremony" are that signing
        "KAMPALA, Aug 19 -- Minister Amani Odhiambo and Minister Peter Kizza signed a "
        "programme of cooperation on Monday. Furthermore, memoranda were signed between the "
        "Korva Transport Agency and the Zalabi Foundation. At the close of the ceremony, the "
        "participants voiced confidence in the documents.",
        # a signing retold, neither telling dated
        "Minister Amani Odhiambo and Minister Peter Kizza signed a declaration on strategic "
        "partnership. Odhiambo said the talks were a welcome opportunity for signing the "
        "partnership.",
        # then who signed for each side, with no document named
        "Kenya and Uganda signed a memorandum on energy and an agreement on visas on Monday. "
        "Kenyan Foreign Minister Amani Odhiambo signed on behalf of Kenya, while Ugandan "
        "Foreign Minister Lena Kizza signed for her country.",
    ],
)
def test_one_signing_of_several_documents(nlp, body):
    assert [k for k, _, _ in event_rows(nlp, body, AUG_20) if k != "talks"] == ["agreement-signing"]


def test_signings_by_bodies_of_their_own_are_two(nlp):
    """A contract signed by some bodies and a memorandum signed between others: two
    signings, though told on one day without a person."""
    body = (
        "The state oil company Norvak and its subsidiary Norvak Drilling signed a supply "
        "contract with the Velmar Energy Corporation on Monday.\n\nSeparately, a memorandum "
        "of understanding was signed between the Korva Academy of Diplomacy and the Velmar "
        "Institute for Strategic Studies."
    )
    assert event_rows(nlp, body, AUG_21) == [
        (
            "agreement-signing",
            "2024-08-19",
            ["Korva Academy of Diplomacy", "Velmar Institute for Strategic Studies"],
        ),
        (
            "agreement-signing",
            "2024-08-19",
            ["Norvak", "Norvak Drilling", "Velmar Energy Corporation"],
        ),
    ]


def test_a_briefing_told_again_is_one_statement(nlp):
    body = (
        "Spokesman Amani Odhiambo told a news briefing on Monday that the minister will travel "
        "to Uganda. The briefing came ahead of the minister's trip to Uganda from August 25."
    )
    statements = [summary(e) for e in events_of(nlp, body, AUG_20) if e.kind == "statement"]
    assert statements == [("statement", "2024-08-19", ["Amani Odhiambo"])]


def test_it_was_their_first_talks_is_the_call_told_before(nlp):
    body = (
        "Foreign Minister Amani Odhiambo had phone talks with his counterpart Peter Kizza on "
        "Monday. These were their first talks since the crisis began."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])
    ]


def test_the_documents_told_again_in_the_passive_name_who_signed_them(nlp):
    """The first telling names the witnesses; "The agreements were signed by ..." tells the
    same signing again with its signatories."""
    body = (
        "ACCRA, Aug 19 -- Ghana and Togo signed five agreements on Monday at a ceremony "
        "witnessed by President Amani Odhiambo and President Peter Kizza. The agreements were "
        "signed by the two foreign ministers, Ama Owusu and Kossi Adjo."
    )
    signings = events_of(nlp, body, AUG_20, "agreement-signing")
    assert [summary(e) for e in signings] == [
        (
            "agreement-signing",
            "2024-08-19",
            ["Ama Owusu", "Amani Odhiambo", "Kossi Adjo", "Peter Kizza"],
        )
    ]


def test_a_document_signed_by_signatories_of_its_own_is_another_signing(nlp):
    body = (
        "KAMPALA, Aug 19 -- Minister Amani Odhiambo and Minister Peter Kizza signed an "
        "agreement on Monday. A memorandum between the Korva Research Agency and the Ministry "
        "of Science of Uganda was also signed by the heads of both institutions."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_20)] == [
        "agreement-signing",
        "agreement-signing",
    ]


def test_what_the_talks_covered_is_the_call_told_before(nlp):
    body = (
        "King Amani Odhiambo on Monday received a phone call from President Peter Kizza. "
        "Discussions also covered the situation in Sudan, with Uganda scheduled to chair the "
        "council in July."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])
    ]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # what the two discussed, on the call's day: the call
        (
            "They discussed trade on Monday.",
            [("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # ... not talks on a day long before, or in a place of their own
        (
            "On March 3, the two ministers held talks.",
            [
                ("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
                ("talks", "2024-03-03", ["Amani Odhiambo", "Peter Kizza"]),
            ],
        ),
        # (told with no day of its own, right after the call: the call's day)
        (
            "The two ministers held talks in Kampala.",
            [
                ("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
                ("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
            ],
        ),
    ],
)
def test_talks_after_a_call_with_a_day_or_place_of_their_own_are_their_own(nlp, after, expected):
    body = (
        "Foreign Minister Amani Odhiambo spoke by phone with Foreign Minister Peter Kizza on "
        f"Monday. {after}"
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == expected


def test_talks_dated_by_the_dateline_told_again_with_their_day_are_on_that_day(nlp):
    # the dateline's day is the filing's: the talks told again "on Friday" tell their day
    body = (
        "Nairobi, August 20 (ANA) Foreign Minister Tomas Vell had talks with his counterpart "
        "Ilse Marrow at the Foreign Ministry in Nairobi.\n\nMuch of their talks on Friday went "
        "to a new air services deal, the agency reported."
    )
    talks = [summary(e) for e in events_of(nlp, body, AUG_20) if e.kind in ("talks", "meeting")]
    assert talks == [("talks", "2024-08-16", ["Ilse Marrow", "Tomas Vell"])]


def test_the_ceremony_of_a_summit_is_part_of_it_and_on_its_day(nlp):
    body = (
        "The Korva Summit was held in Nairobi on Monday.\n\nKenya wants more investment, "
        "officials said last week.\n\nAt the inaugural ceremony of the summit, President Amani "
        "Odhiambo said trade must grow."
    )
    events = events_of(nlp, body, AUG_20)
    assert [summary(e) for e in events] == [
        ("summit", "2024-08-19", ["Amani Odhiambo"]),
        ("ceremony", "2024-08-19", ["Amani Odhiambo"]),
    ]
    assert events[1].part_of is events[0]


def test_a_site_seen_during_a_visit_is_a_visit_of_its_own_in_the_host_country(nlp):
    """The site is in the country of the one visit its guest is on."""
    body = (
        "Foreign Minister Amani Odhiambo arrived in Kampala on Monday for an official visit. "
        "He also visited the Korva hydroelectric power plant."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted(
        (e.host.name if e.host else "-", e.guest.name, e.place.name if e.place else "-")
        for e in visits
    ) == [
        ("Uganda", "Amani Odhiambo", "Kampala"),
        ("Uganda", "Amani Odhiambo", "Korva hydroelectric power plant"),
    ]


def test_a_site_of_no_country_visited_on_a_state_visit_is_in_the_host_country(nlp):
    body = (
        "President Amani Odhiambo held talks with President Lena Varga of Hungary, who is in "
        "Kenya for a state visit. Varga is also expected to visit the Korva Institute "
        "headquarters."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted((e.host.name if e.host else "-", e.guest.name) for e in visits) == [
        ("Kenya", "Lena Varga"),
        ("Kenya", "Lena Varga"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "YEREVAN, JUNE 3. Prime Minister Nora Vartanian received Speaker Petros Danelis. "
        "Earlier in the day, Petros Danelis visited the Korva Memorial and laid a wreath.",
        "Prime Minister Nora Vartanian received Speaker Petros Danelis on Tuesday. Later, "
        "Petros Danelis visited the Korva Memorial Park.",
    ],
)
def test_a_named_site_seen_is_no_setting_for_the_trip(nlp, body):
    """A site visited by name is seen on the trip: the meeting was not held there."""
    events = events_of(nlp, body, dt.date(2025, 6, 3))
    meeting = next(e for e in events if e.kind == "meeting")
    assert summary(meeting) == ("meeting", "2025-06-03", ["Nora Vartanian", "Petros Danelis"])
    assert meeting.place is None


def test_a_named_site_seen_is_a_visit_apart_from_the_trip(nlp):
    body = (
        "President Petros Danelis, who is on a working visit to Kenya, held talks with "
        "President Amani Odhiambo on Tuesday. Later, Danelis visited the Korva Memorial Park."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert sorted((e.place.name if e.place else "-", e.guest.name) for e in visits) == [
        ("-", "Petros Danelis"),
        ("Korva Memorial Park", "Petros Danelis"),
    ]


def test_a_meeting_a_visit_is_made_for_is_part_of_it(nlp):
    body = (
        "Foreign Minister Amani Odhiambo plans to visit Kampala early next month for a "
        "working meeting with Foreign Minister Peter Kizza."
    )
    events = events_of(nlp, body, AUG_20)
    visit = next(e for e in events if e.kind == "visit")
    meeting = next(e for e in events if e.kind == "meeting")
    assert meeting.part_of is visit and meeting.date == visit.date
    assert visit.date is not None and visit.date.value == "2024-09"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the meeting a trip is made for is held on it, by the traveller
        (
            "Prime Minister Rhona Castell will travel to Poland on Thursday to meet President "
            "Ivo Dabrek.",
            [
                ("meeting", "2024-08-22", ["Ivo Dabrek", "Rhona Castell"]),
                ("visit", "2024-08-22", ["Rhona Castell"]),
            ],
        ),
        (
            "Prime Minister Rhona Castell travels on to Gdansk on Thursday to meet business "
            "leaders.",
            [
                ("meeting", "2024-08-22", ["Rhona Castell"]),
                ("visit", "2024-08-22", ["Rhona Castell"]),
            ],
        ),
        # the purpose of a meeting is that meeting, not another
        (
            "Foreign Minister Tom Arkan held a meeting with Foreign Minister Ana Velor on Monday "
            "to discuss trade.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
    ],
)
def test_a_trip_made_to_meet_someone_holds_that_meeting(nlp, body, expected):
    assert event_rows(nlp, body, AUG_20) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a sitting told with a place of its own that the one told before lacks: another
        (
            "Foreign Minister Mark Ellis and Foreign Minister Sarah Ngata opened the session of "
            "the joint commission in Abuja on Monday.\n\nIt is the first since the commission's "
            "last session was held in Accra in March 2023.",
            [
                (("meeting", "2024-08-19", ["Mark Ellis", "Sarah Ngata"]), "Abuja"),
                (("meeting", None, []), "Accra"),
            ],
        ),
        # a headline's meeting is the one the body tells with its people
        (
            "Kenya-Uganda Foreign Ministers' Meeting\n\nOn August 19, Mr. Tomas Vell, Minister "
            "for Foreign Affairs of Kenya, held a meeting with Ms. Ilse Marrow, Minister of "
            "Foreign Affairs of Uganda, who is visiting Kenya.",
            [(("meeting", "2024-08-19", ["Ilse Marrow", "Tomas Vell"]), None)],
        ),
    ],
)
def test_which_tellings_of_a_meeting_are_one(nlp, body, expected):
    meetings = events_of(nlp, body, AUG_20, "meeting")
    assert [(summary(e), e.place.name if e.place else None) for e in meetings] == expected


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        # "at the airport": the airport named before; the same two at another venue on a
        # day of its own met again
        (
            "At the airport, the two presidents held a meeting.",
            [("meeting", "Arden International Airport"), ("talks", "Castle of Rennick")],
        ),
        # no venue of its own, and no day: the talks told again
        ("The two presidents held a meeting.", [("meeting", "Castle of Rennick")]),
    ],
)
def test_the_same_two_at_two_venues_met_twice(nlp, venue, expected):
    body = (
        "President Oren Tallis saw off President Mika Dovran at Arden International Airport. "
        f"{venue} On 18 August, Oren Tallis and Mika Dovran held talks at the Castle of "
        "Rennick."
    )
    events = [e for e in events_of(nlp, body, AUG_20) if e.kind in ("meeting", "talks")]
    assert [(e.kind, e.place.name if e.place else None) for e in events] == expected


TALKS = "Foreign Minister Ali Bek held talks with Foreign Minister John Banda on Monday.\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the verb and its object tell one meeting (the parser splits "co-" off the verb)
        (
            "The two ministers co-chaired the 3rd Kenya-Zambia Joint Commission Meeting on "
            "Tuesday.",
            [
                (
                    "meeting",
                    "2024-08-20",
                    ["Ali Bek", "John Banda", "Kenya-Zambia Joint Commission"],
                ),
                ("talks", "2024-08-19", ["Ali Bek", "John Banda"]),
            ],
        ),
        # signed before them: they take part
        (
            "Several documents were signed in the presence of both ministers.",
            [
                ("agreement-signing", "2024-08-19", ["Ali Bek", "John Banda"]),
                ("talks", "2024-08-19", ["Ali Bek", "John Banda"]),
            ],
        ),
        # "the two Ministers co-signed": the parser makes "co" the subject
        (
            "The two Ministers co-signed an agreement on trade.",
            [
                ("agreement-signing", "2024-08-19", ["Ali Bek", "John Banda"]),
                ("talks", "2024-08-19", ["Ali Bek", "John Banda"]),
            ],
        ),
    ],
)
def test_what_the_two_ministers_co_chaired_or_co_signed(nlp, body, expected):
    assert event_rows(nlp, TALKS + body, AUG_21) == expected


def test_the_meeting_a_minister_will_co_chair_with_his_counterpart_is_one(nlp):
    # (the parser splits "co-" off the verb and hangs "chair" on it as a dependent)
    body = (
        "New Delhi, Aug 19 (PTI) External Affairs Minister S Ravindran will visit Egypt from "
        "Thursday. In Cairo, Ravindran will co-chair the India-Egypt Joint Commission meeting "
        "with his Egyptian counterpart Hassan Fathy, the ministry said."
    )
    meetings = events_of(nlp, body, AUG_20, "meeting")
    assert [sorted(p.name for p in e.participants) for e in meetings] == [
        ["Hassan Fathy", "India-Egypt Joint Commission", "S Ravindran"]
    ]


@pytest.mark.parametrize(
    ("again", "expected"),
    [
        # an apposition that counts it describes the meeting told, not another one
        ("The meeting, the first since Ngata took office in May, focused on trade.", 1),
        ("The second meeting, held in Nadi in May, focused on trade.", 2),
        ("The meeting in Canberra was the first of the two leaders.", 1),
    ],
)
def test_the_meeting_told_again_with_an_ordinal_apposition_is_that_meeting(nlp, again, expected):
    body = (
        "Prime Minister Mark Ellis and Prime Minister Sarah Ngata held their annual meeting in "
        f"Canberra on Monday.\n\n{again}"
    )
    meetings = events_of(nlp, body, AUG_20, "meeting")
    assert len(meetings) == expected
    assert summary(meetings[0]) == ("meeting", "2024-08-19", ["Mark Ellis", "Sarah Ngata"])


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # what a clause tells after an event of its group it names is another event
        ("Following the meeting, Walsh and Pratiwi held a bilateral meeting.", 2),
        ("After the meeting, Walsh and Pratiwi held a bilateral meeting.", 2),
        # ... but an event named inside a document's name is that event told again
        ("After the meeting, Walsh and Pratiwi signed the minutes of the meeting.", 1),
    ],
)
def test_a_meeting_held_after_a_meeting_is_another(nlp, after, expected):
    body = (
        "Foreign Minister Sari Pratiwi and Foreign Minister Penny Walsh attended a meeting of "
        f"ministers on Monday. {after}"
    )
    meetings = events_of(nlp, body, AUG_20, "meeting")
    assert [summary(e) for e in meetings] == [
        ("meeting", "2024-08-19", ["Penny Walsh", "Sari Pratiwi"])
    ] * expected


def test_banks_concluding_an_agreement_of_their_own_are_another_signing(nlp):
    body = (
        "ASTANA, Aug 19 -- Minister Amani Odhiambo and Minister Peter Kizza signed an "
        "agreement on Monday. Uganda's Korva Export Bank and the Development Bank of Kenya "
        "concluded an agreement opening a credit line."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_20)] == [
        "agreement-signing",
        "agreement-signing",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the ceremony folded into its signing gives it its day; the talks on whose margins
        # the signing took place sat that day too
        (
            "Chile and Ghana have jointly signed a memorandum of understanding on diplomatic "
            "training. The memorandum was signed on the margins of the third round of "
            "Chile-Ghana political consultations, at a short ceremony held today in Valmora.",
            [
                ("agreement-signing", "2024-08-21", ["Chile", "Ghana"]),
                ("talks", "2024-08-21", ["Ghana"]),
            ],
        ),
        (
            "Chile and Ghana have jointly signed a memorandum of understanding on diplomatic "
            "training. The memorandum was signed at a ceremony held today in Valmora.",
            [("agreement-signing", "2024-08-21", ["Chile", "Ghana"])],
        ),
        # no day told anywhere, but the news told in the present perfect: the day the story
        # is filed, which the frame shares
        (
            "Chile and Ghana have jointly signed a memorandum of understanding on diplomatic "
            "training. The memorandum was signed on the margins of the third round of "
            "Chile-Ghana political consultations.",
            [
                ("agreement-signing", "2024-08-21", ["Chile", "Ghana"]),
                ("talks", "2024-08-21", ["Ghana"]),
            ],
        ),
        # ... or told in the simple past, with no day: none made up
        (
            "Chile and Ghana jointly signed a memorandum of understanding on diplomatic "
            "training. The memorandum was signed on the margins of the third round of "
            "Chile-Ghana political consultations.",
            [("agreement-signing", None, ["Chile", "Ghana"]), ("talks", None, ["Ghana"])],
        ),
        # a meeting on a gathering's margins dates the gathering (whose parties are not
        # the two who met there)
        (
            "Foreign Minister Tomas Arvel of Chile met Foreign Minister Kofi Dantra of Ghana on "
            "Monday on the margins of the Valmora Ports Summit.",
            [
                ("meeting", "2024-08-19", ["Kofi Dantra", "Tomas Arvel"]),
                ("summit", "2024-08-19", ["Chile", "Ghana"]),
            ],
        ),
    ],
)
def test_an_event_and_its_frame_share_a_day(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an event told by its name is no reference back to the last of its kind
        (
            "Foreign Minister Tom Arkan, who is on a two-day visit to Kenya, also called on "
            "Prime Minister Ana Velor. Peru and Kenya will hold the third round of the "
            "Peru-Kenya Ministerial Roundtable later this year in Nairobi.",
            [
                ("meeting", "2024", []),
                ("meeting", None, ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-21", ["Tom Arkan"]),
            ],
        ),
        # ... but told by the same name again, it is that event
        (
            "Peru and Kenya agreed to hold the Peru-Kenya Ministerial Roundtable in Nairobi. "
            "Foreign Minister Tom Arkan said the Peru-Kenya Ministerial Roundtable would "
            "focus on trade.",
            [("meeting", None, [])],
        ),
    ],
)
def test_an_event_named_is_its_own_and_one_however_often_named(nlp, body, expected):
    rows = [summary(e) for e in events_of(nlp, body, AUG_21)]
    assert sorted(rows, key=repr) == expected


def test_a_gathering_before_the_visit_is_no_part_of_it(nlp):
    # the summit takes its month from the meeting it frames: before the visit began, so
    # neither part of it nor attended by the visitor
    body = (
        "Foreign Minister Ali Kaya, who arrived in Kigali on Tuesday, held talks with his "
        "counterpart Tomas Ibarra.\n\n"
        "The two ministers last met on the sidelines of the East African Community summit in "
        "Arusha in February."
    )
    events = events_of(nlp, body, dt.date(2025, 5, 16))
    visit = next(e for e in events if e.kind == "visit")
    summit = next(e for e in events if e.kind == "summit")
    assert summit.part_of is None and summit.date.value == "2025-02"
    assert [p.name for p in summit.participants] == ["East African Community"]
    assert visit.date.value == "2025-05-13"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Kenya and Uganda agreed on Tuesday to expand trade during talks in Kampala, the "
            "ministry said.\n\nKenyan Foreign Minister Ali Kaya held talks with his Ugandan "
            "counterpart Tomas Ibarra for two hours.",
            [("talks", "2024-08-20", ["Ali Kaya", "Tomas Ibarra"])],
        ),
        # told first with one of its persons and the other's country, then as a meeting
        (
            "Kenya and Ghana agreed on Monday to double trade, Kenyan Foreign Minister Rosa "
            "Quispe said after talks with her Ghanaian counterpart.\n\nQuispe met Kofi "
            "Amoah, who is also Ghana's deputy prime minister, in Nairobi.",
            [("talks", "2024-08-19", ["Kofi Amoah", "Rosa Quispe"])],
        ),
    ],
)
def test_an_encounter_told_first_by_countries_is_the_one_their_persons_hold(nlp, body, expected):
    assert [summary(e) for e in events_of(nlp, body, AUG_21)] == expected


@pytest.mark.parametrize(
    "body",
    [
        # a trip inside the country visited, on one of the visit's days, is that visit
        "President Tom Arkan of Uganda arrived in Nairobi on Monday for a three-day official "
        "visit to Kenya. On Wednesday, Arkan will travel to Kisumu.",
        # one of its days told first, then its days: the visit has its days
        "President Tom Arkan of Uganda, who is on a state visit to Kenya, met the press on "
        "Tuesday. Arkan, who arrived in Nairobi on Monday for a three-day visit, will travel "
        "on to Kisumu.",
    ],
)
def test_a_day_of_a_visit_of_several_days_is_that_visit(nlp, body):
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(v.host.name, v.date.value, v.date.end) for v in visits] == [
        ("Kenya", "2024-08-19", "2024-08-21")
    ]


def test_an_arrival_on_a_day_of_a_planned_visit_is_that_visit(nlp):
    # told without a destination, and with a region abroad the visit is to open markets in
    body = (
        "President Ana Velor of Chile will pay a state visit to Kenya from August 26 to 28. "
        "Velor arrives on Monday and will hold talks with President Tomas Arkan. The visit "
        "would open new markets in Latin America, officials said."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(v.host.name, v.place, v.date.value, v.date.end) for v in visits] == [
        ("Kenya", None, "2024-08-26", "2024-08-28")
    ]


def test_a_signing_dated_by_the_dateline_is_the_one_told_with_its_day(nlp):
    # "have signed" takes the filing's day; the signing told after with its own day is it
    body = (
        "ACCRA, Aug. 21 (GNA) - Ghana and Togo have signed an accord on joint border "
        "patrols. The accord was signed on Monday by Minister Kofi Mensah and Minister Yao "
        "Kouassi."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_21)] == [
        ("agreement-signing", "2024-08-19", ["Kofi Mensah", "Yao Kouassi"])
    ]


def test_a_signing_told_by_the_countries_then_by_its_signatories_is_one(nlp):
    """ "A and B have signed an MoU on ..." (no day, the countries alone), then "The MoU was
    signed by X for A and his counterpart Y on Thursday": one signing, on that day."""
    body = (
        "LUSAKA - Zambia and Zimbabwe have signed a memorandum of understanding on the joint "
        "management of the Velmark Dam.\n\n"
        "The MoU was signed by Energy Minister Tomas Vell for Zambia and his Zimbabwean "
        "counterpart Rosa Quispe in Livingstone on Tuesday."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("agreement-signing", "2024-08-20", ["Rosa Quispe", "Tomas Vell", "Zambia", "Zimbabwe"])
    ]


def test_a_person_at_a_bodys_meeting_told_again_is_at_that_meeting(nlp):
    body = (
        "Foreign ministers of the Association of Southeast Asian Nations began their yearly "
        "meeting in the Lao capital on Monday. Lao Foreign Minister Ana Velor, who chairs the "
        'meeting, said the bloc must "speak with one voice".'
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-19", ["Ana Velor", "Association of Southeast Asian Nations"])
    ]


def test_a_signing_done_and_one_to_come_in_one_sentence_are_two(nlp):
    # the one to come is no event yet; the one done takes no party of the one to come (its
    # sentence's country stands for those who signed it)
    body = (
        "Chile and Peru concluded negotiations on a trade agreement on Friday.\n\nThe "
        "agreement, which builds on the interim trade pact signed in 2022, is expected to be "
        "signed when Prime Minister Omar Haddad visits Chile later this year."
    )
    signings = events_of(nlp, body, AUG_21, "agreement-signing")
    assert [(e.date.value, sorted(p.name for p in e.participants)) for e in signings] == [
        ("2022", ["Chile"])
    ]


def test_during_the_visit_is_the_visit_told_before_not_one_of_its_hosts(nlp):
    """ "During the visit, the delegation will hold talks with X and Y": the visit told
    before, not a visit of X and Y (the frame's parties are not its clause's)."""
    body = (
        "A parliamentary delegation from Norway led by Speaker Arne Viken arrived in Lisbon on "
        "Tuesday for a three-day official visit.\n\nDuring the visit, the delegation will hold "
        "talks with President Joao Ferrante and Prime Minister Luisa Barreto."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(summary(v), v.host.key) for v in visits] == [
        (("visit", "2024-08-20", ["Arne Viken"]), "PRT")
    ]


@pytest.mark.parametrize(
    "relations",
    [
        "Korvan-French relations",
        # (a pair of countries as the object, once made talks of its own)
        "Saudi-French relations",
    ],
)
def test_what_is_discussed_in_a_frame_belongs_to_the_frame(nlp, relations):
    # the frame hangs on the first verb; the second, joined to it, is said inside it too
    body = (
        "Crown Prince Omar Saleh received a phone call from President Tomas Vell on Sunday. "
        f"During the call, they reviewed {relations} and discussed regional developments."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("phone-call", "2024-08-18", ["Omar Saleh", "Tomas Vell"])
    ]


@pytest.mark.parametrize(
    "second",
    [
        # the day's meeting, though a hope for it is told in the future
        '"I hope that today\'s meeting will serve as an opportunity to deepen our ties," '
        "Arkan said.",
        # a count of summits that the talks told before are one of
        "It was the fourth summit between the two leaders.",
    ],
)
def test_the_days_meeting_told_again_is_the_meeting(nlp, second):
    body = (
        "President Tom Arkan held summit talks with Prime Minister Ana Lopes in Lima on "
        f"Wednesday. {second}"
    )
    assert event_rows(nlp, body, AUG_21) == [("talks", "2024-08-21", ["Ana Lopes", "Tom Arkan"])]


def test_the_deals_signed_on_a_day_are_the_signing_the_lede_told(nlp):
    # the lede tells the signing by its countries, with no day; the deals told again with
    # their day and their witnesses are that signing, done during the visit, not planned
    body = (
        "Kenya and Ethiopia have signed five agreements to boost cooperation in trade and "
        "energy during a state visit by Ethiopian Prime Minister Omar Kaya to Nairobi.\n\nThe "
        "deals, signed at State House on Tuesday in the presence of President Tom Arkan and "
        "Mr Kaya, include a power purchase agreement."
    )
    rows = [
        (
            e.kind,
            e.date.value if e.date else None,
            sorted(p.name for p in e.participants),
            e.scheduled,
        )
        for e in facts_of(nlp, body, AUG_21).events
    ]
    assert sorted(rows) == [
        ("agreement-signing", "2024-08-20", ["Ethiopia", "Kenya", "Omar Kaya", "Tom Arkan"], False),
        ("visit", "2024-08-20", ["Omar Kaya"], False),
    ]


def test_the_interlocutors_of_a_call_are_its_parties(nlp):
    body = (
        "YEREVAN, AUGUST 20. Foreign Minister Aram Vardanyan held a phone conversation with "
        "Foreign Minister of France Claire Morel on August 19.\n\n"
        "The interlocutors discussed issues on the bilateral agenda."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("phone-call", "2024-08-19", ["Aram Vardanyan", "Claire Morel"])
    ]


@pytest.mark.parametrize(
    "tour",
    [" on a ten-day tour.", ", on a tour that will last ten days, the presidency announced."],
)
def test_the_tour_a_travel_is_on_is_that_travel(nlp, tour):
    body = (
        "LUANDA - President Tomas Andrade will travel this Sunday to Brazil, India and the "
        f"United Arab Emirates{tour}"
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert sorted(e.host.name for e in visits) == ["Brazil", "India", "United Arab Emirates"]


@pytest.mark.parametrize("second", ["call on President Wu Tao", "meet President Wu Tao"])
def test_talks_with_one_and_a_meeting_with_another_the_same_day_are_two(nlp, second):
    body = (
        "KATHMANDU - Prime Minister Sita Karki will hold talks with Premier Li Ming in "
        f"Beijing on August 22 and {second} the same day."
    )
    assert sorted(summary(e) for e in events_of(nlp, body, AUG_20)) == [
        ("meeting", "2024-08-22", ["Sita Karki", "Wu Tao"]),
        ("talks", "2024-08-22", ["Li Ming", "Sita Karki"]),
    ]


def test_each_event_after_followed_by_takes_the_first_ones_day(nlp):
    body = (
        "MANILA - The guest will be given a ceremonial welcome in New Delhi on Aug. 25, "
        "followed by a meeting with President Anil Rao and talks with Prime Minister "
        "Vikram Shah."
    )
    assert sorted(
        e.kind + " " + (e.date.value if e.date else "-") for e in events_of(nlp, body, AUG_20)
    ) == [
        "ceremony 2024-08-25",
        "meeting 2024-08-25",
        "talks 2024-08-25",
    ]


def test_a_headlines_call_with_one_is_the_call_with_both(nlp):
    body = (
        "Telephone conversation with President of Uzbekistan Timur Karimov\n\n"
        "Pavel Orlin had a telephone conversation with President of Uzbekistan Timur Karimov."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("phone-call", None, ["Pavel Orlin", "Timur Karimov"])
    ]


@pytest.mark.parametrize(
    "told",
    [
        "Secretary of State Daniel Halvern spoke today with Foreign Minister Ana Moraru.",
        "Secretary of State Daniel Halvern spoke on Tuesday with Foreign Minister Ana Moraru.",
    ],
)
def test_a_readouts_spoke_with_is_the_call_its_headline_names(nlp, told):
    body = f"Secretary Halvern's Call with Foreign Minister Moraru\n\n{told} They discussed trade."
    assert event_rows(nlp, body, AUG_20) == [
        ("phone-call", "2024-08-20", ["Ana Moraru", "Daniel Halvern"])
    ]


def test_spoke_with_under_a_headline_of_no_call_is_talks(nlp):
    body = (
        "Halvern in Chisinau\n\nSecretary of State Daniel Halvern spoke today with Foreign "
        "Minister Ana Moraru."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("talks", "2024-08-20", ["Ana Moraru", "Daniel Halvern"])
    ]


def test_we_discussed_in_a_callers_quote_tells_the_call(nlp):
    body = (
        "President Oleh Marchenko held a phone conversation with Prime Minister Sean Dolan on "
        'Monday.\n\n"I thanked Sean for his support. We discussed the energy situation after the '
        'latest Russian strikes," Marchenko wrote.'
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("phone-call", "2024-08-19", ["Oleh Marchenko", "Sean Dolan"])
    ]


def test_the_noun_told_again_is_the_event_told_with_no_one(nlp):
    # "their leaders' retreat": theirs, the two the sentence's subject names under titles
    body = (
        "Prime Minister Tomas Vell of Arland and his counterpart Anwar Rahim on Monday pledged "
        "to finish the rail link, as the two neighbours held their annual leaders' retreat in "
        "Putrajaya.\n\nRahim, who hosted the retreat, said the sides had also agreed on a zone."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-19", ["Anwar Rahim", "Tomas Vell"])
    ]


def test_the_meeting_is_the_news_not_one_years_before(nlp):
    body = (
        "President Ado Bello received President Kwesi Mensa in Abuja on Sunday, where both "
        "leaders agreed to revive the Arland-Belmar Commission, which last met in 2012."
        "\n\nSpeaking after the closed-door meeting, Mensa said the talks were good."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2012", ["Arland-Belmar Commission"]),
        ("meeting", "2024-08-18", ["Ado Bello", "Kwesi Mensa"]),
    ]


@pytest.mark.parametrize(
    ("headline", "rows"),
    [
        # the headline's signing, by the countries of the body's signatories
        (
            "Spain, Chile sign lithium deal",
            [("agreement-signing", "2024-08-20", ["Ana Bori", "Chile", "Pablo Serra", "Spain"])],
        ),
        # not by countries of others
        (
            "Spain, Peru sign lithium deal",
            [
                ("agreement-signing", "2024-08-20", ["Ana Bori", "Pablo Serra"]),
                ("agreement-signing", "2024-08-20", ["Peru", "Spain"]),
            ],
        ),
    ],
)
def test_the_body_retells_the_headlines_event(nlp, headline, rows):
    body = (
        f"{headline}\n\nSpanish Prime Minister Pablo Serra and Chilean President Ana Bori "
        "signed on Tuesday a memorandum of understanding on lithium."
    )
    assert event_rows(nlp, body, AUG_21) == rows


def test_a_visit_to_a_list_of_countries_is_no_retelling_of_the_headlines(nlp):
    body = (
        "Japanese foreign minister to visit Central Asia\n\nJapanese Foreign Minister Hiro Tana "
        "will visit Kazakhstan, Uzbekistan and Kyrgyzstan from Thursday."
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert sorted(e.host.name for e in visits if e.host is not None) == [
        "Kazakhstan",
        "Kyrgyzstan",
        "Uzbekistan",
    ]


def test_a_lede_visit_of_two_countries_is_the_two_visits_told_with_their_days(nlp):
    """The lede names the traveller by another name of the office ("top diplomat"): the
    first foreign minister named after it; each leg its list told is a visit told again."""
    body = (
        "OSLO, Aug 19 -- Norway's top diplomat will visit Kenya and Uganda this week, the "
        "ministry said.\n\nForeign Minister Ada Lind will depart for Kenya on Wednesday, "
        "where she will meet Foreign Minister Tom Arkan.\n\nLind will then travel to Uganda "
        "on Friday."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted((e.host.name, e.guest.name, e.date.value) for e in visits) == [
        ("Kenya", "Ada Lind", "2024-08-21"),
        ("Uganda", "Ada Lind", "2024-08-23"),
    ]


def test_the_visitor_is_the_guest_of_the_visit_told(nlp):
    body = (
        "Foreign Minister Amani Odhiambo of Kenya held talks on Monday with his Ugandan "
        "counterpart, Lena Kizza, who is on an official visit to Kenya. The visitor is also "
        "scheduled to meet with Vice President Tom Arkan."
    )
    meetings = events_of(nlp, body, AUG_20, "meeting")
    assert [sorted(p.name for p in e.participants) for e in meetings] == [
        ["Lena Kizza", "Tom Arkan"]
    ]


@pytest.mark.parametrize(
    ("which", "guest", "host"),
    [("former", "Ana Velor", "Kenya"), ("latter", "Tomas Brevik", "Kenya")],
)
def test_the_former_and_the_latter_are_the_two_named_last(nlp, which, guest, host):
    body = (
        "Foreign Minister Ana Velor held talks with Foreign Minister Tomas Brevik on August 19 "
        f"during the {which}'s two-day visit to Kenya."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert [(e.guest.name, e.host.name) for e in visits] == [(guest, host)]


def test_a_leg_of_a_tour_told_again_without_its_day_is_that_leg(nlp):
    body = (
        "NAIROBI, Aug 20 -- Foreign Minister Ada Lind of Kenya will embark on a three-nation "
        "tour to Ghana, Senegal and Mali from Thursday, the ministry said.\n\nIn Accra, Lind "
        "will meet her Ghanaian counterpart Kofi Mensah.\n\nShe will then travel to Dakar, "
        "where she will call on President Ousmane Diallo."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted(
        (e.host.name if e.host else "-", e.place.name if e.place else "-") for e in visits
    ) == [("-", "-"), ("Ghana", "-"), ("Mali", "-"), ("Senegal", "Dakar")]


def test_a_counterparts_visit_welcomed_is_the_visit_under_way(nlp):
    body = (
        "Hanoi (VNA) - Prime Minister Pham Van Long held talks in Hanoi on August 19 with "
        "Prime Minister of New Zealand Grant Wilson, who is on an official visit to Vietnam "
        "from August 18-20.\n\nPM Long welcomed his New Zealand counterpart's visit, the first "
        "by a New Zealand Prime Minister in six years."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert [(e.guest.name, e.host.name) for e in visits] == [("Grant Wilson", "Vietnam")]


def test_what_is_discussed_in_a_call_the_parser_hangs_on_the_object_is_the_call(nlp):
    body = (
        "Tehran, IRNA - Iranian Foreign Minister Ali Rezaei and his Omani counterpart Badr Al "
        "Hinai discussed regional developments in a phone call on Monday."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("phone-call", "2024-08-19", ["Ali Rezaei", "Badr Al Hinai"])
    ]


def test_a_bodys_summit_told_by_its_year_then_its_month_is_one(nlp):
    # "early next year" tells the year loosely; the month told after is the same summit's
    body = (
        "Kenya and Uganda will hold talks in January when Foreign Minister Ana Velor goes to "
        "Kampala to invite President Tomas Brevik for the ASEAN summit in Jakarta early next "
        "year.\n\nAfter lunch, Velor said the talks would take place when she goes to Uganda "
        "to invite the Ugandan president for the 46th ASEAN summit in April next year."
    )
    summits = events_of(nlp, body, dt.date(2024, 11, 28), "summit")
    assert [e.date.value for e in summits] == ["2025-04"]


def test_a_visit_to_the_host_by_no_one_named_is_the_visit_told(nlp):
    body = (
        "Prime Minister Kostas Marinos arrived in Valletta on Friday and then held talks with "
        "President Nikos Andreadis at the Grandmaster's Palace.\n\n\"We are glad to visit Malta "
        'once more. It is a chance to coordinate," Marinos said.'
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("talks", "2024-08-16", ["Kostas Marinos", "Nikos Andreadis"]),
        ("visit", "2024-08-16", ["Kostas Marinos", "Malta"]),
    ]


def test_a_summit_named_by_the_two_countries_is_their_leaders_meeting(nlp):
    body = (
        "Norwegian Prime Minister Tom Arkan on Monday held talks with Kenyan President Ilse "
        "Marrow at a meeting in Oslo.\n\n"
        '"We share many goals," Arkan said at the opening of a Norway-Kenya Summit.'
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("talks", "2024-08-19", ["Ilse Marrow", "Kenya", "Tom Arkan"])
    ]


def test_the_envoy_is_the_ambassador_named_before(nlp):
    body = (
        "Trade was discussed at the meeting between Kenyan Foreign Minister Tom Arkan and "
        "Norwegian Ambassador Ilse Marrow.\n\nReceiving the Norwegian envoy, Arkan said the "
        "ties were good."
    )
    assert event_rows(nlp, body, AUG_20) == [("meeting", None, ["Ilse Marrow", "Tom Arkan"])]


def test_a_first_session_held_days_before_is_not_the_talks_still_planned(nlp):
    body = (
        "President Arne Holt arrived in Kenya for a three-day visit. He was received by "
        "Foreign Minister Tomas Vell at the airport.\n\nHolt and President Lena Obi will hold "
        "bilateral talks during his visit.\n\nOn Monday, Norland and Kenya held the inaugural "
        "session of their joint commission."
    )
    events = facts_of(nlp, body, AUG_21).events
    talks = [e for e in events if e.kind == "talks"]
    assert [(e.scheduled, e.date) for e in talks] == [(True, None)]
    sessions = [e for e in events if e.trigger.lower_ == "session"]
    assert [e.date.value for e in sessions] == ["2024-08-19"]


def test_the_talk_told_after_a_call_is_the_call(nlp):
    body = (
        "On Monday, Foreign Minister Arne Holt held a telephone talk with Foreign Minister "
        "Lena Obi of Chile.\n\nDuring the talk, Holt briefed Obi on the grain corridor. The "
        "summary of the talk is below."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("phone-call", "2024-08-19", ["Arne Holt", "Lena Obi"])
    ]


def test_a_post_that_leaves_out_its_subject_retells_the_meeting(nlp):
    body = (
        "Minister of State Arne Holt on Friday called on President Lena Obi in Windhoek.\n\n"
        '"Called on H. E. Mr. Lena Obi in Windhoek. Conveyed greetings of our Prime Minister," '
        "tweeted Holt."
    )
    assert [r for r in event_rows(nlp, body, AUG_21) if r[0] == "meeting"] == [
        ("meeting", "2024-08-16", ["Arne Holt", "Lena Obi"])
    ]
