"""The one place where data IRIs are minted (design.md, "IRIs")."""

from __future__ import annotations

import hashlib
import os

from rdflib import URIRef
from slugify import slugify

from communique.mapping.article import Article

DEFAULT_BASE = "http://localhost:5000/"
KEY_LENGTH = 10
FACT_KINDS = frozenset({"event", "agreement", "figure", "quotation", "membership"})


def default_base() -> str:
    """The data base IRI: `COMMUNIQUE_BASE`, else the default local server."""
    return normalize_base(os.environ.get("COMMUNIQUE_BASE") or DEFAULT_BASE)


def normalize_base(base: str) -> str:
    return base if base.endswith("/") else base + "/"


def digest(*parts: str, length: int = KEY_LENGTH) -> str:
    """A short stable hash of some strings (a unit separator keeps ("ab","c") != ("a","bc"))."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def slug(name: str) -> str:
    return slugify(name) or digest(name)


def article_key(article: Article) -> str:
    """`{date}-{hash10}`: the hash of the url when there is one, else of the body."""
    return f"{article.date.isoformat()}-{digest(article.url or article.body)}"


class Minter:
    """Mints every data IRI under one base, deterministically."""

    def __init__(self, base: str | None = None) -> None:
        self.base = normalize_base(base) if base else default_base()

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def article(self, article: Article) -> URIRef:
        return self._iri(f"id/article/{article_key(article)}")

    def article_graph(self, article: Article) -> URIRef:
        return self._iri(f"graph/article/{article_key(article)}")

    def reference_graph(self) -> URIRef:
        return self._iri("graph/reference")

    def country(self, iso3: str) -> URIRef:
        return self._iri(f"id/country/{iso3.upper()}")

    def person(self, full_name: str) -> URIRef:
        return self._iri(f"id/person/{slug(full_name)}")

    def organization(self, name: str) -> URIRef:
        return self._iri(f"id/organization/{slug(name)}")

    def place(self, name: str, iso3: str | None) -> URIRef:
        suffix = f"-{iso3.lower()}" if iso3 else ""
        return self._iri(f"id/place/{slug(name)}{suffix}")

    def fact(self, kind: str, *facts: str) -> URIRef:
        """An event, agreement, figure, quotation or membership, keyed by its defining facts."""
        if kind not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {kind!r}; expected one of {sorted(FACT_KINDS)}")
        return self._iri(f"id/{kind}/{digest(*facts, length=16)}")
