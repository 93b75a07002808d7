#!/usr/bin/env bash
# Rebuilds the query page's editor bundle, server/static/vendor/sparql-editor.js, from the
# locked npm packages (CodeMirror 6 and its SPARQL mode), and the licences of what it
# bundles beside it. The bundle is committed, so installing the Python package needs no npm;
# run this after changing web/src or the lock file.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build -- --metafile=meta.json
node -e '
const fs = require("fs");
const inputs = Object.keys(JSON.parse(fs.readFileSync("meta.json")).inputs);
const packages = [...new Set(inputs.map((p) => p.match(/node_modules\/((@[^/]+\/)?[^/]+)/)).filter(Boolean).map((m) => m[1]))].sort();
let text = "Licences of the packages bundled into sparql-editor.js (built by web/build.sh).\n";
for (const name of packages) {
  const dir = "node_modules/" + name;
  const meta = JSON.parse(fs.readFileSync(dir + "/package.json"));
  const file = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  text += "\n== " + name + " " + meta.version + " (" + meta.license + ")\n\n";
  if (file) text += fs.readFileSync(dir + "/" + file, "utf8").trim() + "\n";
}
fs.writeFileSync("../server/static/vendor/sparql-editor.LICENSES.txt", text);
'
rm -f meta.json
