"""Options shared by the `communique` commands, so each setting reads the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

from communique.mapping.iris import DEFAULT_BASE

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="COMMUNIQUE_DATA",
    default="./data",
    show_default=True,
    help="The data folder holding the store (env COMMUNIQUE_DATA).",
)
base_option = click.option(
    "--base",
    envvar="COMMUNIQUE_BASE",
    # a plain value: click shows a string given as show_default in parentheses, and the
    # environment variable is read by click itself
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI of minted data IRIs; IRIs under it are served by `serve` (env COMMUNIQUE_BASE).",
)
