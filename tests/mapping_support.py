"""Helpers shared by the mapper's extraction tests (no tests here): an article from a body and
a day, its facts, and short views of its events, entities and quotations.

Each test names the article's day (JAN_30, AUG_20, AUG_21 or its own): weekdays and months
without a year are read against it."""

from __future__ import annotations

import datetime as dt

from communique.mapping.article import Article
from communique.mapping.reading.dateline import parse_dateline

JAN_30 = dt.date(2024, 1, 30)  # a Tuesday
AUG_20 = dt.date(2024, 8, 20)  # a Tuesday
AUG_21 = dt.date(2024, 8, 21)  # a Wednesday


def article_of(body: str, date: dt.date, *, dateline: bool = True) -> Article:
    """An article of that day, with the dateline its body opens with (or none)."""
    return Article(
        body=body, date=date, source="test", dateline=parse_dateline(body) if dateline else None
    )


def extract_facts(nlp, article: Article):
    """Every fact the mapper extracts from the article."""
    from communique.mapping.pipeline import extract

    return extract(article, nlp(article.content), nlp)


def facts_of(nlp, body: str, date: dt.date, *, dateline: bool = True):
    """Every fact the mapper extracts from an article of that day with this body."""
    return extract_facts(nlp, article_of(body, date, dateline=dateline))


def events_of(nlp, body: str, date: dt.date, kind: str | None = None) -> list:
    """The events (of one kind, if given), as the mapper orders them."""
    events = facts_of(nlp, body, date).events
    return events if kind is None else [e for e in events if e.kind == kind]


def event_rows(nlp, body: str, date: dt.date) -> list[tuple[str, str | None, list[str]]]:
    """The events as sorted (kind, date, sorted names of all participants)."""
    rows = [
        (e.kind, e.date.value if e.date else None, sorted(p.name for p in e.participants))
        for e in facts_of(nlp, body, date).events
    ]
    # (an undated event sorts before a dated one of its kind)
    return sorted(rows, key=lambda r: (r[0], r[1] or "", r[2]))


def summary(ev) -> tuple[str, str | None, list[str]]:
    """An event as (kind, date, sorted names of the persons taking part)."""
    return (
        ev.kind,
        ev.date.value if ev.date else None,
        sorted(p.name for p in ev.participants if p.kind == "person"),
    )


def kinds(facts) -> list[str]:
    """The kinds of the events, sorted."""
    return sorted(e.kind for e in facts.events)


def dates_by_kind(facts) -> dict[str, set]:
    """The start dates of the events of each kind (None for an undated one)."""
    out: dict[str, set] = {}
    for ev in facts.events:
        out.setdefault(ev.kind, set()).add(ev.date.value if ev.date else None)
    return out


def by_kind(facts, kind: str) -> dict:
    """The entities of one kind by name."""
    return {e.name: e for e in facts.entities if e.kind == kind}


def entities_of(nlp, body: str, kind: str, date: dt.date) -> dict[str, str | None]:
    """The entities of one kind as name -> ISO 3166 alpha-3 code of their country."""
    return {e.name: e.iso3 for e in facts_of(nlp, body, date).entities if e.kind == kind}


def quotes_of(nlp, body: str, date: dt.date) -> list[tuple[str, str | None]]:
    """The quotations as (words, speaker's name or None), in order."""
    return [
        (q.text, q.speaker.name if q.speaker else None) for q in facts_of(nlp, body, date).quotes
    ]


def topic_keys(facts) -> set[str]:
    """The topic concepts of all facts, by the last segment of their IRI."""
    return {c.iri.split("/")[-1] for cs in facts.topics.values() for c in cs}
