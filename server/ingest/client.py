"""Send articles to a running server's `POST /articles` route (the store allows one process)."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from communique.mapping.article import Article
from communique.mapping.errors import InputError
from communique.server.errors import StoreError
from communique.server.ingest.outcomes import IngestOutcome

log = logging.getLogger(__name__)

TIMEOUT = 120  # seconds; the server maps and validates the article before it answers


def article_payload(article: Article) -> dict:
    """The article as the JSON input format (design.md, "Input")."""
    record = {"text": article.body, "date": article.date.isoformat()}
    for key, value in (
        ("url", article.url),
        ("id", article.identifier),
        ("title", article.title),
        ("source", article.outlet),
    ):
        if value:
            record[key] = value
    return record


def post_items(
    server: str, items: Iterable[Article | InputError], *, token: str | None
) -> Iterator[IngestOutcome]:
    """Post each article in turn; read errors pass through as failed outcomes."""
    for item in items:
        if isinstance(item, InputError):
            yield IngestOutcome(None, None, stored=False, error=item.reason, source=item.source)
        else:
            yield post_article(server, item, token=token)


def post_article(server: str, article: Article, *, token: str | None) -> IngestOutcome:
    """One `POST {server}articles`: 201 stored, 422 rejected with the SHACL report."""
    url = urljoin(server if server.endswith("/") else server + "/", "articles")
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps(article_payload(article)).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            answer = _json(response.read())
            iri = answer.get("iri") or response.headers.get("Location")
            triples = int(answer.get("triples") or 0)
            return IngestOutcome(article, iri, stored=True, triples=triples, source=article.source)
    except urllib.error.HTTPError as exc:
        text = exc.read().decode("utf-8", "replace")
        answer = _json(text.encode("utf-8"))
        if exc.code == 422 and "validation" in answer:  # the graph did not conform
            return IngestOutcome(
                article,
                answer.get("iri"),
                stored=False,
                error=answer.get("message") or "does not conform to the shapes",
                source=article.source,
                report_text=json.dumps(answer["validation"], indent=2, ensure_ascii=False),
            )
        if exc.code == 422 and answer.get("reason") == "no-diplomatic-content":
            return IngestOutcome(
                article,
                answer.get("iri"),
                stored=False,
                error=answer.get("message") or "no diplomatic content found",
                source=article.source,
                no_content=True,
            )
        if exc.code in (401, 403):
            raise StoreError(f"{url} refused the token ({exc.code}); set COMMUNIQUE_TOKEN") from exc
        return IngestOutcome(
            article,
            None,
            stored=False,
            error=f"{url}: {exc.code} {text[:300]}",
            source=article.source,
        )
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError(f"cannot reach the server at {url}: {exc}") from exc


def _json(raw: bytes) -> dict:
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
