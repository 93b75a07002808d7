"""Name keys: what makes two spellings of a person's name one name, for the person's IRI.

A name is folded word by word (words of address before it, "Mr", "Professor", left out):
to lower-case ASCII (text-unidecode, as python-slugify does:
"Ş" -> "s", "ı" -> "i"), then through the romanization rewrites of data/name_keys.json
(Sergey/Sergei, Mohammed/Muhammad). A name of three or more words without particles drops
its middle ones ("Nadim Farouk Bessaoui" is "Nadim Bessaoui"), an initial is kept
("Lena W. Varga" is not "Lena Varga"). A name with fewer than two full words ("Abe",
"J. Smith") names no one across articles: `is_full_name` is False and its IRI stays in
its article (iris.Minter).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from slugify import slugify

from communique.mapping.nlp.spelling import one_edit

_WORD = re.compile(r"[^\s]+")


@cache
def _data() -> tuple[tuple[tuple[re.Pattern[str], str], ...], frozenset[str], frozenset[str]]:
    data = resources.files("communique.mapping").joinpath("data/name_keys.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    rewrites = tuple((re.compile(pattern), to) for pattern, to, _note in raw["rewrites"])
    return rewrites, frozenset(raw["particles"]), frozenset(raw["honorifics"])


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word of a name as its key: ASCII, lower case, romanization variants folded."""
    # (a plain ASCII word slugifies to itself in lower case: slugify's passes are skipped)
    text = word.lower() if word.isascii() and word.isalnum() else slugify(word, separator="-")
    for pattern, to in _data()[0]:
        text = pattern.sub(to, text)
    return text


# a person's name is keyed many times over (IRI, sameAs, spellings) and recurs across articles
@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[tuple[str, str], ...]:
    """(as written, folded) of each word of the name, words of address before it left out."""
    honorifics = _data()[2]
    words = [(raw, w) for raw in _WORD.findall(name) if (w := fold_word(raw))]
    while len(words) > 1 and _slug_of_word(words[0][0]) in honorifics:
        words.pop(0)
    return tuple(words)


# slugify runs several regexes per call; names repeat their words across articles
_slug_of_word = lru_cache(maxsize=65536)(slugify)


def _is_initial(word: str, folded: str) -> bool:
    return len(folded) == 1 or (word.endswith(".") and len(folded) <= 2)


@lru_cache(maxsize=65536)
def is_full_name(name: str) -> bool:
    """True when the name has a given name and a surname: two full words, not initials or
    particles ("Shinzo Abe"); False for "Abe", "Mr Abe", "S. Abe"."""
    particles = _data()[1]
    full = [w for raw, w in _words(name) if w not in particles and not _is_initial(raw, w)]
    return len(full) >= 2


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The key of a person's IRI from the name: folded words joined by "-"; a name of three
    or more full words without particles or initials keeps its first and last word only
    ("Kofi Mensa Adjei Tano" is "Kofi Tano")."""
    particles = _data()[1]
    kept = _words(name)
    if (
        len(kept) >= 3
        and not any(w in particles for _, w in kept)
        and not any(_is_initial(r, w) for r, w in kept)
    ):
        kept = (kept[0], kept[-1])
    return "-".join(w for _, w in kept)


def spellings(names: list[str]) -> dict[int, int]:
    """Which full names of a list are spellings of an earlier, fuller one: index -> index
    of the name it joins (the one with most words among those of its key, first on a tie)."""
    by_key: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if is_full_name(name):
            by_key.setdefault(person_key(name), []).append(i)
    joins: dict[int, int] = {}
    heads = []
    for group in by_key.values():
        head = max(group, key=lambda i: (len(_WORD.findall(names[i])), -i))
        joins.update({i: head for i in group if i != head})
        heads.append(head)
    for i, head in _misspelt(names, sorted(heads)).items():
        while head in joins:  # (a name told before that joins another itself)
            head = joins[head]
        joins.update({j: head for j, h in joins.items() if h == i})
        joins[i] = head
    return joins


_MIN_MISSPELT = 5  # letters: shorter words differ by one letter as other names ("Jan", "Jon")


def _misspelt(names: list[str], full: list[int]) -> dict[int, int]:
    """ "Xi Jingping" after "Xi Jinping", "Ismail Omar Tal" after "Ismael Omar Tal": a full
    name one word of which is one letter off the same word of a name told before, all its
    other words the same, is a slip or another spelling of that name: index -> its index."""
    first: dict[tuple, int] = {}
    joins: dict[int, int] = {}
    for i in full:
        words = [w for _, w in _words(names[i])]
        for at, word in enumerate(words):
            if len(word) < _MIN_MISSPELT:
                continue
            slot = (*words[:at], "*", *words[at + 1 :])
            told = first.setdefault(slot, i)
            if told != i and one_edit(word, _words(names[told])[at][1], swap=False):
                joins.setdefault(i, told)
    return joins


def written_key(name: str) -> str:
    """Every word of the name folded, middle names kept: what tells "Ana Maria Sorel" from
    "Ana Sorel" when their `person_key`s meet (graph/persons.py)."""
    return "-".join(w for _, w in _words(name))
