"""Event patterns of unseen articles (2): a host receiving a delegation led by someone, a
passive "was received by", gatherings named "Forum"/"Dialogue" (but not abstract forums
and dialogue), and the host of a session told without its people."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow
REF = dt.date(2024, 8, 21)  # a Wednesday


def facts_of(nlp, body: str):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=REF, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp)


def events_of(nlp, body: str) -> list[tuple[str, str | None, list[str]]]:
    return sorted(
        (e.kind, e.date.value if e.date else None, sorted(p.name for p in e.participants))
        for e in facts_of(nlp, body).events
    )


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
            "Deputy Minister Ali Bek spoke at the Kazakh-Chinese Business Forum on Monday.",
            [("meeting", "2024-08-19", ["Ali Bek"])],
        ),
    ],
)
def test_meetings_told_without_a_meeting_word(nlp, body, expected):
    found = events_of(nlp, body)
    for kind, date, people in expected:
        assert any(k == kind and d == date and set(people) <= set(p) for k, d, p in found), found


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
    assert not [e for e in events_of(nlp, body) if e[0] == "meeting"]


def test_a_session_told_without_its_people_is_hosted_where_it_is_held(nlp):
    body = (
        "Zambian Foreign Minister John Banda visited Kampala on Monday. The next session of "
        "the joint commission will be held in Lusaka in December."
    )
    sessions = [e for e in facts_of(nlp, body).events if e.kind == "meeting"]
    assert [(e.date.value, e.host.key if e.host else None) for e in sessions] == [
        ("2024-12", "ZMB")
    ]


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
            "Spokeswoman Maria Zakharova said at a briefing on Monday that Moscow was ready.",
            "Maria Zakharova",
        ),
    ],
)
def test_statements_are_their_issuers(nlp, body, speaker):
    statements = [e for e in facts_of(nlp, body).events if e.kind == "statement"]
    assert any(speaker in {p.name for p in e.participants} for e in statements), statements


@pytest.mark.parametrize(
    ("body", "kind", "people"),
    [
        (
            "Minister Ali Bek paid a courtesy call on Prime Minister John Banda on Monday.",
            "meeting",
            ["Ali Bek", "John Banda"],
        ),
        (
            "Foreign Minister Ali Bek called on the visiting President John Banda on Monday.",
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
    ],
)
def test_courtesy_calls_chairs_and_welcomes(nlp, body, kind, people):
    found = events_of(nlp, body)
    assert any(k == kind and set(people) <= set(p) for k, _, p in found), found


def test_calling_on_someone_to_act_is_no_meeting(nlp):
    body = "President John Banda called on both sides to exercise restraint on Monday."
    assert not [e for e in events_of(nlp, body) if e[0] == "meeting"]


def test_a_meeting_to_convene_co_chaired_by_someone_is_one_planned_meeting(nlp):
    body = (
        "The joint committee is set to convene in Port Sudan next month, co-chaired by the "
        "two countries' prime ministers."
    )
    assert [(k, d) for k, d, _ in events_of(nlp, body)] == [("meeting", "2024-09")]


def test_a_visit_to_two_countries_is_a_visit_to_each(nlp):
    body = "Foreign Minister Anna Virtanen will visit Japan and South Korea on 24-28 November."
    visits = [e for e in facts_of(nlp, body).events if e.kind == "visit"]
    assert sorted(e.host.key for e in visits) == ["JPN", "KOR"]
    assert {e.date.value for e in visits} == {"2024-11-24"}
    # each visit's own destination, not the other one
    assert all({p.key for p in e.participants} & {"JPN", "KOR"} == {e.host.key} for e in visits)


def test_as_x_hosted_y_is_no_plan_and_takes_the_ledes_day(nlp):
    body = (
        "Kenya and Tanzania yesterday agreed to remove trade barriers, as President Ali Musa "
        "hosted his counterpart John Banda in Nairobi.\n\nThe two leaders held talks before "
        "presiding over the signing of four agreements."
    )
    found = events_of(nlp, body)
    assert ("meeting", "2024-08-20", ["Ali Musa", "John Banda"]) in found
    # the signing of the same two leaders right after is that day's too
    assert ("agreement-signing", "2024-08-20", ["Ali Musa", "John Banda"]) in found


def test_talks_during_a_planned_visit_take_its_month(nlp):
    body = (
        "Foreign Minister Ali Musa will pay a working visit to Laos on August 25-27. During "
        "the visit, Musa will hold talks with Foreign Minister John Banda."
    )
    talks = [(k, d) for k, d, p in events_of(nlp, body) if k in ("talks", "meeting")]
    assert talks == [("talks", "2024-08")]


def test_a_statement_at_a_briefing_is_the_speakers_alone(nlp):
    body = (
        "Foreign Minister Ali Musa will visit Laos next week, spokeswoman Maria Petrova said "
        "at a briefing on Monday."
    )
    statements = [p for k, _, p in events_of(nlp, body) if k == "statement"]
    assert statements == [["Maria Petrova"]]


def test_what_a_call_was_about_is_no_talks_of_its_own(nlp):
    body = (
        "President Ali Musa held a phone call on Monday with President John Banda. The two "
        "leaders discussed trade and energy."
    )
    assert [k for k, _, _ in events_of(nlp, body)] == ["phone-call"]


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
    assert expected in events_of(nlp, body)


def test_two_recalled_visits_keep_their_own_dates_and_what_happened_during_one(nlp):
    body = (
        "President Ali Musa recalled President Omar Bakri's visit to Baku in July 2018 and "
        "his own visit to Rome in February 2020, during which a joint declaration was signed."
    )
    found = {(k, d) for k, d, _ in events_of(nlp, body)}
    assert {("visit", "2018-07"), ("visit", "2020-02"), ("agreement-signing", "2020-02")} <= found


def test_meetings_on_the_margins_of_a_summit_are_bilateral_and_the_summit_is_one(nlp):
    body = (
        "Prime Minister Ravi Rao held talks with President Ana Silva on the sidelines of the "
        "BRICS Summit on Monday.\n\nRao also met Premier Li Wen and President Tom Dube on the "
        "margins of the summit."
    )
    found = events_of(nlp, body)
    meetings = sorted(p for k, _, p in found if k == "meeting")
    assert meetings == [["Li Wen", "Ravi Rao"], ["Ravi Rao", "Tom Dube"]]
    assert [k for k, _, _ in found].count("summit") == 1


# REF is Wednesday 21 August 2024
@pytest.mark.parametrize(
    ("body", "kind", "date"),
    [
        # someone's event recalled in a future clause: the March before
        (
            "The trip will build on President Omar Bakri's state visit to Japan in March.",
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
    ],
)
def test_event_kind_and_date(nlp, body, kind, date):
    assert (kind, date) in {(k, d) for k, d, _ in events_of(nlp, body)}


def test_the_next_round_of_consultations_is_a_planned_event_of_its_year(nlp):
    body = "The next round of consultations will take place in Bucharest in the autumn."
    assert [(k, d) for k, d, _ in events_of(nlp, body)] == [("talks", "2024")]


def test_a_one_day_visit_told_with_its_day_dates_what_follows_whatever_the_dateline(nlp):
    from communique.mapping.pipeline import extract

    body = (
        "Montevideo, August 21st (MercoPress) - President Ana Silva made a working visit to "
        "Uruguay on Tuesday and was received by President Tom Vera at the palace.\n\n"
        "The two leaders later signed a joint declaration."
    )
    article = Article(body=body, date=REF, source="test", dateline=parse_dateline(body))
    assert article.dateline is not None and article.dateline.agency == "MercoPress"
    events = extract(article, nlp(article.content), nlp).events
    found = {(e.kind, e.date.value if e.date else None) for e in events}
    assert {("visit", "2024-08-20"), ("meeting", "2024-08-20")} <= found
    assert ("agreement-signing", "2024-08-20") in found
    meeting = next(e for e in events if e.kind == "meeting")
    assert {p.name for p in meeting.participants} >= {"Ana Silva", "Tom Vera"}


def test_a_summit_here_is_held_in_the_datelines_city(nlp):
    from communique.mapping.pipeline import extract

    body = "RIO DE JANEIRO, Aug 20 (PTI) — Prime Minister Ravi Rao attended the BRICS Summit here."
    article = Article(body=body, date=REF, source="test", dateline=parse_dateline(body))
    summit = next(
        e for e in extract(article, nlp(article.content), nlp).events if e.kind == "summit"
    )
    assert summit.place is not None and summit.place.name == "Rio de Janeiro"
    assert summit.host is not None and summit.host.key == "BRA"
