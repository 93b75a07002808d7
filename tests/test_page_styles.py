"""The stylesheet keeps wide content readable: the validation table and the VoID Turtle."""

from __future__ import annotations

import re
from pathlib import Path

STYLE = Path(__file__).resolve().parents[1] / "server" / "static" / "style.css"
LONG_IRI = "http://localhost:5000/id/organization/" + "a-very-long-organization-name-" * 4
INVALID = f"""
@prefix dip: <https://w3id.org/communique/diplomacy#> .
@prefix schema: <https://schema.org/> .
<{LONG_IRI}> a dip:Organization .
"""


def rules(selector_part: str) -> str:
    """The declarations of every rule whose selector mentions `selector_part`."""
    css = re.sub(r"/\*.*?\*/", "", STYLE.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    return " ".join(body for selectors, body in found if selector_part in selectors)


def test_validation_table_wraps_long_iris_in_fixed_columns(memory_app):
    page = memory_app.test_client().post(
        "/validate",
        data={"data": INVALID, "input_format": "turtle"},
        headers={"Accept": "text/html"},
    )
    html = page.data.decode()
    assert LONG_IRI in html and '<table class="results">' in html
    declarations = rules("table.results")
    assert "table-layout: fixed" in declarations
    assert "overflow-wrap: anywhere" in declarations
    widths = re.findall(r"th:nth-child\((\d)\) \{ width:", STYLE.read_text(encoding="utf-8"))
    assert widths == ["1", "2", "3", "4"]  # the fifth, the message, takes the rest


def test_void_page_wraps_its_long_lines(memory_app):
    page = memory_app.test_client().get("/.well-known/void", headers={"Accept": "text/html"})
    assert '<pre class="example wrap">' in page.data.decode()
    declarations = rules("pre.wrap")
    assert "white-space: pre-wrap" in declarations and "overflow-wrap: anywhere" in declarations
