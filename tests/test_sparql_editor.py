"""The query page's editor without a browser: the vocabulary it completes, the example
links, the vendored bundle and its build recipe (tests/test_browser.py drives it for real)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from test_sparql_results_page import BROWSER, Page
from test_sparql_support import BASE, loaded_app

from communique.ontology import DIP_IRI
from communique.server.sparql.examples import EXAMPLES, vocabulary

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "server" / "static" / "vendor"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with loaded_app(tmp_path_factory.mktemp("editor") / "data") as app:
        yield app.test_client()


def test_vocabulary_has_the_store_prefixes_and_the_ontology_terms(client):
    response = client.get("/sparql/vocabulary.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["prefixes"]["dip"] == DIP_IRI
    assert data["prefixes"]["person"] == BASE + "id/person/"
    dip = {term["name"]: term for term in data["terms"]["dip"]}
    assert dip["Meeting"]["kind"] == "class"
    assert dip["participant"]["kind"] == "property"
    assert dip["participant"]["label"] and dip["participant"]["comment"]
    assert "president" in {term["name"] for term in data["terms"]["role"]}


def test_vocabulary_names_are_valid_local_names():
    data = vocabulary({"dip": DIP_IRI})
    assert list(data["terms"]) == ["dip"]
    assert all(term["name"].replace("-", "_").isidentifier() for term in data["terms"]["dip"])


def test_page_loads_the_editor_and_links_the_examples(client):
    response = client.get("/sparql", headers={"Accept": BROWSER})
    html = response.data.decode()
    assert '<script src="/static/vendor/sparql-editor.js" defer></script>' in html
    assert 'data-vocabulary="/sparql/vocabulary.json"' in html
    page = Page(html)
    examples = [a for a in page.links if "format=html" in (a.get("href") or "")]
    assert len(examples) == len(EXAMPLES) == 4
    queries = [parse_qs(urlsplit(a["href"]).query)["query"][0] for a in examples]
    assert queries == [example.query for example in EXAMPLES]
    # the plain form still posts the query (no script needed) and shows a table
    assert '<textarea id="sparql-query" name="query"' in html


def test_an_example_runs_as_a_shared_link(client):
    # events of a country (the test data holds one event of 700 participants, which makes
    # "who met whom" a half-million pairs: that one runs in tests/test_browser.py)
    href = EXAMPLES[0].href("/sparql")
    url = urlsplit(href)
    response = client.get(url.path, query_string=url.query, headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == "text/html"


def test_the_bundle_is_vendored_with_its_build_recipe():
    bundle = VENDOR / "sparql-editor.js"
    assert bundle.stat().st_size > 100_000
    assert "MIT" in (VENDOR / "sparql-editor.LICENSES.txt").read_text(encoding="utf-8")
    package = json.loads((ROOT / "web" / "package.json").read_text(encoding="utf-8"))
    assert "../server/static/vendor/sparql-editor.js" in package["scripts"]["build"]
    assert (ROOT / "web" / "package-lock.json").exists()
    assert "npm ci" in (ROOT / "web" / "build.sh").read_text(encoding="utf-8")
