// The SPARQL query page: runs the query with fetch and shows SELECT/ASK results as a table.
// Without JavaScript the form still works: it submits a plain GET to the endpoint.
"use strict";

(function () {
  const form = document.getElementById("sparql-form");
  if (!form) return;
  const output = document.getElementById("sparql-results");
  const status = document.getElementById("sparql-status");

  const ACCEPT_TABLE = "application/sparql-results+json, text/turtle;q=0.9";

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function cell(term) {
    const td = element("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = element("a", term.value);
      a.href = term.value;
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      const meta = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? term.datatype.replace(/^.*[#/]/, "") : "";
      if (meta) td.appendChild(element("span", " " + meta, "literal-meta"));
    }
    return td;
  }

  function showJson(data) {
    output.replaceChildren();
    if (typeof data.boolean === "boolean") {
      output.appendChild(element("p", "ASK: " + data.boolean));
      return;
    }
    const vars = data.head.vars || [];
    const rows = data.results.bindings;
    const table = element("table");
    const head = element("tr");
    vars.forEach((v) => head.appendChild(element("th", "?" + v)));
    table.appendChild(element("thead")).appendChild(head);
    const body = table.appendChild(element("tbody"));
    rows.forEach((row) => {
      const tr = element("tr");
      vars.forEach((v) => tr.appendChild(cell(row[v])));
      body.appendChild(tr);
    });
    output.appendChild(element("p", rows.length + " result" + (rows.length === 1 ? "" : "s"), "count"));
    output.appendChild(table);
  }

  form.addEventListener("submit", async (event) => {
    const format = form.elements.format.value;
    if (format) return; // a chosen format: let the browser show or download it as is
    event.preventDefault();
    status.textContent = "running…";
    output.replaceChildren();
    const started = performance.now();
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: ACCEPT_TABLE },
        body: new URLSearchParams({ query: form.elements.query.value }),
      });
      const type = response.headers.get("Content-Type") || "";
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (!response.ok) {
        let message = await response.text();
        try { message = JSON.parse(message).message || message; } catch (e) { /* not JSON */ }
        status.textContent = response.status + " after " + seconds + " s";
        output.appendChild(element("pre", message, "error"));
      } else if (type.startsWith("application/sparql-results+json")) {
        showJson(await response.json());
        status.textContent = "done in " + seconds + " s";
      } else {
        output.appendChild(element("pre", await response.text()));
        status.textContent = "done in " + seconds + " s";
      }
    } catch (error) {
      status.textContent = "failed";
      output.appendChild(element("pre", String(error), "error"));
    }
  });
})();
