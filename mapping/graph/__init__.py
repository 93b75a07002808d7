"""The graph: facts in the ontology's terms, and the reference graph."""
