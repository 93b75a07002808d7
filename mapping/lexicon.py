"""The word lists of data/quotes.json, data/events.json and data/agreements.json, each read
once for all who read them: quotes.json by the sentence splitter (abbreviated titles), the
event reader (the nouns of statements) and the quotation finder (facts/reporting.py and the
modules after it); events.json by the event finder (events/base.py), the spelling mender
(nlp/spelling.py) and the event-type fallback (concepts.py); agreements.json by the
agreement finder (facts/document_heads.py), the mention finder (a document's acronym
the model takes for a body) and the event finder (a document unveiled is no ceremony)."""

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


@cache
def agreement_lexicon() -> dict:
    """data/agreements.json: the words of documents' names."""
    path = resources.files("communique.mapping").joinpath("data/agreements.json")
    return json.loads(path.read_text("utf-8"))


@cache
def document_heads() -> frozenset[str]:
    """The nouns that head a document's name ("memorandum", "treaty", "plan")."""
    return frozenset(agreement_lexicon()["heads"])


@cache
def trigger_lemmas() -> frozenset[str]:
    """The lemmas of the verbs and nouns that tell an event ("visit", "discuss", "talks")."""
    lex = event_lexicon()
    return frozenset((*lex["verbs"], *lex["nouns"]))
