"""The names written right after a title ("President Arlo Venndal", "His Excellency Nadim
Farouk", "the finance minister, Ilse Marrow."): where such a name starts and ends, by the title
grammar of entities/titles.py and the words that continue or end a name in
mapping/data/roles.json. Mentions/finder.py takes these spans for persons the model missed."""

from __future__ import annotations

import re
from functools import cache

from communique.mapping.entities.name_extent import name_words_at
from communique.mapping.entities.title_chains import titled_name_before, titles_before
from communique.mapping.entities.titles import (
    RANK_NOTE,
    alternation,
    honorifics_closing,
    label_of,
    lexicon,
    lexicon_words,
    one_title_ungrouped,
    title_run,
    titles_written_first,
)
from communique.mapping.mentions.gazetteers import country_named, organizations
from communique.mapping.mentions.mention import ORG_HEADS, VENUE_HEADS, words


@cache
def _title_then_name_re() -> re.Pattern:
    # capitalized titles only, so that "the president said" opens no name
    # (not across a line's end: a headline's last title has no name on the next line)
    return re.compile(
        rf"{title_run()}[^\S\n]*,?[^\S\n]*"
        # ("Lt Gen. Dr X": an abbreviated one written with its point or without)
        rf"(?:(?:{_honorifics_before_name()})\.?\s+){{0,3}}"
        # ("Foreign Minister Prince X": a royal style is no part of the name)
        rf"(?:(?:{alternation(lexicon()['royal_styles'])})\s+(?=[A-Z]))?"
        # (not "and": "Minister of Foreign Affairs and Trade X" then takes the longer title)
        r"(?!and\b)"
        # ("Omar Shia' Al Rawi": an apostrophe for the ayn ends a word of the name)
        rf"(?P<name>[^\W\d_][\w’.-]*'?(?:\s+[^\W\d_][\w’.-]*'?){{0,7}})"
    )


def _honorifics_before_name() -> str:
    """Honorifics; "Sheikh" only before two more names ("Sheikh Rahima" is a name)."""
    forms = [f for f in lexicon()["honorifics"] if f != "Sheikh"]
    return alternation(forms) + r"|Sheikh(?=\s+[A-Z][\w’.-]*\s+(?:[A-Z]|(?:bin|bint|ibn|al|el)\b))"


@cache
def _lower_title_comma_name_re() -> re.Pattern:
    one = one_title_ungrouped(fold_case=True)
    # "the Orvanian finance minister, Ilse Marrow.": a title in lower case opens a name only
    # after a comma, and the name of two to four capitalized words closes the apposition
    # ... or with no comma, a name of two to four words before punctuation or a lower-case
    # word ("according to department spokesperson Tamsin Reeve.")
    # ("prime minister, Brigadier (Ret'd), X": a rank set off by commas between them)
    ranks = alternation(lexicon()["honorifics"])
    rank = rf"(?:(?:{ranks})(?:[^\S\n]*{RANK_NOTE})?,?[^\S\n]+)?"
    return re.compile(
        rf"(?<![\w-])(?i:{one})(?:,[^\S\n]+{rank}(?P<name>{_NAME_WORDS})(?=\s*[,.;])"
        rf"|[^\S\n]+(?P<bare>{_NAME_WORDS})(?=\s*[,.;]|\s+[a-z]))"
    )


def _lower_title_bare_name(match: str, name: str) -> bool:
    """A lower-case title's name with no comma: the title written in lower case (a
    capitalized one is read above) and no title among the name's words ("Senator X")."""
    return match[:1].islower() and not any(w.lower() in label_of() for w in name.split())


_NAME_WORDS = r"[A-Z][\w’-]+(?:\s+[A-Z][\w’-]+){1,3}"


