"""Event participants: the parties of an event (a guest named only by office brings the
country; a topic discussed or a country's refugees are no party; "meetings with" a list is one
meeting with each), the host and guest of visits and sessions, the issuer of a statement, and
the place an event is held in."""

from __future__ import annotations

import datetime as dt

import pytest
from mapping_support import AUG_20, AUG_21, JAN_30, event_rows, events_of, facts_of, summary

pytestmark = pytest.mark.slow


def test_a_visit_has_host_guest_and_kind(nlp):
    (ev,) = events_of(
        nlp, "Kazakh Foreign Minister Daulet Serikbayev paid an official visit to Bishkek.", JAN_30
    )
    assert ev.kind == "visit" and ev.visit_kind == "official"
    assert ev.guest.name == "Daulet Serikbayev"
    assert (ev.host.key, ev.guest_country.key) == ("KGZ", "KAZ")
    assert ev.place.name == "Bishkek"


def test_those_who_travel_together_each_make_the_visit(nlp):
    body = (
        "President Ilse Marrow of the European Council and President Ursula Brandt of the "
        "European Commission will travel to Uzbekistan on Thursday for the summit."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("summit", "2024-08-22", ["Ilse Marrow", "Ursula Brandt"]),
        ("visit", "2024-08-22", ["Ilse Marrow", "Ursula Brandt"]),
    ]


def test_a_visit_to_two_countries_is_a_visit_to_each(nlp):
    body = "Foreign Minister Anna Virtanen will visit Japan and South Korea on 24-28 November."
    visits = events_of(nlp, body, AUG_21, "visit")
    assert sorted(e.host.key for e in visits) == ["JPN", "KOR"]
    assert {e.date.value for e in visits} == {"2024-11-24"}
    # each visit's own destination, not the other one
    assert all({p.key for p in e.participants} & {"JPN", "KOR"} == {e.host.key} for e in visits)


