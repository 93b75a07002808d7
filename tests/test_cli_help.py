"""The commands' --help: defaults shown as values, not in parentheses."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from communique.server.cli import cli


@pytest.mark.parametrize("command", ["map", "ingest", "delete", "stats", "serve"])
def test_base_default_is_shown_plainly(command):
    result = CliRunner().invoke(cli, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = re.sub(r"\s+", " ", result.output)
    assert "[default: http://localhost:5000/]" in text
    assert "(http://localhost:5000/)" not in text
