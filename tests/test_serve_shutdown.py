"""`communique serve` in its own process: SIGTERM and Ctrl+C (SIGINT to the process group)
stop it cleanly, and a port already in use is one clear error."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from serve_process import free_port, wait_until_up

pytestmark = pytest.mark.slow

COMMUNIQUE = str(Path(sys.executable).parent / "communique")
ASK = "ASK { ?s ?p ?o }"
# Never finishes within the time limit: the server answers 503 when that runs out.
RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUERY_TIMEOUT = 2.0
EXIT_WITHIN = 15  # seconds; the shutdown itself takes well under one


class Server:
    """A `communique serve` process on a free port, its stderr in a file."""

    def __init__(
        self,
        data: Path,
        *,
        new_session: bool = False,
        query_timeout: float = QUERY_TIMEOUT,
        host: str = "127.0.0.1",
    ) -> None:
        self.port = free_port()
        self.data = data
        self.stderr_path = data.parent / f"stderr-{self.port}.txt"
        command = [
            COMMUNIQUE, "serve", "--host", host, "--port", str(self.port),
            "--data", str(data),
        ]  # fmt: skip
        env = {**os.environ, "COMMUNIQUE_SPARQL_TIMEOUT": str(query_timeout)}
        with self.stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                command, env=env, stderr=stderr, start_new_session=new_session
            )
        wait_until_up(self.url("/"), self.process)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def sparql(self, query: str) -> tuple[int, bytes]:
        url = self.url("/sparql?" + urllib.parse.urlencode({"query": query}))
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """For the fixture's cleanup: whatever a failed test left running, query workers
        included (killed with the server, they would run a runaway query to its end)."""
        if self.process.poll() is None:
            workers = descendants(self.process.pid)
            self.process.kill()
            self.process.wait()
            for pid in workers:
                if running(pid):
                    os.kill(pid, signal.SIGKILL)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def descendants(pid: int) -> set[int]:
    """The processes under `pid`: the server's worker process and its query workers."""
    found = children(pid)
    for child in list(found):
        found |= descendants(child)
    return found


def running(pid: int) -> bool:
    """True unless the process is gone (a zombie waiting for init counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def server(data):
    started = Server(data)
    yield started
    started.stop()


def assert_stopped_cleanly(server: Server, workers: set[int]) -> None:
    assert server.process.wait(timeout=EXIT_WITHIN) == 0, server.stderr()
    stderr = server.stderr()
    assert "Traceback" not in stderr, stderr
    assert "stopping" in stderr
    ox.Store(str(server.data))  # opens: the store's lock was released
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(running(pid) for pid in workers), "query workers left behind"


def test_sigterm_stops_the_server_its_workers_and_the_store(server):
    (banner,) = [line for line in server.stderr().splitlines() if "serving" in line]
    assert f"at http://127.0.0.1:{server.port}/" in banner
    assert server.sparql(ASK)[0] == 200
    workers = descendants(server.process.pid)
    assert len(workers) >= 2, "the server's worker process, and a query worker under it"
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    assert_stopped_cleanly(server, workers)
    assert time.monotonic() - started < EXIT_WITHIN


def test_ctrl_c_stops_the_server_and_its_workers_quietly(data):
    server = Server(data, new_session=True)
    try:
        assert server.sparql(ASK)[0] == 200
        workers = descendants(server.process.pid)
        assert workers
        # Ctrl+C in a terminal signals the whole foreground process group, workers included
        os.killpg(server.process.pid, signal.SIGINT)
        assert_stopped_cleanly(server, workers)
    finally:
        server.stop()


def test_a_worker_process_that_dies_is_started_again(server):
    assert server.sparql(ASK)[0] == 200
    (worker,) = children(server.process.pid)  # the process that holds the app
    os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + EXIT_WITHIN
    while time.monotonic() < deadline:
        fresh = children(server.process.pid) - {worker}
        if fresh and server.process.poll() is None:
            try:
                if server.sparql(ASK)[0] == 200:
                    break
            except OSError:  # not listening again yet
                pass
        time.sleep(0.2)
    else:
        raise AssertionError(f"no new worker answered: {server.stderr()}")
    assert server.process.poll() is None
    server.process.send_signal(signal.SIGTERM)
    assert_stopped_cleanly(server, descendants(server.process.pid))


def test_a_request_in_progress_gets_its_answer(server):
    assert server.sparql(ASK)[0] == 200  # a worker is ready: the runaway query starts at once
    workers = descendants(server.process.pid)
    outcome: dict = {}

    def ask() -> None:
        outcome["answer"] = server.sparql(RUNAWAY)

    client = threading.Thread(target=ask)
    client.start()
    time.sleep(0.5)  # the query is running in a worker
    server.process.send_signal(signal.SIGTERM)
    time.sleep(0.5)  # the signal has been seen: the listening socket is closed
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", server.port), timeout=5).close()
    client.join(timeout=EXIT_WITHIN)
    status, body = outcome["answer"]
    assert status == 503 and b"timed out" in body  # the time limit's answer, not a reset
    assert_stopped_cleanly(server, workers)


def test_a_second_signal_stops_at_once(data):
    # the query would hold the shutdown for the whole grace period (10 s)
    server = Server(data, query_timeout=60)

    def ask() -> None:
        try:
            server.sparql(RUNAWAY)
        except OSError:  # cut off or answered: either will do
            pass

    client = threading.Thread(target=ask)
    try:
        client.start()
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=EXIT_WITHIN) == 0
        assert time.monotonic() - started < 5
        client.join(timeout=EXIT_WITHIN)
        assert "Traceback" not in server.stderr()
        ox.Store(str(server.data))
    finally:
        server.stop()


def test_a_port_in_use_is_one_clear_error(data):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [
            COMMUNIQUE, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", str(data),
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [f"error: cannot listen on 127.0.0.1:{port}: Address already in use"]
    assert result.stdout == ""
    ox.Store(str(data))  # the store was closed on the way out


def test_the_default_host_name_is_served(data):
    # granian binds IP addresses: the name (the default, localhost) is resolved first
    server = Server(data, host="localhost")
    try:
        assert server.sparql(ASK)[0] == 200  # reached at 127.0.0.1
        (banner,) = [line for line in server.stderr().splitlines() if "serving" in line]
        assert f"at http://localhost:{server.port}/" in banner
    finally:
        server.stop()


def test_an_unknown_host_is_one_clear_error(data):
    command = [COMMUNIQUE, "serve", "--host", "no-such-host.invalid", "--data", str(data)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot listen on no-such-host.invalid:5000: ")
