"""The `export` command: the whole dataset as gzipped N-Quads shards, for bulk loaders.

A shard is a complete N-Quads file (one quad per line, so any cut between lines is valid),
gzip-compressed, of at most --shard-quads quads: `oxigraph load`, Virtuoso's `ld_dir` +
`rdf_loader_run()` and QLever's index builder read them as they are, several at once.
`manifest.json` lists each shard with its quads and SHA-256, so a loader can check it
got everything. The feed's log is left out (it is served at /feed); the reference data
(ontology, schemes, countries) is in, in its own named graph.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from communique.server.cli.options import base_option, data_option, store_option
from communique.server.errors import StoreError

SHARD_QUADS = 1_000_000  # ~100 MB of N-Quads, ~10 MB gzipped: one loader thread's bite
SHARD_NAME = "communique-{:05d}.nq.gz"
MANIFEST = "manifest.json"


@dataclass
class Shard:
    file: str
    quads: int
    bytes: int
    sha256: str


def quad_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The N-Quads lines of a dump's chunks (a chunk may end inside a line)."""
    rest = b""
    for chunk in chunks:
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        yield from (line + b"\n" for line in lines if line)
    if rest:
        yield rest + b"\n"


def write_shards(lines: Iterable[bytes], out: Path, shard_quads: int) -> list[Shard]:
    """Write the lines into gzipped shards of at most `shard_quads` lines each, streamed."""
    out.mkdir(parents=True, exist_ok=True)
    shards: list[Shard] = []
    writer = None
    count = 0
    for line in lines:
        if writer is None or count == shard_quads:
            if writer is not None:
                shards.append(_close(writer, count))
            writer, count = _open(out, len(shards) + 1), 0
        writer.write(line)
        count += 1
    if writer is not None:
        shards.append(_close(writer, count))
    return shards


class _ShardWriter:
    """A gzip file (fixed mtime: the same data gives the same bytes) and its digest."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw = path.open("wb")
        self.gzip = gzip.GzipFile(fileobj=self.raw, mode="wb", mtime=0, filename="")

    def write(self, line: bytes) -> None:
        self.gzip.write(line)


def _open(out: Path, number: int) -> _ShardWriter:
    return _ShardWriter(out / SHARD_NAME.format(number))


def _close(writer: _ShardWriter, count: int) -> Shard:
    writer.gzip.close()
    writer.raw.close()
    digest = hashlib.sha256(writer.path.read_bytes()).hexdigest()
    return Shard(writer.path.name, count, writer.path.stat().st_size, digest)


@click.command("export")
@data_option
@store_option
@base_option
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the shards and manifest.json (created; old shards there are replaced).",
)
@click.option(
    "--shard-quads",
    type=click.IntRange(min=1),
    default=SHARD_QUADS,
    show_default=True,
    help="Quads per shard at most.",
)
def export_command(
    data_dir: Path, store: str | None, base: str, out: Path, shard_quads: int
) -> None:
    """Write the whole dataset as gzipped N-Quads shards and a manifest, for bulk loaders.

    Load them into another engine, for example:
    `oxigraph load --location DB --file communique-00001.nq.gz` (each shard), or Virtuoso's
    `ld_dir('OUT', '*.nq.gz', 'urn:default')` and `rdf_loader_run()`.

    Exit status: 0 written, 2 could not run.
    """
    from communique.server.cli.store import open_for_command

    for old in out.glob("communique-*.nq.gz") if out.is_dir() else ():
        old.unlink()
    try:
        with open_for_command(store, data_dir, base, read_only=True) as opened:
            shards = write_shards(quad_lines(opened.dump("nq")), out, shard_quads)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    manifest = {
        "format": "application/n-quads",
        "gzip": True,
        "shards": [asdict(s) for s in shards],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    total = sum(s.quads for s in shards)
    click.echo(f"exported {total} quads in {len(shards)} shard(s) to {out}")
