"""Event triggers: which words make an event and of which kind (a call, a meeting, talks, a
visit, a ceremony, a signing, a statement), including meetings told without a meeting word,
courtesy calls, chairs and welcomes; and which make none: a bare noun that frames another
clause's event, what was discussed at an event already told, abstract forums and dialogue,
calling on someone to act, the chair of a meeting told already."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, AUG_21, JAN_30, event_rows, events_of, facts_of, kinds

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # (what is unveiled is a ceremony's, unless it is a document: see below)
        ("President Amani Odhiambo unveiled a plaque at the new embassy on Monday.", "ceremony"),
        (
            "Foreign Minister Zhao Minghui held telephone talks with Secretary of State Daniel "
            "Whitcombe.",
            "phone-call",
        ),
        (
            "Minister Imran Qadeer had a phone conversation with Minister Owen Hartley on Monday.",
            "phone-call",
        ),
        (
            "Prime Minister Imran Qadeer today held a telephonic conversation with President "
            "Owen Hartley.",
            "phone-call",
        ),
        (
            "President Talant Osmonaliev met Foreign Minister Daulet Serikbayev on Monday.",
            "meeting",
        ),
        (
            "Foreign Minister Daulet Serikbayev held talks with Foreign Minister Nurbek Asanaliev.",
            "talks",
        ),
        (
            "Foreign Minister Daulet Serikbayev paid an official visit to Turkmenistan last week.",
            "visit",
        ),
        (
            "Foreign Minister Daulet Serikbayev laid a wreath at the Kyzyl-Tuu Memorial Complex.",
            "ceremony",
        ),
        # other acts of remembrance
        ("President Kofi Dantra paid homage to the founder of the nation.", "ceremony"),
        ("President Kofi Dantra paid floral tributes at the war memorial.", "ceremony"),
        ("President Kofi Dantra placed a wreath at the national war memorial.", "ceremony"),
        (
            "President Talant Osmonaliev and President Yerlan Zhaksybekov signed a treaty on "
            "Monday.",
            "agreement-signing",
        ),
        (
            "Spokesperson Femi Oladipupo disclosed this in a press statement on Sunday evening.",
            "statement",
        ),
        # a saying posted on a platform, by its name or its one-letter name
        ("“The ties are strong,” President Kofi Dantra said on X.", "statement"),
        ("President Kofi Dantra said on his Facebook page that ties are strong.", "statement"),
        # ... but not a saying on a day
        ("President Kofi Dantra said on Monday that ties are strong.", None),
        # an encounter, a gathering: a meeting
        ("The encounter between Ana Velor and Tomas Reyes took place in Lima.", "meeting"),
        ("Ana Velor and Tomas Reyes spoke at a gathering in Lima on Monday.", "meeting"),
    ],
)
def test_event_types(nlp, body, kind):
    assert [e.kind for e in events_of(nlp, body, JAN_30)] == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("body", "kind", "participant"),
    [
        (
            "President Ali Hassan received on Tuesday Chairman of the Transitional Sovereignty "
            "Council of Sudan Lieutenant General Abdel Rahman Al-Mahdawi in Cairo.",
            "meeting",
            "Abdel Rahman Al-Mahdawi",
        ),
        (
            "President Ali Hassan was welcomed with a 21-gun salute at Parliament House in "
            "Canberra on Monday.",
            "ceremony",
            "Ali Hassan",
        ),
        (
            "Upon his arrival in Cairo on Monday, President Ali Hassan met the press.",
            "visit",
            "Ali Hassan",
        ),
    ],
)
def test_more_phrasings_of_events(nlp, body, kind, participant):
    events = facts_of(nlp, body, AUG_20).events
    # President Ali Hassan is in each
    assert [(e.kind, {p.name for p in e.participants}) for e in events] == [
        (kind, {"Ali Hassan", participant})
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "President Ali Musa on Tuesday hosted a delegation from Zambia led by Prime "
            "Minister John Banda.",
            [("meeting", "2024-08-20", ["Ali Musa", "John Banda"])],
        ),
        (
            "Prime Minister John Banda was received by President Ali Musa in June 2022.",
            [("meeting", "2022-06", ["Ali Musa", "John Banda"])],
        ),
        (
            # the parser reads "visiting" as a verb whose object is the guest; with no visit
            # told otherwise, the word tells the guest's visit
            "President Ali Musa received visiting Prime Minister John Banda in Lusaka on "
            "August 19.",
            [
                ("meeting", "2024-08-19", ["Ali Musa", "John Banda"]),
                ("visit", "2024-08-19", ["John Banda"]),
            ],
        ),
        (
            # the leaders of several countries told by a plural noun
            "President Ali Musa on Monday hosted the leaders of nine East African nations.",
            [("meeting", "2024-08-19", ["Ali Musa"])],
        ),
        (
            # ... or as a verb of its own after the place and the day of the receiving
            "President Ali Musa received at the State House on Monday visiting Prime Minister "
            "of Zambia John Banda and his delegation.",
            [
                ("meeting", "2024-08-19", ["Ali Musa", "John Banda"]),
                ("visit", "2024-08-19", ["John Banda"]),
            ],
        ),
        (
            "Deputy Minister Ali Bek spoke at the Kazakh-Chinese Business Forum on Monday.",
            [("meeting", "2024-08-19", ["Ali Bek", "China", "Kazakhstan"])],
        ),
        # a retreat by name is a gathering; a retreat of troops or from a position is none
        (
            "President Ali Musa and President John Banda attended the Leaders' Retreat in "
            "Kigali on Monday.",
            [("meeting", "2024-08-19", ["Ali Musa", "John Banda"])],
        ),
        ("The army announced a retreat from the border town on Monday.", []),
        # an event long past whose anniversary is marked
        (
            "President Ali Musa hosted President John Banda on Monday, days before the 30th "
            "anniversary of the signing of the Treaty of Lusaka.",
            [("meeting", "2024-08-19", ["Ali Musa", "John Banda"])],
        ),
        # events counted, none told
        (
            '"So far there are seven bilateral meetings," elaborated Foreign Ministry spokesman '
            "Ana Velor.",
            [],
        ),
    ],
)
def test_meetings_told_without_a_meeting_word(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("body", "kind", "people"),
    [
        (
            "Minister Ali Bek paid a courtesy call on Prime Minister John Banda on Monday.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        # ... and on the one a pronoun stands for
        (
            "Prime Minister John Banda on Monday said Kenya valued its friendship with Zambia."
            "\n\nTalking to Ambassador Ali Bek who called on him here, the prime minister said "
            "the two countries were close friends.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        (
            "On Monday, Foreign Minister Ali Bek co-chaired the joint commission with his "
            "counterpart John Banda.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        (
            "President John Banda was accorded a ceremonial welcome at the palace on Monday.",
            "ceremony",
            ["John Banda"],
        ),
        # an audience granted, received in, or had with someone
        (
            "President John Banda on Monday granted an audience to the Special Envoy of the "
            "Secretary-General, Mr. Ali Bek.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        (
            "King John Banda received Ambassador Ali Bek in audience on Monday.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        (
            "Ambassador Ali Bek had an audience with King John Banda on Monday.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
    ],
)
def test_courtesy_calls_chairs_and_welcomes(nlp, body, kind, people):
    assert [(k, p) for k, _, p in event_rows(nlp, body, AUG_21)] == [(kind, people)]


def test_a_call_on_the_visiting_one_is_a_meeting_in_their_visit(nlp):
    body = "Foreign Minister Ali Bek called on the visiting President John Banda on Monday."
    assert [(k, p) for k, _, p in event_rows(nlp, body, AUG_21)] == [
        ("meeting", ["Ali Bek", "John Banda"]),
        ("visit", ["John Banda"]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare "the <noun>" in a temporal phrase frames the clause's event
        (
            "Before the signing, Foreign Minister Aiko Tanaka and Foreign Minister Julian Ferreyra "
            "held the second Ministerial Meeting in Tokyo on Monday.",
            ["meeting"],
        ),
        ("President Marko Vidic told reporters after the ceremony that ties were strong.", []),
        # what was discussed during a meeting is that meeting, not talks of its own
        (
            "The two sides also discussed the Grand Ethiopian Renaissance Dam during the "
            "meeting of Foreign Minister Sameh Nabil and Foreign Minister Ali Karim on Monday.",
            ["meeting"],
        ),
        # but an event of its own after another is kept
        (
            "President Ali Hassan and President John Mwale issued a joint statement on Monday "
            "following their meeting at the State House.",
            ["meeting", "statement"],
        ),
    ],
)
def test_events_framed_by_other_events(nlp, body, expected):
    assert kinds(facts_of(nlp, body, AUG_20)) == expected


def test_a_bare_noun_after_a_preposition_is_no_event(nlp):
    body = "Foreign Secretary Maria Lazo told reporters on arrival that talks would go on."
    assert "visit" not in kinds(facts_of(nlp, body, AUG_20))


@pytest.mark.parametrize(
    "body",
    [
        "Both sides will coordinate closely at multilateral forums.",
        "The ministers stressed the importance of political dialogue.",
        # a delegation led by no one named is no meeting with anyone
        "The ministry hosted a delegation of students on Monday.",
    ],
)
def test_no_meeting_from_abstract_nouns(nlp, body):
    assert not [e for e in event_rows(nlp, body, AUG_21) if e[0] == "meeting"]


@pytest.mark.parametrize(
    "body",
    [
        'President Ana Velor said Europe "cannot be a spectator" in peace talks on Ukraine.',
        "President Ana Velor said summits without results harm trust in Europe.",
    ],
)
def test_a_kind_of_event_named_in_the_plural_is_none_held(nlp, body):
    assert event_rows(nlp, body, AUG_21) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foreign Minister Lena Varga and Foreign Minister Tomas Reyes signed a plan of "
            "consultations between the two foreign ministries on Monday.",
            [("agreement-signing", "2024-08-19", ["Lena Varga", "Tomas Reyes"])],
        ),
        (
            "Foreign Minister Lena Varga and Foreign Minister Tomas Reyes signed a memorandum on "
            "holding regular political consultations on Monday.",
            [("agreement-signing", "2024-08-19", ["Lena Varga", "Tomas Reyes"])],
        ),
        # the document named with its "of understanding"
        (
            "Foreign Minister Lena Varga and Foreign Minister Tomas Reyes signed a memorandum of "
            "understanding on regular political consultations of their ministries on Monday.",
            [("agreement-signing", "2024-08-19", ["Lena Varga", "Tomas Reyes"])],
        ),
    ],
)
def test_what_a_document_is_about_is_no_event_held(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_receiving_an_office_and_its_holder_set_off_by_commas_is_a_meeting(nlp):
    """The parser reads the holder's name after a long title as an adverb of the verb."""
    body = (
        "King Hassan IV of Morocco received the Special Envoy of the Secretary-General for "
        "Western Sahara, Lars Berg, at the Royal Palace in Rabat on Monday."
    )
    assert event_rows(nlp, body, AUG_21) == [("meeting", "2024-08-19", ["Hassan IV", "Lars Berg"])]


