"""Options shared by the `communique` commands, so each setting reads the same everywhere.

Their values from the environment come from server/settings.py, the one reader of
COMMUNIQUE_*: an option of class SettingOption asks it instead of reading a variable itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from communique.mapping.iris import DEFAULT_BASE, normalize_base
from communique.server.settings import CLI_DATA_DIR, Settings, SettingsError

_SETTINGS = "communique.settings"  # ctx.meta key: the environment is read once per command


class SettingOption(click.Option):
    """An option that, when not given, takes Settings' `setting` if the environment sets it."""

    def __init__(self, *args: Any, setting: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setting = setting

    def resolve_envvar_value(self, ctx: click.Context) -> str | None:
        value = getattr(_settings(ctx), self.setting)
        # a setting left at its default is not set: the option's own default applies
        return None if value in (None, getattr(Settings(), self.setting)) else str(value)


def _settings(ctx: click.Context) -> Settings:
    """The settings of the environment, read once for the whole command line."""
    if _SETTINGS not in ctx.meta:
        try:
            ctx.meta[_SETTINGS] = Settings.from_env()
        except SettingsError as exc:
            raise click.UsageError(str(exc), ctx) from exc
    return ctx.meta[_SETTINGS]


def _normalized_base(ctx: click.Context, param: click.Parameter, value: str) -> str:
    return normalize_base(value)  # --base given on the command line, as settings do for env


data_option = click.option(
    "--data",
    "data_dir",
    cls=SettingOption,
    setting="data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=CLI_DATA_DIR,
    show_default=True,
    help="The data folder holding the store (env COMMUNIQUE_DATA).",
)
store_option = click.option(
    "--store",
    "store",
    cls=SettingOption,
    setting="store",
    metavar="DIR|URL",
    help="The store: a data folder, or the URL of a SPARQL 1.1 engine (Oxigraph server, "
    "Fuseki, ...) with its query and update URLs and credentials from COMMUNIQUE_STORE_* "
    "(env COMMUNIQUE_STORE; default: the --data folder).",
)


def engine_options(ctx: click.Context) -> dict[str, Any]:
    """The remote engine's options (URLs, credentials, time limits) from the settings."""
    from communique.server.store.opening import store_options

    return store_options(_settings(ctx).to_config())


base_option = click.option(
    "--base",
    cls=SettingOption,
    setting="base",
    # a plain value: click shows a string given as show_default in parentheses
    default=DEFAULT_BASE,
    show_default=True,
    callback=_normalized_base,
    help="Base IRI of minted data IRIs; IRIs under it are served by `serve` (env COMMUNIQUE_BASE).",
)


def _one_input(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("an empty id names nothing", ctx, param)
    return value.strip() if value else None


id_option = click.option(
    "--id",
    "article_id",
    metavar="ID",
    callback=_one_input,
    help="What names the article given, when it has no url: its IRI comes from it, so "
    "mapping it again after an edit keeps the IRI (default: the file's path below the "
    'folder given, without its suffix; a JSON input\'s own "id" comes first). One FILE only.',
)


def check_id_inputs(article_id: str | None, files: tuple) -> None:
    """`--id` names one article: refuse it with several inputs or a folder."""
    if article_id is None:
        return
    if len(files) != 1 or Path(files[0]).is_dir() or Path(files[0]).suffix == ".jsonl":
        raise click.UsageError("--id names one article: give one .txt or .json FILE with it")


aliases_option = click.option(
    "--aliases",
    "aliases_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A curator's aliases file (CSV: kind,name,same_as) mapping variants of a person's, "
    "organization's or place's name to one canonical name; the variant's IRI is kept as "
    "owl:sameAs of the canonical one (ingest default: same-as.csv in the data folder).",
)
