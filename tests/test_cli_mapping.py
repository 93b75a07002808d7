"""`communique map` and `communique validate`, run in-process with click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from communique.ontology import DIP
from communique.server.cli import cli

pytestmark = pytest.mark.slow  # maps with spaCy

ARTICLE = " date 2025-03-12 TASHKENT – Uzbek Foreign Minister Bahodir Rakhimjonov met Kazakh Foreign Minister Nurlan Temirov on Tuesday."  # noqa: E501


@pytest.fixture
def cli_runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article_file(tmp_path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def articles_in(graph: Graph) -> set:
    return set(graph.subjects(RDF.type, DIP.Article))


@pytest.mark.parametrize(
    ("fmt", "ext", "parse_as", "quads"),
    [
        ("ttl", "ttl", "turtle", False),
        ("nt", "nt", "nt", False),
        ("jsonld", "jsonld", "json-ld", False),
        ("trig", "trig", "trig", True),
        ("nq", "nq", "nquads", True),
    ],
)
def test_map_writes_one_file_per_input(
    cli_runner, article_file, tmp_path, fmt, ext, parse_as, quads
):
    out = tmp_path / "out"
    result = cli_runner.invoke(
        cli, ["map", "--format", fmt, "--out-dir", str(out), str(article_file)]
    )
    assert result.exit_code == 0, result.output
    target = out / f"talks.{ext}"
    assert target.exists()
    data = Dataset() if quads else Graph()
    data.parse(target, format=parse_as)
    graph = Graph()
    for quad in data.quads((None, None, None, None)) if quads else data:
        graph.add(quad[:3])
    [article] = articles_in(graph)
    assert str(article).startswith("http://localhost:5000/id/article/2025-03-12-")
    if quads:
        names = {str(g.identifier) for g in data.graphs() if len(g)}
        assert any(n.startswith("http://localhost:5000/graph/article/2025-03-12-") for n in names)


def test_map_to_stdout_with_base(cli_runner, article_file):
    result = cli_runner.invoke(
        cli, ["map", "--base", "https://data.example.org/", str(article_file)]
    )
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    [article] = articles_in(graph)
    assert str(article).startswith("https://data.example.org/id/article/")


def test_map_is_deterministic(cli_runner, article_file):
    first = cli_runner.invoke(cli, ["map", "--format", "nt", str(article_file)]).stdout
    second = cli_runner.invoke(cli, ["map", "--format", "nt", str(article_file)]).stdout
    assert sorted(first.splitlines()) == sorted(second.splitlines())


def test_map_goes_on_past_bad_input_and_exits_1(cli_runner, article_file, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out"
    result = cli_runner.invoke(cli, ["map", "--out-dir", str(out), str(bad), str(article_file)])
    assert result.exit_code == 1
    assert f"{bad}: not UTF-8" in result.stderr
    assert (out / "talks.ttl").exists() and not (out / "bad.ttl").exists()


@pytest.mark.parametrize("to_stdout", [True, False])
def test_map_writes_the_good_lines_of_a_jsonl_file_with_a_bad_one(cli_runner, tmp_path, to_stdout):
    good = {"text": ARTICLE.split(" ", 3)[3], "date": "2025-03-12", "url": "https://x.example/1"}
    lines = [json.dumps(good), '{"text": "no date here"}', "{broken"]
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["map", str(source)] if to_stdout else ["map", "--out-dir", str(out), str(source)]
    result = cli_runner.invoke(cli, args)
    assert result.exit_code == 1
    assert f"{source}:2: no date" in result.stderr
    assert f"{source}:3: broken JSON" in result.stderr
    written = result.stdout if to_stdout else (out / "batch.ttl").read_text(encoding="utf-8")
    assert len(articles_in(Graph().parse(data=written, format="turtle"))) == 1


def test_map_writes_an_article_without_content_with_a_warning(cli_runner, tmp_path):
    source = tmp_path / "weather.txt"
    source.write_text("date 2025-03-12 The weather was nice.", encoding="utf-8")
    result = cli_runner.invoke(cli, ["map", str(source)])
    assert result.exit_code == 0
    assert f"warning: {source}: no diplomatic content found" in result.stderr
    assert len(articles_in(Graph().parse(data=result.stdout, format="turtle"))) == 1


def test_validate_exit_codes(cli_runner, article_file, tmp_path, data_dir):
    mapped = tmp_path / "talks.ttl"
    mapped.write_text(cli_runner.invoke(cli, ["map", str(article_file)]).stdout)
    assert cli_runner.invoke(cli, ["validate", str(mapped)]).exit_code == 0
    invalid = sorted((data_dir / "invalid").glob("*.ttl"))
    assert invalid, "tests/data/invalid holds one graph per constraint"
    result = cli_runner.invoke(cli, ["validate", str(invalid[0])])
    assert result.exit_code == 1
    assert "does not conform" in result.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> ")
    result = cli_runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 2 and "broken.ttl" in result.stderr
    assert cli_runner.invoke(cli, ["validate", str(tmp_path / "none.ttl")]).exit_code == 2


def test_validate_json_report(cli_runner, data_dir):
    invalid = sorted((data_dir / "invalid").glob("*.ttl"))[0]
    result = cli_runner.invoke(cli, ["validate", "--format", "json", str(invalid)])
    assert result.exit_code == 1
    [summary] = json.loads(result.stdout)
    assert summary["file"] == str(invalid) and summary["conforms"] is False


def test_validate_ttl_report_is_a_shacl_report(cli_runner, data_dir):
    invalid = sorted((data_dir / "invalid").glob("*.ttl"))[0]
    result = cli_runner.invoke(cli, ["validate", "--format", "ttl", str(invalid)])
    report = Graph().parse(data=result.stdout, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert (None, RDF.type, URIRef(sh + "ValidationReport")) in report


@pytest.mark.parametrize("command", ["map", "validate", "ingest", "delete", "stats", "serve"])
def test_every_command_has_version_and_help(cli_runner, command):
    assert cli_runner.invoke(cli, ["--version"]).output.startswith("communique, version")
    assert cli_runner.invoke(cli, [command, "--version"]).output.startswith("communique, version")
    result = cli_runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and f"Usage: cli {command}" in result.output
