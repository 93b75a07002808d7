"""The commands over a remote engine (`--store URL`, a real `oxigraph serve`): ingest,
stats, delete and export; and an engine that stops mid-ingest: the report names what was
not stored, the exit status says so, and a re-run completes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import fresh_oxigraph  # noqa: F401

from communique.mapping.reading.reader import read_paths
from communique.server.cli import cli

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"
BASE = "http://localhost:5000/"


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--base", BASE])


def stats(url: str) -> dict:
    result = run("stats", "--store", url, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_commands_over_a_remote_engine(fresh_oxigraph, tmp_path):  # noqa: F811
    url = fresh_oxigraph.url
    ingested = run("ingest", "--store", url, str(EXAMPLES))
    assert ingested.exit_code == 0, ingested.output
    stored = len(list(read_paths([EXAMPLES])))
    assert ingested.output.splitlines()[-1].startswith(f"stored {stored} article(s)")
    assert stats(url)["articles"] == stored
    again = run("ingest", "--store", url, str(EXAMPLES))  # re-ingest replaces
    assert again.exit_code == 0 and stats(url)["articles"] == stored
    out = tmp_path / "export"
    exported = run("export", "--store", url, "--out", str(out))
    assert exported.exit_code == 0, exported.output
    assert (out / "communique-00001.nq.gz").is_file()
    first = next(iter(_article_iris(url)))
    deleted = run("delete", "--store", url, first)
    assert deleted.exit_code == 0 and deleted.output == f"deleted {first}\n"
    assert stats(url)["articles"] == stored - 1


def _article_iris(url: str) -> list[str]:
    from communique.server.store.opening import open_store

    with open_store(url, BASE) as store:
        return (
            sorted(store.article_iris())
            if hasattr(store, "article_iris")
            else [
                BASE + "id/article/" + g.rsplit("/", 1)[1] for g in sorted(store.article_graphs())
            ]
        )


def test_an_engine_stopping_mid_ingest_is_reported_and_a_rerun_completes(
    fresh_oxigraph,  # noqa: F811
    monkeypatch,
):
    from communique.server.ingest import ingest
    from communique.server.store.articles import Store

    monkeypatch.setattr(ingest, "BATCH", 2)  # several batches from the examples
    real, calls = Store.put_articles, []

    def put_then_stop(self, batch):
        counts = real(self, batch)
        calls.append(len(batch))
        if len(calls) == 1:
            fresh_oxigraph.stop()  # gone after the first batch
        return counts

    monkeypatch.setattr(Store, "put_articles", put_then_stop)
    url = fresh_oxigraph.url
    broken = run("ingest", "--store", url, str(EXAMPLES))
    assert broken.exit_code == 1, broken.output
    failed = [line for line in broken.output.splitlines() if line.startswith("failed ")]
    assert failed and all("articles" in line or "examples" in line for line in failed)
    summary = broken.output.splitlines()[-1]
    assert summary.startswith(f"stored {calls[0]} article(s)")
    assert f"failed {len(failed)}" in summary

    monkeypatch.setattr(Store, "put_articles", real)
    fresh_oxigraph.start()  # the same folder and port: the first batch is there
    assert stats(url)["articles"] == calls[0]
    rerun = run("ingest", "--store", url, str(EXAMPLES))
    assert rerun.exit_code == 0, rerun.output
    assert stats(url)["articles"] == calls[0] + len(failed)
