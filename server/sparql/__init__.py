"""The SPARQL 1.1 endpoint: protocol, safety checks (scan, sandbox), executors,
workers, the results page, examples and the service description."""
