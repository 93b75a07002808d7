"""The grammar of titles written before or beside a name: "Kazakh Deputy Prime Minister and
Foreign Minister", "President of Tajikistan", "Minister of National Security", "his Turkish
counterpart". Pure text functions over one sentence; the lexicon is mapping/data/roles.json.
The names written after such a title are found by entities/titled_names.py."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from communique.mapping.entities.countries import all_countries
from communique.mapping.entities.qualifiers import qualifier_country, qualifier_organization
from communique.mapping.mentions.gazetteers import country_named
from communique.mapping.mentions.gazetteers import regions as gazetteer_regions
from communique.mapping.mentions.mention import ORG_HEADS
from communique.mapping.nlp.alternation import trie_alternation

COUNTERPART = "counterpart"


@dataclass(frozen=True)
class Title:
    """One title as written and the role label it stands for."""

    surface: str
    label: str
    country: str | None = None  # ISO3 from an "of Tajikistan" tail


@dataclass(frozen=True)
class TitleChain:
    """The titles written before a name, with the country that qualifies them."""

    titles: tuple[Title, ...]
    country: str | None  # ISO3 from "Kazakh ...", "Azerbaijan's ...", "Seoul's ..."
    start: int  # offset in the searched text where the chain (with its qualifier) starts
    organization: str | None = None  # "EU Commissioner", "UN Secretary-General": its name

    @property
    def is_counterpart(self) -> bool:
        return any(t.label == COUNTERPART for t in self.titles)


@cache
def lexicon() -> dict:
    with (
        resources.files("communique.mapping")
        .joinpath("data/roles.json")
        .open(encoding="utf-8") as f
    ):
        data = json.load(f)
    data["titles"][COUNTERPART] = COUNTERPART
    data["titles"][COUNTERPART + "s"] = COUNTERPART  # "their counterparts X and Y"
    return data


@cache
def lexicon_words(key: str) -> frozenset[str]:
    """One word list of roles.json as a set ("portfolio_words", "name_suffixes")."""
    return frozenset(lexicon()[key])


def alternation(forms, *, fold_case: bool = False) -> str:
    """Any of `forms` (fold_case: for a pattern matched with IGNORECASE; see
    nlp.alternation)."""
    return trie_alternation(forms, fold_case=fold_case)


@cache
def country_forms(fold_case: bool = False) -> str:
    forms: set[str] = set()
    for rec in all_countries():
        forms.update({rec.name, rec.official_name, *rec.aliases})
    # news often drops the accents: "the Republic of Turkiye", "Sao Tome and Principe"
    forms |= {_unaccented(f) for f in forms}
    return alternation((f for f in forms if len(f) > 1), fold_case=fold_case)


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def one_title(fold_case: bool = False) -> str:
    """One title with its named parts (fold_case: for a pattern matched with IGNORECASE)."""
    lex = lexicon()
    mods = rf"(?:(?:{alternation(lex['modifiers'], fold_case=fold_case)})\s+)*"
    title = alternation(lex["titles"], fold_case=fold_case)
    # a rank may stand inside a body's name before a name: "... of Sudan Lieutenant General X"
    civil = alternation(
        (t for t in lex["titles"] if not t.endswith("General")), fold_case=fold_case
    )
    word = alternation(lex["portfolio_words"], fold_case=fold_case)
    countries = country_forms(fold_case)
    # "Minister of Trade, Industry and Competition", "for Foreign, Commonwealth, and Development"
    # "Foreign Affairs, African Cooperation and Moroccan Expatriates": a listed portfolio may
    # have one word of its own before it (a people's name)
    domain = (
        rf"(?:{word})(?:(?:\s*,\s*(?:and\s+)?(?:(?-i:[A-Z])[\w-]+\s+)?"
        rf"|\s+(?:and\s+(?:(?-i:[A-Z])[\w-]+\s+)?|&\s+|of\s+|for\s+)?)(?:{word}))*"
    )
    # "Agriculture Minister", "Interior Cabinet Secretary": a portfolio written before
    portfolio_first = alternation(_PORTFOLIO_FIRST, fold_case=fold_case)
    heads = alternation(sorted(ORG_HEADS))
    regions = alternation(
        (r for r in gazetteer_regions() if " " in r or r.istitle()), fold_case=fold_case
    )
    return (
        rf"(?P<mods>{mods})(?:(?P<pre>{domain})\s+(?=(?:{portfolio_first})\b))?(?P<title>{title})"
        # (not "of the European" of "the European Union": a body's name, read below)
        rf"(?:\s+(?P<dprep>of|for)\s+(?:the\s+)?(?P<domain>{domain})(?![\w’-]|\s+(?-i:{heads})\b))?"
        # "Minister of Foreign Affairs and Emigrants of X": a known office's added portfolio,
        # read only when the country follows it
        rf"(?:\s+(?:and|&)\s+(?P<also>{domain})(?=\s+of\s+(?:the\s+)?(?:{countries})(?![\w-])))?"
        rf"(?:\s+of\s+the\s+(?P<body>(?:Ministry|Department)\s+of\s+(?:the\s+)?{domain}))?"
        rf"(?:\s+of\s+(?:the\s+)?(?P<ofc>{countries}))?"
        # "Special Representative of the European Union for Central Asia": a body's office
        rf"(?:\s+of\s+the\s+(?P<body_of>(?-i:(?:[A-Z][\w’-]*\s+){{0,4}}(?:{heads}))"
        rf"(?:\s+of\s+(?:the\s+)?(?:{countries}))?))?"
        # "Ambassador of Norway to Chile", "Special Envoy for Iran": the country posted to;
        # "Chief Representative in Bangladesh"
        rf"(?:\s+(?P<tocw>to|for|in)\s+(?:the\s+)?(?P<toc>{countries})(?![\w-]))?"
        rf"(?:\s+for\s+(?:the\s+)?(?P<region>{regions})(?![\w-]))?"
        rf"(?:\s+(?:to|for)\s+the\s+(?P<to>{mods}(?:{title})(?:\s+on\s+(?:{domain}))?))?"
        rf"(?:\s+at\s+the\s+(?P<at>(?:Ministry|Department)\s+of\s+(?:the\s+)?{domain}))?"
        # "President of the upper house of the German parliament", "Spokesperson for the X
        # Community"; no other title inside, so
        # that "Chairman of the Senate X met Deputy Foreign Minister" is two titles
        # "CEO of the National Rail and Ferry Company": "and" between capitals is in a name
        rf"(?:\s+(?:of|for)\s+the\s+(?P<generic>[a-z](?:(?!\sand\s(?-i:[^A-Z])|\s(?:{civil})\b)[^,;()])*?))?"
    )


# the titles a portfolio may be written before ("Health Minister", "Education Secretary")
_PORTFOLIO_FIRST = ("Minister", "Secretary", "Cabinet Secretary")


@cache
def title_first_words() -> frozenset[str]:
    """The words a title or its modifier may begin with ("Secretary", "Deputy", "poet")."""
    lex = lexicon()
    return frozenset(t.split()[0] for t in (*lex["titles"], *lex["modifiers"]))


@cache
def one_title_ungrouped(fold_case: bool = False) -> str:
    """`one_title` without its named groups, to repeat inside a larger pattern."""
    return re.sub(r"\?P<\w+>", "?:", one_title(fold_case))


# what joins two titles of one person: "and", a dash or a slash, a comma
TITLE_JOINER = r"(?:\band|[–—/-]|,)"


@cache
def title_run(fold_case: bool = False) -> str:
    """One title, or several joined ("Deputy Prime Minister and Foreign Minister"), as a
    pattern without groups."""
    one = one_title_ungrouped(fold_case)
    return rf"(?<![\w-])(?:{one})(?:\s*{TITLE_JOINER}\s*(?:{one}))*"


@cache
def _end_title_re() -> re.Pattern:
    return re.compile(rf"(?<![\w-]){one_title(fold_case=True)}\s*$", re.IGNORECASE)


@cache
def _honorific_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(lexicon()['honorifics'])})\s*$")


@cache
def label_of() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon()["titles"].items()}


def only_a_title(words: str) -> bool:
    """Whether the words are a title and nothing more ("the Chairperson"): no one's name,
    and no body's."""
    return words.lower().removeprefix("the ") in label_of()


