"""The change feed: the log of revisions, its pages, their rendering and routes, and
the `follow` client."""
