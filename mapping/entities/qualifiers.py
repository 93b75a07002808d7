"""What qualifies a title written before a name: the country ("Kazakh", "Azerbaijan's",
"Seoul's") or the body ("EU", "the United Nations'") named by the words right before it."""

from __future__ import annotations

import re

from communique.mapping.entities.countries import CountryRecord
from communique.mapping.mentions.gazetteers import country_named, organizations

APOS = "[’']"


def qualifier_country(text: str) -> tuple[CountryRecord | None, int]:
    """The country named by the last words of text ("Kazakh", "Azerbaijan's", "Seoul's")."""
    stripped, words = _last_words(text)
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        start = words[-n].start()
        candidate = stripped[start:]
        if not candidate[:1].isupper():
            continue
        rec = country_named(candidate, allow_capitals=True)
        if rec:
            return rec, start
    return None, len(text)


def qualifier_organization(text: str) -> tuple[str | None, int]:
    """The organization named by the last words of text ("EU", "the United Nations'")."""
    stripped, words = _last_words(text)
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            entry = organizations().get(stripped[words[-n].start() :])
            if entry is not None and entry.kind != "news agency":
                return entry.name, words[-n].start()
    return None, len(text)


def _last_words(text: str) -> tuple[str, list[re.Match]]:
    """The text without a possessive ending, and its words; none after a punctuation mark
    ("... with Benin, Minister X": what comes before the comma qualifies nothing)."""
    stripped = re.sub(rf"{APOS}s?\s*$", "", text.rstrip())
    if not stripped or stripped[-1] in ",;:–—-":
        return stripped, []
    return stripped, list(re.finditer(r"[^\s,;:()]+", stripped))
