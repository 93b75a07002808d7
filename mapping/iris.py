"""The one place that knows the data IRI scheme and mints data IRIs (design.md, "IRIs").

Under a base IRI that ends in "/":

- `{base}id/{kind}/{key}`: a resource of one of `kinds()`; `{base}id/` is the URI space;
- `{base}graph/article/{key}`: the named graph of the article `{base}id/article/{key}`;
- `{base}graph/reference`: the graph of the ontology, its schemes and the countries;
- `{base}feed`: the event stream of graph revisions, its pages `{base}feed/page/{n}` and
  members `{base}feed/revision/{key}/{stamp}`, kept in the graph `{base}graph/feed`.

The module-level functions give the scheme as strings (the store and the server compare
them with strings); `Minter` mints rdflib terms for the mapper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rdflib import URIRef
from slugify import slugify

from communique.mapping.article import Article
from communique.mapping.entities.aliases import Aliases
from communique.mapping.entities.names import is_full_name, person_key, written_key

DEFAULT_BASE = "http://localhost:5000/"
KEY_LENGTH = 10
FACT_KINDS = frozenset({"event", "agreement", "figure", "quotation", "membership"})
# in the order the store's Turtle prefixes list them
KINDS = (
    "article", "country", "person", "organization", "place",
    "event", "agreement", "figure", "quotation", "membership",
)  # fmt: skip
_ID = "id/"
_ARTICLE_GRAPHS = "graph/article/"
_REFERENCE_GRAPH = "graph/reference"
_FEED = "feed"
_FEED_GRAPH = "graph/feed"
_REFERENCE_KEY = "reference"  # a revision's key for the reference graph (no article key has it)
STAMP = "%Y%m%dT%H%M%S%fZ"  # a revision time in its IRI: UTC, to the microsecond


def normalize_base(base: str) -> str:
    """The base IRI with its closing "/" (every IRI is the base plus a relative path)."""
    return base if base.endswith("/") else base + "/"


def kinds() -> tuple[str, ...]:
    """The kinds of resource the mapper mints, as they appear in `{base}id/{kind}/`."""
    return KINDS


def uri_space(base: str) -> str:
    """The prefix of every resource IRI under `base` (VoID's uriSpace)."""
    return base + _ID


def kind_prefix(base: str, kind: str) -> str:
    """The prefix of the resource IRIs of one kind: `{base}id/{kind}/`."""
    return f"{uri_space(base)}{kind}/"


def resource_iri(base: str, kind: str, key: str) -> str:
    """`{base}id/{kind}/{key}`."""
    return kind_prefix(base, kind) + key


def parse_resource_iri(base: str, iri: str) -> tuple[str, str] | None:
    """(kind, key) of a resource IRI under `base`, else None."""
    if not iri.startswith(uri_space(base)):
        return None
    kind, slash, key = iri[len(uri_space(base)) :].partition("/")
    if not (kind and slash and key) or "/" in key:
        return None
    return kind, key


def graph_prefix(base: str) -> str:
    """The prefix of every article graph IRI: `{base}graph/article/`."""
    return base + _ARTICLE_GRAPHS


def graph_iri(base: str, key: str) -> str:
    """The named graph of the article with this key: `{base}graph/article/{key}`."""
    return graph_prefix(base) + key


def parse_graph_iri(base: str, iri: str) -> str | None:
    """The article key of an article graph IRI under `base`, else None."""
    prefix = graph_prefix(base)
    key = iri[len(prefix) :] if iri.startswith(prefix) else ""
    return key if key and "/" not in key else None


def reference_graph_iri(base: str) -> str:
    """The reference graph: `{base}graph/reference`."""
    return base + _REFERENCE_GRAPH


def feed_iri(base: str) -> str:
    """The event stream of graph revisions: `{base}feed`."""
    return base + _FEED


def base_of_feed(stream_iri: str) -> str | None:
    """The base of an event stream IRI minted by `feed_iri`, else None."""
    suffix = "/" + _FEED
    return stream_iri[: -len(_FEED)] if stream_iri.endswith(suffix) else None


def feed_graph_iri(base: str) -> str:
    """The named graph holding the feed's members: `{base}graph/feed`."""
    return base + _FEED_GRAPH


def feed_page_iri(base: str, number: int) -> str:
    """Page `number` (from 1) of the feed: `{base}feed/page/{number}`."""
    return f"{feed_iri(base)}/page/{number}"


def parse_feed_page_iri(base: str, iri: str) -> int | None:
    """The number of a feed page IRI under `base`, else None."""
    prefix = feed_page_iri(base, 0)[:-1]
    rest = iri[len(prefix) :] if iri.startswith(prefix) else ""
    return int(rest) if rest.isascii() and rest.isdigit() and rest[0] != "0" else None


def revision_iri(base: str, key: str, when: dt.datetime) -> str:
    """A feed member: `{base}feed/revision/{key}/{stamp}` (`when` in UTC)."""
    return f"{feed_iri(base)}/revision/{key}/{when.astimezone(dt.UTC).strftime(STAMP)}"


def parse_revision_iri(base: str, iri: str) -> tuple[str, dt.datetime] | None:
    """(key, time) of a revision IRI under `base`, else None."""
    prefix = f"{feed_iri(base)}/revision/"
    key, slash, stamp = iri[len(prefix) :].partition("/") if iri.startswith(prefix) else ("",) * 3
    when = parse_stamp(stamp)
    return (key, when) if key and slash and "/" not in stamp and when else None


def parse_stamp(stamp: str) -> dt.datetime | None:
    """The time of a revision IRI's last segment, only in the form `revision_iri` writes."""
    try:
        when = dt.datetime.strptime(stamp, STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return when if when.strftime(STAMP) == stamp else None


def revision_key(base: str, version_of: str) -> str | None:
    """The key of the revisions of an article IRI or of the reference graph, else None."""
    if version_of == reference_graph_iri(base):
        return _REFERENCE_KEY
    parsed = parse_resource_iri(base, version_of)
    return parsed[1] if parsed and parsed[0] == "article" else None


def versioned_graph_iri(base: str, version_of: str) -> str | None:
    """The named graph a feed member's `dct:isVersionOf` stands for, else None."""
    key = revision_key(base, version_of)
    if key is None:
        return None
    return version_of if key == _REFERENCE_KEY else graph_iri(base, key)


def version_of_graph(base: str, graph: str) -> str | None:
    """The inverse of `versioned_graph_iri`: the article IRI of an article graph, the
    reference graph itself, else None."""
    if graph == reference_graph_iri(base):
        return graph
    key = parse_graph_iri(base, graph)
    return resource_iri(base, "article", key) if key else None


def digest(*parts: str, length: int = KEY_LENGTH) -> str:
    """A short stable hash of some strings (a unit separator keeps ("ab","c") != ("a","bc"))."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """A readable IRI key for a name; its hash when nothing of it is left."""
    return slugify(name) or digest(name)


# query parameters that track a reader, not name a page
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|ref|cmpid)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    """The url of an article as what names it: one spelling for http and https, the host in
    lower case without a default port, no fragment, no tracking parameters, the query
    sorted, no closing "/" (a url that is not one is returned stripped)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return url.strip()
    host = parts.hostname.rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port not in _DEFAULT_PORTS.values():  # http and https are one spelling
        host = f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    query = [(k, v) for k, v in query if not _TRACKING.match(k)]
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(query), ""))