@pytest.mark.parametrize(
    ("body", "meetings"),
    [
        ("President John Banda called on both sides to exercise restraint on Monday.", []),
        # (the meeting is the one "met" tells)
        (
            "President John Banda met Ali Bek and called on him to release the prisoners.",
            [("meeting", None, ["Ali Bek", "John Banda"])],
        ),
    ],
)
def test_calling_on_someone_to_act_is_no_meeting(nlp, body, meetings):
    assert [e for e in event_rows(nlp, body, AUG_21) if e[0] == "meeting"] == meetings


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a gathering's noun in lower case is one when it is held
        (
            "Kenya and Zambia last held a strategic dialogue in Lusaka in June.",
            [("meeting", "2024-06", ["Kenya", "Zambia"])],
        ),
        # ... not as a way of dealing
        ("President John Banda called for political dialogue in the region.", []),
    ],
)
def test_a_dialogue_held_is_a_meeting(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_what_a_call_was_about_is_no_talks_of_its_own(nlp):
    body = (
        "President Ali Musa held a phone call on Monday with President John Banda. The two "
        "leaders discussed trade and energy."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_21)] == ["phone-call"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Foreign Minister Ana Velor said she had a "productive" call with Foreign Minister '
         "Tom Arkan on Monday.", [("phone-call", "2024-08-19", ["Ana Velor", "Tom Arkan"])]),
        ("President Ali Musa had a call with President John Banda on Monday.",
         [("phone-call", "2024-08-19", ["Ali Musa", "John Banda"])]),
        # a call for something, or a call with no one named, is none
        ("President Ali Musa renewed his call for restraint on Monday.", []),
        ("President Ali Musa had a call with reporters on Monday.", []),
        # a person rung up, or a call that frames what its sentence tells
        ("President Ali Musa rang President John Banda on Monday.",
         [("phone-call", "2024-08-19", ["Ali Musa", "John Banda"])]),
        ("President Ali Musa called President John Banda on Monday.",
         [("phone-call", "2024-08-19", ["Ali Musa", "John Banda"])]),
        ("In a call on Monday, President Ali Musa and President John Banda discussed trade.",
         [("phone-call", "2024-08-19", ["Ali Musa", "John Banda"])]),
        # not one called something, nor a call for or on something
        ("President Ali Musa called President John Banda a friend on Monday.", []),
        ("President Ali Musa called the election a success.", []),
        ("In a call for restraint on Monday, President Ali Musa urged calm.", []),
    ],
)  # fmt: skip
def test_a_call_with_a_person_is_a_phone_call(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


@pytest.mark.parametrize(
    ("second", "signed"),
    [
        ("The two sides exchanged three memoranda of understanding.", ["2024-08-19"]),
        (
            "The following documents were exchanged between Kenya and Uganda: an MoU on health "
            "and an agreement on visas.",
            ["2024-08-19"],
        ),
        # the acronym's plural, which the tagger takes for a name
        (
            "With both presidents looking on, the following MoUs were exchanged:\n1. MoU "
            "on health\n2. MoU on visas",
            ["2024-08-19"],
        ),
        # views exchanged are no documents
        ("The presidents exchanged views on trade.", []),
    ],
)
def test_documents_exchanged_are_signed(nlp, second, signed):
    body = f"President Ali Musa of Kenya met President John Banda of Uganda on Monday. {second}"
    rows = event_rows(nlp, body, AUG_21)
    assert [date for kind, date, _ in rows if kind == "agreement-signing"] == signed


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "his" is the doer of the passive clause, the one received
        ("The letter was handed over by Foreign Minister Tom Arkan during his reception by "
         "Minister of State Ana Velor on Monday.",
         [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])]),
        ("Minister Tom Arkan hosted a reception for the delegates on Monday.", []),
        # a reception for a person is given to receive them
        ("Prime Minister Tom Arkan hosted a reception in Lima on Monday for Deputy Prime "
         "Minister Ana Velor.", [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])]),
        # a welcome given to a person, told either way round
        ("Prime Minister Tom Arkan on Monday gave a warm welcome to Deputy Prime "
         "Minister Ana Velor at his office.",
         [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])]),
        ("Prime Minister Tom Arkan on Monday accorded President Ana Velor a warm welcome.",
         [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])]),
        ("The delegates on Monday gave a warm welcome to the proposal.", []),
    ],
)  # fmt: skip
def test_a_reception_or_a_welcome_of_a_person_is_a_meeting(nlp, body, expected):
    assert [row for row in event_rows(nlp, body, AUG_21) if row[0] == "meeting"] == expected


