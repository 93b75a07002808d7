"""The store: one named graph per article over an engine (embedded Oxigraph or a
remote SPARQL 1.1 engine), its dumps, state and the feed's writes."""
