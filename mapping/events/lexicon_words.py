"""Where an article may tell an event by the lexicon's own words (mapping/data/events.json):
its phrases, matched as a whole, and the tokens whose lemma or form is one of its nouns
and verbs, found from the doc's arrays (triggers.py reads only those tokens)."""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from communique.mapping.events.base import lexicon
from communique.mapping.nlp.arrays import where, where_lemma

_PHRASES: dict[int, PhraseMatcher] = {}


def phrase_matcher(doc: Doc) -> PhraseMatcher:
    """The lexicon's phrases, matched in lower case (built once per vocabulary)."""
    key = id(doc.vocab)
    if key not in _PHRASES:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        for kind, phrases in lexicon()["phrases"].items():
            m.add(
                kind,
                [
                    # split as the tokenizer splits infix hyphens: "co-chaired" is 3 tokens
                    Doc(doc.vocab, words=re.findall(r"[^\s-]+|-", p))
                    for p in phrases
                ],
            )
        _PHRASES[key] = m
    return _PHRASES[key]


@cache
def _trigger_words() -> frozenset[str]:
    data = lexicon()
    return frozenset().union(*(data[k] for k in ("nouns", "verbs", "name_nouns", "held_nouns")))


def _may_trigger(lemma: str) -> bool:
    lemma, words = lemma.lower(), _trigger_words()
    return lemma in words or (lemma.endswith("s") and lemma[:-1] in words)


def lexicon_words_at(doc: Doc) -> list[int]:
    """The tokens whose lemma (or a name's plural, or the word as written) is in the event
    lexicon: the only ones `triggers` need look at."""
    found = set(where_lemma(doc, _may_trigger)) | set(where(doc, lower=_trigger_words()))
    return sorted(found)
