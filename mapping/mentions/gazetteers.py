"""Gazetteers loaded once: countries, demonyms, capitals, regions, organizations, as spaCy
PhraseMatchers over a pipeline's vocabulary."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from communique.mapping.entities.cities import (
    country_of_city,
    country_of_city_in,
    geonames_id_of_city,
    has_city,
)
from communique.mapping.entities.countries import (
    CountryRecord,
    all_countries,
    is_region,
    lookup_country,
    normalize_name,
)

# matcher labels
COUNTRY, DEMONYM, CAPITAL, REGION, ORGANIZATION = "COUNTRY", "DEMONYM", "CAPITAL", "REGION", "ORG"


@dataclass(frozen=True)
class OrgEntry:
    """A known organization: its normalized name, acronyms and kind."""

    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    kind: str  # "international", "news agency"


def _data(name: str):
    return resources.files("communique.mapping").joinpath(f"data/{name}")


@cache
def organizations() -> dict[str, OrgEntry]:
    """Every surface form (name, acronym, alias) -> its organization."""
    out: dict[str, OrgEntry] = {}
    with _data("organizations.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            split = lambda v: tuple(x for x in (v or "").split("|") if x)  # noqa: E731
            entry = OrgEntry(
                row["name"], split(row["acronyms"]), split(row["aliases"]), row["kind"]
            )
            for form in (entry.name, *entry.acronyms, *entry.aliases):
                out.setdefault(form, entry)
                out.setdefault(_dotted(form), entry)
    return out


@cache
def _official_seats() -> dict[str, str]:
    """Each form of a head of state's or government's seat -> its country's ISO3."""
    with _data("official_seats.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {
            form.casefold(): row["iso3"]
            for row in rows
            for form in (row["name"], *(a for a in row["aliases"].split("|") if a))
        }


def official_seat(name: str) -> str | None:
    """The country whose head of state or government sits in a seat of this name ("Akorda",
    "the Élysée"): the press names the office by it."""
    return _official_seats().get(name.casefold())


_ACRONYM_WORD = re.compile(r"\b[A-Z]{2}\b")  # two letters: "U.N.", "E.U.", not "U.N.G.A."


def _dotted(form: str) -> str:
    """A name with its acronym words written with dots, as many outlets write them
    ("UN General Assembly" -> "U.N. General Assembly"); the name itself when it has none."""
    return _ACRONYM_WORD.sub(lambda m: "".join(f"{c}." for c in m.group(0)), form)


@cache
def regions() -> tuple[str, ...]:
    with _data("regions.csv").open(encoding="utf-8") as f:
        rows = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return tuple(_with_hyphens_spaced(r for r in rows[1:] if r[:1].isupper()))


@cache
def country_forms() -> dict[str, dict[str, str]]:
    """Label -> {surface form: ISO3}; forms are matched case-sensitively."""
    forms: dict[str, dict[str, str]] = {COUNTRY: {}, DEMONYM: {}, CAPITAL: {}}
    for rec in all_countries():
        names = _with_hyphens_spaced((rec.name, rec.official_name, *rec.aliases))
        for form in _with_typeset_apostrophes(names):
            if len(form) > 1:
                forms[COUNTRY].setdefault(form, rec.iso3)
                if form.startswith(
                    ("Republic", "Federal", "Kingdom", "State", "United", "Islamic")
                ):
                    forms[COUNTRY].setdefault(f"the {form}", rec.iso3)
        for form in rec.demonyms:
            forms[DEMONYM].setdefault(form, rec.iso3)
        if rec.capital:
            forms[CAPITAL].setdefault(rec.capital, rec.iso3)
    return forms


_JOINING_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")


def _with_hyphens_spaced(forms) -> tuple[str, ...]:
    """Each form, and with a space for a hyphen between two capitalised words ("Guinea
    Bissau", "Nagorno Karabakh"): outlets write these names either way."""
    forms = tuple(forms)
    spaced = (_JOINING_HYPHEN.sub(" ", f) for f in forms if _JOINING_HYPHEN.search(f))
    return (*forms, *(f for f in spaced if f not in forms))


def _with_typeset_apostrophes(forms: tuple[str, ...]) -> list[str]:
    """Each form, and with a typeset apostrophe for a straight one ("People’s Republic of
    China"): the matcher compares the text as written."""
    return [*forms, *(f.replace("'", "’") for f in forms if "'" in f)]


@cache
def realm_countries(noun: str) -> frozenset[str]:
    """The ISO3 codes of the countries whose names say they are a `noun` ("sultanate":
    the Sultanate of Oman; "kingdom": the Kingdom of Bahrain, ...)."""
    word = noun.capitalize()
    return frozenset(
        rec.iso3
        for rec in all_countries()
        if any(word in form.split() for form in (rec.name, rec.official_name, *rec.aliases))
    )


def capital_of(name: str) -> str | None:
    """The ISO3 code of the country whose capital `name` is, or None."""
    return country_forms()[CAPITAL].get(name)


_MATCHERS: dict[int, PhraseMatcher] = {}


def matcher(nlp: Language) -> PhraseMatcher:
    """The gazetteer PhraseMatcher for this pipeline's vocabulary (built once)."""
    key = id(nlp.vocab)
    if key not in _MATCHERS:
        m = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, table in country_forms().items():
            m.add(label, list(nlp.tokenizer.pipe(table)))
        m.add(REGION, list(nlp.tokenizer.pipe(regions())))
        m.add(ORGANIZATION, list(nlp.tokenizer.pipe(organizations())))
        _subdivisions()  # loaded with the other gazetteers, not by the first article needing it
        _MATCHERS[key] = m
    return _MATCHERS[key]


# The country table's lookups normalize their input on every call; the same few names
# recur in every article, so they are cached here.
@lru_cache(maxsize=16384)
def country_named(text: str, allow_capitals: bool = False) -> CountryRecord | None:
    """`lookup_country`, cached."""
    return lookup_country(text, allow_capitals=allow_capitals)


@lru_cache(maxsize=16384)
def city_country(name: str) -> CountryRecord | None:
    """`country_of_city`, cached."""
    return country_of_city(name)


@lru_cache(maxsize=16384)
def region_named(text: str) -> bool:
    """`is_region`, cached."""
    return is_region(text)


@lru_cache(maxsize=16384)
def city_geonames_id(name: str, iso3: str | None = None) -> int | None:
    """`geonames_id_of_city`, cached (it normalizes every alternate name it compares)."""
    return geonames_id_of_city(name, iso3=iso3)


@lru_cache(maxsize=16384)
def city_in(name: str, iso3: str) -> bool:
    """`has_city`, cached."""
    return has_city(name, iso3)


@lru_cache(maxsize=16384)
def city_country_in(name: str, context: frozenset[str]) -> str | None:
    """`country_of_city_in`, cached."""
    return country_of_city_in(name, context)


@cache
def _subdivisions() -> dict[str, frozenset[str]]:
    """Folded name -> the ISO3 codes of the countries with an ISO 3166-2 subdivision of
    that name (pycountry's list, maintained)."""
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            found.setdefault(normalize_name(sub.name), set()).add(country.alpha_3)
    return {name: frozenset(codes) for name, codes in found.items()}


def subdivision_countries(name: str) -> frozenset[str]:
    """The countries with a province, state or region called `name` ("Ontario": CAN)."""
    return _subdivisions().get(normalize_name(name), frozenset())