def names_after_titles(text: str) -> list[tuple[int, int, int]]:
    """(title start, name start, name end) of capitalized words right after a title
    ("President Arlo Venndal", "the finance minister, Ilse Marrow.")."""
    spans = _names_after_titles(text)
    honorifics = tuple(f"{h} " for h in lexicon()["honorifics"])
    for m in _lower_title_comma_name_re().finditer(text):
        group = "name" if m.group("name") else "bare"
        a, b = m.start(group), m.end(group)
        if any(a < y and x < b for _, x, y in spans) or m.group(group).startswith(honorifics):
            continue  # a name read already, or honorifics ("His Excellency Dr. X")
        if group == "bare" and not _lower_title_bare_name(m.group(0), m.group(group)):
            continue
        if group == "name" and apposed_before(text, m.start(), a):
            continue  # "X, Minister of Foreign Affairs, Trade and Y of Z": X's portfolios
        if m.group(group).split()[0] in lexicon_words("portfolio_words"):
            continue  # ("minister of Foreign Affairs and Nationals Abroad, X": a portfolio)
        if not any(country_named(w) for w in m.group(group).split()):
            spans.append((m.start(), a, b))
    for t, a, b in _names_after_a_plural_title(text):
        if not any(a < y and x < b for _, x, y in spans):
            spans.append((t, a, b))
    return sorted(spans)


_PLURAL_LIST = re.compile(
    rf"(?<=[a-z])s[^\S\n]+(?P<first>{_NAME_WORDS})"
    # ("Foreign Ministers X of A and Y of B": each name with its country)
    r"(?:[^\S\n]+of[^\S\n]+(?P<of>(?:the[^\S\n]+)?[A-Z][\w’-]+(?:[^\S\n]+[A-Z][\w’-]+)?))?"
    r"[^\S\n]+and[^\S\n]+(?P<second>[A-Z][\w’-]+)"
)


def _names_after_a_plural_title(text: str) -> list[tuple[int, int, int]]:
    """ "signed by Foreign Ministers X Y and Z W": the two names listed after a title in the
    plural (the model may miss one of them)."""
    spans = []
    for m in _PLURAL_LIST.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]  # (a title is a few words)
        chain = titles_before(before + " ")
        first, second = (_whole_name(text, m.start(g)) for g in ("first", "second"))
        if chain is None or first is None or second is None or first[1] > second[0]:
            continue
        if m["of"] and country_named(m["of"]) is None:
            continue  # ("Ministers X of the Interior and Y"): a portfolio, no country
        words = text[first[0] : first[1]].split() + text[second[0] : second[1]].split()
        if any(country_named(w) or w.lower() in label_of() for w in words):
            continue  # (a country or another title listed, not a name)
        # (the title is the first name's to carry; the roles stage gives it to both)
        spans.append((m.start() - len(before) + chain.start, *first))
        spans.append((second[0], *second))
    return spans


def _whole_name(text: str, start: int) -> tuple[int, int] | None:
    """The name written from `start` on, with its particles ("Juan de la Vega")."""
    words = name_words_at(text[start : start + 80], start)
    return (words[0][0], words[-1][1]) if words else None


def _names_after_titles(text: str) -> list[tuple[int, int, int]]:
    spans, pos = [], 0
    while m := _title_then_name_re().search(text, pos):
        name_start = m.start("name")
        pos = name_start + 1
        words = name_words_at(m.group("name"), name_start, text[m.end("name") : m.end("name") + 3])
        first = text[words[0][0] : words[0][1]] if words else ""
        if first in lexicon_words("portfolio_words") or (len(words) == 1 and first in ORG_HEADS):
            # "Minister of Foreign" + "Affairs;": a word of the title, no name; "Director of
            # the Bureau of the Trade" + "Committee": the last word of a body's name
            words = []
        if not words:
            words = _name_after_a_body(text, name_start)
        if words:
            pos = words[-1][1]
            # "CEO of the National Rail and Ferry Company": a body's name, no person's
            if _body_tail_re().match(text, pos) or _seat_of(text, m.start(), words):
                continue
            if not apposed_before(text, m.start(), name_start):
                spans.append((m.start(), words[0][0], words[-1][1]))
    for m in _honorific_then_name_re().finditer(text):
        words = name_words_at(
            m.group("name"), m.start("name"), text[m.end("name") : m.end("name") + 3]
        )
        a = words[0][0] if words else 0
        # the model misses names after an honorific ("His Excellency X, Assistant Minister");
        # the honorific is no title: the span opens at the name. A title there ("His Royal
        # Highness Crown Prince X") opens the name after it, read above.
        if words and not any(x <= a < y for _, x, y in spans) and not _titled_at(text, a):
            spans.append((a, a, words[-1][1]))
    return spans


