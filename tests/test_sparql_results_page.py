"""The SPARQL endpoint's HTML results page: what a browser gets for a shared query URL."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from test_sparql_support import BASE, NAMES_QUERY, PREFIXES, iri, loaded_app

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def client(module_store):
    with loaded_app(None, **module_store) as app:
        yield app.test_client()


class Page(HTMLParser):
    """The parts of the page the tests look at: table cells, links, the textarea."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.headings: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.textarea = ""
        self.selected: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("td", "th", "textarea"):
            self._in = tag
            if tag == "td":
                self.cells.append("")
            elif tag == "th":
                self.headings.append("")
        elif tag == "a":
            self.links.append(attrs)
        elif tag == "option" and "selected" in attrs:
            self.selected.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "td":
            self.cells[-1] += data
        elif self._in == "th":
            self.headings[-1] += data
        elif self._in == "textarea":
            self.textarea += data


def browse(client, query: str, **params):
    return client.get(
        "/sparql", query_string={"query": query, **params}, headers={"Accept": BROWSER}
    )


def test_shared_query_url_in_a_browser_is_an_html_table(client):
    response = browse(client, NAMES_QUERY)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "Accept" in response.headers["Vary"]
    page = Page(response.data.decode())
    assert page.textarea == NAMES_QUERY  # the query, editable, in the form
    assert page.headings == ["?name"]
    assert {"Nurlan Temirov", "Farid Nazimli", "Kanat Osmonkulov"} <= set(page.cells)
    assert page.selected == ["html"]  # the form's default: the table, not a download


def test_iris_are_links_and_our_own_go_to_their_pages(client):
    query = PREFIXES + 'SELECT ?p WHERE { ?p schema:name "Nurlan Temirov" }'
    page = Page(browse(client, query).data.decode())
    assert page.cells == ["Nurlan Temirov"]  # our IRIs read as their names
    link = next(a for a in page.links if a.get("href") == "/id/person/nurlan-temirov")
    assert link["title"] == "person:nurlan-temirov (" + BASE + "id/person/nurlan-temirov)"


def test_facts_read_as_what_they_say(client):
    """An event has no name of its own: its cell names its kind, participants and day."""
    query = PREFIXES + (
        "SELECT ?event WHERE { ?event a ?kind . "
        "FILTER(?kind IN (dip:Meeting, dip:Visit, dip:Talks)) } ORDER BY ?event"
    )
    page = Page(browse(client, query).data.decode())
    assert page.cells == [
        "Meeting: Kanat Osmonkulov, Nurlan Temirov (2024-01-30)",
        "Visit: Farid Nazimli, Nurlan Temirov (2024-03-15)",
        "Talks: Person 0, Person 1, Person 10 … (2024-05-01)",
    ]
    events = [a for a in page.links if (a.get("href") or "").startswith("/id/event/")]
    assert len(events) == 3
    assert all(a["title"].startswith("event:") for a in events)  # the IRI stays in the tooltip


def test_vocabulary_terms_keep_their_prefixed_names(client):
    query = PREFIXES + "SELECT DISTINCT ?type WHERE { ?e a ?type } ORDER BY ?type LIMIT 200"
    page = Page(browse(client, query).data.decode())
    assert "dip:Meeting" in page.cells


def test_download_links_give_each_format(client):
    page = Page(browse(client, NAMES_QUERY).data.decode())
    downloads = [a for a in page.links if "download" in a]
    keys = [parse_qs(urlsplit(a["href"]).query)["format"][0] for a in downloads]
    assert keys == ["json", "xml", "csv", "tsv"]
    json_link = urlsplit(downloads[0]["href"])
    answer = client.get(json_link.path, query_string=json_link.query, headers={"Accept": BROWSER})
    assert answer.mimetype == "application/sparql-results+json"
    assert len(json.loads(answer.data)["results"]["bindings"]) > 3


def test_describe_in_a_browser_is_a_table_of_triples(client):
    person = iri("id/person/farid-nazimli")
    page = Page(browse(client, f"DESCRIBE <{person}>").data.decode())
    assert page.headings == ["subject", "predicate", "object"]
    assert ["Farid Nazimli", "schema:name", "Farid Nazimli"] in [
        page.cells[i : i + 3] for i in range(0, len(page.cells), 3)
    ]
    downloads = [a for a in page.links if "download" in a]
    assert [a["download"] for a in downloads][0] == "results.ttl"


def test_ask_in_a_browser(client):
    response = browse(client, PREFIXES + 'ASK { ?p schema:name "Nurlan Temirov" }')
    assert "ASK: true" in response.data.decode()


def test_a_syntax_error_is_shown_beside_the_query(client):
    response = browse(client, "SELECT * WHERE { ?s ?p ?o")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    page = response.data.decode()
    assert "syntax error at line 1, column 26" in page
    assert Page(page).textarea == "SELECT * WHERE { ?s ?p ?o"


def test_format_html_asks_for_the_page(client):
    response = client.get("/sparql", query_string={"query": NAMES_QUERY, "format": "html"})
    assert response.mimetype == "text/html"


@pytest.mark.parametrize(
    ("accept", "fmt", "media"),
    [
        ("*/*", None, "application/sparql-results+json"),
        (None, None, "application/sparql-results+json"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("application/json", None, "application/sparql-results+json"),
        ("text/csv", None, "text/csv"),
        ("application/sparql-results+json, text/html", None, "application/sparql-results+json"),
        (BROWSER, "csv", "text/csv"),  # a format chosen in the form is that format
        (BROWSER, "json", "application/sparql-results+json"),
    ],
)
def test_machines_keep_their_formats(client, accept, fmt, media):
    params = {"query": NAMES_QUERY, **({"format": fmt} if fmt else {})}
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string=params, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media


def test_a_page_reads_at_most_max_page_bytes(client, monkeypatch):
    from communique.server.sparql import routes as sparql

    monkeypatch.setattr(sparql, "MAX_PAGE_BYTES", 2000)
    query = PREFIXES + "SELECT ?name WHERE { ?p schema:name ?name }"  # the bulk's 700 names
    page = browse(client, query)
    assert page.status_code == 400
    assert "the results exceed" in page.data.decode()
    machine = client.get("/sparql", query_string={"query": query})  # programs are not bound
    assert machine.status_code == 200