def article_key(article: Article) -> str:
    """What names the article, never its text, so that an edited article keeps its IRI:
    `{date}-{hash10 of its normalised url}`, else `{date}-{slug of its identifier}` (its
    "id", `--id` or its file's name), else (an article made in code, no name given)
    `{date}-{hash10 of its body}`."""
    date = article.date.isoformat()
    if article.url:
        return f"{date}-{digest(normalize_url(article.url))}"
    if article.identifier:
        return f"{date}-{slugify(article.identifier)[:80].strip('-') or digest(article.identifier)}"
    return f"{date}-{digest(article.body)}"


def former_article_keys(article: Article) -> set[str]:
    """The key the article had before it was named by its url or id (`{date}-{hash10}` of
    the url as given, else of the body), when another: a store written then holds it
    under that key, and storing it again drops that graph."""
    return {f"{article.date.isoformat()}-{digest(article.url or article.body)}"} - {
        article_key(article)
    }


def text_hash(article: Article) -> str:
    """The SHA-256 of the article's text with its runs of white space made one space: a
    property of the article (its revision), not its name."""
    text = " ".join(article.body.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def opening_words(text: str, n: int = 8) -> str:
    """The first `n` words of a text, folded: what names a quotation beside its speaker."""
    return " ".join(re.findall(r"\w+", text.casefold())[:n])


SCOPE_MARK = "--"  # between a single name's key and its article's in a person's IRI


def is_article_scoped(person_iri: str) -> bool:
    """True for the IRI of a person known only by a single name, scoped to one article."""
    return SCOPE_MARK in person_iri.rsplit("/", 1)[-1]


class Minter:
    """Mints every data IRI under one base (default DEFAULT_BASE), deterministically."""

    def __init__(self, base: str | None = None, aliases: Aliases | None = None) -> None:
        # the mapper's entry point: callers may pass a base without its closing "/"
        self.base = normalize_base(base or DEFAULT_BASE)
        # the curator's aliases file (entities/aliases.py), if one is given
        self.aliases = aliases if aliases is not None else Aliases()

    def canonical(self, kind: str, name: str) -> str | None:
        """The name an aliases file gives the person, organization or place `name`, if
        another: mint with it, and keep the IRI of `name` as retired (`owl:sameAs`)."""
        return self.aliases.canonical(kind, name)

    def resource(self, kind: str, key: str) -> URIRef:
        return URIRef(resource_iri(self.base, kind, key))

    def article(self, article: Article) -> URIRef:
        return self.resource("article", article_key(article))

    def article_graph(self, article: Article) -> URIRef:
        return URIRef(graph_iri(self.base, article_key(article)))

    def reference_graph(self) -> URIRef:
        return URIRef(reference_graph_iri(self.base))

    def country(self, iso3: str) -> URIRef:
        return self.resource("country", iso3.upper())

    def person(self, name: str, scope: str | None = None) -> URIRef:
        """One IRI per person across articles, by the name key (entities/names.py); a name
        that is not a full name ("Abe") names no one beyond its article: its IRI is scoped
        to the article key `scope` when one is given."""
        key = person_key(name) or slug(name)
        if scope and not is_full_name(name):
            return self.resource("person", f"{key}{SCOPE_MARK}{scope}")
        return self.resource("person", key)

    def person_apart(self, name: str, iso3: str) -> URIRef:
        """The IRI of a person whose name key meets another person's only by a dropped
        middle name, while their countries disagree (graph/persons.py): the key of the name
        with its middle names, or, for a name without one, the key with the country."""
        key, full = person_key(name), written_key(name)
        return self.resource("person", full if full != key else f"{key}-{iso3.lower()}")

    def former_person(self, name: str) -> URIRef | None:
        """The IRI a full name had before name keys (its slug), when it was another: kept
        as the person's `owl:sameAs`, so that links to it still lead to the person. None
        for a single name: its old IRI stood for everyone of that name."""
        return self.resource("person", slug(name)) if is_full_name(name) else None

    def organization(self, name: str) -> URIRef:
        return self.resource("organization", slug(name))

    def place(self, name: str, iso3: str | None) -> URIRef:
        suffix = f"-{iso3.lower()}" if iso3 else ""
        return self.resource("place", slug(name) + suffix)

    def fact(self, kind: str, *facts: str) -> URIRef:
        """An event, agreement, figure, quotation or membership, keyed by its defining facts."""
        if kind not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {kind!r}; expected one of {sorted(FACT_KINDS)}")
        return self.resource(kind, digest(*facts, length=16))
