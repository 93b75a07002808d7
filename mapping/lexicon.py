"""The word classes of data/quotes.json, read once for all who read them: the sentence
splitter (abbreviated titles), the event reader (the nouns of statements) and the quotation
finder (facts/reporting.py and the modules after it)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _quotes() -> dict:
    path = resources.files("communique.mapping").joinpath("data/quotes.json")
    return json.loads(path.read_text("utf-8"))


def quote_words(name: str):
    """A word class of data/quotes.json (see its _comment)."""
    return _quotes()[name]
