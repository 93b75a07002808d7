"""The Linked Data web face: routes for resources, articles, dumps, validation and
descriptions, content negotiation, renderers and links."""
