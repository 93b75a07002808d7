"""What the words attributing a quotation name when they name no person: an office ("the
58-year-old Chancellor", "the Prime Minister of Malawi", "Kenya's top diplomat"). A
speaking body ("the Russian side", "the ministry") is read by entities/bodies.py."""

from __future__ import annotations

import re

from communique.mapping.entities.entity import fold
from communique.mapping.facts.reporting import quote_words as _data
from communique.mapping.mentions.gazetteers import country_named

THE = re.compile(r"(?i)^\s*the\s+")
POSSESSIVE = re.compile(r"[’']s?$")


_HEAD_OF_DIPLOMACY = re.compile(r"(?i)(?:head|chief) of (?:the )?(\S+) diplomacy$")
_AGE = re.compile(r"\d+-year-old|\d+")
# ("her Norwegian counterpart": whose office it is does not change who holds it)
_OWNERS = {"his", "her", "its", "their"}


def without_modifiers(bare: str) -> str:
    """ "58-year-old Chancellor", "newly elected Prime Minister" -> the office as titled:
    the words that only describe its holder dropped from the front."""
    words = bare.split()
    modifiers = _data("office_modifiers")
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in modifiers or words[k].lower() in _OWNERS or _AGE.fullmatch(words[k])
    ):
        k += 1
    return " ".join(words[k:])


def country_and_office(bare: str) -> tuple[str | None, str]:
    """ "Armenian Prime Minister" -> ("ARM", "prime minister"); "President" -> (None,
    "president")."""
    if (m := _HEAD_OF_DIPLOMACY.match(bare)) and (rec := country_named(m.group(1))):
        return rec.iso3, "head of diplomacy"  # "the head of the Romanian diplomacy"
    words = bare.split()
    # ("Kenya's top diplomat": the country in the possessive)
    first = POSSESSIVE.sub("", words[0]) if words else ""
    if len(words) > 1 and first[:1].isupper() and (rec := country_named(first)):
        return rec.iso3, fold(" ".join(words[1:]))
    for of in (" of ", " from "):
        office, of, country = bare.rpartition(of)
        if of and country[:1].isupper() and (rec := country_named(THE.sub("", country))):
            return rec.iso3, fold(office)  # "the Prime Minister of Malawi", "the minister from X"
    return None, fold(bare)
