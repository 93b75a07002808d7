"""`communique follow` against a real HTTP server on loopback: a copy built by replaying the
feed equals the source after creates, replacements and deletes, while it polls, and after
the follower is killed mid-way and started again, with no revision applied twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_feed import members, same_states, stored_states
from test_sparql_support import article_graph

from communique.ontology.namespace import DIP
from communique.server.store.articles import Store

pytestmark = pytest.mark.slow

COMMAND = [str(Path(sys.executable).parent / "communique"), "-v", "follow"]


def article(n: int, version: int = 0):
    """Article n; each version names another participant, so versions differ."""
    person = (f"person-{n}-{version}", f"Person {n} version {version}")
    return article_graph(f"2024-02-01-{n:010d}", "2024-02-01", DIP.Meeting, [person])


@pytest.fixture
def served(app):
    """The app fixture's store (pages of 3 members) behind a real HTTP server on loopback,
    in a thread, so the test can change the store while the server runs."""
    from werkzeug.serving import make_server

    store = app.extensions["communique.store"]
    store.feed.page_size = 3
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/feed", store
    server.shutdown()
    thread.join()


def follow(url: str, out: Path, *extra: str) -> subprocess.Popen:
    args = [*COMMAND, url, "--out", str(out), *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def follow_once(url: str, out: Path) -> None:
    proc = follow(url, out, "--once")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err


def wait_for(stream, marker: str, count: int = 1, seconds: float = 120) -> None:
    """Read lines until `count` of them contain marker."""
    deadline, seen = time.monotonic() + seconds, 0
    while seen < count:
        line = stream.readline()
        assert line and time.monotonic() < deadline, f"no {marker!r} line"
        seen += marker in line


def assert_copy_equals(source: Store, out: Path) -> None:
    """The copy holds the source's graphs, each revision applied once and in order."""
    with Store.open(out / "data", source.base) as copy:
        assert same_states(stored_states(copy), stored_states(source))
        assert copy.count() == source.count()
        replayed = [m.source for m in members(copy)]
    assert replayed == [m.iri for m in members(source)]


def test_follow_replays_polls_and_resumes_after_a_kill(served, tmp_path):
    url, source = served
    out = tmp_path / "copy"
    for n in range(6):
        source.put_article(article(n))
    source.put_article(article(1, version=1))
    source.delete_article(str(article(2).iri))
    follow_once(url, out)
    assert_copy_equals(source, out)

    poller = follow(url, out, "--interval", "0.2")  # polls the newest page
    wait_for(poller.stdout, "following")
    source.put_article(article(3, version=1))
    source.put_article(article(6))
    wait_for(poller.stdout, "applied 2 revision(s)")
    poller.send_signal(signal.SIGTERM)
    assert poller.wait(timeout=30) == 0
    assert_copy_equals(source, out)

    for n in range(7, 67):  # twenty pages to replay: time to kill the follower mid-way
        source.put_article(article(n))
    source.delete_article(str(article(0).iri))
    killed = follow(url, out)
    wait_for(killed.stderr, "applied", count=2)  # two pages applied
    os.kill(killed.pid, signal.SIGKILL)
    assert killed.wait(timeout=30) == -signal.SIGKILL
    with Store.open(out / "data", source.base) as copy:
        assert len(members(copy)) < len(members(source)), "the kill did not land mid-way"

    source.put_article(article(10, version=1))  # while the follower is down
    source.delete_article(str(article(11).iri))
    follow_once(url, out)
    assert_copy_equals(source, out)


def test_follow_refuses_what_is_no_feed(served, tmp_path):
    url, _ = served
    proc = follow(url[: -len("feed")] + "shapes", tmp_path / "copy", "--once")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "error:" in err


def test_a_stop_signal_never_waits_on_the_stop_event_it_sets():
    """A signal arriving while the main thread holds the stop event's lock (as it does for
    a moment in each stop.wait() between polls) must not deadlock the follower."""
    from communique.server.cli.follow import stop_on_signals

    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM)}

    def hung(*_):
        raise TimeoutError("the signal handler waited on the stop event's lock")

    try:
        signal.signal(signal.SIGALRM, hung)  # a deadlock becomes a failure, not a hang
        signal.alarm(5)
        stop = stop_on_signals()
        with stop._cond:  # what stop.wait() holds while it checks the flag
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.1)  # the handler runs here, in this thread, holding the lock
        assert stop.wait(5)
    finally:
        signal.alarm(0)
        for signum, handler in saved.items():
            signal.signal(signum, handler)
