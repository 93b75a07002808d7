"""Ingest, delete and stats: the commands and the batch logic (fake and real mapper), over
the embedded store (--data FOLDER) and a remote engine (--store URL)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, XSD, Graph, Literal

from communique.mapping import pipeline
from communique.mapping.article import Article, MappedArticle
from communique.mapping.iris import Minter
from communique.ontology.namespace import DIP, PROV, SDO
from communique.server.cli.store import delete_command, ingest_command, stats_command
from communique.server.ingest import ingest
from communique.server.ingest.ingest import ingest_paths
from communique.server.store.articles import Store
from communique.server.store.opening import open_store
from communique.shapes import validate

BASE = "http://localhost:5000/"
MINT = Minter(BASE)


@dataclass
class FakeResult:
    """Stands in for validate.ValidationResult in the tests that fake the shapes."""

    conforms: bool
    report_text: str = ""
    results: list[dict] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph)


def fake_map(article: Article, *, base=None, nlp=None, aliases=None, persons=None) -> MappedArticle:
    """A tiny self-contained graph with one fact; a body containing BROKEN makes the mapper
    raise, one containing EMPTY gives no fact."""
    if "BROKEN" in article.body:
        raise ValueError("the fake mapper cannot read this one")
    iri, graph_iri = MINT.article(article), MINT.article_graph(article)
    g = Graph()
    g.add((iri, RDF.type, DIP.Article))
    g.add((iri, SDO.datePublished, Literal(article.date.isoformat(), datatype=XSD.date)))
    kaz = MINT.country("KAZ")
    g.add((iri, DIP.mentions, kaz))
    g.add((kaz, RDF.type, DIP.Country))
    g.add((kaz, SDO.name, Literal("Kazakhstan")))
    if "INVALID" in article.body:
        g.add((iri, SDO.headline, Literal("INVALID")))
    if "EMPTY" not in article.body:
        event = MINT.fact("event", str(iri))
        g.add((event, RDF.type, DIP.Meeting))
        g.add((event, PROV.wasDerivedFrom, iri))
    return MappedArticle(article, iri, graph_iri, g)


def fake_map_articles(articles, *, base=None, nlp=None, progress=False, aliases=None, persons=None):
    for article in articles:
        yield fake_map(article, base=base)


def fake_validate(graph: Graph) -> FakeResult:
    if (None, SDO.headline, Literal("INVALID")) in graph:
        return FakeResult(False, "Validation Report\nConforms: False\nheadline INVALID", [{}])
    return FakeResult(True)


@pytest.fixture
def fake_mapper(monkeypatch):
    monkeypatch.setattr(pipeline, "map_article", fake_map)
    monkeypatch.setattr(pipeline, "map_articles", fake_map_articles)
    monkeypatch.setattr(validate, "validate_graph", fake_validate)
    monkeypatch.setattr(Store, "ensure_reference", lambda self, graph=None: None)


@pytest.fixture
def location(store_config) -> Path | str:
    """Where this test's store is: a data folder (embedded), or an engine's URL (remote)."""
    return store_config.get("STORE") or Path(store_config["DATA_DIR"])


def opened(location: Path | str, *, read_only: bool = False) -> Store:
    """The store at `location`, as the commands open it."""
    return open_store(location, BASE, read_only=read_only)


def write_articles(folder: Path, bodies: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        (folder / name).write_text(f"date 2024-01-30 {body}" if body else "", "utf-8")
    return folder


def invoke(command, *args: str, data: Path | str):
    """Run a command over the data folder `data` (--data) or the engine at URL `data`
    (--store)."""
    where = ["--store", data] if isinstance(data, str) else ["--data", str(data)]
    return CliRunner().invoke(command, [*args, *where, "--base", BASE])


def test_batch_goes_on_past_bad_articles(tmp_path, fake_mapper, location):
    inputs = write_articles(
        tmp_path / "in",
        {
            "a.txt": "Astana hosts talks.",
            "b.txt": "BROKEN text.",
            "c.txt": "INVALID article.",
            "d.txt": "",  # empty file: a read error
            "e.txt": "Baku hosts talks.",
        },
    )
    result = invoke(ingest_command, str(inputs), data=location)
    assert result.exit_code == 1, result.output
    assert "failed" in result.output and "b.txt: mapping failed" in result.output
    assert "rejected" in result.output and "c.txt" in result.output
    assert "headline INVALID" in result.output  # the SHACL report is printed
    assert "d.txt" in result.output and "empty" in result.output
    assert "stored 2 article(s)" in result.output
    with opened(location, read_only=True) as store:
        assert store.stats()["articles"] == 2


@pytest.mark.parametrize("workers", [0, 1])
def test_article_without_diplomatic_content_is_rejected(tmp_path, fake_mapper, workers, location):
    inputs = write_articles(tmp_path / "in", {"a.txt": "Astana.", "b.txt": "EMPTY weather."})
    with opened(location) as store:
        report = ingest_paths(store, [inputs], base=BASE, workers=workers)
        assert [o.status for o in report.outcomes] == ["stored", "rejected"]
        empty = report.outcomes[1]
        assert empty.no_content and empty.error == ingest.NO_CONTENT
        assert not store.has_graph(store.graph_of(empty.iri))
    result = invoke(ingest_command, str(inputs), data=location)
    assert result.exit_code == 1
    assert f"rejected {inputs / 'b.txt'}: no diplomatic content found" in result.output


def test_a_batch_that_stored_articles_ends_with_the_store_compacted(
    tmp_path, fake_mapper, monkeypatch, location
):
    compacted = []
    monkeypatch.setattr(Store, "compact", lambda store: compacted.append(store.remote))
    stored = write_articles(tmp_path / "in", {"a.txt": "Astana.", "b.txt": "Baku."})
    refused = write_articles(tmp_path / "bad", {"c.txt": "INVALID article.", "d.txt": ""})
    with opened(location) as store:
        ingest_paths(store, [refused], base=BASE)
        assert compacted == []  # nothing written: nothing to merge
        ingest_paths(store, [stored], base=BASE)
        assert compacted == [store.remote]


def test_compacting_keeps_every_quad(tmp_path, fake_mapper, location):
    inputs = write_articles(tmp_path / "in", {f"{i}.txt": f"Article {i}." for i in range(12)})
    with opened(location) as store:
        ingest_paths(store, [inputs], base=BASE)
        before = store.count(), store.version()
        store.compact()  # a remote engine's files are its own: nothing is sent
        assert (store.count(), store.version()) == before
    with opened(location, read_only=True) as store:
        store.compact()  # a reader leaves the files alone
        assert store.count() == before[0]


@pytest.mark.parametrize("workers", [0, 1])  # validation inline, or in a helper process
def test_report_outcomes_in_order(tmp_path, fake_mapper, monkeypatch, workers, location):
    monkeypatch.setattr(ingest, "BATCH", 2)  # several batches in flight
    bodies = {"1.txt": "One.", "2.txt": "INVALID two.", "3.txt": "BROKEN three.", "4.txt": ""}
    inputs = write_articles(tmp_path / "in", {**bodies, "5.txt": "Five."})
    with opened(location) as store:
        report = ingest_paths(store, [inputs], base=BASE, progress=True, workers=workers)
        statuses = ["stored", "rejected", "failed", "failed", "stored"]
        assert [o.status for o in report.outcomes] == statuses
        assert [Path(o.source).name for o in report.outcomes] == [f"{i}.txt" for i in range(1, 6)]
        assert "INVALID" in report.outcomes[1].report_text
        assert not report.ok
        assert report.triples == store.count() == 2 * report.outcomes[0].triples
        rejected = report.outcomes[1]
        assert rejected.iri and not store.has_graph(store.graph_of(rejected.iri))


def test_reingest_delete_and_stats_commands(tmp_path, fake_mapper, location):
    inputs = write_articles(tmp_path / "in", {"a.txt": "Astana.", "b.txt": "Baku."})
    data = location
    assert invoke(ingest_command, str(inputs), data=data).exit_code == 0
    with opened(data, read_only=True) as store:
        first = store.count()
        iri = str(MINT.article(Article("Astana.", dt.date(2024, 1, 30), "x", identifier="a")))
    assert invoke(ingest_command, str(inputs), data=data).exit_code == 0
    stats = json.loads(invoke(stats_command, "--json", data=data).output)
    assert stats["triples"] == first and stats["articles"] == 2
    assert stats["entities_by_class"][str(DIP.Country)] == 1

    result = invoke(delete_command, iri, data=data)
    assert result.exit_code == 0 and f"deleted {iri}" in result.output
    assert invoke(delete_command, iri, data=data).exit_code == 1
    assert invoke(delete_command, "http://elsewhere.org/x", data=data).exit_code == 1
    text = invoke(stats_command, data=data).output
    assert "articles           1" in text and "dip:Country" in text


@pytest.mark.embedded("a data folder's lock: a remote engine takes any number of writers")
def test_locked_store_says_what_to_do(tmp_path, fake_mapper):
    inputs = write_articles(tmp_path / "in", {"a.txt": "Astana."})
    data = tmp_path / "data"
    with Store.open(data, BASE):  # as a running server would hold it
        result = invoke(ingest_command, str(inputs), data=data)
    assert result.exit_code == 2
    assert "in use by another process" in result.output and "--server" in result.output


class FakeServer(BaseHTTPRequestHandler):
    """Answers POST /articles like the server's route: 201 with the IRI, or 422."""

    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeServer.received.append({"auth": self.headers.get("Authorization"), **body})
        if self.headers.get("Authorization") != "Bearer secret":
            status, answer = 401, {"error": "token"}
        elif "INVALID" in body["text"]:
            status, answer = 422, {"message": "no", "validation": {"text": "headline INVALID"}}
        else:
            status, answer = 201, {"iri": f"{BASE}id/article/x", "triples": 7}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_server():
    server = HTTPServer(("127.0.0.1", 0), FakeServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeServer.received = []
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize(
    "token, exit_code, expected",
    [
        ("secret", 1, ["stored 1 article(s), 7 triples; rejected 1", "headline INVALID"]),
        ("wrong", 2, ["refused the token"]),
    ],
)
def test_ingest_through_a_running_server(tmp_path, fake_server, token, exit_code, expected):
    inputs = write_articles(tmp_path / "in", {"a.txt": "Astana.", "b.txt": "INVALID."})
    data = tmp_path / "data"
    args = [str(inputs), "--server", fake_server, "--token", token]
    result = invoke(ingest_command, *args, data=data)
    assert result.exit_code == exit_code, result.output
    for text in expected:
        assert text in result.output
    assert FakeServer.received[0]["date"] == "2024-01-30"
    assert FakeServer.received[0]["text"] == "Astana."
    assert not data.exists()  # the data folder was never touched


# -- with the real mapper and shapes ---------------------------------------------------


@pytest.mark.slow
def test_ingest_examples_and_reingest(examples_dir, nlp, location):
    data = location
    first = invoke(ingest_command, str(examples_dir), data=data)
    assert first.exit_code == 0, first.output
    with opened(data, read_only=True) as store:
        stats = store.stats()
        graphs = {g: store.count(g) for g in store.article_graphs()}
    assert stats["articles"] == len(graphs) >= 3
    assert stats["reference_triples"] > 0
    assert invoke(ingest_command, str(examples_dir), data=data).exit_code == 0
    with opened(data, read_only=True) as store:
        assert store.stats()["triples"] == stats["triples"]
        assert {g: store.count(g) for g in store.article_graphs()} == graphs


@pytest.mark.slow
def test_nonconforming_article_is_rejected(examples_dir, nlp, monkeypatch, location):
    real_map_article, real_map_articles = pipeline.map_article, pipeline.map_articles

    def drop_date(mapped: MappedArticle) -> MappedArticle:
        mapped.graph.remove((mapped.iri, SDO.datePublished, None))  # required by the shapes
        return mapped

    monkeypatch.setattr(
        pipeline, "map_article", lambda a, **kw: drop_date(real_map_article(a, **kw))
    )
    monkeypatch.setattr(
        pipeline, "map_articles", lambda arts, **kw: map(drop_date, real_map_articles(arts, **kw))
    )
    source = next(p for p in examples_dir.iterdir() if p.suffix == ".txt")
    result = invoke(ingest_command, str(source), data=location)
    assert result.exit_code == 1
    assert f"rejected {source}" in result.output
    assert "datePublished" in result.output  # from the SHACL report
    with opened(location, read_only=True) as store:
        assert store.stats()["articles"] == 0
        assert store.count() == store.count(store.reference_iri)


@pytest.mark.slow
def test_ingest_via_the_server_reports_an_article_without_content(tmp_path, nlp, make_app):
    from werkzeug.serving import make_server

    inputs = write_articles(tmp_path / "in", {"weather.txt": "The weather was nice."})
    app = make_app(memory=True, TOKEN="t0k")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/"
        result = invoke(
            ingest_command, str(inputs), "--server", url, "--token", "t0k", data=tmp_path
        )
        assert result.exit_code == 1
        assert "rejected" in result.output and "no diplomatic content found" in result.output
        assert "stored 0 article(s)" in result.output and "rejected 1" in result.output
    finally:
        server.shutdown()


@pytest.mark.slow
def test_ingest_cli_while_the_real_server_runs(examples_dir, nlp, make_app, location):
    """The server holds the store; the CLI posts to it and the articles become visible.
    A data folder admits no other process meanwhile; a remote engine admits any."""
    from werkzeug.serving import make_server

    from communique.server.db import EXTENSION

    folder = isinstance(location, Path)
    app = make_app(TOKEN="t0k")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/"
        if folder:
            locked = invoke(ingest_command, str(examples_dir), data=location)
            assert locked.exit_code == 2 and "--server" in locked.output
        result = invoke(
            ingest_command, str(examples_dir), "--server", url, "--token", "t0k", data=location
        )
        assert result.exit_code == 0, result.output
        store = app.extensions[EXTENSION]
        articles = len(list(store.article_graphs()))
        assert articles >= 3
        stats = invoke(stats_command, "--json", data=location)
        if folder:  # no reader beside the writer: stats says where to read the counts instead
            assert stats.exit_code == 2 and "/.well-known/void" in stats.output
        else:
            assert stats.exit_code == 0, stats.output
            assert json.loads(stats.output)["articles"] == articles
    finally:
        server.shutdown()
