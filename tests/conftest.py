"""Shared pytest fixtures: paths to data, the spaCy pipeline, and the Flask app trio."""

from __future__ import annotations

from pathlib import Path

import pytest

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
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole run."""
    from communique.mapping.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def app(tmp_path):
    """A Flask app over a fresh store in a temporary folder."""
    from communique.server.app import create_app

    return create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "BASE": "http://localhost:5000/",
            "TOKEN": "test-token",
        }
    )


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
