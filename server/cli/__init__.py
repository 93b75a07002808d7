"""The `communique` command: a click group whose subcommands load on first use."""

from __future__ import annotations

import importlib
import logging

import click

# name -> "module:attribute"; imported lazily so `communique --help` stays fast and a
# command's heavy imports (spaCy, pyoxigraph, Flask) load only when that command runs.
COMMANDS = {
    "map": "communique.server.cli.mapping:map_command",
    "validate": "communique.server.cli.mapping:validate_command",
    "ingest": "communique.server.cli.store:ingest_command",
    "delete": "communique.server.cli.store:delete_command",
    "stats": "communique.server.cli.store:stats_command",
    "serve": "communique.server.cli.serve:serve_command",
    "follow": "communique.server.cli.follow:follow_command",
    "export": "communique.server.cli.export:export_command",
    "entities": "communique.server.cli.entities:entities_command",
}


class LazyGroup(click.Group):
    """A group that imports each subcommand when it is asked for (click's lazy-loading recipe)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not any(p.name == "version" for p in command.params):
            # every command answers --version, as the group does
            version_option(command)
        return command


version_option = click.version_option(package_name="communique", prog_name="communique")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@version_option
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """communique: diplomacy news as Linked Data.

    Map articles to RDF, validate RDF against the published SHACL shapes, keep articles in
    an embedded Oxigraph store and serve them (Linked Data, SPARQL, dumps).
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    cli()