def test_what_a_call_was_about_after_its_readout_is_no_talks_of_its_own(nlp):
    body = (
        "President Ali Musa held a phone call on Monday with President John Banda. "
        '"The leaders exchanged views," the Kenyan Foreign Ministry said in a statement. The '
        "sides also discussed trade and energy."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_21)] == ["phone-call", "statement"]


def test_calling_on_someone_the_parser_makes_the_object(nlp):
    # "call on X": the parser may make X the verb's object and leave "on" bare
    body = "Minister Ali Musa, who arrived on Tuesday, will also call on President John Banda."
    assert [r for r in event_rows(nlp, body, AUG_21) if r[0] == "meeting"] == [
        ("meeting", None, ["Ali Musa", "John Banda"])
    ]


def test_a_meeting_to_convene_co_chaired_by_someone_is_one_planned_meeting(nlp):
    body = (
        "The joint committee is set to convene in Port Sudan next month, co-chaired by the "
        "two countries' prime ministers."
    )
    assert [(k, d) for k, d, _ in event_rows(nlp, body, AUG_21)] == [("meeting", "2024-09")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the summit convened is the event, not a meeting of its own beside it
        (
            "The leaders agreed to convene a special summit on crime and security in Port of "
            "Spain in October.",
            [("summit", "2024-10", ["Trinidad and Tobago"])],
        ),
        # a meeting co-chaired by two is theirs, on the day the sentence tells
        (
            "Foreign Minister Ana Velor and Foreign Minister Tom Arkan co-chaired the meeting of "
            "the boundary commission on Monday, the first since a clash on July 28.",
            [("meeting", "2024-08-19", ["Ana Velor", "Tom Arkan"])],
        ),
    ],
)
def test_a_verb_of_meeting_whose_object_is_the_event(nlp, body, expected):
    assert event_rows(nlp, body, AUG_21) == expected


