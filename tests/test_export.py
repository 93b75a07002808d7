"""`communique export`: the whole dataset as gzipped N-Quads shards with a manifest, that
Oxigraph's own bulk loader reads back to the same quads."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import shutil
import subprocess

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from communique.server.cli import cli
from communique.server.cli.export import quad_lines, write_shards

BASE = "http://localhost:5000/"


@pytest.fixture
def data(tmp_path, data_dir):
    """A data folder holding the reference data and the two hand-made articles."""
    from communique.mapping.article import Article, MappedArticle
    from communique.ontology.namespace import SDO
    from communique.server.store.articles import Store

    folder = tmp_path / "data"
    with Store.open(folder, BASE) as store:
        store.ensure_reference()
        for name in ("article_kaz_rus.ttl", "article_second.ttl"):
            graph = Graph().parse(data_dir / "server" / name)
            (iri,) = graph.subjects(SDO.datePublished, None)
            key = str(iri).rsplit("/", 1)[1]
            article = Article(body=key, date=dt.date.fromisoformat(key[:10]), source=name)
            graph_iri = URIRef(f"{BASE}graph/article/{key}")
            store.put_article(MappedArticle(article, iri, graph_iri, graph))
        expected = {q for q in ox.parse(b"".join(store.dump("nq")), format=ox.RdfFormat.N_QUADS)}
    return folder, expected


def ground(quad: ox.Quad) -> bool:
    return not any(isinstance(t, ox.BlankNode) for t in (quad.subject, quad.object))


def shard_quads(path) -> list[ox.Quad]:
    return list(ox.parse(gzip.decompress(path.read_bytes()), format=ox.RdfFormat.N_QUADS))


def test_export_writes_shards_that_hold_the_whole_dataset(tmp_path, data):
    folder, expected = data
    out = tmp_path / "export"
    result = CliRunner().invoke(
        cli, ["export", "--data", str(folder), "--out", str(out), "--shard-quads", "1000"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    shards = manifest["shards"]
    assert len(shards) == -(-len(expected) // 1000)  # full shards, then the rest
    assert [s["file"] for s in shards] == sorted(p.name for p in out.glob("*.nq.gz"))
    found: list[ox.Quad] = []
    for shard in shards:
        path = out / shard["file"]
        quads = shard_quads(path)
        assert len(quads) == shard["quads"] <= 1000
        assert hashlib.sha256(path.read_bytes()).hexdigest() == shard["sha256"]
        found.extend(quads)
    assert len(found) == len(set(found)) == len(expected)  # each quad once
    assert set(found) == expected
    assert not [q for q in found if "feed" in getattr(q.graph_name, "value", "")]
    assert f"exported {len(expected)} quads in {len(shards)} shard(s)" in result.output


def test_the_shards_load_into_oxigraph(tmp_path, data):
    """Oxigraph's CLI bulk loader (the `oxigraph` package of the test extra) reads them."""
    folder, expected = data
    out = tmp_path / "export"
    CliRunner().invoke(cli, ["export", "--data", str(folder), "--out", str(out)])
    binary = shutil.which("oxigraph")
    assert binary, "the test extra installs the oxigraph CLI (pip install -e '.[test]')"
    location = tmp_path / "loaded"
    files = [str(p) for p in sorted(out.glob("*.nq.gz"))]
    subprocess.run([binary, "load", "--location", str(location), "--file", *files], check=True)
    loaded = set(ox.Store(str(location)))
    # the loader names blank nodes (the ontology's lists) anew: ground quads compare as they
    # are, the others by count
    assert len(loaded) == len(expected)
    assert {q for q in loaded if ground(q)} == {q for q in expected if ground(q)}


def test_a_second_export_replaces_the_first(tmp_path, data):
    folder, expected = data
    out = tmp_path / "export"
    runner = CliRunner()
    runner.invoke(cli, ["export", "--data", str(folder), "--out", str(out), "--shard-quads", "100"])
    runner.invoke(cli, ["export", "--data", str(folder), "--out", str(out)])
    assert [p.name for p in out.glob("*.nq.gz")] == ["communique-00001.nq.gz"]
    assert set(shard_quads(out / "communique-00001.nq.gz")) == expected


def test_no_store_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--data", str(tmp_path / "none"), "--out", "x"])
    assert result.exit_code == 2
    assert "no store in" in result.output


def test_lines_are_cut_between_quads_only():
    chunks = [b"<a> <b> <c> .\n<d> <e", b"> <f> .\n", b"<g> <h> <i> <j> ."]
    lines = list(quad_lines(chunks))
    assert lines == [b"<a> <b> <c> .\n", b"<d> <e> <f> .\n", b"<g> <h> <i> <j> .\n"]


def test_shards_are_reproducible(tmp_path):
    lines = [f"<urn:s{i}> <urn:p> <urn:o> .\n".encode() for i in range(5)]
    first = write_shards(lines, tmp_path / "a", 2)
    second = write_shards(lines, tmp_path / "b", 2)
    assert [(s.file, s.quads) for s in first] == [
        ("communique-00001.nq.gz", 2),
        ("communique-00002.nq.gz", 2),
        ("communique-00003.nq.gz", 1),
    ]
    assert [s.sha256 for s in first] == [s.sha256 for s in second]  # mtime fixed
