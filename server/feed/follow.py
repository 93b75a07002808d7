"""The reference client of the feed: replay a remote feed into a local copy, then follow it.

Decisions:

- The copy is a communique data folder, `DIR/data`, that `communique serve --data DIR/data
  --base BASE` can serve as it is (BASE: the source's, which the client reads from the
  stream's IRI). Pages are fetched as N-Quads over plain HTTP (urllib), where each
  member's triples come in the graph named by the member.
- The new members of a page are applied in one transaction (Store.apply), and each of the
  copy's own members records the source's revision it replays (prov:wasDerivedFrom) in
  that same transaction. The copy itself thus knows the last revision it applied, also
  after kill -9: on restart the client skips every member up to that one's time, so none
  is applied twice. `DIR/follow.json` names the feed and the page to resume at; losing it
  costs re-reading pages, never correctness.
- Once on the newest page (no relation to a next one), the client polls it every
  `interval` seconds with If-None-Match; `once` stops there instead.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from communique.mapping import iris
from communique.server.feed import vocab as v
from communique.server.feed.log import Change
from communique.server.feed.pages import KIND_OF
from communique.server.store.articles import Store

log = logging.getLogger(__name__)

ACCEPT = "application/n-quads"
STATE_FILE = "follow.json"
REPLICA_DIR = "data"


class FollowError(Exception):
    """The feed cannot be followed (unreachable, not a feed, another folder's copy)."""


@dataclass(frozen=True)
class RemoteMember:
    iri: str
    kind: str
    version_of: str
    time: dt.datetime
    data: str | None  # the graph's triples as N-Triples (creates and updates)


@dataclass(frozen=True)
class Page:
    iri: str
    members: list[RemoteMember]  # oldest first
    next_iri: str | None  # the page a tree:relation leads to
    etag: str | None


def fetch(url: str, *, etag: str | None = None, timeout: float = 30.0) -> tuple[bytes, str | None]:
    """GET `url` as N-Quads: (body, ETag); body b"" when the server answers 304."""
    headers = {"Accept": ACCEPT, **({"If-None-Match": etag} if etag else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(), response.headers.get("ETag")
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return b"", etag
        raise FollowError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise FollowError(f"{url}: {getattr(exc, 'reason', exc)}") from exc


def parse_page(iri: str, data: bytes, etag: str | None) -> Page:
    """The members and the next page of a page's N-Quads."""
    about: dict[str, dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]] = {}
    graphs: dict[str, list[ox.Triple]] = {}
    listed: list[str] = []
    relations: list[str] = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
            continue
        about.setdefault(_key(quad.subject), {})[quad.predicate.value] = quad.object
        if quad.predicate == v.MEMBER:
            listed.append(_key(quad.object))
        elif quad.predicate == v.RELATION and _key(quad.subject) == iri:
            relations.append(_key(quad.object))
    members = [_member(m, about.get(m, {}), graphs.get(m, [])) for m in listed]
    nodes = [about.get(r, {}).get(v.REL_NODE.value) for r in relations]
    next_iri = next((n.value for n in nodes if isinstance(n, ox.NamedNode)), None)
    return Page(iri, sorted(members, key=lambda m: m.time), next_iri, etag)


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """An IRI as it is, a blank node as `_:label`."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _member(iri: str, about: dict, triples: list[ox.Triple]) -> RemoteMember:
    kind = KIND_OF.get(getattr(about.get(v.TYPE.value), "value", ""))
    version_of, when = about.get(v.IS_VERSION_OF.value), about.get(v.GENERATED_AT.value)
    if kind is None or version_of is None or when is None:
        raise FollowError(f"member {iri} lacks its type, dct:isVersionOf or time")
    data = None
    if kind != "Delete":
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return RemoteMember(iri, kind, version_of.value, dt.datetime.fromisoformat(when.value), data)


class Follower:
    """Keeps `out/data` a copy of the feed at `url` (see the module's decisions)."""

    def __init__(self, url: str, out: Path, *, timeout: float = 30.0) -> None:
        self.url = url if not url.endswith("/") else url + "feed"
        self.out = Path(out)
        self.timeout = timeout
        self.applied = 0
        self.etag: str | None = None  # of the newest page, to poll it with If-None-Match
        self.out.mkdir(parents=True, exist_ok=True)
        state = self._read_state()
        stream, first = self._discover()
        self.base = iris.base_of_feed(stream) or ""
        self.root = self._root(stream)
        resume = state.get("page") if state.get("base") == self.base else None
        self.page_iri: str = resume or first
        self.store = Store.open(self.out / REPLICA_DIR, self.base)
        try:
            self.last = self._last_applied()
        except FollowError:
            self.store.close()
            raise

    def _read_state(self) -> dict:
        try:
            state = json.loads((self.out / STATE_FILE).read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", self.out / STATE_FILE, exc)
            return {}
        if state.get("url") not in (None, self.url):
            raise FollowError(f"{self.out} follows {state['url']}, not {self.url}")
        return state

    def _discover(self) -> tuple[str, str]:
        """The stream's IRI and its first page's, from the stream's own document."""
        data, _ = fetch(self.url, timeout=self.timeout)
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        streams = [q.subject.value for q in quads if q.object == v.EVENT_STREAM]
        views = [q.object.value for q in quads if q.predicate == v.VIEW]
        if not streams or not views or iris.base_of_feed(streams[0]) is None:
            raise FollowError(f"{self.url} describes no ldes:EventStream of communique")
        return streams[0], views[0]

    def _root(self, stream: str) -> str:
        """The URL the base's IRIs are served at (the server may be reached by another
        name than its base)."""
        path = stream[len(iris.base_of_feed(stream) or "") :]
        if not self.url.endswith(path):
            raise FollowError(f"{self.url} is not the URL of {stream}")
        return self.url[: -len(path)]

    def _last_applied(self) -> dt.datetime | None:
        """The time of the last source revision the copy holds, read from the copy."""
        last = self.store.feed.last_member()
        if last is None:
            return None
        parsed = iris.parse_revision_iri(self.base, last.source or "")
        if parsed is None:
            raise FollowError(f"{self.out / REPLICA_DIR} holds data that is no copy of {self.url}")
        return parsed[1]

    def url_of(self, iri: str) -> str:
        return self.root + iri[len(self.base) :] if iri.startswith(self.base) else iri

    def catch_up(self) -> int:
        """Apply every member after the last applied, page after page; the members applied."""
        before, etag = self.applied, self.etag
        while True:
            data, etag = fetch(self.url_of(self.page_iri), etag=etag, timeout=self.timeout)
            if not data:  # 304: nothing new on the newest page
                return self.applied - before
            page = parse_page(self.page_iri, data, etag)
            self._apply(page)
            if page.next_iri is None:
                self.etag = etag
                return self.applied - before
            self.page_iri, etag = page.next_iri, None
            self.etag = None
            self._save_state()

    def _apply(self, page: Page) -> None:
        new = [m for m in page.members if self.last is None or m.time > self.last]
        changes = []
        for m in new:
            graph = iris.versioned_graph_iri(self.base, m.version_of)
            if graph is None:
                log.warning(
                    "skipping %s: not a revision of an article or the reference data", m.iri
                )
                continue
            changes.append(Change(graph, m.data, source=m.iri))
        if changes:
            self.store.apply(changes)
            self.store.flush()
        if new:
            self.last, self.applied = new[-1].time, self.applied + len(new)
            log.info("applied %d member(s) of %s", len(new), page.iri)
        self._save_state()

    def _save_state(self) -> None:
        state = {"url": self.url, "base": self.base, "page": self.page_iri}
        tmp = self.out / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, indent=2), "utf-8")
        os.replace(tmp, self.out / STATE_FILE)  # atomic: the old state or the new one

    def run(
        self, *, once: bool, interval: float, stop: threading.Event | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> int:  # fmt: skip
        """Catch up, then (unless `once`) poll every `interval` s until `stop` is set."""
        stop = stop or threading.Event()
        while True:
            try:
                applied = self.catch_up()
            except FollowError as exc:
                if once:
                    raise
                log.warning("%s; trying again in %s s", exc, interval)
                applied = 0
            if on_progress is not None and applied:
                on_progress(applied)
            if once or stop.wait(interval):
                return self.applied

    def close(self) -> None:
        self.store.close()
