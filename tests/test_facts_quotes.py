"""Quotations and their speakers: a speaker named by surname, title, pronoun or "according
to", a ministry; quotes that go on after an attribution or in a paragraph of their own; an
attribution that names no one known gives no speaker rather than the previous one; short
fragments and themes in quotes are no quotations unless someone is told saying them; the same
words from two speakers are two quotations."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, AUG_21, JAN_30, article_of, facts_of, quotes_of

pytestmark = pytest.mark.slow

MEETING = "Prime Minister John Banda met Foreign Minister Alberto Kovac on Monday.\n\n"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Foreign Minister Daniyar Sarsenbayev spoke.\n\n“Our nations are trusted partners "
            "and good neighbours,” Sarsenbayev said.",
            "Daniyar Sarsenbayev",
        ),
        (
            "Uzbek President Rustam Khodjayev met Russian President Vadim Korolyov.\n\n"
            '"Our trade has not grown this fast in years," he said.',
            "Rustam Khodjayev",
        ),
        (
            "Spokesman Dapo Adeleye spoke. “We are very hopeful about the whole region,” he quoted "
            "President Tunde Olasehinde as saying.",
            "Tunde Olasehinde",
        ),
        (
            "“Pakistan values its close partnership with Austria,” Foreign Office "
            "Spokesperson said.",
            "Ministry of Foreign Affairs of Pakistan",
        ),
    ],
)
def test_quote_attribution(nlp, body, speaker):
    (quote,) = facts_of(nlp, body, JAN_30).quotes
    assert (quote.speaker.name if quote.speaker else None) == speaker


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
            "Ministers will meet in Kuala Lumpur from May 4-6 for the 12th Regional "
            "Ministers' Forum (RMF), Malaysia's Minister of Foreign Affairs Datuk Seri "
            "Rahman Iskandar said.\n\n"
            '"The bloc must speak with one voice," he told a press conference on Monday.',
            "Rahman Iskandar",
        ),
    ],
)
def test_speakers_by_surname_title_and_clause(nlp, body, speaker):
    quotes = facts_of(nlp, body, JAN_30).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Polish Foreign Ministry hosted Foreign Minister Ana Toma on Monday.\n\n"
            '"Poland and Romania stand together on the flank," the ministry said.',
            "Ministry of Foreign Affairs of Poland",
        ),
        # of two ministries, the one named before: the other is told of later
        (
            "The Polish Foreign Ministry said Foreign Minister Ana Toma would visit Lisbon.\n\n"
            '"The visit will deepen our ties," the ministry said in a statement.\n\n'
            "The Portuguese foreign ministry confirmed the visit.",
            "Ministry of Foreign Affairs of Poland",
        ),
        (
            MEETING + 'According to Kovac, "our partnership has never been stronger."',
            "Alberto Kovac",
        ),
    ],
)
def test_the_ministry_and_according_to(nlp, body, speaker):
    assert [s for _, s in quotes_of(nlp, body, AUG_21)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a quote paragraph of its own goes on with the speaker before it
        (
            "Prime Minister Stuart Pellew met President Budi Wirasena on Monday.\n\n"
            '"We are good friends and neighbours," Pellew said.\n\n'
            '"This is a new chapter for our two countries and for the region."',
            ["Stuart Pellew", "Stuart Pellew"],
        ),
        (
            "Prime Minister Stuart Pellew met President Budi Wirasena on Monday. Pellew told "
            'reporters.\n\n"This is a new chapter for our two countries."',
            ["Stuart Pellew"],
        ),
        # a sign-off line is no speaker
        (
            "Secretary-General Helena Marquart welcomed the accord.\n\n"
            '"This is a historic step for the region," the Secretary-General said.\n\n'
            "New York, 30 August 2024",
            ["Helena Marquart"],
        ),
        # "she" goes on as the one told saying something by her office alone
        (
            "President Joao Neto received the Special Envoy of the President of Congo, "
            "Therese Mbala.\n\nSpeaking to the press, the envoy said the message concerned "
            'peace.\n\n"We came to thank President Neto for his efforts," she said.',
            ["Therese Mbala"],
        ),
        # a quotation opened after a colon and left open at its paragraph's end is the
        # colon clause's speaker's, and so is the quote paragraph that goes on with it
        (
            "Prime Minister Stuart Pellew met President Budi Wirasena on Monday.\n\nPellew "
            'said: "Our two countries agreed to build new roads and ports together.\n\n'
            '"We will also open a consulate in Surabaya next year for our students."',
            ["Stuart Pellew", "Stuart Pellew"],
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
    quotes = facts_of(nlp, body, AUG_20).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == speakers


def test_a_second_quote_after_an_attribution_goes_on_with_its_speaker(nlp):
    body = MEETING + (
        '"Zambia is one of our most important partners," Banda told reporters after the '
        'talks. "We want our businesses to see the opportunity."'
    )
    assert [s for _, s in quotes_of(nlp, body, AUG_21)] == ["John Banda", "John Banda"]


def test_an_attribution_to_someone_unknown_is_not_the_last_speaker(nlp):
    body = MEETING + (
        '"We agreed on a lot of things today," Banda said.\n\n'
        '"This is an inspiring example for the whole region," the Governor said.'
    )
    # (no one found saying it: no quotation, rather than one of no one's or the wrong one's)
    assert [s for _, s in quotes_of(nlp, body, AUG_21)] == ["John Banda"]


def test_a_quotation_no_one_is_found_saying_is_none(nlp):
    body = "“This is a short remark only,” someone unnamed said."
    assert facts_of(nlp, body, JAN_30).quotes == []


def test_a_blank_line_ends_the_sentence_of_the_speaker_before(nlp):
    body = MEETING + (
        'In his remarks, Banda said: "We will build the new corridor together."\n\n'
        '"We agreed to meet again soon," Kovac said, adding that the talks were "very warm".'
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("We will build the new corridor together", "John Banda"),
        ("We agreed to meet again soon", "Alberto Kovac"),
        ("very warm", "Alberto Kovac"),
    ]


def test_short_fragments_are_not_quotations(nlp):
    assert not facts_of(nlp, 'They agreed to "wisely" manage pending issues.', JAN_30).quotes


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            MEETING + 'Banda said the talks were "constructive and balanced".',
            [("constructive and balanced", "John Banda")],
        ),
        # the second verb of "said ... and called" has the first one's subject
        (
            MEETING + 'Kovac said the talks went well and called the deal "a historic step".',
            [("a historic step", "Alberto Kovac")],
        ),
        # a one-word scare quote and a name in quotes are no quotations
        (
            MEETING + 'Banda said they would "wisely" manage issues at the "Culture Corner".',
            [],
        ),
        # a short fragment no one is told saying is dropped
        (MEETING + 'The region has been "greatly weakened" by the war.', []),
    ],
)
def test_short_fragments_need_a_speaker(nlp, body, expected):
    assert quotes_of(nlp, body, AUG_21) == expected


def test_the_same_words_from_two_speakers_are_two_quotations(nlp):
    """Each quotation keeps its one speaker (the shapes allow no more), so the article
    is not rejected at ingest."""
    from communique.mapping.pipeline import map_article
    from communique.ontology.namespace import DIP
    from communique.shapes.validate import validate_graph

    body = (
        MEETING + "“We will deepen our cooperation,” Banda said. "
        "“We will deepen our cooperation,” Kovac said."
    )
    article = article_of(body, AUG_21, dateline=False)
    graph = map_article(article, nlp=nlp).graph
    speakers = sorted(
        (
            str(graph.value(q, DIP.speaker)).rsplit("/", 1)[1],
            len(list(graph.objects(q, DIP.speaker))),
        )
        for q in set(graph.subjects(DIP.speaker, None))
    )
    assert speakers == [("alberto-kovac", 1), ("john-banda", 1)]
    assert validate_graph(graph).conforms


@pytest.mark.parametrize(
    "body",
    [
        # the comma inside the marks, or after them in the British way
        'President Ana Velor met President Tomas Reyes on Monday. "We have waited long '
        'enough," Velor said, "and our citizens expect results."',
        "President Ana Velor met President Tomas Reyes on Monday. 'We have waited long "
        "enough', Velor said, 'and our citizens expect results.'",
    ],
)
def test_a_quotation_interrupted_by_its_saying_clause_is_one(nlp, body):
    assert quotes_of(nlp, body, AUG_20) == [
        ("We have waited long enough, and our citizens expect results", "Ana Velor")
    ]


def test_a_new_sentence_after_the_saying_clause_is_another_quotation(nlp):
    body = (
        'President Ana Velor met President Tomas Reyes on Monday. "We have waited long '
        'enough," Velor said. "Our citizens expect results."'
    )
    assert quotes_of(nlp, body, AUG_20) == [
        ("We have waited long enough", "Ana Velor"),
        ("Our citizens expect results", "Ana Velor"),
    ]
