"""The query scanner's verdict on SERVICE, FROM and nesting: every terminal of the grammar
that can hide a keyword, checked against two real parsers (rdflib's SPARQL 1.1 grammar and
Oxigraph's own, by whether it actually connects), and its cost on long texts."""

from __future__ import annotations

import time

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from test_sparql_support import recording_listener

from communique.server.sparql.scan import (
    MAX_DEPTH,
    QueryFeatures,
    QueryRefused,
    QueryTooLong,
    is_update,
    scan_query,
)

PREFIX = "PREFIX t: <http://example.org/t/>\n"
# PN_LOCAL_ESC: every character the grammar lets a local name escape with a backslash
LOCAL_ESCAPES = list("_~.-!$&'()*+,;=/?#@%")
# Terminals that hold a quote, a hash or a backslash: the ones a scanner can misread.
HIDING_PLACES = [
    *[f"t:a\\{c}41" for c in LOCAL_ESCAPES],
    *[f"t:\\{c}41b" for c in LOCAL_ESCAPES],
    "t:a%23",
    "t:a.b\\#",
    "'a\\''",
    '"a\\""',
    "'''a\\''''",
    '"""a\\""""',
    "'''a''b'''",
    '"""a""b"""',
    "'\\\\'",
    '"\\\\"',
    "'#'",
    '"#"',
    "'a\\tb\\nc\\rd\\be\\ff'",
    '"x"@en',
    '"x"@en-GB',
    '"x"^^t:a\\#',
    "<http://example.org/a'b#c>",
    "<http://example.org/#'>",
    "?v",
    "$v",
    "1.5e3",
]


def service_query(place: str, url: str = "http://127.0.0.1:9/") -> str:
    # BIND gives one solution even on an empty store, so the engine does call the service
    return f"{PREFIX}SELECT * WHERE {{ BIND({place} AS ?q) SERVICE <{url}> {{ ?s ?p ?o }} }}"


# Codepoint escapes are applied before tokenizing (SPARQL 1.1, 19.2); the scanner does so
# whether or not the engine does (pyoxigraph's build does not).
UNESCAPED = ["\\u0027x\\u0027", "\\u0022x\\u0022", "'\\u0027'", "t:a\\u0041"]


@pytest.mark.parametrize("place", HIDING_PLACES + UNESCAPED)
def test_service_after_any_terminal_is_found(place):
    assert scan_query(service_query(place)).service


@pytest.mark.parametrize("place", HIDING_PLACES)
def test_the_terminals_alone_hold_no_service(place):
    assert not scan_query(f"{PREFIX}SELECT * WHERE {{ BIND({place} AS ?q) }}").service


@pytest.mark.parametrize(
    ("text", "service", "dataset"),
    [
        ("SELECT * { SERVICE <x> { ?s ?p ?o } }", True, False),
        ("select * { service silent <x> { ?s ?p ?o } }", True, False),
        ("SELECT * { \\u0053ERVICE <x> { ?s ?p ?o } }", True, False),
        ("SELECT * { \\U00000053ERVICE <x> { ?s ?p ?o } }", True, False),
        ("SELECT * { ?service ?p $service }", False, False),
        (
            "SELECT * { ?s <http://example.org/SERVICE> ex:service, :service, _:service }",
            False,
            False,
        ),
        ('SELECT * { ?s ?p "SERVICE", """a\nSERVICE""", \'SERVICE\' }', False, False),
        ("SELECT * { ?s ?p ?o } # SERVICE <x>", False, False),
        ('SELECT * { ?s ?p "x"@service }', False, False),
        ("SELECT * FROM <g> { ?s ?p ?o }", False, True),
        ("select * from named<g>{ graph ?g { ?s ?p ?o } }", False, True),
        ("SELECT ?from { ?s ex:from ?o } # FROM", False, False),
        ("SELECT * { ?s ?p '\\UFFFFFFFF' }", False, False),
        (
            "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
            "SELECT * { ?s a sd:Service ; sd:endpoint ?e }",
            False,
            False,
        ),
        # Oxigraph reads these as SERVICE although the grammar's tokens would not:
        # keywords without a word boundary, a local name cut at its second dot, and `<`
        # after an operand read as less-than with a comment swallowing the `>`.
        ("SELECT * { ?s ?p trueSERVICE<x>{} }", True, False),
        ("PREFIX e: <http://x/> SELECT * { ?s ?p serviceE:x{} }", True, False),
        ("PREFIX e: <http://x/> SELECT * { ?s ?p e:a.b.SERVICE<x>{} }", True, False),
        ("SELECT * { ?a ?b ?c FILTER(?a<1)SERVICE?v#>\n{} }", True, False),
    ],
)
def test_scan_query(text, service, dataset):
    features = scan_query(text)
    assert (features.service, features.dataset) == (service, dataset)


def nested(depth: int, inner: str = "") -> str:
    return "SELECT * " + "{" * depth + inner + "}" * depth


def test_depth_is_bounded():
    assert scan_query(nested(MAX_DEPTH)) == QueryFeatures(service=False, dataset=False)
    for text in (
        nested(MAX_DEPTH + 1),
        "SELECT * " + "{" * 10_000,
        "SELECT * { FILTER(" + "(" * 10_000 + ") }",
    ):
        with pytest.raises(QueryRefused, match="nests"):
            scan_query(text)


def test_many_groups_side_by_side_are_not_deep():
    text = "SELECT * { " + "{ ?s ?p (1) } UNION " * MAX_DEPTH + "{ } }"
    assert scan_query(text) == QueryFeatures(service=False, dataset=False)


