"""`POST /validate` is bounded: triples read, seconds and memory spent, validations at once."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
import threading
import time

import pytest

from communique.server.app import create_app
from communique.server.settings import Settings, SettingsError
from communique.server.web import validate_worker
from communique.server.web.validate_worker import Limits

BASE = "http://localhost:5000/"
DIP = "https://w3id.org/communique/diplomacy#"
# A country without its ISO code: one Violation, validated in a few milliseconds.
SMALL = f'<{BASE}id/country/KAZ> a <{DIP}Country> ; <https://schema.org/name> "Kazakhstan" .'


def typed_nodes(n: int, cls: str = f"<{DIP}Person>") -> str:
    """`n` typed nodes as Turtle; of dip:Person each breaks a shape (seconds per thousand)."""
    return "".join(f"<http://ex/n{i}> a {cls} .\n" for i in range(n))


def make_app(**limits):
    return create_app({"TESTING": True, "DATA_DIR": None, "BASE": BASE, **limits})


def post(client, body: str, content_type: str = "text/turtle", accept: str = "application/json"):
    return client.post(
        "/validate",
        data=body.encode(),
        headers={"Content-Type": content_type, "Accept": accept},
    )


@pytest.fixture
def no_worker(monkeypatch):
    """Starting a validation worker fails the test."""

    def refuse():
        raise AssertionError("a validation worker was started")

    monkeypatch.setattr(validate_worker, "_take_worker", refuse)


def as_ntriples(n: int) -> str:
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    return "".join(f"<http://ex/n{i}> {rdf_type} <{DIP}Person> .\n" for i in range(n))


def as_jsonld(n: int) -> str:
    return json.dumps([{"@id": f"http://ex/n{i}", "@type": f"{DIP}Person"} for i in range(n)])


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/turtle", typed_nodes(51)),
        ("application/n-triples", as_ntriples(51)),
        ("application/ld+json", as_jsonld(51)),
    ],
)
def test_over_the_triple_limit_is_413_before_any_worker(no_worker, content_type, body):
    response = post(make_app(VALIDATE_MAX_TRIPLES=50).test_client(), body, content_type)
    assert response.status_code == 413
    assert "50 triples" in response.json["message"]
    assert response.json["max_triples"] == 50


def test_at_the_triple_limit_is_validated():
    response = post(make_app(VALIDATE_MAX_TRIPLES=50).test_client(), typed_nodes(50))
    assert response.status_code == 200
    assert response.json["triples"] == 50
    assert response.json["counts"]["Violation"] >= 50


def test_the_form_names_the_limit_too(no_worker):
    response = (
        make_app(VALIDATE_MAX_TRIPLES=50)
        .test_client()
        .post(
            "/validate",
            data={"data": typed_nodes(51), "input_format": "ttl"},
            headers={"Accept": "text/html"},
        )
    )
    assert response.status_code == 413
    assert "more than 50 triples" in response.get_data(as_text=True)


def test_the_typed_node_attack_is_refused_quickly(no_worker):
    # ~4.9 MB of Turtle, ~140,000 typed nodes, under the 5 MB body limit: once 78 s and 2.6 GB.
    body = "@prefix ex: <http://ex/> .\n" + typed_nodes(140_000, "ex:C")
    assert len(body) < 5 * 2**20
    client = make_app().test_client()
    started = time.monotonic()
    response = post(client, body)
    assert response.status_code == 413
    assert f"{Settings().validate_max_triples:,} triples" in response.json["message"]
    assert time.monotonic() - started < 10  # generous: it takes a fraction of a second


def test_a_validation_past_the_time_limit_is_503_and_its_worker_killed(caplog):
    app = make_app(VALIDATE_TIMEOUT=0.5, VALIDATE_MAX_TRIPLES=100_000)
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger=validate_worker.__name__):
        response = post(client, typed_nodes(3000))  # seconds of work
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "0.5 s" in response.json["message"]
    (pid,) = [int(n) for n in re.findall(r"validation worker (\d+) killed", caplog.text)]
    assert pid not in {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # Its slot is free again and the next worker is a fresh one.
    assert post(client, SMALL).status_code == 200


def test_a_validation_past_the_memory_limit_gets_a_clear_error():
    app = make_app(VALIDATE_MAX_MEMORY_MB=5, VALIDATE_MAX_TRIPLES=100_000, VALIDATE_TIMEOUT=60)
    client = app.test_client()
    for accept in ("application/json", "text/turtle"):
        response = post(client, typed_nodes(3000), accept=accept)  # ~100 MB to validate
        assert response.status_code == 413
        assert response.json["message"].startswith("validation needed more than 5 MB")
    page = post(client, typed_nodes(3000), accept="text/html")
    assert page.status_code == 413
    assert "validation needed more than 5 MB" in page.get_data(as_text=True)
    assert post(client, SMALL).status_code == 200  # small graphs still fit


def test_past_the_concurrency_limit_is_503_at_once(no_worker):
    app = make_app(VALIDATE_CONCURRENCY=1, VALIDATE_TIMEOUT=30)
    client = app.test_client()
    with validate_worker.slot(app, Limits.from_config(app.config)):  # one validation running
        response = post(client, SMALL)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "already running 1 validation" in response.json["message"]


def test_two_heavy_validations_at_once_one_is_refused_at_once():
    app = make_app(VALIDATE_CONCURRENCY=1, VALIDATE_TIMEOUT=1.5, VALIDATE_MAX_TRIPLES=100_000)
    # (twice what a slow machine validates in the time allowed: a fast one must not finish)
    body = typed_nodes(6000)
    answers: list[tuple[float, int, str]] = []

    def attack() -> None:
        started = time.monotonic()
        response = post(app.test_client(), body)
        answers.append((time.monotonic() - started, response.status_code, response.json["message"]))

    threads = [threading.Thread(target=attack) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    (busy, busy_status, busy_message), (slow, slow_status, slow_message) = sorted(answers)
    assert (busy_status, slow_status) == (503, 503)
    assert "already running" in busy_message
    assert "longer than 1.5 s" in slow_message
    assert busy < slow
    assert post(app.test_client(), SMALL).status_code == 200  # the slot was given back


def test_a_normal_validation_leaves_no_worker_behind_but_the_spare():
    client = make_app().test_client()
    for _ in range(3):
        response = post(client, SMALL)
        assert response.status_code == 200
        assert response.json["conforms"] is False
    workers = [p for p in multiprocessing.active_children() if p.name == "validate"]
    assert len(workers) <= 1  # the next request's worker, forked ahead


def test_limits_come_from_the_settings_with_defaults():
    defaults = Limits.from_config(Settings.from_config({}).to_config())
    assert defaults == Limits(max_triples=10_000, timeout=20.0, memory_mb=1024, concurrency=2)
    settings = Settings.from_config(
        {
            "VALIDATE_MAX_TRIPLES": "500",
            "VALIDATE_TIMEOUT": "2.5",
            "VALIDATE_MAX_MEMORY_MB": "64",
            "VALIDATE_CONCURRENCY": "1",
        }
    )
    limits = Limits.from_config(settings.to_config())
    assert limits == Limits(max_triples=500, timeout=2.5, memory_mb=64, concurrency=1)
    assert limits.retry_after == "3"
    with pytest.raises(SettingsError, match="COMMUNIQUE_VALIDATE_CONCURRENCY must be at least 1"):
        Settings.from_config({"VALIDATE_CONCURRENCY": "0"})
