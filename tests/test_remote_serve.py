"""Two `communique serve` processes over one `oxigraph serve`: an article posted to one is
read through the other at once (no state in a server process but short caches)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import engine_url, free_port, oxigraph  # noqa: F401 - fixtures
from serve_process import COMMUNIQUE, stop, wait_until_up

pytestmark = pytest.mark.slow

BASE = "http://localhost:5000/"
TOKEN = "remote-test-token"
ARTICLE = Path(__file__).parent.parent / "examples" / "articles" / "uzbekistan-kazakhstan-talks.txt"


@pytest.fixture
def two_servers(engine_url, tmp_path) -> Iterator[list[str]]:  # noqa: F811 - the fixture
    env = {**os.environ, "COMMUNIQUE_STORE": engine_url, "COMMUNIQUE_TOKEN": TOKEN}
    processes, urls = [], []
    try:
        for _ in range(2):
            port = free_port()
            command = [
                COMMUNIQUE, "serve",
                "--host", "127.0.0.1", "--port", str(port), "--base", BASE,
                "--data", str(tmp_path / "unused"),
            ]  # fmt: skip
            processes.append(subprocess.Popen(command, env=env, cwd=tmp_path))
            urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(urls, processes, strict=True):
            wait_until_up(url + "/sparql?query=ASK%7B%7D", process)
        yield urls
    finally:
        for process in processes:
            stop(process)
    assert not (tmp_path / "unused" / "oxigraph").exists()  # the engine holds the data


def get(url: str, accept: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_an_article_posted_to_one_server_is_read_through_the_other(two_servers):
    first, second = two_servers
    posted = urllib.request.Request(
        first + "/articles",
        data=ARTICLE.read_bytes(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
        method="POST",
    )
    with urllib.request.urlopen(posted, timeout=300) as response:
        assert response.status == 201
        iri = json.loads(response.read())["iri"]
    path = iri.removeprefix(BASE)
    status, body = get(f"{second}/{path}", "text/turtle")
    assert status == 200 and b"/id/place/tashkent-uzb" in body
    ask = urllib.parse.quote(f"ASK {{ <{iri}> ?p ?o }}")
    status, body = get(f"{second}/sparql?query={ask}", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True