KIGALI = [("COD", "Kinshasa"), ("RWA", "Kigali"), ("UGA", "Kampala")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Foreign Minister Rosa Quispe visited Kinshasa, Kigali and Kampala last week.", KIGALI),
        (
            "Foreign Minister Rosa Quispe briefed him on her recent visits to Kinshasa, Kigali "
            "and Kampala.",
            KIGALI,
        ),
        # a town before a comma and a region's name is no town of that region's country
        (
            "Foreign Minister Rosa Quispe will travel to Kinshasa, Dar es Salaam and Kampala "
            "next week, her office said.",
            [("COD", "Kinshasa"), ("TZA", "Dar es Salaam"), ("UGA", "Kampala")],
        ),
        # a list the parser does not join
        (
            "Foreign Minister Rosa Quispe will travel to Jakarta, Kuala Lumpur and Singapore "
            "next week, her office said.",
            [("IDN", "Jakarta"), ("MYS", "Kuala Lumpur"), ("SGP", None)],
        ),
    ],
)
def test_a_visit_to_towns_of_several_countries_is_a_visit_to_each(nlp, body, expected):
    visits = events_of(nlp, body, AUG_21, "visit")
    found = sorted((e.host.key, e.place.name if e.place else None) for e in visits)
    assert found == expected
    assert {e.guest.name for e in visits} == {"Rosa Quispe"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an infinitive without a subject of its own: the subject of the verb it completes
        (
            "Foreign Minister Tom Arkan is expected to meet President Ana Velor on Tuesday.",
            [("meeting", "2024-08-27", ["Ana Velor", "Tom Arkan"])],
        ),
        (
            "Foreign Minister Tom Arkan, who arrived on Sunday, is scheduled to call on "
            "President Ana Velor on Tuesday.",
            [
                ("meeting", "2024-08-27", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-18", ["Tom Arkan"]),
            ],
        ),
        # an adjective that the infinitive completes: the subject of its copula
        (
            "Foreign Minister Tom Arkan is due to meet business leaders on Tuesday.",
            [("meeting", "2024-08-27", ["Tom Arkan"])],
        ),
        (
            "Foreign Minister Tom Arkan is likely to meet President Ana Velor on Tuesday.",
            [("meeting", "2024-08-27", ["Ana Velor", "Tom Arkan"])],
        ),
        # ... but the object of a verb that has one: the one invited visits
        (
            "President Ana Velor invited Foreign Minister Tom Arkan to visit Lima next year.",
            [("visit", "2025", ["Tom Arkan"])],
        ),
        # ... a counterpart of a country there: its one person told before
        (
            "President Ana Velor of Peru held talks with President Tom Arkan of Chile on "
            "Monday.\n\nVelor invited her Chilean counterpart to visit Peru next year.",
            [
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2025", ["Peru", "Tom Arkan"]),
            ],
        ),
        # ... a pronoun there: the other person told last, never the one who invites
        (
            "President Ana Velor held phone talks with Foreign Minister Tom Arkan on Monday."
            "\n\nVelor invited him to visit Peru next year.",
            [
                ("phone-call", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2025", ["Peru", "Tom Arkan"]),
            ],
        ),
        (
            "President Ana Velor held phone talks with Foreign Minister Tom Arkan on Monday."
            "\n\nVelor congratulated Arkan on his appointment and invited him to visit Peru "
            "next year.",
            [
                ("phone-call", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2025", ["Peru", "Tom Arkan"]),
            ],
        ),
        # ... the inviter told by title, the invited by title: each the one so titled
        (
            "Prime Minister Ana Velor received a telephone call from Crown Prince Salim bin "
            "Nasser on Monday.\n\nThe Prime Minister thanked the Crown Prince for his support "
            "and invited him to visit Peru next year.",
            [
                ("phone-call", "2024-08-19", ["Ana Velor", "Salim bin Nasser"]),
                ("visit", "2025", ["Peru", "Salim bin Nasser"]),
            ],
        ),
        # ... an invitation told as a noun: the one it is to visits, not who renews it
        (
            "President Ana Velor of Peru received Foreign Minister Tom Arkan of Chile on "
            "Monday.\n\nArkan renewed the invitation to the Peruvian president to visit "
            "Santiago next year.",
            [
                ("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2025", ["Ana Velor"]),
            ],
        ),
        (
            "President Ana Velor of Peru received Foreign Minister Tom Arkan of Chile on "
            "Monday.\n\nArkan extended an invitation for President Velor to visit Chile.",
            [
                ("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", None, ["Ana Velor", "Chile"]),
            ],
        ),
    ],
)
def test_who_is_expected_or_scheduled_to_meet_takes_part(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "the two leaders", "both ministers": the two persons named in the sentences before
        (
            "Kenyan President Tom Arkan paid a state visit to France on Monday at the invitation "
            "of President Ana Velor. The two leaders held talks on trade.",
            [
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-19", ["Tom Arkan"]),
            ],
        ),
        # ... not one who only reports
        (
            "Kenyan President Tom Arkan paid a state visit to France on Monday at the invitation "
            "of President Ana Velor, spokesman Kofi Dantra said. The two leaders held talks on "
            "trade.",
            [
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-19", ["Tom Arkan"]),
            ],
        ),
        # ... who hold such an office: "leaders" head a state or government
        (
            "President Tom Arkan welcomed Prime Minister Ana Velor to Lima on Monday. Finance "
            "Minister Kofi Dantra and Trade Minister Lea Moro joined them. The two leaders "
            "later held talks on trade.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
        # ... a bare surname that only speaks of no one else's deed counts
        (
            'President Tom Arkan met President Ana Velor in Lima in March. "We are partners," '
            "Velor told reporters. Arkan said trade had doubled. The two presidents last met in "
            "Quito in August 2023.",
            [
                ("meeting", "2023-08", ["Ana Velor", "Tom Arkan"]),
                ("meeting", "2024-03", ["Ana Velor", "Tom Arkan"]),
            ],
        ),
        # ... the items of a list between them are not sentences of the story
        (
            "The documents were signed in the presence of President Tom Arkan and President "
            "Ana Velor on Monday:\n\n- Treaty on Friendship;\n- Agreement on trade;\n- "
            "Agreement on fisheries;\n- Memorandum on culture.\n\nEarlier, the two leaders "
            "held talks.",
            [
                ("agreement-signing", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
            ],
        ),
        # "their" meeting when the sentence's subject is the pair ("premiers" are prime
        # ministers)
        (
            "Prime Minister Tom Arkan and Prime Minister Ana Velor praised their ties on "
            "Monday.\n\nDuring their meeting in Geneva, the two Premiers were happy about the "
            "results.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
        # a pair noun written in title case ("the two Foreign Ministers")
        (
            "Foreign Minister Tom Arkan and his Peruvian counterpart Ana Velor spoke of ties.\n\n"
            "The two Foreign Ministers discussed trade in Lima on Monday.",
            [("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
        # "the two heads of state" are leaders
        (
            "President Tom Arkan held talks with President Ana Velor in Lima on Monday. "
            "After the talks, the two heads of state witnessed the signing of ten documents.",
            [
                ("agreement-signing", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
            ],
        ),
        # ... and the frame of their clause is not their own event
        (
            "Kenyan President Tom Arkan paid a state visit to France on Monday at the invitation "
            "of President Ana Velor. During the visit, the two leaders held talks on trade.",
            [
                ("talks", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-19", ["Tom Arkan"]),
            ],
        ),
        # "ministers" are no prime minister, though one was met last
        (
            "Trade Minister Tom Arkan met Economy Minister Ana Velor in Lima on Monday. Arkan "
            "also met Prime Minister Kofi Dantra. On Tuesday, the two ministers co-chaired a "
            "meeting of the joint commission.",
            [
                ("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("meeting", "2024-08-19", ["Kofi Dantra", "Tom Arkan"]),
                ("meeting", "2024-08-20", ["Ana Velor", "Tom Arkan"]),
            ],
        ),
        # ... nor a president one of them met last, told after the two ministers met
        (
            "Foreign Minister Tom Arkan received Foreign Minister Ana Velor of Peru, who is on "
            "an official visit, on Monday. During the meeting, both ministers reviewed the "
            "bilateral agenda. Arkan said the corridor would change the region. Later, the "
            "Peruvian minister met with President Kofi Dantra at the palace. The two foreign "
            "ministers then signed an agreement on cooperation between their academies.",
            [
                ("agreement-signing", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("meeting", "2024-08-19", ["Ana Velor", "Kofi Dantra"]),
                ("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"]),
                ("visit", "2024-08-19", ["Ana Velor"]),
            ],
        ),
        # "the two men", "the two women": any two persons named last, of whatever office;
        # "via phone" is by phone
        (
            "Prime Minister Tom Arkan has congratulated President Ana Velor on her election. "
            "His office says the two women spoke by phone Monday.",
            [("phone-call", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
        (
            "Prime Minister Tom Arkan and President Ana Velor spoke via phone on Monday.",
            [("phone-call", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
    ],
)
def test_the_two_leaders_are_the_two_named_before(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_the_two_ministers_are_the_two_who_met_when_a_host_was_named_since(nlp):
    body = (
        "Foreign Minister Tom Arkan of Armenia met Foreign Minister Ana Velor of Azerbaijan in "
        "Geneva on Monday.\n\nArkan said differences remain. Velor was more upbeat.\n\n"
        '"We are closer than before," Velor said.\n\nThe talks were hosted by Swiss Foreign '
        "Minister Kofi Dantra.\n\nThe two ministers last met in Almaty in February."
    )
    february = [row for row in event_rows(nlp, body, AUG_21) if row[1] == "2024-02"]
    assert february == [("meeting", "2024-02", ["Ana Velor", "Tom Arkan"])]


@pytest.mark.parametrize(
    ("office", "expected"),
    [
        # "the president": the one person told holding that office
        ("the president", [("visit", "2024-08-23", ["Rasa Vaitkute"])]),
        ("the Prime Minister", [("visit", "2024-08-23", ["Ivo Dabrek"])]),
        # ... no one when two hold it, nor for "the official"
        ("the minister", [("visit", "2024-08-23", ["Latvia", "Lithuania"])]),
        # a hyphenated office, which the parser splits at its hyphen
        ("the Secretary-General", [("visit", "2024-08-23", ["Omar Haddad"])]),
    ],
)
def test_an_office_told_by_its_title_is_its_one_holder(nlp, office, expected):
    body = (
        "President Rasa Vaitkute, Foreign Minister Ana Velor and Defence Minister Tom Arkan "
        "of Lithuania met Prime Minister Ivo Dabrek and Secretary-General Omar Haddad in "
        f"Vilnius on Monday.\n\nOn Friday, {office} will travel to Riga."
    )
    visits = [row for row in event_rows(nlp, body, AUG_21) if row[0] == "visit"]
    assert visits == expected


@pytest.mark.parametrize(
    ("leader", "visitor"),
    [
        # "leader": the one head of state or government of that country told before
        ("the Latvian leader", ["Ivo Dabrek"]),
        # ... no one when two lead
        ("the leader", ["Latvia", "Lithuania"]),
    ],
)
def test_a_leader_told_by_nationality_is_that_countrys_one_head(nlp, leader, visitor):
    body = (
        "Lithuanian President Rasa Vaitkute met Latvian Prime Minister Ivo Dabrek and Latvian "
        f"Foreign Minister Ana Velor in Vilnius on Monday. On Friday, {leader} will travel to "
        "Tallinn."
    )
    visits = [row for row in event_rows(nlp, body, AUG_21) if row[0] == "visit"]
    assert visits == [("visit", "2024-08-23", visitor)]


@pytest.mark.parametrize(
    ("body", "visitor"),
    [
        ("Foreign Minister Tom Arkan will also visit Tanzania and Uganda.", ["Tom Arkan"]),
        ("Arkan will also visit Tanzania and Uganda.", []),  # a visitor not known as a person
    ],
)
def test_each_visit_of_two_names_its_own_country_once(nlp, body, visitor):
    assert event_rows(nlp, body, AUG_21) == [
        ("visit", None, sorted(["Tanzania", *visitor])),
        ("visit", None, sorted([*visitor, "Uganda"])),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The two presidents agreed to hold the next meeting of the Korva-Lusaka "
        "Intergovernmental Commission in Lusaka later this year.",
        # the sitting the verb holds
        "The two governments agreed to convene the next round of the Korva-Lusaka "
        "Intergovernmental Commission in Lusaka later this year.",
        # the sitting told by its kind alone, with its place
        "Both sides looked forward to the meeting of the Korva-Lusaka Intergovernmental "
        "Commission in Lusaka later this year.",
    ],
)
def test_the_next_sitting_of_a_body_is_the_bodys_held_where_its_phrase_says(nlp, body):
    (ev,) = facts_of(nlp, body, AUG_21).events
    assert [p.name for p in ev.participants] == ["Korva-Lusaka Intergovernmental Commission"]
    assert (ev.place.name, ev.host.key, ev.scheduled) == ("Lusaka", "ZMB", True)


def test_those_who_signed_are_of_the_last_encounter_held_not_one_ahead(nlp):
    body = (
        "Minister Ali Musa held talks with Minister John Banda on Monday. Musa will also call "
        "on President Peter Kizza on Tuesday. The two sides also signed an agreement on trade."
    )
    signing = next(e for e in facts_of(nlp, body, AUG_21).events if e.kind == "agreement-signing")
    assert sorted(p.name for p in signing.participants) == ["Ali Musa", "John Banda"]


def test_a_session_told_without_its_people_is_hosted_where_it_is_held(nlp):
    body = (
        "Zambian Foreign Minister John Banda visited Kampala on Monday. The next session of "
        "the joint commission will be held in Lusaka in December."
    )
    sessions = events_of(nlp, body, AUG_21, "meeting")
    assert [(e.date.value, e.host.key if e.host else None) for e in sessions] == [
        ("2024-12", "ZMB")
    ]


def test_a_summit_here_is_held_in_the_datelines_city(nlp):
    body = "RIO DE JANEIRO, Aug 20 (PTI) — Prime Minister Ravi Rao attended the BRICS Summit here."
    summit = next(e for e in events_of(nlp, body, AUG_21) if e.kind == "summit")
    assert summit.place is not None and summit.place.name == "Rio de Janeiro"
    assert summit.host is not None and summit.host.key == "BRA"


@pytest.mark.parametrize(
    ("body", "participant"),
    [
        ("Prime Minister Ana Lopes held talks with the US Secretary of State on Monday.", "USA"),
        ("Prime Minister Ana Lopes held talks with the Chinese Foreign Minister.", "CHN"),
    ],
)
def test_a_guest_named_only_by_office_brings_the_country(nlp, body, participant):
    (ev,) = facts_of(nlp, body, AUG_20).events
    assert {p.key for p in ev.participants} == {"Ana Lopes", participant}


def test_a_discussed_topic_is_no_participant(nlp):
    body = (
        "Foreign Minister Sameh Nabil and Foreign Minister Ali Karim discussed the Grand "
        "Ethiopian Renaissance Dam in Cairo on Monday."
    )
    (ev,) = facts_of(nlp, body, AUG_20).events
    assert "Ethiopia" not in {p.name for p in ev.participants}


def test_refugees_of_a_country_do_not_make_it_a_party(nlp):
    body = "Foreign Secretary Hugh Pendleton met Sudanese refugees in N'Djamena on Thursday."
    (ev,) = facts_of(nlp, body, AUG_20).events
    # no Sudan among the parties
    assert [p.key for p in ev.participants] == ["Hugh Pendleton"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # plural "meetings with" a list of persons: one meeting with each, the subject in all
        (
            "President Graham Tolliver is expected to hold bilateral meetings with President Pavel "
            "Zhdanovich, Chinese President Zhou Linhai and Prime Minister Suresh Kothari of India.",
            [
                ["Graham Tolliver", "Pavel Zhdanovich"],
                ["Graham Tolliver", "Suresh Kothari"],
                ["Graham Tolliver", "Zhou Linhai"],
            ],
        ),
        # one person: one meeting
        (
            "President Graham Tolliver held meetings with President Pavel Zhdanovich on Monday.",
            [["Graham Tolliver", "Pavel Zhdanovich"]],
        ),
    ],
)
def test_meetings_with_a_list(nlp, body, expected):
    got = [parts for kind, _, parts in event_rows(nlp, body, AUG_21) if kind == "meeting"]
    assert got == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # talks with three or more persons, each with an office of another country: talks
        # with each, the subject in all
        (
            "Premier Tomas Vey also held talks with Kenyan President Arne Holt, Chilean "
            "Foreign Minister Ilse Marrow and Nepalese Prime Minister Lena Obi on Monday.",
            [
                ("talks", "2024-08-19", ["Arne Holt", "Tomas Vey"]),
                ("talks", "2024-08-19", ["Ilse Marrow", "Tomas Vey"]),
                ("talks", "2024-08-19", ["Lena Obi", "Tomas Vey"]),
            ],
        ),
        # ... the parser hanging "with" on the object, a title set off by commas
        (
            "On Monday, Premier Tomas Vey discussed the grain corridor with Kenyan President "
            "Arne Holt, Chilean Foreign Minister, Ilse Marrow, and Prime Minister Lena Obi of "
            "Nepal.",
            [
                ("talks", "2024-08-19", ["Arne Holt", "Tomas Vey"]),
                ("talks", "2024-08-19", ["Ilse Marrow", "Tomas Vey"]),
                ("talks", "2024-08-19", ["Lena Obi", "Tomas Vey"]),
            ],
        ),
        # ... not two persons, who may sit at one table
        (
            "Premier Tomas Vey held talks with Kenyan President Arne Holt and Chilean Foreign "
            "Minister Ilse Marrow on Monday.",
            [("talks", "2024-08-19", ["Arne Holt", "Ilse Marrow", "Tomas Vey"])],
        ),
        # ... nor three of one country (all of them at the table, though the parser
        # joins no list of the names after the first)
        (
            "Premier Tomas Vey held talks with Kenyan President Arne Holt, Kenyan Foreign "
            "Minister Ilse Marrow and Kenyan Trade Minister Lena Obi on Monday.",
            [("talks", "2024-08-19", ["Arne Holt", "Ilse Marrow", "Lena Obi", "Tomas Vey"])],
        ),
        (
            "Premier Tomas Vey held talks with President Arne Holt, Foreign Minister Ilse "
            "Marrow and Trade Minister Lena Obi of Kenya on Monday.",
            [("talks", "2024-08-19", ["Arne Holt", "Ilse Marrow", "Lena Obi", "Tomas Vey"])],
        ),
        # ... and a name after the list's comma that speaks is no party
        (
            "Premier Tomas Vey held talks with President Arne Holt, Foreign Minister Ilse "
            "Marrow said on Monday.",
            [("talks", "2024-08-19", ["Arne Holt", "Tomas Vey"])],
        ),
    ],
)
def test_talks_with_a_list_of_office_holders_of_several_countries(nlp, body, expected):
    assert [r for r in event_rows(nlp, body, AUG_21) if r[0] == "talks"] == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the issuer of "a statement issued by X"
        (
            "ISLAMABAD — According to a statement issued by the Foreign Office, the ministers "
            "spoke on Monday.",
            "Ministry of Foreign Affairs of Pakistan",
        ),
        # a bare "the Foreign Ministry" after a named one is that one
        (
            "The Russian Foreign Ministry welcomed the talks. The Foreign Ministry said in a "
            "statement on Monday that the visit would go ahead.",
            "Ministry of Foreign Affairs of Russia",
        ),
        # "at a briefing": the speaker's statement
        (
            "Spokeswoman Oksana Lyubimtseva said at a briefing on Monday that Moscow was ready.",
            "Oksana Lyubimtseva",
        ),
        # the issuer in the noun's own phrase, not the persons the statement reports on
        (
            "The talks were led by Secretary Omar Haidari and Minister Lena Varga, a press "
            "release of the Ghanaian Ministry of Foreign Affairs said.",
            "Ministry of Foreign Affairs of Ghana",
        ),
        (
            "Minister Lena Varga will visit Accra, according to a statement from the European "
            "Commission.",
            "European Commission",
        ),
        (
            "Minister Lena Varga met Minister Tom Arkan in Accra, according to a statement by "
            "the Ghanaian Ministry of Foreign Affairs.",
            "Ministry of Foreign Affairs of Ghana",
        ),
        # a seat of office with "the" that makes a statement is a body speaking
        (
            "President Tom Arkan hosted President Lena Varga on Monday. The Varnholm said in a "
            "statement that the leaders reaffirmed their partnership.",
            "Varnholm",
        ),
        # ... and an acronym given before is that body
        (
            "The Korvan Communications Office (KCO) welcomed the visit of Minister Lena Varga. "
            "The visit matters, the KCO said in a statement on Monday.",
            "Korvan Communications Office",
        ),
        # the speaker of a speech, not the country it spoke of
        (
            "Foreign Minister Tom Arkan addressed the Lima Business Forum on Tuesday. During "
            "his speech, Arkan highlighted the growth of trade with Kenya.",
            "Tom Arkan",
        ),
        # a body named at the close of a long sentence says, though the parser may join its
        # verb to the sentence's first one
        (
            "Minister Lena Varga had an audience with King Omar Tessel and was hosted to "
            "dinner by his deputy, Second Minister of Trade Ivo Brandt, Peru’s Ministry of "
            "Foreign Relations said in a statement.",
            "Ministry of Foreign Relations of Peru",
        ),
        # a post on a social network is a statement of its writer
        (
            "Foreign Office Spokesperson Mira Sandhu tweeted on Thursday that the visit of "
            "Minister Tom Arkan would deepen ties.",
            "Mira Sandhu",
        ),
        (
            "Minister Tom Arkan hosted Minister Lena Varga in Lima on Thursday. In a tweet, "
            "the Peruvian Foreign Ministry stressed the value of the visit.",
            "Ministry of Foreign Affairs of Peru",
        ),
        (
            "Minister Tom Arkan hosted Minister Lena Varga in Lima on Thursday. In a post on "
            "Facebook, Varga said the talks had gone well.",
            "Lena Varga",
        ),
        # the one who addresses a briefing and says, told by title
        (
            "Foreign Office Spokesperson Mira Sandhu said on Thursday that Kenya and Peru will "
            "hold talks next month. Addressing the weekly press briefing, the spokesperson said "
            "the talks would cover trade.",
            "Mira Sandhu",
        ),
    ],
)
def test_statements_are_their_issuers(nlp, body, speaker):
    statements = events_of(nlp, body, AUG_21, "statement")
    assert [sorted(p.name for p in e.participants) for e in statements] == [[speaker]]


@pytest.mark.parametrize(
    "body",
    [
        "President Ana Velor received her Bolivian counterpart Tom Arkan on Tuesday.\n\n"
        "Arkan, who arrived in Asuncion on Monday evening, invited Velor to visit La Paz in "
        "2027. The Paraguayan leader accepted the invitation, according to a statement from "
        "the presidency.",
        # "by" names the issuer as "from" does: not the persons the clause tells of
        "Trade Minister Ana Velor met Economy Minister Tom Arkan in Lima on Tuesday.\n\n"
        "The two ministers co-chaired a meeting of the joint commission, according to a "
        "statement by the ministry.",
    ],
)
def test_a_statement_of_a_body_the_article_does_not_name_is_none(nlp, body):
    assert "statement" not in [e.kind for e in facts_of(nlp, body, AUG_21).events]


def test_a_statement_at_a_briefing_is_the_speakers_alone(nlp):
    body = (
        "Foreign Minister Ali Musa will visit Laos next week, spokeswoman Alina Sorokova said "
        "at a briefing on Monday."
    )
    statements = [p for k, _, p in event_rows(nlp, body, AUG_21) if k == "statement"]
    assert statements == [["Alina Sorokova"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the model hangs "hosted" on the name and gives it no object
        (
            "President Ali Musa hosted President John Banda on Monday.",
            ("meeting", "2024-08-19", ["Ali Musa", "John Banda"]),
        ),
        # the speaker of "Speaking at a briefing, X said"
        (
            "Speaking during a joint press briefing on Monday, President Ali Musa said the "
            "two countries would remove trade barriers.",
            ("statement", "2024-08-19", ["Ali Musa"]),
        ),
        (
            "Briefing reporters on Monday, Foreign Secretary Vikram Rao said the talks went well.",
            ("statement", "2024-08-19", ["Vikram Rao"]),
        ),
    ],
)
def test_hosting_and_briefings_the_parser_hangs_oddly(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == [expected]


@pytest.mark.parametrize(
    ("body", "hosts"),
    [
        (
            "Prime Minister Amani Odhiambo is on a tour of Kenya, Uganda, Tanzania and Rwanda.",
            [None, "Kenya", "Rwanda", "Tanzania", "Uganda"],
        ),
        (
            "Prime Minister Amani Odhiambo left on Monday for a tour to Uganda, Tanzania and "
            "Rwanda.",
            [None, "Rwanda", "Tanzania", "Uganda"],
        ),
        # a visit to two countries is no tour: one visit to each
        (
            "Prime Minister Amani Odhiambo will visit Uganda and Tanzania next week.",
            ["Tanzania", "Uganda"],
        ),
    ],
)
def test_a_tour_is_one_visit_per_country_and_the_tour(nlp, body, hosts):
    events = events_of(nlp, body, AUG_20)
    assert sorted((e.host.name if e.host else None for e in events), key=str) == sorted(
        hosts, key=str
    )
    assert all(e.kind == "visit" and e.guest.name == "Amani Odhiambo" for e in events)


def test_a_tour_told_again_is_that_tour(nlp):
    """The travel described beside it, its first day and "the tour" told again: one visit to
    each country, the first day that of the first country's, the meeting in the last."""
    body = (
        "Chancellor Anna Berg will travel to Ghana, Nigeria and Senegal next week, her first "
        "trip to Africa since taking office. Berg is due to arrive in Accra on Sunday. The "
        "tour ends in Dakar, where Berg will meet President Omar Sy."
    )
    rows = sorted(
        (e.kind, e.date and e.date.value, e.host and e.host.name, *summary(e)[2])
        for e in events_of(nlp, body, AUG_21)
    )
    assert rows == [
        ("meeting", "2024-08", None, "Anna Berg", "Omar Sy"),
        ("visit", "2024-08", "Nigeria", "Anna Berg"),
        ("visit", "2024-08", "Senegal", "Anna Berg"),
        ("visit", "2024-08-25", "Ghana", "Anna Berg"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Foreign Minister Amani Odhiambo met Foreign Minister Peter Kizza on Monday, ministry "
        "spokesperson Mercy Kawira said.",
        "According to spokesperson Mercy Kawira, Foreign Minister Amani Odhiambo met Foreign "
        "Minister Peter Kizza on Monday.",
        # ... nor the body that closes the sentence as its source, its acronym after it
        "Foreign Minister Amani Odhiambo met Foreign Minister Peter Kizza on Monday, the "
        "Ministry of External Relations (MER) said.",
        # ... nor the one who gives a readout of it
        'Foreign Minister Amani Odhiambo met Foreign Minister Peter Kizza on Monday. "The '
        "minister commended Uganda's role,\" said spokesperson Mercy Kawira in a readout of "
        "the meeting.",
    ],
)
def test_the_spokesperson_who_reports_a_meeting_takes_no_part(nlp, body):
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])
    ]


def test_the_spokesperson_named_after_a_quote_takes_no_part_in_what_it_tells(nlp):
    # (the parser hangs "Mercy" on "Kawira", the subject of "said")
    body = (
        '"The visit will give the two countries a chance to review progress made in the '
        "implementation of decisions taken during the previous session of the commission held "
        'in Kampala in 2023," Presidency spokesperson Mercy Kawira said on Tuesday.'
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2023", ["Uganda"]),
        ("visit", None, ["Uganda"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # talks of which the pair talk, whose "between" names their own two sides
        (
            "Foreign Minister Amani Odhiambo held a phone call with Foreign Minister Peter "
            "Kizza on Monday. The two ministers exchanged views on regional issues and the "
            "upcoming round of talks between Iran and the United States.",
            [
                ("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
                ("talks", None, ["Iran", "United States"]),
            ],
        ),
        # one who hopes of talks ("the hope that ...", hung on the noun) takes no part
        (
            "Foreign Minister Amani Odhiambo held a phone call with Foreign Minister Peter "
            "Kizza on Monday. Odhiambo welcomed the progress made and expressed the hope that "
            "the negotiations would lead to a lasting settlement.",
            [("phone-call", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
    ],
)
def test_those_who_speak_of_talks_take_no_part_in_them(nlp, body, expected):
    assert event_rows(nlp, body, AUG_20) == expected


def test_a_band_at_a_ceremony_takes_no_part(nlp):
    body = (
        "President Amani Odhiambo was welcomed with a guard of honour on Monday as the Korva "
        "Presidential Guard Band played the national anthems."
    )
    assert event_rows(nlp, body, AUG_20) == [("ceremony", "2024-08-19", ["Amani Odhiambo"])]


@pytest.mark.parametrize(
    ("body", "date", "guest_and_host"),
    [
        # "his" visit: the clause's subject's
        (
            "During his visit to Kampala, Foreign Minister Amani Odhiambo signed two "
            "agreements with Foreign Minister Peter Kizza on Monday.",
            AUG_20,
            ("Amani Odhiambo", "Uganda"),
        ),
        # ... and in a passive clause, its doer's
        (
            "President Omar Haddad spoke to the press on Monday. A letter was handed over by "
            "Foreign Minister Tom Arkan during his visit to Peru.",
            AUG_21,
            ("Tom Arkan", "Peru"),
        ),
    ],
)
def test_his_visit_is_the_visit_of_the_clauses_subject(nlp, body, date, guest_and_host):
    visit = next(e for e in events_of(nlp, body, date) if e.kind == "visit")
    assert (visit.guest.name, visit.host.name) == guest_and_host


def test_the_source_of_what_is_told_takes_no_part(nlp):
    body = (
        "Ghana and Togo agreed on Tuesday to set up a joint commission on trade.\n\n"
        "According to Foreign Minister Kwame Osei, the commission will hold its first session "
        "in Lome in September."
    )
    # (the commission's countries hold its session, the article's two)
    assert event_rows(nlp, body, AUG_20) == [("meeting", "2024-09", ["Ghana", "Togo"])]


def test_the_person_paid_tribute_to_takes_no_part(nlp):
    body = (
        "President Amani Odhiambo attended the Korva Summit in Nairobi on Monday. At the "
        "summit's opening ceremony, Odhiambo said the gathering was a fitting moment to pay "
        "tribute to Jomo Wanjala."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("ceremony", "2024-08-19", ["Amani Odhiambo"]),
        ("summit", "2024-08-19", ["Amani Odhiambo"]),
    ]


def test_the_person_whose_tomb_is_honoured_takes_no_part(nlp):
    body = (
        "President Amani Odhiambo arrived in Lusaka on Monday for a state visit. On Tuesday he "
        "laid a wreath at the mausoleum of independence leader Jomo Wanjala."
    )
    assert [row for row in event_rows(nlp, body, AUG_21) if row[0] == "ceremony"] == [
        ("ceremony", "2024-08-20", ["Amani Odhiambo"]),
    ]


def test_he_is_due_to_visit_is_the_visit_of_the_subject(nlp):
    body = "Prime Minister Amani Odhiambo met President Peter Kizza. He is due to visit Zambia."
    visit = next(e for e in events_of(nlp, body, AUG_20) if e.kind == "visit")
    assert (visit.guest.name, visit.host.name) == ("Amani Odhiambo", "Zambia")


def test_his_trip_after_a_clause_is_the_trip_of_its_subject(nlp):
    body = (
        "Minister Peter Kizza signed a declaration. Two weeks later, Minister Amani Odhiambo "
        "travelled to Kampala on Monday, his first trip to Uganda in a decade."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert [(v.guest.name, v.host.name) for v in visits] == [("Amani Odhiambo", "Uganda")]


@pytest.mark.parametrize(
    "body",
    [
        "Minister Amani Odhiambo said the agreed bilateral meetings are with Uganda, "
        "Rwanda and Tanzania.",
        "Minister Amani Odhiambo will hold bilateral meetings with Uganda, Rwanda and Tanzania.",
        # the list comes in a later telling of the meetings announced before
        "Minister Amani Odhiambo will also hold bilateral meetings with several countries. "
        "The agreed bilateral meetings are with Uganda, Rwanda and Tanzania.",
    ],
)
def test_meetings_with_a_list_of_countries_are_one_with_each(nlp, body):
    assert sorted(
        sorted(p.name for p in e.participants if p.kind == "country")
        for e in events_of(nlp, body, AUG_20)
    ) == [["Rwanda"], ["Tanzania"], ["Uganda"]]


def test_a_tour_told_before_as_a_visit_is_that_visit(nlp):
    body = (
        "Premier Amani Odhiambo's European visit will boost ties, an official said.\n\n"
        "Odhiambo will make a trip to Finland, Austria and Uzbekistan from September 9 to 16."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted(((e.host.name if e.host else "-"), e.date.value) for e in visits) == [
        ("-", "2024-09-09"),
        ("Austria", "2024-09-09"),
        ("Finland", "2024-09-09"),
        ("Uzbekistan", "2024-09-09"),
    ]


def test_he_after_a_bare_surname_subject_is_that_person(nlp):
    body = (
        "Vice President Amani Odhiambo signed deals with Uganda on Monday.\n\nOdhiambo is now on "
        "a tour of three African countries that took him to Rwanda, where officials approved "
        "credit. He is due to visit Namibia at the weekend."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted((e.host.name if e.host else "-", e.guest.name) for e in visits) == [
        ("-", "Amani Odhiambo"),
        ("Namibia", "Amani Odhiambo"),
        ("Rwanda", "Amani Odhiambo"),  # the tour's leg (events/implied.py)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the subject of a relative clause is the noun it describes
        (
            "Minister Amani Odhiambo received Ambassador Lena Varga, who presented copies of "
            "her letters of credence on Monday.",
            ("ceremony", "2024-08-19", ["Amani Odhiambo", "Lena Varga"]),
        ),
        # those who accompany a party, and those in whose presence a document is signed
        (
            "Foreign Minister Amani Odhiambo met Minister Lena Varga, accompanied by "
            "Ambassador Peter Kizza, on Monday.",
            ("meeting", "2024-08-19", ["Amani Odhiambo", "Lena Varga", "Peter Kizza"]),
        ),
        (
            "The accord was signed by Amani Odhiambo and Lena Varga in the presence of "
            "President Peter Kizza on Monday.",
            ("agreement-signing", "2024-08-19", ["Amani Odhiambo", "Lena Varga", "Peter Kizza"]),
        ),
        # "X's predecessor, Y": Y, not X
        (
            "President Amani Odhiambo arrived in Rome. Odhiambo's predecessor, Peter Kizza, "
            "was received by Pope Lena in June 2022.",
            ("meeting", "2022-06", ["Lena", "Peter Kizza"]),
        ),
    ],
)
def test_who_else_takes_part(nlp, body, expected):
    assert [r for r in event_rows(nlp, body, AUG_20) if r[0] == expected[0]] == [expected]


def test_the_legs_of_a_tour_within_one_month_are_in_that_month(nlp):
    body = (
        "Foreign Minister Amani Odhiambo will visit four countries from September 5 to 11. "
        "Odhiambo will travel to Uganda, Tanzania, Rwanda and Burundi."
    )
    legs = [e for e in facts_of(nlp, body, AUG_21).events if e.kind == "visit" and e.host]
    assert sorted((e.host.name, e.date.value) for e in legs) == [
        ("Burundi", "2024-09"),
        ("Rwanda", "2024-09"),
        ("Tanzania", "2024-09"),
        ("Uganda", "2024-09"),
    ]


@pytest.mark.parametrize(
    "thanks",
    [
        "Minister Ibarra thanked the visit.",
        # ... also when the guest is thanked for it, by name or not
        "Minister Ibarra thanked Velor for the visit.",
        "Minister Ibarra thanked his guest for the visit and hoped it would open a new chapter.",
    ],
)
def test_a_visit_thanked_for_is_the_one_met_before(nlp, thanks):
    # the one who thanks for the visit received it: the guest is the one they met
    body = (
        "Foreign Minister Ana Velor of Peru held a meeting on Monday with her counterpart "
        f"from Ecuador, Tomas Ibarra, in Quito. {thanks}"
    )
    [visit] = [e for e in facts_of(nlp, body, AUG_21).events if e.kind == "visit"]
    assert (visit.guest.name, visit.host.name) == ("Ana Velor", "Ecuador")
    assert [p.name for p in visit.participants] == ["Ana Velor"]


def test_a_visit_under_way_without_a_destination_is_to_the_datelines_country(nlp):
    body = (
        "PARIS (AFP) - President Lena Varga of Nigeria, who is on a three-day state visit, "
        "addressed the Senate on Monday."
    )
    visit = next(e for e in facts_of(nlp, body, AUG_21).events if e.kind == "visit")
    assert (visit.guest.name, visit.host.key) == ("Lena Varga", "FRA")


@pytest.mark.parametrize("pair", ["ministers", "minsters", "minsiters"])
def test_the_two_of_a_pair_noun_misspelt_by_one_letter(nlp, pair):
    body = (
        "Foreign Minister Jane Achieng met her Ugandan counterpart Moses Kato in Nairobi on "
        f"Tuesday.\n\nThe two {pair} also witnessed the signing of a memorandum on trade."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("agreement-signing", "2024-08-20", ["Jane Achieng", "Moses Kato"]),
        ("meeting", "2024-08-20", ["Jane Achieng", "Moses Kato"]),
    ]


@pytest.mark.parametrize(
    ("body", "body_named"),
    [
        ("Foreign ministers of the Korva Group met on the margins of the UN General Assembly "
         "on Wednesday.", "Korva Group"),
        ("Foreign ministers of the K4+1 format met on the margins of the UN General Assembly "
         "on Wednesday.", "K4+1"),
    ],
)  # fmt: skip
def test_the_ministers_of_a_body_meet_as_that_body(nlp, body, body_named):
    """ "the ministers of X met on the margins of Y": X's meeting, framed by Y's."""
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-21", [body_named]),
        ("meeting", "2024-08-21", ["United Nations General Assembly"]),
    ]


def test_a_question_reports_no_event(nlp):
    body = (
        "Foreign Minister Lena Varga met President Tomas Vell in Nairobi on Monday.\n\n"
        "Q: Is there any update on the trade talks with the European Union?\n\n"
        "A: I would refer you to the competent authorities."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Lena Varga", "Tomas Vell"]),
    ]


def test_him_is_the_subject_told_before_not_the_clauses_own(nlp):
    body = (
        "Prime Minister Ali Kaya of Norway will pay an official visit to Kenya from August 26 "
        "to 28. President Tomas Vell will meet with him on August 27."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-27", ["Ali Kaya", "Tomas Vell"]),
        ("visit", "2024-08-26", ["Ali Kaya"]),
    ]


def test_his_is_not_a_subject_the_article_calls_she(nlp):
    body = (
        "Kenyan Foreign Minister Rosa Quispe thanked her Ghanaian counterpart Kofi Amoah on "
        "Monday.\n\nQuispe met Amoah in Nairobi in the course of his official visit, which "
        "started on Sunday."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-18", ["Kofi Amoah", "Rosa Quispe"]),
        ("visit", "2024-08-18", ["Kofi Amoah"]),
    ]


def test_talks_with_her_counterpart_are_hers_and_the_counterparts(nlp):
    body = (
        "Foreign Minister Lena Varga of Hungary wrote on Tuesday that the talks with her "
        "Serbian counterpart had been useful.\n\nSerbian Foreign Minister Marko Ilic said the "
        "border crossing would reopen."
    )
    assert event_rows(nlp, body, AUG_21) == [("talks", None, ["Lena Varga", "Marko Ilic"])]


@pytest.mark.parametrize(
    ("met", "expected"),
    [
        # of a king and a minister of that country, the minister's counterpart is the minister
        (
            "Kizza met his Norwegian counterpart.",
            ("meeting", "2024-08-19", ["Ola Strand", "Peter Kizza"]),
        ),
        # one who holds no office of theirs has no counterpart among them: the country
        (
            "Odhiambo met his Norwegian counterpart.",
            ("meeting", "2024-08-19", ["Amani Odhiambo", "Norway"]),
        ),
    ],
)
def test_a_counterpart_among_several_of_a_country_holds_the_same_office(nlp, met, expected):
    body = (
        "President Amani Odhiambo received King Harald IV of Norway on Monday. Norwegian "
        "Foreign Minister Ola Strand and Kenyan Foreign Minister Peter Kizza attended the "
        f"meeting. Earlier on Monday, {met}"
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-19", ["Amani Odhiambo", "Harald IV"]),
        expected,
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # capitals joined as the subjects of an event are the governments seated there, not
        # the country the sayer or the venue is of
        (
            "Tehran and Washington held a round of talks in Muscat on Sunday, Omani Foreign "
            "Minister Badr Saidi said.",
            [("talks", "2024-08-18", ["Iran", "United States"])],
        ),
        (
            "Beijing and Manila held talks on the sea in Hanoi on Sunday, the Vietnamese "
            "foreign ministry said.",
            [("talks", "2024-08-18", ["China", "Philippines"])],
        ),
        (
            "Moscow and Beijing signed a treaty on Monday.",
            [("agreement-signing", "2024-08-19", ["China", "Russia"])],
        ),
        # talks helped along are the talks told before, not the helper's
        (
            "Tehran and Washington held a round of talks in Muscat on Sunday. Foreign Minister "
            "Ali Rezvan thanked Oman for its role in facilitating the negotiations.",
            [("talks", "2024-08-18", ["Iran", "United States"])],
        ),
        (
            "Velmora mediated the negotiations between Kenya and Uganda on Monday.",
            [("talks", "2024-08-19", ["Kenya", "Uganda"])],
        ),
    ],
)
def test_the_sides_of_talks_are_the_governments_not_their_helpers(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_the_two_leaders_told_far_after_their_call_are_its_two(nlp):
    # a readout: paragraphs of what they discussed between the call and "the two leaders"
    body = (
        "President Tom Arkan spoke by telephone with Prime Minister Ana Lopes on Monday. The "
        "two leaders reaffirmed the strength of their partnership. They discussed cooperation "
        "in defence and space. The President expressed solidarity with the victims of the "
        "floods. The two leaders agreed to meet in Lima in June."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2025-06", ["Ana Lopes", "Tom Arkan"]),
        ("phone-call", "2024-08-19", ["Ana Lopes", "Tom Arkan"]),
    ]


def test_the_two_who_agree_to_hold_a_round_are_its_parties(nlp):
    body = (
        "Foreign Minister Tom Arkan received a phone call from his Greek counterpart Ana Lopes "
        "on Sunday. Arkan stressed the importance of stability in Libya. The two ministers "
        "agreed to hold a round of political consultations in Athens next month."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("phone-call", "2024-08-18", ["Ana Lopes", "Tom Arkan"]),
        ("talks", "2024-09", ["Ana Lopes", "Tom Arkan"]),
    ]


def test_an_events_name_inside_another_events_is_none_of_its_own(nlp):
    body = (
        "President Tom Arkan spoke by telephone with Prime Minister Ana Lopes on Monday. They "
        "discussed the preparation of the Korva Action Summit follow-up conference, which Peru "
        "will host next year."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2025", ["Peru"]),
        ("phone-call", "2024-08-19", ["Ana Lopes", "Tom Arkan"]),
    ]


def test_a_visit_home_is_not_ones_own(nlp):
    # "his" could be either's; the Kenyan minister makes no visit to Kenya
    body = (
        "On Monday, Foreign Minister Tom Arkan of Kenya held a meeting with Foreign Minister "
        "Ana Lopes of Peru in Lima. Arkan said he was pleased to meet Lopes again following "
        "his visit to Kenya in January."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(v.guest.name, v.host.key) for v in visits] == [("Ana Lopes", "KEN")]


@pytest.mark.parametrize(
    ("body", "guests"),
    [
        # "I" is the one who says: "him" is the other one named
        (
            "Foreign Minister Lena Varga of Hungary spoke about her talks with Foreign Minister "
            "Omar Kaya of Chile. She said: We agreed that trade should flow both ways, and I "
            "invited him to visit Budapest in the autumn.",
            [["Omar Kaya"]],
        ),
        # an invitation extended to X to visit: X's visit
        (
            "Prime Minister Tom Arkan received a call from President Omar Haddad on Thursday. "
            "Arkan extended an invitation to President Haddad to visit Peru at his earliest "
            "convenience.",
            [["Omar Haddad"]],
        ),
        # one invited whom the text does not name is still not the one who invites
        (
            "Foreign Minister Lena Varga of Hungary spoke to the press.\n\nQ: Will there be a "
            "visit?\n\nA: Yes, I invited him to visit Budapest in the autumn.",
            [["Hungary"]],
        ),
    ],
)
def test_the_one_invited_to_visit(nlp, body, guests):
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [sorted(p.name for p in v.participants) for v in visits] == guests


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # those a plural subject includes
        (
            "World leaders including President Tom Arkan and President Ana Lopes attended the "
            "funeral of Pope Benedict in Rome on Saturday.",
            [("ceremony", "2024-08-17", ["Ana Lopes", "Tom Arkan"])],
        ),
        # the subject of a joined verb, whose object the parser took for its own subject
        (
            "Argentine President Javier Torres also paid his respects and later met Italian "
            "Prime Minister Ana Lopes.",
            [("meeting", None, ["Ana Lopes", "Javier Torres"])],
        ),
    ],
)
def test_subjects_the_parser_hides(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_an_event_another_follows_takes_no_part_in_it(nlp):
    body = (
        "Foreign Secretary Tom Arkan travelled to Warsaw on Monday for talks with his Polish "
        "counterpart Jan Nowak. The visit follows the Prime Minister's meeting with Polish "
        "Prime Minister Piotr Lis in London in January."
    )
    assert event_rows(nlp, body, dt.date(2025, 5, 19)) == [
        ("meeting", "2025-01", ["Piotr Lis"]),
        ("talks", "2025-05-19", ["Jan Nowak", "Tom Arkan"]),
        ("visit", "2025-05-19", ["Tom Arkan"]),
    ]


def test_two_others_meeting_during_a_visit_meet_without_the_visitor(nlp):
    body = (
        "President Tomas Vell on Tuesday received the outgoing Ambassador of France to Kenya, "
        "Pierre Marchal, at State House.\n\nLater, Vell hosted a state dinner for visiting "
        "Ghanaian President Kofi Amoah, who arrived in Nairobi on Monday for a two-day visit."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-20", ["Pierre Marchal", "Tomas Vell"]),
        ("visit", "2024-08-19", ["Kofi Amoah"]),
    ]


def test_the_one_who_invites_is_no_party_to_the_visit(nlp):
    body = (
        "At the invitation of President Tomas Vell, Prime Minister Ali Kaya of Norway will "
        "pay an official visit to Kenya from August 26 to 28."
    )
    assert event_rows(nlp, body, AUG_21) == [("visit", "2024-08-26", ["Ali Kaya"])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foreign Minister Rose Wakanyi on Tuesday issued a statement on the signing of the "
            "trade agreement between Chile and Peru.",
            [
                ("agreement-signing", "2024-08-20", ["Chile", "Peru"]),
                ("statement", "2024-08-20", ["Rose Wakanyi"]),
            ],
        ),
        (
            "Foreign Minister Rose Wakanyi made remarks on the signing of the Lima Accord by "
            "Chile and Peru.",
            [("agreement-signing", None, ["Chile", "Peru"])],
        ),
    ],
)
def test_who_comments_on_an_event_takes_no_part_in_it(nlp, body, expected):
    """ "a statement on the signing of X": the one who speaks of the signing did not sign."""
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foreign Minister Tomas Vell held separate meetings on Tuesday with his "
            "counterparts from Angola, Mozambique and Cape Verde.",
            [
                ("meeting", "2024-08-20", ["Angola", "Tomas Vell"]),
                ("meeting", "2024-08-20", ["Cabo Verde", "Tomas Vell"]),
                ("meeting", "2024-08-20", ["Mozambique", "Tomas Vell"]),
            ],
        ),
        (
            "Foreign Minister Tomas Vell received a phone call on Tuesday from his Jordanian "
            "counterpart Omar Kaya. Vell also received phone calls from the foreign ministers "
            "of Spain and Norway, Rosa Quispe and Ana Lind, respectively.",
            [
                ("phone-call", "2024-08-20", ["Ana Lind", "Norway", "Tomas Vell"]),
                ("phone-call", "2024-08-20", ["Omar Kaya", "Tomas Vell"]),
                ("phone-call", "2024-08-20", ["Rosa Quispe", "Spain", "Tomas Vell"]),
            ],
        ),
        # met on the sidelines "with X and with Y": one with each
        (
            "President Ana Velor attended the Korva Summit in Nairobi on Monday.\n\nOn the "
            "sidelines, Velor met with President Tomas Vell and with Prime Minister Kofi Amoah.",
            [
                ("meeting", "2024-08-19", ["Ana Velor", "Kofi Amoah"]),
                ("meeting", "2024-08-19", ["Ana Velor", "Tomas Vell"]),
                ("summit", "2024-08-19", ["Ana Velor"]),
            ],
        ),
        # ... and elsewhere one meeting of the three
        (
            "President Ana Velor met with President Tomas Vell and with Prime Minister Kofi "
            "Amoah in Nairobi on Monday.",
            [("meeting", "2024-08-19", ["Ana Velor", "Kofi Amoah", "Tomas Vell"])],
        ),
        # one of them told again with its leader: that country's meeting, not another
        (
            "Foreign Minister Tomas Vell held separate meetings on Tuesday with the leaders "
            "of Angola and Mozambique.\n\nWith Angolan President Rosa Quispe, Vell "
            "discussed trade and energy.",
            [
                ("meeting", "2024-08-20", ["Angola", "Rosa Quispe", "Tomas Vell"]),
                ("meeting", "2024-08-20", ["Mozambique", "Tomas Vell"]),
            ],
        ),
    ],
)
def test_meetings_or_calls_with_several_are_one_with_each(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_a_courtesy_call_on_him_is_on_the_one_named_before(nlp):
    body = (
        "Foreign Minister Tomas Vell met the press on Tuesday. Later, the ambassador Rosa "
        "Quispe paid a courtesy call on him."
    )
    assert event_rows(nlp, body, AUG_21) == [("meeting", None, ["Rosa Quispe", "Tomas Vell"])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a body that closes the sentence as its source is no party
        (
            "Foreign Minister Ana Velor and her Paraguayan counterpart, Tom Arkan, signed on "
            "Tuesday an agreement on river transport, the Argentine Foreign Ministry reported.",
            [("agreement-signing", "2024-08-20", ["Ana Velor", "Tom Arkan"])],
        ),
        # "said after meeting X": the one who said it met X; a lede's "Kenya's foreign
        # minister" is the one the body names so
        (
            "Kenya and Uganda agreed on Tuesday to set up a joint fisheries commission, Kenya's "
            "foreign minister said after meeting his Ugandan counterpart.\n\n"
            '"We have agreed on a commission," Foreign Minister Tom Arkan told reporters. '
            "Ugandan Foreign Minister Ana Velor said it would report within a year.",
            [("meeting", "2024-08-20", ["Ana Velor", "Tom Arkan"])],
        ),
        # "X said that ..., after meeting Y": the parser hangs the meeting on what was said;
        # the meeting takes the saying's day
        (
            "Peru's foreign minister, Lena Varga, said on Friday that her country would seek "
            "closer ties with Chile, after meeting Trade Minister Tomas Reyes in Lima.",
            [("meeting", "2024-08-16", ["Chile", "Lena Varga", "Tomas Reyes"])],
        ),
        # so is an event told before what was said
        (
            "Minister Lena Varga told reporters on Tuesday after talks with Minister Tomas "
            "Reyes that drills would be held.",
            [("talks", "2024-08-20", ["Lena Varga", "Tomas Reyes"])],
        ),
        # "said Tuesday after talks": the day of the saying is the talks' too
        (
            "Kenya and Uganda will hold drills next month, the two countries' defence chiefs "
            "said Tuesday after talks in Nairobi.",
            [("talks", "2024-08-20", ["Kenya", "Uganda"])],
        ),
        # (but the day of a saying alone dates no event)
        ("Kenya will hold drills with Uganda, the ministry said Tuesday.", []),
        (
            "Foreign Minister Lena Varga said the two countries would sign a trade pact soon, "
            "following talks with Trade Minister Tomas Reyes in Lima.",
            [("talks", None, ["Lena Varga", "Tomas Reyes"])],
        ),
        # a body that says so after an event naming its own two persons is no party to it
        (
            "The Chilean Foreign Ministry said in a statement after consultations between "
            "Deputy Foreign Minister Lena Varga and Assistant Secretary Tomas Reyes in Geneva "
            "on Tuesday that ties were improving.",
            [
                ("statement", "2024-08-20", ["Ministry of Foreign Affairs of Chile"]),
                ("talks", "2024-08-20", ["Lena Varga", "Tomas Reyes"]),
            ],
        ),
    ],
)
def test_who_reports_or_says_after_meeting(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_the_one_another_event_is_with_is_no_party_to_this_one(nlp):
    body = (
        "Trade grew.\n\nPresident Ana Velor laid a wreath in Lima on Tuesday, a day after her "
        "talks with President Tomas Reyes."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("ceremony", "2024-08-20", ["Ana Velor"]),
        ("talks", "2024-08-19", ["Ana Velor", "Tomas Reyes"]),
    ]


def test_who_is_on_a_visit_after_a_title_of_a_country_is_the_one_titled(nlp):
    body = (
        "President Tom Arkan received today Dr. Ana Velor, Minister of Foreign Affairs and "
        "Emigrants of the Lebanese Republic, who is on a working visit to the country."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(e.guest.name, e.guest_country.key) for e in visits] == [("Ana Velor", "LBN")]


def test_verbs_joined_to_one_completed_share_its_subject(nlp):
    body = (
        "Polish President Adam Nowak began a state visit to Lithuania on Wednesday. On Friday, "
        "Nowak is expected to travel to Kaunas to meet community leaders and visit a memorial "
        "to the soldiers of 1920."
    )
    rows = [(e.kind, e.date.value if e.date else None, e.guest and e.guest.name)
            for e in facts_of(nlp, body, AUG_21).events
            if any(p.name == "Adam Nowak" for p in e.participants)]  # fmt: skip
    assert sorted(rows, key=str) == [
        ("meeting", "2024-08-23", None),
        ("visit", "2024-08-21", "Adam Nowak"),
        ("visit", "2024-08-23", "Adam Nowak"),
        ("visit", None, "Adam Nowak"),
    ]


def test_a_visit_by_a_guest_from_abroad_coming_is_hosted_where_the_story_is_filed(nlp):
    body = (
        "SEOUL, Aug. 21 (Yonhap) -- Trade with Vietnam grew by a tenth last year, the ministry "
        "said Wednesday, ahead of a visit by Vietnamese President Tran Van Duc next week. "
        "President Kim Soo-ah said Tran's visit would open a new chapter."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(e.guest.name, e.host.key, e.guest_country.key) for e in visits] == [
        ("Tran Van Duc", "KOR", "VNM")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "a meeting of EU foreign ministers": the body they sit for
        (
            "The bloc will impose sanctions on five officials of Iran, its foreign policy chief "
            "said on Tuesday after a meeting of EU foreign ministers.",
            [("meeting", "2024-08-20", ["European Union"])],
        ),
        # "the foreign ministers of A and B", told in the lede: the one of each the body names
        (
            "The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday.\n\n"
            "Armenian Foreign Minister Tom Arkan said differences remain. Azerbaijani Foreign "
            "Minister Ana Velor was more upbeat.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
    ],
)
def test_holders_of_an_office_told_in_the_plural(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_who_is_due_to_visit_is_the_one_the_clause_hangs_from(nlp):
    body = (
        "US Secretary of State Tom Arkan, who is due to visit Mexico City next week, said all "
        "options were on the table."
    )
    visits = events_of(nlp, body, AUG_21, "visit")
    assert [(e.guest.name, e.host.key, e.guest_country.key) for e in visits] == [
        ("Tom Arkan", "MEX", "USA")
    ]


def test_a_title_of_a_country_is_that_countrys_holder(nlp):
    # two presidents told: "the President of Peru" is the one of Peru
    body = (
        "President Ana Lopes of Chile held talks with President Omar Haddad of Peru, who "
        "arrived in Santiago on a state visit on Tuesday.\n\nOn Wednesday, the President of "
        "Peru will also visit Valparaiso."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert sorted((e.date.value, e.guest.name) for e in visits) == [
        ("2024-08-20", "Omar Haddad"),
        ("2024-08-21", "Omar Haddad"),
    ]


@pytest.mark.parametrize(
    ("body", "guest", "host"),
    [
        # (the parser hangs the second title and name on the first as appositions)
        (
            "At the invitation of President of the Republic of Kazakhstan Daniyar Seitkali, "
            "President of the Republic of Finland Mikko Laine will pay a state visit to "
            "Kazakhstan from March 3 to 5, the presidential press service said.",
            "Mikko Laine",
            "KAZ",
        ),
        # ... the name, then "of" and its country
        (
            "Q: Can you share details about the visit?\n\nA: At the invitation of President "
            "Zhang Wei, President Mateo Fuentes of Chile will pay a state visit to China from "
            "October 20 to 24.",
            "Mateo Fuentes",
            "CHN",
        ),
    ],
)
def test_a_name_right_before_a_verb_the_parser_left_without_subject_is_its_subject(
    nlp, body, guest, host
):
    [visit] = events_of(nlp, body, AUG_20, "visit")
    assert (visit.guest.name, visit.host.key) == (guest, host)


def test_a_visit_by_an_office_unnamed_is_not_the_hosts(nlp):
    # "by a New Zealand leader" names no one: not the host the clause tells of
    body = (
        "Chinese Premier Wang Lei met with visiting New Zealand Prime Minister Olivia Hart in "
        "Beijing on Monday, the first visit by a New Zealand leader to China since 2023."
    )
    visits = events_of(nlp, body, AUG_20, "visit")
    assert visits
    assert "Wang Lei" not in {p.name for e in visits for p in e.participants}


@pytest.mark.parametrize(
    ("verb", "persons"),
    [
        # talked about: not by those who talk
        ("discussed", []),
        ("reviewed", []),
        ("discussed the preparations for", []),
        # addressing a gathering is speaking at it
        ("addressed", ["Ali Bek", "John Banda"]),
    ],
)
def test_a_summit_talked_about_is_not_the_talkers(nlp, verb, persons):
    body = (
        "Foreign Minister Ali Bek met Foreign Minister John Banda on Monday.\n\n"
        f"The two ministers {verb} the regional summit in Lusaka."
    )
    summits = [summary(e) for e in events_of(nlp, body, AUG_21, "summit")]
    assert [persons for _, _, persons in summits] == [persons]


def test_a_pair_of_titled_names_the_parser_folds_into_one_title_are_both_parties(nlp):
    """ "Foreign Minister A and Defense Minister B will meet ...": the parser hangs A inside
    B's title; both take part."""
    body = (
        "Foreign Minister Cho Min-ho and Defense Minister Lee Sang-woo will meet their Japanese "
        "counterparts, Kenji Mori and Taro Ueda, in Tokyo on Monday."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08-26", ["Cho Min-ho", "Kenji Mori", "Lee Sang-woo", "Taro Ueda"])
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Foreign Minister Lena Varga spoke with her Kenyan counterpart Moses Kato on Monday. "
         "They discussed the upcoming trilateral meeting of Uganda, Kenya and Tanzania.",
         ["Kenya", "Tanzania", "Uganda"]),
        ("Foreign Minister Lena Varga spoke with her Kenyan counterpart Moses Kato on Monday. "
         "A summit of Rwanda, Burundi, Kenya and Uganda will be held in Kigali next month.",
         ["Burundi", "Kenya", "Rwanda", "Uganda"]),
    ],
)  # fmt: skip
def test_a_gathering_of_countries_is_of_all_those_countries(nlp, body, expected):
    """ "the meeting of A, B and C", told without its people: all the countries it is of,
    not the first two its sentence names."""
    events = facts_of(nlp, body, AUG_21).events
    (gathering,) = [e for e in events if e.kind in ("meeting", "summit")]
    assert sorted(p.name for p in gathering.participants) == expected


def test_received_at_a_venue_then_a_title_receives_its_holder(nlp):
    # the parser makes the venue the compound of the title that follows it
    body = (
        "AMMAN, Aug 20 (Petra) -- His Majesty King Omar III on Tuesday received at Al "
        "Qasr Palace Prime Minister of Greece Nikos Andreou, with talks focusing on ties."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-20", ["Nikos Andreou", "Omar III"])
    ]


@pytest.mark.parametrize(
    "attended",
    [
        "Court Chief Ana Velor and the ambassador attended the meeting.",
        "During the meeting, attended by Crown Prince Zayd bin Omar III, they discussed trade.",
    ],
)
def test_those_who_attended_a_meeting_told_before_make_no_meeting_of_their_own(nlp, attended):
    body = (
        "AMMAN, Aug 20 (Petra) -- King Omar III on Tuesday received Prime Minister of "
        f"Greece Nikos Andreou at the palace. {attended}"
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("meeting", "2024-08-20", ["Nikos Andreou", "Omar III"])
    ]


@pytest.mark.parametrize(
    "office", ["the Angolan head of State", "the Angolan President", "the Angolan leader"]
)
def test_an_office_of_a_country_is_its_one_holder_whose_title_gave_none(nlp, office):
    body = (
        "LUANDA - President Tomas Andrade will travel on Sunday to Brazil.\n\n"
        f"In Brasilia, {office} will hold talks with his Brazilian counterpart, Jorge Amaral."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("visit", "2024-08-25", ["Tomas Andrade"]),
        # (on a day of the visit planned, of untold length: in the month it begins)
        ("talks", "2024-08", ["Jorge Amaral", "Tomas Andrade"]),
    ]


def test_a_where_clause_places_its_event(nlp):
    body = (
        "Prime Minister Pavel Orlin and his Latvian counterpart Ana Pirel held talks on "
        "Tuesday. The talks took place in Riga, where Orlin arrived on an official visit on "
        "Monday evening."
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert [(e.place.name, e.host.name) for e in visits] == [("Riga", "Latvia")]


def test_a_visit_is_held_in_the_country_it_is_to(nlp):
    # the town is the arrival's: the visit before it, to another country, is not held there
    body = (
        "Ghanaian President Arlo Venndal arrived in Ouagadougou on Wednesday after a visit to Mali."
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert sorted((e.host.name, e.place.name if e.place else None) for e in visits) == [
        ("Burkina Faso", "Ouagadougou"),
        ("Mali", None),
    ]


ROYAL_READOUT = (
    "His Highness Sheikh Omar bin Rashid Al Tamimi, President of the UAE, today received "
    "President Arlo Venndal of Kenya, who is on a state visit to the country. During the "
    "meeting, held at Qasr Al Noor in Abu Dhabi, the two leaders discussed bilateral "
    "relations. His Highness welcomed the Kenyan President and expressed confidence in the "
    "partnership. Earlier, an official reception ceremony was held for the Kenyan President "
    "at Qasr Al Noor."
)


def test_a_style_alone_is_the_one_named_with_it(nlp):
    # "His Highness welcomed ...": the host, so the welcome is the meeting told before
    assert event_rows(nlp, ROYAL_READOUT, AUG_20) == [
        ("ceremony", "2024-08-20", ["Arlo Venndal"]),
        ("meeting", "2024-08-20", ["Arlo Venndal", "Omar bin Rashid Al Tamimi"]),
        ("visit", "2024-08-20", ["Arlo Venndal"]),
    ]


def test_a_venue_named_again_without_its_town_is_the_same_place(nlp):
    facts = facts_of(nlp, ROYAL_READOUT, AUG_20)
    assert sorted(e.name for e in facts.entities if e.kind == "place") == [
        "Abu Dhabi",
        "Qasr Al Noor",
    ]


def test_visits_to_the_two_countries_and_talks_with_the_two_prime_ministers(nlp):
    # the two countries and the two prime ministers are those the invitation named; the one
    # who holds the talks is not one of "the two prime ministers"
    body = (
        "At the invitation of Prime Minister Tom Arkan of New Zealand and Prime Minister Ana "
        "Velor of Australia, Premier Li Wen will pay official visits to the two countries "
        "from August 23 to 28. During the visits, Premier Li will hold talks with the two "
        "prime ministers."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("talks", "2024-08", ["Ana Velor", "Li Wen", "Tom Arkan"]),
        ("visit", "2024-08-23", ["Australia", "Li Wen"]),
        ("visit", "2024-08-23", ["Li Wen", "New Zealand"]),
    ]


def test_a_speakers_label_of_a_transcript_takes_no_part(nlp):
    body = (
        "Question: Prime Minister Tomas Vell will visit Kenya next week. Can you share more "
        "details?\n\nOmar Haddad: At the invitation of President Amani Odhiambo, Prime "
        "Minister Tomas Vell will pay an official visit to Kenya from August 26 to 28. "
        "President Amani Odhiambo will hold talks with him."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("talks", "2024-08", ["Amani Odhiambo", "Tomas Vell"]),
        ("visit", "2024-08-26", ["Tomas Vell"]),
    ]


def test_their_talks_after_two_witnesses_are_the_witnesses(nlp):
    body = (
        "President Pavel Orlin arrived in Riga on Monday for a state visit.\n\nSeveral "
        "documents were signed in the presence of President Ana Pirel and President Orlin "
        "following their talks in restricted format."
    )
    talks = [summary(e) for e in events_of(nlp, body, AUG_20) if e.kind == "talks"]
    assert talks == [("talks", "2024-08-19", ["Ana Pirel", "Pavel Orlin"])]


@pytest.mark.parametrize("frame", ["on the margins of", "on the sidelines of"])
def test_a_meeting_on_the_margins_of_a_gathering_is_where_the_gathering_is(nlp, frame):
    body = (
        "Prime Minister Pavel Orlin met with New Zealand Foreign Minister Ana Pirel "
        f"{frame} the Pacific Islands Forum Leaders Meeting in Honiara on Tuesday."
    )
    meetings = [e for e in events_of(nlp, body, AUG_20) if "Pavel Orlin" in summary(e)[2]]
    assert [(e.kind, e.place.name if e.place else None) for e in meetings] == [
        ("meeting", "Honiara")
    ]


def test_the_event_of_an_office_of_a_body_named_before_the_holder(nlp):
    body = (
        "BISHKEK - President Omar Haddad received Special Representative of the European "
        "Union for Central Asia Ana Velor on Tuesday."
    )
    assert [summary(e) for e in events_of(nlp, body, AUG_20)] == [
        ("meeting", "2024-08-20", ["Ana Velor", "Omar Haddad"])
    ]


def test_the_official_of_a_country_is_its_one_person_named(nlp):
    body = (
        "Foreign Minister Tomas Ibarra met visiting Norwegian State Secretary Ana Velor in "
        "Tehran on Tuesday.\n\nThe Norwegian official arrived in Tehran on Monday."
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert [summary(e) for e in visits] == [("visit", "2024-08-19", ["Ana Velor"])]


def test_a_guest_named_after_an_abbreviated_honorific_and_a_visit_to_the_dative(nlp):
    # "Smt." ends no sentence; the parser reads "to India" as the dative of "paid"
    body = (
        "India-Maldives Joint Statement on the State Visit of the President of Maldives\n\n"
        "1. At the invitation of the President of India, Smt. Kavita Sharma, the President of "
        "the Republic of Maldives, H.E. Dr. Ibrahim Nasir, paid a State Visit to India from 18 "
        "to 21 August 2024."
    )
    visits = [e for e in events_of(nlp, body, AUG_20) if e.kind == "visit"]
    assert [(summary(e), e.host.name) for e in visits] == [
        (("visit", "2024-08-18", ["Ibrahim Nasir"]), "India")
    ]


def test_what_views_are_exchanged_on_is_talked_about(nlp):
    # what views are exchanged on is talked about, not held by the talkers
    body = (
        "Deputy Foreign Minister Omar Haddad met Vice Foreign Minister Ana Velor. They "
        "exchanged views on the work of the Cooperation Forum and preparations for the first "
        "summit to be held in Seoul in 2025."
    )
    summits = [summary(e) for e in events_of(nlp, body, AUG_20) if e.kind == "summit"]
    assert summits == [("summit", "2025", [])]


def test_the_people_of_another_events_clause_are_not_the_events(nlp):
    # "The visit" told again takes no one from the clause of the talks it comes after
    body = (
        "DOHA - Prime Minister Khalid Al Mansour will visit Tehran early next week for talks "
        "on regional security. The visit comes a week after Foreign Minister Hossein Karimi "
        "held talks in Doha with Minister of State Ali Nasser."
    )
    assert sorted(summary(e)[0::2] for e in events_of(nlp, body, AUG_20)) == [
        ("talks", ["Ali Nasser", "Hossein Karimi"]),
        ("talks", ["Khalid Al Mansour"]),
        ("visit", ["Khalid Al Mansour"]),
    ]


@pytest.mark.parametrize(
    ("second", "other"),
    [
        # capitals standing for their governments, between whom the talks are
        (
            "Vell thanked Oman for facilitating indirect talks between Tehran and Washington.",
            ("talks", ["Iran", "United States"]),
        ),
        ("Vell welcomed the talks between Kenya and Uganda.", ("talks", ["Kenya", "Uganda"])),
    ],
)
def test_talks_between_two_parties_are_theirs_not_the_speakers(nlp, second, other):
    # (the day the second talks get is the article's main day, by the rule for undated news)
    body = (
        "Foreign Minister Tomas Vell held talks with Foreign Minister Ana Rahbi on Tuesday. "
        f"{second}"
    )
    rows = [(kind, names) for kind, _, names in event_rows(nlp, body, AUG_21)]
    assert rows == [("talks", ["Ana Rahbi", "Tomas Vell"]), other]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # hung on the one met
        (
            "Foreign Minister Tomas Vell has held talks with his counterpart Ana Rahbi in "
            "Muscat, focusing on regional developments.",
            "Muscat",
        ),
        (
            "Vice President Tomas Vell met with Minister Ana Rahbi in Beijing on Thursday.",
            "Beijing",
        ),
        # hung on the verb's object that names the event ...
        (
            "Deputy Prime Minister Tomas Vell held talks with Minister Ana Rahbi in Hanoi on "
            "Tuesday.",
            "Hanoi",
        ),
        # ... not on what is talked about
        ("Tomas Vell discussed cooperation in the Arctic with Ana Rahbi on Tuesday.", None),
        # a gerund's phrase is no place
        (
            "Tomas Vell thanked Ana Rahbi for her role in facilitating talks between Tehran "
            "and Washington.",
            None,
        ),
        # a "where" clause names the place, before anything its object runs on to (the
        # verb misspelt, as real copy has it: the talks alone tell the meeting)
        (
            "President Ana Rahbi recieved Tomas Vell at State House, where the two leaders held "
            "talks on trade, security and the fight against terrorism in Cabo Delgado.",
            "State House",
        ),
        # where the affairs talked about are, though the parser hangs it on the verb ...
        (
            "Tomas Vell met Ana Rahbi on Tuesday. They reviewed bilateral relations and discussed "
            "the situation in Gaza.",
            None,
        ),
        # ... or on an object with a gerund below it
        (
            "Tomas Vell met Ana Rahbi on Tuesday, reviewing bilateral ties, in addition to "
            "discussing the latest developments, particularly the situation in Valdoria.",
            None,
        ),
        # the most specific place told: the venue, though hung on the one received, before
        # the town it is in
        (
            "Crown Prince Omar bin Talal received President Tomas Riel at Al-Karam Palace in "
            "Jeddah today.",
            "Al-Karam Palace",
        ),
        (
            "Tomas Vell laid a wreath at the Heroes Monument in Lima today.",
            "Heroes Monument",
        ),
        # a country's capital told by the country
        ("Tomas Vell held talks with Ana Rahbi in the Kenyan capital on Tuesday.", "Nairobi"),
        # the place of the gathering whose part frames the event
        (
            "Secretary-General Ana Lopes met with President Tom Arkan on the margins of the "
            "high-level week of the Korva Assembly in Lima.",
            "Lima",
        ),
    ],
)
def test_the_place_of_talks_with_someone(nlp, body, place):
    [talks] = events_of(nlp, body, AUG_21)
    assert (talks.place.name if talks.place else None) == place


def test_a_finite_verb_hung_on_its_subject_is_still_its_subjects(nlp):
    # the parser reads "called" as a participle of "minister", the sentence's root
    body = (
        "Ghana's Foreign Minister Ama Boateng held talks with Foreign Minister Jomo Waweru in "
        "Nairobi on Monday.\n\nThe Ghanaian foreign minister called on President Daniel "
        "Kiprop at State House after the talks."
    )
    assert event_rows(nlp, body, dt.date(2025, 2, 18)) == [
        ("meeting", "2025-02-17", ["Ama Boateng", "Daniel Kiprop"]),
        ("talks", "2025-02-17", ["Ama Boateng", "Jomo Waweru"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Bangladesh and Nepal held the fifth round of foreign office consultations in Dhaka "
            "on Tuesday.\n\nForeign Secretary Jamal Uddin led the Bangladesh side while "
            "Foreign Secretary Amrit Raj Thapa led his delegation.",
            [("talks", "2025-02-18", ["Amrit Raj Thapa", "Bangladesh", "Jamal Uddin", "Nepal"])],
        ),
        (
            "The two countries held talks on water sharing in Dhaka on Tuesday. The Bangladeshi "
            "delegation was led by Secretary Nazmul Karim and the Nepalese delegation by "
            "Secretary Priya Rao.",
            [("talks", "2025-02-18", ["Nazmul Karim", "Priya Rao"])],
        ),
        (
            "The two countries will hold talks on water sharing in Dhaka next week. Secretary "
            "Nazmul Karim will lead the Bangladeshi side.",
            [("talks", "2025-02", ["Nazmul Karim"])],
        ),
        # not talks told long before
        (
            "The two countries held talks on water sharing in Dhaka on Tuesday. Trade rose by "
            "ten percent last year. Exports of jute led the rise. Rice exports fell. Secretary "
            "Nazmul Karim led the Bangladeshi side.",
            [("talks", "2025-02-18", ["Bangladesh"])],
        ),
    ],
)
def test_who_led_the_sides_takes_part_in_the_talks_just_told(nlp, body, expected):
    assert event_rows(nlp, body, dt.date(2025, 2, 19)) == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "The delegation arrived in Orvania on Monday for a three-day visit and will meet "
            "Foreign Minister Ana Rahbi on Thursday.",
            [
                ("meeting", "2024-08-21", ["Roger Vell", "Tomas Brevik"]),
                ("meeting", "2024-08-22", ["Ana Rahbi", "Roger Vell"]),
                ("visit", "2024-08-19", ["Roger Vell"]),
            ],
        ),
        # what the delegation says is the body's, not its head's
        (
            "'We came to listen,' the delegation announced.",
            [("meeting", "2024-08-21", ["Roger Vell", "Tomas Brevik"])],
        ),
    ],
)
def test_the_delegation_told_again_is_its_leaders(nlp, second, expected):
    body = (
        "President Tomas Brevik on Wednesday met with a delegation of lawmakers led by "
        f"Senator Roger Vell. {second}"
    )
    assert event_rows(nlp, body, AUG_21) == expected


def test_meet_x_in_one_town_and_y_in_another_is_two_meetings(nlp):
    # the parser leaves the second verb out and conjoins its object with the first verb
    body = (
        "Minister Ana Valto will meet Foreign Minister Takeshi Iwa in Tokyo and Foreign "
        "Minister Cho Tae-yun in Seoul next week."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2024-08", ["Ana Valto", "Cho Tae-yun"]),
        ("meeting", "2024-08", ["Ana Valto", "Takeshi Iwa"]),
    ]


def test_a_visit_by_an_office_abbreviated_is_its_holders(nlp):
    body = (
        "Prime Minister Tomas Reyes of Peru arrived in Quito on Monday. Earlier, the Foreign "
        "Ministry Spokesman Ana Lind called the visit by the Peruvian PM a sign of close "
        "ties."
    )
    assert event_rows(nlp, body, AUG_20) == [("visit", "2024-08-19", ["Tomas Reyes"])]


def test_his_visit_is_the_passive_subjects_not_his_companions(nlp):
    body = (
        "President Tomas Reyes of Peru arrived in Quito on Monday.\n\nDuring his official "
        "visit to Ecuador, President Tomas Reyes is accompanied by Foreign Minister Ana Lind."
    )
    assert event_rows(nlp, body, AUG_20) == [("visit", "2024-08-19", ["Tomas Reyes"])]


def test_they_who_met_before_are_the_pair_of_the_last_encounter(nlp):
    body = (
        "Foreign Minister Lena Varga met President Tom Arkan earlier this month. Varga will "
        "visit Quito at the end of September. They first met on 3 March last year."
    )
    assert event_rows(nlp, body, AUG_21) == [
        ("meeting", "2023-03-03", ["Lena Varga", "Tom Arkan"]),
        ("meeting", "2024-08", ["Lena Varga", "Tom Arkan"]),
        ("visit", "2024-09", ["Lena Varga"]),
    ]
