"""Monetary figures: value, currency, status (actual, target, forecast, pledge) and measure;
a figure repeated is one; shillings, rand only in a South African context, forints."""

from __future__ import annotations

from decimal import Decimal

import pytest
from mapping_support import AUG_20, JAN_30, facts_of

pytestmark = pytest.mark.slow


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
    (fig,) = facts_of(nlp, body, JAN_30).figures
    assert (fig.value, fig.currency, fig.status, fig.measure.label) == (
        Decimal(value),
        currency,
        status,
        measure,
    )


def test_a_figure_repeated_is_one_figure(nlp):
    body = 'Trade will amount to $12 billion. "We think it will be 12 billion [dollars]," he said.'
    assert len(facts_of(nlp, body, JAN_30).figures) == 1


def test_kenyan_shillings(nlp):
    facts = facts_of(
        nlp, "Trade between Kenya and Ethiopia stood at Sh15.6 billion in 2023.", JAN_30
    )
    assert [(f.value, f.currency) for f in facts.figures] == [(Decimal("15600000000"), "KES")]


@pytest.mark.parametrize(
    ("body", "currency", "count"),
    [
        ("South Africa will spend R837 billion on infrastructure, Kenya said.", "ZAR", 1),
        ("The road R2 billion project in Kenya was delayed.", "ZAR", 0),
        ("Hungary pledged 30 billion forints in aid to Kenya.", "HUF", 1),
    ],
)
def test_rand_only_in_south_african_context_and_forints(nlp, body, currency, count):
    figures = facts_of(nlp, body, AUG_20).figures
    assert sum(f.currency == currency for f in figures) == count


@pytest.mark.parametrize(
    ("second", "concerns"),
    [
        # the pair the article is about, not the country its source is named by
        (
            "Trade between the two countries totaled $13.6 billion last year, according to "
            "Mexico's Economy Ministry.",
            ["BRA", "MEX"],
        ),
        ("Bilateral trade reached $2.6 billion last year.", ["BRA", "MEX"]),
        (
            "Trade between the two neighbours stood at $2.6 billion last year, according to "
            "Mexico's statistics office.",
            ["BRA", "MEX"],
        ),
        # a figure of one country's own
        ("Mexico's exports rose to $600 billion last year.", ["MEX"]),
        # trade told of no country, where the article names two
        ('"We have agreed to raise trade to $500 million," Salas said.', ["BRA", "MEX"]),
    ],
)
def test_a_figure_between_the_two_countries_concerns_both(nlp, second, concerns):
    body = f"President Lucas Morel of Brazil met President Ana Salas of Mexico on Monday. {second}"
    [figure] = facts_of(nlp, body, AUG_20).figures
    assert sorted(c.key for c in figure.concerns) == concerns


def test_trade_of_no_country_in_an_article_of_many_is_no_pairs(nlp):
    body = (
        "Ministers of Brazil, Mexico and Chile met in Lima on Monday. Trade rose to $80 "
        "billion last year."
    )
    [figure] = facts_of(nlp, body, AUG_20).figures
    assert figure.concerns == []
