"""Dumps of the whole dataset: gzip files streamed from the store, with validators."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Iterator

from flask import Blueprint, Flask, Response, current_app, render_template, request
from werkzeug.http import is_resource_modified

from communique.server.db import get_store, served_description
from communique.server.store.articles import Store
from communique.server.web.errors import HttpError
from communique.server.web.negotiation import (
    HTML,
    RDF_AND_HTML,
    alternates_link,
    choose,
    rdf_response,
)
from communique.server.web.void import DUMPS, Dump, dataset_facts, dump_url

bp = Blueprint("dumps", __name__, url_prefix="/dumps")

FLUSH_AT = 256 * 1024  # bytes of compressed output gathered before a chunk is sent
GZIP_WBITS = 31  # zlib's "gzip container" setting: header and CRC trailer included
# A dump is made as it is sent, so its size is only known once one has been sent whole:
# {format key: (store version, bytes)}, per app
SIZES_EXTENSION = "communique.dump_sizes"


@bp.route("/")
def index() -> Response:
    """The list of dumps: HTML for people, DCAT (with VoID) for machines."""
    media = choose(request, RDF_AND_HTML)
    store = get_store()
    graph = served_description()
    if media == HTML:
        dumps = [(d, dump_url(store.base, d), _size(store, d)) for d in DUMPS.values()]
        today = dt.datetime.now(dt.UTC).date()
        days = [("today", today), ("yesterday", today - dt.timedelta(days=1))]
        body = render_template("dumps.html", dumps=dumps, modified=store.last_modified(), days=days)
        response = Response(body, mimetype=HTML)
    else:
        response = rdf_response(graph, media)
    response.vary.add("Accept")
    response.headers["Link"] = alternates_link(request.path, RDF_AND_HTML)
    response.set_etag(f"{store.version()}-dumps-{media}")
    return response.make_conditional(request)


@bp.route("/communique.<fmt>.gz")
def dump(fmt: str) -> Response:
    """One dump, gzip-compressed on the fly; 304 when the client's copy is current."""
    spec = DUMPS.get(fmt)
    if spec is None:
        raise HttpError(404, f"no dump named communique.{fmt}.gz; there are {_names()}")
    store = get_store()
    etag = f"{store.version()}-{fmt}"
    modified = store.last_modified()
    if not is_resource_modified(request.environ, etag=etag, last_modified=modified):
        response = Response(status=304)
    else:
        # A generator: nothing is read from the store for HEAD (Werkzeug never iterates
        # the body of a HEAD response) and memory stays flat however big the dump.
        sent = _measured(gzip_stream(store, fmt), _sizes(current_app), fmt, store.version())
        response = Response(sent, mimetype="application/gzip", direct_passthrough=True)
        response.headers["Content-Disposition"] = f'attachment; filename="{spec.filename}"'
    response.set_etag(etag)
    response.last_modified = modified
    response.cache_control.public = True
    response.cache_control.no_cache = True  # revalidate: the dataset changes on ingest
    return response


def gzip_stream(store: Store, fmt: str) -> Iterator[bytes]:
    """The dump `fmt` of `store`, gzip-compressed, in chunks of about FLUSH_AT bytes."""
    return gzip_chunks(store.dump(fmt))


def gzip_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """`chunks` as one gzip file, in chunks of about FLUSH_AT bytes."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, GZIP_WBITS)
    pending: list[bytes] = []
    size = 0
    for chunk in chunks:
        out = compressor.compress(chunk)
        if out:
            pending.append(out)
            size += len(out)
        if size >= FLUSH_AT:
            yield b"".join(pending)
            pending, size = [], 0
    pending.append(compressor.flush())
    yield b"".join(pending)


def _measured(
    chunks: Iterator[bytes], sizes: dict[str, tuple[str, int]], fmt: str, version: str
) -> Iterator[bytes]:
    """The chunks as they are; once all are sent, their size is noted for the dumps page."""
    total = 0
    for chunk in chunks:
        total += len(chunk)
        yield chunk
    sizes[fmt] = (version, total)


def _sizes(app: Flask) -> dict[str, tuple[str, int]]:
    return app.extensions.setdefault(SIZES_EXTENSION, {})


def _size(store: Store, dump: Dump) -> str:
    """What the page can say of a dump's size: its statements, and its bytes once known."""
    facts = dataset_facts(store)
    if dump.key in ("nt", "ttl") and store.merged:
        count = f"{facts.distinct_triples:,} triples"
    else:  # quads, or triples repeated once per graph when the store keeps no merge
        count = f"{facts.stats['triples']:,} {'quads' if dump.key in ('nq', 'trig') else 'triples'}"
    known = _sizes(current_app).get(dump.key)
    if known is None:
        return count
    version, size = known
    if version == store.version():
        return f"{count}, {_bytes(size)}"
    return f"{count}, {_bytes(size)} before the last change"


def _bytes(size: int) -> str:
    """1536 -> "1.5 kB"."""
    if size < 1000:
        return f"{size} bytes"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            return f"{size:.1f} {unit}"
    raise AssertionError("unreachable")


def _names() -> str:
    return ", ".join(d.filename for d in DUMPS.values())
