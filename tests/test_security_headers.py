"""Security headers on every response, and HTML pages that meet the Content-Security-Policy
without 'unsafe-inline': no inline script, style or event handler, no `javascript:` URL."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from communique.server.app import CONTENT_SECURITY_POLICY

HTML = {"Accept": "text/html"}
# Every kind of HTML page the server renders; the article's headline holds a <script>.
PAGES = [
    "/",
    "/id/article/2025-01-30-a1b2c3d4e5",
    "/id/person/nurlan-temirov",
    "/id/person/",
    "/id/article/?page=1",
    "/sparql",
    "/validate",
    "/ontology",
    "/shapes",
    "/dumps/",
    "/feed",
    "/feed/page/1",
    "/.well-known/void",
    "/no/such/page",  # the error page
]
# <script> types a browser never runs: data blocks, which CSP does not govern.
DATA_BLOCK_TYPES = {"application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset"}
TEMPLATES = Path(__file__).resolve().parents[1] / "server" / "templates"


class InlineCodeFinder(HTMLParser):
    """Collects everything in a page that a CSP without 'unsafe-inline' would block, and
    every script or stylesheet loaded from elsewhere than this server."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script: str | None = None  # "code" or "data" while inside a <script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> inline event handler")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}> javascript: URL")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self._script(values)
        if tag == "link" and "stylesheet" in values.get("rel", "").split():
            self._same_origin(tag, values.get("href", ""))

    def _script(self, values: dict[str, str]) -> None:
        kind = values.get("type", "").strip().lower()
        if "src" in values:
            self._same_origin("script", values["src"])
            self._in_script = "code"
        elif kind in DATA_BLOCK_TYPES:
            self._in_script = "data"
        else:
            self.problems.append(f"<script type={kind!r}> without src: inline script")
            self._in_script = "code"

    def _same_origin(self, tag: str, url: str) -> None:
        if not url.startswith("/") or url.startswith("//"):
            self.problems.append(f"<{tag}> loads {url!r}, not from this server")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script == "code" and data.strip():
            self.problems.append(f"inline script code: {data.strip()[:60]!r}")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def test_the_finder_finds_what_the_policy_blocks():
    page = (
        '<div style="color:red" onclick="go()"><a href="JavaScript:go()">x</a></div>'
        "<style>p{}</style><script>go()</script>"
        '<script src="https://cdn.example/x.js"></script>'
        '<script type="application/ld+json">{"@id": "x"}</script>'
        '<script src="/static/vendor/sparql-editor.js"></script>'
    )
    problems = "\n".join(inline_code(page))
    for kind in ("inline style", "event handler", "javascript: URL", "<style>", "inline script"):
        assert kind in problems
    assert "'https://cdn.example/x.js', not from this server" in problems
    assert "sparql-editor.js" not in problems and "@id" not in problems
    assert inline_code('<script type="application/ld+json">{}</script>') == []


@pytest.mark.parametrize("path", PAGES)
def test_html_pages_carry_the_headers_and_no_inline_code(filled_client, path):
    response = filled_client.get(path, headers=HTML)
    assert response.mimetype == "text/html", (path, response.status_code)
    assert response.status_code == (404 if path == "/no/such/page" else 200)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert inline_code(response.get_data(as_text=True)) == []


def test_a_validation_report_page_has_no_inline_code(filled_client):
    turtle = "@prefix dip: <https://w3id.org/communique/diplomacy#> . <urn:x> a dip:Article ."
    response = filled_client.post(
        "/validate", data={"data": turtle, "input_format": "ttl"}, headers=HTML
    )
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert inline_code(response.get_data(as_text=True)) == []


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/id/person/nurlan-temirov", {"Accept": "text/turtle"}),
        ("GET", "/sparql?query=ASK%7B%7D", {"Accept": "application/sparql-results+json"}),
        ("GET", "/static/style.css", {}),
        ("GET", "/static/vendor/sparql-editor.js", {}),
        ("GET", "/no/such/page", {"Accept": "application/json"}),
        ("OPTIONS", "/sparql", {"Origin": "https://example.org"}),
        ("POST", "/articles", {"Authorization": "Bearer wrong"}),
    ],
)
def test_every_response_carries_the_headers(filled_client, method, path, headers):
    response = filled_client.open(path, method=method, headers=headers)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_the_policy_allows_no_inline_code():
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_static_scripts_are_served_as_javascript(filled_client):
    # with nosniff a browser runs a script only if its media type says JavaScript
    response = filled_client.get("/static/vendor/sparql-editor.js")
    assert response.mimetype in ("text/javascript", "application/javascript")


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_code(template):
    # Read as HTML, Jinja expressions are text; where a URL comes from url_for() it is not
    # known here, so only inline code counts (the rendered pages check the URLs).
    problems = inline_code(template.read_text(encoding="utf-8"))
    assert [p for p in problems if "not from this server" not in p] == []
