"""The words that report speech: the reporting verbs of data/quotes.json in all their
forms, the verbs whose object the speaker words, and the other word classes the quotation
finder and the speaker resolver read."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from spacy.tokens import Token

from communique.mapping.entities.entity import fold
from communique.mapping.lexicon import quote_words
from communique.mapping.nlp.alternation import trie_alternation

# "he quoted X as saying": X speaks, whoever quotes
QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,.;]{1,60}?)\s+as\s+saying\b")


@cache
def roles_titles() -> dict[str, str]:
    """The titles' surface forms (folded) -> their folded role label ("premier" ->
    "prime minister"), from data/roles.json."""
    path = resources.files("communique.mapping").joinpath("data/roles.json")
    titles = json.loads(path.read_text("utf-8"))["titles"]
    return {fold(k): fold(v) for k, v in titles.items()}


def _forms(lemma: str) -> list[str]:
    """A regular verb's lemma, third person and past: the irregular ones are listed."""
    if lemma in (irregular := quote_words("irregular_forms")):
        return [lemma, *irregular[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [lemma, third, lemma + "ed"]


@cache
def reporting_lemmas() -> frozenset[str]:
    return frozenset(quote_words("reporting_verbs"))


@cache
def characterizing_lemmas() -> frozenset[str]:
    return frozenset(quote_words("characterizing_verbs"))


@cache
def report_verbs_pattern() -> str:
    """A regex group of every form of the reporting verbs, as a trie (nlp/alternation.py:
    the match an alternation sorted longest first would give, at a fraction of the cost)."""
    forms = {f for lemma in quote_words("reporting_verbs") for f in _forms(lemma)}
    return "(?:" + trie_alternation(forms) + ")"


@cache
def saying_re() -> re.Pattern:
    """Any form of a reporting verb, as a word."""
    return re.compile(rf"\b{report_verbs_pattern()}\b")


def is_reporting(tok: Token) -> bool:
    """A saying verb by its lemma or its form (the tagger lemmatizes "noted" as "note")."""
    return tok.lemma_.lower() in reporting_lemmas() or tok.lower_ in _past_forms()


@cache
def _past_forms() -> frozenset[str]:
    return frozenset(f for lemma in quote_words("reporting_verbs") for f in _forms(lemma)[1:])


def is_saying(verb: Token) -> bool:
    """A reporting verb, or one whose object the speaker words ("described it as")."""
    return is_reporting(verb) or verb.lemma_.lower() in characterizing_lemmas()
