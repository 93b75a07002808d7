"""Whether a word is a form of an English verb, by the model's own lemmatizer tables: its
suffix rules, its exceptions and its index of verb lemmas (which spaCy's English data takes
from WordNet). The tables are read once per pipeline, when its stages are built, and found
again by the doc's vocabulary (as the gazetteer matcher is)."""

from __future__ import annotations

from spacy.language import Language
from spacy.vocab import Vocab

_MIN_STEM = 3  # "Bing", "Ding": a name's syllable, not "be" + "-ing"

# id(vocab) -> (suffix rules, exceptions, lemmas) of the pipeline's verbs
_TABLES: dict[int, tuple[list[tuple[str, str]], dict[str, list[str]], frozenset[str]]] = {}


def learn(nlp: Language) -> None:
    """Read the verb tables of `nlp`'s lemmatizer (none if it has no rule lemmatizer)."""
    if id(nlp.vocab) in _TABLES or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = lookups.get_table("lemma_rules", {}).get("verb", [])
    exceptions = lookups.get_table("lemma_exc", {}).get("verb", {})
    index = lookups.get_table("lemma_index", {}).get("verb", [])
    _TABLES[id(nlp.vocab)] = ([tuple(r) for r in rules], dict(exceptions), frozenset(index))


def is_participle(vocab: Vocab, word: str) -> bool:
    """Whether `word` is the "-ing" form of a verb of three letters or more ("Addressing",
    "Welcoming"; not "Ding" or "Jinping")."""
    low = word.lower()
    if not low.endswith("ing") or id(vocab) not in _TABLES:
        return False
    rules, exceptions, lemmas = _TABLES[id(vocab)]
    found = list(exceptions.get(low, []))
    found += [low[: -len(old)] + new for old, new in rules if old == "ing" and low.endswith(old)]
    return any(len(lemma) >= _MIN_STEM and lemma in lemmas for lemma in found)
