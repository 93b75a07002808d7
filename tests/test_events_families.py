"""Families of event language found missing on real articles: the legs of a tour told by the
verb that carries the traveller ("a tour that took him to A and B"), a phone call whose day
only a later sentence gives ("The conversation began ..."), a gathering set by a clause
of its own ("the meeting of X, to be held in Y next month", "whose summit Z hosted in April"),
the second of two events told in sequence ("a private meeting followed by talks"), and a
signing told by the participle that concluded a document ("a pact struck with X in 2022"),
a statement by a body ("the embassy said in a statement that ..."), which is never made
by the persons it reports on, a numbered sitting of a body ("the 12th Congress of X"), a
message handed over ("X delivered a message from A to B": X meets B), a person abroad
("the Kenyan minister will be in Oslo next week", "will fly to Oslo"), and an office told
by nationality ("the Kenyan minister joined ..."), which is the one such holder told
before, else the country.
Each row asserts every event that comes out."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, AUG_21, events_of, facts_of

pytestmark = pytest.mark.slow


def rows(nlp, body: str) -> list[tuple]:
    """The events as sorted (kind, date, participants, host, guest)."""
    return sorted(
        (
            (
                e.kind,
                e.date.value if e.date else None,
                sorted(p.name for p in e.participants),
                e.host.name if e.host else None,
                e.guest.name if e.guest else None,
            )
            for e in facts_of(nlp, body, AUG_21).events
        ),
        key=lambda row: tuple(x or "" for x in row),
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the clause hangs from the tour's own phrase: one visit per country it names
        (
            "Prime Minister Amani Odhiambo met President Peter Kizza in Lusaka on Monday.\n\n"
            "Odhiambo is on a regional tour of the south that took him to Zambia and "
            "Malawi.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
                ("visit", None, ["Amani Odhiambo"], "Malawi", "Amani Odhiambo"),
                ("visit", None, ["Amani Odhiambo"], "Zambia", "Amani Odhiambo"),
                # the tour itself, on the day the article reports
                ("visit", "2024-08-19", ["Amani Odhiambo"], None, "Amani Odhiambo"),
            ],
        ),
        # the clause hangs from "the last leg of his tour": the legs before are no day's
        (
            "Prime Minister Amani Odhiambo met President Peter Kizza on Monday.\n\n"
            "Odhiambo arrived in Lusaka on Thursday, the last leg of his regional tour that "
            "has already taken him to Kenya and Uganda.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
                ("visit", None, ["Amani Odhiambo"], "Kenya", "Amani Odhiambo"),
                ("visit", None, ["Amani Odhiambo"], "Uganda", "Amani Odhiambo"),
                ("visit", "2024-08-15", ["Amani Odhiambo"], "Zambia", "Amani Odhiambo"),
            ],
        ),
        # "take" without a tour is no visit
        (
            "Prime Minister Amani Odhiambo met President Peter Kizza on Monday.\n\n"
            "The reform that took Kenya to the top of the rankings was discussed.",
            [("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
    ],
)
def test_a_tour_takes_the_traveller_to_each_country(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the day is given only where the call is told again as "the conversation"
        (
            "Foreign Minister Amani Odhiambo had phone talks with his Zambian counterpart, "
            "Peter Kizza, the ministry said Wednesday.\n\n"
            "The conversation, which Kizza had asked for, started at 8:15 p.m. Tuesday and "
            "ran for nearly an hour.",
            [("phone-call", "2024-08-20", ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
        (
            "Foreign Minister Amani Odhiambo spoke by phone with Foreign Minister Peter Kizza."
            "\n\nThe call took place on Monday.",
            [("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
        # a call to act is no call told again
        (
            "Foreign Minister Amani Odhiambo spoke by phone with Foreign Minister Peter Kizza."
            "\n\nThe call for restraint was repeated on Monday.",
            [("phone-call", None, ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
    ],
)
def test_a_call_told_again_brings_its_day(nlp, body, expected):
    assert rows(nlp, body) == expected


def settings(nlp, body: str) -> list[tuple]:
    """The events as sorted (kind, date, participants, host, still to come)."""
    return sorted(
        (
            (
                e.kind,
                e.date.value if e.date else None,
                sorted(p.name for p in e.participants),
                e.host.name if e.host else None,
                e.scheduled,
            )
            for e in facts_of(nlp, body, AUG_21).events
        ),
        key=lambda row: tuple(x or "" for x in row[:4]),
    )


MET = "Foreign Minister Amani Odhiambo met Foreign Minister Peter Kizza on Monday.\n\n"
MEETING = ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, False)


@pytest.mark.parametrize(
    ("body", "gathering"),
    [
        # a passive infinitive the parser hangs on the verb before the gathering's phrase
        (
            "The two sides agreed to work for the success of the fourth ministerial meeting "
            "of the Korva Forum, to be held in Kenya next month.",
            ("meeting", "2024-09", ["Korva Forum"], "Kenya", True),
        ),
        (
            "The next session of the Korva Forum, scheduled to be held in Kenya in December, "
            "was on the agenda.",
            ("meeting", "2024-12", ["Korva Forum"], "Kenya", True),
        ),
        # hosted by a country, or a country its subject
        (
            "They discussed preparations for the Korva League summit to be hosted by Kenya "
            "next month.",
            ("summit", "2024-09", ["Korva League"], "Kenya", True),
        ),
        (
            "The informal summit of the Korva Council that Hungary will host next year was "
            "also on the agenda.",
            ("summit", "2025", ["Hungary"], "Hungary", True),
        ),
        # "hosted", past: held, in the April before
        (
            "Odhiambo praised the Korva Initiative, whose summit Poland hosted in April.",
            ("summit", "2024-04", ["Poland"], "Poland", False),
        ),
        # the parser hangs the place on the body whose meeting it is, which takes part
        (
            "Odhiambo said Kenya will work with Uganda to organise the annual meeting of the "
            "Kenya-Uganda Joint Commission in Kampala in June.",
            ("meeting", "2025-06", ["Kenya", "Kenya-Uganda Joint Commission"], "Uganda", True),
        ),
        # a bare participle, or "was held": what was
        (
            "The joint meeting of the Korva Forum, held in Nairobi on August 2, was a good "
            "example.",
            ("meeting", "2024-08-02", ["Korva Forum"], "Kenya", False),
        ),
        (
            "The last summit of the Korva League, which was held in Kenya in May, was recalled.",
            ("summit", "2024-05", ["Korva League"], None, False),
        ),
    ],
)
def test_a_gathering_is_set_by_its_own_clause(nlp, body, gathering):
    expected = sorted([MEETING, gathering], key=lambda row: tuple(x or "" for x in row[:4]))
    assert settings(nlp, MET + body) == expected


def test_the_purpose_of_a_visit_talked_about_is_not_the_talkers(nlp):
    body = MET + (
        "The two also discussed preparations for President Arlo Venn's planned visit to "
        "Nairobi for the Korva League summit next month."
    )
    summit = next(e for e in facts_of(nlp, body, AUG_21).events if e.kind == "summit")
    assert [p.name for p in summit.participants] == ["Korva League"]


def test_a_person_hosting_talks_is_no_setting_clause(nlp):
    body = (
        "President Amani Odhiambo was received by President Peter Kizza, who later hosted "
        "talks with the Kenyan leader in Uganda on Monday."
    )
    # ("the Kenyan leader", whose country no person is told of: Kenya takes part)
    assert settings(nlp, body) == [
        ("meeting", "2024-08-19", ["Amani Odhiambo", "Kenya", "Peter Kizza"], None, False)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the second of two events told in sequence is one of its own, with the first's
        # people and day
        (
            "Foreign Minister Amani Odhiambo and Foreign Minister Peter Kizza held a meeting "
            "in a one-on-one format on Monday, followed by an expanded meeting with the "
            "participation of delegations.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
            ],
        ),
        (
            "President Amani Odhiambo hosted President Peter Kizza on Monday, where the two "
            "leaders held a private meeting followed by inter-delegation talks.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
                ("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
            ],
        ),
        (
            "Foreign Minister Amani Odhiambo held delegation-level talks with Foreign Minister "
            "Peter Kizza on Monday. The talks were followed by a joint news conference.",
            [
                ("statement", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
                ("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
            ],
        ),
        # without "followed by", a second telling in the sentence is the same meeting
        (
            "Foreign Minister Amani Odhiambo and Foreign Minister Peter Kizza held a meeting "
            "on Monday, a meeting described as cordial.",
            [("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
    ],
)
def test_what_follows_an_event_is_an_event_of_its_own(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the participle that concluded one document: a signing, by whom and with whom
        (
            "A security pact struck with Kenya in 2022 by the previous leader Amani Odhiambo "
            "worried Australia.",
            [("agreement-signing", "2022", ["Amani Odhiambo", "Kenya"], None, None)],
        ),
        (
            "President Amani Odhiambo met President Peter Kizza on Monday. They discussed the "
            "Korva Declaration reached between Kenya and Uganda on Dec. 11.",
            [
                ("agreement-signing", "2023-12-11", ["Kenya", "Uganda"], None, None),
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
            ],
        ),
        # a document that reached something is no signing
        ("The deal reached a turning point on Monday, President Amani Odhiambo said.", []),
        # a document initialled is signed so
        (
            "Kenya and Uganda initialled a free trade agreement on Monday.",
            [("agreement-signing", "2024-08-19", ["Kenya", "Uganda"], None, None)],
        ),
        # a signing that could or may take place is none yet; a meeting that may is planned
        (
            "President Amani Odhiambo will visit Kenya next week, and a memorandum on farming "
            "could be signed during the visit.",
            [("visit", "2024-08", ["Amani Odhiambo", "Kenya"], "Kenya", "Amani Odhiambo")],
        ),
        # nor one that must
        (
            "President Amani Odhiambo, who is on a state visit to Kenya, said the trade deal "
            "between the two blocs must be signed before the end of the year.",
            [("visit", None, ["Amani Odhiambo"], "Kenya", "Amani Odhiambo")],
        ),
        (
            "President Amani Odhiambo and President Peter Kizza may meet in Kampala next month.",
            [("meeting", "2024-09", ["Amani Odhiambo", "Peter Kizza"], None, None)],
        ),
    ],
)
def test_a_document_concluded_is_a_signing(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # speaking with a person is talks with them, a call when by phone
        (
            "President Rasa Vaitkute also spoke with Prime Minister Jan Kowal on Monday.",
            [("talks", "2024-08-19", ["Jan Kowal", "Rasa Vaitkute"], None, None)],
        ),
        (
            "President Rasa Vaitkute spoke with Prime Minister Jan Kowal by telephone on Monday.",
            [("phone-call", "2024-08-19", ["Jan Kowal", "Rasa Vaitkute"], None, None)],
        ),
        # "also" after a call told just before: another call
        (
            "President Rasa Vaitkute spoke by phone on Monday with Prime Minister Jan Kowal "
            "about the floods, her office said. Vaitkute also spoke with President Ana Velor "
            "later in the day.",
            [
                ("phone-call", "2024-08-19", ["Ana Velor", "Rasa Vaitkute"], None, None),
                ("phone-call", "2024-08-19", ["Jan Kowal", "Rasa Vaitkute"], None, None),
            ],
        ),
        # talks held over the phone, and a headline's talk over the phone, are a call
        (
            "President Rasa Vaitkute held talks over the phone with Prime Minister Jan Kowal "
            "on Monday.",
            [("phone-call", "2024-08-19", ["Jan Kowal", "Rasa Vaitkute"], None, None)],
        ),
        (
            "Vaitkute, Kowal Talk By Phone\n\nPresident Rasa Vaitkute and Prime Minister "
            "Jan Kowal held a telephone conversation on Monday.",
            [("phone-call", "2024-08-19", ["Jan Kowal", "Rasa Vaitkute"], None, None)],
        ),
        # ... not with reporters, nor with confidence
        ("President Rasa Vaitkute spoke with reporters on Monday.", []),
        ("President Rasa Vaitkute spoke with confidence about the economy.", []),
    ],
)
def test_speaking_with_someone_is_talks_or_a_call(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a body the text does not name speaks: no statement, and never by the persons it
        # is about; what it reports is still an event
        (
            "The embassy said in a statement that Ambassador Tomas Ibarra had met President "
            "Omar Kaya on Monday.",
            [("meeting", "2024-08-19", ["Omar Kaya", "Tomas Ibarra"], None, None)],
        ),
        ("In a statement, the delegation said it had signed three agreements.", []),
        (
            "It said in a statement that Minister Alia Dovran had met Tomas Ibarra on Monday.",
            [("meeting", "2024-08-19", ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        # "the ministry": the one ministry the article names
        (
            "Foreign Minister Alia Dovran of the Kenyan Ministry of Foreign Affairs met Tomas "
            "Ibarra on Monday. The ministry said in a statement that the two had discussed "
            "trade.",
            [
                ("meeting", "2024-08-19", ["Alia Dovran", "Tomas Ibarra"], None, None),
                ("statement", "2024-08-19", ["Ministry of Foreign Affairs of Kenya"], None, None),
            ],
        ),
        # a country's own body, however the text names it
        (
            "The Kenyan government said in a statement on Tuesday that Minister Alia Dovran "
            "would visit Norway next week.",
            [
                ("statement", "2024-08-20", ["Government of Kenya"], None, None),
                ("visit", "2024-08", ["Alia Dovran", "Norway"], "Norway", "Alia Dovran"),
            ],
        ),
        # a person who speaks still makes the statement
        (
            "Minister Alia Dovran said in a statement that she had met Tomas Ibarra on Monday.",
            [
                ("meeting", "2024-08-19", ["Alia Dovran", "Tomas Ibarra"], None, None),
                ("statement", "2024-08-19", ["Alia Dovran"], None, None),
            ],
        ),
    ],
)
def test_a_body_speaks_for_itself(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a numbered sitting of a body: a meeting of that body, hosted where it sits
        (
            "The 12th Congress of the Pan-African Postal Union opened in Abidjan on Monday.",
            [("meeting", "2024-08-19", ["Pan-African Postal Union"], "Côte d'Ivoire", None)],
        ),
        (
            "The 45th Session of the Kenya-Uganda Joint Commission was held in Kampala on Monday.",
            [("meeting", "2024-08-19", ["Kenya-Uganda Joint Commission"], "Uganda", None)],
        ),
        # the ceremony that opens it is told beside it
        (
            "Minister Alia Dovran was at the opening ceremony of the 9th Congress of the "
            "Pan-African Postal Union on Monday.",
            [
                ("ceremony", "2024-08-19", ["Alia Dovran"], None, None),
                ("meeting", "2024-08-19", ["Alia Dovran", "Pan-African Postal Union"], None, None),
            ],
        ),
        # the two countries a body sits between take part in its sitting
        (
            "The 45th Session of the Joint Commission between Kenya and Uganda was held in "
            "Kampala on Monday.",
            [("meeting", "2024-08-19", ["Joint Commission", "Kenya", "Uganda"], "Uganda", None)],
        ),
        # a congress with no number is a legislature
        ("The Congress of Peru approved the treaty on Monday.", []),
        # a numbered name in the plural keeps its kind
        (
            "Kenya and Uganda held the Fourth Political Consultations in Kampala on Monday.",
            [("talks", "2024-08-19", ["Kenya", "Uganda"], None, None)],
        ),
    ],
)
def test_a_numbered_sitting_is_a_meeting_of_its_body(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a message handed over: its bearer meets its recipient; the sender is not there
        (
            "Foreign Minister Alia Dovran delivered a message from President Omar Kaya to "
            "President Tomas Ibarra in Nairobi on Wednesday.",
            [("meeting", "2024-08-21", ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        (
            "The message was handed over to President Tomas Ibarra by Foreign Minister Alia "
            "Dovran on Wednesday.",
            [("meeting", "2024-08-21", ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        (
            "President Tomas Ibarra received a letter from President Omar Kaya, delivered by "
            "his envoy Alia Dovran.",
            [("meeting", None, ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        # a message sent is no meeting, nor is anything else passed on
        ("President Omar Kaya sent a message to President Tomas Ibarra on Monday.", []),
        ("Alia Dovran passed the ball to Tomas Ibarra.", []),
    ],
)
def test_a_message_delivered_is_a_meeting_of_bearer_and_recipient(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a person of one country in a place of another is visiting it
        (
            "Kenyan President Omar Kaya will be in Norway on Friday.",
            [("visit", "2024-08-23", ["Omar Kaya"], "Norway", "Omar Kaya")],
        ),
        (
            "Kenyan Foreign Minister Alia Dovran is in Oslo for talks on trade.",
            [
                ("talks", None, ["Alia Dovran"], "Norway", None),
                ("visit", "2024-08-21", ["Alia Dovran"], "Norway", "Alia Dovran"),
            ],
        ),
        # at home, posted there as ambassador, or a place merely named: no visit
        ("Kenyan Foreign Minister Alia Dovran was in Nairobi on Monday.", []),
        (
            "Kenya's ambassador Tomas Ibarra, who is in Oslo, met the Norwegian minister.",
            # ("Kenya's ambassador" is the one holder named: Tomas Ibarra)
            [("meeting", None, ["Norway", "Tomas Ibarra"], None, None)],
        ),
        ("The weather in Oslo was cold, Kenyan Foreign Minister Alia Dovran said.", []),
        # nor one who is not there
        ("Kenyan Foreign Minister Alia Dovran is not in Oslo this week.", []),
        # ... and one going there: flying to it, leaving or heading for it
        (
            "Kenyan President Omar Kaya will fly to Oslo on Friday.",
            [("visit", "2024-08-23", ["Omar Kaya"], "Norway", "Omar Kaya")],
        ),
        (
            "Kenyan President Omar Kaya will leave for Norway on Friday.",
            [("visit", "2024-08-23", ["Omar Kaya"], "Norway", "Omar Kaya")],
        ),
        # one of no country told, leaving the town the story is filed in
        (
            "NAIROBI, Aug 20 -- Foreign Minister Alia Dovran will depart for Norway on Friday "
            "for a three-day stay.",
            [("visit", "2024-08-23", ["Alia Dovran"], "Norway", "Alia Dovran")],
        ),
        # home again is no visit
        ("Kenyan President Omar Kaya left for Nairobi on Monday.", []),
        # ... or of the town they met in, for a guest of the country the story is filed in
        (
            "NAIROBI — Prime Minister Omar Kaya met President Kofi Amoah in Accra on Monday."
            "\n\nKaya's visit comes weeks before the review of their trade pact.",
            [
                ("meeting", "2024-08-19", ["Kofi Amoah", "Omar Kaya"], None, None),
                ("visit", "2024-08-19", ["Omar Kaya"], "Ghana", "Omar Kaya"),
            ],
        ),
        # a visit under way told without a destination: the country of the one who hosted
        (
            "Kenyan President Omar Kaya on Monday hosted his Ghanaian counterpart Kofi "
            "Amoah.\n\nAmoah is on a two-day state visit.",
            [
                ("meeting", "2024-08-19", ["Kofi Amoah", "Omar Kaya"], None, None),
                ("visit", "2024-08-19", ["Kofi Amoah"], "Kenya", "Kofi Amoah"),
            ],
        ),
    ],
)
def test_being_in_a_foreign_place_is_a_visit(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the rituals of diplomacy told by their set phrases
        (
            "Outgoing Ambassador Tomas Ibarra paid a farewell call on Foreign Minister Alia "
            "Dovran on Monday.",
            [("meeting", "2024-08-19", ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        (
            "Foreign Minister Alia Dovran laid the foundation stone of the new Kenyan embassy "
            "in Oslo on Monday.",
            [("ceremony", "2024-08-19", ["Alia Dovran"], None, None)],
        ),
        (
            "Foreign Minister Alia Dovran received the credentials of the new Norwegian "
            "ambassador, Tomas Ibarra, on Monday.",
            [("ceremony", "2024-08-19", ["Alia Dovran", "Tomas Ibarra"], None, None)],
        ),
        # a passive schedule ("is scheduled to travel") keeps its traveller
        (
            "President Omar Kaya is scheduled to travel to Oslo on Sunday for a three-day "
            "state visit.",
            [("visit", "2024-08-25", ["Omar Kaya"], "Norway", "Omar Kaya")],
        ),
        (
            "Kenyan President Omar Kaya is set to travel to Oslo next week.",
            [("visit", "2024-08", ["Omar Kaya"], "Norway", "Omar Kaya")],
        ),
    ],
)
def test_rituals_and_schedules(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "the Kenyan minister": the one Kenyan minister told before takes part, not Kenya
        (
            "Kenyan Foreign Minister Amani Odhiambo arrived in Kampala on Monday. On Tuesday "
            "the Kenyan minister joined a flag-raising ceremony outside the Independence "
            "Monument.",
            [
                ("ceremony", "2024-08-20", ["Amani Odhiambo"], None, None),
                ("visit", "2024-08-19", ["Amani Odhiambo"], "Uganda", "Amani Odhiambo"),
            ],
        ),
        # a "minister of ..." holds a minister's office too
        (
            "Angolan Minister of Telecommunications Paulo Sanda arrived in Abidjan on Monday. "
            "On Tuesday Ivorian President Koffi Yao held talks with the Angolan minister.",
            [
                ("talks", "2024-08-20", ["Koffi Yao", "Paulo Sanda"], None, None),
                ("visit", "2024-08-19", ["Paulo Sanda"], "Côte d'Ivoire", "Paulo Sanda"),
            ],
        ),
        # two Kenyan ministers told: which one is meant is not said, so Kenya takes part
        (
            "Kenyan Foreign Minister Amani Odhiambo met Ugandan President Peter Kizza in "
            "Kampala on Monday. Kenyan Trade Minister Wanjiru Kamau was also there. On Tuesday "
            "the Kenyan minister joined a flag-raising ceremony outside the Independence "
            "Monument.",
            [
                ("ceremony", "2024-08-20", ["Kenya"], None, None),
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"], None, None),
            ],
        ),
        # past the lede a description points back: the Ugandan president named only after
        # it is not taken
        (
            "Trade led the agenda. Kenyan President Daniel Mwangi held talks with the Ugandan "
            "president in Nairobi on Monday. Ugandan President Peter Kizza thanked him.",
            [("talks", "2024-08-19", ["Daniel Mwangi", "Uganda"], None, None)],
        ),
        # ... but a lede describes whom the body goes on to name
        (
            "Kenyan President Daniel Mwangi held talks with the Ugandan president in Nairobi on "
            "Monday. Ugandan President Peter Kizza thanked him.",
            [("talks", "2024-08-19", ["Daniel Mwangi", "Peter Kizza"], None, None)],
        ),
        # "the deputy minister", "the vice minister": a deputy foreign minister's office
        *(
            (
                "President Koffi Yao received the Vice Minister of Foreign Affairs of Kenya, "
                f"Amani Odhiambo, on Monday. The Kenyan {office} also met with Trade Minister "
                "Awa Diallo.",
                [
                    ("meeting", "2024-08-19", ["Amani Odhiambo", "Awa Diallo"], None, None),
                    ("meeting", "2024-08-19", ["Amani Odhiambo", "Koffi Yao"], None, None),
                ],
            )
            for office in ("vice minister", "deputy minister")
        ),
        # ... but "the foreign minister" is not his deputy
        (
            "President Koffi Yao received Deputy Foreign Minister Amani Odhiambo of Kenya on "
            "Monday. The Kenyan foreign minister also met with Trade Minister Awa Diallo.",
            [
                ("meeting", "2024-08-19", ["Amani Odhiambo", "Koffi Yao"], None, None),
                ("meeting", "2024-08-19", ["Awa Diallo", "Kenya"], None, None),
            ],
        ),
        # a president for a time is the country's leader still
        (
            "Ghanaian President Koffi Yao held talks with Kenyan interim President Amani "
            "Odhiambo in Accra on Monday, the first visit of the Kenyan leader to Ghana.",
            [
                ("talks", "2024-08-19", ["Amani Odhiambo", "Koffi Yao"], "Ghana", None),
                ("visit", "2024-08-19", ["Amani Odhiambo"], "Ghana", "Amani Odhiambo"),
            ],
        ),
    ],
)
def test_an_office_told_by_nationality_is_its_holder(nlp, body, expected):
    assert rows(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a document's participle with a day of its own: a signing not theirs
        (
            "Foreign Minister Tomas Vell met Deputy Foreign Minister Ilse Marrow of Denmark "
            "in Nairobi on Wednesday.\n\nThe sides reviewed the roadmap signed in 2019.",
            [
                ("agreement-signing", "2019", ["Denmark", "Kenya"], None, None),
                ("meeting", "2024-08-21", ["Ilse Marrow", "Tomas Vell"], None, None),
            ],
        ),
        # (the tagger may take the participle for a past tense)
        (
            "Foreign Minister Tomas Vell met Deputy Foreign Minister Ilse Marrow of Denmark "
            "in Nairobi on Wednesday.\n\nThe two sides evaluated the application of the "
            "Velta Treaty signed in 2019.",
            [
                ("agreement-signing", "2019", ["Denmark", "Kenya"], None, None),
                ("meeting", "2024-08-21", ["Ilse Marrow", "Tomas Vell"], None, None),
            ],
        ),
        # visits in the plural as a practice between two sides: none told
        (
            "Foreign Minister Tomas Vell met Foreign Minister Ilse Marrow of Denmark in "
            "Nairobi on Wednesday.\n\nThey praised the ties, including the exchange of "
            "high-level visits and regular mutual visits of business people.",
            [("meeting", "2024-08-21", ["Ilse Marrow", "Tomas Vell"], None, None)],
        ),
        # coming back home is the end of the visit told, no visit of its own
        (
            "President Ana Lind arrived back home after a two-day trip to Egypt on Wednesday.",
            [("visit", "2024-08-21", ["Ana Lind"], "Egypt", "Ana Lind")],
        ),
        # an envoy's tour of duty is a posting, no visit
        (
            "President Ana Lind received the credentials of Ambassador Tomas Ibarra of Chile "
            "and wished him a pleasant duty tour in Ghana.",
            [("ceremony", None, ["Ana Lind", "Tomas Ibarra"], None, None)],
        ),
        # a bare plural of no one, named at no time of its own, dated by the story's day
        (
            "Foreign Minister Tomas Vell met Foreign Minister Ilse Marrow of Denmark in "
            "Nairobi on Wednesday.\n\nThey stressed the value of mutual, including top "
            "level state visits for building closer relations.",
            [("meeting", "2024-08-21", ["Ilse Marrow", "Tomas Vell"], None, None)],
        ),
        # the host's national welcoming "the visit": the one visit told, though planned
        (
            "Prime Minister Lena Varga of Kenya will visit Ghana next week.\n\nGhanaian "
            "President Kofi Amoah welcomed the visit.",
            [("visit", "2024-08", ["Ghana", "Lena Varga"], "Ghana", "Lena Varga")],
        ),
        (
            "Prime Minister Lena Varga of Kenya will visit Ghana next week.\n\nGhanaian "
            "President Kofi Amoah said in a statement that he looked forward to the visit.",
            [
                ("statement", "2024-08-21", ["Kofi Amoah"], None, None),
                ("visit", "2024-08", ["Ghana", "Lena Varga"], "Ghana", "Lena Varga"),
            ],
        ),
    ],
)
def test_a_part_or_a_retelling_is_no_event_of_its_own(nlp, body, expected):
    assert rows(nlp, body) == expected


def test_what_precedes_an_event_is_held_by_others(nlp):
    """A meeting that prepares a visit is not held by the one who makes the visit."""
    body = (
        "Minister of International Relations Lena Varga will on Friday undertake a working "
        "visit to Botswana, where she will co-chair the session of the Bi-National "
        "Commission with her counterpart, Tomas Ibarra.\n\nThe visit will be preceded by "
        "a Senior Officials Meeting on 22 August."
    )
    assert rows(nlp, body) == [
        ("meeting", "2024-08-22", ["Botswana"], None, None),
        ("meeting", "2024-08-23", ["Lena Varga", "Tomas Ibarra"], None, None),
        ("visit", "2024-08-23", ["Lena Varga"], "Botswana", "Lena Varga"),
    ]


def test_a_visit_asked_about_is_not_the_speakers(nlp):
    body = (
        "Spokesperson Lena Varga said on Monday she was asked about the visit of President "
        "Tomas Vell to Kenya."
    )
    assert rows(nlp, body) == [("visit", "2024-08-19", ["Tomas Vell"], "Kenya", "Tomas Vell")]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "Vell said he looked forward to welcoming Rahbi to Washington soon.",
            ("visit", None, ["Ana Rahbi"], "United States", "Ana Rahbi"),
        ),
        (
            "Vell said he looked forward to hosting President Ana Rahbi in Nairobi next year.",
            ("visit", "2025", ["Ana Rahbi"], "Kenya", "Ana Rahbi"),
        ),
    ],
)
def test_a_welcome_looked_forward_to_is_the_guests_visit(nlp, second, expected):
    body = f"President Tomas Vell spoke with President Ana Rahbi on Monday. {second}"
    assert rows(nlp, body)[-1] == expected


def test_talks_a_saying_refers_to_are_not_the_speakers(nlp):
    body = (
        'President Tomas Vell received Prime Minister Ana Rahbi on Thursday. "The door remains '
        'open," the president added, referring to talks on a free trade agreement.'
    )
    assert rows(nlp, body) == [("meeting", "2024-08-15", ["Ana Rahbi", "Tomas Vell"], None, None)]


def test_a_signing_to_be_witnessed_is_on_the_programme(nlp):
    """ "will witness the signing of agreements": a planned signing, not an intention."""
    body = (
        "President Tom Arkan will travel to Kenya next week for a state visit, his office said "
        "on Wednesday.\n\nArkan is set to meet President John Banda in Nairobi on Tuesday and "
        "will witness the signing of agreements on trade and health."
    )
    assert [(k, d, p) for k, d, p, _, _ in rows(nlp, body)] == [
        ("agreement-signing", "2024-08-27", ["Tom Arkan"]),
        ("meeting", "2024-08-27", ["John Banda", "Tom Arkan"]),
        ("visit", "2024-08", ["Tom Arkan"]),
    ]


def test_an_intended_signing_is_no_event(nlp):
    body = "President Tom Arkan and President John Banda are expected to sign a trade agreement."
    assert [k for k, *_ in rows(nlp, body)] == []


@pytest.mark.parametrize(
    "what",
    [
        "on the success of the G20 summit",
        "on the G20 summit",
        "on its successful organisation of the G20 summit",
        "on the hosting of the G20 summit",
    ],
)
def test_a_summit_congratulated_on_is_neither_the_congratulators_nor_of_the_day(nlp, what):
    body = (
        "Prime Minister Lena Varga held phone talks with her Ardenian counterpart Tomas Vell "
        f"on Monday.\n\nVarga congratulated Vell {what} and thanked him for his support."
    )
    assert rows(nlp, body) == [
        ("phone-call", "2024-08-19", ["Lena Varga", "Tomas Vell"], None, None),
        ("summit", None, ["Group of Twenty"], None, None),
    ]


def test_a_meeting_only_reported_is_not_the_speakers(nlp):
    body = (
        "Spokesperson Lena Varga spoke on Monday. Asked about reports of a planned meeting "
        "with President Tomas Vell, Varga said she had no information."
    )
    assert [(k, p) for k, _, p, _, _ in rows(nlp, body)] == [("meeting", ["Tomas Vell"])]


def test_a_tour_embarked_on_that_will_take_its_traveller_to_countries_visits_each(nlp):
    body = (
        "Foreign Minister Tom Arkan of Turkey will embark on a Gulf tour on Tuesday that will "
        "take him to Saudi Arabia, Qatar and Oman."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert sorted(e.host.key for e in visits if e.host is not None) == ["OMN", "QAT", "SAU"]
    assert all(e.guest.name == "Tom Arkan" for e in visits)


def test_an_office_told_by_nationality_is_its_one_holder_as_guest_and_as_received(nlp):
    """ "a visit by a Kenyan head of state", "the Kenyan president, who arrived ...", "... will
    be received by King X": the Kenyan president named before, not the clause's subject."""
    body = (
        "NAIROBI, Aug 20 -- Ugandan Prime Minister Tom Arkan and Kenyan President Omar Kaya "
        "signed an agreement on Monday in Kampala, during the first visit by a Kenyan head "
        "of state to Uganda since 2015.\n\nThe Kenyan president, who arrived in Kampala on "
        "Sunday, will be received by King Ronald Mutebi on Wednesday."
    )
    events = events_of(nlp, body, AUG_20)
    # (the visit framing Monday's signing and the one its arrival tells are not yet merged)
    assert {(e.guest.name, e.host.name) for e in events if e.kind == "visit"} == {
        ("Omar Kaya", "Uganda")
    }
    meetings = [e for e in events if e.kind == "meeting"]
    assert [(e.date.value, sorted(p.name for p in e.participants)) for e in meetings] == [
        ("2024-08-21", ["Omar Kaya", "Ronald Mutebi"])
    ]


