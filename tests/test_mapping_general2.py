"""More general patterns of unseen articles: events framed by other events, past months,
titles with comma lists and bodies, names with initials and honorific chains, places the
model takes for persons, agency credits, quotes that go on in their own paragraph, specific
topics and topics that are only words of an office's name."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline
from communique.mapping.values.dates import find_dates

pytestmark = pytest.mark.slow
REF = dt.date(2024, 8, 20)  # a Tuesday


def facts_of(nlp, body: str, date: dt.date = REF):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=date, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp)


def kinds(facts) -> list[str]:
    return sorted(e.kind for e in facts.events)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare "the <noun>" in a temporal phrase frames the clause's event
        (
            "Before the signing, Foreign Minister Aiko Tanaka and Foreign Minister Juan Perez "
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
    assert kinds(facts_of(nlp, body)) == expected


def test_a_discussed_topic_is_no_participant(nlp):
    body = (
        "Foreign Minister Sameh Nabil and Foreign Minister Ali Karim discussed the Grand "
        "Ethiopian Renaissance Dam in Cairo on Monday."
    )
    (ev,) = facts_of(nlp, body).events
    assert "Ethiopia" not in {p.name for p in ev.participants}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met last November in Paris.", "2023-11"),
        ("They met last August in Paris.", "2023-08"),
        ("It will be held next March.", "2025-03"),
        ("It will be held next August.", "2025-08"),
        ("It ends this December.", "2024-12"),
    ],
)
def test_months_relative_to_the_article_month(text, value):
    (found,) = find_dates(text, REF)
    assert found[2].value == value


def test_a_previous_visit_lies_in_the_past(nlp):
    body = "Al-Tayeb's previous visit to Egypt was in January."
    (visit,) = facts_of(nlp, body, dt.date(2025, 8, 20)).events
    assert visit.date.value == "2025-01"


@pytest.mark.parametrize(
    ("body", "person", "label"),
    [
        (
            "Minister of Trade, Industry and Competition Parks Tau met the press.",
            "Parks Tau",
            "Minister of Trade, Industry and Competition",
        ),
        (
            "The talks were led by Secretary of the Ministry of Water Resources Nazmul Ahsan "
            "and Indian Secretary of the Department of Water Resources Debashree Mukherjee.",
            "Nazmul Ahsan",
            "Secretary",
        ),
        (
            "The talks were led by Secretary of the Ministry of Water Resources Nazmul Ahsan "
            "and Indian Secretary of the Department of Water Resources Debashree Mukherjee.",
            "Debashree Mukherjee",
            "Secretary",
        ),
        (
            "The delegation, including Minister of Agrarian Policy and Food Mykola Solsky and "
            "Minister of Energy Herman Halus, arrived in Warsaw on Monday.",
            "Mykola Solsky",
            "Minister of Agrarian Policy and Food",
        ),
        (
            "Modi was received by President His Highness Sheikh Mohamed bin Zayed Al Nahyan.",
            "Mohamed bin Zayed Al Nahyan",
            "President",
        ),
    ],
)
def test_long_titles_and_their_names(nlp, body, person, label):
    roles = {(r.person.name, r.label) for r in facts_of(nlp, body).roles}
    assert (person, label) in roles


def test_no_person_from_a_comma_list_of_portfolios(nlp):
    body = "Minister of Trade, Industry and Competition Parks Tau met the press on Monday."
    persons = {e.name for e in facts_of(nlp, body).entities if e.kind == "person"}
    assert persons == {"Parks Tau"}


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("President Ferdinand R. Marcos Jr. met the press in Manila.", "Ferdinand R. Marcos Jr."),
        ("Prime Minister Sheikh Hasina met the press in Dhaka.", "Sheikh Hasina"),
        ("H.E. Mr. Kay Rala Xanana Gusmão met the press in Dili.", "Kay Rala Xanana Gusmão"),
        ("Minister Anan Rala met Princess Reema bint Bandar in Riyadh.", "Reema bint Bandar"),
        ("The talks were chaired by Rt Hon David Lammy in London.", "David Lammy"),
    ],
)
def test_names_with_initials_suffixes_and_honorific_chains(nlp, body, person):
    persons = {e.name for e in facts_of(nlp, body).entities if e.kind == "person"}
    assert person in persons


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Trucks queued for days at the Medyka border crossing.", "Medyka"),
        ("Water sharing of the Teesta river was on the agenda.", "Teesta"),
    ],
)
def test_places_before_a_site_noun_are_no_persons(nlp, body, place):
    facts = facts_of(nlp, body)
    assert place in {e.name for e in facts.entities if e.kind == "place"}
    assert place not in {e.name for e in facts.entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("Riyadh, April 22, 2025, SPA -- The Crown Prince received the envoy.", "SPA"),
        ("RABAT (EFE).- Morocco and Spain signed an accord.", "EFE"),
    ],
)
def test_agency_credits(body, agency):
    assert parse_dateline(body).agency == agency


def test_agencies_named_in_the_text(nlp):
    body = "Minister Ana Lopes told SAnews that the talks with Kenya went well."
    orgs = {e.name for e in facts_of(nlp, body).entities if e.kind == "org"}
    assert "SAnews" in orgs


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a quote paragraph of its own goes on with the speaker before it
        (
            "Prime Minister Anthony Albers met President Joko Wirono on Monday.\n\n"
            '"We are good friends and neighbours," Albers said.\n\n'
            '"This is a new chapter for our two countries and for the region."',
            ["Anthony Albers", "Anthony Albers"],
        ),
        (
            "Prime Minister Anthony Albers met President Joko Wirono on Monday. Albers told "
            'reporters.\n\n"This is a new chapter for our two countries."',
            ["Anthony Albers"],
        ),
        # a sign-off line is no speaker
        (
            "Secretary-General Antonio Gutierres welcomed the accord.\n\n"
            '"This is a historic step for the region," the Secretary-General said.\n\n'
            "New York, 30 August 2024",
            ["Antonio Gutierres"],
        ),
        # a theme in quotes is no quotation
        (
            "Leaders met in Rio on Monday under the theme "
            '"Strengthening Multilateralism for Just Global Development".',
            [],
        ),
    ],
)
def test_quote_speakers_across_paragraphs(nlp, body, speakers):
    quotes = facts_of(nlp, body).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == speakers


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "President Ali Hassan met President John Mwale on Monday to discuss cooperation in "
            "electricity, railway and maritime security.",
            {"electricity", "railway", "maritime security"},
            {"energy", "transport", "security"},
        ),
        (
            "President Ali Hassan met the defence ministers of Kenya on Monday to discuss trade.",
            {"trade"},
            {"defence"},
        ),
        (
            "Minister of Trade, Industry and Competition Parks Tau met President John Mwale "
            "on Monday to discuss tourism.",
            {"tourism"},
            {"trade", "industry"},
        ),
        (
            "President Ali Hassan met President John Mwale on Monday to discuss semiconductors, "
            "fisheries, pharmaceuticals and refugees.",
            {"semiconductors", "fisheries", "pharmaceuticals", "refugees"},
            {"industry"},
        ),
        # heritage and a port named in passing are no areas of cooperation
        (
            "President Ali Hassan showed President John Mwale the rich cultural heritage of the "
            "old port on Monday.",
            set(),
            {"heritage", "ports"},
        ),
    ],
)
def test_specific_topics_and_none_from_offices(nlp, body, present, absent):
    facts = facts_of(nlp, body)
    labels = {c.label for topics in facts.topics.values() for c in topics}
    assert present <= labels
    assert not absent & labels


def test_the_role_keeps_the_article_spelling(nlp):
    from communique.mapping.graph.builder import GraphBuilder
    from communique.mapping.iris import Minter

    body = "Defense Minister Lloyd Austen met Defence Minister Richard Marles in Canberra."
    article = Article(body=body, date=REF, source="test", dateline=None)
    facts = facts_of(nlp, body)
    g = GraphBuilder(article, Minter(None)).build(facts)
    concepts = set(g.subjects(SKOS.prefLabel, Literal("Defence Minister", lang="en")))
    assert len(concepts) == 1
    (concept,) = concepts
    assert (concept, RDFS.label, Literal("Defense Minister", lang="en")) in g


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
    ],
)
def test_dates_from_context(nlp, body, kind, date, end):
    events = [e for e in facts_of(nlp, body).events if e.kind == kind]
    assert [(e.date.value, e.date.end) for e in events if e.date] == [(date, end)]


@pytest.mark.parametrize(
    ("body", "kind", "participant"),
    [
        (
            "President Ali Hassan received on Tuesday Chairman of the Transitional Sovereignty "
            "Council of Sudan Lieutenant General Abdel Karim Al-Tayeb in Cairo.",
            "meeting",
            "Abdel Karim Al-Tayeb",
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
    events = [e for e in facts_of(nlp, body).events if e.kind == kind]
    assert any(participant in {p.name for p in e.participants} for e in events)


def test_a_bare_noun_after_a_preposition_is_no_event(nlp):
    body = "Foreign Secretary Maria Lazo told reporters on arrival that talks would go on."
    assert "visit" not in kinds(facts_of(nlp, body))


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a bare plural left after a vague count names no document
        ("Kenya and Uganda signed some twenty agreements on Monday.", []),
        # a participle inside the name does not end it; the programme is its subject
        (
            "Finland and Japan signed a memorandum of understanding on a working holiday "
            "programme on Monday.",
            ["memorandum of understanding on a working holiday programme"],
        ),
        (
            "Kenya and Tanzania signed a security pact and an LNG supply deal on Monday.",
            ["security pact", "LNG supply deal"],
        ),
        ("Malaysia and Indonesia signed a letter of intent on Monday.", ["letter of intent"]),
        # no document: a deal without a noun before it, a document told again
        ("Kenya said Tanzania got a good deal on Monday.", []),
        ("Kenya and Tanzania said the major bilateral accord would hold.", []),
        # one document named long, then short
        (
            "Kenya and Tanzania signed the Declaration of Principles between Kenya and "
            "Tanzania in Doha. The Declaration of Principles calls for a ceasefire.",
            ["Declaration of Principles between Kenya and Tanzania"],
        ),
        (
            "Turkey and Egypt signed 17 agreements in areas ranging from energy to tourism.",
            ["17 agreements"],
        ),
        (
            "China and Russia signed the minutes of the committee meeting and several "
            "cooperation documents in Beijing on Monday.",
            ["minutes of the committee meeting", "cooperation documents"],
        ),
    ],
)
def test_agreement_names_without_vague_counts_or_areas(nlp, body, names):
    assert sorted(a.name for a in facts_of(nlp, body).agreements) == sorted(names)


@pytest.mark.parametrize(
    ("body", "currency", "count"),
    [
        ("South Africa will spend R837 billion on infrastructure, Kenya said.", "ZAR", 1),
        ("The road R2 billion project in Kenya was delayed.", "ZAR", 0),
        ("Hungary pledged 30 billion forints in aid to Kenya.", "HUF", 1),
    ],
)
def test_rand_only_in_south_african_context_and_forints(nlp, body, currency, count):
    figures = facts_of(nlp, body).figures
    assert sum(f.currency == currency for f in figures) == count


@pytest.mark.parametrize(
    ("body", "name", "iso3", "alias"),
    [
        ("The Japanese Diet approved the treaty on Monday.", "Japanese Diet", "JPN", None),
        ("The Philippine Senate approved the treaty.", "Philippine Senate", "PHL", None),
        (
            "Data from the Central Agency for Public Mobilization and Statistics (CAPMAS) "
            "showed that trade rose.",
            "Central Agency for Public Mobilization and Statistics",
            None,
            "CAPMAS",
        ),
        ("Ministers of the Pacific Alliance met in Lima.", "Pacific Alliance", None, None),
    ],
)
def test_bodies_named_by_demonym_or_defined_by_an_acronym(nlp, body, name, iso3, alias):
    orgs = {e.name: e for e in facts_of(nlp, body).entities if e.kind == "org"}
    assert name in orgs
    assert orgs[name].iso3 == iso3
    if alias:
        assert alias in orgs[name].names


def test_a_ministry_name_does_not_run_into_a_person(nlp):
    body = (
        "The talks were led by Secretary of the Ministry of Water Resources Nazmul Ahsan in "
        "Dhaka on Monday."
    )
    orgs = {e.name for e in facts_of(nlp, body).entities if e.kind == "org"}
    assert all("Nazmul" not in o for o in orgs)


@pytest.mark.parametrize(
    ("body", "participant"),
    [
        ("Prime Minister Ana Lopes held talks with the US Secretary of State on Monday.", "USA"),
        ("Prime Minister Ana Lopes held talks with the Chinese Foreign Minister.", "CHN"),
    ],
)
def test_a_guest_named_only_by_office_brings_the_country(nlp, body, participant):
    (ev,) = facts_of(nlp, body).events
    assert participant in {p.key for p in ev.participants}


def test_refugees_of_a_country_do_not_make_it_a_party(nlp):
    body = "Foreign Secretary David Lamb met Sudanese refugees in Adre on Thursday."
    (ev,) = facts_of(nlp, body).events
    assert "SDN" not in {p.key for p in ev.participants}


@pytest.mark.parametrize(
    "body",
    [
        "President Ali Hassan and President John Mwale witnessed the signing ceremony of four "
        "agreements in Nairobi on Monday.",
        "President Ali Hassan and President John Mwale signed four agreements at a signing "
        "ceremony in Nairobi on Monday.",
        "President Ali Hassan and President John Mwale witnessed the signing of four "
        "agreements, and the signed documents were exchanged at a ceremony in Nairobi.",
    ],
)
def test_a_signing_ceremony_is_one_signing(nlp, body):
    assert kinds(facts_of(nlp, body)) == ["agreement-signing"]


def test_a_city_named_after_its_country(nlp):
    body = "The joint committee is set to convene in Port Sudan next month."
    facts = facts_of(nlp, body)
    assert "Port Sudan" in {e.name for e in facts.entities if e.kind == "place"}
    (ev,) = facts.events
    assert ev.place is not None and ev.place.name == "Port Sudan"


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Trucks waited for days at the Dorohusk border crossing.", "Dorohusk"),
        ("Leaders of the Global South met in Johannesburg.", "Global South"),
        ("Water of the Eastern Nile Basin was discussed by Egypt.", "Eastern Nile Basin"),
        (
            "Egypt raised the Grand Ethiopian Renaissance Dam (GERD) in Cairo on Monday.",
            "Grand Ethiopian Renaissance Dam",
        ),
    ],
)
def test_crossings_regions_and_dams(nlp, body, place):
    assert place in {e.name for e in facts_of(nlp, body).entities if e.kind == "place"}


def test_a_dam_named_by_a_demonym_is_that_countrys(nlp):
    body = "Egypt raised the Grand Ethiopian Renaissance Dam (GERD) in Cairo on Monday."
    (dam,) = [e for e in facts_of(nlp, body).entities if e.name.startswith("Grand")]
    assert dam.iso3 == "ETH"
    assert "GERD" in dam.names


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Secretary of National Defense", "Secretary of National Defense"),
        ("Foreign Affairs Secretary", "Foreign Affairs Secretary"),
        ("Head of Government", "Head of Government"),
        ("Advisor to the Prime Minister", "Advisor to the Prime Minister"),
        ("Spokesman for the Secretary-General", "Spokesman for the Secretary-General"),
    ],
)
def test_titles_outside_the_short_list(nlp, title, label):
    body = f"{title} Omar Said met Minister Ali Kaya in Manila on Monday."
    roles = {(r.person.name, r.label) for r in facts_of(nlp, body).roles}
    assert ("Omar Said", label) in roles
