"""validate_graph, summarize and format_text: verdicts, severities, reports."""

from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

from communique.ontology import DIP, ORG
from communique.shapes.validate import (
    ValidationResult,
    format_text,
    summarize,
    validate_graph,
)

DATA = Path(__file__).parent / "data"
FULL = DATA / "valid" / "full-article.ttl"
ID = "http://localhost:5000/id/"
VISIT = URIRef(ID + "event/0000000000000001")
CEREMONY = URIRef(ID + "event/0000000000000004")
OMUROV = URIRef(ID + "person/talant-omurov")
FIGURE = URIRef(ID + "figure/0000000000000001")
SDO_VALUE = URIRef("https://schema.org/value")
# not rdflib.XSD: pytest probes module globals, and XSD warns on unknown attributes
XSD_DOUBLE = URIRef("http://www.w3.org/2001/XMLSchema#double")


@pytest.fixture
def full() -> Graph:
    return Graph().parse(FULL)


def test_valid_graph(full):
    result = validate_graph(full)
    assert isinstance(result, ValidationResult)
    assert result.conforms
    assert result.violations == []
    assert (None, RDF.type, SH.ValidationReport) in result.report_graph
    assert "Conforms: True" in result.report_text


def test_data_graph_is_left_unchanged(full):
    before = Graph()
    before += full
    validate_graph(full)
    assert isomorphic(before, full)


def test_warnings_alone_conform(full):
    """The ceremony has no date: a warning, reported, that does not reject the graph."""
    result = validate_graph(full)
    assert result.conforms
    warnings = [r for r in result.results if r["severity"] == "Warning"]
    assert [(w["focus_node"], w["path"]) for w in warnings] == [(str(CEREMONY), str(DIP.date))]


def test_info_for_a_person_without_role(full):
    for membership in list(full.subjects(ORG.member, OMUROV)):
        full.remove((membership, None, None))
    result = validate_graph(full)
    assert result.conforms
    infos = [r for r in result.results if r["severity"] == "Info"]
    assert [(i["focus_node"], i["path"]) for i in infos] == [(str(OMUROV), f"^{ORG.member}")]


# mutation of the valid graph -> (focus node, path) of the one violation it must cause
MUTATIONS = [
    (
        "drop participants",
        lambda g: g.remove((VISIT, DIP.participant, None)),
        VISIT,
        DIP.participant,
    ),
    ("drop event type", lambda g: g.remove((VISIT, DIP.eventType, None)), VISIT, DIP.eventType),
    (
        "date as text",
        lambda g: g.set((VISIT, DIP.date, Literal("29 January"))),
        VISIT,
        DIP.date,
    ),
    (
        "value as float",
        lambda g: g.set((FIGURE, SDO_VALUE, Literal(1.3e9, datatype=XSD_DOUBLE))),
        FIGURE,
        SDO_VALUE,
    ),
    (
        "bad visit kind",
        lambda g: g.set((VISIT, DIP.visitKind, Literal("private"))),
        VISIT,
        DIP.visitKind,
    ),
]