def test_brackets_inside_strings_iris_and_comments_do_not_count():
    inner = " ?s ?p '{{{{', <http://x/((((> # [[[[\n"
    assert scan_query(nested(MAX_DEPTH, inner)) == QueryFeatures(service=False, dataset=False)
    with pytest.raises(QueryRefused, match="nests"):
        scan_query(nested(MAX_DEPTH, inner + "{"))


def test_a_megabyte_query_is_refused_at_once():
    started = time.perf_counter()
    with pytest.raises(QueryTooLong, match="limit"):
        scan_query("SELECT * { " + "a." * 500_000 + "}")
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    "body",
    ["a." * 60_000, "t:a\\#" * 20_000, "'" * 120_000, "<a" * 60_000, "\\u0041" * 20_000],
)
def test_long_queries_are_decided_in_linear_time(body):
    """The quadratic scanner took 24 s on 100 kB of `a.a.a`; these are 120 kB."""
    started = time.perf_counter()
    scan_query("SELECT * { " + body + " }")
    assert time.perf_counter() - started < 0.5


def test_is_update():
    assert is_update("CLEAR ALL")
    assert is_update("INSERT DATA { <a> <b> <c> }")
    assert not is_update("SELECT * {}")
    assert not is_update("INSERT DATA " + "{" * 5000)


# -- against rdflib's SPARQL 1.1 parser ----------------------------------------------------


def rdflib_has_service(text: str) -> bool | None:
    """Whether rdflib's parse tree holds a SERVICE pattern; None if it does not parse."""
    try:
        tree = parseQuery(text)
    except (ParseException, ValueError, RecursionError):
        return None
    return _holds_service(tree)


def _holds_service(node) -> bool:
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_holds_service(value) for value in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_holds_service(item) for item in node)
    return False


WORDS = ["service", "SERVICE", "Service", "from", "x", "a#b", "a'b", 'a"b', "{", "}"]
texts = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
STRINGS = [
    texts.map(lambda t: "'" + t.replace("\\", "").replace("'", "\\'") + "'"),
    texts.map(lambda t: '"' + t.replace("\\", "").replace('"', '\\"') + '"'),
    texts.map(lambda t: "'''" + t.replace("'", "\\'") + "'''"),
    texts.map(lambda t: '"""' + t.replace('"', '\\"') + '"""'),
]
objects = st.one_of(
    *STRINGS,
    st.sampled_from(LOCAL_ESCAPES).map(lambda c: f"t:a\\{c}"),
    st.sampled_from(["t:service", "t:x", "<http://example.org/service#a>", "?service", "7"]),
    st.sampled_from(["<http://example.org/a'b>", "_:service", "t:a%23b", "t:SERVICE.x"]),
)
comments = texts.map(lambda t: f" # {t}\n")
SERVICE_CLAUSE = "SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }"
patterns = st.one_of(
    st.tuples(objects, st.sampled_from(["", " ", "\n"])).map(lambda o: f"?s t:p {o[0]}{o[1]}."),
    objects.map(lambda o: f"BIND({o} AS ?z{abs(hash(o)) % 1000})"),
    comments,
    st.just(SERVICE_CLAUSE),
)
queries = st.lists(patterns, min_size=1, max_size=6).map(
    lambda parts: f"{PREFIX}SELECT * WHERE {{ {' '.join(parts)} }}"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries)
def test_scanner_agrees_with_rdflib(text):
    expected = rdflib_has_service(text)
    if expected is None:  # a generated pattern rdflib cannot read, such as a reused ?z
        return
    assert scan_query(text).service == expected


# -- against Oxigraph itself: did it connect? ---------------------------------------------


@pytest.fixture(scope="module")
def listener():
    with recording_listener() as recorded:
        yield recorded


# A SERVICE clause in many shapes, glued to what precedes it in the ways that parsers
# disagree on; the pieces around it may also break the query, which is fine.
BEFORE = [
    "",
    "BIND(t:a\\# AS ?x)",
    "BIND(t:a\\' AS ?x)",
    "BIND('a' AS ?x)",
    "FILTER(?one<1)",
    "FILTER(?one)",
    "?one t:p true",
    "?one t:p t:a.b",
    "?one t:p t:a",
    "?one t:p 1",
    "?one t:p ?one",
    "OPTIONAL{}",
    "{}",
    "'",
    "<",
    "#",
]
GLUE = ["", " ", "\n", "# c\n", ".", " . "]
KEYWORDS = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "service silent"]
TARGETS = ["<{URL}>", "u:", "u:x", "u:a.b"]
clauses = st.tuples(
    st.sampled_from(BEFORE),
    st.sampled_from(GLUE),
    st.sampled_from(KEYWORDS),
    st.sampled_from(GLUE),
    st.sampled_from(TARGETS),
    st.sampled_from(GLUE),
    st.sampled_from(["{}", "{ BIND(2 AS ?two) }", "{", "}"]),
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clauses)
def test_whatever_oxigraph_connects_for_is_refused(listener, clause):
    url, connections = listener
    body = clause.replace("{URL}", url)
    text = f"{PREFIX}PREFIX u: <{url}>\nSELECT * WHERE {{ BIND(1 AS ?one) {body} }}"
    before = len(connections)
    try:
        list(ox.Store().query(text))
    except (SyntaxError, OSError, ValueError, TypeError):
        pass
    if len(connections) > before:
        assert scan_query(text).service, text


@pytest.mark.parametrize("place", HIDING_PLACES)
def test_oxigraph_does_connect_for_the_hiding_places(listener, place):
    """The oracle above works: each of these queries really makes Oxigraph connect."""
    url, connections = listener
    before = len(connections)
    try:
        list(ox.Store().query(service_query(place, url)))
    except OSError:
        pass
    deadline = time.monotonic() + 2
    while len(connections) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(connections) > before
