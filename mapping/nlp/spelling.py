"""Event words misspelt by one slip of the keys ("recieved", "vistied", "signned",
"meetting"): the lemma of the word meant, so that every stage after the lemmatizer reads
the event. Only the event lexicon's verbs and nouns are mended (data/events.json), only
from a word of six letters or more whose own lemma is none of them, and only by the slips
that make most typing errors: two neighbouring letters swapped, or one letter too many."""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.attrs import LENGTH, POS
from spacy.language import Language
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc

from communique.mapping.lexicon import event_lexicon

_MIN_LENGTH = 6
SPELLING = "communique_spelling"  # the component's name
_VERB_OR_NOUN = (VERB, NOUN)


@cache
def _event_words() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Each inflected form of the event verbs -> its lemma, the same of the event nouns,
    and all their lemmas."""
    data = event_lexicon()
    verbs = set(data["verbs"]) | set(data["person_object_verbs"])
    verb_forms: dict[str, str] = {}
    for v in sorted(verbs):
        stem = v[:-1] if v.endswith("e") else v
        for form in (v, v + "s", stem + "ed", stem + "ing"):
            verb_forms.setdefault(form, v)
    noun_forms = {form: n for n in sorted(data["nouns"]) for form in (n, n + "s")}
    return verb_forms, noun_forms, frozenset(verbs | set(data["nouns"]))


@lru_cache(maxsize=1 << 16)  # a word's answer holds in every text
def meant(word: str, *, noun: bool = False) -> str | None:
    """The event lemma a misspelt verb (or noun) stands for, if one slip away from one of
    its forms."""
    verb_forms, noun_forms, _ = _event_words()
    forms = noun_forms if noun else verb_forms
    if len(word) < _MIN_LENGTH or word in forms:
        return None
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    cuts = (word[:i] + word[i + 1 :] for i in range(len(word)))
    return next((forms[w] for gen in (swaps, cuts) for w in gen if w in forms), None)


@Language.component(SPELLING)
def mend_event_lemmas(doc: Doc) -> Doc:
    """Give a misspelt event verb or noun the lemma of the word meant."""
    lemmas = _event_words()[2]
    columns = doc.to_array([POS, LENGTH]).tolist() if len(doc) else []
    for i, (pos, length) in enumerate(columns):
        if length < _MIN_LENGTH or pos not in _VERB_OR_NOUN:
            continue
        tok, noun = doc[i], pos == NOUN
        if tok.lemma_.lower() not in lemmas and (lemma := meant(tok.lower_, noun=noun)):
            tok.lemma_ = lemma
    return doc


def one_edit(a: str, b: str, *, swap: bool = True) -> bool:
    """Whether one deletion, insertion, substitution or (with `swap`) swap of neighbours
    turns a into b."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i + 1 : i + 2] == b[i : i + 1] and a[i : i + 1] == b[i + 1 : i + 2]
        return a[i + 1 :] == b[i + 1 :] or (swap and swapped and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]
