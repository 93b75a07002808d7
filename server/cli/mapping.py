"""The `map` and `validate` commands: article text to RDF, and RDF against the shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rdflib import Dataset, Graph
from rdflib.util import guess_format

from communique.mapping.article import Article, MappedArticle
from communique.mapping.errors import InputError, MappingError
from communique.mapping.reading.reader import expand_named, read_paths
from communique.server import formats
from communique.server.cli.options import (
    aliases_option,
    base_option,
    check_id_inputs,
    id_option,
)

# --format value -> its format in the registry (rdflib name, file suffix, named graphs or not)
RDF_FORMATS = {key: formats.BY_KEY[key] for key in ("ttl", "nt", "jsonld", "trig", "nq")}
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def serialize(mapped: list[MappedArticle], fmt: str) -> bytes:
    """One document holding the graphs of several articles, in the chosen format."""
    chosen = RDF_FORMATS[fmt]
    serializer, quads = chosen.rdflib, chosen.quads
    if quads:
        out = Dataset()
        for m in mapped:
            named = out.graph(m.graph_iri)
            for triple in m.graph:
                named.add(triple)
    else:
        out = Graph()
        for m in mapped:
            out += m.graph
    for graph in [m.graph for m in mapped]:
        for prefix, ns in graph.namespaces():
            out.bind(prefix, ns, override=False)
    return out.serialize(format=serializer, encoding="utf-8")


def _read_inputs(
    files: tuple[str, ...], name: str | None = None
) -> tuple[list[tuple[Path, list[Article]]], int]:
    """Each input file with the articles read from it, and the count of what could not be
    read (reported here); a JSON Lines file keeps its good lines when one is bad. Each
    article is named by `name` (`--id`) or its file's path below the folder given."""
    batches, failures = [], 0
    for item in expand_named(Path(f) for f in files):
        if isinstance(item, InputError):
            _error(str(item))
            failures += 1
            continue
        item, found = item
        articles = []
        for read in read_paths([item], name=name or found):  # lenient per line
            if isinstance(read, InputError):
                _error(str(read))  # "file:line: reason" for a JSON Lines line
                failures += 1
            else:
                articles.append(read)
        if articles:
            batches.append((item, articles))
    return batches, failures


@click.command("map")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RDF_FORMATS)),
    default="ttl",
    show_default=True,
    help="RDF serialization of the output.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each input's graph to OUT_DIR/{file stem}.{ext} instead of stdout.",
)
@base_option
@click.option(
    "--n-process",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="spaCy worker processes for large batches.",
)
@id_option
@aliases_option
def map_command(
    files: tuple[str, ...],
    fmt: str,
    out_dir: Path | None,
    base: str,
    n_process: int,
    article_id: str | None,
    aliases_path: Path | None,
) -> None:
    """Map article FILES (seed text, .json, .jsonl, or folders of them) to RDF.

    Exits 0 when every article mapped, 1 when some input could not be read or mapped
    (the others are still written), 2 when the command could not run at all. An article
    from which no diplomatic fact was read is written all the same, with a warning:
    `ingest` and POST /articles would reject it.
    """
    from communique.mapping.pipeline import map_articles

    check_id_inputs(article_id, files)
    aliases = _aliases(aliases_path)
    batches, failures = _read_inputs(files, article_id)
    articles = [a for _, batch in batches for a in batch]
    progress = sys.stderr.isatty() and len(articles) > 1
    try:
        mapped = list(
            map_articles(
                articles, base=base, n_process=n_process, progress=progress, aliases=aliases
            )
        )
    except MappingError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    _warn_without_content(mapped)
    by_source = {m.article.source: m for m in mapped}
    if out_dir is None:
        if mapped:
            sys.stdout.buffer.write(serialize(mapped, fmt))
    else:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _error(f"{out_dir}: cannot create the output folder ({exc.strerror})")
            sys.exit(EXIT_ERROR)
        ext = RDF_FORMATS[fmt].key
        for path, batch in batches:
            done = [by_source[a.source] for a in batch if a.source in by_source]
            if done:
                (out_dir / f"{path.stem}.{ext}").write_bytes(serialize(done, fmt))
    failures += len(articles) - len(mapped)
    sys.exit(EXIT_FAILED if failures else EXIT_OK)


def _aliases(path: Path | None):
    from communique.mapping.entities.aliases import read_aliases

    try:
        return read_aliases(path) if path else None
    except InputError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)


def _warn_without_content(mapped: list[MappedArticle]) -> None:
    """A warning for each article that ingest would reject for want of facts."""
    from communique.server.ingest.ingest import NO_CONTENT, has_content

    for m in mapped:
        if not has_content(m):
            click.echo(f"warning: {m.article.source}: {NO_CONTENT} (ingest rejects it)", err=True)


@click.command("validate")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "ttl", "json"]),
    default="text",
    show_default=True,
    help="Report as readable text, a SHACL report in Turtle, or JSON.",
)
@click.option(
    "--input-format",
    default=None,
    help="RDF syntax of FILES (turtle, nt, json-ld, xml, trig, nquads); "
    "default: guessed from each file's extension.",
)
def validate_command(files: tuple[str, ...], fmt: str, input_format: str | None) -> None:
    """Check RDF FILES against communique's SHACL shapes.

    Exits 0 when every file conforms, 1 when some file does not, 2 when a file could not be
    read or parsed (like pyshacl's command).
    """
    from communique.shapes.validate import format_text, summarize, validate_graph

    status = EXIT_OK
    summaries = []
    for name in files:
        graph = Graph()
        try:
            syntax = input_format or guess_format(name) or "turtle"
            graph.parse(name, format=syntax)
        except FileNotFoundError:
            _error(f"{name}: no such file")
            status = EXIT_ERROR
            continue
        except Exception as exc:  # noqa: BLE001 - any parser error means: could not run
            _error(f"{name}: cannot parse as {syntax}: {exc}")
            status = EXIT_ERROR
            continue
        result = validate_graph(graph)
        if not result.conforms and status == EXIT_OK:
            status = EXIT_FAILED
        if fmt == "json":
            summaries.append({"file": name, **summarize(result)})
        elif fmt == "ttl":
            click.echo(f"# {name}")
            click.echo(result.report_graph.serialize(format="turtle"))
        else:
            verdict = "conforms" if result.conforms else "does not conform"
            click.echo(f"{name}: {verdict}")
            if not result.conforms or result.results:
                click.echo(format_text(result))
    if fmt == "json":
        click.echo(json.dumps(summaries, indent=2, default=str))
    sys.exit(status)
