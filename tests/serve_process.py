"""`communique serve` in a process of its own, for the tests that need a real server:
started on 127.0.0.1 at a free port, waited for, stopped afterwards.

    with serving(["--data", str(data)], path="/sparql") as server:
        urllib.request.urlopen(server.url + "/sparql?query=...")
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from oxigraph_server import free_port

COMMUNIQUE = str(Path(sys.executable).parent / "communique")
__all__ = ["COMMUNIQUE", "Served", "free_port", "serving", "stop", "wait_until_up"]


@dataclass
class Served:
    url: str  # http://127.0.0.1:PORT, without a closing "/"
    port: int
    process: subprocess.Popen


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Return once `url` answers 200; RuntimeError if the process exits or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {seconds} s")


def stop(process: subprocess.Popen, seconds: float = 20) -> None:
    """SIGTERM (the server finishes its requests and exits), then SIGKILL if it hangs."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serving(
    args: list[str],
    *,
    path: str = "/",
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    seconds: float = 60,
    own_base: bool = False,
    **popen: object,
) -> Iterator[Served]:
    """`communique serve --host 127.0.0.1 --port PORT *args`, up once `path` answers;
    `own_base`: with `--base` its own address, so that its pages link to themselves."""
    port = free_port()
    command = [COMMUNIQUE, "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    if own_base:
        command += ["--base", f"http://127.0.0.1:{port}/"]
    process = subprocess.Popen(command, env=env, cwd=cwd, **popen)  # type: ignore[call-overload]
    served = Served(f"http://127.0.0.1:{port}", port, process)
    try:
        wait_until_up(served.url + path, process, seconds)
        yield served
    finally:
        if process.returncode is None:
            stop(process)
