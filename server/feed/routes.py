"""The change feed over HTTP: `/feed` (an LDES), its pages and members, and daily dumps.

Cache policy: a page is immutable once the next page has a member (it can never change
again), so it is sent with `Cache-Control: public, max-age=31536000, immutable`, as are
members and the daily dumps of days past; the newest page and today's dump live
FEED_MAX_AGE seconds. Every response has an ETag and answers If-None-Match with 304.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from communique.mapping import iris
from communique.server.db import get_store
from communique.server.feed import vocab as v
from communique.server.feed.pages import FeedReader, Member
from communique.server.feed.render import (
    FEED_TYPES,
    as_triples,
    member_quads,
    page_quads,
    serialize,
    stream_quads,
)
from communique.server.web.dumps import gzip_chunks
from communique.server.web.errors import HttpError
from communique.server.web.labels import Labeller
from communique.server.web.links import link
from communique.server.web.negotiation import (
    HTML,
    RENDERERS,
    TEXT_TYPES,
    alternates_link,
    choose,
)

bp = Blueprint("feed", __name__)

FEED_MAX_AGE = 5  # seconds: the newest page and today's dump
IMMUTABLE_MAX_AGE = 31_536_000  # a year: what can never change
STREAM_MAX_AGE = 3600  # the stream's own description changes only with the code
# A day is closed this long after it ends: a write whose time was taken just before
# midnight may commit just after it.
DAY_GRACE = dt.timedelta(minutes=10)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
RENDER_VERSION = "2"  # part of every ETag: bump it when the documents' bytes change
# what a browser gets: a page to read; machines keep Turtle first (for */*)
OFFERED = (FEED_TYPES[0], HTML, *FEED_TYPES[1:])
CHANGES = {"Create": "new", "Update": "replaced", "Delete": "deleted"}


@bp.route("/feed")
def stream() -> Response:
    """The ldes:EventStream: its timestamp and version paths, and its first page."""
    media = choose(request, OFFERED)
    if media == HTML:
        last = get_store().feed.last_page()
        body = _html(last_page=last, feed_url=iris.feed_iri(_base()))
        return _send(body, media, _digest(RENDER_VERSION, "stream", str(last)), FEED_MAX_AGE)
    body = serialize(stream_quads(_base()), media)
    return _send(body, media, f"stream-{RENDER_VERSION}", STREAM_MAX_AGE)


@bp.route("/feed/page/<int:number>")
def page(number: int) -> Response:
    """One page of members, oldest first, with a relation to the next once there is one."""
    media = choose(request, OFFERED)
    reader = get_store().feed
    closed = reader.page_exists(number + 1)  # first: once true, this page can never change
    member_iris = reader.page_member_iris(number)
    if not member_iris and number != 1:
        raise HttpError(404, f"the feed has no page {number}; it begins at /feed/page/1")
    state = "closed" if closed else "open"
    etag = _digest(RENDER_VERSION, str(number), state, *member_iris)
    max_age = IMMUTABLE_MAX_AGE if closed else FEED_MAX_AGE
    if request.if_none_match.contains(f"{etag}-{RENDERERS[media].key}"):
        return _send(b"", media, etag, max_age, not_modified=True)
    members = reader.page(number)
    if media == HTML:
        rows = _rows(members, Labeller(get_store().ox))
        return _send(_html(number=number, closed=closed, members=rows), media, etag, max_age)
    next_from = reader.page_times(number + 1)[0] if closed else None
    body = serialize(page_quads(_base(), number, members, next_from), media)
    return _send(body, media, etag, max_age)


@bp.route("/feed/revision/<key>/<stamp>")
def revision(key: str, stamp: str) -> Response:
    """One member: its description and its graph's triples."""
    media = choose(request, FEED_TYPES)
    when = iris.parse_stamp(stamp)
    member = get_store().feed.member(iris.revision_iri(_base(), key, when)) if when else None
    if member is None:
        raise HttpError(404, f"the feed has no member {request.path}")
    quads = list(member_quads(member))
    body = serialize(as_triples(quads) if media == "text/turtle" else quads, media)
    return _send(body, media, _digest(RENDER_VERSION, member.iri), IMMUTABLE_MAX_AGE)