_LEGAL_FORMS = words("legal_forms")  # that close a company's name ("Airbus SE")
_CLAUSE_END = re.compile(r"[,;:()\n]|\.(?:\s|$)")


def _name_after_a_body(text: str, start: int) -> list[tuple[int, int]]:
    """ "Chairman of the Board of Directors of Airbus SE René Obermann": a title's "of"
    that names a known body, or a company by its legal form, then the holder's name of two
    or three words up to the clause's end."""
    if not text.startswith("of ", start):
        return []
    stop = _CLAUSE_END.search(text, start)
    tokens = list(re.finditer(r"\S+", text[start : stop.start() if stop else len(text)]))
    words = [t.group(0) for t in tokens]
    known = organizations()
    ends = [
        k
        for k in range(len(words))
        if words[k] in _LEGAL_FORMS
        or any(" ".join(words[j : k + 1]) in known for j in range(max(0, k - 3), k + 1))
    ]
    if not ends:
        return []
    name = []
    for t in tokens[ends[-1] + 1 :]:  # (up to a word in lower case: "X Y on Monday")
        if not t.group(0)[:1].isupper():
            break
        name.append(t)
    if not 2 <= len(name) <= 3:
        return []
    if any(country_named(t.group(0)) or t.group(0).lower() in label_of() for t in name):
        return []
    return [(start + t.start(), start + t.end()) for t in name]


def apposed_before(text: str, title_start: int, name_start: int) -> bool:
    """ "..., attended by X, Minister of Foreign Affairs, Y and Z": a title set off by commas
    right after a name is that name's; the name after its comma is another person's."""
    comma = _COMMA_BEFORE_NAME.search(text, title_start, name_start)
    if comma is None or not _AFTER_A_NAME.search(text, max(0, title_start - 40), title_start):
        return False
    # ("Minister of X, Mr A, Minister of Y, Mr B": in a list whose titles come first, an
    # honorific after the comma opens the name the title before it is of)
    honoured = honorifics_closing(text[comma.start() : name_start])
    if honoured and titles_written_first(text, title_start):
        return False
    return not titled_name_before(text, title_start)


_COMMA_BEFORE_NAME = re.compile(r",[^\S\n]*(?:[A-Z][\w’'.-]*[^\S\n]+){0,3}\Z")
_AFTER_A_NAME = re.compile(r"(?<![\w-])[A-Z][\w’'.-]*,[^\S\n]*\Z")


def _seat_of(text: str, title_start: int, words: list[tuple[int, int]]) -> bool:
    """ "at the PM House", "the President Office": "the", a title and one word that ends
    the name of a building or a body name the office's seat, not a person ("President
    Park", without "the", stays a name)."""
    if len(words) != 1 or not _THE_BEFORE.search(text, 0, title_start):
        return False
    word = text[words[0][0] : words[0][1]]
    return word in VENUE_HEADS or word in ORG_HEADS


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+\Z")


@cache
def _body_tail_re() -> re.Pattern:
    heads = alternation(ORG_HEADS)
    return re.compile(rf"\s+(?:and|&|of|for)\s+(?:[A-Z][\w’-]*\s+){{0,4}}?(?:{heads})\b")


@cache
def _honorific_then_name_re() -> re.Pattern:
    return re.compile(
        rf"(?<![\w-])(?:(?:{_honorifics_before_name()})\s+){{1,3}}"
        rf"(?:(?:{alternation(lexicon()['royal_styles'])})\s+)?"
        rf"(?P<name>[A-Z][\w’.-]*(?:\s+[^\W\d_][\w’.-]*){{0,7}})"
    )


def _titled_at(text: str, at: int) -> bool:
    """A title with a name after it begins at `at`."""
    return _title_then_name_re().match(text, at) is not None
