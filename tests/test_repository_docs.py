"""What a newcomer's clone holds: its own design document, a licence, a README that covers
every command, and skips that name the external corpus they need."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from communique.mapping.iris import kinds
from communique.server.cli import COMMANDS

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DESIGN = REPO / "docs" / "design.md"


def test_readme_links_the_design_in_the_repository():
    assert "](docs/design.md)" in README and DESIGN.is_file()
    assert "../shared/design.md" not in README


def test_no_readme_sends_the_reader_to_a_folder_outside_the_clone():
    for path in (REPO / "README.md", REPO / "eval" / "README.md", DESIGN):
        text = path.read_text(encoding="utf-8")
        # (the skips name where the external test data is looked for; the docs do not)
        assert "../shared" not in text, path


def test_design_covers_every_kind_of_iri_and_every_route():
    text = DESIGN.read_text(encoding="utf-8")
    for kind in kinds():
        assert f"{{base}}id/{kind}/" in text, kind
    for route in ("/sparql", "/dumps/", "/validate", "/articles", "/ontology", "/shapes"):
        assert route in text, route
    assert "**Planned**" in text  # what is not built is marked apart


def test_readme_usage_names_every_command():
    usage = README.split("## Using it")[1].split("##")[0]
    for command in COMMANDS:
        assert f"communique {command} " in usage, command


def test_readme_keeps_two_set_up_commands():
    setup = README.split("## Set-up")[1].split("```sh")[1].split("```")[0]
    commands = [line for line in setup.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2


def test_licence_is_mit():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 the communique authors" in text


def skip_reasons() -> list[tuple[str, str]]:
    found = []
    for path in sorted((REPO / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) == "pytest.skip"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.append((path.name, node.args[0].value))
    return found


@pytest.mark.parametrize(
    ("module", "reason"), [r for r in skip_reasons() if "shared" in r[1]], ids=lambda x: x[:40]
)
def test_skips_for_external_data_name_it(module, reason):
    assert re.match(r"needs the .+ \(\.\./shared/[^)]+\), not in this clone$", reason), reason
    corpus = reason.removeprefix("needs ").split(" (")[0]
    assert f"| {corpus} " in README or f"| {corpus} (" in README, module  # the README's too
