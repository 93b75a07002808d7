"""SPARQL syntax errors as people read them: line, column, a hint and a caret."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from communique.server.sparql.syntax_errors import syntax_message


def message(query: str) -> str:
    try:
        ox.Store().query(query)
    except SyntaxError as exc:
        return syntax_message(query, str(exc))
    raise AssertionError("the query parsed")


def test_position_line_and_caret():
    query = "SELECT * WHERE { ?s ?p ?o"
    lines = message(query).split("\n")
    assert lines[0].startswith("syntax error at line 1, column 26, at the end of the query")
    assert lines[1] == query
    assert lines[2] == " " * 25 + "^"


def test_the_line_with_the_error_is_shown_for_a_multi_line_query():
    query = "SELECT * {\n  ?s ?p ?o .\n  FILTER(?o = ) }"
    lines = message(query).split("\n")
    assert lines[0].startswith("syntax error at line 3,")
    assert lines[1] == "  FILTER(?o = ) }"
    assert lines[2].endswith("^") and len(lines) == 3


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { ?s ?p ?o", "SELECT * { ?s ?p ?o FILTER(?o > 3 }", "SELECT * { ?s a:b ?o }"],
)
def test_no_character_classes_or_keyword_lists(query):
    text = message(query)
    assert "..=" not in text and "\\u{" not in text and "[_]" not in text
    assert "STRSTARTS" not in text and "LATERAL" not in text
    assert len(text.split("\n")[0]) < 120


def test_a_parser_phrase_is_kept():
    assert "prefix not found" in message("SELECT * { ?s foo:bar ?o }").split("\n")[0]


def test_a_token_at_the_position_is_named():
    assert message("SELEC * {}").startswith("syntax error at line 1, column 10, near '}'")


def test_unknown_messages_pass_through():
    assert syntax_message("x", "something else") == "syntax error in the query: something else"


def test_the_endpoint_answers_with_it(light_app):
    response = light_app.test_client().get("/sparql", query_string={"query": "SELECT * { ?s }"})
    assert response.status_code == 400
    assert response.json["message"].startswith("syntax error at line 1, column")
    assert response.json["message"].endswith("^")
