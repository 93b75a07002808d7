"""Which tokens of a parsed doc carry given tags or words, read from the doc's attribute
arrays as plain integers: no Token objects, no string lookups per token.

A loop over every token of an article that first tests a tag or a word (`tok.pos_`,
`tok.lower_`) builds a Token object and a string for each to find a handful of tokens:
over a dozen such loops, a few per cent of the mapper's time. The columns are read once
per doc, after spaCy's components and the spelling stage have set every attribute (the
stages only read them), and kept in the doc's user data like the other per-doc caches."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from communique.mapping.nlp.language import STAGE_PREFIX

# value sets many stages ask for
NOMINALS = frozenset({"NOUN", "PROPN"})
PROPER = frozenset({"PROPN"})
SUBJECT = frozenset({"nsubj"})
UNTAGGED = frozenset({""})  # no entity type

_COLUMNS = {"pos": POS, "dep": DEP, "ent_type": ENT_TYPE, "orth": ORTH, "lower": LOWER}
_KEY = f"{STAGE_PREFIX}columns"
_TEXTS = f"{STAGE_PREFIX}texts"
# lemma hash -> whether it passes, per test: a word's answer holds for every text (as
# spaCy's vocabulary keeps each word's lexeme), so each word is looked up once
_PASSED: dict[Callable[[str], bool], dict[int, bool]] = {}


def _columns(doc: Doc) -> dict[str, list[int]]:
    found = doc.user_data.get(_KEY)
    if found is None:
        empty = [[]] * len(_COLUMNS)
        rows = doc.to_array(list(_COLUMNS.values())).T.tolist() if len(doc) else empty
        found = doc.user_data[_KEY] = dict(zip(_COLUMNS, rows, strict=True))
    return found


def texts(doc: Doc) -> list[str]:
    """Each token's text, from the doc's ORTH array: one string lookup per distinct word
    rather than a Token object and a lookup per token (`tok.text`). (Its own array, not
    the cached columns: the words are fixed once tokenized, the tags are not.)"""
    found = doc.user_data.get(_TEXTS)
    if found is None:
        strings, words = doc.vocab.strings, {}
        orths = doc.to_array(ORTH).tolist() if len(doc) else []
        found = [words[h] if h in words else words.setdefault(h, strings[h]) for h in orths]
        doc.user_data[_TEXTS] = found
    return found


@cache
def _ids(values: frozenset[str]) -> frozenset[int]:
    """The values as the doc stores them: spaCy's own symbols (tags, dependency labels,
    entity types) by their number, other strings by hash, "" (no entity type) as 0."""
    return frozenset(get_string_id(v) for v in values)


def where(doc: Doc, **wanted: frozenset[str]) -> list[int]:
    """The indices of the tokens whose attributes each take one of the wanted values, in
    text order: `where(doc, pos=NOMINALS, dep=SUBJECT)`. Attributes: pos, dep,
    ent_type, orth, lower; the value sets are frozensets (each is read into ids once)."""
    columns = _columns(doc)
    (first, values), *rest = wanted.items()
    ids = _ids(values)
    if first in _INDEXED:
        by_value = _index(doc, first)
        hits = [by_value[v] for v in ids if v in by_value]
        found = list(hits[0]) if len(hits) == 1 else sorted(i for h in hits for i in h)
    else:
        found = [i for i, v in enumerate(columns[first]) if v in ids]
    for attr, values in rest:
        ids, column = _ids(values), columns[attr]
        found = [i for i in found if column[i] in ids]
    return found


# the tags asked for most (each several times a doc, in sets of a few values): their
# tokens are listed by value once, where other columns are scanned at each question
_INDEXED = frozenset({"pos", "dep"})


def _index(doc: Doc, attr: str) -> dict[int, list[int]]:
    key = f"{_KEY}_{attr}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = {}
        for i, v in enumerate(_columns(doc)[attr]):
            if v in found:
                found[v].append(i)
            else:
                found[v] = [i]
    return found


def where_lemma(doc: Doc, keep: Callable[[str], bool]) -> list[int]:
    """The indices of the tokens whose lemma passes `keep` (a module-level function of the
    lemma alone). Lemmas are read fresh: the spelling stage may have mended some."""
    if not len(doc):
        return []
    passed = _PASSED.setdefault(keep, {})
    strings = doc.vocab.strings
    # each distinct lemma asked once, the tokens then picked by numpy (a loop in Python
    # over every token cost more than the rest of the question)
    lemmas, at = numpy.unique(doc.to_array(LEMMA), return_inverse=True)
    ok = []
    for h in lemmas.tolist():
        hit = passed.get(h)
        if hit is None:
            hit = passed[h] = keep(strings[h])
        ok.append(hit)
    return numpy.flatnonzero(numpy.array(ok, dtype=bool)[at.reshape(-1)]).tolist()


def where_written(doc: Doc, words: frozenset[str]) -> list[int]:
    """The indices of the tokens written as one of `words`, read fresh: for components
    that run before the parser (the cached columns are for the stages after them all)."""
    ids = _ids(words)
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    return [i for i, h in enumerate(orths) if h in ids]