@bp.route("/dumps/daily/<day>.nq.gz")
def daily(day: str) -> Response:
    """The members of one UTC day, with their graphs' triples, as gzipped N-Quads."""
    start = _day(day)
    end = start + dt.timedelta(days=1)
    store = get_store()
    closed = dt.datetime.now(dt.UTC) >= end + DAY_GRACE
    first = store.feed.page_member_iris(1)  # tells this feed from one begun afresh
    etag = _digest(RENDER_VERSION, day, *first[:1]) if closed else f"{store.version()}-{day}"
    response = Response(status=304)
    if not request.if_none_match.contains(etag):
        chunks = _day_chunks(store.feed, start, end)
        response = Response(gzip_chunks(chunks), mimetype="application/gzip")
        response.direct_passthrough = True
        response.headers["Content-Disposition"] = f'attachment; filename="{day}.nq.gz"'
    response.set_etag(etag)
    _cache(response, IMMUTABLE_MAX_AGE if closed else FEED_MAX_AGE)
    return response


def _day(day: str) -> dt.datetime:
    """The start of a UTC day named YYYY-MM-DD; 404 for another name or a future day."""
    try:
        date = dt.date.fromisoformat(day) if DAY.fullmatch(day) else None
    except ValueError:
        date = None
    if date is None:
        raise HttpError(404, f"no daily dump named {day}.nq.gz; days are named YYYY-MM-DD")
    if date > dt.datetime.now(dt.UTC).date():
        raise HttpError(404, f"{day} has not begun yet (UTC)")
    return dt.datetime.combine(date, dt.time(), dt.UTC)


def _day_chunks(reader: FeedReader, start: dt.datetime, end: dt.datetime) -> Iterator[bytes]:
    stream = ox.NamedNode(iris.feed_iri(reader.base))
    for member in reader.between(start, end):
        quads = [ox.Quad(stream, v.MEMBER, ox.NamedNode(member.iri)), *member_quads(member)]
        yield ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def _send(
    body: bytes, media: str, etag: str, max_age: int, *, not_modified: bool = False
) -> Response:
    """A negotiated feed document with its validators, alternates and cache policy."""
    charset = "; charset=utf-8" if media in TEXT_TYPES or media == HTML else ""
    response = Response(body, status=304 if not_modified else 200)
    response.content_type = media + charset
    response.set_etag(f"{etag}-{RENDERERS[media].key}")
    response.vary.add("Accept")
    response.headers["Link"] = alternates_link(request.path, OFFERED)
    _cache(response, max_age)
    return response.make_conditional(request)


def _html(**page: object) -> bytes:
    size = get_store().feed.page_size
    return render_template("feed.html", page_size=size, **page).encode("utf-8")


def _rows(members: list[Member], labeller: Labeller) -> list[dict[str, str]]:
    """A page's members as table rows: when, what changed, which article (named)."""
    rows = []
    for m in members:
        rows.append(
            {
                "time": m.time.isoformat(),
                "time_text": m.time.strftime("%Y-%m-%d %H:%M:%S"),
                "kind": m.kind,
                "change": CHANGES.get(m.kind, m.kind),
                "article_href": link(m.version_of),
                "article_label": _label(m.version_of, labeller),
                "href": link(m.iri),
            }
        )
    return rows


def _label(version_of: str, labeller: Labeller) -> str:
    if version_of == iris.reference_graph_iri(_base()):
        return "the reference data (ontology, schemes, countries)"
    # a deleted article's name left the store with it: its IRI stands in
    return labeller.article_label(version_of) or version_of


def _cache(response: Response, max_age: int) -> None:
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    if max_age == IMMUTABLE_MAX_AGE:
        response.cache_control.immutable = True


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def _base() -> str:
    return current_app.config["BASE"]
