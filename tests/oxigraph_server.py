"""A real `oxigraph serve` (PyPI package `oxigraph`) on 127.0.0.1 at a free port, for the
tests of the remote store: started in a temporary folder, waited for, stopped afterwards.

Import the fixtures into a test module: `from oxigraph_server import engine_url, oxigraph`.
`oxigraph` is one server for the whole session; `engine_url` empties it (DROP ALL) and gives
its URL, so each test starts on an empty engine (the tests run one at a time);
`fresh_oxigraph` is a server of the test's own, to stop and restart.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

START_SECONDS = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """One `oxigraph serve --location FOLDER --bind 127.0.0.1:PORT` process."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = Path(folder)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        binary = shutil.which("oxigraph")
        if binary is None:
            pytest.skip("needs the oxigraph CLI (pip install oxigraph, in the test extra)")
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(self.folder), "--bind", f"127.0.0.1:{self.port}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.process.stderr.read()!r}")
            if self.answers():
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer at {self.url}")

    def answers(self) -> bool:
        request = urllib.request.Request(
            f"{self.url}/query?query=ASK%7B%7D",
            headers={"Accept": "application/sparql-results+json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """Stop the server (it keeps its folder: `start` again serves the same data)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory) -> Iterator[OxigraphServer]:
    """One oxigraph server for the session."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    yield server
    server.stop()


@pytest.fixture
def fresh_oxigraph(tmp_path) -> Iterator[OxigraphServer]:
    """An oxigraph server of this test's own (to stop, restart or fill as it likes)."""
    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.stop()


@pytest.fixture
def engine_url(oxigraph: OxigraphServer) -> str:
    """The session's oxigraph server, emptied for this test."""
    request = urllib.request.Request(
        f"{oxigraph.url}/update",
        data=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 204)
    return oxigraph.url
