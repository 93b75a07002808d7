"""The grammar of titles written before or beside a name: "Kazakh Deputy Prime Minister and
Foreign Minister", "President of Tajikistan", "Minister of National Security", "his Turkish
counterpart". Pure text functions over one sentence; the lexicon is mapping/data/roles.json.
The names written after such a title are found by entities/titled_names.py."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from communique.mapping.entities.countries import all_countries
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
    # ("Chargé d’Affaires": a title is also written with a typeset apostrophe)
    typeset = {t.replace("'", "’"): label for t, label in data["titles"].items() if "'" in t}
    data["titles"].update(typeset)
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
    # ("Vice-Minister": a modifier may be joined to its title by a hyphen)
    mods = rf"(?:(?:{alternation(lex['modifiers'], fold_case=fold_case)})(?:\s+|-(?=\w)))*"
    title = alternation(lex["titles"], fold_case=fold_case)
    # a rank may stand inside a body's name before a name: "... of Sudan Lieutenant General X"
    civil = alternation(
        (t for t in lex["titles"] if not t.endswith("General")), fold_case=fold_case
    )
    word = alternation(lex["portfolio_words"], fold_case=fold_case)
    countries = country_forms(fold_case)
    # "Minister of Trade, Industry and Competition", "for Foreign, Commonwealth, and Development"
    # "Foreign Affairs, Regional Cooperation and Valdorian Expatriates": a listed portfolio may
    # have one word of its own before it (a people's name)
    domain = (
        rf"(?:{word})(?:(?:\s*,\s*(?:and\s+)?(?:(?-i:[A-Z])[\w-]+\s+)?"
        rf"|\s+(?:and\s+(?:(?-i:[A-Z])[\w-]+\s+)?|&\s+|of\s+|for\s+)?)(?:{word}))*"
    )
    # "Agriculture Minister", "Trade and Industry Minister": a portfolio written before
    # (a list, but with no word of its own: not "for Foreign Trade, and Indonesian Trade
    # Minister X", the end of another's title and the next one's)
    pre_domain = rf"(?:{word})(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and\s+|&\s+)?)(?:{word}))*"
    portfolio_first = alternation(_PORTFOLIO_FIRST, fold_case=fold_case)
    heads = alternation(sorted(ORG_HEADS))
    regions = alternation(
        (r for r in gazetteer_regions() if " " in r or r.istitle()), fold_case=fold_case
    )
    return (
        rf"(?P<mods>{mods})(?:(?P<pre>{pre_domain})\s+(?=(?:{portfolio_first})\b))?"
        rf"(?P<title>{title})"
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
        # (eight words at most: "for the Kingdom's efforts in hosting ..." runs on as a
        # sentence, no office)
        rf"(?:\s+(?:of|for)\s+the\s+(?P<generic>[a-z][^\s,;()]*"
        rf"(?:\s+(?!and\s+(?-i:[^A-Z])|(?:{civil})\b)[^\s,;()]+){{0,7}}?))?"
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
def end_title_re() -> re.Pattern:
    return re.compile(rf"(?<![\w-]){one_title(fold_case=True)}\s*$", re.IGNORECASE)


# a short note in brackets after a rank ("Brigadier (Ret'd)")
RANK_NOTE = r"\([^()\n]{1,12}\)"


@cache
def honorific_re() -> re.Pattern:
    """An honorific or a royal style ending a text: no part of the title before it (but the
    "Prince" of "Crown Prince" is the title's); a rank with a bracketed note and a comma
    too ("prime minister, Brigadier (Ret'd),")."""
    styles = alternation(lexicon()["royal_styles"])
    honorifics = alternation(lexicon()["honorifics"])
    return re.compile(
        rf"(?<!\w)(?:{honorifics}|(?<!Crown\s)(?:{styles}))(?:\s*{RANK_NOTE}\s*,)?\s*$"
    )


@cache
def title_synonyms() -> dict[str, tuple[str, ...]]:
    """Other names of an office, by their lower-case form ("top diplomat": the foreign
    minister), tried when no one holds the office under the name told."""
    return {k: tuple(v) for k, v in lexicon()["title_synonyms"].items()}


@cache
def label_of() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon()["titles"].items()}


def core_office(label: str) -> str:
    """The known office a label with listed portfolios begins with ("Minister of Foreign
    Affairs, Trade and Velmoran Expatriates": the Foreign Minister): what a counterpart abroad
    holds."""
    head = re.split(r",|\s+and\s+", label, maxsplit=1)[0]
    return label_of().get(head.lower(), label) if head != label else label


def only_a_title(words: str) -> bool:
    """Whether the words are a title and nothing more ("the Chairperson"; "Consul General
    of", cut by the model before its country; "Special Affairs Advisor", a modifier and a
    portfolio before a title's head): no one's name, and no body's."""
    words = _JOINER_AT_END.sub("", words.lower().removeprefix("the "))
    if words in label_of():
        return True
    *before, head = words.split() or [""]
    return bool(before) and head in label_of() and all(w in _title_words() for w in before)


@cache
def _title_words() -> frozenset[str]:
    """The words of modifiers and portfolios, in lower case."""
    lex = lexicon()
    return frozenset(
        w.lower() for f in (*lex["modifiers"], *lex["portfolio_words"]) for w in f.split()
    )


_JOINER_AT_END = re.compile(r"\s+(?:of|for)$")


def title_from(m: re.Match) -> Title:
    head = m.group("title")
    base = label_of()[head.lower()]
    mods = " ".join(w.capitalize() for w in m.group("mods").replace("-", " ").split())
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
    """`Minister for Asian Affairs`, `Minister of State for Foreign Trade`: a known office,
    else the title as written (of or for), for the titles a portfolio is part of."""
    if base not in lexicon()["ministry_of"]:
        return base
    if base == "Minister of State":
        prep = "for"  # ("State Minister of Defense": not "Minister of State of Defense")
    for form in (f"{base} {prep} {domain}", f"{base} of {domain}"):
        if form.lower() in label_of():
            return label_of()[form.lower()]
    return f"{base} {prep} {domain}"


def honorifics_closing(text: str) -> re.Match | None:
    """A comma and the honorifics that close the text, right before a name (", Mr ")."""
    return _honorifics_closing_re().search(text)


@cache
def _honorifics_closing_re() -> re.Pattern:
    return re.compile(rf",\s*(?:(?:{alternation(lexicon()['honorifics'])})\s+)+$")


def titles_written_first(text: str, at: int) -> bool:
    """A title, its comma and an honorific before a name, in the words just before `at`: a
    list that writes each title before its name ("Minister of X, Mr A, Minister of Y, Mr
    B"), where a title after a name's comma is the next name's."""
    return _titles_first_re().search(text, max(0, at - 200), at) is not None


@cache
def _titles_first_re() -> re.Pattern:
    honorific = alternation(lexicon()["honorifics"])
    return re.compile(rf"{title_run()}[^\S\n]*,[^\S\n]*(?:(?:{honorific})[^\S\n]+)+[A-Z]")
