"""General patterns the mapper must read in unseen articles: dates of the event's own clause
and tense, the lede's day for undated events, bare surnames and titles as speakers, names
with particles and honorifics, counted agreements, topics only in a cooperation context."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow
REF = dt.date(2024, 1, 30)  # a Tuesday


def facts_of(nlp, body: str, date: dt.date = REF):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=date, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp)


def dates_by_kind(facts) -> dict[str, set]:
    out: dict[str, set] = {}
    for ev in facts.events:
        out.setdefault(ev.kind, set()).add(ev.date.value if ev.date else None)
    return out


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
    ],
)
def test_event_dates_of_their_clause(nlp, body, kind, date):
    assert date in dates_by_kind(facts_of(nlp, body)).get(kind, set())


def test_a_concluded_visit_began_days_before(nlp):
    body = "Prime Minister Ana Lopes concluded a three-day visit to Ghana on Monday."
    (visit,) = [e for e in facts_of(nlp, body).events if e.kind == "visit"]
    assert (visit.date.value, visit.date.end) == ("2024-01-27", "2024-01-29")


def test_a_date_of_another_clause_does_not_leak(nlp):
    body = (
        "The ministers, who met in Geneva in August, signed a memorandum of understanding "
        "on Monday."
    )
    assert dates_by_kind(facts_of(nlp, body))["agreement-signing"] == {"2024-01-29"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "President William Kamau opened the forum.\n\n"
            '"Our region must trade more with itself," Kamau said.',
            "William Kamau",
        ),
        (
            "Foreign Secretary Jane Porter met aid workers.\n\n"
            '"The crisis is the worst in a decade," the Foreign Secretary said.',
            "Jane Porter",
        ),
        (
            "President Luis Moreno met President Javier Costa.\n\n"
            '"Our economies are too intertwined to be separated," Moreno told reporters '
            "after the talks.",
            "Luis Moreno",
        ),
        (
            "President Luis Moreno met President Javier Costa.\n\n"
            'Costa said the agreement would "open a new chapter" in energy cooperation.',
            "Javier Costa",
        ),
        (
            "Ministers will gather in Kuala Lumpur from July 8-11 for the 58th Foreign "
            "Ministers' Meeting (AMM), Malaysia's Minister of Foreign Affairs Datuk Seri "
            "Mohamad Hasan said.\n\n"
            '"The bloc must speak with one voice," he told a press conference on Monday.',
            "Mohamad Hasan",
        ),
    ],
)
def test_speakers_by_surname_title_and_clause(nlp, body, speaker):
    quotes = facts_of(nlp, body).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("body", "person"),
    [
        (
            "Commission President Ursula von der Leyen held a call with Prime Minister "
            "Shigeru Ishiba.",
            "Ursula von der Leyen",
        ),
        (
            "Modi was received by President His Highness Sheikh Mohamed bin Zayed Al Nahyan.",
            "Mohamed bin Zayed Al Nahyan",
        ),
        (
            "Argentina's Vice President Victoria Villarruel attended the dinner.",
            "Victoria Villarruel",
        ),
    ],
)
def test_names_with_particles_and_honorifics(nlp, body, person):
    from communique.mapping.mentions.finder import PERSON, PLACE

    facts = facts_of(nlp, body)
    persons = {e.name for e in facts.entities if e.kind == PERSON}
    assert person in persons
    # no word of a name is a place, and no honorific is a person
    places = {e.name for e in facts.entities if e.kind == PLACE}
    assert not places & set(person.split())
    assert not any(p.startswith(("His ", "Emir ", "Sheikh ")) for p in persons)


@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        ("Lam was due to travel to Busan on Wednesday.", "place", "Busan"),
        ("The talks were held at Qasr Al Watan on Tuesday.", "place", "Qasr Al Watan"),
        ("Lula laid a wreath at the San Martín monument.", "place", "San Martín monument"),
    ],
)
def test_places_the_model_takes_for_persons(nlp, body, kind, name):
    facts = facts_of(nlp, body)
    assert name in {e.name for e in facts.entities if e.kind == kind}
    assert name not in {e.name for e in facts.entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Egypt and Turkey signed 17 agreements on Wednesday.", "17 agreements"),
        (
            "The leaders of Korea and Vietnam witnessed the signing of eight memoranda of "
            "understanding.",
            "eight memoranda of understanding",
        ),
        (
            "China and Russia signed the minutes of the committee meeting and several "
            "cooperation documents.",
            "cooperation documents",  # a vague "several" names no count
        ),
    ],
)
def test_counted_and_generic_agreements(nlp, body, name):
    names = [a.name for a in facts_of(nlp, body).agreements]
    assert any(n.endswith(name) for n in names), names


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "The ceremony was held in the border town. Young people waved flags.",
            set(),
            {"border", "youth"},
        ),
        (
            "President Ali Hassan and President John Mwale discussed cooperation in customs "
            "and border management.",
            {"customs", "border"},
            set(),
        ),
    ],
)
def test_ambiguous_topics_need_a_cooperation_context(nlp, body, present, absent):
    facts = facts_of(nlp, body)
    found = {c.iri.split("/")[-1] for cs in facts.topics.values() for c in cs}
    assert present <= found and not absent & found


def test_kenyan_shillings(nlp):
    facts = facts_of(nlp, "Trade between Kenya and Ethiopia stood at Sh15.6 billion in 2023.")
    assert [(f.value, f.currency) for f in facts.figures] == [(Decimal("15600000000"), "KES")]


@pytest.mark.parametrize(
    ("body", "person", "labels"),
    [
        (
            "Battsetseg met Aibek Karimov, who is also Kyrgyzstan's deputy prime minister, "
            "in Ulaanbaatar.",
            "Aibek Karimov",
            {"Deputy Prime Minister"},
        ),
        (
            "Djibouti's Foreign Minister Mahmoud Ali Youssouf was elected chairperson of the "
            "African Union Commission.",
            "Mahmoud Ali Youssouf",
            {"Foreign Minister", "Chairperson of the African Union Commission"},
        ),
        (
            "Carlos Mendes, the foreign minister of Brazil, attended the meeting.",
            "Carlos Mendes",
            {"Foreign Minister"},
        ),
    ],
)
def test_roles_after_the_name(nlp, body, person, labels):
    roles = facts_of(nlp, body).roles
    got = {r.label.casefold() for r in roles if r.person.name == person}
    assert {label.casefold() for label in labels} <= got


@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        ("Officials of the ASEAN Secretariat attended.", "org", "ASEAN Secretariat"),
        ("The ministers met at NATO Headquarters in Brussels.", "place", "NATO Headquarters"),
    ],
)
def test_bodies_and_sites_of_organizations(nlp, body, kind, name):
    assert name in {e.name for e in facts_of(nlp, body).entities if e.kind == kind}


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Congo", "COD"),
        ("DR Congo", "COD"),
        ("Congo Republic", "COG"),
        ("Republic of Congo", "COG"),
    ],
)
def test_congo_alone_is_the_drc_as_in_news_style(text, iso3):
    from communique.mapping.entities.countries import lookup_country

    assert lookup_country(text).iso3 == iso3


@pytest.mark.parametrize(
    ("body", "not_place"),
    [
        ("Leaders discussed the India-Middle East-Europe Economic Corridor.", "Middle East"),
        ("He invited him to attend the Astana International Forum next month.", "Astana"),
        ("Anita Anand met the ministers. Anand will travel to Ottawa.", "Anand"),
    ],
)
def test_no_place_inside_other_names(nlp, body, not_place):
    facts = facts_of(nlp, body)
    assert not_place not in {e.name for e in facts.entities if e.kind == "place"}


def test_a_region_that_is_itself_hyphenated_is_kept(nlp):
    facts = facts_of(nlp, "They discussed the security situation in the Indo-Pacific.")
    assert "Indo-Pacific" in {e.name for e in facts.entities if e.kind == "place"}


def test_a_past_clause_reads_its_date_backwards(nlp):
    body = "President Ali Hassan travelled to Cairo on Feb. 14, his first trip to Egypt."
    facts = facts_of(nlp, body, date=dt.date(2024, 9, 5))
    assert "2024-02-14" in dates_by_kind(facts)["visit"]
