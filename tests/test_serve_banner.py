"""The line `communique serve` prints once it listens: the URL once."""

from __future__ import annotations

from communique.server.cli.serve import banner


def test_the_url_is_said_once_when_it_is_the_base():
    line = banner("http://localhost:5000/", "localhost", 5000)
    assert line == "communique serving at http://localhost:5000/ (Ctrl+C to stop)"
    assert line.count("http://") == 1


def test_a_different_base_is_named_as_the_base_of_data_iris():
    line = banner("https://data.example.org/", "127.0.0.1", 8080)
    assert line.startswith("communique serving at http://127.0.0.1:8080/ ")
    assert "data IRIs under https://data.example.org/" in line
