"""The app factory: settings, error responses, CORS, compression, and `communique serve`."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.server.app import create_app
from communique.server.cli.serve import serve_command
from communique.server.db import close_store, get_store

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("COMMUNIQUE_DATA", str(tmp_path / "store"))
    monkeypatch.setenv("COMMUNIQUE_BASE", "https://example.org/data")
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "env-token")
    monkeypatch.setenv("COMMUNIQUE_SPARQL_TIMEOUT", "2.5")
    app = create_app()
    try:
        assert app.config["DATA_DIR"] == str(tmp_path / "store")
        assert app.config["BASE"] == "https://example.org/data/"  # normalized
        assert app.config["TOKEN"] == "env-token"
        assert app.config["SPARQL_TIMEOUT"] == 2.5
        assert (tmp_path / "store").is_dir()
        with app.app_context():
            assert get_store().base == "https://example.org/data/"
    finally:
        close_store(app)


def test_test_config_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_BASE", "https://example.org/data/")
    app = create_app({"DATA_DIR": None, "BASE": "http://other.example/", "TESTING": True})
    assert app.config["BASE"] == "http://other.example/"
    assert app.config["SPARQL_TIMEOUT"] == 10.0
    assert app.extensions["communique.store"].path is None  # in memory


def test_store_is_opened_once_and_holds_the_reference_data(app):
    with app.app_context():
        store = get_store()
        assert store is app.extensions["communique.store"]
        assert store.count(store.reference_iri) > 0


@pytest.mark.parametrize(
    ("accept", "mimetype"),
    [(BROWSER, "text/html"), ("application/json", "application/json"), ("*/*", "application/json")],
)
def test_errors_are_json_for_programs_and_html_for_browsers(client, accept, mimetype):
    response = client.get("/no/such/page", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.mimetype == mimetype
    if mimetype == "application/json":
        assert response.json["status"] == 404
    else:
        assert b"404" in response.data


def test_wrong_method_is_405_with_allow(client):
    response = client.delete("/validate")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_cors_preflight(client):
    response = client.options(
        "/validate",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_large_responses_are_gzipped_for_clients_that_ask(client):
    plain = client.get("/ontology", headers={"Accept": "text/turtle"})
    packed = client.get("/ontology", headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.vary
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data)


def test_static_css_is_served(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert response.cache_control.max_age


@pytest.fixture
def store_args(store_config, tmp_path) -> list[str]:
    """The command's options naming this test's store: --data FOLDER, or --store URL."""
    if "STORE" in store_config:
        return ["--store", store_config["STORE"]]
    return ["--data", str(tmp_path / "d")]


@pytest.fixture
def fake_server(monkeypatch):
    from communique.server.cli import serve as commands_serve

    calls = []
    monkeypatch.setattr(commands_serve, "run_server", lambda env, **kw: calls.append((env, kw)))
    return calls


def test_serve_runs_the_server_with_the_options(fake_server, store_args):
    result = CliRunner().invoke(
        serve_command,
        [*store_args, "--port", "5055", "--host", "127.0.0.1", "--threads", "3"],
        env={"COMMUNIQUE_BASE": "http://127.0.0.1:5055", "COMMUNIQUE_TOKEN": "abc"},
    )
    assert result.exit_code == 0, result.output
    ((environment, kw),) = fake_server
    assert kw == {"host": "127.0.0.1", "port": 5055, "threads": 3, "base": "http://127.0.0.1:5055/"}
    # what the server's worker process builds its app from: the settings as given here
    expected = {"COMMUNIQUE_BASE": "http://127.0.0.1:5055/", "COMMUNIQUE_TOKEN": "abc"}
    if store_args[0] == "--store":
        expected["COMMUNIQUE_STORE"] = store_args[1]
    expected["COMMUNIQUE_DATA"] = environment["COMMUNIQUE_DATA"]
    assert environment == expected
    if store_args[0] == "--data":
        assert environment["COMMUNIQUE_DATA"] == store_args[1]


def test_serve_ingests_before_serving(fake_server, monkeypatch, tmp_path, store_args):
    from communique.server.ingest import ingest
    from communique.server.ingest.outcomes import IngestReport

    seen = []

    def fake_ingest_paths(store, paths, *, base, progress=False, nlp=None, data_dir=None):
        seen.append((paths, base, store.remote, data_dir is not None))
        return IngestReport()

    monkeypatch.setattr(ingest, "ingest_paths", fake_ingest_paths)
    folder = tmp_path / "articles"
    folder.mkdir()
    result = CliRunner().invoke(serve_command, [*store_args, "--ingest", str(folder)])
    assert result.exit_code == 0, result.output
    remote = store_args[0] == "--store"
    assert seen == [([Path(folder)], "http://localhost:5000/", remote, True)]
    assert "ingested 0 article(s)" in result.output
    assert len(fake_server) == 1


def test_serve_reports_a_locked_store(fake_server, tmp_path):  # a data folder's lock
    first = create_app({"DATA_DIR": str(tmp_path / "d"), "TESTING": True})
    try:
        result = CliRunner().invoke(serve_command, ["--data", str(tmp_path / "d")])
    finally:
        close_store(first)
    assert result.exit_code == 2
    assert "error:" in result.output
    assert fake_server == []


def test_conditional_get_still_works_on_compressed_responses(client):
    headers = {"Accept": "text/turtle", "Accept-Encoding": "gzip"}
    first = client.get("/ontology", headers=headers)
    assert first.headers["Content-Encoding"] == "gzip"
    again = client.get("/ontology", headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
