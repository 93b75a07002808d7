"""The change feed in a browser: the stream and its pages as HTML tables, the page size a
setting."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from test_sparql_support import ARTICLES

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
IMMUTABLE = "public, max-age=31536000, immutable"


class Rows(HTMLParser):
    """The text of each body row's cells, and the links of the page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell = False
        self._body = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._body = True
        elif tag == "tr" and self._body:
            self.rows.append([])
        elif tag == "td" and self._body:
            self._cell = True
            self.rows[-1].append("")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = False
        elif tag == "tbody":
            self._body = False

    def handle_data(self, data):
        if self._cell:
            self.rows[-1][-1] += data.strip()


@pytest.fixture
def store(app):
    """Pages of two members: the reference data and A | B, A again | B deleted."""
    store = app.extensions["communique.store"]
    store.feed.page_size = 2
    for mapped in [*ARTICLES[:2], ARTICLES[0]]:
        store.put_article(mapped)
    store.delete_article(str(ARTICLES[1].iri))
    return store


def test_a_browser_gets_the_stream_as_a_page(client, store):
    response = client.get("/feed", headers=BROWSER)
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    assert "Accept" in response.vary
    page = " ".join(response.get_data(as_text=True).split())
    assert "3 pages so far, of up to 2 revisions each" in page
    assert "communique follow http://localhost:5000/feed --out ./replica" in page
    links = Rows(page).links
    assert "/feed/page/1" in links and "/feed/page/3" in links and "/dumps/" in links
    # machines keep their formats: curl's */* still gets Turtle
    assert client.get("/feed", headers={"Accept": "*/*"}).mimetype == "text/turtle"


def test_a_page_is_a_table_of_revisions(client, store):
    a, b = (str(m.iri).rsplit("/", 1)[1] for m in ARTICLES[:2])
    second = client.get("/feed/page/2", headers=BROWSER)
    assert second.status_code == 200 and second.headers["Cache-Control"] == IMMUTABLE
    rows = Rows(second.get_data(as_text=True)).rows
    assert [row[1:] for row in rows] == [
        ["new", store_label(store, ARTICLES[1])],
        ["replaced", store_label(store, ARTICLES[0])],
    ]
    newest = client.get("/feed/page/3", headers=BROWSER)
    assert newest.headers["Cache-Control"] == "public, max-age=5"
    rows = Rows(newest.get_data(as_text=True)).rows
    # a deleted article's name left the store with it: its IRI stands in
    assert [row[1:] for row in rows] == [["deleted", str(ARTICLES[1].iri)]]
    links = Rows(newest.get_data(as_text=True)).links
    assert f"/id/article/{b}" in links and "/feed/page/2" in links
    assert not any(link.startswith("/feed/revision/") and a in link for link in links)


def store_label(store, mapped) -> str:
    from communique.server.web.labels import Labeller

    # a headline, else outlet, place and date; the test graphs have none of those
    return Labeller(store.ox).article_label(str(mapped.iri)) or str(mapped.iri)


def test_the_page_size_is_a_setting(tmp_path, monkeypatch):
    from communique.server.app import create_app
    from communique.server.db import close_store

    monkeypatch.setenv("COMMUNIQUE_FEED_PAGE_SIZE", "7")
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})
    try:
        assert app.extensions["communique.store"].feed.page_size == 7
    finally:
        close_store(app)