def _title_from(m: re.Match) -> Title:
    head = m.group("title")
    base = label_of()[head.lower()]
    mods = " ".join(w.capitalize() for w in m.group("mods").split())
    country = None
    if m.group("ofc"):
        rec = country_named(m.group("ofc"))
        country = rec.iso3 if rec else None
    if m.group("also"):
        # "Minister of Foreign Affairs and Trade": the office as written, unless known
        form = f"{head} and {m.group('also')}"
        label = label_of().get(form.lower()) or _capitalized(form)
    elif m.group("pre"):
        # "Agriculture Minister": the known office so written ("Foreign Affairs Minister"),
        # else the title as written
        form = f"{m.group('pre')} {head}"
        label = label_of().get(form.lower()) or f"{_capitalized(m.group('pre'))} {base}"
    elif m.group("domain"):
        # "Minister of National Security": the portfolio is part of the role
        label = _portfolio_label(base, m.group("dprep").lower(), m.group("domain"))
    elif m.group("to") or m.group("generic") or m.group("body_of"):
        label = m.group(0).strip()
        label = label[0].upper() + label[1:]
        return Title(surface=m.group(0).strip(), label=label, country=country)
    else:
        label = base
    if mods and label != COUNTERPART:
        label = f"{mods} {label}"
    if m.group("toc"):
        label = f"{label} {m.group('tocw').lower()} {m.group('toc')}"
    if m.group("region"):
        label = f"{label} for {m.group('region')}"
    return Title(surface=m.group(0).strip(), label=label, country=country)


