"""Events: typing by trigger, participants, host and guest of visits, dates at the text's
precision, plans, coreference and nesting in the visit being reported."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow
REF = dt.date(2024, 1, 30)  # a Tuesday


def events_of(nlp, body: str, date: dt.date = REF):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=date, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp).events


def summary(ev):
    return (
        ev.kind,
        ev.date.value if ev.date else None,
        sorted(p.name for p in ev.participants if p.kind == "person"),
    )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Foreign Minister Wang Yi held telephone talks with Secretary of State John Kerry.",
            "phone-call",
        ),
        (
            "Minister Ali Khan had a phone conversation with Minister John Smith on Monday.",
            "phone-call",
        ),
        ("President Sadyr Japarov met Foreign Minister Murat Nurtleu on Monday.", "meeting"),
        (
            "Foreign Minister Murat Nurtleu held talks with Foreign Minister Jeenbek Kulubaev.",
            "talks",
        ),
        ("Foreign Minister Murat Nurtleu paid an official visit to Tajikistan last week.", "visit"),
        (
            "Foreign Minister Murat Nurtleu laid a wreath at the Ata-Beyit Memorial Complex.",
            "ceremony",
        ),
        (
            "President Sadyr Japarov and President Kassym-Jomart Tokayev signed a treaty on "
            "Monday.",
            "agreement-signing",
        ),
        ("Spokesperson Laolu Akande disclosed this in a statement on Sunday night.", "statement"),
    ],
)
def test_event_types(nlp, body, kind):
    assert [e.kind for e in events_of(nlp, body)] == [kind]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "President Sadyr Japarov met Foreign Minister Murat Nurtleu at a Jan. 29 meeting.",
            "2024-01-29",
        ),
        (
            "Foreign Minister Murat Nurtleu paid an official visit to Tajikistan last week.",
            "2024-01",
        ),
        ("President Sadyr Japarov paid a state visit to Kazakhstan in March 2021.", "2021-03"),
        ("On Monday, President Sadyr Japarov met Foreign Minister Murat Nurtleu.", "2024-01-29"),
        ("President Sadyr Japarov met Foreign Minister Murat Nurtleu.", None),
    ],
)
def test_event_dates_at_the_texts_precision(nlp, body, date):
    (ev,) = events_of(nlp, body)
    assert (ev.date.value if ev.date else None) == date


def test_a_visit_has_host_guest_and_kind(nlp):
    (ev,) = events_of(
        nlp, "Kazakh Foreign Minister Murat Nurtleu paid an official visit to Bishkek."
    )
    assert ev.kind == "visit" and ev.visit_kind == "official"
    assert ev.guest.name == "Murat Nurtleu"
    assert (ev.host.key, ev.guest_country.key) == ("KGZ", "KAZ")
    assert ev.place.name == "Bishkek"


def test_a_range_keeps_start_and_end(nlp):
    (ev,) = events_of(
        nlp,
        "Foreign Minister Bilawal Bhutto Zardari had undertaken an official visit "
        "to Germany on October 6-7.",
        dt.date(2022, 10, 10),
    )
    assert (ev.date.value, ev.date.end) == ("2022-10-06", "2022-10-07")


@pytest.mark.parametrize(
    "body",
    [
        "The upcoming meeting between President Xi Jinping and President Barack Obama is "
        "important.",
        "Minister Bùi Thanh Sơn invited Minister Olushegun Adjadi Bakari to visit Việt Nam soon.",
        "The leaders looked at the forthcoming African Union Summit in Addis Ababa.",
    ],
)
def test_announced_events_are_scheduled(nlp, body):
    events = [e for e in events_of(nlp, body) if e.kind != "talks"]
    assert events and all(e.scheduled and e.date is None for e in events)


def test_mentions_of_one_event_are_merged_and_nested_in_the_visit(nlp):
    body = (
        "Kazakh Foreign Minister Murat Nurtleu and Kyrgyz President Sadyr Japarov met at a Jan. 29 "
        "meeting during Nurtleu’s first official visit to Bishkek.\n\n"
        "In the meeting, they discussed trade.\n\n"
        "Nurtleu also took part in a wreath-laying ceremony at the Ata-Beyit Memorial Complex."
    )
    events = events_of(nlp, body)
    kinds = sorted(e.kind for e in events)
    assert kinds == ["ceremony", "meeting", "visit"]
    visit = next(e for e in events if e.kind == "visit")
    assert visit.date.value == "2024-01-29"
    for e in events:
        if e is not visit:
            assert e.part_of is visit and e.date.value == "2024-01-29" and e.host.key == "KGZ"


def test_a_recalled_visit_is_its_own_event(nlp):
    body = (
        "President Sadyr Japarov paid a state visit to Kazakhstan in March 2021.\n\n"
        "Last week, Foreign Minister Murat Nurtleu paid an official visit to Tajikistan."
    )
    assert sorted(summary(e) for e in events_of(nlp, body)) == [
        ("visit", "2021-03", ["Sadyr Japarov"]),
        ("visit", "2024-01", ["Murat Nurtleu"]),
    ]


def test_the_date_of_a_report_is_not_the_events(nlp):
    body = (
        "Foreign Minister Cho Tae-yul held talks with Foreign Minister Takeshi Iwaya, the "
        "ministry said Friday."
    )
    (ev,) = events_of(nlp, body, dt.date(2024, 11, 15))
    assert ev.date is None
