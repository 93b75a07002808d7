"""The dateline as entities: its place (a city, or the country itself), its country and
its news agency are named by the article too, so they join the article's entities."""

from __future__ import annotations

import re

from communique.mapping.article import Article
from communique.mapping.entities.cities import country_of_city
from communique.mapping.entities.countries import CountryRecord, lookup_country
from communique.mapping.entities.entity import ArticleEntities, Entity, display_name
from communique.mapping.mentions import gazetteers
from communique.mapping.mentions.finder import COUNTRY, ORG, PLACE


def dateline_names(article: Article) -> tuple[str | None, str | None]:
    """The dateline's place as a name, and its country (ISO3)."""
    dl = article.dateline
    if dl is None:
        return None, None
    rec = lookup_country(dl.region) if dl.region else None
    city = country_of_city(dl.place)
    if rec is None:
        rec = city or lookup_country(dl.place)
    return display_name(dl.place), rec.iso3 if rec else None


def add_dateline_entities(
    ents: ArticleEntities, article: Article, place: str | None, iso3: str | None
) -> Entity | None:
    """The dateline's place (and country, and news agency) are named by the article too."""
    if iso3 and ents.country(iso3) is None:
        rec = lookup_country(iso3) if len(iso3) != 3 else None
        ents.entities.append(Entity(COUNTRY, iso3, rec.name if rec else iso3, iso3))
    for agency in _agencies(article.dateline.agency if article.dateline else None):
        entry = gazetteers.organizations().get(agency)
        name = entry.name if entry else agency
        if not any(e.kind == ORG and e.key == name for e in ents.entities):
            names = [name, agency] if agency != name else [name]
            kind = entry.kind if entry else None
            ents.entities.append(Entity(ORG, name, name, None, kind, names))
    if place is None:
        return None
    if (rec := lookup_country(place)) is not None and not _its_own_capital(rec, place):
        return ents.country(iso3) if iso3 else None
    for e in ents.by_kind(PLACE):
        if e.name.casefold() == place.casefold():
            if article.dateline.place not in e.names:
                e.names.append(article.dateline.place)
            return e
    city = Entity(
        PLACE,
        place,
        place,
        iso3 if country_of_city(place) else iso3,
        "city",
        [place, article.dateline.place] if article.dateline.place != place else [place],
    )
    ents.entities.append(city)
    return city


def _agencies(credit: str | None) -> list[str]:
    """ "UrduPoint / Sputnik": each outlet a dateline credits."""
    return [a for a in re.split(r"\s*/\s*", (credit or "").strip()) if a]


def _its_own_capital(rec: CountryRecord, place: str) -> bool:
    """ "SINGAPORE —", "Djibouti —": a dateline names the city when the country's capital
    bears its name."""
    return (rec.capital or "").casefold() == place.casefold()
