"""Our HTTP/1.1 to a remote engine (server/store/http11.py through the Transport's pool):
each way a body can be framed, connections kept alive only when the answer allows it,
malformed and cut-off answers, and a read ended from another thread. The engine here is a
socket server that answers with canned bytes, sent in pieces so reads see partial data."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from communique.server.store.http11 import BadResponse
from communique.server.store.transport import EngineResponse, Transport

CLOSE = b""  # a piece that ends the connection after the answer
CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"


class Canned:
    """A server answering the n-th request with answers[n]: a list of byte pieces, sent
    with a pause between them, CLOSE ending the connection (None: hold the connection open
    without answering)."""

    def __init__(self, answers: list[list[bytes] | None]) -> None:
        self.answers = list(answers)
        self.requests: list[bytes] = []
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.release = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        with conn:
            while self.answers:
                while b"\r\n\r\n" not in data:
                    more = conn.recv(65536)
                    if not more:
                        return
                    data += more
                head, _, data = data.partition(b"\r\n\r\n")
                length = next(
                    (int(line.split(b":")[1]) for line in head.split(b"\r\n")
                     if line.lower().startswith(b"content-length:")),
                    0,
                )  # fmt: skip
                while len(data) < length:
                    data += conn.recv(65536)
                self.requests.append(head + b"\r\n\r\n" + data[:length])
                data = data[length:]
                answer = self.answers.pop(0)
                if answer is None:
                    self.release.wait(10)
                    return
                for piece in answer:
                    if piece is CLOSE:
                        return
                    conn.sendall(piece)
                    time.sleep(0.005)

    def close(self) -> None:
        self.release.set()
        self.listener.close()


@contextmanager
def engine(*answers: list[bytes] | None) -> Iterator[tuple[Canned, Transport]]:
    server = Canned(list(answers))
    transport = Transport(user=None, password=None, token=None, pool_size=4)
    try:
        yield server, transport
    finally:
        transport.close()
        server.close()


def get(server: Canned, transport: Transport, method: str = "GET") -> EngineResponse:
    url = f"http://127.0.0.1:{server.port}/query"
    return transport.send(method, url, None, {"Accept": "text/plain"}, None, 5)


def chunked(*chunks: bytes, trailer: bytes = b"") -> list[bytes]:
    pieces = [CHUNKED.encode()]
    for chunk in chunks:
        pieces += [b"%x;ext=1\r\n" % len(chunk), chunk, b"\r\n"]
    return [*pieces, b"0\r\n" + trailer + b"\r\n"]


def test_a_chunked_body_is_decoded_and_the_connection_kept():
    world = b"world" * 3000
    first = [
        CHUNKED.encode(),
        b"0006\r\nhel",  # leading zeros; the chunk and its CRLF arrive split
        b"lo \r",
        b"\n%X;name=value\r\n" % len(world),  # upper-case hex, an extension
        world,
        b"\r\n0\r\nX-Checksum: 1\r\n\r\n",  # a trailer field
    ]
    second = chunked(b"again")
    with engine(first, second) as (server, transport):
        with get(server, transport) as response:
            assert response.status_code == 200
            assert response.headers.get("content-type") == "text/plain"
            assert response.headers["CONTENT-TYPE"] == "text/plain"
            body = response.content
        with get(server, transport) as response:
            assert response.content == b"again"
    assert server.connections == 1
    assert body == b"hello " + world


def test_pieces_never_exceed_their_size_and_add_up_to_the_body():
    body = bytes(range(256)) * 40
    with engine(chunked(body[:5000], body[5000:])) as (server, transport):
        with get(server, transport) as response:
            pieces = list(response.iter_content(1000))
    assert all(0 < len(p) <= 1000 for p in pieces)
    assert b"".join(pieces) == body


def test_a_body_of_a_given_length_and_one_that_ends_with_the_connection():
    sized = [b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello", b" world"]
    unframed = [b"HTTP/1.1 200 OK\r\n\r\nto the", b" end", CLOSE]
    with engine(sized, unframed, sized) as (server, transport):
        for expected in (b"hello world", b"to the end", b"hello world"):
            with get(server, transport) as response:
                assert response.content == expected
    # the unframed answer ended its connection: the third request needed a new one
    assert server.connections == 2


def test_an_interim_answer_is_skipped_and_a_bodiless_answer_reads_nothing():
    interim = [b"HTTP/1.1 100 Continue\r\n\r\n", b"HTTP/1.1 204 No Content\r\n\r\n"]
    head = [b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"]
    with engine(interim, head, chunked(b"next")) as (server, transport):
        with get(server, transport) as response:
            assert (response.status_code, response.content) == (204, b"")
        with get(server, transport, "HEAD") as response:
            assert (response.status_code, response.content) == (200, b"")
        assert get(server, transport).content == b"next"
    assert server.connections == 1


def test_connection_close_and_http_1_0_are_not_kept():
    closing = [b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", CLOSE]
    old = [b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", CLOSE]
    with engine(closing, old, old) as (server, transport):
        for _ in range(3):
            with get(server, transport) as response:
                assert response.content == b"ok"
    assert server.connections == 3


def test_repeated_headers_are_joined():
    answer = [b"HTTP/1.1 200 OK\r\nVary: Accept\r\nvary: Origin\r\nContent-Length: 0\r\n\r\n"]
    with engine(answer) as (server, transport):
        assert get(server, transport).headers.get("Vary") == "Accept, Origin"


@pytest.mark.parametrize(
    "answer",
    [
        [CHUNKED.encode(), b"zz\r\nhello\r\n0\r\n\r\n"],  # not a hex size
        [CHUNKED.encode(), b"-5\r\nhello\r\n0\r\n\r\n"],  # a sign
        [CHUNKED.encode(), b"5\r\nhelloXX0\r\n\r\n"],  # no CRLF after the data
        [CHUNKED.encode(), b"a\r\nhel", CLOSE],  # cut off inside a chunk
        [b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel", CLOSE],  # cut off early
        [b"HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"],
        [b"SPARQL/1.1 200 OK\r\n\r\n"],
        [b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"],
    ],
)
def test_a_malformed_or_cut_off_answer_is_an_error_and_its_connection_dropped(answer):
    with engine(answer, chunked(b"fresh")) as (server, transport):
        with pytest.raises(BadResponse):
            with get(server, transport) as response:
                response.content  # noqa: B018 - reading it is what fails
        assert get(server, transport).content == b"fresh"
    assert server.connections == 2


def test_closing_from_another_thread_ends_a_read_waiting_on_the_engine():
    stalled = [CHUNKED.encode() + b"5\r\nhello\r\n"]  # then nothing, the connection open
    with engine(stalled, None) as (server, transport):
        response = get(server, transport)
        pieces = response.iter_content(1000)
        assert next(pieces) == b"hello"
        threading.Timer(0.2, response.close).start()
        started = time.monotonic()
        with pytest.raises(OSError):
            next(pieces)
        assert time.monotonic() - started < 3


def test_the_body_reads_as_a_buffered_file():
    lines = b"".join(b"line %d\n" % i for i in range(2000))
    with engine(chunked(lines[:7000], lines[7000:])) as (server, transport):
        with get(server, transport) as response:
            reader = io.BufferedReader(response.raw, buffer_size=4096)
            assert reader.readlines() == lines.splitlines(keepends=True)


def test_a_request_with_a_body_says_its_length_and_headers_cannot_hold_line_breaks():
    with engine(chunked(b"done")) as (server, transport):
        url = f"http://127.0.0.1:{server.port}/update?x=1"
        body = "INSERT DATA { <a:s> <a:p> 'é' }".encode()
        headers = {"Content-Type": "application/sparql-update"}
        with transport.send("POST", url, body, headers, {"y": "a b"}, 5) as response:
            assert response.content == b"done"
        with pytest.raises(ValueError):
            transport.send("POST", url, b"", {"X-Evil": "a\r\nInjected: 1"}, None, 5)
    request = server.requests[0]
    assert request.startswith(b"POST /update?x=1&y=a+b HTTP/1.1\r\n")
    assert f"\r\nHost: 127.0.0.1:{server.port}\r\n".encode() in request
    assert b"\r\nContent-Length: %d\r\n" % len(body) in request
    assert request.endswith(b"\r\n\r\n" + body)
