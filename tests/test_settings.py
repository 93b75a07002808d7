"""Settings: one reader of COMMUNIQUE_*, typed defaults, used by the app and the commands."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from communique.server.app import create_app
from communique.server.cli.options import SettingOption, base_option, data_option
from communique.server.settings import Settings, SettingsError, read_env

ROOT = Path(__file__).parent.parent
NAMES = [f.name.upper() for f in fields(Settings)]
ENV = {f"COMMUNIQUE_{'DATA' if n == 'DATA_DIR' else n}" for n in NAMES}


@pytest.fixture
def clean_env(monkeypatch):
    """No COMMUNIQUE_* variable from the machine running the tests."""
    for name in read_env():
        monkeypatch.delenv(f"COMMUNIQUE_{'DATA' if name == 'DATA_DIR' else name}", raising=False)
    return monkeypatch


def test_every_setting_has_a_default_and_the_app_config_holds_them_typed(clean_env):
    app = create_app({"TESTING": True})
    defaults = Settings.from_config({})
    assert {n: app.config[n] for n in NAMES} == defaults.to_config()
    assert app.config["SPARQL_TIMEOUT"] == 10.0
    assert app.config["VALIDATE_MAX_TRIPLES"] == 10_000
    assert 4 <= app.config["SPARQL_WORKERS"] <= 8  # by CPU count
    assert app.config["SPARQL_CLIENT_QUERIES"] == app.config["SPARQL_WORKERS"] // 2
    assert app.config["BASE"] == "http://localhost:5000/"


def test_every_setting_can_be_set_in_the_environment(clean_env):
    values = {
        "SPARQL_TIMEOUT": ("2.5", 2.5),
        "SPARQL_MAX_RESULT_MB": ("0.5", 0.5),
        "SPARQL_MAX_QUERY_KB": ("64", 64.0),
        "SPARQL_WORKERS": ("3", 3),
        "SPARQL_CLIENT_QUERIES": ("2", 2),
        "SPARQL_MEMORY_MB": ("512", 512),
        "SPARQL_QUEUE_SECONDS": ("0", 0.0),
        "VALIDATE_MAX_TRIPLES": ("500", 500),
        "VALIDATE_TIMEOUT": ("1.5", 1.5),
        "VALIDATE_MAX_MEMORY_MB": ("0", 0),
        "VALIDATE_CONCURRENCY": ("4", 4),
        "FEED_PAGE_SIZE": ("50", 50),
        "MAX_CONTENT_LENGTH": ("1000", 1000),
        "TOKEN": ("1e3", "1e3"),  # text as written, not the number JSON would make of it
        "SERVER": ("http://127.0.0.1:5001/", "http://127.0.0.1:5001/"),
        "BASE": ("https://example.org/data", "https://example.org/data/"),
        "STORE": ("http://127.0.0.1:7878", "http://127.0.0.1:7878"),
        "STORE_QUERY_URL": ("http://e/q", "http://e/q"),
        "STORE_UPDATE_URL": ("http://e/u", "http://e/u"),
        "STORE_GRAPH_URL": ("none", "none"),
        "STORE_USER": ("reader", "reader"),
        "STORE_PASSWORD": ("secret", "secret"),
        "STORE_TOKEN": ("t0k", "t0k"),
        "STORE_TIMEOUT": ("5", 5.0),
        "STORE_TIMEOUT_PARAM": ("timeout", "timeout"),
        "STORE_DEFAULT_GRAPH": ("union", "union"),
    }
    for name, (text, _) in values.items():
        clean_env.setenv(f"COMMUNIQUE_{name}", text)
    clean_env.setenv("COMMUNIQUE_DATA", "")  # empty: unset, the app keeps its store in memory
    settings = Settings.from_env()
    assert {name: settings.to_config()[name] for name in values} == {
        name: typed for name, (_, typed) in values.items()
    }
    assert set(values) | {"DATA_DIR"} == set(NAMES)  # every setting was tried
    assert settings.data_dir is None


def test_a_bad_value_names_its_variable(clean_env):
    clean_env.setenv("COMMUNIQUE_SPARQL_TIMEOUT", "soon")
    with pytest.raises(SettingsError, match="COMMUNIQUE_SPARQL_TIMEOUT must be a number"):
        create_app({"TESTING": True})
    with pytest.raises(SettingsError, match="SPARQL_WORKERS must be a whole number"):
        Settings.from_config({"SPARQL_WORKERS": 2.5})
    with pytest.raises(SettingsError, match="SPARQL_TIMEOUT must be at least"):
        Settings.from_config({"SPARQL_TIMEOUT": 0})


@click.command()
@data_option
@base_option
@click.option("--token", cls=SettingOption, setting="token")
def show(data_dir: Path, base: str, token: str | None) -> None:
    click.echo(f"{data_dir} {base} {token}")


def test_the_commands_take_their_defaults_from_the_settings(clean_env):
    runner = CliRunner()
    assert runner.invoke(show, []).output.split() == ["data", "http://localhost:5000/", "None"]
    env = {"COMMUNIQUE_DATA": "/srv/d", "COMMUNIQUE_BASE": "http://x.org", "COMMUNIQUE_TOKEN": "t"}
    assert runner.invoke(show, [], env=env).output.split() == ["/srv/d", "http://x.org/", "t"]
    given = runner.invoke(show, ["--base", "http://y.org", "--token", "u"], env=env)
    assert given.output.split() == ["/srv/d", "http://y.org/", "u"]  # flags win, normalised


def test_a_bad_setting_stops_a_command_with_a_usage_error(clean_env):
    result = CliRunner().invoke(show, [], env={"COMMUNIQUE_VALIDATE_TIMEOUT": "-1"})
    assert result.exit_code == 2
    assert "COMMUNIQUE_VALIDATE_TIMEOUT must be at least" in result.output


def test_the_readme_lists_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ENV <= set(re.findall(r"`(COMMUNIQUE_[A-Z_]+)`", readme))
    assert "COMMUNIQUE_SPACY_MODEL" in readme


@pytest.mark.parametrize("pattern", [r"os\.environ", r"getenv\(", r"\"COMMUNIQUE_[A-Z_]+\""])
def test_only_the_settings_read_the_environment(pattern):
    # the spaCy model is the mapper's setting, read where its pipeline loads
    allowed = {"server/settings.py", "mapping/nlp/loading.py"}
    readers = {
        str(path.relative_to(ROOT))
        for folder in ("server", "mapping", "shapes", "ontology")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    }
    assert readers <= allowed