@pytest.mark.parametrize("name, mutate, focus, path", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_violations_are_found(full, name, mutate, focus, path):
    mutate(full)
    result = validate_graph(full)
    assert not result.conforms
    assert [(v["focus_node"], v["path"]) for v in result.violations] == [(str(focus), str(path))]
    v = result.violations[0]
    assert v["message"] and v["source_shape"].startswith("https://w3id.org/communique/")
    assert v["constraint"].startswith(str(SH))


def test_results_are_sorted_violations_first(full):
    full.remove((VISIT, DIP.participant, None))
    severities = [r["severity"] for r in validate_graph(full).results]
    assert severities == sorted(severities, key=["Violation", "Warning", "Info"].index)
    assert severities[0] == "Violation" and "Warning" in severities


# rdflib warns from inside pyshacl when it validates a Dataset
@pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")
def test_a_dataset_is_validated_across_its_graphs():
    ds = Dataset()
    ds.graph(URIRef("http://example.org/g1")).parse(FULL)
    assert validate_graph(ds).conforms
    ds.graph(URIRef("http://example.org/g2")).add((URIRef(ID + "x"), RDF.type, DIP.Person))
    result = validate_graph(ds)
    assert not result.conforms
    assert result.violations[0]["focus_node"] == ID + "x"


def test_empty_graph_conforms():
    result = validate_graph(Graph())
    assert result.conforms and result.results == []


def test_summarize_is_json_friendly(full):
    full.remove((VISIT, DIP.participant, None))
    summary = summarize(validate_graph(full))
    assert json.loads(json.dumps(summary)) == summary
    assert summary["conforms"] is False
    assert summary["counts"] == {"Violation": 1, "Warning": 1, "Info": 0}
    assert len(summary["results"]) == 2
    assert set(summary["results"][0]) == {
        "severity",
        "focus_node",
        "path",
        "message",
        "source_shape",
        "constraint",
        "value",
    }


def test_format_text_of_a_failing_graph(full):
    full.remove((VISIT, DIP.participant, None))
    text = format_text(validate_graph(full))
    assert text.startswith("Conforms: no (1 violation, 1 warning)")
    assert f"[Violation] <{VISIT}>" in text
    assert "path:    dip:participant" in text
    assert "needs at least one dip:participant" in text
    assert "shape:   dipsh:DiplomaticEventShape-participant" in text
    assert text.index("[Violation]") < text.index("[Warning]")


def test_format_text_of_a_valid_graph():
    assert format_text(validate_graph(Graph())) == "Conforms: yes\n"


def test_format_text_shows_the_offending_value():
    g = Graph().parse(DATA / "invalid" / "figure-bad-currency.ttl")
    text = format_text(validate_graph(g))
    assert 'value:   "$"' in text


def test_no_network_is_used(full, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validation tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert validate_graph(full).conforms


def test_concurrent_validations_agree(full):
    broken = Graph()
    broken += full
    broken.remove((VISIT, DIP.participant, None))
    graphs = [full, broken] * 6
    with ThreadPoolExecutor(max_workers=4) as pool:
        verdicts = list(pool.map(lambda g: validate_graph(g).conforms, graphs))
    assert verdicts == [True, False] * 6


def test_validation_is_fast_enough(full):
    """A mapped article must cost a few ms to validate, not a second (loose bound: shared CPU)."""
    validate_graph(full)
    start = time.perf_counter()
    for _ in range(5):
        validate_graph(full)
    assert (time.perf_counter() - start) / 5 < 0.25


def test_indexed_constraint_parameters_change_no_result(monkeypatch):
    """The hashed lookup given to pyshacl answers exactly as its plain list does."""
    import pyshacl.shape as shape_module

    from communique.shapes.validate import _IndexedList

    files = [*sorted((DATA / "valid").glob("*.ttl")), *sorted((DATA / "invalid").glob("*.ttl"))]
    graphs = [Graph().parse(f) for f in files]
    indexed = [summarize(validate_graph(g)) for g in graphs]
    params, mapping = shape_module.CONSTRAINT_PARAMS
    assert isinstance(params, _IndexedList)
    monkeypatch.setattr(shape_module, "CONSTRAINT_PARAMS", (list(params), mapping))
    plain = [summarize(validate_graph(g)) for g in graphs]
    assert indexed == plain


def test_plain_pyshacl_path_gives_the_same_results(monkeypatch):
    """Without reusable pyshacl shapes (another pyshacl), validation falls back to validate()."""
    from communique.shapes import validate

    graphs = [Graph().parse(FULL), Graph().parse(DATA / "invalid" / "event-two-dates.ttl")]
    reused = [summarize(validate_graph(g)) for g in graphs]
    monkeypatch.setattr(validate._shapes(), "prepared", None)
    assert [summarize(validate_graph(g)) for g in graphs] == reused