def test_who_after_a_name_is_that_name_though_the_parser_hangs_it_further_back(nlp):
    body = (
        "On August 19, Member of the Political Bureau of the CPC Central Committee and Foreign "
        "Minister Wang Lei held talks in Beijing with Foreign Minister of Kenya Joseph Kamau, "
        "who is on an official visit to China."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert [(e.guest.name, e.host.name) for e in visits] == [("Joseph Kamau", "China")]


def test_the_sultanate_is_the_one_sultanate_told_not_the_datelines_country(nlp):
    body = (
        "NAIROBI, Aug 20 -- Kenyan Foreign Minister Alia Dovran spoke with her Omani "
        "counterpart Salim Al Harthy.\n\nThe two ministers last met in Muscat in January, when "
        "Dovran paid a one-day visit to the Sultanate."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert [(e.guest.name, e.host.name if e.host else None) for e in visits] == [
        ("Alia Dovran", "Oman")
    ]


def test_the_emperor_is_the_emperor_named_not_the_king_who_welcomed_him(nlp):
    body = (
        "LONDON, Aug 20 - King Edward welcomed Emperor Hiroshi of Japan to Britain on Monday at "
        "the start of a three-day state visit.\n\nThe emperor, making his first state visit "
        "abroad since acceding to the throne, will attend a state banquet on Monday evening."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert {e.guest.name for e in visits} == {"Hiroshi"}


def test_talks_with_an_office_holders_delegation_are_with_that_holder(nlp):
    body = (
        "LONDON, Aug 20 - King Edward welcomed Emperor Hiroshi of Japan to Britain on Monday.\n\n"
        "Prime Minister Oliver Grant will hold talks with the emperor's delegation on Wednesday."
    )
    talks = events_of(nlp, body, AUG_20, "talks")
    assert [sorted(p.name for p in e.participants if p.kind == "person") for e in talks] == [
        ["Hiroshi", "Oliver Grant"]
    ]


def test_what_is_done_as_a_rule_is_no_event(nlp):
    body = (
        "Prime Minister Arne Holt will hold talks with the Danish premier Mark Vell in Aarhus "
        "on 20 October.\n\nTraditionally, a newly elected head of government pays a first "
        "working visit to a neighbouring state. Holt usually meets Vell twice a year."
    )
    assert rows(nlp, body) == [
        ("talks", "2024-10-20", ["Arne Holt", "Mark Vell"], None, None),
    ]
