"""The word lists of data/quotes.json and data/events.json, each read once for all who read
them: quotes.json by the sentence splitter (abbreviated titles), the event reader (the nouns
of statements) and the quotation finder (facts/reporting.py and the modules after it);
events.json by the event finder (events/base.py), the spelling mender (nlp/spelling.py) and
the event-type fallback (concepts.py)."""

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


@cache
def event_lexicon() -> dict:
    """data/events.json: the event triggers and the word classes the event finder reads."""
    path = resources.files("communique.mapping").joinpath("data/events.json")
    return json.loads(path.read_text("utf-8"))
