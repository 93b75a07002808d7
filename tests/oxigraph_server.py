"""A real `oxigraph serve` (PyPI package `oxigraph`) on 127.0.0.1 at a free port, for the
tests of the remote store: started (in memory, or in a temporary folder), waited for,
stopped afterwards.

tests/conftest.py makes the fixtures available to every test module (a module may still
import them: `from oxigraph_server import engine_url, oxigraph`, the same server).
`oxigraph` is one server for the whole session (of each test process); `engine_url`
empties it (DROP ALL) and gives its URL, so each test starts on an empty engine (the tests
of one process run one at a time); `module_oxigraph` is a server for one module's tests
(which load their data once); `fresh_oxigraph` is a server of the test's own, to stop and
restart.
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
SHARED_QUERY_SECONDS = 10  # the shared servers' own query time limit (the tests' are less)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """One `oxigraph serve --location FOLDER --bind 127.0.0.1:PORT` process; without a
    folder, the server keeps its data in memory.

    The shared servers (`oxigraph`, `module_oxigraph`) keep it in memory: on disk, every
    DROP ALL leaves RocksDB tombstones that later queries wade through, and an app's
    start over the emptied engine grew from 0.3 s to 1.4 s within 30 tests (measured);
    in memory it stays at 0.2-0.3 s.
    """

    def __init__(
        self,
        folder: Path | None,
        port: int | None = None,
        *,
        query_seconds: int | None = None,
        union_default_graph: bool = False,
    ) -> None:
        self.folder = Path(folder) if folder is not None else None
        # the engine's own time limit (--timeout-s): a query our endpoint gave up on (it
        # closed the request) may otherwise run on in the engine, taking a core
        self.query_seconds = query_seconds
        # the engine's default graph the union of its named graphs, as some engines have it
        self.union_default_graph = union_default_graph
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        binary = shutil.which("oxigraph")
        if binary is None:
            pytest.skip("needs the oxigraph CLI (pip install oxigraph, in the test extra)")
        where = ["--location", str(self.folder)] if self.folder is not None else []
        if self.query_seconds is not None:
            where += ["--timeout-s", str(self.query_seconds)]
        if self.union_default_graph:
            where.append("--union-default-graph")
        self.process = subprocess.Popen(
            [binary, "serve", *where, "--bind", f"127.0.0.1:{self.port}"],
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
        """Stop the server (one with a folder keeps it: `start` again serves the same
        data)."""
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


_session_server: OxigraphServer | None = None


@pytest.fixture(scope="session")
def oxigraph() -> Iterator[OxigraphServer]:
    """One oxigraph server for the session: the same one for conftest and for the modules
    that import this fixture (each import is a fixture definition of its own to pytest)."""
    global _session_server
    if _session_server is None or _session_server.process is None:
        _session_server = OxigraphServer(None, query_seconds=SHARED_QUERY_SECONDS).start()
    yield _session_server
    _session_server.stop()  # at the session's end (a second stop does nothing)


@pytest.fixture(scope="module")
def module_oxigraph() -> Iterator[OxigraphServer]:
    """An oxigraph server for one module's tests, which load their data into it once (the
    session's server is emptied by any test that asks for `engine_url`)."""
    server = OxigraphServer(None, query_seconds=SHARED_QUERY_SECONDS).start()
    yield server
    server.stop()


@pytest.fixture
def fresh_oxigraph(tmp_path) -> Iterator[OxigraphServer]:
    """An oxigraph server of this test's own (to stop, restart or fill as it likes)."""
    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.stop()


def drop_all(url: str) -> None:
    """Empty the engine at `url`: every graph, the default one too."""
    request = urllib.request.Request(
        f"{url}/update",
        data=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 204)


@pytest.fixture
def engine_url(oxigraph: OxigraphServer) -> str:
    """The session's oxigraph server, emptied for this test."""
    drop_all(oxigraph.url)
    return oxigraph.url