def test_an_invitation_accepted_is_the_guests_visit(nlp):
    body = "President Peter Kizza accepted an invitation to visit Kenya next year."
    assert event_rows(nlp, body, AUG_20) == [("visit", "2025", ["Peter Kizza"])]


@pytest.mark.parametrize(
    "body",
    [
        "President Amani Odhiambo signed the visitors' book at the State House on Monday.",
        # a law of one's own country signed is no document between parties
        "President Amani Odhiambo signed the budget bill into law on Monday.",
        "President Amani Odhiambo signed a decree on fuel prices on Monday.",
        "President Amani Odhiambo paid a private visit to the Zalabi shrine on Monday.",
        "President Amani Odhiambo invited President Peter Kizza to visit the Korva Book Fair.",
        "The two leaders agreed to establish an annual summit between Kenya and Uganda.",
        "The countries strengthened ties by establishing an annual leaders meeting.",
        "President Amani Odhiambo said Kenya was ready to discuss closer ties with Uganda.",
        "Minister Lena Varga is willing to meet President Peter Kizza.",
        "Ambassador Lena Varga thanked Uganda for its support during her tour of duty.",
        "Kenya on Monday recalled its ambassador to Uganda for consultations after a row.",
        # an invitation handed over names no guest: no visit
        "Ambassador Lena Varga handed over an invitation from President Peter Kizza to visit "
        "Kampala.",
        # listeners are no audience held
        "President Amani Odhiambo told the audience that the economy was growing.",
        "Minister Lena Varga spoke to an audience of students at the university.",
        # those who go hold no office and are no party sent: no visit
        "The festival marks 117 years since the first Korvan immigrants arrived in Brazil.",
        "Thousands of refugees have arrived in Chad since April.",
        "Ugandan troops arrived in Mogadishu on Monday.",
        # a document made public is no unveiling ceremony
        "President Amani Odhiambo unveiled a new action plan on trade on Monday.",
    ],
)
def test_no_diplomatic_event(nlp, body):
    # a book signed, a private or venue visit, a meeting being set up as an institution, an
    # offer to talk, an envoy called home in protest
    assert event_rows(nlp, body, AUG_20) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Kenyan delegation arrived in Kampala on Monday.", ["Kenya"]),
        ("The Kenyan head of state arrived in Kampala on Monday.", ["Kenya"]),
    ],
)
def test_a_party_or_an_office_told_by_a_common_noun_makes_a_visit(nlp, body, expected):
    assert event_rows(nlp, body, AUG_20) == [("visit", "2024-08-19", expected)]


