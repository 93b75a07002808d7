"""The HTTP/1.1 a remote engine speaks, on one socket: a request written in one send, the
response's head parsed, and its body framed (chunked, Content-Length, or to the end of the
connection, RFC 9112 section 6.3) and read on demand.

Our own, not http.client: a SPARQL engine streams its results in many small chunks
(Oxigraph server: one chunk per kilobyte or so), and http.client reads each chunk's size
line and data through several Python calls and its email-based header parser. Measured on
loopback against `oxigraph serve`, a join's 37 kB answer cost 0.48 ms of CPU through
http.client and 0.23 ms decoded here, on the web process that shares its cores with the
engine. The body is a raw file (`io.RawIOBase`), so parsers can read it buffered.
"""

from __future__ import annotations

import io
import re
import socket
import ssl
from collections.abc import Mapping

RECEIVE = 64 * 1024  # bytes asked of the socket at a time
MAX_HEAD = 64 * 1024  # a response head (status line and headers) longer than this is refused
MAX_LINE = 4096  # a chunk-size line longer than this is refused
NO_BODY = {204, 304}
# a chunk-size line: hex digits (not the sign, "0x" or "_" that int() would take too), maybe
# extensions after ";" (ignored), RFC 9112 section 7.1
_SIZE_LINE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?\r\n")


class BadResponse(OSError):
    """The engine's answer was not HTTP/1.1 we can read, or it ended before its body did."""


class Headers(dict):
    """Response headers by lower-cased name (repeated ones joined with ", ")."""

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(name.lower(), default)

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name.lower())


class Connection:
    """One kept-alive connection to an origin; one request at a time."""

    def __init__(self, scheme: str, host: str, port: int | None, timeout: float) -> None:
        self.https = scheme == "https"
        self.host = host
        self.port = port or (443 if self.https else 80)
        self.timeout = timeout
        self.sock: socket.socket | None = None
        self.reusable = True  # false once a response said it ends the connection
        name = f"[{host}]" if ":" in host else host
        default = self.port == (443 if self.https else 80)
        self.host_header = name if default else f"{name}:{self.port}"

    def connect(self) -> None:
        sock = socket.create_connection((self.host, self.port), self.timeout)
        # a request goes out in one send: do not wait for an acknowledgement to send it
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.https:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.host)
        self.sock = sock

    def request(
        self, method: str, target: str, body: bytes | None, headers: Mapping[str, str]
    ) -> Response:
        """Send one request and read its response's head; the body is read on demand."""
        if self.sock is None:
            raise BadResponse("not connected: call connect() first")
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self.host_header}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append("Accept-Encoding: identity")
        if body is not None or method in ("POST", "PUT"):
            lines.append(f"Content-Length: {len(body or b'')}")
        if _injected(lines):
            raise ValueError("a request line or header holds a line break")
        head = "\r\n".join(lines).encode("latin-1")
        self.sock.sendall(head + b"\r\n\r\n" + (body or b""))
        return Response(self, method)

    def close(self) -> None:
        """Close the socket, waking a read another thread waits in (close alone would not)."""
        sock, self.sock = self.sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def _injected(lines: list[str]) -> bool:
    return any(c in line for line in lines for c in "\r\n\0")


