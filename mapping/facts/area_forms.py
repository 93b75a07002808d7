"""The surface forms of the topic scheme's areas, as one pattern: each concept's labels and
altLabels, the inflections its labels lack, and their spelling variants (hyphen or space, a
plural), each variant sharing the word classes of the form it comes from; and the word
classes of data/topics.json that the topic finder reads around a form."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from communique.mapping.concepts import Concept, concepts
from communique.mapping.nlp.alternation import trie_alternation


@cache
def topic_words(name: str) -> frozenset[str]:
    """A word class of data/topics.json (see its _comment)."""
    path = resources.files("communique.mapping").joinpath("data/topics.json")
    return frozenset(json.loads(path.read_text("utf-8"))[name])


@cache
def topic_pattern() -> tuple[re.Pattern, dict[str, Concept]]:
    forms: dict[str, Concept] = {}
    for c in concepts("topic").values():
        for form in c.forms:
            # acronyms and one-letter-case forms ("IT") would match ordinary words
            if form.isupper() and len(form) <= 3:
                continue
            forms.setdefault(form.lower(), c)
    by_key = concepts("topic")
    for key, inflected in _inflections().items():
        for form in inflected:
            if form not in forms:
                forms[form] = by_key[key]
                BASE[form] = by_key[key].label.lower()
    for form, c in list(forms.items()):
        if form in topic_words("ambiguous"):
            continue  # "developments" in a region are events, not an area
        for variant in _variants(form):
            if variant not in forms:  # a label's own forms go first
                forms[variant] = c
                BASE[variant] = form
    # matched on the lower-cased text: a case-insensitive pattern is several times slower
    return re.compile(rf"(?<!\w)(?:{trie_alternation(forms)})(?!\w)"), forms


@cache
def _inflections() -> dict[str, list[str]]:
    path = resources.files("communique.mapping").joinpath("data/topics.json")
    return json.loads(path.read_text("utf-8"))["inflections"]


@cache
def inflected_forms() -> frozenset[str]:
    """The inflections: a verb among them names its area as a verb too ("invested in")."""
    return frozenset(f for fs in _inflections().values() for f in fs)


BASE: dict[str, str] = {}  # a variant of a form -> the form, whose word classes it shares


def _variants(form: str) -> list[str]:
    """How else a label is written: hyphen or space ("cross border", "capacity-building",
    "hydro-power"), and the plural of its last word ("businesses", "elections")."""
    out = []
    if "-" in form:
        out.append(form.replace("-", " "))
    elif " " in form and len(form.split()) == 2:
        out.append(form.replace(" ", "-"))
    if form.isalpha():  # "hydro-power", "cyber security" for "hydropower", "cybersecurity"
        prefix = next((p for p in topic_words("combining_prefixes") if form.startswith(p)), "")
        if prefix and len(form) > len(prefix) + 3:
            out += [f"{prefix}-{form[len(prefix) :]}", f"{prefix} {form[len(prefix) :]}"]
    last = form.split()[-1]
    if form.isalpha() and not last.endswith(("s", "y")) and len(last) > 3:
        out.append(form + ("es" if last.endswith(("sh", "ch", "x", "z")) else "s"))
    elif form.isalpha() and last.endswith("ss") and len(last) > 4:
        out.append(form + "es")  # "businesses"
    return out


@cache
def clear_words() -> frozenset[str]:
    """One-word topic forms that are an area wherever they stand."""
    forms = topic_pattern()[1]
    ambiguous = topic_words("ambiguous") | topic_words("scope_words")
    return frozenset(f for f in forms if " " not in f and BASE.get(f, f) not in ambiguous)
