"""Shared pytest fixtures: paths to data, the spaCy pipeline, and the Flask apps.

The apps (`app`, `light_app`, `make_app` and what derives from them: `client`, `runner`,
`filled_client`) run each test twice: over the embedded store and over a real `oxigraph
serve` (tests/oxigraph_server.py). The remote case is marked `remote` (deselect it with
`-m "not remote"`); a test marked `embedded("why")` runs on the embedded store only.
`module_store` does the same for module-scoped apps that load their data once.
`memory_app` is the embedded in-memory store, for what is about it alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from oxigraph_server import (  # noqa: F401 - fixtures for every module
    engine_url,
    fresh_oxigraph,
    module_oxigraph,
    oxigraph,
)
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


OXIGRAPH_FIXTURES = {"oxigraph", "module_oxigraph", "fresh_oxigraph"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Each test that uses a store of the apps (`store_kind`) runs over both stores, unless
    marked `embedded`. The parameter is module-wide, so a module's tests run grouped by
    store and a module-scoped app (`module_store`) is made once for each."""
    if "store_kind" not in metafunc.fixturenames:
        return
    kinds = [pytest.param("embedded")]
    if metafunc.definition.get_closest_marker("embedded") is None:
        kinds.append(pytest.param("remote", marks=pytest.mark.remote))
    metafunc.parametrize("store_kind", kinds, indirect=True, scope="module")


# Tests of modules outside the store work that fail over the remote store for a difference
# in the product, not in the test: expected to fail (strict) until it is resolved. Move
# the marker into the module when its owner takes it up.
REMOTE_DIFFERENCES: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that talks to an `oxigraph serve` is `remote`, also the ones of the store
    modules that start one themselves (a fixture of theirs asks for one, or a parameter of
    theirs is "remote"), so `-m "not remote"` runs without the engine."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        params = callspec.params if callspec is not None else {}
        uses_engine = OXIGRAPH_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_engine or "remote" in params.values():
            item.add_marker(pytest.mark.remote)
        if params.get("store_kind") == "remote":
            reason = REMOTE_DIFFERENCES.get(f"{item.path.name}::{item.originalname}")
            if reason:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=True))


@pytest.fixture(scope="module")
def store_kind(request) -> str:
    """The store kind, "embedded" or "remote" (parametrized by pytest_generate_tests)."""
    return request.param


def app_config(**config) -> dict:
    return {"TESTING": True, "BASE": BASE, "TOKEN": "test-token", **config}


@pytest.fixture
def store_config(store_kind, tmp_path, request) -> dict:
    """The settings naming this test's store: a data folder of its own (embedded), or the
    session's `oxigraph serve`, emptied for this test (remote), beside a data folder as
    `communique serve --store URL` has one (--data, default ./data)."""
    data = tmp_path / "data"
    if store_kind == "remote":
        data.mkdir(exist_ok=True)
        return {"STORE": request.getfixturevalue("engine_url"), "DATA_DIR": str(data)}
    return {"DATA_DIR": str(data)}


@pytest.fixture
def make_app(store_config) -> Iterator[Callable]:
    """`make_app(**config)`: a Flask app over this test's store (embedded: in memory when
    `memory=True`), with settings of the test's own; closed at the test's end."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    apps = []

    def make(*, memory: bool = False, **config):
        where = dict(store_config)
        if memory and "STORE" not in where:
            where["DATA_DIR"] = None
        app = create_app(app_config(**{**where, **config}))
        apps.append(app)
        return app

    yield make
    for app in reversed(apps):
        close_store(app)


@pytest.fixture
def app(make_app):
    """A Flask app over a fresh store: a data folder in a temporary folder, or the remote
    engine emptied."""
    return make_app()


@pytest.fixture
def light_app(make_app):
    """A Flask app over a fresh store for tests that need no persistence: in memory
    (embedded), or the remote engine emptied."""
    return make_app(memory=True)


@pytest.fixture(scope="module")
def module_store(store_kind, tmp_path_factory, request) -> dict:
    """The settings naming a store for one module's tests, which load their data once: a
    data folder (embedded), or an `oxigraph serve` of the module's own (remote)."""
    if store_kind == "remote":
        return {"STORE": request.getfixturevalue("module_oxigraph").url, "DATA_DIR": None}
    return {"DATA_DIR": str(tmp_path_factory.mktemp("store") / "data")}


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


@pytest.fixture(scope="module")
def module_filled_app(module_store, data_dir, put_ttl):
    """A module-wide app over `module_store` holding the two hand-made articles of
    tests/data/server: for modules whose tests only read (loaded once per store kind)."""
    from communique.server.app import create_app
    from communique.server.db import close_store

    app = create_app(app_config(**module_store))
    put_ttl(app, data_dir / "server" / "article_kaz_rus.ttl")
    put_ttl(app, data_dir / "server" / "article_second.ttl")
    yield app
    close_store(app)


@pytest.fixture
def filled_client(light_app, data_dir, put_ttl):
    """A client of `light_app` holding the two hand-made articles of tests/data/server."""
    put_ttl(light_app, data_dir / "server" / "article_kaz_rus.ttl")
    put_ttl(light_app, data_dir / "server" / "article_second.ttl")
    return light_app.test_client()
