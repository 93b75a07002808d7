"""Monetary figures: the amount (RULES' find_money), whether it is an actual value, a target,
a forecast or a pledge, what it measures, the period as written and the countries concerned."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from spacy.tokens import Doc, Span

from communique.mapping.concepts import Concept, concepts, measure
from communique.mapping.dates import find_dates
from communique.mapping.entities import ArticleEntities, Entity
from communique.mapping.events import main_countries
from communique.mapping.mentions import COUNTRY
from communique.mapping.money import find_money
from communique.mapping.nlp import doc_text, sentences, text_of

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
    r"\b(?:bilateral|mutual|two-way|(?:both|the two) (?:sides|countries|nations|states))\b", re.I
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


def _status(before: str, after: str) -> str:
    best, pos = ACTUAL, -1
    for status, pattern in STATUS_CUES:
        for m in pattern.finditer(before):
            if m.start() > pos:
                best, pos = status, m.start()
    if pos < 0 and re.search(r"\b(?:package|pledge|assistance)\b", after[:40]):
        return PLEDGE
    return best


def _stem(form: str) -> str:
    """ "investment" -> "invest": a measure's form also matches its verb and plural."""
    stem = re.sub(r"(?:ments?|s|ing)$", "", form)
    return stem if len(stem) >= 4 else form


def _measure(before: str, after: str) -> Concept:
    """The measure whose surface form is nearest the amount (before it, else just after)."""
    best, dist = None, None
    for key, c in concepts("measure").items():
        if key == "other":
            continue
        for form in c.forms:
            pattern = rf"\b{re.escape(_stem(form.lower()))}\w*\b"
            for m in re.finditer(pattern, before):
                d = len(before) - m.end()
                if dist is None or d < dist:
                    best, dist = c, d
            m = re.search(pattern, after[:30])
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
    for sent in sentences(doc) if amounts else ():
        text = text_of(sent)
        base = sent.start_char
        for amount in [
            replace(a, start=a.start - base, end=a.end - base)
            for a in amounts
            if base <= a.start < sent.end_char
        ]:
            key = (amount.value, amount.currency)
            if key in seen or amount.value <= 0:
                continue
            seen.add(key)
            before = text[max(0, amount.start - 120) : amount.start].lower()
            after = text[amount.end :].lower()
            fig = Figure(
                amount.value,
                amount.currency,
                _status(before, after),
                _measure(before, after),
                sent,
                amount.text,
            )
            fig.period = _period(text, amount.start, amount.end, ref)
            fig.concerns = list(dict.fromkeys(countries[t.i] for t in sent if t.i in countries))[:4]
            if not fig.concerns and BILATERAL.search(text):
                fig.concerns = [c for c in map(ents.country, main_countries(ents)) if c is not None]
            found.append(fig)
    return found


def _period(text: str, start: int, end: int, ref: dt.date) -> str | None:
    """The period nearest the amount, as written ("the 11 months of 2023", "the near future")."""
    # a period is a year, a month or a stretch of time; a single day dates an event instead
    spans = [(s, e) for s, e, v in find_dates(text, ref) if v.precision != "day"]
    spans += [m.span() for m in VAGUE_PERIODS.finditer(text)]
    spans = [(s, e) for s, e in spans if e <= start - 0 or s >= end]
    if not spans:
        return None
    s, e = min(spans, key=lambda se: min(abs(se[0] - end), abs(start - se[1])))
    if min(abs(s - end), abs(start - e)) > 60:
        return None
    return text[s:e]