class Response(io.RawIOBase):
    """A response: status, headers, and the body as a raw file read from the socket."""

    def __init__(self, conn: Connection, method: str) -> None:
        self.conn = conn
        self.sock = conn.sock
        self.buffer = bytearray()  # received, not yet decoded
        while True:
            status, headers = self._head()
            if not 100 <= status < 200:  # an interim answer (100 Continue) comes first
                break
        self.status = status
        self.headers = headers
        if "close" in (headers.get("connection") or "").lower():
            conn.reusable = False
        self.chunked = self.length = None
        self.done = method == "HEAD" or status in NO_BODY
        if self.done:
            return
        if "chunked" in (headers.get("transfer-encoding") or "").lower():
            self.chunked, self.left, self.crlf = True, 0, False
        elif headers.get("content-length") is not None:
            try:
                self.length = int(headers["content-length"])
            except ValueError:
                raise BadResponse("the engine sent an invalid Content-Length") from None
            self.left, self.done = self.length, self.length == 0
        else:  # the body ends with the connection
            conn.reusable = False

    def _receive(self) -> bool:
        """More bytes from the socket into the buffer; False at the end of the connection."""
        if self.sock is None or self.conn.sock is not self.sock:
            raise BadResponse("the connection was closed")
        data = self.sock.recv(RECEIVE)
        self.buffer += data
        return bool(data)

    def _head(self) -> tuple[int, Headers]:
        while (end := self.buffer.find(b"\r\n\r\n")) < 0:
            if len(self.buffer) > MAX_HEAD:
                raise BadResponse("the engine's response head is too long")
            if not self._receive():
                raise BadResponse("the engine closed the connection without answering")
        lines = self.buffer[:end].decode("latin-1").split("\r\n")
        del self.buffer[: end + 4]
        version, _, rest = lines[0].partition(" ")
        code = rest[:3]
        if not version.startswith("HTTP/1.") or not code.isdigit():
            raise BadResponse(f"not an HTTP/1.1 response: {lines[0][:80]!r}")
        headers = Headers()
        for line in lines[1:]:
            name, colon, value = line.partition(":")
            if not colon:
                raise BadResponse(f"a malformed header line: {line[:80]!r}")
            name, value = name.strip().lower(), value.strip()
            headers[name] = f"{dict.get(headers, name)}, {value}" if name in headers else value
        if version == "HTTP/1.0" and "keep-alive" not in (headers.get("connection") or ""):
            self.conn.reusable = False
        return int(code), headers

    def piece(self, limit: int = RECEIVE) -> bytes:
        """The next decoded bytes of the body, at most `limit`, waiting for the socket only
        when nothing is decoded yet; b"" at the end of the body."""
        if self.done:
            return b""
        if self.chunked:
            return self._chunks(limit)
        if not self.buffer and not self._receive():
            if self.length is not None:
                raise BadResponse("the engine closed the connection before the body's end")
            self.done = True
            return b""
        take = len(self.buffer) if self.length is None else min(self.left, len(self.buffer))
        take = min(take, limit)
        data = bytes(self.buffer[:take])
        del self.buffer[:take]
        if self.length is not None:
            self.left -= take
            self.done = self.left == 0
        return data

    def _chunks(self, limit: int) -> bytes:
        # one pass over what was received, in locals: a position moves on, the buffer is
        # cut once (an answer comes in dozens of small chunks: this loop is the hot path)
        buffer, out = self.buffer, []
        size = pos = 0
        left, crlf = self.left, self.crlf
        try:
            while size < limit:
                if left:  # inside a chunk
                    have = len(buffer) - pos
                    if not have:
                        if out:
                            break
                        pos = self._refill(pos)
                        continue
                    take = min(left, have, limit - size)
                    out.append(buffer[pos : pos + take])
                    pos, size, left = pos + take, size + take, left - take
                    crlf = not left
                    continue
                # at a boundary: the CRLF that ends the previous chunk, then a size line
                line = _SIZE_LINE.match(buffer, pos + 2 if crlf else pos)
                if line is None or (crlf and buffer[pos : pos + 2] != b"\r\n"):
                    if buffer.find(b"\r\n", pos + 2 if crlf else pos) >= 0:
                        _bad_boundary(buffer, pos, crlf)
                    if len(buffer) - pos > MAX_LINE:
                        raise BadResponse("a chunk-size line is too long")
                    if out:
                        break
                    pos = self._refill(pos)
                    continue
                left, crlf, pos = int(line[1], 16), False, line.end()
                if left and pos + left <= len(buffer) and size + left <= limit:
                    # the usual case: the whole chunk is here already
                    out.append(buffer[pos : pos + left])
                    pos, size, left, crlf = pos + left, size + left, 0, True
                    continue
                if not left:
                    del buffer[:pos]
                    pos = 0
                    self._trailer()
                    break
        finally:
            self.left, self.crlf = left, crlf
        del buffer[:pos]
        return b"".join(out)

    def _refill(self, pos: int) -> int:
        """Drop the bytes decoded up to `pos`, wait for more; the position is then 0."""
        del self.buffer[:pos]
        self._more()
        return 0

    def _more(self) -> None:
        if not self._receive():
            raise BadResponse("the engine closed the connection before the body's end")

    def _trailer(self) -> None:
        """Skip the trailer fields after the last chunk, up to the empty line."""
        while True:
            end = self.buffer.find(b"\r\n")
            if end < 0:
                self._more()
                continue
            line = self.buffer[:end]
            del self.buffer[: end + 2]
            if not line:
                self.done = True
                return

    # -- io.RawIOBase, for buffered readers and parsers -----------------------------------

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.piece(len(target))
        target[: len(data)] = data
        return len(data)

    def readall(self) -> bytes:
        parts = []
        while data := self.piece():
            parts.append(data)
        return b"".join(parts)

    def finished(self) -> bool:
        """True once the whole body was read (the connection can take another request)."""
        return self.done


def _bad_boundary(buffer: bytearray, pos: int, crlf: bool) -> None:
    """Raise BadResponse for a complete chunk boundary that is malformed."""
    if crlf and buffer[pos : pos + 2] != b"\r\n":
        raise BadResponse("a chunk of the engine's answer ends without CRLF")
    start = pos + 2 if crlf else pos
    raise BadResponse(f"an invalid chunk size: {bytes(buffer[start : start + 40])!r}")
