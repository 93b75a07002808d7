"""Money amounts: value in units, ISO 4217 currency, span and qualifier."""

from __future__ import annotations

from decimal import Decimal

import pytest

from communique.mapping.values.money import MoneyAmount, find_money


@pytest.mark.parametrize(
    ("text", "value", "currency", "written", "qualifier"),
    [
        # dev corpus forms
        ("hit a record high of over US$26 billion.", "26e9", "USD", "US$26 billion", "over"),
        ("mutual trade to US$30 billion in the near future", "30e9", "USD", "US$30 billion", None),
        ("trade amounted to $1.3 billion in 2023", "1.3e9", "USD", "$1.3 billion", None),
        ("will amount to $12 billion, Uzbek", "12e9", "USD", "$12 billion", None),
        ("it will be 12 billion [dollars]. On", "12e9", "USD", "12 billion [dollars]", None),
        ("an additional 10 million euros for", "10e6", "EUR", "10 million euros", None),
        ("a £12.3 billion trade package", "12.3e9", "GBP", "£12.3 billion", None),
        # symbols and codes before the number
        ("US$ 30 bn", "30e9", "USD", "US$ 30 bn", None),
        ("€10 million", "10e6", "EUR", "€10 million", None),
        ("¥5 trillion", "5e12", "JPY", "¥5 trillion", None),
        ("USD 500 million", "500e6", "USD", "USD 500 million", None),
        ("EUR 2.5bn", "2.5e9", "EUR", "EUR 2.5bn", None),
        ("EUR2.5bn", "2.5e9", "EUR", "EUR2.5bn", None),
        ("$300m", "300e6", "USD", "$300m", None),
        ("a $5B deal", "5e9", "USD", "$5B", None),
        ("RUB 10 billion", "10e9", "RUB", "RUB 10 billion", None),
        ("₽10 billion", "10e9", "RUB", "₽10 billion", None),
        ("₹500 crore", "5e9", "INR", "₹500 crore", None),
        ("₩1 trillion", "1e12", "KRW", "₩1 trillion", None),
        ("HK$2 billion", "2e9", "HKD", "HK$2 billion", None),
        ("A$3 million", "3e6", "AUD", "A$3 million", None),
        ("trade of $2,500,000", "2500000", "USD", "$2,500,000", None),
        # names and symbols after the number
        ("10 million €", "10e6", "EUR", "10 million €", None),
        ("12 billion dollars", "12e9", "USD", "12 billion dollars", None),
        ("12 billion US dollars", "12e9", "USD", "12 billion US dollars", None),
        ("1.5 mln dollars", "1.5e6", "USD", "1.5 mln dollars", None),
        ("500 million USD", "500e6", "USD", "500 million USD", None),
        ("10 billion rubles", "10e9", "RUB", "10 billion rubles", None),
        ("10 billion roubles", "10e9", "RUB", "10 billion roubles", None),
        ("500 billion yuan", "500e9", "CNY", "500 billion yuan", None),
        ("3 trillion tenge", "3e12", "KZT", "3 trillion tenge", None),
        ("2 billion soms", "2e9", "KGS", "2 billion soms", None),
        ("1 billion manat", "1e9", "AZN", "1 billion manat", None),
        ("200 million Turkmen manat", "200e6", "TMT", "200 million Turkmen manat", None),
        ("5 trillion won", "5e12", "KRW", "5 trillion won", None),
        ("40 billion naira", "40e9", "NGN", "40 billion naira", None),
        ("5 billion Pakistani rupees", "5e9", "PKR", "5 billion Pakistani rupees", None),
        ("1 million Kuwaiti dinars", "1e6", "KWD", "1 million Kuwaiti dinars", None),
        ("10 million Swiss francs", "10e6", "CHF", "10 million Swiss francs", None),
        ("5 billion CFA francs", "5e9", "XOF", "5 billion CFA francs", None),
        # qualifiers and ranges
        ("more than $2 billion", "2e9", "USD", "$2 billion", "more than"),
        ("greater than $1 billion", "1e9", "USD", "$1 billion", "greater than"),
        ("nearly €1bn", "1e9", "EUR", "€1bn", "nearly"),
        ("about 3 billion dollars", "3e9", "USD", "3 billion dollars", "about"),
        ("Up to $6 billion", "6e9", "USD", "$6 billion", "up to"),
        ("up to $5-6 billion", "6e9", "USD", "$5-6 billion", "up to"),
        ("$5-6 billion", "5e9", "USD", "$5-6 billion", "at least"),
        # local symbols written against the number, and codes with a space
        ("trade of RM105.6 billion last year", "105.6e9", "MYR", "RM105.6 billion", None),
        ("a Rs 25 crore fund", "25e7", "INR", "Rs 25 crore", None),
        ("a contribution of S/ 85 million", "85e6", "PEN", "S/ 85 million", None),
        ("exports of Shs2.1 trillion", "2.1e12", "UGX", "Shs2.1 trillion", None),
        ("UGX 2.1 trillion in exports", "2.1e12", "UGX", "UGX 2.1 trillion", None),
        ("USD500m in loans", "500e6", "USD", "USD500m", None),
        ("2.5 billion Norwegian crowns", "2.5e9", "NOK", "2.5 billion Norwegian crowns", None),
    ],
)
def test_find_money(text, value, currency, written, qualifier) -> None:
    [amount] = find_money(text)
    assert amount.value == Decimal(value)
    assert amount.currency == currency
    assert amount.text == written
    assert text[amount.start : amount.end] == written
    assert amount.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Trade grew by 26% last year and 14.4 percent in seven months.",
        "over 3,000 organizations and 700 Uzbek companies",
        "He won 5 seats.",
        "the 2 million dinars",  # which dinar: no guess
        "in 2023 the trade",
        # a conference, not Colombian pesos; an ISO code glued to a count
        "leaders met at COP30 in Belem and at COP 29 in Baku",
        "the ALL 500 list",
        "the near future",
        "",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_values_are_exact_integers_in_units() -> None:
    [amount] = find_money("$1.3 billion")
    assert amount.value == Decimal("1300000000")
    assert str(amount.value) == "1300000000"


def test_several_amounts_in_order() -> None:
    text = "Trade reached US$1.3 billion and should grow to $2 billion, or 1.8 billion euros."
    found = find_money(text)
    assert [(str(a.value), a.currency) for a in found] == [
        ("1300000000", "USD"),
        ("2000000000", "USD"),
        ("1800000000", "EUR"),
    ]
    assert all(isinstance(a, MoneyAmount) for a in found)
    assert [a.start for a in found] == sorted(a.start for a in found)
