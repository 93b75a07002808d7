"""Event patterns of unseen articles: a press conference is its speaker's statement, a visit
ended "at the end of" a multi-day stay began days before, what happens to a guest "who arrived
on Tuesday" happens that day, a date after "since" starts a period and dates no event, and
"It was his first visit" restates the visit already told."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow
REF = dt.date(2024, 8, 21)  # a Wednesday


def events_of(nlp, body: str) -> list[tuple[str, str | None, list[str]]]:
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=REF, source="test", dateline=parse_dateline(body))
    facts = extract(article, nlp(article.content), nlp)
    return sorted(
        (e.kind, e.date.value if e.date else None, sorted(p.name for p in e.participants))
        for e in facts.events
    )


VISIT = (
    "President Adi Kusumo and Prime Minister Tom Baker issued a joint communique on Wednesday "
    "at the end of a two-day state visit. "
)


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
            "salute at Parliament House before holding talks with Baker.",
            [
                ("ceremony", "2024-08-20", ["Adi Kusumo", "Tom Baker"]),
                ("statement", "2024-08-21", ["Adi Kusumo", "Tom Baker"]),
                ("talks", "2024-08-20", ["Adi Kusumo", "Tom Baker"]),
                ("visit", "2024-08-20", ["Adi Kusumo"]),
            ],
        ),
    ],
)
def test_event_dates_and_speakers(nlp, body, expected):
    assert events_of(nlp, body) == expected


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
    found = [e for e in events_of(nlp, body) if e[0] == kind]
    assert [d for _, d, _ in found] == [expected_date]


SIGNING = (
    "MANILA (PNA) -- Japan and the Philippines on Monday signed the Reciprocal Defence "
    "Agreement. Minister Aiko Sato and Secretary Pedro Cruz signed the agreement at the palace, "
    "with President Jose Reyes witnessing the ceremony. "
)


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
    from communique.mapping.pipeline import extract

    article = Article(
        body=body, date=dt.date(2024, 7, 8), source="test", dateline=parse_dateline(body)
    )
    facts = extract(article, nlp(article.content), nlp)
    got = sorted((e.kind, e.date.value if e.date else None) for e in facts.events)
    assert got == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # plural "meetings with" a list of persons: one meeting with each, the subject in all
        (
            "President Tom Baker is expected to hold bilateral meetings with President Ivan "
            "Petrov, Chinese President Li Wei and Prime Minister Raj Kumar of India.",
            [
                ["Ivan Petrov", "Tom Baker"],
                ["Li Wei", "Tom Baker"],
                ["Raj Kumar", "Tom Baker"],
            ],
        ),
        # one person: one meeting
        (
            "President Tom Baker held meetings with President Ivan Petrov on Monday.",
            [["Ivan Petrov", "Tom Baker"]],
        ),
    ],
)
def test_meetings_with_a_list(nlp, body, expected):
    got = [parts for kind, _, parts in events_of(nlp, body) if kind == "meeting"]
    assert got == expected
