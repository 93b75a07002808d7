"""Monetary figures: the amount (RULES' find_money), whether it is an actual value, a target,
a forecast or a pledge, what it measures, the period as written and the countries concerned."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from communique.mapping.concepts import Concept, concepts, measure
from communique.mapping.entities.entity import ArticleEntities, Entity
from communique.mapping.events.sentence_dates import dates_in
from communique.mapping.mentions.finder import COUNTRY
from communique.mapping.nlp.language import doc_text, sentences, text_of
from communique.mapping.values.money import find_money

ACTUAL, TARGET, FORECAST, PLEDGE = "Actual", "Target", "Forecast", "Pledge"
# cue words before an amount, nearest first wins; matched on lower-case words
STATUS_CUES = [
    (
        TARGET,
        re.compile(
            # a verb in a finished tense ("reached", "increased to") reports an actual value
            r"\b(?:aim\w*|target\w*|goal|bring(?:ing)?|reach(?:ing)?|doubl(?:e|ing)|"
            r"boost(?:ing)?|(?:increas|rais)(?:e|ing) (?:\w+ ){0,4}to|potential|plan\w*|"
            r"agreed on|intends?|intention|seek\w*|strive)\b"
        ),
    ),
    (
        FORECAST,
        re.compile(
            r"\b(?:expect\w*|forecast\w*|project\w*|estimat\w*|will amount|"
            r"will be|anticipat\w*|predict\w*)\b"
        ),
    ),
    (
        PLEDGE,
        re.compile(
            r"\b(?:announc\w*|pledg\w*|allocat\w*|commit\w*|provid\w*|grant\w*|"
            r"donat\w*|additional|package)\b"
        ),
    ),
]
VAGUE_PERIODS = re.compile(
    r"\b(?:in the (?:near|coming) future|in \d+(?:\s*[-–]\s*\d+)? years|by the end of the year|"
    r"every year|annually|(?:in|over|within|during) the (?:next|coming|past|last) (?:\w+ )?"
    r"(?:years?|months?|decades?))\b",
    re.I,
)
BILATERAL = re.compile(
    r"\b(?:bilateral|mutual|two-way|(?:both|the two) (?:sides|countries|nations|states|neighbou?rs|"
    r"partners|economies))\b",
    re.I,
)


@dataclass
class Figure:
    """One monetary amount as the article states it."""

    value: Decimal
    currency: str
    status: str
    measure: Concept
    sentence: Span
    text: str
    period: str | None = None
    concerns: list[Entity] = field(default_factory=list)
    at: int | None = None  # character offset of the amount in the doc


def _status(before: str, after: str) -> str:
    best, pos = ACTUAL, -1
    for status, pattern in STATUS_CUES:
        for m in pattern.finditer(before):
            if m.start() > pos:
                best, pos = status, m.start()
    if pos < 0 and re.search(r"\b(?:package|pledge|assistance)\b", after[:40]):
        return PLEDGE
    return best


@lru_cache(maxsize=4096)
def _stem(form: str) -> str:
    """ "investment" -> "invest": a measure's form also matches its verb and plural."""
    stem = re.sub(r"(?:ments?|s|ing)$", "", form)
    return stem if len(stem) >= 4 else form


@cache
def _measure_forms() -> tuple[tuple[Concept, re.Pattern[str], str], ...]:
    """Each measure with a pattern per surface form (its stem and any ending), and that
    stem (which any match holds as written)."""
    return tuple(
        (c, re.compile(rf"\b{re.escape(stem)}\w*\b"), stem)
        for key, c in concepts("measure").items()
        if key != "other"
        for form in c.forms
        for stem in (_stem(form.lower()),)
    )


def _measure(before: str, after: str) -> Concept:
    """The measure whose surface form is nearest the amount (before it, else just after)."""
    best, dist = None, None
    for c, pattern, stem in _measure_forms():
        if stem not in before and stem not in after[:30]:
            continue  # (no match without the stem: a substring test spares two scans)
        for m in pattern.finditer(before):
            d = len(before) - m.end()
            if dist is None or d < dist:
                best, dist = c, d
        m = pattern.search(after[:30])
        if m and (dist is None or m.start() < dist):
            best, dist = c, m.start()
    return best or measure("other")


