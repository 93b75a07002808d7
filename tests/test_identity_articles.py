"""Stable identity (issue 12): an article is named by its url or its id, never by its text,
so an edited article keeps its IRI and the IRIs of the facts it tells, and re-ingesting it
replaces the stored one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF

from communique.mapping import iris
from communique.mapping.article import Article
from communique.mapping.reading.reader import parse_record, read_path, read_paths
from communique.ontology.namespace import DIP, SDO

BASE = "http://localhost:5000/"
DAY = dt.date(2024, 1, 30)
BODY = (
    "ASTANA – Trade between the two neighbours grew last year. "
    "Kazakh Foreign Minister Arlen Dostavik met Kyrgyz Foreign Minister Temir "
    "Ozbayev in Astana on Monday. The ministers discussed trade and transport. "
    '"We will open three new border crossings this year," Dostavik said. '
    "The two countries signed a memorandum on road transport."
)
# one sentence before the facts changed, one after
EDITED = BODY.replace("grew last year", "has more than doubled since 2019").replace(
    "discussed trade and transport", "also reviewed water sharing"
)
SPACED = BODY.replace(" met ", "  met ").replace("Monday. ", "Monday.\n\n")


def article(body: str = BODY, **names: str) -> Article:
    return Article(body=body, date=DAY, source="test", **names)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://news.example.kz/a/1", "http://NEWS.example.kz:443/a/1/"),
        ("https://news.example.kz/a/1#top", "https://news.example.kz/a/1?utm_source=x"),
        ("https://news.example.kz/a?b=2&a=1", "https://news.example.kz/a?a=1&b=2"),
    ],
)
def test_one_article_under_spellings_of_its_url(a, b):
    assert iris.normalize_url(a) == iris.normalize_url(b)
    assert iris.article_key(article(url=a)) == iris.article_key(article(EDITED, url=b))


def test_different_urls_and_ids_are_different_articles():
    keys = {
        iris.article_key(article(url="https://news.example.kz/a/1")),
        iris.article_key(article(url="https://news.example.kz/a/2")),
        iris.article_key(article(identifier="2024/visit")),
        iris.article_key(article(identifier="2024/visit-2")),
    }
    assert len(keys) == 4


def test_the_key_comes_from_the_name_not_the_text():
    named = article(identifier="2024/ozbayev visit")
    assert iris.article_key(named) == "2024-01-30-2024-ozbayev-visit"
    assert iris.article_key(dataclasses.replace(named, body=EDITED)) == iris.article_key(named)
    # the url names it before the id
    assert iris.article_key(article(url="https://x.example/1", identifier="a")) == (
        iris.article_key(article(url="https://x.example/1", identifier="b"))
    )
    # an article made in code with no name is still keyed by its text
    assert iris.article_key(article()) != iris.article_key(article(EDITED))


def test_the_text_hash_ignores_white_space_only():
    assert iris.text_hash(article()) == iris.text_hash(article(SPACED))
    assert iris.text_hash(article()) != iris.text_hash(article(EDITED))


def test_files_are_named_by_their_path_below_the_folder_given(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "visit.txt").write_text(f"date 2024-01-30 {BODY}")
    (tmp_path / "talks.json").write_text(json.dumps({"text": BODY, "date": "2024-01-30"}))
    (tmp_path / "named.json").write_text(
        json.dumps({"text": BODY, "date": "2024-01-30", "id": "ozbayev-1"})
    )
    lines = [{"text": BODY, "date": "2024-01-30"}, {"text": BODY, "date": "2024-01-30", "id": 7}]
    (tmp_path / "feed.jsonl").write_text("\n".join(map(json.dumps, lines)))
    names = sorted(a.identifier for a in read_paths([tmp_path]))
    assert names == ["2024/visit", "7", "feed-1", "ozbayev-1", "talks"]
    assert [a.identifier for a in read_paths([tmp_path / "2024" / "visit.txt"])] == ["visit"]
    assert read_path(tmp_path / "talks.json", name="given")[0].identifier == "given"
    assert parse_record({"text": BODY, "date": "2024-01-30"}, "t").identifier is None


# -- on the real pipeline ---------------------------------------------------------------


def _iris(nlp, a: Article) -> dict[str, set[str]]:
    from communique.mapping.pipeline import map_article

    mapped = map_article(a, base=BASE, nlp=nlp)
    kinds = {"event": DIP.Meeting, "quotation": DIP.Quotation, "agreement": DIP.Agreement}
    out = {k: {str(s) for s in mapped.graph.subjects(RDF.type, c)} for k, c in kinds.items()}
    out["article"] = {str(mapped.iri)}
    return out


@pytest.mark.slow
@pytest.mark.parametrize("edit", [SPACED, EDITED], ids=["white space", "one sentence"])
def test_an_edit_keeps_the_article_and_fact_iris(nlp, edit):
    before = _iris(nlp, article(identifier="ozbayev-visit"))
    after = _iris(nlp, article(edit, identifier="ozbayev-visit"))
    assert before == after
    assert all(len(v) == 1 for v in before.values()), before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"identifier": "ozbayev-visit"}, {"identifier": "ozbayev-visit"}),
        ({"url": "https://news.example.kz/a/1"}, {"url": "http://news.example.kz/a/1/"}),
    ],
    ids=["id", "url"],
)
def test_reingesting_an_edited_article_replaces_it(nlp, first, second):
    from communique.server.ingest.ingest import ingest_article
    from communique.server.store.articles import Store

    with Store.open(None, BASE) as store:
        stored = ingest_article(store, article(**first), base=BASE, nlp=nlp)
        assert stored.stored, stored.error
        counts = store.stats()["articles"], store.count()
        again = ingest_article(store, article(SPACED, **second), base=BASE, nlp=nlp)
        assert again.iri == stored.iri
        assert (store.stats()["articles"], store.count()) == counts
        graph = store.graph(store.graph_of(stored.iri))
        assert list(graph.objects(None, DCTERMS.modified)) == []  # the same text
        edited = ingest_article(store, article(EDITED, **second), base=BASE, nlp=nlp)
        assert edited.iri == stored.iri and store.stats()["articles"] == 1
        graph = store.graph(store.graph_of(stored.iri))
        assert [str(t) for t in graph.objects(None, SDO.sha256)] == [
            iris.text_hash(article(EDITED))
        ]
        (modified,) = graph.objects(None, DCTERMS.modified)
        assert isinstance(modified, Literal) and modified.datatype is not None
        # the old revision is gone: only the edited text is evidence
        evidence = " ".join(str(o) for o in graph.objects(None, DIP.evidence))
        assert "water sharing" in evidence or "Dostavik" in evidence
        assert not any("trade and transport" in str(o) for o in graph.objects(None, DIP.evidence))


@pytest.mark.slow
def test_storing_an_article_drops_the_graph_of_its_former_key(nlp):
    """A store written when articles were keyed by their text: the article stored again
    under its id replaces that graph instead of sitting beside it."""
    from communique.mapping.pipeline import map_article
    from communique.server.ingest.storing import store_mapped
    from communique.server.store.articles import Store

    named = article(identifier="ozbayev-visit")
    (former,) = iris.former_article_keys(named)
    old = map_article(article(), base=BASE, nlp=nlp)  # no name: keyed by its body
    assert str(old.iri) == iris.resource_iri(BASE, "article", former)
    with Store.open(None, BASE) as store:
        store.put_article(old)
        outcome = store_mapped(store, map_article(named, base=BASE, nlp=nlp))
        assert outcome.stored
        assert list(store.article_graphs()) == [iris.graph_iri(BASE, iris.article_key(named))]


def _events(nlp, body: str, name: str) -> list[tuple[str, str]]:
    from communique.mapping.pipeline import map_article

    graph = map_article(article(body, identifier=name), base=BASE, nlp=nlp).graph
    return sorted(
        (str(e), str(d))
        for e in graph.subjects(RDF.type, DIP.Meeting)
        for d in graph.objects(e, DIP.date)
    )


@pytest.mark.slow
def test_two_articles_on_a_meeting_of_a_known_day_share_its_iri(nlp):
    met = (
        "Kazakh Foreign Minister Arlen Dostavik met Kyrgyz Foreign Minister Temir Ozbayev "
        "in Astana on January 29, 2024"
    )
    first = f"{met}. They discussed trade."
    second = f"{met}, officials said. Water was on the agenda too."
    assert _events(nlp, first, "a") == _events(nlp, second, "b")
    assert [d for _, d in _events(nlp, first, "a")] == ["2024-01-29"]
    # known to the month only: each article's own
    month = first.replace("on January 29, 2024", "in January 2024")
    (one,), (other,) = _events(nlp, month, "a"), _events(nlp, month, "b")
    assert one[1] == other[1] == "2024-01" and one[0] != other[0]
