// The SPARQL query page's editor: CodeMirror 6 with the SPARQL stream mode, completion of
// the store's prefixes and of the ontology's terms after "dip:", Ctrl+Enter to run.
// It replaces the page's <textarea> and writes back to it before the form is submitted, so
// the plain form (GET with query= and format=) stays the one way a query runs: the URL
// after running is the shareable one. Without JavaScript the textarea is used as is.
// Built by web/build.sh into server/static/vendor/sparql-editor.js. CSP-safe: the editor
// lives in a shadow root, where CodeMirror styles itself with constructable stylesheets.
import { autocompletion, completeFromList } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage,
  bracketMatching,
  defaultHighlightStyle,
  syntaxHighlighting,
  syntaxTree,
} from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from "@codemirror/view";

const KEYWORDS = [
  "SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "BIND",
  "VALUES", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "ASK", "CONSTRUCT",
  "DESCRIBE", "PREFIX", "FROM", "FROM NAMED", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE",
  "GROUP_CONCAT", "DESC", "ASC", "NOT EXISTS", "EXISTS", "STR", "LANG", "LANGMATCHES",
  "CONTAINS", "STRSTARTS", "REGEX", "LCASE", "UCASE", "YEAR", "MONTH", "DAY", "COALESCE", "IF",
];

const THEME = EditorView.theme({
  "&": { minHeight: "16rem", fontSize: "0.95rem", backgroundColor: "#fff" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    minHeight: "16rem",
  },
  ".cm-content": { padding: "0.5rem 0" },
  ".cm-tooltip-autocomplete ul li": { padding: "0.1rem 0.5rem" },
  ".cm-completionInfo": { maxWidth: "28rem", whiteSpace: "normal" },
});

// The vocabulary (GET /sparql/vocabulary.json: {prefixes: {name: IRI}, terms: {prefix:
// [{name, kind, label, comment}]}}), loaded once; completion offers keywords until it comes.
const vocab = { prefixes: {}, terms: {} };
let prefixOptions = [];
let declarations = [];

async function loadVocabulary(url) {
  if (!url) return;
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    Object.assign(vocab, await response.json());
  } catch (error) {
    return; // offline or refused: keywords only
  }
  const names = Object.keys(vocab.prefixes).sort();
  prefixOptions = names.map((p) => ({
    label: p + ":",
    type: "namespace",
    detail: vocab.prefixes[p],
    boost: p === "dip" ? 2 : 0,
  }));
  declarations = names.map((p) => ({ label: p + ": <" + vocab.prefixes[p] + ">", type: "namespace" }));
}

function completionSource() {
  const keywordOptions = KEYWORDS.map((k) => ({ label: k, type: "keyword" }));
  const keywords = completeFromList(keywordOptions);
  return (context) => {
    const token = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (/comment|string/i.test(token.type.name)) return null;
    // after "PREFIX ": whole declarations
    const declaration = context.matchBefore(/PREFIX\s+[\w-]*:?$/i);
    if (declaration) {
      const start = declaration.from + declaration.text.search(/[\w-]*:?$/);
      return { from: start, options: declarations, validFor: /^[\w-]*:?$/ };
    }
    // a prefixed name: the prefix's terms (the ontology's, for dip:)
    const prefixed = context.matchBefore(/[A-Za-z][\w-]*:[\w-]*$/);
    if (prefixed) {
      const colon = prefixed.text.indexOf(":");
      const prefix = prefixed.text.slice(0, colon);
      const terms = vocab.terms[prefix];
      if (!terms) return null;
      return {
        from: prefixed.from + colon + 1,
        options: terms.map((t) => ({
          label: t.name,
          type: t.kind === "class" ? "class" : t.kind === "property" ? "property" : "constant",
          detail: t.label || "",
          info: t.comment || undefined,
        })),
        validFor: /^[\w-]*$/,
      };
    }
    const word = context.matchBefore(/[A-Za-z_][\w-]*$/);
    if (!word && !context.explicit) return null;
    const from = word ? word.from : context.pos;
    const fromKeywords = keywords(context);
    const options = prefixOptions.concat(fromKeywords ? fromKeywords.options : keywordOptions);
    return { from, options, validFor: /^[\w-]*$/ };
  };
}

function start() {
  const form = document.getElementById("sparql-form");
  const textarea = document.getElementById("sparql-query");
  if (!form || !textarea) return;
  loadVocabulary(form.dataset.vocabulary);
  const run = () => {
    textarea.value = view.state.doc.toString();
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
    return true;
  };
  // CodeMirror styles itself with constructable stylesheets only inside a shadow root (in a
  // document it adds a <style> element, which the site's CSP, style-src 'self', blocks)
  const host = document.createElement("div");
  host.className = "sparql-editor";
  const shadow = host.attachShadow({ mode: "open" });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        StreamLanguage.define(sparql),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [completionSource()], activateOnTyping: true }),
        placeholder("SELECT * WHERE { ?s ?p ?o } LIMIT 10"),
        keymap.of([
          { key: "Mod-Enter", run },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ "aria-label": "SPARQL query", "aria-multiline": "true" }),
        EditorView.lineWrapping,
        THEME,
      ],
    }),
  });
  textarea.parentNode.insertBefore(host, textarea);
  textarea.hidden = true;
  const label = form.querySelector('label[for="sparql-query"]');
  if (label) label.addEventListener("click", () => view.focus());
  form.addEventListener("submit", () => {
    textarea.value = view.state.doc.toString();
  });
  form.classList.add("has-editor");
  window.communiqueEditor = view; // for the browser tests and the console
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
