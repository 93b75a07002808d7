"""The mapper never makes a graph its own shapes reject: every article of every corpus in
the repository (the examples, the held-out sets in eval/; the external dev corpus when it
is there), and generated articles (hypothesis) of made-up names, titles, countries, dates,
amounts and quotations, in the sentence shapes of news wires."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.mapping.article import Article
from communique.mapping.reading.reader import read_path
from communique.shapes.validate import format_text, validate_graph

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
BASE = "http://localhost:5000/"


def articles_in(folder: Path) -> list[Article]:
    return [a for path in sorted(folder.glob("*")) for a in read_path(path)]


def assert_all_conform(nlp, articles: list[Article]) -> None:
    from communique.mapping.pipeline import map_articles

    mapped = list(map_articles(articles, base=BASE, nlp=nlp))
    assert [m.article.source for m in mapped] == [a.source for a in articles]  # none failed
    problems = {
        m.article.source: format_text(result)
        for m in mapped
        if not (result := validate_graph(m.graph)).conforms
    }
    assert not problems, problems


@pytest.mark.parametrize(
    "folder",
    ["examples/articles", *(f"eval/heldout-{n}/articles" for n in range(1, 7))],
)
def test_every_article_in_the_repository_conforms(nlp, folder):
    articles = articles_in(REPO / folder)
    assert articles
    assert_all_conform(nlp, articles)


def test_every_dev_article_conforms(nlp, dev_corpus):
    assert_all_conform(nlp, articles_in(dev_corpus / "articles"))


# -- generated articles -------------------------------------------------------------------

FIRST = ["Arlo", "Bela", "Ceren", "Dario", "Emine", "Farid", "Greta", "Hamid", "Ilse", "Jonas"]
LAST = ["Venndal", "Morovic", "Taskaya", "Lindqvist", "Okonkwo", "Ramadi", "Sorel", "Vukic"]
COUNTRIES = ["Kazakhstan", "Uzbekistan", "Japan", "India", "Brazil", "Kenya", "Norway", "Peru"]
TITLES = ["Foreign Minister", "President", "Prime Minister", "Ambassador", "Trade Minister"]
VERBS = ["met", "held talks with", "received", "spoke by phone with", "visited", "hosted"]
REPORTING = ["said", "noted", "stressed", "told reporters", "declared"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

names = st.builds(
    lambda first, last: f"{first} {last}", st.sampled_from(FIRST), st.sampled_from(LAST)
)
countries = st.sampled_from(COUNTRIES)
person = st.builds(
    lambda t, c, n: f"{t} of {c} {n}" if c else f"{t} {n}",
    st.sampled_from(TITLES),
    st.one_of(st.none(), countries),
    names,
)
when = st.one_of(
    st.sampled_from(["on Monday", "on Friday", "yesterday", "next week", "last month", ""]),
    st.builds(lambda m, d: f"on {m} {d}", st.sampled_from(MONTHS), st.integers(1, 28)),
    st.builds(lambda m: f"in {m}", st.sampled_from(MONTHS)),
)
meeting = st.builds(
    lambda a, v, b, w, place: f"{a} {v} {b} in {place} {w}.".replace(" .", "."),
    person,
    st.sampled_from(VERBS),
    person,
    when,
    countries,
)
quote = st.builds(
    lambda text, verb, who: f'"{text}," {who} {verb}.',
    st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=60).map(str.strip),
    st.sampled_from(REPORTING),
    st.one_of(person, names, st.just("he"), st.just("the minister")),
)
money = st.builds(
    lambda who, n, unit, what: f"{who} said trade reached ${n} {unit} {what}.",
    countries,
    st.integers(1, 999),
    st.sampled_from(["million", "billion", ""]),
    st.sampled_from(["last year", "in 2023", "this year", ""]),
)
signing = st.builds(
    lambda a, b, topic: f"{a} and {b} signed a memorandum of understanding on {topic}.",
    countries,
    countries,
    st.sampled_from(["trade", "energy", "education", "culture and tourism", "transport"]),
)
noise = st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=80)
sentence = st.one_of(meeting, meeting, quote, money, signing, noise)
paragraphs = st.lists(st.lists(sentence, min_size=1, max_size=3), min_size=1, max_size=4)
dateline = st.one_of(st.just(""), st.builds(lambda c: f"{c.upper()} – ", countries))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    paragraphs=paragraphs,
    day=st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
    opening=dateline,
)
def test_generated_articles_conform(nlp, paragraphs, day, opening):
    body = opening + "\n\n".join(" ".join(p) for p in paragraphs)
    if not body.strip():
        body = "Nothing happened."
    article = Article(body=body, date=day, source="generated")
    assert_all_conform(nlp, [article])
