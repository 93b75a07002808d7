"""Quotations with their speakers, topics, monetary figures and agreements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

pytestmark = pytest.mark.slow


def facts_of(nlp, body: str, date: dt.date = dt.date(2024, 1, 30)):
    from communique.mapping.pipeline import extract

    article = Article(body=body, date=date, source="test", dateline=parse_dateline(body))
    return extract(article, nlp(article.content), nlp)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Foreign Minister Murat Nurtleu spoke.\n\n“Our countries are reliable allies and "
            "friends,” Nurtleu said.",
            "Murat Nurtleu",
        ),
        (
            "Uzbek President Shavkat Mirziyoyev met Russian President Vladimir Putin.\n\n"
            '"We have never had such growth in trade," he said.',
            "Shavkat Mirziyoyev",
        ),
        (
            "Spokesman Laolu Akande spoke. “We are extremely excited about the region,” he quoted "
            "President Yemi Osinbajo as saying.",
            "Yemi Osinbajo",
        ),
        (
            "“Pakistan attaches high importance to its ties with Germany,” Foreign Office "
            "Spokesperson said.",
            "Ministry of Foreign Affairs of Pakistan",
        ),
        ("“This is a short remark only,” someone unnamed said.", None),
    ],
)
def test_quote_attribution(nlp, body, speaker):
    (quote,) = facts_of(nlp, body).quotes
    assert (quote.speaker.name if quote.speaker else None) == speaker


def test_short_fragments_are_not_quotations(nlp):
    assert not facts_of(nlp, 'They agreed to "wisely" manage pending issues.').quotes


@pytest.mark.parametrize(
    ("body", "value", "currency", "status", "measure"),
    [
        (
            "Mutual trade grew to $1.3 billion in the 11 months of 2023.",
            "1300000000",
            "USD",
            "Actual",
            "trade",
        ),
        (
            "They aim to increase mutual trade volumes to $2 billion.",
            "2000000000",
            "USD",
            "Target",
            "trade",
        ),
        (
            "The authorities expect that trade turnover will amount to $12 billion.",
            "12000000000",
            "USD",
            "Forecast",
            "trade turnover",
        ),
        (
            "Germany also announced an additional 10 million € for flood relief assistance.",
            "10000000",
            "EUR",
            "Pledge",
            "aid",
        ),
    ],
)
def test_figures(nlp, body, value, currency, status, measure):
    (fig,) = facts_of(nlp, body).figures
    assert (fig.value, fig.currency, fig.status, fig.measure.label) == (
        Decimal(value),
        currency,
        status,
        measure,
    )


def test_a_figure_repeated_is_one_figure(nlp):
    body = 'Trade will amount to $12 billion. "We think it will be 12 billion [dollars]," he said.'
    assert len(facts_of(nlp, body).figures) == 1


@pytest.mark.parametrize(
    ("body", "name", "parties", "valid"),
    [
        (
            "The talks ended with the signing of a cooperation program between the foreign "
            "ministries of "
            "Kazakhstan and Kyrgyzstan for 2024-2026.",
            "cooperation program between the foreign ministries of Kazakhstan and Kyrgyzstan "
            "for 2024-2026",
            {"KAZ", "KGZ"},
            ("2024", "2026"),
        ),
        (
            "Prime Minister Keir Starmer and Iraq welcomed the signing of the landmark "
            "Partnership and "
            "Cooperation Agreement between the UK and Iraq today.",
            "Partnership and Cooperation Agreement",
            {"GBR", "IRQ"},
            None,
        ),
    ],
)
def test_agreements(nlp, body, name, parties, valid):
    facts = facts_of(nlp, body)
    (ag,) = facts.agreements
    assert ag.name.startswith(name)  # the parser may hang "between ..." on the signing
    assert {p.key for p in ag.parties} == parties
    assert ag.signed_in is not None and ag.signed_in.kind == "agreement-signing"
    got = (ag.valid_from.value, ag.valid_until.value) if ag.valid_from else None
    assert got == valid


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        (
            "President Sadyr Japarov met Minister Murat Nurtleu. They discussed trade, "
            "economic and "
            "investment ties, energy and water resources.",
            {"trade", "economy", "investment", "energy", "water"},
        ),
        (
            "President Sadyr Japarov met Minister Murat Nurtleu. They discussed political, "
            "trade-economic, and "
            "cultural-humanitarian spheres.",
            {"politics", "trade", "economy", "culture", "humanitarian"},
        ),
        (
            "President Sadyr Japarov met Minister Murat Nurtleu, the press service said. They "
            "discussed the "
            "development of the regional situation.",
            set(),
        ),
    ],
)
def test_topics(nlp, body, topics):
    facts = facts_of(nlp, body)
    found = {c.iri.split("/")[-1] for cs in facts.topics.values() for c in cs}
    assert found == topics
