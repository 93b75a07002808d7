"""Quotations: short fragments inside reported speech keep their speaker, a second quote
after an attribution in the same paragraph goes on with it, and an attribution that names
no one known gives no speaker rather than the previous one."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow

MEETING = "Prime Minister John Banda met Foreign Minister Alberto Kovac on Monday.\n\n"


def quotes_of(nlp, body: str) -> list[tuple[str, str | None]]:
    from communique.mapping.pipeline import extract

    article = Article(
        body=body, date=dt.date(2024, 8, 21), source="test", dateline=parse_dateline(body)
    )
    facts = extract(article, nlp(article.content), nlp)
    return [(q.text, q.speaker.name if q.speaker else None) for q in facts.quotes]


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
            MEETING + 'Banda said they would "wisely" manage issues at the "Tourism Corner".',
            [],
        ),
        # a short fragment no one is told saying is dropped
        (MEETING + 'The region has been "greatly weakened" by the war.', []),
    ],
)
def test_short_fragments_need_a_speaker(nlp, body, expected):
    assert quotes_of(nlp, body) == expected


def test_a_second_quote_after_an_attribution_goes_on_with_its_speaker(nlp):
    body = MEETING + (
        '"Zambia is one of our most important partners," Banda told reporters after the '
        'talks. "We want our businesses to see the opportunity."'
    )
    assert [s for _, s in quotes_of(nlp, body)] == ["John Banda", "John Banda"]


def test_an_attribution_to_someone_unknown_is_not_the_last_speaker(nlp):
    body = MEETING + (
        '"We agreed on a lot of things today," Banda said.\n\n'
        '"This is an inspiring example for the whole region," the Chancellor said.'
    )
    assert [s for _, s in quotes_of(nlp, body)] == ["John Banda", None]


def test_a_blank_line_ends_the_sentence_of_the_speaker_before(nlp):
    body = MEETING + (
        'In his remarks, Banda said: "We will build the new corridor together."\n\n'
        '"We agreed to meet again soon," Kovac said, adding that the talks were "very warm".'
    )
    assert quotes_of(nlp, body) == [
        ("We will build the new corridor together", "John Banda"),
        ("We agreed to meet again soon", "Alberto Kovac"),
        ("very warm", "Alberto Kovac"),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Polish Foreign Ministry hosted Foreign Minister Ana Toma on Monday.\n\n"
            '"Poland and Romania stand together on the flank," the ministry said.',
            "Ministry of Foreign Affairs of Poland",
        ),
        (
            MEETING + 'According to Kovac, "our partnership has never been stronger."',
            "Alberto Kovac",
        ),
    ],
)
def test_the_ministry_and_according_to(nlp, body, speaker):
    assert [s for _, s in quotes_of(nlp, body)] == [speaker]


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
    article = Article(body=body, date=dt.date(2024, 8, 21), source="test", dateline=None)
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
