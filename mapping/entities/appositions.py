"""Titles written after a name: the apposition that gives a person's office (", the
Orvanian Secretary of State,"), the last title of a text, the country after a name, and a
title after a name's comma that is the next name's (", Director of X Omar Haddad and ...")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from communique.mapping.entities.qualifiers import APOS
from communique.mapping.entities.title_chains import (
    LOOK_BACK,
    TitleChain,
    titled_name_before,
    titles_before,
)
from communique.mapping.entities.titles import (
    country_forms,
    honorifics_closing,
    title_run,
    titles_written_first,
)
from communique.mapping.mentions.gazetteers import country_named

# ", the foreign secretary of X,", ", who is also X's deputy prime minister,",
# " was elected chairperson of the African Union Commission.", " was sworn in as president",
# ", who took office as prime minister in May,"
_APPOSITION = re.compile(
    r"(?:\s*,\s*(?:who\s+(?:is|was|serves\s+as|(?:took|takes)\s+office\s+as)\s+(?:also\s+)?)?"
    r"|\s+(?:was|is|has\s+been)\s+(?:elected|appointed|named|re-elected|sworn\s+in)\s+(?:as\s+)?"
    r"|\s+(?:took|takes)\s+office\s+as\s+)"
    r"(?:(?:the|a|an)\s+)?([^,;:()“”\"]{2,150})"
)
# "the new government's finance minister": a possessor that is no country still qualifies
_POSSESSOR = re.compile(rf"(?:[\w-]+\s+){{0,2}}[\w-]+{APOS}s?\s+")
# ", Foreign Ministry Undersecretary for X": the body the office is of, written before it
_BODY_BEFORE = re.compile(r"(?:[A-Z][\w-]+\s+){1,3}(?:Ministry|Department|Office)\s+")


@cache
def _title_run_re() -> re.Pattern:
    return re.compile(rf"{title_run(fold_case=True)}(?![\w-])", re.IGNORECASE)


def titles_after(text: str) -> TitleChain | None:
    """`Arlo Venndal, the Orvanian Secretary of State, said`: the apposition after a name, up
    to its comma or to the clause after the title ("..., Minister of State of X on behalf of")."""
    m = _APPOSITION.match(text)
    if not m:
        return None
    segment = m.group(1)
    chain = _titles_after(segment)
    if chain is not None and chain.country is None and chain.organization is None:
        # "Minister of Foreign Affairs, International Cooperation and X Abroad of the
        # Republic of Y": the country closes a list of portfolios past the first comma
        tail = _list_tail_re().match(text, m.end())
        # (not the next person's title: "X, Minister of State, and Y, Trade Minister of Z")
        if tail and not _title_run_re().search(tail.group(0)[: tail.start(1) - tail.start()]):
            if rec := country_named(tail.group(1)):
                chain = replace(chain, country=rec.iso3)
    return chain


@cache
def _list_tail_re() -> re.Pattern:
    return re.compile(
        rf"(?:\s*,\s*(?:and\s+)?[A-Z][\w’' -]{{0,50}}?)+?\s+of\s+(?:[Tt]he\s+)?"
        rf"(?:(?:[A-Z]\w+\s+){{0,2}}{_REALM}\s+of\s+(?:[Tt]he\s+)?)?({country_forms()})\b"
    )


# the words of a state's long form before its name ("the Federal Republic of ...")
_REALM = "(?:Republic|Kingdom|State|Sultanate|Federation|Principality|Emirate)"


_STYLED_OF = re.compile(r"\s+(?:of|to)\s+(?:His|Her|Their)\b")


def _titles_after(segment: str) -> TitleChain | None:
    heads = []
    run = _title_run_re().search(segment)
    if run is not None and re.match(r"\s+[a-z]|\.?\s*$", segment[run.end() :]):
        heads.append(segment[: run.end()])  # the title, then a clause or the end
    heads.append(re.sub(r"\.?\s*$", "", segment))  # the whole apposition
    if run is not None and _STYLED_OF.match(segment, run.end()):
        heads.reverse()  # "Director of the Office of His Majesty": the whole, if a title
    for head in heads:
        chain = titles_before(head + " ")
        before = head[: chain.start] if chain is not None else ""
        if chain is not None and (
            chain.start == 0 or _POSSESSOR.fullmatch(before) or _BODY_BEFORE.fullmatch(before)
        ):
            return chain
    return None  # the apposition must be the title itself, not a clause about something


def last_title(text: str) -> str | None:
    """The label of the last title written in text, with or without a name after it."""
    runs = list(_title_run_re().finditer(text))
    chain = titles_before(runs[-1].group(0) + " ") if runs else None
    return chain.titles[-1].label if chain is not None else None


@cache
def _of_country_after_re() -> re.Pattern:
    return re.compile(rf"^\s*(?:,\s*)?of\s+(?:the\s+)?({country_forms()})\b")


def country_after(text: str) -> str | None:
    """`Lena Varga of US`: the country written right after a name."""
    m = _of_country_after_re().match(text)
    if not m:
        return None
    rec = country_named(m.group(1))
    return rec.iso3 if rec else None


def title_of_next_name(text: str, end: int, later: int | None) -> bool:
    """ "A, Director of the Office Z and B attended": the title after a name's comma that
    runs, with no comma, into the next name is that name's own, not an apposition."""
    if not later or later - end > LOOK_BACK:
        return False
    # ("Minister of W, Dr A, Minister of X, Mr B": in a list that writes titles first, an
    # honorific after the title's comma opens the next name, whose title it is)
    gap = text[end:later]
    honoured = honorifics_closing(gap) if titles_written_first(text, end) else None
    gap = gap[: honoured.start()] if honoured else gap
    # ("Kenyan President A, Chilean Foreign Minister, B": a list whose titles come first)
    listed = honoured is None and titled_name_before(text, end + len(_comma(gap)))
    gap = gap.rstrip(", ") if listed else gap
    opened = _APPOSITION_OPENS.match(gap)
    # (a title's own portfolios may be listed with commas when a comma closes it)
    stops = ";:()\n" if honoured or listed else ",;:()\n"
    if opened is None or any(c in gap[opened.end() :] for c in stops):
        return False
    chain = titles_before(gap)
    return chain is not None and chain.start == opened.end()


_APPOSITION_OPENS = re.compile(r"\s*,\s*(?:the\s+)?")


def _comma(gap: str) -> str:
    """The comma and spaces that open a gap after a name, if any."""
    m = re.match(r"\s*,\s*", gap)
    return m.group(0) if m else ""
