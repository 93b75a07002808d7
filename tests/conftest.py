"""Shared pytest fixtures: paths to data, the spaCy pipeline, and the Flask app trio."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

BASE = "http://localhost:5000/"
TESTS = Path(__file__).parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return TESTS / "data"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("needs the dev corpus (../shared/corpus/dev), not in this clone")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole run."""
    from communique.mapping.nlp.loading import load_pipeline

    return load_pipeline()


@pytest.fixture
def app(tmp_path):
    """A Flask app over a fresh on-disk store in a temporary folder."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "BASE": BASE,
            "TOKEN": "test-token",
        }
    )
    yield app
    close_store(app)


@pytest.fixture
def memory_app():
    """A Flask app over an in-memory store: fast, for tests that need no persistence."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    app = create_app({"TESTING": True, "DATA_DIR": None, "BASE": BASE, "TOKEN": "test-token"})
    yield app
    close_store(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def put_ttl() -> Callable:
    """Store a hand-made Turtle article graph in an app's store; returns the article IRI."""
    from communique.mapping.article import Article, MappedArticle
    from communique.ontology.namespace import SDO

    def put(app, path: Path) -> URIRef:
        graph = Graph().parse(path)
        (iri,) = graph.subjects(SDO.datePublished, None)
        key = str(iri).rsplit("/", 1)[1]
        article = Article(body=key, date=dt.date.fromisoformat(key[:10]), source=str(path))
        mapped = MappedArticle(article, iri, URIRef(f"{BASE}graph/article/{key}"), graph)
        app.extensions["communique.store"].put_article(mapped)
        return iri

    return put


@pytest.fixture
def filled_client(memory_app, data_dir, put_ttl):
    """A client of an in-memory app holding the two hand-made articles of tests/data/server."""
    put_ttl(memory_app, data_dir / "server" / "article_kaz_rus.ttl")
    put_ttl(memory_app, data_dir / "server" / "article_second.ttl")
    return memory_app.test_client()