def _capitalized(words: str) -> str:
    return " ".join(w if w.lower() in ("and", "of", "for") else w[:1].upper() + w[1:]
                    for w in words.split())  # fmt: skip


def _portfolio_label(base: str, prep: str, domain: str) -> str:
    """`Minister for Asian Affairs`: a known office, else the title as written (of or for)."""
    if base not in ("Minister", "Secretary", "Cabinet Secretary"):
        return base
    for form in (f"{base} {prep} {domain}", f"{base} of {domain}"):
        if form.lower() in label_of():
            return label_of()[form.lower()]
    return f"{base} {prep} {domain}"


# How far before a name its titles are looked for, in characters. The longest chain with
# its qualifier in the corpora is about 150 (two titles, then a country's official name);
# reading only this much keeps every name of a long sentence from rescanning all of the
# sentence before it.
LOOK_BACK = 500
_SPACE = re.compile(r"\s")


def titles_before(text: str) -> TitleChain | None:
    """Parse the titles that end `text` (the sentence up to a name), right to left."""
    cut = 0
    if len(text) > LOOK_BACK:
        # start after a space, so that no word cut in two passes for a title
        space = _SPACE.search(text, len(text) - LOOK_BACK)
        cut = space.end() if space else len(text) - LOOK_BACK
    chain = _titles_before(text[cut:])
    if chain is not None and len(chain.titles) > 1 and chain.titles[-1].surface == "Ambassador":
        # "Foreign Minister, Ambassador X": a career diplomat's honorific before the name,
        # after the office held
        chain = replace(chain, titles=chain.titles[:-1])
    return replace(chain, start=chain.start + cut) if chain is not None and cut else chain


def _titles_before(text: str, styled_office: bool = True) -> TitleChain | None:
    rest = text.rstrip()
    for _ in range(3):  # "President His Highness Sheikh"
        h = _honorific_re().search(rest)
        if h is None:
            break
        if of := _OF_BEFORE.search(rest, 0, h.start()):
            if styled_office:  # "Director of the Office of His Majesty": the office's style
                return _titles_before(text, False) if (c := _ending_chain(rest)) is None else c
            rest = rest[: of.start()]  # "Secretary of State of His Holiness"
            break
        rest = rest[: h.start()].rstrip()
    if rest.endswith(","):  # apposition: "The Acting President, Tomas Brevik"
        rest = rest[:-1].rstrip()
    return _ending_chain(rest)


def _ending_chain(rest: str) -> TitleChain | None:
    """The chain of titles `rest` ends with, and the country or body before them."""
    if (m := _COUNTERPART_FROM.search(rest)) and (rec := country_named(m.group("country"))):
        # "her counterpart from Ecuador, X": the counterpart's country after the title
        chain = _titles_before(rest[: m.start("tail")])
        if chain is not None:
            return replace(chain, country=chain.country or rec.iso3)
    titles: list[Title] = []
    start = None
    while True:
        m = _end_title_re().search(rest)
        if not m:
            break
        titles.insert(0, _title_from(m))
        start = m.start()
        rest = rest[: m.start()].rstrip()
        # "Deputy Prime Minister and Foreign Minister", "Foreign Minister Senator": joined
        # by "and", a dash or a comma, or written side by side
        joined = re.search(rf"{TITLE_JOINER}\s*$", rest)
        if joined and _end_title_re().search(rest[: joined.start()].rstrip()):
            rest = rest[: joined.start()].rstrip()
        elif not _side_by_side(rest):
            break
    if not titles or start is None:
        return None
    rec, qstart = qualifier_country(rest)
    country = rec.iso3 if rec else None
    organization = None
    if rec is None:
        organization, ostart = qualifier_organization(rest)
        if organization:
            return TitleChain(tuple(titles), None, ostart, organization)
    if rec is None and re.search(r"\b(?:his|her|their)\s*$", rest, re.IGNORECASE):
        qstart = len(rest)
    return TitleChain(tuple(titles), country, qstart if rec else start)


_OF_BEFORE = re.compile(r"\s(?:of|to)\s*\Z")


def _side_by_side(rest: str) -> bool:
    """Whether `rest` ends in a title of capitalized words alone ("Foreign Minister" before
    "Senator X"); not a long title's "of the ..." tail, which would swallow the sentence."""
    m = _end_title_re().search(rest)
    return m is not None and all(w[:1].isupper() for w in m.group(0).split())


_COUNTERPART_FROM = re.compile(
    r"\b(?:counterparts?|opposite numbers?)"
    r"(?P<tail>\s+(?:from|of)\s+(?:the\s+)?(?P<country>[A-Z][\w’'. -]*?))$"
)
