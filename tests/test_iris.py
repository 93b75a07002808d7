"""The IRI scheme: one module builds and parses it, and no other module spells it out."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from communique.mapping import iris
from communique.mapping.article import Article
from communique.mapping.iris import Minter

ROOT = Path(__file__).parent.parent
BASE = "http://example.org/data/"


def test_the_scheme_as_written_in_the_design():
    assert iris.resource_iri(BASE, "person", "ban-ki-moon") == BASE + "id/person/ban-ki-moon"
    assert iris.kind_prefix(BASE, "event") == BASE + "id/event/"
    assert iris.uri_space(BASE) == BASE + "id/"
    assert iris.graph_iri(BASE, "2024-01-30-abc") == BASE + "graph/article/2024-01-30-abc"
    assert iris.graph_prefix(BASE) == BASE + "graph/article/"
    assert iris.reference_graph_iri(BASE) == BASE + "graph/reference"
    assert iris.kinds()[:2] == ("article", "country") and "membership" in iris.kinds()


def test_the_minter_mints_through_the_scheme():
    article = Article(body="Talks.", date=dt.date(2024, 1, 30), source="t", url="http://x/1")
    mint = Minter("http://example.org/data")  # the closing slash is added
    key = iris.article_key(article)
    # rdflib terms equal only terms: compare their text
    assert str(mint.article(article)) == iris.resource_iri(BASE, "article", key)
    assert str(mint.article_graph(article)) == iris.graph_iri(BASE, key)
    assert str(mint.country("kaz")) == BASE + "id/country/KAZ"
    assert str(mint.place("Astana", "KAZ")) == BASE + "id/place/astana-kaz"
    assert Minter().base == iris.DEFAULT_BASE


@pytest.mark.parametrize(
    ("iri", "resource", "graph_key"),
    [
        (BASE + "id/person/ban-ki-moon", ("person", "ban-ki-moon"), None),
        (BASE + "graph/article/2024-01-30-abc", None, "2024-01-30-abc"),
        (BASE + "graph/reference", None, None),
        (BASE + "id/person/", None, None),
        (BASE + "id/person/a/b", None, None),
        (BASE + "id/", None, None),
        ("http://elsewhere.org/id/person/x", None, None),
    ],
)
def test_parsing_is_the_inverse_of_building(iri, resource, graph_key):
    assert iris.parse_resource_iri(BASE, iri) == resource
    assert iris.parse_graph_iri(BASE, iri) == graph_key
    if resource:
        assert iris.resource_iri(BASE, *resource) == iri


def test_no_other_module_spells_the_scheme_out():
    spelled = re.compile(r"""["'/}](id|graph)/(\{|article|reference|country|["'])""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("server", "mapping", "shapes", "ontology")
        for path in (ROOT / folder).glob("*.py")
        if path.name != "iris.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if spelled.search(line) and not line.lstrip().startswith(("#", '"""', "@bp.route"))
    ]
    assert offenders == []


def test_article_keys_as_written_in_the_design():
    day = dt.date(2024, 1, 30)
    by_url = Article(body="Talks.", date=day, source="t", url="http://X.example/a/?utm_source=y")
    assert iris.article_key(by_url) == f"2024-01-30-{iris.digest('https://x.example/a')}"
    by_id = Article(body="Talks.", date=day, source="t", identifier="2024/Visit_1")
    assert iris.article_key(by_id) == "2024-01-30-2024-visit-1"
    unnamed = Article(body="Talks.", date=day, source="t")
    assert iris.article_key(unnamed) == f"2024-01-30-{iris.digest('Talks.')}"
    assert iris.former_article_keys(unnamed) == set()
    assert iris.former_article_keys(by_id) == {f"2024-01-30-{iris.digest('Talks.')}"}


def test_person_iris_as_written_in_the_design():
    mint = Minter(BASE)
    assert str(mint.person("Sergey Volkhonsky")) == BASE + "id/person/sergei-volkhonsky"
    assert str(mint.person("Abe", scope="2024-01-30-x")) == BASE + "id/person/abe--2024-01-30-x"
    assert mint.former_person("Sergey Volkhonsky") == mint.resource("person", "sergey-volkhonsky")
    assert mint.former_person("Abe") is None
