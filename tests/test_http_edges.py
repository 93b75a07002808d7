"""Requests at the edges that once ended in a 500: out-of-range ?page=, non-ASCII bytes in
the Authorization header, JSON nested past Python's recursion limit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from serve_process import free_port, wait_until_up

from communique.server.web.resources import MAX_PAGE

AUTH = {"Authorization": "Bearer test-token"}
UNAUTHORIZED = "a valid bearer token is required"


# -- ?page= of the listings ----------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "9223372036854775807",
        "18446744073709551616",
        "9" * 5000,  # past int()'s 4300-digit limit for str
        str(MAX_PAGE + 1),
        "0",
        "-1",
        "-9223372036854775808",
        "abc",
        "1.5",
        "+2",
        " 2",
        "2_0",
        "\uff12",  # a full-width 2: int() reads it, ?page= does not
        "",
    ],
)
def test_a_page_out_of_range_or_not_a_number_is_400(client, page):
    response = client.get("/id/country/", query_string={"page": page})
    assert response.status_code == 400
    assert "?page=" in response.get_json()["message"]


def test_pages_in_range_are_listed(client):
    assert client.get("/id/country/").status_code == 200
    assert client.get("/id/country/?page=2").status_code == 200
    past_the_end = client.get(f"/id/country/?page={MAX_PAGE}", headers={"Accept": "text/html"})
    assert past_the_end.status_code == 200  # an empty page, as for any page past the last


# -- Authorization header --------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Bearer t\u00e9st-token",
        "Bearer \u00ff\u00fe",
        "Bearer \u4ee4\u724c",
        "B\u00e9arer test-token",
        "Bearer test-token\u00e9",
    ],
)
def test_a_non_ascii_authorization_header_is_401(client, header):
    response = client.post(
        "/articles", data="{}", headers={"Authorization": header, "Content-Type": "text/plain"}
    )
    assert response.status_code == 401
    assert UNAUTHORIZED in response.get_json()["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("token", ["j\u00e9ton", "two words", "semi;colon", "=start"])
def test_a_token_a_client_could_not_send_is_refused_at_startup(token):
    from communique.server.app import create_app
    from communique.server.settings import SettingsError

    with pytest.raises(SettingsError, match="COMMUNIQUE_TOKEN must be a bearer token"):
        create_app({"TESTING": True, "DATA_DIR": None, "TOKEN": token})


@pytest.mark.slow
def test_raw_non_ascii_header_bytes_through_a_real_server(tmp_path):
    """Bytes no HTTP header should hold never pass the token check (the Flask test client
    cannot send them); the right token does."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "communique"), "serve",
        "--host", "127.0.0.1", "--port", str(port), "--data", str(tmp_path / "data"),
    ]  # fmt: skip
    env = {**os.environ, "COMMUNIQUE_TOKEN": "test-token"}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        for token in (b"\xc3\xa9\xff\x80", "令牌".encode(), b"t\xe9st-token", b"test-token\xe9"):
            reply = raw_post(port, b"Authorization: Bearer " + token)
            assert reply.startswith(b"HTTP/1.1 401 "), reply[:200]
            assert UNAUTHORIZED.encode() in reply
        # the right token passes the check (then "{}" is not an article: 400)
        reply = raw_post(port, b"Authorization: Bearer test-token")
        assert reply.startswith(b"HTTP/1.1 400 "), reply[:200]
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert b"Traceback" not in stderr


def raw_post(port: int, header: bytes) -> bytes:
    request = (
        b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + b"\r\n"
        b"Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


# -- JSON nesting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    ["[" * 100_000, "{" + '"a":{' * 100_000, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"],
    ids=["arrays", "objects", "inside-an-article"],
)
def test_json_nested_too_deeply_is_400(client, body):
    response = client.post(
        "/articles", data=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["message"]


def test_json_nested_within_the_limit_is_an_ordinary_input_error(client):
    body = "[" * 100 + "]" * 100
    response = client.post(
        "/articles", data=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "nested" not in response.get_json()["message"]
