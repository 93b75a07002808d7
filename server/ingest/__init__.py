"""Ingest: map, validate and store articles (in process, through a worker, or by
posting to a running server)."""