def find_figures(doc: Doc, ents: ArticleEntities, *, ref: dt.date) -> list[Figure]:
    """Every distinct monetary amount of the article."""
    found: list[Figure] = []
    seen: set[tuple[Decimal, str]] = set()
    countries = {
        i: e for e in ents.by_kind(COUNTRY) for m in e.mentions for i in range(m.start, m.end)
    }
    full = doc_text(doc)
    amounts = find_money(full)  # once over the text: cheaper than once per sentence
    if ents.country("ZAF") is None:  # "R" is the rand only where South Africa is told of
        amounts = [a for a in amounts if not (a.currency == "ZAR" and a.text[:1] == "R")]
    at = [a.start for a in amounts]  # in text order: a sentence's are found by bisection
    for sent in sentences(doc) if amounts else ():
        text = text_of(sent)
        base = sent.start_char
        told = _Sentence(sent, text, ref, countries)
        for amount in [
            replace(a, start=a.start - base, end=a.end - base)
            for a in amounts[bisect_left(at, base) : bisect_left(at, sent.end_char)]
        ]:
            key = (amount.value, amount.currency)
            if key in seen or amount.value <= 0:
                continue
            seen.add(key)
            before = text[max(0, amount.start - 120) : amount.start].lower()
            # (what follows is read no further than 40 characters)
            after = text[amount.end : amount.end + 200].lower()
            fig = Figure(
                amount.value,
                amount.currency,
                _status(before, after),
                _measure(before, after),
                sent,
                amount.text,
            )
            fig.period = told.period(amount.start, amount.end)
            fig.at = base + amount.start
            fig.concerns = told.countries()[:4]
            if len(fig.concerns) < 2 and (told.bilateral() or _trade_of_no_one(fig, ents)):
                # "trade between the two countries ..., according to Mexico's ministry": the
                # pair the article is about, not the one the source is named by
                pair = [c for c in map(ents.country, ents.main_countries()) if c is not None]
                fig.concerns = pair or fig.concerns
            found.append(fig)
    return found


def _trade_of_no_one(fig: Figure, ents: ArticleEntities) -> bool:
    """ "We agreed to raise trade to $500 million": trade told of no country, in an article
    of two countries, is theirs."""
    return not fig.concerns and fig.measure is measure("trade") and len(ents.by_kind(COUNTRY)) == 2


class _Sentence:
    """What a sentence tells around its amounts, read once however many amounts it has."""

    def __init__(self, sent: Span, text: str, ref: dt.date, countries: dict[int, Entity]):
        self.sent, self.text, self.ref, self._countries = sent, text, ref, countries
        self._periods: list[_Spans] | None = None
        self._told: list[Entity] | None = None
        self._bilateral: bool | None = None

    def countries(self) -> list[Entity]:
        if self._told is None:
            told = (self._countries[t.i] for t in self.sent if t.i in self._countries)
            self._told = list(dict.fromkeys(told))
        return list(self._told)

    def bilateral(self) -> bool:
        if self._bilateral is None:
            self._bilateral = bool(BILATERAL.search(self.text))
        return self._bilateral

    def period(self, start: int, end: int) -> str | None:
        """The period nearest the amount, as written ("the 11 months of 2023", "the near
        future")."""
        if self._periods is None:
            # a period is a year, a month or a stretch of time; a single day dates an event
            dates = [(s, e) for s, e, v in dates_in(self.sent, self.ref) if v.precision != "day"]
            vague = [m.span() for m in VAGUE_PERIODS.finditer(self.text)]
            self._periods = [_Spans(dates), _Spans(vague)]
        near = [se for spans in self._periods for se in spans.near(start, end, 60)]
        if not near:
            return None
        s, e = min(near, key=lambda se: min(abs(se[0] - end), abs(start - se[1])))
        return self.text[s:e]


class _Spans:
    """Character spans in text order, none overlapping (so their ends are in order too)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def near(self, start: int, end: int, reach: int) -> list[tuple[int, int]]:
        """Those ending at most `reach` characters before start, or starting at most
        `reach` after end: the only ones near enough to count, in text order."""
        before = self.spans[bisect_left(self.ends, start - reach) : bisect_right(self.ends, start)]
        after = self.spans[bisect_left(self.starts, end) : bisect_right(self.starts, end + reach)]
        return before + after
