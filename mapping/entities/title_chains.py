"""Reading the chain of titles that ends a text (the sentence up to a name), right to left:
"Kazakh Deputy Prime Minister and Foreign Minister", "her counterpart from Ecuador,", with
the country or body that qualifies them. The grammar of one title is entities/titles.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from communique.mapping.entities.qualifiers import qualifier_country, qualifier_organization
from communique.mapping.entities.titles import (
    COUNTERPART,
    TITLE_JOINER,
    Title,
    end_title_re,
    honorific_re,
    title_from,
    title_run,
)
from communique.mapping.mentions.gazetteers import country_named


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
        h = honorific_re().search(rest)
        if h is None:
            break
        if of := _OF_BEFORE.search(rest, 0, h.start()):
            if styled_office:  # "Director of the Office of His Majesty": the office's style
                return _titles_before(text, False) if (c := _ending_chain(rest)) is None else c
            rest = rest[: of.start()]  # "Chancellor of His Beatitude": a style not known
            break
        rest = rest[: h.start()].rstrip()
    if rest.endswith(","):  # apposition: "The Acting President, Tomas Brevik"
        rest = rest[:-1].rstrip()
    if (member := _MEMBERSHIP.search(rest)) and (chain := _ending_chain(rest[: member.start()])):
        return chain  # "Minister of State and Member of the Cabinet": the office is the title
    return _ending_chain(rest)


# a seat held with an office, not an office of its own: "and Member of the Cabinet",
# "and a member of the Politburo", "and Cabinet Member"
_MEMBERSHIP = re.compile(
    r"\s+and\s+(?:an?\s+)?(?:[Mm]ember\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"|[A-Z]\w+\s+Member)\Z"
)


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
        m = end_title_re().search(rest)
        if not m:
            break
        titles.insert(0, title_from(m))
        start = m.start()
        rest = rest[: m.start()].rstrip()
        # "Deputy Prime Minister and Foreign Minister", "Foreign Minister Senator": joined
        # by "and", a dash or a comma, or written side by side
        joined = re.search(rf"{TITLE_JOINER}\s*$", rest)
        if joined and end_title_re().search(rest[: joined.start()].rstrip()):
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
    m = end_title_re().search(rest)
    return m is not None and all(w[:1].isupper() for w in m.group(0).split())


_COUNTERPART_FROM = re.compile(
    r"\b(?:counterparts?|opposite numbers?)"
    r"(?P<tail>\s+(?:from|of)\s+(?:the\s+)?(?P<country>[A-Z][\w’'. -]*?))$"
)


_THE_BEFORE = re.compile(r"\bthe\s*\Z", re.IGNORECASE)


def without_anothers_title(chain: TitleChain, before: str, others: Iterable[str]) -> TitleChain:
    """ "The Secretary and Foreign Minister X discussed ...": a bare one-word title at the
    head of a chain, after "the", by which a person told before goes ("Secretary of State
    Y"), is that person: the rest of the chain is X's. `others`: the titles, as written,
    of the persons told before."""
    first = chain.titles[0]
    if len(chain.titles) < 2 or " " in first.surface or first.country or chain.country:
        return chain
    if not _THE_BEFORE.search(before, 0, chain.start):
        return chain
    word = first.surface.lower()
    if not any(t.lower() == word or t.lower().startswith(word + " ") for t in others):
        return chain
    return replace(chain, titles=chain.titles[1:])


def titled_name_before(text: str, at: int) -> bool:
    """Whether the text up to `at` ends with a name written after a title and a comma
    ("Kenyan President X, "): in such a list a title set off by commas before the next name
    is that name's ("..., Chilean Foreign Minister, Y"), not an apposition of the first."""
    lo, end = max(0, at - 2 * LOOK_BACK), at
    while end > lo and text[end - 1] != "\n" and text[end - 1].isspace():
        end -= 1
    # (the pattern ends in a comma and spaces: without one there, no need to scan back)
    if end == lo or text[end - 1] != ",":
        return False
    return _titled_name_re().search(text, lo, at) is not None


@cache
def _titled_name_re() -> re.Pattern:
    name = r"(?:[A-Z][\w’'.-]*[^\S\n]+){0,3}[A-Z][\w’'.-]*"
    return re.compile(rf"{title_run()}[^\S\n]+{name}[^\S\n]*,[^\S\n]*\Z")