def test_a_name_noun_inside_another_name_is_no_event(nlp):
    body = (
        "Minister Amani Odhiambo signed a memorandum on Monday between the Korva Transport "
        "Agency and Velmora Events Ltd."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_20)] == ["agreement-signing"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "During his speech, President Amani Odhiambo highlighted the importance of trade "
            "with Uganda.",
            [("statement", "2024-08-20", ["Amani Odhiambo"])],
        ),
        (
            "President Amani Odhiambo was formally received by President Peter Kizza with a "
            "ceremonial reception at the State House on Monday.",
            [("ceremony", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # a joint briefing is made with someone
        (
            "Addressing a joint press briefing with Prime Minister Peter Kizza on Monday, "
            "President Amani Odhiambo said trade had grown.",
            [("statement", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        (
            "President Amani Odhiambo told a joint news conference with Prime Minister Peter "
            "Kizza on Monday that trade had grown.",
            [("statement", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"])],
        ),
        # ... not one that is not joint
        (
            "President Amani Odhiambo told a news conference on Monday that his talks with "
            "Peter Kizza went well.",
            [
                ("statement", "2024-08-19", ["Amani Odhiambo"]),
                ("talks", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
            ],
        ),
    ],
)
def test_speeches_are_statements_and_receptions_ceremonies(nlp, body, expected):
    assert event_rows(nlp, body, AUG_20) == expected


def test_a_visit_with_a_stray_object_is_a_visit(nlp):
    # the parser may make the "’s" of "the latter’s" the object of "visited"
    body = (
        "Prime Minister Peter Kizza spoke of closer trade ties with Kenya, as the latter’s "
        "Deputy Foreign Minister Amani Odhiambo visited on Tuesday."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_21) if k == "visit"] == ["visit"]


def test_a_plural_event_noun_in_a_name_is_an_event(nlp):
    body = (
        "VALLETTA, July 17 -- The accord was signed on the margins of the Fourth Round of "
        "Malta-Peru Bilateral Political Consultations, at a short ceremony held today."
    )
    assert sorted(k for k, _, _ in event_rows(nlp, body, AUG_20)) == [
        "agreement-signing",
        "talks",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "President Amani Odhiambo spoke at the accreditation of the new High Commissioner, "
        "Peter Kizza, on Wednesday.",
        "Ambassador Peter Kizza presented his credentials to President Amani Odhiambo on "
        "Wednesday.",
        # letters of credence are no message whose bearer met the one they are handed to
        "The newly appointed Ambassador of Norway, Peter Kizza, presented his letters of "
        "credence to President Amani Odhiambo on Wednesday.",
        # a copy of them, handed to the foreign minister before the head of state
        "Foreign Minister Amani Odhiambo on Wednesday received a copy of credentials from the "
        "newly appointed Ambassador of Norway, Peter Kizza.",
    ],
)
def test_credentials_are_a_ceremony(nlp, body):
    assert [(k, d) for k, d, _ in event_rows(nlp, body, AUG_20)] == [("ceremony", "2024-08-14")]


def test_a_speech_still_to_be_given_is_no_statement_yet(nlp):
    body = (
        "Minister Amani Odhiambo will hold talks with Minister Peter Kizza on Monday and give "
        "a keynote speech at a seminar."
    )
    assert [k for k, _, _ in event_rows(nlp, body, AUG_20)] == ["talks"]


def test_what_a_clause_tells_as_coming_after_is_another_event(nlp):
    # "who subsequently met": the visitor's next meeting, not the audience told again
    body = (
        "President Amani Odhiambo on Monday received Prime Minister Peter Kizza, who "
        "subsequently met with Foreign Minister Lena Varga."
    )
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-19", ["Amani Odhiambo", "Peter Kizza"]),
        ("meeting", "2024-08-19", ["Lena Varga", "Peter Kizza"]),
    ]


def test_the_meeting_during_which_something_was_agreed_was_held(nlp):
    # "agreed" governs a plan only as its complement, not as the frame it was agreed in:
    # the meeting was held, and what "we also discussed" there is that meeting's
    body = (
        "Kenya and Uganda have agreed to double trade by 2030, said Prime Minister Ali Musa. "
        "He said this was agreed during his bilateral meeting with Prime Minister John Banda "
        'on the sidelines of the summit today. "We also discussed cooperation in energy," he '
        "told reporters."
    )
    assert [r for r in event_rows(nlp, body, AUG_21) if r[0] != "summit"] == [
        ("meeting", "2024-08-21", ["Ali Musa", "John Banda"])
    ]


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        # a round told by its modifier after a round of talks: another round, theirs
        (
            "The last round, held in Quito in March, ended without agreement.",
            [("talks", "2024-03", ["Chile", "Peru"]), ("talks", "2024-08-24", ["Chile", "Peru"])],
        ),
        # ... but a round of something else is none
        ("The first round of voting ended in March.", [("talks", "2024-08-24", ["Chile", "Peru"])]),
    ],
)
def test_a_round_told_again_is_another_of_the_kind_told(nlp, told, expected):
    body = (
        "Chile and Peru will hold a new round of talks in Lima on Saturday, officials said."
        f"\n\n{told}"
    )
    assert event_rows(nlp, body, AUG_21) == expected


def test_a_gerund_after_with_is_an_event_unless_it_describes_a_person(nlp):
    # "met with visiting X" describes X (whose visit, told by that word alone, is one of
    # its own); "tasked ... with convening a dialogue" plans one
    body = (
        "President Ana Lopes met with visiting Prime Minister Omar Haddad in Lima on Monday. "
        "The two leaders tasked their ministers with convening a dialogue in October."
    )
    assert [(k, d) for k, d, _ in event_rows(nlp, body, AUG_21)] == [
        ("meeting", "2024-08-19"),
        ("meeting", "2024-10"),
        ("visit", "2024-08-19"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a release no named body issued is what reports, no one's statement
        ("According to a ministry press release", []),
        # one a named body issued is its statement
        (
            "According to a statement issued by the Latvian Foreign Ministry",
            [("statement", "2024-08-20", ["Ministry of Foreign Affairs of Latvia"])],
        ),
    ],
)
def test_a_release_cited_as_the_source_is_the_issuers_statement_or_none(nlp, source, expected):
    body = (
        "Foreign Minister Pavel Orlin met Foreign Minister of Latvia Ana Pirel on Tuesday. "
        f"{source}, the two officials reviewed bilateral projects."
    )
    meeting = ("meeting", "2024-08-20", ["Ana Pirel", "Pavel Orlin"])
    assert event_rows(nlp, body, AUG_20) == sorted([meeting, *expected])


@pytest.mark.parametrize(
    "wish",
    [
        "reiterated his support for the opening of accession negotiations",
        "renewed his call for negotiations",
    ],
)
def test_an_event_supported_or_called_for_is_not_the_supporters(nlp, wish):
    body = f"Foreign Minister Pavel Orlin met Ana Pirel on Tuesday. Orlin {wish}."
    assert event_rows(nlp, body, AUG_20) == [
        ("meeting", "2024-08-20", ["Ana Pirel", "Pavel Orlin"])
    ]


@pytest.mark.parametrize(
    ("second", "council"),
    [
        (
            "The two prime ministers agreed to hold the next High-Level Cooperation Council in "
            "Riga in the spring of 2025.",
            [("meeting", "2025", ["High-Level Cooperation Council"])],
        ),
        (
            "The next High-Level Cooperation Council will be held in Riga in the spring of 2025.",
            [("meeting", "2025", ["High-Level Cooperation Council"])],
        ),
        # a council that acts is no meeting
        ("The Security Council said it would meet.", []),
    ],
)
def test_a_council_held_is_a_meeting_of_it(nlp, second, council):
    body = f"Prime Minister Pavel Orlin held talks with Ana Pirel on Tuesday. {second}"
    talks = ("talks", "2024-08-20", ["Ana Pirel", "Pavel Orlin"])
    assert event_rows(nlp, body, AUG_20) == [*council, talks]


@pytest.mark.parametrize(
    "welcome",
    [
        "Omar Haddad was welcomed at Bole International Airport by Deputy Prime Minister Ana "
        "Velor on Monday.",
        "He was received at the airport by Deputy Prime Minister Ana Velor on Monday.",
    ],
)
def test_a_welcome_at_the_airport_is_a_ceremony(nlp, welcome):
    body = f"President Omar Haddad arrived in Addis Ababa on Monday. {welcome}"
    assert event_rows(nlp, body, AUG_20) == [
        ("ceremony", "2024-08-19", ["Ana Velor", "Omar Haddad"]),
        ("visit", "2024-08-19", ["Omar Haddad"]),
    ]


def test_a_readouts_headline_call_with_a_person_is_a_call(nlp):
    body = (
        "Readout of President Tom Harlan's Call with Prime Minister Daniel Okoro of Nigeria\n\n"
        "President Harlan congratulated the Prime Minister on his election."
    )
    assert event_rows(nlp, body, AUG_20) == [("phone-call", None, ["Daniel Okoro", "Tom Harlan"])]


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        # an event's noun modifying a thing's: the thing, no event
        ("Ireland is ready to help open the negotiation clusters.", []),
        # (not a verb the parser takes for a noun)
        (
            "The Pacific Islands Forum summit runs until Sunday in Suva.",
            [("summit", None, ["Pacific Islands Forum"])],
        ),
    ],
)
def test_an_event_noun_naming_a_thing_is_no_event(nlp, body, rows):
    assert event_rows(nlp, body, AUG_20) == rows


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "The Prime Minister will attend the National Day celebrations of Mauritius on "
            "Thursday as the Chief Guest.",
            [("ceremony", "2024-08-22", ["Ravi Sharan"]), ("visit", "2024-08-21", ["Ravi Sharan"])],
        ),
        # a jubilee talked about is no ceremony told
        (
            "The two sides discussed the celebration of fifty years of relations.",
            [("talks", "2024-08-21", ["Ravi Sharan"]), ("visit", "2024-08-21", ["Ravi Sharan"])],
        ),
    ],
)
def test_celebrations_attended_are_ceremonies(nlp, second, expected):
    body = f"Prime Minister Ravi Sharan arrived in Port Louis today. {second}"
    assert event_rows(nlp, body, AUG_21) == expected
