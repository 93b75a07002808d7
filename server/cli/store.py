"""The `ingest`, `delete` and `stats` commands over the store: the data folder, or a
remote SPARQL engine named by --store / COMMUNIQUE_STORE."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import click

from communique.mapping.errors import InputError
from communique.server.cli.options import (
    SettingOption,
    aliases_option,
    base_option,
    check_id_inputs,
    data_option,
    engine_options,
    id_option,
    store_option,
)
from communique.server.errors import StoreError
from communique.server.ingest.outcomes import IngestOutcome, IngestReport
from communique.server.store.articles import DB_DIR, Store

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
LOCKED_HINT = (
    "Stop that process, or send the articles to the running server instead: "
    "communique ingest --server http://HOST:PORT/ FILE... (with COMMUNIQUE_TOKEN set)."
)


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def open_for_command(
    store: str | None,
    data_dir: Path,
    base: str,
    *,
    read_only: bool = False,
    locked_hint: str = LOCKED_HINT,
) -> Store:
    """The store `--store` names (a folder or an engine URL), else the `--data` folder;
    exits with status 2 and the reason when it cannot be opened."""
    from communique.server.store.opening import open_store

    options = engine_options(click.get_current_context())
    try:
        return open_store(store or data_dir, base, read_only=read_only, **options)
    except StoreError as exc:
        _fail(f"{exc}\n{locked_hint}" if exc.locked else str(exc))


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@data_option
@store_option
@base_option
@click.option(
    "--server",
    cls=SettingOption,
    setting="server",
    metavar="URL",
    help="Post each article to a running `communique serve` at URL (its POST /articles "
    "route) instead of opening the data folder (env COMMUNIQUE_SERVER).",
)
@click.option(
    "--token",
    cls=SettingOption,
    setting="token",
    help="Token for --server (env COMMUNIQUE_TOKEN).",
)
@id_option
@aliases_option
def ingest_command(
    files: tuple[Path, ...],
    data_dir: Path,
    store: str | None,
    base: str,
    server: str | None,
    token: str | None,
    article_id: str | None,
    aliases_path: Path | None,
) -> None:
    """Map, validate and store articles (FILE or DIR: .txt, .json, .jsonl).

    Each article is checked against the SHACL shapes and stored in its own named graph in
    one transaction; an article that does not conform is rejected with its report and
    nothing of it is stored, and the batch goes on; so is an article from which no
    diplomatic fact was read (no event, agreement, figure, quotation or role). Re-ingesting
    an article replaces it: an article is named by its url, else its "id" (or --id, or
    its file's path below the folder given), never by its text, so an edited article
    replaces the one stored and records when (dcterms:modified).

    A data folder admits one process at a time: while `communique serve` runs on it, use
    --server URL to send the articles to it. A remote engine (--store URL) takes any number
    of writers; each batch of articles is one update request.

    Exit status: 0 all stored, 1 some input failed or was rejected, 2 could not run.
    """
    from communique.mapping.reading.reader import read_paths

    check_id_inputs(article_id, files)
    if server and aliases_path:
        raise click.UsageError(
            "--aliases applies where the articles are mapped: with --server, "
            "put it in the server's data folder as same-as.csv"
        )
    progress = sys.stderr.isatty()
    try:
        if server:
            from communique.server.ingest.client import post_items

            items = read_paths(files, name=article_id)
            report = _collect(post_items(server, items, token=token), progress)
        else:
            from communique.server.ingest.ingest import ingest_paths

            with open_for_command(store, data_dir, base) as opened:
                opened.ensure_reference()
                report = ingest_paths(
                    opened,
                    list(files),
                    base=base,
                    progress=progress,
                    name=article_id,
                    aliases=aliases_path,
                    data_dir=data_dir,
                )
    except (StoreError, InputError) as exc:
        _fail(str(exc))
    _print_report(report)
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def _collect(outcomes: Iterable[IngestOutcome], progress: bool) -> IngestReport:
    report = IngestReport()
    if progress:
        from tqdm import tqdm

        outcomes = tqdm(outcomes, unit="article", desc="ingest")
    report.outcomes.extend(outcomes)
    return report


def _print_report(report: IngestReport) -> None:
    for outcome in report.outcomes:
        if outcome.status == "rejected":
            click.echo(f"rejected {outcome.source}: {outcome.error}", err=True)
            if outcome.report_text:  # the SHACL report (none for an article without facts)
                click.echo(outcome.report_text.rstrip(), err=True)
        elif outcome.status == "failed":
            click.echo(f"failed {outcome.source}: {outcome.error}", err=True)
    click.echo(
        f"stored {len(report.stored)} article(s), {report.triples} triples; "
        f"rejected {len(report.rejected)}; failed {len(report.failed)}"
    )


@click.command("delete")
@click.argument("iris", nargs=-1, required=True, metavar="ARTICLE-IRI...")
@data_option
@store_option
@base_option
def delete_command(iris: tuple[str, ...], data_dir: Path, store: str | None, base: str) -> None:
    """Remove articles (their named graphs); what other articles say stays.

    Exit status: 0 all deleted, 1 some IRI was not a stored article, 2 could not run.
    """
    missing = 0
    with open_for_command(store, data_dir, base) as opened:
        for iri in iris:
            try:
                deleted = opened.delete_article(iri)
            except StoreError as exc:
                click.echo(f"error: {exc}", err=True)
                missing += 1
                continue
            if deleted:
                click.echo(f"deleted {iri}")
            else:
                click.echo(f"not found: {iri}", err=True)
                missing += 1
    sys.exit(EXIT_FAILED if missing else EXIT_OK)


@click.command("stats")
@data_option
@store_option
@base_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_command(data_dir: Path, store: str | None, base: str, as_json: bool) -> None:
    """Print counts: articles, triples, entities by class.

    The store must not be in use by another process: RocksDB gives no guarantee to a reader
    opened beside a writer, so while `communique serve` runs, read the counts from its
    VoID description (/.well-known/void) or its SPARQL endpoint instead.
    """
    if not store and not (data_dir / DB_DIR / "CURRENT").exists():
        _fail(f"no store in {data_dir}: ingest some articles first")
    hint = "Stop it, or read the counts from the server's /.well-known/void."
    with open_for_command(store, data_dir, base, locked_hint=hint) as opened:
        stats = opened.stats()
        prefixes = opened.prefixes()
    if as_json:
        click.echo(json.dumps(stats, indent=2))
        return
    click.echo(f"articles           {stats['articles']}")
    if stats.get("distinct_triples") is not None:  # the merged default graph
        click.echo(f"distinct triples   {stats['distinct_triples']}  (each triple once)")
    # a triple stated by several articles is one quad per article graph
    click.echo(f"quads              {stats['triples']}  (triples per named graph)")
    click.echo(f"  in articles      {stats['article_triples']}")
    click.echo(f"  reference data   {stats['reference_triples']}")
    click.echo("entities by class (in articles):")
    for cls, n in stats["entities_by_class"].items():
        click.echo(f"  {_curie(cls, prefixes):<30} {n}")


def _curie(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and "/" not in iri[len(ns) :]:
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"
