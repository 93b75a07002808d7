"""A whole article's worth of text on one line, parsed as one long sentence: the mapper's work
grows with its length, not with its square (assigning dates once walked the chain of
clauses again and again), on 100 kB the mapper's stages take no more CPU than spaCy's own
parse of the same text (a bound that holds on a busy machine as on an idle one), and the
graph still conforms to the shapes."""

from __future__ import annotations

import cProfile
import random
import time

import pytest

from communique.mapping.article import Article
from communique.mapping.reading.reader import parse_seed

pytestmark = pytest.mark.slow

# the stages' CPU time at most this many times spaCy's parse of the line (about 0.6 measured)
LIMIT_RATIO = 1.0
SIZE = 100_000

_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vor", "zu", "bel", "dan", "ser", "tu", "no", "val"]
_COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Azerbaijan", "Georgia"]
_COUNTRIES += ["Armenia", "Mongolia", "Japan", "India", "Brazil", "Egypt", "Kenya", "Peru"]
_CITIES = ["Astana", "Tashkent", "Bishkek", "Dushanbe", "Baku", "Tbilisi", "Tokyo", "Cairo"]
_DEMONYMS = ["Kazakh", "Uzbek", "Kyrgyz", "Tajik", "Japanese", "Indian", "Brazilian", "Kenyan"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July"]
_TOPICS = ["energy", "trade", "education", "health", "agriculture", "transport", "tourism"]
# clauses of the kinds the mapper reads: visits, talks, calls, signings, plans, quotations,
# amounts, relative clauses, dates hung near and far
_CLAUSES = [
    "President {p} of {c} held talks with Prime Minister {q} of {d} in {x} on {day}",
    "Foreign Minister {p} met her {a} counterpart {q} on {day} to discuss {topic} and transit",
    "the two leaders signed an agreement on {topic} cooperation for 2025-2027",
    "Minister {p} is scheduled to travel to {x} on {day} for a two-day visit",
    "the sides agreed to raise trade turnover to US${n} billion by 2030",
    "the ministry said {day} that President {p} will attend the summit in {x} in {m}",
    "Ambassador {p}, who arrived on {day}, was received by Deputy Foreign Minister {q}",
    "they recalled President {p}'s visit to {x} in {m} 2018 and his own visit in {m} 2020",
    "{a} President {p} held a phone call with {b} leader {q} on {m} 3",
    "the parties discussed preparations for a state visit by {p} later this year",
    "{p} told a press conference in {x} that trade reached US${n} billion in 2024",
    "President {p} paid a state visit to {c}, during which a memorandum on {topic} was signed",
    "earlier in the day, Foreign Minister {p} held talks with {q}",
    "“we have agreed with {q} to deepen our cooperation in {topic},” {p} said",
    "{c} pledged {n} million euros in assistance to {d} for the next five years",
]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def long_line(size: int, seed: int = 0) -> str:
    """At least `size` characters of clauses about made-up people joined by ", and": one
    sentence to the parser, after a dateline."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        c, d = rng.sample(_COUNTRIES, 2)
        clause = _CLAUSES[len(parts) % len(_CLAUSES)].format(
            p=_name(rng),
            q=_name(rng),
            c=c,
            d=d,
            x=rng.choice(_CITIES),
            a=rng.choice(_DEMONYMS),
            b=rng.choice(_DEMONYMS),
            day=rng.choice(_DAYS),
            m=rng.choice(_MONTHS),
            topic=rng.choice(_TOPICS),
            n=rng.randint(2, 90),
        )
        parts.append(clause)
        total += len(clause) + 6
    return "ASTANA, March 12 (Kazinform) - " + ", and ".join(parts) + "."


def _article(size: int, seed: int = 0) -> Article:
    return parse_seed(f" date 2025-03-12 {long_line(size, seed)}", f"test:line-{size}")


@pytest.fixture(scope="module")
def warm(nlp):
    """The gazetteers, city tables and schemes loaded, as a running mapper has them."""
    from communique.mapping.pipeline import map_article

    map_article(_article(2_000, seed=99), nlp=nlp)
    return nlp


def test_the_line_is_one_long_sentence(warm):
    article = _article(20_000)
    assert "\n" not in article.content and len(article.content) >= 20_000
    doc = warm(article.content)
    assert max(len(s) for s in doc.sents) > 0.9 * len(doc)


def test_a_100_kb_line_maps_within_the_bound_and_conforms(warm):
    from communique.mapping.graph.fact_nodes import EVIDENCE_CHARS
    from communique.mapping.pipeline import map_parsed
    from communique.ontology.namespace import DIP
    from communique.shapes.validate import validate_graph

    article = _article(SIZE)
    assert len(article.content) >= SIZE and "\n" not in article.content
    # CPU seconds of this process: on a machine shared with other jobs the clock on the
    # wall says more about them than about the mapper
    cpu = time.process_time()
    doc = warm(article.content)
    parse, cpu = time.process_time() - cpu, time.process_time()
    mapped = map_parsed(article, doc, warm)
    stages = time.process_time() - cpu
    assert stages <= LIMIT_RATIO * parse, (
        f"{SIZE // 1000} kB: the stages took {stages:.1f} s of CPU, spaCy's parse {parse:.1f} s"
    )
    assert len(mapped.graph) > 10_000  # it was read, not given up on
    # each fact's evidence is the text around it, not all of the line again: the graph grows
    # with the line, not with its square
    evidence = [str(o) for o in mapped.graph.objects(None, DIP.evidence)]
    assert evidence and max(map(len, evidence)) <= EVIDENCE_CHARS
    result = validate_graph(mapped.graph)
    assert result.conforms, result.report_text[:3000]


def _work(nlp, article: Article, monkeypatch, only_dates: bool) -> int:
    """Function calls the mapper's stages make for one parsed article: all of them, or
    those of the date assignment (calls are counted, not timed: the machine may be busy)."""
    from communique.mapping.events import finder as events
    from communique.mapping.pipeline import map_parsed

    doc = nlp(article.content)
    profiler = cProfile.Profile()
    if only_dates:
        assign = events.dates_for

        def counted(*args, **kwargs):
            profiler.enable()
            try:
                return assign(*args, **kwargs)
            finally:
                profiler.disable()

        monkeypatch.setattr(events, "dates_for", counted)
        map_parsed(article, doc, nlp)
        monkeypatch.undo()
    else:
        profiler.enable()
        map_parsed(article, doc, nlp)
        profiler.disable()
    return sum(entry.callcount for entry in profiler.getstats())


@pytest.mark.parametrize("only_dates", [True, False], ids=["date assignment", "all stages"])
def test_twice_the_line_is_about_twice_the_work(warm, monkeypatch, only_dates):
    short, long = _article(10_000, seed=1), _article(20_000, seed=1)
    once = _work(warm, short, monkeypatch, only_dates)
    twice = _work(warm, long, monkeypatch, only_dates)
    assert once > 0
    # linear work doubles; the walks along the chain of clauses made it four times or more
    assert twice < 2.5 * once, f"{once} calls for 10 kB, {twice} for 20 kB"
