"""The SHACL shapes: well-formed SHACL, in step with the ontology, and each constraint bites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from communique.ontology import DIP, ontology_graph, schemes_graph
from communique.shapes import DIPSH, shapes_graph, shapes_text
from communique.shapes.validate import validate_graph

DATA = Path(__file__).parent / "data"
SHACL_SHACL = Path(__file__).parents[2] / "shared" / "conformance" / "shacl-shacl.ttl"
INVALID = sorted((DATA / "invalid").glob("*.ttl"))
VALID = sorted((DATA / "valid").glob("*.ttl"))
EXPECT = re.compile(r"^# expect: shape=(?P<shape>\S+) path=(?P<path>\S+)\s*$", re.MULTILINE)

CONTRACT_CLASSES = [
    "Article",
    "Country",
    "Person",
    "Organization",
    "Place",
    "Membership",
    "DiplomaticEvent",
    "Visit",
    "Meeting",
    "Talks",
    "AgreementSigning",
    "PhoneCall",
    "Summit",
    "Ceremony",
    "Statement",
    "Agreement",
    "MonetaryFigure",
    "Quotation",
]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def test_shapes_conform_to_shacl_shacl(shapes):
    if not SHACL_SHACL.is_file():
        pytest.skip(
            "needs the W3C SHACL-SHACL shapes graph (../shared/conformance/shacl-shacl.ttl), "
            "not in this clone"
        )
    from pyshacl import validate

    conforms, _, text = validate(shapes, shacl_graph=Graph().parse(SHACL_SHACL), inference="none")
    assert conforms, text


def test_shapes_pass_pyshacl_meta_shacl(shapes):
    """pyshacl's own bundled SHACL-SHACL check (raises when the shapes are malformed)."""
    from pyshacl import validate

    conforms, _, _ = validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none")
    assert conforms


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_every_contract_class_is_targeted(shapes, name):
    assert (None, SH.targetClass, DIP[name]) in shapes


def test_event_shape_targets_every_event_class_of_the_ontology(shapes):
    """Validation runs without inference, so each subclass must be a target of its own."""
    onto = ontology_graph()
    subclasses = set(onto.subjects(RDFS.subClassOf, DIP.DiplomaticEvent))
    targets = set(shapes.objects(DIPSH.DiplomaticEventShape, SH.targetClass))
    assert len(subclasses) == 8
    assert subclasses | {DIP.DiplomaticEvent} == targets


def test_event_class_lists_match_the_ontology(shapes):
    """Every sh:in that lists event classes lists exactly the ontology's concrete ones."""
    subclasses = set(ontology_graph().subjects(RDFS.subClassOf, DIP.DiplomaticEvent))
    lists = [set(shapes.items(lst)) for lst in shapes.objects(None, SH["in"])]
    event_lists = [s for s in lists if DIP.Visit in s]
    assert len(event_lists) == 2
    assert all(s == subclasses for s in event_lists)


def test_every_property_shape_has_a_message(shapes):
    property_shapes = set(shapes.subjects(SH.path, None))
    assert len(property_shapes) > 50
    missing = [s for s in property_shapes if (s, SH.message, None) not in shapes]
    assert not missing


def test_every_named_shape_is_in_the_shapes_namespace(shapes):
    named = {
        s
        for t in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, t)
        if isinstance(s, URIRef)
    }
    assert named and all(s.startswith(str(DIPSH)) for s in named)


def test_shapes_text_is_the_shipped_file():
    assert "dipsh:DiplomaticEventShape" in shapes_text()


def test_shapes_graph_is_a_fresh_copy_each_time():
    g = shapes_graph()
    n = len(g)
    g.remove((None, None, None))
    assert len(shapes_graph()) == n > 0


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_graph_conforms(path):
    result = validate_graph(Graph().parse(path))
    assert result.conforms, result.report_text
    assert result.violations == []


def test_reference_data_conforms():
    """The ontology and the schemes themselves pass the shapes (e.g. every concept labelled)."""
    data = ontology_graph() + schemes_graph()
    result = validate_graph(data)
    assert result.conforms, result.report_text
    assert result.violations == []


def _expectation(path: Path) -> tuple[URIRef, URIRef]:
    match = EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no '# expect: shape=... path=...' header"
    graph = Graph().parse(path)  # its prefixes expand the CURIEs of the header
    nm = graph.namespace_manager
    nm.bind("dipsh", str(DIPSH))
    return nm.expand_curie(match["shape"]), nm.expand_curie(match["path"])


def test_there_is_an_invalid_example_for_each_constraint_family():
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_graph_fails_on_its_constraint(path, shapes):
    shape, result_path = _expectation(path)
    own = {shape, *shapes.objects(shape, SH.property)}
    assert len(own) > 1, f"{shape} is not a shape with properties"
    result = validate_graph(Graph().parse(path))
    assert not result.conforms
    assert result.violations, result.report_text
    matching = [
        v
        for v in result.violations
        if URIRef(v["source_shape"]) in own and v["path"] == str(result_path)
    ]
    assert matching, result.report_text
    assert all(v["message"] for v in result.violations), "every violation needs a message"
    # Each file breaks one constraint: any other violation is about the same offending node
    # (a literal participant also fails the check on what participants must be).
    culprits = ({v["focus_node"] for v in matching} | {v["value"] for v in matching}) - {None}
    for v in result.violations:
        assert v in matching or {v["focus_node"], v["value"]} & culprits, result.report_text


def test_cli_rejects_every_invalid_file():
    """`communique validate FILE` exits 1 with a readable report for each invalid example."""
    from click.testing import CliRunner

    from communique.server.cli import cli

    result = CliRunner().invoke(cli, ["validate", *map(str, INVALID)])
    assert result.exit_code == 1, result.output
    for path in INVALID:
        assert f"{path}: does not conform" in result.output
    assert result.output.count("[Violation]") >= len(INVALID)
