"""The query page's script (server/static/sparql.js) run under node with a minimal DOM."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "server" / "static" / "sparql.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# A DOM just big enough for sparql.js, a fetch that answers with argv[3], and a dump of
# what the script put on the page.
HARNESS = r"""
// A minimal DOM and fetch, enough to run sparql.js's submit handler under node.
const fs = require("fs");
function node(tag) {
  return {
    tag, children: [], textContent: "", className: "", href: "", listeners: {},
    appendChild(c) { this.children.push(c); return c; },
    replaceChildren() { this.children = []; },
    addEventListener(type, fn) { this.listeners[type] = fn; },
  };
}
const form = node("form");
form.action = "/sparql";
form.elements = { format: { value: "" }, query: { value: "SELECT * {}" } };
const nodes = { "sparql-form": form, "sparql-results": node("div"), "sparql-status": node("span") };
global.document = { getElementById: (id) => nodes[id], createElement: node };
global.performance = { now: () => 0 };
const body = process.argv[3];
global.fetch = async (url, init) => {
  global.sent = { url, init };
  return {
    ok: true, status: 200,
    headers: { get: () => "application/sparql-results+json" },
    json: async () => JSON.parse(body), text: async () => body,
  };
};
eval(fs.readFileSync(process.argv[2], "utf8"));
form.listeners.submit({ preventDefault() {} }).then(() => {
  const flat = (n) => [n.tag + ":" + n.textContent, ...n.children.flatMap(flat)];
  console.log(JSON.stringify({
    sent: global.sent.init.body.toString(),
    accept: global.sent.init.headers.Accept,
    out: flat(nodes["sparql-results"]),
    status: nodes["sparql-status"].textContent,
  }));
});
"""


def run_page(tmp_path: Path, answer: dict) -> dict:
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS, encoding="utf-8")
    result = subprocess.run(
        [NODE, str(harness), str(SCRIPT), json.dumps(answer)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(result.stdout)


def test_select_results_become_a_table(tmp_path):
    answer = {
        "head": {"vars": ["s", "n"]},
        "results": {
            "bindings": [
                {
                    "s": {"type": "uri", "value": "http://x/a"},
                    "n": {"type": "literal", "value": "Astana", "xml:lang": "en"},
                },
                {"s": {"type": "bnode", "value": "b0"}},
            ]
        },
    }
    page = run_page(tmp_path, answer)
    assert page["sent"] == "query=SELECT+*+%7B%7D"
    assert page["accept"].startswith("application/sparql-results+json")
    out = page["out"]
    assert "p:2 results" in out
    assert ["th:?s", "th:?n"] == [x for x in out if x.startswith("th:")]
    assert "a:http://x/a" in out and "td:Astana" in out and "span: @en" in out
    assert "td:_:b0" in out
    assert page["status"].startswith("done")


def test_ask_result_is_shown(tmp_path):
    page = run_page(tmp_path, {"head": {}, "boolean": False})
    assert "p:ASK: false" in page["out"]
